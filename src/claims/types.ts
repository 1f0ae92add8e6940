/**
 * Types shared by the claims registry, the checks, the verdict rules and the ledger.
 * The ledger row shape is a contract (see DESIGN.md): { id, document, location, quote,
 * stated, recomputed, verdict, explanation, evidence }.
 */
import type { Facts } from "./kinds/facts";

/** The verdicts (contract; rules in README.md, "Verdicts", and src/claims/verdict.ts). */
export type Verdict =
  | "confirmed" | "rounding" | "revised" | "differs"
  | "consistent" | "inconsistent" | "misquoted"
  | "model" | "unverifiable";

export const VERDICTS: readonly Verdict[] = ["confirmed", "rounding", "revised", "differs", "consistent", "inconsistent", "misquoted", "model", "unverifiable"];

/** What a figure was checked against (contract). */
export type Basis = "data" | "document" | "cited";

export const BASES: readonly Basis[] = ["data", "document", "cited"];

/** Why a figure cannot be checked (contract, on every `unverifiable` row). */
export type UnverifiableReason = "no-open-data" | "not-in-mirror" | "vintage-not-held" | "method-statement";

export const UNVERIFIABLE_REASONS: readonly UnverifiableReason[] = ["no-open-data", "not-in-mirror", "vintage-not-held", "method-statement"];

/**
 * The primary reading of a claim, declared in the registry before the data are looked at: the
 * document's own stated method (quoted verbatim in `method`, checked like every quote) or the official
 * default definition. Where the registry gives none, the check kind's default applies (src/claims/readings.ts).
 */
export interface ReadingDecl {
  /** A few words: which release, which authorities, which denominator, cash or real... */
  primary: string;
  /** Why this reading: "the document's stated method" or "official default: ...". */
  justification: string;
  /** Verbatim words of the document (same document) that state its method, when the reading rests on them. */
  method?: string;
  /**
   * The release the document used, when the mirror does not hold it (e.g. "HM Treasury GDP deflators,
   * December 2020"): a figure that differs from the releases held is then unverifiable (vintage-not-held).
   */
  releaseNotHeld?: string;
  /**
   * Data the document used that no file held here gives (e.g. a count of children over the year that DfE
   * does not publish): a figure that differs is then unverifiable (not-in-mirror).
   */
  dataNotHeld?: string;
}

/** The reading as the ledger reports it (contract): primary, justification and the other readings that reproduce the figure. */
export interface ReadingRow {
  primary: string;
  justification: string;
  /** "declared" when the registry states it for this claim, "default" when the check kind's default applies. */
  declared: "declared" | "default";
  reproducedBy?: string[];
}

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
  | "correlation"  // the size of a rank correlation, |ρ| ("no correlation" = under 0.1)
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
  /** The primary reading, declared before the data are looked at. */
  reading?: ReadingDecl;
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
  /** Only for `model` and `unverifiable`, which comparison cannot decide. */
  verdict?: Extract<Verdict, "model" | "unverifiable">;
  /** Why the check cannot decide, with `verdict: "unverifiable"`. */
  reason?: UnverifiableReason;
  /** What the figure is checked against: the data (default), the document's own numbers, or a cited document. */
  basis?: Basis;
  /**
   * A rounding the check demonstrates, by role: the value the document would have written had it worked
   * from its own rounded figures (or from a file rounded more coarsely than the document), and how.
   */
  roundingShown?: Record<string, { value?: number; low?: number; high?: number; how: string }>;
  /** For `model`: the 95% interval of the estimate, by role. */
  interval?: Record<string, { low: number; high: number; method: string }>;
  /** A few words naming the primary reading (period, inclusion, release), for the list of disagreements. */
  reading?: string;
  /**
   * Set by checks of a document's internal consistency: the recomputed value is what the document's
   * OTHER numbers imply (basis `document`), so the verdict is `consistent` or `inconsistent`.
   */
  internal?: boolean;
  /**
   * Set when the data can bound the figure but not establish it (publication dates that bound the
   * inspection dates, a secondary transcription of an official series): the verdict is `consistent` or
   * `inconsistent` with basis `data`, never `confirmed`. The text says what bounds it.
   */
  boundOnly?: string;
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
  /** What the figure was checked against (contract). */
  basis: Basis;
  /** Why it cannot be checked (contract; unverifiable rows only). */
  reason?: UnverifiableReason;
  /** The primary reading and the other readings that reproduce the figure (contract). */
  reading: ReadingRow;
  /** First sentence: the reason for the verdict with the deciding numbers; detail follows. */
  explanation: string;
  evidence: Evidence[];
  /** For `model`: the 95% interval of the estimate, by stated value (null where none). */
  intervals?: ({ low: number; high: number; method: string; containsStated: boolean } | null)[];
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
  /** A few words naming the reading the check used (for the list of disagreements). */
  readingLabel?: string;
  alternatives?: Alternative[];
}
