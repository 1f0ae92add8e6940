import * as fs from "node:fs";
import * as path from "node:path";
import * as crypto from "node:crypto";
import { Worker, isMainThread } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import { cacheDir } from "../paths";
import { Source, removeStaleTemporaries, sha256, verifySource, writeAtomic } from "./sources";

/**
 * The cache of tidy tables and slow results.
 *
 * An entry is one file: a header line (JSON: format, name, key, the sha256 of the payload and its
 * length) and the payload (JSON, with long arrays of flat records stored column by column: see
 * `packJson`). On load the payload's sha256 is recomputed and compared with the header's: an entry
 * that was edited, truncated or emptied is rebuilt, and a line on stderr says so.
 *
 * The key of an entry is a hash of its name, the sha256 of each source file (from the manifest),
 * and the hash of the code that builds it (`codeHash`): the module that asks for the table and
 * every project module it imports, directly or not. Editing a table builder, or anything it uses,
 * therefore changes the key; no version number has to be bumped by hand.
 */

let building = 0;
/** Build locks this thread holds: while it holds one it never waits for another (no two threads can wait for each other). */
let holding = 0;

/** True while a cached table is being built (its reads are not cached on their own). */
export function insideBuild(): boolean {
  return building > 0;
}

/** Counts of cache hits and builds in this process (shown by the CLI and the benchmark). */
export const cacheStats = { hits: 0, builds: 0, rebuiltDamaged: 0 };

let progress: ((msg: string) => void) | undefined;

/** With CSC_TRACE=1, a timeline of cache misses, waits and builds on stderr (thread, seconds since start). */
const TRACE = process.env.CSC_TRACE === "1";
function trace(msg: string): void {
  if (TRACE) process.stderr.write(`[trace ${(performance.now() / 1000).toFixed(2)} s ${isMainThread ? "main" : "worker"}] ${msg}\n`);
}

/** Where to report the building of a table (the CLI shows it during a cold run). */
export function onBuild(fn: ((msg: string) => void) | undefined): void {
  progress = fn;
}

let warn: (msg: string) => void = (msg) => process.stderr.write(`csc-factcheck: ${msg}\n`);

/** Where to say that a cache entry was damaged and is rebuilt (default: a line on stderr). */
export function onCacheWarning(fn: (msg: string) => void): () => void {
  const old = warn;
  warn = fn;
  return () => {
    warn = old;
  };
}

const FORMAT = 2;
/** Marks an array stored column by column. */
const PACKED = "__csc_packed_records__";

// ---------------------------------------------------------------------------
// The code that builds a table
// ---------------------------------------------------------------------------

const fileHashes = new Map<string, string>();

function hashFile(file: string): string {
  let h = fileHashes.get(file);
  if (h === undefined) {
    try {
      h = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
    } catch {
      h = "unreadable";
    }
    fileHashes.set(file, h);
  }
  return h;
}

/** Files a module imports by a relative path (require, import ... from, import()), resolved. */
function localImports(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return [];
  }
  const out: string[] = [];
  const re = /(?:require\(\s*|from\s+|import\(\s*)["'](\.{1,2}\/[^"']+)["']/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const base = path.resolve(path.dirname(file), m[1]);
    const ext = path.extname(file);
    for (const cand of [base, `${base}${ext}`, `${base}.js`, `${base}.ts`, path.join(base, `index${ext}`), path.join(base, "index.js"), path.join(base, "index.ts")]) {
      try {
        if (fs.statSync(cand).isFile()) {
          out.push(cand);
          break;
        }
      } catch {
        /* next candidate */
      }
    }
  }
  return out;
}

const closures = new Map<string, string>();

/**
 * A hash of a module and of every project module it imports, directly or not (followed through
 * relative imports), with the versions of the parsers (xlsx, csv-parse): the code that builds an
 * entry, and only that code.
 */
