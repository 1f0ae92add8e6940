import * as path from "node:path";
import type { Alternative, Evidence } from "../types";
import type { Check } from "./types";
import { param } from "./types";
import { DataError, source } from "../../data/sources";
import { Obs, evidenceFor, num } from "../../data/obs";
import { CLA_LABELS } from "../../data/tidy/cla";
import type { Tables } from "../tables";
import { fyFromEnd } from "../../data/tidy/common";
import { percentChange, ratePer10k, sharePercent } from "../../stats/change";
import { fmtNumber, fmtPercent, fmtRate } from "../../format";
import { MEASURE_LABELS, pctChangeTolerance } from "./series";

// The generic checks (activityChange, activityLevel) name measures through MEASURE_LABELS: give
// them the looked-after measures' names, without overriding any name already there.

/** "CLA2018.csv, SSDA903 statistical release 2018": a file named the way a reader can find it. */
export function fileLabel(src: string): string {
  const s = source(src);
  return `${path.posix.basename(s.file)}, ${s.release}`;
}

/** Every England observation of a measure in a year, in release order (first published first). */
function england(tables: Tables, measure: string, year: string): Obs[] {
  return tables.cla().filter({ measure, year, level: "national" });
}

/** The England figure as first published (the first release in the table holding a number). */
function firstPublished(tables: Tables, measure: string, year: string): Obs {
  const o = england(tables, measure, year).find((x) => x.value !== null);
  if (!o) throw new DataError(`no England figure for ${CLA_LABELS[measure] ?? measure} in ${year} in the looked-after files`);
  return o;
}

/** "2017-18" → "31 March 2018". */
const at31March = (fy: string) => `31 March ${Number(fy.slice(0, 4)) + 1}`;

/** A year parameter given as "2018" (31 March 2018) or "2017-18". */
function fyParam(y: string): string {
  return /^\d{4}$/.test(y) ? fyFromEnd(y) : y;
}

/**
 * The England rate of children looked after per 10,000 children at 31 March of a year, as first
 * published, with every later release as an alternative. Role params.role, default `rate<year>`.
 */
const claRate: Check = (c, tables) => {
  const year = fyParam(param(c, "year"));
  const end = Number(year.slice(0, 4)) + 1;
  const role = typeof c.params.role === "string" ? c.params.role : `rate${end}`;
  const o = firstPublished(tables, "claRate", year);
  const later = england(tables, "claRate", year).filter((x) => x !== o && x.value !== null);
  const used: Obs[] = [o, ...later];
  const sentences = [`England, ${at31March(year)}: ${fmtNumber(num(o), Number.isInteger(num(o)) ? 0 : 1)} children looked after per 10,000 children aged under 18, as first published (${fileLabel(o.src)}, column ${o.col}).`];
  const n = england(tables, "claAt31March", year).find((x) => x.src === o.src && x.value !== null);
  const p = england(tables, "claRatePopulation", year).find((x) => x.src === o.src && x.value !== null);
  if (n && p) {
    used.push(n, p);
    sentences.push(`DfE publishes these rates rounded to whole numbers: from the same file, ${fmtNumber(num(n))} children / ${fmtNumber(num(p))} children aged under 18 × 10,000 = ${fmtNumber(ratePer10k(num(n), num(p)), 2)}.`);
  }
  if (later.length) sentences.push(`Later releases: ${later.map((x) => `${fmtNumber(x.value, Number.isInteger(x.value) ? 0 : 1)} in ${fileLabel(x.src)}`).join("; ")}.`);
  const moved = later.filter((x) => Math.round(num(x)) !== Math.round(num(o)));
  sentences.push(later.length === 0 ? "No later release in the mirror restates this rate." : moved.length === 0
    ? `No later figure for ${at31March(year)} moves the published whole number.`
    : `Later figures that round differently: ${moved.map((x) => `${fmtNumber(x.value, 1)} in ${fileLabel(x.src)}`).join("; ")} (later releases recompute rates on revised populations).`);
  const alternatives: Alternative[] = later.map((x) => ({ label: `${fileLabel(x.src)}: ${fmtNumber(x.value, Number.isInteger(x.value) ? 0 : 1)}`, kind: "revision", values: { [role]: x.value } }));
  return { values: { [role]: num(o) }, evidence: evidenceFor(used), explanation: sentences.join(" "), alternatives };
};

/**
 * The long-run change in the rate of children looked after, from a year of the national time series
 * (numbers only) to a later year. The files give numbers since 1994 but the mirror holds no 0-17
 * population before mid-1997, so a rate for an early year cannot be computed: those roles are null
 * and the claim is unverifiable, with what the data does say.
 */
