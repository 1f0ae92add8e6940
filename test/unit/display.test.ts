import { test } from "node:test";
import assert from "node:assert/strict";
import {
  escapeHtml,
  htmlTable,
  rawHtml,
  show,
  fmtCell,
  claimCard,
  ledgerTable,
  verdictCounts,
  verdictBadge,
  figureHtml,
  figure,
  barChart,
  lineChart,
  stripChart,
  scriptJson,
  resetPlotlyLoader,
  plotlyPath,
  toDataFrame,
  type FigureLabels,
} from "../../src/display";
import type { LedgerRow } from "../../src/claims/types";

const SCRIPT = "<script>alert(1)</script>";
const ATTR = `" onerror="x`;

/** True when `html` holds neither injection payload raw. */
function noRawPayload(html: string): void {
  assert.ok(!html.includes(SCRIPT), "raw <script> in output");
  assert.ok(!html.includes(`" onerror="`), "raw attribute break-out in output");
  assert.ok(!/<script>alert/i.test(html));
}

/** The text between each <script …> and its </script>, as the HTML parser would see it. */
function scriptBodies(html: string): string[] {
  const out: string[] = [];
  const re = /<script\b[^>]*>([\s\S]*?)<\/script/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) out.push(m[1]);
  return out;
}

/** The figure object embedded in a figure's drawing script. */
function figOf(html: string) {
  const body = scriptBodies(html).pop()!;
  return JSON.parse(body.slice(body.indexOf("var fig = ") + 10, body.indexOf(";\n  var tries")));
}

const labels: FigureLabels = {
  title: "Referrals to children's social care",
  xTitle: "Year ending 31 March",
  yTitle: "Referrals (number)",
  source: "DfE, Characteristics of children in need 2017-18 (cin-ees2020-b1)",
};

function ledgerRow(over: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id: "nao-s7-referrals-2017-18",
    document: "nao",
    basis: "data",
    reading: { primary: "every authority", justification: "official default", declared: "default" },
    location: `Summary para 7 ${SCRIPT}`,
    quote: `Referrals rose to 655,630 ${SCRIPT} and ${ATTR}`,
    stated: [655630, 7],
    recomputed: [655630, 7.21],
    verdict: "confirmed",
    explanation: `The data say 655,630 ${SCRIPT}${ATTR}`,
    evidence: [
      {
        source: `cin-2018${ATTR}`,
        file: `children-in-need/${SCRIPT}.csv`,
        sheet: `Table ${ATTR}`,
        rows: [`England ${SCRIPT}`],
        columns: [`referrals${ATTR}`],
        values: { [`${SCRIPT}`]: 655630, other: `${ATTR}` },
        note: SCRIPT,
      },
    ],
    units: ["count", "percent"],
    roles: ["level", `pctChange${ATTR}`],
    written: ["655,630", `7%${SCRIPT}`],
    alternatives: [{ label: SCRIPT, kind: "revision", values: { [ATTR]: 1 } }],
    ...over,
  };
}

test("escapeHtml escapes & < > \" '", () => {
  assert.equal(escapeHtml(SCRIPT), "&lt;script&gt;alert(1)&lt;/script&gt;");
  assert.equal(escapeHtml(ATTR), "&quot; onerror=&quot;x");
  assert.equal(escapeHtml(`a & b 'c'`), "a &amp; b &#39;c&#39;");
  assert.equal(escapeHtml(null), "");
  assert.equal(escapeHtml(undefined), "");
  assert.equal(escapeHtml(42), "42");
});

test("htmlTable escapes keys, labels, values and caption", () => {
  const html = htmlTable([{ [SCRIPT]: SCRIPT, la: ATTR }], { caption: SCRIPT });
  noRawPayload(html);
  assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
  assert.ok(html.includes("&quot; onerror=&quot;x"));
  const labelled = htmlTable([{ a: 1 }], { columns: [{ key: "a", label: ATTR }] });
  noRawPayload(labelled);
});

test("htmlTable formats numbers as the documents write them and right-aligns them", () => {
  const html = htmlTable(
    [{ la: "England", referrals: 655630, spend: 8.8337e9, change: 7, missing: null }],
    {
      columns: [
        { key: "la", label: "Area" },
        { key: "referrals", format: "count" },
        { key: "spend", format: "money" },
        { key: "change", format: "percent" },
        { key: "missing" },
      ],
    },
  );
  assert.ok(html.includes(">655,630<"), html);
  assert.ok(html.includes(">£8.8 billion<"), html);
  assert.ok(html.includes(">7%<"), html);
  assert.ok(html.includes(">–<"), "null shown as a dash");
  assert.match(html, /text-align:right[^>]*>655,630</);
  assert.match(html, /text-align:left[^>]*>England</);
  // numbers without a format: thousands separators, right-aligned
  const plain = htmlTable([{ n: 655630 }, { n: null }]);
  assert.match(plain, /text-align:right[^>]*>655,630</);
  assert.equal(fmtCell(5.214, "percent", 1), "5.2%");
  assert.equal(fmtCell(64.04, "per10k", 0), "64 per 10,000");
});

