import * as fs from "node:fs";
import * as path from "node:path";
import { cacheDir } from "../paths";
import { Source, rawPath, sha256, writeAtomic } from "./sources";

interface Stamp { file: string; size: number; mtimeMs: number }
interface Entry<T> { key: string; stamps: Stamp[]; data: T }

function stampOf(s: Source): Stamp | null {
  try {
    const st = fs.statSync(rawPath(s));
    return { file: s.file, size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return null;
  }
}

/** Counts of cache hits and builds in this process (shown by the CLI and the benchmark). */
export const cacheStats = { hits: 0, builds: 0 };

let progress: ((msg: string) => void) | undefined;

/** Where to report the building of a table (the CLI shows it during a cold run). */
export function onBuild(fn: ((msg: string) => void) | undefined): void {
  progress = fn;
}

/**
 * A tidy table built once from its sources and stored under the cache folder, keyed by the
 * sources' sha256s (from the manifest) and the builder's version. A later run loads the JSON
 * instead of re-parsing spreadsheets, unless a raw file's size or modification time has changed
 * since the table was built (then it is rebuilt, which verifies the file's sha256 again).
 */
export function cached<T>(name: string, version: number, sources: Source[], build: () => T): T {
  const key = sha256(JSON.stringify({ name, version, sha: sources.map((s) => s.sha256) })).slice(0, 20);
  const file = path.join(cacheDir(), `${name}-${key}.json`);
  if (process.env.CSC_NO_CACHE !== "1" && fs.existsSync(file)) {
    try {
      const e = JSON.parse(fs.readFileSync(file, "utf8")) as Entry<T>;
      const fresh = e.key === key && e.stamps.length === sources.length && sources.every((s, i) => {
        const st = stampOf(s);
        return st !== null && st.size === e.stamps[i].size && st.mtimeMs === e.stamps[i].mtimeMs;
      });
      if (fresh) {
        cacheStats.hits++;
        return e.data;
      }
    } catch {
      /* a damaged cache file is rebuilt */
    }
  }
  const t0 = Date.now();
  progress?.(`building the ${name} table from ${sources.length} file${sources.length === 1 ? "" : "s"}…`);
  const data = build();
  progress?.(`built the ${name} table in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  cacheStats.builds++;
  const stamps = sources.map((s) => stampOf(s)).filter((x): x is Stamp => x !== null);
  try {
    writeAtomic(file, JSON.stringify({ key, stamps, data }));
  } catch {
    /* a read-only cache folder only costs speed */
  }
  return data;
}

/**
 * A result computed from inputs it is keyed by (the whole input, serialised as `key`), stored under
 * the cache folder: for deterministic but slow computations (permutation tests, model fits) that
 * several runs repeat on the same data. A different input is a different key, so nothing stale is read.
 */
export function cachedByKey<T>(name: string, key: string, compute: () => T): T {
  const file = path.join(cacheDir(), `${name}-${sha256(key).slice(0, 24)}.json`);
  if (process.env.CSC_NO_CACHE !== "1" && fs.existsSync(file)) {
    try {
      const e = JSON.parse(fs.readFileSync(file, "utf8")) as { key: string; data: T };
      if (e.key === sha256(key)) {
        cacheStats.hits++;
        return e.data;
      }
    } catch {
      /* a damaged cache file is recomputed */
    }
  }
  const data = compute();
  try {
    writeAtomic(file, JSON.stringify({ key: sha256(key), data }));
  } catch {
    /* a read-only cache folder only costs speed */
  }
  return data;
}

/** Removes every cached table. */
export function clearCache(): void {
  fs.rmSync(cacheDir(), { recursive: true, force: true });
}
