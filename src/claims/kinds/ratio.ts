import type { Alternative, Evidence } from "../types";
import { DataError } from "../../data/sources";
import { Obs, evidenceFor, num } from "../../data/obs";
import { CIN_EES, CIN_SFR } from "../../data/tidy/cin";
import { CLA_SFR } from "../../data/tidy/cla";
import { WORKFORCE_FILES } from "../../data/tidy/workforce";
import { ratePer10k } from "../../stats/change";
import { fmtMoney, fmtNumber, fmtPercent } from "../../format";
import type { Tables } from "../tables";
import { fact, obsFact, type Facts } from "./facts";
import { byFamily, type Kind } from "./types";
import { at31March, bn, englandCell, englandIn, fileLabel, fileLabelParen, fm, midYearOf, nationalRow, cellObs, pounds } from "./lookup";
import { laRevisions, S251_NAMES, s251Original, s251Revised } from "./spending";
import { workforceCoverage, WORKFORCE_NOT_IN_MIRROR } from "./level";

/**
 * Kind `ratio`: one quantity per unit of another — a rate per 10,000 children, spending per child,
 * vacancies per post. Families (params.of):
 * - `england` (default): England children in need or looked after per 10,000 at 31 March, as DfE
 *   published it, and on other denominators;
 * - `perChild`: section 251 spending on a type of placement per child in it;
 * - `vacancyRate`: the vacancy rate of named regions, from regional rows or from their LAs.
 */

// ---------------------------------------------------------------------------------------------
// England rates per 10,000

/**
 * The England rate per 10,000 of children in need (params.measure cinAt31March) or looked after
 * (claAt31March) at 31 March of params.year, as DfE published it (per 10,000 children aged under 18),
 * with the same count on other denominators as alternatives: ONS's revised 0-17 estimate and the
 * 0-18 population. Role `rate`.
 */
