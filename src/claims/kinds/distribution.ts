import type { Alternative, Evidence } from "../types";
import { DataError, source } from "../../data/sources";
import { Obs, evidenceFor, num } from "../../data/obs";
import { isTiny, normaliseLaName, TINY_LAS } from "../../data/la";
import { CIN_SFR } from "../../data/tidy/cin";
import { labelledRange, mean, median } from "../../stats/association";
import { sharePercent } from "../../stats/change";
import { fmtNumber, fmtPercent } from "../../format";
import { authoritiesExisting } from "../tables";
import { fact, obsFact, type Facts } from "./facts";
import { byFamily, Params, type Kind, type KindResult } from "./types";
import { at31March, dedupe, englandSeries, label, midYearOf } from "./lookup";
import {
  LA_TYPE_GROUPS, RATE_LABELS, RATE_RELEASES, fmtUnit, laDataset, r1, rateOn0to18, rateRangeOf, rateSource, spendByType, spendPerEpisode,
  tinyCounts, tinyText, tinyWords, typePlural, withTiny, type LaValue, type SpendPoint,
} from "./authorities";

/**
 * Kind `distribution`: where values lie across local authorities (or across years) — the lowest and
 * highest with the authority at each end, the n-th highest, one authority's place, the median —
 * under each choice that moves them (the tiny authorities in or out, each release). Families
 * (params.of):
 * - `rates` (default): rates per 10,000 by authority, by release;
 * - `spendPerEpisode`: spending per child-in-need episode by authority (NAO footnote 15);
 * - `dataset`: the Commons Library's tables by authority (rates, workforce, spending per young person);
 * - `years`: an England series across years (its peak).
 */

type Tiny = "include" | "exclude";

// ---------------------------------------------------------------------------------------------
// Rates per 10,000 by authority

/**
 * The lowest and/or highest LA rate per 10,000 in a year, or their median. params: measure, year,
 * release (default the first listed for the measure), tiny ("exclude" | "include": the Isles of Scilly
 * and the City of London), stat "ends" (default; params.ends ["min"], ["max"] or both, roles "min" and
 * "max") or "median" (role "median", tiny "include" by default), compareMeasure (another rate, a
 * "definition" alternative). Alternatives: the other inclusion choice, and every other release.
 */
