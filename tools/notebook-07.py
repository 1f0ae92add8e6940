"""Source of notebooks/07-commons-library-2021.ipynb (run: python3 tools/notebook-07.py)."""
import json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from nb import write

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ids(*prefixes, doc="hcl/briefing.json"):
    """Claim ids of the registry, in registry order, that start with one of the prefixes."""
    claims = json.load(open(os.path.join(ROOT, "data", "claims", doc)))
    return [c["id"] for c in claims if any(c["id"].startswith(p) for p in prefixes)]


def cards(*prefixes, doc="hcl/briefing.json", skip=()):
    return "await nb.claims(" + ", ".join(json.dumps(i) for i in ids(*prefixes, doc=doc) if i not in skip) + ");"


cells = [
("md", """
# 07 · The House of Commons Library briefing (CBP 8543, March 2021) and the NAO's summary page, re-checked

*Children's social care services in England* (House of Commons Library, briefing paper 8543, 12 March 2021) takes
the story of the NAO's 2019 report on to 31 March 2020: ten years of children in need, child protection and
children in care, what local authorities spent, the Ofsted picture and the workforce. This notebook takes every
number in it, in the order the briefing gives them, and then the few numbers on the NAO's gov.uk summary page.

Three kinds of check run here:

* **against the data**: the figure recomputed from the official file of the right vintage (the briefing's
  "2010" and "2020" mean 31 March 2010 and 2020, or the years ending then);
* **against the briefing's own numbers** (internal consistency): a change against the two levels it states, a
  table's rows against its total, a rate against the definition its footnote gives. A mismatch there is
  *inconsistent*, with the arithmetic;
* **unverifiable**: survey results and announcements no open data can settle; the card names what would.

The briefing's model figures (50%, 15%, 10%, 25%) are checked in notebook 05 with the NAO's model.
"""),
("code", """
import * as nb from "../dist/src/notebooks/hcl";
await nb.ensureData();
"""),
("md", """
## Ten years of activity (summary and section 2)

> *DfE data on local authority social care activity between 31 March 2010 and 2020 showed an increase in activity
> across a range of measures: children in need (+4%), child protection enquiries (+125%), child protection plans
> (+32%) and looked after children (+24%).*

The series, England, from the files: 2009-10 as first published (the only 2009-10 files in the mirror), 2012-13
onwards from DfE's 2020 release, children looked after from DfE's national time series.
"""),
("code", """
nb.activitySeries();
"""),
("md", """
Each change, as the summary states it and again in section 2. Children in need are counted at 31 March (the
NAO counted episodes during the year, which rose much more: see the card); plans are those in force at 31 March.
"""),
("code", cards("hcl-summary-cin", "hcl-summary-s47-change", "hcl-summary-cpp-change", "hcl-summary-cla-change", "hcl-summary-referrals", skip=("hcl-summary-referrals-consistency",))),
("code", cards("hcl-2-cin", "hcl-2-s47", "hcl-2-cpp", "hcl-2-cla", "hcl-2-referrals")),
("md", """
The summary's percentages against the levels the briefing gives later (its own numbers):
"""),
("code", cards("hcl-summary-s47-consistency", "hcl-summary-cpp-consistency", "hcl-summary-cla-consistency", "hcl-summary-referrals-consistency")),
("md", """
## Children in need (section 2.1)

The peak, the 2020 count and the rates. The briefing calls its rates "per 10,000 of those aged 0-18"; DfE's are per
10,000 children aged under 18 (0-17). Each card shows the rate on a true 0-18 denominator too: about 5% lower.
"""),
("code", cards("hcl-2-1-cin-peak", "hcl-2-1-cin-2020", "hcl-2-1-cin-rate")),
("md", """
The spread between authorities, and the highest and lowest. The briefing gives Richmond upon Thames's rate "per
100,000": read as written that is a tenth of DfE's per-10,000 figure.
"""),
("code", """
nb.laRates();
"""),
("code", cards("hcl-2-1-cin-la")),
("md", """
## Section 47 enquiries and initial child protection conferences (section 2.2)

The 2009-10 counts the briefing uses (89,300 and 43,900) are not those first published (87,700 and 43,100): they
come from a later DfE time series not in the mirror. The percentages do follow from the briefing's own levels.
"""),
("code", cards("hcl-2-2")),
("md", """
## Child protection plans (section 2.3)
"""),
("code", cards("hcl-2-3")),
("md", """
## Children looked after (section 2.4)

The total, the rise "by around a quarter" and the rates. The 31 March 2020 figures were first published in December
2020; the mirror has DfE's 2022 and later releases, which revised them.
"""),
("code", cards("hcl-2-4-cla", "hcl-2-4-foster")),
("md", """
### The placements table

2010 from the SFR27/2010 file as first published (national values rounded, placement codes summed into the table's
groups; two codes are suppressed); 2020 from DfE's 2022 release. The table adds up, but its "secure units,
children's homes" row counts hostels in 2010 and leaves semi-independent living out in 2020 (it moves to "other
settings"): the "other definition" columns show both years on the other footing.
"""),
("code", """
await nb.placementTable();
"""),
("code", cards("hcl-2-4-table")),
("md", """
### Rates by local authority
"""),
("code", cards("hcl-2-4-la")),
("md", """
## The Covid-19 pandemic (section 2.7): survey figures

These come from DfE's fortnightly survey of local authorities and the Children's Commissioner's analysis of it,
from surveys of families, and from notifications not in the mirror. None can be recomputed from open data; each
card names the source that would settle it.
"""),
("code", cards("hcl-2-7")),
("md", """
## Funding (summary, sections 3.1 and 3.4): announcements and estimates
"""),
("code", cards("hcl-summary-sr", "hcl-summary-covid", "hcl-summary-adcs", "hcl-3-1", "hcl-3-4-adcs", "hcl-3-4-covid", "hcl-3-4-nao", "hcl-3-4-profit")),
("md", """
## What local authorities spent (summary, section 3.2)

£9.93 billion in 2019-20: the RO3 file in the mirror is MHCLG's final data set of June 2021, later than the
briefing. The table's real-terms column uses HM Treasury's December 2020 deflator; the mirror has March 2020's,
so every real-terms level differs a little, and so do the latest annual changes.
"""),
("code", cards("hcl-summary-spend", "hcl-3-2-spend")),
("code", """
await nb.spendingTable();
"""),
("code", cards("hcl-3-2-table")),
("md", """
## Spending per young person (section 3.3)

RO3 net current expenditure divided by ONS's mid-2019 population aged 0 to 18 (here the briefing's "0-18" is
right). The briefing's lists leave out the City of London, the Isles of Scilly and Slough; so does this ranking.
"""),
("code", """
nb.perChildChart();
"""),
("code", cards("hcl-3-3")),
("md", """
## Spending on children looked after and private provision (section 3.4)
"""),
("code", cards("hcl-3-4-cla-spend", "hcl-3-4-private")),
("md", """
## Preventative and statutory spending (section 3.5)

The NAO's shares, restated; the two shares should add up to 100%.
"""),
("code", cards("hcl-3-5")),
("md", """
## Ofsted (section 4.2)

Ofsted's inspection history of every local authority, judged on the latest report published by 31 August 2020,
and on each authority's first inspection under the single inspection framework.
"""),
("code", cards("hcl-4-2")),
("md", """
## The workforce (section 5)

DfE's figures at 30 September 2017 and 2020. The files in the mirror are later releases; they revise 2017
slightly. The table's "% change" for the three rates is a relative change of the rate, not percentage points. Its
footnotes define each rate; recomputed from the table's own numbers, the agency rate's definition does not give
the agency rate printed above it.
"""),
("code", """
await nb.workforceTable();
"""),
("code", cards("hcl-5-fte", "hcl-5-table", "hcl-5-definition", "hcl-5-leavers", "hcl-5-turnover", "hcl-5-vacancy")),
("md", """
### Vacancy and agency rates by local authority (section 5.1)
"""),
("code", cards("hcl-5-1")),
("md", """
## The NAO's summary page on gov.uk
"""),
("code", cards("govuk-", doc="govuk/summary.json")),
("md", """
## Every claim of this notebook
"""),
("code", """
nb.summary("CBP 8543 and the NAO summary page: claims checked in this notebook");
"""),
]

write(os.path.join(ROOT, "notebooks", "07-commons-library-2021.ipynb"), cells)
