import type { Check } from "./types";

export const hclChecks: Record<string, Check> = {};
