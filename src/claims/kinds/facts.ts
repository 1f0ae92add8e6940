import type { Unit } from "../types";
import type { Obs } from "../../data/obs";

/**
 * The deciding numbers of a check, each with what it is: the material an explanation is written from
 * (one writer, in one place), so a sentence never has to be parsed back into numbers.
 *
 * @example { from: { value: 615200, what: "referrals", period: "2010-11", source: "cin-sfr-2011-…" },
 *            to: { value: 655630, what: "referrals", period: "2017-18", source: "cin-ees2020-…" },
 *            pct: { value: 6.57, what: "percentage change", unit: "percent" } }
 */
export interface Fact {
  value: number | null;
  /** What the number is, in a few plain words: "referrals", "percentage change", "median of 150 LA rates". */
  what: string;
  /** The period it refers to: "2017-18", "31 March 2020", "30 September 2017". */
  period?: string;
  /** The area: "England", an authority's name, a region. */
  area?: string;
  /** sources.json id of the file it was read from; "document:<doc>" for a document's own number. */
  source?: string;
  unit?: Unit | "rho" | "p";
  /** The reading it belongs to when not the primary one ("2024 release", "tiny authorities left out"). */
  reading?: string;
}

/** Named facts of one check result. */
export type Facts = Record<string, Fact>;

/** A fact from one observation. */
export function obsFact(o: Obs, what: string, unit?: Fact["unit"]): Fact {
  return { value: o.value, what, period: o.year, area: o.area, source: o.src, ...(unit ? { unit } : {}) };
}

/** A computed fact (a change, a share, a median…). */
export function fact(value: number | null, what: string, extra: Partial<Omit<Fact, "value" | "what">> = {}): Fact {
  return { value, what, ...extra };
}
