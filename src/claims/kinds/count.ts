import type { Alternative } from "../types";
import { DataError, source } from "../../data/sources";
import { Obs, evidenceFor, num } from "../../data/obs";
import { normaliseLaName, TINY_LAS } from "../../data/la";
import { GRADES, basisText, ofstedEvidence, parseBasis, type Grade } from "../../data/tidy/ofsted";
import { sharePercent } from "../../stats/change";
import { fmtNumber, fmtPercent } from "../../format";
import { ofstedAuthoritiesIn } from "../tables";
import { fact, type Facts } from "./facts";
import { lineBreaks } from "./line-structure";
import { byFamily, type Kind } from "./types";
import { overspentEveryYear } from "./overspent-areas";
import { englandSeries, fileLabelParen, fm, label, mn, pounds } from "./lookup";
import { gradeShares } from "./authorities";
import { overspendEvidence, overspendSentence, overspendYear, s251AgainstBudget } from "./spending";

/**
 * Kind `count`: how many authorities (or years) meet a condition, and what share of them that is.
 * Families (params.of):
 * - `ofsted` (default): authorities by Ofsted grade, at a date or at their first inspection;
 * - `ofstedFirst`: the first inspections published by a date, and their grades;
 * - `overspend`: authorities whose outturn exceeded their budget;
 * - `laRows`: the authorities a file has rows for;
 * - `falls`: the years in which an England series fell.
 */

// ---------------------------------------------------------------------------------------------
// Authorities by Ofsted grade

/**
 * Share of authorities with one of the given grades. params: basis ("firstSif" or "at:yyyy-mm-dd"),
 * grades (default ["Outstanding", "Good"]), fy (the financial year whose authorities count, default
 * "2017-18"), compareAt (other dates, as "period" alternatives). Role "share", of the authorities
 * judged. Alternatives: the sum of the grades' shares each rounded to a whole percent (as a chart
 * that labels each grade shows them), and, when some authority had no judgement yet, the share of all
 * authorities.
 */
const ofsted: Kind = (t, p) => {
  const fy = p.opt("fy", "2017-18");
  const basis = parseBasis(p.opt("basis", "firstSif"));
  const grades = (p.optList("grades") ?? ["Outstanding", "Good"]) as Grade[];
  if (grades.length === 0 || grades.some((g) => !GRADES.includes(g))) throw p.error(`params.grades must list grades among ${GRADES.join(", ")}`);
  const sh = gradeShares(t, fy, basis);
  const n = grades.reduce((s, g) => s + sh.counts[g], 0);
  const share = sharePercent(n, sh.judged);
  const roundedSum = grades.reduce((s, g) => s + Math.round(sh.pct[g]), 0);
  const line = (x: typeof sh) => GRADES.map((g) => `${g} ${x.counts[g]} (${fmtPercent(x.pct[g], 1)})`).join(", ");
  const s = [
    `Ofsted overall effectiveness of the ${sh.counts.total} authorities of ${fy}, by ${basisText(basis)}: ${line(sh)}${sh.counts.none ? `; ${sh.counts.none} not yet judged` : ""}.`,
    `${grades.join(" or ")}: ${n} of ${sh.judged} = ${fmtPercent(share, 1)}. Each grade's share rounded to a whole percent and then added gives ${roundedSum}% (${grades.map((g) => `${Math.round(sh.pct[g])}%`).join(" + ")}).`,
  ];
  const alternatives: Alternative[] = [{ label: `the sum of the grades' rounded shares (${grades.map((g) => `${Math.round(sh.pct[g])}%`).join(" + ")})`, kind: "rounding", values: { share: roundedSum } }];
  if (sh.counts.none) {
    const none = sh.items.filter((x) => !x.j).map((x) => x.a.name);
    const all = sharePercent(n, sh.counts.total);
    alternatives.push({ label: `counting the ${sh.counts.none} authorities not yet inspected in the denominator`, kind: "denominator", values: { share: all } });
    s.push(`Not yet judged: ${none.join(", ")}; with them in the denominator the share is ${fmtPercent(all, 1)}.`);
  }
  for (const at of p.list("compareAt")) {
    const b = parseBasis(at);
    const o = gradeShares(t, fy, b);
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
    facts: {
      count: fact(n, `authorities judged ${grades.join(" or ")} by ${basisText(basis)}`, { period: fy, unit: "count" }),
      judged: fact(sh.judged, "authorities judged", { period: fy, unit: "count" }),
      share: fact(share, `share judged ${grades.join(" or ")}`, { period: fy, unit: "percent" }),
    },
  };
};

/**
 * The first SIF reports published up to a date: how many, and the share whose "children who need help
 * and protection" judgement was in the given grades. params: by (yyyy-mm-dd), grades (default ["Good"]),
 * field ("helpAndProtection" default, or "overall"), fy (whose authorities, default "2015-16"),
 * compareBy (other dates). Roles "count", "share".
 */
