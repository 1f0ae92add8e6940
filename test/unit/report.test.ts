import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { indexHtml, splitExplanation, shortTitle, docLabel, type IndexInput } from "../../src/report/index-page";
import {
  claimsInOutputs,
  claimsInSource,
  headingText,
  listNotebooks,
  notebookProblems,
  notebookTitle,
  pageName,
  placeClaims,
  sectionAt,
  type NotebookJson,
} from "../../src/report/notebooks";
import { pageTemplate, navHtml, PAGE_CSS } from "../../src/report/template";
import { buildReport, defaultJobs, parseReportArgs, readLedger, reportCommand, ReportError, MARKER } from "../../src/commands/report";
import { UsageError } from "../../src/commands/args";
import { tempDir } from "../tmp";
import { claimCard } from "../../src/display/card";
import type { LedgerRow } from "../../src/claims/types";

const SCRIPT = "<script>alert(1)</script>";
const ATTR = `" onmouseover="alert(2)`;

function row(over: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id: "nao-1-7-referrals",
    document: "nao",
    basis: "data",
    reading: { primary: "every authority", justification: "official default", declared: "default" },
    location: "para 1.7",
    quote: "In 2017-18, local authorities received 655,630 referrals.",
    stated: [655630],
    recomputed: [655630],
    verdict: "confirmed",
    explanation: "England referrals in 2017-18: 655,630.",
    evidence: [{ source: "cin-2020-c1", file: "children-in-need/c1.csv", rows: ["row 329 (England)"], columns: ["Referrals"], values: { referrals: 655630 } }],
    units: ["count"],
    roles: ["level"],
    written: ["655,630"],
    ...over,
  };
}

const md = (source: string) => ({ cell_type: "markdown", source });
const code = (source: string, outputs: NotebookJson["cells"][number]["outputs"] = []) => ({ cell_type: "code", source, outputs, execution_count: null });

const NB01: NotebookJson = {
  cells: [
    md("# 01 · Demand and activity: Part One\n\nIntro"),
    code('import * as nb from "../dist/src/notebooks/demand";'),
    md("## Referrals grew (summary 7)\n\ntext\n```\n# not a heading\n```"),
    code('await nb.claims("nao-1-7-referrals", "nao-s7-referrals-change");'),
    md("### Figure 5, *redrawn*"),
    code("nb.figure5();\n// nao-1-7 is a prefix and must not match"),
  ],
};

/** The executed version of NB01: the cards of the claims in cell 3 were displayed. */
function executed(nb: NotebookJson, cards: Record<number, string[]>): NotebookJson {
  return {
    cells: nb.cells.map((c, i) => ({
      ...c,
      outputs: (cards[i] ?? []).map((id) => ({ output_type: "display_data", data: { "text/html": claimCard(row({ id })) } })),
    })),
  };
}

test("claimCard carries the anchor id the index links to, escaped", () => {
  assert.match(claimCard(row()), /<details class="csc-claim-card" id="claim-nao-1-7-referrals"/);
  const evil = claimCard(row({ id: `x${ATTR}` }));
  assert.ok(evil.includes(`id="claim-x&quot; onmouseover=&quot;alert(2)"`));
  assert.ok(!evil.includes(`" onmouseover="`));
});

test("headingText, notebookTitle and sectionAt read headings (not lines in fenced code)", () => {
  assert.equal(headingText("## Referrals *grew* (para `1.7`) ##"), "Referrals grew (para 1.7)");
  assert.equal(headingText("### See [the NAO](https://nao.org.uk)"), "See the NAO");
  assert.equal(notebookTitle(NB01, "01-demand.ipynb"), "01 · Demand and activity: Part One");
  assert.equal(notebookTitle({ cells: [md("no heading")] }, "02-costs.ipynb"), "02-costs");
  assert.equal(notebookTitle({ cells: [md("## only a section")] }, "x.ipynb"), "only a section");
  assert.equal(sectionAt(NB01, 1), "01 · Demand and activity: Part One");
  assert.equal(sectionAt(NB01, 3), "Referrals grew (summary 7)", "the fenced '# not a heading' is skipped");
  assert.equal(sectionAt(NB01, 5), "Figure 5, redrawn");
  assert.equal(sectionAt({ cells: [code("x")] }, 0), null);
});

