import type { Check } from "./types";

/**
 * Checks that need no data file: a claim that no open data can settle is `unverifiable`, and the
 * explanation says what would settle it (params.settle) and why the mirror cannot (params.reason).
 */
export const genericChecks: Record<string, Check> = {
  unverifiable: (c) => {
    const settle = typeof c.params.settle === "string" ? c.params.settle : "a source not in the official open data";
    const reason = typeof c.params.reason === "string" ? `${c.params.reason} ` : "";
    return {
      values: {},
      evidence: [],
      explanation: `${reason}What would settle it: ${settle}.`,
      verdict: "unverifiable",
    };
  },
};
