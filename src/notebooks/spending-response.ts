/**
 * Notebook 04 (NAO Part Two, the spending response): overspending against budgets, the budgeted
 * increase of 2018-19, Figures 13 and 14 redrawn from section 251 outturn, and how the preventative
 * share moves with its definition and start year. Every number comes from the functions the checks
 * of src/claims/kinds (spending.ts) use.
 */
import { show, htmlTable } from "../display/html";
import { figure, lineChart, wrappedTicks } from "../display/plotly";
import { toDataFrame, type DataFrame } from "../display";
import { loadClaims } from "../claims/registry";
import {
  PREVENTATIVE_DEFINITIONS,
  SERVICE_LINES,
  SERVICE_LINE_LABELS,
  figure13Data,
  figure14Data,
  lineMappingRows,
  overspendSeries,
  overspendYear,
  preventativeShares,
  priceGrowth,
  s251Years,
  serviceLines,
} from "../claims/kinds/spending";
import { fmtNumber, fmtPercent } from "../format";
import { realTables } from "../claims/tables";

const tables = realTables();

export * from "./common";

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Overspending by year: how many LAs spent more on children's social care than they budgeted, and by how much. */
export function overspendTable(): void {
  const rows = overspendSeries(tables);
  show(htmlTable(rows.map((r) => ({
    year: r.year,
    "LAs that overspent": `${r.over} of ${r.counted}`,
    share: fmtPercent(r.share, 1),
    "England outturn − budget": `£${fmtNumber(r.england, 1)} million`,
    "sum of the overspends alone": `£${fmtNumber(r.sumOfOverspends, 1)} million`,
    outturn: r.outturn,
  })), { caption: "Children's social care: MHCLG outturn against MHCLG budget (net current expenditure), upper-tier LAs" }));
  lineChart({
    x: rows.map((r) => r.year),
    series: [{ name: "LAs whose outturn exceeded their budget", values: rows.map((r) => r.share) }],
    title: "Share of upper-tier LAs that overspent on children's social care, England",
    xTitle: "Financial year",
    yTitle: "LAs that overspent (% of those with both figures)",
    source: "Source: MHCLG revenue outturn (RO3; RS 2017-18 as first published) and revenue account budgets (RA), by LA",
  });
}

/** The LAs of one year with their outturn, budget and difference (£ million, one decimal), largest underspend first, as a DataFrame. */
export function overspendFrame(year = "2017-18"): DataFrame {
  const y = overspendYear(tables, year);
  return toDataFrame(y.las
    .map((l) => ({
      la: l.area,
      laCode: l.laCode,
      outturn: l.outturn.value === null ? null : round1(l.outturn.value / 1000),
      budget: l.budget.value === null ? null : round1(l.budget.value / 1000),
      difference: l.diff === null ? null : round1(l.diff / 1e6),
      overspent: l.diff === null ? null : l.diff > 0,
    }))
    .sort((a, b) => (a.difference ?? 0) - (b.difference ?? 0)));
}

/** The s251 lines each service line sums in two years, with their net spending (£ million) and whether they compare. */
export function mappingTable(from = "2010-11", to = "2017-18"): void {
  show(htmlTable(lineMappingRows(tables, from, to), {
    caption: `Section 251 lines read into the later grouping, ${from} and ${to} (net current expenditure, England = sum of the 152 LAs, £ million, cash)`,
  }));
}

/** Every service line by year (net, cash, £ million, one decimal) as a DataFrame. */
export function linesFrame(years = s251Years("2010-11", "2018-19")): DataFrame {
  const rows: Record<string, unknown>[] = [];
  for (const y of years) {
    const s = serviceLines(tables, y, "net");
    for (const l of SERVICE_LINES) rows.push({ year: y, line: SERVICE_LINE_LABELS[l], net: round1(s.lines[l].value / 1e6) });
    rows.push({ year: y, line: "Total (excluding CERA)", net: round1((s.total.value as number) / 1e6) });
  }
  return toDataFrame(rows);
}

