/**
 * Plotly figures that draw in JupyterLab, in the classic Notebook and in the static HTML that
 * `jupyter nbconvert --to html` exports (where no kernel runs).
 *
 * How plotly.js reaches the page:
 * - The first figure of a kernel process carries a loader script; later figures carry none.
 *   Whether it was emitted is kept on `globalThis` (not in this module), so tslab reloading the
 *   module after an edit does not emit it again.
 * - By default the loader inlines plotly.js read from disk (see `plotlyPath`: a minified copy of
 *   plotly.js-dist's version when installed, else plotly.js-dist's plotly.js), guarded by
 *   `if (!window.Plotly)`. The library is UMD: with
 *   require.js on the page (classic Notebook; the nbconvert "lab" template loads require.js too) it
 *   would call the anonymous `define()` and never set window.Plotly. The inlined code therefore runs
 *   inside `function (define, exports, module) {…}` called with nothing, which hides any AMD or
 *   CommonJS globals from it, so it always takes the `root.Plotly = factory()` branch.
 * - When CSC_PLOTLY_SRC is set (the report site), the loader points at that one shared copy instead:
 *   if require.js is present it loads it with `require([src], P => window.Plotly = P)` (require.js
 *   takes a src ending in ".js" as a plain URL, so give CSC_PLOTLY_SRC the file's .js name, and the
 *   anonymous define binds to that URL); otherwise it appends
 *   a `<script src="…">` element. A literal <script src> tag would not do: with require.js present
 *   the library would again go to an anonymous define() and window.Plotly would stay undefined.
 * - Every figure is a <div id=…> plus a script that calls Plotly.newPlot once window.Plotly and the
 *   div exist, polling every 100 ms for up to 60 s (a script src may still be loading; JupyterLab
 *   may run the script just before the output is attached). A note under the chart names the
 *   figure and its source and says what to do when scripts do not run (an untrusted notebook); the
 *   script hides it once the chart is drawn.
 *
 * Data reach the script as JSON with every "<" written as \u003c (and U+2028/9 escaped), so a label
 * such as "</script>" cannot close the script element.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import { escapeHtml, show } from "./html";

/** A Plotly figure: traces, layout and config as plotly.js takes them. */
export interface FigureSpec {
  data: Record<string, unknown>[];
  layout?: Record<string, unknown>;
  config?: Record<string, unknown>;
}

/** What every figure must say: a title, both axis titles (with units) and the source. */
export interface FigureLabels {
  title: string;
  /** e.g. "Year ending 31 March". */
  xTitle: string;
  /** e.g. "Referrals per 10,000 children". */
  yTitle: string;
  /** e.g. "DfE, Characteristics of children in need 2017-18 (cin-ees2020-b1)"; "Source: " is added when missing. */
  source: string;
  /** Plot height in pixels (default 450). */
  height?: number;
}

const STATE_KEY = Symbol.for("csc-factcheck.display.plotlyLoaderEmitted");
type StateHolder = { [STATE_KEY]?: boolean };

/**
 * Forgets that the loader was emitted, so the next figure carries plotly.js again (tests; or after
 * clearing the output that held it).
 * @example resetPlotlyLoader(); figureHtml(spec, labels).includes("window.Plotly") // => true
 */
export function resetPlotlyLoader(): void {
  delete (globalThis as StateHolder)[STATE_KEY];
}

