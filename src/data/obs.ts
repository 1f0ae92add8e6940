import { z } from "zod";
import { DataError, MissingDataError, SuppressedError, source } from "./sources";
import { MARKERS } from "./markers";
import type { Evidence } from "../claims/types";

/** Geography of an observation. */
export type Level = "national" | "regional" | "la";

/**
 * One value read from one cell of one official file, with everything needed to trace it:
 * the source id, the sheet, the 1-based row in the file and the column name as written there.
 */
export interface Obs {
  /** What is measured, named as in the documents: referrals, cinEpisodes, s47Enquiries... */
  measure: string;
  /** Financial year "2017-18" (for "at 31 March 2018" too), or a calendar label such as "2017" for 30 September. */
  year: string;
  level: Level;
  /** "England", a region or an LA name as the file writes it. */
  area: string;
  /** ONS code where the file has one, else the DfE 3-digit code, else "". */
  code: string;
  /** DfE 3-digit LA code where known. */
  laCode?: string;
  value: number | null;
  marker?: string;
  src: string;
  sheet?: string;
  row: number;
  col: string;
  /** For a value computed from many cells (a sum over districts): which rows, in words. */
  derivedFrom?: string;
}

/** A tidy table of observations with lookups that fail loudly. */
export class ObsTable {
  private byMeasure: Map<string, Obs[]> | undefined;
  private byMeasureYear = new Map<string, Map<string, Obs[]>>();
  constructor(readonly rows: Obs[]) {}

  /** The rows of one measure (indexed on first use: checks ask for one measure at a time). */
  private ofMeasure(measure: string): Obs[] {
    if (!this.byMeasure) {
      this.byMeasure = new Map();
      for (const o of this.rows) {
        const b = this.byMeasure.get(o.measure);
        if (b) b.push(o);
        else this.byMeasure.set(o.measure, [o]);
      }
    }
    return this.byMeasure.get(measure) ?? [];
  }

  /** The rows of one measure in one year. */
  private ofMeasureYear(measure: string, year: string): Obs[] {
    let m = this.byMeasureYear.get(measure);
    if (!m) {
      m = new Map();
      for (const o of this.ofMeasure(measure)) {
        const b = m.get(o.year);
        if (b) b.push(o);
        else m.set(o.year, [o]);
      }
      this.byMeasureYear.set(measure, m);
    }
    return m.get(year) ?? [];
  }

  filter(q: Partial<Pick<Obs, "measure" | "year" | "level" | "area" | "code" | "src" | "laCode">>): Obs[] {
    const rows = q.measure === undefined ? this.rows : q.year === undefined ? this.ofMeasure(q.measure) : this.ofMeasureYear(q.measure, q.year);
    return rows.filter((o) =>
      (q.measure === undefined || o.measure === q.measure) &&
      (q.year === undefined || o.year === q.year) &&
      (q.level === undefined || o.level === q.level) &&
      (q.area === undefined || o.area === q.area) &&
      (q.code === undefined || o.code === q.code) &&
      (q.laCode === undefined || o.laCode === q.laCode) &&
      (q.src === undefined || o.src === q.src));
  }

  /** Exactly one observation; none or several is an error that says what was sought. */
  one(q: Partial<Pick<Obs, "measure" | "year" | "level" | "area" | "code" | "src" | "laCode">>): Obs {
    const hits = this.filter(q);
    if (hits.length === 1) return hits[0];
    const what = Object.entries(q).map(([k, v]) => `${k}=${v}`).join(", ");
    if (hits.length === 0) throw new MissingDataError(`no observation for ${what}`);
    throw new DataError(`${hits.length} observations for ${what} (${hits.map((h) => `${h.src} row ${h.row}`).join("; ")})`);
  }

  /** England value of a measure in a year from a given source (or the only source that has it). */
  england(measure: string, year: string, src?: string): Obs {
    return this.one({ measure, year, level: "national", ...(src ? { src } : {}) });
  }

  /** Years present for a measure at national level, sorted. */
  years(measure: string, src?: string): string[] {
    return [...new Set(this.filter({ measure, level: "national", ...(src ? { src } : {}) }).map((o) => o.year))].sort();
  }

  measures(): string[] {
    return [...new Set(this.rows.map((o) => o.measure))].sort();
  }
}

