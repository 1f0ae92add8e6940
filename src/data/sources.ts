import * as fs from "node:fs";
import * as path from "node:path";
import * as crypto from "node:crypto";
import { z } from "zod";
import { cacheDir, rawDir, sourcesFile } from "../paths";
import { fsReason, isFsError } from "./fs-errors";

export { fsReason, isFsError };

/** One official file (contract: data/sources.json). */
export const SourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  publisher: z.string().min(1),
  release: z.string().min(1),
  url: z.string().url(),
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  licence: z.string().min(1),
  vintage: z.string().min(1),
  covers: z.string().min(1),
  derived: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

/** An error about the data that stops a run: it names the file and what is wrong. */
export class DataError extends Error {
  constructor(message: string, public readonly file?: string) {
    super(message);
    this.name = "DataError";
  }
}

let manifestCache: { file: string; sources: Source[] } | undefined;

/** Reads and validates data/sources.json; duplicate ids are an error. */
export function loadSources(file = sourcesFile()): Source[] {
  if (manifestCache && manifestCache.file === file) return manifestCache.sources;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new DataError(`cannot read the sources manifest ${file}: ${(e as Error).message}`, file);
  }
  const parsed = z.array(SourceSchema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataError(`sources manifest ${file} is invalid at ${issue.path.join(".")}: ${issue.message}`, file);
  }
  const seen = new Set<string>();
  for (const s of parsed.data) {
    if (seen.has(s.id)) throw new DataError(`sources manifest ${file} has the id "${s.id}" twice`, file);
    seen.add(s.id);
  }
  manifestCache = { file, sources: parsed.data };
  return parsed.data;
}

/** The manifest entry with this id; an unknown id is an error. */
export function source(id: string): Source {
  const s = loadSources().find((x) => x.id === id);
  if (!s) throw new DataError(`no source with id "${id}" in ${sourcesFile()}`);
  return s;
}

/**
 * True for a source that is not an official file but a secondary transcription of official figures
 * (its vintage begins "secondary", e.g. the hand-transcribed Cafcass series): a check resting on it
 * can give no stronger verdict than a transcription allows, and must say so.
 */
export function isSecondary(id: string): boolean {
  return /^secondary\b/i.test(source(id).vintage);
}

/** The manifest entry for a path under the raw folder. */
export function sourceByFile(file: string): Source {
  const s = loadSources().find((x) => x.file === file);
  if (!s) throw new DataError(`the file ${file} is not listed in ${sourcesFile()}`);
  return s;
}

/** Absolute path of a source's file in the raw folder. */
export function rawPath(s: Source): string {
  return path.join(rawDir(), ...s.file.split("/"));
}

/**
 * A figure a check needs is suppressed in the file (a marker stands where the number would be):
 * the claim becomes `unverifiable` with this message, and the rest of the ledger is computed.
 */
export class SuppressedError extends DataError {
  constructor(message: string, file?: string) {
    super(message, file);
    this.name = "SuppressedError";
  }
}

/**
 * A figure a check needs is not in the files (a year or an area the files do not cover): the claim
 * becomes `unverifiable` with this message, and the rest of the ledger is computed.
 */
export class MissingDataError extends DataError {
  constructor(message: string, file?: string) {
    super(message, file);
    this.name = "MissingDataError";
  }
}

