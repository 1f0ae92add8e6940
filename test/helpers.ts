import * as path from "node:path";
import * as fs from "node:fs";
import { fetchSources, rawComplete } from "../src/data/sources";
import { checkClaim } from "../src/claims/ledger";
import { loadClaims } from "../src/claims/registry";
import type { LedgerRow } from "../src/claims/types";

/** The project root (tests run from dist/test/...). */
export const ROOT = (() => {
  let d = __dirname;
  while (!fs.existsSync(path.join(d, "package.json"))) d = path.dirname(d);
  return d;
})();

/** The official-data mirror used by the integration tests: $CSC_DATA_MIRROR or ../shared/data/raw. */
export const MIRROR = process.env.CSC_DATA_MIRROR ?? path.resolve(ROOT, "..", "shared", "data", "raw");

/** Fills data/raw from the mirror once (verifying every sha256). */
export async function ensureData(): Promise<void> {
  if (!rawComplete()) await fetchSources({ mirror: MIRROR });
}

let claims: ReturnType<typeof loadClaims> | undefined;

/** The ledger row of one claim, computed from the real files. */
export async function row(id: string): Promise<LedgerRow> {
  await ensureData();
  claims ??= loadClaims();
  const c = claims.find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id} in the registry`);
  return checkClaim(c);
}

/** The recomputed value of one role of a claim. */
export async function value(id: string, role: string): Promise<number | null> {
  const r = await row(id);
  const i = r.roles.indexOf(role);
  if (i < 0) throw new Error(`claim ${id} has no role ${role}`);
  return r.recomputed === null ? null : r.recomputed[i];
}

/** Asserts |a - b| <= tol with a readable message. */
export function near(actual: number | null, expected: number, tol: number, what = ""): void {
  if (actual === null || Math.abs(actual - expected) > tol) {
    throw new Error(`${what} expected ${expected} ± ${tol}, got ${actual}`);
  }
}

/**
 * The browser test's report executes every notebook and keeps the copies under build/ (with stamps):
 * while it runs, this file holds its process id. The suites run two files at a time (package.json),
 * so test/notebooks waits for that report instead of executing the notebooks a second time beside it.
 */
export const REPORT_RUNNING = path.join(ROOT, "build", "executed-notebooks.running");

/** Waits (up to 30 minutes) while another test process is building the report's executed notebooks. */
export async function waitForReportBuild(): Promise<void> {
  const until = Date.now() + 30 * 60 * 1000;
  while (Date.now() < until) {
    let pid: number;
    try {
      pid = Number(fs.readFileSync(REPORT_RUNNING, "utf8").trim());
    } catch {
      return; // no report running
    }
    try {
      process.kill(pid, 0);
    } catch {
      return; // left by a run that died
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
