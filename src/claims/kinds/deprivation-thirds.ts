import type { Alternative, Evidence } from "../types";
import type { Obs } from "../../data/obs";
import { DataError } from "../../data/sources";
import { percentChange } from "../../stats/change";
import { fmtNumber, fmtPercent } from "../../format";
import { laByOnsCode, type Tables } from "../tables";
import { label, midYearOf } from "./lookup";
import { fact, type Facts } from "./facts";
import type { Kind, KindResult } from "./types";

/**
 * Change family `deprivationThirds`: authorities split into thirds by a deprivation score, and the
 * change in each third's spending per child between two years (the third's total spending over its
 * total population aged 0-17). The value (params.role, default "rank") is the place of the most
 * deprived third when the thirds are ordered by the size of their cut, largest cut first: 1 means
 * the most deprived third had the greatest cut. Cash changes are compared: one deflator applies to
 * every authority, so the order is the same in real terms.
 *
 * params: measure (an LA spending measure, e.g. "s251:total:net"), from, to, deprivation (default
 * "imdScore", read for params.deprivationYear, default "2015"), population (default "population0to17", the mid-year at the start of each financial
 * year), label and deprivationLabel (words for the measure and the score), alternatives: [{ label, measure?, deprivation? }] other readings computed the same way.
 */

interface Third {
  name: string;
  las: number;
  from: number;
  to: number;
  popFrom: number;
  popTo: number;
  pct: number;
}

interface Split {
  thirds: Third[];
  rank: number;
  used: number;
  left: string[];
}

/** The authorities' values of an LA measure in one year, by DfE code. */
function byLa(t: Tables, measure: string, year: string): Map<string, Obs> {
  const out = new Map<string, Obs>();
  for (const o of t.obs(measure).filter({ measure, year, level: "la" })) {
    const code = o.laCode ?? (o.code ? laByOnsCode(t, o.code)?.laCode : undefined);
    if (code && o.value !== null) out.set(code, o);
  }
  return out;
}

/**
 * The population file is on the geography of 2021: Buckinghamshire's unitary council (E06000060)
 * covers the old county (825), and North and West Northamptonshire (E06000061, E06000062) together
 * cover the old county (928). Bournemouth, Christchurch and Poole and the new Dorset split the old
 * Dorset county, so Bournemouth, Poole and Dorset have no population of their own and are left out.
 */
const POPULATION_AREAS: Record<string, string> = { E06000060: "825", E06000061: "928", E06000062: "928" };

/** Population by DfE code, the 2021 areas put back into the authorities that spent in the earlier years. */
function populationByLa(t: Tables, measure: string, year: string): Map<string, Obs> {
  const out = new Map<string, Obs>();
  for (const o of t.obs(measure).filter({ measure, year, level: "la" })) {
    if (o.value === null) continue;
    const old = POPULATION_AREAS[o.code];
    const code = old ?? o.laCode ?? (o.code ? laByOnsCode(t, o.code)?.laCode : undefined);
    if (!code || (!old && ["835", "836", "837", "838", "839"].includes(code))) continue;
    const had = out.get(code);
    out.set(code, had ? { ...had, value: had.value! + o.value, derivedFrom: `${had.area} and ${o.area}` } : o);
  }
  return out;
}

