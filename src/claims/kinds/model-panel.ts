import type { Evidence } from "../types";
import { DataError } from "../../data/sources";
import { Obs, evidenceFor, num } from "../../data/obs";
import { isTiny } from "../../data/la";
import { inPounds } from "../../data/tidy/spending";
import { realTerms } from "../../data/tidy/spending-deflator";
import { ols, twoways, type Key } from "../../stats/panel";
import { between, dummies, randomEffects, varianceShares, type Group, type VarianceShares } from "../../stats/variance-shares";
import { bootstrapSequentialShares, type SharesBootstrap } from "../../stats/bootstrap";
import { callawaySantAnna, eventStudy, twfeDid, type CallawaySantAnnaResult, type EventTimeEstimate } from "../../stats/did";
import { fmtNumber, fmtPercent } from "../../format";
import { laByOnsCode, type Tables } from "../tables";

/**
 * The model of what drives variation between authorities (NAO Part Three), re-estimated: new child
 * protection plans per 10,000 children aged 0–17 (DfE's counts of plans starting in the year and its
 * own 0–17 denominators, as first published) for the 152 authorities, 2010-11 to 2016-17, on
 * deprivation (IDACI or IMD 2015; or the time-varying share of children in low-income families), year
 * effects, LA effects and, where the data allows, funding. The shares of variation are computed
 * every way people compute them (`stats/variance-shares.ts`); the project's central reading takes the
 * components in the order the NAO's sentences take them — deprivation, then time ("a further"), then
 * the LA effects "even when we account for" the rest — which is also the order in which the Commons
 * Library's four figures add up to 100%. Also the Sure Start proxy panel and its difference-in-
 * differences estimates. Notebooks 05 and 06 draw their tables from the same functions.
 */

// ---------------------------------------------------------------------------------------------
// The panel

/** Financial years the panel can cover (152 authorities in each). */
export const PANEL_YEARS = ["2009-10", "2010-11", "2011-12", "2012-13", "2013-14", "2014-15", "2015-16", "2016-17", "2017-18", "2018-19"];

/** One authority in one year. */
export interface ModelRow {
  laCode: string;
  area: string;
  year: string;
  /** First calendar year of the financial year (2010 for 2010-11). */
  t: number;
  /** Child protection plans starting in the year. */
  starts: number;
  /** Children aged 0–17 (DfE's denominator of the year). */
  population: number;
  /** Children aged 0–17 at mid-year on ONS's revised series (2021 boundaries); null for Bournemouth, Poole and Dorset, which it cannot separate. */
  populationOns: number | null;
  /** Plans starting per 10,000 children aged 0–17. */
  rate: number;
  /** IDACI 2015 average score, in per cent (30.7 = 30.7% of children in income-deprived families). */
  idaci: number;
  /** IMD 2015 average score. */
  imd: number;
  /** Children under 16 in low-income families, % (HMRC, 31 August of the year's first calendar year); null where there is none. */
  lowIncome: number | null;
  /** Net spending on children's and young people's services (s251) per child aged 0–17, £ in 2018-19 prices. */
  spend: number | null;
  /** Net spending on individual Sure Start children's centres (s251) per child aged 0–17, £ in 2018-19 prices. */
  centres: number | null;
}

/** A cell the panel cannot use: the plans count is suppressed or missing. */
export interface MissingCell {
  laCode: string;
  area: string;
  year: string;
  marker: string;
  src: string;
  row: number;
}

export interface ModelPanel {
  from: string;
  to: string;
  years: string[];
  rows: ModelRow[];
  /** Authorities with at least one row. */
  las: number;
  missing: MissingCell[];
  /** Observations read (plans, denominators, deprivation), for evidence. */
  obs: Obs[];
}

const yearsBetween = (from: string, to: string): string[] => {
  const a = PANEL_YEARS.indexOf(from);
  const b = PANEL_YEARS.indexOf(to);
  if (a < 0 || b < 0 || b < a) throw new DataError(`the model panel covers ${PANEL_YEARS[0]} to ${PANEL_YEARS[PANEL_YEARS.length - 1]}; asked for ${from} to ${to}`);
  return PANEL_YEARS.slice(a, b + 1);
};