const rates: Kind = (t, p) => {
  const measure = p.str("measure");
  const year = p.str("year");
  const release = p.opt("release", Object.keys(RATE_RELEASES[measure] ?? {})[0]);
  const stat = p.oneOf("stat", ["ends", "median"] as const, "ends");
  const tiny = p.oneOf("tiny", ["exclude", "include"] as const, stat === "median" ? "include" : "exclude");
  const other: Tiny = tiny === "include" ? "exclude" : "include";
  const main = rateRangeOf(t, measure, year, release, tiny);
  const alt = rateRangeOf(t, measure, year, release, other);
  const lab = RATE_LABELS[measure] ?? measure;
  const relLabel = RATE_RELEASES[measure][release].label;
  const inOut = (x: Tiny) => (x === "include" ? "included" : "left out");
  if (stat === "median") {
    const england = (measure === "claRate" ? t.cla() : t.cin()).filter({ measure, year, level: "national", src: main.src })[0];
    const s = [
      `Median of the ${main.kept.length} LA rates of ${lab} per 10,000 children, ${year} (${relLabel}; ${tinyWords} ${tiny === "include" ? "included where they have a rate" : "left out"}): ${r1(main.median)}.`,
      `The unweighted mean of the same LA rates is ${r1(main.mean)}; the range ${main.min.name} ${r1(main.min.value)} to ${main.max.name} ${r1(main.max.value)}${england && england.value !== null ? `; England's own rate ${r1(england.value)}` : ""}.`,
      `${tiny === "include" ? "Leaving out" : "Including"} ${tinyWords}: median ${r1(alt.median)}, mean ${r1(alt.mean)}.`,
    ];
    const alternatives: Alternative[] = [
      { label: `the unweighted mean of the LA rates (${r1(main.mean)}), not the median`, kind: "definition", values: { median: main.mean } },
      { label: `${tinyWords} ${inOut(other)}`, kind: "inclusion", values: { median: alt.median } },
    ];
    for (const rel of Object.keys(RATE_RELEASES[measure])) {
      if (rel === release) continue;
      try {
        const a = rateRangeOf(t, measure, year, rel, tiny);
        alternatives.push({ label: RATE_RELEASES[measure][rel].label, kind: "revision", values: { median: a.median } });
        s.push(`${RATE_RELEASES[measure][rel].label}: median ${r1(a.median)} over ${a.kept.length} authorities, mean ${r1(a.mean)}.`);
      } catch {
        /* the release does not carry the year */
      }
    }
    if (Math.abs(main.mean - main.median) >= 1) s.push(`A figure near ${fmtNumber(main.mean, 0)} matches the mean of the LA rates, not their median.`);
    const mid = [...main.kept].sort((a, b) => a.value - b.value);
    const h = Math.floor((mid.length - 1) / 2);
    const used = mid.slice(h, mid.length % 2 ? h + 1 : h + 2);
    return {
      values: { median: main.median },
      evidence: [
        ...evidenceFor(used.flatMap((x) => x.obs), "the middle authorities of the ranking"),
        { ...evidenceFor(main.kept.flatMap((x) => x.obs))[0], rows: [`${main.kept.length} LA rows`], values: undefined, note: "every LA rate of the year, for the median and the mean" },
      ],
      explanation: s.join(" "),
      alternatives,
      facts: {
        median: fact(main.median, `median of ${main.kept.length} LA rates of ${lab} per 10,000`, { period: year, source: main.src, unit: "per10k", reading: `${tinyWords} ${inOut(tiny)}` }),
        mean: fact(main.mean, `unweighted mean of the same LA rates`, { period: year, source: main.src, unit: "per10k" }),
        ...(england && england.value !== null ? { england: obsFact(england, `England's rate of ${lab} per 10,000`, "per10k") } : {}),
      },
    };
  }
  const ends = (p.optList("ends") ?? ["min", "max"]) as ("min" | "max")[];
  const values: Record<string, number | null> = {};
  for (const e of ends) values[e] = main[e].value;
  const s: string[] = [];
  s.push(`Rates of ${lab} per 10,000 children aged under 18, ${year}, by local authority (${relLabel}; ${source(main.src).file}): ${main.points.length} of ${authoritiesExisting(t, year).length} authorities have a rate${main.suppressed.length ? ` (not given: ${main.suppressed.map((x) => `${x.la.name} ${x.obs ? `"${x.obs.marker}"` : "(absent from the file)"}`).join(", ")})` : ""}.`);
  const incl = tiny === "include" ? main : alt;
  const excl = tiny === "include" ? alt : main;
  s.push(`With ${tinyWords} in: ${incl.min.name} ${r1(incl.min.value)} to ${incl.max.name} ${r1(incl.max.value)}. Without them: ${excl.min.name} ${r1(excl.min.value)} to ${excl.max.name} ${r1(excl.max.value)}. (${tinyText(t, measure, year, release)}.)`);
  for (const e of ends) {
    if (incl[e].laCode !== excl[e].laCode) {
      const x = incl[e];
      const counts = release === "2020" ? tinyCounts(t, measure, year, x.laCode) : "";
      s.push(`The ${e === "max" ? "highest" : "lowest"} rate therefore depends on the choice: ${r1(incl[e].value)} is ${x.name}'s${counts}, ${r1(excl[e].value)} is ${excl[e].name}'s, the ${e === "max" ? "highest" : "lowest"} once ${tinyWords} are left out; same file, same year.`);
    }
  }
  s.push(`This claim is checked with ${tinyWords} ${inOut(tiny)}.`);
  const alternatives: Alternative[] = [{ label: `${tinyWords} ${inOut(other)} (${release} release)`, kind: "inclusion", values: Object.fromEntries(ends.map((e) => [e, alt[e].value])) }];
  const reading = `${tinyWords} ${inOut(tiny)} (${relLabel})`;
  const evid: Obs[] = [...ends.flatMap((e) => main[e].obs), ...ends.flatMap((e) => alt[e].obs)];
  const facts: Facts = {};
  for (const e of ends) {
    facts[e] = fact(main[e].value, `${e === "max" ? "highest" : "lowest"} LA rate of ${lab} per 10,000`, { period: year, area: main[e].name, source: main.src, unit: "per10k", reading: `${tinyWords} ${inOut(tiny)}` });
    facts[`${e}Other`] = fact(alt[e].value, `${e === "max" ? "highest" : "lowest"} LA rate of ${lab} per 10,000`, { period: year, area: alt[e].name, source: main.src, unit: "per10k", reading: `${tinyWords} ${inOut(other)}` });
  }
  for (const rel of Object.keys(RATE_RELEASES[measure])) {
    if (rel === release) continue;
    let src: string;
    let a: ReturnType<typeof rateRangeOf>, b: ReturnType<typeof rateRangeOf>;
    try {
      src = rateSource(measure, rel, year);
      a = rateRangeOf(t, measure, year, rel, tiny);
      b = rateRangeOf(t, measure, year, rel, other);
    } catch {
      continue;
    }
    alternatives.push({ label: `${RATE_RELEASES[measure][rel].label}, ${tinyWords} ${inOut(tiny)}`, kind: "revision", values: Object.fromEntries(ends.map((e) => [e, a[e].value])) });
    alternatives.push({ label: `${RATE_RELEASES[measure][rel].label}, ${tinyWords} ${inOut(other)}`, kind: "revision", values: Object.fromEntries(ends.map((e) => [e, b[e].value])) });
    const sup = a.suppressed.filter((x) => !isTiny(x.la.laCode)).map((x) => x.la.name);
    s.push(`${RATE_RELEASES[measure][rel].label} (${source(src).file}): ${a.min.name} ${r1(a.min.value)} to ${a.max.name} ${r1(a.max.value)} ${tiny === "include" ? "with" : "without"} ${tinyWords}; ${b.min.name} ${r1(b.min.value)} to ${b.max.name} ${r1(b.max.value)} ${tiny === "include" ? "without" : "with"} them${sup.length ? ` (${sup.join(", ")} not given)` : ""}.`);
    evid.push(...ends.flatMap((e) => [...a[e].obs, ...b[e].obs]));
  }
  const m2 = p.opt("compareMeasure");
  if (m2) {
    const d = rateRangeOf(t, m2, year, release, tiny);
    alternatives.push({ label: `${RATE_LABELS[m2] ?? m2} instead`, kind: "definition", values: Object.fromEntries(ends.map((e) => [e, d[e].value])) });
    s.push(`Rates of ${RATE_LABELS[m2] ?? m2} instead (same release and choice): ${d.min.name} ${r1(d.min.value)} to ${d.max.name} ${r1(d.max.value)}.`);
    evid.push(...d.min.obs, ...d.max.obs);
  }
  return { values, evidence: evidenceFor(dedupe(evid)), explanation: s.join(" "), alternatives, reading, facts };
};

