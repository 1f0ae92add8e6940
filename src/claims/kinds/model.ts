import type { Alternative, Evidence } from "../types";
import { evidenceFor } from "../../data/obs";
import { percentChange } from "../../stats/change";
import { fmtMoney, fmtNumber, fmtPercent } from "../../format";
import { fact } from "./facts";
import { byFamily, type Kind } from "./types";
import {
  DEFINITIONS, allSpecs, bootstrapMethod, bootstrapShares, centreSpending, estimateSpec, modelPanel, panelEvidence, shareOf, specById, sureStartEstimates, sureStartPanel,
  type Component, type Definition, type ModelPanel, type SpecResult,
} from "./model-panel";

/**
 * Kind `model`: a figure that comes from a model, re-estimated (src/claims/kinds/model-panel.ts).
 * Families (params.of):
 * - `share` (default): the share of the variation in new child protection plans attributed to one
 *   component (LA effects, deprivation, time, unexplained), under every definition of a share and
 *   every specification tried;
 * - `sample`: the authorities and years the model covers;
 * - `sureStart`: the effect of children's centre closures (difference in differences), which the
 *   open data cannot re-run: the estimators on a spending proxy, and what would settle it.
 */

const pc = (v: number | null, d = 0) => (v === null ? "–" : fmtPercent(100 * v, d));

/**
 * Readings of a component, as alternatives, in the order a reader would try them: every definition
 * for the NAO set-up, then the NAO-order share of every other specification (the notebook's tables
 * give the rest).
 */
function readingsOf(c: Component, specs: SpecResult[]): Alternative[] {
  const out: Alternative[] = [];
  const push = (r: SpecResult, d: (typeof DEFINITIONS)[number]) => {
    const v = shareOf(r, d.id, c);
    if (v !== null) out.push({ label: `${d.short}; ${r.spec.label}`, kind: "definition", values: { share: 100 * v } });
  };
  for (const d of DEFINITIONS) push(specs[0], d);
  for (const r of specs.slice(1)) push(r, DEFINITIONS[0]);
  return out;
}

function rangeOf(c: Component, specs: SpecResult[], defs: Definition[]): [number, number] {
  const v = specs.flatMap((r) => defs.map((d) => shareOf(r, d, c))).filter((x): x is number => x !== null);
  return [Math.min(...v), Math.max(...v)];
}

function describePanel(panel: ModelPanel, r: SpecResult): string {
  const miss = panel.missing.map((m) => `${m.area} ${m.year} [${m.marker}]`).join(", ");
  return `Re-estimated on ${fmtNumber(r.n)} authority-years (${r.las} authorities, ${panel.from} to ${panel.to}; ${panel.missing.length} cells with the count of plans suppressed or missing left out: ${miss}): new child protection plans per 10,000 children aged 0–17 (DfE's counts of plans starting in the year and its 0–17 denominators, as first published), with IDACI 2015, year effects and LA effects.`;
}

/**
 * The share of the variation in new child protection plans attributed to one component:
 * params.component = la | deprivation | time | unexplained. Values: { share } in per cent, the
 * project's central estimate, with its 95% interval from a bootstrap over authorities
 * (`bootstrapShares`: whole authorities resampled with all their years); verdict "model"; the
 * explanation gives the share under every definition for the NAO set-up and the range over the
 * specifications, and the alternatives list every (definition, specification) reading so a stated
 * figure can be matched to the reading that gives it.
 */
