import * as path from "node:path";
import type { Alternative } from "../types";
import { DataError, source } from "../../data/sources";
import { Obs, evidenceFor, num } from "../../data/obs";
import { CLA_EES, CLA_SFR, placementLayout2010 } from "../../data/tidy/cla";
import { S251_FILES } from "../../data/tidy/spending";
import { WORKFORCE_FILES, WORKFORCE_MEASURES } from "../../data/tidy/workforce";
import { fyFromEnd } from "../../data/tidy/common";
import { percentChange, ratePer10k } from "../../stats/change";
import { fmtNumber, fmtPercent } from "../../format";
import type { Tables } from "../tables";
import { fact, obsFact, type Facts } from "./facts";
import { lineEntry } from "./line-structure";
import { byFamily, type Kind, type Params } from "./types";
import { inspectionPeriod } from "./inspection-period";
import {
  allEngland, at31March, bn, cellObs, englandCell, fb, fileLabel, fileLabelParen, firstPublished, fm, fyParam, label, nationalRow, pickEngland,
  pounds, sumOf,
} from "./lookup";
import { deflator, englandCsSpend, laRevisions, realTermsOf, s251Original, s251Revised, vintageSentence } from "./spending";

/**
 * Kind `level`: one figure in one period, as the vintage the claim's reading names, with every other
 * vintage and definition that exists beside it. Families (params.of):
 * - `england` (default): an England count or rate from the children-in-need, looked-after and
 *   population files;
 * - `workforce`: the social-work workforce at 30 September (params.otherYear: a held census date given
 *   as another reading when params.year is not held);
 * - `ro3`: children's social care spending (MHCLG RO3), cash or in the prices of another year;
 * - `placements`: children looked after in a group of placements at 31 March 2010 and 2020.
 */

// ---------------------------------------------------------------------------------------------
// England

/**
 * An England figure in one year: params.measure, year ("2017-18", or "2018" for 31 March 2018), role
 * (default "level"). params.prefer orders the vintages (default: the document-era release first);
 * params.vintage "first" takes the figure as first published instead and lists every later release.
 * params.rateOf { count, population } shows a published rate recomputed from the same file's count
 * and denominator (DfE publishes rates rounded to whole numbers).
 */
const england: Kind = (t, p) => {
  const measure = p.str("measure");
  // params.calendarYear: the measure's years are calendar labels ("2019" for 12 March 2019), not financial years
  const year = p.flag("calendarYear") ? p.str("year") : fyParam(p.str("year"));
  const role = p.opt("role", "level");
  const first = p.opt("vintage") === "first";
  const o = first ? firstPublished(t, measure, year) : pickEngland(t, measure, year, p.optList("prefer"));
  const others = allEngland(t, measure, year).filter((x) => x !== o && x.value !== null && (first || x.src !== o.src));
  const differing = others.filter((x) => x.value !== o.value);
  const dec = (v: number | null) => (v !== null && !Number.isInteger(v) ? 1 : 0);
  const used: Obs[] = [o, ...(first ? others : [])];
  const sentences = [`England ${label(measure)}, ${year}: ${fmtNumber(num(o), dec(o.value))}${first ? ", as first published" : ""} (${first ? `${fileLabel(o.src)}, column ${o.col}` : o.src}).`];
  const rateOf = p.obj<{ count: string; population: string }>("rateOf");
  if (rateOf) {
    const n = allEngland(t, rateOf.count, year).find((x) => x.src === o.src && x.value !== null);
    const pop = allEngland(t, rateOf.population, year).find((x) => x.src === o.src && x.value !== null);
    if (n && pop) {
      used.push(n, pop);
      sentences.push(`DfE publishes these rates rounded to whole numbers: from the same file, ${fmtNumber(num(n))} / ${fmtNumber(num(pop))} × 10,000 = ${fmtNumber(ratePer10k(num(n), num(pop)), 2)}.`);
    }
  }
  if (others.length) sentences.push(`Other releases: ${others.map((x) => `${fmtNumber(x.value, dec(x.value))} in ${first ? fileLabel(x.src) : x.src}`).join("; ")}${differing.length === 0 ? " (the same figure)" : ""}.`);
  else if (first) sentences.push("No later release in the mirror restates it.");
  return {
    values: { [role]: num(o) },
    evidence: evidenceFor(used),
    explanation: sentences.join(" "),
    alternatives: differing.map((x) => ({ label: first ? `${fileLabel(x.src)}: ${fmtNumber(x.value, dec(x.value))}` : x.src, kind: "revision" as const, values: { [role]: x.value } })),
    facts: { value: obsFact(o, label(measure)), ...Object.fromEntries(differing.map((x, i) => [`other${i + 1}`, { ...obsFact(x, label(measure)), reading: fileLabel(x.src) }])) },
  };
};

