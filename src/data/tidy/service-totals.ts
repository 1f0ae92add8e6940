import { DataError, source } from "../sources";
import { cached } from "../cache";
import { parseCell } from "../markers";
import { Obs, ObsTable, validateObs } from "../obs";
import { readCsv, readGrid } from "../readers";
import { RA_FILES, RO3_FILES, RS_2017_18 } from "./spending";

/**
 * England's net current expenditure by service area, budgeted (MHCLG revenue account budget, RA) and
 * outturn (MHCLG revenue outturn summary, RS), £ thousand: the ENGLAND row of each file's LA sheet,
 * every authority (upper and lower tier, police, fire and others) included.
 *
 * Measures: `raService:<area>` and `rsService:<area>`, area one of SERVICE_AREAS. The RS files of
 * 2010-11 and 2011-12 give social care as one column ("Social care"): it is kept as
 * `rsService:socialCare`, and RA's "TOTAL SOCIAL CARE" of those years as `raService:socialCare`. The
 * RS of 2015-16 and 2016-17 is held only as a third party's extract of the upper-tier authorities
 * (roall.csv), so those years have no England outturn for every authority here: for them the
 * table gives `rsServiceUpper:<area>` and `raServiceUpper:<area>`, the upper-tier authorities' sums.
 */

export const SERVICE_AREAS: Record<string, { words: string; rs: RegExp; ra: RegExp }> = {
  education: { words: "education", rs: /^education services$/, ra: /^total education services/ },
  highways: { words: "highways and transport", rs: /^highways (and|roads and) transport services$/, ra: /^total highways (and|roads and) transport services/ },
  childrenSocialCare: { words: "children's social care", rs: /^children social care$/, ra: /^total childrens social care/ },
  adultSocialCare: { words: "adult social care", rs: /^adult social care$/, ra: /^total adult social care/ },
  socialCare: { words: "social care (children and adults together)", rs: /^social care$/, ra: /^total social care/ },
  publicHealth: { words: "public health", rs: /^public health$/, ra: /^total public health/ },
  housing: { words: "housing (general fund)", rs: /^housing services \(gfra only\)$/, ra: /^total housing services/ },
  cultural: { words: "cultural and related services", rs: /^cultural and related services$/, ra: /^total cultural and related services/ },
  environmental: { words: "environmental and regulatory services", rs: /^environmental and regulatory services$/, ra: /^total environmental and regulatory services/ },
  planning: { words: "planning and development", rs: /^planning and development services$/, ra: /^total planning and development services/ },
  police: { words: "police", rs: /^police services$/, ra: /^total police services/ },
  fire: { words: "fire and rescue", rs: /^fire and rescue services$/, ra: /^total fire and rescue services/ },
  central: { words: "central services", rs: /^central services$/, ra: /^total central services/ },
  other: { words: "other services", rs: /^other services$/, ra: /^total other services/ },
};

/** RS files read for every authority's outturn, by year, with the LA sheet. */
export const RS_FILES: Record<string, { id: string; sheet: string }> = {
  "2010-11": { id: "rs-revenue-outturn-summary-rs-data-2010-11-by-la-27-nov-2012-v2", sheet: "RS LA Data 2010-11 (1)" },
  "2011-12": { id: "rs-revenue-outturn-summary-rs-data-2011-12-by-la-revised-28-nov-2013", sheet: "RS LA Data 2011-12 (1)" },
  "2012-13": { id: "rs-revenue-outturn-summary-rs-data-2012-13-by-la-revised-18-feb-2014", sheet: "RS LA Data 2012-13 (1)" },
  "2013-14": { id: "rs-revenue-outturn-summary-rs-data-2013-14-by-la-revised-28-jan-2015", sheet: "RS LA Data 2013-14 (1)" },
  "2014-15": { id: "rs-revenue-outturn-summary-rs-data-2014-15-by-la-02-feb-2016", sheet: "RS LA Data 2014-15 (1)" },
  "2017-18": RS_2017_18,
};

export const SERVICE_MEASURES_PREFIXES = ["raService:", "rsService:", "raServiceUpper:", "rsServiceUpper:", "ro3Line:"];