const share: Kind = (tables, p) => {
  const comp = p.oneOf("component", ["la", "deprivation", "time", "unexplained"] as const, "la") as Component;
  const specs = allSpecs(tables);
  const base = estimateSpec(tables, specById(p.opt("spec", "nao")));
  const nao = specs[0];
  const panel = modelPanel(tables, base.spec.from, base.spec.to);
  const central = shareOf(base, "nao-order", comp)!;
  const boot = bootstrapShares(tables, base.spec);
  const iv = boot.intervals[comp];
  const s: string[] = [describePanel(panel, base)];
  if (base.spec.id !== "nao") s.push(`This claim is read with the specification "${base.spec.label}"${base.spec.covariates.length ? " (the mirror has funding but no staffing series by authority before 2017, and none of the NAO's drug-use, conception or abortion covariates)" : ""}.`);
  const byDef = DEFINITIONS.map((d) => [d, shareOf(base, d.id, comp)] as const).filter(([, v]) => v !== null);
  const [lo, hi] = rangeOf(comp, specs, DEFINITIONS.map((d) => d.id));
  const [slo, shi] = rangeOf(comp, specs, ["nao-order"]);
  const order = base.spec.covariates.length ? "deprivation, then time, then funding, then LA effects" : "deprivation, then time, then LA effects";
  if (comp === "la") {
    s.push(`In the order the NAO's sentences take (${order}) LA effects add ${pc(central, 1)} of the variation.`);
  } else if (comp === "deprivation") {
    const low = specs.find((r) => r.spec.id === "low-income")!;
    s.push(`Deprivation entered first (as the NAO's order has it) accounts for ${pc(central, 1)} of the variation. IDACI and IMD 2015 are measured once, so alongside LA fixed effects they have no variation left to explain: entered after the LA effects their share is ${pc(shareOf(nao, "last", "deprivation"), 1)}, and a fixed-effects regression cannot estimate their coefficient (Stata drops them as collinear). The NAO could only have given deprivation a share by entering it before the LA effects, by a between or random-effects model, or by a measure that changes from year to year: with children in low-income families (HMRC, 2011-12 to 2016-17), changes within an authority add ${pc(shareOf(low, "last", "deprivation"), 2)} once LA and year effects are in (alone: ${pc(shareOf(low, "alone", "deprivation"), 1)}).`);
  } else if (comp === "time") {
    s.push(`Year effects after deprivation (the NAO's order) add ${pc(central, 1)} of the variation; the national trend is small next to the differences between authorities.`);
  } else {
    s.push(`The model with deprivation, year effects and LA effects leaves ${pc(central, 1)} of the variation unexplained (1 − R²); the sequential shares in the NAO's order add up to its R², so with them the four parts sum to 100%.`);
  }
  s.push(`Resampling the ${fmtNumber(boot.clusters)} authorities with replacement (each with all its years; ${fmtNumber(boot.replications)} replications, seed ${boot.seed}) moves this share between ${pc(iv.low, 1)} and ${pc(iv.high, 1)} (95% percentile interval): that is the uncertainty from which authorities happen to be observed, not from the choice of definition or specification below.`);
  s.push(`${base.spec.id === "nao" ? "NAO set-up" : "This specification"}, by definition: ${byDef.map(([d, v]) => `${d.label} ${pc(v, 1)}`).join("; ")}.`);
  s.push(`Over the ${specs.length} specifications (${specs.map((r) => r.spec.id).join(", ")}) the NAO-order share ranges from ${pc(slo, 1)} to ${pc(shi, 1)}, and over every definition and specification from ${pc(lo, 1)} to ${pc(hi, 1)}.`);
  const w17 = specs.find((r) => r.spec.id === "with-2017-18")!;
  s.push(`Adding 2017-18 to the NAO set-up gives ${pc(shareOf(w17, "nao-order", comp), 1)} (NAO order). Where the comparison names a reading that matches a stated figure, that reading gives the number; it is not evidence that the NAO computed it that way.`);
  return {
    values: { share: 100 * central },
    evidence: panelEvidence(panel, "plans starting, 0–17 denominators and IDACI 2015 by authority; the decomposition is computed from these"),
    explanation: s.join(" "),
    alternatives: readingsOf(comp, specs),
    verdict: "model",
    interval: { share: { low: 100 * iv.low, high: 100 * iv.high, method: bootstrapMethod(boot) } },
    facts: {
      share: fact(100 * central, `share of the variation from ${comp === "la" ? "LA effects" : comp === "time" ? "time effects" : comp}, sequential in the NAO's order, ${base.spec.label}`, { unit: "percent" }),
      low: fact(100 * iv.low, "lower end of the 95% bootstrap interval of that share", { unit: "percent" }),
      high: fact(100 * iv.high, "upper end of the 95% bootstrap interval of that share", { unit: "percent" }),
      lowest: fact(100 * lo, "lowest share over every definition and specification", { unit: "percent" }),
      highest: fact(100 * hi, "highest share over every definition and specification", { unit: "percent" }),
      n: fact(base.n, "authority-years", { unit: "count" }),
    },
  };
};

