import * as fs from "node:fs";
import { parse } from "csv-parse/sync";
import type * as XLSXTypes from "xlsx";
import { DataError, Source, rawPath, readVerified, source } from "./sources";
import { cached, insideBuild } from "./cache";
import { openXls, XlsBook, xlsGrid, XlsUnsupported } from "./xls";

/** The xlsx library, loaded on first use (its code-page tables cost a warm run that reads only the cache). */
let xlsxLib: typeof XLSXTypes | undefined;
function xlsx(): typeof XLSXTypes {
  return (xlsxLib ??= require("xlsx") as typeof XLSXTypes);
}
import { Cell, parseCell } from "./markers";

/**
 * A rectangular table read from one official file: a header and rows of raw cells, with the
 * 1-based row number each came from in the file (or sheet), so every value can be traced.
 */
export class RawTable {
  private readonly index: Map<string, number>;
  private readonly duplicated: Set<string>;
  constructor(
    readonly source: Source,
    readonly header: string[],
    readonly rows: unknown[][],
    readonly rowNumbers: number[],
    readonly sheet?: string,
  ) {
    this.index = new Map();
    this.duplicated = new Set();
    header.forEach((h, i) => {
      const k = normHeader(h);
      if (k === "") return;
      if (this.index.has(k)) this.duplicated.add(k);
      else this.index.set(k, i);
    });
  }

  /** Where this table came from, for messages: "file (sheet)". */
  get where(): string {
    return this.sheet ? `${this.source.file} (sheet "${this.sheet}")` : this.source.file;
  }

  has(column: string): boolean {
    return this.index.has(normHeader(column));
  }

  /** Index of a column; a missing column is an error naming the file, the column and the columns found. */
  col(column: string): number {
    if (this.duplicated.has(normHeader(column))) {
      throw new DataError(`column "${column}" appears more than once in ${this.where}: cannot tell which to read`, this.source.file);
    }
    const i = this.index.get(normHeader(column));
    if (i === undefined) {
      const found = this.header.filter((h) => String(h ?? "").trim() !== "");
      const shown = found.length > 40 ? `${found.slice(0, 40).join(", ")}, … (${found.length} in all)` : found.join(", ");
      throw new DataError(`column "${column}" not found in ${this.where}; columns found: ${shown}`, this.source.file);
    }
    return i;
  }

  /** The first of several candidate names that exists (files rename columns between years). */
  colOf(...candidates: string[]): { index: number; name: string } {
    for (const c of candidates) if (this.has(c)) return { index: this.col(c), name: this.header[this.col(c)] };
    this.col(candidates[0]);
    throw new Error("unreachable");
  }

  /** Parsed cell (number or marker) at row r, column name. */
  cell(r: number, column: string | number): Cell {
    const i = typeof column === "number" ? column : this.col(column);
    return parseCell(this.rows[r][i]);
  }

  /** Text of a cell, trimmed. */
  text(r: number, column: string | number): string {
    const i = typeof column === "number" ? column : this.col(column);
    const v = this.rows[r][i];
    return v === null || v === undefined ? "" : String(v).trim();
  }

  /** A number that must be present: a marker or text here is an error naming file, row and column. */
  number(r: number, column: string): number {
    const c = this.cell(r, column);
    if (c.value === null) {
      const what = c.marker !== undefined ? `the marker "${c.marker}"` : `the text "${c.text}"`;
      throw new DataError(`${this.where} row ${this.rowNumbers[r]}, column "${column}": expected a number, found ${what}`, this.source.file);
    }
    return c.value;
  }

  /** Indices of rows matching a predicate. */
  findRows(pred: (r: number) => boolean): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.rows.length; r++) if (pred(r)) out.push(r);
    return out;
  }

  /** Exactly one row matching a predicate; none or several is an error naming what was sought. */
  oneRow(what: string, pred: (r: number) => boolean): number {
    const rs = this.findRows(pred);
    if (rs.length === 0) throw new DataError(`${this.where}: no row for ${what}`, this.source.file);
    if (rs.length > 1) throw new DataError(`${this.where}: ${rs.length} rows for ${what} (rows ${rs.map((r) => this.rowNumbers[r]).join(", ")}); expected one`, this.source.file);
    return rs[0];
  }
}

