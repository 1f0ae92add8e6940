/**
 * Notebook 02 (NAO Part One, costs and workforce): the figures, drawn from the same tables the checks use.
 */
import { barChart, lineChart } from "../display/plotly";
import { residentialSpendData, vacancyByRegionData } from "../claims/figures";

export * from "./common";

/** Residential care spending 2013-14 to 2017-18, cash and real terms. */
export function figureResidentialSpend(): void {
  const d = residentialSpendData();
  lineChart({
    x: d.years,
    series: [
      { name: "cash", values: d.cash },
      { name: `real terms (${d.prices} prices)`, values: d.real },
    ],
    title: "Residential care: net spending by local authorities, England",
    xTitle: "Financial year",
    yTitle: "Net current expenditure (£ million)",
    source: `Source: DfE section 251 outturn as first published, sum of LAs; HM Treasury GDP deflator, March 2020 (${d.sources.join(", ")})`,
  });
}

/** Vacancy rates by region, 30 September 2017. */
export function figureVacancyByRegion(year = "2017"): void {
  const d = vacancyByRegionData(year);
  barChart({
    categories: [...d.regions, "England"],
    series: [{ name: `vacancy rate, 30 September ${year}`, values: [...d.rates, d.england] }],
    horizontal: true,
    title: `Children and family social worker vacancy rate by region, 30 September ${year}`,
    xTitle: "Vacancy rate (% of FTE posts)",
    yTitle: "Region",
    source: `Source: DfE, children's social work workforce (${d.source})`,
  });
}
