"""Source of notebooks/01-demand-and-activity.ipynb (run: python3 tools/notebook-01.py)."""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from nb import write

cells = [
("md", """
# 01 · Demand and activity: Part One of the NAO report, re-checked

The National Audit Office's *Pressures on children's social care* (HC 1868, January 2019) opens with the trends
behind the pressure: referrals, children in need, child protection, children in care, their cost, and the
workforce. This notebook takes the numbers on demand and activity in its summary paragraphs 7–12 and Part One
(paragraphs 1.7–1.24) and Community Care's report of the same figures, in document order: the quote, the data,
the computation, a chart where a picture helps, and the verdict. Costs and the workforce (paragraphs 1.3 and
1.24–1.29, PAC conclusion 3) are in notebook 02.

Every card below is the ledger row that `npx csc-factcheck recheck` prints: the same check, run on the same
official files. Verdicts: **confirmed** (equal within the precision written), **rounding** (off only in the last
digit, or only because a file rounds or a later release revised), **differs**, **inconsistent**, **model**,
**unverifiable** (no open data settles it).
"""),
("code", """
import * as nb from "../dist/src/notebooks/demand";
await nb.ensureData();
"""),
("md", """
## Who delivers children's social care (summary 2, para 1.5)

The report's frame: the number of upper-tier local authorities responsible in 2017-18, counted from the
authorities with a row in DfE's children-in-need data for that year.
"""),
("code", """
await nb.claims("nao-s2-152-las", "nao-1-5-152-las");
"""),
("md", """
## Referrals grew in line with the population (summary 7, paras 1.7 and 1.15)

Referrals are the NAO's measure of *demand*. The 2010-11 figure comes from DfE's underlying data as first published
(national counts rounded to the nearest 100 that year); 2017-18 from the 2017-18 figures as carried in DfE's
later releases (unchanged counts). Population is ONS's 0–17 estimate for mid-2010 and mid-2017.
"""),
("code", """
await nb.claims("nao-s7-referrals-change", "nao-s7-population-growth", "nao-1-7-referrals", "nao-1-15-referrals-population");
"""),
("md", """
## Children in need (summary 7, para 1.16)

Two measures: *episodes* during the year (a child can have more than one) and children in need *at 31 March*.
The 2010-11 episode count survives only rounded to 100 in the file, so the NAO's 735,470 can be matched only to
that precision.
"""),
("code", """
await nb.claims("nao-s7-cin-episodes-change", "nao-1-16-cin-episodes-change", "nao-1-16-cin-at-31-march");
"""),
("md", """
## Child protection: section 47 enquiries and plans (summary 8, paras 1.17 and 1.21)

Section 47 enquiries (the NAO's "child protection assessments" or "investigations") and child protection plans.
Plans can be counted as those *in force at 31 March* or those *starting* during the year; the two grew very
differently, and the cards show both.
"""),
("code", """
await nb.claims("nao-s8-referrals-vs-s47", "nao-s8-s47-more-assessments", "nao-s8-cpp-26", "nao-1-17-s47-77", "nao-1-17-cpp-26", "nao-1-21-s47-77", "nao-1-21-cpp-less-than-30");
"""),
("md", """
### Figure 5, redrawn

Change in each activity from 2010-11 to 2017-18 against the growth of the 0–17 population.
"""),
("code", """
nb.figure5();
"""),
("md", """
## Children in care (summary 9, paras 1.17 and 1.24)

Looked-after children at 31 March, the comparison with population growth (the NAO writes both "almost triple"
and "more than triple"), and children starting to be looked after aged 16 and over.
"""),
("code", """
await nb.claims("nao-s9-cla-almost-triple", "nao-s9-cla-change", "nao-1-17-cla-15-almost-triple", "nao-1-24-cla-almost-triple", "nao-1-24-cla-75420", "nao-s9-starters-16-plus", "nao-1-17-starters-16-plus");
"""),
("md", """
## The long run: children in care since 1994 (para 1.11, Figure 4)
"""),
("code", """
await nb.claims("nao-1-11-cla-rate-2018", "nao-1-11-cla-rate-1994");
nb.figure4();
"""),
("md", """
## Assessments and what they found (paras 1.10 and 1.19, Figure 6)
"""),
("code", """
await nb.claims("nao-1-10-assessments-factors", "nao-1-10-abuse-neglect", "nao-1-19-dv-half", "nao-1-19-dv-26", "nao-1-19-other-factors");
nb.figure6();
"""),
("md", """
## Legal changes (para 1.22)
"""),
("code", """
await nb.claims("nao-1-22-staffordshire", "nao-1-22-care-applications");
"""),
("md", """
## Community Care's account of the same figures

Community Care reported the 77%, 26% and 15% "over the same period" as a preventative-spending share it dated
from 2011-12. Checked against that period, and against the NAO's 2010-11:
"""),
("code", """
await nb.claims("cc-activity-changes");
"""),
("md", """
## Summary of this notebook
"""),
("code", """
nb.summary("Part One of the NAO report, PAC conclusion 3 and Community Care");
"""),
]

write(os.path.join(os.path.dirname(__file__), "..", "notebooks", "01-demand-and-activity.ipynb"), cells)