/** Figure 13 redrawn: the change of each service line between two years in real terms (net, £ million). */
export function figure13(from = "2010-11", to = "2017-18", prices = to): void {
  const d = figure13Data(tables, from, to, prices);
  show(htmlTable(d.rows.map((r) => ({
    line: r.label,
    [`${from} cash`]: fmtNumber(r.fromCash, 1),
    [`${from} in ${prices} prices`]: fmtNumber(r.fromReal, 1),
    [to]: fmtNumber(r.toCash, 1),
    "change, £ million": fmtNumber(r.change, 1),
    "change, %": fmtPercent(r.pct, 1, true),
  })), { caption: `Net current expenditure, England, £ million; prices: HM Treasury GDP deflator (March 2020), ${from} → ${prices} ${fmtPercent(d.inflation, 2, true)}` }));
  const rows = [...d.rows].reverse();
  const lo = Math.min(0, ...rows.map((r) => r.change));
  const hi = Math.max(0, ...rows.map((r) => r.change));
  const pad = 0.3 * (hi - lo);
  figure({
    data: [{
      type: "bar",
      orientation: "h",
      y: rows.map((r) => r.label),
      x: rows.map((r) => r.change),
      text: rows.map((r) => `${r.change >= 0 ? "+" : "−"}${fmtNumber(Math.abs(r.change), 1)} (${fmtPercent(r.pct, 0, true)})`),
      // inside a bar that has room, beside one that has not: a label beside a long bar to the left would lie on the names
      textposition: "auto",
      cliponaxis: false,
      marker: { color: rows.map((r) => (r.change >= 0 ? "#1f5fbf" : "#c2410c")) },
      hovertemplate: "%{y}: %{x:.1f} £ million<extra></extra>",
    }],
    layout: { yaxis: { type: "category", automargin: true, ...wrappedTicks(rows.map((r) => r.label)) }, xaxis: { zeroline: true, range: [lo - pad, hi + pad] }, showlegend: false },
  }, {
    title: `Figure 13 redrawn: change in spending by service line, ${from} to ${to} (${prices} prices)`,
    xTitle: `Change in net current expenditure (£ million, ${prices} prices)`,
    yTitle: "Service line (section 251)",
    source: `Source: DfE section 251 outturn by LA, sums of the 152 LAs (${d.sources.slice(0, 2).join(", ")}); HM Treasury GDP deflator, March 2020 (${d.sources[2]})`,
  });
}

/**
 * The price rise between 2010-11 and 2017-18 that each of the NAO's Figure 13 labels implies, given
 * the data's cash amounts: (cash 2017-18 − stated change) / cash 2010-11 − 1. This reads the
 * document's own numbers (the registry's stated values) and is shown beside the deflator in the mirror.
 */
export function impliedPriceRise(ids = ["nao-fig13-safeguarding", "nao-fig13-family-support", "nao-fig13-other-children-families", "nao-fig13-youth-justice"]): void {
  const claims = loadClaims();
  const d = figure13Data(tables, "2010-11", "2017-18", "2017-18");
  const rows = ids.map((id) => {
    const c = claims.find((x) => x.id === id);
    if (!c) throw new Error(`no claim ${id} in the registry`);
    const series = (c.params?.series ?? {}) as Record<string, string>;
    const role = Object.keys(series).find((r) => /\.(change|fall)$/.test(series[r]));
    if (!role) throw new Error(`claim ${id} states no £ change`);
    const [line, what] = series[role].split(".");
    const sv = c.stated.find((s) => s.role === role)!;
    const change = what === "fall" ? -(sv.value as number) : (sv.value as number);
    const r = d.rows.find((x) => x.line === line)!;
    const implied = 100 * ((r.toCash - change) / r.fromCash - 1);
    return { claim: id, line: r.label, "stated change (£ million)": fmtNumber(change, 1), "cash 2010-11": fmtNumber(r.fromCash, 1), "cash 2017-18": fmtNumber(r.toCash, 1), "implied price rise": fmtPercent(implied, 2, true) };
  });
  show(htmlTable(rows, { caption: `Price rise from 2010-11 to 2017-18 implied by each Figure 13 label; the deflator in the mirror (March 2020) gives ${fmtPercent(priceGrowth(tables, "2010-11", "2017-18"), 2, true)}` }));
}