const england: Kind = (t, p) => {
  const measure = p.oneOf("measure", ["cinAt31March", "claAt31March"] as const, "cinAt31March");
  const year = p.str("year");
  const mid = midYearOf(year);
  const used: Obs[] = [];
  const sentences: string[] = [];
  const alternatives: Alternative[] = [];
  let rate: number;
  let count: Obs;
  let den: Obs | undefined;
  let rateObs: Obs | undefined;
  if (measure === "cinAt31March" && CIN_SFR[year]) {
    const f = t.raw(CIN_SFR[year]);
    const yy = year.slice(2, 4) + year.slice(5, 7);
    rateObs = englandCell(f, "CINRatePer10K", "cinAt31MarchRate", year);
    count = englandCell(f, `CINAt3103${yy.slice(2)}`, measure, year);
    den = englandCell(f, f.colOf(`Mid${mid}Pop0-17`, `Mid${mid}Pop017`).name, "dfePopulation0to17", year);
    used.push(rateObs, count, den);
    rate = num(rateObs);
    sentences.push(`DfE published ${fmtNumber(rate)} children in need per 10,000 children aged under 18 at ${at31March(year)} (${fileLabelParen(f.source.id)}, column ${rateObs.col}): ${fmtNumber(num(count))} children on DfE's mid-${mid} estimate of ${fmtNumber(num(den))} aged 0-17 (${fmtNumber(ratePer10k(num(count), num(den)), 1)}), made before the 2011 Census.`);
  } else if (measure === "cinAt31March") {
    rateObs = t.cin().one({ measure: "cinAt31MarchRate", year, level: "national", src: CIN_EES["2020"].b1 });
    count = t.cin().one({ measure, year, level: "national", src: CIN_EES["2020"].b1 });
    used.push(rateObs, count);
    rate = num(rateObs);
    sentences.push(`DfE published ${fmtNumber(rate, 1)} children in need per 10,000 children aged under 18 at ${at31March(year)} (${fileLabelParen(rateObs.src)}, column ${rateObs.col}; ${fmtNumber(num(count))} children).`);
    for (const o of t.cin().filter({ measure: "cinAt31MarchRate", year, level: "national" }).filter((x) => x.src !== rateObs!.src && x.value !== null)) {
      used.push(o);
      alternatives.push({ label: `${fileLabelParen(o.src)}, re-based on revised populations`, kind: "revision", values: { rate: o.value } });
      sentences.push(`${fileLabelParen(o.src)} re-bases it on revised populations: ${fmtNumber(o.value, 1)}.`);
    }
  } else if (year === CLA_SFR[0].year) {
    const f = t.raw(CLA_SFR[0].cla);
    const r = nationalRow(f);
    count = cellObs(f, r, f.colOf(`MarTotal_${Number(mid) + 1}`).name, { measure, year, level: "national", area: "England", code: "E92000001" });
    den = cellObs(f, r, f.colOf(`Mid${mid}Pop0-17`).name, { measure: "claRatePopulation", year, level: "national", area: "England", code: "E92000001" });
    used.push(count, den);
    rate = ratePer10k(num(count), num(den));
    sentences.push(`The ${fileLabelParen(f.source.id)} file gives ${fmtNumber(num(count))} children looked after at ${at31March(year)} (rounded to the nearest 100) and DfE's mid-${mid} estimate of ${fmtNumber(num(den))} children aged 0-17 (made before the 2011 Census): ${fmtNumber(rate, 1)} per 10,000, which DfE printed as a whole number.`);
  } else {
    const rates = t.cla().filter({ measure: "claRate", year, level: "national" }).filter((o) => o.value !== null && o.src.startsWith("cla-ees"));
    if (rates.length === 0) throw new DataError(`no England rate of children looked after for ${year} in the looked-after files`);
    rateObs = rates[0];
    count = t.cla().one({ measure, year, level: "national", src: rateObs.src });
    used.push(rateObs, count);
    rate = num(rateObs);
    sentences.push(`DfE's rate at ${at31March(year)} in ${fileLabelParen(rateObs.src)}: ${fmtNumber(rate)} per 10,000 children aged under 18 (${fmtNumber(num(count))} children).`);
    for (const o of rates.slice(1)) {
      used.push(o);
      if (o.value === rateObs.value) continue;
      alternatives.push({ label: `${fileLabelParen(o.src)} (Census-2021-based populations)`, kind: "revision", values: { rate: o.value } });
      sentences.push(`${fileLabelParen(o.src)} gives ${fmtNumber(o.value)} on Census-2021-based populations.`);
    }
  }
  // the same count on ONS's revised 0-17 and on 0-18 populations (mid-year before 31 March)
  const pop = t.population();
  const p17 = pop.england("population0to17", mid);
  const p18 = pop.england("population0to18", mid);
  used.push(p17, p18);
  const r17 = ratePer10k(num(count), num(p17));
  const r18 = ratePer10k(num(count), num(p18));
  alternatives.push({ label: `ONS revised mid-${mid} population aged 0-17`, kind: "denominator", values: { rate: r17 } });
  alternatives.push({ label: `ONS mid-${mid} population aged 0-18`, kind: "denominator", values: { rate: r18 } });
  sentences.push(`On ONS's current mid-${mid} estimates the same ${fmtNumber(num(count))} children are ${fmtNumber(r17, 1)} per 10,000 aged 0-17 and ${fmtNumber(r18, 1)} per 10,000 aged 0-18: DfE's rates are per under-18s, so a rate labelled "0-18 year olds" mislabels them, and a true 0-18 rate would be about ${fmtPercent(100 * (1 - r18 / r17), 0)} lower.`);
  const facts: Facts = {
    rate: rateObs ? obsFact(rateObs, `${count.measure === "claAt31March" ? "children looked after" : "children in need"} per 10,000 children aged under 18`, "per10k") : fact(rate, "children looked after per 10,000 children aged under 18", { period: at31March(year), area: "England", source: count.src, unit: "per10k" }),
    count: obsFact(count, count.measure === "claAt31March" ? "children looked after" : "children in need", "count"),
    ...(den ? { denominator: obsFact(den, "DfE's population aged 0-17", "count") } : {}),
    rate0to17: fact(r17, "per 10,000 on ONS's revised population aged 0-17", { period: `mid-${mid}`, source: p17.src, unit: "per10k" }),
    rate0to18: fact(r18, "per 10,000 on ONS's population aged 0-18", { period: `mid-${mid}`, source: p18.src, unit: "per10k" }),
  };
  return { values: { rate }, evidence: evidenceFor(used), explanation: sentences.join(" "), alternatives, facts };
};

