import type { Alternative } from "../types";
import { DataError } from "../../data/sources";
import { Obs, evidenceFor, num } from "../../data/obs";
import { CLA_SFR } from "../../data/tidy/cla";
import { realTerms } from "../../data/tidy/spending-deflator";
import { percentChange, sharePercent } from "../../stats/change";
import { fmtNumber, fmtPercent } from "../../format";
import type { Tables } from "../tables";
import { fact, obsFact, type Facts } from "./facts";
import { byFamily, type Kind } from "./types";
import { bn, englandCell, englandIn, fb, fileLabelParen, fm, label, mn, pounds, tryEngland } from "./lookup";
import {
  DEFLATOR_NOTE, PREVENTATIVE_DEFINITIONS, SERVICE_LINES, SERVICE_LINE_NAMES, definition, deflatorObs, deflators, priceGrowth, shareYear,
  type MappingOptions, type PreventativeDefinition, type ServiceLine, type ShareYear,
} from "./spending";

/**
 * Kind `share`: a part as a percentage of a whole — of a count, of a budget, of a change. Families
 * (params.of):
 * - `england` (default): England measures in one year, one a part of another, and a rank among
 *   measures of the same family;
 * - `growth`: the part of the growth in children looked after that placements with some providers
 *   account for;
 * - `budget`: a budget line's share of the total budget, on several denominators;
 * - `preventative`: preventative (or statutory) spending as a share of the total, in two years,
 *   and its real-terms change;
 * - `increase`: the parts of an increase that population growth and another count account for.
 */

// ---------------------------------------------------------------------------------------------
// England measures

/**
 * England measures in params.year (params.measures { name: measure }, evidence in that order), each
 * a value under its name; params.share { role, part, whole } (names of measures) gives the part as a
 * percentage of the whole; params.rank { role, among (a measure prefix), item (a measure) } gives the
 * item's rank among the measures starting with the prefix. When the part is not in the files for the
 * year, the share is null and the latest year the files have is shown for context (params.partLabel
 * names it, params.contextPrefer orders the vintages of the whole), with params.settle (what would
 * settle it).
 */
const england: Kind = (t, p) => {
  const year = p.str("year");
  const measures = p.req("measures", "{ name: measure }");
  const sh = p.req<{ role?: string; part: string; whole: string }>("share", "{ role, part, whole }");
  const role = sh.role ?? "share";
  const obs = Object.fromEntries(Object.entries(measures).map(([n, m]) => [n, tryEngland(t, m, year)]));
  const part = obs[sh.part];
  if (!part || part.value === null) {
    const pm = measures[sh.part];
    const what = p.opt("partLabel", label(pm));
    const latest = t.obs(pm).filter({ measure: pm, level: "national" }).filter((o) => o.value !== null).sort((x, y) => x.year.localeCompare(y.year)).pop();
    const tot = latest ? tryEngland(t, measures[sh.whole], latest.year, p.optList("contextPrefer")) : null;
    const s = latest && tot && tot.value ? sharePercent(num(latest), tot.value) : null;
    return {
      values: { [role]: null },
      evidence: latest && tot ? evidenceFor([latest, tot], `context only: the latest year with ${what} in these files`) : [],
      explanation: `The files here give ${what} only to ${latest?.year ?? "no year"}${s !== null ? ` (${fmtPercent(s, 1)} of ${label(measures[sh.whole])} then)` : ""}; the ${year} figure is in ${p.opt("settle", "a release that is not in the mirror")}, which is not in the mirror.`,
      facts: { [role]: fact(null, `${label(pm)} as a share of ${label(measures[sh.whole])}: not in the files`, { period: year }), ...(latest ? { context: obsFact(latest, label(pm)) } : {}) },
    };
  }
  const whole = obs[sh.whole];
  if (!whole) throw new DataError(`no England figure for ${label(measures[sh.whole])} in ${year} in the data`);
  const used: Obs[] = Object.values(obs).filter((o): o is Obs => o !== null);
  const values: Record<string, number | null> = Object.fromEntries(Object.entries(obs).map(([n, o]) => [n, o ? num(o) : null]));
  values[role] = sharePercent(num(part), num(whole));
  const facts: Facts = { part: obsFact(part, label(part.measure), "count"), whole: obsFact(whole, label(whole.measure), "count"), share: fact(values[role], `${label(part.measure)} as a share of ${label(whole.measure)}`, { period: year, unit: "percent" }) };
  const sentences = [`In ${year}, England: ${fmtNumber(num(part))} ${label(part.measure)} (${part.src}) of ${fmtNumber(num(whole))} ${label(whole.measure)} (${whole.src}): ${fmtPercent(values[role], 1)}.`];
  const rk = p.obj<{ role?: string; among: string; item: string }>("rank");
  if (rk) {
    const ranking = t.obs(rk.item).filter({ level: "national", year }).filter((o) => o.measure.startsWith(rk.among) && o.value !== null).sort((a, b) => num(b) - num(a));
    const pos = ranking.findIndex((o) => o.measure === rk.item) + 1;
    values[rk.role ?? "rank"] = pos || null;
    facts.rank = fact(pos || null, `rank among ${ranking.length} ${rk.among.replace(/:$/, "")}s recorded`, { period: year, unit: "count" });
    used.push(...ranking.slice(0, 4));
    sentences.push(`Its rank among the ${ranking.length} recorded is ${pos} (largest: ${ranking.slice(0, 4).map((o) => `${o.measure.slice(rk.among.length)} ${fmtNumber(num(o))}`).join(", ")}).`);
  }
  const note = p.opt("denominatorNote");
  if (note) sentences.push(note);
  return { values, evidence: evidenceFor(used), explanation: sentences.join(" "), facts };
};