// ---------------------------------------------------------------------------------------------
// Workforce at 30 September

const RATES = new Set(["vacancyRate", "agencyRate", "turnoverRate", "agencyCoverRate", "absenceRate"]);

/** A workforce value written as the documents write it: "28,495.7" or "17.0%". */
function fmtWorkforce(measure: string, v: number | null): string {
  return RATES.has(measure) ? fmtPercent(v, 1) : fmtNumber(v, measure === "cases" || measure === "headcount" ? 0 : 1);
}

/** England observations of a workforce measure in a year, one per vintage, earliest release first. */
function byVintage(t: Tables, measure: string, year: string): Obs[] {
  const hits = t.workforce().filter({ measure, year, level: "national" });
  return WORKFORCE_FILES.map((id) => hits.find((o) => o.src === id)).filter((o): o is Obs => o !== undefined && o.value !== null);
}

/** The first and last years the files cover for a measure. */
export function workforceCoverage(t: Tables, measure: string): { first: string; last: string } {
  const ys = t.workforce().years(measure);
  if (ys.length === 0) throw new DataError(`no England figures for ${label(measure)} in the workforce files`);
  return { first: ys[0], last: ys[ys.length - 1] };
}

export const WORKFORCE_NOT_IN_MIRROR = `DfE's statistical first release "Children's social work workforce" (data at 30 September, published each February; the 2013 and 2014 releases and their national tables), which is not in the mirror`;

/**
 * An England workforce figure at 30 September of a year (params.measure: fte, vacancyRate,
 * agencyRate, or any workforce measure; params.year "2017"), under role params.role (default
 * "level"). The primary figure is the earliest release in the mirror; each vintage is an
 * alternative. With params.changeTo, also the percentage change to that year (role pctChange).
 * A year before the files begin gives null values (unverifiable) and names the release that
 * would settle it.
 */
