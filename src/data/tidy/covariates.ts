import { DataError, source } from "../sources";
import { readCsv, readGrid } from "../readers";
import { parseCell } from "../markers";
import { cached } from "../cache";
import { Obs, ObsTable, validateObs } from "../obs";
import { laByName, laByOnsCode } from "../la";

/**
 * Covariates of the model of Part Three, by upper-tier local authority (the 152 children's services
 * authorities of 2010–2019):
 *
 * English Indices of Deprivation 2015 (DCLG), File 11 upper-tier summaries, year "2015"
 * - `idaciScore`        IDACI (income deprivation affecting children) average score: the
 *                       population-weighted mean of the LSOA scores, a share of children (0.307 = 30.7%)
 * - `idaciRank`         IDACI rank of average score (1 = most deprived of 152)
 * - `idaciMostDeprived` IDACI proportion of LSOAs in the most deprived 10% nationally (0–1)
 * - `imdScore`          IMD average score; `imdRank` its rank; `imdMostDeprived` proportion of LSOAs
 *                       in the most deprived 10%
 *
 * HMRC personal tax credits, children in low-income families local measure, snapshots at 31 August
 * 2011 … 2016 (year "2011" … "2016"): children in families on out-of-work benefits or on tax
 * credits with reported income below 60% of the median
 * - `lowIncomeChildren`, `lowIncomeChildrenUnder16`         counts
 * - `childBenefitChildren`, `childBenefitChildrenUnder16`   the denominators (children in Child Benefit families)
 * - `lowIncomeShare`, `lowIncomeShareUnder16`               per cent of children in low-income families
 *   (the file's proportion × 100; for the 2016 county rows, which the district-level 2016 file does
 *   not have, the ratio of the summed district counts, with `derivedFrom` naming the districts)
 *
 * DfE children looked after, national time series (2022 release), England, at 31 March ("2009-10" for 2010)
 * - `claUascAt31March`  children looked after at 31 March who were unaccompanied asylum-seeking children
 *
 * The 2016 file gives districts only; its shire-county values are sums of their districts, each
 * district placed in its county by the old ONS district code (e.g. 19UC Christchurch → 19 Dorset),
 * from mySociety's register of authorities, and the county's 2-digit code from the HMRC 2011 file.
 */

export const IOD2015_SOURCE = "deprivation-imd-2015";
export const LOW_INCOME_SOURCES: Record<string, string> = {
  "2011": "covariates-hmrc-children-low-income-2011-2016-low-income-2011",
  "2012": "covariates-hmrc-children-low-income-2011-2016-low-income-2012",
  "2013": "covariates-hmrc-children-low-income-2011-2016-low-income-2013",
  "2014": "covariates-hmrc-children-low-income-2011-2016-low-income-2014",
  "2015": "covariates-hmrc-children-low-income-2011-2016-low-income-2015",
  "2016": "covariates-hmrc-children-low-income-2011-2016-low-income-2016",
};
export const REGISTER_SOURCE = "lookups-uk-local-authorities-future";
export const CLA_SERIES_SOURCE = "cla-ees2022-data-2018-to-2022-cla-time-series-1994-2022";

/** IoD 2015 measures and the column (after the sheet's prefix "<index> - ") each is read from. */
const IOD_COLUMNS: Record<string, { sheet: string; col: string }> = {
  idaciScore: { sheet: "IDACI", col: "Average score" },
  idaciRank: { sheet: "IDACI", col: "Rank of average score" },
  idaciMostDeprived: { sheet: "IDACI", col: "Proportion of LSOAs in most deprived 10% nationally" },
  imdScore: { sheet: "IMD", col: "Average score" },
  imdRank: { sheet: "IMD", col: "Rank of average score" },
  imdMostDeprived: { sheet: "IMD", col: "Proportion of LSOAs in most deprived 10% nationally" },
};

export const DEPRIVATION_MEASURES = Object.keys(IOD_COLUMNS);
export const LOW_INCOME_MEASURES = [
  "lowIncomeChildren", "lowIncomeChildrenUnder16", "childBenefitChildren", "childBenefitChildrenUnder16",
  "lowIncomeShare", "lowIncomeShareUnder16",
];
export const COVARIATE_MEASURES = [...DEPRIVATION_MEASURES, ...LOW_INCOME_MEASURES, "claUascAt31March"];

const clean = (s: unknown): string => String(s ?? "").replace(/\s+/g, " ").trim();

