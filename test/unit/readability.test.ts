/**
 * What makes the report and the notebooks readable: cards closed with the evidence on demand,
 * execution counts on the pages, DataFrames written as the documents write numbers, chart labels
 * that stay apart and on the chart, readable names on axes, the index's fixed columns.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { claimCard, ledgerTable, frameColumn, frameTable, toDataFrame, labelPositions, figureHtml, stripChart, htmlTable } from "../../src/display";
import { numberCodeCells, type NotebookJson } from "../../src/report/notebooks";
import { indexHtml } from "../../src/report/index-page";
import { specAxisLabel, SPECS } from "../../src/notebooks/model";
import type { LedgerRow } from "../../src/claims/types";

function row(over: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id: "nao-1-7-referrals",
    document: "nao",
    location: "para 1.7",
    quote: "There were 655,630 referrals in 2017-18.",
    stated: [655630],
    recomputed: [655630],
    verdict: "confirmed",
    basis: "data",
    reading: { primary: "England as published", justification: "the default reading", declared: "default" },
    explanation: "The file has 655,630 referrals for England in 2017-18.",
    evidence: [{ source: "cin-2018", file: "cin/2018.csv", rows: ["England"], columns: ["referrals"], values: { referrals: 655630 } }],
    units: ["count"],
    roles: ["level"],
    written: ["655,630"],
    ...over,
  };
}

/** The figure object embedded in a figure's drawing script. */
function figOf(html: string) {
  const body = html.slice(html.lastIndexOf("<script>"));
  return JSON.parse(body.slice(body.indexOf("var fig = ") + 10, body.indexOf(";\n  var tries")));
}

test("a claim card is closed: its line says where, stated vs recomputed and the verdict; the evidence is one click further", () => {
  const html = claimCard(row({ evidence: [row().evidence[0], row().evidence[0]] }));
  const card = /<details class="csc-claim-card" id="claim-nao-1-7-referrals"([^>]*)>/.exec(html);
  assert.ok(card, "the card is a <details> with the claim's anchor");
  assert.ok(!/\bopen\b/.test(card![1]), "the card is not open");
  const summary = html.slice(html.indexOf("<summary"), html.indexOf("</summary>"));
  assert.match(summary, /<b>NAO<\/b> para 1\.7/);
  assert.match(summary, /stated <b>655,630<\/b> · recomputed <b>655,630<\/b>/);
  assert.match(summary, />confirmed<\/span>/);
  assert.ok(summary.includes("“There were 655,630 referrals in 2017-18.”"));
  assert.ok(!summary.includes("The file has 655,630"), "the explanation is inside, not on the line");
  const inner = /<details style="[^"]*"><summary[^>]*>Evidence \(2\)/.exec(html);
  assert.ok(inner, "the evidence is its own closed <details>");
  assert.equal((html.match(/<details[^>]*\bopen\b/g) ?? []).length, 0, "nothing opens by itself");
});

test("a long ledger table comes closed under a line that counts it; a short one shows", () => {
  const many = Array.from({ length: 25 }, (_, i) => row({ id: `c-${i}` }));
  const closed = ledgerTable(many, { caption: "Claims here" });
  assert.match(closed, /^<details class="csc-ledger-table"[^>]*><summary[^>]*>Claims here: 25 claims, one line each<\/summary><table/);
  assert.equal((closed.match(/<tr>/g) ?? []).length, 26);
  const open = ledgerTable(many.slice(0, 3), { caption: "Claims here" });
  assert.match(open, /^<table/);
  assert.ok(open.includes(">Claims here</caption>"));
});

test("numberCodeCells numbers the executed code cells in order when the executor left them empty", () => {
  const nb: NotebookJson = {
    cells: [
      { cell_type: "markdown", source: "# T" },
      { cell_type: "code", source: "a", execution_count: null },
      { cell_type: "code", source: ["  ", "\n"], execution_count: null },
      { cell_type: "code", source: "b" },
    ],
  };
  assert.equal(numberCodeCells(nb), 2);
  assert.deepEqual(nb.cells.map((c) => c.execution_count), [undefined, 1, null, 2]);
  const kept: NotebookJson = { cells: [{ cell_type: "code", source: "a", execution_count: 7 }, { cell_type: "code", source: "b", execution_count: 9 }] };
  assert.equal(numberCodeCells(kept), 0);
  assert.deepEqual(kept.cells.map((c) => c.execution_count), [7, 9]);
});

