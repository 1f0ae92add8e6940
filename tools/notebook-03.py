"""Source of notebooks/03-variation-and-quality.ipynb (run: python3 tools/notebook-03.py)."""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from nb import write

cells = [
("md", """
# 03 · Variation between authorities, and quality: Part Two of the NAO report, re-checked

What the Public Accounts Committee and the press took from *Pressures on children's social care* (NAO, HC 1868,
January 2019) was mostly this part: how far local authorities differ in what they do and spend, and whether spending
buys quality. This notebook takes every number in the NAO's summary paragraphs 13–14 and paragraphs 1.12 and
2.9–2.17 (Figures 8 to 12), the Committee's conclusions 1, 2 and 5, and Community Care's report of them: the quote,
the data, the computation, a chart, and the verdict.

It is also where the best-known disagreement between the documents lives: the highest rate of children-in-need
episodes is **1,323** per 10,000 in the NAO and the PAC, **1,343** in Community Care. The first section finds out
exactly why.

Each card is the ledger row that `npx csc-factcheck recheck` prints. Verdicts: **confirmed** (equal within the
precision written), **rounding** (off only in the last digit, or matching a rounding the document itself made),
**differs**, **unverifiable** (no open data settles it).
"""),
("code", """
import * as nb from "../dist/src/notebooks/variation";
await nb.ensureData();
"""),
("md", """
## 1 · Activity per child varies four- to eight-fold (summary 13, para 2.11, Figure 8)

> *The rate of children in need episodes during 2017-18 ranged from 301 to 1,323 per 10,000 children between local
> authorities.* (NAO summary 13; the PAC's conclusion 1 repeats it.)
>
> *Children in need per 10,000 in 2017-18 ranged from 301 to 1,343 between councils, and on child protection plans
> from 22 to 156.* (Community Care)

Every range depends on three choices: which release's rates (DfE's EES release of October 2020 carries the rates as
first published in November 2018; the 2024 release re-based every past rate on post-2021-Census populations),
whether the two tiny authorities — the Isles of Scilly and the City of London, each with a few hundred children, whose
rates swing on a handful of cases — are in, and which measure. The table gives every combination for the four activities of Figure 8.
"""),
("code", """
nb.rangeTable();
"""),
("md", """
### Figure 8, redrawn

One point per authority. The red points are each activity's lowest and highest authority and, wherever they have a
rate, the Isles of Scilly and the City of London.
"""),
("code", """
nb.figure8();
"""),
("md", """
### 1,323 or 1,343?

Same file, same year, same measure. The highest rate of children-in-need episodes is the **Isles of Scilly's
1,342.5** (49 episodes among 365 children); leave the Isles of Scilly out, as the NAO's text did, and the highest is
**Blackpool's 1,322.7**. Community Care's 1,343 is the range with every authority in; the NAO's and the PAC's 1,323
is the range without the tiny one. Each is confirmed under its own choice, and each card names the other reading.
On the 2024 release's re-based rates neither number survives (Blackpool 1,339.6; the City of London 1,514.7).
"""),
("code", """
await nb.claims("nao-s13-cin-rate-max", "pac-c1-cin-rate-max", "cc-cin-rate-max");
"""),
("code", """
await nb.claims("nao-s13-cin-rate-min", "pac-c1-cin-rate-min", "cc-cin-rate-min");
"""),
("md", """
Community Care's child protection range, in the same sentence, leaves the Isles of Scilly *out*: its rate of plans
starting in 2017-18 is zero in the 2020 release, so the range from every authority would start at 0, not 22. The
range 22–156 is that of plans *starting* in the year, not plans in force at 31 March.
"""),
("code", """
await nb.claim("cc-cpp-rate-range");
"""),
("md", """
### Looked-after children and section 47 enquiries (para 2.11)

> *In 2017-18, the median rate per local authority for looked-after children was 70 per 10,000 children; this ranged
> from 23 to 185 per 10,000 children. The number of section 47 enquiries in local authorities also varied, ranging
> from 59 to 482 per 10,000 children in 2017-18.*

The range is exact. The median is not: the middle of the 151 published LA rates is 67; 70 is what the *mean* of the
LA rates rounds to (69.6).
"""),
("code", """
await nb.claims("nao-2-11-cla-range", "nao-2-11-cla-median", "nao-2-11-s47-range");
"""),
("md", """
## 2 · The 2016 report's ranges (para 1.12)

> *… referrals accepted by local authorities varied from 226 to 1,863 per 10,000 children; and rates of children in
> need varied from 291 to 1,501 per 10,000 children. Average spending per child in need episode ranged from £340 for
> the lowest-spending local authority to £4,970 for the highest.*

These are the 2014-15 figures (the year the NAO's October 2016 report had), from DfE's underlying data as first
published, without the two tiny authorities: with the City of London in, the lowest referral rate would be 209.4, and
its spend per episode (£18,361) would top the range.
"""),
("code", """
await nb.claims("nao-1-12-2016-referrals-range", "nao-1-12-2016-cin-range", "nao-1-12-2016-spend-range");
"""),
("md", """
> *In 2016, Ofsted had only judged services to help or protect children as Good in 23% of the 103 local authorities
> it had inspected over the previous three years.*

The 103rd first SIF report was published on 5 August 2016; 24 of those 103 judged help and protection Good.
"""),
("code", """
await nb.claim("nao-1-12-2016-help-protection-good");
"""),
("md", """
## 3 · Spend per child-in-need episode (summary 13, para 2.14, Figure 10)

Footnote 15 defines the measure: section 251 total expenditure on *Social work (including local authority functions
in relation to child protection)* over children-in-need episodes in the year. England: £2,069.6 million over 753,840
episodes. The ten ends of the ranking:
"""),
("code", """
nb.spendEnds();
"""),
("md", """
The same table for every authority, as a DataFrame for your own analysis (sorted by spend per episode):
"""),
("code", """
nb.spendFrame().head(8).print();
"""),
("md", """
### Figure 10, redrawn: by type of authority

> *In 2017-18, the amount local authorities spent per child in need episode ranged from £566 to £5,166 per year
> across local authorities of the same type.* (NAO para 2.14) — *… across unitary authorities. Other types of
> councils – metropolitan, counties and London boroughs – exhibited similar spreads.* (Community Care)

Both ends are unitary authorities (East Riding of Yorkshire and Bournemouth). The other types' spreads are *not*
similar: their highest spend is 2.9 to 3.8 times their lowest, against 9.1 among unitary authorities.
"""),
("code", """
nb.figure10();
"""),
("code", """
await nb.claims("nao-2-14-spend-average", "nao-s13-spend-per-episode-range", "nao-2-14-spend-range-same-type", "cc-spend-range-unitary");
"""),
("md", """
The PAC adds that the range is *similar to when we looked at this in 2016*: the upper end is (about £5,000 then and
now), the lower end is not (£338 in 2014-15, £566 in 2017-18).
"""),
("code", """
await nb.claim("pac-c1-spend-per-episode-range");
"""),
("md", """
## 4 · Quality as Ofsted judges it (summary 14, paras 2.16–2.17, Figure 12; PAC conclusion 5)

> *After every local authority's initial inspection under the new framework introduced in 2013, 65% of local
> authorities were assessed as 'Inadequate' or 'Requires improvement to be good', with 36% as 'Good' or
> 'Outstanding'. After reinspection the proportion … fell to 58%.*

Grades come from Ofsted's LA inspection history (first SIF inspection, SIF re-inspection, ILACS), each authority's
row joined to its DfE code by name. At first inspection 98 of 152 authorities were below Good: 64.5%, which the NAO's
65% reaches only as the sum of the rounded shares of its Figure 12 (43% + 22%); 36% and 58% are exact.
"""),
("code", """
nb.figure12(["at:2018-08-31", "at:2019-03-22"]);
"""),
("code", """
await nb.claims("nao-2-17-first-below-good", "nao-2-17-first-good-outstanding", "nao-2-17-reinspection-below-good", "nao-s14-ofsted-below-good-first", "nao-s14-ofsted-below-good-aug-2018", "pac-c5-below-good");
"""),
("md", """
How the sheet's names were joined to DfE codes (every name matched; Dorset, in both of the sheet's tables, needed the
table to say which Dorset):
"""),
("code", """
nb.ofstedJoin();
"""),
("md", """
## 5 · Does spending buy quality? (summary 14, paras 1.12 and 2.15, Figure 11; PAC conclusion 2; Community Care)

> *There is no link between spending per child in need and quality of services as assessed by Ofsted.*

"No link" is tested, not only drawn: Spearman's rank correlation between the grade (1 Outstanding … 4 Inadequate)
and spend per episode, with a permutation p-value, and a Kruskal–Wallis test of whether spend differs across the four
grades. A claim of no correlation is confirmed when |ρ| is under 0.1.
"""),
("code", """
nb.figure11();
"""),
("md", """
ρ is close to zero however the grade is dated. The Kruskal–Wallis test is less settled: with grades from the first SIF
inspection, spend does differ across grades (p = 0.02) — not in a line from Outstanding to Inadequate but in a U: the
three Outstanding authorities and those rated Inadequate spend more per episode than those rated Good or Requires
improvement. "No correlation" holds; "no relationship of any kind" is less sure.
"""),
("code", """
await nb.claims("nao-s14-no-link-spend-quality", "nao-2-15-no-correlation-2017-18", "pac-c2-no-link-spend-quality", "cc-no-correlation", "nao-1-12-2016-no-correlation");
"""),
("md", """
> *Some services are rated Good by Ofsted with spending of £570 per child in need while others are rated Good with
> spending of £4,980.*
"""),
("code", """
await nb.claim("nao-s14-good-spend-range");
"""),
("md", """
## 6 · Does the grade predict who reduces care numbers? (summary 14, para 2.13, Figure 9; Community Care)

> *Figure 9 also shows that the Ofsted rating for an authority does not predict whether authorities will be able to
> reduce numbers of children in care in a sustainable way.*

Looked-after rates from 31 March 2011 to 2018 (PHE Fingertips' copy of DfE's rates), each authority coloured by its
grade at 31 August 2018, with each grade's median in bold:
"""),
("code", """
nb.figure9();
"""),
("md", """
The change from 2010-11 to 2017-18 by grade. Authorities rated Good or Outstanding reduced their rate more often (45%)
than the others (28%); the rank correlation is weak (ρ = 0.18) but larger than "no indication" allows, and it shrinks
when the grade is dated differently. The verdict is *differs*, with the size of the association in the card.
"""),
("code", """
nb.changeByGrade();
"""),
("code", """
await nb.claims("nao-2-13-ofsted-cla-reduce", "nao-s14-ofsted-cla-reduce", "cc-ofsted-cla-reduce");
"""),
("md", """
> *Similarly, Ofsted ratings for children's social care services are not correlated in any way with changing levels
> of child protection plans …*

Measured as plans *starting* (the NAO model's measure), 2012-13 to 2017-18, worse-rated authorities increased more
(ρ = 0.19); measured as plans in force at 31 March, there is no correlation (ρ = 0.08). The card gives both.
"""),
("code", """
nb.changeByGrade("cppStartsRate", "2012-13", "2017-18", "2020");
"""),
("code", """
await nb.claim("nao-s14-ofsted-cpp-change");
"""),
("md", """
## 7 · What the open data cannot settle (paras 2.9 and 2.16)

The number of authorities the Department was intervening in on 10 December 2018 is the Department's own list; the
inspection dates of the first SIF round are not in the Ofsted file (only publication dates). Each card says what
would settle it.
"""),
("code", """
await nb.claims("nao-2-9-interventions", "nao-2-16-sif-period");
"""),
("md", """
## Summary of this notebook
"""),
("code", """
nb.summary("NAO Part Two (variation and quality), PAC conclusions 1, 2 and 5, and Community Care");
"""),
]

write(os.path.join(os.path.dirname(__file__), "..", "notebooks", "03-variation-and-quality.ipynb"), cells)
