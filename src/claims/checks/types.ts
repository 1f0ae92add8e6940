import type { CheckResult, Claim } from "../types";
import type { Tables } from "../tables";

/**
 * What a check may know of its claim: never its own stated values. A check of internal consistency
 * may read OTHER claims' stated numbers through `documentNumber("claim-id:role")` (a reference to the
 * claim itself is refused).
 */
export type ClaimContext = Pick<Claim, "id" | "document" | "location" | "quantity"> & {
  params: Record<string, unknown>;
  documentNumber?: (ref: string) => { value: number; written: string; claim: Claim };
};

/** A check: from the tidy tables it is given to values keyed by role, with evidence (the kinds, src/claims/kinds, are the checks). */
export type Check = (claim: ClaimContext, tables: Tables) => CheckResult | Promise<CheckResult>;