// ---------------------------------------------------------------------------------------------
// A part of the growth in children looked after

/** SSDA903 placement-provider columns of the SFR files. */
const PROVIDER_LABELS: Record<string, string> = { CLA_Priv: "private providers", CLA_Vol: "voluntary providers", CLA_OwnP: "the council's own provision", CLA_OthLA: "other councils", CLA_OthPP: "other public provision", CLA_Par: "parents or others with parental responsibility" };
const providers = (cols: string[]) => cols.map((c) => `${PROVIDER_LABELS[c] ?? c} (${c})`).join(" and ");

/** A looked-after SFR file's England value of a column (the file of the year ending 31 March `end`). */
function sfrClaEngland(t: Tables, year: string, column: string): Obs {
  const f = CLA_SFR.find((s) => s.year === year);
  if (!f) throw new DataError(`no looked-after SFR file for ${year} in the mirror (years: ${CLA_SFR.map((s) => s.year).join(", ")})`);
  return englandCell(t.raw(f.cla), column, column, year);
}

/**
 * The share of the growth in children looked after at 31 March between params.from and params.to
 * that placements with params.providers (SSDA903 provider columns of the SFR files, e.g. CLA_Priv)
 * account for (role `share`, per cent), with params.altProviders as another reading. A document whose
 * figure comes from another body's own classification of providers cannot be checked with these
 * columns: params.settle names what would settle it, and the verdict is `unverifiable`. With
 * params.bound, the two definitions bound the share instead (at least params.providers, at most
 * params.altProviders): the verdict is then `consistent` or `inconsistent` with the bound.
 */