const workforce: Kind = (t, p) => {
  const measure = p.str("measure");
  const year = p.str("year");
  const role = p.opt("role", "level");
  const changeTo = p.opt("changeTo");
  if (!WORKFORCE_MEASURES.includes(measure)) throw p.error(`"${measure}" is not a workforce measure (${WORKFORCE_MEASURES.join(", ")})`);
  const fmt = (v: number | null) => fmtWorkforce(measure, v);
  const obs = byVintage(t, measure, year);
  const cov = workforceCoverage(t, measure);
  if (obs.length === 0) {
    const values: Record<string, number | null> = { [role]: null, ...(changeTo ? { pctChange: null } : {}) };
    const ctxYear = changeTo ?? cov.first;
    const ctx = byVintage(t, measure, ctxYear);
    const sentences = [`The workforce files in the mirror cover 30 September ${cov.first} to ${cov.last}; there is no England ${label(measure)} for 30 September ${year} in them.`];
    if (ctx.length) sentences.push(`At 30 September ${ctxYear} the files give ${ctx.map((o) => `${fmt(o.value)} (${fileLabel(o.src)})`).join("; ")}${changeTo ? `, the end point of the change, which cannot be computed without the ${year} figure` : ""}.`);
    // params.otherYear: another census date the files do hold, given as another reading (period)
    const otherYear = p.opt("otherYear");
    const other = otherYear ? t.workforce().filter({ measure, year: otherYear, level: "national" }).filter((o) => o.value !== null) : [];
    const alternatives: Alternative[] = [];
    if (other.length) {
      const o = other[0];
      const end = changeTo ? ctx.find((e) => e.src === o.src) ?? ctx[0] : undefined;
      const pct = end ? percentChange(num(o), num(end)) : null;
      alternatives.push({ label: `30 September ${otherYear} instead of ${year} (${fileLabel(o.src)})`, kind: "period", values: { [role]: o.value, ...(changeTo ? { pctChange: pct } : {}) } });
      sentences.push(`At 30 September ${otherYear} the files give ${fmt(o.value)} (${fileLabel(o.src)})${pct !== null ? `, and from there to ${changeTo} the change is ${fmtPercent(pct, 2, true)}` : ""}.`);
      ctx.push(o);
    }
    sentences.push(`What would settle it: ${WORKFORCE_NOT_IN_MIRROR}.`);
    return {
      values,
      evidence: ctx.length ? evidenceFor(ctx, `context only: the files have no figure for ${year}`) : [],
      explanation: sentences.join(" "),
      ...(alternatives.length ? { alternatives } : {}),
      verdict: "unverifiable",
      facts: { value: fact(null, `${label(measure)}: not in the files`, { period: `30 September ${year}` }), ...(ctx[0] ? { context: obsFact(ctx[0], label(measure)) } : {}) },
    };
  }
  const primary = obs[0];
  const values: Record<string, number | null> = { [role]: num(primary) };
  const facts: Facts = { value: obsFact(primary, label(measure)) };
  const used: Obs[] = [...obs];
  const alternatives: Alternative[] = [];
  const firstRelease = t.workforce().years(measure, primary.src).pop() === year;
  const sentences = [`England ${label(measure)} at 30 September ${year}: ${fmt(primary.value)} in ${fileLabel(primary.src)}, ${firstRelease ? "the release that first published it" : `the earliest release in the mirror (the release that first published ${year} is not in it)`}.`];
  let endObs: Obs[] = [];
  if (changeTo) {
    endObs = byVintage(t, measure, changeTo);
    const end = endObs.find((o) => o.src === primary.src) ?? endObs[0];
    if (end) {
      values.pctChange = percentChange(num(primary), num(end));
      used.push(...endObs);
      facts.to = obsFact(end, label(measure));
      facts.pct = fact(values.pctChange, `percentage change in ${label(measure)}`, { period: `${year} to ${changeTo}`, unit: "percent" });
      sentences.push(`At 30 September ${changeTo}: ${fmt(end.value)} (${fileLabel(end.src)}), a change of ${fmtPercent(values.pctChange, 1, true)}.`);
    } else {
      values.pctChange = null;
      sentences.push(`The files have no figure for ${changeTo}, so the change cannot be computed.`);
    }
  }
  for (const o of obs.slice(1)) {
    const vals: Record<string, number | null> = { [role]: o.value };
    const end = endObs.find((e) => e.src === o.src);
    if (changeTo) vals.pctChange = end ? percentChange(num(o), num(end)) : null;
    alternatives.push({ label: `${fileLabel(o.src)}: ${fmt(o.value)}`, kind: "revision", values: vals });
  }
  if (obs.length > 1) {
    const same = obs.slice(1).every((o) => o.value === primary.value);
    sentences.push(same ? `The later releases give the same figure (${obs.slice(1).map((o) => path.posix.basename(source(o.src).file)).join(", ")}).` : `Later releases revise it: ${obs.slice(1).map((o) => `${fmt(o.value)} in ${fileLabel(o.src)}`).join("; ")}.`);
  }
  return { values, evidence: evidenceFor(used), explanation: sentences.join(" "), alternatives, facts };
};