/** LA observations of a CIN measure in a year: the first-published SFR file if there is one, else the 2020 EES release. */
function laCin(tables: Tables, measure: string, year: string): Map<string, Obs> {
  const rows = tables.cin().filter({ measure, year, level: "la" });
  const sfr = rows.filter((o) => o.src.startsWith("cin-sfr-"));
  const ees = rows.filter((o) => o.src.startsWith("cin-ees2020-"));
  const use = sfr.length ? sfr : ees;
  if (use.length === 0) throw new DataError(`no LA rows of ${measure} for ${year} in the children-in-need files`);
  return new Map(use.map((o) => [o.laCode!, o]));
}

/** ONS codes of the 2021-boundary population file that are not a pre-2019 authority's own: summed into it. */
const ONS_ALIASES: Record<string, string> = { E06000060: "825", E06000061: "928", E06000062: "928" };

/** ONS revised mid-year 0–17 population by authority (3-digit code) for the mid-year starting a financial year. */
function onsPopulation(tables: Tables, year: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of tables.population().filter({ measure: "population0to17", year: year.slice(0, 4), level: "la" })) {
    const la = ONS_ALIASES[o.code] ?? laByOnsCode(tables, o.code)?.laCode;
    // BCP (839) and the new Dorset (838) cannot be split back into Bournemouth, Poole and Dorset county
    if (!la || la === "838" || la === "839" || o.value === null) continue;
    out.set(la, (out.get(la) ?? 0) + o.value);
  }
  return out;
}

/**
 * The model's panel from `from` to `to`: one row per authority and year where the count of plans
 * starting is published; suppressed or missing counts are listed in `missing`, not filled in.
 */
export function modelPanel(tables: Tables, from = "2010-11", to = "2016-17"): ModelPanel {
  return tables.memo(`model-panel|${from}|${to}`, () => buildModelPanel(tables, from, to));
}

function buildModelPanel(tables: Tables, from: string, to: string): ModelPanel {
  const years = yearsBetween(from, to);
  const cv = tables.covariates();
  const dep = (m: string) => new Map(cv.filter({ measure: m, year: "2015", level: "la" }).map((o) => [o.laCode!, o]));
  const idaci = dep("idaciScore");
  const imd = dep("imdScore");
  const s251 = tables.s251();
  const defl = tables.deflatorSeries();
  const rows: ModelRow[] = [];
  const missing: MissingCell[] = [];
  const obs: Obs[] = [];
  const las = new Set<string>();
  for (const year of years) {
    const t = Number(year.slice(0, 4));
    const starts = laCin(tables, "cppStarts", year);
    const pop = laCin(tables, "dfePopulation0to17", year);
    const ons = onsPopulation(tables, year);
    const snap = String(t);
    const li = new Map(cv.filter({ measure: "lowIncomeChildrenUnder16", year: snap, level: "la" }).map((o) => [o.laCode!, o]));
    const cb = new Map(cv.filter({ measure: "childBenefitChildrenUnder16", year: snap, level: "la" }).map((o) => [o.laCode!, o]));
    const money = (m: string) => new Map(s251.filter({ measure: m, year, level: "la" }).map((o) => [o.laCode!, o]));
    const spend = money("s251:total:net");
    const centres = money("s251:sureStartCentres:net");
    for (const [la, s] of starts) {
      const p = pop.get(la);
      const dI = idaci.get(la);
      const dM = imd.get(la);
      if (!p || p.value === null || !dI || !dM) throw new DataError(`${s.area} (${la}) ${year}: no 0–17 denominator or no IoD 2015 score for the model panel`);
      obs.push(s, p);
      if (s.value === null) {
        missing.push({ laCode: la, area: s.area, year, marker: s.marker ?? "", src: s.src, row: s.row });
        continue;
      }
      const perChild = (o: Obs | undefined): number | null => {
        const v = o ? inPounds(o) : null;
        return v === null ? null : realTerms(v, year, "2018-19", defl) / num(p);
      };
      const l = li.get(la);
      const c = cb.get(la);
      las.add(la);
      rows.push({
        laCode: la, area: s.area, year, t,
        starts: s.value, population: num(p), populationOns: ons.get(la) ?? null, rate: (1e4 * s.value) / num(p),
        idaci: 100 * num(dI), imd: num(dM),
        lowIncome: l && c && l.value !== null && c.value ? (100 * l.value) / c.value : null,
        spend: perChild(spend.get(la)), centres: perChild(centres.get(la)),
      });
    }
  }
  obs.push(...idaci.values());
  return { from, to, years, rows, las: las.size, missing, obs };
}

