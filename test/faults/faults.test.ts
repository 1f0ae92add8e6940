/**
 * Fault injection: each case copies the real mirror (as links), breaks one thing, runs the command
 * line and asserts exactly what it does — a clear error naming file, row and column with a non-zero
 * exit and nothing half-written, or, where the rest of the ledger can still be computed, a row whose
 * verdict is `unverifiable` with the reason.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import { ROOT, ensureData } from "../helpers";
import { tempDir } from "../tmp";

const BIN = path.join(ROOT, "bin", "csc-factcheck.js");
const RAW = path.join(ROOT, "data", "raw");
const C1 = "children-in-need/ees-release-2020/c1_children_in_need_referrals_and_rereferrals_2013_to_2020.csv";
const C1_2024 = "children-in-need/ees-release-2024/c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv";
const S251_2018 = "spending/s251-outturn/cwip-app/S251ye2018.xlsx";
const LA_LIST = "context/lookups/la_code_list.xlsx";

interface Source { id: string; file: string; sha256: string }

/**
 * One cache folder for every case, seeded from the project's cache: an entry is keyed by the sha256
 * of its files in the manifest and by the code that builds it, and every raw file is verified
 * against the manifest before a cached table is used, so a case that alters a file (and its
 * manifest entry, or not) never reads another case's table: it rebuilds, or is refused.
 */
let sharedCache: string | undefined;
function faultCache(): string {
  if (sharedCache === undefined) {
    sharedCache = path.join(tempDir("csc-fault-cache-"), "cache");
    const project = path.join(ROOT, "data", "cache");
    if (fs.existsSync(project)) fs.cpSync(project, sharedCache, { recursive: true });
    else fs.mkdirSync(sharedCache);
  }
  return sharedCache;
}

/** A throw-away copy of the project's data: raw files linked to the real ones, its own manifest; the shared cache. */
class Env {
  dir = tempDir("csc-fault-");
  raw = path.join(this.dir, "raw");
  cache = faultCache();
  sources = path.join(this.dir, "sources.json");
  claims = path.join(ROOT, "data", "claims");
  manifest: Source[] = JSON.parse(fs.readFileSync(path.join(ROOT, "data", "sources.json"), "utf8"));

  constructor() {
    for (const s of this.manifest) {
      const to = path.join(this.raw, s.file);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.symlinkSync(path.join(RAW, s.file), to);
    }
    this.save();
  }

  save(): void {
    fs.writeFileSync(this.sources, JSON.stringify(this.manifest, null, 2));
  }

  /** Replaces a raw file by altered bytes; the manifest's sha256 follows unless `keepSha`. */
  alter(file: string, fn: (b: Buffer) => Buffer | string, opts: { keepSha?: boolean } = {}): void {
    const p = path.join(this.raw, file);
    const bytes = Buffer.from(fn(fs.readFileSync(p)));
    fs.rmSync(p);
    fs.writeFileSync(p, bytes);
    if (!opts.keepSha) {
      this.manifest.find((s) => s.file === file)!.sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
      this.save();
    }
  }

  /** Edits lines of a CSV raw file. */
  lines(file: string, fn: (lines: string[]) => string[]): void {
    this.alter(file, (b) => fn(b.toString("utf8").split("\n")).join("\n"));
  }

  /** A registry folder with one extra file added to a copy of the real registry. */
  registryWith(name: string, content: unknown): void {
    const dir = path.join(this.dir, "claims");
    fs.cpSync(path.join(ROOT, "data", "claims"), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
    this.claims = dir;
  }

  run(args: string[], env: Record<string, string> = {}) {
    return spawnSync(process.execPath, [BIN, ...args], {
      cwd: ROOT, encoding: "utf8",
      env: { ...process.env, CSC_RAW_DIR: this.raw, CSC_CACHE_DIR: this.cache, CSC_SOURCES: this.sources, CSC_CLAIMS_DIR: this.claims, CSC_DATA_MIRROR: RAW, ...env },
    });
  }

  /** recheck of one claim as JSON; asserts the run succeeded. */
  row(id: string) {
    const r = this.run(["recheck", "--format", "json", "--id", id]);
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout)[0];
  }
}

/** England 2018 row of the EES c1 file. */
const isEngland2018 = (l: string) => l.startsWith("2018,Reporting year,National,");
const REF = "nao-1-7-referrals";

