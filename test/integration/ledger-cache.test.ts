/**
 * The stored ledger: a second run on the same claims, documents, manifest and code reads the ledger
 * back (the same rows, nothing recomputed); a changed claim is recomputed; a filtered run reads the
 * stored rows; and the official files are still verified against the manifest on a warm run.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { ensureData, ROOT } from "../helpers";
import { tempDir } from "../tmp";
import { buildLedger } from "../../src/claims/ledger";
import { loadClaims } from "../../src/claims/registry";
import { CHECKS } from "../../src/claims/checks";
import { cacheStats } from "../../src/data/cache";
import { verifyStats } from "../../src/data/sources";

const old = process.env.CSC_CACHE_DIR;
const dir = path.join(tempDir("csc-ledger-cache-"), "cache");
const project = path.join(ROOT, "data", "cache");
after(() => {
  if (old === undefined) delete process.env.CSC_CACHE_DIR;
  else process.env.CSC_CACHE_DIR = old;
});

test("a warm ledger is read back, a changed claim is recomputed, a filter reads the stored rows", async () => {
  await ensureData();
  // the tables cached so far are reused; the ledger entries start empty
  if (fs.existsSync(project)) fs.cpSync(project, dir, { recursive: true, filter: (f) => !path.basename(f).startsWith("ledger-") });
  else fs.mkdirSync(dir, { recursive: true });
  process.env.CSC_CACHE_DIR = dir;
  const ids = new Set(["nao-1-7-referrals", "nao-s13-cin-rate-max", "hcl-2-1-cin-la-max"]);
  const claims = loadClaims({ checkNames: Object.keys(CHECKS) }).filter((c) => ids.has(c.id));
  assert.equal(claims.length, 3);
  const ledgerFiles = () => fs.readdirSync(dir).filter((f) => /^ledger-[0-9a-f]{24}\.json$/.test(f));

  const first = await buildLedger({ claims, cache: true });
  assert.equal(ledgerFiles().length, 1);
  assert.deepEqual(Object.fromEntries(first.map((r) => [r.id, r.verdict])), { "nao-1-7-referrals": "confirmed", "hcl-2-1-cin-la-max": "confirmed", "nao-s13-cin-rate-max": "differs" });

  const hits = cacheStats.hits;
  const trusted = verifyStats.trusted + verifyStats.hashed;
  const second = await buildLedger({ claims, cache: true });
  assert.deepEqual(second, first);
  assert.equal(cacheStats.hits, hits + 1, "one cache read: the ledger, no table");
  assert.ok(verifyStats.trusted + verifyStats.hashed > trusted, "the official files were verified");

  // a filtered run reads the stored ledger
  const one = await buildLedger({ claims, ids: ["nao-1-7-referrals"], cache: true });
  assert.deepEqual(one, [first.find((r) => r.id === "nao-1-7-referrals")]);
  assert.equal(cacheStats.hits, hits + 2);

  // a claim whose stated figure changes is a different input: recomputed, and its verdict follows
  const edited = claims.map((c) => (c.id === "nao-1-7-referrals" ? { ...c, stated: c.stated.map((s) => ({ ...s, value: 655000, written: "655,000" })) } : c));
  const third = await buildLedger({ claims: edited, cache: true });
  const row = third.find((r) => r.id === "nao-1-7-referrals")!;
  assert.deepEqual([row.stated, row.recomputed, row.verdict], [[655000], [655630], "differs"]);
  assert.equal(ledgerFiles().length, 1, "the older ledger entry is replaced");
});
