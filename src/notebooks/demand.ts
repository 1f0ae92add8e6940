/**
 * Notebook 01 (NAO Part One): the figures, drawn from the same functions the checks use.
 */
import { show, htmlTable } from "../display/html";
import { barChart, lineChart } from "../display/plotly";
import { figure4Data, figure5Data, figure6Data } from "../claims/figures";
import { fmtPercent } from "../format";

export * from "./common";

/** Figure 5: change in children's social care activity against growth of the 0-17 population. */
export function figure5(from = "2010-11", to = "2017-18"): void {
  const d = figure5Data(from, to);
  show(htmlTable(d.bars.map((b) => ({ activity: b.label, [from]: b.from, [to]: b.to, change: fmtPercent(b.pct, 1, true) })), { caption: `England, ${from} to ${to}` }));
  barChart({
    categories: [...d.bars.map((b) => b.label), "population aged 0-17"],
    series: [{ name: `% change ${from} to ${to}`, values: [...d.bars.map((b) => b.pct), d.population] }],
    horizontal: true,
    title: `Figure 5 redrawn: change in activity, ${from} to ${to}, against population growth`,
    xTitle: "Change (%)",
    yTitle: "Activity (England)",
    source: `Source: DfE children in need census and SSDA903; ONS mid-year estimates (${d.sources.join(", ")})`,
  });
}

/** Figure 4: children looked after at 31 March since 1994, and the rate per 10,000 where the files give it. */
export function figure4(): void {
  const d = figure4Data();
  lineChart({
    x: d.years,
    series: [{ name: "children looked after at 31 March", values: d.numbers }],
    title: "Figure 4 redrawn: children looked after at 31 March, England, 1994–2018",
    xTitle: "Year (at 31 March)",
    yTitle: "Children looked after (number)",
    source: `Source: DfE, children looked after in England, national time series (${d.numbersSource})`,
  });
  lineChart({
    x: d.rateYears,
    series: [{ name: "rate per 10,000 children aged under 18", values: d.rates }],
    title: "Children looked after per 10,000 children, England, as first published",
    xTitle: "Year (at 31 March)",
    yTitle: "Rate per 10,000 children under 18",
    source: `Source: DfE SSDA903 underlying data and PHE Fingertips copy of DfE rates (${d.rateSources.join(", ")})`,
  });
}

/** Figure 6: factors identified at the end of assessment. */
export function figure6(): void {
  const d = figure6Data();
  barChart({
    categories: d.years,
    series: d.series,
    title: "Figure 6 redrawn: factors identified at the end of assessment, England",
    xTitle: "Year",
    yTitle: "Episodes with the factor (number)",
    source: `Source: DfE children in need underlying data (${d.sources.join(", ")})`,
  });
}