// ---------------------------------------------------------------------------------------------
// Children's social care spending (RO3)

/**
 * MHCLG revenue outturn (RO3) children's social care net current expenditure, England row (every
 * authority), £ billion: params.year; params.basis "cash" (default) or "real" (in the prices of
 * params.prices, default 2019-20, HM Treasury GDP deflator of March 2020, with params.changeFrom the
 * real change on that year, role `realChange`); params.role (default "cash" or "real").
 * params.compare: RO3 gross expenditure and DfE's section 251 totals (first published and revised)
 * as other definitions.
 */
const ro3: Kind = (t, p) => {
  const year = p.str("year");
  const basis = p.oneOf("basis", ["cash", "real"] as const, "cash");
  const role = p.opt("role", basis);
  const s = englandCsSpend(t, year);
  const f = source(s.obs.src);
  const used: Obs[] = [s.obs];
  const alternatives: Alternative[] = [];
  const sentences = [`MHCLG revenue outturn (RO3, ${path.posix.basename(f.file)}, ${f.vintage}), England row (every authority, City of London and the Isles of Scilly included): children's social care net current expenditure ${fm(s.pounds)} in ${year} (${fb(s.pounds, 3)}).`];
  const facts: Facts = { cash: { ...obsFact(s.obs, "children's social care net current expenditure", "gbp"), value: s.pounds } };
  const values: Record<string, number | null> = {};
  if (p.flag("compare")) {
    const gross = t.ro3().filter({ measure: "csGrossExpenditure", year, level: "national" });
    if (gross.length === 1 && gross[0].value !== null) {
      used.push(gross[0]);
      alternatives.push({ label: `RO3 gross (total) expenditure on children's social care ${year}`, kind: "definition", values: { [role]: bn(pounds(gross[0])) } });
      sentences.push(`Gross (total) expenditure, before sales, fees, charges and other income, was ${fm(pounds(gross[0]))}.`);
    }
    if (S251_FILES[year]) {
      const sg = s251Original(t, "total", "gross", year);
      const sn = s251Original(t, "total", "net", year);
      used.push(sg, sn);
      alternatives.push({ label: `DfE s251 children and young people's services excl. CERA, net, ${year} (sum of LAs)`, kind: "definition", values: { [role]: bn(pounds(sn)) } });
      alternatives.push({ label: `DfE s251 children and young people's services excl. CERA, gross, ${year} (sum of LAs)`, kind: "definition", values: { [role]: bn(pounds(sg)) } });
      sentences.push(`DfE's section 251 outturn for children and young people's services (excluding CERA, sum of the 152 LAs, ${sn.src}) is a different definition: ${fm(pounds(sn))} net, ${fm(pounds(sg))} gross.`);
      const rn = s251Revised(t, "total", "net", year);
      const rg = s251Revised(t, "total", "gross", year);
      if (rn && rg && (Math.abs(pounds(rn) - pounds(sn)) > 5e5 || Math.abs(pounds(rg) - pounds(sg)) > 5e5)) {
        const lr = laRevisions(t, year);
        used.push(rn, rg, ...lr.obs);
        alternatives.push({ label: `DfE s251 total, net, ${year}, as revised (2021-22 release)`, kind: "definition", values: { [role]: bn(pounds(rn)) } });
        sentences.push(`DfE later revised the ${year} s251 total to ${fm(pounds(rn))} net and ${fm(pounds(rg))} gross (2021-22 release)${lr.text ? `; ${lr.text}` : ""}.`);
      }
    }
  }
  if (basis === "cash") {
    values[role] = bn(s.pounds);
    const note = p.opt("vintageNote");
    if (note) sentences.push(note);
  } else {
    const prices = p.opt("prices", "2019-20");
    const changeFrom = p.opt("changeFrom");
    used.push(...t.deflator().filter({ level: "national" }).filter((o) => [year, prices, ...(changeFrom ? [changeFrom] : [])].includes(o.year)));
    const di = deflator(t, year);
    const dt = deflator(t, prices);
    const real = realTermsOf(t, s.pounds, year, prices);
    values[role] = bn(real);
    facts.real = fact(real, `children's social care net current expenditure in ${prices} prices`, { period: year, area: "England", source: s.obs.src, unit: "gbp" });
    sentences.push(`HM Treasury GDP deflator (March 2020): ${year === prices ? "" : `${year} ${fmtNumber(di.index, 2)}, `}${prices} ${fmtNumber(dt.index, 2)}${dt.forecast ? " (a forecast: the March 2020 file has no outturn for it, so it is chained from the forecast growth)" : ""}; in ${prices} prices ${fb(real, 3)}.`);
    if (changeFrom) {
      const prev = englandCsSpend(t, changeFrom);
      used.push(prev.obs);
      const rPrev = realTermsOf(t, prev.pounds, changeFrom, prices);
      values.realChange = percentChange(rPrev, real);
      facts.pct = fact(values.realChange, "real-terms change", { period: `${changeFrom} to ${year}`, unit: "percent" });
      sentences.push(`Against ${changeFrom} (${fb(prev.pounds, 3)} cash, ${fb(rPrev, 3)} real): ${fmtPercent(values.realChange, 2, true)} in real terms.`);
    }
    sentences.push(vintageSentence(t));
  }
  return { values, evidence: evidenceFor(used), explanation: sentences.join(" "), ...(alternatives.length ? { alternatives } : {}), facts };
};

