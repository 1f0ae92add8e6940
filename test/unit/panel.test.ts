import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "csv-parse/sync";
import {
  within,
  oneway,
  twoways,
  withinTransform,
  groupMeans,
  factorize,
  connectedComponents,
  ols,
  type PanelData,
  type WithinResult,
  type Key,
} from "../../src/stats/panel";
import { spdFactor, studentTTwoSidedP, incompleteBeta } from "../../src/stats/linalg";
import { formatPanelTable, formatSignificant, formatPValue } from "../../src/stats/panel-format";
import { seededRandom } from "../../src/stats/random";

// dist/test/unit -> project root
const ROOT = path.resolve(__dirname, "../../..");
const REFERENCE_DIR = process.env.CSC_REFERENCE_DIR ?? path.resolve(ROOT, "../shared/data/reference");
const GRUNFELD = path.join(REFERENCE_DIR, "grunfeld", "Grunfeld.csv");
const EMPLUK = path.join(ROOT, "test", "fixtures", "panel", "EmplUK.csv");

type Row = Record<string, number>;

function readRows(file: string): Row[] {
  const recs = parse(fs.readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return recs.map((r) => {
    const o: Row = {};
    for (const [k, v] of Object.entries(r)) o[k] = Number(v);
    return o;
  });
}

function panelOf(rows: Row[], y: string, xs: string[], entity: string, time: string): PanelData {
  const x: Record<string, number[]> = {};
  for (const nm of xs) x[nm] = rows.map((r) => r[nm]);
  return { y: rows.map((r) => r[y]), x, entity: rows.map((r) => r[entity]), time: rows.map((r) => r[time]) };
}

function close(actual: number, expected: number, tol: number, what: string): void {
  const d = Math.abs(actual - expected);
  assert.ok(d <= tol, `${what}: got ${actual}, expected ${expected} (|diff| ${d.toExponential(2)} > ${tol})`);
}

function closeRel(actual: number, expected: number, rel: number, what: string): void {
  const d = Math.abs(actual - expected) / Math.abs(expected);
  assert.ok(d <= rel, `${what}: got ${actual}, expected ${expected} (relative diff ${d.toExponential(2)} > ${rel})`);
}

function closeRecord(actual: Record<string, number>, expected: Record<string, number>, tol: number, what: string): void {
  assert.deepEqual(Object.keys(actual), Object.keys(expected), `${what}: names`);
  for (const k of Object.keys(expected)) close(actual[k], expected[k], tol, `${what} ${k}`);
}

const rng = seededRandom;

function shuffled<T>(xs: T[], seed: number): T[] {
  const r = rng(seed);
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Independent two-way estimate: OLS (QR) of y on the regressors, a full set
 * of entity dummies and time dummies with one reference period per connected
 * component. Returns coefficients, conventional SE and entity-clustered HC0
 * SE of the slopes.
 */
function dummyOls(
  rows: Row[],
  y: string,
  xs: string[],
  entity: string,
  time: string | null,
): { coef: number[]; se: number[]; seCluster: number[]; df: number } {
  const ents = [...new Set(rows.map((r) => r[entity]))].sort((a, b) => a - b);
  let times: number[] = [];
  if (time) {
    times = [...new Set(rows.map((r) => r[time]))].sort((a, b) => a - b);
    // Drop one reference period per connected component of the entity–time graph.
    const e = factorize(rows.map((r) => r[entity]));
    const t = factorize(rows.map((r) => r[time]));
    const cc = connectedComponents(e.codes, e.levels.length, t.codes, t.levels.length);
    const seen = new Set<number>();
    times = times.filter((tv, g) => {
      const comp = cc.label[e.levels.length + g];
      if (seen.has(comp)) return true;
      seen.add(comp);
      return false;
    });
  }
  const X = rows.map((r) => [
    ...xs.map((nm) => r[nm]),
    ...ents.map((e) => (r[entity] === e ? 1 : 0)),
    ...times.map((tv) => (time && r[time] === tv ? 1 : 0)),
  ]);
  const fit = ols(X, rows.map((r) => r[y]));
  const K = xs.length;
  const P = X[0].length;
  // Clustered sandwich of the full regression; its slope block equals the within one (FWL).
  const bread = fit.vcov.map((row) => row.map((v) => (v * fit.df) / fit.ssr));
  const scores = new Map<number, number[]>();
  rows.forEach((r, i) => {
    const s = scores.get(r[entity]) ?? new Array<number>(P).fill(0);
    for (let j = 0; j < P; j++) s[j] += X[i][j] * fit.residuals[i];
    scores.set(r[entity], s);
  });
  const seCluster: number[] = [];
  for (let a = 0; a < K; a++) {
    let v = 0;
    for (const s of scores.values()) {
      let u = 0;
      for (let j = 0; j < P; j++) u += bread[a][j] * s[j];
      v += u * u;
    }
    seCluster.push(Math.sqrt(v));
  }
  return { coef: fit.coefficients.slice(0, K), se: fit.se.slice(0, K), seCluster, df: fit.df };
}

const grunfeld = readRows(GRUNFELD);
const G_X = ["value", "capital"];
const gData = panelOf(grunfeld, "inv", G_X, "firm", "year");

/** Grunfeld with rows removed: a deterministic pattern plus whole firm-years, to make it unbalanced. */
const grunfeldUnbalanced = grunfeld.filter(
  (r) => (r.firm * 7 + r.year) % 5 !== 0 && !(r.firm === 3 && r.year < 1940) && !(r.year === 1954 && r.firm > 6),
);

// ---------------------------------------------------------------------------
// Reference values: R plm on Grunfeld (see PROVENANCE.md beside Grunfeld.csv)
// ---------------------------------------------------------------------------

test("Grunfeld data is the 200-row plm version", () => {
  assert.equal(grunfeld.length, 200);
  assert.match(fs.readFileSync(path.join(REFERENCE_DIR, "grunfeld", "PROVENANCE.md"), "utf8"), /plm/);
});

test("one-way within matches plm on Grunfeld (coefficients, SE to 1e-8; within R² to 1e-7)", () => {
  const fit = within(gData, { effects: "oneway" });
  closeRecord(fit.coefficients, { value: 0.1101238041, capital: 0.3100653413 }, 1e-8, "coef");
  closeRecord(fit.se, { value: 0.01185669421, capital: 0.01735450278 }, 1e-8, "se");
  close(fit.r2Within, 0.7667576, 1e-7, "within R²");
  assert.equal(fit.n, 200);
  assert.equal(fit.entities, 10);
  assert.equal(fit.periods, 20);
  assert.equal(fit.df, 200 - 2 - 10);
  assert.equal(fit.dropped, 0);
  assert.equal(fit.balanced, true);
  // Values printed by R 4.2.2 / plm 2.6-2 with 15 digits (same data).
  closeRecord(fit.seCluster, { value: 0.0143421437123503, capital: 0.0497926087237732 }, 1e-12, "HC0 se");
  const sss = within(gData, { effects: "oneway", vcov: "cluster", clusterType: "sss" });
  closeRecord(sss.se, { value: 0.0151560754389038, capital: 0.0526183915914517 }, 1e-12, "sss se");
  close(fit.tss, 2244400, 100, "TSS (plm prints 2244400)");
  close(fit.ssr, 523480, 10, "SSR (plm prints 523480)");
});

test("two-way within matches plm on Grunfeld, with both two-way algorithms", () => {
  for (const method of ["dummies", "alternating"] as const) {
    const fit = within(gData, { effects: "twoways", twowaysMethod: method });
    closeRecord(fit.coefficients, { value: 0.1177158551, capital: 0.3579162731 }, 1e-8, `${method} coef`);
    closeRecord(fit.se, { value: 0.013751283, capital: 0.02271901088 }, 1e-8, `${method} se`);
    close(fit.r2Within, 0.720145212924406, 1e-10, `${method} within R²`);
    assert.equal(fit.df, 200 - 2 - 10 - 20 + 1);
    assert.equal(fit.components, 1);
    assert.equal(fit.twowaysMethod, method);
    closeRecord(fit.seCluster, { value: 0.00971202368683505, capital: 0.0429311089399739 }, 1e-12, `${method} HC0`);
  }
  const sss = twoways(gData, { vcov: "cluster", clusterType: "sss" });
  closeRecord(sss.se, { value: 0.010263191236561, capital: 0.0453674944847847 }, 1e-12, "sss se");
  // t and p as in plm's summary: value t = 8.5604, p = 6.653e-15.
  const conv = twoways(gData);
  close(conv.t.value, 8.5604, 5e-5, "t value");
  closeRel(conv.p.value, 6.653e-15, 1e-3, "p value");
});

// ---------------------------------------------------------------------------
// Reference values: R plm on EmplUK (unbalanced), fixture + README beside it
// ---------------------------------------------------------------------------

const EMPL_X = ["lwage", "lcapital", "loutput"];
const empl = readRows(EMPLUK);
const eData = panelOf(empl, "lemp", EMPL_X, "firm", "year");

interface EmplRef {
  df: number;
  coef: Record<string, number>;
  se: Record<string, number>;
  hc0: Record<string, number>;
  sss: Record<string, number>;
  p: Record<string, number>;
  pHc0: Record<string, number>;
  r2: number;
}

const EMPL_REF: Record<"oneway" | "twoways", EmplRef> = {
  oneway: {
    df: 888,
    coef: { lwage: -0.310642622750631, lcapital: 0.548945823089964, loutput: 0.53701056945109 },
    se: { lwage: 0.0499300746245047, lcapital: 0.0211507009450702, loutput: 0.0534192510326355 },
    hc0: { lwage: 0.114419181620766, lcapital: 0.0486812784255121, loutput: 0.101643179842262 },
    sss: { lwage: 0.114941671890847, lcapital: 0.0489035793889708, loutput: 0.102107329049899 },
    p: { lwage: 7.57516443739553e-10, lcapital: 5.73465977688591e-111, loutput: 1.36670117101488e-22 },
    pHc0: { lwage: 0.00675715299710462, lcapital: 1.17562445993745e-27, loutput: 1.59714176760195e-7 },
    r2: 0.614275818621262,
  },
  twoways: {
    df: 880,
    coef: { lwage: -0.296876710894623, lcapital: 0.547559781779493, loutput: 0.264824872662092 },
    se: { lwage: 0.055347347418327, lcapital: 0.0217732766250812, loutput: 0.0819988487449908 },
    hc0: { lwage: 0.125174049844834, lcapital: 0.0502570252413891, loutput: 0.151598110798049 },
    sss: { lwage: 0.125745651757941, lcapital: 0.0504865217848873, loutput: 0.152290377048626 },
    p: { lwage: 1.04171142601233e-7, lcapital: 1.35804815862206e-105, loutput: 0.00128551403340477 },
    pHc0: { lwage: 0.0179202369749419, lcapital: 5.11037400870429e-26, loutput: 0.0810056811837786 },
    r2: 0.457975411268059,
  },
};

for (const effects of ["oneway", "twoways"] as const) {
  test(`${effects} within matches plm on the unbalanced EmplUK panel (to 1e-8)`, () => {
    const ref = EMPL_REF[effects];
    const methods = effects === "twoways" ? (["dummies", "alternating"] as const) : (["auto"] as const);
    for (const method of methods) {
      const fit = within(eData, { effects, twowaysMethod: method });
      assert.equal(fit.n, 1031);
      assert.equal(fit.entities, 140);
      assert.equal(fit.periods, 9);
      assert.equal(fit.balanced, false);
      assert.equal(fit.df, ref.df);
      closeRecord(fit.coefficients, ref.coef, 1e-8, `${method} coef`);
      closeRecord(fit.se, ref.se, 1e-8, `${method} se`);
      closeRecord(fit.seCluster, ref.hc0, 1e-8, `${method} HC0 se`);
      close(fit.r2Within, ref.r2, 1e-8, `${method} within R²`);
      for (const k of EMPL_X) closeRel(fit.p[k], ref.p[k], 1e-6, `${method} p ${k}`);
      const cl = within(eData, { effects, twowaysMethod: method, vcov: "cluster" });
      closeRecord(cl.se, ref.hc0, 1e-8, `${method} cluster se`);
      for (const k of EMPL_X) closeRel(cl.p[k], ref.pHc0[k], 1e-6, `${method} HC0 p ${k}`);
      const sss = within(eData, { effects, twowaysMethod: method, vcov: "cluster", clusterType: "sss" });
      closeRecord(sss.se, ref.sss, 1e-8, `${method} sss se`);
    }
  });
}

// ---------------------------------------------------------------------------
// Unbalanced two-way: against an independent dummy-variable regression
// ---------------------------------------------------------------------------

test("unbalanced two-way equals OLS with entity and time dummies (QR) to 1e-9", () => {
  const rows = grunfeldUnbalanced;
  assert.ok(rows.length < 170 && rows.length > 140, `unbalanced sample has ${rows.length} rows`);
  const ref = dummyOls(rows, "inv", G_X, "firm", "year");
  for (const method of ["dummies", "alternating"] as const) {
    const fit = twoways(panelOf(rows, "inv", G_X, "firm", "year"), { twowaysMethod: method });
    assert.equal(fit.balanced, false);
    assert.equal(fit.df, ref.df, "df = n - K - N - T + 1");
    assert.equal(fit.df, rows.length - 2 - 10 - 20 + 1);
    G_X.forEach((k, i) => {
      close(fit.coefficients[k], ref.coef[i], 1e-9, `${method} coef ${k}`);
      close(fit.se[k], ref.se[i], 1e-9, `${method} se ${k}`);
      close(fit.seCluster[k], ref.seCluster[i], 1e-9, `${method} cluster se ${k}`);
    });
  }
  // The balanced-panel shortcut y - ȳi - ȳt + ȳ would give a different answer here.
  const shortcut = balancedShortcut(rows);
  assert.ok(Math.abs(shortcut - ref.coef[0]) > 1e-6, "shortcut differs on an unbalanced panel");
});

/** Slope of value in the (wrong on unbalanced panels) shortcut regression, value and capital. */
function balancedShortcut(rows: Row[]): number {
  const tr = (col: string): number[] => {
    const v = rows.map((r) => r[col]);
    const mi = groupMeans(v, rows.map((r) => r.firm));
    const mt = groupMeans(v, rows.map((r) => r.year));
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    return v.map((x, i) => x - mi.get(rows[i].firm)! - mt.get(rows[i].year)! + m);
  };
  const y = tr("inv");
  const a = tr("value");
  const b = tr("capital");
  return ols(a.map((ai, i) => [ai, b[i]]), y).coefficients[0];
}

test("one-way on the unbalanced panel equals OLS with entity dummies", () => {
  const rows = grunfeldUnbalanced;
  const ref = dummyOls(rows, "inv", G_X, "firm", null);
  const fit = oneway(panelOf(rows, "inv", G_X, "firm", "year"));
  G_X.forEach((k, i) => {
    close(fit.coefficients[k], ref.coef[i], 1e-9, `coef ${k}`);
    close(fit.se[k], ref.se[i], 1e-9, `se ${k}`);
    close(fit.seCluster[k], ref.seCluster[i], 1e-9, `cluster se ${k}`);
  });
});

test("disconnected two-way panel: one reference period per component, df counts components", () => {
  // Firms 1-5 only before 1945, firms 6-10 only from 1945: two components.
  const rows = grunfeld.filter((r) => (r.firm <= 5) === (r.year < 1945));
  const fit = twoways(panelOf(rows, "inv", G_X, "firm", "year"));
  assert.equal(fit.components, 2);
  assert.equal(fit.df, rows.length - 2 - 10 - 20 + 2);
  const ref = dummyOls(rows, "inv", G_X, "firm", "year");
  assert.equal(fit.df, ref.df);
  G_X.forEach((k, i) => {
    close(fit.coefficients[k], ref.coef[i], 1e-9, `coef ${k}`);
    close(fit.se[k], ref.se[i], 1e-9, `se ${k}`);
  });
});

// ---------------------------------------------------------------------------
// Invariances
// ---------------------------------------------------------------------------

test("results do not depend on row order", () => {
  for (const effects of ["oneway", "twoways"] as const) {
    const a = within(eData, { effects, vcov: "cluster" });
    const b = within(panelOf(shuffled(empl, 42), "lemp", EMPL_X, "firm", "year"), { effects, vcov: "cluster" });
    closeRecord(b.coefficients, a.coefficients, 1e-12, `${effects} coef`);
    closeRecord(b.se, a.se, 1e-12, `${effects} se`);
    closeRecord(b.seIid, a.seIid, 1e-12, `${effects} iid se`);
    close(b.r2Within, a.r2Within, 1e-12, `${effects} R²`);
  }
});

test("entity labels as strings or numbers, in any order, give the same fit", () => {
  const a = twoways(eData);
  const relabeled = { ...eData, entity: empl.map((r) => `firm-${String(1000 - r.firm)}`), time: empl.map((r) => `y${r.year}`) };
  const b = twoways(relabeled);
  closeRecord(b.coefficients, a.coefficients, 1e-12, "coef");
  closeRecord(b.se, a.se, 1e-12, "se");
});

test("adding a constant to one entity's y leaves the coefficients unchanged", () => {
  for (const effects of ["oneway", "twoways"] as const) {
    const base = within(eData, { effects });
    const shifted = { ...eData, y: empl.map((r) => r.lemp + (r.firm === 17 ? 1234.5 : 0)) };
    const fit = within(shifted, { effects });
    closeRecord(fit.coefficients, base.coefficients, 1e-9, `${effects} coef`);
    closeRecord(fit.se, base.se, 1e-9, `${effects} se`);
    assert.notEqual(within(shifted, { effects }).n, 0);
  }
  // ...and, with two-way effects, so does adding a constant to one period's y.
  const base = twoways(eData);
  const fit = twoways({ ...eData, y: empl.map((r) => r.lemp + (r.year === 1980 ? -55 : 0)) });
  closeRecord(fit.coefficients, base.coefficients, 1e-9, "period shift coef");
  // Whereas a one-way model does move when one period's y is shifted.
  const one = oneway({ ...eData, y: empl.map((r) => r.lemp + (r.year === 1980 ? -55 : 0)) });
  assert.ok(Math.abs(one.coefficients.lwage - oneway(eData).coefficients.lwage) > 1e-3);
});

// ---------------------------------------------------------------------------
// Missing values and validation
// ---------------------------------------------------------------------------

test("rows with missing y or x are dropped and counted", () => {
  const y: (number | null)[] = grunfeld.map((r) => r.inv);
  const value: (number | null)[] = grunfeld.map((r) => r.value);
  y[3] = null;
  y[50] = NaN;
  value[120] = null;
  value[121] = undefined as unknown as null;
  const fit = twoways({ ...gData, y, x: { value, capital: gData.x.capital } });
  assert.equal(fit.dropped, 4);
  assert.equal(fit.n, 196);
  const kept = grunfeld.filter((_, i) => ![3, 50, 120, 121].includes(i));
  const ref = twoways(panelOf(kept, "inv", G_X, "firm", "year"));
  closeRecord(fit.coefficients, ref.coefficients, 1e-12, "coef");
  assert.deepEqual(Array.from(fit.rows.slice(0, 5)), [0, 1, 2, 4, 5]);
  assert.equal(fit.residuals.length, 196);
});

test("bad inputs give clear errors", () => {
  assert.throws(() => within({ ...gData, y: grunfeld.slice(0, 10).map((r) => r.inv) }), /regressor "value" has 200 values but y has 10/);
  assert.throws(() => within({ ...gData, entity: grunfeld.map(() => 1) }), /at least 2 entities/);
  assert.throws(() => within({ ...gData, x: {} }), /no regressors/);
  assert.throws(() => within({ y: gData.y, x: gData.x, entity: gData.entity }, { effects: "twoways" }), /needs a time column/);
  assert.throws(() => within(gData, { effects: "threeways" as never }), /effects must be "oneway" or "twoways"/);
  // Constant within entities: named.
  const firmSize = grunfeld.map((r) => r.firm * 10);
  assert.throws(
    () => within({ ...gData, x: { ...gData.x, firmSize } }),
    /regressor "firmSize" has no variation within entities/,
  );
  // A time-only regressor survives one-way but not two-way effects.
  const trend = grunfeld.map((r) => r.year - 1935);
  assert.doesNotThrow(() => within({ ...gData, x: { ...gData.x, trend } }));
  assert.throws(
    () => within({ ...gData, x: { ...gData.x, trend } }, { effects: "twoways" }),
    /regressor "trend" has no variation after removing entity and time effects/,
  );
  // Collinear regressors: named.
  const value2 = grunfeld.map((r) => 2 * r.value + 3);
  assert.throws(() => within({ ...gData, x: { ...gData.x, value2 } }), /collinear.*"value2"/);
  assert.throws(() => within(gData, { vcov: "hc3" as never }), /vcov must be/);
});

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

test("withinTransform demeans by group and is idempotent", () => {
  assert.deepEqual(Array.from(withinTransform([1, 2, 3, 10], ["a", "a", "b", "b"])), [-0.5, 0.5, -3.5, 3.5]);
  const v = grunfeld.map((r) => r.value);
  const g = grunfeld.map((r) => r.firm);
  const once = withinTransform(v, g);
  const twice = withinTransform(once, g);
  for (let i = 0; i < v.length; i++) close(twice[i], once[i], 1e-9, `row ${i}`);
  for (const [, m] of groupMeans(Array.from(once), g)) close(m, 0, 1e-9, "group mean after transform");
  // Not the identity:
  assert.ok(Math.abs(once[0] - v[0]) > 1);
});

test("groupMeans and factorize", () => {
  const m = groupMeans([1, 2, 3, 10], ["b", "b", "a", "a"]);
  assert.deepEqual([...m.entries()], [["a", 6.5], ["b", 1.5]]);
  const f = factorize(["b", "a", "b", "c"]);
  assert.deepEqual(Array.from(f.codes), [1, 0, 1, 2]);
  assert.deepEqual(f.levels, ["a", "b", "c"]);
  const big = factorize([1e12, 5, 1e12, -3] as Key[]);
  assert.deepEqual(big.levels, [-3, 5, 1e12]);
  assert.deepEqual(Array.from(big.codes), [2, 1, 2, 0]);
  const mixed = factorize(["x", 2, 10, "a"] as Key[]);
  assert.deepEqual(mixed.levels, [2, 10, "a", "x"]);
});

test("ols solves least squares by QR and reports conventional SE", () => {
  const fit = ols([[1, 0], [1, 1], [1, 2], [1, 3]], [1, 3, 5, 7]);
  close(fit.coefficients[0], 1, 1e-12, "intercept");
  close(fit.coefficients[1], 2, 1e-12, "slope");
  close(fit.ssr, 0, 1e-20, "ssr");
  // y = 1, 2, 2, 4 on 1, x = 0..3: slope 0.9, intercept 0.9, SSR 0.7, se(slope) = sqrt(0.35 / 5).
  const f2 = ols([[1, 0], [1, 1], [1, 2], [1, 3]], [1, 2, 2, 4]);
  close(f2.coefficients[1], 0.9, 1e-12, "slope");
  close(f2.coefficients[0], 0.9, 1e-12, "intercept");
  close(f2.ssr, 0.7, 1e-12, "ssr");
  close(f2.se[1], Math.sqrt(0.35 / 5), 1e-12, "se slope");
  assert.throws(() => ols([[1, 2], [1, 2], [1, 2]], [1, 2, 3], ["a", "b"]), /"b" is collinear/);
});

test("spdFactor solves and inverts through Cholesky", () => {
  const f = spdFactor([[4, 2], [2, 3]]);
  const x = f.solve([2, 1]);
  close(x[0], 0.5, 1e-15, "x0");
  close(x[1], 0, 1e-15, "x1");
  const inv = f.inverse();
  close(inv[0][0], 0.375, 1e-15, "inv00");
  close(inv[0][1], -0.25, 1e-15, "inv01");
  close(inv[1][1], 0.5, 1e-15, "inv11");
  assert.throws(() => spdFactor([[1, 1], [1, 1]], ["a", "b"]), /"b" is collinear with "a"/);
  assert.throws(() => spdFactor([[0, 0], [0, 1]], ["a", "b"]), /"a" has no variation/);
});

test("Student t p-values agree with R's pt", () => {
  close(studentTTwoSidedP(2.228138851986, 10), 0.05, 1e-10, "2*pt(2.228139, 10)");
  close(studentTTwoSidedP(0, 5), 1, 1e-15, "t = 0");
  close(studentTTwoSidedP(-1.959963984540054, 1e7), 0.05, 1e-6, "large df ~ normal");
  close(incompleteBeta(0.5, 2, 2), 0.5, 1e-14, "I_0.5(2,2)");
  // R: 2 * pt(3, 3, lower.tail = FALSE) = 0.05766888
  close(studentTTwoSidedP(3, 3), 0.0576688856, 1e-9, "2*pt(3, 3)");
});

test("the regression table shows coefficients, SE, t, p, n, groups and within R²", () => {
  const fit: WithinResult = twoways(gData, { vcov: "cluster" });
  const text = formatPanelTable(fit, "inv");
  assert.match(text, /Twoways \(entity \+ time\) effects within model/);
  assert.match(text, /Balanced panel: n = 200, entities = 10, periods = 20/);
  assert.match(text, /clustered by entity/);
  assert.match(text, /value\s+0\.117716\s+0\.00971202\s+12\.121\s+< 2\.2e-16\s+\*\*\*/);
  assert.match(text, /Within R-Squared:\s+0\.7201452/);
  assert.match(text, /Residual df:\s+169/);
  assert.equal(formatSignificant(0.1101238041), "0.110124");
  assert.equal(formatSignificant(0.00001234567), "1.23457e-05");
  assert.equal(formatPValue(0.0179202369749419), "0.01792");
});
