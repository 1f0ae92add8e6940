/**
 * The command line's options, without data: --help on every command does nothing else; unknown
 * options, missing values and unknown list items are usage errors (exit 2) with the nearest
 * suggestion; file-system errors are one line (exit 1).
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli";
import { editDistance, nearest, listOf, oneOf, UsageError } from "../../src/commands/args";
import { makeKit } from "../fixture-kit";

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "csc-cli-"));
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

/** Runs the command line in this process with an empty raw folder and no mirror: any attempt to fetch data fails. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string; raw: string }> {
  const raw = fs.mkdtempSync(path.join(TMP, "raw-"));
  fs.rmSync(raw, { recursive: true });
  const vars = { CSC_RAW_DIR: raw, CSC_DATA_MIRROR: path.join(TMP, "no-mirror"), CSC_CACHE_DIR: path.join(TMP, "cache"), ...env };
  const old: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(vars)) {
    old[k] = process.env[k];
    process.env[k] = v;
  }
  let out = "";
  let err = "";
  const so = process.stdout.write.bind(process.stdout);
  const se = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((c: string | Uint8Array) => ((out += c.toString()), true)) as typeof process.stdout.write;
  process.stderr.write = ((c: string | Uint8Array) => ((err += c.toString()), true)) as typeof process.stderr.write;
  try {
    return { code: await main(args), out, err, raw };
  } finally {
    process.stdout.write = so;
    process.stderr.write = se;
    for (const [k, v] of Object.entries(old)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

test("--help on every command prints that command's usage and does nothing else", async () => {
  const usage: Record<string, RegExp> = {
    data: /^Usage: csc-factcheck data\n/,
    recheck: /^Usage: csc-factcheck recheck \[--format table\|json\|csv\|md\]/,
    disagreements: /^Usage: csc-factcheck disagreements/,
    report: /^Usage: csc-factcheck report/,
    panel: /^Usage: csc-factcheck panel --data FILE\.csv/,
  };
  for (const [cmd, re] of Object.entries(usage)) {
    for (const flag of ["--help", "-h"]) {
      const r = await cli([cmd, flag, ...(cmd === "recheck" ? ["--format", "json"] : [])]);
      assert.equal(r.code, 0, `${cmd} ${flag}: ${r.err}`);
      assert.match(r.out, re, `${cmd} ${flag}`);
      assert.equal(r.err, "", `${cmd} ${flag} says nothing else`);
      assert.equal(fs.existsSync(r.raw), false, `${cmd} ${flag} fetched nothing`);
    }
    const h = await cli(["help", cmd]);
    assert.equal(h.code, 0);
    assert.match(h.out, re);
  }
  const all = await cli([]);
  assert.equal(all.code, 0);
  assert.match(all.out, /csc-factcheck recheck \[options\]/);
});

test("an unknown option is a usage error that suggests the nearest", async () => {
  const cases: [string[], RegExp][] = [
    [["recheck", "--fromat", "json"], /recheck: unknown option --fromat; did you mean --format\?\nOptions: --format, --doc, --id, --out, --help/],
    [["recheck", "--output", "ledger.json"], /recheck: unknown option --output; did you mean --out\?/],
    [["report", "--outt", "site"], /report: unknown option --outt; did you mean --out\?/],
    [["panel", "--dat", "x.csv"], /panel: unknown option --dat; did you mean --data\?/],
    [["disagreements", "--formats", "md"], /disagreements: unknown option --formats; did you mean --format\?/],
    [["data", "--mirror", "x"], /data: unknown option --mirror\nOptions: --help/],
    [["recheck", "-x"], /recheck: unknown option -x/],
    [["recheck", "stray"], /recheck: unexpected argument "stray"/],
  ];
  for (const [args, re] of cases) {
    const r = await cli(args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.err}`);
    assert.match(r.err, re);
    assert.equal(r.out, "");
    assert.equal(fs.existsSync(r.raw), false);
  }
  const cmd = await cli(["rechek"]);
  assert.equal(cmd.code, 2);
  assert.match(cmd.err, /unknown command "rechek"; did you mean recheck\?/);
});

test("a missing value is an error, not the text \"true\"", async () => {
  for (const args of [["recheck", "--out"], ["recheck", "--format"], ["recheck", "--out", "--format", "json"], ["recheck", "--doc", ""], ["report", "--ledger"], ["panel", "--data"]]) {
    const r = await cli(args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.err}`);
    assert.match(r.err, /option --\w+ needs a value/, args.join(" "));
    assert.equal(fs.existsSync(path.join(process.cwd(), "true")), false);
  }
});

test("unknown values, and unknown items in lists, are refused with the valid ones and the nearest", async () => {
  const fmt = await cli(["recheck", "--format", "jsn"]);
  assert.equal(fmt.code, 2);
  assert.match(fmt.err, /recheck: unknown --format "jsn"; did you mean json\? \(use table, json, csv, md\)/);
  const doc = await cli(["recheck", "--doc", "nao,bogus"]);
  assert.equal(doc.code, 2);
  assert.match(doc.err, /unknown --doc "bogus" \(use nao, pac, hcl, govuk, cc\)/);
  const near = await cli(["recheck", "--doc", "nao,hlc"]);
  assert.match(near.err, /unknown --doc "hlc"; did you mean hcl\?/);
  const empty = await cli(["recheck", "--doc", "nao,"]);
  assert.match(empty.err, /--doc "nao," has an empty item/);
  assert.deepEqual(listOf("recheck", "doc", "NAO,Pac", ["nao", "pac", "hcl", "govuk", "cc"] as const), ["nao", "pac"], "--doc in any case");
  assert.equal(oneOf("x", "format", "JSON", ["table", "json"] as const), "json");
  assert.throws(() => oneOf("x", "format", "xml", ["table", "json"] as const), UsageError);
});

test("--id: an unknown id is refused, naming it; a prefix suggests ID*", async () => {
  const prefix = await cli(["recheck", "--id", "nao-1-7"]);
  assert.equal(prefix.code, 2);
  assert.match(prefix.err, /no claim has the id "nao-1-7"; \d+ begins? with it \(nao-1-7-.*\): did you mean nao-1-7\*\?/);
  const mixed = await cli(["recheck", "--id", "nao-1-7-referrals,nao-1-7-referals-x"]);
  assert.equal(mixed.code, 2);
  assert.match(mixed.err, /no claim has the id "nao-1-7-referals-x"; did you mean nao-1-7-referrals/);
  const star = await cli(["recheck", "--id", "nao-zz-*"]);
  assert.equal(star.code, 2);
  assert.match(star.err, /--id nao-zz-\* matches no claim/);
  assert.equal(fs.existsSync(prefix.raw), false, "refused before any data is fetched");
});

test("file-system errors are one line with exit 1, never a stack trace", async () => {
  const kit = makeKit();
  try {
    kit.add("t-a", "a/a.csv", "x\n1\n");
    kit.writeManifest();
    const blocker = path.join(kit.dir, "a-file");
    fs.writeFileSync(blocker, "x");
    const r = await cli(["data"], { CSC_SOURCES: kit.sources, CSC_RAW_DIR: path.join(blocker, "raw"), CSC_DATA_MIRROR: kit.mirror, CSC_CACHE_DIR: kit.cache });
    assert.equal(r.code, 1, r.err);
    assert.doesNotMatch(r.err, /unexpected error|\n\s+at /);
    assert.match(r.err, /csc-factcheck: cannot write .*a-file\/raw\/a\/a\.csv: a part of the path is a file, not a folder \(ENOTDIR\)\n/);
  } finally {
    fs.rmSync(kit.dir, { recursive: true, force: true });
  }
});

test("edit distance and nearest", () => {
  assert.equal(editDistance("fromat", "format"), 1);
  assert.equal(editDistance("", "abc"), 3);
  assert.deepEqual(nearest("output", ["format", "doc", "id", "out"]), ["out"]);
  assert.deepEqual(nearest("zzzzzz", ["format", "doc"]), []);
});