// ---------------------------------------------------------------------------------------------
// Spending per child in a type of placement

/**
 * Spending on children looked after in one type of placement in a year and per child: params.line
 * (the s251 line), counts (SSDA903 placement measures at 31 March, summed), countLabel, unitCost
 * (LAIT weekly unit cost measure), unitCostLabel. Roles `spend` (£ billion, s251 net current
 * expenditure, sum of LAs, as first published), `children` (null: no open file counts children by
 * placement over the year) and `perChild` (£, spend over the children at 31 March, the best published
 * count). A during-the-year estimate, gross spend and the revised figure are alternatives.
 */
const perChild: Kind = (t, p) => {
  const year = p.str("year");
  const line = p.str("line");
  const counts = p.list("counts");
  const countLabel = p.str("countLabel");
  const pt = t.placements();
  if (pt.filter({ measure: "placements:all:at31March", year, level: "national" }).length === 0) {
    throw new DataError(`no SSDA903 placement counts for ${year} in the mirror (only ${pt.years("placements:all:at31March").join(", ")})`);
  }
  const net = s251Original(t, line, "net", year);
  const gross = s251Original(t, line, "gross", year);
  const spend = pounds(net);
  const countObs = counts.map((m) => englandIn(pt, m, year));
  const count = countObs.reduce((s, o) => s + (o.value ?? NaN), 0);
  if (!Number.isFinite(count)) throw new DataError(`a placement count for ${year} is suppressed in ${countObs[0].src}`);
  const allMar = englandIn(pt, "placements:all:at31March", year);
  const allYear = englandIn(pt, "placements:all:duringYear", year);
  const ratio = (allYear.value as number) / (allMar.value as number);
  const estimate = count * ratio;
  const per = spend / count;
  const used: Obs[] = [net, gross, ...countObs, allMar, allYear];
  const alternatives: Alternative[] = [
    { label: `spend over an estimate of children ${countLabel} at any time in ${year} (31 March count × ${fmtNumber(allYear.value)} / ${fmtNumber(allMar.value)})`, kind: "denominator", values: { children: estimate, perChild: spend / estimate } },
    { label: `gross expenditure (${fm(pounds(gross))}) over children at 31 March`, kind: "definition", values: { spend: bn(pounds(gross)), perChild: pounds(gross) / count } },
  ];
  const sentences = [`DfE section 251 outturn ${year}, line "${S251_NAMES[line] ?? line}", England (sum of the 152 LAs, City of London and the Isles of Scilly included, ${net.src}, as first published): ${fm(spend)} net current expenditure (${fm(pounds(gross))} gross).`];
  const rev = s251Revised(t, line, "net", year);
  if (rev && Math.abs(pounds(rev) - spend) > 5e5) {
    used.push(rev);
    const lr = laRevisions(t, year);
    used.push(...lr.obs);
    alternatives.push({ label: `${year} net spend as revised in DfE's 2021-22 release (${fm(pounds(rev))})`, kind: "revision", values: { spend: bn(pounds(rev)), perChild: pounds(rev) / count } });
    sentences.push(`DfE later revised ${year} to ${fm(pounds(rev))} net (2021-22 release${lr.text ? `; ${lr.text}` : ""}).`);
  }
  sentences.push(
    `No open file counts children by placement over the year: the SSDA903 release (${countObs[0].src}) gives children ${countLabel} at 31 March ${Number(year.slice(0, 4)) + 1}: ${countObs.map((o) => `${fmtNumber(o.value)} (${o.col})`).join(" + ")}${countObs.length > 1 ? ` = ${fmtNumber(count)}` : ""}, ` +
    `and ${fmtNumber(allYear.value)} children looked after at any time in the year (all placements) against ${fmtNumber(allMar.value)} at 31 March.`,
    `Spend per child at 31 March is ${fmtMoney(per)}; scaling the 31 March count by the ratio of children looked after during the year to those at 31 March (${fmtNumber(ratio, 2)}) gives about ${fmtNumber(Math.round(estimate / 10) * 10)} children and ${fmtMoney(spend / estimate)} per child.`,
    `A count of every child who spent any time in the placement during the year (only SSDA903 episode records give it) is larger than the count at 31 March, since many children spend only part of the year there, and spend per child on it is correspondingly lower.`,
  );
  const unitCost = p.opt("unitCost");
  const uc = unitCost ? pt.filter({ measure: unitCost, year, level: "national" }) : [];
  if (uc.length === 1 && uc[0].value !== null) {
    used.push(uc[0]);
    const annual = (uc[0].value * 365) / 7;
    sentences.push(`DfE's own weekly unit cost (LAIT, ${p.opt("unitCostLabel", unitCost!)}) is ${fmtMoney(uc[0].value)} a week, ${fmtMoney(annual)} a child-year: at that cost ${fm(spend)} pays for about ${fmtNumber(Math.round(spend / annual / 10) * 10)} child-years of care.`);
  }
  return {
    values: { spend: bn(spend), children: null, perChild: per },
    evidence: evidenceFor(used),
    explanation: sentences.join(" "),
    alternatives,
    facts: {
      spend: { ...obsFact(net, `${S251_NAMES[line] ?? line}, net current expenditure`, "gbp"), value: spend },
      children: fact(count, `children ${countLabel} at 31 March`, { period: at31March(year), area: "England", source: countObs[0].src, unit: "count" }),
      perChild: fact(per, "spend per child at 31 March", { period: year, area: "England", unit: "gbp" }),
      childrenInYear: fact(null, `children ${countLabel} at any time in the year: no open file counts them`, { period: year }),
    },
  };
};