// ---------------------------------------------------------------------------------------------
// Specifications and shares

/** One specification of the model. */
export interface Spec {
  id: string;
  label: string;
  from: string;
  to: string;
  /** Deprivation measures (IDACI / IMD 2015 are constant within an authority; lowIncome varies by year). */
  deprivation: ("idaci" | "imd" | "lowIncome")[];
  /** Other covariates: funding (spending per child, real). */
  covariates: ("spend")[];
  /** Response log(1 + rate) instead of the rate. */
  log?: boolean;
  /** Leave out the City of London and the Isles of Scilly. */
  excludeTiny?: boolean;
  /** Rates on ONS's revised 0–17 populations (Bournemouth, Poole and Dorset keep DfE's). */
  onsPopulation?: boolean;
}

/** The specifications tried, the NAO's set-up first. */
export const SPECS: Spec[] = [
  { id: "nao", label: "NAO set-up: 2010-11 to 2016-17, IDACI 2015", from: "2010-11", to: "2016-17", deprivation: ["idaci"], covariates: [] },
  { id: "imd", label: "IMD 2015 instead of IDACI", from: "2010-11", to: "2016-17", deprivation: ["imd"], covariates: [] },
  { id: "idaci-imd", label: "IDACI and IMD 2015 together", from: "2010-11", to: "2016-17", deprivation: ["idaci", "imd"], covariates: [] },
  { id: "funding", label: "IDACI 2015 and funding (spending per child)", from: "2010-11", to: "2016-17", deprivation: ["idaci"], covariates: ["spend"] },
  { id: "funding-imd", label: "IMD 2015 and funding (spending per child)", from: "2010-11", to: "2016-17", deprivation: ["imd"], covariates: ["spend"] },
  { id: "low-income", label: "children in low-income families (varies by year), 2011-12 to 2016-17", from: "2011-12", to: "2016-17", deprivation: ["lowIncome"], covariates: [] },
  { id: "low-income-idaci", label: "low-income families and IDACI 2015, 2011-12 to 2016-17", from: "2011-12", to: "2016-17", deprivation: ["lowIncome", "idaci"], covariates: [] },
  { id: "with-2017-18", label: "2017-18 added (2010-11 to 2017-18), IDACI 2015", from: "2010-11", to: "2017-18", deprivation: ["idaci"], covariates: [] },
  { id: "with-2009-10", label: "2009-10 added (“2010 to 2017” as eight years), IDACI 2015", from: "2009-10", to: "2016-17", deprivation: ["idaci"], covariates: [] },
  { id: "log", label: "log(1 + rate), IDACI 2015", from: "2010-11", to: "2016-17", deprivation: ["idaci"], covariates: [], log: true },
  { id: "no-tiny", label: "City of London and Isles of Scilly left out, IDACI 2015", from: "2010-11", to: "2016-17", deprivation: ["idaci"], covariates: [], excludeTiny: true },
  { id: "ons-population", label: "rates on ONS's revised 0–17 populations, IDACI 2015", from: "2010-11", to: "2016-17", deprivation: ["idaci"], covariates: [], onsPopulation: true },
];

export function specById(id: string): Spec {
  const s = SPECS.find((x) => x.id === id);
  if (!s) throw new Error(`no model specification "${id}" (have: ${SPECS.map((x) => x.id).join(", ")})`);
  return s;
}

/** Components of the variation. */
export type Component = "la" | "deprivation" | "time" | "covariates" | "unexplained";

export const COMPONENT_LABELS: Record<Component, string> = {
  la: "LA effects",
  deprivation: "deprivation",
  time: "time effects",
  covariates: "funding",
  unexplained: "unexplained",
};