const growth: Kind = (t, p) => {
  const from = p.str("from");
  const to = p.str("to");
  const cols = p.list("providers");
  const alt = p.list("altProviders");
  const total = (y: string) => sfrClaEngland(t, y, `CLA_Mar${Number(y.slice(0, 4)) + 1}`);
  const sum = (y: string, cs: string[]) => cs.map((col) => sfrClaEngland(t, y, col));
  const ta = total(from);
  const tb = total(to);
  const pa = sum(from, cols);
  const pb = sum(to, cols);
  const grown = num(tb) - num(ta);
  const g = (a: Obs[], b: Obs[]) => b.reduce((s, o) => s + num(o), 0) - a.reduce((s, o) => s + num(o), 0);
  const share = sharePercent(g(pa, pb), grown);
  const used = [ta, tb, ...pa, ...pb];
  const sentences = [`Children looked after at 31 March, England: ${fmtNumber(num(ta))} (${fileLabelParen(ta.src)}) to ${fmtNumber(num(tb))} (${fileLabelParen(tb.src)}), up ${fmtNumber(grown)}. Placed with ${providers(cols)}: ${fmtNumber(pa.reduce((s, o) => s + num(o), 0))} to ${fmtNumber(pb.reduce((s, o) => s + num(o), 0))}, up ${fmtNumber(g(pa, pb))}: ${fmtPercent(share, 1)} of the growth.`];
  const alternatives: Alternative[] = [];
  if (alt.length) {
    const aa = sum(from, alt);
    const ab = sum(to, alt);
    used.push(...aa, ...ab);
    const s2 = sharePercent(g(aa, ab), grown);
    alternatives.push({ label: `placements with ${providers(alt)}`, kind: "definition", values: { share: s2 } });
    sentences.push(`With ${providers(alt)}: up ${fmtNumber(g(aa, ab))}, ${fmtPercent(s2, 1)} of the growth.`);
  }
  const facts = {
    growth: fact(grown, "growth in children looked after at 31 March", { period: `${from} to ${to}`, area: "England", source: tb.src, unit: "count" }),
    partGrowth: fact(g(pa, pb), `growth in placements with ${providers(cols)}`, { period: `${from} to ${to}`, area: "England", source: tb.src, unit: "count" }),
    share: fact(share, "share of the growth", { unit: "percent" }),
  };
  if (p.flag("bound") && alt.length) {
    // DfE's classification bounds the document's: its share lies between the narrow and the wide definition
    const wide = alternatives[0].values.share!;
    const [lo, hi] = [Math.min(share, wide), Math.max(share, wide)];
    sentences.push(`A classification of private provision that counts at least the placements with ${providers(cols)} and at most those with ${providers(alt)} gives a share between ${fmtPercent(lo, 1)} and ${fmtPercent(hi, 1)}.`);
    return {
      values: { share: (lo + hi) / 2 },
      dataTolerance: { share: (hi - lo) / 2 },
      boundOnly: `DfE's classification of placement providers, which bounds the share (at least ${providers(cols)}, at most ${providers(alt)}) but does not give the document's classification`,
      evidence: evidenceFor(used),
      explanation: sentences.join(" "),
      facts: { ...facts, wideShare: fact(wide, `share of the growth with ${providers(alt)}`, { unit: "percent" }) },
    };
  }
  sentences.push(`What would settle it: ${p.opt("settle", "the classification of providers behind the document's figure")}.`);
  return {
    values: { share },
    evidence: evidenceFor(used),
    explanation: sentences.join(" "),
    alternatives,
    verdict: "unverifiable",
    facts,
  };
};

// ---------------------------------------------------------------------------------------------
// A budget line's share of the budget

/**
 * A budget line (params.part, MHCLG revenue account budgets) in params.to, its change from
 * params.from, and its share of the total (params.whole) of params.to: roles `budget` (£ billion),
 * `increase` (£ million), `pctChange`, `shareOfTotal`. params.less [{ measures, label }] gives other
 * denominators (the total less those lines), each an alternative, with the total of params.from; the
 * same share in the outturn (params.outturn { part, whole }, RO3) is given for comparison.
 */
