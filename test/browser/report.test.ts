/**
 * The report in a real browser: `csc-factcheck report` builds the site (every notebook executed by
 * nbconvert with the tslab kernel), a small node:http server serves it on 127.0.0.1, and headless
 * Chromium (Debian's /usr/bin/chromium, or $CSC_CHROMIUM) loads it through playwright-core.
 *
 * Asserted: every Plotly figure on every notebook page drew (its SVG holds data traces); the pages
 * load nothing from outside the site and raise no script error; the index's table filters by
 * verdict, by document and by search words, sorts by a header click (and back), keeps its state in
 * the address, and links each claim to its card; an LA name holding <script>alert(1)</script>
 * shows as text and never runs (a fixture site built by the same command from a test notebook and a
 * test ledger). A notebook that fails stops the command with its name and error and leaves the
 * previous site as it was.
 *
 * Readability: at 1400 px every card is closed (its evidence one click further), every code cell
 * shows its execution count, no code runs off the side and no page is taller than 25,000 px (the
 * heights are printed and kept in test-artifacts/report-page-heights.json); at 1280 px the index's
 * columns all fit and its header row sticks below the filters; at 960 px no figure has a label cut
 * off, labels on top of each other, or an internal name on an axis.
 *
 * Artifacts: test-artifacts/report-index.png (the index), report-index-scrolled.png (its sticky
 * header), report-notebook-07.png (a page of cards), figure8-960.png, and figure5.png (Figure 5
 * of notebook 01); with CSC_UPDATE_DOCS=1 the latter is also written to docs/figure5.png, the
 * picture in the README.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { ROOT, ensureData, REPORT_RUNNING } from "../helpers";
import { buildReport, reportCommand, ReportError, MARKER } from "../../src/commands/report";
import { VERDICTS } from "../../src/claims/types";
import type { LedgerRow } from "../../src/claims/types";

// page callbacks run in the browser, where these exist (the project compiles without the DOM library)
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const window: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare function getComputedStyle(e: unknown): { display: string };

const CHROMIUM = process.env.CSC_CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"];
const WAIT = 30_000;
const PAYLOAD = "<script>alert(1)</script>";
const ARTIFACTS = path.join(ROOT, "test-artifacts");

let tmp = "";
let fixtureNotebooks = "";
let server: http.Server | undefined;
let base = "";
let context: BrowserContext | undefined;
let buildSeconds = 0;
let buildStatus: number | undefined;
let fixtureStatus: number | undefined;
/** Requests a page made to anywhere but the test server. */
const outside: string[] = [];
/** Dialogs (alert, confirm…) any page opened. */
const dialogs: string[] = [];
/** Uncaught script errors, by page. */
const pageErrors: string[] = [];

const MIME: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".csv": "text/csv; charset=utf-8", ".png": "image/png" };

/** A static file server for `root` on 127.0.0.1 and an ephemeral port. */
function serve(root: string): Promise<http.Server> {
  const srv = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let file = path.join(root, path.normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (file.endsWith(path.sep)) file = path.join(file, "index.html");
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      res.writeHead(200, { "content-type": MIME[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(body);
    });
  });
  return new Promise((resolve, reject) => {
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => resolve(srv));
  });
}