// ---------------------------------------------------------------------------------------------
// Children looked after by placement, 31 March 2010 and 2020

interface PlacementGroup {
  label: string;
  /** SSDA903 placement codes summed in the 2010 March file. */
  codes2010: string[];
  /** Rows ("characteristic") summed in the EES national placement table. */
  rows2020: string[];
}

/** The 2010 March file's England placement values by code (values in alphabetical code order; see placementLayout2010). */
function placements2010(t: Tables): { byCode: Record<string, Obs>; total: Obs; order: string } {
  return t.memo("placements2010", () => {
    const f = t.raw(CLA_SFR[0].cla);
    const total = f.colOf("MarTotal_2010").name;
    const layout = placementLayout2010(f, "MarPlace", total);
    const r = nationalRow(f);
    const base = { year: CLA_SFR[0].year, level: "national" as const, area: "England", code: "E92000001" };
    const byCode: Record<string, Obs> = {};
    for (const [code, col] of Object.entries(layout.columns)) byCode[code] = { ...cellObs(f, r, col.index, { ...base, measure: `placement:${code}` }), col: `MarPlace_${code}_2010${layout.order === "alphabetical" ? ` (value in column ${col.index + 1}, headed ${col.heading})` : ""}` };
    return { byCode, total: cellObs(f, r, total, { ...base, measure: "claAt31March" }), order: layout.order };
  });
}

const foldLabel = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();

/** England placement rows of an EES national-characteristics file for one year (time_period = year of 31 March). */
function placementsEes(t: Tables, id: string, end: string): Map<string, Obs> {
  return t.memo(`placementsEes|${id}|${end}`, () => {
    const f = t.raw(id);
    const out = new Map<string, Obs>();
    for (let r = 0; r < f.rows.length; r++) {
      if (f.text(r, "time_period") !== end || foldLabel(f.text(r, "cla_group")) !== "placement" || f.text(r, "geographic_level").toLowerCase() !== "national") continue;
      const ch = f.text(r, "characteristic");
      out.set(foldLabel(ch), cellObs(f, r, "number", { measure: `placement:${ch}`, year: fyFromEnd(end), level: "national", area: "England", code: "E92000001" }));
    }
    if (out.size === 0) throw new DataError(`${f.source.file}: no England placement rows for ${end}`, f.source.file);
    return out;
  });
}

