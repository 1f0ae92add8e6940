import type { Alternative, CheckResult, Evidence } from "../types";
import type { Check, ClaimContext } from "./types";
import type { Tables } from "../tables";
import { param } from "./types";
import { Obs, evidenceFor, num } from "../../data/obs";
import { percentChange, sharePercent } from "../../stats/change";
import { fmtNumber, fmtPercent } from "../../format";
import { allEngland, change, label, pickEngland, populationGrowth, roundingOf, tryEngland } from "./series";

const srcName = (o: Obs) => o.src;

/**
 * Change in England activity between two years, and how it compares with growth of the 0-17
 * population. Roles: `<role>` mapped by params.series to `<measure>.pct|from|to|ratio` or
 * `population.pct`; by default `pctChange`, `from`, `to`, `ratioToPopulation`, `populationPct`
 * for params.measure.
 */
const activityChange: Check = (c, tables) => {
  const from = param(c, "from");
  const to = param(c, "to");
  const prefer = Array.isArray(c.params.prefer) ? (c.params.prefer as string[]) : undefined;
  const measure = typeof c.params.measure === "string" ? c.params.measure : undefined;
  const series: Record<string, string> = (c.params.series as Record<string, string>) ??
    (measure ? { pctChange: `${measure}.pct`, from: `${measure}.from`, to: `${measure}.to`, ratioToPopulation: `${measure}.ratio`, populationPct: "population.pct" } : {});
  const values: Record<string, number | null> = {};
  const used: Obs[] = [];
  const dataTolerance: Record<string, number> = {};
  const sentences: string[] = [];
  const alternatives: Alternative[] = [];
  const pop = populationGrowth(tables, from, to);
  const measures = [...new Set(Object.values(series).map((s) => s.split(".")[0]).filter((m) => m !== "population"))];
  const changes = new Map(measures.map((m) => [m, change(tables, m, from, to, prefer)]));
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
    else throw new Error(`claim "${c.id}": unknown series part "${spec}"`);
  }
  for (const [m, ch] of changes) {
    used.push(ch.a, ch.b);
    sentences.push(`England ${label(m)}: ${fmtNumber(num(ch.a))} in ${from} (${srcName(ch.a)}) to ${fmtNumber(num(ch.b))} in ${to} (${srcName(ch.b)}), a change of ${fmtPercent(ch.pct, 1, true)}${ch.tol ? ` (±${fmtNumber(ch.tol, 2)} points from the file's rounding)` : ""}.`);
    // other vintages of the same endpoints
    for (const [yr, end] of [[from, "from"], [to, "to"]] as const) {
      const used1 = end === "from" ? ch.a : ch.b;
      for (const o of allEngland(tables, m, yr)) {
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
  const compareFrom = typeof c.params.compareFrom === "string" ? c.params.compareFrom : undefined;
  if (compareFrom) {
    const vals: Record<string, number | null> = {};
    const parts: string[] = [];
    for (const [role, spec] of Object.entries(series)) {
      const [m, what] = spec.split(".");
      if (m === "population" || what !== "pct") continue;
      const ch = change(tables, m, compareFrom, to, prefer);
      vals[role] = ch.pct;
      used.push(ch.a);
      parts.push(`${label(m)} ${fmtPercent(ch.pct, 1, true)}`);
    }
    alternatives.push({ label: `the period ${compareFrom} to ${to}`, kind: "period", values: vals });
    sentences.push(`Measured from ${compareFrom} instead: ${parts.join(", ")}.`);
  }
  if (typeof c.params.documentPeriodNote === "string") sentences.unshift(c.params.documentPeriodNote);
  const wantsPop = Object.values(series).some((s) => s === "population.pct" || s.endsWith(".ratio"));
  if (wantsPop) {
    used.push(pop.a, pop.b);
    sentences.push(`ONS population aged 0-17 (revised back series): mid-${pop.a.year} ${fmtNumber(num(pop.a))} to mid-${pop.b.year} ${fmtNumber(num(pop.b))}, ${fmtPercent(pop.pct, 2, true)}.`);
    for (const [m, ch] of changes) if (Object.values(series).includes(`${m}.ratio`)) sentences.push(`${label(m)} grew ${fmtNumber(ch.pct / pop.pct, 2)} times as fast as the population.`);
    // the denominators DfE printed at the time (pre-2011-Census for 2010)
    const da = tryEngland(tables, "dfePopulation0to17", from, ["cin-sfr-"]);
    const db = tryEngland(tables, "dfePopulation0to17", to, ["cin-ees2020", "cin-sfr-"]);
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
  return { values, evidence: evidenceFor(used), explanation: sentences.join(" "), alternatives, dataTolerance, reading: `${from} to ${to}` };
};

/** An England count in one year. Role params.role (default "level"). */
const activityLevel: Check = (c, tables) => {
  const measure = param(c, "measure");
  const year = param(c, "year");
  const role = typeof c.params.role === "string" ? c.params.role : "level";
  const prefer = Array.isArray(c.params.prefer) ? (c.params.prefer as string[]) : undefined;
  const o = pickEngland(tables, measure, year, prefer);
  const alts = allEngland(tables, measure, year).filter((x) => x.src !== o.src && x.value !== null && x.value !== o.value);
  return {
    values: { [role]: num(o) },
    evidence: evidenceFor([o]),
    explanation: `England ${label(measure)} in ${year}: ${fmtNumber(num(o))} (${o.src}).${alts.map((a) => ` ${a.src} has ${fmtNumber(a.value)}.`).join("")}`,
    alternatives: alts.map((a) => ({ label: a.src, kind: "revision" as const, values: { [role]: a.value } })),
  };
};

/** Assessments completed in a year and the episodes with factors identified at their end. */
const assessmentFactors: Check = (c, tables) => {
  const year = param(c, "year");
  const a = pickEngland(tables, "assessments", year);
  const f = pickEngland(tables, "episodesWithFactors", year);
  const share = sharePercent(num(f), num(a));
  return {
    values: { assessments: num(a), withFactors: num(f), share },
    evidence: evidenceFor([a, f]),
    explanation: `In ${year} ${fmtNumber(num(a))} assessments were completed (${a.src}) and ${fmtNumber(num(f))} episodes had factors identified at the end of assessment (${f.src}): ${fmtPercent(share, 1)}.`,
  };
};

/** Share of children in need at 31 March whose primary need was abuse or neglect. */
const primaryNeedAbuse: Check = (c, tables) => {
  const year = param(c, "year");
  const t = tables.cin();
  const n = t.filter({ measure: "cinAt31MarchAbuseNeglect", level: "national" }).filter((o) => o.value !== null).sort((x, y) => x.year.localeCompare(y.year));
  const want = n.find((o) => o.year === year);
  const latest = n[n.length - 1];
  if (!want) {
    const tot = latest ? tryEngland(tables, "cinAt31March", latest.year, ["cin-sfr-"]) : null;
    const share = latest && tot && tot.value ? sharePercent(num(latest), tot.value) : null;
    return {
      values: { share: null },
      evidence: latest && tot ? evidenceFor([latest, tot], "context only: the latest year with primary need in these files") : [],
      explanation: `The files here give primary need at 31 March only to ${latest?.year ?? "no year"}${share !== null ? ` (abuse or neglect ${fmtPercent(share, 1)} of children in need then)` : ""}; the ${year} figure is in DfE's national tables of "Characteristics of children in need: 2017 to 2018" (table A3, primary need), which are not in the mirror.`,
    };
  }
  const tot = pickEngland(tables, "cinAt31March", year);
  const share = sharePercent(num(want), num(tot));
  return { values: { share }, evidence: evidenceFor([want, tot]), explanation: `Abuse or neglect was the primary need of ${fmtNumber(num(want))} of ${fmtNumber(num(tot))} children in need at 31 March (${year}): ${fmtPercent(share, 1)}.` };
};

/** The most common factors at the end of assessment in one year, from the SFR file's factor columns. */
function factorRanking(tables: Tables, year: string): Obs[] {
  return tables.cin().filter({ level: "national", year }).filter((o) => o.measure.startsWith("factor:") && o.value !== null).sort((a, b) => num(b) - num(a));
}

/** Domestic violence: its share of episodes with factors, and its rank among the factors recorded. */
const dvShareAndRank: Check = (c, tables) => {
  const year = param(c, "year");
  const rank = factorRanking(tables, year);
  const dv = pickEngland(tables, "factorDomesticViolence", year);
  const tot = pickEngland(tables, "episodesWithFactors", year);
  const pos = rank.findIndex((o) => o.measure === "factor:Domesticviolence") + 1;
  const share = sharePercent(num(dv), num(tot));
  const top = rank.slice(0, 4).map((o) => `${o.measure.slice(7)} ${fmtNumber(num(o))}`).join(", ");
  return {
    values: { share, rank: pos || null },
    evidence: evidenceFor([dv, tot, ...rank.slice(0, 4)]),
    explanation: `In ${year} domestic violence was recorded at the end of ${fmtNumber(num(dv))} of the ${fmtNumber(num(tot))} episodes with factors identified (${fmtPercent(share, 1)}), rank ${pos} among ${rank.length} factors (largest: ${top}). The denominator is episodes with factors, not every assessment.`,
  };
};

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
function factorCount(tables: Tables, factor: string, year: string): { value: number; obs: Obs[]; split: boolean } {
  const single = tryEngland(tables, `factor${factor}`, year);
  if (single && single.value !== null) return { value: single.value, obs: [single], split: false };
  const parts = FACTOR_SPLIT[factor].map((m) => pickEngland(tables, m, year));
  return { value: parts.reduce((s, o) => s + num(o), 0), obs: parts, split: true };
}

/** Change in the recording of one factor between two years; params.factor, from, to, and optional altTo. */
const factorChange: Check = (c, tables) => {
  const factor = param(c, "factor");
  const from = param(c, "from");
  const to = param(c, "to");
  const a = factorCount(tables, factor, from);
  const b = factorCount(tables, factor, to);
  const pct = percentChange(a.value, b.value);
  const alternatives: Alternative[] = [];
  const sentences = [`${factor} recorded at the end of assessment: ${fmtNumber(a.value)} in ${from} to ${fmtNumber(b.value)} in ${to}${b.split ? " (sum of child, parent and other-person counts)" : ""}, ${fmtPercent(pct, 1, true)}.`];
  const evidence: Evidence[] = evidenceFor([...a.obs, ...b.obs]);
  const altTo = typeof c.params.altTo === "string" ? c.params.altTo : undefined;
  if (altTo) {
    const x = factorCount(tables, factor, altTo);
    const p2 = percentChange(a.value, x.value);
    alternatives.push({ label: `${from} to ${altTo}`, kind: "period", values: { pctChange: p2 } });
    sentences.push(`To ${altTo}: ${fmtNumber(x.value)}${x.split ? " (sum of child, parent and other-person counts, an upper bound on episodes)" : ""}, ${fmtPercent(p2, 1, true)}.`);
    evidence.push(...evidenceFor(x.obs));
  }
  return { values: { pctChange: pct }, evidence, explanation: sentences.join(" "), alternatives };
};

/** Whether mental health, drug misuse and alcohol misuse were recorded more often in `to` than in `from`. */
const factorsIncreased: Check = (c, tables) => {
  const from = param(c, "from");
  const to = param(c, "to");
  const values: Record<string, number | null> = {};
  const obs: Obs[] = [];
  const parts: string[] = [];
  for (const [role, factor] of [["mentalHealth", "MentalHealth"], ["drugMisuse", "DrugMisuse"], ["alcoholMisuse", "AlcoholMisuse"]] as const) {
    const a = factorCount(tables, factor, from);
    const b = factorCount(tables, factor, to);
    values[role] = percentChange(a.value, b.value);
    obs.push(...a.obs, ...b.obs);
    parts.push(`${factor} ${fmtNumber(a.value)} → ${fmtNumber(b.value)} (${fmtPercent(values[role], 1, true)})`);
  }
  return { values, evidence: evidenceFor(obs), explanation: `From ${from} to ${to}: ${parts.join("; ")}.` };
};

/** Population growth alone (0-17, ONS revised series). */
const populationChange: Check = (c: ClaimContext, tables: Tables): CheckResult => activityChange({ ...c, params: { ...c.params, series: { pctChange: "population.pct" } } }, tables) as CheckResult;

export const demandChecks: Record<string, Check> = {
  activityChange,
  activityLevel,
  assessmentFactors,
  primaryNeedAbuse,
  dvShareAndRank,
  factorChange,
  factorsIncreased,
  populationChange,
};
