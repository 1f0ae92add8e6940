"""Source of notebooks/02-costs-and-workforce.ipynb (run: python3 tools/notebook-02.py)."""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from nb import write

cells = [
("md", """
# 02 · Costs and workforce: Part One of the NAO report, re-checked

The second half of Part One of the NAO's *Pressures on children's social care* (HC 1868, January 2019): what
local authorities spend and budget on children's social care (para 1.3), the cost of children in care and of
foster and residential placements (summary 10; paras 1.24, 1.26, 1.27; the Public Accounts Committee's conclusion
3), the survey of residential capacity (summary 11; para 1.27) and the social work workforce (para 1.29).

Spending comes from MHCLG's revenue outturn (RO3/RS) and revenue account budgets, and from DfE's section 251
outturn (line by line, summed over the 152 authorities as first published). Real terms use HM Treasury's GDP
deflator of March 2020: the NAO used an earlier vintage, so real-terms figures can differ in the last digit.
"""),
("code", """
import * as nb from "../dist/src/notebooks/costs";
await nb.ensureData();
"""),
("md", """
## Spending and budgets (para 1.3; summary 10; paras 1.24, 1.26, 1.27; PAC conclusion 3)

Children's social care spending from MHCLG's revenue outturn, budgets from its revenue account budgets, and
the cost of foster and residential care from DfE's section 251 outturn. Real terms use HM Treasury's GDP deflator.
"""),
("code", """
await nb.claims("nao-1-3-spend-2017-18", "nao-1-3-budgets", "nao-s10-cla-budget", "nao-1-24-cla-budget", "nao-1-26-foster", "nao-1-26-residential");
"""),
("md", """
### Residential care: numbers and cost, 2013-14 to 2017-18

The number of children in residential placements and the cost of residential care. The chart shows the
section 251 residential care line in cash and in 2017-18 prices.
"""),
("code", """
await nb.claims("nao-s10-residential-number", "nao-1-27-residential-number", "pac-c3-residential-number", "nao-s10-residential-cost", "nao-1-27-residential-cost", "pac-c3-residential-cost");
nb.figureResidentialSpend();
"""),
("code", """
await nb.claims("nao-s11-capacity-survey", "nao-1-27-capacity-survey", "nao-1-28-providers-referrals", "nao-1-28-providers-fees");
"""),
("md", """
## The workforce (para 1.29)

DfE's children's social work workforce statistics start (in the files here) at 30 September 2017; earlier years
were published in a series that is not in the mirror, so their figures are marked unverifiable with the release
that would settle them.
"""),
("code", """
nb.figureVacancyByRegion();
await nb.claims("nao-1-29-fte-2017", "nao-1-29-fte-2014-change", "nao-1-29-vacancy-2017", "nao-1-29-vacancy-2013", "nao-1-29-vacancy-regions", "nao-1-29-agency-2017", "nao-1-29-agency-2013", "nao-1-29-leavers-5-years", "nao-1-29-sw-spend");
"""),
("md", """
## Summary of this notebook
"""),
("code", """
nb.summary("Part One of the NAO report (costs and workforce) and PAC conclusion 3");
"""),
]

write(os.path.join(os.path.dirname(__file__), "..", "notebooks", "02-costs-and-workforce.ipynb"), cells)
