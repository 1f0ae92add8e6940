import { source } from "../sources";
import { readCsv, RawTable } from "../readers";
import { cached } from "../cache";
import { Obs, ObsTable, validateObs } from "../obs";
import { fromEes, fySuffix, levelOf } from "./common";

/**
 * Children in need census (DfE): referrals, assessments, children-in-need episodes and children in
 * need at 31 March, section 47 enquiries, initial child protection conferences, child protection
 * plans, factors at the end of assessment, by year, for England, regions and LAs.
 *
 * Two vintages sit side by side, each observation naming its source:
 * - the "SFR" underlying data as first published for 2009-10 … 2016-17 (national counts rounded:
 *   to 100 in 2009-10 and 2010-11, to 10 later);
 * - the Explore-education-statistics releases of 2020 (rates as originally published) and 2024
 *   (rates re-based on revised populations; counts unchanged).
 */

/** SFR files by year. */
export const CIN_SFR: Record<string, string> = {
  "2009-10": "cin-sfr-2009-10-osr28-2010ud",
  "2010-11": "cin-sfr-2010-11-osr26-2011ud",
  "2011-12": "cin-sfr-2011-12-sfr27-2012ud",
  "2012-13": "cin-sfr-2012-13-sfr45-2013ud",
  "2013-14": "cin-sfr-2013-14-sfr43-2014",
  "2014-15": "cin-sfr-2014-15-sfr41-2015-underlying-data",
  "2015-16": "cin-sfr-2015-16-sfr52-2016-ud",
  "2016-17": "cin-sfr-2016-17-sfr61-2017-ud",
};

/** EES files by release and table. */
export const CIN_EES = {
  "2020": {
    b1: "cin-ees2020-b1-children-in-need-2013-to-2020",
    c1: "cin-ees2020-c1-children-in-need-referrals-and-rereferrals-2013-to-2020",
    c2: "cin-ees2020-c2-children-in-need-assessments-duration-2014-to-2020",
    c3: "cin-ees2020-c3-children-in-need-factors-identified-at-end-of-assessment-2018-to-2020",
    c4: "cin-ees2020-c4-children-in-need-section-47s-and-icpcs-2013-to-2020",
    d1: "cin-ees2020-d1-child-protection-plans-2013-to-2020",
    pop: "cin-ees2020-ons-mid-year-population-estimates",
  },
  "2024": {
    b1: "cin-ees2024-b1-children-in-need-2013-to-2024",
    c1: "cin-ees2024-c1-children-in-need-referrals-and-rereferrals-2013-to-2024",
    c4: "cin-ees2024-c4-children-in-need-section-47s-and-icpcs-2013-to-2024",
    d1: "cin-ees2024-d1-child-protection-plans-2013-to-2024",
  },
} as const;

/** Column candidates in the SFR files, by measure; YY is the year suffix (1011), EE the 31 March year (11), PP the mid-year population year. */
const SFR_COLUMNS: Record<string, string[]> = {
  referrals: ["Referrals{YY}"],
  cinEpisodes: ["CINThro{YY}", "CINEpisodesThro{YY}"],
  // the 2016-17 file labels the at-31-March column CINAt310316
  cinAt31March: ["CINAt3103{EE}", "CINAt3103{PE}"],
  s47Enquiries: ["S47in{YY}", "S47{YY}"],
  icpcs: ["ICPCin{YY}", "ICPC{YY}"],
  cppStarts: ["CPPIn{YY}", "CPPStart{YY}", "CPPEpisodesStart{YY}"],
  cppAt31March: ["CPPAt3103{EE}"],
  initialAssessments: ["IAs{YY}"],
  coreAssessments: ["CAs{YY}"],
  assessments: ["Assessments{YY}"],
  episodesWithFactors: ["Episodeswithfactors{YY}"],
  factorDomesticViolence: ["Factor{YY}Domesticviolence"],
  factorMentalHealth: ["Factor{YY}Mentalhealth"],
  factorDrugMisuse: ["Factor{YY}Drugmisuse"],
  factorAlcoholMisuse: ["Factor{YY}Alcoholmisuse"],
  cinAt31MarchAbuseNeglect: ["CINAt3103{EE}IAPriNeedAbuse/Neglect"],
  dfePopulation0to17: ["Mid{PP}Pop0-17", "Mid{PP}Pop017"],
};

