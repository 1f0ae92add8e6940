/**
 * Notebooks 07, 07b and 07c (House of Commons Library briefing CBP 8543, March 2021, and the NAO's gov.uk summary
 * page): the 2010–2020 series, the placements, spending and workforce tables set beside the data, the
 * spread of LA rates and spending per young person, all drawn from the same functions the checks use
 * (src/claims/kinds). The tables show the briefing's figures (from the registry) and the
 * recomputed ones (from the ledger rows of the same claims).
 */
import { show, htmlTable } from "../display/html";
import { barChart, lineChart, stripChart } from "../display/plotly";
import { englandSeries, label, yearsBetween } from "../claims/kinds/lookup";
import { laDataset } from "../claims/kinds/authorities";
import { englandCsSpend, realTermsOf } from "../claims/kinds/spending";
import { num } from "../data/obs";
import { fmtNumber, fmtPercent } from "../format";
import { check } from "./common";
import type { LedgerRow } from "../claims/types";
import { realTables } from "../claims/tables";

const tables = realTables();

export * from "./common";

/** The activities the briefing follows from 31 March 2010 to 2020. */
export const ACTIVITY_MEASURES = ["referrals", "cinAt31March", "s47Enquiries", "icpcs", "cppAt31March", "claAt31March"];

/** England values of each activity by year (null where the files have none), with the files used. */
export function activityData(from = "2009-10", to = "2019-20"): { years: string[]; series: { measure: string; label: string; values: (number | null)[]; sources: string[] }[] } {
  const years = yearsBetween(from, to);
  const series = ACTIVITY_MEASURES.map((m) => {
    const s = englandSeries(tables, m, from, to);
    return { measure: m, label: label(m), values: s.map((p) => (p.obs && p.obs.value !== null ? p.obs.value : null)), sources: [...new Set(s.filter((p) => p.obs).map((p) => p.obs!.src))] };
  });
  return { years, series };
}

/** The 2010–2020 series as a table, as an index (first year with a value = 100) and as numbers. */
export function activitySeries(from = "2009-10", to = "2019-20"): void {
  const d = activityData(from, to);
  show(htmlTable(d.years.map((y, i) => ({ year: y, ...Object.fromEntries(d.series.map((s) => [s.label, s.values[i]])) })), { caption: `England, ${from} to ${to} (years ending 31 March; at 31 March for children in need, plans and children looked after)` }));
  const sources = [...new Set(d.series.flatMap((s) => s.sources))].join(", ");
  lineChart({
    x: d.years,
    series: d.series.map((s) => {
      const base = s.values.find((v) => v !== null) ?? null;
      return { name: s.label, values: s.values.map((v) => (v === null || base === null ? null : (100 * v) / base)) };
    }),
    title: "Children's social care activity, England, 2010 to 2020 (first year = 100)",
    xTitle: "Year ending 31 March",
    yTitle: "Index (first year with data = 100)",
    source: `DfE, children in need census and SSDA903 (${sources})`,
  });
  const small = d.series.filter((s) => ["s47Enquiries", "icpcs", "cppAt31March", "claAt31March"].includes(s.measure));
  lineChart({
    x: d.years,
    series: small.map((s) => ({ name: s.label, values: s.values })),
    title: "Section 47 enquiries, initial conferences, plans and children looked after, England",
    xTitle: "Year ending 31 March",
    yTitle: "Number of children or enquiries",
    source: `DfE, children in need census and SSDA903 (${[...new Set(small.flatMap((s) => s.sources))].join(", ")})`,
  });
}

/** Stated and recomputed values of several claims, side by side, one row per claim and role. */
async function statedVsData(ids: string[], rowLabel: (r: LedgerRow, role: string) => string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const id of ids) {
    const r = await check(id);
    r.roles.forEach((role, i) => out.push({ item: rowLabel(r, role), briefing: r.written[i], data: r.recomputed?.[i] ?? null, verdict: r.verdict }));
  }
  return out;
}

const PLACEMENT_ROWS = ["foster", "adoption", "parents", "secure-homes", "other", "all"];
const PLACEMENT_LABELS: Record<string, string> = { foster: "Foster placements", adoption: "Placed for adoption", parents: "Placement with parents", "secure-homes": "Secure units, children's homes", other: "Other settings", all: "All children looked after" };