const claRateLongRun: Check = (c, tables) => {
  const fromYear = param(c, "from");
  const toYear = param(c, "to");
  const from = fyParam(fromYear);
  const to = fyParam(toYear);
  const nFrom = firstPublished(tables, "claAt31March", from);
  const nTo = firstPublished(tables, "claAt31March", to);
  const rTo = firstPublished(tables, "claRate", to);
  // the same series (the time series) at both ends, so the change is not mixed across vintages
  const seriesTo = england(tables, "claAt31March", to).find((x) => x.src === nFrom.src && x.value !== null);
  const used: Obs[] = [nFrom, nTo, rTo, ...(seriesTo ? [seriesTo] : [])];
  const pctNumbers = percentChange(num(nFrom), num(nTo));
  const sentences = [
    `The national time series gives ${fmtNumber(num(nFrom))} children looked after at ${at31March(from)} (${fileLabel(nFrom.src)}); at ${at31March(to)} there were ${fmtNumber(num(nTo))} as first published (${fileLabel(nTo.src)})${seriesTo && seriesTo.value !== nTo.value ? ` and ${fmtNumber(num(seriesTo))} in the same time series` : ""}: the number rose by ${fmtPercent(pctNumbers, 1)}${seriesTo && seriesTo.value !== nTo.value ? ` (${fmtPercent(percentChange(num(nFrom), num(seriesTo)), 1)} within the time series)` : ""}.`,
    `The rate at ${at31March(to)} was ${fmtRate(num(rTo))} (${fileLabel(rTo.src)}).`,
    `The time series has numbers only, no rates, and the mirror holds no population for ${fromYear}, so neither the ${fromYear} rate nor its change to ${toYear} can be recomputed here.`,
  ];
  const values: Record<string, number | null> = { pctChange: null, [`rate${fromYear}`]: null, [`rate${toYear}`]: num(rTo), numberPctChange: pctNumbers };
  // context: the earliest year for which the mirror has a 0-17 population (ONS revised back series)
  const evidence: Evidence[] = [];
  try {
    const popTable = tables.obs("population0to17");
    const years = popTable.years("population0to17");
    const first = years[0];
    if (first) {
      const pop = popTable.england("population0to17", first);
      const nYear = firstPublished(tables, "claAt31March", fyFromEnd(Number(first) + 1));
      const r = ratePer10k(num(nYear), num(pop));
      sentences.push(`For scale: the earliest 0-17 population in the mirror is for mid-${first} (${fmtNumber(num(pop))}, ONS back series), which with the ${fmtNumber(num(nYear))} children looked after at 31 March ${Number(first) + 1} gives ${fmtRate(r, 1)}; a rate for ${fromYear} cannot be inferred from it.`);
      evidence.push(...evidenceFor([pop, nYear], "context only: the earliest year with a population in the mirror"));
    }
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
  }
  sentences.push(`What would settle it: DfE's published rate for 31 March ${fromYear} (e.g. the "Children looked after in England" national tables of that period), or the ONS mid-${Number(fromYear) - 1} estimate of the population aged 0-17 in England to divide ${fmtNumber(num(nFrom))} by.`);
  return { values, evidence: [...evidenceFor(used), ...evidence], explanation: sentences.join(" "), verdict: "unverifiable" };
};

/** Definitions of "residential care" at 31 March, narrowest first. */
const RESIDENTIAL_DEFINITIONS: { key: string; label: string; measures: string[] }[] = [
  { key: "secureHomes", label: "secure units, children's homes and semi-independent living (DfE's category, column CLA_Secure)", measures: ["claSecureHomesSemiIndependent"] },
  { key: "plusOtherResidential", label: "the same plus other residential settings (CLA_Secure + CLA_Ores)", measures: ["claSecureHomesSemiIndependent", "claOtherResidential"] },
  { key: "allResidential", label: "every residential setting, including residential schools (CLA_Secure + CLA_Ores + CLA_RSch)", measures: ["claResidential"] },
];

/** The value of a definition in a year from one file (a sum of its measures). */
function definitionValue(measures: string[], year: string, pick: (m: string) => Obs | undefined): { value: number; obs: Obs[] } | null {
  const obs = measures.map(pick);
  if (obs.some((o) => !o || o.value === null)) return null;
  return { value: obs.reduce((s, o) => s + num(o!), 0), obs: obs as Obs[] };
}

/**
 * Change in the number of children looked after at 31 March who were placed in residential care,
 * between two years, under each plausible definition. The primary reading is DfE's category closest
 * to "residential care (a category that includes secure units and children's homes)": secure units,
 * children's homes and semi-independent living. Role pctChange (also from, to).
 */