/**
 * The model's coverage: authorities and years with data (appendix paras 6–7). Roles `las` (number
 * of authorities with a rate in every year), `from` and `to` (first and last year, as the first
 * calendar year of the financial year, or with params.yearStyle "end", "to" as the year it ends).
 */
const sample: Kind = (tables, p) => {
  const from = p.str("from");
  const to = p.str("to");
  const style = p.oneOf("yearStyle", ["start", "end"] as const, "start");
  const panel = modelPanel(tables, from, to);
  const count = new Map<string, number>();
  for (const r of panel.rows) count.set(r.laCode, (count.get(r.laCode) ?? 0) + 1);
  const complete = [...count.values()].filter((k) => k === panel.years.length).length;
  const first = Number(panel.years[0].slice(0, 4));
  const last = Number(panel.years[panel.years.length - 1].slice(0, 4)) + (style === "end" ? 1 : 0);
  return {
    values: { las: panel.las, from: first, to: last },
    evidence: panelEvidence(panel),
    explanation: `The children-in-need files give new child protection plans and 0–17 denominators for ${panel.las} authorities in each year from ${panel.from} to ${panel.to} (${panel.years.length} years, ${fmtNumber(panel.rows.length)} authority-years with a published count); ${complete} authorities have a count in every year, the others have ${panel.missing.length} suppressed or missing cells between them.`,
    facts: {
      las: fact(panel.las, "authorities with a count of plans in the panel", { period: `${from} to ${to}`, unit: "count" }),
      complete: fact(complete, "authorities with a count in every year", { unit: "count" }),
      years: fact(panel.years.length, "years in the panel", { unit: "count" }),
    },
  };
};

const SETTLE_CENTRES = "a count of Sure Start children's centres open in each authority in each year: DfE's Get Information About Schools establishment records of children's centres (establishment types 47 and 48, with their open and close dates), or the centre counts by authority compiled by the Sutton Trust or Action for Children";

/**
 * Claims about children's centres and their closure (summary 17, appendix para 8, PAC conclusion 4):
 * unverifiable, because no open file in the mirror counts centres or closures by authority. The
 * explanation says what would settle them and what the data that exists shows: s251 spending on
 * centres and, for params.kind "effect", the DiD estimators on the spending proxy.
 * params.kind: "effect" | "centres-fall" | "no-closure-share".
 */
