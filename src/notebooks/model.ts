/**
 * Notebooks 05 (what drives variation: the NAO's model) and 06 (Sure Start): tables and charts drawn
 * from the same functions the model kind uses (src/claims/kinds/model-panel.ts).
 */
import { show, htmlTable } from "../display/html";
import { barChart, figure, lineChart } from "../display/plotly";
import {
  allSpecs, bootstrapShares, centreSpending, COMPONENT_LABELS, DEFINITIONS, deprivationReadings, estimateSpec, modelPanel, shareOf,
  specById, SPECS, sureStartEstimates, type Component, type SpecResult,
} from "../claims/kinds/model-panel";
import { callawaySantAnna, eventStudy, simulateStaggered, twfeDid } from "../stats/did";
import { fmtNumber, fmtPercent } from "../format";
import { check } from "./common";
import { claimCard } from "../display/card";
import { realTables } from "../claims/tables";

const tables = realTables();

export * from "./common";

const SRC_PANEL = "DfE children in need census, underlying data as first published 2010–2017 (plans starting, 0–17 denominators); DCLG English Indices of Deprivation 2015, File 11";
const pct1 = (v: number | null) => (v === null ? null : Math.round(1000 * v) / 10);

/** The panel: authorities, years, rows, and the cells left out. */
export function panelSummary(from = "2010-11", to = "2016-17"): void {
  const p = modelPanel(tables, from, to);
  const rows = p.years.map((y) => {
    const r = p.rows.filter((x) => x.year === y);
    const rates = r.map((x) => x.rate).sort((a, b) => a - b);
    const starts = r.reduce((a, x) => a + x.starts, 0);
    const pop = r.reduce((a, x) => a + x.population, 0);
    return {
      year: y, authorities: r.length, missing: p.missing.filter((m) => m.year === y).length,
      england: (1e4 * starts) / pop, lowest: rates[0], median: rates[Math.floor(rates.length / 2)], highest: rates[rates.length - 1],
    };
  });
  show(htmlTable(rows, {
    caption: `New child protection plans per 10,000 children aged 0–17: ${p.las} authorities, ${p.years.length} years, ${fmtNumber(p.rows.length)} authority-years`,
    columns: [
      { key: "year", label: "Year" }, { key: "authorities", label: "Authorities with a count", format: "count" },
      { key: "missing", label: "Suppressed or missing", format: "count" },
      { key: "england", label: "All authorities (per 10,000)", decimals: 1 }, { key: "lowest", label: "Lowest", decimals: 1 },
      { key: "median", label: "Median", decimals: 1 }, { key: "highest", label: "Highest", decimals: 1 },
    ],
  }));
  show(htmlTable(p.missing.map((m) => ({ authority: m.area, code: m.laCode, year: m.year, marker: m.marker, file: m.src, row: m.row })), {
    caption: "Cells left out (the count of plans is suppressed or missing in the file; never filled in)",
  }));
}

/** Each authority's average rate against its IDACI 2015 score, with the least-squares line. */
export function deprivationScatter(): void {
  const p = modelPanel(tables);
  const by = new Map<string, { area: string; idaci: number; s: number; k: number }>();
  for (const r of p.rows) {
    const m = by.get(r.laCode) ?? { area: r.area, idaci: r.idaci, s: 0, k: 0 };
    m.s += r.rate;
    m.k++;
    by.set(r.laCode, m);
  }
  const pts = [...by.values()].map((m) => ({ area: m.area, x: m.idaci, y: m.s / m.k }));
  const mx = pts.reduce((a, q) => a + q.x, 0) / pts.length;
  const my = pts.reduce((a, q) => a + q.y, 0) / pts.length;
  const b = pts.reduce((a, q) => a + (q.x - mx) * (q.y - my), 0) / pts.reduce((a, q) => a + (q.x - mx) ** 2, 0);
  const xs = [Math.min(...pts.map((q) => q.x)), Math.max(...pts.map((q) => q.x))];
  figure({
    data: [
      { type: "scatter", mode: "markers", name: "authority", x: pts.map((q) => q.x), y: pts.map((q) => q.y), text: pts.map((q) => q.area), hovertemplate: "%{text}: IDACI %{x:.1f}%, %{y:.1f} per 10,000<extra></extra>", marker: { size: 7, opacity: 0.65 } },
      { type: "scatter", mode: "lines", name: `least squares: ${fmtNumber(b, 2)} per 10,000 per point`, x: xs, y: xs.map((x) => my + b * (x - mx)), line: { color: "#c62828" } },
    ],
  }, {
    title: "Deprived authorities start more child protection plans (average 2010-11 to 2016-17)",
    xTitle: "IDACI 2015 average score (% of children in income-deprived families)",
    yTitle: "Plans per 10,000 (7-year average)",
    source: SRC_PANEL,
  });
}

