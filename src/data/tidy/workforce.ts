import { DataError, source } from "../sources";
import { readCsv, RawTable } from "../readers";
import { cached } from "../cache";
import { Obs, ObsTable, validateObs } from "../obs";
import { fromEes } from "./common";

/**
 * Children's social work workforce (DfE, CSWW census of LAs; snapshot at 30 September): social
 * workers in post, vacancies, agency workers, starters and leavers, turnover, caseloads and
 * absence, for England, regions (with Inner and Outer London as well as London) and LAs. Years are
 * the calendar year of the snapshot: "2017" = 30 September 2017.
 *
 * Five releases, each observation naming its file, kept in the order the releases came out, so the
 * first observation of a year is the earliest release in the mirror:
 * - SFR07_2016_UD (SFR 07/2016, February 2016: 30 September 2015 only, experimental statistics);
 * - SFR08_2017_UD (SFR 08/2017, February 2017: 30 September 2016 only);
 * - csww_headline_measures_2017_to_2022 (reporting year 2022, published February 2023);
 * - csww_indicators_2017_to_2023 (reporting year 2023, published February 2024);
 * - csww_indicators_2017_to_2025 (reporting year 2025).
 * Earlier years are revised slightly in each later release (England FTE 2017: 28,495.7, then
 * 28,482.6). The two SFR files give their national and regional figures rounded (FTE to the nearest
 * 10, rates to whole numbers in 2015 and one decimal in 2016); their LA figures are as returned. The
 * 2013 and 2014 releases are not in the mirror.
 * Joint returns keep the file's joint name and codes (e.g. "Kingston upon Thames / Richmond upon
 * Thames", old_la_code "314 / 318").
 */

/** The three Explore-education-statistics files (2017 onward), in release order. */
export const WORKFORCE_FILES = [
  "workforce-csww-headline-measures-2017-to-2022",
  "workforce-csww-indicators-2017-to-2023",
  "workforce-csww-indicators-2017-to-2025",
];

/** Column names by measure, the 2017-2022 file's name first. */
export const WORKFORCE_COLUMNS: Record<string, string[]> = {
  fte: ["social_worker_fte", "inpost_fte"],
  headcount: ["social_worker_headcount", "inpost_headcount"],
  starters: ["starters_fte"],
  leavers: ["leaver_fte", "leavers_fte"],
  turnoverRate: ["turnover_rate_fte_%", "turnover_rate_fte"],
  agencyFte: ["agency_fte"],
  agencyRate: ["agency_worker_rate_fte_%", "agency_rate_fte"],
  agencyCoverRate: ["agency_cover_rate_fte_%", "agency_cover_rate_fte"],
  vacancies: ["vacancy_fte"],
  vacancyRate: ["vacancy_rate_fte_%", "vacancy_rate_fte"],
  caseHolders: ["case_holders_fte"],
  cases: ["cases"],
  caseload: ["caseload_fte"],
  workingDaysLost: ["working_days_lost_fte"],
  absenceRate: ["absence_rate_fte_%", "absence_rate_fte"],
};

/** The measures of this table. */
export const WORKFORCE_MEASURES = Object.keys(WORKFORCE_COLUMNS);

/** Readable names of the measures, for explanations. */
export const WORKFORCE_LABELS: Record<string, string> = {
  fte: "full-time equivalent (FTE) children and family social workers in post",
  headcount: "children and family social workers in post (headcount)",
  starters: "FTE social workers starting in the year",
  leavers: "FTE social workers leaving in the year",
  turnoverRate: "turnover rate (FTE leavers as a percentage of social workers in post)",
  agencyFte: "FTE agency social workers",
  agencyRate: "agency worker rate (agency FTE as a percentage of agency plus in-post FTE)",
  agencyCoverRate: "share of vacancies covered by agency workers",
  vacancies: "FTE vacancies",
  vacancyRate: "vacancy rate (FTE vacancies as a percentage of vacancies plus in-post FTE)",
  caseHolders: "FTE social workers holding cases",
  cases: "cases held",
  caseload: "average caseload per FTE case holder",
  workingDaysLost: "working days lost to sickness (FTE)",
  absenceRate: "sickness absence rate",
};

export interface WorkforceData {
  rows: Obs[];
  /** Region (region_name) of each LA row, keyed `${src}|${row}`. */
  laRegion: Record<string, string>;
}

function fileObs(t: RawTable): { rows: Obs[]; laRegion: Record<string, string> } {
  const measures: Record<string, string> = {};
  for (const [m, cands] of Object.entries(WORKFORCE_COLUMNS)) {
    const c = cands.find((x) => t.has(x));
    if (c) measures[m] = c;
  }
  // the measures every vintage has must be there (a renamed column is an error naming the columns found)
  for (const m of ["fte", "leavers", "turnoverRate", "agencyRate", "vacancies", "vacancyRate"]) if (!measures[m]) t.colOf(...WORKFORCE_COLUMNS[m]);
  const rows = fromEes(t, measures, { yearOf: (tp) => tp.trim() });
  const laRegion: Record<string, string> = {};
  const cLevel = t.col("geographic_level");
  const cRegion = t.col("region_name");
  for (let r = 0; r < t.rows.length; r++) {
    if (t.text(r, cLevel).toLowerCase() === "local authority") laRegion[`${t.source.id}|${t.rowNumbers[r]}`] = t.text(r, cRegion);
  }
  return { rows, laRegion };
}

