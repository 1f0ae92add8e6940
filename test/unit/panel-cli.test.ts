import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { panelCommand } from "../../src/commands/panel";
import { tempDir } from "../tmp";

const ROOT = path.resolve(__dirname, "../../..");
const REFERENCE_DIR = process.env.CSC_REFERENCE_DIR ?? path.resolve(ROOT, "../shared/data/reference");
const GRUNFELD = path.join(REFERENCE_DIR, "grunfeld", "Grunfeld.csv");
const EMPLUK = path.join(ROOT, "test", "fixtures", "panel", "EmplUK.csv");
const TMP = tempDir("panel-cli-");

/** Runs the command with stdout and stderr captured. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const so = process.stdout.write.bind(process.stdout);
  const se = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await panelCommand(args);
    return { code, out, err };
  } finally {
    process.stdout.write = so;
    process.stderr.write = se;
  }
}

function close(actual: unknown, expected: number, tol: number, what: string): void {
  assert.equal(typeof actual, "number", `${what} is a number`);
  const d = Math.abs((actual as number) - expected);
  assert.ok(d <= tol, `${what}: got ${actual}, expected ${expected} (|diff| ${d.toExponential(2)})`);
}

const GRUNFELD_ARGS = ["--data", GRUNFELD, "--y", "inv", "--x", "value,capital", "--entity", "firm", "--time", "year"];

test("panel --format json on Grunfeld, one-way: contract keys first, plm values", async () => {
  const r = await run([...GRUNFELD_ARGS, "--effects", "oneway", "--format", "json"]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.err, "");
  const j = JSON.parse(r.out);
  assert.deepEqual(Object.keys(j).slice(0, 6), ["coefficients", "se", "n", "entities", "periods", "r2_within"]);
  close(j.coefficients.value, 0.1101238041, 1e-8, "value");
  close(j.coefficients.capital, 0.3100653413, 1e-8, "capital");
  close(j.se.value, 0.01185669421, 1e-8, "se value");
  close(j.se.capital, 0.01735450278, 1e-8, "se capital");
  close(j.r2_within, 0.7667576, 1e-7, "within R²");
  assert.equal(j.n, 200);
  assert.equal(j.entities, 10);
  assert.equal(j.periods, 20);
  assert.equal(j.df, 188);
  assert.equal(j.dropped, 0);
  assert.equal(j.vcov_type, "conventional");
});

test("panel defaults to JSON, and a leading 'panel' word is accepted", async () => {
  const r = await run(["panel", ...GRUNFELD_ARGS, "--effects", "twoways"]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  close(j.coefficients.value, 0.1177158551, 1e-8, "value");
  close(j.coefficients.capital, 0.3579162731, 1e-8, "capital");
  close(j.se.value, 0.013751283, 1e-8, "se value");
  close(j.se.capital, 0.02271901088, 1e-8, "se capital");
  assert.equal(j.df, 169);
});

test("panel --cluster entity gives plm's arellano HC0 (and sss) standard errors", async () => {
  const r = await run([...GRUNFELD_ARGS, "--effects=twoways", "--cluster", "entity"]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  close(j.se.value, 0.00971202368683505, 1e-10, "HC0 value");
  close(j.se.capital, 0.0429311089399739, 1e-10, "HC0 capital");
  assert.equal(j.vcov_type, "cluster-entity");
  assert.equal(j.cluster_type, "HC0");
  close(j.se_conventional.value, 0.013751283, 1e-8, "conventional value");
  const s = await run([...GRUNFELD_ARGS, "--effects", "twoways", "--cluster", "entity", "--cluster-type", "sss"]);
  const js = JSON.parse(s.out);
  close(js.se.value, 0.010263191236561, 1e-10, "sss value");
  close(js.se.capital, 0.0453674944847847, 1e-10, "sss capital");
});

test("panel on the unbalanced EmplUK fixture matches plm (two-way, clustered)", async () => {
  const r = await run([
    "--data", EMPLUK, "--y", "lemp", "--x", "lwage,lcapital,loutput", "--entity", "firm", "--time", "year",
    "--effects", "twoways", "--cluster", "entity",
  ]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  close(j.coefficients.lwage, -0.296876710894623, 1e-8, "lwage");
  close(j.coefficients.lcapital, 0.547559781779493, 1e-8, "lcapital");
  close(j.coefficients.loutput, 0.264824872662092, 1e-8, "loutput");
  close(j.se.lwage, 0.125174049844834, 1e-8, "se lwage");
  close(j.se.loutput, 0.151598110798049, 1e-8, "se loutput");
  close(j.p.lwage, 0.0179202369749419, 1e-8, "p lwage");
  close(j.r2_within, 0.457975411268059, 1e-8, "within R²");
  assert.equal(j.n, 1031);
  assert.equal(j.entities, 140);
  assert.equal(j.periods, 9);
  assert.equal(j.balanced, false);
});

test("panel --format table prints a regression table", async () => {
  const r = await run([...GRUNFELD_ARGS, "--effects", "oneway", "--format", "table"]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Oneway \(entity\) effects within model/);
  assert.match(r.out, /Estimate\s+Std\. Error\s+t value\s+Pr\(>\|t\|\)/);
  assert.match(r.out, /value\s+0\.110124\s+0\.0118567\s+9\.288\s+< 2\.2e-16\s+\*\*\*/);
  assert.match(r.out, /capital\s+0\.310065\s+0\.0173545\s+17\.867/);
  assert.match(r.out, /Balanced panel: n = 200, entities = 10, periods = 20/);
  assert.match(r.out, /Within R-Squared:\s+0\.7667576/);
});