// ---------------------------------------------------------------------------------------------
// Spend per child-in-need episode

const money = (x: number) => `£${fmtNumber(x, 1)}`;

/** Ranges of spend per episode by type of authority, in words. */
function byTypeText(points: SpendPoint[]): string {
  const types = [...new Set(Object.values(LA_TYPE_GROUPS))].filter((ty) => points.some((x) => x.type === ty));
  return types.map((ty) => {
    const g = points.filter((x) => x.type === ty);
    const r = labelledRange(g.map((x) => ({ ...x, label: x.name })));
    return `${typePlural(ty)} (${g.length}): ${r.min.name} ${money(r.min.value)} to ${r.max.name} ${money(r.max.value)}, median ${money(median(g.map((x) => x.value)))}, highest ÷ lowest ${fmtNumber(r.max.value / r.min.value, 1)}`;
  }).join("; ");
}

/**
 * Range and/or England average of spend per child-in-need episode in a year. params: year, kind
 * ("gross" default), episodes ("ees2020" default, or "sfr"), tiny ("include" default), type (a group of
 * LA_TYPE_GROUPS to restrict to), compareYear (a year whose range the explanation sets beside this
 * one). Roles: min, max, average.
 */
const spendPerEpisodeRange: Kind = (t, p) => {
  const year = p.str("year");
  const kind = p.oneOf("kind", ["gross", "net"] as const, "gross");
  const episodes = p.oneOf("episodes", ["ees2020", "sfr"] as const, "ees2020");
  const tiny = p.oneOf("tiny", ["include", "exclude"] as const, "include");
  const type = p.opt("type");
  const d = spendPerEpisode(t, year, { kind, episodes });
  const pick = (pts: SpendPoint[], x: Tiny) => withTiny(pts, x).filter((q) => !type || q.type === type);
  const kept = pick(d.points, tiny);
  const rg = labelledRange(kept.map((q) => ({ ...q, label: q.name })));
  const values: Record<string, number | null> = { min: rg.min.value, max: rg.max.value, average: d.england.value };
  const s: string[] = [];
  s.push(`Spend per child-in-need episode, ${year}: section 251 line "Social work (including LA functions in relation to child protection)", ${kind === "gross" ? "total (gross) expenditure" : "net current expenditure"} (${source(d.spendSrc).file}), divided by children-in-need episodes in the year (${source(d.epSrc).file}).`);
  s.push(`England: ${fmtNumber(num(d.england.spend) / 1e6, 1)} million ÷ ${fmtNumber(num(d.england.episodes))} episodes = ${money(d.england.value)} (the average per episode, not the mean of the LA ratios, which is ${money(mean(d.points.map((q) => q.value)))}).`);
  s.push(`${type ? typePlural(type) : "All authorities"}${tiny === "exclude" ? ` without ${tinyWords}` : ""} (${kept.length}): lowest ${rg.min.name} ${money(rg.min.value)} (${fmtNumber(rg.min.spend)} ÷ ${fmtNumber(rg.min.episodes)}), highest ${rg.max.name} ${money(rg.max.value)} (${fmtNumber(rg.max.spend)} ÷ ${fmtNumber(rg.max.episodes)}); both ends are ${rg.min.type === rg.max.type ? typePlural(rg.min.type).toLowerCase() : `of different types (${rg.min.type}, ${rg.max.type})`}.`);
  const other: Tiny = tiny === "include" ? "exclude" : "include";
  const ro = labelledRange(pick(d.points, other).map((q) => ({ ...q, label: q.name })));
  const tinyVals = d.points.filter((q) => isTiny(q.laCode)).map((q) => `${q.name} ${money(q.value)}`).join(", ");
  s.push(`${other === "include" ? "With" : "Without"} ${tinyWords} (${tinyVals || "no values"}): ${ro.min.name} ${money(ro.min.value)} to ${ro.max.name} ${money(ro.max.value)}${ro.min.laCode === rg.min.laCode && ro.max.laCode === rg.max.laCode ? " — the same ends" : ""}.`);
  if (!type) s.push(`By type: ${byTypeText(withTiny(d.points, tiny))}.`);
  else {
    const types = spendByType(withTiny(d.points, tiny));
    const others = types.filter((x) => x.type !== type);
    const mine = types.find((x) => x.type === type);
    s.push(`Other types: ${byTypeText(withTiny(d.points, tiny).filter((q) => q.type !== type))}.`);
    if (mine) s.push(`The spread among ${typePlural(type).toLowerCase()} (highest ÷ lowest ${fmtNumber(mine.ratio, 1)}) is the widest; the other types' run from ${fmtNumber(Math.min(...others.map((x) => x.ratio)), 1)} to ${fmtNumber(Math.max(...others.map((x) => x.ratio)), 1)}, their ranges all lying within £${fmtNumber(Math.min(...others.map((x) => x.min.value)), 0)} to £${fmtNumber(Math.max(...others.map((x) => x.max.value)), 0)}.`);
  }
  const alternatives: Alternative[] = [{ label: `${tinyWords} ${other === "include" ? "included" : "left out"}`, kind: "inclusion", values: { min: ro.min.value, max: ro.max.value, average: d.england.value } }];
  const evid: Obs[] = [...rg.min.obs, ...rg.max.obs, d.england.spend, d.england.episodes];
  // net instead of gross; first-published instead of revised episode counts
  const altKind = kind === "gross" ? "net" : "gross";
  const dn = spendPerEpisode(t, year, { kind: altKind, episodes });
  const rn = labelledRange(pick(dn.points, tiny).map((q) => ({ ...q, label: q.name })));
  alternatives.push({ label: `${altKind} instead of ${kind} expenditure`, kind: "definition", values: { min: rn.min.value, max: rn.max.value, average: dn.england.value } });
  s.push(`With ${altKind} expenditure: ${rn.min.name} ${money(rn.min.value)} to ${rn.max.name} ${money(rn.max.value)}, England ${money(dn.england.value)}.`);
  const altEp = episodes === "sfr" ? "ees2020" : CIN_SFR[year] ? "sfr" : undefined;
  if (altEp) {
    const de = spendPerEpisode(t, year, { kind, episodes: altEp });
    const re = labelledRange(pick(de.points, tiny).map((q) => ({ ...q, label: q.name })));
    alternatives.push({ label: `episode counts ${altEp === "sfr" ? "as first published" : "as revised in later releases"}`, kind: "revision", values: { min: re.min.value, max: re.max.value, average: de.england.value } });
    s.push(`With the episode counts ${altEp === "sfr" ? "as first published" : "as revised from the 2017-18 release on"} (${source(de.epSrc).file}): ${re.min.name} ${money(re.min.value)} to ${re.max.name} ${money(re.max.value)}, England ${money(de.england.value)}.`);
  }
  const cy = p.opt("compareYear");
  if (cy) {
    const dc = spendPerEpisode(t, cy, { kind, episodes: "sfr" });
    const rc = labelledRange(withTiny(dc.points, "exclude").map((q) => ({ ...q, label: q.name })));
    s.push(`For comparison, ${cy} (first-published episode counts, without ${tinyWords}): ${rc.min.name} ${money(rc.min.value)} to ${rc.max.name} ${money(rc.max.value)}, highest ÷ lowest ${fmtNumber(rc.max.value / rc.min.value, 1)} against ${fmtNumber(rg.max.value / rg.min.value, 1)} in ${year}; the upper end is ${money(rc.max.value)} against ${money(rg.max.value)}, the lower end ${money(rc.min.value)} against ${money(rg.min.value)}.`);
    evid.push(...rc.min.obs, ...rc.max.obs);
  }
  const what = `spend per child-in-need episode (${kind})`;
  return {
    values,
    evidence: evidenceFor(dedupe(evid)),
    explanation: s.join(" "),
    alternatives,
    facts: {
      min: fact(rg.min.value, `lowest ${what}`, { period: year, area: rg.min.name, unit: "gbp" }),
      max: fact(rg.max.value, `highest ${what}`, { period: year, area: rg.max.name, unit: "gbp" }),
      average: fact(d.england.value, `England ${what}: total spend over total episodes`, { period: year, area: "England", source: d.spendSrc, unit: "gbp" }),
    },
  };
};

