import * as fs from "node:fs";
import * as path from "node:path";
import * as crypto from "node:crypto";
import { tempDir } from "./tmp";

/** A throw-away mirror + raw + cache + manifest, for tests that feed the data layer bad inputs. */
export interface Kit {
  dir: string;
  mirror: string;
  raw: string;
  cache: string;
  sources: string;
  /** Writes a file into the mirror and returns its manifest entry. */
  add(id: string, file: string, content: string | Buffer): { id: string; file: string; sha256: string };
  /** Writes the manifest for the files added (optionally with a wrong hash for one id). */
  writeManifest(override?: Record<string, Partial<{ sha256: string; file: string }>>): void;
  /** Points the project at this kit (env vars) and returns a function restoring the old values. */
  use(): () => void;
}

export function makeKit(): Kit {
  const dir = tempDir("csc-kit-");
  const mirror = path.join(dir, "mirror");
  const raw = path.join(dir, "raw");
  const cache = path.join(dir, "cache");
  const sources = path.join(dir, "sources.json");
  fs.mkdirSync(mirror, { recursive: true });
  const entries: { id: string; file: string; sha256: string }[] = [];
  return {
    dir, mirror, raw, cache, sources,
    add(id, file, content) {
      const p = path.join(mirror, file);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, content);
      const e = { id, file, sha256: crypto.createHash("sha256").update(content).digest("hex") };
      entries.push(e);
      return e;
    },
    writeManifest(override = {}) {
      fs.writeFileSync(sources, JSON.stringify(entries.map((e) => ({
        id: e.id, title: `fixture ${e.id}`, publisher: "test", release: "test", url: `https://example.org/${e.file}`,
        file: override[e.id]?.file ?? e.file, sha256: override[e.id]?.sha256 ?? e.sha256, licence: "OGL", vintage: "test", covers: "test",
      })), null, 2));
    },
    use() {
      const old = { s: process.env.CSC_SOURCES, r: process.env.CSC_RAW_DIR, c: process.env.CSC_CACHE_DIR };
      process.env.CSC_SOURCES = sources;
      process.env.CSC_RAW_DIR = raw;
      process.env.CSC_CACHE_DIR = cache;
      return () => {
        const set = (k: string, v: string | undefined) => (v === undefined ? delete process.env[k] : (process.env[k] = v));
        set("CSC_SOURCES", old.s);
        set("CSC_RAW_DIR", old.r);
        set("CSC_CACHE_DIR", old.c);
      };
    },
  };
}
