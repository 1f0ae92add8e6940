"""Source of notebooks/05-what-drives-variation.ipynb (run: python3 tools/notebook-05.py)."""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from nb import write

cells = [
("md", """
# 05 · What drives variation? The NAO's model, with its workings shown

The NAO's summary (para 16) says that local-authority characteristics ("fixed effects") account for 44% of the
variation between authorities in new child protection plans, deprivation for 15% and changes over time for a
further 10%. Community Care reported the same three figures. The House of Commons Library (CBP 8543, 2021)
reported 50%, 15%, 10% and "25% unexplained". Prof. Paul Bywaters asked how the NAO reached "only 15%", and a
reader complained that the report did not show its "workings".

This notebook shows the workings. It re-estimates the model on the official files and computes each share in
every way such shares are computed:

* **sequential R²**: the rise in R² as each group of variables is added in a given order (in the NAO's order:
  deprivation, then time, then LA effects; and in every other order);
* **entered last**: the rise in R² when a group is added after all the others;
* **partial R²**: the share of what the other groups leave unexplained that a group explains;
* **Shapley**: the average of a group's rise in R² over every order, which always adds up to the model's R²;
* **random-effects variance components**: the between-authority variance left after deprivation, as a share of
  the variance of the rate.

Each card is the ledger row that `npx csc-factcheck recheck` prints. Model figures get the verdict **model**:
the card gives the project's estimate (the NAO set-up, in the NAO's order), how it varies across definitions and
specifications, and which reading gives the document's figure.
"""),
("code", """
import * as nb from "../dist/src/notebooks/model";
await nb.ensureData();
"""),
("md", """
## The data: 152 authorities, 2010-11 to 2016-17 (appendix paras 6 and 7)

The outcome is the NAO's: new child protection plans (plans starting in the year) per 10,000 children aged 0–17.
Counts and denominators are DfE's, as first published in each year's underlying data. Cells where the file
suppresses or omits the count are left out, not filled in, so the panel is slightly unbalanced.
"""),
("code", """
nb.panelSummary();
"""),
("code", """
await nb.claims("nao-app2-6-sample", "nao-app2-7-years");
"""),
("md", """
## Deprivation and plans

Averaged over the seven years, authorities with more children in income-deprived families start more plans.
The question is how much of the *variation* that is, and the answer depends on how the variation is divided.
"""),
("code", """
nb.deprivationScatter();
"""),
("md", """
## The NAO's covariates, and which the data here holds

The NAO named funding and staffing (summary 16) and opiate and crack cocaine use, teenage conceptions, abortion
rates and deprivation (appendix para 6). Only deprivation and a funding proxy exist for these years in the
official files gathered here.
"""),
("code", """
nb.naoCovariates();
"""),
("md", """
## Shares of the variation, every way

For the NAO set-up (IDACI 2015 as the deprivation measure), the table gives each component's share under each
definition. The bar chart marks the NAO's and the Library's figures for the LA effects.
"""),
("code", """
nb.sharesTable("nao");
"""),
("code", """
await nb.sharesChart("nao");
"""),
("md", """
Sequential shares depend on the order. A deprivation score measured once (2015) is constant within each
authority, so once the LA effects are in, it has nothing left to explain: its share is zero whenever it comes
after them, and its whole R² when it comes first. Year effects are nearly uncorrelated with both, so their share
barely moves.
"""),
("code", """
nb.orderingsTable("nao");
"""),
("md", """
## 44% or 50%? Which definitions give which

The same table for every specification tried: IMD instead of IDACI, both, funding, a time-varying deprivation
measure (children in low-income families), 2017-18 added, 2009-10 added ("2010 to 2017" read as eight years),
a log scale, and the two tiny authorities left out.
"""),
("code", """
nb.specsTable();
"""),
("code", """
await nb.specsChart();
"""),
("md", """
The cards for the LA-effects share. The comparison in brackets names the first reading, in the order the table
lists them, that gives the stated figure.
"""),
("code", """
await nb.claims("nao-s16-la-44", "nao-s16-la-approximately-44", "cc-la-almost-half-44", "hcl-la-50");
"""),
("md", """
## Deprivation's 15%: how could the NAO identify it? (summary 16, PAC conclusion 1, Prof. Bywaters)

With LA fixed effects in the model, a deprivation index measured once cannot be estimated (Stata drops it). The
readings that *can* give deprivation an effect: pooled OLS (LA effects left in the error), the between
regression on the authorities' averages, random effects (which assumes the LA effects are unrelated to
deprivation), or a measure that changes from year to year (here, HMRC's children in low-income families), with
fixed effects or as a correlated random effects (Mundlak) model.
"""),
("code", """
nb.deprivationTable();
"""),
("code", """
await nb.claims("nao-s16-deprivation-15", "pac-c1-deprivation-15", "cc-deprivation-15", "cc-bywaters-only-15", "hcl-deprivation-15");
"""),
("md", """
## Time effects: "a further 10%"
"""),
("code", """
await nb.claims("nao-s16-time-10", "cc-time-10", "hcl-time-10");
"""),
("md", """
## "25% unexplained"

The Library's four figures add up to 100%. Sequential shares do that (they add up to the model's R², and the
remainder is 1 − R²); the NAO's own three figures (44% + 15% + 10%) would leave 31% unexplained, so the 50% and the
25% go together, and the 44% with something else in the model (the NAO says funding and staffing).
"""),
("code", """
await nb.claims("hcl-unexplained-25");
"""),
("md", """
## What adding 2017-18 changes

The NAO used 2010-11 to 2016-17. Adding 2017-18 (from DfE's 2020 release), or 2009-10:
"""),
("code", """
nb.yearsTable();
"""),
("md", """
## The Department's own attribution of the rise in children in need (para 3.3)

Before the NAO's model, the Department attributed 41% of the increase in children in need (2009-10 to 2016-17)
to population growth, 1% to unaccompanied asylum-seeking children and left 58% unexplained. Its calculation is
not published; the card shows the standard decomposition on the official series and how the answer turns on the
population estimates and on how children in need are counted.
"""),
("code", """
await nb.claims("nao-3-3-population-41", "nao-3-3-rest-58");
"""),
("md", """
## A reader's "50% cut in government funding since 2010", and Prof. Bywaters' "more than 10 times"

Two figures from Community Care's article that sit beside the model: a reader's comment on funding, and the
research finding the professor cited (children in the poorest neighbourhoods are more than 10 times likelier to
enter care). Neither can be settled from the local-authority files here; the cards say what would.
"""),
("code", """
await nb.claims("cc-reader-funding-cut-50", "cc-bywaters-10-times");
"""),
("md", """
## Summary of this notebook
"""),
("code", """
nb.summary("Part Three: the NAO's model, PAC conclusion 1, Community Care and the Commons Library");
"""),
]

write(os.path.join(os.path.dirname(__file__), "..", "notebooks", "05-what-drives-variation.ipynb"), cells)
