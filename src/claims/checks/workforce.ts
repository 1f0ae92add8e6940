import * as path from "node:path";
import type { Alternative, Evidence } from "../types";
import type { Check } from "./types";
import { param } from "./types";
import { DataError, source } from "../../data/sources";
import { Obs, evidenceFor, num } from "../../data/obs";
import type { Tables } from "../tables";
import { WORKFORCE_FILES, WORKFORCE_LABELS, WORKFORCE_MEASURES } from "../../data/tidy/workforce";
import { percentChange } from "../../stats/change";
import { fmtNumber, fmtPercent } from "../../format";

/** "csww_headline_measures_2017_to_2022.csv, CSWW reporting year 2022 (Feb 2023)". */
function fileLabel(src: string): string {
  const s = source(src);
  return `${path.posix.basename(s.file)}, ${s.release}`;
}

const RATES = new Set(["vacancyRate", "agencyRate", "turnoverRate", "agencyCoverRate", "absenceRate"]);

/** A workforce value written as the documents write it: "28,495.7" or "17.0%". */
function fmt(measure: string, v: number | null): string {
  return RATES.has(measure) ? fmtPercent(v, 1) : fmtNumber(v, measure === "cases" || measure === "headcount" ? 0 : 1);
}

const label = (m: string) => WORKFORCE_LABELS[m] ?? m;

/** England observations of a measure in a year, one per vintage, earliest release first. */
function englandByVintage(tables: Tables, measure: string, year: string): Obs[] {
  const hits = tables.workforce().filter({ measure, year, level: "national" });
  return WORKFORCE_FILES.map((id) => hits.find((o) => o.src === id)).filter((o): o is Obs => o !== undefined && o.value !== null);
}

/** The first and last years the files cover for a measure. */
function coverage(tables: Tables, measure: string): { first: string; last: string } {
  const ys = tables.workforce().years(measure);
  if (ys.length === 0) throw new DataError(`no England figures for ${label(measure)} in the workforce files`);
  return { first: ys[0], last: ys[ys.length - 1] };
}

const NOT_IN_MIRROR = `DfE's statistical first release "Children's social work workforce" (data at 30 September, published each February; the 2013 to 2016 releases and their national tables), which is not in the mirror`;

/**
 * An England workforce figure at 30 September of a year (params.measure: fte, vacancyRate,
 * agencyRate, or any workforce measure; params.year "2017"), under role params.role (default
 * "level"). The primary figure is the earliest release in the mirror; each vintage is an
 * alternative. With params.changeTo, also the percentage change to that year (role pctChange).
 * A year before the files begin gives null values (unverifiable) and names the release that
 * would settle it.
 */