const COMPONENTS: Component[] = ["la", "deprivation", "time", "covariates", "unexplained"];

/** Shares (per cent) of one specification under every definition. */
export function sharesTable(specId = "nao"): void {
  const r = estimateSpec(tables, specById(specId));
  const comps = COMPONENTS.filter((c) => c !== "covariates" || r.spec.covariates.length);
  show(htmlTable(DEFINITIONS.map((d) => ({ definition: d.label, ...Object.fromEntries(comps.map((c) => [c, pct1(shareOf(r, d.id, c))])) })), {
    caption: `Shares of the variation (per cent), ${r.spec.label}; ${fmtNumber(r.n)} authority-years, R² of the full model ${fmtPercent(100 * r.shares.full, 1)}`,
    columns: [{ key: "definition", label: "Definition" }, ...comps.map((c) => ({ key: c, label: COMPONENT_LABELS[c], decimals: 1 }))],
  }));
}

/** Stated values of claims, read from the ledger rows (for reference lines). */
async function statedLines(ids: string[]): Promise<{ label: string; value: number }[]> {
  const out: { label: string; value: number }[] = [];
  for (const id of ids) {
    const row = await check(id);
    out.push({ label: `${row.document.toUpperCase()} ${row.written[row.written.length - 1]}`, value: row.stated[row.stated.length - 1] });
  }
  return out;
}

/**
 * Dotted reference lines at the documents' figures, each labelled. Labels of neighbouring lines
 * are set apart so they cannot run together ("NAO 44%HCL 50%"): on a vertical line, the lower value's
 * label ends at its line and the next one starts at its own (alternating), a step higher for every
 * further pair; on a horizontal line, the lower value's label sits under its line, the others above.
 */
function refShapes(lines: { label: string; value: number }[], horizontal: boolean): Record<string, unknown> {
  const sorted = lines.slice().sort((a, b) => a.value - b.value);
  const shapes = sorted.map((l) => (horizontal
    ? { type: "line", xref: "x", yref: "paper", x0: l.value, x1: l.value, y0: 0, y1: 1, line: { dash: "dot", color: "#57606a" } }
    : { type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: l.value, y1: l.value, line: { dash: "dot", color: "#57606a" } }));
  const annotations = sorted.map((l, i) => (horizontal
    ? { xref: "x", yref: "paper", x: l.value, y: 1 + 0.015 + 0.05 * Math.floor(i / 2), yanchor: "bottom", xanchor: i % 2 === 0 ? "right" : "left", xshift: i % 2 === 0 ? -3 : 3, text: l.label, showarrow: false, font: { size: 11 } }
    : { xref: "paper", yref: "y", x: 1, y: l.value, text: l.label, showarrow: false, xanchor: "right", yanchor: i === 0 && sorted.length > 1 ? "top" : "bottom", font: { size: 11 } }));
  return { shapes, annotations };
}

/** Short names of the specifications for a chart's axis (the full label is in the hover text and the tables). */
const SPEC_SHORT: Record<string, string> = {
  nao: "NAO set-up (IDACI 2015)",
  imd: "IMD 2015 for IDACI",
  "idaci-imd": "IDACI and IMD",
  funding: "IDACI and funding",
  "funding-imd": "IMD and funding",
  "low-income": "low-income families",
  "low-income-idaci": "low-income and IDACI",
  "with-2017-18": "2017-18 added",
  "with-2009-10": "2009-10 added",
  log: "log(1 + rate)",
  "no-tiny": "without City of London, Scilly",
  "ons-population": "ONS revised populations",
};