/** A notebook (nbformat 4, tslab kernel, no outputs) from (kind, source) cells. */
function notebook(cells: ["md" | "code", string][]): string {
  return JSON.stringify({
    cells: cells.map(([kind, source], i) =>
      kind === "md"
        ? { cell_type: "markdown", id: `c${i}`, metadata: {}, source }
        : { cell_type: "code", id: `c${i}`, metadata: {}, execution_count: null, outputs: [], source },
    ),
    metadata: { kernelspec: { display_name: "TypeScript", language: "typescript", name: "tslab" }, language_info: { name: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

/** A ledger row whose strings hold the payload where an LA name would go. */
const fixtureRow: LedgerRow = {
  id: "fx-la-script",
  document: "nao",
    basis: "data",
    reading: { primary: "every authority", justification: "official default", declared: "default" },
  location: "para 3.1",
  quote: `The highest rate was in ${PAYLOAD}.`,
  stated: [1230],
  recomputed: [1229.6],
  verdict: "differs",
  explanation: `The LA named ${PAYLOAD} had 1,229.6 per 10,000; <img src=x onerror="alert(2)">`,
  evidence: [{ source: "fixture", file: "children-in-need/fixture.csv", rows: [`LA ${PAYLOAD}`], columns: ["rate"], values: { [PAYLOAD]: 1229.6 } }],
  units: ["per10k"],
  roles: ["level"],
  written: ["1,230"],
};

/** Opens a page, failing on HTTP errors. */
async function open(page: Page, rel: string): Promise<void> {
  const res = await page.goto(`${base}/${rel}`, { waitUntil: "load", timeout: WAIT });
  assert.ok(res && res.ok(), `${rel}: HTTP ${res?.status()}`);
}

/**
 * In the page: for each figure div, the number of data traces in its plot that drew marks (a path
 * with a shape, or a text label); 0 for a figure that did not draw. Legend entries (class
 * "traces") are not data traces. With `all`, false until every figure has some.
 */
function figureTraces({ ids, all }: { ids: string[]; all: boolean }): number[] | false {
  const counts = ids.map((id) => {
    const el = document.getElementById(id);
    if (!el || !el.classList.contains("js-plotly-plot")) return 0;
    const traces: any[] = Array.from(el.querySelectorAll("svg.main-svg .trace")); // eslint-disable-line @typescript-eslint/no-explicit-any
    return traces.filter((t) =>
      Array.from(t.querySelectorAll("path, text") as ArrayLike<any>).some((m) => (m.tagName === "text" ? m.textContent !== "" : /[0-9]/.test(m.getAttribute("d") ?? ""))), // eslint-disable-line @typescript-eslint/no-explicit-any
    ).length;
  });
  return all && counts.some((n) => n === 0) ? false : counts;
}

/** Waits (bounded) until every figure of the page has drawn; returns each figure's drawn traces. */
async function drawnTraces(page: Page): Promise<number[]> {
  const ids = await page.$$eval("div.csc-figure > div[id^='csc-fig-']", (els) => els.map((e) => e.id));
  if (ids.length === 0) return [];
  await page.waitForFunction(figureTraces, { ids, all: true }, { timeout: WAIT }).catch(() => undefined); // the counts say which did not draw
  return (await page.evaluate(figureTraces, { ids, all: false })) as number[];
}

/** Visible ledger rows: [id, verdict, document, text]. */
function visibleRows(page: Page): Promise<{ id: string; verdict: string; document: string; text: string }[]> {
  return page.$$eval("#ledger tbody tr.claim", (trs) =>
    trs
      .filter((tr) => !(tr as unknown as { hidden: boolean }).hidden)
      .map((tr) => ({ id: tr.id.replace(/^row-/, ""), verdict: tr.getAttribute("data-verdict") ?? "", document: tr.getAttribute("data-document") ?? "", text: (tr.textContent ?? "").toLowerCase() })),
  );
}

before(async () => {
  await ensureData();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "csc-report-test-"));
  fs.mkdirSync(ARTIFACTS, { recursive: true });

  // the real report, from the project's notebooks
  const t0 = Date.now();
  // the executed notebooks are kept (with their stamps) for test/notebooks, which then need not execute them again
  fs.mkdirSync(path.dirname(REPORT_RUNNING), { recursive: true });
  fs.writeFileSync(REPORT_RUNNING, String(process.pid));
  try {
    buildStatus = await reportCommand(["--out", path.join(tmp, "real"), "--executed", path.join(ROOT, "build", "executed-notebooks")]);
  } finally {
    fs.rmSync(REPORT_RUNNING, { force: true });
  }
  buildSeconds = (Date.now() - t0) / 1000;

  // a fixture site: a test notebook and a test ledger carrying the payload (the notebook lives
  // under the project, where the kernel finds the project's tslab and the built modules)
  fs.mkdirSync(path.join(ROOT, "build"), { recursive: true });
  fixtureNotebooks = fs.mkdtempSync(path.join(ROOT, "build", "report-fixture-"));
  fs.writeFileSync(
    path.join(fixtureNotebooks, "01-fixture.ipynb"),
    notebook([
      ["md", "# 01 · Fixture: names that look like HTML\n\n## Rates by local authority"],
      ["code", `import * as d from "../../dist/src/display";\nd.show(d.htmlTable([{ la: ${JSON.stringify(PAYLOAD)}, rate: 1229.6 }, { la: "Leeds", rate: 512.3 }], { caption: "Rates" }));`],
      ["code", `d.stripChart({ groups: [{ name: "rate", points: [{ label: ${JSON.stringify(PAYLOAD)}, value: 1229.6 }, { label: "Leeds", value: 512.3 }] }], title: "Rates by LA", xTitle: "Measure", yTitle: "Rate per 10,000 children", source: "fixture" });`],
      ["md", "## The claim"],
      ["code", `d.show(d.claimCard(${JSON.stringify(fixtureRow)}));`],
    ]),
  );
  const ledger = path.join(tmp, "fixture-ledger.json");
  const other = { ...fixtureRow, id: "fx-other", verdict: "confirmed", quote: "Another claim.", explanation: "Leeds had 512.3 per 10,000.", evidence: [{ ...fixtureRow.evidence[0], rows: ["Leeds"], values: { Leeds: 512.3 } }] };
  fs.writeFileSync(ledger, JSON.stringify([fixtureRow, other]));
  fixtureStatus = await reportCommand(["--out", path.join(tmp, "fixture"), "--notebooks", fixtureNotebooks, "--ledger", ledger]);

  server = await serve(tmp);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  assert.ok(fs.existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: install it (Debian: apt-get install chromium) or set CSC_CHROMIUM`);
  const profile = fs.mkdtempSync(path.join(tmp, "profile-"));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1400, height: 1000 }, timeout: WAIT });
  context.setDefaultTimeout(WAIT);
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${base}/`) || url.startsWith("data:")) return route.continue();
    outside.push(url);
    return route.abort();
  });
  context.on("page", (p) => {
    p.on("dialog", (d) => {
      dialogs.push(`${p.url()}: ${d.type()} ${d.message()}`);
      void d.dismiss();
    });
    p.on("pageerror", (e) => pageErrors.push(`${p.url()}: ${e.message}`));
  });
}, { timeout: 60 * 60 * 1000 });

