import type { Claim, Evidence, Unit } from "../types";
import type { ClaimContext } from "../checks/types";
import { DOC_FILES } from "../registry";
import { percentChange } from "../../stats/change";
import { fmtNumber } from "../../format";
import { fact, type Facts } from "./facts";
import type { Kind, KindResult, Params } from "./types";

/**
 * Kind `arithmetic`: what a document's OTHER numbers imply for one of its numbers (a change that
 * follows from its two levels, shares of one whole, a rate as the document defines it, a count of
 * its own table's entries). The inputs are "claim-id:role" references to other claims' stated
 * values (a claim may not read its own). The result carries `internal: true`: a mismatch is the
 * document contradicting itself, not the data. The rounding of the inputs as written is carried
 * through (the implied value is a range, given as the tolerance), and money written in £ million
 * and £ billion is put in pounds first.
 *
 * params.relation:
 * - pctChange [from, to], difference [a, b] (b − a), pointsChange [from %, to %], sum [parts],
 *   ratio [numerator, denominator], share [part, whole] (per cent): params.inputs, params.role;
 * - complement: each of params.roles is 100 minus the corresponding input;
 * - rate: 100 × Σ params.numerator / Σ params.denominator (params.definition names it;
 *   params.otherDenominator, params.otherDefinition another reading);
 * - count: how many of params.inputs pass params.test ("eq:0", "gt:39", "lt:50");
 * - rank: the place of the first of params.inputs among all of them, largest first (1 = the largest;
 *   "followed by" is place 2); entries equal to it share its place.
 */

/** Pounds per unit of a stated money value, so £ million and £ billion can be combined. */
const MONEY_SCALE: Partial<Record<Unit, number>> = { gbp: 1, gbp_m: 1e6, gbp_bn: 1e9 };

interface DocNumber {
  ref: string;
  value: number;
  tol: number;
  written: string;
  claim: Claim;
  unit: Unit;
}

/** A document number with its written precision, money in pounds. */
function docNumber(c: ClaimContext, ref: string): DocNumber {
  if (!c.documentNumber) throw new Error(`claim "${c.id}": arithmetic on the document's numbers needs the registry`);
  const d = c.documentNumber(ref);
  const role = ref.split(":")[1];
  const sv = d.claim.stated.find((s) => s.role === role)!;
  const scale = MONEY_SCALE[sv.unit] ?? 1;
  return { ref, value: d.value * scale, tol: (sv.tolerance ?? 0) * scale, written: d.written, claim: d.claim, unit: sv.unit };
}

/** The range of f over the box of inputs ± their tolerances (every corner; fine for a handful of inputs). */
export function rangeOver(values: number[], tols: number[], f: (v: number[]) => number): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  const n = values.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const v = values.map((x, i) => x + (mask & (1 << i) ? tols[i] : -tols[i]));
    const y = f(v);
    if (Number.isFinite(y)) { lo = Math.min(lo, y); hi = Math.max(hi, y); }
  }
  return { lo, hi };
}

/** Each relation: the function of the inputs and how it is written. */
const RELATIONS: Record<string, { f: (v: number[]) => number; how: (w: string[], r: number) => string }> = {
  pctChange: { f: (v) => percentChange(v[0], v[1]), how: (w, r) => `100 × (${w[1]} − ${w[0]}) / ${w[0]} = ${fmtNumber(r, 2)}%` },
  sum: { f: (v) => v.reduce((a, b) => a + b, 0), how: (w, r) => `${w.join(" + ")} = ${fmtNumber(r, 2)}` },
  difference: { f: (v) => v[1] - v[0], how: (w, r) => `${w[1]} − ${w[0]} = ${fmtNumber(r, 2)}` },
  ratio: { f: (v) => v[0] / v[1], how: (w, r) => `${w[0]} / ${w[1]} = ${fmtNumber(r, 3)}` },
  share: { f: (v) => (100 * v[0]) / v[1], how: (w, r) => `100 × ${w[0]} / ${w[1]} = ${fmtNumber(r, 2)}%` },
  pointsChange: { f: (v) => v[1] - v[0], how: (w, r) => `${w[1]} − ${w[0]} = ${fmtNumber(r, 2)} points` },
};

