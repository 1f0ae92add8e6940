import { RawTable } from "../readers";
import type { Level, Obs } from "../obs";

/** "2018" (year ending 31 March 2018) → "2017-18". */
export function fyFromEnd(end: number | string): string {
  const e = Number(end);
  return `${e - 1}-${String(e % 100).padStart(2, "0")}`;
}

/** "2017-18" → 2018, the calendar year of the 31 March that ends it. */
export function endOfFy(fy: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(fy);
  if (!m) throw new Error(`not a financial year: "${fy}"`);
  return Number(m[1]) + 1;
}

/** "2017-18" → "1718", the suffix old DfE files put on column names. */
export function fySuffix(fy: string): string {
  return fy.slice(2, 4) + fy.slice(5, 7);
}

/** Geographic level from the words the files use. */
export function levelOf(text: string): Level | undefined {
  const t = text.trim().toLowerCase();
  if (t === "national" || t === "england") return "national";
  if (t === "regional" || t === "region") return "regional";
  if (t === "local authority" || t === "la") return "la";
  return undefined;
}

/**
 * Observations from an Explore-education-statistics CSV (long in years, wide in measures):
 * one per row and measure column, with time_period turned into a financial year.
 */
export function fromEes(t: RawTable, measures: Record<string, string>, opts: { filter?: (r: number) => boolean; yearOf?: (tp: string) => string } = {}): Obs[] {
  const out: Obs[] = [];
  const cTp = t.col("time_period");
  const cLevel = t.col("geographic_level");
  const cols = Object.entries(measures).map(([m, c]) => [m, t.col(c), t.header[t.col(c)]] as const);
  const cLa = t.has("la_name") ? t.col("la_name") : -1;
  const cRegion = t.has("region_name") ? t.col("region_name") : -1;
  const cNew = t.has("new_la_code") ? t.col("new_la_code") : -1;
  const cOld = t.has("old_la_code") ? t.col("old_la_code") : -1;
  const cRegCode = t.has("region_code") ? t.col("region_code") : -1;
  const yearOf = opts.yearOf ?? ((tp: string) => fyFromEnd(tp.slice(0, 4)));
  for (let r = 0; r < t.rows.length; r++) {
    if (opts.filter && !opts.filter(r)) continue;
    const level = levelOf(t.text(r, cLevel));
    if (!level) continue;
    const area = level === "national" ? "England" : level === "regional" ? t.text(r, cRegion) : t.text(r, cLa);
    const code = level === "national" ? "E92000001" : level === "regional" ? (cRegCode >= 0 ? t.text(r, cRegCode) : "") : cNew >= 0 ? t.text(r, cNew) : "";
    const laCode = level === "la" && cOld >= 0 ? t.text(r, cOld) : undefined;
    const year = yearOf(t.text(r, cTp));
    for (const [measure, c, name] of cols) {
      const cell = t.cell(r, c);
      out.push({ measure, year, level, area, code, ...(laCode ? { laCode } : {}), value: cell.value, ...(cell.value === null ? { marker: cell.marker ?? cell.text } : {}), src: t.source.id, row: t.rowNumbers[r], col: name });
    }
  }
  return out;
}
