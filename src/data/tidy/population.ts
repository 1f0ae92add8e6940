import { source } from "../sources";
import { readCsv } from "../readers";
import { cached } from "../cache";
import { Obs, ObsTable, validateObs } from "../obs";

/**
 * ONS mid-year population estimates by single year of age for lower-tier districts (2021
 * boundaries, mid-1997 to mid-2020; 2001-2010 are the post-2011-Census back series), summed to
 * England and to upper-tier authorities (children's services authorities) with the ONS
 * LTLA→UTLA lookup. Years are mid-year labels ("2010" = mid-2010, the denominator DfE uses for 2010-11).
 */
export const POP_SOURCE = "population-nomis-lad-single-year-1997-2020-la-pop-estimates";
export const LTLA_UTLA_SOURCE = "lookups-ltla-utla-lookup";

/** Measures: children aged 0-17 and young people aged 0-18. */
export const POPULATION_MEASURES = ["population0to17", "population0to18"];

function build(): Obs[] {
  const t = readCsv(POP_SOURCE);
  const lk = readCsv(LTLA_UTLA_SOURCE);
  const toUtla = new Map<string, { code: string; name: string }>();
  for (let r = 0; r < lk.rows.length; r++) toUtla.set(lk.text(r, "LTLA21CD"), { code: lk.text(r, "UTLA21CD"), name: lk.text(r, "UTLA21NM") });
  const cCode = t.col("code");
  const cYear = t.col("year");
  const ages = Array.from({ length: 19 }, (_, a) => t.col(`Age ${a}`));
  type Acc = { p17: number; p18: number; rows: number[]; name: string; missing: number };
  const nat = new Map<string, Acc>();
  const utla = new Map<string, Acc>();
  const add = (m: Map<string, Acc>, key: string, name: string, p17: number, p18: number, row: number) => {
    const a = m.get(key) ?? { p17: 0, p18: 0, rows: [], name, missing: 0 };
    a.p17 += p17;
    a.p18 += p18;
    a.rows.push(row);
    m.set(key, a);
  };
  for (let r = 0; r < t.rows.length; r++) {
    const code = t.text(r, cCode);
    if (!code.startsWith("E")) continue;
    const year = t.text(r, cYear);
    let p17 = 0;
    for (let a = 0; a < 18; a++) p17 += t.number(r, t.header[ages[a]]);
    const p18 = p17 + t.number(r, t.header[ages[18]]);
    add(nat, year, "England", p17, p18, t.rowNumbers[r]);
    const u = toUtla.get(code);
    if (u) add(utla, `${year}|${u.code}`, u.name, p17, p18, t.rowNumbers[r]);
  }
  const out: Obs[] = [];
  const push = (level: "national" | "la", key: string, a: Acc) => {
    const [year, code] = level === "national" ? [key, "E92000001"] : key.split("|");
    const derivedFrom = `sum of ${a.rows.length} English district rows (rows ${Math.min(...a.rows)}–${Math.max(...a.rows)}, year ${year})`;
    out.push({ measure: "population0to17", year, level, area: a.name, code, value: a.p17, src: POP_SOURCE, row: a.rows[0], col: "Age 0 … Age 17", derivedFrom });
    out.push({ measure: "population0to18", year, level, area: a.name, code, value: a.p18, src: POP_SOURCE, row: a.rows[0], col: "Age 0 … Age 18", derivedFrom });
  };
  for (const [k, a] of nat) push("national", k, a);
  for (const [k, a] of utla) push("la", k, a);
  return out;
}

let memo: ObsTable | undefined;

/** ONS 0-17 and 0-18 populations, England and upper-tier LAs, mid-1997 to mid-2020. */
export function populationTable(): ObsTable {
  if (memo) return memo;
  memo = new ObsTable(cached("population", 1, [source(POP_SOURCE), source(LTLA_UTLA_SOURCE)], () => validateObs(build(), "population table")));
  return memo;
}