after(async () => {
  await context?.close().catch(() => undefined);
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (fixtureNotebooks) fs.rmSync(fixtureNotebooks, { recursive: true, force: true });
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test("csc-factcheck report builds the site: a page per notebook, the index, the ledger, one plotly.js", () => {
  assert.equal(buildStatus, 0, "report exited non-zero");
  const site = path.join(tmp, "real");
  const notebooks = fs.readdirSync(path.join(ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort();
  const pages = fs.readdirSync(site).filter((f) => f.endsWith(".html") && f !== "index.html").sort();
  assert.deepEqual(pages, notebooks.map((f) => f.replace(/\.ipynb$/, ".html")));
  for (const f of ["index.html", "ledger.json", "ledger.csv", MARKER, "assets/plotly.min.js"]) assert.ok(fs.existsSync(path.join(site, f)), `${f} missing`);
  for (const p of pages) {
    const html = fs.readFileSync(path.join(site, p), "utf8");
    assert.ok(!html.includes("data-csc-plotly-inline"), `${p} inlines plotly.js`);
    assert.ok(html.length < 3_000_000, `${p} is ${html.length} bytes`);
    if (html.includes("csc-figure")) assert.ok(html.includes("assets/plotly.min.js"), `${p} does not load the shared plotly.js`);
    assert.ok(!/<script[^>]+src="(file:|https?:)/.test(html), `${p} loads a script from outside the site`);
  }
  process.stderr.write(`report build (${notebooks.length} notebooks): ${buildSeconds.toFixed(1)} s\n`);
});

test("every figure on every notebook page draws, with nothing loaded from outside and no script error", async () => {
  const site = path.join(tmp, "real");
  const pages = fs.readdirSync(site).filter((f) => f.endsWith(".html") && f !== "index.html").sort();
  const page = await context!.newPage();
  let figures = 0;
  for (const p of pages) {
    await open(page, `real/${p}`);
    const expected = (fs.readFileSync(path.join(site, p), "utf8").match(/<div class="csc-figure"/g) ?? []).length;
    const traces = await drawnTraces(page);
    assert.equal(traces.length, expected, `${p}: ${traces.length} figure divs on the page, ${expected} in the file`);
    traces.forEach((n, i) => assert.ok(n > 0, `${p}: figure ${i + 1} of ${traces.length} did not draw (no data traces)`));
    figures += traces.length;
    const notes = await page.$$eval("div.csc-figure > p[id$='-note']", (ps) => ps.filter((x) => getComputedStyle(x).display !== "none").length);
    assert.equal(notes, 0, `${p}: a "chart could not draw" note is still showing`);
  }
  assert.ok(figures >= 4, `only ${figures} figures in the whole report`);

  // Figure 5 of notebook 01, for the README
  await open(page, "real/01-demand-and-activity.html");
  await drawnTraces(page);
  const fig5 = page.locator("div.csc-figure", { has: page.locator("p", { hasText: "Figure 5 redrawn" }) });
  assert.equal(await fig5.count(), 1, "Figure 5 not found in notebook 01");
  const shot = await fig5.locator("div.js-plotly-plot").screenshot({ path: path.join(ARTIFACTS, "figure5.png") });
  assert.ok(shot.length > 5000 && shot.length < 400_000, `figure5.png is ${shot.length} bytes`);
  if (process.env.CSC_UPDATE_DOCS === "1") fs.writeFileSync(path.join(ROOT, "docs", "figure5.png"), shot);
  await page.close();
  assert.deepEqual(outside, [], "pages asked for files outside the site");
  assert.deepEqual(pageErrors, [], "script errors");
});

test("the index lists every claim and filters by verdict, document and search words", async () => {
  const ledger: LedgerRow[] = JSON.parse(fs.readFileSync(path.join(tmp, "real", "ledger.json"), "utf8"));
  const page = await context!.newPage();
  await open(page, "real/index.html");
  await page.waitForSelector("#controls:not([hidden])");
  assert.equal((await visibleRows(page)).length, ledger.length);
  assert.equal(await page.textContent("#f-count"), `${ledger.length} of ${ledger.length} claims`);
  await page.screenshot({ path: path.join(ARTIFACTS, "report-index.png") });

  // verdict: every verdict the ledger has, then back to all
  for (const v of VERDICTS.filter((x) => ledger.some((r) => r.verdict === x))) {
    await page.selectOption("#f-verdict", v);
    const rows = await visibleRows(page);
    assert.equal(rows.length, ledger.filter((r) => r.verdict === v).length, `verdict ${v}`);
    assert.ok(rows.every((r) => r.verdict === v), `a row of another verdict shows under ${v}`);
    assert.equal(await page.textContent("#f-count"), `${rows.length} of ${ledger.length} claims`);
  }
  await page.selectOption("#f-verdict", "");
  assert.equal((await visibleRows(page)).length, ledger.length);

  // document, combined with a verdict
  const doc = ledger[ledger.length - 1].document;
  await page.selectOption("#f-doc", doc);
  assert.equal((await visibleRows(page)).length, ledger.filter((r) => r.document === doc).length);
  await page.selectOption("#f-verdict", ledger[ledger.length - 1].verdict);
  const both = await visibleRows(page);
  assert.equal(both.length, ledger.filter((r) => r.document === doc && r.verdict === ledger[ledger.length - 1].verdict).length);
  assert.ok(both.length > 0);
  await page.click("#f-reset");
  assert.equal((await visibleRows(page)).length, ledger.length);

  // search: words narrow the rows, each shown row holds every word
  await page.fill("#f-q", "referrals");
  const referrals = await visibleRows(page);
  assert.ok(referrals.length > 0 && referrals.length < ledger.length, `"referrals" left ${referrals.length} of ${ledger.length}`);
  assert.ok(referrals.every((r) => r.text.includes("referrals")));
  await page.fill("#f-q", "referrals 2010-11");
  const two = await visibleRows(page);
  assert.ok(two.length > 0 && two.length <= referrals.length);
  assert.ok(two.every((r) => r.text.includes("referrals") && r.text.includes("2010-11")));
  await page.fill("#f-q", "no claim says zqxj");
  assert.equal((await visibleRows(page)).length, 0);
  assert.equal(await page.isVisible("#no-match"), true, "the 'no claim matches' line");
  await page.fill("#f-q", "");
  assert.equal((await visibleRows(page)).length, ledger.length);

  // a filtered view is kept in the address and comes back on reload
  await page.selectOption("#f-verdict", "differs");
  assert.match(page.url(), /#verdict=differs/);
  await page.reload({ waitUntil: "load" });
  await page.waitForSelector("#controls:not([hidden])");
  assert.equal(await page.inputValue("#f-verdict"), "differs");
  assert.equal((await visibleRows(page)).length, ledger.filter((r) => r.verdict === "differs").length);
  await page.close();
  assert.deepEqual(pageErrors, [], "script errors");
});

test("the index sorts by a header click, and back with a second click", async () => {
  const ledger: LedgerRow[] = JSON.parse(fs.readFileSync(path.join(tmp, "real", "ledger.json"), "utf8"));
  const page = await context!.newPage();
  await open(page, "real/index.html");
  await page.waitForSelector("#controls:not([hidden])");
  const ids = async () => (await visibleRows(page)).map((r) => r.id);
  assert.deepEqual(await ids(), ledger.map((r) => r.id), "registry order at first");
  const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
  const ascending = ledger.map((r) => r.id).sort((a, b) => collator.compare(a, b));

  await page.click("#ledger th[data-key=id] button");
  assert.deepEqual(await ids(), ascending);
  assert.equal(await page.getAttribute("#ledger th[data-key=id]", "aria-sort"), "ascending");
  await page.click("#ledger th[data-key=id] button");
  assert.deepEqual(await ids(), ascending.slice().reverse());
  assert.equal(await page.getAttribute("#ledger th[data-key=id]", "aria-sort"), "descending");

  await page.click("#ledger th[data-key=verdict] button");
  const order = (await visibleRows(page)).map((r) => VERDICTS.indexOf(r.verdict as never));
  assert.deepEqual(order, order.slice().sort((a, b) => a - b), "verdicts in the contract's order");
  assert.equal(await page.getAttribute("#ledger th[data-key=id]", "aria-sort"), "none");
  await page.close();
});

test("each claim links to the notebook section showing its card", async () => {
  const site = path.join(tmp, "real");
  const html = fs.readFileSync(path.join(site, "index.html"), "utf8");
  const links = [...html.matchAll(/<a class="place" href="([^"#]+)#claim-([^"]+)"/g)].map((m) => ({ page: m[1], id: decodeURIComponent(m[2]) }));
  assert.ok(links.length > 0, "no claim links to a card");
  for (const l of links) {
    assert.ok(fs.readFileSync(path.join(site, decodeURI(l.page)), "utf8").includes(`id="claim-${l.id}"`), `${l.page} has no card for ${l.id}`);
  }
  const page = await context!.newPage();
  await open(page, "real/index.html");
  const first = links[0];
  await page.click(`#row-${first.id} td.id a`);
  await page.waitForURL(`**/${first.page}#claim-${first.id}`);
  assert.equal(await page.locator(`#claim-${first.id}`).isVisible(), true);
  assert.equal(await page.evaluate(() => document.querySelector(":target")?.classList.contains("csc-claim-card") ?? false), true);
  assert.equal(await page.evaluate(() => document.querySelector(":target")?.open ?? false), true, "the card the link lands on is opened");
  await page.close();
});

/** The pages' heights at 1400 px, measured by the readability test (reported in its output and in test-artifacts/report-page-heights.json). */
const heights: Record<string, number> = {};
const MAX_HEIGHT = 25_000;

test("notebook pages at 1400 px: cards closed, execution counts shown, code wraps, numbers formatted, no page over 25,000 px", async () => {
  const site = path.join(tmp, "real");
  const pages = fs.readdirSync(site).filter((f) => f.endsWith(".html")).sort();
  const page = await context!.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  for (const p of pages) {
    await open(page, `real/${p}`);
    await drawnTraces(page);
    const m = await page.evaluate(() => {
      const cards = Array.from(document.querySelectorAll(".csc-claim-card")) as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
      const prompts = Array.from(document.querySelectorAll(".jp-CodeCell .jp-InputPrompt")).map((e: any) => (e.textContent ?? "").replace(/\s+/g, " ").trim()); // eslint-disable-line @typescript-eslint/no-explicit-any
      const code = Array.from(document.querySelectorAll(".jp-InputArea-editor, .jp-InputArea-editor pre")) as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
      return {
        height: document.documentElement.scrollHeight,
        width: document.documentElement.scrollWidth,
        cards: cards.length,
        open: cards.filter((c) => c.open).length,
        openEvidence: document.querySelectorAll(".csc-claim-card details[open]").length,
        prompts,
        overflowing: code.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.scrollWidth - e.clientWidth} px: ${(e.textContent ?? "").trim().slice(0, 60)}`),
        // numbers in tables as the documents write them: no long number without separators, no four decimals; no text-box tables
        rawNumbers: Array.from(document.querySelectorAll("td")).map((td: any) => (td.textContent ?? "").trim()).filter((t: string) => /^-?\d{5,}(\.\d+)?$|^-?\d+\.\d{4,}$/.test(t)).slice(0, 5), // eslint-disable-line @typescript-eslint/no-explicit-any
        textTables: Array.from(document.querySelectorAll(".jp-OutputArea-output pre")).filter((e: any) => /[╔║╟]/.test(e.textContent ?? "")).length, // eslint-disable-line @typescript-eslint/no-explicit-any
      };
    });
    heights[p] = m.height;
    assert.equal(m.open, 0, `${p}: ${m.open} of ${m.cards} cards open`);
    assert.equal(m.openEvidence, 0, `${p}: evidence open`);
    if (p !== "index.html") {
      assert.ok(m.prompts.length > 0, `${p}: no code cells`);
      assert.deepEqual(m.prompts.filter((t) => !/^In \[\d+\]:$/.test(t)), [], `${p}: prompts without an execution count`);
      assert.deepEqual(m.prompts, m.prompts.map((_, i) => `In [${i + 1}]:`), `${p}: counts not in order`);
    }
    assert.deepEqual(m.overflowing, [], `${p}: code runs off the side`);
    assert.deepEqual(m.rawNumbers, [], `${p}: numbers in tables not written as the documents write them`);
    assert.equal(m.textTables, 0, `${p}: a DataFrame printed as a text box`);
    assert.ok(m.width <= 1400, `${p}: the page is ${m.width} px wide at 1400`);
  }
  fs.writeFileSync(path.join(ARTIFACTS, "report-page-heights.json"), JSON.stringify(heights, null, 2) + "\n");
  process.stderr.write(`page heights at 1400 px: ${Object.entries(heights).map(([k, v]) => `${k} ${v}`).join(", ")}\n`);
  const tall = Object.entries(heights).filter(([, h]) => h > MAX_HEIGHT);
  assert.deepEqual(tall, [], `pages taller than ${MAX_HEIGHT} px`);

  // a card opens on a click: the explanation and the evidence line appear; the evidence itself is one click further
  await open(page, "real/07-commons-library-2021.html");
  const card = page.locator(".csc-claim-card").nth(20);
  await card.scrollIntoViewIfNeeded();
  const closedHeight = (await card.boundingBox())!.height;
  await page.screenshot({ path: path.join(ARTIFACTS, "report-notebook-07.png") });
  await card.locator(":scope > summary").click();
  assert.equal(await card.evaluate((d: any) => d.open), true); // eslint-disable-line @typescript-eslint/no-explicit-any
  const evidence = card.locator(":scope > details");
  assert.equal(await evidence.evaluate((d: any) => d.open), false); // eslint-disable-line @typescript-eslint/no-explicit-any
  assert.ok((await card.boundingBox())!.height > closedHeight + 40, "opening a card shows more");
  await evidence.locator("summary").click();
  assert.ok(await evidence.locator("li code").first().isVisible(), "the evidence names its file");
  await page.close();
});

test("the index at 1280 px: every column fits, and the header row sticks below the filters", async () => {
  const page = await context!.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, "real/index.html");
  await page.waitForSelector("#controls:not([hidden])");
  const fit = await page.evaluate(() => {
    const table = document.getElementById("ledger");
    const heads = Array.from(table.tHead.rows[0].cells).map((th: any) => ({ text: th.textContent.trim(), right: th.getBoundingClientRect().right, over: th.scrollWidth - th.clientWidth })); // eslint-disable-line @typescript-eslint/no-explicit-any
    const cells = Array.from(table.querySelectorAll("tbody td")).filter((td: any) => td.scrollWidth > td.clientWidth + 1).map((td: any) => `${td.parentElement.id} ${td.className}: ${td.scrollWidth - td.clientWidth} px`); // eslint-disable-line @typescript-eslint/no-explicit-any
    return { heads, cells: cells.slice(0, 10), overflowing: cells.length, tableRight: table.getBoundingClientRect().right, pageWidth: document.documentElement.scrollWidth };
  });
  assert.ok(fit.pageWidth <= 1280, `the index is ${fit.pageWidth} px wide at 1280`);
  assert.ok(fit.tableRight <= 1280, `the table ends at ${fit.tableRight} px`);
  for (const h of fit.heads) {
    assert.ok(h.right <= 1280, `column "${h.text}" ends at ${h.right} px`);
    assert.ok(h.over <= 1, `column "${h.text}" heading is cut by ${h.over} px`);
  }
  assert.deepEqual(fit.cells, [], `${fit.overflowing} cells overflow their column`);

  // scrolled into the middle of the table: the filters at the top, the header row right under them
  await page.evaluate(() => window.scrollTo(0, document.getElementById("ledger").getBoundingClientRect().top + window.scrollY + 6000));
  await page.waitForTimeout(100);
  const stuck = await page.evaluate(() => ({
    controls: document.getElementById("controls").getBoundingClientRect(),
    head: document.querySelector("#ledger thead th").getBoundingClientRect(),
    firstRow: document.querySelector("#ledger tbody tr.claim").getBoundingClientRect(),
  }));
  assert.ok(stuck.firstRow.bottom < 0, "the table's first row has scrolled away");
  assert.ok(Math.abs(stuck.controls.top) <= 1, `the filters are at ${stuck.controls.top} px`);
  assert.ok(Math.abs(stuck.head.top - stuck.controls.bottom) <= 2, `the header row is at ${stuck.head.top} px, the filters end at ${stuck.controls.bottom} px`);
  await page.screenshot({ path: path.join(ARTIFACTS, "report-index-scrolled.png") });
  await page.close();
});

/**
 * In the page: what does not read cleanly in its Plotly figures. For each figure: a title, axis
 * title, tick label, legend entry, annotation or point label that runs off the chart; tick labels
 * that overlap each other or their axis title; labels (annotations, point labels, the title, the
 * legend) that overlap each other; a tick label that looks like an internal name ("no-tiny").
 */
function figureProblems(): string[] {
  const out: string[] = [];
  const box = (e: any) => e.getBoundingClientRect(); // eslint-disable-line @typescript-eslint/no-explicit-any
  const overlap = (a: any, b: any) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1; // eslint-disable-line @typescript-eslint/no-explicit-any
  Array.from(document.querySelectorAll(".js-plotly-plot")).forEach((plot: any, fi: number) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const name = `figure ${fi + 1} (${(plot.querySelector(".gtitle")?.textContent ?? "").slice(0, 40)})`;
    const svg = box(plot.querySelector("svg.main-svg"));
    const texts = (sel: string): any[] => Array.from(plot.querySelectorAll(sel)).filter((t: any) => (t.textContent ?? "").trim() !== "" && box(t).width > 0); // eslint-disable-line @typescript-eslint/no-explicit-any
    const say = (t: any) => `"${(t.textContent ?? "").trim().slice(0, 40)}"`; // eslint-disable-line @typescript-eslint/no-explicit-any
    for (const t of texts(".gtitle, .g-xtitle text, .g-ytitle text, .xtick text, .ytick text, .annotation-text, .legendtext, .textpoint text")) {
      const r = box(t);
      if (r.left < svg.left - 1 || r.right > svg.right + 1 || r.top < svg.top - 1 || r.bottom > svg.bottom + 1) out.push(`${name}: ${say(t)} runs off the chart`);
    }
    for (const [ticks, title] of [[".xtick text", ".g-xtitle text"], [".ytick text", ".g-ytitle text"]]) {
      const tt = texts(ticks);
      const at = texts(title);
      tt.forEach((a, i) => {
        for (const b of at) if (overlap(box(a), box(b))) out.push(`${name}: tick ${say(a)} overlaps the axis title ${say(b)}`);
        for (const b of tt.slice(i + 1)) if (overlap(box(a), box(b))) out.push(`${name}: ticks ${say(a)} and ${say(b)} overlap`);
      });
    }
    const labels = [...texts(".annotation-text"), ...texts(".textpoint text"), ...texts(".gtitle"), ...texts(".legendtext")];
    labels.forEach((a, i) => {
      for (const b of labels.slice(i + 1)) if (overlap(box(a), box(b))) out.push(`${name}: ${say(a)} and ${say(b)} overlap`);
    });
    for (const t of texts(".xtick text, .ytick text")) if (/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test((t.textContent ?? "").trim())) out.push(`${name}: axis label ${say(t)} is an internal name`);
  });
  return out;
}

test("every figure reads cleanly at a notebook's width (960 px): nothing cut off, no labels on top of each other, no internal names", async () => {
  const site = path.join(tmp, "real");
  const pages = fs.readdirSync(site).filter((f) => f.endsWith(".html") && f !== "index.html").sort();
  const page = await context!.newPage();
  await page.setViewportSize({ width: 960, height: 900 });
  const problems: string[] = [];
  let figures = 0;
  for (const p of pages) {
    await open(page, `real/${p}`);
    figures += (await drawnTraces(page)).length;
    problems.push(...((await page.evaluate(figureProblems)) as string[]).map((x) => `${p}: ${x}`));
  }
  assert.ok(figures >= 20, `only ${figures} figures checked`);
  await open(page, "real/03-variation-and-quality.html");
  await drawnTraces(page);
  await page.locator("div.js-plotly-plot").first().screenshot({ path: path.join(ARTIFACTS, "figure8-960.png") });
  await page.close();
  assert.deepEqual(problems, []);
});

test("an LA name holding <script>alert(1)</script> shows as text and never runs", async () => {
  assert.equal(fixtureStatus, 0, "the fixture report did not build");
  const page = await context!.newPage();
  await page.addInitScript(() => {
    (window as unknown as { __alerts: string[] }).__alerts = [];
    window.alert = (m?: unknown) => void (window as unknown as { __alerts: string[] }).__alerts.push(String(m));
  });

  await open(page, "fixture/index.html");
  await page.waitForSelector("#controls:not([hidden])");
  const quote = await page.textContent("#row-fx-la-script td.quote");
  assert.equal(quote, `“The highest rate was in ${PAYLOAD}.”`);
  assert.ok(((await page.textContent("#row-fx-la-script td.why")) ?? "").includes(`LA ${PAYLOAD}`));
  await page.fill("#f-q", "<script>");
  assert.deepEqual((await visibleRows(page)).map((r) => r.id), ["fx-la-script"], "the payload is searchable text");
  assert.equal(await page.locator("#ledger script, #ledger img").count(), 0, "no element made from the payload");

  await open(page, "fixture/01-fixture.html");
  assert.deepEqual(await drawnTraces(page), [2], "the fixture chart draws (points and labels)");
  const cells = await page.$$eval("table.csc-table td", (tds) => tds.map((td) => td.textContent));
  assert.ok(cells.includes(PAYLOAD), `the LA name is not shown as text: ${cells.join(" | ")}`);
  const card = await page.textContent("#claim-fx-la-script");
  assert.ok(card?.includes(`The highest rate was in ${PAYLOAD}.`));
  assert.equal(await page.locator("table.csc-table script, .csc-claim-card script, table.csc-table img, .csc-claim-card img").count(), 0, "an element made from the payload");
  const scripts = await page.locator("script").evaluateAll((ss) => ss.map((s) => (s.textContent ?? "").trim()));
  assert.ok(!scripts.some((t) => t === "alert(1)" || /<\/?script/i.test(t)), "a script made from the payload, or a script holding a raw <script> tag");
  // the chart's hover labels carry the name as data, not markup
  const labels = await page.evaluate(() => {
    const el = document.querySelector(".js-plotly-plot") as unknown as { data: { text?: string[] }[] };
    return el.data.flatMap((t) => t.text ?? []);
  });
  assert.ok(labels.includes(PAYLOAD));

  await open(page, "fixture/index.html");
  await page.click("#row-fx-la-script td.id a");
  await page.waitForURL("**/01-fixture.html#claim-fx-la-script");
  assert.deepEqual(await page.evaluate(() => (window as unknown as { __alerts: string[] }).__alerts), [], "alert() was called");
  await page.close();
  assert.deepEqual(dialogs, [], "a dialog opened");
  assert.deepEqual(pageErrors, [], "script errors");
});

test("a notebook that fails stops the report, names the notebook and the error, and leaves the previous site", async () => {
  const out = path.join(tmp, "fixture");
  const before = fs.readFileSync(path.join(out, "index.html"), "utf8");
  fs.writeFileSync(
    path.join(fixtureNotebooks, "02-broken.ipynb"),
    notebook([["md", "# 02 · Broken"], ["code", 'import * as d from "../../dist/src/display";\nd.show("<p>fine</p>");'], ["code", "const n: number = 'not a number';"], ["code", 'd.show("<p>never runs</p>");']]),
  );
  const said: string[] = [];
  const ledger = path.join(tmp, "fixture-ledger.json");
  await assert.rejects(
    buildReport({ out, notebooksDir: fixtureNotebooks, ledgerFile: ledger, timeout: 120, write: (s) => void said.push(s), tty: false }),
    (e: unknown) => {
      assert.ok(e instanceof ReportError, String(e));
      assert.match(e.message, /notebook 02-broken\.ipynb failed/);
      assert.match(e.message, /code cell 2 \(const n: number = 'not a number';\): 1:7 - Type 'string' is not assignable to type 'number'/);
      return true;
    },
  );
  assert.ok(said.some((s) => /^\[2\/2\] 02-broken\.ipynb … /.test(s)), `progress: ${said.join("")}`);
  assert.equal(fs.readFileSync(path.join(out, "index.html"), "utf8"), before, "the previous site changed");
  assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.includes(".building-") || f.includes(".old-")), [], "temporary folders left behind");

  // through the command: exit status 1 and the message on stderr
  const write = process.stderr.write.bind(process.stderr);
  let stderr = "";
  process.stderr.write = ((s: string) => ((stderr += s), true)) as typeof process.stderr.write;
  let status: number;
  try {
    status = await reportCommand(["--out", out, "--notebooks", fixtureNotebooks, "--ledger", ledger]);
  } finally {
    process.stderr.write = write;
  }
  assert.equal(status, 1);
  // the notebooks run side by side: the first still finishes when the second fails
  assert.match(stderr, /\[1\/2\] 01-fixture\.ipynb … \d+\.\d s\n/);
  assert.match(stderr, /report: notebook 02-broken\.ipynb failed:\n {2}code cell 2/);
  assert.equal(fs.readFileSync(path.join(out, "index.html"), "utf8"), before);
});