/** The evidence of a result that rests on the document's own numbers. */
function documentEvidence(c: ClaimContext, rows: string[], got: DocNumber[], note: string): Evidence[] {
  return [{
    source: `document:${c.document}`,
    file: `seeds/${DOC_FILES[c.document]}`,
    rows,
    columns: ["the document's own numbers"],
    values: Object.fromEntries(got.map((g) => [g.ref, g.value])),
    note,
  }];
}

/** Facts of the inputs: each with the claim it comes from. */
function inputFacts(c: ClaimContext, got: DocNumber[]): Facts {
  return Object.fromEntries(got.map((g, i) => [`input${i + 1}`, fact(g.value, `${g.written} (${g.claim.location})`, { source: `document:${c.document}`, unit: g.unit })]));
}

/** A relation among the document's numbers. */
function relation(p: Params, c: ClaimContext, name: string): KindResult {
  const rel = RELATIONS[name];
  const got = p.list("inputs").map((r) => docNumber(c, r));
  const role = p.opt("role", "value");
  const implied = rel.f(got.map((g) => g.value));
  const { lo, hi } = rangeOver(got.map((g) => g.value), got.map((g) => g.tol), rel.f);
  const tol = Math.max(hi - implied, implied - lo);
  const sentences = [`From the document's own numbers: ${rel.how(got.map((g) => g.written), implied)}.`];
  if (tol > 1e-9) sentences.push(`With each of those figures anywhere within its rounding, the result lies between ${fmtNumber(lo, 2)} and ${fmtNumber(hi, 2)}.`);
  if (name === "pctChange" && got.every((g) => g.unit === "percent")) {
    sentences.push(`The inputs are themselves percentages: as a change in percentage points it is ${fmtNumber(got[1].value - got[0].value, 1)} points, so the document's % change is a relative change of the rate, not a change in points.`);
  }
  return {
    values: { [role]: implied },
    evidence: documentEvidence(c, got.map((g) => `${g.claim.location} (${g.ref})`), got, "internal consistency: the recomputed value follows from the document's other numbers, not from a data file"),
    explanation: sentences.join(" "),
    internal: true,
    dataTolerance: { [role]: tol },
    facts: { ...inputFacts(c, got), result: fact(implied, `what the document's numbers imply (${name})`, { source: `document:${c.document}` }), lowest: fact(lo, "lowest within the inputs' rounding"), highest: fact(hi, "highest within the inputs' rounding") },
  };
}

/** Shares that should add up to 100% with the document's other shares: each role of params.roles is 100 minus its input. */
function complement(p: Params, c: ClaimContext): KindResult {
  const refs = p.list("inputs");
  const got = refs.map((r) => docNumber(c, r));
  const roles = p.list("roles");
  if (roles.length !== refs.length) throw p.error(`a complement needs one role per input (${refs.length} inputs, ${roles.length} roles)`);
  const values: Record<string, number> = {};
  const dataTolerance: Record<string, number> = {};
  roles.forEach((r, i) => { values[r] = 100 - got[i].value; dataTolerance[r] = got[i].tol; });
  return {
    values,
    dataTolerance,
    internal: true,
    evidence: documentEvidence(c, refs.map((r, i) => `${got[i].claim.location} (${r})`), got, "internal consistency: shares of one whole add up to 100%"),
    explanation: `From the document's own numbers: ${roles.map((r, i) => `100% − ${got[i].written} = ${fmtNumber(values[r], 1)}%`).join("; ")}.`,
    facts: { ...inputFacts(c, got), ...Object.fromEntries(roles.map((r) => [r, fact(values[r], "100% less the document's other share", { unit: "percent" })])) },
  };
}

