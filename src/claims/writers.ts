import type { LedgerRow } from "./types";
import { VERDICTS } from "./types";
import { fmtValue } from "../format";

/**
 * The ledger written as JSON, CSV, Markdown or a table for a terminal. The writers read the fields a
 * row has rather than a fixed list: a field added to the ledger rows (a basis, a reason, a reading)
 * appears in every format, and verdicts are counted from VERDICTS.
 */

/** A ledger row with the fields it may carry beyond the typed ones. */
type Row = LedgerRow & Record<string, unknown>;

/** The contract fields, in the contract's order (DESIGN.md, Ledger). */
const CONTRACT = ["id", "document", "location", "quote", "stated", "recomputed", "verdict", "basis", "reason", "reading", "explanation", "evidence"] as const;

/** The contract fields first, in order, then every other field the row has (exact values). */
export function toJson(rows: LedgerRow[]): string {
  return JSON.stringify(
    rows.map((r) => {
      const row = r as Row;
      const out: Record<string, unknown> = {};
      for (const k of CONTRACT) if (row[k] !== undefined) out[k] = row[k];
      for (const k of Object.keys(row)) if (!(k in out) && row[k] !== undefined && k !== "tolerances") out[k] = row[k];
      return out;
    }),
    null,
    2,
  );
}