/** Figure 14 redrawn: statutory and preventative spending by year in real terms, and the preventative share. */
export function figure14(definitionId = "all-non-statutory", prices = "2017-18"): void {
  const d = figure14Data(tables, s251Years(), definitionId, prices);
  figure({
    data: [
      { type: "bar", name: "statutory", x: d.years, y: d.statutory, marker: { color: "#1f5fbf" }, hovertemplate: "%{x}: £%{y:.2f} billion<extra>statutory</extra>" },
      { type: "bar", name: `preventative (${d.definition.short})`, x: d.years, y: d.preventative, marker: { color: "#f59e0b" }, hovertemplate: "%{x}: £%{y:.2f} billion<extra>preventative</extra>" },
      { type: "scatter", mode: "lines+markers+text", name: "preventative share (%)", x: d.years, y: d.share, yaxis: "y2", text: d.share.map((s) => fmtPercent(s, 0)), textposition: "top center", line: { color: "#57606a" } },
    ],
    layout: {
      barmode: "stack",
      xaxis: { type: "category" },
      yaxis2: { title: { text: "Preventative share of the total (%)" }, overlaying: "y", side: "right", range: [0, 60], showgrid: false },
      legend: { orientation: "h", x: 0, y: 1.02, yanchor: "bottom" },
      margin: { t: 110, r: 80 },
      height: 520,
    },
  }, {
    title: `Figure 14 redrawn: statutory and preventative spending, England (real terms, ${prices} prices)`,
    xTitle: "Financial year",
    yTitle: `£ billion, ${prices} prices (net)`,
    source: `Source: DfE section 251 outturn by LA, sums of the 152 LAs (${d.sources.slice(0, -1).join(", ")}); HM Treasury GDP deflator, March 2020 (${d.sources[d.sources.length - 1]})`,
  });
}

/** The preventative share by year under each definition: a table and a chart. */
export function definitions(years = s251Years()): void {
  const all = preventativeShares(tables, years);
  show(htmlTable(all.map((a) => ({ definition: a.short, "preventative =": a.definition, basis: a.kind, ...Object.fromEntries(years.map((y, i) => [y, fmtPercent(a.shares[i], 1)])) })), {
    caption: "Preventative share of children's and young people's services spending (excluding CERA), by definition; statutory is the rest",
  }));
  lineChart({
    x: years,
    series: all.map((a) => ({ name: a.short, values: a.shares })),
    title: "How the preventative share depends on what counts as preventative, England",
    xTitle: "Financial year",
    yTitle: "Preventative share of the total (%)",
    source: "Source: DfE section 251 outturn by LA, sums of the 152 LAs",
    layout: { legend: { orientation: "h", x: 0, y: 1.04, yanchor: "bottom" }, margin: { t: 130 }, height: 540 },
  });
}

/** The definitions of preventative spending, listed. */
export function definitionList(): void {
  show(htmlTable(PREVENTATIVE_DEFINITIONS.map((d) => ({ id: d.id, "preventative lines": d.lines.map((l) => SERVICE_LINE_LABELS[l]).join(", "), "statutory lines": SERVICE_LINES.filter((l) => !d.lines.includes(l)).map((l) => SERVICE_LINE_LABELS[l]).join(", ") })), {
    caption: "Definitions of preventative spending compared (the first reproduces the NAO's Figure 14)",
  }));
}