const workforceLevel: Check = (c, tables) => {
  const measure = param(c, "measure");
  const year = param(c, "year");
  const role = typeof c.params.role === "string" ? c.params.role : "level";
  const changeTo = typeof c.params.changeTo === "string" ? c.params.changeTo : undefined;
  if (!WORKFORCE_MEASURES.includes(measure)) throw new Error(`claim "${c.id}": "${measure}" is not a workforce measure (${WORKFORCE_MEASURES.join(", ")})`);
  const obs = englandByVintage(tables, measure, year);
  const cov = coverage(tables, measure);
  if (obs.length === 0) {
    const values: Record<string, number | null> = { [role]: null, ...(changeTo ? { pctChange: null } : {}) };
    const ctxYear = changeTo ?? cov.first;
    const ctx = englandByVintage(tables, measure, ctxYear);
    const sentences = [`The workforce files in the mirror cover 30 September ${cov.first} to ${cov.last}; there is no England ${label(measure)} for 30 September ${year} in them.`];
    if (ctx.length) sentences.push(`At 30 September ${ctxYear} the files give ${ctx.map((o) => `${fmt(measure, o.value)} (${fileLabel(o.src)})`).join("; ")}${changeTo ? `, the end point of the change, which cannot be computed without the ${year} figure` : ""}.`);
    sentences.push(`What would settle it: ${NOT_IN_MIRROR}.`);
    return {
      values,
      evidence: ctx.length ? evidenceFor(ctx, `context only: the files have no figure for ${year}`) : [],
      explanation: sentences.join(" "),
      verdict: "unverifiable",
    };
  }
  const primary = obs[0];
  const values: Record<string, number | null> = { [role]: num(primary) };
  const used: Obs[] = [...obs];
  const alternatives: Alternative[] = [];
  const firstRelease = tables.workforce().years(measure, primary.src).pop() === year;
  const sentences = [`England ${label(measure)} at 30 September ${year}: ${fmt(measure, primary.value)} in ${fileLabel(primary.src)}, ${firstRelease ? "the release that first published it" : `the earliest release in the mirror (the release that first published ${year} is not in it)`}.`];
  let endObs: Obs[] = [];
  if (changeTo) {
    endObs = englandByVintage(tables, measure, changeTo);
    const end = endObs.find((o) => o.src === primary.src) ?? endObs[0];
    if (end) {
      values.pctChange = percentChange(num(primary), num(end));
      used.push(...endObs);
      sentences.push(`At 30 September ${changeTo}: ${fmt(measure, end.value)} (${fileLabel(end.src)}), a change of ${fmtPercent(values.pctChange, 1, true)}.`);
    } else {
      values.pctChange = null;
      sentences.push(`The files have no figure for ${changeTo}, so the change cannot be computed.`);
    }
  }
  for (const o of obs.slice(1)) {
    const vals: Record<string, number | null> = { [role]: o.value };
    const end = endObs.find((e) => e.src === o.src);
    if (changeTo) vals.pctChange = end ? percentChange(num(o), num(end)) : null;
    alternatives.push({ label: `${fileLabel(o.src)}: ${fmt(measure, o.value)}`, kind: "revision", values: vals });
  }
  if (obs.length > 1) {
    const same = obs.slice(1).every((o) => o.value === primary.value);
    sentences.push(same ? `The later releases give the same figure (${obs.slice(1).map((o) => path.posix.basename(source(o.src).file)).join(", ")}).` : `Later releases revise it: ${obs.slice(1).map((o) => `${fmt(measure, o.value)} in ${fileLabel(o.src)}`).join("; ")}.`);
  }
  return { values, evidence: evidenceFor(used), explanation: sentences.join(" "), alternatives };
};

/** Region names compared without case, "&" or "the" ("Yorkshire and The Humber" = "Yorkshire & Humber"). */
function sameRegion(a: string, b: string): boolean {
  const f = (s: string) => s.toLowerCase().replace(/&/g, " and ").replace(/\bthe\b/g, " ").replace(/\s+/g, " ").trim();
  return f(a) === f(b);
}

/** ONS codes of Inner and Outer London, which the files list beside London among the regions. */
const LONDON_HALVES = new Set(["E13000001", "E13000002"]);

/** A vacancy rate computed from LA rows: sum of vacancies / (sum of vacancies + sum of FTE in post). */
export function vacancyRateFromLas(tables: Tables, year: string, src: string, region: string): { rate: number; obs: Obs[]; las: number; excluded: string[] } | null {
  const t = tables.workforce();
  const fte = t.filter({ measure: "fte", year, level: "la", src }).filter((o) => sameRegion(tables.workforceRegion(o) ?? "", region));
  if (fte.length === 0) return null;
  const vac = t.filter({ measure: "vacancies", year, level: "la", src });
  let v = 0;
  let f = 0;
  const obs: Obs[] = [];
  const excluded: string[] = [];
  for (const o of fte) {
    const w = vac.find((x) => x.row === o.row);
    if (!w || w.value === null || o.value === null) {
      excluded.push(o.area);
      continue;
    }
    v += w.value;
    f += o.value;
    obs.push(o, w);
  }
  if (v + f === 0) return null;
  return { rate: (100 * v) / (v + f), obs, las: fte.length - excluded.length, excluded };
}

/**
 * Vacancy rates of named regions at 30 September of a year (params.regions: { role: region name }).
 * A region that is a row of the files is read from it (earliest release first); one that is not is
 * computed from its LAs, weighting by FTE: sum of vacancies / (vacancies + FTE in post). The
 * explanation gives England's rate and the range across the nine regions.
 */