function pickRows(rows: Map<string, Obs>, labels: string[], file: string): Obs[] {
  return labels.map((l) => {
    const o = rows.get(foldLabel(l));
    if (!o) throw new DataError(`${file}: no placement row "${l}"; rows found: ${[...rows.keys()].slice(0, 12).join("; ")}…`, file);
    return o;
  });
}

/** Rounding half-width of a 2010 national placement value: to 100 from 1,000 up, to 10 below. */
const rounding2010 = (v: number) => (Math.abs(v) >= 1000 ? 50 : 5);

/** A placement group's 2010 value: the codes' sum (null when a code is suppressed). */
function group2010(codes: string[], p: ReturnType<typeof placements2010>): { value: number | null; parts: Obs[]; missing: Obs[]; tol: number } {
  const parts = codes.map((c) => p.byCode[c]);
  const s = sumOf(parts);
  return { value: s.value, parts, missing: s.missing, tol: parts.reduce((a, o) => a + (o.value === null ? 0 : rounding2010(o.value)), 0) };
}

function placementGroup(p: Params, name: string): PlacementGroup | undefined {
  const g = p.obj<PlacementGroup>(name);
  if (g && (!Array.isArray(g.codes2010) || !Array.isArray(g.rows2020) || typeof g.label !== "string")) throw p.error(`parameter "${name}" must be { label, codes2010, rows2020 }`);
  return g;
}

/**
 * Children looked after by placement at 31 March 2010 and 2020, England: params.group { label,
 * codes2010, rows2020 } (an empty codes2010 means every child, read from DfE's national time
 * series), params.alt (another definition of the group, an alternative), params.firstPublished2019
 * (the SSDA903 2019 columns of the group, to show the size of DfE's later revisions). Roles `y2010`,
 * `y2020`. 2010: the SFR27/2010 March file (as first published, rounded), codes summed. 2020: the 2022
 * EES release (the earliest in the mirror: the December 2020 release that first published 2020 is
 * not in it).
 */
