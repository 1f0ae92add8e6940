import type { LedgerRow } from "./types";
import { BASES, VERDICTS } from "./types";

const DOCS = ["nao", "pac", "hcl", "govuk", "cc"] as const;

/**
 * The ledger's counts as Markdown tables (the README carries them): by document and verdict, then by
 * basis and verdict, then the unverifiable rows by reason, and how many verdicts rest on a reading the
 * registry declares rather than the official default.
 */
export function countsTable(rows: LedgerRow[]): string {
  const n = (f: (r: LedgerRow) => boolean) => rows.filter(f).length;
  const head = (first: string) => [`| ${first} | ${VERDICTS.join(" | ")} | all |`, `|---|${VERDICTS.map(() => "---:").join("|")}|---:|`];
  const byDoc = head("document");
  for (const d of DOCS) byDoc.push(`| ${d} | ${VERDICTS.map((v) => n((r) => r.document === d && r.verdict === v)).join(" | ")} | ${n((r) => r.document === d)} |`);
  byDoc.push(`| **all** | ${VERDICTS.map((v) => `**${n((r) => r.verdict === v)}**`).join(" | ")} | **${rows.length}** |`);
  const byBasis = head("basis");
  for (const b of BASES) byBasis.push(`| ${b} | ${VERDICTS.map((v) => n((r) => r.basis === b && r.verdict === v)).join(" | ")} | ${n((r) => r.basis === b)} |`);
  const reasons = [...new Set(rows.filter((r) => r.reason).map((r) => r.reason!))].sort();
  const byReason = ["| unverifiable because | rows |", "|---|---:|", ...reasons.map((x) => `| ${x} | ${n((r) => r.reason === x)} |`)];
  const declared = n((r) => r.reading.declared === "declared" && r.verdict !== "unverifiable");
  const checked = n((r) => r.verdict !== "unverifiable");
  const repro = n((r) => (r.reading.reproducedBy?.length ?? 0) > 0);
  return [
    byDoc.join("\n"),
    byBasis.join("\n"),
    byReason.join("\n"),
    `Of the ${checked} verdicts that are not \`unverifiable\`, ${declared} rest on a reading the registry declares for the claim (the document's stated method, quoted, or the release it used), the other ${checked - declared} on the official default for their kind of check. ${repro} rows name another reading that would reproduce the stated figure.`,
  ].join("\n\n");
}
