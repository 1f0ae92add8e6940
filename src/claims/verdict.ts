import type { Alternative, Basis, CheckResult, Claim, ReadingDecl, StatedValue, UnverifiableReason, Verdict } from "./types";
import { isSecondary } from "../data/sources";

/**
 * The verdict policy: one place that turns a check's values into a verdict (rules in README.md,
 * "Verdicts"). A stated value is an input here and nowhere else.
 */

/** How one stated value compares with what the check computed. */
export type Match =
  | "exact"         // within the precision the document wrote, on the primary reading
  | "shown-rounding" // outside it only by a rounding the check demonstrates
  | "revision"      // equal to what another held release published (the primary reading differs)
  | "reading"       // equal to another reading (inclusion, definition, period...), not the primary one
  | "differs"
  | "missing";      // the data cannot give this value

export interface Comparison {
  role: string;
  stated: number;
  recomputed: number | null;
  match: Match;
  /** The alternative reading that reproduces the stated value (for "revision" and "reading"). */
  via?: Alternative;
  /** The demonstrated rounding (for "shown-rounding"). */
  shown?: string;
  /** Every alternative reading that reproduces the stated value (for reproducedBy). */
  reproducedBy: Alternative[];
}

/** The words that bound a figure, each with its window and the reason for it (README.md carries this table). */
export const QUALIFIERS: Record<NonNullable<StatedValue["qualifier"]>, { words: string; window: string; reason: string; test: (r: number, s: number, tol: number) => boolean }> = {
  about: {
    words: "about, around, approximately, some",
    window: "within the written precision, or within half a unit of the second significant figure (around 615,000: 610,000 to 620,000)",
    reason: "the word marks a figure rounded for reading; two significant figures is the coarsest rounding these documents use",
    test: (r, s, tol) => Math.abs(r - s) <= Math.max(tol, secondFigureHalfUnit(s)) + EPS * Math.max(1, Math.abs(s)),
  },
  almost: {
    words: "almost, nearly, just under",
    window: "below the figure, by at most 5% of it",
    reason: "the figure is not reached, and only just: a shortfall of more than a twentieth is no longer \"almost\"",
    test: (r, s) => r < s && r >= s - 0.05 * Math.abs(s),
  },
  "just-over": {
    words: "just over, just above",
    window: "above the figure, by at most 5% of it",
    reason: "the figure is passed, and only just: a margin of more than a twentieth is no longer \"just\"",
    test: (r, s) => r > s && r <= s + 0.05 * Math.abs(s),
  },
  "more-than": {
    words: "more than",
    window: "strictly above the figure",
    reason: "the words set a lower bound and nothing else",
    test: (r, s) => r > s,
  },
  over: {
    words: "over, above, a majority (over 50%)",
    window: "strictly above the figure",
    reason: "the words set a lower bound and nothing else",
    test: (r, s) => r > s,
  },
  "at-least": {
    words: "at least",
    window: "at or above the figure",
    reason: "the words set an inclusive lower bound",
    test: (r, s) => r >= s,
  },
  "less-than": {
    words: "less than, fewer than",
    window: "strictly below the figure",
    reason: "the words set an upper bound and nothing else",
    test: (r, s) => r < s,
  },
  under: {
    words: "under, below, a minority (under 50%), no correlation (a rank correlation smaller than 0.1 in size)",
    window: "strictly below the figure",
    reason: "the words set an upper bound; \"no correlation\" is read as a correlation smaller than Cohen's small effect, 0.1",
    test: (r, s) => r < s,
  },
};

const EPS = 1e-9;

/** Half a unit of the second significant figure of s (615,000 → 5,000; 25 → 0.5). */
function secondFigureHalfUnit(s: number): number {
  if (s === 0) return 0;
  return 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(s))) - 1);
}