/** sha256 of a file's bytes, hex. */
export function sha256File(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** sha256 of a buffer, hex. */
export function sha256(buf: Buffer | string): string {
  return crypto.createHash("sha256").update(buf).digest("hex");
}

/** True when every source's file is in the raw folder (size only; hashes are checked by `data`). */
export function rawComplete(sources = loadSources()): boolean {
  return sources.every((s) => fs.existsSync(rawPath(s)));
}

export interface FetchReport {
  copied: number;
  downloaded: number;
  present: number;
  total: number;
}

/** Writes bytes to a temporary file beside the target and renames it, so no half-written file is left. */
export function writeAtomic(target: string, data: Buffer | string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
  try {
    fs.writeFileSync(tmp, data, { flag: "wx" });
    fs.renameSync(tmp, target);
  } catch (e) {
    try { fs.rmSync(tmp, { force: true }); } catch { /* nothing to clean */ }
    throw e;
  }
}

/**
 * Writes output where the user asked, and never replaces what is there with something else:
 * - a regular file (or a path that does not exist yet) is written atomically: a temporary file in
 *   the same folder, flushed to disk, then renamed over it (keeping the old file's permissions), so
 *   a failed write leaves the old file as it was;
 * - a symbolic link is followed: its target is written (atomically when it is a regular file), the
 *   link stays a link;
 * - anything else (a device such as /dev/null, a named pipe, a process substitution, a terminal) is
 *   written through, opened as it is.
 * Errors (no space left, a folder, permission denied...) are a DataError of one line naming the path.
 *
 * @param target the path given with --out
 * @param data what to write
 * @param flag the option's name, for messages (default "--out")
 */
export function writeOutput(target: string, data: Buffer | string, flag = "--out"): void {
  const fail = (e: unknown, where = target) => new DataError(`cannot write ${flag} ${where}: ${fsReason(e)}`, where);
  let real = target;
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(target);
    real = fs.realpathSync(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw fail(e);
    // a dangling symbolic link: write where it points
    try {
      if (fs.lstatSync(target).isSymbolicLink()) {
        const to = fs.readlinkSync(target);
        real = path.resolve(path.dirname(target), to);
      }
    } catch {
      /* the path does not exist at all */
    }
  }
  if (st && st.isDirectory()) throw fail(Object.assign(new Error("is a folder"), { code: "EISDIR" }));
  if (st && !st.isFile()) {
    // a device, a pipe, a socket: write through
    try {
      fs.writeFileSync(real, data);
    } catch (e) {
      throw fail(e);
    }
    return;
  }
  const dir = path.dirname(real);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw fail(e);
  }
  const tmp = path.join(dir, `.${path.basename(real)}.tmp-${process.pid}-${Date.now()}`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, "wx", st ? st.mode & 0o7777 : 0o666);
    const buf = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let off = 0;
    while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (st) {
      try {
        fs.chmodSync(tmp, st.mode & 0o7777);
      } catch {
        /* keep the default permissions */
      }
    }
    fs.renameSync(tmp, real);
  } catch (e) {
    if (fd !== undefined) try { fs.closeSync(fd); } catch { /* already closed */ }
    try { fs.rmSync(tmp, { force: true }); } catch { /* nothing to clean */ }
    throw fail(e);
  }
}

/** Temporary files of `writeAtomic` and `writeOutput`: NAME.tmp-PID-MILLISECONDS. */
const TMP_FILE = /\.tmp-(\d+)-\d+$/;

/** True when a process with this id is running. */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temporary files an interrupted run left in a folder (and its subfolders): those whose
 * writing process is no longer running. Returns the paths removed.
 */
export function removeStaleTemporaries(dir: string): string[] {
  const removed: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const m = TMP_FILE.exec(e.name);
        if (m && !alive(Number(m[1]))) {
          try {
            fs.rmSync(p, { force: true });
            removed.push(p);
          } catch {
            /* left for a later run */
          }
        }
      }
    }
  };
  walk(dir);
  return removed;
}

// ---------------------------------------------------------------------------
// Cheap verification: a file whose size, times, inode and device are those recorded when its
// sha256 last matched is not hashed again (as git's index does). Any write to a file changes its
// ctime, which cannot be set back, so an altered file is always hashed again and caught.
// ---------------------------------------------------------------------------

interface Stamp { size: number; mtimeNs: string; ctimeNs: string; ino: string; dev: string }
interface Verified extends Stamp { sha256: string }

