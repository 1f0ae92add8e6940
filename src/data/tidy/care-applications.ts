import { DataError, source } from "../sources";
import { readCsv, RawTable } from "../readers";
import { cached } from "../cache";
import { Obs, ObsTable, validateObs } from "../obs";
import { laitObs } from "./lait";

/**
 * Care applications (applications for care orders under section 31 of the Children Act 1989,
 * received by Cafcass), England:
 * - `careApplicationsRate`: applications per 10,000 children aged 0-17, England, regions and LAs,
 *   2015-16 to 2024-25 (DfE's LAIT, rows whose Short Desc is CareApplications; LAIT labels a
 *   financial year by its end: "2017" = 2016-17);
 * - `careApplications`: the national number by financial year, 2009-10 to 2018-19, from a
 *   SECONDARY hand transcription of Cafcass statements and of reports quoting them (no Cafcass
 *   spreadsheet is in the mirror). Its source's vintage says so (`isSecondary`), so a check can
 *   give no stronger verdict than a transcription allows. Each row of the transcription carries
 *   the sentence it was copied from; a number that the sentence does not contain is an error.
 */

export const CARE_APPLICATIONS_LAIT = "care-applications-lait-extract-careapplications-rate-per-10k-2016-2025";
export const CARE_APPLICATIONS_CAFCASS = "care-applications-cafcass-care-applications-national-annual-compiled";

export const CARE_APPLICATIONS_MEASURES = ["careApplications", "careApplicationsRate"];

/** "14,207" and "14207": the ways a whole number can be written in the quoted sentence. */
function writings(v: number): string[] {
  return [v.toLocaleString("en-GB"), String(v)];
}

/**
 * Observations of the Cafcass transcription (financial_year, care_applications_s31, quoted_text):
 * England, one per financial year; a blank figure (2008-09: "NOT FOUND") is null with the marker "".
 */
export function cafcassObs(t: RawTable): Obs[] {
  const cYear = t.col("financial_year");
  const cVal = t.col("care_applications_s31");
  const cQuote = t.col("quoted_text");
  t.col("source_url");
  const out: Obs[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const year = t.text(r, cYear);
    const m = /^(\d{4})-(\d{2})$/.exec(year);
    if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) throw new DataError(`${t.where} row ${t.rowNumbers[r]}: financial_year "${year}" is not a financial year such as 2017-18`, t.source.file);
    const cell = t.cell(r, cVal);
    if (cell.value === null && cell.marker === undefined) throw new DataError(`${t.where} row ${t.rowNumbers[r]}, column "${t.header[cVal]}": expected a number or a blank, found the text "${cell.text}"`, t.source.file);
    if (cell.value !== null) {
      const q = t.text(r, cQuote);
      if (!writings(cell.value).some((w) => q.includes(w))) throw new DataError(`${t.where} row ${t.rowNumbers[r]}: ${year} gives ${cell.value} care applications but its quoted sentence does not contain that number ("${q.slice(0, 120)}")`, t.source.file);
    }
    out.push({ measure: "careApplications", year, level: "national", area: "England", code: "E92000001", value: cell.value, ...(cell.value === null ? { marker: cell.marker ?? "" } : {}), src: t.source.id, row: t.rowNumbers[r], col: t.header[cVal] });
  }
  return out;
}

/** Builds the table from the files (no cache). */
export function buildCareApplications(): Obs[] {
  const lait = readCsv(CARE_APPLICATIONS_LAIT);
  const rows = laitObs(lait, { CareApplications: { measure: "careApplicationsRate", year: "fyEnd", label: "care applications per 10,000 children aged 0-17" } });
  const cShort = lait.col("Short Desc");
  const other = lait.findRows((r) => lait.text(r, cShort) !== "CareApplications");
  if (other.length) throw new DataError(`${lait.where} row ${lait.rowNumbers[other[0]]}: Short Desc "${lait.text(other[0], cShort)}", expected only CareApplications`, lait.source.file);
  return validateObs([...rows, ...cafcassObs(readCsv(CARE_APPLICATIONS_CAFCASS))], "care-applications table");
}

let memo: ObsTable | undefined;

/** Care applications: LAIT rates by LA from 2015-16 and the transcribed national series 2009-10 to 2018-19 (cached). */
export function careApplicationsTable(): ObsTable {
  if (memo) return memo;
  memo = new ObsTable(cached("care-applications", 1, [CARE_APPLICATIONS_LAIT, CARE_APPLICATIONS_CAFCASS].map(source), buildCareApplications));
  return memo;
}

/** Forgets the in-process copy (tests). */
export function resetCareApplicationsTable(): void {
  memo = undefined;
}
