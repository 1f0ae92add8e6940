import type { Check } from "./types";
import { KIND_CHECKS } from "../kinds";

/** Every check, by the name the registry uses: the check kinds (src/claims/kinds). */
export const CHECKS: Record<string, Check> = KIND_CHECKS;

/** Check names defined more than once (each name must be unique; the kinds are one map). */
export function duplicateCheckNames(): string[] {
  return [];
}
