import { DataError, source } from "../sources";
import { RawTable } from "../readers";
import { readParquet } from "../parquet";
import { cached } from "../cache";
import { Level, Obs, ObsTable, validateObs } from "../obs";
import { fyFromEnd } from "./common";

/**
 * DfE's Local Authority Interactive Tool (LAIT) data set, `bds_long_0.parquet` (641,070 rows, one
 * per measure ("Short Desc"), year, and area: England, regions and LAs, 2016 to 2025). The values
 * are LAIT's current ones, revised since first publication (England children looked after at 31
 * March 2020: 80,000, not the 80,080 first published).
 *
 * Only the measures of LAIT_MEASURES are read: each has its own year convention, which the file
 * does not state (the column `Years` holds "2016" for the year ending 31 March 2016, for 30
 * September 2016 and for the calendar year 2016 alike; finance rows hold "2016-17 (OT)"). Those
 * already held elsewhere in their first-published vintage are named `lait…`, so that a table holds
 * each measure once.
 */

/** How LAIT labels a measure's years. */
export type LaitYear = "fyEnd" | "calendar" | "fyOutturn";

export interface LaitMeasure {
  measure: string;
  year: LaitYear;
  label: string;
}

/** LAIT Short Desc → measure, year convention and label. */
export const LAIT_MEASURES: Record<string, LaitMeasure> = {
  Under18concep: { measure: "teenageConceptionRate", year: "calendar", label: "under-18 conceptions per 1,000 girls aged 15 to 17 (calendar year; ONS)" },
  LACnum: { measure: "laitClaAt31March", year: "fyEnd", label: "children looked after at 31 March (LAIT, revised)" },
  LAC: { measure: "laitClaRate", year: "fyEnd", label: "children looked after at 31 March per 10,000 children (LAIT, revised)" },
  LACnum_Start: { measure: "laitClaStarted", year: "fyEnd", label: "children who started to be looked after in the year (LAIT, revised)" },
  CPP_Num: { measure: "laitCppAt31March", year: "fyEnd", label: "children who were the subject of a child protection plan at 31 March (LAIT)" },
  CPP_rate: { measure: "laitCppAt31MarchRate", year: "fyEnd", label: "children who were the subject of a child protection plan at 31 March per 10,000 children (LAIT)" },
  CPP_Total_NumRef: { measure: "laitReferrals", year: "fyEnd", label: "referrals to children's social care in the year (LAIT)" },
  "CPP_Total_Rateper10,000": { measure: "laitReferralsRate", year: "fyEnd", label: "referrals to children's social care per 10,000 children (LAIT)" },
  Work_Force_NoSW: { measure: "laitSocialWorkersFte", year: "calendar", label: "FTE children and family social workers at 30 September (LAIT, revised)" },
  Work_Force_Vac_Rate: { measure: "laitVacancyRate", year: "calendar", label: "vacancy rate at 30 September, % (LAIT)" },
  Work_Force_Agecy_Rate: { measure: "laitAgencyRate", year: "calendar", label: "agency worker rate at 30 September, % (LAIT)" },
  Work_Force_TO_Rate: { measure: "laitTurnoverRate", year: "calendar", label: "turnover rate in the year to 30 September, % (LAIT)" },
  SureStartFinance: { measure: "laitSureStartGross", year: "fyOutturn", label: "gross spending on Sure Start children's centres and early years, £ (section 251 outturn, LAIT)" },
};

/** The measures of the LAIT table. */
export const LAIT_TABLE_MEASURES = Object.values(LAIT_MEASURES).map((m) => m.measure);

export const LAIT_SOURCE = "cla-lait-bds-long-0";

/** A LAIT `Years` label in a measure's convention → the project's year ("2017-18", or "2017"); anything else is null. */
export function laitYear(label: string, kind: LaitYear): string | null {
  const t = label.trim();
  if (kind === "fyOutturn") {
    const m = /^(\d{4})-(\d{2}) \(OT\)$/.exec(t);
    return m && (Number(m[1]) + 1) % 100 === Number(m[2]) ? `${m[1]}-${m[2]}` : null;
  }
  if (!/^\d{4}$/.test(t)) return null;
  return kind === "fyEnd" ? fyFromEnd(t) : t;
}

/**
 * Observations from LAIT rows (columns Short Desc, Years, LA and Regions, Values, LA Number,
 * Region), for the Short Descs of `measures`. England is national; a row with a region is an LA
 * (its `LA Number` the DfE code); the rest are regions. A year label outside the measure's
 * convention is an error naming the row.
 */
export function laitObs(t: RawTable, measures: Record<string, LaitMeasure>): Obs[] {
  const cShort = t.col("Short Desc");
  const cYears = t.col("Years");
  const cArea = t.col("LA and Regions");
  const cVal = t.col("Values");
  const cNum = t.col("LA Number");
  const cRegion = t.col("Region");
  const out: Obs[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const m = measures[t.text(r, cShort)];
    if (!m) continue;
    const label = t.text(r, cYears);
    const year = laitYear(label, m.year);
    if (year === null) throw new DataError(`${t.where} row ${t.rowNumbers[r]}: Years "${label}" is not a ${m.year === "fyOutturn" ? "financial year such as \"2017-18 (OT)\"" : "year such as \"2018\""} (Short Desc ${t.text(r, cShort)})`, t.source.file);
    const area = t.text(r, cArea);
    const region = t.text(r, cRegion);
    const num = t.text(r, cNum).replace(/\.0+$/, "");
    const level: Level = area === "England" ? "national" : region !== "" && region !== "NA" ? "la" : "regional";
    if (level === "la" && !/^\d{3}$/.test(num)) throw new DataError(`${t.where} row ${t.rowNumbers[r]}: LA Number "${num}" of ${area} is not a 3-digit DfE code`, t.source.file);
    const cell = t.cell(r, cVal);
    out.push({
      measure: m.measure, year, level, area, code: level === "national" ? "E92000001" : level === "la" ? num : "",
      ...(level === "la" ? { laCode: num } : {}),
      value: cell.value, ...(cell.value === null ? { marker: cell.marker ?? cell.text ?? "" } : {}),
      src: t.source.id, row: t.rowNumbers[r], col: `Values (Short Desc = ${t.text(r, cShort)}, Years = ${label})`,
    });
  }
  return out;
}

/** Builds the table from the parquet file (no cache). */
export function buildLait(): Obs[] {
  const t = readParquet(LAIT_SOURCE, { filter: { column: "Short Desc", values: Object.keys(LAIT_MEASURES) } });
  const rows = laitObs(t, LAIT_MEASURES);
  for (const m of Object.values(LAIT_MEASURES)) {
    if (!rows.some((o) => o.measure === m.measure)) throw new DataError(`${t.source.file}: no rows for ${m.measure} (${m.label})`, t.source.file);
  }
  return validateObs(rows, "LAIT table");
}

let memo: ObsTable | undefined;

/** The LAIT measures of LAIT_MEASURES, 2016 to 2025 (cached by the file's sha256). */
export function laitTable(): ObsTable {
  if (memo) return memo;
  memo = new ObsTable(cached("lait", 1, [source(LAIT_SOURCE)], buildLait));
  return memo;
}

/** Forgets the in-process copy (tests). */
export function resetLaitTable(): void {
  memo = undefined;
}