/** The split into thirds by deprivation (most deprived first) and each third's change. */
export function deprivationThirds(t: Tables, measure: string, from: string, to: string, deprivation: string, population: string, depYear = "2015"): Split {
  const dep = byLa(t, deprivation, depYear);
  const a = byLa(t, measure, from);
  const b = byLa(t, measure, to);
  const pa = populationByLa(t, population, midYearOf(from));
  const pb = populationByLa(t, population, midYearOf(to));
  const codes = [...dep.keys()];
  const used = codes.filter((c) => a.has(c) && b.has(c) && pa.has(c) && pb.has(c));
  const left = codes.filter((c) => !used.includes(c)).map((c) => dep.get(c)!.area);
  if (used.length < 3) throw new DataError(`too few authorities with ${label(deprivation)}, ${label(population)} and ${label(measure)} in ${from} and ${to} to split into thirds`);
  used.sort((x, y) => dep.get(y)!.value! - dep.get(x)!.value! || x.localeCompare(y));
  const names = ["most deprived third", "middle third", "least deprived third"];
  const thirds: Third[] = names.map((name, i) => {
    const part = used.slice(Math.round((i * used.length) / 3), Math.round(((i + 1) * used.length) / 3));
    const sum = (m: Map<string, Obs>) => part.reduce((s, c) => s + m.get(c)!.value!, 0);
    const [f, g, pf, pg] = [sum(a), sum(b), sum(pa), sum(pb)];
    return { name, las: part.length, from: f, to: g, popFrom: pf, popTo: pg, pct: percentChange(f / pf, g / pg) };
  });
  const rank = 1 + thirds.filter((x) => x.pct < thirds[0].pct).length;
  return { thirds, rank, used: used.length, left };
}

const perChild = (x: number, pop: number) => fmtNumber(x / pop, 0);

export const deprivationThirdsKind: Kind = (t, p): KindResult => {
  const measure = p.str("measure");
  const from = p.str("from");
  const to = p.str("to");
  const deprivation = p.opt("deprivation", "imdScore");
  const population = p.opt("population", "population0to17");
  const role = p.opt("role", "rank");
  const what = p.opt("label", label(measure));
  const depWhat = p.opt("deprivationLabel", label(deprivation));
  const depYear = p.opt("deprivationYear", "2015");
  const s = deprivationThirds(t, measure, from, to, deprivation, population, depYear);
  const alternatives: Alternative[] = (p.raw.alternatives as { label: string; measure?: string; deprivation?: string }[] | undefined ?? []).map((alt) => {
    const r = deprivationThirds(t, alt.measure ?? measure, from, to, alt.deprivation ?? deprivation, population, depYear);
    return { label: `${alt.label}: the most deprived third is in place ${r.rank} (${r.thirds.map((x) => `${x.name} ${fmtPercent(x.pct, 1, true)}`).join(", ")})`, values: { [role]: r.rank }, kind: "definition" };
  });
  const facts: Facts = { rank: fact(s.rank, "place of the most deprived third, largest cut first", { unit: "count" }) };
  s.thirds.forEach((x, i) => { facts[`third${i + 1}`] = fact(x.pct, `${x.name}: change in ${what} per child aged 0-17, ${from} to ${to} (cash)`, { unit: "percent" }); });
  const evidence: Evidence[] = [{
    source: t.obs(measure).filter({ measure, year: to, level: "la" })[0]?.src ?? measure,
    file: `${what}, ${from} and ${to}; ${label(population)}; ${depWhat}`,
    rows: [`${s.used} authorities with all three in both years`],
    columns: [measure, population, deprivation],
    values: Object.fromEntries(s.thirds.map((x) => [x.name, `${x.las} authorities: £${perChild(x.from, x.popFrom)} → £${perChild(x.to, x.popTo)} per child, ${fmtPercent(x.pct, 1, true)}`])),
    note: "each third's total spending over its total population aged 0-17",
  }];
  const cuts = s.thirds.filter((x) => x.pct < 0).length;
  return {
    values: { [role]: s.rank },
    evidence,
    alternatives,
    explanation: `The ${s.used} authorities split into thirds by ${depWhat}; ${what} per child aged 0-17, ${from} to ${to}, in cash: ${s.thirds.map((x) => `${x.name} £${perChild(x.from, x.popFrom)} → £${perChild(x.to, x.popTo)} (${fmtPercent(x.pct, 1, true)})`).join("; ")}. ${cuts === 0 ? "No third's spending per child fell in cash; " : ""}Ordered by the size of the fall (one deflator applies to all, so the order is the same in real terms), the most deprived third is in place ${s.rank} of 3.${s.left.length ? ` Left out for want of data: ${s.left.join(", ")}.` : ""}`,
    facts,
  };
};