test("frameColumn picks decimals by size and leaves years and codes alone; frameTable writes a DataFrame as the documents would", () => {
  assert.deepEqual(frameColumn("spend", [7687562.74, 2558848]), { key: "spend", decimals: 0 });
  assert.deepEqual(frameColumn("perEpisode", [566.2, 1237.35]), { key: "perEpisode", decimals: 1 });
  assert.deepEqual(frameColumn("share", [0.25, 12.5]), { key: "share", decimals: 2 });
  assert.deepEqual(frameColumn("rho", [0.0431, -0.5]), { key: "rho", decimals: 3 });
  assert.deepEqual(frameColumn("n", [3, 4]), { key: "n", decimals: 0 });
  assert.deepEqual(frameColumn("authority", ["Leeds", "Hull"]), { key: "authority" });
  assert.deepEqual(frameColumn("mixed", [1, "x"]), { key: "mixed" });
  const year = frameColumn("year", [2017, 2018]);
  assert.equal(typeof year.format, "function");
  assert.equal((year.format as (v: unknown) => string)(2017), "2017");

  const df = toDataFrame([
    { laCode: "359", authority: "Metropolitan district of somewhere long", socialWorkSpend: 7687562.74, episodes: 5761, spendPerEpisode: 1334.4, year: 2018 },
    { laCode: "811", authority: "East Riding of Yorkshire", socialWorkSpend: 2558848, episodes: 4519, spendPerEpisode: 566.2, year: 2018 },
  ]);
  const cells = [...frameTable(df).matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
  assert.deepEqual(cells, ["359", "Metropolitan district of somewhere long", "7,687,563", "5,761", "1,334.4", "2018", "811", "East Riding of Yorkshire", "2,558,848", "4,519", "566.2", "2018"]);
  const heads = [...frameTable(df).matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
  assert.deepEqual(heads, ["laCode", "authority", "socialWorkSpend", "episodes", "spendPerEpisode", "year"]);
  // a sorted frame keeps its index: shown as a first column
  const sorted = df.sortValues("episodes");
  assert.deepEqual([...frameTable(sorted).matchAll(/<tr><td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]), ["1", "0"]);
});

test("short words stay on one line in a table; numbers too; longer text may wrap", () => {
  const html = htmlTable([{ year: "2009-10", name: "Requires improvement to be good", n: 5 }]);
  const tds = [...html.matchAll(/<td style="([^"]*)">/g)].map((m) => m[1]);
  assert.match(tds[0], /white-space:nowrap/);
  assert.doesNotMatch(tds[1], /white-space:nowrap/);
  assert.match(tds[2], /white-space:nowrap/);
});

test("labelPositions moves close labels apart, above and below their points", () => {
  assert.deepEqual(labelPositions([10, 500, 505], 1000, "right"), ["middle right", "bottom right", "top right"]);
  assert.deepEqual(labelPositions([10, 500], 1000, "left"), ["middle left", "middle left"]);
  assert.deepEqual(labelPositions([3, 1], 0, "right"), ["top right", "bottom right"], "no span: every pair is close");
});

test("a strip chart labels each column's highest point above it and the rest beside, on the chart, with level tick names", () => {
  const html = stripChart({
    groups: [
      { name: "Children-in-need episodes", points: [{ label: "A", value: 100 }, { label: "B", value: 900 }, { label: "C", value: 500 }] },
      { name: "Looked after at 31 March", points: [{ label: "Richmond upon Thames", value: 20 }, { label: "City of London", value: 22 }, { label: "Blackpool", value: 180 }] },
    ],
    highlight: ["City of London"],
    title: "t",
    xTitle: "x",
    yTitle: "y",
    source: "s",
  })!;
  const fig = figOf(html);
  const labels = fig.data[fig.data.length - 1];
  const at = (name: string) => labels.textposition[labels.text.indexOf(name)];
  assert.equal(at("B"), "top center");
  assert.equal(at("A"), "middle right");
  assert.equal(at("Blackpool"), "top center");
  assert.equal(at("Richmond upon Thames"), "bottom right");
  assert.equal(at("City of London"), "top right");
  assert.equal(labels.cliponaxis, false);
  assert.equal(fig.layout.xaxis.tickangle, 0);
  assert.deepEqual(fig.layout.xaxis.ticktext, ["Children-in-need<br>episodes", "Looked after at 31<br>March"]);
  assert.ok(fig.layout.xaxis.range[1] > 1.5, "room on the right of the last column");
});

test("a long title goes on two lines, hung from the top, with the margin made for it", () => {
  const title = "Figure 9 redrawn: children looked after per 10,000, by authority and Ofsted grade, 2011–2018";
  const fig = figOf(figureHtml({ data: [] }, { title, xTitle: "x", yTitle: "y", source: "s", height: 500 }));
  assert.equal(fig.layout.title.text, "Figure 9 redrawn: children looked after per 10,000, by authority and Ofsted<br>grade, 2011–2018");
  assert.equal(fig.layout.margin.t, 82);
  assert.equal(fig.layout.title.yanchor, "top");
  const short = figOf(figureHtml({ data: [] }, { title: "Referrals", xTitle: "x", yTitle: "y", source: "s" }));
  assert.equal(short.layout.title.text, "Referrals");
  assert.equal(short.layout.margin.t, 60);
});

test("every model specification has a readable axis name, never its id", () => {
  for (const s of SPECS) {
    const name = specAxisLabel(s);
    assert.notEqual(name, s.id);
    assert.ok(name.length <= 32, `${s.id}: "${name}" is too long for an axis`);
    assert.doesNotMatch(name, /^[a-z0-9]+(-[a-z0-9]+)+$/, `${s.id}: "${name}" looks like an id`);
  }
  assert.equal(new Set(SPECS.map(specAxisLabel)).size, SPECS.length, "names are distinct");
});

test("the index's ledger fits its width: fixed columns summing to the whole, quotes and explanations clamped until opened", () => {
  const html = indexHtml({ rows: [row()], places: new Map(), pages: [], built: { at: "2025-01-01T00:00:00Z", version: "0", sources: 1 } });
  assert.match(html, /#ledger \{ width: 100%; font-size: 13px; table-layout: fixed; \}/);
  const widths = [...html.matchAll(/#ledger col\.c-[a-z]+ \{ width: ([\d.]+)%; \}/g)].map((m) => Number(m[1]));
  assert.equal(widths.length, 9);
  assert.equal(Math.round(widths.reduce((a, b) => a + b, 0) * 10) / 10, 100);
  assert.equal((html.match(/<col class="c-/g) ?? []).length, 9);
  assert.ok(html.includes(`<td class="quote"><span class="clamp">“There were 655,630 referrals in 2017-18.”</span></td>`));
  assert.match(html, /#ledger tr:has\(details\[open\]\) \.clamp/);
  assert.match(html, /#ledger thead th \{[^}]*position: sticky; top: var\(--sticky-top, 0px\)/);
  assert.doesNotMatch(html, /\.table-wrap \{ overflow/, "no scrolling wrapper around the table (it would hold the sticky header)");
});
