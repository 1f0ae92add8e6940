import type { Alternative, Evidence } from "../types";
import { DataError } from "../../data/sources";
import { Obs, evidenceFor, num } from "../../data/obs";
import { S251_EES_NATIONAL } from "../../data/tidy/spending";
import { WORKFORCE_FILES, WORKFORCE_LABELS } from "../../data/tidy/workforce";
import { fyFromEnd } from "../../data/tidy/common";
import { deflatorIndex, realTerms } from "../../data/tidy/spending-deflator";
import { percentChange, ratePer10k, sharePercent } from "../../stats/change";
import { fmtNumber, fmtPercent, fmtRate } from "../../format";
import type { Tables } from "../tables";
import { fact, obsFact, type Facts } from "./facts";
import { byFamily, type Kind, type KindResult, type Params } from "./types";
import { deprivationThirdsKind } from "./deprivation-thirds";
import {
  allEngland, at31March, bn, change, fb, fileLabel, fileLabelParen, firstPublished, fm, fyParam, label, mn, pctChangeTolerance, pickEngland,
  populationGrowth, pounds, roundingOf, tryEngland,
} from "./lookup";
import {
  DEFLATOR_NOTE, LINE_COMPARABILITY, S251_NAMES, SERVICE_LINES, SERVICE_LINE_LABELS, deflatorObs, laRevisions, lineChanges, priceGrowth,
  s251Original, s251Revised, type LineChange, type ServiceLine,
} from "./spending";

/**
 * Kind `change`: how a figure moved between two periods — the percentage change, the two levels, and
 * how it compares with the growth of the 0-17 population — with the same change under the other
 * vintages and definitions that exist. Families (params.of):
 * - `england` (default): England activity from the children-in-need and looked-after files;
 * - `factors`: factors recorded at the end of assessment;
 * - `sum`: a sum of England measures under several definitions (residential care);
 * - `workforce`: social-work workforce at 30 September;
 * - `money`: a budget or spending line (RA, s251), cash;
 * - `s251Line`: one s251 line, cash or real terms, gross or net;
 * - `serviceLines`: the s251 service lines of the NAO's Figure 13, real terms;
 * - `longRun`: a rate since the start of the national time series.
 */

/** Facts of a change from two observations. */
function changeFacts(a: Obs, b: Obs, pct: number, what: string): Facts {
  return { from: obsFact(a, what), to: obsFact(b, what), pct: fact(pct, `percentage change in ${what}`, { period: `${a.year} to ${b.year}`, unit: "percent" }) };
}

// ---------------------------------------------------------------------------------------------
// England activity

/**
 * Change in England activity between two years, and how it compares with growth of the 0-17
 * population. params.series maps each role to `<measure>.pct|from|to|ratio` or `population.pct`; by
 * default `pctChange`, `from`, `to`, `ratioToPopulation`, `populationPct` for params.measure.
 * params.contrast names another definition of the same activity (children in need during the year
 * rather than at 31 March), given as a "definition" alternative for the same roles; params.compareFrom
 * another start year.
 */
