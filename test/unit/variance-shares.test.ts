import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  between, dummies, lastShare, orderings, partialRSquared, projectionSsr, r2Table, randomEffects, rSquared,
  sequentialShares, shapleyShares, varianceShares, ABSORB_LEVELS,
} from "../../src/stats/variance-shares";
import { seededRandom } from "../../src/stats/random";

const close = (a: number, b: number, tol = 1e-10, what = "") => assert.ok(Math.abs(a - b) <= tol, `${what} expected ${b}, got ${a}`);

// Three mutually orthogonal, mean-zero columns of length 8.
const X1 = [1, -1, 1, -1, 1, -1, 1, -1];
const X2 = [1, 1, -1, -1, 1, 1, -1, -1];
const X3 = [1, 1, 1, 1, -1, -1, -1, -1];
const Y = X1.map((_, i) => 10 + 2 * X1[i] + 3 * X2[i] + X3[i]);

test("dummies: one column per level after the first", () => {
  const d = dummies(["b", "a", "b", "c"]);
  assert.deepEqual(d.levels, ["b", "c"]);
  assert.deepEqual(d.columns.map((c) => Array.from(c)), [[1, 0, 1, 0], [0, 0, 0, 1]]);
  assert.equal(dummies(["x", "x"]).columns.length, 0);
});

test("projectionSsr: residual sum of squares, and collinear or zero columns skipped", () => {
  close(projectionSsr([1, 2, 3], [[1, 1, 1]]).ssr, 2);
  assert.equal(projectionSsr([1, 2, 3], [[1, 1, 1], [2, 2, 2], [0, 0, 0]]).rank, 1);
  close(projectionSsr([1, 2, 3], [[1, 1, 1], [1, 2, 3]]).ssr, 0);
  assert.throws(() => projectionSsr([1, 2, 3], [[1, 2]]), /2 values but y has 3/);
});

test("rSquared: known values, with an intercept, for columns and factors", () => {
  close(rSquared([1, 3, 2, 4], [{ factor: ["a", "a", "b", "b"] }]), 0.2);
  close(rSquared(Y, [{ columns: [X1] }]), 4 / 14);
  close(rSquared(Y, [{ columns: [X1, X2, X3] }]), 1);
  assert.equal(rSquared(Y, []), 0);
  assert.throws(() => rSquared([2, 2, 2], [{ columns: [[1, 2, 3]] }]), /does not vary/);
});

test("orthogonal regressors: Shapley = sequential in any order = alone = last", () => {
  const groups = { a: { columns: [X1] }, b: { columns: [X2] } };
  const v = varianceShares(Y, groups);
  close(v.full, 13 / 14);
  for (const g of ["a", "b"]) {
    close(v.shapley[g], v.alone[g], 1e-12, `shapley ${g}`);
    close(v.last[g], v.alone[g], 1e-12, `last ${g}`);
    for (const s of v.sequential) close(s.shares[g], v.alone[g], 1e-12, `order ${s.order} ${g}`);
  }
  close(v.shapley.a, 4 / 14);
  close(v.shapley.b, 9 / 14);
  close(v.unexplained, 1 / 14);
  // partial R² of b: (13/14 − 4/14) / (1 − 4/14) = 9/10
  close(v.partial.b, 9 / 10);
});

test("collinear groups: sequential gives all to the first, Shapley splits it equally", () => {
  const twice = X1.map((x) => 2 * x);
  const r2 = r2Table(Y, { a: { columns: [X1] }, b: { columns: [twice] } });
  assert.deepEqual(Object.keys(sequentialShares(r2, ["a", "b"])), ["a", "b"]);
  close(sequentialShares(r2, ["a", "b"]).a, 4 / 14);
  close(sequentialShares(r2, ["a", "b"]).b, 0);
  close(sequentialShares(r2, ["b", "a"]).b, 4 / 14);
  const sh = shapleyShares(r2, ["a", "b"]);
  close(sh.a, 2 / 14);
  close(sh.b, 2 / 14);
  close(lastShare(r2, ["a", "b"], "a"), 0);
  assert.throws(() => r2(["c"]), /no group "c"/);
});

test("Shapley shares add up to the full R² for correlated groups, and lie within the range over orderings", () => {
  const rnd = seededRandom(11);
  const n = 60;
  const a = Array.from({ length: n }, () => rnd());
  const b = a.map((x) => x + 0.5 * rnd());
  const c = Array.from({ length: n }, () => rnd());
  const y = a.map((_, i) => a[i] + 2 * b[i] - c[i] + rnd());
  const v = varianceShares(y, { a: { columns: [a] }, b: { columns: [b] }, c: { columns: [c] } });
  assert.equal(v.sequential.length, 6);
  close(v.shapley.a + v.shapley.b + v.shapley.c, v.full, 1e-12);
  for (const s of v.sequential) close(s.shares.a + s.shares.b + s.shares.c, v.full, 1e-12);
  for (const g of v.names) assert.ok(v.shapley[g] >= v.range[g][0] - 1e-12 && v.shapley[g] <= v.range[g][1] + 1e-12, g);
  // Shapley is the plain average over the 6 orderings
  for (const g of v.names) close(v.shapley[g], v.sequential.reduce((s, o) => s + o.shares[g], 0) / 6, 1e-12);
  close(partialRSquared(r2Table(y, { a: { columns: [a] }, b: { columns: [b] }, c: { columns: [c] } }), ["a", "b", "c"], "c"), v.partial.c, 1e-12);
});

