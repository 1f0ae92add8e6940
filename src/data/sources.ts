import * as fs from "node:fs";
import * as path from "node:path";
import * as crypto from "node:crypto";
import { z } from "zod";
import { rawDir, sourcesFile } from "../paths";

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
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (e) {
    try { fs.rmSync(tmp, { force: true }); } catch { /* nothing to clean */ }
    throw e;
  }
}

function mismatch(s: Source, actual: string, where: string): DataError {
  return new DataError(`sha256 mismatch for ${s.file} (${where}): expected ${s.sha256}, got ${actual}`, s.file);
}

/**
 * Fills the raw folder: each file is copied from the mirror folder (CSC_DATA_MIRROR) or, when no
 * mirror is set, downloaded from its url. Every file's sha256 is verified before it is put in place;
 * a file already present with the right hash is left alone. Stops at the first failure, naming the
 * file, the expected and the actual hash.
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
  const report: FetchReport = { copied: 0, downloaded: 0, present: 0, total: sources.length };
  let i = 0;
  for (const s of sources) {
    i++;
    const target = rawPath(s);
    if (fs.existsSync(target) && sha256File(target) === s.sha256) {
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
        throw new DataError(code === "ENOENT" ? `the mirror has no file ${s.file} (looked for ${from})` : `cannot read ${from}: ${(e as Error).message}`, s.file);
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
    writeAtomic(target, bytes);
    log(`[${i}/${sources.length}] ${s.file}`);
  }
  return report;
}

/** Verifies the hash of one source's file in the raw folder, with a clear error when it is missing or altered. */
export function verifySource(s: Source): void {
  const p = rawPath(s);
  if (!fs.existsSync(p)) throw new DataError(`missing data file ${s.file} in ${rawDir()}: run \`csc-factcheck data\` (with CSC_DATA_MIRROR set to a mirror folder, or online)`, s.file);
  let h: string;
  try {
    h = sha256File(p);
  } catch (e) {
    throw new DataError(`cannot read ${s.file} (${p}): ${(e as Error).message}`, s.file);
  }
  if (h !== s.sha256) throw mismatch(s, h, p);
}
