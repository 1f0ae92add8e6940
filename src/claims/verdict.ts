import type { Alternative, CheckResult, StatedValue, Verdict } from "./types";
import { fmtValue } from "../format";

/** How one stated value compares with the data. */
export type Match = "exact" | "data-rounding" | "last-digit" | "revision" | "differs" | "missing";

export interface Comparison {
  role: string;
  stated: number;
  recomputed: number | null;
  match: Match;
  /** The alternative reading that matched, for "revision" (and other kinds of alternative). */
  via?: Alternative;
}

const EPS = 1e-9;

/** Whether a recomputed value satisfies a bounded statement ("less than 30%", "almost triple"...). */
function qualified(sv: StatedValue, r: number): boolean | undefined {
  const s = sv.value!;
  switch (sv.qualifier) {
    case "less-than": case "under": return r < s;
    case "more-than": case "over": return r > s;
    case "at-least": return r >= s;
    // "almost 3": below it, within a tenth of it
    case "almost": return r < s + (sv.tolerance ?? 0) && r >= 0.9 * s;
    // "just over 5.2%": above it, within a fifth of it
    case "just-over": return r > s && r <= 1.2 * s;
    default: return undefined;
  }
}

/**
 * Compares one stated value with its recomputed value.
 * - exact: within the precision the document wrote (7% stands for [6.5, 7.5));
 * - data-rounding: outside that only by the rounding of the data file itself;
 * - last-digit: the recomputed value, rounded as the document rounds, is one unit away in the last digit;
 * - revision: matches another reading (a later or earlier vintage) within the written precision;
 * - differs, missing.
 */
export function compareValue(sv: StatedValue, r: number | null, dataTol = 0, alternatives: Alternative[] = []): Comparison {
  const s = sv.value!;
  const tol = sv.tolerance ?? 0;
  if (r === null || !Number.isFinite(r)) return { role: sv.role, stated: s, recomputed: null, match: "missing" };
  const q = qualified(sv, r);
  if (q !== undefined) return { role: sv.role, stated: s, recomputed: r, match: q ? "exact" : "differs" };
  const d = Math.abs(r - s);
  if (d <= tol + EPS * Math.max(1, Math.abs(s))) return { role: sv.role, stated: s, recomputed: r, match: "exact" };
  if (dataTol > 0 && d <= tol + dataTol + EPS) return { role: sv.role, stated: s, recomputed: r, match: "data-rounding" };
  for (const a of alternatives) {
    const v = a.values[sv.role];
    if (v !== null && v !== undefined && Math.abs(v - s) <= tol + EPS * Math.max(1, Math.abs(s))) {
      return { role: sv.role, stated: s, recomputed: r, match: a.kind === "revision" || a.kind === "rounding" ? "revision" : "differs", via: a };
    }
  }
  if (tol > 0 && d < 3 * tol - EPS) return { role: sv.role, stated: s, recomputed: r, match: "last-digit" };
  return { role: sv.role, stated: s, recomputed: r, match: "differs" };
}

/**
 * The verdict for a claim from the comparison of each stated value (rules in DESIGN.md):
 * a check's own `inconsistent`, `model` or `unverifiable` stands; otherwise any value that differs
 * makes it `differs`; any value the data cannot give makes it `unverifiable`; values off only in the
 * last written digit, by the data's own rounding, or matching a named revision make it `rounding`;
 * else `confirmed`. `confirmed` needs evidence from a file: without any, the verdict is `unverifiable`.
 */
export function decideVerdict(stated: StatedValue[], res: CheckResult): { verdict: Verdict; comparisons: Comparison[] } {
  const comparisons = stated.map((sv) => compareValue(sv, res.values[sv.role] ?? null, res.dataTolerance?.[sv.role] ?? 0, res.alternatives ?? []));
  if (res.verdict) return { verdict: res.verdict, comparisons };
  let verdict: Verdict;
  if (comparisons.some((c) => c.match === "differs")) verdict = res.internal ? "inconsistent" : "differs";
  else if (comparisons.some((c) => c.match === "missing")) verdict = "unverifiable";
  else if (comparisons.some((c) => c.match !== "exact")) verdict = "rounding";
  else verdict = "confirmed";
  if ((verdict === "confirmed" || verdict === "rounding") && res.evidence.length === 0) verdict = "unverifiable";
  return { verdict, comparisons };
}

/** One sentence per stated value: "stated 7%, data 6.6% (within rounding)". */
export function describeComparisons(stated: StatedValue[], comparisons: Comparison[]): string {
  return comparisons
    .map((c, i) => {
      const sv = stated[i];
      const dec = decimalsOf(sv.written, sv.unit);
      const extra = sv.unit === "count" || sv.unit === "gbp" ? 0 : sv.unit === "ratio" && !/\d/.test(sv.written) ? 2 : 1;
      const data = c.recomputed === null ? "not in the data" : fmtValue(c.recomputed, sv.unit, dec + extra);
      const how: Record<Match, string> = {
        exact: "agrees",
        "data-rounding": "agrees within the rounding of the data file",
        "last-digit": "off in the last written digit",
        revision: `matches ${c.via?.label ?? "another release"}`,
        differs: c.via ? `differs; matches ${c.via.label}` : "differs",
        missing: "cannot be recomputed",
      };
      return `${c.role}: stated ${sv.written}, data ${data} (${how[c.match]})`;
    })
    .join("; ");
}

function decimalsOf(written: string, unit: string): number {
  const m = /\d\.(\d+)/.exec(written);
  if (m) return m[1].length;
  return unit === "per10k" || unit === "percent" ? 0 : 0;
}