/** Whether r is what the document's written s stands for (its precision, or its qualifier's window). */
export function withinWritten(sv: StatedValue, r: number): boolean {
  const s = sv.value!;
  const tol = sv.tolerance ?? 0;
  if (sv.qualifier) return QUALIFIERS[sv.qualifier].test(r, s, tol);
  return Math.abs(r - s) <= tol + EPS * Math.max(1, Math.abs(s));
}

/** Whether the interval [low, high] of possible true values meets the interval the written s stands for. */
function overlapsWritten(sv: StatedValue, low: number, high: number): boolean {
  if (sv.qualifier) return withinWritten(sv, low) || withinWritten(sv, high);
  const s = sv.value!;
  const tol = sv.tolerance ?? 0;
  return high >= s - tol - EPS * Math.max(1, Math.abs(s)) && low <= s + tol + EPS * Math.max(1, Math.abs(s));
}

/**
 * Compares one stated value with the check's result. No tolerance band stands in for a demonstration:
 * a value outside the written precision is `differs` unless the check shows the rounding (a value computed
 * from the document's own rounded figures, or the interval a coarsely rounded file allows).
 */
export function compareValue(sv: StatedValue, res: Pick<CheckResult, "values" | "dataTolerance" | "alternatives" | "roundingShown">): Comparison {
  const s = sv.value!;
  const r0 = res.values[sv.role];
  const r = r0 === undefined || r0 === null || !Number.isFinite(r0) ? null : r0;
  const reproducedBy = (res.alternatives ?? []).filter((a) => {
    const v = a.values[sv.role];
    return v !== null && v !== undefined && Number.isFinite(v) && withinWritten(sv, v) && (r === null || !withinWritten(sv, r));
  });
  const base = { role: sv.role, stated: s, recomputed: r, reproducedBy };
  if (r === null) return { ...base, match: "missing" };
  if (withinWritten(sv, r)) return { ...base, match: "exact" };
  const shown = res.roundingShown?.[sv.role];
  if (shown) {
    const ok = shown.value !== undefined ? withinWritten(sv, shown.value) : shown.low !== undefined && shown.high !== undefined && overlapsWritten(sv, shown.low, shown.high);
    if (ok) return { ...base, match: "shown-rounding", shown: shown.how };
  }
  const dataTol = res.dataTolerance?.[sv.role] ?? 0;
  if (dataTol > 0 && overlapsWritten(sv, r - dataTol, r + dataTol)) {
    return { ...base, match: "shown-rounding", shown: "the official file is rounded more coarsely than the document" };
  }
  const rev = reproducedBy.find((a) => a.kind === "revision");
  if (rev) return { ...base, match: "revision", via: rev };
  const rounding = reproducedBy.find((a) => a.kind === "rounding");
  if (rounding) return { ...base, match: "shown-rounding", via: rounding, shown: rounding.label };
  if (reproducedBy.length) return { ...base, match: "reading", via: reproducedBy[0] };
  return { ...base, match: "differs" };
}

export interface Decision {
  verdict: Verdict;
  basis: Basis;
  reason?: UnverifiableReason;
  comparisons: Comparison[];
  /** For `consistent` and `inconsistent` on basis `data`: what bounds the figure without establishing it. */
  boundBy?: string;
}

/** Whether evidence comes from an official file (not from a document's own text). */
export function isFileEvidence(e: { source: string }): boolean {
  return !e.source.startsWith("document:");
}

/**
 * What bounds a figure without establishing it: the check's own statement (res.boundOnly), or, when
 * every file the evidence cites is a secondary transcription (its manifest vintage begins "secondary"),
 * that transcription. Undefined when the data can establish the figure.
 */
export function boundOf(res: Pick<CheckResult, "boundOnly" | "evidence">): string | undefined {
  if (res.boundOnly) return res.boundOnly;
  const files = res.evidence.filter(isFileEvidence);
  const secondary = (id: string) => {
    try {
      return isSecondary(id);
    } catch {
      return false; // a source not in the manifest (a fixture) is not known to be secondary
    }
  };
  if (files.length && files.every((e) => secondary(e.source))) {
    return `a secondary transcription (${[...new Set(files.map((e) => e.source))].join(", ")}), which can support a figure but not confirm it`;
  }
  return undefined;
}