/** Counts of files hashed and files trusted on their unchanged stamp, in this process. */
export const verifyStats = { hashed: 0, trusted: 0 };

/** A stamp taken within this many milliseconds of the file's last change is not trusted (a change in the same clock tick could go unseen). */
const RACY_MS = 1000;

let records: { file: string; map: Record<string, Verified> } | undefined;

function recordsFile(): string {
  return path.join(cacheDir(), "verified-raw-files.json");
}

function loadRecords(): Record<string, Verified> {
  const file = recordsFile();
  if (records && records.file === file) return records.map;
  let map: Record<string, Verified> = {};
  try {
    const j = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
    if (j && typeof j === "object" && !Array.isArray(j)) map = j as Record<string, Verified>;
  } catch {
    /* none yet, or unreadable: files are hashed */
  }
  records = { file, map };
  return map;
}

function stampOf(st: fs.BigIntStats): Stamp {
  return { size: Number(st.size), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs), ino: String(st.ino), dev: String(st.dev) };
}

const sameStamp = (a: Stamp, b: Stamp) => a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.ino === b.ino && a.dev === b.dev;

function remember(p: string, stamp: Stamp, sha: string): void {
  if (process.env.CSC_NO_CACHE === "1") return;
  const changed = BigInt(stamp.ctimeNs) > BigInt(stamp.mtimeNs) ? BigInt(stamp.ctimeNs) : BigInt(stamp.mtimeNs);
  if (BigInt(Date.now()) * 1000000n - changed < BigInt(RACY_MS) * 1000000n) return;
  const map = loadRecords();
  const old = map[p];
  if (old && old.sha256 === sha && sameStamp(old, stamp)) return;
  map[p] = { ...stamp, sha256: sha };
  try {
    // another thread or process may have recorded other files meanwhile: keep theirs too
    let onDisk: Record<string, Verified> = {};
    try {
      onDisk = JSON.parse(fs.readFileSync(recordsFile(), "utf8")) as Record<string, Verified>;
    } catch {
      /* none yet */
    }
    for (const [k, v] of Object.entries(onDisk)) if (!(k in map)) map[k] = v;
    writeAtomic(recordsFile(), JSON.stringify(map));
  } catch {
    /* a read-only cache folder only costs speed */
  }
}

function missingFile(s: Source): DataError {
  return new DataError(`missing data file ${s.file} in ${rawDir()}: run \`csc-factcheck data\` (with CSC_DATA_MIRROR set to a mirror folder, or online)`, s.file);
}