test("missing cells (empty, NA) are dropped and reported", async () => {
  const lines = fs.readFileSync(GRUNFELD, "utf8").trim().split("\n");
  const cells = lines.map((l) => l.split(","));
  cells[5][3] = "NA"; // inv
  cells[9][4] = ""; // value
  const file = path.join(TMP, "missing.csv");
  fs.writeFileSync(file, cells.map((c) => c.join(",")).join("\n") + "\n");
  const r = await run(["--data", file, "--y", "inv", "--x", "value,capital", "--entity", "firm", "--time", "year", "--effects", "twoways"]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.n, 198);
  assert.equal(j.dropped, 2);
  assert.equal(j.balanced, false);
  assert.ok(Math.abs(j.coefficients.value - 0.1177158551) > 1e-6, "estimate moved after dropping rows");
});

test("missing file: clear message and exit 1", async () => {
  const r = await run(["--data", path.join(TMP, "nope.csv"), "--y", "inv", "--x", "value", "--entity", "firm", "--effects", "oneway"]);
  assert.equal(r.code, 1);
  assert.equal(r.out, "");
  assert.match(r.err, /cannot read --data ".*nope\.csv": no such file/);
});

test("missing column: names it and lists the columns found", async () => {
  const r = await run([...GRUNFELD_ARGS.slice(0, 4), "--x", "value,capitl", "--entity", "firm", "--time", "year", "--effects", "oneway"]);
  assert.equal(r.code, 1);
  assert.match(r.err, /column "capitl" \(--x\) not found in ".*Grunfeld\.csv"; columns found: rownames, firm, year, inv, value, capital/);
  const e = await run([...GRUNFELD_ARGS.slice(0, 6), "--entity", "company", "--effects", "oneway"]);
  assert.equal(e.code, 1);
  assert.match(e.err, /column "company" \(--entity\) not found/);
});

test("non-numeric cell: names the row and the column", async () => {
  const lines = fs.readFileSync(GRUNFELD, "utf8").trim().split("\n");
  const cells = lines.map((l) => l.split(","));
  cells[3][4] = "12O.5"; // data row 3, column value
  const file = path.join(TMP, "bad-cell.csv");
  fs.writeFileSync(file, cells.map((c) => c.join(",")).join("\n") + "\n");
  const r = await run(["--data", file, "--y", "inv", "--x", "value,capital", "--entity", "firm", "--effects", "oneway"]);
  assert.equal(r.code, 1);
  assert.match(r.err, /line 4 \(data row 3\): column "value": "12O\.5" is not a number/);
});

