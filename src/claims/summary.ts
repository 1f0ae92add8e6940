import type { LedgerRow } from "./types";
import { VERDICTS } from "./types";

const DOCS = ["nao", "pac", "hcl", "govuk", "cc"] as const;

/** The ledger's counts by document and verdict as a Markdown table (the README carries it). */
export function countsTable(rows: LedgerRow[]): string {
  const n = (d: string | null, v: string) => rows.filter((r) => (d === null || r.document === d) && r.verdict === v).length;
  const lines = [`| document | ${VERDICTS.join(" | ")} | all |`, `|---|${VERDICTS.map(() => "---:").join("|")}|---:|`];
  for (const d of DOCS) lines.push(`| ${d} | ${VERDICTS.map((v) => n(d, v)).join(" | ")} | ${rows.filter((r) => r.document === d).length} |`);
  lines.push(`| **all** | ${VERDICTS.map((v) => `**${n(null, v)}**`).join(" | ")} | **${rows.length}** |`);
  return lines.join("\n");
}
