import type { Check } from "./types";

export const spendingResponseChecks: Record<string, Check> = {};
