import { test } from "node:test";
import assert from "node:assert/strict";
import { fixtureTables } from "../../src/claims/tables";
import { CIN_EES } from "../../src/data/tidy/cin";
import { S251_FILES } from "../../src/data/tidy/spending";
import type { Obs } from "../../src/data/obs";
import { eng, laObs, runKind } from "./kind-fixtures";

// Kind `model`: the NAO's model of plans per 10,000, re-estimated on a panel the test builds.

const B1 = CIN_EES["2020"].b1;
const IOD = "deprivation-imd-2015";
const LOW = "covariates-hmrc-children-low-income-2011-2016-low-income-2011";
const DEFL = "spending-deflators-gdp-deflators-budget-march-2020-update";
const YEARS = ["2009-10", "2010-11", "2011-12", "2012-13", "2013-14", "2014-15", "2015-16", "2016-17", "2017-18", "2018-19"];
const LAS = ["801", "802", "803", "804", "805"];
/** An authority's own level (u) and its IDACI score, not linear in u: deprivation explains part of u only. */
const U = [30, 10, 50, 20, 40];
const IDACI = [0.1, 0.2, 0.3, 0.4, 0.5];
/** The common trend (v) by year. */
const V = [0, 1, 3, 2, 5, 4, 6, 8, 7, 9];
/**
 * Variation within authorities a·b, with a summing to zero over authorities and b over 2010-11 to
 * 2016-17: orthogonal to the LA effects, the year effects and deprivation, so it is exactly the
 * part the model leaves unexplained.
 */
const A = [1, -1, 2, -2, 0];
const B = [0.3, 1, -1, 2, -2, 0.5, -0.5, 0, 0.7, -0.2];

/** Plans starting = u + v + a·b on a population of 10,000: the rate per 10,000 is exactly that. */
function panelObs(): Obs[] {
  const out: Obs[] = [];
  LAS.forEach((c, i) => {
    out.push(laObs("idaciScore", "2015", c, `Authority ${c}`, IDACI[i], IOD, 10 + i));
    out.push(laObs("imdScore", "2015", c, `Authority ${c}`, 10 + 3 * ((i * 7) % 5), IOD, 10 + i));
    YEARS.forEach((y, k) => {
      const row = 100 + 10 * k + i;
      out.push(laObs("cppStarts", y, c, `Authority ${c}`, U[i] + V[k] + A[i] * B[k], B1, row));
      out.push(laObs("dfePopulation0to17", y, c, `Authority ${c}`, 10000, B1, row));
      const cal = y.slice(0, 4);
      if (cal >= "2011" && cal <= "2016") {
        out.push(laObs("lowIncomeChildrenUnder16", cal, c, `Authority ${c}`, 1000 + ((i * 37 + k * 11) % 17) * 10, LOW, row));
        out.push(laObs("childBenefitChildrenUnder16", cal, c, `Authority ${c}`, 10000, LOW, row));
      }
      const f = S251_FILES[y];
      if (f) {
        out.push(laObs("s251:total:net", y, c, `Authority ${c}`, 1e6 * (1 + ((i * 3 + k) % 4)), f.id, row));
        out.push(laObs("s251:sureStartCentres:net", y, c, `Authority ${c}`, 1e5, f.id, row));
      }
    });
  });
  YEARS.forEach((y, k) => out.push(eng("gdpDeflator", y, 85 + 1.5 * k, DEFL, 40 + k, { area: "United Kingdom", code: "K02000001" })));
  return out;
}

test("model/share: the LA effects' share in the NAO's order is the between-authority variation deprivation leaves", async () => {
  const t = fixtureTables({ obs: panelObs() });
  const r = await runKind("model", t, { of: "share", component: "la", as: { half: "share" } });
  // 2010-11 to 2016-17: k = 1..7
  const v = V.slice(1, 8);
  const T = v.length;
  const N = U.length;
  const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
  const ssU = T * U.reduce((s, u) => s + (u - mean(U)) ** 2, 0);
  const ssV = N * v.reduce((s, x) => s + (x - mean(v)) ** 2, 0);
  const sxy = U.reduce((s, u, i) => s + (u - mean(U)) * (IDACI[i] - mean(IDACI)), 0);
  const sxx = IDACI.reduce((s, d) => s + (d - mean(IDACI)) ** 2, 0);
  const ssDep = (T * sxy * sxy) / sxx;
  const ssE = A.reduce((s, a) => s + a * a, 0) * B.slice(1, 8).reduce((s, b) => s + b * b, 0);
  const sst = ssU + ssV + ssE;
  const expected = (100 * (ssU - ssDep)) / sst;
  assert.ok(Math.abs(r.values.share! - expected) < 1e-9, `${r.values.share} vs ${expected}`);
  assert.equal(r.values.half, r.values.share);
  assert.equal(r.verdict, "model");
  assert.equal(r.facts.n.value, N * T);
  // every reading is an alternative, answering the claim's own role names too
  assert.ok(r.alternatives!.length > 6);
  assert.ok(r.alternatives!.every((a) => a.values.half === a.values.share));
  assert.deepEqual(r.evidence.map((e) => e.source), [B1, IOD]);
  // the 95% interval from resampling the five authorities, around the estimate
  const iv = r.interval!.share;
  assert.ok(iv.low <= r.values.share! && r.values.share! <= iv.high, `${iv.low} ≤ ${r.values.share} ≤ ${iv.high}`);
  assert.ok(iv.high - iv.low > 1, "five authorities leave a wide interval");
  assert.equal(iv.method, "percentile bootstrap over authorities, 5 resampled with all their years, 1,999 replications, seed 2019");
  assert.equal(r.facts.low.value, iv.low);
  assert.match(r.explanation, /Resampling the 5 authorities with replacement/);

  const dep = await runKind("model", t, { of: "share", component: "deprivation" });
  assert.ok(Math.abs(dep.values.share! - (100 * ssDep) / sst) < 1e-9);
  const rest = await runKind("model", t, { of: "share", component: "unexplained" });
  assert.ok(Math.abs(rest.values.share! - (100 * ssE) / sst) < 1e-9);
});

test("model/sample: authorities and years the panel covers", async () => {
  const obs = panelObs().filter((o) => !(o.measure === "cppStarts" && o.laCode === "805" && o.year === "2012-13"));
  obs.push(laObs("cppStarts", "2012-13", "805", "Authority 805", null, B1, 130));
  const t = fixtureTables({ obs });
  const r = await runKind("model", t, { of: "sample", from: "2010-11", to: "2016-17", yearStyle: "end" });
  assert.deepEqual(r.values, { las: 5, from: 2010, to: 2017 });
  assert.equal(r.facts.complete.value, 4);
  assert.match(r.explanation, /the others have 1 suppressed or missing cells/);
});