/** A specification's name on a chart axis: its short name, else its label. */
export function specAxisLabel(spec: { id: string; label: string }): string {
  return SPEC_SHORT[spec.id] ?? spec.label;
}

/** The NAO set-up's shares by definition, as grouped bars, with the documents' LA figures marked. */
export async function sharesChart(specId = "nao"): Promise<void> {
  const r = estimateSpec(tables, specById(specId));
  const lines = await statedLines(["nao-s16-la-44", "hcl-la-50"]);
  const comps: Component[] = ["la", "deprivation", "time", "unexplained"];
  barChart({
    categories: DEFINITIONS.map((d) => d.short),
    series: comps.map((c) => ({ name: COMPONENT_LABELS[c], values: DEFINITIONS.map((d) => pct1(shareOf(r, d.id, c))) })),
    title: `Which definition gives which share? ${r.spec.label}`,
    xTitle: "Definition of a share",
    yTitle: "Share of variation (%)",
    source: SRC_PANEL,
    layout: refShapes(lines, false),
  });
}

/** Sequential shares in every ordering of deprivation, time and LA effects. */
export function orderingsTable(specId = "nao"): void {
  const r = estimateSpec(tables, specById(specId));
  show(htmlTable(r.shares.sequential.map((s) => ({ order: s.order.map((g) => COMPONENT_LABELS[g as Component]).join(" → "), ...Object.fromEntries(s.order.map((g) => [g, pct1(s.shares[g])])), unexplained: pct1(r.shares.unexplained) })), {
    caption: `Sequential R² shares (per cent) in every order, ${r.spec.label}: each row adds up to the model's R²`,
    columns: [{ key: "order", label: "Order of entry" }, ...r.shares.names.map((g) => ({ key: g, label: COMPONENT_LABELS[g as Component], decimals: 1 })), { key: "unexplained", label: "Unexplained", decimals: 1 }],
  }));
}

/** The LA share in every specification under the main definitions. */
export function specsTable(): void {
  const specs = allSpecs(tables);
  show(htmlTable(specs.map((r) => ({
    spec: r.spec.label, n: r.n,
    ...Object.fromEntries(DEFINITIONS.map((d) => [d.id, pct1(shareOf(r, d.id, "la"))])),
    dep: pct1(shareOf(r, "nao-order", "deprivation")), time: pct1(shareOf(r, "nao-order", "time")), unexplained: pct1(r.shares.unexplained),
  })), {
    caption: "LA effects' share of the variation (per cent) by specification and definition; deprivation, time and unexplained in the NAO's order",
    columns: [
      { key: "spec", label: "Specification" }, { key: "n", label: "Rows", format: "count" },
      ...DEFINITIONS.map((d) => ({ key: d.id, label: `LA: ${d.short}`, decimals: 1 })),
      { key: "dep", label: "Deprivation (NAO order)", decimals: 1 }, { key: "time", label: "Time (NAO order)", decimals: 1 }, { key: "unexplained", label: "Unexplained", decimals: 1 },
    ],
  }));
}

/** The LA share by specification, four definitions, with the documents' 44% and 50% marked. */
export async function specsChart(): Promise<void> {
  const specs = allSpecs(tables);
  const lines = await statedLines(["nao-s16-la-44", "hcl-la-50"]);
  const defs = DEFINITIONS.filter((d) => ["nao-order", "shapley", "re", "alone"].includes(d.id));
  barChart({
    categories: specs.map((r) => specAxisLabel(r.spec)),
    series: defs.map((d) => ({ name: d.short, values: specs.map((r) => pct1(shareOf(r, d.id, "la"))) })),
    horizontal: true,
    title: "LA effects' share of the variation, by specification and definition",
    xTitle: "Share of the variation in new plans per 10,000 (%)",
    yTitle: "Specification",
    source: SRC_PANEL + "; HMRC children in low-income families 2011–2016; DfE s251 outturn",
    height: 620,
    // the legend a line higher than usual: the documents' figures are labelled just above the plot
    layout: { ...refShapes(lines, true), yaxis: { autorange: "reversed" }, legend: { orientation: "h", x: 0, xanchor: "left", y: 1.07, yanchor: "bottom" }, margin: { t: 110 } },
  });
}