const sureStart: Kind = (tables, p) => {
  const kind = p.oneOf("question", ["effect", "centres-fall", "no-closure-share"] as const, "effect");
  const s: string[] = [];
  let evidence: Evidence[] = [];
  let facts = {};
  if (kind === "centres-fall" || kind === "no-closure-share") {
    const sp = centreSpending(tables, ["2010-11", "2017-18"]);
    s.push(`No file in the mirror counts children's centres, so the number that closed cannot be recomputed. What the data does show: net spending on individual Sure Start children's centres (s251, sum of the 152 authorities) fell from ${fmtMoney(sp[0].cash)} in 2010-11 to ${fmtMoney(sp[1].cash)} in 2017-18, ${fmtPercent(percentChange(sp[0].real, sp[1].real), 0, true)} in real terms (2018-19 prices) — spending, not centres.`);
    if (kind === "no-closure-share") {
      const proxy = sureStartPanel(tables);
      const n = Object.values(proxy.cohorts).reduce((a, b) => a + b, 0);
      s.push(`By the spending proxy (real spending per child on centres falling below half its 2010-11 level), ${proxy.cohorts.never ?? 0} of ${n} authorities with centre spending in 2010-11 never halved it by 2018-19; that is a different thing from closing no centre.`);
    }
    evidence = sp.map((x) => ({ ...evidenceFor([x.obs[0]])[0], rows: [`${x.obs.length} LA rows (sum)`], values: { [`England (sum of LAs) ${x.year}`]: x.cash } }));
    facts = {
      from: fact(sp[0].cash, "net spending on Sure Start children's centres (sum of LAs)", { period: sp[0].year, area: "England", unit: "gbp" }),
      to: fact(sp[1].cash, "net spending on Sure Start children's centres (sum of LAs)", { period: sp[1].year, area: "England", unit: "gbp" }),
      realChange: fact(percentChange(sp[0].real, sp[1].real), "real-terms change in that spending (2018-19 prices)", { unit: "percent" }),
      centres: fact(null, "children's centres that closed: no file counts them"),
    };
  } else if (kind === "effect") {
    const e = sureStartEstimates(tables);
    const proxy = e.panel;
    const n = Object.values(proxy.cohorts).reduce((a, b) => a + b, 0);
    const cohorts = Object.entries(proxy.cohorts).filter(([k]) => k !== "never").map(([k, v]) => `${v} in ${k}-${String((Number(k) + 1) % 100).padStart(2, "0")}`).join(", ");
    s.push(`The NAO used the Department's data on closures of children's centres, which is not published; no file in the mirror counts centres or closures by authority, so the difference in differences cannot be re-run as the NAO ran it.`);
    const est = [e.twfe, e.csNever.overall, e.csNotYet.overall];
    const allSmall = est.every((x) => Math.abs(x.estimate) < 2 * x.se);
    const sign = est.every((x) => x.estimate > 0) ? "positive" : est.every((x) => x.estimate < 0) ? "negative" : "of mixed sign";
    s.push(`On a spending proxy instead (an authority counts as "closing" from the first year its real spending per child on individual centres falls below half its 2010-11 level; ${n} authorities, ${proxy.cohorts.never ?? 0} never, ${cohorts}), plans per 10,000, ${proxy.from} to ${proxy.to}: two-way fixed effects ${fmtNumber(e.twfe.estimate, 1)} per 10,000 (clustered SE ${fmtNumber(e.twfe.se, 1)}); Callaway–Sant'Anna with never-treated controls ${fmtNumber(e.csNever.overall.estimate, 1)} (bootstrap SE ${fmtNumber(e.csNever.overall.se, 1)}), with not-yet-treated controls ${fmtNumber(e.csNotYet.overall.estimate, 1)} (SE ${fmtNumber(e.csNotYet.overall.se, 1)}). The estimates are ${sign} and ${allSmall ? "within two standard errors of zero: no measurable change in new plans after deep cuts to centre spending" : "not all within two standard errors of zero"} — but spending is not closures.`);
    facts = {
      twfe: fact(e.twfe.estimate, "two-way fixed-effects estimate on the spending proxy, plans per 10,000"),
      csNever: fact(e.csNever.overall.estimate, "Callaway–Sant'Anna estimate (never-treated controls), plans per 10,000"),
      csNotYet: fact(e.csNotYet.overall.estimate, "Callaway–Sant'Anna estimate (not-yet-treated controls), plans per 10,000"),
    };
    const pn = modelPanel(tables, proxy.from, proxy.to);
    const spend = centreSpending(tables, pn.years);
    evidence = [
      ...panelEvidence(pn, "plans starting and 0–17 denominators by authority"),
      ...spend.map((x) => ({ ...evidenceFor([x.obs[0]])[0], rows: [`${x.obs.length} LA rows`], values: undefined, note: `spend on individual Sure Start children's centres by authority, ${x.year}: the proxy's cohorts` })),
    ];
  }
  s.push(`What would settle it: ${SETTLE_CENTRES}${kind === "effect" ? ", joined to the plans by authority and year and run through the same estimators (the two-way fixed-effects DiD is biased when closures are staggered and effects change over time; Callaway–Sant'Anna or Sun–Abraham are not)" : ""}.`);
  return { values: {}, evidence, explanation: s.join(" "), verdict: "unverifiable", facts };
};

/** Kind `model`. */
export const modelKind: Kind = byFamily("model", { share, sample, sureStart });