/** Header names compared without case, spaces at either end, or doubled spaces. */
export function normHeader(h: unknown): string {
  return String(h ?? "").replace(/^\uFEFF/, "").replace(/\s+/g, " ").trim().toLowerCase();
}

function readBytes(s: Source, verify: boolean): Buffer {
  if (verify) return readVerified(s);
  try {
    return fs.readFileSync(rawPath(s));
  } catch (e) {
    throw new DataError(`cannot read ${s.file}: ${(e as Error).message}`, s.file);
  }
}

/**
 * Reads a CSV source into a RawTable. The header is the first line unless `headerLine` says
 * otherwise (1-based). The file's sha256 is verified first.
 */
export function readCsv(id: string, opts: CsvOptions = {}): RawTable {
  const s = source(id);
  // a check that reads a file directly (not while a cached table is built) reads it from the cache
  if (!opts.findHeader && opts.verify !== false && !insideBuild()) {
    const t = cached(`csv-${id}-${opts.encoding ?? "utf8"}-${opts.headerLine ?? 1}`, 1, [s], () => {
      const r = parseCsv(s, opts);
      return { header: r.header, rows: r.rows, rowNumbers: r.rowNumbers };
    });
    return new RawTable(s, t.header, t.rows, t.rowNumbers);
  }
  return parseCsv(s, opts);
}

type CsvOptions = { encoding?: BufferEncoding; headerLine?: number; findHeader?: (cells: string[]) => boolean; verify?: boolean };