function closureHash(file: string): string {
  let h = closures.get(file);
  if (h !== undefined) return h;
  const seen = new Set<string>();
  const stack = [path.resolve(file)];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const g of localImports(f)) if (!seen.has(g)) stack.push(g);
  }
  const root = path.resolve(__dirname, "..", "..");
  const hash = crypto.createHash("sha256");
  for (const f of [...seen].sort()) hash.update(`${path.relative(root, f)}\0${hashFile(f)}\n`);
  hash.update(parserVersions());
  h = hash.digest("hex");
  closures.set(file, h);
  return h;
}

let versions: string | undefined;
function parserVersions(): string {
  if (versions !== undefined) return versions;
  versions = "";
  for (const pkg of ["xlsx", "csv-parse"]) {
    try {
      versions += `${pkg}@${(JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), "utf8")) as { version: string }).version}\n`;
    } catch {
      versions += `${pkg}@unknown\n`;
    }
  }
  return versions;
}

/**
 * The file of the first stack frame outside this module and inside the project (not under
 * node_modules): the project module that asked for the entry.
 */
function callerFile(): string | undefined {
  const stack = new Error().stack ?? "";
  const root = path.resolve(__dirname, "..", "..");
  for (const line of stack.split("\n").slice(1)) {
    const m = /\(?((?:[A-Za-z]:)?[\\/][^():]*?\.[cm]?[jt]s):\d+:\d+\)?\s*$/.exec(line.trim());
    if (!m) continue;
    const file = path.resolve(m[1]);
    if (file === path.resolve(__filename)) continue;
    if (!file.startsWith(root + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    return file;
  }
  return undefined;
}

/**
 * A hash of the code that builds an entry: the module that asks for it and every project module it
 * imports, directly or through others (and this module's own imports when no caller is found).
 *
 * @param caller the file of the code asking (found from the call stack when omitted)
 */
export function codeHash(caller = callerFile()): string {
  return closureHash(caller ?? __filename);
}

/** Forgets the hashes of code files (a test edits a builder and asks again). */
export function forgetCodeHashes(): void {
  fileHashes.clear();
  closures.clear();
}

// ---------------------------------------------------------------------------
// The payload: JSON, long arrays of flat records column by column
// ---------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isFlatRecord = (o: unknown): o is Record<string, unknown> => {
  if (o === null || typeof o !== "object" || Array.isArray(o)) return false;
  if (Object.getPrototypeOf(o) !== Object.prototype && Object.getPrototypeOf(o) !== null) return false;
  for (const k in o) {
    const v = (o as Record<string, unknown>)[k];
    if (v !== null && typeof v === "object") return false;
    if (typeof v === "function" || typeof v === "symbol" || typeof v === "bigint") return false;
  }
  return true;
};

/** A JSON value as JSON.stringify would give it (NaN and ±Infinity become null). */
const jsonScalar = (v: unknown): Json => (typeof v === "number" && !Number.isFinite(v) ? null : (v as Json));

/**
 * Rewrites a value for storage: every array of at least 16 flat records (objects whose values are
 * strings, numbers, booleans or null) is stored column by column: the union of the records' keys,
 * the distinct key sequences ("shapes") with the shape of each record, and one column per key,
 * either a dictionary of its distinct values with one code per record, or the values themselves.
 * `unpackJson` gives back exactly what `JSON.parse(JSON.stringify(value))` would, each record's
 * keys in its own order.
 *
 * @example
 * const rows = Array.from({ length: 20 }, (_, i) => ({ measure: "referrals", value: i }));
 * unpackJson(JSON.parse(JSON.stringify(packJson(rows)))); // => rows
 */
export function packJson(value: unknown): Json {
  if (Array.isArray(value)) {
    if (value.length >= 16 && value.every(isFlatRecord)) return packRecords(value as Record<string, unknown>[]);
    return value.map((v) => (v === undefined || typeof v === "function" ? null : packJson(v)));
  }
  if (value !== null && typeof value === "object") {
    if (typeof (value as { toJSON?: unknown }).toJSON === "function") return packJson((value as { toJSON: () => unknown }).toJSON());
    const out: { [k: string]: Json } = {};
    for (const k in value as Record<string, unknown>) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined || typeof v === "function") continue;
      setOwn(out, k, packJson(v));
    }
    // an object that happens to carry the marker's name is wrapped, so it is not read as packed
    return Object.prototype.hasOwnProperty.call(out, PACKED) ? ({ [PACKED]: 2, o: out } as unknown as Json) : out;
  }
  return jsonScalar(value);
}