/** The briefing's placement table beside the data (2010 file as first published; 2020 from the 2022 release), with a chart. */
export async function placementTable(): Promise<void> {
  const rows: Record<string, unknown>[] = [];
  for (const g of PLACEMENT_ROWS) {
    const r = await check(`hcl-2-4-table-${g}`);
    const alt = r.alternatives?.find((a) => a.kind === "definition");
    rows.push({
      placement: PLACEMENT_LABELS[g],
      "briefing 2010": r.written[0], "data 2010": r.recomputed?.[0] ?? null,
      "briefing 2020": r.written[1], "data 2020": r.recomputed?.[1] ?? null,
      "other definition 2010": alt?.values.y2010 ?? null, "other definition 2020": alt?.values.y2020 ?? null,
      verdict: r.verdict,
    });
  }
  show(htmlTable(rows, { caption: "Children looked after by placement at 31 March: the briefing against the data" }));
  const cats = PLACEMENT_ROWS.filter((g) => g !== "all");
  const data = await Promise.all(cats.map((g) => check(`hcl-2-4-table-${g}`)));
  barChart({
    categories: cats.map((g) => PLACEMENT_LABELS[g]),
    series: [
      { name: "briefing, 2020", values: data.map((r) => r.stated[1]) },
      { name: "DfE 2022 release, 2020", values: data.map((r) => r.recomputed?.[1] ?? null) },
      { name: "briefing, 2010", values: data.map((r) => r.stated[0]) },
      { name: "DfE SFR27/2010, 2010", values: data.map((r) => r.recomputed?.[0] ?? null) },
    ],
    horizontal: true,
    title: "Children looked after by placement, 31 March 2010 and 2020",
    xTitle: "Children looked after (number)",
    yTitle: "Placement",
    source: "CBP 8543 table; DfE SSDA903: SFR27_2010_March.csv and national_cla_on_31_march_by_characteristics.csv (2022 release)",
  });
}

/** The spending table beside RO3 and the March 2020 GDP deflator, with a chart of cash and real terms. */
export async function spendingTable(): Promise<void> {
  const years = yearsBetween("2010-11", "2019-20");
  const rows: Record<string, unknown>[] = [];
  const cashDoc: (number | null)[] = [];
  const realDoc: (number | null)[] = [];
  const cashData: number[] = [];
  const realData: number[] = [];
  for (const y of years) {
    const c = await check(`hcl-3-2-table-cash-${y}`);
    const r = await check(`hcl-3-2-table-real-${y}`);
    const s = englandCsSpend(tables, y);
    cashDoc.push(c.stated[0]);
    realDoc.push(r.stated[0]);
    cashData.push(s.pounds / 1e9);
    realData.push(realTermsOf(tables, s.pounds, y, "2019-20") / 1e9);
    const ci = r.roles.indexOf("realChange");
    rows.push({
      year: y, "briefing cash £bn": c.written[0], "RO3 cash £bn": fmtNumber(s.pounds / 1e9, 3),
      "briefing real £bn": r.written[0], "data real £bn (March 2020 deflator)": fmtNumber(realData[realData.length - 1], 3),
      "briefing real % change": ci >= 0 ? r.written[ci] : "", "data real % change": ci >= 0 ? fmtPercent(r.recomputed?.[ci], 2, true) : "",
      "cash verdict": c.verdict, "real verdict": r.verdict,
    });
  }
  show(htmlTable(rows, { caption: "Local authority expenditure on children's social care, England: the briefing against RO3 (break in series between 2013-14 and 2014-15)" }));
  // the series break between 2013-14 and 2014-15 (RO3 lines realigned to s251): a gap in every line
  const cut = years.indexOf("2014-15");
  const gap = <T,>(xs: T[], fill: T) => [...xs.slice(0, cut), fill, ...xs.slice(cut)];
  lineChart({
    x: gap<string>(years, "break"),
    series: [
      { name: "cash, briefing", values: gap(cashDoc, null) },
      { name: "cash, RO3", values: gap<number | null>(cashData, null) },
      { name: "2019-20 prices, briefing (HMT deflator December 2020)", values: gap(realDoc, null) },
      { name: "2019-20 prices, data (HMT deflator March 2020)", values: gap<number | null>(realData, null) },
    ],
    title: "Children's social care net current expenditure, England, 2010-11 to 2019-20 (break in series at 2014-15)",
    xTitle: "Financial year",
    yTitle: "£ billion",
    source: "MHCLG revenue outturn RO3 (England rows); HM Treasury GDP deflators, March 2020; CBP 8543 table",
  });
}