function parseCsv(s: Source, opts: CsvOptions): RawTable {
  const bytes = readBytes(s, opts.verify ?? true);
  if (bytes.length === 0) throw new DataError(`${s.file} is empty`, s.file);
  let records: string[][];
  try {
    records = parse(bytes.toString(opts.encoding ?? "utf8"), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    throw new DataError(`${s.file} is not a readable CSV: ${(e as Error).message}`, s.file);
  }
  let h = (opts.headerLine ?? 1) - 1;
  if (opts.findHeader) {
    h = records.findIndex((r) => opts.findHeader!(r.map((c) => String(c ?? ""))));
    if (h < 0) throw new DataError(`${s.file}: no header line found`, s.file);
  }
  if (records.length <= h) throw new DataError(`${s.file} has no header line`, s.file);
  const header = records[h].map((c) => String(c ?? "").replace(/^\uFEFF/, ""));
  const rows: unknown[][] = [];
  const nums: number[] = [];
  for (let r = h + 1; r < records.length; r++) {
    const rec = records[r];
    if (rec.length === 1 && String(rec[0]).trim() === "") continue;
    if (rec.length < header.length && r === records.length - 1 && rec.length < header.length / 2) {
      throw new DataError(`${s.file} line ${r + 1} has ${rec.length} of ${header.length} fields: the file looks truncated`, s.file);
    }
    rows.push(rec);
    nums.push(r + 1);
  }
  return new RawTable(s, header, rows, nums);
}

const workbookCache = new Map<string, XLSXTypes.WorkBook>();

/**
 * Opens a spreadsheet source (xls, xlsx, ods) once per process; its sha256 is verified first, and a
 * file without a spreadsheet's signature (zip for xlsx/ods, OLE2 for xls) is refused by name.
 * `sheets` limits parsing to the sheets named; `dense` trades formatted text for speed.
 */
export function openWorkbook(id: string, opts: { sheets?: string[]; verify?: boolean; dense?: boolean } = {}): XLSXTypes.WorkBook {
  const key = `${id}|${(opts.sheets ?? []).join(",")}|${opts.dense ? "dense" : ""}`;
  const hit = workbookCache.get(key);
  if (hit) return hit;
  const s = source(id);
  const bytes = readBytes(s, opts.verify ?? true);
  if (bytes.length === 0) throw new DataError(`${s.file} is empty`, s.file);
  const zip = bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304;
  const ole = bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0;
  if (/\.(xlsx|ods)$/i.test(s.file) && !zip) throw new DataError(`${s.file} is not a readable spreadsheet: an .xlsx or .ods file is a zip archive, and this one is not`, s.file);
  if (/\.xls$/i.test(s.file) && !ole && !zip) throw new DataError(`${s.file} is not a readable spreadsheet: no Excel (OLE2) signature`, s.file);
  let wb: XLSXTypes.WorkBook;
  try {
    // dense mode without formatted text parses wide sheets two to three times faster
    wb = xlsx().read(bytes, { type: "buffer", cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false, ...(opts.dense ? { dense: true, cellText: false } : {}), ...(opts.sheets ? { sheets: opts.sheets } : {}) });
  } catch (e) {
    throw new DataError(`${s.file} is not a readable spreadsheet: ${(e as Error).message}`, s.file);
  }
  if (!wb.SheetNames || wb.SheetNames.length === 0) throw new DataError(`${s.file} is not a readable spreadsheet: no sheets`, s.file);
  workbookCache.set(key, wb);
  return wb;
}

/** Names of the sheets of a spreadsheet source. */
export function sheetNames(id: string): string[] {
  return openWorkbook(id).SheetNames;
}

/**
 * Reads one sheet into a RawTable. The sheet is named exactly, or matched by a RegExp;
 * the header row is found by `findHeader` (first row where it returns true) or given 1-based.
 */
export function readSheet(
  id: string,
  sheet: string | RegExp,
  opts: { headerRow?: number; findHeader?: (cells: string[]) => boolean; verify?: boolean } = {},
): RawTable {
  const { grid, sheet: name, source: s } = readGrid(id, sheet, { verify: opts.verify });
  let h = (opts.headerRow ?? 1) - 1;
  if (opts.findHeader) {
    h = grid.findIndex((r) => opts.findHeader!((r ?? []).map((c) => String(c ?? "").trim())));
    if (h < 0) throw new DataError(`${s.file} (sheet "${name}"): no header row found`, s.file);
  }
  const header = (grid[h] ?? []).map((c) => String(c ?? "").trim());
  const rows: unknown[][] = [];
  const nums: number[] = [];
  for (let r = h + 1; r < grid.length; r++) {
    rows.push(grid[r] ?? []);
    nums.push(r + 1);
  }
  return new RawTable(s, header, rows, nums, name);
}

/** The BIFF8 reader's view of each .xls source read so far (null: it does not read that file). */
const xlsBooks = new Map<string, XlsBook | null>();

/** Set CSC_XLS_READER=library to read .xls workbooks with the xlsx library only. */
const XLS_READER = process.env.CSC_XLS_READER !== "library";

/**
 * Raw grid of a sheet (rows of cells), for sheets whose header spans several rows: as `sheet_to_json`
 * with `header: 1, raw: true, defval: null, blankrows: true` gives it. An Excel 97–2003 workbook is read by the BIFF8 reader (src/data/xls.ts), which parses only the
 * sheet asked for and gives the same grid several times faster; a workbook it does not read, and
 * every other spreadsheet, by the xlsx library.
 */
export function readGrid(id: string, sheet: string | RegExp, opts: { sheets?: string[]; dense?: boolean; verify?: boolean } = {}): { grid: unknown[][]; sheet: string; source: Source } {
  const s = source(id);
  const pick = (names: string[]) => {
    const name = typeof sheet === "string" ? names.find((n) => n === sheet) : names.find((n) => sheet.test(n));
    if (!name) throw new DataError(`${s.file}: no sheet ${typeof sheet === "string" ? `"${sheet}"` : String(sheet)}; sheets found: ${names.join(", ")}`, s.file);
    return name;
  };
  if (XLS_READER && /\.xls$/i.test(s.file)) {
    let book = xlsBooks.get(id);
    if (book === undefined) {
      const bytes = readBytes(s, opts.verify ?? true);
      book = null;
      if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
        try {
          book = openXls(bytes, xlsx().CFB);
        } catch (e) {
          if (!(e instanceof XlsUnsupported)) throw e;
        }
      }
      xlsBooks.set(id, book);
    }
    if (book) {
      const name = pick(book.names);
      try {
        return { grid: xlsGrid(book, name, opts.dense ?? false), sheet: name, source: s };
      } catch (e) {
        if (!(e instanceof XlsUnsupported)) throw e;
      }
    }
  }
  const wb = openWorkbook(id, opts);
  const name = pick(wb.SheetNames);
  const grid = xlsx().utils.sheet_to_json<unknown[]>(wb.Sheets[name], { header: 1, raw: true, defval: null, blankrows: true });
  return { grid, sheet: name, source: s };
}