/** The card was asked to show a value the ledger does not give. */
export class ModelCardMismatch extends Error {}

/**
 * The card of a model claim for the value this notebook computed (by role, in the claim's units: a
 * share in per cent): it fails loudly (throws) when the value is not the ledger's, so a cell cannot
 * show a figure `csc-factcheck recheck` does not.
 * @example await modelCard("nao-s16-la-44", { share: 100 * shares.la })
 */
export async function modelCard(id: string, computed: Record<string, number>): Promise<void> {
  const row = await check(id);
  row.roles.forEach((role, i) => {
    const mine = computed[role];
    const ledger = row.recomputed?.[i] ?? null;
    if (mine === undefined) throw new ModelCardMismatch(`${id}: the cell computed no "${role}" (the claim states ${row.roles.join(", ")})`);
    if (ledger === null || !(Math.abs(mine - ledger) <= 1e-9 * Math.max(1, Math.abs(ledger)))) {
      throw new ModelCardMismatch(`${id}: this notebook computes ${role} = ${mine}, the ledger ${ledger ?? "nothing"}; make the cell's reading the ledger's`);
    }
  });
  show(claimCard(row));
}

/** Each authority's rate year by year (grey) and the mean of the authorities (red): between, trend and within at a glance. */
export function ratesByAuthorityChart(from = "2010-11", to = "2016-17"): void {
  const p = modelPanel(tables, from, to);
  const by = new Map<string, { area: string; x: string[]; y: number[] }>();
  for (const r of p.rows) {
    const m = by.get(r.laCode) ?? { area: r.area, x: [], y: [] };
    m.x.push(r.year);
    m.y.push(r.rate);
    by.set(r.laCode, m);
  }
  const mean = p.years.map((y) => {
    const v = p.rows.filter((r) => r.year === y).map((r) => r.rate);
    return v.reduce((a, b) => a + b, 0) / v.length;
  });
  const grey = [...by.values()].map((m, i) => ({
    type: "scatter", mode: "lines", x: m.x, y: m.y, text: m.x.map(() => m.area), hovertemplate: "%{text}, %{x}: %{y:.1f}<extra></extra>",
    line: { color: "rgba(87,96,106,0.25)", width: 1 }, name: "one authority", legendgroup: "la", showlegend: i === 0,
  }));
  figure({
    data: [...grey, { type: "scatter", mode: "lines+markers", name: "mean of the authorities", x: p.years, y: mean, line: { color: "#c62828", width: 3 } }],
    layout: { yaxis: { rangemode: "tozero" }, xaxis: { type: "category" } },
  }, {
    title: `New child protection plans per 10,000 children, each authority, ${from} to ${to}`,
    xTitle: "Financial year",
    yTitle: "Plans starting per 10,000 aged 0–17",
    source: SRC_PANEL,
  });
}

/**
 * The NAO-order shares of one specification with their 95% bootstrap intervals (points and bars),
 * the NAO's figures (diamonds) and the Commons Library's (crosses), read from the ledger rows and
 * drawn just below their component's bar, so a document's figure never hides the estimate.
 * Each component's estimate and interval are written in its axis label, and the documents' figures
 * are told apart by marker and legend, so no label can run into another at any width.
 */
