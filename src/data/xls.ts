/**
 * A reader of the cell values of Excel 97–2003 workbooks (BIFF8 in an OLE2 compound file), for the
 * one job the project asks of them: the grid of one worksheet, exactly as the xlsx library's
 * `sheet_to_json(sheet, { header: 1, raw: true, defval: null, blankrows: true })` returns it, without
 * parsing the workbook's other sheets, formats and formulas. It reads the workbook stream's globals
 * once (sheet names, their offsets, the shared strings) and then only the records of the sheet asked
 * for; a record it was not written for makes it refuse (`XlsUnsupported`), and the caller falls back
 * to the library. test/integration/xls-reader.test.ts compares it with the library on every sheet of
 * every .xls file in the manifest.
 *
 * The records read ([MS-XLS] 2.4): BOF, EOF, CONTINUE, FILEPASS, BOUNDSHEET8, SST, DIMENSIONS, NUMBER,
 * RK, MULRK, LABELSST, LABEL, BOOLERR, FORMULA and the STRING that follows a formula with a text result.
 */
import type * as XLSXTypes from "xlsx";

/** The workbook holds something this reader does not read; the caller uses the xlsx library instead. */
export class XlsUnsupported extends Error {}

export interface XlsBook {
  /** Sheet names, in the workbook's order (every kind of sheet, as the library lists them). */
  names: string[];
  sheets: { name: string; pos: number; type: number }[];
  sst: string[];
  stream: Buffer;
}

const BOF = 0x0809;
/** Scratch bytes for decoding an RK number's double. */
const RK_BITS = Buffer.alloc(8);
const EOF = 0x000a;
const CONTINUE = 0x003c;

/** Reads the globals of a BIFF8 workbook: its sheets and shared strings. */
export function openXls(bytes: Buffer, CFB: typeof XLSXTypes.CFB): XlsBook {
  let stream: Buffer;
  try {
    const cfb = CFB.read(bytes, { type: "buffer" });
    if (CFB.find(cfb, "/encryption")) throw new XlsUnsupported("encrypted");
    const wb = CFB.find(cfb, "/Workbook");
    if (!wb || !wb.content) throw new XlsUnsupported("no BIFF8 Workbook stream");
    const c = wb.content as Uint8Array;
    stream = Buffer.from(c.buffer, c.byteOffset, c.byteLength);
  } catch (e) {
    if (e instanceof XlsUnsupported) throw e;
    throw new XlsUnsupported(`not a compound file the reader knows: ${(e as Error).message}`);
  }
  if (stream.length < 8 || stream.readUInt16LE(0) !== BOF || stream.readUInt16LE(4) !== 0x0600) throw new XlsUnsupported("not BIFF8");
  const sheets: XlsBook["sheets"] = [];
  let sst: string[] = [];
  let p = 0;
  let depth = 0;
  while (p + 4 <= stream.length) {
    const type = stream.readUInt16LE(p);
    const len = stream.readUInt16LE(p + 2);
    const d = p + 4;
    if (d + len > stream.length) throw new XlsUnsupported("truncated record");
    if (type === BOF) depth++;
    else if (type === EOF) {
      if (--depth === 0) break;
    } else if (type === 0x002f) throw new XlsUnsupported("encrypted (FILEPASS)");
    else if (type === 0x0085) {
      const pos = stream.readUInt32LE(d);
      const kind = stream[d + 5];
      const cch = stream[d + 6];
      const high = stream[d + 7] & 1;
      let name = high ? stream.toString("utf16le", d + 8, d + 8 + 2 * cch) : stream.toString("latin1", d + 8, d + 8 + cch);
      if (name.length === 0) name = "Sheet1";
      sheets.push({ name, pos, type: kind });
    } else if (type === 0x00fc) {
      const segs = [stream.subarray(d, d + len)];
      let q = d + len;
      while (q + 4 <= stream.length && stream.readUInt16LE(q) === CONTINUE) {
        const l = stream.readUInt16LE(q + 2);
        segs.push(stream.subarray(q + 4, q + 4 + l));
        q += 4 + l;
      }
      sst = readSst(segs);
      p = q;
      continue;
    }
    p = d + len;
  }
  return { names: sheets.map((s) => s.name), sheets, sst, stream };
}