test("claimsInSource finds whole quoted ids in code cells only, not prefixes or markdown", () => {
  const nb: NotebookJson = { cells: [md('"md-only"'), ...NB01.cells, code("check('single-quoted'); `tpl-quoted`")] };
  const found = claimsInSource(nb, ["nao-1-7-referrals", "nao-s7-referrals-change", "nao-1-7", "md-only", "single-quoted", "tpl-quoted", "absent"]);
  assert.deepEqual([...found.entries()], [["nao-1-7-referrals", 4], ["nao-s7-referrals-change", 4], ["single-quoted", 7], ["tpl-quoted", 7]]);
  // regex characters in an id are taken literally
  assert.equal(claimsInSource({ cells: [code('"a.b"')] }, ["a.b", "axb"]).size, 1);
});

test("claimsInOutputs reads the card anchors of an executed notebook, decoding entities", () => {
  const ex = executed(NB01, { 3: ["nao-1-7-referrals", "nao-s7-referrals-change"], 5: ["nao-1-7-referrals"] });
  assert.deepEqual([...claimsInOutputs(ex).entries()], [["nao-1-7-referrals", 3], ["nao-s7-referrals-change", 3]]);
  const amp = { cells: [code("", [{ output_type: "display_data", data: { "text/html": ['<div id="claim-a&amp;b">', "</div>"] } }])] };
  assert.deepEqual([...claimsInOutputs(amp).keys()], ["a&b"]);
  assert.equal(claimsInOutputs({ cells: [code("", [{ output_type: "stream", name: "stdout", text: 'id="claim-x"' }])] }).size, 0, "only HTML outputs count");
});

test("placeClaims gives the anchor where a card was shown and the section where an id is only named", () => {
  const nb02: NotebookJson = { cells: [md("# 02 · Costs"), md("## Where they disagree"), code('nb.compare("nao-1-7-referrals", "only-named");')] };
  const places = placeClaims(
    [
      { file: "01-demand.ipynb", nb: executed(NB01, { 3: ["nao-1-7-referrals"] }) },
      { file: "02-costs.ipynb", nb: nb02 },
    ],
    ["nao-1-7-referrals", "nao-s7-referrals-change", "only-named", "nowhere"],
  );
  assert.deepEqual(places.get("nao-1-7-referrals"), [
    { notebook: "01-demand.ipynb", section: "Referrals grew (summary 7)", anchor: "claim-nao-1-7-referrals" },
    { notebook: "02-costs.ipynb", section: "Where they disagree", anchor: null },
  ]);
  assert.deepEqual(places.get("nao-s7-referrals-change"), [{ notebook: "01-demand.ipynb", section: "Referrals grew (summary 7)", anchor: null }]);
  assert.deepEqual(places.get("only-named"), [{ notebook: "02-costs.ipynb", section: "Where they disagree", anchor: null }]);
  assert.equal(places.has("nowhere"), false);
});

test("notebookProblems names the cell and the error; a clean notebook has none", () => {
  const nb: NotebookJson = {
    cells: [
      md("# t"),
      code("ok()", [{ output_type: "stream", name: "stdout", text: "fine" }, { output_type: "stream", name: "stderr", text: "a warning" }]),
      code("const x: number = 'a';", [{ output_type: "stream", name: "stderr", text: "1:7 - Type 'string' is not assignable to type 'number'.\n" }, { output_type: "error", ename: "", evalue: "", traceback: [] }]),
      code('await nb.claim("missing")', [{ output_type: "error", ename: "Error", evalue: 'no claim "missing" in the registry', traceback: ["\u001b[31mError\u001b[0m: no claim"] }]),
      code("log()", [{ output_type: "stream", name: "stderr", text: "TypeError: x is not a function\n    at evalmachine.<anonymous>:3:43\n    at Script.runInThisContext (node:vm:135:14)\n" }]),
      code('import * as q from "./nonexistent";', [{ output_type: "stream", name: "stderr", text: ["1:20 - Cannot find module './nonexistent' or its corresponding type declarations.\n"] }]),
      code("silent()", [{ output_type: "error", ename: "", evalue: "" }]),
    ],
  };
  const p = notebookProblems(nb);
  assert.equal(p.length, 5, p.join("\n"));
  assert.equal(p[0], "code cell 2 (const x: number = 'a';): 1:7 - Type 'string' is not assignable to type 'number'.", "a TypeScript diagnostic, though it never says 'error'");
  assert.equal(p[1], 'code cell 3 (await nb.claim("missing")): Error: no claim "missing" in the registry');
  assert.equal(p[2], "code cell 4 (log()): TypeError: x is not a function", "stack frames left out");
  assert.match(p[3], /^code cell 5 \(import \* as q from "\.\/nonexistent";\): 1:20 - Cannot find module/);
  assert.equal(p[4], "code cell 6 (silent()): an error with no message");
  assert.deepEqual(notebookProblems(NB01), []);
});

