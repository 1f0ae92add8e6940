/**
 * What notebooks import: escaped HTML tables, claim cards, Plotly figures, and danfo DataFrames.
 *
 * @example
 * import { show, htmlTable, claimCard, lineChart, toDataFrame } from "../src/display";
 * show(htmlTable(rows, { caption: "Referrals by year" }));
 */
export * from "./html";
export * from "./card";
export * from "./plotly";

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
  return rows.length === 0 ? new dfd.DataFrame([]) : new dfd.DataFrame(table, { columns });
}