/** The DfE 3-digit code of an authority given its ONS code and name (ONS codes changed in 2013 for some). */
function laCodeOf(ons: string, name: string): string | undefined {
  return (laByOnsCode(ons) ?? laByName(name))?.laCode;
}

function iodObs(): Obs[] {
  const out: Obs[] = [];
  for (const [measure, spec] of Object.entries(IOD_COLUMNS)) {
    const { grid, sheet, source: s } = readGrid(IOD2015_SOURCE, spec.sheet);
    const header = (grid[0] ?? []).map(clean);
    const want = (h: string) => h.replace(/^.* - /, "") === spec.col;
    const c = header.findIndex(want);
    if (c < 0) throw new DataError(`${s.file} (sheet "${sheet}"): no column ending "- ${spec.col}"; columns found: ${header.join(", ")}`, s.file);
    const cCode = header.findIndex((h) => /District code/i.test(h));
    const cName = header.findIndex((h) => /District name/i.test(h));
    if (cCode < 0 || cName < 0) throw new DataError(`${s.file} (sheet "${sheet}"): no district code or name column; columns found: ${header.join(", ")}`, s.file);
    for (let r = 1; r < grid.length; r++) {
      const code = clean(grid[r]?.[cCode]);
      if (!/^E\d{8}$/.test(code)) continue;
      const name = clean(grid[r][cName]);
      const laCode = laCodeOf(code, name);
      if (!laCode) throw new DataError(`${s.file} (sheet "${sheet}") row ${r + 1}: ${name} (${code}) is not a known authority`, s.file);
      const cell = parseCell(grid[r][c]);
      out.push({ measure, year: "2015", level: "la", area: name, code, laCode, value: cell.value, ...(cell.value === null ? { marker: cell.marker ?? cell.text ?? "" } : {}), src: s.id, sheet, row: r + 1, col: header[c] });
    }
  }
  return out;
}

/** Column positions of the HMRC Summary sheet, found from its two-level header. */
interface LowIncomeLayout {
  sheet: string;
  sub: number;
  code: number;
  name: number;
  oldCode: number | null;
  cols: Record<string, { index: number; label: string }>;
}

const GROUPS: { re: RegExp; measures: [string, string] }[] = [
  { re: /in receipt of (WTC or )?CTC .*or IS\/JSA/i, measures: ["lowIncomeChildrenUnder16", "lowIncomeChildren"] },
  { re: /Child Benefit families|registered for Child Benefit/i, measures: ["childBenefitChildrenUnder16", "childBenefitChildren"] },
  { re: /^% of Children in low-income families/i, measures: ["lowIncomeShareUnder16", "lowIncomeShare"] },
];

function lowIncomeLayout(grid: unknown[][], sheet: string, file: string): LowIncomeLayout {
  const sub = grid.findIndex((r) => (r ?? []).some((c) => clean(c) === "Under 16") && (r ?? []).some((c) => clean(c) === "All Children"));
  if (sub < 0) throw new DataError(`${file} (sheet "${sheet}"): no header row with "Under 16" and "All Children"`, file);
  // group labels: the right-most label at or left of each column, over the rows above the sub-header
  const labels = new Map<number, string>();
  for (let r = 0; r < sub; r++) (grid[r] ?? []).forEach((c, j) => { const t = clean(c); if (t && j > 1 && !/Local Authority/i.test(t) && !/^Revised/i.test(t)) labels.set(j, t); });
  const groupOf = (j: number): string => {
    let best = -1;
    for (const k of labels.keys()) if (k <= j && k > best) best = k;
    return best < 0 ? "" : labels.get(best)!;
  };
  const cols: LowIncomeLayout["cols"] = {};
  (grid[sub] ?? []).forEach((c, j) => {
    const t = clean(c);
    if (t !== "Under 16" && t !== "All Children") return;
    const g = groupOf(j);
    const hit = GROUPS.find((x) => x.re.test(g));
    if (!hit) return;
    const m = hit.measures[t === "Under 16" ? 0 : 1];
    if (!cols[m]) cols[m] = { index: j, label: `${g} / ${t}` };
  });
  for (const m of LOW_INCOME_MEASURES) if (!cols[m]) throw new DataError(`${file} (sheet "${sheet}"): no column for ${m}; groups found: ${[...new Set(labels.values())].join("; ")}`, file);
  const headerRow = grid.slice(0, sub + 1).find((r) => (r ?? []).some((c) => /^Local Authority Code$/i.test(clean(c))));
  if (!headerRow) throw new DataError(`${file} (sheet "${sheet}"): no "Local Authority Code" header`, file);
  const code = headerRow.findIndex((c) => /^Local Authority Code$/i.test(clean(c)));
  // name: the first text column after the code in the first LA row (the 2011-2014 files put the old code between)
  const first = grid.slice(sub + 1).find((r) => /^E0[689]/.test(clean(r?.[0])))!;
  const hasOld = /^(\d{2}|00[A-Z]{2}|\d{2}[A-Z]{2})$/.test(clean(first[1])) || typeof first[1] === "number";
  return { sheet, sub, code, name: hasOld ? 2 : 1, oldCode: hasOld ? 1 : null, cols };
}