export async function intervalsChart(specId = "nao"): Promise<void> {
  const r = estimateSpec(tables, specById(specId));
  const b = bootstrapShares(tables, r.spec);
  const comps: Component[] = ["la", "deprivation", "time", "unexplained"];
  const docs: { name: string; symbol: string; color: string; ids: Partial<Record<Component, string>> }[] = [
    { name: "NAO report (summary para 16)", symbol: "diamond", color: "#1f77b4", ids: { la: "nao-s16-la-44", deprivation: "nao-s16-deprivation-15", time: "nao-s16-time-10" } },
    { name: "Commons Library briefing", symbol: "x", color: "#e07b00", ids: { la: "hcl-la-50", unexplained: "hcl-unexplained-25" } },
  ];
  const pc = (v: number) => fmtNumber(100 * v, 1);
  const est = comps.map((c) => 100 * shareOf(r, "nao-order", c)!);
  const ticktext = comps.map((c, i) => `${COMPONENT_LABELS[c]}<br>${fmtNumber(est[i], 1)}% (${pc(b.intervals[c].low)}–${pc(b.intervals[c].high)})`);
  const traces: Record<string, unknown>[] = [{
    type: "scatter", mode: "markers", name: "re-estimate with its 95% interval",
    x: est, y: comps.map((_, i) => i), marker: { size: 10, color: "#24292f" },
    error_x: { type: "data", symmetric: false, array: comps.map((c, i) => 100 * b.intervals[c].high - est[i]), arrayminus: comps.map((c, i) => est[i] - 100 * b.intervals[c].low), thickness: 2, width: 6 },
    hovertemplate: "%{x:.1f}%<extra></extra>",
  }];
  for (const d of docs) {
    const at = comps.map((c, i) => [c, i] as const).filter(([c]) => d.ids[c]);
    const xs: number[] = [];
    for (const [c] of at) { const row = await check(d.ids[c]!); xs.push(row.stated[row.stated.length - 1]); }
    traces.push({ type: "scatter", mode: "markers", name: d.name, x: xs, y: at.map(([, i]) => i + 0.28), marker: { size: 12, symbol: d.symbol, color: d.color }, hovertemplate: `${d.name}: %{x}%<extra></extra>` });
  }
  figure({ data: traces, layout: {
    yaxis: { autorange: false, range: [comps.length - 0.45, -0.45], tickvals: comps.map((_, i) => i), ticktext, zeroline: false, showgrid: false },
    xaxis: { range: [0, 75], dtick: 10, ticksuffix: "%" },
  } }, {
    title: `Shares of the variation in the NAO's order, with 95% intervals from resampling authorities (${r.spec.label})`,
    xTitle: "Share of the variation in new plans per 10,000 (%)",
    yTitle: "Component: estimate (95% interval)",
    source: `${SRC_PANEL}; interval: ${fmtNumber(b.replications)} bootstrap resamples of the ${b.clusters} authorities, seed ${b.seed}`,
    height: 440,
  });
}

/** How deprivation's coefficient is (or is not) identified, estimator by estimator. */
export function deprivationTable(): void {
  show(htmlTable(deprivationReadings(tables).map((d) => ({ estimator: d.estimator, measure: d.measure, coefficient: d.coefficient, se: d.se, seKind: d.seKind, n: d.n, note: d.note })), {
    caption: "Deprivation's effect on new plans per 10,000, per point of the measure",
    columns: [
      { key: "estimator", label: "Estimator" }, { key: "measure", label: "Measure" },
      { key: "coefficient", label: "Coefficient", decimals: 2 }, { key: "se", label: "SE", decimals: 2 }, { key: "seKind", label: "SE type" },
      { key: "n", label: "n", format: "count" }, { key: "note", label: "Note" },
    ],
  }));
}

/** The covariates the NAO named and which of them the mirror holds. */
export function naoCovariates(): void {
  const rows = [
    { covariate: "deprivation", nao: "appendix para 6", mirror: "yes", used: "IDACI and IMD 2015 (File 11, 152 authorities, measured once); HMRC children in low-income families, 31 August 2011–2016 (varies by year)" },
    { covariate: "funding", nao: "summary para 16", mirror: "yes", used: "s251 net spending on children's and young people's services per child aged 0–17, 2018-19 prices (a proxy: spending, not funding)" },
    { covariate: "staffing", nao: "summary para 16", mirror: "no (2017 on)", used: "the children's social work workforce by authority starts at 30 September 2017, after the NAO's years" },
    { covariate: "opiate and crack cocaine use", nao: "appendix para 6", mirror: "no", used: "PHE / Liverpool John Moores estimates by authority are not in the mirror" },
    { covariate: "teenage conceptions", nao: "appendix para 6", mirror: "no (2016 on)", used: "the under-18 conception rate is in LAIT's parquet file from 2016 only; the ONS series for 2010–2015 is not in the mirror" },
    { covariate: "abortion rates", nao: "appendix para 6", mirror: "no", used: "DHSC abortion statistics by authority are not in the mirror" },
  ];
  show(htmlTable(rows, { caption: "The NAO's covariates and the data here", columns: [{ key: "covariate", label: "Covariate" }, { key: "nao", label: "Named in" }, { key: "mirror", label: "In the mirror for 2010-11 to 2016-17" }, { key: "used", label: "What is used or missing" }] }));
}

