/**
 * `panel` on bad and awkward inputs: ragged rows, labels that look like numbers, a response among
 * the regressors, extreme scales, nearly collinear regressors, CR line ends, duplicated headers,
 * control characters, files read in chunks, HC1 standard errors, weakly connected two-way panels.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { panelCommand } from "../../src/commands/panel";
import { readPanelCsv, printable } from "../../src/commands/panel-csv";
import { within } from "../../src/stats/panel";

const ROOT = path.resolve(__dirname, "../../..");
const REFERENCE_DIR = process.env.CSC_REFERENCE_DIR ?? path.resolve(ROOT, "../shared/data/reference");
const GRUNFELD = path.join(REFERENCE_DIR, "grunfeld", "Grunfeld.csv");
const EMPLUK = path.join(ROOT, "test", "fixtures", "panel", "EmplUK.csv");
const COLLINEAR = path.join(ROOT, "test", "fixtures", "panel", "collinear.csv");
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "csc-panel-"));
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const so = process.stdout.write.bind(process.stdout);
  const se = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((c: string | Uint8Array) => ((out += c.toString()), true)) as typeof process.stdout.write;
  process.stderr.write = ((c: string | Uint8Array) => ((err += c.toString()), true)) as typeof process.stderr.write;
  try {
    return { code: await panelCommand(args), out, err };
  } finally {
    process.stdout.write = so;
    process.stderr.write = se;
  }
}

const write = (name: string, text: string) => {
  const f = path.join(TMP, name);
  fs.writeFileSync(f, text);
  return f;
};
const grunfeldLines = () => fs.readFileSync(GRUNFELD, "utf8").trim().split("\n");
const G = (file: string) => ["--data", file, "--y", "inv", "--x", "value,capital", "--entity", "firm", "--time", "year"];
const relClose = (a: number, b: number, tol: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tol * Math.abs(b), `${what}: ${a} vs ${b} (relative ${(Math.abs(a - b) / Math.abs(b)).toExponential(2)})`);

test("a row with a field too many is refused, naming its line, with or without quotes in the file", async () => {
  const lines = grunfeldLines();
  // row 7 (line 8): value 1,362.4 written with a thousands comma, unquoted
  const cells = lines[7].split(",");
  cells[4] = "1,362.4";
  const ragged = [...lines.slice(0, 7), cells.join(","), ...lines.slice(8)];
  const plain = write("ragged-plain.csv", ragged.join("\n") + "\n");
  const quoted = write("ragged-quoted.csv", [lines[0].split(",").map((h) => `"${h}"`).join(","), ...ragged.slice(1)].join("\n") + "\n");
  for (const f of [plain, quoted]) {
    const r = await run([...G(f), "--effects", "oneway"]);
    assert.equal(r.code, 1, r.err);
    assert.equal(r.out, "");
    assert.match(r.err, /line 8 \(data row 7\): has 7 fields, but the header has 6 \(a value holding a comma, such as 12,010 or Bath, NE Somerset, must be quoted\)/);
  }
  // a field too few
  const short = write("short.csv", [...lines.slice(0, 3), lines[3].replace(/,[^,]*$/, ""), ...lines.slice(4)].join("\n") + "\n");
  const r = await run([...G(short), "--effects", "oneway"]);
  assert.equal(r.code, 1);
  assert.match(r.err, /line 4 \(data row 3\): has 5 fields, but the header has 6/);
  // an unquoted entity name with a comma
  const named = write("names.csv", "la,year,y,x\nBath and NE Somerset,2010,1,2\nBath, NE Somerset,2011,2,3\n");
  const n = await run(["--data", named, "--y", "y", "--x", "x", "--entity", "la"]);
  assert.equal(n.code, 1);
  assert.match(n.err, /line 3 \(data row 2\): has 5 fields, but the header has 4/);
  // quoted, the same name is one field
  const ok = readPanelCsv(write("names-quoted.csv", 'la,year,y,x\n"Bath, NE Somerset",2010,1,2\n"Bath, NE Somerset",2011,2,3\n'), { y: "y", x: ["x"], entity: "la" });
  assert.deepEqual(ok.entity.levels, ["Bath, NE Somerset"]);
});

test("entity and time labels are text: 1, 01, 1.0 and 5e0 are four entities, and long ids stay distinct", async () => {
  const rows = ["id,t,y,x"];
  const ids = ["1", "01", "1.0", "5e0", "12345678901234567890", "12345678901234567891"];
  ids.forEach((id, k) => {
    for (let t = 0; t < 3; t++) rows.push(`${id},${t},${k + t * (k + 1) + ((k * t) % 4)},${t * k + ((t * t * k) % 5)}`);
  });
  const f = write("labels.csv", rows.join("\n") + "\n");
  const cols = readPanelCsv(f, { y: "y", x: ["x"], entity: "id", time: "t" });
  assert.deepEqual(cols.entity.levels, ids);
  const r = await run(["--data", f, "--y", "y", "--x", "x", "--entity", "id", "--time", "t", "--effects", "twoways"]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.entities, 6);
  assert.equal(j.periods, 3);
  assert.equal(j.n, 18);
});

test("--x holding the --y column is refused (as plm does), not a fit with R² = 1", async () => {
  const r = await run([...G(GRUNFELD).slice(0, 4), "--x", "value,inv", "--entity", "firm"]);
  assert.equal(r.code, 2);
  assert.equal(r.out, "");
  assert.match(r.err, /--x includes the response --y "inv"/);
});

test("columns near the ends of the double range: coefficients scale, standard errors stay finite", async () => {
  const base = JSON.parse((await run([...G(GRUNFELD), "--effects", "twoways", "--cluster", "entity"])).out);
  const lines = grunfeldLines();
  const scaled = (col: number, by: string) =>
    write(`scaled-${col}.csv`, [lines[0], ...lines.slice(1).map((l) => l.split(",").map((c, i) => (i === col ? `${c}e${by}` : c)).join(","))].join("\n") + "\n");
  // value (column 4) × 1e200: its coefficient × 1e-200
  const rx = await run([...G(scaled(4, "200")), "--effects", "twoways", "--cluster", "entity"]);
  assert.equal(rx.code, 0, rx.err);
  const jx = JSON.parse(rx.out);
  relClose(jx.coefficients.value, base.coefficients.value * 1e-200, 1e-12, "value × 1e200");
  relClose(jx.se.value, base.se.value * 1e-200, 1e-12, "se value × 1e200");
  relClose(jx.coefficients.capital, base.coefficients.capital, 1e-12, "capital unchanged");
  // inv (y, column 3) × 1e200: every coefficient and standard error × 1e200, all finite
  const ry = await run([...G(scaled(3, "200")), "--effects", "twoways", "--cluster", "entity"]);
  assert.equal(ry.code, 0, ry.err);
  const jy = JSON.parse(ry.out);
  for (const k of ["value", "capital"]) {
    assert.ok(Number.isFinite(jy.se[k]) && Number.isFinite(jy.se_conventional[k]), `se ${k} finite`);
    relClose(jy.coefficients[k], base.coefficients[k] * 1e200, 1e-12, `${k} with y × 1e200`);
    relClose(jy.se[k], base.se[k] * 1e200, 1e-12, `se ${k} with y × 1e200`);
  }
  relClose(jy.r2_within, base.r2_within, 1e-12, "within R²");
  // and tiny: × 1e-200
  const rt = await run([...G(scaled(4, "-200")), "--effects", "oneway"]);
  assert.equal(rt.code, 0, rt.err);
});

test("nearly collinear regressors: the fit matches plm to 1e-8 (QR, not the normal equations)", async () => {
  // test/fixtures/panel/make-collinear.R: R 4.2.2, plm 2.6-2, on exactly what collinear.csv holds
  const ref = {
    oneway: { x1: 3463.9820447818615, x2: -3463.0088535571058, se1: 3879.0829665519341, se2: 3879.0820916028115, r2: 0.92313031028810888, df: 198 },
    twoways: { x1: 3143.9053852311235, x2: -3142.9320938788569, se1: 3944.9869428656343, se2: 3944.9861334223328, r2: 0.9222002024363718, df: 193 },
  };
  for (const effects of ["oneway", "twoways"] as const) {
    const r = await run(["--data", COLLINEAR, "--y", "y", "--x", "x1,x2", "--entity", "id", "--time", "t", "--effects", effects]);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    const e = ref[effects];
    relClose(j.coefficients.x1, e.x1, 1e-8, `${effects} x1`);
    relClose(j.coefficients.x2, e.x2, 1e-8, `${effects} x2`);
    relClose(j.se.x1, e.se1, 1e-8, `${effects} se x1`);
    relClose(j.se.x2, e.se2, 1e-8, `${effects} se x2`);
    relClose(j.r2_within, e.r2, 1e-10, `${effects} R²`);
    assert.equal(j.df, e.df);
  }
});

test("HC1 clustered standard errors (--vcov hc1) match plm's vcovHC(type = \"HC1\")", async () => {
  // test/fixtures/panel/make-collinear.R prints these (R 4.2.2, plm 2.6-2)
  const grunfeld = { oneway: [0.014414396782794223, 0.05004345468779773], twoways: [0.0097609510679624329, 0.043147387935686531] };
  const empluk = { oneway: [0.11458601405195491, 0.04875225967112197, 0.10179138382839983], twoways: [0.12535656374470236, 0.050330304053442909, 0.15181915311831093] };
  for (const effects of ["oneway", "twoways"] as const) {
    const g = await run([...G(GRUNFELD), "--effects", effects, "--cluster", "entity", "--vcov", "hc1"]);
    assert.equal(g.code, 0, g.err);
    const jg = JSON.parse(g.out);
    assert.equal(jg.cluster_type, "HC1");
    relClose(jg.se.value, grunfeld[effects][0], 1e-9, `Grunfeld ${effects} value`);
    relClose(jg.se.capital, grunfeld[effects][1], 1e-9, `Grunfeld ${effects} capital`);
    const e = await run(["--data", EMPLUK, "--y", "lemp", "--x", "lwage,lcapital,loutput", "--entity", "firm", "--time", "year", "--effects", effects, "--cluster", "entity", "--vcov", "HC1"]);
    assert.equal(e.code, 0, e.err);
    const je = JSON.parse(e.out);
    ["lwage", "lcapital", "loutput"].forEach((k, i) => relClose(je.se[k], empluk[effects][i], 1e-9, `EmplUK ${effects} ${k}`));
  }
  const t = await run([...G(GRUNFELD), "--effects", "oneway", "--cluster", "entity", "--vcov", "hc1", "--format", "table"]);
  assert.match(t.out, /HC1: n\/\(n-K\)/);
  const bad = await run([...G(GRUNFELD), "--cluster", "entity", "--vcov", "hc3"]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown --vcov "hc3"; did you mean HC0\? \(use HC0, HC1, sss\)/);
  const alone = await run([...G(GRUNFELD), "--vcov", "hc1"]);
  assert.equal(alone.code, 2);
  assert.match(alone.err, /--vcov chooses the clustered standard errors: add --cluster entity/);
});

test("the file is read in chunks: any chunk size gives the same columns, quoted fields and CR line ends included", () => {
  const lines = grunfeldLines();
  const quoted = ['"rownames","firm","year","inv","value","capital"', ...lines.slice(1).map((l, i) => (i % 3 ? l : l.replace(/^(\d+),/, '"$1",')))];
  const texts = {
    lf: lines.join("\n") + "\n",
    crlf: lines.join("\r\n") + "\r\n",
    cr: lines.join("\r"),
    quoted: quoted.join("\r\n"),
    bom: "\uFEFF" + lines.join("\n"),
  };
  const spec = { y: "inv", x: ["value", "capital"], entity: "firm", time: "year" };
  const want = readPanelCsv(write("whole.csv", texts.lf), spec);
  assert.equal(want.records, 200);
  for (const [name, text] of Object.entries(texts)) {
    const f = write(`chunks-${name}.csv`, text);
    for (const chunkSize of [1, 2, 3, 7, 64, 4096, 1 << 20]) {
      const got = readPanelCsv(f, spec, { chunkSize });
      assert.deepEqual(Array.from(got.y), Array.from(want.y), `${name}, chunks of ${chunkSize}: y`);
      assert.deepEqual(Array.from(got.x.value), Array.from(want.x.value), `${name}, chunks of ${chunkSize}: value`);
      assert.deepEqual(got.entity.levels, want.entity.levels, `${name}, chunks of ${chunkSize}: entities`);
      assert.deepEqual(Array.from(got.time!.codes), Array.from(want.time!.codes), `${name}, chunks of ${chunkSize}: time`);
    }
  }
  // a quoted field across lines, with doubled quotes, read in tiny chunks
  const multi = write("multi.csv", 'id,note,y,x\na,"line one\nline ""two""",1,2\na,plain,2,3\nb,"x,y",3,5\nb,"",4,4\n');
  for (const chunkSize of [1, 5, 1000]) {
    const c = readPanelCsv(multi, { y: "y", x: ["x"], entity: "id" }, { chunkSize });
    assert.deepEqual(Array.from(c.y), [1, 2, 3, 4]);
    assert.deepEqual(c.entity.levels, ["a", "b"]);
  }
  // the line numbers of errors are the same whatever the chunk size
  const bad = write("bad-lines.csv", 'id,note,y,x\na,"two\nlines",1,2\na,ok,2,3,9\n');
  for (const chunkSize of [1, 3, 1000]) {
    assert.throws(() => readPanelCsv(bad, { y: "y", x: ["x"], entity: "id" }, { chunkSize }), /line 4 \(data row 2\): has 5 fields, but the header has 4/);
  }
  assert.throws(() => readPanelCsv(write("open.csv", 'id,y,x\na,"1,2\n'), { y: "y", x: ["x"], entity: "id" }), /line 2: a quoted field is opened and never closed/);
});

test("CR-only line ends give the same fit; a missing column lists at most 20 of the columns found", async () => {
  const lines = grunfeldLines();
  const cr = write("cr.csv", lines.join("\r") + "\r");
  const a = await run([...G(GRUNFELD), "--effects", "twoways"]);
  const b = await run([...G(cr), "--effects", "twoways"]);
  assert.equal(b.code, 0, b.err);
  assert.deepEqual(JSON.parse(b.out).coefficients, JSON.parse(a.out).coefficients);
  const wide = write("wide.csv", [Array.from({ length: 100 }, (_, i) => `c${i}`).join(","), Array.from({ length: 100 }, (_, i) => i).join(",")].join("\n") + "\n");
  const m = await run(["--data", wide, "--y", "c1", "--x", "c2", "--entity", "nope"]);
  assert.equal(m.code, 1);
  assert.match(m.err, /column "nope" \(--entity\) not found in .*; columns found: c0, c1, .*, c19, … \(100 columns\)\n$/);
});

test("a duplicated header naming a column the model uses is refused", async () => {
  const lines = grunfeldLines();
  const f = write("dup-header.csv", [lines[0].replace("capital", "value"), ...lines.slice(1)].join("\n") + "\n");
  const r = await run(["--data", f, "--y", "inv", "--x", "value", "--entity", "firm"]);
  assert.equal(r.code, 1);
  assert.match(r.err, /column "value" \(--x\) appears 2 times in the header of .* \(columns 5 and 6\): which to read cannot be told/);
});

test("control characters from the file are never echoed to the terminal", async () => {
  const lines = grunfeldLines();
  const cells = lines[2].split(",");
  cells[4] = "\x1b[2J\x1b]0;pwned\x07";
  const f = write("ctrl.csv", [lines[0], lines[1], cells.join(","), ...lines.slice(3)].join("\n") + "\n");
  const r = await run([...G(f), "--effects", "oneway"]);
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.err, /[\x00-\x08\x0b-\x1f\x7f]/, "no control character reaches stderr");
  assert.match(r.err, /column "value": "\\u\{1b\}\[2J\\u\{1b\}\]0;pwned\\u\{7\}" is not a number/);
  const h = write("ctrl-header.csv", "id\x1b[31m,y,x\n1,2,3\n");
  const rh = await run(["--data", h, "--y", "y", "--x", "x", "--entity", "id"]);
  assert.equal(rh.code, 1);
  assert.doesNotMatch(rh.err, /\x1b/);
  assert.equal(printable("a\u202eb"), "a\\u{202e}b");
});

test("a weakly connected two-way panel: alternating projections hand over to the direct method", () => {
  // a staircase: entity i is seen in periods i, i + 1 and i + 2 only (250 entities, 252 periods)
  const y: number[] = [];
  const x: number[] = [];
  const e: string[] = [];
  const t: number[] = [];
  let s = 7;
  const rnd = () => ((s = (s * 48271) % 2147483647) / 2147483647) - 0.5;
  for (let i = 0; i < 250; i++) {
    for (const p of [i, i + 1, i + 2]) {
      const xv = rnd() * 4 + p * 0.01;
      e.push(`e${i}`);
      t.push(p);
      x.push(xv);
      y.push(1.5 * xv + i * 0.1 + p * 0.05 + rnd());
    }
  }
  const data = { y, x: { x }, entity: e, time: t };
  const t0 = Date.now();
  const auto = within(data, { effects: "twoways" });
  const seconds = (Date.now() - t0) / 1000;
  const direct = within(data, { effects: "twoways", twowaysMethod: "dummies" });
  assert.equal(auto.twowaysMethod, "dummies", "fell back to the direct method");
  relClose(auto.coefficients.x, direct.coefficients.x, 1e-9, "coefficient");
  relClose(auto.se.x, direct.se.x, 1e-9, "se");
  assert.equal(auto.df, direct.df);
  assert.ok(seconds < 5, `took ${seconds} s`);
  assert.throws(() => within(data, { effects: "twoways", twowaysMethod: "alternating", maxIterations: 50 }), /alternating projections did not converge/);
});