test("unknown --effects, --format, --cluster and missing options: usage errors (exit 2)", async () => {
  const bad = await run([...GRUNFELD_ARGS, "--effects", "threeways"]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown --effects "threeways" \(use oneway, twoways\)/);
  const near = await run([...GRUNFELD_ARGS, "--effects", "twoway"]);
  assert.equal(near.code, 2);
  assert.match(near.err, /unknown --effects "twoway"; did you mean twoways\?/);
  const fmt = await run([...GRUNFELD_ARGS, "--format", "xml"]);
  assert.equal(fmt.code, 2);
  assert.match(fmt.err, /unknown --format "xml"/);
  const cl = await run([...GRUNFELD_ARGS, "--cluster", "time"]);
  assert.equal(cl.code, 2);
  assert.match(cl.err, /unknown --cluster "time"/);
  const noY = await run(["--data", GRUNFELD, "--x", "value", "--entity", "firm"]);
  assert.equal(noY.code, 2);
  assert.match(noY.err, /missing --y/);
  const noTime = await run(["--data", GRUNFELD, "--y", "inv", "--x", "value", "--entity", "firm", "--effects", "twoways"]);
  assert.equal(noTime.code, 2);
  assert.match(noTime.err, /--effects twoways needs --time/);
  const unknown = await run([...GRUNFELD_ARGS, "--weights", "w"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown option --weights/);
});

test("a regressor without within variation is named (exit 1)", async () => {
  const r = await run(["--data", GRUNFELD, "--y", "inv", "--x", "value,year", "--entity", "firm", "--time", "year", "--effects", "twoways"]);
  assert.equal(r.code, 1);
  assert.match(r.err, /regressor "year" has no variation after removing entity and time effects/);
});

test("--help prints the usage", async () => {
  const r = await run(["--help"]);
  assert.equal(r.code, 0);
  assert.match(r.out, /Usage: csc-factcheck panel --data FILE\.csv/);
});

test("panel: a file without quotes and the same file quoted give the same fit and the same errors", async () => {
  const plain = fs.readFileSync(GRUNFELD, "utf8");
  assert.equal(plain.includes('"'), false, "the reference file has no quotes");
  const lines = plain.trim().split("\n");
  const quoted = path.join(TMP, "grunfeld-quoted.csv");
  fs.writeFileSync(quoted, [lines[0].split(",").map((h) => `"${h}"`).join(","), ...lines.slice(1)].join("\r\n") + "\r\n");
  const a = await run([...GRUNFELD_ARGS, "--effects", "twoways", "--format", "json"]);
  const b = await run(["--data", quoted, ...GRUNFELD_ARGS.slice(2), "--effects", "twoways", "--format", "json"]);
  assert.equal(a.code, 0, a.err);
  assert.equal(b.code, 0, b.err);
  assert.deepEqual(JSON.parse(a.out), JSON.parse(b.out));
  const badPlain = path.join(TMP, "bad-plain.csv");
  const badQuoted = path.join(TMP, "bad-quoted.csv");
  const broken = [...lines.slice(0, 4), lines[4].replace(/,[^,]*$/, ",abc"), ...lines.slice(5)];
  fs.writeFileSync(badPlain, broken.join("\n") + "\n");
  fs.writeFileSync(badQuoted, [`"${broken[0].split(",").join('","')}"`, ...broken.slice(1)].join("\n") + "\n");
  const e1 = await run(["--data", badPlain, ...GRUNFELD_ARGS.slice(2), "--effects", "oneway"]);
  const e2 = await run(["--data", badQuoted, ...GRUNFELD_ARGS.slice(2), "--effects", "oneway"]);
  assert.equal(e1.code, 1);
  assert.match(e1.err, /line 5 \(data row 4\): column "capital": "abc" is not a number/);
  assert.equal(e2.err.replace(badQuoted, "F"), e1.err.replace(badPlain, "F"));
});