const budget: Kind = (t, p) => {
  const from = p.str("from");
  const to = p.str("to");
  const partM = p.opt("part", "claBudget");
  const wholeM = p.opt("whole", "csBudget");
  const ra = t.ra();
  const a = englandIn(ra, partM, from);
  const b = englandIn(ra, partM, to);
  const tot = englandIn(ra, wholeM, to);
  const totFrom = englandIn(ra, wholeM, from);
  const share = sharePercent(pounds(b), pounds(tot));
  const used: Obs[] = [a, b, tot, totFrom];
  const alternatives: Alternative[] = [];
  const dens: { label: string; value: number; obs: Obs[] }[] = [];
  const tryRa = (m: string) => {
    const h = ra.filter({ measure: m, year: to, level: "national" });
    return h.length === 1 && h[0].value !== null ? h[0] : null;
  };
  for (const l of (p.raw.less as { measures: string[]; label: string }[] | undefined) ?? []) {
    const obs = l.measures.map(tryRa);
    if (obs.some((o) => o === null)) break;
    dens.push({ label: `the ${to} total less ${l.label}`, value: pounds(tot) - obs.reduce((s, o) => s + pounds(o!), 0), obs: obs as Obs[] });
  }
  dens.push({ label: `the total budget of ${from} instead of ${to}`, value: pounds(totFrom), obs: [] });
  const denomSentences: string[] = [];
  for (const d of dens) {
    const s = sharePercent(pounds(b), d.value);
    used.push(...d.obs);
    alternatives.push({ label: `share of ${d.label} (${fm(d.value)})`, kind: "denominator", values: { shareOfTotal: s } });
    denomSentences.push(`${fmtPercent(s, 1)} of ${d.label} (${fm(d.value)})`);
  }
  // outturn shares, for comparison
  const out = p.obj<{ part: string; whole: string }>("outturn");
  let outturnSentence = "";
  if (out) {
    const at = (m: string) => t.ro3().filter({ measure: m, year: to, level: "national" });
    const oc = at(out.part);
    const ot = at(out.whole);
    if (oc.length === 1 && ot.length === 1 && oc[0].value !== null && ot[0].value !== null) {
      used.push(oc[0], ot[0]);
      outturnSentence = ` In the outturn (RO3) the same line took ${fmtPercent(sharePercent(pounds(oc[0]), pounds(ot[0])), 1)} of net expenditure in ${to} (${fm(pounds(oc[0]))} of ${fm(pounds(ot[0]))}).`;
    }
  }
  const over = dens.filter((d) => sharePercent(pounds(b), d.value) > 50);
  const pct = percentChange(pounds(a), pounds(b));
  const explanation =
    `MHCLG revenue account budgets (RA), ${p.opt("partLabel", partM)}, budgeted net current expenditure in England: ${fm(pounds(a))} for ${from} and ${fm(pounds(b))} for ${to}, ` +
    `an increase of ${fm(pounds(b) - pounds(a))} (${fmtPercent(pct, 2, true)}). ` +
    `The total budget for ${to} is ${fm(pounds(tot))}, so the line takes ${fmtPercent(share, 1)} of it${share > 50 ? "" : " — less than half"}. ` +
    `Against other denominators the share is ${denomSentences.join("; ")}` +
    (over.length && share <= 50 ? `: it exceeds a half only if ${over.map((d) => d.label).join(", or if ")} is used.` : ".") +
    outturnSentence;
  return {
    values: { budget: bn(pounds(b)), increase: mn(pounds(b) - pounds(a)), pctChange: pct, shareOfTotal: share },
    evidence: evidenceFor(used),
    explanation,
    alternatives,
    facts: {
      from: { ...obsFact(a, p.opt("partLabel", partM), "gbp"), value: pounds(a) },
      to: { ...obsFact(b, p.opt("partLabel", partM), "gbp"), value: pounds(b) },
      whole: { ...obsFact(tot, "total budget", "gbp"), value: pounds(tot) },
      share: fact(share, "share of the total budget", { period: to, unit: "percent" }),
      pct: fact(pct, "percentage change", { period: `${from} to ${to}`, unit: "percent" }),
    },
  };
};

// ---------------------------------------------------------------------------------------------
// Preventative and statutory spending

/**
 * Shares of statutory and preventative spending in two years and the real-terms change in
 * preventative (or statutory) spending: params.group "preventative" (default) or "statutory"; roles
 * `from` and `to` (% of the total of children's and young people's services excl. CERA, s251 net
 * outturn), `fall` (£ billion, real terms, positive for a fall) and `rise` (£ billion, real terms).
 * params.definition (default "all-non-statutory") names the preventative lines; every other
 * definition, gross spending, another start year (params.compareFrom) and the 2010-11 groups as
 * filed are alternatives.
 */