/** Sets an own property, "__proto__" included (as JSON.parse does). */
function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === "__proto__") Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

function packRecords(rows: Record<string, unknown>[]): Json {
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const shapes: number[][] = [];
  const shapeIndex = new Map<string, number>();
  const rowShape = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const shape: number[] = [];
    for (const k in r) {
      if (r[k] === undefined) continue;
      let j = keyIndex.get(k);
      if (j === undefined) {
        keyIndex.set(k, (j = keys.length));
        keys.push(k);
      }
      shape.push(j);
    }
    const sig = shape.join(",");
    let si = shapeIndex.get(sig);
    if (si === undefined) {
      shapeIndex.set(sig, (si = shapes.length));
      shapes.push(shape);
    }
    rowShape[i] = si;
  }
  const cols = keys.map((k) => {
    const dict = new Map<Json, number>();
    const codes = new Array<number>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const v = rows[i][k];
      if (v === undefined) {
        codes[i] = -1;
        continue;
      }
      const j = jsonScalar(v);
      let c = dict.get(j);
      if (c === undefined) dict.set(j, (c = dict.size));
      codes[i] = c;
    }
    if (dict.size <= rows.length / 4) return { d: [...dict.keys()], c: codes };
    return { v: rows.map((r) => (r[k] === undefined ? null : jsonScalar(r[k]))) };
  });
  return { [PACKED]: 1, n: rows.length, k: keys, s: shapes, r: shapes.length === 1 ? null : rowShape, c: cols } as unknown as Json;
}

interface PackedRecords {
  n: number;
  k: string[];
  s: number[][];
  r: number[] | null;
  c: { d?: Json[]; c?: number[]; v?: Json[] }[];
}

function unpackRecords(p: PackedRecords): Record<string, Json>[] {
  const { n, k: keys, s: shapes, r: rowShape } = p;
  // per column: a dictionary and codes, or the values themselves (no per-column copy is made)
  const dicts: (Json[] | null)[] = p.c.map((col) => (col.v ? null : col.d!));
  const data: (number[] | Json[])[] = p.c.map((col) => (col.v ? col.v : col.c!));
  const out = new Array<Record<string, Json>>(n);
  for (let i = 0; i < n; i++) {
    const shape = shapes[rowShape === null ? 0 : rowShape[i]];
    const o: Record<string, Json> = {};
    for (let m = 0; m < shape.length; m++) {
      const j = shape[m];
      const d = dicts[j];
      const v = d === null ? (data[j] as Json[])[i] : d[(data[j] as number[])[i]];
      if (keys[j] === "__proto__") setOwn(o, "__proto__", v);
      else o[keys[j]] = v;
    }
    out[i] = o;
  }
  return out;
}

/** The inverse of `packJson`. */
export function unpackJson(value: Json): unknown {
  if (Array.isArray(value)) return value.map(unpackJson);
  if (value !== null && typeof value === "object") {
    const mark = Object.prototype.hasOwnProperty.call(value, PACKED) ? (value as Record<string, Json>)[PACKED] : undefined;
    if (mark === 1) return unpackRecords(value as unknown as PackedRecords);
    const obj = (mark === 2 ? (value as { o: Json }).o : value) as Record<string, Json>;
    const out: Record<string, unknown> = {};
    for (const k in obj) setOwn(out, k, unpackJson(obj[k]));
    return out;
  }
  return value;
}

