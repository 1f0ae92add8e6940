import type { Alternative, Evidence } from "../types";
import type { Check, ClaimContext } from "./types";
import { param, optParam } from "./types";
import { DataError, source } from "../../data/sources";
import { Obs, evidenceFor, num } from "../../data/obs";
import { isTiny, TINY_LAS } from "../../data/la";
import { authoritiesExisting, laByOnsCode, ofstedAuthoritiesIn, type Tables } from "../tables";
import type { La } from "../../data/la";
import { CIN_EES, CIN_SFR } from "../../data/tidy/cin";
import {
  GRADES, GRADE_SCORE, Grade, GradeBasis, Judgement, OfstedAuthority, basisText, gradeCounts, judgementFor,
  ofstedEvidence, parseBasis, INSPECTION_LABELS,
} from "../../data/tidy/ofsted";
import { kruskalWallis, kruskalWallisPermutation, labelledRange, mean, median, spearmanPermutationTest } from "../../stats/association";
import { sharePercent } from "../../stats/change";
import { fmtNumber, fmtPercent } from "../../format";

/**
 * NAO Part Two — variation between local authorities and quality (summary 13–14, paras 1.12, 2.9–2.17),
 * PAC conclusions 1, 2 and 5, and Community Care's account of them.
 *
 * - Rates per 10,000 children by authority (children-in-need episodes, looked-after children, section 47
 *   enquiries, child protection plans, referrals): range with the authority at each end, and median.
 *   Every range is computed with and without the two tiny authorities (Isles of Scilly, City of London)
 *   and from each release that carries the year: the EES 2020 release (rates as first published) and
 *   the 2024 release (rates re-based on post-2021-Census populations) for children in need; the 2018
 *   and 2019 underlying data, the 2022 EES release and PHE Fingertips for looked-after children.
 * - Spend per child-in-need episode as the NAO's footnote 15 defines it: section 251 "Social work
 *   (including LA functions in relation to child protection)" total (gross) expenditure divided by the
 *   children-in-need episodes in the year; by authority, by type of authority, and for England.
 * - Ofsted: shares of authorities by grade (first SIF inspection, or the latest judgement at a date),
 *   and tests of association between grade and spend per episode (Spearman's ρ with a permutation
 *   p-value, Kruskal–Wallis across grades) or between grade and the change in a rate over time.
 */

// ---------------------------------------------------------------------------------------------
// Rates per 10,000 by authority

/** Readable names of the rates. */
export const RATE_LABELS: Record<string, string> = {
  cinEpisodesRate: "children-in-need episodes in the year",
  cinAt31MarchRate: "children in need at 31 March",
  referralsRate: "referrals",
  s47Rate: "section 47 enquiries",
  cppStartsRate: "child protection plans starting in the year",
  cppAt31MarchRate: "child protection plans at 31 March",
  claRate: "children looked after at 31 March",
};

/** Which file gives a rate in each release, and how the release is described. */
export const RATE_RELEASES: Record<string, Record<string, { src: string | ((year: string) => string); label: string }>> = {
  cinEpisodesRate: {
    "2020": { src: CIN_EES["2020"].b1, label: "DfE EES release of October 2020 (rates as first published)" },
    "2024": { src: CIN_EES["2024"].b1, label: "DfE EES release of 2024 (rates re-based on revised population estimates)" },
    sfr: { src: (y) => CIN_SFR[y], label: "DfE underlying data of the year's own release (as first published)" },
  },
  cinAt31MarchRate: {
    "2020": { src: CIN_EES["2020"].b1, label: "DfE EES release of October 2020 (rates as first published)" },
    "2024": { src: CIN_EES["2024"].b1, label: "DfE EES release of 2024 (rates re-based on revised population estimates)" },
  },
  referralsRate: {
    "2020": { src: CIN_EES["2020"].c1, label: "DfE EES release of October 2020 (rates as first published)" },
    "2024": { src: CIN_EES["2024"].c1, label: "DfE EES release of 2024 (rates re-based on revised population estimates)" },
    sfr: { src: (y) => CIN_SFR[y], label: "DfE underlying data of the year's own release (as first published)" },
  },
  s47Rate: {
    "2020": { src: CIN_EES["2020"].c4, label: "DfE EES release of October 2020 (rates as first published)" },
    "2024": { src: CIN_EES["2024"].c4, label: "DfE EES release of 2024 (rates re-based on revised population estimates)" },
  },
  cppStartsRate: {
    "2020": { src: CIN_EES["2020"].d1, label: "DfE EES release of October 2020 (rates as first published)" },
    "2024": { src: CIN_EES["2024"].d1, label: "DfE EES release of 2024 (rates re-based on revised population estimates)" },
  },
  cppAt31MarchRate: {
    "2020": { src: CIN_EES["2020"].d1, label: "DfE EES release of October 2020 (rates as first published)" },
    "2024": { src: CIN_EES["2024"].d1, label: "DfE EES release of 2024 (rates re-based on revised population estimates)" },
  },
  claRate: {
    "2018": { src: "cla-2018-cla2018", label: "DfE looked-after children underlying data, November 2018 (as first published)" },
    "2019": { src: "cla-2019-cla2019", label: "DfE looked-after children underlying data, December 2019" },
    "2022": { src: "cla-ees2022-data-2018-to-2022-cla-number-and-rate-per-10k-children", label: "DfE EES release of 2022" },
    fingertips: { src: "cla-derived-phe-fingertips-children-in-care", label: "PHE Fingertips copy of DfE's rates" },
  },
};

/** An authority's value of something, with the observations it comes from. */
export interface LaPoint {
  laCode: string;
  /** Name from DfE's LA code list (one spelling whatever the file wrote). */
  name: string;
  value: number;
  obs: Obs[];
}

/** The DfE code of an LA observation (Fingertips rows carry only the ONS code). */
function laCodeOf(tables: Tables, o: Obs): string | undefined {
  return o.laCode ?? laByOnsCode(tables, o.code)?.laCode;
}

/** The file a release gives a rate in, for a year. */
export function rateSource(measure: string, release: string, year: string): string {
  const r = RATE_RELEASES[measure]?.[release];
  if (!r) throw new Error(`no release "${release}" for the rate "${measure}" (known: ${Object.keys(RATE_RELEASES[measure] ?? {}).join(", ") || "none"})`);
  const src = typeof r.src === "function" ? r.src(year) : r.src;
  if (!src) throw new DataError(`the release "${release}" has no ${RATE_LABELS[measure] ?? measure} file for ${year}`);
  return src;
}