// ---------------------------------------------------------------------------------------------
// Vacancy rates of regions

/** Region names compared without case, "&" or "the" ("Yorkshire and The Humber" = "Yorkshire & Humber"). */
function sameRegion(a: string, b: string): boolean {
  const f = (s: string) => s.toLowerCase().replace(/&/g, " and ").replace(/\bthe\b/g, " ").replace(/\s+/g, " ").trim();
  return f(a) === f(b);
}

/** ONS codes of Inner and Outer London, which the files list beside London among the regions. */
const LONDON_HALVES = new Set(["E13000001", "E13000002"]);

/** A vacancy rate computed from LA rows: sum of vacancies / (sum of vacancies + sum of FTE in post). */
export function vacancyRateFromLas(t: Tables, year: string, src: string, region: string): { rate: number; obs: Obs[]; las: number; excluded: string[] } | null {
  const w = t.workforce();
  const fte = w.filter({ measure: "fte", year, level: "la", src }).filter((o) => sameRegion(t.workforceRegion(o) ?? "", region));
  if (fte.length === 0) return null;
  const vac = w.filter({ measure: "vacancies", year, level: "la", src });
  let v = 0;
  let f = 0;
  const obs: Obs[] = [];
  const excluded: string[] = [];
  for (const o of fte) {
    const x = vac.find((y) => y.row === o.row);
    if (!x || x.value === null || o.value === null) {
      excluded.push(o.area);
      continue;
    }
    v += x.value;
    f += o.value;
    obs.push(o, x);
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
const vacancyRate: Kind = (t, p) => {
  const year = p.str("year");
  const regions = p.req("regions", "{ role: region name }");
  const w = t.workforce();
  const srcs = WORKFORCE_FILES.filter((id) => w.filter({ measure: "vacancyRate", year, src: id }).length > 0);
  if (srcs.length === 0) {
    const cov = workforceCoverage(t, "vacancyRate");
    return {
      values: Object.fromEntries(Object.keys(regions).map((r) => [r, null])),
      evidence: [],
      explanation: `The workforce files cover 30 September ${cov.first} to ${cov.last}, not ${year}. What would settle it: ${WORKFORCE_NOT_IN_MIRROR}.`,
      verdict: "unverifiable",
      facts: {},
    };
  }
  const values: Record<string, number | null> = {};
  const facts: Facts = {};
  const used: Obs[] = [];
  const sentences: string[] = [];
  const alternatives: Alternative[] = [];
  const altValues = new Map<string, Record<string, number | null>>(srcs.slice(1).map((s) => [s, {}]));
  const regionRow = (src: string, name: string) => w.filter({ measure: "vacancyRate", year, level: "regional", src }).find((o) => sameRegion(o.area, name) && o.value !== null);
  for (const [role, name] of Object.entries(regions)) {
    const src = srcs[0];
    const row = regionRow(src, name);
    if (row) {
      values[role] = num(row);
      facts[role] = obsFact(row, "vacancy rate", "percent");
      used.push(row);
      const v = w.filter({ measure: "vacancies", year, level: "regional", src }).find((o) => o.row === row.row);
      const f = w.filter({ measure: "fte", year, level: "regional", src }).find((o) => o.row === row.row);
      let how = "";
      if (v && f && v.value !== null && f.value !== null) {
        used.push(v, f);
        how = ` = ${fmtNumber(v.value, 1)} FTE vacancies / (${fmtNumber(v.value, 1)} + ${fmtNumber(f.value, 1)} FTE in post)`;
      }
      const las = vacancyRateFromLas(t, year, src, name);
      sentences.push(`${row.area}: ${fmtPercent(row.value, 1)}${how} (${fileLabel(src)}, regional row${las ? `; its ${las.las} LA rows give ${fmtPercent(las.rate, 1)}` : ""}).`);
    } else {
      const las = vacancyRateFromLas(t, year, src, name);
      if (!las) {
        values[role] = null;
        sentences.push(`${name}: neither a row of the files nor the region of any LA in them.`);
        continue;
      }
      values[role] = las.rate;
      facts[role] = fact(las.rate, `vacancy rate computed from ${las.las} LA rows`, { period: `30 September ${year}`, area: name, source: src, unit: "percent" });
      used.push(...las.obs);
      sentences.push(`${name} is not a row of the files; computed from its ${las.las} LA rows as the sum of FTE vacancies over vacancies plus FTE in post: ${fmtPercent(las.rate, 1)} (${fileLabel(src)})${las.excluded.length ? `, leaving out ${las.excluded.join(", ")} (suppressed)` : ""}.`);
    }
    for (const s of srcs.slice(1)) {
      const r = regionRow(s, name);
      altValues.get(s)![role] = r ? r.value : (vacancyRateFromLas(t, year, s, name)?.rate ?? null);
    }
  }
  for (const [s, vals] of altValues) alternatives.push({ label: `${fileLabel(s)}: ${Object.entries(vals).map(([r, v]) => `${r} ${fmtPercent(v, 1)}`).join(", ")}`, kind: "revision", values: vals });
  // England and the range across the nine regions (London counted once, not its two halves)
  const src = srcs[0];
  const eng = w.filter({ measure: "vacancyRate", year, level: "national", src })[0];
  const regional = w.filter({ measure: "vacancyRate", year, level: "regional", src }).filter((o) => o.value !== null);
  const nine = regional.filter((o) => !LONDON_HALVES.has(o.code));
  const halves = regional.filter((o) => LONDON_HALVES.has(o.code));
  if (eng && nine.length) {
    const lo = nine.reduce((a, b) => (num(b) < num(a) ? b : a));
    const hi = nine.reduce((a, b) => (num(b) > num(a) ? b : a));
    used.push(eng, lo, hi, ...halves);
    facts.england = obsFact(eng, "vacancy rate", "percent");
    sentences.push(`England: ${fmtPercent(eng.value, 1)}. Across the ${nine.length} regions the rate runs from ${fmtPercent(lo.value, 1)} (${lo.area}) to ${fmtPercent(hi.value, 1)} (${hi.area})${halves.length ? `; the files also split London into ${halves.map((h) => `${h.area} ${fmtPercent(h.value, 1)}`).join(" and ")}` : ""}.`);
  }
  if (srcs.length > 1) {
    const same = alternatives.every((a) => Object.entries(a.values).every(([r, v]) => v === values[r]));
    sentences.push(same ? "The later releases give the same regional rates." : "Later releases revise the regional rates (see alternatives).");
  }
  const evidence: Evidence[] = evidenceFor([...new Set(used)]);
  return { values, evidence, explanation: sentences.join(" "), alternatives, facts };
};

/** Kind `ratio`. */
export const ratioKind: Kind = byFamily("ratio", { england, perChild, vacancyRate });
