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

/** A check: from the tidy tables it is given to values keyed by role, with evidence. */
export type Check = (claim: ClaimContext, tables: Tables) => CheckResult | Promise<CheckResult>;

/** Reads a string parameter that must be there. */
export function param(c: ClaimContext, name: string): string {
  const v = c.params[name];
  if (typeof v !== "string") throw new Error(`claim "${c.id}": parameter "${name}" is missing or not text`);
  return v;
}

/** Reads an optional string parameter. */
export function optParam(c: ClaimContext, name: string, dflt: string): string {
  const v = c.params[name];
  return typeof v === "string" ? v : dflt;
}