test("a factor with many levels is swept out, giving the same R² as its dummies; a column constant within it adds nothing", () => {
  const rnd = seededRandom(5);
  const G = ABSORB_LEVELS + 10;
  const ent: string[] = [];
  const t: number[] = [];
  const z: number[] = [];
  const y: number[] = [];
  const zOf = Array.from({ length: G }, () => rnd());
  for (let g = 0; g < G; g++) for (let k = 0; k < 4; k++) {
    if (g % 7 === 3 && k === 2) continue; // unbalanced
    ent.push(`e${g}`);
    t.push(k);
    z.push(zOf[g]);
    y.push(3 * zOf[g] + 0.5 * k + rnd());
  }
  const absorbed = rSquared(y, [{ factor: ent }, { factor: t }]);
  const explicit = rSquared(y, [{ columns: dummies(ent).columns }, { columns: dummies(t).columns }]);
  close(absorbed, explicit, 1e-10);
  const v = varianceShares(y, { z: { columns: [z] }, time: { factor: t }, la: { factor: ent } });
  close(v.last.z, 0, 1e-10);
  assert.ok(v.alone.z > 0.2);
  close(v.sequential.find((s) => s.order.join() === "la,z,time")!.shares.z, 0, 1e-10);
  // z counts only in the orderings where it comes before the LA effects
  assert.ok(v.shapley.z > 0 && v.shapley.z < v.alone.z);
});

test("orderings: every permutation once", () => {
  assert.deepEqual(orderings(["a", "b"]), [["a", "b"], ["b", "a"]]);
  const o = orderings(["a", "b", "c", "d"]);
  assert.equal(o.length, 24);
  assert.equal(new Set(o.map((x) => x.join())).size, 24);
});

// R plm reference values (Grunfeld data, plm's published example)
const ROOT = path.resolve(__dirname, "../../..");
const GRUNFELD = path.join(process.env.CSC_REFERENCE_DIR ?? path.resolve(ROOT, "../shared/data/reference"), "grunfeld", "Grunfeld.csv");

function grunfeld() {
  const lines = fs.readFileSync(GRUNFELD, "utf8").trim().split(/\r?\n/);
  const head = lines[0].split(",");
  const rows = lines.slice(1).map((l) => l.split(",").map(Number));
  const col = (n: string) => rows.map((r) => r[head.indexOf(n)]);
  return { y: col("inv"), x: { value: col("value"), capital: col("capital") }, entity: col("firm") };
}

test("randomEffects matches plm(model = 'random') on Grunfeld (Swamy–Arora, balanced)", () => {
  const re = randomEffects(grunfeld());
  close(re.coefficients["(Intercept)"], -57.8344149, 1e-6);
  close(re.coefficients.value, 0.1097812, 1e-7);
  close(re.coefficients.capital, 0.3081130, 1e-7);
  close(re.se.value, 0.01049266, 1e-8);
  close(re.se.capital, 0.01718047, 1e-8);
  close(re.sigma2e, 2784.46, 0.01);
  close(re.sigma2u, 7089.80, 0.01);
  close([...re.theta.values()][0], 0.8612, 1e-4);
  close(re.rho, 7089.80 / (7089.80 + 2784.46), 1e-5);
  assert.equal(re.entities, 10);
  close(re.tBar, 20, 1e-12);
});

test("between matches plm(model = 'between') on Grunfeld", () => {
  const be = between(grunfeld());
  close(be.coefficients["(Intercept)"], -8.52711372, 1e-6);
  close(be.coefficients.value, 0.13464609, 1e-8);
  close(be.coefficients.capital, 0.03203147, 1e-8);
  close(be.se.value, 0.02874546, 1e-8);
  close(be.r2, 0.8577682, 1e-7);
});

test("randomEffects: a regressor constant within entities is identified; bad input is an error", () => {
  const re = randomEffects({ y: [1, 2, 4, 5, 3, 5, 9, 8, 2, 2], x: { z: [1, 1, 1, 1, 2, 2, 2, 2, 0, 0] }, entity: ["a", "a", "a", "a", "b", "b", "b", "b", "c", "c"] });
  assert.ok(Number.isFinite(re.coefficients.z));
  assert.throws(() => randomEffects({ y: [1, 2], x: { z: [1, 2] }, entity: ["a", "a"] }), /fewer than 2 entities/);
  assert.throws(() => randomEffects({ y: [1, 2, 3], x: { z: [1, 2] }, entity: ["a", "b", "b"] }), /2 values but y has 3/);
  assert.throws(() => randomEffects({ y: [1, 2, 4, 5, 3, 5, 9, 8], x: { x: [1, 2, 3, 4, 1, 3, 5, 6] }, entity: ["a", "a", "a", "a", "b", "b", "b", "b"] }), /need more entities than columns/);
});