/** The NAO-order shares with and without 2017-18 (and with 2009-10). */
export function yearsTable(): void {
  const ids = ["nao", "with-2017-18", "with-2009-10"];
  const comps: Component[] = ["la", "deprivation", "time", "unexplained"];
  show(htmlTable(ids.map((id) => estimateSpec(tables, specById(id))).map((r: SpecResult) => ({
    spec: r.spec.label, n: r.n,
    ...Object.fromEntries(comps.map((c) => [c, pct1(shareOf(r, "nao-order", c))])),
    shapley: pct1(shareOf(r, "shapley", "la")),
  })), {
    caption: "What the years change (per cent, NAO order; LA effects' Shapley share for comparison)",
    columns: [{ key: "spec", label: "Years" }, { key: "n", label: "Rows", format: "count" }, ...comps.map((c) => ({ key: c, label: COMPONENT_LABELS[c], decimals: 1 })), { key: "shapley", label: "LA (Shapley)", decimals: 1 }],
  }));
}

// ---------------------------------------------------------------------------------------------
// Notebook 06: Sure Start

const SRC_SS = "DfE section 251 outturn by authority 2010-11 to 2018-19 (spend on individual Sure Start children's centres); HM Treasury GDP deflators (March 2020); DfE children in need census";

/** England's net spending on individual children's centres, cash and 2018-19 prices. */
export function centreSpendingChart(): void {
  const years = ["2010-11", "2011-12", "2012-13", "2013-14", "2014-15", "2015-16", "2016-17", "2017-18", "2018-19"];
  const sp = centreSpending(tables, years);
  lineChart({
    x: years,
    series: [
      { name: "cash", values: sp.map((x) => Math.round(x.cash / 1e5) / 10) },
      { name: "2018-19 prices", values: sp.map((x) => Math.round(x.real / 1e5) / 10) },
    ],
    title: "Net spending on individual Sure Start children's centres, England (sum of 152 authorities)",
    xTitle: "Financial year",
    yTitle: "£ million",
    source: SRC_SS,
  });
}

/** The spending proxy's cohorts: when each authority first spent less than half its 2010-11 amount per child. */
export function proxyCohorts(): void {
  const e = sureStartEstimates(tables);
  const rows = Object.entries(e.panel.cohorts).sort(([a], [b]) => (a === "never" ? 1 : b === "never" ? -1 : Number(a) - Number(b)))
    .map(([k, v]) => ({ cohort: k === "never" ? "never (to 2018-19)" : `${k}-${String((Number(k) + 1) % 100).padStart(2, "0")}`, authorities: v }));
  show(htmlTable(rows, { caption: `Authorities by the first year their real spending per child on centres fell below half its 2010-11 level (${e.panel.noBase.length} without centre spending in 2010-11 left out)`, columns: [{ key: "cohort", label: "First year below half" }, { key: "authorities", label: "Authorities", format: "count" }] }));
}