const vacancyByRegion: Check = (c, tables) => {
  const year = param(c, "year");
  const regions = c.params.regions as Record<string, string> | undefined;
  if (!regions || typeof regions !== "object") throw new Error(`claim "${c.id}": parameter "regions" ({ role: region name }) is missing`);
  const t = tables.workforce();
  const srcs = WORKFORCE_FILES.filter((id) => t.filter({ measure: "vacancyRate", year, src: id }).length > 0);
  if (srcs.length === 0) {
    const cov = coverage(tables, "vacancyRate");
    return {
      values: Object.fromEntries(Object.keys(regions).map((r) => [r, null])),
      evidence: [],
      explanation: `The workforce files cover 30 September ${cov.first} to ${cov.last}, not ${year}. What would settle it: ${NOT_IN_MIRROR}.`,
      verdict: "unverifiable",
    };
  }
  const values: Record<string, number | null> = {};
  const used: Obs[] = [];
  const sentences: string[] = [];
  const alternatives: Alternative[] = [];
  const altValues = new Map<string, Record<string, number | null>>(srcs.slice(1).map((s) => [s, {}]));
  const regionRow = (src: string, name: string) => t.filter({ measure: "vacancyRate", year, level: "regional", src }).find((o) => sameRegion(o.area, name) && o.value !== null);
  for (const [role, name] of Object.entries(regions)) {
    const src = srcs[0];
    const row = regionRow(src, name);
    if (row) {
      values[role] = num(row);
      used.push(row);
      const v = t.filter({ measure: "vacancies", year, level: "regional", src }).find((o) => o.row === row.row);
      const f = t.filter({ measure: "fte", year, level: "regional", src }).find((o) => o.row === row.row);
      let how = "";
      if (v && f && v.value !== null && f.value !== null) {
        used.push(v, f);
        how = ` = ${fmtNumber(v.value, 1)} FTE vacancies / (${fmtNumber(v.value, 1)} + ${fmtNumber(f.value, 1)} FTE in post)`;
      }
      const las = vacancyRateFromLas(tables, year, src, name);
      const check = las ? `; its ${las.las} LA rows give ${fmtPercent(las.rate, 1)}` : "";
      sentences.push(`${row.area}: ${fmtPercent(row.value, 1)}${how} (${fileLabel(src)}, regional row${check}).`);
    } else {
      const las = vacancyRateFromLas(tables, year, src, name);
      if (!las) {
        values[role] = null;
        sentences.push(`${name}: neither a row of the files nor the region of any LA in them.`);
        continue;
      }
      values[role] = las.rate;
      used.push(...las.obs);
      sentences.push(`${name} is not a row of the files; computed from its ${las.las} LA rows as the sum of FTE vacancies over vacancies plus FTE in post: ${fmtPercent(las.rate, 1)} (${fileLabel(src)})${las.excluded.length ? `, leaving out ${las.excluded.join(", ")} (suppressed)` : ""}.`);
    }
    for (const s of srcs.slice(1)) {
      const r = regionRow(s, name);
      altValues.get(s)![role] = r ? r.value : (vacancyRateFromLas(tables, year, s, name)?.rate ?? null);
    }
  }
  for (const [s, vals] of altValues) alternatives.push({ label: `${fileLabel(s)}: ${Object.entries(vals).map(([r, v]) => `${r} ${fmtPercent(v, 1)}`).join(", ")}`, kind: "revision", values: vals });
  // England and the range across the nine regions (London counted once, not its two halves)
  const src = srcs[0];
  const eng = t.filter({ measure: "vacancyRate", year, level: "national", src })[0];
  const nine = t.filter({ measure: "vacancyRate", year, level: "regional", src }).filter((o) => o.value !== null && !LONDON_HALVES.has(o.code));
  const halves = t.filter({ measure: "vacancyRate", year, level: "regional", src }).filter((o) => o.value !== null && LONDON_HALVES.has(o.code));
  if (eng && nine.length) {
    const lo = nine.reduce((a, b) => (num(b) < num(a) ? b : a));
    const hi = nine.reduce((a, b) => (num(b) > num(a) ? b : a));
    used.push(eng, lo, hi, ...halves);
    sentences.push(`England: ${fmtPercent(eng.value, 1)}. Across the ${nine.length} regions the rate runs from ${fmtPercent(lo.value, 1)} (${lo.area}) to ${fmtPercent(hi.value, 1)} (${hi.area})${halves.length ? `; the files also split London into ${halves.map((h) => `${h.area} ${fmtPercent(h.value, 1)}`).join(" and ")}` : ""}.`);
  }
  if (srcs.length > 1) {
    const same = alternatives.every((a) => Object.entries(a.values).every(([r, v]) => v === values[r]));
    sentences.push(same ? "The later releases give the same regional rates." : "Later releases revise the regional rates (see alternatives).");
  }
  const evidence: Evidence[] = evidenceFor([...new Set(used)]);
  return { values, evidence, explanation: sentences.join(" "), alternatives };
};

export const workforceChecks: Record<string, Check> = {
  workforceLevel,
  vacancyByRegion,
};