test("htmlTable limits rows and says how many were left out", () => {
  const rows = Array.from({ length: 12 }, (_, i) => ({ i }));
  const html = htmlTable(rows, { maxRows: 5 });
  assert.equal((html.match(/<tr>/g) ?? []).length, 1 + 5 + 1);
  assert.ok(html.includes("7 more rows (12 in all)"));
});

test("htmlTable writes rawHtml cells as they are and escapes what format functions return", () => {
  const html = htmlTable([{ a: rawHtml("<b>ok</b>"), b: 1 }], { columns: ["a", { key: "b", format: () => SCRIPT }] });
  assert.ok(html.includes("<b>ok</b>"));
  noRawPayload(html);
});

test("show returns the HTML outside a kernel", () => {
  assert.equal(show("<p>x</p>"), "<p>x</p>");
});

test("claimCard escapes the quote, location, explanation, evidence and written forms", () => {
  const html = claimCard(ledgerRow());
  noRawPayload(html);
  assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
  assert.ok(html.includes("children-in-need/&lt;script&gt;"));
  assert.ok(html.includes("NAO, Pressures on children&#39;s social care"));
});

test("claimCard shows stated as written and recomputed formatted by unit, with the verdict spelled out", () => {
  const html = claimCard(ledgerRow({ location: "Summary para 7", written: ["655,630", "7%"] }));
  assert.ok(html.includes(">655,630<"));
  assert.ok(html.includes(">7%<"));
  assert.ok(html.includes(">7.2%<"), "recomputed percent with one decimal");
  assert.match(html, /csc-verdict-confirmed[^>]*>confirmed</);
  assert.ok(html.includes("Evidence (1)"));
  const none = claimCard(ledgerRow({ recomputed: null, verdict: "unverifiable", evidence: [] }));
  assert.match(none, />unverifiable</);
  assert.ok(none.includes("Evidence (0)"));
});

test("every verdict badge writes its word", () => {
  for (const v of ["confirmed", "rounding", "differs", "inconsistent", "model", "unverifiable"] as const) {
    assert.match(verdictBadge(v), new RegExp(`>${v}</span>$`));
  }
});