const placements: Kind = (t, p) => {
  const g = placementGroup(p, "group");
  if (!g) throw p.error(`parameter "group" ({ label, codes2010, rows2020 }) is missing`);
  const alt = placementGroup(p, "alt");
  const all = g.codes2010.length === 0;
  const pl = placements2010(t);
  const ees = placementsEes(t, CLA_EES["2022"].placements, "2020");
  const eesFile = source(CLA_EES["2022"].placements).file;
  const used: Obs[] = [];
  const sentences: string[] = [];
  const alternatives: Alternative[] = [];
  const dataTolerance: Record<string, number> = {};
  let v2010: number | null;
  let src2010 = pl.total.src;
  if (all) {
    const ts = t.cla().filter({ measure: "claAt31March", year: CLA_SFR[0].year, level: "national" }).filter((o) => o.src.startsWith("cla-ees") && o.value !== null)[0];
    if (!ts) throw new DataError(`no England total of children looked after for ${CLA_SFR[0].year} in the EES time series`);
    used.push(ts, pl.total);
    v2010 = num(ts);
    src2010 = ts.src;
    alternatives.push({ label: `${fileLabelParen(pl.total.src)} as first published (rounded to 100)`, kind: "revision", values: { y2010: pl.total.value } });
    sentences.push(`31 March 2010: ${fmtNumber(v2010)} children looked after in DfE's national time series (${fileLabelParen(ts.src)}); ${fmtNumber(pl.total.value)} as first published (${fileLabelParen(pl.total.src)}, rounded to 100).`);
  } else {
    const a = group2010(g.codes2010, pl);
    used.push(...a.parts);
    v2010 = a.value;
    if (a.tol) dataTolerance.y2010 = a.tol;
    const shown = a.parts.map((o) => `${o.measure.slice(10)} ${o.value === null ? `[${o.marker}]` : fmtNumber(o.value)}`).join(" + ");
    if (a.value === null) {
      const known = a.parts.filter((o) => o.value !== null).reduce((s, o) => s + (o.value as number), 0);
      sentences.push(`31 March 2010 (${fileLabelParen(pl.total.src)}, England row, values read in ${pl.order} code order): ${g.label} = ${shown}; ${a.missing.map((o) => o.measure.slice(10)).join(" and ")} ${a.missing.length > 1 ? "are" : "is"} suppressed, so the group has no total in the file: the published codes sum to ${fmtNumber(known)}, and the England total leaves room for only a few tens more.`);
    } else {
      sentences.push(`31 March 2010 (${fileLabelParen(pl.total.src)}, England row, values read in ${pl.order} code order, national values rounded): ${g.label} = ${shown} = ${fmtNumber(a.value)}.`);
    }
  }
  const rows = pickRows(ees, g.rows2020, eesFile);
  used.push(...rows);
  const v2020 = sumOf(rows).value;
  sentences.push(`31 March 2020 (${fileLabelParen(rows[0].src)}): ${rows.map((o) => `${o.measure.slice(10)} ${o.value === null ? `[${o.marker}]` : fmtNumber(o.value)}`).join(" + ")}${rows.length > 1 ? ` = ${fmtNumber(v2020)}` : ""}.`);
  if (alt) {
    const a = group2010(alt.codes2010, pl);
    const r20 = pickRows(ees, alt.rows2020, eesFile);
    const b = sumOf(r20);
    used.push(...a.parts, ...r20);
    alternatives.push({ label: alt.label, kind: "definition", values: { y2010: a.value, y2020: b.value } });
    sentences.push(`Counted as ${alt.label}: ${a.value === null ? "no 2010 total (a code is suppressed)" : fmtNumber(a.value)} in 2010 and ${fmtNumber(b.value)} in 2020${a.value !== null && b.value !== null && v2010 !== null && v2020 !== null ? ` (${fmtPercent(percentChange(a.value, b.value), 0, true)}, against ${fmtPercent(percentChange(v2010, v2020), 0, true)} on DfE's category)` : ""}.`);
  }
  // how much DfE's later releases moved the same group for 2019, first published vs the 2022 release
  const cols19 = p.list("firstPublished2019");
  if (cols19.length) {
    const sfr19 = t.raw(CLA_SFR[CLA_SFR.length - 1].cla);
    const first19 = cols19.map((col) => englandCell(sfr19, col, `placement:${col}`, "2018-19"));
    const later19 = pickRows(placementsEes(t, CLA_EES["2022"].placements, "2019"), g.rows2020, eesFile);
    const f19 = sumOf(first19).value;
    const l19 = sumOf(later19).value;
    if (f19 !== null && l19 !== null) {
      used.push(...first19, ...later19);
      sentences.push(`The December 2020 release that first published the 2020 figures is not in the mirror; for scale, DfE's later releases moved the same group at 31 March 2019 from ${fmtNumber(f19)} as first published (${fileLabelParen(first19[0].src)}) to ${fmtNumber(l19)} (${fileLabelParen(later19[0].src)}), ${l19 - f19 >= 0 ? "+" : "−"}${fmtNumber(Math.abs(l19 - f19))}.`);
    }
  }
  return {
    values: { y2010: v2010, y2020: v2020 },
    evidence: evidenceFor(used),
    explanation: sentences.join(" "),
    alternatives,
    dataTolerance,
    facts: {
      y2010: fact(v2010, g.label, { period: at31March(CLA_SFR[0].year), area: "England", source: src2010, unit: "count" }),
      y2020: fact(v2020, g.label, { period: "31 March 2020", area: "England", source: rows[0].src, unit: "count" }),
    },
  };
};

/** Kind `level`. */
export const levelKind: Kind = byFamily("level", { england, workforce, ro3, placements, inspectionPeriod, lineEntry });
