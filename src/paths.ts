import * as path from "node:path";
import * as fs from "node:fs";

let root: string | undefined;

/** The project root: the folder holding package.json (works from src/ under tslab and from dist/src/). */
export function projectRoot(): string {
  if (root !== undefined) return root;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "data", "sources.json"))) return (root = dir);
    dir = path.dirname(dir);
  }
  throw new Error(`csc-factcheck: cannot find the project root (package.json with data/sources.json) above ${__dirname}`);
}

/** Where `csc-factcheck data` puts the official files (ignored by git). Override with CSC_RAW_DIR. */
export function rawDir(): string {
  return process.env.CSC_RAW_DIR ? path.resolve(process.env.CSC_RAW_DIR) : path.join(projectRoot(), "data", "raw");
}

/** Where parsed tidy tables are cached (ignored by git). Override with CSC_CACHE_DIR. */
export function cacheDir(): string {
  return process.env.CSC_CACHE_DIR ? path.resolve(process.env.CSC_CACHE_DIR) : path.join(projectRoot(), "data", "cache");
}

/** The five documents' text, used to check every quote. Override with CSC_SEEDS_DIR. */
export function seedsDir(): string {
  return process.env.CSC_SEEDS_DIR ? path.resolve(process.env.CSC_SEEDS_DIR) : path.resolve(projectRoot(), "..", "shared", "seeds");
}

/** The claims registry folder. Override with CSC_CLAIMS_DIR (used by tests). */
export function claimsDir(): string {
  return process.env.CSC_CLAIMS_DIR ? path.resolve(process.env.CSC_CLAIMS_DIR) : path.join(projectRoot(), "data", "claims");
}

/** The sources manifest. Override with CSC_SOURCES (used by tests). */
export function sourcesFile(): string {
  return process.env.CSC_SOURCES ? path.resolve(process.env.CSC_SOURCES) : path.join(projectRoot(), "data", "sources.json");
}