const ofstedFirst: Kind = (t, p) => {
  const by = p.str("by");
  const grades = (p.optList("grades") ?? ["Good"]) as Grade[];
  const field = p.oneOf("field", ["helpAndProtection", "overall"] as const, "helpAndProtection");
  const all = ofstedAuthoritiesIn(t, p.opt("fy", "2015-16"));
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
  for (const d of p.list("compareBy")) {
    const o = at(d);
    alternatives.push({ label: `first SIF reports published by ${d}`, kind: "period", values: { count: o.count, share: o.share } });
    s.push(`By ${d}: ${o.count} authorities, ${o.k} judged ${grades.join(" or ")} (${fmtPercent(o.share, 1)}).`);
  }
  return {
    values: { count: m.count, share: m.share },
    evidence: [ofstedEvidence(m.items, `first SIF reports published by ${by}; ${fieldText} judgement read from the "First SIF children who need help and protection" column`)],
    explanation: s.join(" "),
    alternatives,
    facts: {
      count: fact(m.count, "first SIF reports published", { period: `by ${by}`, unit: "count" }),
      share: fact(m.share, `share judged ${grades.join(" or ")} for ${fieldText}`, { period: `by ${by}`, unit: "percent" }),
    },
  };
};

// ---------------------------------------------------------------------------------------------
// Authorities that spent more than they budgeted

/**
 * What overspent means here: outturn above budget, both MHCLG, children's social care net current
 * expenditure. Roles: `share` (% of LAs that overspent in params.year), `shareFrom` (the same in
 * params.from, when given), `overspend` (£ million, England outturn minus England budget in
 * params.year). The 2017-18 outturn is read as first published (RS summary, 2018); the revised RO3
 * file, LA sums, the sum of overspends alone and the section 251 outturn are alternatives.
 */
const overspend: Kind = (t, p) => {
  const year = p.str("year");
  const from = p.opt("from") ?? null;
  const y = overspendYear(t, year, "first-release");
  const values: Record<string, number | null> = { share: y.share, overspend: mn(y.englandDiff) };
  const facts: Facts = {
    over: fact(y.over.length, "authorities whose outturn exceeded their budget", { period: year, unit: "count" }),
    counted: fact(y.counted.length, "authorities with both an outturn and a budget", { period: year, unit: "count" }),
    share: fact(y.share, "share of authorities that overspent", { period: year, unit: "percent" }),
    overspend: fact(y.englandDiff, "England outturn minus England budget", { period: year, area: "England", source: y.englandOutturn.src, unit: "gbp" }),
  };
  const alternatives: Alternative[] = [];
  const parts: string[] = [overspendSentence(y)];
  const evidence = overspendEvidence(y);
  const tinyOut = y.counted.filter((l) => l.laCode !== "420" && l.laCode !== "201");
  alternatives.push({ label: `${year} without the Isles of Scilly and the City of London (${tinyOut.filter((l) => (l.diff as number) > 0).length} of ${tinyOut.length})`, kind: "inclusion", values: { share: sharePercent(tinyOut.filter((l) => (l.diff as number) > 0).length, tinyOut.length) } });
  alternatives.push({ label: `${year} net outturn minus budget summed over the ${y.counted.length} LAs`, kind: "definition", values: { overspend: mn(y.netOfLas) } });
  alternatives.push({ label: `${year} the overspends of the ${y.over.length} LAs that overspent, underspends not netted`, kind: "definition", values: { overspend: mn(y.sumOfOverspends) } });
  if (y.outturnLabel.includes("as first published")) {
    const r = overspendYear(t, year, "ro3");
    evidence.push(...evidenceFor([r.englandOutturn], "the revised RO3 file of the same year"));
    const changed = r.las.filter((l) => {
      const a = y.las.find((x) => x.laCode === l.laCode);
      return a && a.outturn.value !== null && l.outturn.value !== null && Math.abs((a.outturn.value as number) - (l.outturn.value as number)) >= 1;
    });
    alternatives.push({ label: `${year} outturn as revised (RO3 revised file): ${r.over.length} of ${r.counted.length} LAs, England ${fm(r.englandDiff)}`, kind: "revision", values: { share: r.share, overspend: mn(r.englandDiff) } });
    parts.push(`The revised RO3 file for ${year} gives ${r.over.length} of ${r.counted.length} (${fmtPercent(r.share, 1)}) and ${fm(r.englandDiff)} (England ${fm(pounds(r.englandOutturn))}); it changes ${changed.length === 0 ? "no LA's outturn" : changed.map((l) => `${l.area} (${fm(pounds(l.outturn) - pounds(y.las.find((x) => x.laCode === l.laCode)!.outturn), 3)})`).join(", ")}.`);
  }
  // the same comparison in the start year, so that a reading is judged on both years
  const base = from ?? "2010-11";
  const baseMhclg = base === year ? null : overspendYear(t, base, "first-release");
  for (const kind of ["gross", "net"] as const) {
    const a = s251AgainstBudget(t, year, kind);
    const b = base === year ? null : s251AgainstBudget(t, base, kind);
    if (!a) continue;
    const then = b && baseMhclg ? `; on the same basis ${fmtPercent(b.share, 1)} in ${base}, against ${fmtPercent(baseMhclg.share, 1)} by MHCLG outturn` : "";
    alternatives.push({
      label: `DfE s251 ${kind} outturn (children's and young people's services excl. CERA) against the RA budget: ${a.over} of ${a.counted} LAs in ${year}${then}`,
      kind: "definition",
      values: { share: a.share, ...(b && from ? { shareFrom: b.share } : {}) },
    });
    parts.push(`Against a different outturn — DfE's section 251 ${kind} spending on all children's and young people's services, which is wider than children's social care — ${a.over} of ${a.counted} LAs (${fmtPercent(a.share, 1)}) exceeded their RA budget in ${year}, by ${fm(a.sum)} in all${then}.`);
  }
  if (from) {
    const f = overspendYear(t, from, "first-release");
    values.shareFrom = f.share;
    facts.shareFrom = fact(f.share, "share of authorities that overspent", { period: from, unit: "percent" });
    evidence.push(...overspendEvidence(f));
    parts.push(overspendSentence(f));
    if (from <= "2011-12") parts.push(`RA has no total line before 2012-13: the ${from} budget is the sum of its children's lines (${f.englandBudget.col}), which cover the same services as the outturn${from === "2010-11" ? "'s three children's lines (strategy, asylum seekers, other children's and families services)" : "'s total"}, so the comparison is like for like; from 2014-15 both budget and outturn also include Sure Start and services for young people.`);
  }
  return { values, evidence, explanation: parts.join(" "), alternatives, facts };
};