function statOf(s: Source): fs.BigIntStats {
  const p = rawPath(s);
  try {
    return fs.statSync(p, { bigint: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw missingFile(s);
    throw new DataError(`cannot read ${s.file} (${p}): ${(e as Error).message}`, s.file);
  }
}

/**
 * True when a source's file is unchanged since its sha256 was last found equal to the manifest's:
 * same size, modification and change times, inode and device.
 */
function trusted(s: Source, stamp: Stamp): boolean {
  if (process.env.CSC_NO_CACHE === "1") return false;
  const r = loadRecords()[rawPath(s)];
  return r !== undefined && r.sha256 === s.sha256 && sameStamp(r, stamp);
}

/**
 * Reads a source's file, verifying its sha256 against the manifest (cheaply when its stamp is
 * unchanged since it last matched). Throws a DataError naming the file when it is missing,
 * unreadable or altered.
 */
export function readVerified(s: Source): Buffer {
  const p = rawPath(s);
  const before = stampOf(statOf(s));
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(p);
  } catch (e) {
    throw new DataError(`cannot read ${s.file} (${p}): ${(e as Error).message}`, s.file);
  }
  const unchanged = sameStamp(before, stampOf(statOf(s)));
  if (unchanged && trusted(s, before)) {
    verifyStats.trusted++;
    return bytes;
  }
  verifyStats.hashed++;
  const h = sha256(bytes);
  if (h !== s.sha256) throw mismatch(s, h, p);
  if (unchanged) remember(p, before, h);
  return bytes;
}

function mismatch(s: Source, actual: string, where: string): DataError {
  return new DataError(`sha256 mismatch for ${s.file} (${where}): expected ${s.sha256}, got ${actual}`, s.file);
}

/** True when a source's file is in the raw folder with the manifest's sha256 (cheaply when unchanged since it last matched). */
function presentAndVerified(s: Source): boolean {
  try {
    verifySource(s);
    return true;
  } catch {
    return false;
  }
}

/**
 * Fills the raw folder: each file is copied from the mirror folder (CSC_DATA_MIRROR) or, when no
 * mirror is set, downloaded from its url. Every file's sha256 is verified before it is put in place;
 * a file already present with the right hash is left alone. Stops at the first failure, naming the
 * file, the expected and the actual hash. Temporary files an interrupted run left in the raw folder
 * are removed first.
 */
export async function fetchSources(opts: { mirror?: string; log?: (msg: string) => void; sources?: Source[] } = {}): Promise<FetchReport> {
  const mirror = opts.mirror ?? process.env.CSC_DATA_MIRROR;
  const log = opts.log ?? (() => undefined);
  const sources = opts.sources ?? loadSources();
  if (mirror !== undefined && mirror !== "") {
    if (!fs.existsSync(mirror) || !fs.statSync(mirror).isDirectory()) {
      throw new DataError(`the mirror folder ${path.resolve(mirror)} (CSC_DATA_MIRROR) does not exist or is not a folder`);
    }
  }
  const stale = removeStaleTemporaries(rawDir());
  if (stale.length) log(`removed ${stale.length} partial file${stale.length === 1 ? "" : "s"} left by an interrupted run`);
  const report: FetchReport = { copied: 0, downloaded: 0, present: 0, total: sources.length };
  let i = 0;
  for (const s of sources) {
    i++;
    const target = rawPath(s);
    if (fs.existsSync(target) && presentAndVerified(s)) {
      report.present++;
      continue;
    }
    let bytes: Buffer;
    if (mirror) {
      const from = path.join(path.resolve(mirror), ...s.file.split("/"));
      try {
        bytes = fs.readFileSync(from);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new DataError(code === "ENOENT" ? `the mirror has no file ${s.file} (looked for ${from})` : `cannot read ${from}: ${fsReason(e)}`, s.file);
      }
      const h = sha256(bytes);
      if (h !== s.sha256) throw mismatch(s, h, `mirror copy ${from}`);
      report.copied++;
    } else {
      let res: Response;
      try {
        res = await fetch(s.url);
      } catch (e) {
        throw new DataError(`cannot download ${s.file} from ${s.url}: ${(e as Error).message}. Set CSC_DATA_MIRROR to a folder laid out like data/raw.`, s.file);
      }
      if (!res.ok) throw new DataError(`download of ${s.file} from ${s.url} failed: HTTP ${res.status}`, s.file);
      bytes = Buffer.from(await res.arrayBuffer());
      const h = sha256(bytes);
      if (h !== s.sha256) throw mismatch(s, h, `downloaded from ${s.url}`);
      report.downloaded++;
    }
    try {
      writeAtomic(target, bytes);
    } catch (e) {
      throw new DataError(`cannot write ${target}: ${fsReason(e)}`, s.file);
    }
    log(`[${i}/${sources.length}] ${s.file}`);
  }
  return report;
}

/**
 * Verifies one source's file against the manifest's sha256, with a clear error when it is missing,
 * unreadable or altered. A file whose size, times, inode and device are those recorded the last
 * time its hash matched is not hashed again (as git's index does); any change to them, which every
 * write to the file causes, makes it hashed again.
 */
export function verifySource(s: Source): void {
  const stamp = stampOf(statOf(s));
  if (trusted(s, stamp)) {
    verifyStats.trusted++;
    return;
  }
  readVerified(s);
}