/** The shared strings, from the SST record and its CONTINUE records (a string's characters may go on in the next record, after a byte giving their width). */
function readSst(segs: Buffer[]): string[] {
  const buf = Buffer.concat(segs);
  const starts = new Set<number>();
  let at = 0;
  for (const s of segs) {
    starts.add(at);
    at += s.length;
  }
  const unique = buf.readUInt32LE(4);
  const out: string[] = [];
  let p = 8;
  for (let i = 0; i < unique && p < buf.length; i++) {
    const cch = buf.readUInt16LE(p);
    const flags = buf[p + 2];
    p += 3;
    let runs = 0;
    let ext = 0;
    if (flags & 0x08) {
      runs = buf.readUInt16LE(p);
      p += 2;
    }
    if (flags & 0x04) {
      ext = buf.readUInt32LE(p);
      p += 4;
    }
    let wide = (flags & 1) === 1;
    let text = "";
    let from = p;
    for (let k = 0; k < cch; k++) {
      if (starts.has(p) && p !== 0) {
        // a record boundary inside the characters: the next byte gives the width of the rest
        text += wide ? buf.toString("utf16le", from, p) : buf.toString("latin1", from, p);
        wide = (buf[p] & 1) === 1;
        p += 1;
        from = p;
      }
      p += wide ? 2 : 1;
    }
    text += wide ? buf.toString("utf16le", from, p) : buf.toString("latin1", from, p);
    p += 4 * runs + ext;
    out.push(text);
  }
  if (out.length !== unique) throw new XlsUnsupported(`shared strings: ${out.length} read of ${unique}`);
  return out;
}

/** A cell's value as `sheet_to_json` with `raw: true` gives it (error values are null, as with `defval: null`). */
type Value = number | string | boolean | null;

/**
 * The grid of one worksheet: rows from the first to the last of its range, each as long as the range
 * is wide, with null where there is no value. `dense` gives what the library gives for a sheet read in
 * dense mode, where a row with no cell at all (other than the first) is an empty array.
 */
