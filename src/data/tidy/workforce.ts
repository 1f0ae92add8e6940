import { source } from "../sources";
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
 * Three vintages, each observation naming its file, kept in the order the releases came out, so the
 * first observation of a year is the earliest release in the mirror:
 * - csww_headline_measures_2017_to_2022 (reporting year 2022, published February 2023);
 * - csww_indicators_2017_to_2023 (reporting year 2023, published February 2024);
 * - csww_indicators_2017_to_2025 (reporting year 2025).
 * Earlier years are revised slightly in each later release (England FTE 2017: 28,495.7, then
 * 28,482.6). None of the files goes back before 2017; the 2013-2016 figures were published in
 * DfE's SFR "Children's social work workforce" releases, which are not in the mirror.
 * Joint returns keep the file's joint name and codes (e.g. "Kingston upon Thames / Richmond upon
 * Thames", old_la_code "314 / 318").
 */

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

/** Builds the table from the files (no cache). */
export function buildWorkforce(): WorkforceData {
  const rows: Obs[] = [];
  const laRegion: Record<string, string> = {};
  for (const id of WORKFORCE_FILES) {
    const f = fileObs(readCsv(id));
    rows.push(...f.rows);
    Object.assign(laRegion, f.laRegion);
  }
  return { rows: validateObs(rows, "social-work workforce table"), laRegion };
}

let memo: { table: ObsTable; laRegion: Record<string, string> } | undefined;

function load(): { table: ObsTable; laRegion: Record<string, string> } {
  if (memo) return memo;
  const d = cached("workforce", 1, WORKFORCE_FILES.map(source), buildWorkforce);
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
