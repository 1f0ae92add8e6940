import type { Check } from "./types";
import type { Evidence, UnverifiableReason } from "../types";
import { UNVERIFIABLE_REASONS } from "../types";
import * as fs from "node:fs";
import * as path from "node:path";
import { DOC_FILES } from "../registry";
import { seedsDir } from "../../paths";
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
    const because = c.params.because;
    if (typeof because !== "string" || !(UNVERIFIABLE_REASONS as readonly string[]).includes(because)) {
      throw new Error(`claim "${c.id}": an unverifiable claim needs params.because, one of ${UNVERIFIABLE_REASONS.join(", ")}`);
    }
    const settle = typeof c.params.settle === "string" ? c.params.settle : "a source not in the official open data";
    const why = typeof c.params.why === "string" ? `${c.params.why} ` : "";
    return {
      values: {},
      evidence: [],
      explanation: `${why}${because === "method-statement" ? "Source" : "What would settle it"}: ${settle}.`,
      verdict: "unverifiable",
      reason: because as UnverifiableReason,
      basis: "data",
    };
  },

  /**
   * A figure the claim's document attributes to another document, checked against that document's text:
   * params.cites (the cited document), params.passage (its words, verbatim), params.role. The number in the
   * passage is the recomputed value; basis `cited`, so the verdict is confirmed or misquoted.
   */
  quotation: (c) => {
    const cites = String(c.params.cites ?? "") as keyof typeof DOC_FILES;
    const passage = typeof c.params.passage === "string" ? c.params.passage : "";
    if (!DOC_FILES[cites] || !passage) throw new Error(`claim "${c.id}": a quotation needs params.cites (a document) and params.passage (its words)`);
    const text = fs.readFileSync(path.join(seedsDir(), DOC_FILES[cites]), "utf8").replace(/\s+/g, " ");
    if (!text.includes(passage.replace(/\s+/g, " "))) throw new Error(`claim "${c.id}": the passage is not in ${DOC_FILES[cites]}`);
    const m = /(\d+(?:\.\d+)?)\s*(?:%|per cent)/.exec(passage) ?? /(\d[\d,]*(?:\.\d+)?)/.exec(passage);
    if (!m) throw new Error(`claim "${c.id}": no number in the cited passage`);
    const value = Number(m[1].replace(/,/g, ""));
    const roles = Array.isArray(c.params.roles) ? (c.params.roles as string[]) : [typeof c.params.role === "string" ? c.params.role : "value"];
    return {
      values: Object.fromEntries(roles.map((r) => [r, value])),
      basis: "cited",
      evidence: [{ source: `document:${cites}`, file: `seeds/${DOC_FILES[cites]}`, rows: [passage], columns: ["the cited document's text"], values: { [m[0]]: value } }],
      explanation: `The cited document says: “${passage}”.`,
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
