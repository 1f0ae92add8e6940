/**
 * Types shared by the claims registry, the checks, the verdict rules and the ledger.
 * The ledger row shape is a contract (see DESIGN.md): { id, document, location, quote,
 * stated, recomputed, verdict, explanation, evidence }.
 */
import type { Facts } from "./kinds/facts";

/** The six verdicts (contract). */
export type Verdict = "confirmed" | "rounding" | "differs" | "inconsistent" | "model" | "unverifiable";

export const VERDICTS: readonly Verdict[] = ["confirmed", "rounding", "differs", "inconsistent", "model", "unverifiable"];

/** Short names of the five documents. */
export type DocId = "nao" | "pac" | "hcl" | "govuk" | "cc";

/** Units a stated value can carry. */
export type Unit =
  | "count"        // a number of children, referrals, staff...
  | "percent"      // a share or a percentage change, in percent (7 means 7%)
  | "pp"           // percentage points
  | "per10k"       // rate per 10,000 children
  | "gbp"          // pounds
  | "gbp_m"        // £ million
  | "gbp_bn"       // £ billion
  | "ratio"        // a multiple ("triple" = 3)
  | "year";        // a calendar or financial year written as its first year

/** One number a document states, as written in the registry. */
export interface StatedValue {
  /** The number as the document writes it, e.g. "655,630", "7%", "£8.8 billion", "43.2". */
  written: string;
  unit: Unit;
  /** What the number is, e.g. "pctChange", "to", "from", "level"; the check answers by role. */
  role: string;
  /** Period it refers to, e.g. "2010-11 to 2017-18". */
  period?: string;
  /** Half-width of the interval the written form stands for; inferred from `written` when absent. */
  tolerance?: number;
  /** Parsed from `written` by the registry loader. */
  value?: number;
  /** How the document bounds the number: "less than 30%", "almost triple", "more than triple", "just over". */
  qualifier?: "about" | "less-than" | "more-than" | "almost" | "just-over" | "over" | "under" | "at-least";
}

/** A registry entry: what a document says. */
export interface Claim {
  id: string;
  document: DocId;
  /** e.g. "Summary para 7", "para 1.17", "Conclusion 3". */
  location: string;
  /** Verbatim from ../shared/seeds (whitespace normalised only). */
  quote: string;
  stated: StatedValue[];
  /** Name of the check function in the checks registry. */
  check: string;
  /** Parameters of the check (periods, measures, inclusion choices) — never the stated values. */
  params?: Record<string, unknown>;
  /** Name of the quantity stated, so claims stating the same quantity can be grouped. */
  quantity?: string;
  /** The role that carries `quantity` when the claim states several numbers (default: the first). */
  quantityRole?: string;
  /** Further quantities a multi-number claim states, by role (e.g. { ratioToPopulation: "cla-growth-vs-population" }). */
  quantities?: Record<string, string>;
  /** The words the document uses for the quantity when documents name it differently ("over 16", "16 and over"). */
  term?: string;
  topic?: string;
}

/** Where a recomputed number comes from (file, sheet, rows, columns). */
export interface Evidence {
  /** sources.json id. */
  source: string;
  /** Path under the raw folder. */
  file: string;
  sheet?: string;
  /** Row labels or numbers, e.g. ["England (geog_l=National)"], ["row 455"]. */
  rows: string[];
  columns: string[];
  /** The values read, keyed by a readable label. */
  values?: Record<string, number | string | null>;
  note?: string;
}

/** Another reading of the same quantity (a later vintage, a different definition). */
export interface Alternative {
  label: string;
  values: Record<string, number | null>;
  /** Why this reading exists: "revision", "definition", "period", "inclusion", "cash-real"... */
  kind: "revision" | "definition" | "period" | "inclusion" | "cash-real" | "denominator" | "rounding";
}

/** What a check returns: values keyed by role, with evidence and an explanation. */
export interface CheckResult {
  values: Record<string, number | null>;
  evidence: Evidence[];
  /** What the data says, in a sentence or two; the verdict rules add the comparison. */
  explanation: string;
  /** Readings of the same quantity under other vintages or definitions. */
  alternatives?: Alternative[];
  /** The deciding numbers, each with what it is and where it comes from (src/claims/kinds/facts.ts). */
  facts?: Facts;
  /** Half-width of the rounding in the data itself, by role (e.g. 50 for a count rounded to 100). */
  dataTolerance?: Record<string, number>;
  /** Only for `inconsistent`, `model` and `unverifiable`, which comparison cannot decide. */
  verdict?: Extract<Verdict, "inconsistent" | "model" | "unverifiable">;
  /** A few words naming the primary reading (period, inclusion, release), for the list of disagreements. */
  reading?: string;
  /**
   * Set by checks of a document's internal consistency: the recomputed value is what the document's
   * OTHER numbers imply, so a mismatch is `inconsistent` rather than `differs`.
   */
  internal?: boolean;
}

/** One row of the ledger (contract). */
export interface LedgerRow {
  id: string;
  document: DocId;
  location: string;
  quote: string;
  stated: number[];
  recomputed: (number | null)[] | null;
  verdict: Verdict;
  explanation: string;
  evidence: Evidence[];
  /** Extra fields, outside the contract but useful to readers. */
  units: Unit[];
  roles: string[];
  written: string[];
  qualifiers?: (StatedValue["qualifier"] | null)[];
  /** Half-width of the interval each written value stands for (from the registry). */
  tolerances?: number[];
  periods?: (string | null)[];
  quantity?: string;
  quantityRole?: string;
  quantities?: Record<string, string>;
  term?: string;
  reading?: string;
  alternatives?: Alternative[];
}
