import type { Check } from "./types";

export const modelChecks: Record<string, Check> = {};
