import type { LedgerRow } from "./types";
import { VERDICTS } from "./types";
import { countByVerdict } from "./ledger";
import { fmtValue } from "../format";

/** The contract fields first, then the extras. */
export function toJson(rows: LedgerRow[]): string {
  return JSON.stringify(rows.map((r) => ({
    id: r.id, document: r.document, location: r.location, quote: r.quote, stated: r.stated, recomputed: r.recomputed,
    verdict: r.verdict, basis: r.basis, ...(r.reason ? { reason: r.reason } : {}), reading: r.reading, explanation: r.explanation, evidence: r.evidence,
    ...(r.intervals ? { intervals: r.intervals } : {}),
    units: r.units, roles: r.roles, written: r.written, ...(r.qualifiers ? { qualifiers: r.qualifiers } : {}), ...(r.quantity ? { quantity: r.quantity } : {}), ...(r.quantityRole ? { quantityRole: r.quantityRole } : {}), ...(r.quantities ? { quantities: r.quantities } : {}), ...(r.term ? { term: r.term } : {}), ...(r.readingLabel ? { readingLabel: r.readingLabel } : {}), ...(r.periods ? { periods: r.periods } : {}), ...(r.alternatives ? { alternatives: r.alternatives } : {}),
  })), null, 2);
}

function csvField(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function evidenceText(r: LedgerRow): string {
  return r.evidence.map((e) => `${e.file}${e.sheet ? ` [${e.sheet}]` : ""}: ${e.rows.slice(0, 6).join(", ")}${e.rows.length > 6 ? ", …" : ""}; ${e.columns.join(", ")}`).join(" | ");
}

const fmtList = (xs: (number | null)[] | null, r: LedgerRow) => (xs === null ? "" : xs.map((x, i) => (x === null ? "–" : fmtValue(x, r.units[i], decimals(x)))).join("; "));
const decimals = (x: number) => (Number.isInteger(x) ? 0 : Math.abs(x) >= 100 ? 1 : 2);

export function toCsv(rows: LedgerRow[]): string {
  const head = ["id", "document", "location", "verdict", "stated", "recomputed", "units", "explanation", "evidence", "quote"];
  const lines = [head.join(",")];
  for (const r of rows) {
    lines.push([r.id, r.document, r.location, r.verdict, r.stated.join(";"), r.recomputed === null ? "" : r.recomputed.map((x) => (x === null ? "" : String(x))).join(";"), r.units.join(";"), r.explanation, evidenceText(r), r.quote].map(csvField).join(","));
  }
  return lines.join("\n") + "\n";
}

function mdCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function toMarkdown(rows: LedgerRow[]): string {
  const lines = ["| id | document | location | stated | recomputed | verdict | explanation |", "|---|---|---|---|---|---|---|"];
  for (const r of rows) {
    lines.push(`| ${mdCell(r.id)} | ${r.document} | ${mdCell(r.location)} | ${mdCell(r.written.join("; "))} | ${mdCell(fmtList(r.recomputed, r))} | **${r.verdict}** | ${mdCell(r.explanation)} |`);
  }
  lines.push("", summaryLine(rows));
  return lines.join("\n") + "\n";
}

export function summaryLine(rows: LedgerRow[]): string {
  const c = countByVerdict(rows);
  return `${rows.length} claims: ${VERDICTS.map((v) => `${v} ${c[v]}`).join(", ")}`;
}

function pad(s: string, n: number): string {
  const t = s.length > n ? s.slice(0, n - 1) + "…" : s;
  return t + " ".repeat(Math.max(0, n - t.length));
}

/** A table for a terminal, as wide as the terminal allows (at least 100 columns). */
export function toTable(rows: LedgerRow[], width = Math.max(100, process.stdout.columns ?? 120)): string {
  const w = { id: 38, verdict: 12, stated: 22, recomputed: 24 };
  const rest = Math.max(20, width - (w.id + w.verdict + w.stated + w.recomputed + 8));
  const out = [`${pad("claim", w.id)}  ${pad("verdict", w.verdict)}  ${pad("stated", w.stated)}  ${pad("recomputed", w.recomputed)}  ${pad("explanation", rest)}`];
  out.push("-".repeat(Math.min(width, w.id + w.verdict + w.stated + w.recomputed + rest + 8)));
  for (const r of rows) {
    out.push(`${pad(r.id, w.id)}  ${pad(r.verdict, w.verdict)}  ${pad(r.written.join("; "), w.stated)}  ${pad(fmtList(r.recomputed, r), w.recomputed)}  ${pad(r.explanation, rest)}`);
  }
  const c = countByVerdict(rows);
  out.push("", `${rows.length} claims`, ...VERDICTS.map((v) => `  ${pad(v, 13)} ${String(c[v]).padStart(4)}`));
  return out.join("\n") + "\n";
}
