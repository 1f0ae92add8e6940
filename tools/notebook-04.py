"""Source of notebooks/04-spending-response.ipynb (run: python3 tools/notebook-04.py)."""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from nb import write

cells = [
("md", """
# 04 · The spending response: Part Two of the NAO report, paragraphs 2.18–2.21, re-checked

How did local authorities' spending respond to rising demand? The NAO's summary paragraph 15 and paragraphs
2.18–2.21 say that authorities overspent their children's social care budgets (91% of them in 2017-18, by
£872 million), budgeted £540 million more for 2018-19, protected safeguarding, family support and looked-after
children while cutting youth justice and other services (Figure 13), and shifted spending from preventative to
statutory services: 41% preventative in 2010-11, 25% in 2017-18, a fall of £1.7 billion in real terms (Figure 14).
The Public Accounts Committee (conclusion 2) and Community Care repeat some of these numbers.

Each section gives the quote, the data, the computation, a chart, and the verdict card — the ledger row that
`npx csc-factcheck recheck` prints for the same claim. The sources are MHCLG's revenue outturn (RO3, and the RS
summary of 2017-18 as first published) and revenue account budgets (RA), DfE's section 251 outturn by LA and
line, and HM Treasury's GDP deflator (March 2020).
"""),
("code", """
import * as nb from "../dist/src/notebooks/spending-response";
await nb.ensureData();
"""),
("md", """
## Spending power and funding (summary 15, para 2.18)

The 28.6% fall in 'spending power' and the 49.1% fall in central government funding come from the NAO's
*Financial sustainability of local authorities 2018*. No file in the mirror carries spending power or grant
funding, so both are unverifiable; the cards name what would settle them.
"""),
("code", """
await nb.claims("nao-s15-spending-power", "nao-2-18-funding-and-spending-power");
"""),
("md", """
## Overspending against budget (summary 15, para 2.19, PAC conclusion 2, Community Care)

*"In 2017-18, the total national overspend on children's social care was £872 million. The proportion of local
authorities that have overspent on children's social care has increased, rising from 63% in 2010-11 to 91% in
2017-18."*

Overspent here means: the authority's outturn (MHCLG revenue outturn, children's social care net current
expenditure) exceeded its budget (MHCLG revenue account budget, budgeted net current expenditure, line 330; in
2010-11 and 2011-12, which have no total line, the sum of the children's lines — the outturn of those years
covers the same lines). Authorities are matched by their DfE code; all 152 upper-tier authorities are counted,
the Isles of Scilly and the City of London included; an authority whose outturn is missing ("…" — the Isles of
Scilly in 2016-17) is left out of that year's count. The 2017-18 outturn is read as first published (RS summary,
2018), the vintage the NAO had; the cards compare it with the revised RO3 file.
"""),
("code", """
nb.overspendTable();
"""),
("md", """
Authority by authority in 2017-18 (£ million), largest underspend first — a danfo DataFrame:
"""),
("code", """
const las = nb.overspendFrame("2017-18");
las.head(20).print();
"""),
("md", """
The same method reproduces the NAO's 2010-11 share, but not its 2017-18 share or its total: the cards give what
the files say and every other reading tried (without the tiny authorities, the overspends alone without netting
underspends, the revised file, DfE's section 251 outturn), and which of them, if any, reproduces each number.
"""),
("code", """
await nb.claims("nao-s15-share-overspending", "nao-2-19-share-overspending", "nao-s15-overspend", "nao-2-19-overspend", "pac-c2-overspend", "cc-overspend");
"""),
("md", """
## The budget for 2018-19 (para 2.19)

*"Local authorities are planning to spend some £540 million more on children's social care in 2018-19 than they
planned to spend in 2017-18, a rise of 6.8%. Most of this increase (£350 million, a 9.1% increase) is on the
additional children taken into care."* — MHCLG revenue account budgets, England row, line 330 and line 313.
"""),
("code", """
await nb.claims("nao-2-19-planned-increase", "nao-2-19-cla-budget-increase");
"""),
("md", """
## Spending by service line, 2010-11 to 2017-18 (para 2.20, Figure 13)

Section 251 outturn changed its structure in 2012-13: 2010-11 has no "safeguarding" group, reports adoption and
special guardianship under other children's and families services (later years: under looked-after children),
and has separate lines for children's services strategy and for commissioning and social work. The table shows
which lines of each year make up each service line and how comparable they are. Every year's lines add up to its
total of children's and young people's services (the code refuses a mapping that does not).
"""),
("code", """
nb.mappingTable("2010-11", "2017-18");
"""),
("md", """
The seven lines for every year with line-level files, as a DataFrame (net, cash, £ million):
"""),
("code", """
const lines = nb.linesFrame();
lines.query(lines["year"].eq("2017-18")).print();
"""),
("md", """
### Figure 13, redrawn

Net current expenditure, England (sum of the 152 LAs), in 2017-18 prices with HM Treasury's March 2020 GDP
deflator. The NAO used an earlier vintage of the deflator, which is not in the mirror, so its £ labels need not
match these exactly; the percentages are less sensitive to it. All seven lines are drawn: the text of the NAO's
figure available here names four of them (safeguarding, family support, other children's and families services,
youth justice) and paragraph 2.20 a fifth (looked-after children).
"""),
("code", """
nb.figure13("2010-11", "2017-18");
"""),
("md", """
How much would prices have had to rise between 2010-11 and 2017-18 for each of the NAO's labels to follow from
the cash figures? (This reads the document's own numbers; the checks never do.) If the four labels imply about
the same rise, the gap is the deflator vintage, not the spending data.
"""),
("code", """
nb.impliedPriceRise();
"""),
("code", """
await nb.claims("nao-2-20-lines-up-10", "nao-fig13-safeguarding", "nao-fig13-family-support", "nao-fig13-other-children-families", "nao-fig13-youth-justice");
"""),
("md", """
## Statutory and preventative spending (summary 15, para 2.21, Figure 14)

*"The proportion of spending on preventative services, such as children's centres, fell from 41% in 2010-11 to
25% in 2017-18. Spending on statutory activities rose from 59% to 75% over the same period."*

The NAO does not list its preventative lines. The definitions compared here: the first — everything except
looked-after children and safeguarding, so youth justice and other children's and families services count as
preventative — reproduces 41%, 25%, 59%, 75% and £1.7 billion; the others give different shares.
"""),
("code", """
nb.definitionList();
"""),
("md", """
### Figure 14, redrawn
"""),
("code", """
nb.figure14();
"""),
("md", """
### How the share moves with the definition

The share in every year under each definition (net), and the first definition on gross spending: what counts as
preventative moves the level a great deal; every definition falls over the period.
"""),
("code", """
nb.definitions();
"""),
("code", """
await nb.claims("nao-s15-preventative-share", "nao-s15-statutory-share", "nao-2-21-statutory-share", "nao-2-21-preventative-share");
"""),
("md", """
## Community Care's start year

Community Care dated the fall from 41% to 25% *"between 2011-12 and 2017-18"*. The NAO's 41% is 2010-11. The
table above shows the 2011-12 share under each definition; the card gives the amounts by which Sure Start and
services for young people fell between 2010-11 and 2011-12, which is why the start year matters.
"""),
("code", """
await nb.claims("cc-preventative-share");
"""),
("md", """
## Summary of this notebook
"""),
("code", """
nb.summary("NAO Part Two (spending response), PAC conclusion 2 and Community Care");
"""),
]

write(os.path.join(os.path.dirname(__file__), "..", "notebooks", "04-spending-response.ipynb"), cells)
