"""Source of notebooks/08-where-the-sources-disagree.ipynb (run: python3 tools/notebook-08.py)."""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from nb import write

def section(title, text, quantities, extra=None):
    cells = [("md", f"## {title}\n\n{text}")]
    code = "\n".join(f'await nb.disagreement("{q}");' for q in quantities)
    if extra:
        code += "\n" + extra
    cells.append(("code", code))
    return cells

HIGHLIGHTS = [
    ("The highest children-in-need rate: 1,323 or 1,343 per 10,000?",
     "The NAO (summary 13) and the PAC (conclusion 1) give the highest rate of children-in-need episodes in 2017-18 as 1,323 per 10,000 children; Community Care gives 1,343. Both numbers are in the same DfE file: which one you get depends on whether the Isles of Scilly, with a few hundred children, is in the comparison. The strip chart shows every authority's rate, the extremes labelled.",
     ["cin-episodes-rate-max-2017-18", "cin-episodes-rate-min-2017-18"], "nb.figure8();"),
    ("Local-authority effects: 44% or 50% (and a 25% remainder)?",
     "The NAO attributes about 44% of the variation in new child protection plans to local-authority characteristics, 15% to deprivation and 10% to time; the Commons Library reports 50%, 15%, 10% and 25% unexplained. The project re-estimates the model; the table gives the shares under each definition of a 'share of variation'.",
     ["model-la-effects-share", "model-deprivation-share", "model-time-share", "model-unexplained-share"], "nb.sharesTable();"),
    ("2010-11 or 2011-12 as the start year",
     "Community Care reports the NAO's changes \u2014 section 47 enquiries +77%, plans +26%, children in care +15%, the preventative share 41% \u2192 25% \u2014 as running from 2011-12; the NAO measures them from 2010-11.",
     ["s47-change-2010-11-to-2017-18", "cla-change-2010-11-to-2017-18", "preventative-share-2010-11-to-2017-18", "preventative-share-2017-18"]),
    ("Child protection plans: 26%, \u201cless than 30%\u201d, +32%",
     "The NAO writes that plans rose 26% (summary 8, para 1.17) and \u201cless than 30%\u201d (para 1.21); the Commons Library's +32% runs from 2010 to 2020. Plans can be counted in force at 31 March or starting in the year.",
     ["cpp-change-2010-11-to-2017-18", "cpp-change-2010-to-2020"]),
    ("Section 47 enquiries: 77% or +125%?",
     "The NAO's 77% runs from 2010-11 to 2017-18; the Commons Library's +125% from 2009-10 to 2019-20, with a 2009-10 level that is not the one first published.",
     ["s47-change-2010-to-2020"]),
    ("Children in care against population growth: \u201calmost\u201d or \u201cmore than\u201d triple?",
     "The NAO's summary 9 says the number of children in care rose by almost triple the rate of population growth in its heading and more than triple in its next sentence; paragraphs 1.17 and 1.24 say almost triple.",
     ["cla-growth-vs-population"]),
    ("Starters \u201cover 16\u201d or \u201c16 and over\u201d?",
     "Summary 9 speaks of children over 16 taken into care, paragraph 1.17 of children who started to be looked after aged 16 and over, with the same numbers.",
     ["cla-starters-16-plus-change"]),
]

cells = [
("md", """
# 08 · Where the sources disagree

The five documents often state the same quantity: the NAO in its summary and again in its body, the PAC and
Community Care after it, the Commons Library two years later. This notebook lists every place where two documents,
or two places in one document, state a quantity differently, and says from the data why.

The list is generated, not typed: each claim in the registry names the quantity it states (`quantity`), the ledger
recomputes every claim, and for each number the project finds which reading of the data reproduces it \u2014 its own
primary reading, a later or earlier release, another period, an authority left in or out, another definition.
The same list is printed by `npx csc-factcheck disagreements`.
"""),
("code", """
import * as nb from "../dist/src/notebooks/disagreements";
await nb.ensureData();
await nb.load();
"""),
("code", """
await nb.overview();
"""),
]
shown = []
for title, text, qs, *extra in HIGHLIGHTS:
    cells += section(title, text, qs, extra[0] if extra else None)
    shown += qs
cells += [
("md", """
## Every other quantity stated differently

The rest of the list, generated the same way.
"""),
("code", "await nb.others(%s);" % ("[" + ", ".join(f'"{q}"' for q in shown) + "]")),
]

write(os.path.join(os.path.dirname(__file__), "..", "notebooks", "08-where-the-sources-disagree.ipynb"), cells)