/**
 * The verdict (README.md, "Verdicts"), in this order:
 * 1. a check that cannot compare says `model` or `unverifiable` (with its reason);
 * 2. basis `document` (the document's own numbers): `consistent` when every value follows, allowing only
 *    the rounding of the printed figures the check demonstrates; else `inconsistent`;
 * 3. basis `cited` (another document's text): `confirmed` for a faithful quotation, else `misquoted`;
 * 4. basis `data`, on the primary reading: `confirmed` when every value is within its written precision;
 *    `rounding` when the rest differ only by a demonstrated rounding; `revised` when the rest equal what
 *    another held release published; otherwise, when the release the document used is not held,
 *    `unverifiable` (vintage-not-held); else `differs`. A value the data cannot give makes the claim
 *    `unverifiable` (not-in-mirror). `confirmed`, `rounding` and `revised` need evidence from a file.
 *    Data that only bound the figure (res.boundOnly, or only secondary transcriptions among the files)
 *    give `consistent` or `inconsistent` instead, with basis `data`.
 */
export function decideVerdict(stated: StatedValue[], res: CheckResult, decl?: ReadingDecl): Decision {
  const comparisons = stated.map((sv) => compareValue(sv, res));
  const basis: Basis = res.basis ?? (res.internal ? "document" : "data");
  if (res.verdict === "unverifiable") return { verdict: "unverifiable", basis, reason: res.reason ?? "not-in-mirror", comparisons };
  if (res.verdict === "model") return { verdict: "model", basis, comparisons };
  const m = comparisons.map((c) => c.match);
  const any = (x: Match) => m.includes(x);
  const wrong = any("differs") || any("reading") || any("revision");
  if (basis === "document") {
    if (wrong) return { verdict: "inconsistent", basis, comparisons };
    if (any("missing")) return { verdict: "unverifiable", basis, reason: "not-in-mirror", comparisons };
    return { verdict: "consistent", basis, comparisons };
  }
  if (basis === "cited") {
    if (any("missing")) return { verdict: "unverifiable", basis, reason: "not-in-mirror", comparisons };
    return { verdict: wrong || any("shown-rounding") ? "misquoted" : "confirmed", basis, comparisons };
  }
  const fileEvidence = res.evidence.some(isFileEvidence);
  const bound = boundOf(res);
  if (bound) {
    // data that bound the figure without establishing it: consistent or inconsistent, never confirmed
    if (wrong) return { verdict: "inconsistent", basis, comparisons, boundBy: bound };
    if (any("missing") || !fileEvidence) return { verdict: "unverifiable", basis, reason: "not-in-mirror", comparisons };
    return { verdict: "consistent", basis, comparisons, boundBy: bound };
  }
  if (any("differs") || any("reading")) {
    if (decl?.dataNotHeld) return { verdict: "unverifiable", basis, reason: "not-in-mirror", comparisons };
    if (decl?.releaseNotHeld) return { verdict: "unverifiable", basis, reason: "vintage-not-held", comparisons };
    return { verdict: "differs", basis, comparisons };
  }
  if (any("missing")) return { verdict: "unverifiable", basis, reason: "not-in-mirror", comparisons };
  if (!fileEvidence) return { verdict: "unverifiable", basis, reason: "not-in-mirror", comparisons };
  if (any("revision")) return { verdict: "revised", basis, comparisons };
  if (any("shown-rounding")) return { verdict: "rounding", basis, comparisons };
  return { verdict: "confirmed", basis, comparisons };
}

/** The claim fields the policy reads. */
export type PolicyClaim = Pick<Claim, "stated" | "reading">;