test("ledgerTable and verdictCounts escape and count", () => {
  const rows = [ledgerRow(), ledgerRow({ id: `x${SCRIPT}`, verdict: "differs" }), ledgerRow({ verdict: "differs" })];
  const t = ledgerTable(rows);
  noRawPayload(t);
  assert.equal((t.match(/class="csc-verdict /g) ?? []).length, 3);
  const c = verdictCounts(rows);
  assert.match(c, />differs<\/span><\/td><td[^>]*>2<\/td><td[^>]*>67%</);
  assert.match(c, />all<\/b><\/td><td[^>]*>3</);
});

test("figure JSON cannot close its script element", () => {
  resetPlotlyLoader();
  figureHtml({ data: [] }, labels); // the first figure carries the library; test a later one
  const html = figureHtml(
    { data: [{ type: "bar", x: [SCRIPT, `Bath ${ATTR}`, "</SCRIPT >"], y: [1, 2, 3], name: "<!--" }], layout: { title: { text: SCRIPT } } },
    { ...labels, title: SCRIPT, source: `${ATTR} ${SCRIPT}` },
  );
  // exactly one script element, and its body holds no "</script" nor "<!--"
  const bodies = scriptBodies(html);
  assert.equal(bodies.length, 1);
  assert.equal((html.match(/<\/script>/gi) ?? []).length, 1);
  assert.ok(!bodies[0].includes("<"), "no raw < inside the figure script");
  assert.ok(bodies[0].includes("\\u003cscript>alert(1)\\u003c/script>"));
  // the text outside scripts is escaped
  noRawPayload(html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, ""));
  // the JSON still means the same
  assert.deepEqual(JSON.parse(scriptJson({ a: SCRIPT, b: "\u2028" })), { a: SCRIPT, b: "\u2028" });
});

test("figure labels are required", () => {
  const spec = { data: [{ type: "bar", x: ["a"], y: [1] }] };
  assert.throws(() => figureHtml(spec, { ...labels, source: "" }), /missing source/);
  assert.throws(() => figureHtml(spec, { ...labels, source: undefined as unknown as string }), /missing source/);
  assert.throws(() => figureHtml(spec, { ...labels, title: "  " }), /missing title/);
  assert.throws(() => figureHtml(spec, { title: "t" } as FigureLabels), /missing xTitle, yTitle, source/);
  assert.throws(() => figure(spec, undefined as unknown as FigureLabels), /missing title/);
  assert.throws(() => barChart({ categories: ["a"], series: [{ name: "s", values: [1] }], title: "t", xTitle: "x", yTitle: "y" } as never), /missing source/);
});

test("the layout carries title, axis titles and the source line", () => {
  const fig = figOf(figureHtml({ data: [{ type: "bar", x: ["a"], y: [1] }] }, labels));
  assert.equal(fig.layout.title.text, labels.title);
  assert.equal(fig.layout.xaxis.title.text, labels.xTitle);
  assert.equal(fig.layout.yaxis.title.text, labels.yTitle);
  const src = fig.layout.annotations.find((a: { name?: string }) => a.name === "source");
  assert.equal(src.text, `Source: ${labels.source}`);
});

test("plotly.js is inlined once per process", () => {
  const saved = process.env.CSC_PLOTLY_SRC;
  delete process.env.CSC_PLOTLY_SRC;
  try {
    resetPlotlyLoader();
    const first = figureHtml({ data: [] }, labels);
    const second = figureHtml({ data: [] }, labels);
    assert.ok(first.includes("data-csc-plotly-inline"));
    assert.ok(first.includes("plotly.js v2"), "the library text is inlined");
    assert.ok(first.includes("if (!window.Plotly)"));
    assert.ok(first.length > 1_000_000);
    assert.ok(!second.includes("data-csc-plotly"));
    assert.ok(second.length < 10_000);
    assert.match(plotlyPath(), /plotly\.js-dist(-min)?[\\/]plotly(\.min)?\.js$/);
  } finally {
    if (saved !== undefined) process.env.CSC_PLOTLY_SRC = saved;
    resetPlotlyLoader();
  }
});

test("CSC_PLOTLY_SRC loads one shared copy by script src instead of inlining it", () => {
  const saved = process.env.CSC_PLOTLY_SRC;
  process.env.CSC_PLOTLY_SRC = "../assets/plotly-2.35.3.min.js";
  try {
    resetPlotlyLoader();
    const first = figureHtml({ data: [] }, labels);
    const second = figureHtml({ data: [] }, labels);
    assert.ok(first.includes("data-csc-plotly-src"));
    assert.ok(first.includes('"../assets/plotly-2.35.3.min.js"'));
    assert.ok(first.includes("s.src = src"));
    assert.ok(!first.includes("plotly.js v2"), "the library is not inlined");
    assert.ok(first.length < 10_000);
    assert.ok(!second.includes("data-csc-plotly"));
  } finally {
    if (saved === undefined) delete process.env.CSC_PLOTLY_SRC;
    else process.env.CSC_PLOTLY_SRC = saved;
    resetPlotlyLoader();
  }
});

test("chart helpers build traces and check lengths", () => {
  process.env.CSC_PLOTLY_SRC = "/plotly.js";
  try {
    resetPlotlyLoader();
    const bar = barChart({ categories: ["2010-11", "2017-18"], series: [{ name: "Referrals", values: [603700, 655630] }], ...labels });
    assert.ok(typeof bar === "string" && bar.includes('"type":"bar"'));
    assert.throws(() => barChart({ categories: ["a", "b"], series: [{ name: "s", values: [1] }], ...labels }), /1 values for 2 categories/);
    assert.equal(figOf(bar as string).layout.xaxis.type, "category", "bar categories such as 2010-11 are not dates");
    const line = lineChart({ x: [2010, 2018], series: [{ name: "England", values: [548, null] }], ...labels });
    assert.ok(typeof line === "string" && line.includes('"mode":"lines+markers"'));
    assert.equal(figOf(line).layout.xaxis.type, undefined, "numeric x stays numeric");
    const years = lineChart({ x: ["2010-11", "2017-18"], series: [{ name: "England", values: [548, 632] }], ...labels });
    assert.equal(figOf(years as string).layout.xaxis.type, "category", "financial years are categories, not dates");
    const strip = stripChart({
      groups: [{ name: "Referrals", points: [{ label: SCRIPT, value: 1230 }, { label: "Leeds", value: 512 }, { label: "Hull", value: 700 }, { label: "Rutland", value: null }] }],
      highlight: ["Hull"],
      ...labels,
    });
    assert.ok(typeof strip === "string");
    assert.ok(!scriptBodies(strip).pop()!.includes("<"));
    const fig = figOf(strip);
    const marked = fig.data[fig.data.length - 1];
    assert.deepEqual([...marked.text].sort(), [SCRIPT, "Hull", "Leeds"].sort());
    assert.equal(fig.data[0].y.length, 3, "null values are left out");
  } finally {
    delete process.env.CSC_PLOTLY_SRC;
    resetPlotlyLoader();
  }
});

test("toDataFrame gives a danfojs DataFrame with every key as a column", () => {
  const df = toDataFrame([{ la: "Leeds", rate: 512.3 }, { la: "Hull", extra: [1, 2] }]);
  assert.deepEqual(df.shape, [2, 3]);
  assert.deepEqual(df.columns, ["la", "rate", "extra"]);
  assert.deepEqual(df.head(1).shape, [1, 3]);
  assert.deepEqual(toDataFrame([]).shape, [0, 0]);
});
