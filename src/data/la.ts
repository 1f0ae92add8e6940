import { z } from "zod";
import { source, DataError } from "./sources";
import { readSheet, readCsv } from "./readers";
import { cached } from "./cache";

/**
 * Local authorities with children's services responsibilities (upper tier), in one place:
 * DfE 3-digit codes (old_la_code) and ONS 9-character codes (new_la_code), names and their
 * spellings, type and region, and the boundary changes that matter for 2010–2021:
 * - 1 April 2019: Bournemouth (837), Poole (836) and Dorset county (835) → Bournemouth, Christchurch
 *   and Poole (839) and Dorset Council (838): 152 authorities become 151;
 * - 1 April 2021: Northamptonshire (928) → North (940) and West (941) Northamptonshire.
 * The Isles of Scilly (420) and the City of London (201) have tiny child populations, so their
 * rates per 10,000 are extreme and sometimes suppressed: checks say whether they are in or out.
 */

export const LaSchema = z.object({
  laCode: z.string().regex(/^\d{3}$/),
  name: z.string().min(1),
  region: z.string(),
  type: z.enum(["OLB", "ILB", "MD", "UA", "SC"]),
  onsCodes: z.array(z.string().regex(/^E\d{8}$/)),
});
export type La = z.infer<typeof LaSchema>;

/** Authorities with very small child populations (rates per 10,000 swing widely). */
export const TINY_LAS: Record<string, string> = { "420": "Isles of Scilly", "201": "City of London" };

export interface BoundaryChange {
  date: string;
  from: string[];
  to: string[];
  note: string;
}

export const BOUNDARY_CHANGES: BoundaryChange[] = [
  { date: "2019-04-01", from: ["837", "836", "835"], to: ["839", "838"], note: "Bournemouth, Christchurch and Poole (BCP) and Dorset Council replace Bournemouth, Poole and Dorset County Council (Christchurch moves from Dorset to BCP)" },
  { date: "2021-04-01", from: ["928"], to: ["940", "941"], note: "North Northamptonshire and West Northamptonshire replace Northamptonshire" },
  { date: "2023-04-01", from: ["909"], to: ["942", "943"], note: "Cumberland and Westmorland and Furness replace Cumbria (North Yorkshire and Somerset become unitary with their codes unchanged)" },
];

/**
 * Upper-tier authorities abolished on 1 April 2009, which DfE's LA code list no longer holds:
 * Bedfordshire (820; replaced by Bedford 822 and Central Bedfordshire 823) and Cheshire (875;
 * replaced by Cheshire East 895 and Cheshire West and Chester 896). Files for 2008-09 and earlier
 * carry them (150 authorities then, not 152).
 */
export const ABOLISHED_2009: Record<string, string> = { "820": "Bedfordshire", "875": "Cheshire" };

/** True for the Isles of Scilly and the City of London. */
export function isTiny(laCode: string): boolean {
  return laCode in TINY_LAS;
}

/**
 * Name folded for matching different spellings: lower case, "&" → "and", "St." → "st", punctuation
 * and the words "city of", "county", "council", "(pre lg)" dropped.
 * @example normaliseLaName("Bristol, City of") // => "bristol"
 * @example normaliseLaName("Kingston upon Hull, City of") // => "kingston upon hull"
 * @example normaliseLaName("St. Helens") // => "st helens"
 */
export function normaliseLaName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\(pre lg\)/g, "")
    .replace(/&/g, " and ")
    .replace(/,\s*(city|county) of\b/g, " ")
    .replace(/,?\s*city of\b/g, " ")
    .replace(/\bcity of\s+/g, " ")
    .replace(/\b(county council|council|county)\b/g, " ")
    .replace(/[.'’,()-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Number of upper-tier children's services authorities in England in a financial year. */
export function authoritiesIn(fy: string): number {
  const start = Number(fy.slice(0, 4));
  return start >= 2023 ? 153 : start >= 2021 ? 152 : start >= 2019 ? 151 : 152;
}

const LA_LIST = "lookups-la-code-list";
const ONS_FROM = "cin-ees2020-b1-children-in-need-2013-to-2020";

function build(): La[] {
  const t = readSheet(LA_LIST, "Sheet1");
  const ons = readCsv(ONS_FROM);
  const onsByLa = new Map<string, Set<string>>();
  const cOld = ons.col("old_la_code");
  const cNew = ons.col("new_la_code");
  for (let r = 0; r < ons.rows.length; r++) {
    const o = ons.text(r, cOld);
    const n = ons.text(r, cNew);
    if (/^\d{3}$/.test(o) && /^E\d{8}$/.test(n)) {
      const s = onsByLa.get(o) ?? new Set<string>();
      s.add(n);
      onsByLa.set(o, s);
    }
  }
  const out: La[] = [];
  const seen = new Map<string, number>();
  for (let r = 0; r < t.rows.length; r++) {
    const code = t.text(r, "LA Number");
    const type = t.text(r, "Type");
    if (!/^\d{3}$/.test(code) || !["OLB", "ILB", "MD", "UA", "SC"].includes(type)) continue;
    if (seen.has(code)) throw new DataError(`${t.where}: LA code ${code} appears twice (rows ${seen.get(code)} and ${t.rowNumbers[r]})`, t.source.file);
    seen.set(code, t.rowNumbers[r]);
    out.push(LaSchema.parse({ laCode: code, name: t.text(r, "LA Name").replace(/\s*\(Pre LG\)\s*$/, ""), region: t.text(r, "Region"), type, onsCodes: [...(onsByLa.get(code) ?? [])].sort() }));
  }
  return out;
}

let memo: La[] | undefined;

/** Every upper-tier authority in DfE's LA code list (past and present), with its ONS codes. */
export function localAuthorities(): La[] {
  memo ??= cached("la", 1, [source(LA_LIST), source(ONS_FROM)], build);
  return memo;
}

/** The authority with a DfE 3-digit code; an unknown code is an error. */
export function laByCode(laCode: string): La {
  const la = localAuthorities().find((x) => x.laCode === laCode);
  if (!la) throw new DataError(`unknown LA code "${laCode}" (not in DfE's LA code list)`);
  return la;
}

/** The authority with an ONS code, if any. */
export function laByOnsCode(ons: string): La | undefined {
  return localAuthorities().find((x) => x.onsCodes.includes(ons));
}

/** The authority with a name, however spelled; undefined when none or ambiguous. */
export function laByName(name: string): La | undefined {
  const n = normaliseLaName(name);
  const hits = localAuthorities().filter((x) => normaliseLaName(x.name) === n);
  return hits.length === 1 ? hits[0] : undefined;
}

/** The authorities that existed in a financial year (before or after the 2019 and 2021 changes). */
export function authoritiesExisting(fy: string): La[] {
  const start = `${fy.slice(0, 4)}-04-01`;
  const gone = new Set<string>();
  const notYet = new Set<string>();
  for (const ch of BOUNDARY_CHANGES) {
    if (start >= ch.date) ch.from.forEach((c) => gone.add(c));
    else ch.to.forEach((c) => notYet.add(c));
  }
  return localAuthorities().filter((x) => !gone.has(x.laCode) && !notYet.has(x.laCode));
}
