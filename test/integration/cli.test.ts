import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT, ensureData, MIRROR } from "../helpers";
import { tempDir } from "../tmp";

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
    // the contract's fields in the contract's order (basis, reason and reading where a row has them)
    const contract = ["id", "document", "location", "quote", "stated", "recomputed", "verdict", "basis", "reason", "reading", "explanation", "evidence"].filter((k) => k in row);
    assert.deepEqual(Object.keys(row).slice(0, contract.length), contract);
    for (const k of ["id", "document", "location", "quote", "stated", "recomputed", "verdict", "explanation", "evidence"]) assert.ok(k in row, k);
    for (const k of ["basis", "reading"]) assert.ok(k in row, k);
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
  assert.match(lines[1], /^nao-1-7-referrals,nao,para 1\.7,confirmed,data,655630,655630,count,"England, as published",/);
  assert.match(csv.stderr, /^1 claim: confirmed 1, /m);
  const md = run(["recheck", "--format", "md", "--id", "nao-1-7-*"]);
  assert.match(md.stdout, /\| nao-1-7-referrals \| nao \| para 1\.7 \| 655,630 \| 655,630 \| \*\*confirmed\*\* \|/);
  assert.doesNotMatch(md.stdout, /claims?:/, "the summary is not in the rows");
  assert.match(md.stderr, /^\d+ claims?: confirmed \d+/m);
  const table = run(["recheck", "--id", "nao-1-7-referrals"], { COLUMNS: "80" });
  assert.equal(table.status, 0, table.stderr);
  for (const l of table.stdout.split("\n")) assert.ok(l.length <= 80, `a line of ${l.length}: ${l}`);
  assert.match(table.stdout, /^claim +verdict +stated +recomputed\n-+\nnao-1-7-referrals +confirmed +655,630 +655,630\n {4}Confirmed: the data give 655,630, within the precision of the stated\n/);
  assert.match(table.stdout, /Whole explanations: --format md, or --id ID --format json \(one claim\)\.\n$/);
  assert.match(table.stderr, /^1 claim: confirmed 1, rounding 0, /m);
  const upper = run(["recheck", "--format", "json", "--doc", "PAC"]);
  assert.equal(upper.status, 0, upper.stderr);
  assert.ok(JSON.parse(upper.stdout).every((r: { document: string }) => r.document === "pac"));
});

test("recheck --out writes through a link and a device, and a folder is a one-line error", async () => {
  await ensureData();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csc-out-"));
  try {
    const real = path.join(dir, "real.json");
    fs.writeFileSync(real, "old");
    const link = path.join(dir, "ledger.json");
    fs.symlinkSync(real, link);
    const r = run(["recheck", "--format", "json", "--id", "nao-1-7-referrals", "--out", link]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, "");
    assert.equal(fs.lstatSync(link).isSymbolicLink(), true);
    assert.equal(JSON.parse(fs.readFileSync(real, "utf8"))[0].id, "nao-1-7-referrals");
    assert.match(r.stderr, /wrote 1 row \(json\) to .*ledger\.json\n1 claim: /);
    const dev = run(["recheck", "--format", "csv", "--id", "nao-1-7-referrals", "--out", "/dev/null"]);
    assert.equal(dev.status, 0, dev.stderr);
    assert.equal(fs.statSync("/dev/null").isCharacterDevice(), true);
    const folder = run(["recheck", "--format", "csv", "--id", "nao-1-7-referrals", "--out", dir]);
    assert.equal(folder.status, 1);
    assert.equal(folder.stderr.trim().split("\n").length, 1, folder.stderr);
    assert.match(folder.stderr, /^csc-factcheck: cannot write --out .*: it is a folder \(EISDIR\)\n$/);
    if (fs.existsSync("/dev/full")) {
      const full = run(["recheck", "--format", "csv", "--id", "nao-1-7-referrals", "--out", "/dev/full"]);
      assert.equal(full.status, 1);
      assert.match(full.stderr, /cannot write --out \/dev\/full: no space left on the device \(ENOSPC\)/);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("bad options and unreadable data exit non-zero with a clear message", async () => {
  assert.equal(run(["recheck", "--format", "xml"]).status, 2);
  assert.equal(run(["nonsense"]).status, 2);
  const none = run(["recheck", "--id", "no-such-claim"]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no claim has the id "no-such-claim"/);
  const nothing = run(["recheck", "--doc", "pac", "--id", "nao-1-7-referrals"]);
  assert.equal(nothing.status, 2);
  assert.match(nothing.stderr, /no claim matches --doc pac --id nao-1-7-referrals/);
  const empty = tempDir("csc-raw-");
  try {
    const r = run(["recheck", "--format", "json"], { CSC_RAW_DIR: empty, CSC_DATA_MIRROR: path.join(empty, "no-mirror"), CSC_CACHE_DIR: path.join(empty, "cache") });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /csc-factcheck: the mirror folder .*no-mirror.* does not exist/);
    assert.equal(r.stdout, "");
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});