/** Ways of computing a share (see `stats/variance-shares.ts`). */
export type Definition = "nao-order" | "last" | "shapley" | "alone" | "partial" | "re";

export const DEFINITIONS: { id: Definition; label: string; short: string }[] = [
  { id: "nao-order", label: "sequential R² in the NAO's order (deprivation, time, [funding,] LA effects)", short: "NAO order" },
  { id: "last", label: "entered last (increase in R² when added last)", short: "entered last" },
  { id: "shapley", label: "Shapley (average over every ordering)", short: "Shapley" },
  { id: "alone", label: "alone (R² on its own, i.e. entered first)", short: "alone" },
  { id: "partial", label: "partial R² (share of what the others leave unexplained)", short: "partial R²" },
  { id: "re", label: "random-effects variance components (share of the variance of the rate)", short: "RE components" },
];

/** What one specification gives. */
export interface SpecResult {
  spec: Spec;
  n: number;
  las: number;
  periods: number;
  /** Rows of the panel left out because a covariate is missing (or a tiny authority is excluded). */
  dropped: number;
  shares: VarianceShares;
  /** Sequential shares in the order deprivation, time, [covariates,] LA effects. */
  naoOrder: Record<string, number>;
  re: {
    /** σ²ᵤ with year effects only, and with deprivation (and covariates) added. */
    sigma2u0: number;
    sigma2u: number;
    sigma2e: number;
    varY: number;
    /** σ²ᵤ / (σ²ᵤ + σ²ₑ) with deprivation in the model (Stata's rho). */
    rho: number;
  };
}

/** Rows of a specification and the response and groups of its decomposition. */
export function specData(tables: Tables, spec: Spec): { rows: ModelRow[]; y: number[]; groups: Record<string, Group>; dropped: number } {
  const panel = modelPanel(tables, spec.from, spec.to);
  const rows = panel.rows.filter((r) =>
    !(spec.excludeTiny && isTiny(r.laCode)) &&
    spec.deprivation.every((d) => r[d] !== null) &&
    spec.covariates.every((c) => r[c] !== null));
  const rateOf = (r: ModelRow) => (spec.onsPopulation && r.populationOns ? (1e4 * r.starts) / r.populationOns : r.rate);
  const y = rows.map((r) => (spec.log ? Math.log(1 + rateOf(r)) : rateOf(r)));
  const groups: Record<string, Group> = {
    deprivation: { columns: spec.deprivation.map((d) => rows.map((r) => r[d] as number)) },
    time: { factor: rows.map((r) => r.year) },
  };
  if (spec.covariates.length) groups.covariates = { columns: spec.covariates.map((c) => rows.map((r) => r[c] as number)) };
  groups.la = { factor: rows.map((r) => r.laCode) };
  return { rows, y, groups, dropped: panel.rows.length - rows.length };
}

const variance = (v: number[]): number => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1);
};

/** Estimates one specification: every reading of the shares and the random-effects components. */
export function estimateSpec(tables: Tables, spec: Spec): SpecResult {
  const hit = tables.memo(`model-spec|${spec.id}`, () => buildSpec(tables, spec));
  return hit.spec === spec ? hit : buildSpec(tables, spec);
}

function buildSpec(tables: Tables, spec: Spec): SpecResult {
  const { rows, y, groups, dropped } = specData(tables, spec);
  const shares = varianceShares(y, groups);
  const order = Object.keys(groups).filter((g) => g !== "la").concat("la");
  const seq = shares.sequential.find((s) => s.order.join() === order.join())!;
  const entity = rows.map((r) => r.laCode);
  const yd = dummies(rows.map((r) => r.year));
  const yearX: Record<string, ArrayLike<number>> = {};
  yd.levels.forEach((l, k) => { yearX[`year ${l}`] = yd.columns[k]; });
  const extra: Record<string, number[]> = {};
  for (const d of spec.deprivation) extra[d] = rows.map((r) => r[d] as number);
  for (const c of spec.covariates) extra[c] = rows.map((r) => r[c] as number);
  const re0 = randomEffects({ y, x: yearX, entity });
  const re1 = randomEffects({ y, x: { ...yearX, ...extra }, entity });
  const out: SpecResult = {
    spec,
    n: rows.length,
    las: new Set(entity).size,
    periods: new Set(rows.map((r) => r.year)).size,
    dropped,
    shares,
    naoOrder: seq.shares,
    re: { sigma2u0: re0.sigma2u, sigma2u: re1.sigma2u, sigma2e: re1.sigma2e, varY: variance(y), rho: re1.rho },
  };
  return out;
}

