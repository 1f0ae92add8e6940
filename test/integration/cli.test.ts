import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT, ensureData, MIRROR } from "../helpers";

const BIN = path.join(ROOT, "bin", "csc-factcheck.js");
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CSC_DATA_MIRROR: MIRROR, ...env } });

test("recheck --format json prints the ledger contract for the selected claims", async () => {
  await ensureData();
  const r = run(["recheck", "--format", "json", "--doc", "pac"]);
  assert.equal(r.status, 0, r.stderr);
  const rows = JSON.parse(r.stdout);
  assert.ok(rows.length >= 2);
  for (const row of rows) {
    const keys = Object.keys(row);
    for (const k of ["id", "document", "location", "quote", "stated", "recomputed", "verdict", "basis", "reading", "explanation", "evidence"]) assert.ok(keys.includes(k), k);
    assert.equal(row.document, "pac");
    assert.ok(["confirmed", "rounding", "revised", "differs", "consistent", "inconsistent", "misquoted", "model", "unverifiable"].includes(row.verdict));
    assert.ok(["data", "document", "cited"].includes(row.basis));
    assert.equal(typeof row.reading.primary, "string");
    assert.equal(typeof row.reading.justification, "string");
    if (row.verdict === "unverifiable") assert.ok(["no-open-data", "not-in-mirror", "vintage-not-held", "method-statement"].includes(row.reason));
    assert.equal(row.stated.length, row.recomputed === null ? row.stated.length : row.recomputed.length);
  }
  assert.match(r.stderr, /claims: confirmed \d+/);
});

test("recheck --id, --format csv and md, and the default table with counts", async () => {
  await ensureData();
  const csv = run(["recheck", "--format", "csv", "--id", "nao-1-7-referrals"]);
  assert.equal(csv.status, 0, csv.stderr);
  const lines = csv.stdout.trim().split("\n");
  assert.equal(lines.length, 2);
  assert.match(lines[1], /^nao-1-7-referrals,nao,para 1\.7,confirmed,655630,655630,count,/);
  const md = run(["recheck", "--format", "md", "--id", "nao-1-7-*"]);
  assert.match(md.stdout, /\| nao-1-7-referrals \| nao \| para 1\.7 \| 655,630 \| 655,630 \| \*\*confirmed\*\* \|/);
  const table = run(["recheck", "--id", "nao-1-7-referrals"]);
  assert.match(table.stdout, /1 claims\n\s+confirmed\s+1\n/);
});

test("bad options and unreadable data exit non-zero with a clear message", async () => {
  assert.equal(run(["recheck", "--format", "xml"]).status, 2);
  assert.equal(run(["nonsense"]).status, 2);
  const none = run(["recheck", "--id", "no-such-claim"]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no claim matches/);
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "csc-raw-"));
  const r = run(["recheck", "--format", "json"], { CSC_RAW_DIR: empty, CSC_DATA_MIRROR: path.join(empty, "no-mirror"), CSC_CACHE_DIR: path.join(empty, "cache") });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /csc-factcheck: the mirror folder .*no-mirror.* does not exist/);
  assert.equal(r.stdout, "");
});