function sfrObs(year: string, id: string): Obs[] {
  const t: RawTable = readCsv(id);
  const yy = fySuffix(year);
  const ee = yy.slice(2);
  const pe = yy.slice(0, 2);
  const pp = year.slice(0, 4);
  const cLevel = t.col("geog_l");
  const cCode = t.col("geog_c");
  const cName = t.col("geog_n");
  const cNew = t.has("new_la_code") ? t.col("new_la_code") : -1;
  const out: Obs[] = [];
  // every factor identified at the end of assessment (2014-15 on), as "factor:<name in the file>"
  const factorCols = t.header.map((h, i) => [h, i] as const).filter(([h]) => new RegExp(`^Factor${yy}[A-Za-z]`).test(h));
  for (const [h, c] of factorCols) {
    for (let r = 0; r < t.rows.length; r++) {
      if (levelOf(t.text(r, cLevel)) !== "national") continue;
      const cell = t.cell(r, c);
      out.push({ measure: `factor:${h.slice(`Factor${yy}`.length)}`, year, level: "national", area: "England", code: "E92000001", value: cell.value, ...(cell.value === null ? { marker: cell.marker ?? cell.text } : {}), src: id, row: t.rowNumbers[r], col: h });
    }
  }
  for (const [measure, cands] of Object.entries(SFR_COLUMNS)) {
    const names = cands.map((c) => c.replace("{YY}", yy).replace("{EE}", ee).replace("{PE}", pe).replace("{PP}", pp));
    const name = names.find((n) => t.has(n));
    if (!name) continue;
    const c = t.col(name);
    for (let r = 0; r < t.rows.length; r++) {
      const level = levelOf(t.text(r, cLevel));
      if (!level) continue;
      const cell = t.cell(r, c);
      // the National row of some files carries an LA's ONS code by mistake: use geog_l, not the code
      const code = level === "national" ? "E92000001" : cNew >= 0 ? t.text(r, cNew) : "";
      out.push({
        measure, year, level, area: level === "national" ? "England" : t.text(r, cName), code,
        ...(level === "la" ? { laCode: t.text(r, cCode) } : {}),
        value: cell.value, ...(cell.value === null ? { marker: cell.marker ?? cell.text } : {}),
        src: id, row: t.rowNumbers[r], col: t.header[c],
      });
    }
  }
  return out;
}

function eesObs(release: "2020" | "2024"): Obs[] {
  const f = CIN_EES[release] as Record<string, string>;
  const out: Obs[] = [];
  out.push(...fromEes(readCsv(f.b1), { cinEpisodes: "Anypoint_episodes", cinEpisodesRate: "Anypoint_episodes_rate", cinAt31March: "At31_episodes", cinAt31MarchRate: "At31_episodes_rate" }));
  out.push(...fromEes(readCsv(f.c1), { referrals: "Referrals", referralsRate: "Referrals_rate" }));
  out.push(...fromEes(readCsv(f.c4), { s47Enquiries: "Section47", s47Rate: "Section47_rate", icpcs: "ICPC", icpcRate: "ICPC_rate" }));
  out.push(...fromEes(readCsv(f.d1), { cppStarts: "CPP_start", cppStartsRate: "CPP_start_rate", cppAt31March: "CPP_At31", cppAt31MarchRate: "CPP_At31_rate" }));
  if (f.c2) out.push(...fromEes(readCsv(f.c2), { assessments: "Assessments_completed", assessmentsRate: "Assessments_completed_rate" }));
  if (f.c3) out.push(...fromEes(readCsv(f.c3), {
    episodesWithFactors: "Episodes_with_assessment_factor",
    factorDomesticViolenceChild: "Domestic_Violence_child", factorDomesticViolenceParent: "Domestic_Violence_parent", factorDomesticViolencePerson: "Domestic_Violence_person",
    factorMentalHealthChild: "Mental_Health_child", factorMentalHealthParent: "Mental_Health_parent", factorMentalHealthPerson: "Mental_Health_person",
    factorDrugMisuseChild: "Drug_Misuse_child", factorDrugMisuseParent: "Drug_Misuse_parent", factorDrugMisusePerson: "Drug_Misuse_person",
    factorAlcoholMisuseChild: "Alcohol_Misuse_child", factorAlcoholMisuseParent: "Alcohol_Misuse_parent", factorAlcoholMisusePerson: "Alcohol_Misuse_person",
  }));
  if (f.pop) out.push(...fromEes(readCsv(f.pop), { dfePopulation0to17: "population_estimate" }, { yearOf: (tp) => `${tp}-${String((Number(tp) + 1) % 100).padStart(2, "0")}` }));
  return out;
}

/** Source ids of every file the CIN table reads. */
export function cinSourceIds(): string[] {
  return [...Object.values(CIN_SFR), ...Object.values(CIN_EES["2020"]), ...Object.values(CIN_EES["2024"])];
}

let memo: ObsTable | undefined;

/** The children-in-need table (cached by the files' sha256). */
export function cinTable(): ObsTable {
  if (memo) return memo;
  const ids = cinSourceIds();
  const rows = cached("cin", 3, ids.map(source), () => validateObs([
    ...Object.entries(CIN_SFR).flatMap(([y, id]) => sfrObs(y, id)),
    ...eesObs("2020"),
    ...eesObs("2024"),
  ], "children-in-need table"));
  memo = new ObsTable(rows);
  return memo;
}

/** Forgets the in-process copy (tests). */
export function resetCinTable(): void {
  memo = undefined;
}