/** Every specification, estimated. */
export function allSpecs(tables: Tables): SpecResult[] {
  return SPECS.map((s) => estimateSpec(tables, s));
}

/**
 * One component's share (0–1) under one definition; null where the definition gives none (time
 * effects in the random-effects reading; the remainder of a partial R²).
 */
export function shareOf(r: SpecResult, def: Definition, c: Component): number | null {
  const v = rawShareOf(r, def, c);
  // a share that is zero up to rounding (deprivation after LA effects) is written as 0, not −0.0
  return v !== null && Math.abs(v) < 1e-10 ? 0 : v;
}

function rawShareOf(r: SpecResult, def: Definition, c: Component): number | null {
  const s = r.shares;
  if (c === "covariates" && !s.names.includes("covariates")) return null;
  if (def === "re") {
    if (c === "la") return r.re.sigma2u / r.re.varY;
    if (c === "deprivation") return (r.re.sigma2u0 - r.re.sigma2u) / r.re.varY;
    if (c === "unexplained") return r.re.sigma2e / r.re.varY;
    return null;
  }
  if (c === "unexplained") return def === "partial" ? null : s.unexplained;
  switch (def) {
    case "nao-order": return r.naoOrder[c];
    case "last": return s.last[c];
    case "shapley": return s.shapley[c];
    case "alone": return s.alone[c];
    case "partial": return s.partial[c];
  }
}

/** The table of shares: one row per specification and definition, in per cent. */
export function sharesTable(specs: SpecResult[]): { spec: string; specLabel: string; definition: Definition; definitionLabel: string; n: number; la: number | null; deprivation: number | null; time: number | null; covariates: number | null; unexplained: number | null }[] {
  const pct = (v: number | null) => (v === null ? null : 100 * v);
  const out = [];
  for (const r of specs) {
    for (const d of DEFINITIONS) {
      out.push({
        spec: r.spec.id, specLabel: r.spec.label, definition: d.id, definitionLabel: d.label, n: r.n,
        la: pct(shareOf(r, d.id, "la")), deprivation: pct(shareOf(r, d.id, "deprivation")), time: pct(shareOf(r, d.id, "time")),
        covariates: pct(shareOf(r, d.id, "covariates")), unexplained: pct(shareOf(r, d.id, "unexplained")),
      });
    }
  }
  return out;
}

/** The project's central estimate of a component (per cent): the NAO set-up, sequential in the NAO's order. */
export function centralShare(tables: Tables, c: Component): number {
  return 100 * (shareOf(estimateSpec(tables, SPECS[0]), "nao-order", c) as number);
}

// ---------------------------------------------------------------------------------------------
// Uncertainty: a bootstrap over authorities

/** The bootstrap of the shares: replications, seed and coverage (fixed, so every run gives the same interval). */
export const SHARE_BOOTSTRAP = { replications: 1999, seed: 2019, level: 0.95 } as const;

/** How the interval was obtained, in words (the ledger prints it beside the interval). */
export function bootstrapMethod(b: Pick<SharesBootstrap, "replications" | "seed" | "clusters">): string {
  return `percentile bootstrap over authorities, ${fmtNumber(b.clusters)} resampled with all their years, ${fmtNumber(b.replications)} replications, seed ${b.seed}`;
}

/**
 * The shares of one specification in the NAO's order (deprivation, time, [funding,] LA effects) and
 * the unexplained remainder, each with a 95% percentile interval from a bootstrap that resamples
 * whole authorities (every year of each) with replacement; an authority drawn twice counts as two.
 * The interval says how much the shares move with the sample of authorities, not with the choice
 * of definition or specification. Kept in the cache folder, keyed by the data, the options and the
 * code, so a warm run reads it instead of redoing it.
 */