interface LowIncomeRow { code: string; name: string; oldCode: string; row: number; values: Record<string, number | null>; markers: Record<string, string> }

function lowIncomeRows(year: string): { rows: LowIncomeRow[]; layout: LowIncomeLayout; id: string } {
  const id = LOW_INCOME_SOURCES[year];
  const { grid, sheet, source: s } = readGrid(id, /^Summary/);
  const layout = lowIncomeLayout(grid, sheet, s.file);
  const rows: LowIncomeRow[] = [];
  for (let r = layout.sub + 1; r < grid.length; r++) {
    const g = grid[r] ?? [];
    const code = clean(g[layout.code]);
    if (!/^E\d{8}$/.test(code)) continue;
    const values: Record<string, number | null> = {};
    const markers: Record<string, string> = {};
    for (const [m, c] of Object.entries(layout.cols)) {
      const cell = parseCell(g[c.index]);
      values[m] = cell.value;
      if (cell.value === null) markers[m] = cell.marker ?? cell.text ?? "";
    }
    rows.push({ code, name: clean(g[layout.name]), oldCode: layout.oldCode === null ? "" : clean(g[layout.oldCode]), row: r + 1, values, markers });
  }
  return { rows, layout, id };
}

const SHARE = new Set(["lowIncomeShare", "lowIncomeShareUnder16"]);

function lowIncomeObs(): Obs[] {
  const out: Obs[] = [];
  // the 2-digit county codes of the 2011 file, to place 2016's districts in their counties
  const countyByOld = new Map<string, { code: string; name: string }>();
  for (const year of Object.keys(LOW_INCOME_SOURCES)) {
    const { rows, layout, id } = lowIncomeRows(year);
    const s = source(id);
    const push = (r: LowIncomeRow, level: "national" | "la") => {
      const laCode = level === "la" ? laCodeOf(r.code, r.name) : undefined;
      if (level === "la" && !laCode) throw new DataError(`${s.file} (sheet "${layout.sheet}") row ${r.row}: ${r.name} (${r.code}) is not a known authority`, s.file);
      for (const [m, c] of Object.entries(layout.cols)) {
        const v = r.values[m];
        out.push({ measure: m, year, level, area: level === "national" ? "England" : r.name, code: r.code, ...(laCode ? { laCode } : {}), value: v === null ? null : SHARE.has(m) ? v * 100 : v, ...(v === null ? { marker: r.markers[m] } : {}), src: id, sheet: layout.sheet, row: r.row, col: c.label });
      }
    };
    for (const r of rows) {
      if (r.code === "E92000001") push(r, "national");
      else if (/^E(06|08|09|10)/.test(r.code) && year !== "2016") push(r, "la");
      if (year === "2011" && /^E10/.test(r.code) && r.oldCode) countyByOld.set(r.oldCode.padStart(2, "0"), { code: r.code, name: r.name });
    }
    if (year === "2016") {
      for (const r of rows) if (/^E(06|08|09)/.test(r.code)) push(r, "la");
      out.push(...countiesFrom2016(rows, layout, id, countyByOld));
    }
  }
  return out;
}