/** Every authority's rate in a year from one release: the rates, and the authorities whose cell is suppressed or missing. */
export function laRates(tables: Tables, measure: string, year: string, release: string): { points: LaPoint[]; suppressed: { la: La; obs?: Obs }[]; src: string } {
  const src = rateSource(measure, release, year);
  const rows = src.startsWith("cin-sfr-")
    ? tables.sfrRates().filter({ measure, year, level: "la" })
    : (measure === "claRate" ? tables.cla() : tables.cin()).filter({ measure, year, level: "la", src });
  if (rows.length === 0) throw new DataError(`${source(src).file}: no LA rows for ${RATE_LABELS[measure] ?? measure} in ${year}`, source(src).file);
  const byCode = new Map<string, Obs>();
  for (const o of rows) {
    const c = laCodeOf(tables, o);
    if (c) byCode.set(c, o);
  }
  const points: LaPoint[] = [];
  const suppressed: { la: La; obs?: Obs }[] = [];
  for (const la of authoritiesExisting(tables, year)) {
    const o = byCode.get(la.laCode);
    if (!o || o.value === null) suppressed.push({ la, obs: o });
    else points.push({ laCode: la.laCode, name: la.name, value: o.value, obs: [o] });
  }
  return { points, suppressed, src };
}

/** Points without the Isles of Scilly and the City of London when `tiny` is "exclude". */
export function withTiny<T extends { laCode: string }>(points: T[], tiny: "include" | "exclude"): T[] {
  return tiny === "include" ? points : points.filter((p) => !isTiny(p.laCode));
}

const r1 = (x: number) => fmtNumber(x, 1);
const tinyWords = "the Isles of Scilly and the City of London";

/** The lowest and highest rate under one choice of release and of the tiny authorities. */
export function rateRangeOf(tables: Tables, measure: string, year: string, release: string, tiny: "include" | "exclude") {
  const { points, suppressed, src } = laRates(tables, measure, year, release);
  const kept = withTiny(points, tiny);
  const rg = labelledRange(kept.map((p) => ({ ...p, label: p.name })));
  return { ...rg, points, kept, suppressed, src, median: median(kept.map((p) => p.value)), mean: mean(kept.map((p) => p.value)) };
}

/** "the Isles of Scilly 1,342.5, the City of London 781.5" (or "suppressed"). */
function tinyText(tables: Tables, measure: string, year: string, release: string): string {
  const { points, suppressed } = laRates(tables, measure, year, release);
  return Object.entries(TINY_LAS).map(([code, name]) => {
    const p = points.find((x) => x.laCode === code);
    const s = suppressed.find((x) => x.la.laCode === code);
    return p ? `${name} ${r1(p.value)}` : `${name} ${s?.obs ? `suppressed ("${s.obs.marker}")` : "not in the file"}`;
  }).join(", ");
}

/**
 * The lowest and/or highest LA rate per 10,000 in a year. params: measure, year, release (default the
 * first listed for the measure), tiny ("exclude" | "include": the Isles of Scilly and the City of
 * London), ends (["min"], ["max"] or both; roles "min" and "max"). Alternatives: the other inclusion
 * choice, and every other release under both choices.
 */
const laRateRange: Check = (c, tables) => {
  const measure = param(c, "measure");
  const year = param(c, "year");
  const release = optParam(c, "release", Object.keys(RATE_RELEASES[measure] ?? {})[0]);
  const tiny = optParam(c, "tiny", "exclude") as "include" | "exclude";
  const ends = (Array.isArray(c.params.ends) ? c.params.ends : ["min", "max"]) as ("min" | "max")[];
  const main = rateRangeOf(tables, measure, year, release, tiny);
  const values: Record<string, number | null> = {};
  for (const e of ends) values[e] = main[e].value;
  const lab = RATE_LABELS[measure] ?? measure;
  const relLabel = RATE_RELEASES[measure][release].label;
  const s: string[] = [];
  s.push(`Rates of ${lab} per 10,000 children aged under 18, ${year}, by local authority (${relLabel}; ${source(main.src).file}): ${main.points.length} of ${authoritiesExisting(tables, year).length} authorities have a rate${main.suppressed.length ? ` (not given: ${main.suppressed.map((x) => `${x.la.name} ${x.obs ? `"${x.obs.marker}"` : "(absent from the file)"}`).join(", ")})` : ""}.`);
  const other = tiny === "include" ? "exclude" : "include";
  const alt = rateRangeOf(tables, measure, year, release, other);
  const incl = tiny === "include" ? main : alt;
  const excl = tiny === "include" ? alt : main;
  s.push(`With ${tinyWords} in: ${incl.min.name} ${r1(incl.min.value)} to ${incl.max.name} ${r1(incl.max.value)}. Without them: ${excl.min.name} ${r1(excl.min.value)} to ${excl.max.name} ${r1(excl.max.value)}. (${tinyText(tables, measure, year, release)}.)`);
  for (const e of ends) {
    if (incl[e].laCode !== excl[e].laCode) {
      const t = incl[e];
      const counts = release === "2020" ? tinyCounts(tables, measure, year, t.laCode) : "";
      s.push(`The ${e === "max" ? "highest" : "lowest"} rate therefore depends on the choice: ${r1(incl[e].value)} is ${t.name}'s${counts}, ${r1(excl[e].value)} is ${excl[e].name}'s, the ${e === "max" ? "highest" : "lowest"} once ${tinyWords} are left out; same file, same year.`);
    }
  }
  s.push(`This claim is checked with ${tinyWords} ${tiny === "include" ? "included" : "left out"}.`);
  const alternatives: Alternative[] = [{ label: `${tinyWords} ${other === "include" ? "included" : "left out"} (${release} release)`, kind: "inclusion", values: Object.fromEntries(ends.map((e) => [e, alt[e].value])) }];
  const reading = `${tinyWords} ${tiny === "include" ? "included" : "left out"} (${relLabel})`;
  const evid: Obs[] = [...ends.flatMap((e) => main[e].obs), ...ends.flatMap((e) => alt[e].obs)];
  for (const rel of Object.keys(RATE_RELEASES[measure])) {
    if (rel === release) continue;
    let src: string;
    try {
      src = rateSource(measure, rel, year);
    } catch {
      continue;
    }
    let a: ReturnType<typeof rateRangeOf>, b: ReturnType<typeof rateRangeOf>;
    try {
      a = rateRangeOf(tables, measure, year, rel, tiny);
      b = rateRangeOf(tables, measure, year, rel, other);
    } catch {
      continue;
    }
    alternatives.push({ label: `${RATE_RELEASES[measure][rel].label}, ${tinyWords} ${tiny === "include" ? "included" : "left out"}`, kind: "revision", values: Object.fromEntries(ends.map((e) => [e, a[e].value])) });
    alternatives.push({ label: `${RATE_RELEASES[measure][rel].label}, ${tinyWords} ${other === "include" ? "included" : "left out"}`, kind: "revision", values: Object.fromEntries(ends.map((e) => [e, b[e].value])) });
    const sup = a.suppressed.filter((x) => !isTiny(x.la.laCode)).map((x) => x.la.name);
    s.push(`${RATE_RELEASES[measure][rel].label} (${source(src).file}): ${a.min.name} ${r1(a.min.value)} to ${a.max.name} ${r1(a.max.value)} ${tiny === "include" ? "with" : "without"} ${tinyWords}; ${b.min.name} ${r1(b.min.value)} to ${b.max.name} ${r1(b.max.value)} ${tiny === "include" ? "without" : "with"} them${sup.length ? ` (${sup.join(", ")} not given)` : ""}.`);
    evid.push(...ends.flatMap((e) => [...a[e].obs, ...b[e].obs]));
  }
  if (typeof c.params.compareMeasure === "string") {
    const m2 = c.params.compareMeasure;
    const d = rateRangeOf(tables, m2, year, release, tiny);
    alternatives.push({ label: `${RATE_LABELS[m2] ?? m2} instead`, kind: "definition", values: Object.fromEntries(ends.map((e) => [e, d[e].value])) });
    s.push(`Rates of ${RATE_LABELS[m2] ?? m2} instead (same release and choice): ${d.min.name} ${r1(d.min.value)} to ${d.max.name} ${r1(d.max.value)}.`);
    evid.push(...d.min.obs, ...d.max.obs);
  }
  return { values, evidence: evidenceFor(dedupe(evid)), explanation: s.join(" "), alternatives, reading };
};