export function bootstrapShares(tables: Tables, spec: Spec, opts: { replications: number; seed: number; level: number } = SHARE_BOOTSTRAP): SharesBootstrap {
  const { y, groups } = specData(tables, spec);
  const order = Object.keys(groups).filter((g) => g !== "la").concat("la");
  const key = JSON.stringify({ spec: spec.id, order, opts, y, groups: order.map((g) => groups[g]) });
  return tables.memo(key, () => bootstrapSequentialShares(y, groups, order, { cluster: "la", ...opts }), { persist: "model-bootstrap", code: __filename });
}

// ---------------------------------------------------------------------------------------------
// How deprivation's effect can be identified alongside fixed effects

/** One estimator's reading of deprivation's effect. */
export interface DeprivationReading {
  estimator: string;
  measure: string;
  /** Change in plans per 10,000 for one point more of the measure. */
  coefficient: number | null;
  se: number | null;
  seKind: string;
  n: number;
  note: string;
}

/** Cluster-robust (by entity, HC0) standard errors of an OLS fit. */
function clusterSe(X: number[][], resid: number[], vcov: number[][], ssr: number, df: number, entity: Key[]): number[] {
  const k = X[0].length;
  const s2 = ssr / df;
  const bread = vcov.map((r) => r.map((v) => v / s2));
  const meat = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const sums = new Map<Key, number[]>();
  X.forEach((row, i) => {
    const s = sums.get(entity[i]) ?? new Array<number>(k).fill(0);
    for (let j = 0; j < k; j++) s[j] += row[j] * resid[i];
    sums.set(entity[i], s);
  });
  for (const s of sums.values()) for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) meat[a][b] += s[a] * s[b];
  const out: number[] = [];
  for (let j = 0; j < k; j++) {
    let v = 0;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) v += bread[j][a] * meat[a][b] * bread[b][j];
    out.push(Math.sqrt(v));
  }
  return out;
}

/**
 * Deprivation's coefficient under the readings that can identify it: pooled OLS with year effects,
 * the between regression, random effects (GLS), two-way fixed effects (not identified for a
 * measure constant within authorities), and for the time-varying low-income measure, two-way
 * fixed effects and the correlated random effects (Mundlak) regression.
 */