const england: Kind = (t, p) => {
  const from = p.str("from");
  const to = p.str("to");
  const prefer = p.optList("prefer");
  const measure = p.opt("measure");
  const series: Record<string, string> = p.obj("series") ??
    (measure ? { pctChange: `${measure}.pct`, from: `${measure}.from`, to: `${measure}.to`, ratioToPopulation: `${measure}.ratio`, populationPct: "population.pct" } : {});
  const values: Record<string, number | null> = {};
  const used: Obs[] = [];
  const dataTolerance: Record<string, number> = {};
  const sentences: string[] = [];
  const alternatives: Alternative[] = [];
  const facts: Facts = {};
  const pop = populationGrowth(t, from, to);
  const measures = [...new Set(Object.values(series).map((s) => s.split(".")[0]).filter((m) => m !== "population"))];
  const changes = new Map(measures.map((m) => [m, change(t, m, from, to, prefer)]));
  for (const [role, spec] of Object.entries(series)) {
    const [m, what] = spec.split(".");
    if (m === "population") {
      values[role] = pop.pct;
      continue;
    }
    const ch = changes.get(m)!;
    if (what === "pct") { values[role] = ch.pct; if (ch.tol) dataTolerance[role] = ch.tol; }
    else if (what === "from") { values[role] = num(ch.a); if (roundingOf(ch.a)) dataTolerance[role] = roundingOf(ch.a); }
    else if (what === "to") { values[role] = num(ch.b); if (roundingOf(ch.b)) dataTolerance[role] = roundingOf(ch.b); }
    else if (what === "ratio") values[role] = ch.pct / pop.pct;
    else throw p.error(`unknown series part "${spec}"`);
  }
  for (const [m, ch] of changes) {
    used.push(ch.a, ch.b);
    Object.assign(facts, prefixed(m, changeFacts(ch.a, ch.b, ch.pct, label(m))));
    sentences.push(`England ${label(m)}: ${fmtNumber(num(ch.a))} in ${from} (${ch.a.src}) to ${fmtNumber(num(ch.b))} in ${to} (${ch.b.src}), a change of ${fmtPercent(ch.pct, 1, true)}${ch.tol ? ` (±${fmtNumber(ch.tol, 2)} points from the file's rounding)` : ""}.`);
    // other vintages of the same endpoints
    for (const [yr, end] of [[from, "from"], [to, "to"]] as const) {
      const used1 = end === "from" ? ch.a : ch.b;
      for (const o of allEngland(t, m, yr)) {
        if (o.src === used1.src || o.value === null || o.value === used1.value) continue;
        const a = end === "from" ? o.value : num(ch.a);
        const b = end === "to" ? o.value : num(ch.b);
        const vals: Record<string, number | null> = {};
        for (const [role, spec] of Object.entries(series)) {
          if (spec === `${m}.pct`) vals[role] = percentChange(a, b);
          if (spec === `${m}.${end}`) vals[role] = o.value;
          if (spec === `${m}.ratio`) vals[role] = percentChange(a, b) / pop.pct;
        }
        alternatives.push({ label: `${o.src} (${label(m)} ${yr} = ${fmtNumber(o.value)})`, kind: "revision", values: vals });
        sentences.push(`${o.src} gives ${fmtNumber(o.value)} for ${yr} (${end === "from" ? "start" : "end"} year), which makes the change ${fmtPercent(percentChange(a, b), 1, true)}.`);
      }
    }
  }
  const compareFrom = p.opt("compareFrom");
  if (compareFrom) {
    const vals: Record<string, number | null> = {};
    const parts: string[] = [];
    for (const [role, spec] of Object.entries(series)) {
      const [m, what] = spec.split(".");
      if (m === "population" || what !== "pct") continue;
      const ch = change(t, m, compareFrom, to, prefer);
      vals[role] = ch.pct;
      used.push(ch.a);
      parts.push(`${label(m)} ${fmtPercent(ch.pct, 1, true)}`);
    }
    alternatives.push({ label: `the period ${compareFrom} to ${to}`, kind: "period", values: vals });
    sentences.push(`Measured from ${compareFrom} instead: ${parts.join(", ")}.`);
  }
  const periodNote = p.opt("documentPeriodNote");
  if (periodNote) sentences.unshift(periodNote);
  const wantsPop = Object.values(series).some((s) => s === "population.pct" || s.endsWith(".ratio"));
  if (wantsPop) {
    used.push(pop.a, pop.b);
    Object.assign(facts, prefixed("population", changeFacts(pop.a, pop.b, pop.pct, "population aged 0-17")));
    sentences.push(`ONS population aged 0-17 (revised back series): mid-${pop.a.year} ${fmtNumber(num(pop.a))} to mid-${pop.b.year} ${fmtNumber(num(pop.b))}, ${fmtPercent(pop.pct, 2, true)}.`);
    for (const [m, ch] of changes) {
      if (!Object.values(series).includes(`${m}.ratio`)) continue;
      facts[`${m}.ratio`] = fact(ch.pct / pop.pct, `${label(m)} growth over population growth`, { unit: "ratio" });
      sentences.push(`${label(m)} grew ${fmtNumber(ch.pct / pop.pct, 2)} times as fast as the population.`);
    }
    // the denominators DfE printed at the time (pre-2011-Census for 2010)
    const da = tryEngland(t, "dfePopulation0to17", from, ["cin-sfr-"]);
    const db = tryEngland(t, "dfePopulation0to17", to, ["cin-ees2020", "cin-sfr-"]);
    if (da && db && da.value !== null && db.value !== null) {
      const alt = percentChange(da.value, db.value);
      const vals: Record<string, number | null> = {};
      for (const [role, spec] of Object.entries(series)) {
        if (spec === "population.pct") vals[role] = alt;
        const [m, what] = spec.split(".");
        if (what === "ratio") vals[role] = changes.get(m)!.pct / alt;
      }
      alternatives.push({ label: `DfE's published 0-17 denominators (${da.src} for ${from}, ${db.src} for ${to})`, kind: "revision", values: vals });
      sentences.push(`With the 0-17 populations DfE printed at the time (${fmtNumber(da.value)} for ${from}, pre-2011-Census; ${fmtNumber(db.value)} for ${to}) growth would be ${fmtPercent(alt, 1, true)}.`);
    }
  }
  const evidence = evidenceFor(used);
  const contrast = p.opt("contrast");
  if (contrast) {
    // the other definition answers every role the series gives to a percentage change, a start or an end
    const ch = change(t, contrast, from, to, prefer);
    const vals: Record<string, number | null> = {};
    for (const [role, spec] of Object.entries(series)) {
      const what = spec.split(".")[1];
      vals[role] = what === "pct" ? ch.pct : what === "from" ? num(ch.a) : what === "to" ? num(ch.b) : null;
    }
    evidence.push(...evidenceFor([ch.a, ch.b], `other definition: ${label(contrast)}`));
    Object.assign(facts, prefixed(contrast, changeFacts(ch.a, ch.b, ch.pct, label(contrast))));
    sentences.push(`Counted as ${label(contrast)} instead: ${fmtNumber(num(ch.a))} in ${from} to ${fmtNumber(num(ch.b))} in ${to}, ${fmtPercent(ch.pct, 1, true)}.`);
    alternatives.push({ label: `${label(contrast)} (${from} to ${to})`, kind: "definition", values: vals });
  }
  return { values, evidence, explanation: sentences.join(" "), alternatives, dataTolerance, reading: `${from} to ${to}`, facts };
};

/** Facts renamed "<prefix>.<name>". */
function prefixed(prefix: string, f: Facts): Facts {
  return Object.fromEntries(Object.entries(f).map(([k, v]) => [`${prefix}.${k}`, v]));
}

// ---------------------------------------------------------------------------------------------
// Factors at the end of assessment

const FACTOR_SPLIT: Record<string, string[]> = {
  DomesticViolence: ["factorDomesticViolenceChild", "factorDomesticViolenceParent", "factorDomesticViolencePerson"],
  MentalHealth: ["factorMentalHealthChild", "factorMentalHealthParent", "factorMentalHealthPerson"],
  DrugMisuse: ["factorDrugMisuseChild", "factorDrugMisuseParent", "factorDrugMisusePerson"],
  AlcoholMisuse: ["factorAlcoholMisuseChild", "factorAlcoholMisuseParent", "factorAlcoholMisusePerson"],
};

/**
 * A factor's count in a year: the single count of the SFR files (to 2016-17) or, from 2017-18, the
 * sum of the child / parent / other-person counts (an upper bound on episodes: one episode can carry
 * the factor for more than one person).
 */
function factorCount(t: Tables, factor: string, year: string): { value: number; obs: Obs[]; split: boolean } {
  const single = tryEngland(t, `factor${factor}`, year);
  if (single && single.value !== null) return { value: single.value, obs: [single], split: false };
  const parts = (FACTOR_SPLIT[factor] ?? []).map((m) => pickEngland(t, m, year));
  if (parts.length === 0) throw new DataError(`no count of the factor "${factor}" in ${year}`);
  return { value: parts.reduce((s, o) => s + num(o), 0), obs: parts, split: true };
}

/**
 * Change in how often factors were recorded at the end of assessment: params.factors { role: factor }
 * (DomesticViolence, MentalHealth, DrugMisuse, AlcoholMisuse), from, to, and optional altTo (another
 * end year, a "period" alternative).
 */
const factors: Kind = (t, p) => {
  const from = p.str("from");
  const to = p.str("to");
  const spec = p.req("factors", "{ role: factor }");
  const values: Record<string, number | null> = {};
  const obs: Obs[] = [];
  const parts: string[] = [];
  const facts: Facts = {};
  const altTo = p.opt("altTo");
  const altValues: Record<string, number | null> = {};
  const altObs: Obs[] = [];
  for (const [role, factor] of Object.entries(spec)) {
    const a = factorCount(t, factor, from);
    const b = factorCount(t, factor, to);
    values[role] = percentChange(a.value, b.value);
    obs.push(...a.obs, ...b.obs);
    facts[`${factor}.from`] = fact(a.value, `${factor} recorded at the end of assessment`, { period: from, area: "England", source: a.obs[0].src, unit: "count" });
    facts[`${factor}.to`] = fact(b.value, `${factor} recorded at the end of assessment${b.split ? " (sum of child, parent and other-person counts)" : ""}`, { period: to, area: "England", source: b.obs[0].src, unit: "count" });
    facts[`${factor}.pct`] = fact(values[role], `percentage change in ${factor}`, { period: `${from} to ${to}`, unit: "percent" });
    parts.push(`${factor} ${fmtNumber(a.value)} in ${from} → ${fmtNumber(b.value)} in ${to}${b.split ? " (sum of child, parent and other-person counts)" : ""}, ${fmtPercent(values[role], 1, true)}`);
    if (altTo) {
      const x = factorCount(t, factor, altTo);
      altValues[role] = percentChange(a.value, x.value);
      altObs.push(...x.obs);
      parts.push(`to ${altTo}: ${fmtNumber(x.value)}${x.split ? " (sum of child, parent and other-person counts, an upper bound on episodes)" : ""}, ${fmtPercent(altValues[role], 1, true)}`);
    }
  }
  const evidence: Evidence[] = [...evidenceFor(obs), ...(altTo ? evidenceFor(altObs) : [])];
  const alternatives: Alternative[] = altTo ? [{ label: `${from} to ${altTo}`, kind: "period", values: altValues }] : [];
  return { values, evidence, explanation: `Recorded at the end of assessment: ${parts.join("; ")}.`, alternatives, facts };
};

// ---------------------------------------------------------------------------------------------
// A sum of measures under several definitions

interface Definition {
  label: string;
  measures: string[];
}

/** The value of a definition in a year from one file (a sum of its measures). */
function definitionValue(measures: string[], pick: (m: string) => Obs | undefined): { value: number; obs: Obs[] } | null {
  const obs = measures.map(pick);
  if (obs.some((o) => !o || o.value === null)) return null;
  return { value: obs.reduce((s, o) => s + num(o!), 0), obs: obs as Obs[] };
}

/**
 * Change in a count at 31 March that has several definitions, each a sum of England measures as
 * first published (params.definitions [{ label, measures }], the primary one first), between params.from
 * and params.to; the end year as revised in later releases; the primary definition's share of
 * params.total at both ends (a "not a change" alternative); and params.context, measures shown around
 * a break in the series ({ measures, years }). National counts are rounded to the nearest 10.
 * Roles pctChange, from, to.
 */
const sum: Kind = (t, p) => {
  const from = p.str("from");
  const to = p.str("to");
  const defs = p.raw.definitions as Definition[] | undefined;
  if (!Array.isArray(defs) || defs.length === 0) throw p.error(`parameter "definitions" ([{ label, measures }]) is missing`);
  const alternatives: Alternative[] = [];
  const sentences: string[] = [];
  const used: Obs[] = [];
  const eng = (m: string, y: string) => allEngland(t, m, y);
  let primary: { pct: number; a: number; b: number; tol: number; label: string; srcA: string; srcB: string } | undefined;
  for (const d of defs) {
    const a = definitionValue(d.measures, (m) => firstPublished(t, m, from));
    const b = definitionValue(d.measures, (m) => firstPublished(t, m, to));
    if (!a || !b) {
      sentences.push(`${d.label}: not in the files for both years.`);
      continue;
    }
    used.push(...a.obs, ...b.obs);
    const pct = percentChange(a.value, b.value);
    // national counts in these files are rounded to the nearest 10: ±5 on each part
    const tol = pctChangeTolerance(a.value, b.value, 5 * a.obs.length, 5 * b.obs.length);
    sentences.push(`${d.label[0].toUpperCase()}${d.label.slice(1)}: ${fmtNumber(a.value)} at ${at31March(from)} (${fileLabel(a.obs[0].src)}) → ${fmtNumber(b.value)} at ${at31March(to)} (${fileLabel(b.obs[0].src)}), ${fmtPercent(pct, 1, true)}.`);
    if (!primary) primary = { pct, a: a.value, b: b.value, tol, label: d.label, srcA: a.obs[0].src, srcB: b.obs[0].src };
    else alternatives.push({ label: d.label, kind: "definition", values: { pctChange: pct, from: a.value, to: b.value } });
    // the end year as revised in later releases
    for (const rel of new Set(eng(d.measures[0], to).map((o) => o.src))) {
      const r = definitionValue(d.measures, (m) => eng(m, to).find((o) => o.src === rel));
      if (!r || r.obs[0].src === b.obs[0].src || r.value === b.value) continue;
      used.push(...r.obs);
      const p2 = percentChange(a.value, r.value);
      alternatives.push({ label: `${d.label}, ${at31March(to)} as revised in ${fileLabel(rel)} (${fmtNumber(r.value)})`, kind: "revision", values: { pctChange: p2, from: a.value, to: r.value } });
      sentences.push(`A later release (${fileLabel(rel)}) revises ${at31March(to)} to ${fmtNumber(r.value)}: ${fmtPercent(p2, 1, true)}.`);
    }
  }
  if (!primary) throw new DataError(`no counts for any definition at 31 March for both ${from} and ${to} in the files`);
  const context = p.obj<{ measures: string[]; years: string[] }>("context");
  if (context && from < context.years[1] && to >= context.years[1]) {
    const got = context.measures.map((m) => context.years.map((y) => eng(m, y).find((o) => o.value !== null)));
    if (got.every((g) => g.every((o) => o))) {
      used.push(...(got.flat() as Obs[]));
      sentences.push(`Around the break in the series: ${got.map((g, i) => `${label(context.measures[i])} ${g.map((o) => `${fmtNumber(o!.value)} at ${at31March(o!.year)}`).join(", ")}`).join("; ")}.`);
    }
  }
  const totalMeasure = p.opt("total");
  if (totalMeasure) {
    const totA = firstPublished(t, totalMeasure, from);
    const totB = firstPublished(t, totalMeasure, to);
    const shareA = sharePercent(primary.a, num(totA));
    const shareB = sharePercent(primary.b, num(totB));
    used.push(totA, totB);
    sentences.push(`As a share of all ${label(totalMeasure)}, ${primary.label} held ${fmtPercent(shareA, 1)} at ${at31March(from)} (${fmtNumber(primary.a)} of ${fmtNumber(num(totA))}) and ${fmtPercent(shareB, 1)} at ${at31March(to)}.`);
    alternatives.push({ label: `not a change: the share of ${label(totalMeasure).replace(/ at 31 March$/, "")} at ${at31March(from)} in ${primary.label} (${fmtNumber(primary.a)} of ${fmtNumber(num(totA))})`, kind: "definition", values: { pctChange: shareA } });
  }
  const pcts = [primary.pct, ...alternatives.filter((a) => a.kind === "definition" && a.values.from !== undefined).map((a) => a.values.pctChange as number)];
  sentences.push(`The definitions give rises of ${fmtPercent(Math.min(...pcts), 1)} to ${fmtPercent(Math.max(...pcts), 1)}.`);
  const note = p.opt("countNote");
  if (note) sentences.push(note);
  return {
    values: { pctChange: primary.pct, from: primary.a, to: primary.b },
    evidence: evidenceFor(used),
    explanation: sentences.join(" "),
    alternatives,
    dataTolerance: { pctChange: primary.tol },
    facts: {
      from: fact(primary.a, primary.label, { period: at31March(from), area: "England", source: primary.srcA, unit: "count" }),
      to: fact(primary.b, primary.label, { period: at31March(to), area: "England", source: primary.srcB, unit: "count" }),
      pct: fact(primary.pct, `percentage change in ${primary.label}`, { period: `${from} to ${to}`, unit: "percent" }),
    },
  };
};

// ---------------------------------------------------------------------------------------------
// Workforce at 30 September

/**
 * An England workforce figure at 30 September of params.from and params.to (params.measure), roles
 * `from`, `to` and `pctChange`, from the earliest release in the mirror that has the measure; later
 * releases as alternatives. When the measure is missing from the earliest release, the explanation
 * shows how much that release's other figures were revised in the next.
 */
const workforce: Kind = (t, p) => {
  const measure = p.str("measure");
  const fromY = p.str("from");
  const toY = p.str("to");
  const w = t.workforce();
  const rate = /Rate$/.test(measure);
  const name = WORKFORCE_LABELS[measure] ?? measure;
  const fmt = (v: number | null) => (rate ? fmtPercent(v, 1) : fmtNumber(v, 1));
  const vintages = WORKFORCE_FILES.filter((id) => w.filter({ measure, level: "national", src: id }).length > 0);
  if (vintages.length === 0) throw new DataError(`no England ${name} in the workforce files`);
  const at = (id: string, y: string) => w.one({ measure, year: y, level: "national", src: id });
  const primary = vintages[0];
  const a = at(primary, fromY);
  const b = at(primary, toY);
  const pct = percentChange(num(a), num(b));
  const used: Obs[] = [a, b];
  const sentences = [`England ${name}: ${fmt(a.value)} at 30 September ${fromY} and ${fmt(b.value)} at 30 September ${toY} (${fileLabelParen(primary)}), ${fmtPercent(pct, 1, true)}${rate ? ` (${fmtNumber(num(b) - num(a), 1)} percentage points)` : ""}.`];
  const alternatives: Alternative[] = [];
  for (const id of vintages.slice(1)) {
    const x = at(id, fromY);
    const y = at(id, toY);
    if (x.value === a.value && y.value === b.value) continue;
    used.push(x, y);
    alternatives.push({ label: fileLabelParen(id), kind: "revision", values: { from: x.value, to: y.value, pctChange: percentChange(num(x), num(y)) } });
    sentences.push(`${fileLabelParen(id)}: ${fmt(x.value)} and ${fmt(y.value)}.`);
  }
  if (primary !== WORKFORCE_FILES[0]) {
    const first = WORKFORCE_FILES[0];
    const revised = ["fte", "leavers", "vacancies", "agencyFte"].map((m) => {
      const q0 = w.filter({ measure: m, year: fromY, level: "national", src: first })[0];
      const q1 = w.filter({ measure: m, year: fromY, level: "national", src: primary })[0];
      return q0 && q1 && q0.value !== q1.value ? `${WORKFORCE_LABELS[m]} ${fmtNumber(q0.value, 1)} → ${fmtNumber(q1.value, 1)}` : "";
    }).filter(Boolean);
    sentences.push(`${fileLabelParen(first)}, the earliest release in the mirror, has no ${name}; the first release to carry it here is ${fileLabelParen(primary)}, which revised other ${fromY} figures of the earlier release (${revised.join("; ") || "none"}). The releases that first published ${fromY} and ${toY} (February ${Number(fromY) + 1} and ${Number(toY) + 1}) are not in the mirror.`);
  }
  const what = name;
  return {
    values: { from: num(a), to: num(b), pctChange: pct },
    evidence: evidenceFor(used),
    explanation: sentences.join(" "),
    alternatives,
    facts: changeFacts(a, b, pct, what),
  };
};

// ---------------------------------------------------------------------------------------------
// Money, cash

/**
 * The change of a budget or spending line between two years, in cash: params.table "ra" (MHCLG
 * revenue account budgets, England row) or "s251" (DfE section 251, params.release "ees": the 2021-22
 * national file with revisions), params.measure, from, to. Roles `from`, `to`, `level` (£ billion),
 * `increase` (£ million), `pctChange`. params.net (a measure): the same line net of income as a
 * "definition" alternative of the level; params.sumOfLas: the sum of the LA rows as an alternative;
 * params.other (a measure, with params.otherLabel): another definition of the same spending (gross
 * for net), given as an alternative reading of the level and the change.
 * params.part (a measure): the part of the increase that line accounts for; params.outturn (an RO3
 * measure): what was spent in the same years, against the budget. RA has no total line before
 * 2012-13: its total is then the sum of the children's lines.
 */
const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);

const money: Kind = (t, p) => {
  const table = p.oneOf("table", ["ra", "s251"] as const, "ra");
  const measure = p.str("measure");
  const from = p.str("from");
  const to = p.str("to");
  const src = table === "s251" ? S251_EES_NATIONAL : undefined;
  const tab = table === "ra" ? t.ra() : t.s251();
  const at = (m: string, y: string) => tab.one({ measure: m, year: y, level: "national", ...(src ? { src } : {}) });
  const a = at(measure, from);
  const b = at(measure, to);
  const pa = pounds(a);
  const pb = pounds(b);
  const inc = pb - pa;
  const pct = percentChange(pa, pb);
  const what = p.opt("label", table === "ra" ? "budgeted net current expenditure" : "expenditure");
  const used: Obs[] = [a, b];
  const alternatives: Alternative[] = [];
  const sentences = [`${table === "ra" ? "MHCLG revenue account budgets (RA)" : `DfE section 251 outturn (${fileLabel(b.src)})`}, ${what}, England: ${fm(pa)} for ${from} and ${fm(pb)} for ${to}, ${inc >= 0 ? "an increase" : "a fall"} of ${fm(Math.abs(inc))} (${fmtPercent(pct, 2, true)}).`];
  const facts: Facts = { ...changeFacts(a, b, pct, what), increase: fact(mn(inc), `increase in ${what}`, { period: `${from} to ${to}`, unit: "gbp_m" }) };
  const part = p.opt("part");
  if (part) {
    const ca = at(part, from);
    const cb = at(part, to);
    const claInc = pounds(cb) - pounds(ca);
    used.push(ca, cb);
    facts.partIncrease = fact(mn(claInc), `increase in ${label(part)}`, { period: `${from} to ${to}`, unit: "gbp_m", source: cb.src });
    sentences.push(`${p.opt("partLabel", part)} account${claInc === 1 ? "s" : ""} for ${fm(claInc)} of it (${fmtPercent(sharePercent(claInc, inc), 1)}): ${fm(pounds(ca))} → ${fm(pounds(cb))}, ${fmtPercent(percentChange(pounds(ca), pounds(cb)), 2, true)}.`);
  }
  const outturn = p.opt("outturn");
  if (outturn) {
    const outs = [from, to].map((y) => t.ro3().filter({ measure: outturn, year: y, level: "national" })).map((h) => (h.length === 1 ? h[0] : null)).filter((o): o is Obs => o !== null && o.value !== null);
    used.push(...outs);
    if (outs.length) sentences.push(`What was spent (RO3 outturn, net current expenditure) was ${outs.map((o) => {
      const d = pounds(o) - (o.year === from ? pa : pb);
      return `${fm(pounds(o))} in ${o.year} (${fm(Math.abs(d))} ${d >= 0 ? "above" : "below"} the budget)`;
    }).join(" and ")}.`);
  }
  if (p.flag("sumOfLas")) {
    const sumLa = (y: string) => tab.filter({ measure, year: y, level: "la" }).reduce((s, o) => s + (o.value === null ? 0 : pounds(o)), 0);
    const laInc = sumLa(to) - sumLa(from);
    alternatives.push({ label: `sum of the upper-tier LA rows (${fm(laInc)})`, kind: "definition", values: { increase: mn(laInc), pctChange: percentChange(sumLa(from), sumLa(to)) } });
    sentences.push(`Summed over the upper-tier LA rows the increase is ${fm(laInc)}.`);
  }
  // another definition of the same spending (gross for net, say): the same change on its line
  const other = p.opt("other");
  if (other) {
    const oa = tab.filter({ measure: other, year: from, level: "national", ...(src ? { src } : {}) })[0];
    const ob = tab.filter({ measure: other, year: to, level: "national", ...(src ? { src } : {}) })[0];
    if (oa && ob && oa.value !== null && ob.value !== null) {
      used.push(oa, ob);
      const otherLabel = p.opt("otherLabel", label(other));
      const opct = percentChange(pounds(oa), pounds(ob));
      alternatives.push({ label: `${otherLabel} instead`, kind: "definition", values: { from: bn(pounds(oa)), to: bn(pounds(ob)), level: bn(pounds(ob)), increase: mn(pounds(ob) - pounds(oa)), pctChange: opct } });
      sentences.push(`${cap(otherLabel)}: ${fm(pounds(oa))} for ${from} and ${fm(pounds(ob))} for ${to} (${fmtPercent(opct, 2, true)}).`);
    }
  }
  return {
    values: { from: bn(pa), to: bn(pb), level: bn(pb), increase: mn(inc), pctChange: pct },
    evidence: evidenceFor(used),
    explanation: sentences.join(" "),
    ...(alternatives.length ? { alternatives } : {}),
    facts,
  };
};

// ---------------------------------------------------------------------------------------------
// One s251 line, cash or real terms

type GrossNet = "gross" | "net";

const round2bn = (x: number) => Math.round(x / 1e7) * 1e7;

/**
 * The change of one s251 line (params.line: residential, socialWork…) between two years (England, sum
 * of LAs, files as first published). Roles `pctChange`, `from`, `to` (£ billion, in the prices of
 * params.prices, default 2017-18 — the prices of the NAO's real-terms figures — on the basis
 * params.kind, default net). params.basis "real" (default) or "cash". Every other combination —
 * gross or net, cash or real, prices of the end year — is computed and given as an alternative,
 * with the changes between levels rounded to £0.01 billion and the later revision of the end year.
 */
const s251Line: Kind = (t, p) => {
  const line = p.str("line");
  const fromY = p.str("from");
  const toY = p.str("to");
  const basis = p.oneOf("basis", ["real", "cash"] as const, "real");
  const prices = p.opt("prices", "2017-18");
  const kind = p.oneOf("kind", ["net", "gross"] as const, "net");
  const name = S251_NAMES[line] ?? line;
  const obs = {
    fromGross: s251Original(t, line, "gross", fromY),
    fromNet: s251Original(t, line, "net", fromY),
    toGross: s251Original(t, line, "gross", toY),
    toNet: s251Original(t, line, "net", toY),
  };
  const A = { gross: pounds(obs.fromGross), net: pounds(obs.fromNet) };
  const B = { gross: pounds(obs.toGross), net: pounds(obs.toNet) };
  const series = t.deflatorSeries();
  const idxObs = [...new Set([fromY, toY, prices])].map((y) => t.deflator().one({ measure: "gdpDeflator", year: y, level: "national" }));
  for (const o of idxObs) deflatorIndex(series, o.year);
  const lineChange = (fromP: number, toP: number, pr: string | null) => {
    const a = pr ? realTerms(fromP, fromY, pr, series) : fromP;
    const b = pr ? realTerms(toP, toY, pr, series) : toP;
    return { from: a, to: b, pct: percentChange(a, b) };
  };
  const primPrices = basis === "real" ? prices : null;
  const prim = lineChange(A[kind], B[kind], primPrices);
  const values = { pctChange: prim.pct, from: bn(prim.from), to: bn(prim.to) };
  const alternatives: Alternative[] = [];
  const rows: string[] = [];
  const priceSets = [...new Set([prices, toY])];
  const labelOf = (ka: GrossNet, kb: GrossNet, pr: string | null) => `${pr ? `real terms (${pr} prices)` : "cash"}, ${ka === kb ? ka : `${fromY} ${ka} to ${toY} ${kb}`}`;
  // same basis in both years, in each price base and in cash; then the mixed pair gross (start) → net (end)
  const combos: [GrossNet, GrossNet, string | null][] = [];
  for (const k of [kind, kind === "net" ? "gross" : "net"] as GrossNet[]) {
    for (const pr of priceSets) combos.push([k, k, pr]);
    combos.push([k, k, null]);
  }
  for (const pr of [...priceSets, null]) combos.push(["gross", "net", pr]);
  const kindOf = (pr: string | null): Alternative["kind"] => (pr === null ? "cash-real" : "definition");
  const rounded: Alternative[] = [];
  const roundedRows: string[] = [];
  for (const [ka, kb, pr] of combos) {
    const ch = lineChange(A[ka], B[kb], pr);
    const isPrimary = ka === kind && kb === kind && pr === primPrices;
    rows.push(`${labelOf(ka, kb, pr)}: ${fm(ch.from)} → ${fm(ch.to)}, ${fmtPercent(ch.pct, 1, true)}`);
    if (!isPrimary) alternatives.push({ label: labelOf(ka, kb, pr), kind: kindOf(pr), values: { pctChange: ch.pct, from: bn(ch.from), to: bn(ch.to) } });
    // the change between the levels rounded to £0.01 billion, as a document prints them
    const ra = round2bn(ch.from);
    const rb = round2bn(ch.to);
    const rp = percentChange(ra, rb);
    if (Math.abs(rp - ch.pct) < 0.05) continue;
    roundedRows.push(`${labelOf(ka, kb, pr)}: ${fb(ra)} → ${fb(rb)} is ${fmtPercent(rp, 1, true)}`);
    const alt: Alternative = { label: `${labelOf(ka, kb, pr)}, the change between the levels rounded to £0.01 billion (${fb(ra)} → ${fb(rb)})`, kind: isPrimary ? "rounding" : kindOf(pr), values: { pctChange: rp } };
    // the primary reading, rounded, comes before every other reading
    if (isPrimary) rounded.unshift(alt);
    else rounded.push(alt);
  }
  alternatives.unshift(...rounded.filter((a) => a.kind === "rounding"));
  alternatives.push(...rounded.filter((a) => a.kind !== "rounding"));
  // readings that print the same levels as the primary one once rounded to £0.01 billion
  const pr0 = [round2bn(prim.from), round2bn(prim.to)];
  const twins = combos
    .filter(([ka, kb, pr]) => !(ka === kind && kb === kind && pr === primPrices))
    .filter(([ka, kb, pr]) => {
      const ch = lineChange(A[ka], B[kb], pr);
      return round2bn(ch.from) === pr0[0] && round2bn(ch.to) === pr0[1];
    })
    .map(([ka, kb, pr]) => labelOf(ka, kb, pr));
  const sameLevels = twins.length
    ? ` Rounded to £0.01 billion, the ${labelOf(kind, kind, primPrices)} levels (${fb(pr0[0])} → ${fb(pr0[1])}) are also what ${twins.join(" and ")} give${twins.length === 1 ? "s" : ""}: printed levels alone cannot tell these readings apart.`
    : "";
  // later revision of the end year (DfE 2021-22 release)
  const rev = s251Revised(t, line, kind, toY);
  const used: Obs[] = [obs.fromGross, obs.fromNet, obs.toGross, obs.toNet, ...idxObs];
  let revSentence = "";
  if (rev && Math.abs(pounds(rev) - B[kind]) > 5e5) {
    const lr = laRevisions(t, toY);
    used.push(rev, ...lr.obs);
    const ch = lineChange(A[kind], pounds(rev), primPrices);
    alternatives.push({ label: `${toY} ${kind} as revised in DfE's 2021-22 release (${fm(pounds(rev))})`, kind: "revision", values: { pctChange: ch.pct, to: bn(ch.to) } });
    revSentence = ` DfE later revised ${toY} to ${fm(pounds(rev))} ${kind} (2021-22 release${lr.text ? `; ${lr.text}` : ""}); on that figure the change would be ${fmtPercent(ch.pct, 1, true)}.`;
  }
  const ia = deflatorIndex(series, fromY).index;
  const ib = deflatorIndex(series, prices).index;
  const infl = percentChange(ia, ib);
  // sensitivity of the real change to the deflator: 0.1 point less inflation between the two years
  const tighter = percentChange(A[kind] * (ib / ia - 0.001), B[kind] * (ib / deflatorIndex(series, toY).index));
  const sens = tighter - prim.pct;
  const explanation =
    `DfE section 251 outturn, line "${name}", England (sum of the 152 LAs, City of London and the Isles of Scilly included, in each year's file as first published): ` +
    `${fromY} ${fm(A.gross)} gross, ${fm(A.net)} net; ${toY} ${fm(B.gross)} gross, ${fm(B.net)} net. ` +
    `The primary reading is ${labelOf(kind, kind, primPrices)} with HM Treasury's GDP deflator (March 2020; ${fromY} → ${prices} prices ${fmtPercent(infl, 2, true)}): ` +
    `${fm(prim.from)} → ${fm(prim.to)}, ${fmtPercent(prim.pct, 1, true)}. Every combination: ${rows.join("; ")}.` +
    (roundedRows.length ? ` Between levels rounded to £0.01 billion: ${roundedRows.join("; ")}.` : "") +
    sameLevels +
    ` Real-terms figures depend on the deflator vintage: each 0.1 point less inflation from ${fromY} to ${prices} adds ${fmtNumber(sens, 2)} points to the real change. ` +
    `HM Treasury revises the series each quarter with ONS's national accounts; the vintage current when the NAO reported (January 2019) is not in the mirror.` +
    revSentence;
  const reading = primPrices ? `${prices} prices` : "cash";
  return {
    values,
    evidence: evidenceFor(used),
    explanation,
    alternatives,
    facts: {
      from: fact(prim.from, `${name}, ${kind}, ${reading}`, { period: fromY, area: "England", source: obs.fromNet.src, unit: "gbp" }),
      to: fact(prim.to, `${name}, ${kind}, ${reading}`, { period: toY, area: "England", source: obs.toNet.src, unit: "gbp" }),
      pct: fact(prim.pct, `percentage change, ${reading}`, { period: `${fromY} to ${toY}`, unit: "percent" }),
      inflation: fact(infl, "price growth (HM Treasury GDP deflator, March 2020)", { period: `${fromY} to ${prices}`, unit: "percent" }),
    },
  };
};

// ---------------------------------------------------------------------------------------------
// The service lines of Figure 13, real terms

const SERIES_WHAT = ["pct", "change", "fall"] as const;
type SeriesWhat = (typeof SERIES_WHAT)[number];

function parseLineSeries(p: Params): { role: string; line: ServiceLine; what: SeriesWhat }[] {
  return Object.entries(p.req("series", `{ role: "line.pct|change|fall" }`)).map(([role, spec]) => {
    const [line, what] = String(spec).split(".");
    if (!SERVICE_LINES.includes(line as ServiceLine)) throw p.error(`unknown service line "${line}" (lines: ${SERVICE_LINES.join(", ")})`);
    if (!SERIES_WHAT.includes(what as SeriesWhat)) throw p.error(`"${spec}" must end in .pct, .change or .fall`);
    return { role, line: line as ServiceLine, what: what as SeriesWhat };
  });
}

const pickLine = (ch: LineChange, what: SeriesWhat) => (what === "pct" ? ch.pct : what === "change" ? mn(ch.change) : -mn(ch.change));

/**
 * The real-terms change of service lines between two years (Figure 13): params.series maps each
 * role to "<line>.pct" (per cent), "<line>.change" (£ million, negative for a fall) or "<line>.fall"
 * (£ million, positive for a fall); net current expenditure, in the prices of params.prices
 * (default the end year). Gross, cash, the other placing of the Child Trust Fund top ups and the
 * 2010-11 groups as filed are alternatives.
 */
const serviceLines: Kind = (t, p) => {
  const from = p.str("from");
  const to = p.str("to");
  const prices = p.opt("prices", to);
  const kind = p.oneOf("kind", ["net", "gross"] as const, "net");
  const series = parseLineSeries(p);
  const main = lineChanges(t, from, to, prices, kind);
  const get = (r: { changes: LineChange[] }, l: ServiceLine) => r.changes.find((x) => x.line === l)!;
  const values = Object.fromEntries(series.map((s) => [s.role, pickLine(get(main, s.line), s.what)]));
  const other = kind === "net" ? "gross" : "net";
  /** Other readings, each with the lines it can move. */
  const readings: { label: string; kind: Alternative["kind"]; r: { changes: LineChange[] }; lines: ServiceLine[] }[] = [
    { label: `${other} expenditure, real terms (${prices} prices)`, kind: "definition", r: lineChanges(t, from, to, prices, other), lines: SERVICE_LINES },
    { label: `cash, ${kind}`, kind: "cash-real", r: lineChanges(t, from, to, null, kind), lines: SERVICE_LINES },
  ];
  const lines = [...new Set(series.map((s) => s.line))];
  if (from === "2010-11" && lines.includes("safeguarding")) readings.push({ label: "Child Trust Fund top ups (2010-11) left out of safeguarding", kind: "definition", r: lineChanges(t, from, to, prices, kind, { childTrustFund: "none" }), lines: ["safeguarding"] });
  if (from <= "2011-12" && lines.some((l) => l === "cla" || l === "otherChildrenFamilies")) readings.push({ label: `${from} groups as filed (adoption and special guardianship left in other children's and families services)`, kind: "definition", r: lineChanges(t, from, to, prices, kind, { mapping: "as-filed" }), lines: ["cla", "otherChildrenFamilies"] });
  const alternatives: Alternative[] = readings.map((x) => ({ label: x.label, kind: x.kind, values: Object.fromEntries(series.map((s) => [s.role, pickLine(get(x.r, s.line), s.what)])) }));
  const infl = priceGrowth(t, from, prices);
  const facts: Facts = { inflation: fact(infl, "price growth (HM Treasury GDP deflator, March 2020)", { period: `${from} to ${prices}`, unit: "percent" }) };
  const lineText = lines.map((l) => {
    const ch = get(main, l);
    facts[`${l}.from`] = fact(ch.from, `${SERVICE_LINE_LABELS[l]}, ${kind}, ${prices} prices`, { period: from, area: "England", unit: "gbp" });
    facts[`${l}.to`] = fact(ch.to, `${SERVICE_LINE_LABELS[l]}, ${kind}, ${prices} prices`, { period: to, area: "England", unit: "gbp" });
    facts[`${l}.pct`] = fact(ch.pct, `real-terms change in ${SERVICE_LINE_LABELS[l]}`, { period: `${from} to ${to}`, unit: "percent" });
    const alt = readings.filter((x) => x.lines.includes(l)).map((x) => `${x.label}: ${fmtPercent(get(x.r, l).pct, 1, true)} (${fm(get(x.r, l).change)})`).join("; ");
    // 0.1 point less price growth lowers the start year's real amount by a thousandth of its cash amount
    const sens = mn(main.a.lines[l].value) * 0.001;
    return `${SERVICE_LINE_LABELS[l]}: ${fm(main.a.lines[l].value)} in ${from} (${fm(ch.from)} in ${prices} prices) → ${fm(main.b.lines[l].value)} in ${to}: ` +
      `${fm(ch.change)}, ${fmtPercent(ch.pct, 1, true)} in real terms [${alt}]; each 0.1 point less price growth from ${from} to ${prices} adds £${fmtNumber(Math.abs(sens), 2)} million to the real change. ${LINE_COMPARABILITY[l]}`;
  }).join(" ");
  const explanation =
    `DfE section 251 outturn, ${kind} current expenditure, England (sum of the 152 LAs, City of London and the Isles of Scilly included; files as first published), lines mapped to the grouping of the later years. ` +
    `${lineText} Prices: HM Treasury GDP deflator, ${from} → ${prices} ${fmtPercent(infl, 2, true)}. ${DEFLATOR_NOTE}`;
  const used = [...lines.flatMap((l) => [...main.a.lines[l].obs, ...main.b.lines[l].obs]), ...deflatorObs(t, [from, to, prices])];
  return { values, evidence: evidenceFor(used), explanation, alternatives, facts };
};

// ---------------------------------------------------------------------------------------------
// A rate since the start of the national time series

/**
 * The long-run change in the rate of children looked after, from a year of the national time series
 * (numbers only) to a later year. The files give numbers since 1994 but the mirror holds no 0-17
 * population before mid-1997, so a rate for an early year cannot be computed: those roles are null
 * and the claim is unverifiable, with what the data does say. params: from, to ("1994", "2018"),
 * count (default claAt31March), rate (default claRate).
 */
const longRun: Kind = (t, p) => {
  const fromYear = p.str("from");
  const toYear = p.str("to");
  const countM = p.opt("count", "claAt31March");
  const rateM = p.opt("rate", "claRate");
  const from = fyParam(fromYear);
  const to = fyParam(toYear);
  const eng = (m: string, y: string) => allEngland(t, m, y);
  const nFrom = firstPublished(t, countM, from);
  const nTo = firstPublished(t, countM, to);
  const rTo = firstPublished(t, rateM, to);
  // the same series (the time series) at both ends, so the change is not mixed across vintages
  const seriesTo = eng(countM, to).find((x) => x.src === nFrom.src && x.value !== null);
  const used: Obs[] = [nFrom, nTo, rTo, ...(seriesTo ? [seriesTo] : [])];
  const pctNumbers = percentChange(num(nFrom), num(nTo));
  const sentences = [
    `The national time series gives ${fmtNumber(num(nFrom))} ${label(countM)} at ${at31March(from)} (${fileLabel(nFrom.src)}); at ${at31March(to)} there were ${fmtNumber(num(nTo))} as first published (${fileLabel(nTo.src)})${seriesTo && seriesTo.value !== nTo.value ? ` and ${fmtNumber(num(seriesTo))} in the same time series` : ""}: the number rose by ${fmtPercent(pctNumbers, 1)}${seriesTo && seriesTo.value !== nTo.value ? ` (${fmtPercent(percentChange(num(nFrom), num(seriesTo)), 1)} within the time series)` : ""}.`,
    `The rate at ${at31March(to)} was ${fmtRate(num(rTo))} (${fileLabel(rTo.src)}).`,
    `The time series has numbers only, no rates, and the mirror holds no population for ${fromYear}, so neither the ${fromYear} rate nor its change to ${toYear} can be recomputed here.`,
  ];
  const values: Record<string, number | null> = { pctChange: null, [`rate${fromYear}`]: null, [`rate${toYear}`]: num(rTo), numberPctChange: pctNumbers };
  // context: the earliest year for which the mirror has a 0-17 population (ONS revised back series)
  const evidence: Evidence[] = [];
  try {
    const popTable = t.obs("population0to17");
    const first = popTable.years("population0to17")[0];
    if (first) {
      const pop = popTable.england("population0to17", first);
      const nYear = firstPublished(t, countM, fyFromEnd(Number(first) + 1));
      const r = ratePer10k(num(nYear), num(pop));
      sentences.push(`For scale: the earliest 0-17 population in the mirror is for mid-${first} (${fmtNumber(num(pop))}, ONS back series), which with the ${fmtNumber(num(nYear))} at 31 March ${Number(first) + 1} gives ${fmtRate(r, 1)}; a rate for ${fromYear} cannot be inferred from it.`);
      evidence.push(...evidenceFor([pop, nYear], "context only: the earliest year with a population in the mirror"));
    }
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
  }
  sentences.push(`What would settle it: DfE's published rate for 31 March ${fromYear} (e.g. the "Children looked after in England" national tables of that period), or the ONS mid-${Number(fromYear) - 1} estimate of the population aged 0-17 in England to divide ${fmtNumber(num(nFrom))} by.`);
  return {
    values,
    evidence: [...evidenceFor(used), ...evidence],
    explanation: sentences.join(" "),
    verdict: "unverifiable",
    facts: {
      ...changeFacts(nFrom, nTo, pctNumbers, label(countM)),
      rateTo: obsFact(rTo, label(rateM), "per10k"),
      rateFrom: fact(null, `${label(rateM)}: no population for this year in the mirror`, { period: at31March(from) }),
    },
  };
};

/** Kind `change`. */
export const changeKind: Kind = byFamily("change", { england, factors, sum, workforce, money, s251Line, serviceLines, longRun, deprivationThirds: deprivationThirdsKind });

export type { KindResult };