// ---------------------------------------------------------------------------
// Entries
// ---------------------------------------------------------------------------

interface Header {
  format: number;
  name: string;
  key: string;
  sha256: string;
  bytes: number;
}

type Loaded<T> = { ok: true; data: T } | { ok: false; why: string | null };

/** Reads an entry; `why` is null when there is none, or says what is wrong with it. */
function load<T>(file: string, key: string): Loaded<T> {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return { ok: false, why: null };
  }
  const nl = buf.indexOf(0x0a);
  let header: Header;
  try {
    header = JSON.parse(buf.subarray(0, nl < 0 ? buf.length : nl).toString("utf8")) as Header;
  } catch {
    return { ok: false, why: "its header is unreadable" };
  }
  if (nl < 0 || typeof header !== "object" || header === null || header.format !== FORMAT || header.key !== key) {
    return { ok: false, why: "its header does not describe this entry" };
  }
  const payload = buf.subarray(nl + 1);
  if (payload.length !== header.bytes || sha256(payload) !== header.sha256) {
    return { ok: false, why: "its content does not match the sha256 recorded with it (edited or damaged)" };
  }
  try {
    return { ok: true, data: unpackJson(JSON.parse(payload.toString("utf8")) as Json) as T };
  } catch {
    return { ok: false, why: "its content is not readable JSON" };
  }
}

/** Writes an entry (a read-only cache folder only costs speed). */
function store(file: string, name: string, key: string, data: unknown): void {
  try {
    const payload = Buffer.from(JSON.stringify(packJson(data)), "utf8");
    const header: Header = { format: FORMAT, name, key, sha256: sha256(payload), bytes: payload.length };
    writeAtomic(file, Buffer.concat([Buffer.from(JSON.stringify(header) + "\n", "utf8"), payload]));
  } catch {
    /* a read-only or full cache folder only costs speed */
  }
}

const relative = (file: string) => {
  const r = path.relative(process.cwd(), file);
  return r.startsWith("..") ? file : r;
};

/**
 * A tidy table built once from its sources and stored under the cache folder. The key is a hash
 * of the name, the sources' sha256s (from the manifest), `version` and the code that builds the
 * table (`codeHash`). Before an entry is used, every source file is verified against the
 * manifest's sha256 (cheaply when the file's size, times and inode are unchanged: see
 * `verifySource`), and the entry's own content against the sha256 recorded with it; a damaged
 * entry is rebuilt and the rebuild is reported.
 *
 * @param name the table's name (part of the file name)
 * @param version an extra number in the key (kept for callers; the code hash makes it optional)
 * @param sources the files the table is built from
 * @param build builds the table
 */