/** A rate as a document defines it, from its own numbers: 100 × Σ numerator / Σ denominator. */
function rate(p: Params, c: ClaimContext): KindResult {
  const role = p.opt("role", "rate");
  const nums = p.list("numerator").map((r) => docNumber(c, r));
  const dens = p.list("denominator").map((r) => docNumber(c, r));
  const all = [...nums, ...dens];
  const f = (v: number[]) => (100 * v.slice(0, nums.length).reduce((a, b) => a + b, 0)) / v.slice(nums.length).reduce((a, b) => a + b, 0);
  const r = f(all.map((g) => g.value));
  const { lo, hi } = rangeOver(all.map((g) => g.value), all.map((g) => g.tol), f);
  const definition = p.opt("definition");
  const sentences = [`${definition ? `${definition}: ` : ""}100 × ${nums.map((g) => g.written).join(" + ")} / (${dens.map((g) => g.written).join(" + ")}) = ${fmtNumber(r, 2)}% (${fmtNumber(lo, 2)} to ${fmtNumber(hi, 2)} with the inputs' rounding).`];
  const other = p.list("otherDenominator");
  if (other.length) {
    const od = other.map((x) => docNumber(c, x));
    const alt = (100 * nums.reduce((a, g) => a + g.value, 0)) / od.reduce((a, g) => a + g.value, 0);
    sentences.push(`${p.opt("otherDefinition", "On the other denominator")}: 100 × ${nums.map((g) => g.written).join(" + ")} / (${od.map((g) => g.written).join(" + ")}) = ${fmtNumber(alt, 2)}%.`);
    all.push(...od);
  }
  return {
    values: { [role]: r },
    evidence: documentEvidence(c, all.map((g) => g.ref), all, "internal consistency: the rate as the document defines it, from its own numbers"),
    explanation: `From the document's own numbers: ${sentences.join(" ")}`,
    internal: true,
    dataTolerance: { [role]: Math.max(hi - r, r - lo) },
    facts: { ...inputFacts(c, all), result: fact(r, definition ?? "the rate the document's numbers imply", { unit: "percent" }) },
  };
}

/** How many of the document's own numbers (params.inputs) pass params.test ("eq:0", "gt:39", "lt:50"). */
function count(p: Params, c: ClaimContext): KindResult {
  const role = p.opt("role", "count");
  const [op, xs] = p.str("test").split(":");
  if (!["eq", "gt", "lt"].includes(op)) throw p.error(`unknown test "${op}"`);
  const x = Number(xs);
  const got = p.list("inputs").map((r) => docNumber(c, r));
  const ok = got.filter((g) => (op === "eq" ? g.value === x : op === "gt" ? g.value > x : g.value < x));
  const words: Record<string, string> = { eq: "equal to", gt: "above", lt: "below" };
  return {
    values: { [role]: ok.length },
    evidence: documentEvidence(c, got.map((g) => g.ref), got, "internal consistency: a count of the document's own table entries"),
    explanation: `From the document's own table: ${ok.length} of its ${got.length} entries (${got.map((g) => g.written).join(", ")}) are ${words[op]} ${xs}${ok.length ? `: ${ok.map((g) => g.written).join(", ")}` : ""}.`,
    internal: true,
    facts: { ...inputFacts(c, got), result: fact(ok.length, `entries ${words[op]} ${xs}, of ${got.length}`, { unit: "count" }) },
  };
}

/** The place of the first input among all the inputs (a table's rows), largest first. */
function rank(p: Params, c: ClaimContext): KindResult {
  const role = p.opt("role", "rank");
  const got = p.list("inputs").map((r) => docNumber(c, r));
  if (got.length < 2) throw p.error("a rank needs the entry and at least one other entry to rank it among");
  const [entry] = got;
  const place = 1 + got.filter((g) => g.value > entry.value).length;
  const ordered = [...got].sort((a, b) => b.value - a.value);
  const name = (g: DocNumber) => `${g.written} (${g.claim.location}${g.claim.id === entry.claim.id ? ", the entry ranked" : ""})`;
  return {
    values: { [role]: place },
    evidence: documentEvidence(c, got.map((g) => g.ref), got, "internal consistency: the place of an entry among the document's own table rows"),
    explanation: `From the document's own table, largest first: ${ordered.map(name).join(", ")}. The entry ${entry.written} is in place ${place} of ${got.length}.`,
    internal: true,
    facts: { ...inputFacts(c, got), result: fact(place, `place of ${entry.written} among ${got.length} entries, largest first`, { unit: "count" }) },
  };
}

/** Kind `arithmetic`. */
export const arithmeticKind: Kind = (_t, p, c) => {
  const name = p.str("relation");
  if (RELATIONS[name]) return relation(p, c, name);
  if (name === "complement") return complement(p, c);
  if (name === "rate") return rate(p, c);
  if (name === "count") return count(p, c);
  if (name === "rank") return rank(p, c);
  throw p.error(`unknown relation "${name}" (${[...Object.keys(RELATIONS), "complement", "rate", "count", "rank"].join(", ")})`);
};