/** TWFE DiD and Callaway–Sant'Anna on the proxy. */
export function didTable(): void {
  const e = sureStartEstimates(tables);
  const rows = [
    { estimator: "two-way fixed effects DiD", estimate: e.twfe.estimate, se: e.twfe.se, note: "entity-clustered SE; biased under staggered timing with changing effects" },
    { estimator: "Callaway–Sant'Anna, never-treated controls", estimate: e.csNever.overall.estimate, se: e.csNever.overall.se, note: `cohort-size weights; bootstrap (${e.csNever.bootstrap} draws of authorities)` },
    { estimator: "Callaway–Sant'Anna, not-yet-treated controls", estimate: e.csNotYet.overall.estimate, se: e.csNotYet.overall.se, note: `bootstrap (${e.csNotYet.bootstrap} draws)` },
  ];
  show(htmlTable(rows, { caption: `Change in new plans per 10,000 after a halving of centre spending (proxy), ${e.panel.from} to ${e.panel.to}, ${e.twfe.entities} authorities`, columns: [{ key: "estimator", label: "Estimator" }, { key: "estimate", label: "Estimate", decimals: 2 }, { key: "se", label: "SE", decimals: 2 }, { key: "note", label: "Note" }] }));
}

function eventTraces(events: { eventTime: number; estimate: number; se: number }[], name: string, shift: number, color: string): Record<string, unknown> {
  return {
    type: "scatter", mode: "markers", name,
    x: events.map((e) => e.eventTime + shift), y: events.map((e) => e.estimate),
    error_y: { type: "data", array: events.map((e) => 1.96 * e.se), visible: true },
    marker: { size: 8, color },
  };
}

/** Event study on the proxy: TWFE leads and lags and Callaway–Sant'Anna by event time, with 95% intervals. */
export function eventStudyChart(): void {
  const e = sureStartEstimates(tables);
  const cs = e.csNever.byEventTime.filter((x) => x.eventTime >= -4 && x.eventTime <= 4);
  figure({
    data: [eventTraces(e.events, "two-way FE event study (end points binned)", -0.1, "#1f77b4"), eventTraces(cs, "Callaway–Sant'Anna (never-treated controls)", 0.1, "#c62828")],
    layout: { xaxis: { dtick: 1 }, shapes: [{ type: "line", xref: "paper", x0: 0, x1: 1, y0: 0, y1: 0, line: { color: "#57606a", dash: "dot" } }] },
  }, {
    title: "New plans per 10,000 around the first year of a halving of centre spending (proxy for closures)",
    xTitle: "Years since centre spending per child first fell below half its 2010-11 level",
    yTitle: "Plans per 10,000 (95% interval)",
    source: SRC_SS,
  });
}

/** A simulated staggered design with a known effect that grows with time: TWFE against Callaway–Sant'Anna. */
export function simulationTable(): void {
  const sim = simulateStaggered({ cohorts: [2012, 2014, 2016, null], unitsPerCohort: 30, first: 2010, last: 2018, effect: (k) => 2 * (k + 1), noise: 1, seed: 7 });
  const tw = twfeDid(sim.data);
  const cs = callawaySantAnna(sim.data, { bootstrap: 99 });
  const es = eventStudy(sim.data, { leads: 3, lags: 4 });
  show(htmlTable([
    { estimator: "truth (average effect over treated authority-years)", estimate: sim.trueAtt, se: null },
    { estimator: "two-way fixed effects DiD", estimate: tw.estimate, se: tw.se },
    { estimator: "Callaway–Sant'Anna, never-treated controls", estimate: cs.overall.estimate, se: cs.overall.se },
    { estimator: "TWFE event study, 2 years after (truth 6)", estimate: es.find((x) => x.eventTime === 2)!.estimate, se: es.find((x) => x.eventTime === 2)!.se },
    { estimator: "Callaway–Sant'Anna, 2 years after (truth 6)", estimate: cs.byEventTime.find((x) => x.eventTime === 2)!.estimate, se: cs.byEventTime.find((x) => x.eventTime === 2)!.se },
  ], { caption: "Simulated: 4 cohorts of 30 units (treated 2012, 2014, 2016, never), 2010–2018, effect 2, 4, 6, … in the 1st, 2nd, 3rd … treated year, noise sd 1", columns: [{ key: "estimator", label: "Estimator" }, { key: "estimate", label: "Estimate", decimals: 2 }, { key: "se", label: "SE", decimals: 2 }] }));
}

export { SPECS };