function csvField(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function evidenceText(r: LedgerRow): string {
  return (r.evidence ?? []).map((e) => `${e.file}${e.sheet ? ` [${e.sheet}]` : ""}: ${e.rows.slice(0, 6).join(", ")}${e.rows.length > 6 ? ", …" : ""}; ${e.columns.join(", ")}`).join(" | ");
}

/** Decimals a written figure carries ("5.2%" → 1, "655,630" → 0, "£8.8 billion" → 1). */
function writtenDecimals(written: string | undefined): number | undefined {
  if (written === undefined) return undefined;
  const m = /\d(?:[\d,]*)\.(\d+)/.exec(written);
  if (m) return m[1].length;
  return /\d/.test(written) ? 0 : undefined;
}

/**
 * Decimals to show a recomputed value with: one more than the precision the document wrote (the
 * precision the check compares at), so a reader sees on which side of the rounding it falls.
 * From the half-width of the written interval when the row has it, else from the written figure.
 *
 * @example checkDecimals({ tolerances: [0.5] } as LedgerRow, 0) // => 1 (a figure written "59%")
 */
export function checkDecimals(r: LedgerRow, i: number): number {
  const t = r.tolerances?.[i];
  let d: number | undefined;
  if (t !== undefined && t > 0 && Number.isFinite(t)) d = Math.ceil(-Math.log10(2 * t) - 1e-9);
  else d = writtenDecimals(r.written?.[i]);
  if (d === undefined) return 2;
  return Math.min(10, Math.max(0, d + 1));
}

/**
 * A recomputed number for CSV: integers as they are, others rounded to the check's precision
 * (`checkDecimals`), without trailing zeros. The exact value stays in the JSON.
 *
 * @example csvNumber(58.993498675656156, 1) // => "59"
 * @example csvNumber(58.94, 1) // => "58.9"
 */
export function csvNumber(x: number | null, decimals: number): string {
  if (x === null || !Number.isFinite(x)) return "";
  if (Number.isInteger(x)) return String(x);
  const s = x.toFixed(decimals);
  const t = s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
  return t === "-0" ? "0" : t;
}

/** The reading a row was decided on, in words (a string, or { primary, justification, reproducedBy }). */
function readingOf(r: Row): { primary?: string; justification?: string; reproducedBy?: string } {
  const x = r.reading as unknown;
  if (x === undefined || x === null) return {};
  if (typeof x === "string") return { primary: x };
  if (typeof x === "object") {
    const o = x as { primary?: unknown; justification?: unknown; reproducedBy?: unknown };
    const list = (v: unknown) => (Array.isArray(v) ? v.map((e) => (typeof e === "string" ? e : JSON.stringify(e))).join("; ") : typeof v === "string" ? v : undefined);
    return {
      primary: typeof o.primary === "string" ? o.primary : undefined,
      justification: typeof o.justification === "string" ? o.justification : undefined,
      reproducedBy: list(o.reproducedBy),
    };
  }
  return { primary: String(x) };
}

const has = (rows: Row[], pick: (r: Row) => unknown) => rows.some((r) => { const v = pick(r); return v !== undefined && v !== null && v !== ""; });

/**
 * CSV, one line per claim. Columns: id, document, location, verdict, then reason and basis when
 * any row has them, stated, recomputed (rounded to the check's precision), units, the reading when
 * any row has one, explanation, evidence, quote.
 */
export function toCsv(rows: LedgerRow[]): string {
  const rs = rows as Row[];
  const cols: [string, (r: Row) => unknown][] = [
    ["id", (r) => r.id],
    ["document", (r) => r.document],
    ["location", (r) => r.location],
    ["verdict", (r) => r.verdict],
  ];
  if (has(rs, (r) => r.reason)) cols.push(["reason", (r) => r.reason]);
  if (has(rs, (r) => r.basis)) cols.push(["basis", (r) => r.basis]);
  cols.push(
    ["stated", (r) => r.stated.join(";")],
    ["recomputed", (r) => (r.recomputed === null ? "" : r.recomputed.map((x, i) => csvNumber(x, checkDecimals(r, i))).join(";"))],
    ["units", (r) => (r.units ?? []).join(";")],
  );
  if (has(rs, (r) => readingOf(r).primary)) cols.push(["reading", (r) => readingOf(r).primary]);
  if (has(rs, (r) => readingOf(r).justification)) cols.push(["reading_justification", (r) => readingOf(r).justification]);
  if (has(rs, (r) => readingOf(r).reproducedBy)) cols.push(["reproduced_by", (r) => readingOf(r).reproducedBy]);
  cols.push(["explanation", (r) => r.explanation], ["evidence", (r) => evidenceText(r)], ["quote", (r) => r.quote]);
  const lines = [cols.map(([h]) => h).join(",")];
  for (const r of rs) lines.push(cols.map(([, f]) => csvField(f(r))).join(","));
  return lines.join("\n") + "\n";
}

/** The recomputed values as the document would write them, one more decimal than it wrote. */
function fmtRecomputed(r: LedgerRow): string {
  if (r.recomputed === null) return "";
  return r.recomputed.map((x, i) => (x === null ? "–" : fmtValue(x, r.units?.[i] ?? "count", Number.isInteger(x) ? 0 : checkDecimals(r, i)))).join("; ");
}

/** The verdict, with the reason when the row gives one: "unverifiable (not-in-mirror)". */
export function verdictText(r: LedgerRow): string {
  return r.reason ? `${r.verdict} (${r.reason})` : r.verdict;
}

function mdCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** A Markdown table, one row per claim, with the whole explanation. */
export function toMarkdown(rows: LedgerRow[]): string {
  const rs = rows as Row[];
  const basis = has(rs, (r) => r.basis);
  const reading = has(rs, (r) => readingOf(r).primary);
  const head = ["id", "document", "location", "stated", "recomputed", "verdict", ...(basis ? ["basis"] : []), ...(reading ? ["reading"] : []), "explanation"];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const r of rs) {
    const cells = [mdCell(r.id), r.document, mdCell(r.location), mdCell((r.written ?? r.stated.map(String)).join("; ")), mdCell(fmtRecomputed(r)), `**${mdCell(verdictText(r))}**`];
    if (basis) cells.push(mdCell(String(r.basis ?? "")));
    if (reading) cells.push(mdCell(readingOf(r).primary ?? ""));
    cells.push(mdCell(r.explanation));
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n") + "\n";
}

/** "1 claim", "306 claims". */
export function claimsCount(n: number): string {
  return `${n} claim${n === 1 ? "" : "s"}`;
}

/** Rows per verdict: every verdict of VERDICTS, then any other verdict a row carries. */
function countVerdicts(rows: LedgerRow[]): [string, number][] {
  const counts = new Map<string, number>(VERDICTS.map((v) => [v, 0]));
  for (const r of rows) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  return [...counts];
}

/** The one-line summary: "306 claims: confirmed 161, rounding 18, …" (every verdict listed). */
export function summaryLine(rows: LedgerRow[]): string {
  return `${claimsCount(rows.length)}: ${countVerdicts(rows).map(([v, n]) => `${v} ${n}`).join(", ")}`;
}

/**
 * The first sentence of a text: up to the first full stop, question or exclamation mark followed
 * by a space and the start of another sentence (decimals and common abbreviations do not end one).
 *
 * @example firstSentence("England: 655,630 in 2017-18. The 2024 release gives 655,640.") // => "England: 655,630 in 2017-18."
 */
export function firstSentence(text: string): string {
  const t = text.trim();
  const re = /[.!?](?=\s+["“(£A-Z0-9])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) {
    const before = t.slice(Math.max(0, m.index - 6), m.index + 1);
    if (/(?:\be\.g|\bi\.e|\betc|\bpara|\bparas|\bNo|\bFig|\bvs|\bcf|\bSt|\bp)\.$/i.test(before)) continue;
    return t.slice(0, m.index + 1);
  }
  return t;
}

/** Text cut to n characters (an ellipsis marks the cut). */
function cut(s: string, n: number): string {
  if (n <= 0) return "";
  return s.length > n ? `${s.slice(0, Math.max(0, n - 1))}…` : s;
}

function pad(s: string, n: number): string {
  const t = cut(s, n);
  return t + " ".repeat(Math.max(0, n - t.length));
}

/** Words wrapped to lines of at most n characters (a word longer than n is cut). */
function wrap(s: string, n: number, maxLines: number): string[] {
  const words = s.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    const word = cut(w, n);
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= n) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = cut(`${kept[maxLines - 1]} ${lines[maxLines]}`, n);
    if (!kept[maxLines - 1].endsWith("…")) kept[maxLines - 1] = cut(kept[maxLines - 1] + " …", n);
    return kept;
  }
  return lines;
}

