import { DataError, source } from "../sources";
import { readCsv, RawTable } from "../readers";
import { cached } from "../cache";
import { Obs, ObsTable, validateObs } from "../obs";
import { fromEes } from "./common";

/**
 * Children in need at 31 March by primary need at assessment (DfE, children in need census,
 * Explore-education-statistics release of 2020, which re-publishes 2013 to 2019):
 * - b3: England, regions and LAs, 31 March 2013 … 2020 ("2017-18" = at 31 March 2018);
 * - a3: England only, 31 March 2018 … 2020, by gender and age. Its measures carry the breakdown
 *   after a colon, as the file writes it: `primaryNeedAbuseNeglect:Female Aged 1 to 4 years`, and
 *   `…:Total` for all children (equal to b3's England row).
 *
 * The primary need is the main reason a child started to receive services, recorded at
 * assessment (the census codes N0-N9). The counts are of children in need at 31 March, not of
 * assessments completed in the year. National counts are rounded to the nearest 10.
 */

/** Measure → column of the b3 and a3 files. The denominator (every child in need at 31 March with a primary need field) is `primaryNeedAll`. */
export const PRIMARY_NEED_COLUMNS: Record<string, { b3: string; a3: string; label: string }> = {
  primaryNeedAll: { b3: "At31_episodes", a3: "CIN_At31", label: "children in need at 31 March (every primary need, including not stated)" },
  primaryNeedAbuseNeglect: { b3: "N1_Abuse_or_neglect", a3: "N1_Abuse_or_neglect", label: "abuse or neglect (N1)" },
  primaryNeedChildDisability: { b3: "N2_Childs_disability_or_illness", a3: "N2_Childs_disability_or_illness", label: "child's disability or illness (N2)" },
  primaryNeedParentDisability: { b3: "N3_Parents_disability_or_illness", a3: "N3_Parents_disability_or_illness", label: "parent's disability or illness (N3)" },
  primaryNeedAcuteStress: { b3: "N4_Family_in_acute_stress", a3: "N4_Family_in_acute_stress", label: "family in acute stress (N4)" },
  primaryNeedFamilyDysfunction: { b3: "N5_Family_dysfunction", a3: "N5_Family_dysfunction", label: "family dysfunction (N5)" },
  primaryNeedSociallyUnacceptableBehaviour: { b3: "N6_Socially_unacceptable_behaviour", a3: "N6_Socially_unacceptable_behaviour", label: "socially unacceptable behaviour (N6)" },
  primaryNeedLowIncome: { b3: "N7_Low_income", a3: "N7_Low_income", label: "low income (N7)" },
  primaryNeedAbsentParenting: { b3: "N8_Absent_parenting", a3: "N8_Absent_parenting", label: "absent parenting (N8)" },
  primaryNeedOtherThanCin: { b3: "N9_Cases_other_than_CIN", a3: "N9_Cases_other_than_CIN", label: "cases other than children in need (N9)" },
  primaryNeedNotStated: { b3: "N0_Not_stated", a3: "N0_Not_stated", label: "not stated (N0)" },
};

export const PRIMARY_NEED_FILES = {
  b3: "cin-ees2020-b3-cin-primary-need-2013-to-2020",
  a3: "cin-ees2020-a3-cin-primary-need-by-age-gender-2018-to-2020",
} as const;

/** True for the measures of this table (b3's names, and a3's with a breakdown after a colon). */
export function isPrimaryNeedMeasure(m: string): boolean {
  return m.split(":")[0] in PRIMARY_NEED_COLUMNS;
}

/** Readable names of the measures, for explanations. */
export function primaryNeedLabel(m: string): string {
  const [base, breakdown] = m.split(":");
  const l = PRIMARY_NEED_COLUMNS[base]?.label ?? base;
  return breakdown ? `${l}, ${breakdown}` : l;
}

/** Observations of b3 (England, regions, LAs), one per row and primary-need column. */
export function b3Obs(t: RawTable): Obs[] {
  const cCat = t.col("category");
  const measures = Object.fromEntries(Object.entries(PRIMARY_NEED_COLUMNS).map(([m, c]) => [m, c.b3]));
  const rows = fromEes(t, measures, {
    filter: (r) => {
      const cat = t.text(r, cCat);
      if (cat !== "Primary need at assessment") throw new DataError(`${t.where} row ${t.rowNumbers[r]}: category "${cat}", expected "Primary need at assessment"`, t.source.file);
      return true;
    },
  });
  if (!rows.some((o) => o.level === "national")) throw new DataError(`${t.where}: no National rows`, t.source.file);
  return rows;
}

/** Observations of a3 (England by gender and age): the characteristic goes after a colon in the measure name. */
export function a3Obs(t: RawTable): Obs[] {
  const cChar = t.col("characteristic");
  const cCat = t.col("category");
  const out: Obs[] = [];
  for (const [measure, c] of Object.entries(PRIMARY_NEED_COLUMNS)) {
    const col = t.col(c.a3);
    for (let r = 0; r < t.rows.length; r++) {
      const cat = t.text(r, cCat);
      if (cat !== "Primary need at assessment") throw new DataError(`${t.where} row ${t.rowNumbers[r]}: category "${cat}", expected "Primary need at assessment"`, t.source.file);
      for (const o of fromEes(t, { [`${measure}:${t.text(r, cChar)}`]: c.a3 }, { filter: (x) => x === r })) {
        if (o.level !== "national") throw new DataError(`${t.where} row ${o.row}: a ${o.level} row in a national-only file`, t.source.file);
        o.col = t.header[col];
        out.push(o);
      }
    }
  }
  return out;
}

/** Builds the table from the files (no cache). */
export function buildPrimaryNeed(): Obs[] {
  return validateObs([...b3Obs(readCsv(PRIMARY_NEED_FILES.b3)), ...a3Obs(readCsv(PRIMARY_NEED_FILES.a3))], "primary-need table");
}

let memo: ObsTable | undefined;

/** Children in need at 31 March by primary need at assessment, 2013-2020 (cached by the files' sha256). */
export function primaryNeedTable(): ObsTable {
  if (memo) return memo;
  memo = new ObsTable(cached("primary-need", 1, Object.values(PRIMARY_NEED_FILES).map(source), buildPrimaryNeed));
  return memo;
}

/** Forgets the in-process copy (tests). */
export function resetPrimaryNeedTable(): void {
  memo = undefined;
}
