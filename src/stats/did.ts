/**
 * Difference in differences with staggered adoption: units become treated in different periods
 * (their "cohort") and stay treated; some are never treated.
 *
 * - `twfeDid`: the two-way fixed-effects regression yᵢₜ = αᵢ + λₜ + τ·Dᵢₜ + e (entity-clustered SE).
 *   With staggered timing and effects that change over time since treatment, τ is a weighted
 *   average of 2×2 comparisons some of which use already-treated units as controls, with weights
 *   that can be negative (Goodman-Bacon 2021; de Chaisemartin and D'Haultfœuille 2020).
 * - `eventStudy`: the same regression with one dummy per period relative to treatment (leads and
 *   lags, end points binned, the period before treatment left out). It shares the problem: with
 *   heterogeneous cohorts its coefficients mix periods (Sun and Abraham 2021).
 * - `callawaySantAnna`: group-time average treatment effects ATT(g, t), each a clean 2×2
 *   comparison of cohort g with never-treated (or not-yet-treated) units between g − 1 and t, then
 *   averaged by event time or overall with cohort-size weights (Callaway and Sant'Anna 2021, no
 *   covariates, unconditional parallel trends); standard errors by a bootstrap over entities.
 *
 * Periods are numbers (a financial year "2014-15" enters as 2014); cohorts are the first treated
 * period, or null for never treated.
 */
import { twoways, factorize, type Key } from "./panel";
import { seededRandom } from "./random";

/** Panel of a staggered-adoption design: one value per row. */
export interface DidData {
  y: ArrayLike<number>;
  entity: ArrayLike<Key>;
  /** Period of the row (consecutive integers, e.g. 2010, 2011, …). */
  time: ArrayLike<number>;
  /** First treated period of the row's entity; null when the entity is never treated. */
  cohort: ArrayLike<number | null>;
}

/** An estimate with its standard error. */
export interface Estimate {
  estimate: number;
  se: number;
}

/**
 * Treatment indicator Dᵢₜ = 1 when the entity is treated by period t (t ≥ cohort).
 *
 * @example Array.from(treatedIndicator([2010, 2011, 2012], [2011, 2011, 2011])); // => [0, 1, 1]
 * @example Array.from(treatedIndicator([2010, 2011], [null, null]));              // => [0, 0]
 */
export function treatedIndicator(time: ArrayLike<number>, cohort: ArrayLike<number | null>): Float64Array {
  const d = new Float64Array(time.length);
  for (let i = 0; i < time.length; i++) {
    const g = cohort[i];
    d[i] = g !== null && g !== undefined && time[i] >= g ? 1 : 0;
  }
  return d;
}

/**
 * Two-way fixed-effects difference in differences: the coefficient τ of Dᵢₜ in a regression with
 * entity and period effects, with its entity-clustered standard error (plm's "arellano", HC0).
 *
 * https://en.wikipedia.org/wiki/Difference_in_differences
 *
 * @param data response, entity, period and cohort of each row
 * @returns τ, its clustered SE, the conventional SE, rows, entities and treated entities
 * @example
 * // two units, two periods, the second unit treated in period 2 with effect 3
 * twfeDid({ y: [1, 2, 1, 5, 0, 1], entity: ["a", "a", "b", "b", "c", "c"], time: [1, 2, 1, 2, 1, 2], cohort: [null, null, 2, 2, null, null] }).estimate; // => 3 (up to rounding)
 */
export function twfeDid(data: DidData): Estimate & { seIid: number; n: number; entities: number; treatedEntities: number } {
  const d = treatedIndicator(data.time, data.cohort);
  const fit = twoways({ y: data.y, x: { treated: d }, entity: data.entity, time: data.time }, { vcov: "cluster" });
  const treated = new Set<Key>();
  for (let i = 0; i < d.length; i++) if (data.cohort[i] !== null) treated.add(data.entity[i]);
  return { estimate: fit.coefficients.treated, se: fit.seCluster.treated, seIid: fit.seIid.treated, n: fit.n, entities: fit.entities, treatedEntities: treated.size };
}

/** One coefficient of an event study. */
export interface EventTimeEstimate extends Estimate {
  /** Periods since treatment (−1 is the period before; the end points stand for "or further"). */
  eventTime: number;
  /** True for the omitted reference period (estimate 0, se 0). */
  reference: boolean;
}

/**
 * Event-study regression: entity and period effects plus one dummy per period relative to
 * treatment from −leads to +lags (the end points bin everything further out), leaving out
 * `reference` (default −1). Never-treated entities have every dummy 0. Entity-clustered SE.
 *
 * @param data response, entity, period and cohort of each row
 * @param opts leads (default 4), lags (default 4), reference (default −1)
 * @returns one estimate per event time, the reference included as 0
 * @example
 * const sim = simulateStaggered({ cohorts: [3, null], unitsPerCohort: 3, first: 1, last: 4, effect: () => 2, noise: 0.1 });
 * const es = eventStudy(sim.data, { leads: 2, lags: 1 });
 * es.map((e) => e.eventTime); // => [-2, -1, 0, 1]
 */
