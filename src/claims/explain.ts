import type { Alternative, StatedValue, UnverifiableReason, Verdict } from "./types";
import type { Comparison, Decision } from "./verdict";
import { fmtValue } from "../format";

/**
 * The explanation writer: one place that turns a decision into words a person reads. The first
 * sentence gives the reason for the verdict with the deciding numbers (at most 300 characters); the
 * check's own account of the data follows.
 */

export const REASON_WORDS: Record<UnverifiableReason, string> = {
  "no-open-data": "no open data can settle it",
  "not-in-mirror": "the official data that would settle it are not among the sources held",
  "vintage-not-held": "the release the document used is not held, and no release held gives the stated figure",
  "method-statement": "a statement of method, not a fact about the world",
};

export const VERDICT_WORDS: Record<Verdict, string> = {
  confirmed: "Confirmed",
  rounding: "Rounding",
  revised: "Revised",
  differs: "Differs",
  consistent: "Consistent",
  inconsistent: "Inconsistent",
  misquoted: "Misquoted",
  model: "Model estimate",
  unverifiable: "Unverifiable",
};

const MAX_FIRST = 300;

/** A recomputed value written to one more digit than the document wrote. */
export function dataFigure(sv: StatedValue, v: number | null): string {
  if (v === null) return "nothing";
  const m = /\d\.(\d+)/.exec(sv.written);
  const dec = m ? m[1].length : 0;
  if (sv.unit === "correlation") return fmtValue(v, sv.unit, 2);
  const extra = sv.unit === "count" || sv.unit === "gbp" || sv.unit === "year" ? 0 : 1;
  return fmtValue(v, sv.unit, dec + extra);
}

/** Turns internal labels into words: strips bracketed tags, splits camelCase names. */
export function plainWords(text: string): string {
  return text
    .replace(/\s*\[[a-zA-Z]+:[^\]]*\]/g, "")
    .replace(/\b([a-z]+)([A-Z][a-z]+)+\b/g, (w) => w.replace(/([A-Z])/g, " $1").toLowerCase())
    .replace(/\s{2,}/g, " ")
    .trim();
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function pairs(stated: StatedValue[], cs: Comparison[], which: (c: Comparison) => boolean): string {
  const out: string[] = [];
  cs.forEach((c, i) => { if (which(c)) out.push(`${stated[i].written} against ${dataFigure(stated[i], c.recomputed)}`); });
  return list(out);
}

function viaLabel(a: Alternative | undefined): string {
  return a ? plainWords(a.label) : "another reading";
}

/** The first sentence: verdict, reason, deciding numbers. */
export function firstSentence(stated: StatedValue[], d: Decision, extra: { primary: string; interval?: string; citedName?: string; reasonText?: string }): string {
  const cs = d.comparisons;
  const all = (f: (c: Comparison) => boolean) => pairs(stated, cs, f);
  let s: string;
  switch (d.verdict) {
    case "confirmed":
      s = d.basis === "cited"
        ? `Confirmed: ${extra.citedName ?? "the cited document"} says ${list(stated.map((x) => x.written))}, as quoted.`
        : `Confirmed: the data give ${list(cs.map((c, i) => dataFigure(stated[i], c.recomputed)))}, within the precision of the stated ${list(stated.map((x) => x.written))}.`;
      break;
    case "rounding": {
      const r = cs.find((c) => c.match === "shown-rounding");
      s = `Rounding: stated ${all((c) => c.match === "shown-rounding")}; the gap is shown to come from rounding (${plainWords(r?.shown ?? "")}).`;
      break;
    }
    case "revised": {
      const r = cs.find((c) => c.match === "revision");
      s = `Revised: ${stated[cs.indexOf(r!)].written} is what ${viaLabel(r?.via)} gives; the primary reading (${extra.primary}) gives ${dataFigure(stated[cs.indexOf(r!)], r!.recomputed)}.`;
      break;
    }
    case "differs": {
      const off = cs.filter((c) => c.match === "differs" || c.match === "reading");
      const repro = off.find((c) => c.match === "reading");
      s = `Differs: stated ${all((c) => c.match === "differs" || c.match === "reading")} on the primary reading (${extra.primary})${repro ? `; ${viaLabel(repro.via)} would reproduce ${stated[cs.indexOf(repro)].written}, but that is not the declared reading` : ""}.`;
      void off;
      break;
    }
    case "consistent":
      if (d.boundBy) {
        s = `Consistent with the data, which bound the figure but cannot establish it: the stated ${list(stated.map((x) => x.written))} ${stated.length === 1 ? "lies" : "lie"} within what they allow (from ${plainWords(d.boundBy)}).`;
        break;
      }
      s = `Consistent with the document's own numbers: stated ${all(() => true)} computed from them${cs.some((c) => c.match === "shown-rounding") ? ", allowing for the rounding of the printed figures" : ""}.`;
      break;
    case "inconsistent":
      if (d.boundBy) {
        s = `Inconsistent with the data, which bound the figure but cannot establish it: they give ${list(cs.filter((c) => c.match !== "exact" && c.match !== "shown-rounding").map((c) => dataFigure(stated[cs.indexOf(c)], c.recomputed)))}, not the stated ${list(cs.filter((c) => c.match !== "exact" && c.match !== "shown-rounding").map((c) => stated[cs.indexOf(c)].written))} (from ${plainWords(d.boundBy)}).`;
        break;
      }
      s = `Inconsistent: the document's own numbers give ${list(cs.filter((c) => c.match !== "exact" && c.match !== "shown-rounding").map((c) => dataFigure(stated[cs.indexOf(c)], c.recomputed)))}, not the stated ${list(cs.filter((c) => c.match !== "exact" && c.match !== "shown-rounding").map((c) => stated[cs.indexOf(c)].written))}.`;
      break;
    case "misquoted":
      s = `Misquoted: ${extra.citedName ?? "the cited document"} gives ${list(cs.filter((c) => c.match !== "exact").map((c) => dataFigure(stated[cs.indexOf(c)], c.recomputed)))}, not the ${list(cs.filter((c) => c.match !== "exact").map((c) => stated[cs.indexOf(c)].written))} attributed to it.`;
      break;
    case "model":
      s = cs.every((c) => c.recomputed === null)
        ? `Model estimate: ${list(stated.map((x) => x.written))} come from a model; ${extra.interval ?? "no re-estimate gives this figure"}.`
        : `Model estimate: stated ${all(() => true)} re-estimated${extra.interval ? `; ${extra.interval}` : "; no interval, so no agreement is claimed"}.`;
      break;
    case "unverifiable":
      s = d.reason === "vintage-not-held"
        ? `Unverifiable: ${REASON_WORDS["vintage-not-held"]} (stated ${all((c) => c.recomputed !== null)}).`
        : `Unverifiable: ${extra.reasonText ?? REASON_WORDS[d.reason ?? "not-in-mirror"]}.`;
      break;
  }
  return s.length <= MAX_FIRST ? s : `${s.slice(0, MAX_FIRST - 2).replace(/\s+\S*$/, "")} …`;
}

/** The whole explanation: the first sentence, then the check's account of the data in plain words. */
export function writeExplanation(first: string, detail: string): string {
  const d = plainWords(detail);
  return d ? `${first} ${d}` : first;
}