/** ", 28 episodes among 209 children aged 0-17" for a tiny authority's children-in-need rate. */
function tinyCounts(tables: Tables, measure: string, year: string, laCode: string): string {
  if (!isTiny(laCode) || measure !== "cinEpisodesRate") return "";
  const t = tables.cin();
  const ep = t.filter({ measure: "cinEpisodes", year, level: "la", laCode, src: CIN_EES["2020"].b1 })[0];
  const pop = t.filter({ measure: "dfePopulation0to17", year, level: "la", laCode, src: CIN_EES["2020"].pop })[0];
  if (!ep || !pop || ep.value === null || pop.value === null) return "";
  return ` (${fmtNumber(ep.value)} episodes among ${fmtNumber(pop.value)} children aged 0-17)`;
}

function dedupe(obs: Obs[]): Obs[] {
  const seen = new Set<string>();
  return obs.filter((o) => {
    const k = `${o.src}|${o.row}|${o.col}|${o.measure}|${o.year}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The median LA rate per 10,000 in a year. params: measure, year, release, tiny. Role "median".
 * Alternatives: the unweighted mean of the LA rates (definition), the other inclusion choice, other releases.
 */
const laRateMedian: Check = (c, tables) => {
  const measure = param(c, "measure");
  const year = param(c, "year");
  const release = optParam(c, "release", Object.keys(RATE_RELEASES[measure] ?? {})[0]);
  const tiny = optParam(c, "tiny", "include") as "include" | "exclude";
  const m = rateRangeOf(tables, measure, year, release, tiny);
  const other = rateRangeOf(tables, measure, year, release, tiny === "include" ? "exclude" : "include");
  const england = (measure === "claRate" ? tables.cla() : tables.cin()).filter({ measure, year, level: "national", src: m.src })[0];
  const lab = RATE_LABELS[measure] ?? measure;
  const s = [
    `Median of the ${m.kept.length} LA rates of ${lab} per 10,000 children, ${year} (${RATE_RELEASES[measure][release].label}; ${tinyWords} ${tiny === "include" ? "included where they have a rate" : "left out"}): ${r1(m.median)}.`,
    `The unweighted mean of the same LA rates is ${r1(m.mean)}; the range ${m.min.name} ${r1(m.min.value)} to ${m.max.name} ${r1(m.max.value)}${england && england.value !== null ? `; England's own rate ${r1(england.value)}` : ""}.`,
    `${tiny === "include" ? "Leaving out" : "Including"} ${tinyWords}: median ${r1(other.median)}, mean ${r1(other.mean)}.`,
  ];
  const alternatives: Alternative[] = [
    { label: `the unweighted mean of the LA rates (${r1(m.mean)}), not the median`, kind: "definition", values: { median: m.mean } },
    { label: `${tinyWords} ${tiny === "include" ? "left out" : "included"}`, kind: "inclusion", values: { median: other.median } },
  ];
  for (const rel of Object.keys(RATE_RELEASES[measure])) {
    if (rel === release) continue;
    try {
      const a = rateRangeOf(tables, measure, year, rel, tiny);
      alternatives.push({ label: RATE_RELEASES[measure][rel].label, kind: "revision", values: { median: a.median } });
      s.push(`${RATE_RELEASES[measure][rel].label}: median ${r1(a.median)} over ${a.kept.length} authorities, mean ${r1(a.mean)}.`);
    } catch {
      /* the release does not carry the year */
    }
  }
  if (Math.abs(m.mean - m.median) >= 1) s.push(`A figure near ${fmtNumber(m.mean, 0)} matches the mean of the LA rates, not their median.`);
  const mid = [...m.kept].sort((a, b) => a.value - b.value);
  const h = Math.floor((mid.length - 1) / 2);
  const used = mid.slice(h, mid.length % 2 ? h + 1 : h + 2);
  return {
    values: { median: m.median },
    evidence: [
      ...evidenceFor(used.flatMap((p) => p.obs), "the middle authorities of the ranking"),
      { ...evidenceFor(m.kept.flatMap((p) => p.obs))[0], rows: [`${m.kept.length} LA rows`], values: undefined, note: "every LA rate of the year, for the median and the mean" },
    ],
    explanation: s.join(" "),
    alternatives,
  };
};

// ---------------------------------------------------------------------------------------------
// Spend per child-in-need episode

/** Types of authority as the NAO's Figure 10 groups them. */
export const LA_TYPE_GROUPS: Record<string, string> = { OLB: "London borough", ILB: "London borough", MD: "Metropolitan district", UA: "Unitary authority", SC: "County" };

/** Plural of a type group, for sentences. */
export function typePlural(t: string): string {
  return t === "County" ? "Counties" : t === "Unitary authority" ? "Unitary authorities" : `${t}s`;
}

export interface SpendPoint extends LaPoint {
  type: string;
  spend: number;
  episodes: number;
}

/** Which episode counts a year's spend is divided by: "ees2020" (revised counts, as in the 2017-18 release onward) or "sfr" (the year's first-published counts). */
function episodesSource(year: string, episodes: string): string {
  if (episodes === "sfr") {
    const id = CIN_SFR[year];
    if (!id) throw new DataError(`no first-published children-in-need file for ${year}`);
    return id;
  }
  return CIN_EES["2020"].b1;
}

/**
 * Spend per child-in-need episode by authority (NAO footnote 15): section 251 "Social work (including
 * LA functions in relation to child protection)" expenditure, gross (TotalExpenditure) or net, divided
 * by children-in-need episodes in the year; and the England figure (sum of LA spend ÷ England episodes).
 */
export function spendPerEpisode(tables: Tables, year: string, opts: { kind?: "gross" | "net"; episodes?: "ees2020" | "sfr" } = {}) {
  const kind = opts.kind ?? "gross";
  const epSrc = episodesSource(year, opts.episodes ?? "ees2020");
  const s = tables.s251();
  const spendRows = s.filter({ measure: `s251:socialWork:${kind}`, year, level: "la" });
  if (spendRows.length === 0) throw new DataError(`no section 251 social work (${kind}) lines by LA for ${year}`);
  const spendSrc = spendRows[0].src;
  const eps = new Map(tables.cin().filter({ measure: "cinEpisodes", year, level: "la", src: epSrc }).map((o) => [o.laCode!, o]));
  const points: SpendPoint[] = [];
  const missing: { la: La; why: string }[] = [];
  const spendBy = new Map(spendRows.map((o) => [o.laCode!, o]));
  for (const la of authoritiesExisting(tables, year)) {
    const sp = spendBy.get(la.laCode);
    const ep = eps.get(la.laCode);
    if (!sp || sp.value === null || !ep || ep.value === null || ep.value === 0) {
      missing.push({ la, why: !sp || sp.value === null ? "no s251 social work line" : "no episode count" });
      continue;
    }
    points.push({ laCode: la.laCode, name: la.name, type: LA_TYPE_GROUPS[la.type], spend: sp.value, episodes: ep.value, value: sp.value / ep.value, obs: [sp, ep] });
  }
  const engSpend = s.filter({ measure: `s251:socialWork:${kind}`, year, level: "national", src: spendSrc })[0];
  const engEp = tables.cin().filter({ measure: "cinEpisodes", year, level: "national", src: epSrc })[0];
  if (!engSpend || !engEp) throw new DataError(`no England social work spend or episode count for ${year}`);
  return { points, missing, kind, spendSrc, epSrc, england: { spend: engSpend, episodes: engEp, value: num(engSpend) / num(engEp) } };
}

const money = (x: number) => `£${fmtNumber(x, 1)}`;

/** Ranges of spend per episode by type of authority, in words. */
function byTypeText(points: SpendPoint[]): string {
  const types = [...new Set(Object.values(LA_TYPE_GROUPS))].filter((t) => points.some((p) => p.type === t));
  return types.map((t) => {
    const g = points.filter((p) => p.type === t);
    const r = labelledRange(g.map((p) => ({ ...p, label: p.name })));
    return `${typePlural(t)} (${g.length}): ${r.min.name} ${money(r.min.value)} to ${r.max.name} ${money(r.max.value)}, median ${money(median(g.map((p) => p.value)))}, highest ÷ lowest ${fmtNumber(r.max.value / r.min.value, 1)}`;
  }).join("; ");
}

/** Per-type ranges of spend per episode (for tables and Figure 10). */
export function spendByType(points: SpendPoint[]) {
  return [...new Set(Object.values(LA_TYPE_GROUPS))].map((t) => {
    const g = points.filter((p) => p.type === t);
    const r = labelledRange(g.map((p) => ({ ...p, label: p.name })));
    return { type: t, n: g.length, min: r.min, max: r.max, median: median(g.map((p) => p.value)), ratio: r.max.value / r.min.value };
  });
}

/**
 * Range and/or England average of spend per child-in-need episode in a year. params: year, kind
 * ("gross" default), episodes ("ees2020" default, or "sfr"), tiny ("include" default), type (a group of
 * LA_TYPE_GROUPS to restrict to), compareYear (a year whose range the explanation sets beside this
 * one). Roles: min, max, average.
 */
const spendPerEpisodeRange: Check = (c, tables) => {
  const year = param(c, "year");
  const kind = optParam(c, "kind", "gross") as "gross" | "net";
  const episodes = optParam(c, "episodes", "ees2020") as "ees2020" | "sfr";
  const tiny = optParam(c, "tiny", "include") as "include" | "exclude";
  const type = typeof c.params.type === "string" ? c.params.type : undefined;
  const d = spendPerEpisode(tables, year, { kind, episodes });
  const pick = (pts: SpendPoint[], t: "include" | "exclude") => withTiny(pts, t).filter((p) => !type || p.type === type);
  const kept = pick(d.points, tiny);
  const rg = labelledRange(kept.map((p) => ({ ...p, label: p.name })));
  const values: Record<string, number | null> = { min: rg.min.value, max: rg.max.value, average: d.england.value };
  const s: string[] = [];
  s.push(`Spend per child-in-need episode, ${year}: section 251 line "Social work (including LA functions in relation to child protection)", ${kind === "gross" ? "total (gross) expenditure" : "net current expenditure"} (${source(d.spendSrc).file}), divided by children-in-need episodes in the year (${source(d.epSrc).file}).`);
  s.push(`England: ${fmtNumber(num(d.england.spend) / 1e6, 1)} million ÷ ${fmtNumber(num(d.england.episodes))} episodes = ${money(d.england.value)} (the average per episode, not the mean of the LA ratios, which is ${money(mean(d.points.map((p) => p.value)))}).`);
  s.push(`${type ? typePlural(type) : "All authorities"}${tiny === "exclude" ? ` without ${tinyWords}` : ""} (${kept.length}): lowest ${rg.min.name} ${money(rg.min.value)} (${fmtNumber(rg.min.spend)} ÷ ${fmtNumber(rg.min.episodes)}), highest ${rg.max.name} ${money(rg.max.value)} (${fmtNumber(rg.max.spend)} ÷ ${fmtNumber(rg.max.episodes)}); both ends are ${rg.min.type === rg.max.type ? typePlural(rg.min.type).toLowerCase() : `of different types (${rg.min.type}, ${rg.max.type})`}.`);
  const other = tiny === "include" ? "exclude" : "include";
  const ro = labelledRange(pick(d.points, other).map((p) => ({ ...p, label: p.name })));
  const tinyVals = d.points.filter((p) => isTiny(p.laCode)).map((p) => `${p.name} ${money(p.value)}`).join(", ");
  s.push(`${other === "include" ? "With" : "Without"} ${tinyWords} (${tinyVals || "no values"}): ${ro.min.name} ${money(ro.min.value)} to ${ro.max.name} ${money(ro.max.value)}${ro.min.laCode === rg.min.laCode && ro.max.laCode === rg.max.laCode ? " — the same ends" : ""}.`);
  if (!type) s.push(`By type: ${byTypeText(withTiny(d.points, tiny))}.`);
  else {
    const others = spendByType(withTiny(d.points, tiny)).filter((t) => t.type !== type);
    const mine = spendByType(withTiny(d.points, tiny)).find((t) => t.type === type);
    s.push(`Other types: ${byTypeText(withTiny(d.points, tiny).filter((p) => p.type !== type))}.`);
    if (mine) s.push(`The spread among ${typePlural(type).toLowerCase()} (highest ÷ lowest ${fmtNumber(mine.ratio, 1)}) is the widest; the other types' run from ${fmtNumber(Math.min(...others.map((t) => t.ratio)), 1)} to ${fmtNumber(Math.max(...others.map((t) => t.ratio)), 1)}, their ranges all lying within £${fmtNumber(Math.min(...others.map((t) => t.min.value)), 0)} to £${fmtNumber(Math.max(...others.map((t) => t.max.value)), 0)}.`);
  }
  const alternatives: Alternative[] = [{ label: `${tinyWords} ${other === "include" ? "included" : "left out"}`, kind: "inclusion", values: { min: ro.min.value, max: ro.max.value, average: d.england.value } }];
  const evid: Obs[] = [...rg.min.obs, ...rg.max.obs, d.england.spend, d.england.episodes];
  // net instead of gross; first-published instead of revised episode counts
  const altKind = kind === "gross" ? "net" : "gross";
  const dn = spendPerEpisode(tables, year, { kind: altKind, episodes });
  const rn = labelledRange(pick(dn.points, tiny).map((p) => ({ ...p, label: p.name })));
  alternatives.push({ label: `${altKind} instead of ${kind} expenditure`, kind: "definition", values: { min: rn.min.value, max: rn.max.value, average: dn.england.value } });
  s.push(`With ${altKind} expenditure: ${rn.min.name} ${money(rn.min.value)} to ${rn.max.name} ${money(rn.max.value)}, England ${money(dn.england.value)}.`);
  const altEp = episodes === "sfr" ? "ees2020" : CIN_SFR[year] ? "sfr" : undefined;
  if (altEp) {
    const de = spendPerEpisode(tables, year, { kind, episodes: altEp });
    const re = labelledRange(pick(de.points, tiny).map((p) => ({ ...p, label: p.name })));
    alternatives.push({ label: `episode counts ${altEp === "sfr" ? "as first published" : "as revised in later releases"}`, kind: "revision", values: { min: re.min.value, max: re.max.value, average: de.england.value } });
    s.push(`With the episode counts ${altEp === "sfr" ? "as first published" : "as revised from the 2017-18 release on"} (${source(de.epSrc).file}): ${re.min.name} ${money(re.min.value)} to ${re.max.name} ${money(re.max.value)}, England ${money(de.england.value)}.`);
  }
  if (typeof c.params.compareYear === "string") {
    const cy = c.params.compareYear;
    const dc = spendPerEpisode(tables, cy, { kind, episodes: "sfr" });
    const rc = labelledRange(withTiny(dc.points, "exclude").map((p) => ({ ...p, label: p.name })));
    s.push(`For comparison, ${cy} (the year of the NAO's 2016 report, first-published episode counts, without ${tinyWords}): ${rc.min.name} ${money(rc.min.value)} to ${rc.max.name} ${money(rc.max.value)}, highest ÷ lowest ${fmtNumber(rc.max.value / rc.min.value, 1)} against ${fmtNumber(rg.max.value / rg.min.value, 1)} in ${year}; the upper end is similar (${money(rc.max.value)} against ${money(rg.max.value)}), the lower end is higher now (${money(rg.min.value)} against ${money(rc.min.value)}).`);
    evid.push(...rc.min.obs, ...rc.max.obs);
  }
  return { values, evidence: evidenceFor(dedupe(evid)), explanation: s.join(" "), alternatives };
};

// ---------------------------------------------------------------------------------------------
// Ofsted grades

const basisOf = (c: ClaimContext, dflt: string): GradeBasis => parseBasis(optParam(c, "basis", dflt));

/** Each authority of a year with its judgement under a basis. */
export function gradedAuthorities(tables: Tables, fy: string, basis: GradeBasis): { a: OfstedAuthority; j: Judgement | undefined }[] {
  return ofstedAuthoritiesIn(tables, fy).map((a) => ({ a, j: judgementFor(a, basis) }));
}

/** Shares of authorities by grade, in percent of the authorities judged. */
export function gradeShares(tables: Tables, fy: string, basis: GradeBasis) {
  const items = gradedAuthorities(tables, fy, basis);
  const counts = gradeCounts(items.map((x) => x.j));
  const judged = counts.total - counts.none;
  const pct = Object.fromEntries(GRADES.map((g) => [g, sharePercent(counts[g], judged)])) as Record<Grade, number>;
  return { items, counts, judged, pct };
}

/**
 * Share of authorities with one of the given grades. params: basis ("firstSif" or "at:yyyy-mm-dd"),
 * grades (e.g. ["Requires improvement", "Inadequate"]), fy (default "2017-18"), compareAt (other dates
 * to report, as "period" alternatives). Role "share". A "rounding" alternative gives the sum of the
 * grades' shares each rounded to a whole percent, as a chart that labels each grade would show them.
 */
const ofstedShare: Check = (c, tables) => {
  const fy = optParam(c, "fy", "2017-18");
  const basis = basisOf(c, "firstSif");
  const grades = (c.params.grades as Grade[]) ?? [];
  if (grades.length === 0 || grades.some((g) => !GRADES.includes(g))) throw new Error(`claim "${c.id}": params.grades must list grades among ${GRADES.join(", ")}`);
  const sh = gradeShares(tables, fy, basis);
  const n = grades.reduce((s, g) => s + sh.counts[g], 0);
  const share = sharePercent(n, sh.judged);
  const roundedSum = grades.reduce((s, g) => s + Math.round(sh.pct[g]), 0);
  const line = (x: typeof sh) => GRADES.map((g) => `${g} ${x.counts[g]} (${fmtPercent(x.pct[g], 1)})`).join(", ");
  const s = [
    `Ofsted overall effectiveness of the ${sh.counts.total} authorities of ${fy}, by ${basisText(basis)}: ${line(sh)}${sh.counts.none ? `; ${sh.counts.none} not yet judged` : ""}.`,
    `${grades.join(" or ")}: ${n} of ${sh.judged} = ${fmtPercent(share, 1)}. Each grade's share rounded to a whole percent and then added gives ${roundedSum}% (${grades.map((g) => `${Math.round(sh.pct[g])}%`).join(" + ")}).`,
  ];
  const alternatives: Alternative[] = [{ label: `the sum of the grades' rounded shares (${grades.map((g) => `${Math.round(sh.pct[g])}%`).join(" + ")})`, kind: "rounding", values: { share: roundedSum } }];
  for (const at of (c.params.compareAt as string[] | undefined) ?? []) {
    const b = parseBasis(at);
    const o = gradeShares(tables, fy, b);
    const k = grades.reduce((s2, g) => s2 + o.counts[g], 0);
    const v = sharePercent(k, o.judged);
    alternatives.push({ label: basisText(b), kind: "period", values: { share: v } });
    s.push(`By ${basisText(b)}: ${line(o)}; ${grades.join(" or ")} ${k} of ${o.judged} = ${fmtPercent(v, 1)}.`);
  }
  return {
    values: { share },
    evidence: [ofstedEvidence(sh.items, `grades by ${basisText(basis)}`)],
    explanation: s.join(" "),
    alternatives,
  };
};

/**
 * The first SIF reports published up to a date: how many, and the share whose "children who need help
 * and protection" judgement was in the given grades. params: by (yyyy-mm-dd), grades (default ["Good"]),
 * field ("helpAndProtection" default, or "overall"), compareBy (other dates). Roles "count", "share".
 */
const ofstedFirstInspections: Check = (c, tables) => {
  const by = param(c, "by");
  const grades = (c.params.grades as Grade[]) ?? ["Good"];
  const field = optParam(c, "field", "helpAndProtection") as "helpAndProtection" | "overall";
  const all = ofstedAuthoritiesIn(tables, "2015-16");
  const at = (date: string) => {
    const items = all.map((a) => ({ a, j: a.judgements.find((j) => j.kind === "firstSif" && j.published <= date) })).filter((x) => x.j);
    const k = items.filter((x) => x.j && x.j[field] !== null && grades.includes(x.j[field] as Grade)).length;
    return { items, count: items.length, k, share: sharePercent(k, items.length) };
  };
  const m = at(by);
  const dates = all.map((a) => a.judgements.find((j) => j.kind === "firstSif")?.published).filter((d): d is string => !!d).sort();
  const next = dates.find((d) => d > by);
  const fieldText = field === "helpAndProtection" ? `"children who need help and protection"` : "overall effectiveness";
  const s = [`First inspections under the single inspection framework published by ${by}: ${m.count} authorities (the first was published on ${dates[0]}; the next after ${by} on ${next ?? "—"}). Judged ${grades.join(" or ")} for ${fieldText}: ${m.k} of ${m.count} = ${fmtPercent(m.share, 1)}.`];
  const alternatives: Alternative[] = [];
  for (const d of (c.params.compareBy as string[] | undefined) ?? []) {
    const o = at(d);
    alternatives.push({ label: `first SIF reports published by ${d}`, kind: "period", values: { count: o.count, share: o.share } });
    s.push(`By ${d}: ${o.count} authorities, ${o.k} judged ${grades.join(" or ")} (${fmtPercent(o.share, 1)}).`);
  }
  return { values: { count: m.count, share: m.share }, evidence: [ofstedEvidence(m.items, `first SIF reports published by ${by}; ${fieldText} judgement read from the "First SIF children who need help and protection" column`)], explanation: s.join(" "), alternatives };
};

/** One value per graded authority, paired with its grade (for tests of association). */
export interface GradedPoint extends LaPoint {
  grade: Grade;
  score: number;
  judgement: Judgement;
}

/** Joins authorities' values to their grades under a basis; authorities without a judgement are left out. */
export function withGrades(tables: Tables, points: LaPoint[], fy: string, basis: GradeBasis): { graded: GradedPoint[]; ungraded: LaPoint[]; judged: { a: OfstedAuthority; j: Judgement | undefined }[] } {
  const judged = gradedAuthorities(tables, fy, basis);
  const byCode = new Map(judged.map((x) => [x.a.laCode, x]));
  const graded: GradedPoint[] = [];
  const ungraded: LaPoint[] = [];
  for (const p of points) {
    const j = byCode.get(p.laCode)?.j;
    if (j) graded.push({ ...p, grade: j.overall, score: GRADE_SCORE[j.overall], judgement: j });
    else ungraded.push(p);
  }
  return { graded, ungraded, judged };
}

/**
 * Spearman's ρ (permutation p), Kruskal–Wallis (chi-squared and permutation p) and medians by grade;
 * computed once per set of (authority, grade, value) in a process, since several claims share it.
 */
export function associationWithGrade(tables: Tables, graded: GradedPoint[]) {
  const key = graded.map((p) => `${p.laCode}:${p.score}:${p.value}`).join("|");
  return tables.memo(key, () => associationUncached(graded), { persist: "association" });
}

function associationUncached(graded: GradedPoint[]) {
  const x = graded.map((p) => p.score);
  const y = graded.map((p) => p.value);
  const sp = spearmanPermutationTest(x, y, { k: 9999, seed: 2019 });
  const groups = GRADES.map((g) => graded.filter((p) => p.grade === g).map((p) => p.value));
  const kw = kruskalWallis(groups);
  const kwp = kruskalWallisPermutation(groups, { k: 4999, seed: 2019 });
  const byGrade = GRADES.map((g, i) => ({ grade: g, n: groups[i].length, median: groups[i].length ? median(groups[i]) : null, min: groups[i].length ? Math.min(...groups[i]) : null, max: groups[i].length ? Math.max(...groups[i]) : null }));
  return { rho: sp.rho, pRho: sp.p, permutations: sp.permutations, kw, pKwPermutation: kwp.p, byGrade, n: graded.length };
}

/** The association in words. */
function associationText(a: ReturnType<typeof associationWithGrade>, fmt: (x: number) => string): string {
  const groups = a.byGrade.filter((g) => g.n > 0).map((g) => `${g.grade} ${g.n} (median ${fmt(g.median!)}, ${fmt(g.min!)} to ${fmt(g.max!)})`).join("; ");
  return `By grade: ${groups}. Spearman's ρ between grade (1 Outstanding … 4 Inadequate) and the value: ${fmtNumber(a.rho, 3)} (two-sided permutation p = ${fmtNumber(a.pRho, 3)}, ${fmtNumber(a.permutations)} permutations, n = ${a.n}). Kruskal–Wallis across grades: H = ${fmtNumber(a.kw.H, 2)}, ${a.kw.df} degrees of freedom, p = ${fmtNumber(a.kw.p, 3)} (permutation p = ${fmtNumber(a.pKwPermutation, 3)}), ε² = ${fmtNumber(a.kw.epsilonSquared, 3)}.`;
}

const NO_CORRELATION = `A claim of "no correlation" is checked as |ρ| under 0.1 (role absRho: a rank correlation weaker than 0.1 is negligible by the usual convention); the p-values say whether the data could tell a correlation from none.`;

/**
 * Association between spend per child-in-need episode and Ofsted grade. params: year, basis
 * ("at:yyyy-mm-dd" default the 31 March ending the year, or "firstSif"), kind, episodes, tiny
 * ("include" default), compareBases (other bases, "definition" alternatives), grade (e.g. "Good": then
 * roles min and max give the range of spend among authorities of that grade). Role "rho" otherwise.
 */
const spendVsOfsted: Check = (c, tables) => {
  const year = param(c, "year");
  const kind = optParam(c, "kind", "gross") as "gross" | "net";
  const episodes = optParam(c, "episodes", "ees2020") as "ees2020" | "sfr";
  const tiny = optParam(c, "tiny", "include") as "include" | "exclude";
  const basis = basisOf(c, `at:${Number(year.slice(0, 4)) + 1}-03-31`);
  const d = spendPerEpisode(tables, year, { kind, episodes });
  const pts = withTiny(d.points, tiny);
  const { graded, ungraded, judged } = withGrades(tables, pts, year, basis);
  const a = associationWithGrade(tables, graded);
  const s = [`Spend per child-in-need episode, ${year} (s251 social work ${kind} expenditure ÷ episodes, as in the NAO's footnote 15), against Ofsted grade by ${basisText(basis)}: ${graded.length} authorities${ungraded.length ? ` (${ungraded.length} without a judgement by then left out)` : ""}${tiny === "exclude" ? `, ${tinyWords} left out` : ""}.`, associationText(a, money)];
  const alternatives: Alternative[] = [];
  const grade = typeof c.params.grade === "string" ? (c.params.grade as Grade) : undefined;
  let values: Record<string, number | null>;
  const evid: Evidence[] = [];
  if (grade) {
    const g = graded.filter((p) => p.grade === grade);
    const r = labelledRange(g.map((p) => ({ ...p, label: p.name })));
    values = { min: r.min.value, max: r.max.value };
    s.push(`Among the ${g.length} authorities graded ${grade}: lowest ${r.min.name} ${money(r.min.value)} (${INSPECTION_LABELS[r.min.judgement.kind]} published ${r.min.judgement.published}), highest ${r.max.name} ${money(r.max.value)} (${INSPECTION_LABELS[r.max.judgement.kind]} published ${r.max.judgement.published}).`);
    evid.push(...evidenceFor([...r.min.obs, ...r.max.obs]), ofstedEvidence(judged.filter((x) => x.a.laCode === r.min.laCode || x.a.laCode === r.max.laCode)));
    for (const b of ((c.params.compareBases as string[] | undefined) ?? []).map(parseBasis)) {
      const gg = withGrades(tables, pts, year, b).graded.filter((p) => p.grade === grade);
      const rr = labelledRange(gg.map((p) => ({ ...p, label: p.name })));
      alternatives.push({ label: `grades by ${basisText(b)}`, kind: "definition", values: { min: rr.min.value, max: rr.max.value } });
      s.push(`With grades by ${basisText(b)}: ${gg.length} ${grade}, ${rr.min.name} ${money(rr.min.value)} to ${rr.max.name} ${money(rr.max.value)}.`);
    }
  } else {
    values = { rho: a.rho, absRho: Math.abs(a.rho) };
    evid.push({ ...evidenceFor(graded.flatMap((p) => p.obs))[0], rows: [`${graded.length} LA rows`], values: undefined, note: "section 251 social work expenditure of every authority" });
    evid.push({ ...evidenceFor(graded.flatMap((p) => p.obs))[1], rows: [`${graded.length} LA rows`], values: undefined, note: "children-in-need episodes of every authority" });
    evid.push(ofstedEvidence(judged, `grades by ${basisText(basis)}`));
    for (const b of ((c.params.compareBases as string[] | undefined) ?? []).map(parseBasis)) {
      const o = associationWithGrade(tables, withGrades(tables, pts, year, b).graded);
      alternatives.push({ label: `grades by ${basisText(b)}`, kind: "definition", values: { rho: o.rho, absRho: Math.abs(o.rho) } });
      s.push(`With grades by ${basisText(b)}: ρ = ${fmtNumber(o.rho, 3)} (p = ${fmtNumber(o.pRho, 3)}), Kruskal–Wallis p = ${fmtNumber(o.kw.p, 3)}.`);
    }
    s.push(NO_CORRELATION);
  }
  return { values, evidence: evid, explanation: s.join(" "), alternatives };
};

/** An authority's change in a rate between two years (to − from), from one or two sources. */
export function rateChanges(tables: Tables, measure: string, from: string, to: string, release: string, fromRelease = release): LaPoint[] {
  const a = new Map(laRates(tables, measure, from, fromRelease).points.map((p) => [p.laCode, p]));
  const out: LaPoint[] = [];
  for (const p of laRates(tables, measure, to, release).points) {
    const q = a.get(p.laCode);
    if (q) out.push({ laCode: p.laCode, name: p.name, value: p.value - q.value, obs: [...q.obs, ...p.obs] });
  }
  return out;
}

/** "28 of 62 (45%)": how many of the authorities with these grades saw their rate fall. */
function fellShare(graded: GradedPoint[], grades: Grade[]): string {
  const g = graded.filter((p) => grades.includes(p.grade));
  const k = g.filter((p) => p.value < 0).length;
  return `${k} of ${g.length} (${fmtPercent(sharePercent(k, g.length), 0)})`;
}

/**
 * Whether Ofsted grade goes with the change in an LA rate over time (looked-after children, child
 * protection plans). params: measure, from, to, release, fromRelease, basis (default "at:2018-08-31"),
 * tiny ("exclude" default), compareBases, compareMeasure (another measure, a "definition" alternative).
 * Role "rho": Spearman's ρ between grade and the change (to − from) in the rate.
 */
const ofstedVsRateChange: Check = (c, tables) => {
  const measure = param(c, "measure");
  const from = param(c, "from");
  const to = param(c, "to");
  const release = param(c, "release");
  const fromRelease = optParam(c, "fromRelease", release);
  const tiny = optParam(c, "tiny", "exclude") as "include" | "exclude";
  const basis = basisOf(c, "at:2018-08-31");
  const ch = withTiny(rateChanges(tables, measure, from, to, release, fromRelease), tiny);
  const { graded, ungraded, judged } = withGrades(tables, ch, to, basis);
  const a = associationWithGrade(tables, graded);
  const lab = RATE_LABELS[measure] ?? measure;
  const reduced = GRADES.map((g) => {
    const gg = graded.filter((p) => p.grade === g);
    return gg.length ? `${g} ${gg.filter((p) => p.value < 0).length} of ${gg.length}` : "";
  }).filter(Boolean).join(", ");
  const s = [
    `Change in the rate of ${lab} per 10,000 children from ${from} to ${to} (${RATE_RELEASES[measure][fromRelease].label}${fromRelease !== release ? ` and ${RATE_RELEASES[measure][release].label}` : ""}), ${graded.length} authorities${tiny === "exclude" ? ` (${tinyWords} left out)` : ""}${ungraded.length ? `, ${ungraded.length} without a judgement left out` : ""}, against Ofsted grade by ${basisText(basis)}.`,
    `Authorities whose rate fell: ${graded.filter((p) => p.value < 0).length} of ${graded.length} (${reduced}); ${fellShare(graded, ["Outstanding", "Good"])} of those graded Good or Outstanding against ${fellShare(graded, ["Requires improvement", "Inadequate"])} of the others.`,
    associationText(a, (x) => fmtNumber(x, 1)),
  ];
  const alternatives: Alternative[] = [];
  for (const b of ((c.params.compareBases as string[] | undefined) ?? []).map(parseBasis)) {
    const o = associationWithGrade(tables, withGrades(tables, ch, to, b).graded);
    alternatives.push({ label: `grades by ${basisText(b)}`, kind: "definition", values: { rho: o.rho, absRho: Math.abs(o.rho) } });
    s.push(`With grades by ${basisText(b)}: ρ = ${fmtNumber(o.rho, 3)} (p = ${fmtNumber(o.pRho, 3)}), Kruskal–Wallis p = ${fmtNumber(o.kw.p, 3)}.`);
  }
  if (typeof c.params.compareMeasure === "string") {
    const m2 = c.params.compareMeasure;
    const o = associationWithGrade(tables, withGrades(tables, withTiny(rateChanges(tables, m2, from, to, release, fromRelease), tiny), to, basis).graded);
    alternatives.push({ label: `the change in ${RATE_LABELS[m2] ?? m2}`, kind: "definition", values: { rho: o.rho, absRho: Math.abs(o.rho) } });
    s.push(`With ${RATE_LABELS[m2] ?? m2} instead: ρ = ${fmtNumber(o.rho, 3)} (p = ${fmtNumber(o.pRho, 3)}), Kruskal–Wallis p = ${fmtNumber(o.kw.p, 3)}.`);
  }
  s.push(NO_CORRELATION);
  const ev = evidenceFor(graded.flatMap((p) => p.obs)).map((e) => ({ ...e, rows: [`${graded.length} LA rows`], values: undefined, note: `LA rates, ${from} and ${to}` }));
  return { values: { rho: a.rho, absRho: Math.abs(a.rho) }, evidence: [...ev, ofstedEvidence(judged, `grades by ${basisText(basis)}`)], explanation: s.join(" "), alternatives };
};

/**
 * A claim the open data cannot settle, with what the Ofsted file says around it. params: settle (what
 * would), context ("inadequateAt:yyyy-mm-dd" — authorities whose latest grade then was Inadequate; or
 * "firstSifDates" — the span of first SIF publication dates).
 */
const ofstedContext: Check = (c, tables) => {
  const settle = param(c, "settle");
  const context = param(c, "context");
  const s: string[] = [];
  let evidence: Evidence[] = [];
  const m = /^inadequateAt:(\d{4}-\d{2}-\d{2})$/.exec(context);
  if (m) {
    const items = gradedAuthorities(tables, "2018-19", { kind: "at", date: m[1] });
    const inad = items.filter((x) => x.j?.overall === "Inadequate");
    s.push(`Ofsted's file gives ${inad.length} authorities whose latest judgement published by ${m[1]} was Inadequate (${inad.map((x) => x.a.name).join(", ")}). The Department's interventions follow an Inadequate judgement but are not the same list: they start and end on the Department's decisions (statutory directions, commissioners, trusts), which no file here records.`);
    evidence = [ofstedEvidence(inad, "context only")];
  } else if (context === "firstSifDates") {
    const dates = ofstedAuthoritiesIn(tables, "2017-18").map((a) => a.judgements.find((j) => j.kind === "firstSif")).filter((j): j is Judgement => !!j).map((j) => j.published).sort();
    s.push(`The file gives only publication dates: the first SIF reports of all 152 authorities were published between ${dates[0]} and ${dates[dates.length - 1]}, consistent with inspections from late 2013 to autumn 2017, but the inspection dates themselves are not in it.`);
    evidence = [ofstedEvidence(ofstedAuthoritiesIn(tables, "2017-18").map((a) => ({ a, j: a.judgements.find((j) => j.kind === "firstSif") })), "context only: publication dates")];
  } else throw new Error(`claim "${c.id}": unknown context "${context}"`);
  return { values: {}, evidence, explanation: `${s.join(" ")} What would settle it: ${settle}.`, verdict: "unverifiable" };
};

export const variationChecks: Record<string, Check> = {
  laRateRange,
  laRateMedian,
  spendPerEpisodeRange,
  spendVsOfsted,
  ofstedShare,
  ofstedFirstInspections,
  ofstedVsRateChange,
  ofstedContext,
};