export function eventStudy(data: DidData, opts: { leads?: number; lags?: number; reference?: number } = {}): EventTimeEstimate[] {
  const leads = opts.leads ?? 4;
  const lags = opts.lags ?? 4;
  const ref = opts.reference ?? -1;
  const n = data.y.length;
  const x: Record<string, Float64Array> = {};
  const times: number[] = [];
  for (let k = -leads; k <= lags; k++) if (k !== ref) times.push(k);
  for (const k of times) x[`e${k}`] = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = data.cohort[i];
    if (g === null || g === undefined) continue;
    const k = Math.max(-leads, Math.min(lags, data.time[i] - g));
    if (k !== ref) x[`e${k}`][i] = 1;
  }
  // drop event times no row has (a short panel cannot see every lead and lag)
  for (const k of times.slice()) if (!x[`e${k}`].some((v) => v !== 0)) { delete x[`e${k}`]; times.splice(times.indexOf(k), 1); }
  const fit = twoways({ y: data.y, x, entity: data.entity, time: data.time }, { vcov: "cluster" });
  const out: EventTimeEstimate[] = times.map((k) => ({ eventTime: k, estimate: fit.coefficients[`e${k}`], se: fit.seCluster[`e${k}`], reference: false }));
  out.push({ eventTime: ref, estimate: 0, se: 0, reference: true });
  return out.sort((a, b) => a.eventTime - b.eventTime);
}

/** One group-time average treatment effect. */
export interface GroupTimeEffect {
  /** Cohort (first treated period). */
  group: number;
  time: number;
  /** time − group. */
  eventTime: number;
  att: number;
  /** Entities of the cohort and of the controls used. */
  treatedUnits: number;
  controlUnits: number;
}

/** Result of `callawaySantAnna`. */
export interface CallawaySantAnnaResult {
  control: "never" | "notyet";
  groupTime: GroupTimeEffect[];
  /** Average over every post-treatment (g, t) cell, weighted by cohort size ("simple" aggregation). */
  overall: Estimate;
  /** Average by event time, weighted by the sizes of the cohorts seen at that event time. */
  byEventTime: (Estimate & { eventTime: number })[];
  /** Bootstrap replications used for the standard errors (0: none). */
  bootstrap: number;
  entities: number;
}


interface Unit { cohort: number | null; y: Map<number, number> }

function unitsOf(data: DidData): Unit[] {
  const f = factorize(data.entity);
  const units: Unit[] = f.levels.map(() => ({ cohort: null, y: new Map<number, number>() }));
  const seen = new Uint8Array(f.levels.length);
  for (let i = 0; i < data.y.length; i++) {
    const u = units[f.codes[i]];
    const g = data.cohort[i] ?? null;
    if (u.y.size > 0 || seen[f.codes[i]]) {
      if (u.cohort !== g) throw new Error(`callawaySantAnna: entity "${String(data.entity[i])}" has two cohorts (${u.cohort} and ${g})`);
    }
    seen[f.codes[i]] = 1;
    u.cohort = g;
    if (!Number.isFinite(data.y[i])) continue;
    u.y.set(data.time[i], data.y[i]);
  }
  return units;
}

/** ATT(g, t) cells and the aggregations, for one (possibly resampled) set of units. */
function csCells(units: Unit[], periods: number[], control: "never" | "notyet"): { cells: GroupTimeEffect[]; overall: number; byEvent: Map<number, number> } {
  const cohorts = [...new Set(units.map((u) => u.cohort).filter((g): g is number => g !== null))].sort((a, b) => a - b);
  const cells: GroupTimeEffect[] = [];
  const first = periods[0];
  for (const g of cohorts) {
    const base = g - 1;
    if (base < first) continue; // treated from the first period: no pre-period
    const treated = units.filter((u) => u.cohort === g);
    for (const t of periods) {
      if (t === base) continue;
      const isControl = (u: Unit) => u.cohort === null || (control === "notyet" && u.cohort > Math.max(t, base));
      const diff = (us: Unit[]) => {
        let s = 0;
        let k = 0;
        for (const u of us) {
          const a = u.y.get(base);
          const b = u.y.get(t);
          if (a === undefined || b === undefined) continue;
          s += b - a;
          k++;
        }
        return { mean: k ? s / k : NaN, k };
      };
      const tr = diff(treated);
      const co = diff(units.filter(isControl));
      if (!tr.k || !co.k) continue;
      cells.push({ group: g, time: t, eventTime: t - g, att: tr.mean - co.mean, treatedUnits: tr.k, controlUnits: co.k });
    }
  }
  const size = new Map<number, number>();
  for (const u of units) if (u.cohort !== null) size.set(u.cohort, (size.get(u.cohort) ?? 0) + 1);
  let num = 0;
  let den = 0;
  const ev = new Map<number, { num: number; den: number }>();
  for (const c of cells) {
    const w = size.get(c.group)!;
    if (c.eventTime >= 0) { num += w * c.att; den += w; }
    const e = ev.get(c.eventTime) ?? { num: 0, den: 0 };
    e.num += w * c.att;
    e.den += w;
    ev.set(c.eventTime, e);
  }
  const byEvent = new Map<number, number>();
  for (const [k, e] of ev) byEvent.set(k, e.num / e.den);
  return { cells, overall: den ? num / den : NaN, byEvent };
}