/**
 * Serialises a value as JSON that is safe inside an HTML <script>: "<" becomes \u003c, and the
 * line and paragraph separators are escaped.
 * @example scriptJson({ name: "</script>" }) // => '{"name":"\\u003c/script>"}'
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** The version in a package's package.json, or undefined when it is not installed. */
function packageVersion(name: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * The path of the plotly.js bundle on disk: a minified copy of the same version when one is
 * installed (plotly.js-dist/plotly.min.js, or plotly.js-dist-min at plotly.js-dist's version),
 * else plotly.js-dist's plotly.js (unminified, about 10 MB).
 * @example plotlyPath() // => "/…/node_modules/plotly.js-dist/plotly.js"
 */
export function plotlyPath(): string {
  const main = require.resolve("plotly.js-dist");
  const min = path.join(path.dirname(main), "plotly.min.js");
  if (fs.existsSync(min)) return min;
  const version = packageVersion("plotly.js-dist");
  if (version !== undefined && packageVersion("plotly.js-dist-min") === version) return require.resolve("plotly.js-dist-min");
  return main;
}

let plotlySourceCache: string | undefined;

/** The library's text, read once, with any "</script" written as "<\/script" (same meaning in JS strings and regexes). */
function plotlySource(): string {
  if (plotlySourceCache === undefined) plotlySourceCache = fs.readFileSync(plotlyPath(), "utf8").replace(/<\/script/gi, "<\\/script");
  return plotlySourceCache;
}

/**
 * The <script> that defines window.Plotly once per page: inlined from disk, or from `src` when given.
 * @example plotlyLoaderHtml("https://example.org/plotly.min.js") // => "<script>…require([src]…document.createElement(\"script\")…</script>"
 */
export function plotlyLoaderHtml(src?: string): string {
  if (src) {
    return (
      `<script data-csc-plotly-src>(function () {\n` +
      `  if (window.Plotly || window.__cscPlotlyLoading) return;\n` +
      `  window.__cscPlotlyLoading = true;\n` +
      `  var src = ${scriptJson(src)};\n` +
      `  if (typeof window.define === "function" && window.define.amd && typeof window.require === "function") {\n` +
      `    window.require([src], function (P) { window.Plotly = window.Plotly || P; });\n` +
      `  } else {\n` +
      `    var s = document.createElement("script"); s.src = src; s.charset = "utf-8";\n` +
      `    (document.head || document.documentElement).appendChild(s);\n` +
      `  }\n` +
      `})();</script>`
    );
  }
  return (
    `<script data-csc-plotly-inline>if (!window.Plotly) { (function (define, exports, module) {\n` +
    plotlySource() +
    `\n})(); }</script>`
  );
}

/** A page-unique id for a figure's div. */
function newId(): string {
  return `csc-fig-${randomBytes(6).toString("hex")}`;
}

/** Throws unless every label is a non-empty string. */
function checkLabels(labels: FigureLabels): void {
  const missing = (["title", "xTitle", "yTitle", "source"] as const).filter((k) => typeof labels?.[k] !== "string" || labels[k].trim() === "");
  if (missing.length) throw new Error(`figure: missing ${missing.join(", ")} (every figure needs a title, axis titles with units, and a source line)`);
}

/** Splits a long source line into lines of at most `width` characters, at spaces. */
function wrapLines(text: string, width = 120): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The source as written under the chart: "Source: …" unless it already starts with "Source". */
function sourceLine(source: string): string {
  const s = source.trim();
  return /^sources?:/i.test(s) ? s : `Source: ${s}`;
}

/** The value when it is a plain object (Plotly also takes strings for titles), else an empty object. */
function asObject(x: unknown): Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

/** The names a figure's legend shows: named traces not hidden from it, once per legend group; none when the legend is off or there is one trace. */
function legendNames(data: Record<string, unknown>[], layout: Record<string, unknown>): string[] {
  if (layout.showlegend === false || (data.length < 2 && layout.showlegend !== true)) return [];
  const seen = new Set<string>();
  const names: string[] = [];
  for (const t of data) {
    if (t.showlegend === false || typeof t.name !== "string" || t.name === "") continue;
    const key = typeof t.legendgroup === "string" ? `g:${t.legendgroup}` : `n:${names.length}`;
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(t.name);
  }
  return names;
}

/**
 * Rows a legend laid across `width` pixels takes, so the figure can make room for it above the
 * plot: Plotly sets a wrapping legend's entries in columns as wide as its widest entry (about
 * 40 px plus 7 px a character).
 * @example legendRows(["referrals", "children in need at 31 March"], 700) // => 1
 * @example legendRows(["cash", "2019-20 prices, briefing (HMT deflator December 2020)", "2019-20 prices, data (HMT deflator March 2020)"], 700) // => 3
 */
export function legendRows(names: string[], width = 700): number {
  if (names.length === 0) return 0;
  const widest = Math.max(...names.map((n) => 40 + 7 * n.length));
  const columns = Math.max(1, Math.min(names.length, Math.floor(width / widest)));
  return Math.ceil(names.length / columns);
}

/**
 * Category names written on two or more lines where they are long, for an axis (`tickvals` are the
 * categories themselves, so data and hover text keep the full names).
 * @example wrappedTicks(["children who started to be looked after aged 16 and over", "referrals"], 24)
 * // => { tickmode: "array", tickvals: [ …the two names ], ticktext: ["children who started to<br>be looked after aged 16<br>and over", "referrals"] }
 */
export function wrappedTicks(categories: string[], width = 24): Record<string, unknown> {
  if (categories.every((c) => c.length <= width)) return {};
  return { tickmode: "array", tickvals: categories, ticktext: categories.map((c) => wrapLines(c, width).join("<br>")) };
}

/**
 * Merges the labels into the layout, for a chart that reads at a notebook's width (about 960 px):
 * the title (on two lines when long, hung from the top), the legend across the top of the plot
 * (a legend beside it would take a third of the width), axis titles (long ones on two lines), the
 * source annotation under the chart, and margins and height that make room for each, so the plot
 * itself keeps its height. A layout's own legend, margins or height are kept.
 */
function layoutWithLabels(layout: Record<string, unknown> = {}, labels: FigureLabels, data: Record<string, unknown>[] = []): Record<string, unknown> {
  const lines = wrapLines(sourceLine(labels.source), 100);
  const titleLines = wrapLines(labels.title, 80);
  const xTitle = wrapLines(labels.xTitle, 70);
  const yTitle = wrapLines(labels.yTitle, 55);
  const names = layout.legend === undefined ? legendNames(data, layout) : [];
  const rows = legendRows(names);
  const extra = { title: 22 * (titleLines.length - 1), legend: 22 * rows, source: 14 * (lines.length - 1), xTitle: 18 * (xTitle.length - 1) };
  const margin = { l: 70, r: 30, t: 60 + extra.title + extra.legend, b: 90 + extra.source + extra.xTitle, ...asObject(layout.margin) } as Record<string, number>;
  // standoff: with automargin, the title keeps clear of long tick labels instead of lying on them
  const axis = (a: unknown, text: string[]) => ({ automargin: true, ...asObject(a), title: { standoff: 10, ...asObject(asObject(a).title), text: text.join("<br>") } });
  const annotations = Array.isArray(layout.annotations) ? layout.annotations.slice() : [];
  annotations.push({
    name: "source",
    text: lines.join("<br>"),
    showarrow: false,
    xref: "paper",
    yref: "paper",
    x: 0,
    y: 0,
    xanchor: "left",
    yanchor: "bottom",
    align: "left",
    // from the chart's left edge, not the plot's (which moves right past long category names)
    xshift: -(margin.l - 10),
    yshift: -(margin.b - 6),
    font: { size: 11, color: "#57606a" },
  });
  const height = typeof layout.height === "number" ? layout.height : (labels.height ?? 450) + extra.title + extra.legend + extra.source + extra.xTitle;
  return {
    font: { family: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif", size: 13 },
    ...(rows ? { legend: { orientation: "h", x: 0, xanchor: "left", y: 1.01, yanchor: "bottom" } } : {}),
    ...layout,
    height,
    // hung from the top, 12 px down (Plotly centres the lines of a title on its anchor: a second line moves it down by one)
    title: { x: 0.01, xanchor: "left", y: 1 - (12 + 20 * (titleLines.length - 1)) / height, yref: "container", yanchor: "top", ...asObject(layout.title), text: titleLines.join("<br>") },
    xaxis: axis(layout.xaxis, xTitle),
    yaxis: axis(layout.yaxis, yTitle),
    margin,
    annotations,
  };
}

/** The figure's own script: draws once Plotly and the div are there; gives up after ~60 s with a message. */
function drawScript(id: string, figureJson: string): string {
  return (
    `<script>(function () {\n` +
    `  var fig = ${figureJson};\n` +
    `  var tries = 0;\n` +
    `  function draw() {\n` +
    `    var el = document.getElementById(${scriptJson(id)});\n` +
    `    var note = document.getElementById(${scriptJson(id + "-note")});\n` +
    `    if (el && window.Plotly && window.Plotly.newPlot) {\n` +
    `      window.Plotly.newPlot(el, fig.data, fig.layout, fig.config);\n` +
    `      if (note) note.style.display = "none";\n` +
    `      return;\n` +
    `    }\n` +
    `    if (++tries > 600) {\n` +
    `      if (note) note.textContent = "This chart could not draw: plotly.js did not load. Re-run the notebook from the top (the first chart loads plotly.js).";\n` +
    `      return;\n` +
    `    }\n` +
    `    setTimeout(draw, 100);\n` +
    `  }\n` +
    `  draw();\n` +
    `})();</script>`
  );
}

/**
 * The HTML of a figure: the plotly.js loader if this is the process's first figure, a div, a note
 * (title and source, shown until the chart draws) and the drawing script.
 * @param spec traces, layout and config
 * @param labels title, xTitle, yTitle and source: all required
 * @example figureHtml({ data: [{ type: "bar", x: ["2017-18"], y: [655630] }] }, { title: "Referrals", xTitle: "Year", yTitle: "Referrals (number)", source: "DfE, CIN 2017-18" })
 * // => '<script data-csc-plotly-inline>…</script><div class="csc-figure">…</div><script>…Plotly.newPlot…</script>'
 */
export function figureHtml(spec: FigureSpec, labels: FigureLabels): string {
  checkLabels(labels);
  if (!spec || !Array.isArray(spec.data)) throw new Error("figure: spec.data must be an array of traces");
  const id = newId();
  const fig = {
    data: spec.data,
    layout: layoutWithLabels(spec.layout, labels, spec.data),
    config: { responsive: true, displaylogo: false, ...spec.config },
  };
  const holder = globalThis as StateHolder;
  const loader = holder[STATE_KEY] ? "" : plotlyLoaderHtml(process.env.CSC_PLOTLY_SRC || undefined);
  holder[STATE_KEY] = true;
  const height = (fig.layout.height as number | undefined) ?? 450;
  return (
    loader +
    `<div class="csc-figure" style="width:100%;max-width:1100px">` +
    `<div id="${id}" style="width:100%;height:${height}px"></div>` +
    `<p id="${id}-note" style="font-size:12px;color:#57606a;margin:2px 0">Chart: ${escapeHtml(labels.title)}. ${escapeHtml(sourceLine(labels.source))}. ` +
    `(If this note stays, scripts did not run here: trust the notebook, or open the exported HTML.)</p>` +
    `</div>` +
    drawScript(id, scriptJson(fig))
  );
}

/**
 * Displays a figure in the notebook (or returns its HTML outside a kernel).
 * Missing title, axis titles or source is an error.
 * @example figure({ data: [{ type: "scatter", x: [2010, 2018], y: [603, 655] }] }, { title: "Referrals", xTitle: "Year", yTitle: "Referrals (thousands)", source: "DfE, CIN" })
 */
export function figure(spec: FigureSpec, labels: FigureLabels): string | undefined {
  return show(figureHtml(spec, labels));
}

/** Labels plus an optional layout and config for the chart helpers. */
export interface ChartLabels extends FigureLabels {
  layout?: Record<string, unknown>;
  config?: Record<string, unknown>;
}

/** A named series of values (null for a gap). */
export interface Series {
  name: string;
  values: (number | null)[];
}

/** Checks every series has as many values as there are categories or x positions. */
function checkLengths(n: number, series: Series[], what: string): void {
  for (const s of series) {
    if (s.values.length !== n) throw new Error(`${what}: series "${s.name}" has ${s.values.length} values for ${n} ${what === "barChart" ? "categories" : "x values"}`);
  }
}

/**
 * Tick settings that keep short category names (years such as "2010-11") level rather than
 * slanted at a notebook's width: a smaller font, and every other name from 15 on. Longer names are
 * left to Plotly.
 * @example levelTicks(["2010-11", "2011-12"]) // => { tickangle: 0, tickfont: { size: 11 } }
 */
export function levelTicks(names: string[]): Record<string, unknown> {
  if (names.length < 2 || names.some((n) => n.length > 8)) return {};
  return { tickangle: 0, tickfont: { size: 11 }, ...(names.length > 14 ? { dtick: 2 } : {}) };
}

/**
 * Grouped (or `stacked`) bars on a category axis, one trace per series; `horizontal` puts the
 * categories on the y axis (long LA names).
 * @example barChart({ categories: ["2010-11", "2017-18"], series: [{ name: "Referrals", values: [603700, 655630] }], title: "Referrals", xTitle: "Year", yTitle: "Referrals (number)", source: "DfE, CIN" })
 */
export function barChart(opts: ChartLabels & { categories: string[]; series: Series[]; horizontal?: boolean; stacked?: boolean }): string | undefined {
  checkLengths(opts.categories.length, opts.series, "barChart");
  const data = opts.series.map((s) =>
    opts.horizontal
      ? { type: "bar", orientation: "h", name: s.name, y: opts.categories, x: s.values }
      : { type: "bar", name: s.name, x: opts.categories, y: s.values },
  );
  // category axis: otherwise Plotly reads labels such as "2010-11" as dates
  const catAxis = opts.horizontal ? "yaxis" : "xaxis";
  const layout = {
    barmode: opts.stacked ? "stack" : "group",
    showlegend: opts.series.length > 1,
    ...opts.layout,
    [catAxis]: { type: "category", ...(opts.horizontal ? wrappedTicks(opts.categories, 30) : levelTicks(opts.categories)), ...asObject(opts.layout?.[catAxis]) },
  };
  // horizontal bars: tall enough that names on two or three lines do not touch (unless the caller chose)
  const lines = opts.horizontal ? Math.max(1, ...opts.categories.map((c) => wrapLines(c, 30).length)) : 1;
  const height = opts.height ?? (opts.horizontal ? Math.max(450, 170 + opts.categories.length * (14 * lines + 16)) : undefined);
  return figure({ data, layout, config: opts.config }, { ...opts, height });
}

/**
 * Lines (with markers) over a shared x, one trace per series; string x values (financial years
 * such as "2010-11") go on a category axis.
 * @example lineChart({ x: [2010, 2018], series: [{ name: "England", values: [548, 632] }], title: "Referral rate", xTitle: "Year ending 31 March", yTitle: "Referrals per 10,000 children", source: "DfE, CIN" })
 */
export function lineChart(opts: ChartLabels & { x: (number | string)[]; series: Series[] }): string | undefined {
  checkLengths(opts.x.length, opts.series, "lineChart");
  const data = opts.series.map((s) => ({ type: "scatter", mode: "lines+markers", name: s.name, x: opts.x, y: s.values, connectgaps: false }));
  // string x (e.g. "2010-11") on a category axis: otherwise Plotly reads them as dates
  const categorical = opts.x.some((v) => typeof v === "string");
  const layout = {
    showlegend: opts.series.length > 1,
    ...opts.layout,
    xaxis: { ...(categorical ? { type: "category", ...levelTicks(opts.x.map(String)) } : {}), ...asObject(opts.layout?.xaxis) },
  };
  return figure({ data, layout, config: opts.config }, opts);
}

/** A labelled point of a strip chart, e.g. one local authority's rate. */
export interface StripPoint {
  label: string;
  value: number | null;
}

/**
 * A deterministic horizontal jitter in [-0.25, 0.25] from the point's index, so charts do not change between runs.
 * @example jitter(0) // => 0
 */
export function jitter(i: number): number {
  // golden-ratio sequence: spreads points evenly without randomness
  return i === 0 ? 0 : (((i * 0.6180339887498949) % 1) - 0.5) * 0.5;
}

/**
 * Where the labels of one column of a strip chart go, so that they do not run into each other:
 * beside the point on `side`; of two labels closer than 5% of the value span `span`, the lower
 * moves below its point and the upper above its own.
 * @param ys the labelled points' values, in any order
 * @returns one Plotly textposition per value, in the same order
 * @example labelPositions([10, 500, 505], 1000, "right") // => ["middle right", "bottom right", "top right"]
 */
export function labelPositions(ys: number[], span: number, side: "left" | "right"): string[] {
  const out: string[] = ys.map(() => `middle ${side}`);
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) {
    const lo = order[k - 1];
    const hi = order[k];
    if (span > 0 && hi.y - lo.y >= 0.05 * span) continue;
    if (!out[lo.i].startsWith("top")) out[lo.i] = `bottom ${side}`;
    out[hi.i] = `top ${side}`;
  }
  return out;
}

/**
 * One column of points per group (e.g. LA rates by activity); points whose label is in `highlight`,
 * and each group's lowest and highest, are marked and labelled (the highest above its point, the
 * others to the right of theirs, apart: `labelPositions`; the axis leaves room on the right for
 * the last column's). Hovering shows every label.
 * @example stripChart({ groups: [{ name: "Referrals", points: [{ label: "Leeds", value: 512 }, { label: "Blackpool", value: 1230 }] }], title: "Rates by LA", xTitle: "Activity", yTitle: "Rate per 10,000 children", source: "DfE, CIN" })
 */
export function stripChart(opts: ChartLabels & { groups: { name: string; points: StripPoint[] }[]; highlight?: string[]; labelExtremes?: boolean }): string | undefined {
  const highlight = new Set(opts.highlight ?? []);
  const data: Record<string, unknown>[] = [];
  const marked = { x: [] as number[], y: [] as number[], text: [] as string[], position: [] as string[] };
  const all = opts.groups.flatMap((g) => g.points.map((p) => p.value)).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const span = all.length ? Math.max(...all) - Math.min(...all) : 0;
  opts.groups.forEach((g, gi) => {
    const pts = g.points.filter((p): p is { label: string; value: number } => typeof p.value === "number" && Number.isFinite(p.value));
    data.push({
      type: "scatter",
      mode: "markers",
      name: g.name,
      x: pts.map((_, i) => gi + jitter(i)),
      y: pts.map((p) => p.value),
      text: pts.map((p) => p.label),
      hovertemplate: "%{text}: %{y}<extra>" + g.name.replace(/[<>]/g, "") + "</extra>",
      marker: { size: 6, opacity: 0.6 },
      showlegend: false,
    });
    const sorted = pts.map((p, i) => ({ p, i })).sort((a, b) => a.p.value - b.p.value);
    const ends = opts.labelExtremes === false || sorted.length === 0 ? [] : [sorted[0], sorted[sorted.length - 1]];
    const chosen = new Map<number, StripPoint>();
    for (const e of ends) chosen.set(e.i, e.p);
    pts.forEach((p, i) => highlight.has(p.label) && chosen.set(i, p));
    // the column's highest point is labelled above it; the others beside theirs
    const labelled = [...chosen].map(([i, p]) => ({ x: gi + jitter(i), y: p.value as number, label: p.label }));
    const top = labelled.reduce((m, l, k) => (l.y > labelled[m].y ? k : m), 0);
    const beside = labelled.filter((_, k) => k !== top);
    const sides = labelPositions(beside.map((l) => l.y), span, "right");
    labelled.forEach((l, k) => {
      marked.x.push(l.x);
      marked.y.push(l.y);
      marked.text.push(l.label);
      marked.position.push(k === top ? "top center" : sides[beside.indexOf(l)]);
    });
  });
  data.push({
    type: "scatter",
    mode: "markers+text",
    name: "labelled",
    x: marked.x,
    y: marked.y,
    text: marked.text,
    textposition: marked.position,
    cliponaxis: false,
    hovertemplate: "%{text}: %{y}<extra></extra>",
    marker: { size: 9, color: "#c62828", line: { width: 1, color: "#ffffff" } },
    textfont: { size: 11 },
    showlegend: false,
  });
  const layout = {
    ...opts.layout,
    xaxis: {
      tickmode: "array",
      tickvals: opts.groups.map((_, i) => i),
      // level, wrapped names: slanted ones would run into the axis title below
      ticktext: opts.groups.map((g) => wrapLines(g.name, 18).join("<br>")),
      tickangle: 0,
      range: [-0.6, opts.groups.length - 0.15], // room on the right for the last column's labels
      zeroline: false,
      ...asObject(opts.layout?.xaxis),
    },
  };
  return figure({ data, layout, config: opts.config }, opts);
}
