/**
 * The CSV reader of `csc-factcheck panel`: streams the file in chunks (no file-sized string, so
 * files of any size are read), parses RFC 4180 records (quoted fields with commas, doubled quotes
 * and line breaks; line ends \n, \r\n or \r), and keeps only the columns the model needs:
 * numbers in Float64Arrays, entity and time labels as text, encoded once.
 *
 * Every record must have as many fields as the header: a row with a field too many (an unquoted
 * "12,010", or "Bath, NE Somerset") is an error naming its line, never a silent shift of the
 * columns after it. Cells quoted in error messages are shown with control characters escaped.
 */
import * as fs from "node:fs";
import type { CodedLabels } from "../stats/panel";

/** Cell values treated as missing (case-insensitive). */
const MISSING = new Set(["", "na", "nan", "null", "."]);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** A problem with the file: the message names it, and the line. */
export class PanelCsvError extends Error {}

/** Names of the columns to read. */
export interface PanelCsvSpec {
  y: string;
  x: string[];
  entity: string;
  time?: string;
}

/** The columns read: numbers (NaN where missing) and labels (code −1 where missing). */
export interface PanelCsvColumns {
  y: Float64Array;
  x: Record<string, Float64Array>;
  entity: CodedLabels;
  time?: CodedLabels;
  /** Data records read (the header not counted). */
  records: number;
}

/**
 * Text from a file made safe to print on a terminal: control characters (and the Unicode line
 * and direction controls) escaped as \\u{..}, cut to `max` characters.
 *
 * @example printable("a\x1b[31mb") // => "a\\u{1b}[31mb"
 */
