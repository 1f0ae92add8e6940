import type { Check } from "./types";
import type { Evidence } from "../types";
import { DOC_FILES } from "../registry";
import { percentChange } from "../../stats/change";
import { fmtNumber } from "../../format";

/**
 * Checks that need no data file.
 * - `unverifiable`: no open data can settle the claim; the explanation says what would (params.settle)
 *   and why the mirror cannot (params.reason).
 * - `consistency`: whether a document's number follows from its OTHER numbers (params.inputs are
 *   "claim-id:role" references; params.relation says how): a mismatch is `inconsistent`, with the
 *   arithmetic in the explanation.
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

  consistency: (c) => {
    if (!c.documentNumber) throw new Error(`claim "${c.id}": consistency needs the registry`);
    const role = typeof c.params.role === "string" ? c.params.role : "value";
    const relation = String(c.params.relation ?? "");
    const refs = (c.params.inputs as string[] | undefined) ?? [];
    const got = refs.map((r) => ({ ref: r, ...c.documentNumber!(r) }));
    const v = got.map((g) => g.value);
    let implied: number;
    let how: string;
    switch (relation) {
      case "pctChange": // inputs: [from, to]
        implied = percentChange(v[0], v[1]);
        how = `100 × (${got[1].written} − ${got[0].written}) / ${got[0].written} = ${fmtNumber(implied, 2)}%`;
        break;
      case "sum": // inputs: the parts
        implied = v.reduce((a, b) => a + b, 0);
        how = `${got.map((g) => g.written).join(" + ")} = ${fmtNumber(implied, 2)}`;
        break;
      case "difference": // inputs: [a, b] → b − a
        implied = v[1] - v[0];
        how = `${got[1].written} − ${got[0].written} = ${fmtNumber(implied, 2)}`;
        break;
      case "ratio": // inputs: [numerator, denominator]
        implied = v[0] / v[1];
        how = `${got[0].written} / ${got[1].written} = ${fmtNumber(implied, 3)}`;
        break;
      case "share": // inputs: [part, whole] → percent
        implied = (100 * v[0]) / v[1];
        how = `100 × ${got[0].written} / ${got[1].written} = ${fmtNumber(implied, 2)}%`;
        break;
      case "pointsChange": // inputs: [from %, to %] → percentage points
        implied = v[1] - v[0];
        how = `${got[1].written} − ${got[0].written} = ${fmtNumber(implied, 2)} points`;
        break;
      default:
        throw new Error(`claim "${c.id}": unknown consistency relation "${relation}"`);
    }
    const evidence: Evidence[] = [{
      source: `document:${c.document}`,
      file: `seeds/${DOC_FILES[c.document]}`,
      rows: got.map((g) => `${g.claim.location} (${g.ref})`),
      columns: ["the document's own numbers"],
      values: Object.fromEntries(got.map((g) => [g.ref, g.value])),
      note: "internal consistency: the recomputed value follows from the document's other numbers, not from a data file",
    }];
    return { values: { [role]: implied }, evidence, explanation: `From the document's own numbers: ${how}.`, internal: true };
  },
};
