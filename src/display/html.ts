/**
 * HTML for notebook outputs: escaping, tables, and `show`, which hands HTML to the tslab kernel
 * (or returns it when there is no kernel, e.g. in tests or on the command line).
 *
 * Every string that comes from data (LA names, quotes, file names, column labels) goes through
 * `escapeHtml`; the only unescaped HTML a table writes is what a caller wraps in `rawHtml`.
 */
import { fmtMoney, fmtNumber, fmtPercent, fmtValue } from "../format";
import type { Unit } from "../claims/types";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes the five characters that can change the meaning of HTML text or of a quoted attribute.
 * @param s any value; null and undefined become "".
 * @example escapeHtml(`<b title="x">Bath & 'NE'</b>`) // => "&lt;b title=&quot;x&quot;&gt;Bath &amp; &#39;NE&#39;&lt;/b&gt;"
 */
export function escapeHtml(s: unknown): string {
  if (s === null || s === undefined) return "";
  return String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** HTML that a caller has already escaped; tables and cards write it as it is. */
export class RawHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/**
 * Marks a string as HTML to write without escaping (build it from `escapeHtml`ed parts only).
 * @example htmlTable([{ verdict: rawHtml("<b>confirmed</b>") }]) // the cell holds <b>confirmed</b>
 */
export function rawHtml(html: string): RawHtml {
  return new RawHtml(html);
}

/** How a column's values are written: a unit of src/format.ts, "money" (£ with billion/million), "number", "text", or a function. */
export type ColumnFormat =
  | Unit
  | "money"
  | "number"
  | "text"
  | ((value: unknown, row: Record<string, unknown>) => string | RawHtml);

/** One column of an `htmlTable`. */
export interface Column {
  key: string;
  /** Header text; the key when absent. */
  label?: string;
  format?: ColumnFormat;
  /** Decimals for numeric formats; chosen from the value when absent. */
  decimals?: number;
  /** "right" for numbers by default, "left" otherwise. */
  align?: "left" | "right" | "center";
}

export interface TableOptions {
  /** Columns in order; every key of the rows, in first-seen order, when absent. */
  columns?: (Column | string)[];
  caption?: string;
  /** Rows shown (default 100); a last line says how many were left out. */
  maxRows?: number;
}

/** The dash the tables write for a missing value. */
export const MISSING = "–";

/**
 * Decimals a number is written with when the column does not say: none for whole numbers,
 * one from 100 up, two below.
 * @example autoDecimals(655630) // => 0
 * @example autoDecimals(43.21) // => 2
 */
export function autoDecimals(x: number): number {
  return Number.isInteger(x) ? 0 : Math.abs(x) >= 100 ? 1 : 2;
}

/**
 * A number written in a format of the table (see `ColumnFormat`).
 * @example fmtCell(8.8337e9, "money") // => "£8.8 billion"
 * @example fmtCell(7, "percent") // => "7%"
 * @example fmtCell(655630) // => "655,630"
 */
export function fmtCell(x: number, format?: ColumnFormat, decimals?: number): string {
  if (!Number.isFinite(x)) return MISSING;
  switch (format) {
    case "money":
    case "gbp":
      return fmtMoney(x, decimals);
    case "percent":
      return fmtPercent(x, decimals ?? (Number.isInteger(x) ? 0 : 1));
    case "year":
    case "text":
      return String(x);
    case undefined:
    case "number":
    case "count":
      return fmtNumber(x, decimals ?? autoDecimals(x));
    default:
      return typeof format === "string" ? fmtValue(x, format, decimals) : fmtNumber(x, decimals ?? autoDecimals(x));
  }
}

/** The cell's HTML: formatted, escaped, "–" for null. */
function cellHtml(value: unknown, row: Record<string, unknown>, col: Column): string {
  if (typeof col.format === "function") {
    const out = col.format(value, row);
    return out instanceof RawHtml ? out.html : escapeHtml(out);
  }
  if (value instanceof RawHtml) return value.html;
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return MISSING;
  if (typeof value === "number") return escapeHtml(fmtCell(value, col.format, col.decimals));
  if (value instanceof Date) return escapeHtml(value.toISOString().slice(0, 10));
  if (Array.isArray(value)) return value.map((v) => cellHtml(v, row, col)).join("; ");
  if (typeof value === "object") return escapeHtml(JSON.stringify(value));
  return escapeHtml(value);
}

const NUMERIC_FORMATS = new Set(["count", "percent", "pp", "per10k", "gbp", "gbp_m", "gbp_bn", "ratio", "correlation", "money", "number"]);

/** Right for numeric formats and for columns whose values are numbers, left otherwise. */
function columnAlign(col: Column, rows: Record<string, unknown>[]): "left" | "right" | "center" {
  if (col.align) return col.align;
  if (typeof col.format === "string") return NUMERIC_FORMATS.has(col.format) ? "right" : "left";
  const vals = rows.map((r) => r[col.key]).filter((v) => v !== null && v !== undefined);
  return vals.length > 0 && vals.every((v) => typeof v === "number" || (Array.isArray(v) && v.every((x) => typeof x === "number" || x === null)))
    ? "right"
    : "left";
}

/** Every key of the rows, in the order first seen. */
function keysOf(rows: Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return Array.from(seen);
}

/** A string of at most 16 characters without a space ("2009-10", "E09000001"), which a break would only spoil. */
function isShortWord(v: unknown): boolean {
  return typeof v === "string" && v.length <= 16 && !/\s/.test(v);
}

const TABLE_STYLE = "border-collapse:collapse;font-size:13px;margin:6px 0";
const CELL_STYLE = "padding:3px 8px;border-bottom:1px solid #d0d7de;vertical-align:top";

/**
 * An HTML table of plain rows: numbers formatted as the documents write them and right-aligned,
 * null as "–", every string escaped.
 * @param rows objects keyed by column
 * @param opts columns (key, label, format, decimals, align), a caption, and maxRows (default 100)
 * @example htmlTable([{ la: "Leeds", referrals: 655630 }], { columns: [{ key: "la", label: "Local authority" }, { key: "referrals", format: "count" }] })
 * // => "<table …><thead>…Local authority…</thead><tbody><tr><td …>Leeds</td><td style=\"…text-align:right…\">655,630</td></tr></tbody></table>"
 */
export function htmlTable(rows: Record<string, unknown>[], opts: TableOptions = {}): string {
  const cols: Column[] = (opts.columns ?? keysOf(rows)).map((c) => (typeof c === "string" ? { key: c } : c));
  const max = opts.maxRows ?? 100;
  const shown = rows.slice(0, Math.max(0, max));
  const aligns = cols.map((c) => columnAlign(c, rows));
  const out: string[] = [`<table class="csc-table" style="${TABLE_STYLE}">`];
  if (opts.caption) out.push(`<caption style="text-align:left;font-weight:600;padding:4px 0">${escapeHtml(opts.caption)}</caption>`);
  out.push(
    "<thead><tr>" +
      cols.map((c, i) => `<th style="${CELL_STYLE};border-bottom-width:2px;text-align:${aligns[i]}">${escapeHtml(c.label ?? c.key)}</th>`).join("") +
      "</tr></thead>",
  );
  out.push("<tbody>");
  for (const r of shown) {
    const cells = cols.map((c, i) => {
      // numbers, and short words such as "2009-10", stay on one line
      const keep = aligns[i] === "right" ? ";font-variant-numeric:tabular-nums;white-space:nowrap" : isShortWord(r[c.key]) ? ";white-space:nowrap" : "";
      return `<td style="${CELL_STYLE};text-align:${aligns[i]}${keep}">${cellHtml(r[c.key], r, c)}</td>`;
    });
    out.push(`<tr>${cells.join("")}</tr>`);
  }
  out.push("</tbody>");
  if (rows.length > shown.length) {
    out.push(`<tfoot><tr><td colspan="${cols.length}" style="${CELL_STYLE};color:#57606a">… ${fmtNumber(rows.length - shown.length)} more rows (${fmtNumber(rows.length)} in all)</td></tr></tfoot>`);
  }
  out.push("</table>");
  return out.join("");
}

/** What `require("tslab")` gives: only the part used here. */
export interface TslabLike {
  display: { html(s: string): void };
}

/**
 * The tslab modules that may be the running kernel's: "tslab" as this module resolves it (tslab
 * hands its own instance to .ts files it compiles), then the one beside the kernel's main script
 * (when this module was loaded from elsewhere, e.g. dist/). Required here, not at the top, so the
 * module loads anywhere.
 */
export function tslabCandidates(): (() => TslabLike)[] {
  const main = require.main;
  return [
    () => require("tslab") as TslabLike,
    () => {
      if (!main || !/tslab[\\/]dist[\\/]main\.js$/.test(main.filename)) throw new Error("not a tslab kernel");
      return main.require("./public") as TslabLike;
    },
  ];
}

/**
 * Displays HTML in the tslab kernel and returns nothing; outside a kernel (tests, scripts)
 * returns the HTML instead (tslab throws "Not ready" when no kernel is running).
 * @example show(htmlTable([{ a: 1 }])) // in a notebook: the table appears; in node: returns the "<table …>" string
 */
export function show(html: string | RawHtml): string | undefined {
  const s = html instanceof RawHtml ? html.html : html;
  for (const load of tslabCandidates()) {
    try {
      load().display.html(s);
      return undefined;
    } catch {
      // not this one: try the next, then give the HTML back
    }
  }
  return s;
}