/** Spending per 0-18 year old by LA, 2019-20: the ten highest and ten lowest, the authorities left out named. */
export function perChildChart(year = "2019-20", exclude = ["City of London", "Isles of Scilly", "Slough"]): void {
  const d = laDataset(tables, "spendPer0to18", year);
  const kept = d.rows.filter((r) => r.value !== null && !exclude.some((e) => r.area.toLowerCase().startsWith(e.toLowerCase())));
  const sorted = [...kept].sort((a, b) => b.value! - a.value!);
  const shown = [...sorted.slice(0, 10), ...sorted.slice(-10)];
  barChart({
    categories: shown.map((r) => r.area),
    series: [{ name: "£ per young person aged 0-18", values: shown.map((r) => r.value) }],
    horizontal: true,
    title: `Children's social care spending per young person aged 0-18, ${year}: ten highest and ten lowest LAs`,
    xTitle: "£ per young person aged 0-18 (net current expenditure)",
    yTitle: "Local authority",
    source: `MHCLG RO3 ${year} ÷ ONS mid-${year.slice(0, 4)} population aged 0-18 (${exclude.join(", ")} left out)`,
    height: 620,
  });
  const left = d.rows.filter((r) => exclude.some((e) => r.area.toLowerCase().startsWith(e.toLowerCase())));
  show(htmlTable(left.map((r) => ({ "left out": r.area, "£ per 0-18": r.value === null ? null : Math.round(r.value) })), { caption: "Authorities left out of the ranking, as the briefing's lists leave them out" }));
}

/** LA rates of children in need and children looked after at 31 March 2020, with the authorities the briefing names. */
export function laRates(year = "2019-20"): void {
  const cin = laDataset(tables, "cinAt31MarchRate", year);
  const cla = laDataset(tables, "claRate", year);
  stripChart({
    groups: [
      { name: "children in need per 10,000", points: cin.rows.map((r) => ({ label: r.area, value: r.value })) },
      { name: "children looked after per 10,000", points: cla.rows.map((r) => ({ label: r.area, value: r.value })) },
    ],
    highlight: ["Middlesbrough", "Richmond upon Thames", "Blackpool", "Wokingham"],
    title: `Rates by local authority at 31 March ${Number(year.slice(0, 4)) + 1}`,
    xTitle: "Measure",
    yTitle: "Per 10,000 children aged under 18",
    source: `DfE: ${cin.files.join(", ")}; ${cla.files.join(", ")}`,
  });
}

/** The workforce table beside the data, with the three rates recomputed from the table as its footnotes define them. */
export async function workforceTable(): Promise<void> {
  const ms = ["fte", "leavers", "starters", "turnover-rate", "vacancies", "vacancy-rate", "agency-fte", "agency-rate"];
  const rows = await statedVsData(ms.map((m) => `hcl-5-table-${m}`), (r, role) => `${r.quote.split("|")[1].trim()}, ${role === "from" ? "2017" : "2020"}`);
  show(htmlTable(rows, { caption: "Children's social work workforce, England, 30 September 2017 and 2020: the briefing against DfE's files" }));
  const defs = await statedVsData(["turnover-rate", "vacancy-rate", "agency-rate"].flatMap((m) => [`hcl-5-definition-${m}-2017`, `hcl-5-definition-${m}-2020`]), (r, role) => `${r.quote.split("|")[1].trim()} as footnoted, ${role === "from" ? "2017" : "2020"}`);
  show(htmlTable(defs, { caption: "The rates recomputed from the table's own numbers as the footnotes define them" }));
}

/** Numbers of the series for a test or a reader: England value of a measure in a year (the vintage the checks prefer). */
export function englandValue(measure: string, year: string): number | null {
  const s = englandSeries(tables, measure, year, year)[0];
  return s.obs ? num(s.obs) : null;
}
