import type { Check } from "./types";
import { KIND_CHECKS } from "../kinds";

/** Every check, by the name the registry uses: the check kinds (src/claims/kinds). */
export const CHECKS: Record<string, Check> = KIND_CHECKS;