/** The SFR files (one snapshot each) by source id, with the year of their 30 September. */
export const WORKFORCE_SFR: Record<string, string> = {
  "workforce-csww-2015-2016-sfr07-2016-ud": "2015",
  "workforce-csww-2015-2016-sfr08-2017-ud": "2016",
};

/** Every file of the table in release order: the two SFR files (2015, 2016), then WORKFORCE_FILES. */
export const WORKFORCE_RELEASES = [...Object.keys(WORKFORCE_SFR), ...WORKFORCE_FILES];

/** Column names in the SFR files by measure ({Y}: the year of the snapshot); a missing one is an error, except those marked optional. */
export const WORKFORCE_SFR_COLUMNS: Record<string, { col: string; optional?: boolean }> = {
  fte: { col: "A1_FTE_ChildrensSocialWorkers_{Y}" },
  headcount: { col: "A1_Headcount_ChildrensSocialWorkers_{Y}" },
  starters: { col: "B1_FTE_Starters_{Y}" },
  leavers: { col: "B2_FTE_Leavers_{Y}" },
  turnoverRate: { col: "B3_FTE_TurnoverRate_{Y}" },
  agencyFte: { col: "D1_FTE_AgencyWorkers_{Y}" },
  agencyRate: { col: "D2_FTE_AgencyWorkerRate_{Y}" },
  vacancies: { col: "A2_FTE_Vacancies_{Y}" },
  vacancyRate: { col: "A3_FTE_VacancyRate_{Y}" },
  workingDaysLost: { col: "C1_FTE_Absence_{Y}" },
  absenceRate: { col: "C2_FTE_AbsenceRate_{Y}" },
  // 2016 only: the average caseload of children and family social workers holding cases
  caseload: { col: "Average_caseload", optional: true },
};

/**
 * Observations of an SFR underlying-data file (one 30 September snapshot, wide, one row per
 * England / region / LA): England has no region code, a region no LA code, an LA its 3-digit
 * code; rows with no area at all (the 2016 file ends with 32 empty rows) are skipped.
 */
export function sfrWorkforceObs(t: RawTable, year: string): { rows: Obs[]; laRegion: Record<string, string> } {
  const cCountry = t.col("Country_name");
  const cRegCode = t.col("Region_code");
  const cRegion = t.col("Region_name");
  const cOns = t.col("LA_code (9 digit)");
  const cName = t.col("LA_name");
  const cLa = t.col("LA_code (3 digit)");
  const cols = Object.entries(WORKFORCE_SFR_COLUMNS).flatMap(([m, c]) => {
    const name = c.col.replace("{Y}", year);
    if (c.optional && !t.has(name)) return [];
    return [[m, t.col(name), t.header[t.col(name)]] as const];
  });
  const rows: Obs[] = [];
  const laRegion: Record<string, string> = {};
  for (let r = 0; r < t.rows.length; r++) {
    const la = t.text(r, cLa);
    const reg = t.text(r, cRegCode);
    const country = t.text(r, cCountry);
    if (la === "" && reg === "" && country === "") continue;
    const level = la !== "" ? "la" : reg !== "" ? "regional" : "national";
    if (level === "national" && country !== "England") throw new DataError(`${t.where} row ${t.rowNumbers[r]}: a row with neither region nor LA code for "${country}", expected England`, t.source.file);
    const area = level === "national" ? "England" : level === "regional" ? t.text(r, cRegion) : t.text(r, cName);
    const code = level === "national" ? "E92000001" : level === "regional" ? reg : t.text(r, cOns);
    if (level === "la") laRegion[`${t.source.id}|${t.rowNumbers[r]}`] = t.text(r, cRegion);
    for (const [measure, c, name] of cols) {
      const cell = t.cell(r, c);
      rows.push({ measure, year, level, area, code, ...(level === "la" ? { laCode: la } : {}), value: cell.value, ...(cell.value === null ? { marker: cell.marker ?? cell.text } : {}), src: t.source.id, row: t.rowNumbers[r], col: name });
    }
  }
  if (!rows.some((o) => o.level === "national")) throw new DataError(`${t.where}: no England row`, t.source.file);
  return { rows, laRegion };
}

/** Builds the table from the files (no cache). */
export function buildWorkforce(): WorkforceData {
  const rows: Obs[] = [];
  const laRegion: Record<string, string> = {};
  for (const id of WORKFORCE_RELEASES) {
    const f = WORKFORCE_SFR[id] ? sfrWorkforceObs(readCsv(id), WORKFORCE_SFR[id]) : fileObs(readCsv(id));
    rows.push(...f.rows);
    Object.assign(laRegion, f.laRegion);
  }
  return { rows: validateObs(rows, "social-work workforce table"), laRegion };
}

let memo: { table: ObsTable; laRegion: Record<string, string> } | undefined;

function load(): { table: ObsTable; laRegion: Record<string, string> } {
  if (memo) return memo;
  const d = cached("workforce", 2, WORKFORCE_RELEASES.map(source), buildWorkforce);
  memo = { table: new ObsTable(d.rows), laRegion: d.laRegion };
  return memo;
}

/** The social-work workforce table (cached by the files' sha256). */
export function workforceTable(): ObsTable {
  return load().table;
}

/** The region an LA observation's row belongs to, as its file writes it ("Outer London", "North East"). */
export function workforceRegionOf(o: Obs): string | undefined {
  return load().laRegion[`${o.src}|${o.row}`];
}

/** Forgets the in-process copy (tests). */
export function resetWorkforceTable(): void {
  memo = undefined;
}
