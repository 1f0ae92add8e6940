import type { Check } from "./types";

export const variationChecks: Record<string, Check> = {};