export function printable(s: string, max = 60): string {
  const t = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * Labels encoded as they are read. A label written as digits without a leading zero ("17", "2001",
 * "0") is looked up by its value (the text is then determined by the value, so "017" and "17"
 * still differ: "017" takes the text path); any other label by its text. The text of a label is
 * decoded only the first time it is seen.
 */
class Labels {
  codes: Int32Array;
  n = 0;
  /** code + 1 by value, for digit labels below 2^22 */
  direct = new Int32Array(1024);
  byValue = new Map<number, number>();
  byText = new Map<string, number>();
  levels: string[] = [];
  constructor(cap: number) {
    this.codes = new Int32Array(cap);
  }
  private put(c: number): void {
    if (this.n === this.codes.length) {
      const b = new Int32Array(this.codes.length * 2);
      b.set(this.codes);
      this.codes = b;
    }
    this.codes[this.n++] = c;
  }
  private add(text: string): number {
    const c = this.levels.length;
    this.levels.push(text);
    return c;
  }
  /** The label in buf[s, e) (unquoted, already trimmed). */
  pushBytes(buf: Buffer, s: number, e: number): void {
    const len = e - s;
    if (len > 0 && len <= 15 && (buf[s] !== 0x30 || len === 1)) {
      let v = 0;
      let i = s;
      for (; i < e; i++) {
        const d = buf[i] - 0x30;
        if (d < 0 || d > 9) break;
        v = v * 10 + d;
      }
      if (i === e) {
        if (v < 4194304) {
          if (v >= this.direct.length) {
            let size = this.direct.length;
            while (size <= v) size *= 2;
            const b = new Int32Array(size);
            b.set(this.direct);
            this.direct = b;
          }
          let c = this.direct[v] - 1;
          if (c < 0) {
            c = this.add(buf.toString("latin1", s, e));
            this.direct[v] = c + 1;
          }
          this.put(c);
          return;
        }
        let c = this.byValue.get(v);
        if (c === undefined) {
          c = this.add(buf.toString("latin1", s, e));
          this.byValue.set(v, c);
        }
        this.put(c);
        return;
      }
    }
    this.pushText(buf.toString("utf8", s, e));
  }
  /** A label given as text (trimmed). */
  pushText(text: string): void {
    if (text.length <= 4 && (text.length === 0 || MISSING.has(text.toLowerCase()))) {
      this.put(-1);
      return;
    }
    let c = this.byText.get(text);
    if (c === undefined) {
      // digit labels without a leading zero live in the value tables
      if (/^(0|[1-9]\d{0,14})$/.test(text)) {
        const b = Buffer.from(text, "latin1");
        this.pushBytes(b, 0, b.length);
        return;
      }
      c = this.add(text);
      this.byText.set(text, c);
    }
    this.put(c);
  }
  done(): CodedLabels {
    return { codes: this.codes.subarray(0, this.n), levels: this.levels };
  }
}

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

/** Roles of a field (bit flags: a column may be both a regressor and the time label). */
const Y = 1;
const X = 2;
const ENTITY = 4;
const TIME = 8;

/**
 * Reads the needed columns of a CSV file.
 *
 * @param file path of the CSV file
 * @param spec the columns wanted (y, x, entity, time)
 * @param opts chunkSize: bytes read at a time (default 16 MiB)
 * @throws {PanelCsvError} naming the file and the line: a record with the wrong number of fields,
 *   a cell that is not a number, a quote left open, a column missing or named twice
 */
export function readPanelCsv(file: string, spec: PanelCsvSpec, opts: { chunkSize?: number } = {}): PanelCsvColumns {
  const chunkSize = Math.max(1, Math.floor(opts.chunkSize ?? 16 * 1024 * 1024));
  const where = `"${printable(file, 200)}"`;
  const fail = (line: number, what: string, row?: number) => new PanelCsvError(`panel: ${where} line ${line}${row ? ` (data row ${row})` : ""}: ${what}`);
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
    if (fs.fstatSync(fd).isDirectory()) {
      fs.closeSync(fd);
      throw Object.assign(new Error("is a folder"), { code: "EISDIR" });
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new PanelCsvError(`panel: cannot read --data ${where}: ${why}`);
  }

  // header state
  let header: string[] | null = null;
  let nFields = 0;
  let roles: number[] = [];
  let xIndex: number[] = []; // field → index in spec.x (for Role.X)
  // columns as typed arrays, sized from the file's length (grown if the guess is short)
  let cap = 1 << 16;
  try {
    cap = Math.max(cap, Math.ceil(fs.fstatSync(fd).size / 16));
  } catch {
    /* a pipe: start small */
  }
  let yArr = new Float64Array(cap);
  let xArr = spec.x.map(() => new Float64Array(cap));
  const grow = () => {
    const bigger = (a: Float64Array) => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    yArr = bigger(yArr);
    xArr = xArr.map(bigger);
    cap *= 2;
  };
  const ent = new Labels(cap);
  const tim = new Labels(cap);
  let records = 0;

  // per-record field bounds
  let fStart = new Int32Array(64);
  let fEnd = new Int32Array(64);
  let fQuoted = new Uint8Array(64);

  const fieldText = (buf: Buffer, k: number): string => {
    const s = fStart[k];
    const e = fEnd[k];
    if (!fQuoted[k]) return buf.toString("utf8", s, e);
    return buf.toString("utf8", s, e).replace(/""/g, '"');
  };

  const numberAt = (buf: Buffer, k: number, name: string, line: number): number => {
    const s = fStart[k];
    const e = fEnd[k];
    if (s === e) return NaN;
    if (!fQuoted[k]) {
      // fast path: [+-]digits[.digits] with at most 15 digits is exact as integer / 10^decimals
      let i = s;
      let neg = false;
      const c0 = buf[i];
      if (c0 === 0x2d || c0 === 0x2b) {
        neg = c0 === 0x2d;
        i++;
      }
      let mant = 0;
      let digits = 0;
      let frac = 0;
      let dot = false;
      let simple = i < e;
      for (; i < e; i++) {
        const c = buf[i];
        if (c >= 0x30 && c <= 0x39) {
          if (++digits > 15) {
            simple = false;
            break;
          }
          mant = mant * 10 + (c - 0x30);
          if (dot) frac++;
        } else if (c === 0x2e && !dot) dot = true;
        else {
          simple = false;
          break;
        }
      }
      if (simple && digits > 0) {
        const v = frac ? mant / POW10[frac] : mant;
        return neg ? -v : v;
      }
    }
    const text = fieldText(buf, k).trim();
    if (NUMBER.test(text)) return Number(text);
    if (MISSING.has(text.toLowerCase())) return NaN;
    throw fail(line, `column "${printable(name)}": "${printable(text)}" is not a number`, records);
  };

  const onHeader = (buf: Buffer, n: number, line: number) => {
    header = [];
    for (let k = 0; k < n; k++) header.push(fieldText(buf, k).trim());
    nFields = n;
    roles = new Array<number>(n).fill(0);
    xIndex = new Array<number>(n).fill(-1);
    const h = header;
    const shown = () => {
      const list = h.slice(0, 20).map((c) => printable(c, 40));
      return `${list.join(", ")}${h.length > 20 ? `, … (${h.length} columns)` : ""}`;
    };
    const find = (name: string, flag: string): number => {
      const at: number[] = [];
      h.forEach((c, i) => {
        if (c === name) at.push(i);
      });
      if (at.length === 0) throw new PanelCsvError(`panel: column "${printable(name)}" (--${flag}) not found in ${where}; columns found: ${shown()}`);
      if (at.length > 1) throw new PanelCsvError(`panel: column "${printable(name)}" (--${flag}) appears ${at.length} times in the header of ${where} (columns ${at.map((i) => i + 1).join(" and ")}): which to read cannot be told`);
      return at[0];
    };
    void line;
    roles[find(spec.y, "y")] |= Y;
    spec.x.forEach((nm, k) => {
      const j = find(nm, "x");
      roles[j] |= X;
      xIndex[j] = k;
    });
    roles[find(spec.entity, "entity")] |= ENTITY;
    if (spec.time !== undefined) roles[find(spec.time, "time")] |= TIME;
  };

  const onRecord = (buf: Buffer, n: number, line: number) => {
    if (header === null) {
      onHeader(buf, n, line);
      return;
    }
    if (n !== nFields) {
      const hint = n > nFields ? " (a value holding a comma, such as 12,010 or Bath, NE Somerset, must be quoted)" : "";
      throw fail(line, `has ${n} field${n === 1 ? "" : "s"}, but the header has ${nFields}${hint}`, records + 1);
    }
    const at = records++;
    if (at === cap) grow();
    for (let k = 0; k < n; k++) {
      const r = roles[k];
      if (r === 0) continue;
      if (r & Y) yArr[at] = numberAt(buf, k, spec.y, line);
      if (r & X) xArr[xIndex[k]][at] = numberAt(buf, k, spec.x[xIndex[k]], line);
      if (r & ENTITY) {
        if (fQuoted[k]) ent.pushText(fieldText(buf, k).trim());
        else ent.pushBytes(buf, fStart[k], fEnd[k]);
      }
      if (r & TIME) {
        if (fQuoted[k]) tim.pushText(fieldText(buf, k).trim());
        else tim.pushBytes(buf, fStart[k], fEnd[k]);
      }
    }
  };

  /**
   * Parses the records of buf[0..len); returns the offset where an incomplete record begins (len
   * when none), and the line number reached. At eof a last record without a line end is complete.
   */
  let line = 1;
  const parse = (buf: Buffer, len: number, eof: boolean, startLine: number): { consumed: number; line: number } => {
    let pos = 0;
    let ln = startLine;
    while (pos < len) {
      const recStart = pos;
      const recLine = ln;
      let n = 0;
      let i = pos;
      let complete = false;
      let blank = true;
      for (;;) {
        // one field
        while (i < len && (buf[i] === SPACE || buf[i] === TAB)) i++;
        if (n === fStart.length) {
          const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
            const b = new (a.constructor as new (k: number) => T)(a.length * 2);
            b.set(a);
            return b;
          };
          fStart = grow(fStart);
          fEnd = grow(fEnd);
          fQuoted = grow(fQuoted);
        }
        if (i < len && buf[i] === QUOTE) {
          blank = false;
          const qLine = ln;
          i++;
          const s = i;
          let closed = false;
          while (i < len) {
            const c = buf[i];
            if (c === QUOTE) {
              if (i + 1 < len && buf[i + 1] === QUOTE) {
                i += 2;
                continue;
              }
              if (i + 1 >= len && !eof) break; // cannot tell yet
              closed = true;
              break;
            }
            if (c === LF) ln++;
            else if (c === CR && !(i + 1 < len && buf[i + 1] === LF)) ln++;
            i++;
          }
          if (!closed) {
            if (!eof) return { consumed: recStart, line: recLine };
            throw fail(qLine, "a quoted field is opened and never closed");
          }
          fStart[n] = s;
          fEnd[n] = i;
          fQuoted[n] = 1;
          i++; // closing quote
          while (i < len && (buf[i] === SPACE || buf[i] === TAB)) i++;
          if (i < len && buf[i] !== COMMA && buf[i] !== LF && buf[i] !== CR) {
            throw fail(ln, `unexpected text after a closing quote: "${printable(buf.toString("utf8", i, Math.min(len, i + 20)))}"`);
          }
        } else {
          const s = i;
          while (i < len) {
            const c = buf[i];
            if (c === COMMA || c === LF || c === CR) break;
            if (c === QUOTE) throw fail(ln, `a quote inside an unquoted field: "${printable(buf.toString("utf8", s, Math.min(len, i + 20)))}"`);
            i++;
          }
          let e = i;
          while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
          if (e > s) blank = false;
          fStart[n] = s;
          fEnd[n] = e;
          fQuoted[n] = 0;
        }
        n++;
        if (i >= len) {
          if (!eof) return { consumed: recStart, line: recLine };
          complete = true;
          pos = len;
          break;
        }
        const c = buf[i];
        if (c === COMMA) {
          blank = false;
          i++;
          continue;
        }
        // a line end
        if (c === CR) {
          if (i + 1 >= len && !eof) return { consumed: recStart, line: recLine };
          i += i + 1 < len && buf[i + 1] === LF ? 2 : 1;
        } else i++;
        ln++;
        complete = true;
        pos = i;
        break;
      }
      if (complete && !(blank && n === 1)) onRecord(buf, n, recLine);
    }
    return { consumed: len, line: ln };
  };

  try {
    // one buffer: the unparsed tail of the last read (an incomplete record) is moved to its start
    // and the next read goes after it
    let buf = Buffer.allocUnsafe(Math.max(chunkSize, 1) * 2);
    let carry = 0;
    let first = true;
    for (;;) {
      if (buf.length - carry < chunkSize) {
        const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, carry + chunkSize));
        buf.copy(bigger, 0, 0, carry);
        buf = bigger;
      }
      const got = fs.readSync(fd, buf, carry, chunkSize, null);
      const eof = got === 0;
      let len = carry + got;
      let off = 0;
      if (first && len >= 3) {
        first = false;
        if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) off = 3;
      } else if (first && eof) first = false;
      else if (first) {
        carry = len;
        continue;
      }
      const view = off ? buf.subarray(off, len) : buf;
      if (off) len -= off;
      const r = parse(view, len, eof, line);
      line = r.line;
      carry = len - r.consumed;
      if (carry > 0) view.copy(buf, 0, r.consumed, len);
      if (eof) break;
    }
  } finally {
    fs.closeSync(fd);
  }
  if (header === null) throw new PanelCsvError(`panel: ${where} is empty`);
  const x: Record<string, Float64Array> = {};
  spec.x.forEach((nm, k) => (x[nm] = xArr[k].subarray(0, records)));
  return { y: yArr.subarray(0, records), x, entity: ent.done(), time: spec.time !== undefined ? tim.done() : undefined, records };
}