// ---------------------------------------------------------------------------------------------
// The authorities a file has

const sameLa = (a: string, b: string) => normaliseLaName(a) === normaliseLaName(b);

/** The number of LAs with a row for params.measure in params.year of the file params.src (role `count`). */
const laRows: Kind = (t, p) => {
  const measure = p.str("measure");
  const year = p.str("year");
  const src = p.str("src");
  const rows = t.obs(measure).filter({ measure, year, level: "la", src });
  if (rows.length === 0) throw new DataError(`no LA rows for ${label(measure)} ${year} in ${src}`);
  const tiny = Object.values(TINY_LAS).filter((n) => rows.some((o) => sameLa(o.area, n)));
  const r = rows.map((o) => o.row);
  const count = new Set(rows.map((o) => o.laCode ?? o.code)).size;
  return {
    values: { count },
    evidence: [{ source: src, file: source(src).file, rows: [`LA rows ${Math.min(...r)}–${Math.max(...r)}`], columns: [rows[0].col], values: { "LA rows": rows.length }, note: `local authorities with children's services responsibilities in ${year}` }],
    explanation: `${fileLabelParen(src)} has ${rows.length} local-authority rows for ${label(measure)} in ${year}${tiny.length ? ` (${tiny.join(" and ")} included)` : ""}: the upper-tier authorities responsible for children's social care then.`,
    facts: { count: fact(count, `local authorities with a row for ${label(measure)}`, { period: year, source: src, unit: "count" }) },
  };
};

// ---------------------------------------------------------------------------------------------
// Years in which a series fell

/**
 * How many times an England series fell from one year to the next (a document saying it "increased
 * year on year" states 0). params.series: { role: measure }, from, to.
 */
const falls: Kind = (t, p) => {
  const spec = p.req("series", "{ role: measure }");
  const values: Record<string, number | null> = {};
  const facts: Facts = {};
  const used: Obs[] = [];
  const sentences: string[] = [];
  for (const [role, measure] of Object.entries(spec)) {
    const s = englandSeries(t, measure, p.str("from"), p.str("to")).filter((x) => x.obs && x.obs.value !== null);
    const fell: string[] = [];
    for (let i = 1; i < s.length; i++) {
      const a = num(s[i - 1].obs!);
      const b = num(s[i].obs!);
      if (b < a) fell.push(`${s[i].year} (${fmtNumber(a)} → ${fmtNumber(b)}, ${fmtNumber(b - a)})`);
    }
    values[role] = fell.length;
    facts[role] = fact(fell.length, `years in which England ${label(measure)} fell, of ${s.length - 1}`, { period: `${s[0].year} to ${s[s.length - 1].year}`, unit: "count" });
    used.push(...s.map((x) => x.obs!));
    sentences.push(`England ${label(measure)} ${s.map((x) => fmtNumber(num(x.obs!))).join(", ")} (${s[0].year} to ${s[s.length - 1].year}): ${fell.length === 0 ? "no fall from one year to the next" : `${fell.length} fall${fell.length > 1 ? "s" : ""}: ${fell.join("; ")}`}.`);
  }
  return { values, evidence: evidenceFor(used), explanation: sentences.join(" "), facts };
};

/** Kind `count`. */
export const countKind: Kind = byFamily("count", { ofsted, ofstedFirst, overspend, laRows, falls, overspentEveryYear, lineBreaks });