function failsWith(r: ReturnType<Env["run"]>, re: RegExp): void {
  assert.equal(r.status, 1, `expected exit 1, got ${r.status}\n${r.stderr}`);
  assert.match(r.stderr, re);
  assert.equal(r.stdout, "", "nothing is printed on standard output when the run fails");
}

test("faults: setup", async () => {
  await ensureData();
  assert.ok(fs.existsSync(path.join(RAW, C1)));
});

test("fault 1: a raw file whose sha256 differs from sources.json is refused, naming file, expected and actual hash", () => {
  const e = new Env();
  e.alter(C1, (b) => Buffer.concat([b, Buffer.from("\n")]), { keepSha: true });
  failsWith(e.run(["recheck", "--id", REF]), new RegExp(`sha256 mismatch for ${C1.replace(/[.]/g, "\\.")} .*expected [0-9a-f]{64}, got [0-9a-f]{64}`));
});

test("fault 2: `data` with an altered mirror file stops and leaves nothing half-written", () => {
  const e = new Env();
  const mirror = path.join(e.dir, "mirror");
  fs.cpSync(e.raw, mirror, { recursive: true, dereference: false });
  const m = path.join(mirror, C1);
  fs.rmSync(m);
  fs.writeFileSync(m, "time_period\n2018\n");
  fs.rmSync(e.raw, { recursive: true });
  const r = e.run(["data"], { CSC_DATA_MIRROR: mirror });
  failsWith(r, /sha256 mismatch for .*c1_children_in_need.*\(mirror copy/);
  assert.equal(fs.existsSync(path.join(e.raw, C1)), false);
  const leftovers = fs.existsSync(path.dirname(path.join(e.raw, C1))) ? fs.readdirSync(path.dirname(path.join(e.raw, C1))).filter((f) => f.includes(".tmp-")) : [];
  assert.deepEqual(leftovers, []);
});

test("fault 3: a truncated CSV is a clear error naming the file", () => {
  const e = new Env();
  e.alter(C1, (b) => {
    const s = b.toString("utf8");
    const cut = s.indexOf("\n", Math.floor(s.length * 0.6)) + 1;
    return s.slice(0, cut) + "2018,Reporting year,Local";
  });
  failsWith(e.run(["recheck", "--id", REF]), /c1_children_in_need_referrals_and_rereferrals_2013_to_2020\.csv line \d+ has 3 of \d+ fields: the file looks truncated/);
});

test("fault 4: a renamed header names the file, the column and the columns found", () => {
  const e = new Env();
  e.lines(C1, (ls) => [ls[0].replace(",Referrals,", ",Referals,"), ...ls.slice(1)]);
  failsWith(e.run(["recheck", "--id", REF]), /column "Referrals" not found in children-in-need\/ees-release-2020\/c1_.*; columns found: time_period, .*Referals, Referrals_rate/);
});

test("fault 5: a missing column names the file, the column and the columns found", () => {
  const e = new Env();
  e.lines(C1, (ls) => ls.map((l) => l.split(",").filter((_, i) => i !== 11).join(",")));
  const r = e.run(["recheck", "--id", REF]);
  failsWith(r, /column "Referrals" not found in children-in-need\/ees-release-2020\/c1_/);
  assert.doesNotMatch(r.stderr.split("columns found:")[1], /(^|, )Referrals(,|$)/);
});

test("fault 6: text in a number's place is an error naming file, row and column", () => {
  const e = new Env();
  let row = 0;
  e.lines(C1, (ls) => ls.map((l, i) => {
    if (!isEngland2018(l)) return l;
    row = i + 1;
    const f = l.split(",");
    f[11] = "six hundred";
    return f.join(",");
  }));
  failsWith(e.run(["recheck", "--id", REF]), new RegExp(`c1_children_in_need.*row ${row}, column "Referrals": expected a number or a suppression marker, found the text "six hundred"`));
});

test("fault 7: every suppression marker in a cell a check needs makes that claim unverifiable, the rest still computed", () => {
  for (const marker of ["x", "c", "z", ":", "..", ".", "low", "k", "u", "-", ""]) {
    const e = new Env();
    e.lines(C1, (ls) => ls.map((l) => (isEngland2018(l) ? l.split(",").map((v, i) => (i === 11 ? marker : v)).join(",") : l)));
    e.lines(C1_2024, (ls) => ls.map((l) => (isEngland2018(l) ? l.split(",").map((v, i) => (i === 11 ? marker : v)).join(",") : l)));
    const r = e.run(["recheck", "--format", "json", "--id", `${REF},nao-1-16-cin-at-31-march`]);
    assert.equal(r.status, 0, `marker "${marker}": ${r.stderr}`);
    const [ref, cin] = JSON.parse(r.stdout);
    assert.equal(ref.verdict, "unverifiable", `marker "${marker}"`);
    assert.equal(ref.recomputed, null);
    assert.match(ref.explanation, new RegExp(`column "Referrals": England referrals 2017-18 is suppressed or missing \\(marker "${marker.replace(/[.]/g, "\\.")}"\\)`));
    assert.equal(cin.verdict, "confirmed", "the other claims are still computed");
  }
});

test("fault 8: a duplicated LA row is an error naming the file and both rows", () => {
  const e = new Env();
  e.lines(C1, (ls) => {
    const i = ls.findIndex((l) => l.startsWith("2018,") && l.includes(",Darlington,"));
    return [...ls.slice(0, i + 1), ls[i], ...ls.slice(i + 1)];
  });
  failsWith(e.run(["recheck", "--id", REF]), /c1_children_in_need.*: Darlington appears twice for referrals 2017-18 \(rows (\d+) and \d+\)/);
});

test("fault 9: an LA code the lookup does not know is an error naming file and row", () => {
  const e = new Env();
  e.lines(C1, (ls) => ls.map((l) => (l.startsWith("2018,") && l.includes(",841,E06000005,Darlington,") ? l.replace(",841,", ",999,") : l)));
  failsWith(e.run(["recheck", "--id", REF]), /c1_children_in_need.* row \d+: "999" \(Darlington\) is not a DfE local authority code/);
});

test("fault 10: a year missing from a series falls back to another release, and with none the claim is unverifiable", () => {
  const e = new Env();
  e.lines(C1, (ls) => ls.filter((l) => !l.startsWith("2018,")));
  const fallback = e.row(REF);
  assert.equal(fallback.verdict, "confirmed");
  assert.equal(fallback.evidence[0].file, C1_2024, "the 2024 release carries the same count");
  e.lines(C1_2024, (ls) => ls.filter((l) => !l.startsWith("2018,")));
  const none = e.row(REF);
  assert.equal(none.verdict, "unverifiable");
  assert.match(none.explanation, /no England figure for referrals in 2017-18 in the data/);
});

test("fault 11: an empty file is an error naming it", () => {
  const e = new Env();
  e.alter(C1, () => "");
  failsWith(e.run(["recheck", "--id", REF]), /c1_children_in_need_referrals_and_rereferrals_2013_to_2020\.csv is empty/);
});

test("fault 12: a spreadsheet whose sheet was renamed names the sheet sought and the sheets found", async () => {
  const XLSX = await import("xlsx");
  const e = new Env();
  e.alter(LA_LIST, (b) => {
    const wb = XLSX.read(b, { type: "buffer" });
    wb.SheetNames[0] = "Data";
    wb.Sheets.Data = wb.Sheets.Sheet1;
    delete wb.Sheets.Sheet1;
    return XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
  });
  failsWith(e.run(["recheck", "--id", REF]), /context\/lookups\/la_code_list\.xlsx: no sheet "Sheet1"; sheets found: Data/);
});

test("fault 13: a file that is not a spreadsheet at all is an error naming it", () => {
  const e = new Env();
  e.alter(LA_LIST, () => "LA Number,LA Name\n201,City of London\n");
  failsWith(e.run(["recheck", "--id", REF]), /context\/lookups\/la_code_list\.xlsx is not a readable spreadsheet: an \.xlsx or \.ods file is a zip archive, and this one is not/);
  const f = new Env();
  f.alter(S251_2018, () => "LA,LA Name\n201,City of London\n");
  failsWith(f.run(["recheck", "--id", "nao-1-26-foster"]), /S251ye2018\.xlsx is not a readable spreadsheet/);
});

test("fault 14: a mirror folder that does not exist is an error naming it", () => {
  const e = new Env();
  fs.rmSync(e.raw, { recursive: true });
  failsWith(e.run(["data"], { CSC_DATA_MIRROR: path.join(e.dir, "no-such-mirror") }), /the mirror folder .*no-such-mirror \(CSC_DATA_MIRROR\) does not exist/);
});

test("fault 15: an unreadable file is an error naming it", () => {
  const e = new Env();
  const p = path.join(e.raw, C1);
  fs.rmSync(p);
  fs.mkdirSync(p);
  failsWith(e.run(["recheck", "--id", REF]), /cannot read children-in-need\/ees-release-2020\/c1_children_in_need.*EISDIR/);
});

test("fault 16: a file missing from both the raw folder and the mirror is an error naming it", () => {
  const e = new Env();
  const mirror = path.join(e.dir, "mirror");
  fs.cpSync(e.raw, mirror, { recursive: true, dereference: false });
  fs.rmSync(path.join(mirror, C1));
  fs.rmSync(path.join(e.raw, C1));
  failsWith(e.run(["recheck", "--id", REF], { CSC_DATA_MIRROR: mirror }), new RegExp(`the mirror has no file ${C1.replace(/[.]/g, "\\.")}`));
});

test("fault 17: a duplicated column header is an error (which to read cannot be told)", () => {
  const e = new Env();
  e.lines(C1, (ls) => [ls[0].replace(",Referrals_rate,", ",Referrals,"), ...ls.slice(1)]);
  failsWith(e.run(["recheck", "--id", REF]), /column "Referrals" appears more than once in children-in-need\/ees-release-2020\/c1_/);
});

const claim = (over: Record<string, unknown>) => ({ id: "nao-fault", document: "nao", location: "para 1.7", quote: "In 2017-18, local authorities received 655,630 referrals.", stated: [{ written: "655,630", unit: "count", role: "level" }], check: "level", params: { of: "england", measure: "referrals", year: "2017-18" }, ...over });

test("fault 18: a registry entry with a duplicate id is refused, naming both files", () => {
  const e = new Env();
  e.registryWith("nao/zz-fault.json", [claim({ id: "nao-1-7-referrals" })]);
  failsWith(e.run(["recheck", "--id", REF]), /claim id "nao-1-7-referrals" appears twice \(nao\/part1\.json and nao\/zz-fault\.json\)/);
});

test("fault 19: a registry entry naming an unknown check is refused", () => {
  const e = new Env();
  e.registryWith("nao/zz-fault.json", [claim({ check: "noSuchCheck" })]);
  failsWith(e.run(["recheck", "--id", REF]), /claim "nao-fault" \(nao\/zz-fault\.json\) names the check "noSuchCheck", which does not exist/);
});

test("fault 20: a registry entry whose quote is not in the document is refused", () => {
  const e = new Env();
  e.registryWith("nao/zz-fault.json", [claim({ quote: "In 2017-18, local authorities received 655,631 referrals." })]);
  failsWith(e.run(["recheck", "--id", REF]), /1 quote\(s\) not found verbatim in the documents .*: nao-fault/);
});

test("fault 21: a registry file that is not JSON, and a manifest with a duplicate id, are refused", () => {
  const e = new Env();
  e.registryWith("nao/zz-fault.json", "[{ not json");
  failsWith(e.run(["recheck", "--id", REF]), /cannot read the claims file .*zz-fault\.json/);
  const f = new Env();
  f.manifest.push({ ...f.manifest[0] });
  f.save();
  failsWith(f.run(["recheck", "--id", REF]), /has the id "[a-z0-9-]+" twice/);
});

test("fault 22: --out is written atomically: a failing run leaves the old file as it was", () => {
  const e = new Env();
  const out = path.join(e.dir, "ledger.json");
  fs.writeFileSync(out, "previous ledger");
  e.alter(C1, (b) => Buffer.concat([b, Buffer.from("\n")]), { keepSha: true });
  failsWith(e.run(["recheck", "--format", "json", "--id", REF, "--out", out]), /sha256 mismatch/);
  assert.equal(fs.readFileSync(out, "utf8"), "previous ledger");
  assert.deepEqual(fs.readdirSync(e.dir).filter((f) => f.includes(".tmp-")), []);
});

test("fault 23: a CSV saved with Windows line ends and a byte-order mark still reads the same", () => {
  const e = new Env();
  e.alter(C1, (b) => "\uFEFF" + b.toString("utf8").replace(/^\uFEFF/, "").replace(/\n/g, "\r\n"));
  const r = e.row(REF);
  assert.equal(r.verdict, "confirmed");
  assert.deepEqual(r.recomputed, [655630]);
});