test("listNotebooks and pageName: sorted .ipynb files, executed copies and hidden files left out", () => {
  const dir = tempDir("csc-nbs-");
  for (const f of ["02-b.ipynb", "00-start.ipynb", "x.nbconvert.ipynb", ".hidden.ipynb", "notes.md"]) fs.writeFileSync(path.join(dir, f), "{}");
  assert.deepEqual(listNotebooks(dir), ["00-start.ipynb", "02-b.ipynb"]);
  assert.deepEqual(listNotebooks(path.join(dir, "absent")), []);
  assert.equal(pageName("01-demand-and-activity.ipynb"), "01-demand-and-activity.html");
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An index built from rows that hold injection payloads everywhere a string can go. */
function evilIndex(): { html: string; input: IndexInput } {
  const rows = [
    row({
      id: `fx-${SCRIPT}`,
      location: `para ${SCRIPT}`,
      quote: `Rates in ${SCRIPT} and ${ATTR}`,
      explanation: `The LA ${SCRIPT} had the highest rate.`,
      evidence: [{ source: `src${ATTR}`, file: `cin/${SCRIPT}.csv`, rows: [`LA ${SCRIPT}`], columns: [`rate${ATTR}`], values: { [SCRIPT]: 1 }, note: SCRIPT }],
      written: [`1${SCRIPT}`],
      verdict: "differs",
    }),
    row({ id: "nao-1-7-referrals" }),
    row({ id: "pac-c3-x", document: "pac", verdict: "rounding" }),
  ];
  const places = new Map([
    [`fx-${SCRIPT}`, [{ notebook: `09-${SCRIPT}.ipynb`, section: `Section ${SCRIPT}`, anchor: `claim-fx-${SCRIPT}` }]],
    ["nao-1-7-referrals", [{ notebook: "01-demand.ipynb", section: "Referrals grew", anchor: "claim-nao-1-7-referrals" }, { notebook: "08-disagree.ipynb", section: "Both", anchor: null }]],
  ]);
  const input: IndexInput = {
    rows,
    places,
    pages: [
      { notebook: "00-start-here.ipynb", title: "00 · Start here: what it checks", claims: 0 },
      { notebook: "01-demand.ipynb", title: "01 · Demand and activity: Part One", claims: 1 },
      { notebook: `09-${SCRIPT}.ipynb`, title: `09 · ${SCRIPT}`, claims: 1 },
    ],
    built: { at: "2025-01-01T00:00:00Z", version: "0.1.0", commit: `abc${SCRIPT}`, sources: 159, seconds: 12 },
    downloads: [{ label: "ledger.json", href: "ledger.json" }],
  };
  return { html: indexHtml(input), input };
}

test("indexHtml escapes every string from the ledger, the notebooks and the build", () => {
  const { html } = evilIndex();
  assert.ok(!html.includes(SCRIPT), "a raw <script>alert(1)</script> in the index");
  assert.ok(!html.includes(`" onmouseover="`), "an attribute break-out in the index");
  assert.equal((html.match(/<script\b/gi) ?? []).length, 1, "only the page's own script");
  assert.ok(html.includes("LA &lt;script&gt;alert(1)&lt;/script&gt;"), "the LA name is written as text");
  assert.ok(html.includes("Rates in &lt;script&gt;alert(1)&lt;/script&gt; and &quot; onmouseover=&quot;alert(2)"));
  // links are percent-encoded in the href and escaped as attributes
  assert.ok(html.includes(`href="09-%3Cscript%3Ealert(1)%3C/script%3E.html#claim-fx-%3Cscript%3Ealert(1)%3C%2Fscript%3E"`), "encoded link");
});

test("indexHtml writes one row per claim with its verdict and document, counts, and links to the cards", () => {
  const { html } = evilIndex();
  const rows = html.match(/<tr class="claim"[^>]*>/g) ?? [];
  assert.equal(rows.length, 3);
  assert.match(rows[1], /data-verdict="confirmed" data-document="nao" data-order="1"/);
  assert.match(rows[2], /data-verdict="rounding" data-document="pac"/);
  assert.ok(html.includes('<option value="differs">differs (1)</option>'));
  assert.ok(html.includes('<option value="confirmed">confirmed (1)</option>'));
  assert.ok(html.includes('<option value="inconsistent">inconsistent (0)</option>'));
  assert.ok(html.includes('<option value="pac">PAC (1)</option>'));
  assert.ok(!html.includes('<option value="hcl">'), "only documents in the ledger");
  // both places of a claim shown in two notebooks, the card first
  assert.ok(html.includes('<a class="place" href="01-demand.html#claim-nao-1-7-referrals"'));
  assert.ok(html.includes('<a class="place" href="08-disagree.html"'));
  assert.ok(html.includes('<a href="01-demand.html#claim-nao-1-7-referrals"><code>nao-1-7-referrals</code></a>'));
  assert.match(html, /<code>pac-c3-x<\/code><\/td>/, "a claim in no notebook is not linked");
  assert.ok(html.includes("not in a notebook"));
  // counts table: the total line holds 3 claims, 1 differs
  assert.match(html, /<b>All documents<\/b><\/th>(<td class="num">\d+<\/td>){9}<td class="num"><b>3<\/b><\/td>/);
  assert.ok(html.includes('href="00-start-here.html">00 · Start here</a>'), "the start notebook is offered first");
  assert.ok(html.includes('id="controls" hidden'), "controls appear only when the script runs");
  assert.ok(html.includes("from 159 official files"));
});

test("indexHtml with no claims still writes a table and says nothing matches", () => {
  const html = indexHtml({ rows: [], places: new Map(), pages: [], built: { at: "t", version: "v", sources: 0 } });
  assert.equal((html.match(/<tr class="claim"/g) ?? []).length, 0);
  assert.match(html, /<tr id="no-match"><td colspan="9">No claim matches\.<\/td><\/tr>/);
});

test("splitExplanation keeps short text whole and splits long text at a sentence or a word", () => {
  assert.deepEqual(splitExplanation("Short."), { lead: "Short.", rest: "" });
  const long = `England referrals: 615,000 in 2010-11 to 655,630 in 2017-18, a change of +6.6%. ${"More detail. ".repeat(30)}`;
  const s = splitExplanation(long);
  assert.equal(s.lead, "England referrals: 615,000 in 2010-11 to 655,630 in 2017-18, a change of +6.6%.");
  assert.ok(s.rest.startsWith("More detail."));
  const words = splitExplanation("word ".repeat(100));
  assert.ok(words.lead.endsWith(" …") && words.lead.length <= 245);
  assert.ok(words.rest.startsWith("… word"));
});

test("shortTitle and docLabel", () => {
  assert.equal(shortTitle("01 · Demand and activity: Part One of the NAO report"), "01 · Demand and activity");
  assert.equal(shortTitle("07 · The House of Commons Library briefing (CBP 8543, March 2021) and more"), "07 · The House of Commons Library briefing");
  assert.equal(shortTitle("05 · What drives variation? The NAO's model, with its workings shown"), "05 · What drives variation? The NAO's…");
  assert.equal(docLabel("govuk"), "GOV.UK");
  assert.equal(docLabel("nao"), "NAO");
});

test("the page template empties require.js and MathJax and keeps titles from ending its raw block", () => {
  const t = pageTemplate([{ notebook: "01-a.ipynb", title: "01 · {% endraw %}{{ 7*7 }} <b>x</b>", claims: 0 }]);
  assert.match(t, /^\{%- extends 'index\.html\.j2' -%\}/);
  assert.match(t, /\{%- block html_head_js_requirejs -%\}\{%- endblock html_head_js_requirejs -%\}/);
  assert.match(t, /\{%- block html_head_js_mathjax -%\}\{%- endblock html_head_js_mathjax -%\}/);
  // two raw blocks: the pages' CSS and the bar
  assert.equal((t.match(/\{% raw %\}/g) ?? []).length, 2);
  assert.equal((t.match(/\{% endraw %\}/g) ?? []).length, 2, "the title's {% endraw %} is escaped");
  assert.ok(t.includes(`{% raw %}<style>${PAGE_CSS}</style>{% endraw %}`), "the pages' CSS");
  assert.ok(!/\{[{%#]/.test(PAGE_CSS), "the CSS holds no Jinja delimiter");
  assert.match(PAGE_CSS, /\.jp-InputArea-editor [^{]*\{white-space:pre-wrap;overflow-wrap:anywhere\}/);
  assert.ok(t.includes("&#123;&#37; endraw &#37;&#125;&#123;&#123; 7*7 &#125;&#125; &lt;b&gt;x&lt;/b&gt;"));
  assert.ok(navHtml([{ notebook: "01-a.ipynb", title: "01 · A: b", claims: 0 }]).includes('<a href="01-a.html" title="01 · A: b">01 · A</a>'));
});

test("parseReportArgs takes --out, --notebooks, --ledger, --timeout, --jobs and refuses the rest", async () => {
  assert.deepEqual(parseReportArgs(["report", "--out", "site", "--timeout=60"]), { out: "site", timeout: "60" });
  assert.deepEqual(parseReportArgs(["--jobs", "2"]), { jobs: "2" });
  for (const bad of ["0", "1.5", "two"]) {
    const write = process.stderr.write.bind(process.stderr);
    let said = "";
    process.stderr.write = ((x: string) => ((said += x), true)) as typeof process.stderr.write;
    try {
      assert.equal(await reportCommand(["--jobs", bad]), 2);
    } finally {
      process.stderr.write = write;
    }
    assert.equal(said, `report: --jobs must be a whole number of notebooks, 1 or more, not "${bad}"\n`);
  }
  assert.ok(defaultJobs() >= 1 && defaultJobs() <= 4);
  assert.deepEqual(parseReportArgs(["--help"]), { help: "true" });
  assert.throws(() => parseReportArgs(["--outt", "x"]), (e: unknown) => e instanceof UsageError && e.code === 2 && /unknown option --outt; did you mean --out\?/.test(e.message));
  assert.throws(() => parseReportArgs(["--out"]), /--out needs a value/);
  assert.throws(() => parseReportArgs(["site"]), /unexpected argument "site"/);
});

test("readLedger reads recheck's JSON and names the entry that is wrong", () => {
  const dir = tempDir("csc-ledger-");
  const good = path.join(dir, "good.json");
  const { units, roles, written, ...contract } = row();
  void units; void roles; void written;
  fs.writeFileSync(good, JSON.stringify([contract]));
  const rows = readLedger(good);
  assert.equal(rows.length, 1);
  assert.deepEqual([rows[0].units, rows[0].roles, rows[0].written], [[], [], []], "extras default to empty lists");
  const bad = path.join(dir, "bad.json");
  fs.writeFileSync(bad, JSON.stringify([contract, { ...contract, id: "x-2", verdict: "maybe" }]));
  assert.throws(() => readLedger(bad), /bad\.json, entry 2 \(x-2\): "verdict": unknown verdict "maybe"/);
  fs.writeFileSync(bad, "{}");
  assert.throws(() => readLedger(bad), /not a ledger/);
  assert.throws(() => readLedger(path.join(dir, "absent.json")), /cannot read the ledger/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("buildReport will not replace a folder that is not a previous report", async () => {
  const dir = tempDir("csc-out-");
  const nbs = path.join(dir, "nbs");
  const out = path.join(dir, "site");
  fs.mkdirSync(nbs);
  fs.writeFileSync(path.join(nbs, "01-a.ipynb"), JSON.stringify({ cells: [] }));
  fs.mkdirSync(out);
  fs.writeFileSync(path.join(out, "precious.txt"), "keep me");
  const opts = { out, notebooksDir: nbs, timeout: 60, write: () => undefined, tty: false };
  await assert.rejects(buildReport(opts), (e: unknown) => e instanceof ReportError && /not empty and holds no previous report/.test(e.message));
  assert.equal(fs.readFileSync(path.join(out, "precious.txt"), "utf8"), "keep me");
  await assert.rejects(buildReport({ ...opts, notebooksDir: path.join(dir, "empty") }), /no notebooks \(\.ipynb\) in/);
  await assert.rejects(buildReport({ ...opts, out: nbs }), /holds the notebooks/);
  assert.deepEqual(fs.readdirSync(dir).sort(), ["nbs", "site"], "nothing left behind");
  assert.equal(MARKER, ".csc-report");
  fs.rmSync(dir, { recursive: true, force: true });
});