/** The value of an observation that must be a number (a marker here is an error naming file, row and column). */
export function num(o: Obs): number {
  if (o.value === null) {
    const s = source(o.src);
    throw new SuppressedError(`${s.file}${o.sheet ? ` (sheet "${o.sheet}")` : ""} row ${o.row}, column "${o.col}": ${o.area} ${o.measure} ${o.year} is suppressed or missing (marker "${o.marker ?? ""}")`, s.file);
  }
  return o.value;
}

/**
 * Evidence entries for a set of observations, one per source file and sheet, naming the rows and
 * columns read and the values found.
 */
export function evidenceFor(obs: Obs[], note?: string): Evidence[] {
  const groups = new Map<string, Obs[]>();
  for (const o of obs) {
    const k = `${o.src}|${o.sheet ?? ""}`;
    const g = groups.get(k);
    if (g) g.push(o);
    else groups.set(k, [o]);
  }
  const out: Evidence[] = [];
  for (const g of groups.values()) {
    const s = source(g[0].src);
    const values: Record<string, number | string | null> = {};
    for (const o of g) values[`${o.area} ${o.measure} ${o.year}`] = o.value ?? (o.marker !== undefined ? `[${o.marker}]` : null);
    out.push({
      source: s.id,
      file: s.file,
      ...(g[0].sheet ? { sheet: g[0].sheet } : {}),
      rows: [...new Set(g.map((o) => (o.derivedFrom ? o.derivedFrom : `row ${o.row} (${o.area})`)))],
      columns: [...new Set(g.map((o) => o.col))],
      values,
      ...(note ? { note } : {}),
    });
  }
  return out;
}

export const ObsSchema = z.object({
  measure: z.string().min(1),
  year: z.string().regex(/^(\d{4}(-\d{2})?)$/),
  level: z.enum(["national", "regional", "la"]),
  area: z.string(),
  code: z.string(),
  laCode: z.string().optional(),
  value: z.number().finite().nullable(),
  marker: z.string().optional(),
  src: z.string().min(1),
  sheet: z.string().optional(),
  row: z.number().int(),
  col: z.string(),
  derivedFrom: z.string().optional(),
});

let knownCodes: Set<string> | undefined;
/** DfE 3-digit codes of every upper-tier authority, past and present (src/data/la.ts). */
function knownLa(): Set<string> {
  // required lazily: la.ts reads its own files without this validation
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  knownCodes ??= new Set((require("./la") as typeof import("./la")).localAuthorities().map((l) => l.laCode));
  return knownCodes;
}

/**
 * Validates a tidy table before it is cached: every observation has the Obs shape (zod), a null
 * value keeps a known suppression marker (text in a number's place is an error naming file, row and
 * column), every LA code is one DfE knows, and no area appears twice for the same measure, year and source (a
 * duplicated LA row is an error naming the file and both rows).
 */
export function validateObs(rows: Obs[], what: string, opts: { laCodes?: Set<string> } = {}): Obs[] {
  const known = () => opts.laCodes ?? knownLa();
  const parsed = z.array(ObsSchema).safeParse(rows);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    const o = rows[Number(i.path[0])];
    throw new DataError(`${what}: invalid observation (${o ? `${o.src} row ${o.row}, column "${o.col}"` : "?"}): ${i.path.slice(1).join(".")}: ${i.message}`);
  }
  const seen = new Map<string, Obs>();
  for (const o of rows) {
    if (o.value === null && o.marker === undefined) throw new DataError(`${what}: ${o.src} row ${o.row}, column "${o.col}" is null without a marker`);
    if (o.value === null && !MARKERS.includes(o.marker!.trim().toLowerCase())) {
      const s = source(o.src);
      throw new DataError(`${s.file}${o.sheet ? ` (sheet "${o.sheet}")` : ""} row ${o.row}, column "${o.col}": expected a number or a suppression marker, found the text "${o.marker}"`, s.file);
    }
    if (o.level === "la" && o.laCode !== undefined && !o.laCode.split("/").every((c) => known().has(c.trim()))) {
      const s = source(o.src);
      throw new DataError(`${s.file} row ${o.row}: "${o.laCode}" (${o.area}) is not a DfE local authority code`, s.file);
    }
    const k = `${o.src}|${o.sheet ?? ""}|${o.measure}|${o.year}|${o.level}|${o.level === "la" ? o.laCode ?? o.code ?? o.area : o.code || o.area}`;
    const prev = seen.get(k);
    if (prev) {
      const s = source(o.src);
      throw new DataError(`${s.file}: ${o.area} appears twice for ${o.measure} ${o.year} (rows ${prev.row} and ${o.row})`, s.file);
    }
    seen.set(k, o);
  }
  return rows;
}