const preventative: Kind = (t, p) => {
  const from = p.str("from");
  const to = p.str("to");
  const group = p.oneOf("group", ["preventative", "statutory"] as const, "preventative");
  const def = definition(p.opt("definition", "all-non-statutory"));
  const prices = p.opt("prices", to);
  const compareFrom = p.opt("compareFrom") ?? null;
  const s = deflators(t);
  const shareOf = (y: ShareYear) => (group === "preventative" ? y.preventativeShare : y.statutoryShare);
  const amountOf = (y: ShareYear) => (group === "preventative" ? y.preventative : y.statutory);
  const reading = (f: string, d: PreventativeDefinition, kind: "gross" | "net", opts: MappingOptions = {}) => {
    const a = shareYear(t, f, d, kind, opts);
    const b = shareYear(t, to, d, kind, opts);
    const realA = realTerms(amountOf(a), f, prices, s);
    const realB = realTerms(amountOf(b), to, prices, s);
    return { a, b, from: shareOf(a), to: shareOf(b), fall: bn(realA - realB), rise: bn(realB - realA), realA, realB, cashFall: bn(amountOf(a) - amountOf(b)) };
  };
  const main = reading(from, def, "net");
  const values = { from: main.from, to: main.to, fall: main.fall, rise: main.rise };
  const v = (r: ReturnType<typeof reading>) => ({ from: r.from, to: r.to, fall: r.fall, rise: r.rise });
  // the other start year first: a different start year is the first thing to rule in or out
  const otherStart = compareFrom ?? (from === "2010-11" ? "2011-12" : "2010-11");
  const start = reading(otherStart, def, "net");
  const alternatives: Alternative[] = [{ label: `starting in ${otherStart} instead of ${from}`, kind: "period", values: v(start) }];
  const rows: string[] = [];
  for (const d of PREVENTATIVE_DEFINITIONS) {
    if (d.id === def.id) continue;
    const r = reading(from, d, "net");
    alternatives.push({ label: `preventative = ${d.label}`, kind: "definition", values: v(r) });
    rows.push(`${d.label}: ${fmtPercent(r.a.preventativeShare, 1)} → ${fmtPercent(r.b.preventativeShare, 1)}`);
  }
  const gross = reading(from, def, "gross");
  alternatives.push({ label: "gross expenditure instead of net", kind: "definition", values: v(gross) });
  const asFiled = from <= "2011-12" ? reading(from, def, "net", { mapping: "as-filed" }) : null;
  if (asFiled) alternatives.push({ label: `${from} groups as filed (adoption and special guardianship counted in other children's and families services)`, kind: "definition", values: v(asFiled) });
  alternatives.push({ label: "cash instead of real terms", kind: "cash-real", values: { fall: main.cashFall, rise: -main.cashFall } });
  const statLines = SERVICE_LINES.filter((l) => !def.lines.includes(l)).map((l) => SERVICE_LINE_NAMES[l]);
  const line = (y: ShareYear) => `${y.year}: preventative ${fm(y.preventative)}, statutory ${fm(y.statutory)}, of ${fm(y.total)} (${fmtPercent(y.preventativeShare, 1)} / ${fmtPercent(y.statutoryShare, 1)})`;
  const [early, late] = [main.a, start.a].sort((x, y) => x.year.localeCompare(y.year));
  const between = (l: ServiceLine) => `${SERVICE_LINE_NAMES[l]} ${fm(early.lines.lines[l].value)} → ${fm(late.lines.lines[l].value)}`;
  const explanation =
    `DfE section 251 outturn, net current expenditure on children's and young people's services (excluding CERA), England (sum of the 152 LAs, files as first published), lines mapped to the later grouping. ` +
    `Preventative = ${def.label}; statutory = ${statLines.join(" and ")}${from === "2010-11" ? " (in 2010-11 with the Child Trust Fund top ups)" : ""}. ` +
    `${line(main.a)}; ${line(main.b)}. ` +
    `In ${prices} prices ${group} spending went from ${fb(main.realA)} to ${fb(main.realB)}: ${main.fall >= 0 ? "down" : "up"} ${fb(Math.abs(main.realA - main.realB))} ` +
    `(cash: ${fb(Math.abs(main.cashFall) * 1e9)} ${main.cashFall >= 0 ? "less" : "more"}; HM Treasury GDP deflator, ${from} → ${prices} ${fmtPercent(priceGrowth(t, from, prices), 2, true)}). ` +
    `The preventative share moves with the definition — ${rows.join("; ")}; gross instead of net: ${fmtPercent(gross.a.preventativeShare, 1)} → ${fmtPercent(gross.b.preventativeShare, 1)}` +
    (asFiled ? `; keeping ${from}'s own groups (adoption and special guardianship inside other children's and families services) gives ${fmtPercent(asFiled.a.preventativeShare, 1)} in ${from}` : "") +
    `. Starting in ${otherStart} instead: ${fmtPercent(start.a.preventativeShare, 1)} preventative, ${fmtPercent(start.a.statutoryShare, 1)} statutory in ${otherStart}, ${fmtPercent(start.b.preventativeShare, 1)} in ${to}. ` +
    `Between ${early.year} and ${late.year} preventative spending went from ${fm(early.preventative)} to ${fm(late.preventative)} (${fmtPercent(early.preventativeShare, 1)} → ${fmtPercent(late.preventativeShare, 1)} of the total): ${between("sureStart")}, ${between("youngPeople")}, ${between("familySupport")}. ` +
    DEFLATOR_NOTE;
  const used = [main.a, main.b, start.a].flatMap((y) => [y.lines.total, ...SERVICE_LINES.flatMap((l) => y.lines.lines[l].obs)]);
  return {
    values,
    evidence: evidenceFor([...used, ...deflatorObs(t, [from, to, prices])]),
    explanation,
    alternatives,
    facts: {
      from: fact(main.from, `${group} share of spending on children's and young people's services`, { period: from, area: "England", source: main.a.lines.total.src, unit: "percent" }),
      to: fact(main.to, `${group} share of spending on children's and young people's services`, { period: to, area: "England", source: main.b.lines.total.src, unit: "percent" }),
      realFrom: fact(main.realA, `${group} spending in ${prices} prices`, { period: from, unit: "gbp" }),
      realTo: fact(main.realB, `${group} spending in ${prices} prices`, { period: to, unit: "gbp" }),
    },
  };
};