export function cached<T>(name: string, version: number, sources: Source[], build: () => T): T {
  const key = sha256(JSON.stringify({ name, version, sha: sources.map((s) => s.sha256), code: codeHash() })).slice(0, 24);
  const file = path.join(cacheDir(), `${name}-${key}.json`);
  const useCache = process.env.CSC_NO_CACHE !== "1";
  let lock: "held" | "busy" | "none" = "none";
  if (useCache) {
    const hit = load<T>(file, key);
    if (hit.ok) {
      for (const s of sources) verifySource(s);
      cacheStats.hits++;
      return hit.data;
    }
    if (hit.why) {
      cacheStats.rebuiltDamaged++;
      warn(`the cached ${name} table (${relative(file)}) is not used: ${hit.why}; rebuilding it from the official files`);
    }
    coldStart();
    const taken = lockOrWait<T>(file, key, name);
    if (taken.waited) {
      for (const s of sources) verifySource(s);
      cacheStats.hits++;
      return taken.waited.data;
    }
    lock = taken.lock;
  }
  try {
    const t0 = Date.now();
    progress?.(`building the ${name} table from ${sources.length} file${sources.length === 1 ? "" : "s"}…`);
    let data: T;
    building++;
    holding++;
    try {
      data = build();
    } finally {
      building--;
      holding--;
    }
    progress?.(`built the ${name} table in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    trace(`built ${name} in ${((Date.now() - t0) / 1000).toFixed(2)} s`);
    cacheStats.builds++;
    if (useCache) {
      store(file, name, key, data);
      pruneOthers(name, file);
    }
    return data;
  } finally {
    if (lock === "held") release(`${file}.lock`);
  }
}

// ---------------------------------------------------------------------------
// Building an entry once when several threads or processes want it
// ---------------------------------------------------------------------------

let coldHook: (() => void) | undefined;
let cold = false;

/**
 * A function called once, the first time this process misses the cache (a cold run): the command
 * line starts building the slowest tables in a worker thread then.
 */
export function onColdStart(fn: (() => void) | undefined): void {
  coldHook = fn;
}

/**
 * On a cold run (the first cache miss), builds the slowest tables in a worker thread
 * (src/data/prebuild.ts) while this thread builds the others. Set CSC_NO_PREBUILD=1 to build
 * everything in this thread.
 */
export function prebuildWhenCold(): void {
  if (process.env.CSC_NO_PREBUILD === "1") return;
  onColdStart(() => {
    const script = path.join(__dirname, "prebuild.js");
    if (!fs.existsSync(script)) return;
    try {
      const w = new Worker(script);
      w.on("error", () => undefined);
      w.unref();
    } catch {
      /* without the worker this thread builds every table */
    }
  });
}

function coldStart(): void {
  if (cold) return;
  cold = true;
  // temporary files of writers that were killed
  removeStaleTemporaries(cacheDir());
  coldHook?.();
}

/** True when a process with this id is running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the build lock of an entry: "held" (ours), "busy" (a live builder has it) or "none" (no lock possible). */
function acquire(lock: string): "held" | "busy" | "none" {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.mkdirSync(path.dirname(lock), { recursive: true });
      const fd = fs.openSync(lock, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return "held";
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") return "none";
      let pid = NaN;
      try {
        pid = Number(fs.readFileSync(lock, "utf8").trim());
      } catch {
        continue;
      }
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) return "busy";
      try {
        fs.rmSync(lock, { force: true }); // left by a process that died
      } catch {
        return "none";
      }
    }
  }
  return "none";
}

function release(lock: string): void {
  try {
    fs.rmSync(lock, { force: true });
  } catch {
    /* already gone */
  }
}

/**
 * Takes an entry's build lock. When another live thread or process holds it, waits for that builder's
 * entry (`waited`), unless this thread itself holds a lock (the other may be waiting for that one),
 * and then builds it here after all.
 */
function lockOrWait<T>(file: string, key: string, name: string): { lock: "held" | "busy" | "none"; waited?: { ok: true; data: T } } {
  const lock = acquire(`${file}.lock`);
  if (lock !== "busy" || holding > 0) return { lock };
  trace(`waiting for ${name}`);
  const waited = waitFor<T>(file, key, `${file}.lock`);
  trace(`waited for ${name}: ${waited.ok ? "found" : "not found"}`);
  return waited.ok ? { lock, waited } : { lock: acquire(`${file}.lock`) };
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Waits (up to 15 minutes) for another builder's entry; not ok when it gave up or failed. */
function waitFor<T>(file: string, key: string, lock: string): Loaded<T> {
  const until = Date.now() + 15 * 60 * 1000;
  while (Date.now() < until) {
    Atomics.wait(pause, 0, 0, 25);
    if (!fs.existsSync(lock)) return load<T>(file, key);
    let pid = NaN;
    try {
      pid = Number(fs.readFileSync(lock, "utf8").trim());
    } catch {
      continue;
    }
    if (!(Number.isInteger(pid) && pid > 0 && alive(pid))) return { ok: false, why: null };
  }
  return { ok: false, why: null };
}

/** Removes the entries of a table built by other code or from other files (its older versions). */
function pruneOthers(name: string, keep: string): void {
  const re = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-[0-9a-f]{24}\\.json$`);
  try {
    for (const f of fs.readdirSync(path.dirname(keep))) {
      if (re.test(f) && f !== path.basename(keep)) fs.rmSync(path.join(path.dirname(keep), f), { force: true });
    }
  } catch {
    /* nothing to prune */
  }
}

/** The file and full key of a keyed result: its name, its input key and the code computing it. */
function keyedEntry(name: string, key: string, caller: string | undefined): { file: string; full: string } {
  const full = sha256(JSON.stringify({ name, key, code: codeHash(caller ?? callerFile()) }));
  return { file: path.join(cacheDir(), `${name}-${full.slice(0, 24)}.json`), full };
}

/** A keyed result's stored value, if sound (a damaged entry is reported and left to be recomputed). */
function readKeyed<T>(name: string, e: { file: string; full: string }, quiet = false): T | undefined {
  if (process.env.CSC_NO_CACHE === "1") return undefined;
  const hit = load<T>(e.file, e.full);
  if (hit.ok) {
    cacheStats.hits++;
    return hit.data;
  }
  if (hit.why && !quiet) {
    cacheStats.rebuiltDamaged++;
    warn(`the cached ${name} result (${relative(e.file)}) is not used: ${hit.why}; computing it again`);
  }
  return undefined;
}

/**
 * A result computed from inputs it is keyed by (the whole input, serialised as `key`), stored under
 * the cache folder: for deterministic but slow computations (permutation tests, model fits) that
 * several runs repeat on the same data. The key also holds the hash of the code computing it
 * (`codeHash`), and the stored content is verified against the sha256 recorded with it: a damaged
 * entry is recomputed, and that is reported.
 */
export function cachedByKey<T>(name: string, key: string, compute: () => T): T {
  const e = keyedEntry(name, key, undefined);
  const stored = readKeyed<T>(name, e);
  if (stored !== undefined) return stored;
  const useCache = process.env.CSC_NO_CACHE !== "1";
  let lock: "held" | "busy" | "none" = "none";
  if (useCache) {
    const taken = lockOrWait<T>(e.file, e.full, name);
    if (taken.waited) {
      cacheStats.hits++;
      return taken.waited.data;
    }
    lock = taken.lock;
  }
  try {
    const t0 = Date.now();
    holding++;
    let data: T;
    try {
      data = compute();
    } finally {
      holding--;
    }
    trace(`computed ${name} in ${((Date.now() - t0) / 1000).toFixed(2)} s`);
    if (useCache) store(e.file, name, e.full, data);
    return data;
  } finally {
    if (lock === "held") release(`${e.file}.lock`);
  }
}

/**
 * `cachedByKey` for a computation that is asynchronous. `caller` is the module whose code (with every
 * project module it imports) is hashed into the key: the code that computes the result. Older entries
 * of the same name are removed.
 */
export async function cachedByKeyAsync<T>(name: string, key: string, compute: () => Promise<T>, caller?: string): Promise<T> {
  const e = keyedEntry(name, key, caller);
  const stored = readKeyed<T>(name, e);
  if (stored !== undefined) return stored;
  const data = await compute();
  if (process.env.CSC_NO_CACHE !== "1") {
    store(e.file, name, e.full, data);
    pruneOthers(name, e.file);
  }
  return data;
}

/** The stored result of `cachedByKeyAsync` for this name, key and code, if there is a sound one. */
export function peekByKey<T>(name: string, key: string, caller?: string): T | undefined {
  return readKeyed<T>(name, keyedEntry(name, key, caller), true);
}

/** Removes every cached table. */
export function clearCache(): void {
  fs.rmSync(cacheDir(), { recursive: true, force: true });
}
