/**
 * Small fixtures for the check kinds' unit tests: observations written as literal rows, claim
 * contexts, and a runner that calls a kind the way the ledger does (with params.as applied).
 */
import type { Obs } from "../../src/data/obs";
import type { La } from "../../src/data/la";
import type { Grade, InspectionKind, OfstedAuthority } from "../../src/data/tidy/ofsted";
import type { Claim, StatedValue } from "../../src/claims/types";
import type { ClaimContext } from "../../src/claims/checks/types";
import type { Tables } from "../../src/claims/tables";
import type { KindResult } from "../../src/claims/kinds/types";
import { KIND_CHECKS } from "../../src/claims/kinds";

/** Source ids of real files (evidence names their paths from data/sources.json). */
export const SRC = {
  cinSfr2011: "cin-sfr-2010-11-osr26-2011ud",
  cinSfr2015: "cin-sfr-2014-15-sfr41-2015-underlying-data",
  cinSfr2017: "cin-sfr-2016-17-sfr61-2017-ud",
  cinB1: "cin-ees2020-b1-children-in-need-2013-to-2020",
  cinC1: "cin-ees2020-c1-children-in-need-referrals-and-rereferrals-2013-to-2020",
  cinC1of2024: "cin-ees2024-c1-children-in-need-referrals-and-rereferrals-2013-to-2024",
  population: "population-nomis-lad-single-year-1997-2020-la-pop-estimates",
  cla2018: "cla-2018-cla2018",
  claRates2022: "cla-ees2022-data-2018-to-2022-cla-number-and-rate-per-10k-children",
  workforce2022: "workforce-csww-headline-measures-2017-to-2022",
  workforce2023: "workforce-csww-indicators-2017-to-2023",
  ro3of2017: "ro3-2017-18-data-by-la-revised",
  ro3of2018: "ro3-2018-19-data-by-la",
  ra2017: "ra-budget-17-18-budget",
  ra2018: "ra-budget-18-19-budget",
  deflator: "spending-deflators-gdp-deflators-budget-march-2020-update",
  ofsted: "ofsted-childrens-social-care-in-england-2023-underlying-data",
} as const;

/** An England observation (override anything with `extra`). */
export function eng(measure: string, year: string, value: number | null, src: string, row = 2, extra: Partial<Obs> = {}): Obs {
  return { measure, year, level: "national", area: "England", code: "E92000001", value, ...(value === null ? { marker: "x" } : {}), src, row, col: extra.col ?? measure, ...extra };
}

/** An authority's observation. */
export function laObs(measure: string, year: string, laCode: string, area: string, value: number | null, src: string, row: number, extra: Partial<Obs> = {}): Obs {
  return { measure, year, level: "la", area, code: `E0${laCode}`, laCode, value, ...(value === null ? { marker: "c" } : {}), src, row, col: extra.col ?? measure, ...extra };
}

/** An authority of DfE's list. */
export function la(laCode: string, name: string, type: La["type"] = "UA", onsCodes: string[] = []): La {
  return { laCode, name, region: "North East", type, onsCodes };
}

/** Runs a kind as the ledger does, on the given tables. */
export async function runKind(kind: string, tables: Tables, params: Record<string, unknown>, ctx: Partial<ClaimContext> = {}): Promise<KindResult> {
  const c: ClaimContext = { id: "fixture-claim", document: "nao", location: "para 1", params, ...ctx };
  return (await KIND_CHECKS[kind](c, tables)) as KindResult;
}

/** A resolver of "claim-id:role" references to the stated values of a few literal claims. */
export function documentNumbers(claims: { id: string; location?: string; stated: Partial<StatedValue>[] }[]): ClaimContext["documentNumber"] {
  return (ref: string) => {
    const [id, role] = ref.split(":");
    const c = claims.find((x) => x.id === id);
    if (!c) throw new Error(`no claim ${id}`);
    const sv = c.stated.find((s) => s.role === role)!;
    const claim = { id, document: "hcl", location: c.location ?? "table 1", quote: "", check: "unverifiable", stated: c.stated } as unknown as Claim;
    return { value: sv.value!, written: sv.written!, claim };
  };
}

/** Percentage change, written out independently of src/stats. */
export const pct = (a: number, b: number) => ((b - a) / a) * 100;

/** An authority of Ofsted's sheet with judgements [kind, published, grade]. */
export function ofstedLa(laCode: string, name: string, row: number, js: [InspectionKind, string, Grade, Grade?][]): OfstedAuthority {
  return {
    name, laCode, type: "Unitary", region: "North East", table: "current", row,
    judgements: js.map(([kind, published, overall, hp]) => ({ kind, published, overall, helpAndProtection: hp ?? overall, row, dateCol: `${kind} date`, gradeCol: `${kind} grade` })),
  };
}