/** Shrinks the widest columns until the widths sum to at most `total`, none below its minimum. */
function fitColumns(want: number[], min: number[], total: number): number[] {
  const w = [...want];
  let sum = w.reduce((a, b) => a + b, 0);
  while (sum > total) {
    let k = -1;
    for (let i = 0; i < w.length; i++) if (w[i] > min[i] && (k < 0 || w[i] > w[k])) k = i;
    if (k < 0) break;
    w[k]--;
    sum--;
  }
  return w;
}

/** The hint closing the table. */
export const TABLE_HINT = "Whole explanations: --format md, or --id ID --format json (one claim).";

/**
 * A table for a terminal, no line wider than `width`. Each claim shows its id, verdict (with its
 * reason), the stated and the recomputed figures, and the first sentence of its explanation: in
 * columns with the sentence on the same line when the terminal is wide enough; in columns with the
 * sentence wrapped below; or, on a narrow terminal, as a short card of three or four lines. Ends
 * with a hint saying how to see the rest.
 *
 * @param rows the ledger rows
 * @param width the terminal's width (default: standard output's, or 100)
 */
export function toTable(rows: LedgerRow[], width = process.stdout.columns || 100): string {
  const W = Math.max(40, Math.floor(width));
  const cells = rows.map((r) => ({
    id: r.id,
    verdict: verdictText(r),
    stated: (r.written ?? r.stated.map(String)).join("; "),
    recomputed: r.recomputed === null ? "–" : fmtRecomputed(r),
    text: firstSentence(r.explanation ?? ""),
  }));
  const head = { id: "claim", verdict: "verdict", stated: "stated", recomputed: "recomputed" };
  const longest = (k: keyof typeof head, cap: number) => Math.min(cap, Math.max(head[k].length, ...cells.map((c) => c[k].length)));
  const want = [longest("id", 40), longest("verdict", 32), longest("stated", 28), longest("recomputed", 28)];
  const gap = 2;
  const fixed = want.reduce((a, b) => a + b, 0) + gap * 3;
  const out: string[] = [];
  const inline = W - fixed - gap >= 40;
  const columns = inline || W >= want[0] + want[1] + 2 * 14 + gap * 3;
  if (columns) {
    const widths = inline ? want : fitColumns(want, [want[0], want[1], 14, 14], W - gap * 3);
    const used = widths.reduce((a, b) => a + b, 0) + gap * 3;
    const textWidth = inline ? W - fixed - gap : W - 4;
    const line = (a: string, b: string, c: string, d: string) =>
      [pad(a, widths[0]), pad(b, widths[1]), pad(c, widths[2]), pad(d, widths[3])].join(" ".repeat(gap));
    out.push((inline ? `${line(head.id, head.verdict, head.stated, head.recomputed)}${" ".repeat(gap)}explanation (first sentence)` : line(head.id, head.verdict, head.stated, head.recomputed)).trimEnd());
    out.push("-".repeat(Math.min(W, inline ? used + gap + Math.min(textWidth, Math.max(28, ...cells.map((c) => c.text.length))) : used)));
    for (const c of cells) {
      const main = line(c.id, c.verdict, c.stated, c.recomputed);
      if (inline) out.push(`${main}${" ".repeat(gap)}${cut(c.text, textWidth)}`.trimEnd());
      else {
        out.push(main.trimEnd());
        for (const l of wrap(c.text, textWidth, 3)) out.push(`    ${l}`);
      }
    }
  } else {
    // a card per claim: id and verdict; stated and recomputed; the first sentence
    for (const c of cells) {
      const idWidth = Math.max(12, W - c.verdict.length - gap);
      out.push(`${cut(c.id, idWidth)}${" ".repeat(gap)}${cut(c.verdict, W - Math.min(idWidth, c.id.length) - gap)}`.trimEnd());
      out.push(cut(`    stated ${c.stated} · recomputed ${c.recomputed}`, W));
      for (const l of wrap(c.text, W - 4, 3)) out.push(`    ${l}`);
    }
  }
  out.push("", cut(TABLE_HINT, W));
  return out.join("\n") + "\n";
}
