import type { Check } from "./types";
import { demandChecks } from "./demand";
import { lookedAfterChecks } from "./looked-after";
import { spendingChecks } from "./spending";
import { workforceChecks } from "./workforce";
import { genericChecks } from "./generic";
import { variationChecks } from "./variation";
import { spendingResponseChecks } from "./spending-response";
import { modelChecks } from "./model";
import { hclChecks } from "./hcl";

/** Every check, by the name the registry uses (one module per part of the documents). */
export const CHECKS: Record<string, Check> = {
  ...genericChecks,
  ...demandChecks,
  ...lookedAfterChecks,
  ...spendingChecks,
  ...workforceChecks,
  ...variationChecks,
  ...spendingResponseChecks,
  ...modelChecks,
  ...hclChecks,
};

/** Check names defined in more than one module (each name must be unique). */
export function duplicateCheckNames(): string[] {
  const seen = new Map<string, number>();
  for (const m of [genericChecks, demandChecks, lookedAfterChecks, spendingChecks, workforceChecks, variationChecks, spendingResponseChecks, modelChecks, hclChecks]) {
    for (const k of Object.keys(m)) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
}