export function deprivationReadings(tables: Tables): DeprivationReading[] {
  const out: DeprivationReading[] = [];
  const nao = specData(tables, specById("nao"));
  const entity = nao.rows.map((r) => r.laCode);
  const years = dummies(nao.rows.map((r) => r.year));
  const X = nao.rows.map((r, i) => [1, r.idaci, ...years.columns.map((c) => c[i])]);
  const pooled = ols(X, nao.y);
  const pse = clusterSe(X, pooled.residuals, pooled.vcov, pooled.ssr, pooled.df, entity);
  out.push({ estimator: "pooled OLS with year effects", measure: "IDACI 2015 (per cent)", coefficient: pooled.coefficients[1], se: pse[1], seKind: "clustered by LA", n: nao.y.length, note: "uses variation between and within authorities alike; the LA effects are left in the error" });
  const be = between({ y: nao.y, x: { idaci: nao.rows.map((r) => r.idaci) }, entity });
  out.push({ estimator: "between (LA means)", measure: "IDACI 2015 (per cent)", coefficient: be.coefficients.idaci, se: be.se.idaci, seKind: "conventional", n: be.entities, note: `R² between ${fmtPercent(100 * be.r2, 1)}: deprivation's share of the variation between authorities' average rates` });
  const yearX: Record<string, ArrayLike<number>> = {};
  years.levels.forEach((l, k) => { yearX[`year ${l}`] = years.columns[k]; });
  const re = randomEffects({ y: nao.y, x: { ...yearX, idaci: nao.rows.map((r) => r.idaci) }, entity });
  out.push({ estimator: "random effects (GLS, Swamy–Arora)", measure: "IDACI 2015 (per cent)", coefficient: re.coefficients.idaci, se: re.se.idaci, seKind: "conventional", n: re.n, note: `assumes the LA effects are uncorrelated with deprivation; σ²ᵤ ${fmtNumber(re.sigma2u, 1)}, σ²ₑ ${fmtNumber(re.sigma2e, 1)}` });
  out.push({ estimator: "two-way fixed effects", measure: "IDACI 2015 (per cent)", coefficient: null, se: null, seKind: "", n: nao.y.length, note: "not identified: a score measured once is a linear combination of the LA effects (Stata drops it as collinear)" });
  const li = specData(tables, specById("low-income-idaci"));
  const le = li.rows.map((r) => r.laCode);
  const low = li.rows.map((r) => r.lowIncome as number);
  const fe = twoways({ y: li.y, x: { lowIncome: low }, entity: le, time: li.rows.map((r) => r.year) }, { vcov: "cluster" });
  out.push({ estimator: "two-way fixed effects", measure: "children in low-income families (per cent, by year)", coefficient: fe.coefficients.lowIncome, se: fe.seCluster.lowIncome, seKind: "clustered by LA", n: fe.n, note: "identified from changes within each authority over 2011-12 to 2016-17" });
  const meanBy = new Map<string, { s: number; k: number }>();
  li.rows.forEach((r, i) => { const m = meanBy.get(r.laCode) ?? { s: 0, k: 0 }; m.s += low[i]; m.k++; meanBy.set(r.laCode, m); });
  const y2 = dummies(li.rows.map((r) => r.year));
  const X2 = li.rows.map((r, i) => [1, low[i], meanBy.get(r.laCode)!.s / meanBy.get(r.laCode)!.k, r.idaci, ...y2.columns.map((c) => c[i])]);
  const cre = ols(X2, li.y);
  const cse = clusterSe(X2, cre.residuals, cre.vcov, cre.ssr, cre.df, le);
  const balanced = new Set([...meanBy.values()].map((m) => m.k)).size === 1;
  out.push({ estimator: "correlated random effects (Mundlak: pooled OLS with the LA mean of the measure)", measure: "children in low-income families (per cent, by year)", coefficient: cre.coefficients[1], se: cse[1], seKind: "clustered by LA", n: li.y.length, note: `${balanced ? "equal to the two-way fixed-effects (within) estimate on this balanced panel" : `not the within effect: on this unbalanced panel (${fmtNumber(li.y.length)} rows for ${meanBy.size} authorities) with year effects it differs from the two-way fixed-effects estimate (${fmtNumber(fe.coefficients.lowIncome, 2)})`}; the coefficient on the LA mean (${fmtNumber(cre.coefficients[2], 2)} per point, SE ${fmtNumber(cse[2], 2)}) is the contextual effect (between minus within), not the between effect; IDACI ${fmtNumber(cre.coefficients[3], 2)} (SE ${fmtNumber(cse[3], 2)})` });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Evidence and checks

/** Compact evidence for a panel: one entry per file read, naming its rows and columns. */
export function panelEvidence(panel: ModelPanel, note?: string): Evidence[] {
  const groups = new Map<string, Obs[]>();
  for (const o of panel.obs) {
    const k = `${o.src}|${o.sheet ?? ""}`;
    const g = groups.get(k) ?? [];
    g.push(o);
    groups.set(k, g);
  }
  return [...groups.values()].map((g) => {
    const rows = g.map((o) => o.row);
    const las = new Set(g.map((o) => o.laCode)).size;
    return { ...evidenceFor([g[0]])[0], rows: [`${las} LA rows (rows ${Math.min(...rows)}–${Math.max(...rows)})`], columns: [...new Set(g.map((o) => o.col))], values: undefined, ...(note ? { note } : {}) };
  });
}

// ---------------------------------------------------------------------------------------------
// Sure Start: what the data that exists can show

/** Share by which real spending per child on centres must fall below its 2010-11 level to count as a "closure" in the proxy. */
export const CENTRE_CUT = 0.5;

/** The Sure Start proxy panel: plans per 10,000 and a cohort (first year of a halving of centre spending). */
export interface SureStartPanel {
  rows: { laCode: string; area: string; year: string; t: number; rate: number; centres: number | null; cohort: number | null }[];
  /** Authorities by cohort (first year of the cut), "never" for none. */
  cohorts: Record<string, number>;
  /** Authorities left out because their 2010-11 centre spending is zero or missing. */
  noBase: string[];
  from: string;
  to: string;
  cut: number;
}

/**
 * A stand-in for closures: an authority is "treated" from the first year (2011-12 on) in which its
 * real net spending per child on individual Sure Start children's centres (s251) falls below
 * (1 − cut) of its 2010-11 level. It is not a count of closures; it shows the estimators on the data
 * that exists.
 */
export function sureStartPanel(tables: Tables, cut = CENTRE_CUT, from = "2010-11", to = "2018-19"): SureStartPanel {
  const panel = modelPanel(tables, from, to);
  const s251 = tables.s251();
  const defl = tables.deflatorSeries();
  // spending per child in every year, including years whose count of plans is suppressed
  const spendBy = new Map<string, Map<number, number | null>>();
  for (const year of panel.years) {
    const pop = laCin(tables, "dfePopulation0to17", year);
    for (const o of s251.filter({ measure: "s251:sureStartCentres:net", year, level: "la" })) {
      const p = pop.get(o.laCode!);
      const v = inPounds(o);
      const m = spendBy.get(o.laCode!) ?? new Map<number, number | null>();
      m.set(Number(year.slice(0, 4)), v === null || !p || p.value === null ? null : realTerms(v, year, "2018-19", defl) / p.value);
      spendBy.set(o.laCode!, m);
    }
  }
  const t0 = Number(from.slice(0, 4));
  const cohortOf = new Map<string, number | null>();
  const noBase: string[] = [];
  for (const [la, m] of spendBy) {
    const b = m.get(t0);
    if (b === undefined || b === null || !(b > 0)) { noBase.push(la); continue; }
    let g: number | null = null;
    for (const t of [...m.keys()].sort((x, y) => x - y)) {
      const v = m.get(t);
      if (t > t0 && v !== null && v !== undefined && v < (1 - cut) * b) { g = t; break; }
    }
    cohortOf.set(la, g);
  }
  const rows = panel.rows.filter((r) => cohortOf.has(r.laCode)).map((r) => ({ laCode: r.laCode, area: r.area, year: r.year, t: r.t, rate: r.rate, centres: r.centres, cohort: cohortOf.get(r.laCode)! }));
  const cohorts: Record<string, number> = {};
  for (const g of cohortOf.values()) { const k = g === null ? "never" : String(g); cohorts[k] = (cohorts[k] ?? 0) + 1; }
  return { rows, cohorts, noBase, from, to, cut };
}

export interface SureStartEstimates {
  panel: SureStartPanel;
  twfe: ReturnType<typeof twfeDid>;
  events: EventTimeEstimate[];
  csNever: CallawaySantAnnaResult;
  csNotYet: CallawaySantAnnaResult;
}

/** TWFE DiD, the event study and Callaway–Sant'Anna on the spending proxy. */
export function sureStartEstimates(tables: Tables): SureStartEstimates {
  return tables.memo("sure-start-estimates", () => buildSureStartEstimates(tables));
}

function buildSureStartEstimates(tables: Tables): SureStartEstimates {
  const panel = sureStartPanel(tables);
  const data = { y: panel.rows.map((r) => r.rate), entity: panel.rows.map((r) => r.laCode), time: panel.rows.map((r) => r.t), cohort: panel.rows.map((r) => r.cohort) };
  return {
    panel,
    twfe: twfeDid(data),
    events: eventStudy(data, { leads: 4, lags: 4 }),
    csNever: callawaySantAnna(data, { control: "never", bootstrap: 199 }),
    csNotYet: callawaySantAnna(data, { control: "notyet", bootstrap: 199 }),
  };
}

/** England's net spending on individual Sure Start children's centres (sum of the LA rows), £, cash and real. */
export function centreSpending(tables: Tables, years: string[]): { year: string; cash: number; real: number; obs: Obs[] }[] {
  const t = tables.s251();
  const defl = tables.deflatorSeries();
  return years.map((year) => {
    const obs = t.filter({ measure: "s251:sureStartCentres:net", year, level: "la" });
    const cash = obs.reduce((a, o) => a + (inPounds(o) ?? 0), 0);
    return { year, cash, real: realTerms(cash, year, "2018-19", defl), obs };
  });
}