/**
 * Callaway–Sant'Anna group-time average treatment effects with never-treated (default) or
 * not-yet-treated controls, no covariates, a universal base period g − 1; aggregated overall
 * (cohort-size weights over post-treatment cells) and by event time. Standard errors come from a
 * bootstrap that resamples entities with replacement (seeded, so results repeat).
 *
 * https://doi.org/10.1016/j.jeconom.2020.12.001
 *
 * @param data response, entity, period and cohort of each row
 * @param opts control group, bootstrap replications (default 199; 0 for none), seed
 * @returns ATT(g, t) cells, the overall ATT and the event-time averages with bootstrap SEs
 * @example
 * const cs = callawaySantAnna({ y: [0, 0, 3, 0, 0, 0], entity: ["a", "a", "a", "b", "b", "b"], time: [1, 2, 3, 1, 2, 3], cohort: [3, 3, 3, null, null, null] }, { bootstrap: 0 });
 * cs.overall.estimate; // => 3
 */
export function callawaySantAnna(data: DidData, opts: { control?: "never" | "notyet"; bootstrap?: number; seed?: number } = {}): CallawaySantAnnaResult {
  const control = opts.control ?? "never";
  const B = opts.bootstrap ?? 199;
  const units = unitsOf(data);
  const periods = [...new Set(Array.from(data.time))].sort((a, b) => a - b);
  const est = csCells(units, periods, control);
  const events = [...est.byEvent.keys()].sort((a, b) => a - b);
  const reps: { overall: number; byEvent: Map<number, number> }[] = [];
  const rnd = seededRandom(opts.seed ?? 20190123);
  for (let b = 0; b < B; b++) {
    const sample: Unit[] = [];
    for (let i = 0; i < units.length; i++) sample.push(units[Math.floor(rnd() * units.length)]);
    const r = csCells(sample, periods, control);
    reps.push({ overall: r.overall, byEvent: r.byEvent });
  }
  const sd = (v: number[]) => {
    const x = v.filter(Number.isFinite);
    if (x.length < 2) return NaN;
    const m = x.reduce((a, c) => a + c, 0) / x.length;
    return Math.sqrt(x.reduce((a, c) => a + (c - m) ** 2, 0) / (x.length - 1));
  };
  return {
    control,
    groupTime: est.cells,
    overall: { estimate: est.overall, se: B ? sd(reps.map((r) => r.overall)) : NaN },
    byEventTime: events.map((k) => ({ eventTime: k, estimate: est.byEvent.get(k)!, se: B ? sd(reps.map((r) => r.byEvent.get(k) ?? NaN)) : NaN })),
    bootstrap: B,
    entities: units.length,
  };
}

/**
 * A deterministic staggered-adoption panel for teaching and tests: `unitsPerCohort` entities in each
 * cohort (null = never treated), periods `first`…`last`, yᵢₜ = αᵢ + λₜ + effect(t − g) for treated
 * periods, with αᵢ = 0.5·i, λₜ = 0.3·(t − first) and optional noise from a seeded generator.
 *
 * @param opts cohorts, units per cohort, periods, the effect as a function of periods since
 *   treatment (0 = first treated period), noise standard deviation and seed
 * @returns the panel, and the true average effect over treated cells weighted like `callawaySantAnna`
 * @example
 * const sim = simulateStaggered({ cohorts: [3, null], unitsPerCohort: 2, first: 1, last: 4, effect: () => 2 });
 * sim.trueAtt; // => 2
 */
export function simulateStaggered(opts: {
  cohorts: (number | null)[];
  unitsPerCohort: number;
  first: number;
  last: number;
  effect: (eventTime: number) => number;
  noise?: number;
  seed?: number;
}): { data: DidData & { y: number[]; entity: number[]; time: number[]; cohort: (number | null)[] }; trueAtt: number } {
  const rnd = seededRandom(opts.seed ?? 1);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const y: number[] = [];
  const entity: number[] = [];
  const time: number[] = [];
  const cohort: (number | null)[] = [];
  let num = 0;
  let den = 0;
  let id = 0;
  for (const g of opts.cohorts) {
    for (let u = 0; u < opts.unitsPerCohort; u++, id++) {
      for (let t = opts.first; t <= opts.last; t++) {
        const treated = g !== null && t >= g;
        const eff = treated ? opts.effect(t - (g as number)) : 0;
        if (treated && (g as number) > opts.first) { num += eff; den++; }
        y.push(0.5 * id + 0.3 * (t - opts.first) + eff + (opts.noise ? opts.noise * gauss() : 0));
        entity.push(id);
        time.push(t);
        cohort.push(g);
      }
    }
  }
  return { data: { y, entity, time, cohort }, trueAtt: den ? num / den : 0 };
}