// ---------------------------------------------------------------------------------------------
// The Commons Library's tables by authority

/** LAs sorted by value, highest first (ties by name). */
function ranked(rows: LaValue[], order: "high" | "low"): LaValue[] {
  const ok = rows.filter((r) => r.value !== null);
  return ok.sort((a, b) => (order === "high" ? b.value! - a.value! : a.value! - b.value!) || a.area.localeCompare(b.area));
}

const sameLa = (a: string, b: string) => normaliseLaName(a) === normaliseLaName(b);
const ordinal = (n: number) => (n === 2 ? "2nd" : n === 3 ? "3rd" : `${n}th`);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The distribution of a value across LAs (params.dataset, year, src?, exclude?: LA names left out,
 * excludeReason?), answering each role of params.roles with a spec:
 * - "max" / "min": the highest / lowest value;
 * - "rank:high:N" / "rank:low:N": the N-th highest / lowest value;
 * - "la:<name>": that LA's value;
 * - "countAbove:X", "countBelow:X", "countEq:X": how many LAs;
 * - "shareBetween:A:B": per cent of LAs with A ≤ value ≤ B.
 * params.expect: { role: LA name } gives the LA the document names for a max/min/rank role; the
 * explanation says whether the data agree (the value returned is always the data's).
 * For per-10,000 rates, params.denominator0to18: true adds each named LA's rate on a 0-18 population.
 */
const dataset: Kind = async (t, p, c) => {
  const name = p.str("dataset");
  const year = p.str("year");
  const src = p.opt("src");
  const d = laDataset(t, name, year, src);
  const exclude = p.list("exclude");
  const excluded = d.rows.filter((r) => exclude.some((n) => sameLa(n, r.area)));
  const rows = d.rows.filter((r) => !excluded.includes(r));
  const missing = rows.filter((r) => r.value === null);
  const valued = rows.filter((r) => r.value !== null);
  const high = ranked(rows, "high");
  const low = ranked(rows, "low");
  const spec = p.obj("roles") ?? {};
  const expect = p.obj("expect") ?? {};
  const values: Record<string, number | null> = {};
  const facts: Facts = {};
  const relevant = new Set<LaValue>();
  const extra: Obs[] = [];
  const sentences: string[] = [];
  const alternatives: Alternative[] = [];
  const tied = (v: number) => valued.filter((r) => r.value === v);
  for (const [role, sp] of Object.entries(spec)) {
    const parts = sp.split(":");
    let hit: LaValue | undefined;
    let rank = 0;
    switch (parts[0]) {
      case "max": hit = high[0]; rank = 1; break;
      case "min": hit = low[0]; rank = 1; break;
      case "rank": rank = Number(parts[2]); hit = (parts[1] === "high" ? high : low)[rank - 1]; break;
      case "la": {
        hit = rows.find((r) => sameLa(r.area, parts.slice(1).join(":")));
        if (!hit) throw new DataError(`${d.files[0]}: no LA "${parts.slice(1).join(":")}" for ${d.what}`);
        break;
      }
      case "countAbove": case "countBelow": case "countEq": {
        const x = Number(parts[1]);
        const sel = valued.filter((r) => (parts[0] === "countAbove" ? r.value! > x : parts[0] === "countBelow" ? r.value! < x : r.value === x));
        values[role] = sel.length;
        sel.forEach((r) => relevant.add(r));
        const op = parts[0] === "countAbove" ? "above" : parts[0] === "countBelow" ? "below" : "equal to";
        facts[role] = fact(sel.length, `LAs with a value ${op} ${fmtUnit(x, d.unit)}, of ${valued.length}`, { period: year, unit: "count" });
        sentences.push(`${sel.length} of ${valued.length} LAs have a value ${op} ${fmtUnit(x, d.unit)}${sel.length && sel.length <= 12 ? `: ${sel.map((r) => `${r.area} ${fmtUnit(r.value, d.unit)}`).join(", ")}` : ""}.`);
        continue;
      }
      case "shareBetween": {
        const a = Number(parts[1]);
        const b = Number(parts[2]);
        const n = valued.filter((r) => r.value! >= a && r.value! <= b).length;
        values[role] = sharePercent(n, valued.length);
        facts[role] = fact(values[role], `share of LAs with a value between ${fmtUnit(a, d.unit)} and ${fmtUnit(b, d.unit)}`, { period: year, unit: "percent" });
        sentences.push(`${n} of ${valued.length} LAs (${fmtPercent(values[role], 1)}) have a value between ${fmtUnit(a, d.unit)} and ${fmtUnit(b, d.unit)}.`);
        continue;
      }
      default:
        throw p.error(`unknown distribution spec "${sp}"`);
    }
    if (!hit) { values[role] = null; continue; }
    values[role] = hit.value;
    relevant.add(hit);
    const others = tied(hit.value!).filter((r) => r !== hit);
    others.forEach((r) => relevant.add(r));
    const lowEnd = parts[0] === "min" || parts[1] === "low";
    const where = parts[0] === "la" ? `${hit.area}: ${fmtUnit(hit.value, d.unit)} (rank ${high.indexOf(hit) + 1} of ${valued.length} from the top)` :
      `${rank === 1 ? (lowEnd ? "lowest" : "highest") : `${ordinal(rank)} ${lowEnd ? "lowest" : "highest"}`}: ${hit.area} ${fmtUnit(hit.value, d.unit)}${others.length ? ` (tied with ${others.map((r) => r.area).join(", ")})` : ""}`;
    facts[role] = fact(hit.value, parts[0] === "la" ? d.what : `${rank === 1 ? "" : `${ordinal(rank)} `}${lowEnd ? "lowest" : "highest"} ${d.what}`, { period: year, area: hit.area, source: hit.obs[0].src, unit: d.unit });
    const named = expect[role];
    let agree = "";
    if (named) {
      const ok = [hit, ...others].some((r) => sameLa(r.area, named));
      const at = valued.find((r) => sameLa(r.area, named));
      agree = ok ? "" : `; the document names ${named}${at ? `, whose value is ${fmtUnit(at.value, d.unit)} (rank ${(lowEnd ? low : high).indexOf(at) + 1})` : ", which is not in the data"}`;
      if (at) relevant.add(at);
    }
    sentences.push(`${cap(where)}${agree}.`);
    if (p.flag("denominator0to18") && d.unit === "per10k") {
      const alt = rateOn0to18(t, name, year, src, hit);
      if (alt) {
        alternatives.push({ label: `${hit.area} on ONS's 0-18 population`, kind: "denominator", values: { [role]: alt.rate } });
        sentences.push(`On ONS's mid-${midYearOf(year)} population aged 0-18 ${hit.area}'s rate would be ${fmtNumber(alt.rate, 1)} per 10,000 (DfE's rates are per under-18s).`);
        extra.push(...alt.obs);
      }
    }
  }
  const tinyIn = Object.values(TINY_LAS).filter((n) => valued.some((r) => sameLa(r.area, n)));
  const scope = [
    `${valued.length} LAs with a value in ${d.files.join(" and ")} (${d.what})`,
    excluded.length ? `${excluded.map((r) => `${r.area}${r.value !== null ? ` ${fmtUnit(r.value, d.unit)}` : ""}`).join(", ")} left out${p.opt("excludeReason") ? ` (${p.opt("excludeReason")})` : ""}` : "",
    missing.filter((r) => r.marker !== "z").length ? `no value for ${missing.filter((r) => r.marker !== "z").map((r) => `${r.area}${r.marker ? ` [${r.marker}]` : ""}`).join(", ")}` : "",
    missing.filter((r) => r.marker === "z").length ? `rows marked not applicable [z] for authorities that did not exist then: ${missing.filter((r) => r.marker === "z").map((r) => r.area).join(", ")}` : "",
    !excluded.length && tinyIn.length ? `${tinyIn.join(" and ")} (tiny child populations) included` : "",
  ].filter(Boolean);
  const evidence: Evidence[] = evidenceFor([...[...relevant].flatMap((r) => r.obs), ...extra]);
  const first = d.rows[0].obs[0];
  const allRows = d.rows.map((r) => r.obs[0].row);
  evidence.push({
    source: first.src,
    file: source(first.src).file,
    ...(first.sheet ? { sheet: first.sheet } : {}),
    rows: [`${d.rows.length} LA rows (rows ${Math.min(...allRows)}–${Math.max(...allRows)}), ranked`],
    columns: [first.col],
    note: `distribution across LAs, year ${year}`,
  });
  // another reading: the same distribution with the authorities of params.alsoWithout left out
  const without = p.list("alsoWithout");
  if (without.length) {
    const alt = (await dataset(t, new Params(p.claimId, { ...p.raw, exclude: without, alsoWithout: [] }), c)) as KindResult;
    alternatives.push({ label: `${without.join(", ")} left out`, kind: "inclusion", values: alt.values });
    sentences.push(`With ${without.join(", ")} left out: ${Object.entries(alt.values).map(([r, v]) => `${r} ${fmtUnit(v as number | null, d.unit)}`).join(", ")}.`);
  }
  return { values, evidence, explanation: `${scope.join("; ")}. ${sentences.join(" ")}`, alternatives, facts };
};

// ---------------------------------------------------------------------------------------------
// An England series across years

/**
 * The highest England value of a measure over a span of years and the year of 31 March it fell in.
 * Roles: `peak` (the value), `peakYear` (e.g. 2018 for 31 March 2018).
 */
const years: Kind = (t, p) => {
  const measure = p.str("measure");
  const from = p.str("from");
  const to = p.str("to");
  const series = englandSeries(t, measure, from, to).filter((x) => x.obs && x.obs.value !== null);
  if (series.length === 0) throw new DataError(`no England figures for ${label(measure)} between ${from} and ${to}`);
  const top = series.reduce((a, b) => (num(b.obs!) > num(a.obs!) ? b : a));
  const end = Number(top.year.slice(0, 4)) + 1;
  return {
    values: { peak: num(top.obs!), peakYear: end },
    evidence: evidenceFor(series.map((x) => x.obs!)),
    explanation: `England ${label(measure)}, ${series[0].year} to ${series[series.length - 1].year}: ${series.map((x) => `${x.year} ${fmtNumber(num(x.obs!))}`).join(", ")}. The highest is ${fmtNumber(num(top.obs!))} at ${at31March(top.year)} (${top.obs!.src}).`,
    facts: { peak: obsFact(top.obs!, `highest England ${label(measure)} of ${series.length} years`), peakYear: fact(end, "year of 31 March of the peak", { unit: "year" }) },
  };
};

/** Kind `distribution`. */
export const distributionKind: Kind = byFamily("distribution", { rates, spendPerEpisode: spendPerEpisodeRange, dataset, years });
