import type { Check } from "./types";
import { demandChecks } from "./demand";
import { lookedAfterChecks } from "./looked-after";
import { spendingChecks } from "./spending";
import { workforceChecks } from "./workforce";
import { genericChecks } from "./generic";

/** Every check, by the name the registry uses. */
export const CHECKS: Record<string, Check> = {
  ...genericChecks,
  ...demandChecks,
  ...lookedAfterChecks,
  ...spendingChecks,
  ...workforceChecks,
};
