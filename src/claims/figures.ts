import { num } from "../data/obs";
import { change, label, populationGrowth, pickEngland } from "./kinds/lookup";
import { evidenceFor } from "../data/obs";
import { DataError } from "../data/sources";
import { inPounds } from "../data/tidy/spending";
import { deflatorIndex } from "../data/tidy/spending-deflator";
import { toRealTerms } from "../stats/change";
import type { Evidence } from "./types";
import { realTables } from "./tables";

const tables = realTables();

/** One bar of Figure 5: a measure's change between two years. */
export interface ActivityBar {
  measure: string;
  label: string;
  from: number;
  to: number;
  pct: number;
  evidence: Evidence[];
}

/** The activities the NAO's Figure 5 compares, in its order. */
export const FIGURE5_MEASURES = ["referrals", "cinEpisodes", "s47Enquiries", "icpcs", "cppAt31March", "claAt31March", "claStarted16Plus"];

/**
 * Figure 5 redrawn: percentage change in each activity between two years, with the growth of the
 * 0-17 population for comparison. Computed by the same functions the checks use.
 */
export function figure5Data(from = "2010-11", to = "2017-18", measures = FIGURE5_MEASURES): { bars: ActivityBar[]; population: number; sources: string[] } {
  const bars = measures.map((m) => {
    const ch = change(tables, m, from, to);
    return { measure: m, label: label(m), from: num(ch.a), to: num(ch.b), pct: ch.pct, evidence: evidenceFor([ch.a, ch.b]) };
  });
  const pop = populationGrowth(tables, from, to);
  const sources = [...new Set([...bars.flatMap((b) => b.evidence.map((e) => e.source)), pop.a.src])];
  return { bars, population: pop.pct, sources };
}

/** Figure 6 redrawn: factors recorded at the end of assessment, by year (the SFR files' single counts). */
export function figure6Data(years = ["2014-15", "2015-16", "2016-17"], factors = ["DomesticViolence", "MentalHealth", "DrugMisuse", "AlcoholMisuse"]): { years: string[]; series: { name: string; values: number[] }[]; sources: string[] } {
  const sources = new Set<string>();
  const series = factors.map((f) => ({
    name: f.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase(),
    values: years.map((y) => {
      const o = pickEngland(tables, `factor${f}`, y);
      sources.add(o.src);
      return num(o);
    }),
  }));
  return { years, series, sources: [...sources] };
}

/**
 * Figure 4 redrawn: children looked after at 31 March since 1994 (DfE's national time series,
 * numbers only) and the rate per 10,000 children where the files give it (as first published).
 */
export function figure4Data(to = "2017-18"): { years: string[]; numbers: number[]; numbersSource: string; rateYears: string[]; rates: number[]; rateSources: string[] } {
  const t = tables.obs("claAt31March");
  const series = t.filter({ measure: "claAt31March", level: "national" }).filter((o) => /time-series-1994-2022$/.test(o.src) && o.year <= to && o.value !== null).sort((a, b) => a.year.localeCompare(b.year));
  if (series.length === 0) throw new DataError("no national time series of children looked after since 1994 in the data");
  const rates = t.filter({ measure: "claRate", level: "national" }).filter((o) => o.value !== null && o.year <= to);
  const rateYears = [...new Set(rates.map((o) => o.year))].sort();
  const chosen = rateYears.map((y) => pickEngland(tables, "claRate", y, ["cla-2018-", "cla-2019-", "cla-derived-phe"]));
  return {
    years: series.map((o) => `${Number(o.year.slice(0, 4)) + 1}`),
    numbers: series.map((o) => num(o)),
    numbersSource: series[0].src,
    rateYears: rateYears.map((y) => `${Number(y.slice(0, 4)) + 1}`),
    rates: chosen.map((o) => num(o)),
    rateSources: [...new Set(chosen.map((o) => o.src))],
  };
}

/**
 * Residential care spending by year (DfE section 251 outturn, England = sum of LAs, as first
 * published), net current expenditure in cash and in real terms (prices of the last year shown,
 * HM Treasury GDP deflator).
 */
export function residentialSpendData(from = "2013-14", to = "2017-18", line = "residential"): { years: string[]; cash: number[]; real: number[]; prices: string; sources: string[] } {
  const years: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(`${y}-${String((y + 1) % 100).padStart(2, "0")}`);
  const series = tables.deflatorSeries();
  const sources = new Set<string>();
  const cash = years.map((y) => {
    const o = pickEngland(tables, `s251:${line}:net`, y, ["s251-"]);
    sources.add(o.src);
    return inPounds(o)! / 1e6;
  });
  const target = deflatorIndex(series, to).index;
  const real = cash.map((c, i) => toRealTerms(c, deflatorIndex(series, years[i]).index, target));
  return { years, cash, real, prices: to, sources: [...sources, "spending-deflators-gdp-deflators-budget-march-2020-update"] };
}

/** Vacancy rates of children and family social workers by region at 30 September of a year (earliest vintage). */
export function vacancyByRegionData(year = "2017"): { regions: string[]; rates: number[]; england: number; source: string } {
  const t = tables.obs("vacancyRate");
  const all = t.filter({ measure: "vacancyRate", year }).filter((o) => o.value !== null);
  const src = [...new Set(all.map((o) => o.src))].sort()[0];
  const regional = all.filter((o) => o.src === src && o.level === "regional").sort((a, b) => num(a) - num(b));
  const england = all.find((o) => o.src === src && o.level === "national");
  if (!england) throw new DataError(`no England vacancy rate for ${year}`);
  return { regions: regional.map((o) => o.area), rates: regional.map((o) => num(o)), england: num(england), source: src };
}