const norm = (v: unknown): string => String(v ?? "").replace(/\s+/g, " ").trim();
const label = (v: unknown): string => norm(v).toLowerCase().replace(/['’`]/g, "");

/** The ENGLAND row of an MHCLG LA sheet, below the header row that starts "E-code": one value per area found. */
export function serviceRow(grid: unknown[][], measure: "raService" | "rsService", year: string, src: string, sheet: string, file: string): Obs[] {
  const h = grid.findIndex((r) => norm((r ?? [])[0]) === "E-code");
  if (h < 0) throw new DataError(`${file} (sheet "${sheet}"): no header row starting "E-code"`, file);
  const header = (grid[h] ?? []).map(label);
  let e = -1;
  for (let r = h + 1; r < grid.length && e < 0; r++) if ((grid[r] ?? []).slice(0, 4).some((c) => /^england$/i.test(norm(c)))) e = r;
  if (e < 0) throw new DataError(`${file} (sheet "${sheet}"): no ENGLAND row`, file);
  const out: Obs[] = [];
  for (const [area, spec] of Object.entries(SERVICE_AREAS)) {
    // the first matching column: the summary sheets repeat the service names further right
    const j = header.findIndex((c) => (measure === "rsService" ? spec.rs : spec.ra).test(c));
    if (j < 0) continue;
    const c = parseCell((grid[e] ?? [])[j]);
    out.push({
      measure: `${measure}:${area}`, year, level: "national", area: "England", code: "E92000001",
      value: c.value, ...(c.value === null ? { marker: c.marker ?? c.text ?? "" } : {}),
      src, sheet, row: e + 1, col: norm(grid[h][j]),
    });
  }
  if (out.length < 10) throw new DataError(`${file} (sheet "${sheet}"): found only ${out.length} service areas in the header row`, file);
  return out;
}

/** The RS extract of the upper-tier authorities (2015-16 and 2016-17), its year column's values by financial year. */
export const RS_UPPER = { id: "rs-roall", years: { "2015-16": "2016", "2016-17": "2017" } as Record<string, string> };

/** Values by E-code and area from an MHCLG LA sheet's upper-tier rows (class UA, MD, L, LB, SC). */
export function upperTierByArea(grid: unknown[][], measure: "raService" | "rsService"): Map<string, Map<string, { value: number | null; row: number }>> {
  const h = grid.findIndex((r) => norm((r ?? [])[0]) === "E-code");
  const header = (grid[h] ?? []).map(label);
  const cClass = header.indexOf("class");
  const out = new Map<string, Map<string, { value: number | null; row: number }>>();
  const cols = Object.entries(SERVICE_AREAS).map(([area, spec]) => [area, header.findIndex((c) => (measure === "rsService" ? spec.rs : spec.ra).test(c))] as const).filter(([, j]) => j >= 0);
  for (let r = h + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const ecode = norm(row[0]);
    if (!/^E\d{4}$/.test(ecode) || !["UA", "MD", "L", "LB", "SC"].includes(norm(row[cClass]))) continue;
    out.set(ecode, new Map(cols.map(([area, j]) => [area, { value: parseCell(row[j]).value, row: r + 1 }])));
  }
  return out;
}

/**
 * Budget and outturn of the upper-tier authorities for the years whose RS is held only as the
 * upper-tier extract: `rsServiceUpper:<area>` (the extract's sum) and `raServiceUpper:<area>` (the RA
 * file's sum over the same authorities), each over the authorities with a number in both files.
 */
function upperTierYears(): Obs[] {
  const rs = readCsv(RS_UPPER.id);
  const cE = rs.col("E-code");
  const cYear = rs.col("year");
  const out: Obs[] = [];
  for (const [year, label_] of Object.entries(RS_UPPER.years)) {
    const f = RA_FILES[year];
    const { grid } = readGrid(f.id, f.sheet, { sheets: [f.sheet], dense: true });
    const ra = upperTierByArea(grid, "raService");
    const rows = rs.findRows((r) => rs.text(r, cYear) === label_);
    for (const [area, spec] of Object.entries(SERVICE_AREAS)) {
      const j = rs.header.findIndex((c) => spec.rs.test(label(String(c).replace(/^\d+:\s*/, ""))));
      if (j < 0) continue;
      let sumRs = 0;
      let sumRa = 0;
      const used: number[] = [];
      const left: string[] = [];
      for (const r of rows) {
        const e = rs.text(r, cE);
        const v = rs.cell(r, j).value;
        const b = ra.get(e)?.get(area)?.value ?? null;
        if (v === null || b === null) { left.push(rs.text(r, "Local authority") || e); continue; }
        sumRs += v;
        sumRa += b;
        used.push(rs.rowNumbers[r]);
      }
      const note = `sum of ${used.length} upper-tier authorities with a number in both the RS extract and the RA file${left.length ? ` (left out: ${left.join(", ")})` : ""}`;
      out.push({ measure: `rsServiceUpper:${area}`, year, level: "national", area: "England (upper tier)", code: "E92000001", value: sumRs, src: RS_UPPER.id, row: used[0] ?? 0, col: String(rs.header[j]), derivedFrom: `${note}; rows ${used[0]}–${used[used.length - 1]}` });
      out.push({ measure: `raServiceUpper:${area}`, year, level: "national", area: "England (upper tier)", code: "E92000001", value: sumRa, src: f.id, sheet: f.sheet, row: 0, col: spec.ra.source, derivedFrom: `${note}; the same authorities' rows of the RA sheet` });
    }
  }
  return out;
}

/**
 * The lines of children's social care in an RO3 sheet, with England's net current expenditure on each
 * (£ thousand), as measures `ro3Line:<key>`. The key is the line's label without the block's prefix
 * ("Children's social care - ", "Children's social care: "), in lower case without apostrophes
 * ("/flying start" dropped: 2014-15 to 2016-17 name Wales's programme beside Sure Start). The block is
 * the net-current-expenditure columns before the first adult line; totals and memorandum lines
 * ("Supporting people ancillary expenditure") are not lines of it.
 */
export function ro3LineKey(text: unknown): string {
  return label(text).replace(/^childrens social care\s*[-:]\s*/, "").replace(/\/flying start/, "").replace(/\s+/g, " ").trim();
}

export function ro3ChildrenLines(grid: unknown[][], year: string, src: string, sheet: string, file: string): Obs[] {
  const h = grid.findIndex((r) => norm((r ?? [])[0]) === "E-code");
  if (h < 0) throw new DataError(`${file} (sheet "${sheet}"): no header row starting "E-code"`, file);
  let lab = h - 1;
  while (lab >= 0 && !(grid[lab] ?? []).some((c) => /children/i.test(norm(c)))) lab--;
  if (lab < 0) throw new DataError(`${file} (sheet "${sheet}"): no row of service labels above the header`, file);
  let e = -1;
  for (let r = h + 1; r < grid.length && e < 0; r++) if ((grid[r] ?? []).slice(0, 4).some((c) => /^england$/i.test(norm(c)))) e = r;
  if (e < 0) throw new DataError(`${file} (sheet "${sheet}"): no ENGLAND row`, file);
  const out: Obs[] = [];
  let cur = "";
  for (let j = 0; j < (grid[h] ?? []).length; j++) {
    const l = norm(grid[lab]?.[j]);
    if (l) cur = l;
    if (!/^net current expenditure/i.test(norm(grid[h][j]))) continue;
    if (/adult|older people|^total social care/i.test(cur)) break;
    if (/^total|^supporting people/i.test(cur)) continue;
    const c = parseCell((grid[e] ?? [])[j]);
    out.push({ measure: `ro3Line:${ro3LineKey(cur)}`, year, level: "national", area: "England", code: "E92000001", value: c.value, ...(c.value === null ? { marker: c.marker ?? c.text ?? "" } : {}), src, sheet, row: e + 1, col: `${cur} / ${norm(grid[h][j])}` });
  }
  if (out.length === 0) throw new DataError(`${file} (sheet "${sheet}"): no children's social care lines`, file);
  return out;
}

function buildServices(): Obs[] {
  const out: Obs[] = [];
  for (const [year, f] of Object.entries(RA_FILES)) {
    const { grid, source: s } = readGrid(f.id, f.sheet, { sheets: [f.sheet], dense: true });
    out.push(...serviceRow(grid, "raService", year, f.id, f.sheet, s.file));
  }
  out.push(...upperTierYears());
  for (const [year, f] of Object.entries(RS_FILES)) {
    const { grid, source: s } = readGrid(f.id, f.sheet, { sheets: [f.sheet], dense: true });
    out.push(...serviceRow(grid, "rsService", year, f.id, f.sheet, s.file));
  }
  return validateObs(out, "service totals table");
}

function buildRo3Lines(): Obs[] {
  const out: Obs[] = [];
  for (const [year, f] of Object.entries(RO3_FILES)) {
    const { grid, source: s } = readGrid(f.id, f.sheet, { sheets: [f.sheet], dense: true });
    out.push(...ro3ChildrenLines(grid, year, f.id, f.sheet, s.file));
  }
  return validateObs(out, "RO3 children's social care lines");
}

/**
 * RO3's children's social care lines, England (cached by the files' sha256s). A table of its own so
 * that a cold run builds it where the RO3 sheets are already open: in the worker, after the RO3 table
 * (src/data/prebuild.ts).
 */
export function ro3LinesRows(): Obs[] {
  return cached("service-ro3-lines", 1, Object.values(RO3_FILES).map((f) => source(f.id)), buildRo3Lines);
}

let memo: ObsTable | undefined;

/** England budget and outturn by service area, and RO3's children's social care lines (cached by the files' sha256s). */
export function serviceTotalsTable(): ObsTable {
  if (memo) return memo;
  const ids = [...Object.values(RA_FILES).map((f) => f.id), ...Object.values(RS_FILES).map((f) => f.id), RS_UPPER.id];
  memo = new ObsTable([...cached("service-totals", 3, ids.map(source), buildServices), ...ro3LinesRows()]);
  return memo;
}

/** Whether a measure is one of this table's. */
export function isServiceMeasure(m: string): boolean {
  return SERVICE_MEASURES_PREFIXES.some((p) => m.startsWith(p));
}