const residentialNumberChange: Check = (c, tables) => {
  const from = param(c, "from");
  const to = param(c, "to");
  const alternatives: Alternative[] = [];
  const sentences: string[] = [];
  const used: Obs[] = [];
  let primary: { pct: number; a: number; b: number; tol: number } | undefined;
  for (const d of RESIDENTIAL_DEFINITIONS) {
    const a = definitionValue(d.measures, from, (m) => firstPublished(tables, m, from));
    const b = definitionValue(d.measures, to, (m) => firstPublished(tables, m, to));
    if (!a || !b) {
      sentences.push(`${d.label}: not in the files for both years.`);
      continue;
    }
    used.push(...a.obs, ...b.obs);
    const pct = percentChange(a.value, b.value);
    // national counts in these files are rounded to the nearest 10: ±5 on each part
    const tol = pctChangeTolerance(a.value, b.value, 5 * a.obs.length, 5 * b.obs.length);
    sentences.push(`${d.label[0].toUpperCase()}${d.label.slice(1)}: ${fmtNumber(a.value)} at ${at31March(from)} (${fileLabel(a.obs[0].src)}) → ${fmtNumber(b.value)} at ${at31March(to)} (${fileLabel(b.obs[0].src)}), ${fmtPercent(pct, 1, true)}.`);
    if (!primary) primary = { pct, a: a.value, b: b.value, tol };
    else alternatives.push({ label: d.label, kind: "definition", values: { pctChange: pct, from: a.value, to: b.value } });
    // the end year as revised in later releases
    for (const rel of new Set(england(tables, d.measures[0], to).map((o) => o.src))) {
      const r = definitionValue(d.measures, to, (m) => england(tables, m, to).find((o) => o.src === rel));
      if (!r || r.obs[0].src === b.obs[0].src || r.value === b.value) continue;
      used.push(...r.obs);
      const p2 = percentChange(a.value, r.value);
      alternatives.push({ label: `${d.label}, ${at31March(to)} as revised in ${fileLabel(rel)} (${fmtNumber(r.value)})`, kind: "revision", values: { pctChange: p2, from: a.value, to: r.value } });
      sentences.push(`A later release (${fileLabel(rel)}) revises ${at31March(to)} to ${fmtNumber(r.value)}: ${fmtPercent(p2, 1, true)}.`);
    }
  }
  if (!primary) throw new DataError(`no residential placement counts at 31 March for both ${from} and ${to} in the looked-after files`);
  // the 2015-16 break in the residential-school count
  const rs = ["2014-15", "2015-16"].map((y) => england(tables, "claResidentialSchools", y).find((o) => o.value !== null));
  const sh = ["2014-15", "2015-16"].map((y) => england(tables, "claSecureHomesSemiIndependent", y).find((o) => o.value !== null));
  if (rs[0] && rs[1] && sh[0] && sh[1] && from < "2015-16" && to >= "2015-16") {
    used.push(...(rs as Obs[]), ...(sh as Obs[]));
    sentences.push(`Only the widest definition is consistent over the period: between 31 March 2015 and 2016 residential schools fall from ${fmtNumber(num(rs[0]))} to ${fmtNumber(num(rs[1]))} while secure units, children's homes and semi-independent living rise from ${fmtNumber(num(sh[0]))} to ${fmtNumber(num(sh[1]))}, which points to children moving from one category to the other.`);
  }
  // the share of all children looked after, at both ends
  const totA = firstPublished(tables, "claAt31March", from);
  const totB = firstPublished(tables, "claAt31March", to);
  const shareA = sharePercent(primary.a, num(totA));
  const shareB = sharePercent(primary.b, num(totB));
  used.push(totA, totB);
  sentences.push(`As a share of all children looked after, secure units, children's homes and semi-independent living held ${fmtPercent(shareA, 1)} at ${at31March(from)} (${fmtNumber(primary.a)} of ${fmtNumber(num(totA))}) and ${fmtPercent(shareB, 1)} at ${at31March(to)}.`);
  alternatives.push({ label: `not a change: the share of children looked after at ${at31March(from)} who were in secure units, children's homes and semi-independent living (${fmtNumber(primary.a)} of ${fmtNumber(num(totA))})`, kind: "definition", values: { pctChange: shareA } });
  const pcts = [primary.pct, ...alternatives.filter((a) => a.kind === "definition" && a.values.from !== undefined).map((a) => a.values.pctChange as number)];
  sentences.push(`The definitions at 31 March give rises of ${fmtPercent(Math.min(...pcts), 1)} to ${fmtPercent(Math.max(...pcts), 1)}. These files count children on one day (31 March); a count of children placed in residential care at any time during the year, which these files do not give, is larger and may have grown at a different rate.`);
  return {
    values: { pctChange: primary.pct, from: primary.a, to: primary.b },
    evidence: evidenceFor(used),
    explanation: sentences.join(" "),
    alternatives,
    dataTolerance: { pctChange: primary.tol },
  };
};

export const lookedAfterChecks: Record<string, Check> = {
  claRate,
  claRateLongRun,
  residentialNumberChange,
};
