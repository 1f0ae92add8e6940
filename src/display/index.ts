/**
 * What notebooks import: escaped HTML tables, claim cards, Plotly figures, and danfo DataFrames
 * (`frameTable` writes one as a table with numbers as the documents write them; in a notebook,
 * `df.print()` shows that table: see `toDataFrame`).
 *
 * @example
 * import { show, htmlTable, claimCard, lineChart, toDataFrame } from "../src/display";
 * show(htmlTable(rows, { caption: "Referrals by year" }));
 */
export * from "./html";
export * from "./card";
export * from "./plotly";

import { htmlTable, show, type Column, type TableOptions } from "./html";

/** The danfojs module's type (its package exports hide the declaration file from "node" resolution). */
type Danfo = typeof import("danfojs/dist/danfojs-browser/src/index");
/** A danfojs DataFrame. */
export type DataFrame = InstanceType<Danfo["DataFrame"]>;

/** A cell value danfojs can hold: arrays become "a; b", other objects JSON, undefined null. */
function cellValue(v: unknown): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => (x !== null && typeof x === "object" ? JSON.stringify(x) : String(x))).join("; ");
  return JSON.stringify(v);
}

/**
 * A danfojs DataFrame of plain rows, for analysts who want `.head()`, `.groupby()`, `.query()`.
 * Columns are every key of the rows in first-seen order; a key missing from a row is null.
 * danfojs is required here, not at the top, so importing this module stays fast.
 * @example toDataFrame([{ la: "Leeds", rate: 512.3 }, { la: "Hull", rate: null }]).head().print()
 */
export function toDataFrame(rows: Record<string, unknown>[]): DataFrame {
  const dfd = require("danfojs") as Danfo;
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    for (const k of Object.keys(r)) {
      if (!seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
    }
  }
  const table = rows.map((r) => {
    const o: Record<string, string | number | boolean | null> = {};
    for (const k of columns) o[k] = cellValue(r[k]);
    return o;
  });
  showFramesAsTables(dfd);
  return rows.length === 0 ? new dfd.DataFrame([]) : new dfd.DataFrame(table, { columns });
}

/** Columns whose numbers are names, not quantities (years, codes): written as they are. */
const LABEL_COLUMN = /(^|[^a-z])(year|code|id)s?$|(Year|Code|Id)s?$|^(year|code|id)/i;

/** Decimals found in a number as JavaScript writes it (up to 4). */
function decimalsOf(x: number): number {
  const s = String(x);
  const i = s.indexOf(".");
  return i < 0 || /e/i.test(s) ? 0 : Math.min(4, s.length - i - 1);
}

/**
 * How a DataFrame column of numbers is written: the decimals its values carry, at most 0 from
 * 100,000 up (7687562.74 → 7,687,563), 1 from 100, 2 from 1 and 3 below; years and codes as they are.
 * @example frameColumn("spend", [7687562.74, 2558848]) // => { key: "spend", decimals: 0 }
 * @example frameColumn("rate", [566.2, 1237.35]) // => { key: "rate", decimals: 1 }
 */
export function frameColumn(name: string, values: unknown[]): Column {
  const nums = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (nums.length === 0 || nums.length < values.filter((v) => v !== null && v !== undefined && v !== "").length) return { key: name };
  if (LABEL_COLUMN.test(name)) return { key: name, format: (v) => (v === null || v === undefined ? "–" : String(v)), align: "right" };
  const top = Math.max(...nums.map(Math.abs));
  const cap = top >= 1e5 ? 0 : top >= 100 ? 1 : top >= 1 ? 2 : 3;
  return { key: name, decimals: Math.min(cap, Math.max(...nums.map(decimalsOf))) };
}

/**
 * A danfo DataFrame as an HTML table (src/display/html.ts `htmlTable`): every column with its full
 * name, numbers with thousands separators and the decimals their size warrants (`frameColumn`),
 * missing values as "–", every string escaped; the index as a first column when it is not 0, 1, 2…
 * @example show(frameTable(df.head(8), { caption: "Spend per episode, 2017-18" }))
 */
export function frameTable(df: DataFrame, opts: Omit<TableOptions, "columns"> = {}): string {
  const names = (df.columns as unknown[]).map(String);
  const values = df.values as unknown[][];
  const index = (df.index as unknown[]) ?? [];
  const plainIndex = index.every((v, i) => v === i);
  const key = (i: number) => `c${i}`;
  const rows = values.map((r, j) => Object.fromEntries([["__index", index[j]], ...names.map((_, i) => [key(i), r[i]])]));
  const columns: Column[] = names.map((n, i) => ({ ...frameColumn(n, values.map((r) => r[i])), key: key(i), label: n }));
  if (!plainIndex) columns.unshift({ key: "__index", label: "", format: (v) => String(v ?? "") });
  return htmlTable(rows, { maxRows: 100, ...opts, columns });
}

const PRINT_PATCHED = Symbol.for("csc-factcheck.display.framePrint");

/**
 * In a notebook, `print()` on a danfo DataFrame shows `frameTable` (numbers as the documents write
 * them, names in full) instead of danfo's text box, which cuts names at 17 characters and writes
 * 7687562.74. Outside a kernel (scripts, tests), and for a Series, danfo's own print runs. Installed
 * once per process on the class that owns `print`, so frames made by head(), query() or sortValues()
 * behave the same; danfo's text form stays available as `df.toString()`.
 */
function showFramesAsTables(dfd: Danfo): void {
  let owner: Record<string | symbol, unknown> | null = dfd.DataFrame.prototype as unknown as Record<string | symbol, unknown>;
  while (owner && !Object.prototype.hasOwnProperty.call(owner, "print")) owner = Object.getPrototypeOf(owner);
  if (!owner || typeof owner.print !== "function" || (owner.print as { [PRINT_PATCHED]?: boolean })[PRINT_PATCHED]) return;
  const original = owner.print as (this: unknown, ...args: unknown[]) => unknown;
  const print = function (this: unknown, ...args: unknown[]): unknown {
    const frame = this as { columns?: unknown; values?: unknown };
    const isFrame = Array.isArray(frame.columns) && Array.isArray(frame.values) && (frame.values as unknown[]).every(Array.isArray);
    if (isFrame && show(frameTable(this as DataFrame)) === undefined) return undefined; // shown in the kernel
    return original.apply(this, args);
  };
  (print as unknown as { [PRINT_PATCHED]: boolean })[PRINT_PATCHED] = true;
  owner.print = print;
}