export function xlsGrid(book: XlsBook, name: string, dense: boolean): unknown[][] {
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) throw new XlsUnsupported(`no sheet "${name}"`);
  if (sheet.type !== 0) throw new XlsUnsupported(`"${name}" is not a worksheet`);
  const st = book.stream;
  let p = sheet.pos;
  if (p + 8 > st.length || st.readUInt16LE(p) !== BOF || st.readUInt16LE(p + 4) !== 0x0600) throw new XlsUnsupported(`sheet "${name}": no BIFF8 BOF at its offset`);
  const rows: Value[][] = [];
  let depth = 0;
  let dims: { r: number; R: number; c: number; C: number } | undefined;
  let sr = Infinity, sc = Infinity, er = 0, ec = 0;
  let pendingFormula: { r: number; c: number } | undefined;
  const put = (r: number, c: number, v: Value) => {
    if (!dims) throw new XlsUnsupported(`sheet "${name}": a cell before the DIMENSIONS record`);
    (rows[r] ??= [])[c] = v;
    if (r < sr) sr = r;
    if (c < sc) sc = c;
    if (r + 1 > er) er = r + 1;
    if (c + 1 > ec) ec = c + 1;
  };
  const rk = (x: number): number => {
    let v: number;
    if (x & 2) v = x >> 2;
    else {
      // the 30 high bits of a double, the low 34 zero
      RK_BITS.writeInt32LE(0, 0);
      RK_BITS.writeInt32LE(x & ~3, 4);
      v = RK_BITS.readDoubleLE(0);
    }
    return x & 1 ? v / 100 : v;
  };
  for (;;) {
    if (p + 4 > st.length) throw new XlsUnsupported(`sheet "${name}": no EOF`);
    const type = st.readUInt16LE(p);
    const len = st.readUInt16LE(p + 2);
    const d = p + 4;
    p = d + len;
    if (p > st.length) throw new XlsUnsupported(`sheet "${name}": truncated record`);
    if (type === BOF) {
      depth++;
      continue;
    }
    if (type === EOF) {
      if (--depth === 0) break;
      continue;
    }
    if (depth !== 1) continue;
    if (pendingFormula && type !== 0x0207 && type !== 0x04bc && type !== 0x0221 && type !== 0x0236) {
      throw new XlsUnsupported(`sheet "${name}": a formula with a text result is not followed by its STRING record`);
    }
    switch (type) {
      case 0x0200: // DIMENSIONS: first row, last row + 1, first column, last column + 1
        dims = { r: st.readUInt32LE(d), R: st.readUInt32LE(d + 4), c: st.readUInt16LE(d + 8), C: st.readUInt16LE(d + 10) };
        break;
      case 0x0203: // NUMBER
        put(st.readUInt16LE(d), st.readUInt16LE(d + 2), st.readDoubleLE(d + 6));
        break;
      case 0x027e: // RK
        put(st.readUInt16LE(d), st.readUInt16LE(d + 2), rk(st.readInt32LE(d + 6)));
        break;
      case 0x00bd: { // MULRK
        const r = st.readUInt16LE(d);
        const c0 = st.readUInt16LE(d + 2);
        const n = (len - 6) / 6;
        if (!Number.isInteger(n) || st.readUInt16LE(d + len - 2) !== c0 + n - 1) throw new XlsUnsupported(`sheet "${name}": a MULRK record of unexpected length`);
        for (let k = 0; k < n; k++) put(r, c0 + k, rk(st.readInt32LE(d + 4 + 6 * k + 2)));
        break;
      }
      case 0x00fd: { // LABELSST
        const i = st.readUInt32LE(d + 6);
        if (i >= book.sst.length) throw new XlsUnsupported(`sheet "${name}": shared string ${i} does not exist`);
        put(st.readUInt16LE(d), st.readUInt16LE(d + 2), book.sst[i]);
        break;
      }
      case 0x0204: { // LABEL (an XLUnicodeString in the record)
        const cch = st.readUInt16LE(d + 6);
        if (cch === 0) {
          put(st.readUInt16LE(d), st.readUInt16LE(d + 2), "");
          break;
        }
        const wide = st[d + 8] & 1;
        if (9 + cch * (wide ? 2 : 1) > len) throw new XlsUnsupported(`sheet "${name}": a LABEL record continues`);
        put(st.readUInt16LE(d), st.readUInt16LE(d + 2), wide ? st.toString("utf16le", d + 9, d + 9 + 2 * cch) : st.toString("latin1", d + 9, d + 9 + cch));
        break;
      }
      case 0x0205: { // BOOLERR
        if (len !== 8) throw new XlsUnsupported(`sheet "${name}": a BOOLERR record of unexpected length`);
        const isError = st[d + 7] === 1;
        put(st.readUInt16LE(d), st.readUInt16LE(d + 2), isError ? null : st[d + 6] === 1);
        break;
      }
      case 0x0006: { // FORMULA: its cached result
        const r = st.readUInt16LE(d);
        const c = st.readUInt16LE(d + 2);
        if (st.readUInt16LE(d + 12) !== 0xffff) put(r, c, st.readDoubleLE(d + 6));
        else {
          switch (st[d + 6]) {
            case 0: pendingFormula = { r, c }; break; // the text follows in a STRING record
            case 1: put(r, c, st[d + 8] === 1); break;
            case 2: put(r, c, null); break;
            case 3: put(r, c, ""); break;
            default: throw new XlsUnsupported(`sheet "${name}": a formula result of unknown type ${st[d + 6]}`);
          }
        }
        break;
      }
      case 0x0207: { // STRING: the text result of the formula before it
        if (!pendingFormula) throw new XlsUnsupported(`sheet "${name}": a STRING record without a formula`);
        if (p + 4 <= st.length && st.readUInt16LE(p) === CONTINUE) throw new XlsUnsupported(`sheet "${name}": a STRING record continues`);
        const cch = st.readUInt16LE(d);
        const wide = st[d + 2] & 1;
        put(pendingFormula.r, pendingFormula.c, cch === 0 ? "" : wide ? st.toString("utf16le", d + 3, d + 3 + 2 * cch) : st.toString("latin1", d + 3, d + 3 + cch));
        pendingFormula = undefined;
        break;
      }
      // records that would add cells, or values, this reader does not produce
      case 0x001c: // NOTE (the library adds an empty cell for a comment)
      case 0x00d6: // RSTRING
      case 0x0000: case 0x0002: case 0x0003: case 0x0004: case 0x0005: case 0x0007: // BIFF2-4 cells
        throw new XlsUnsupported(`sheet "${name}": record 0x${type.toString(16)}`);
      default:
        break;
    }
  }
  if (!dims) throw new XlsUnsupported(`sheet "${name}": no DIMENSIONS record`);
  // the range: the DIMENSIONS record's, widened to every cell
  const r0 = Math.min(dims.r, sr);
  const c0 = Math.min(dims.c, sc);
  const r1 = Math.max(dims.R, er) - 1;
  const c1 = Math.max(dims.C, ec) - 1;
  if (!(r1 + 1 > 0 && c1 + 1 > 0)) return [];
  const grid: unknown[][] = [];
  for (let r = r0; r <= r1; r++) {
    const src = rows[r];
    if (!src && dense && r !== r0) {
      grid.push([]);
      continue;
    }
    const row: Value[] = new Array(c1 - c0 + 1);
    for (let c = c0; c <= c1; c++) {
      const v = src?.[c];
      row[c - c0] = v === undefined ? null : v;
    }
    grid.push(row);
  }
  return grid;
}