// ---------------------------------------------------------------------------------------------
// The parts of an increase

/**
 * The Department's attribution of the increase in children in need (NAO para 3.3): the share of the
 * increase that population growth alone would have produced, the share that the increase in
 * unaccompanied asylum-seeking children looked after accounts for, and the rest. params: from, to
 * (financial years), measure (default cinEpisodes). Roles population, uasc, rest (per cent).
 */
const increase: Kind = (t, p) => {
  const from = p.str("from");
  const to = p.str("to");
  const measure = p.opt("measure", "cinEpisodes");
  const cin = t.cin();
  const first = (m: string, y: string) => cin.filter({ measure: m, year: y, level: "national" }).find((o) => o.src.startsWith("cin-sfr-"));
  const a = first(measure, from);
  const b = first(measure, to);
  if (!a || !b) throw new DataError(`no first-published England ${measure} for ${from} or ${to}`);
  const pop = t.population();
  const pa = pop.one({ measure: "population0to17", year: from.slice(0, 4), level: "national" });
  const pb = pop.one({ measure: "population0to17", year: to.slice(0, 4), level: "national" });
  const ua = t.covariates().one({ measure: "claUascAt31March", year: from, level: "national" });
  const ub = t.covariates().one({ measure: "claUascAt31March", year: to, level: "national" });
  const inc = num(b) - num(a);
  const grow = percentChange(num(pa), num(pb));
  const popShare = (100 * (num(a) * grow) / 100) / inc;
  const uascShare = (100 * (num(ub) - num(ua))) / inc;
  const rest = 100 - popShare - uascShare;
  const da = cin.filter({ measure: "dfePopulation0to17", year: from, level: "national" }).find((o) => o.src === a.src);
  const db = cin.filter({ measure: "dfePopulation0to17", year: to, level: "national" }).find((o) => o.src === b.src);
  const alternatives: Alternative[] = [];
  const s = [
    `Children in need (${measure === "cinEpisodes" ? "episodes in the year" : measure}, as first published): ${fmtNumber(num(a))} in ${from} to ${fmtNumber(num(b))} in ${to}, an increase of ${fmtNumber(inc)}.`,
    `The 0–17 population (ONS, revised back series) grew ${fmtPercent(grow, 2)} from mid-${pa.year} to mid-${pb.year}; at the ${from} rate that alone would add ${fmtNumber((num(a) * grow) / 100)} children, ${fmtPercent(popShare, 1)} of the increase.`,
    `Unaccompanied asylum-seeking children looked after at 31 March rose from ${fmtNumber(num(ua))} to ${fmtNumber(num(ub))} (+${fmtNumber(num(ub) - num(ua))}), ${fmtPercent(uascShare, 1)} of the increase; the rest is ${fmtPercent(rest, 1)}.`,
  ];
  const used = [a, b, pa, pb, ua, ub];
  if (da && db && da.value !== null && db.value !== null) {
    const g2 = percentChange(da.value, db.value);
    const p2 = (num(a) * g2) / inc;
    alternatives.push({ label: `DfE's published 0–17 denominators (${fmtNumber(da.value)} to ${fmtNumber(db.value)}, the ${from} one from before the 2011 Census)`, kind: "definition", values: { population: p2, rest: 100 - p2 - uascShare } });
    s.push(`With the denominators DfE printed at the time (${fmtNumber(da.value)} and ${fmtNumber(db.value)}, growth ${fmtPercent(g2, 1)}) population growth would account for ${fmtPercent(p2, 1)}.`);
    used.push(da, db);
  }
  const at31a = first("cinAt31March", from);
  const at31b = first("cinAt31March", to);
  if (at31a && at31b && at31a.value !== null && at31b.value !== null) {
    const inc2 = at31b.value - at31a.value;
    const p3 = (at31a.value * grow) / inc2;
    alternatives.push({ label: `children in need at 31 March (${fmtNumber(at31a.value)} to ${fmtNumber(at31b.value)})`, kind: "definition", values: { population: p3, uasc: (100 * (num(ub) - num(ua))) / inc2, rest: 100 - p3 - (100 * (num(ub) - num(ua))) / inc2 } });
    s.push(`Counted at 31 March instead (${fmtNumber(at31a.value)} to ${fmtNumber(at31b.value)}), population growth alone would more than account for the increase (${fmtPercent(p3, 0)}).`);
    used.push(at31a, at31b);
  }
  s.push("The Department's own calculation is not published; this is the standard decomposition (growth at a constant rate per child) on the official series.");
  return {
    values: { population: popShare, uasc: uascShare, rest },
    evidence: evidenceFor(used),
    explanation: s.join(" "),
    alternatives,
    facts: {
      from: obsFact(a, label(measure), "count"),
      to: obsFact(b, label(measure), "count"),
      populationGrowth: fact(grow, "growth of the population aged 0-17", { period: `mid-${pa.year} to mid-${pb.year}`, source: pa.src, unit: "percent" }),
      uascFrom: obsFact(ua, "unaccompanied asylum-seeking children looked after", "count"),
      uascTo: obsFact(ub, "unaccompanied asylum-seeking children looked after", "count"),
      population: fact(popShare, "share of the increase from population growth", { unit: "percent" }),
      uasc: fact(uascShare, "share of the increase from unaccompanied asylum-seeking children", { unit: "percent" }),
      rest: fact(rest, "share of the increase left", { unit: "percent" }),
    },
  };
};

/** Kind `share`. */
export const shareKind: Kind = byFamily("share", { england, growth, budget, preventative, increase });