/** Shire-county values of the 2016 file: sums of their districts' counts. */
function countiesFrom2016(rows: LowIncomeRow[], layout: LowIncomeLayout, id: string, countyByOld: Map<string, { code: string; name: string }>): Obs[] {
  const s = source(id);
  const reg = readCsv(REGISTER_SOURCE);
  const cGss = reg.col("gss-code");
  const cOld = reg.col("old-ons-la-code");
  const oldOf = new Map<string, string>();
  for (let r = 0; r < reg.rows.length; r++) oldOf.set(reg.text(r, cGss), reg.text(r, cOld));
  const byCounty = new Map<string, { county: { code: string; name: string }; rows: LowIncomeRow[] }>();
  for (const r of rows) {
    if (!/^E07/.test(r.code)) continue;
    const old = oldOf.get(r.code);
    const county = old && /^\d{2}[A-Z]{2}$/.test(old) ? countyByOld.get(old.slice(0, 2)) : undefined;
    if (!county) throw new DataError(`${s.file} (sheet "${layout.sheet}") row ${r.row}: district ${r.name} (${r.code}) cannot be placed in a county (old ONS code "${old ?? ""}" in ${source(REGISTER_SOURCE).file})`, s.file);
    const g = byCounty.get(county.code) ?? { county, rows: [] };
    g.rows.push(r);
    byCounty.set(county.code, g);
  }
  const out: Obs[] = [];
  for (const { county, rows: ds } of byCounty.values()) {
    const laCode = laCodeOf(county.code, county.name);
    if (!laCode) throw new DataError(`county ${county.name} (${county.code}) is not a known authority`);
    const rowsText = `sum of ${ds.length} district rows (${ds.map((d) => `row ${d.row} ${d.name}`).join(", ")})`;
    const sum = (m: string): number | null => ds.some((d) => d.values[m] === null) ? null : ds.reduce((a, d) => a + (d.values[m] as number), 0);
    const counts: Record<string, number | null> = {};
    for (const m of ["lowIncomeChildren", "lowIncomeChildrenUnder16", "childBenefitChildren", "childBenefitChildrenUnder16"]) counts[m] = sum(m);
    const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : (100 * a) / b);
    const vals: Record<string, number | null> = { ...counts, lowIncomeShare: ratio(counts.lowIncomeChildren, counts.childBenefitChildren), lowIncomeShareUnder16: ratio(counts.lowIncomeChildrenUnder16, counts.childBenefitChildrenUnder16) };
    for (const m of LOW_INCOME_MEASURES) {
      const derivedFrom = SHARE.has(m) ? `100 × low-income children ÷ Child Benefit children, ${rowsText}` : rowsText;
      out.push({ measure: m, year: "2016", level: "la", area: county.name, code: county.code, laCode, value: vals[m], ...(vals[m] === null ? { marker: "" } : {}), src: id, sheet: layout.sheet, row: ds[0].row, col: layout.cols[m].label, derivedFrom });
    }
  }
  return out;
}

/** Unaccompanied asylum-seeking children looked after at 31 March, England, from the national time series. */
function uascObs(): Obs[] {
  const t = readCsv(CLA_SERIES_SOURCE);
  const cTp = t.col("time_period");
  const cLevel = t.col("geographic_level");
  const cWhat = t.col("population_count");
  const cNum = t.col("number");
  const out: Obs[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    if (t.text(r, cLevel) !== "National" || !/unaccompanied asylum-seeking/i.test(t.text(r, cWhat))) continue;
    const end = Number(t.text(r, cTp));
    const cell = t.cell(r, cNum);
    out.push({ measure: "claUascAt31March", year: `${end - 1}-${String(end % 100).padStart(2, "0")}`, level: "national", area: "England", code: "E92000001", value: cell.value, ...(cell.value === null ? { marker: cell.marker ?? cell.text ?? "" } : {}), src: t.source.id, row: t.rowNumbers[r], col: `number (${t.text(r, cWhat)})` });
  }
  if (out.length === 0) throw new DataError(`${t.source.file}: no national rows of unaccompanied asylum-seeking children looked after`, t.source.file);
  return out;
}

function build(): Obs[] {
  return validateObs([...iodObs(), ...lowIncomeObs(), ...uascObs()], "covariates table");
}

let memo: ObsTable | undefined;

/** Sources read by the covariates table. */
export function covariateSources() {
  return [IOD2015_SOURCE, ...Object.values(LOW_INCOME_SOURCES), REGISTER_SOURCE, CLA_SERIES_SOURCE, "lookups-la-code-list", "cin-ees2020-b1-children-in-need-2013-to-2020"].map(source);
}

/** The covariates table (IoD 2015 and HMRC children in low-income families by LA), cached by the files' sha256. */
export function covariatesTable(): ObsTable {
  memo ??= new ObsTable(cached("covariates", 1, covariateSources(), build));
  return memo;
}

/** Forgets the in-process copy (tests). */
export function resetCovariatesTable(): void {
  memo = undefined;
}
