"""Source of notebooks/00-start-here.ipynb (run: python3 tools/notebook-00.py)."""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from nb import write

cells = [
("md", """
# 00 · Start here: what csc-factcheck checks, and how

Five documents about children's social care in England quote hundreds of numbers: referrals, children in need,
child protection plans, children in care, spending, the workforce, and a model of why local authorities differ.
The National Audit Office's *Pressures on children's social care* (January 2019) is the source the others draw
on; the Public Accounts Committee, the House of Commons Library, the NAO's own summary page and Community Care
repeat, round, re-date or re-interpret its figures.

This project takes every one of those numbers, recomputes it from the official files the document relied on,
and gives it a verdict with the evidence: the file, sheet, rows and columns. Where two documents disagree it
says why: a different year, definition or denominator, a later revision of the data, cash against real terms.

It is meant to be re-run and read by anyone: every figure comes from code reading the source file, named beside
it, and the whole pipeline is one command.
"""),
("code", """
import * as nb from "../dist/src/notebooks/start";
await nb.ensureData();
"""),
("md", """
## The documents

Each claim in the registry (`data/claims/<document>/*.json`) holds the sentence quoted verbatim, the numbers as
written, and the name of the check that recomputes them. Checks never see the stated numbers: they compute from
the data, and only the verdict rules compare.
"""),
("code", """
nb.documents();
"""),
("md", """
## How to run it

```sh
npm ci                                   # install (Node 20); builds the TypeScript
npx csc-factcheck data                   # copy the official files from $CSC_DATA_MIRROR (or download them), checking every sha256
npx csc-factcheck recheck                # every claim, its recomputed value and verdict (--format json|csv|md)
npx csc-factcheck report                 # run every notebook and write a static site to report/ (index.html: every claim)
env/register-kernel.sh && jupyter lab notebooks/   # read the notebooks (TypeScript, tslab kernel)
```

In a notebook, run all cells from the top: the first cell fetches the data if needed, and each card below a quote
is the same ledger row `recheck` prints.
"""),
("md", """
## The verdict rules

A stated number is compared with the recomputed one at the precision the document wrote it.
"""),
("code", """
nb.verdictRules();
"""),
("md", """
## The data and their vintages

Official statistics are revised. DfE's children in need figures were first published each autumn and carried,
sometimes revised, in later releases; from 2024 DfE re-based every past rate on new population estimates. A
document quoting 2019 figures used the releases of its day, so each check reads the *vintage* its document used
and, where a later one differs, reports it beside. Every file below is listed in `data/sources.json` with its
publisher, release, vintage, coverage, licence and sha256. Open a topic for its files.
"""),
("code", """
nb.sources();
"""),
("md", """
## The whole ledger

Every claim checked, counted by verdict and by document. The same rows, one per claim with its explanation and
evidence, are what `npx csc-factcheck recheck` prints and what the report's index page lists with filters.
"""),
("code", """
await nb.ledgerSummary();
"""),
("md", """
## The part notebooks

Each follows its part of the documents in order: the quote, the data, the computation, a chart, the verdict.
"""),
("code", """
await nb.notebooks();
"""),
("md", """
## Every claim

The ledger in one table; the notebooks above show each claim's card with its explanation and evidence.
"""),
("code", """
await nb.allClaims();
"""),
]

write(os.path.join(os.path.dirname(__file__), "..", "notebooks", "00-start-here.ipynb"), cells)
