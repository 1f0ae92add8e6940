"""Source of notebooks/06-sure-start.ipynb (run: python3 tools/notebook-06.py)."""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from nb import write

cells = [
("md", """
# 06 · Sure Start: did closing children's centres change child protection?

The NAO (summary para 17, appendix para 8) tested whether closing Sure Start children's centres increased the
need for statutory intervention, with a difference-in-differences design: around half of authorities closed no
centres, and the others closed them in different years. It found no increase in child protection plans, and a
slight fall where centres had closed. The Public Accounts Committee repeated the finding (conclusion 4).

The NAO's closure data came from the Department and is not published. No file here counts centres, or closures,
by authority and year, so these claims are **unverifiable**. This notebook says which dataset would settle them,
and shows the estimators on the data that does exist: section 251 spending on individual children's centres, as a
stand-in for closures.
"""),
("code", """
import * as nb from "../dist/src/notebooks/model";
await nb.ensureData();
"""),
("md", """
## "The number of Sure Start children's centres has fallen by just over 500 since 2010" (summary 17)

What the official files do show is spending on centres, not their number:
"""),
("code", """
nb.centreSpendingChart();
"""),
("code", """
await nb.claims("nao-s17-centres-fallen-500");
"""),
("md", """
## "Around half of local authorities closed no children's centres" (appendix para 8)

The stand-in for a closure: the first year in which an authority's real spending per child on individual centres
fell below half its 2010-11 level. Authorities reach that point in different years (staggered adoption); some
never do.
"""),
("code", """
nb.proxyCohorts();
"""),
("code", """
await nb.claims("nao-app2-8-half-no-closures");
"""),
("md", """
## The estimators, first on a case with a known answer

With staggered timing, the usual two-way fixed-effects regression compares later-treated authorities with
already-treated ones, and when effects change with time since treatment its estimate is a weighted average with
some negative weights (Goodman-Bacon 2021; de Chaisemartin and D'Haultfœuille 2020; Sun and Abraham 2021). The
Callaway–Sant'Anna estimator compares each cohort only with never-treated (or not-yet-treated) units. On a
simulated panel with an effect that grows each year:
"""),
("code", """
nb.simulationTable();
"""),
("md", """
## The estimators on the spending proxy

Outcome: new child protection plans per 10,000 children aged 0–17, 2010-11 to 2018-19.
"""),
("code", """
nb.didTable();
"""),
("code", """
nb.eventStudyChart();
"""),
("md", """
## The claims
"""),
("code", """
await nb.claims("nao-s17-no-increase", "nao-s17-slight-fall", "pac-c4-centres-no-increase");
"""),
("md", """
## Which dataset would settle them

A count of children's centres open in each authority at each year end: DfE's Get Information About Schools
establishment records of children's centres (establishment types 47 and 48), whose open and close dates give
closures by authority and year; or the centre counts compiled by authority by the Sutton Trust or Action for
Children. Joined to the plans above, the same two estimators would re-run the NAO's test, with the
Callaway–Sant'Anna estimate free of the staggered-timing bias.
"""),
("md", """
## Summary of this notebook
"""),
("code", """
nb.summary("Sure Start: NAO summary 17 and appendix para 8, PAC conclusion 4");
"""),
]

write(os.path.join(os.path.dirname(__file__), "..", "notebooks", "06-sure-start.ipynb"), cells)
