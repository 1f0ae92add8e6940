import type { Evidence } from "../types";
import type { Obs } from "../../data/obs";
import { SERVICE_AREAS } from "../../data/tidy/service-totals";
import { fmtNumber } from "../../format";
import type { Tables } from "../tables";
import { yearsBetween } from "./lookup";
import { fact, type Facts } from "./facts";
import type { Kind, KindResult } from "./types";

/**
 * Count family `overspentEveryYear`: how many service areas England overspent in every year from
 * params.from to params.to, an area being overspent in a year when its net current expenditure in
 * MHCLG's revenue outturn summary (RS) exceeds its budget in MHCLG's revenue account budget (RA).
 * For each year and area the first of these that holds both figures is used:
 * 1. RS and RA England rows, every authority (`rsService:<area>`, `raService:<area>`);
 * 2. the upper-tier authorities' sums, for years whose RS is held only for them
 *    (`rsServiceUpper:<area>`, `raServiceUpper:<area>`);
 * 3. children's social care where RS gives social care as one figure (2010-11, 2011-12): RO3's England
 *    total of children's social care (`csNetExpenditure`) against RA's (`csBudget`); adult social care
 *    then is the social care total less children's, in both RS and RA.
 * params.role (default "areas"). An area held in none of these for a year is "not held" that year, and
 * is counted only if it was overspent in every year that is held (the explanation says so).
 */

interface Pair { outturn: number; budget: number; how: string; obs: Obs[] }

function england(t: Tables, measure: string, year: string): Obs | undefined {
  return t.obs(measure).filter({ measure, year, level: "national" }).find((o) => o.value !== null);
}

/** Outturn and budget of one area in one year, or undefined when not held. */
export function areaYear(t: Tables, area: string, year: string): Pair | undefined {
  const both = (rs: string, ra: string, how: string): Pair | undefined => {
    const a = england(t, rs, year);
    const b = england(t, ra, year);
    return a && b ? { outturn: a.value!, budget: b.value!, how, obs: [a, b] } : undefined;
  };
  const direct = both(`rsService:${area}`, `raService:${area}`, "RS and RA, every authority") ?? both(`rsServiceUpper:${area}`, `raServiceUpper:${area}`, "upper-tier authorities only");
  if (direct) return direct;
  const children = () => {
    const a = england(t, "csNetExpenditure", year);
    const b = england(t, "csBudget", year);
    return a && b ? { outturn: a.value!, budget: b.value!, how: "RO3 outturn and RA budget of children's social care", obs: [a, b] } : undefined;
  };
  if (area === "childrenSocialCare") return children();
  if (area === "adultSocialCare") {
    const all = both("rsService:socialCare", "raService:socialCare", "");
    const c = children();
    if (all && c) return { outturn: all.outturn - c.outturn, budget: all.budget - c.budget, how: "social care (RS and RA) less children's social care (RO3 and RA)", obs: [...all.obs, ...c.obs] };
    // RS gives adult social care, RA only social care as a whole (2011-12)
    const a = england(t, "rsService:adultSocialCare", year);
    const b = england(t, "raService:socialCare", year);
    const cb = england(t, "csBudget", year);
    if (a && b && cb) return { outturn: a.value!, budget: b.value! - cb.value!, how: "RS adult social care against RA social care less RA children's social care", obs: [a, b, cb] };
  }
  return undefined;
}

const m = (thousands: number) => `£${fmtNumber(thousands / 1000, 0)}m`;

export const overspentEveryYear: Kind = (t, p): KindResult => {
  const from = p.str("from");
  const to = p.str("to");
  const role = p.opt("role", "areas");
  const years = yearsBetween(from, to);
  const areas = Object.keys(SERVICE_AREAS).filter((a) => a !== "socialCare");
  const rows = areas.map((area) => {
    const cells = years.map((y) => ({ year: y, pair: areaYear(t, area, y) }));
    const held = cells.filter((c) => c.pair);
    const over = held.filter((c) => c.pair!.outturn > c.pair!.budget);
    return { area, words: SERVICE_AREAS[area].words, cells, held, over, every: held.length > 0 && over.length === held.length };
  });
  const every = rows.filter((r) => r.every);
  const gaps = every.filter((r) => r.held.length < years.length);
  const evidence: Evidence[] = every.flatMap((r) => r.held.map((c) => ({
    source: c.pair!.obs[0].src,
    file: `${c.pair!.how}, ${c.year}`,
    rows: c.pair!.obs.map((o) => `${o.src} row ${o.row}${o.derivedFrom ? ` (${o.derivedFrom})` : ""}`),
    columns: c.pair!.obs.map((o) => o.col),
    values: { outturn: c.pair!.outturn, budget: c.pair!.budget },
    note: `${r.words}, £ thousand`,
  })));
  const facts: Facts = { [role]: fact(every.length, `service areas overspent in every year held, ${from} to ${to}`, { unit: "count" }) };
  for (const r of rows) facts[r.area] = fact(r.over.length, `${r.words}: years overspent, of ${r.held.length} held`, { unit: "count" });
  const line = (r: (typeof rows)[number]) => `${r.words} ${r.over.length} of ${r.held.length}${r.held.length < years.length ? ` (${years.length - r.held.length} not held)` : ""}`;
  const detail = every.map((r) => `${r.words}: ${r.held.map((c) => `${c.year} ${m(c.pair!.outturn)} against ${m(c.pair!.budget)}${c.pair!.how === "RS and RA, every authority" ? "" : ` (${c.pair!.how})`}`).join("; ")}`);
  return {
    values: { [role]: every.length },
    evidence,
    explanation: `England's net current expenditure against its budget, ${from} to ${to}: ${every.length} service area${every.length === 1 ? " was" : "s were"} overspent in every year held (${every.map((r) => r.words).join(", ")}). ${detail.join(". ")}. Years overspent by area: ${rows.map(line).join("; ")}.${gaps.length ? ` Counted although some years are not held: ${gaps.map((r) => r.words).join(", ")}.` : ""}`,
    facts,
  };
};
