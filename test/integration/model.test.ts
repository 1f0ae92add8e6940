import { test } from "node:test";
import assert from "node:assert/strict";
import { row, near, ensureData } from "../helpers";
import {
  allSpecs, centralShare, deprivationReadings, estimateSpec, modelPanel, shareOf, specById, specData, sureStartEstimates, sureStartPanel,
} from "../../src/claims/kinds/model-panel";
import { covariatesTable } from "../../src/data/tidy/covariates";
import { tableFor } from "../../src/data/tidy/catalog";
import { ols } from "../../src/stats/linalg";
import { dummies } from "../../src/stats/variance-shares";
import { createTables, realTables } from "../../src/claims/tables";
import { bootstrapShares, SHARE_BOOTSTRAP } from "../../src/claims/kinds/model-panel";
import { cacheStats } from "../../src/data/cache";

const tables = realTables();

// Every value below is recomputed from the official files in the mirror. The R² references were
// computed independently with R's lm() on the same panel (dummy-variable regressions).

test("the panel: 152 authorities, 2010-11 to 2016-17, 1,053 authority-years, 11 suppressed or missing cells", async () => {
  await ensureData();
  const p = modelPanel(tables, "2010-11", "2016-17");
  assert.equal(p.las, 152);
  assert.deepEqual(p.years, ["2010-11", "2011-12", "2012-13", "2013-14", "2014-15", "2015-16", "2016-17"]);
  assert.equal(p.rows.length, 1053);
  assert.equal(p.missing.length, 11);
  assert.deepEqual(p.missing.map((m) => `${m.laCode} ${m.year} ${m.marker}`).slice(0, 5), ["201 2010-11 x", "311 2011-12 ..", "316 2011-12 ..", "420 2012-13 x", "926 2012-13 .."]);
  assert.ok(p.missing.every((m) => ["201", "420", "311", "316", "926"].includes(m.laCode)));
  // every row has a rate computed from the file's count and denominator
  const leeds = p.rows.find((r) => r.laCode === "383" && r.year === "2016-17")!;
  near(leeds.rate, (1e4 * leeds.starts) / leeds.population, 1e-12);
  const w17 = modelPanel(tables, "2010-11", "2017-18");
  assert.equal(w17.rows.length, 1204);
  assert.equal(w17.missing.length, 12);
  assert.equal(modelPanel(tables, "2009-10", "2016-17").rows.length, 1205);
});

test("covariates: IoD 2015 for 152 authorities, HMRC low income 2011–2016 (2016 counties summed from districts), UASC", async () => {
  await ensureData();
  const cv = covariatesTable();
  assert.equal(cv.filter({ measure: "idaciScore", year: "2015", level: "la" }).length, 152);
  assert.equal(cv.filter({ measure: "idaciScore", year: "2015", code: "E06000001" })[0].value, 0.307);
  for (const y of ["2011", "2012", "2013", "2014", "2015", "2016"]) assert.equal(cv.filter({ measure: "lowIncomeChildrenUnder16", year: y, level: "la" }).length, 152, y);
  const dorset = cv.filter({ measure: "childBenefitChildren", year: "2016", laCode: "835" })[0];
  assert.match(dorset.derivedFrom ?? "", /sum of 6 district rows/);
  const las = cv.filter({ measure: "childBenefitChildren", year: "2016", level: "la" }).reduce((a, o) => a + (o.value as number), 0);
  const eng = cv.filter({ measure: "childBenefitChildren", year: "2016", level: "national" })[0].value as number;
  assert.ok(Math.abs(las - eng) <= 50, `152 authorities ${las} vs England ${eng}`);
  assert.equal(cv.one({ measure: "claUascAt31March", year: "2009-10" }).value, 3490);
  assert.equal(cv.filter({ measure: "lowIncomeShare", year: "2013", laCode: "420" })[0].marker, "-");
  assert.equal(tableFor("idaciScore"), cv);
});

test("shares of variation, NAO set-up: agree with R's lm() and with an explicit dummy-variable regression", async () => {
  await ensureData();
  const nao = estimateSpec(tables, specById("nao"));
  assert.equal(nao.n, 1053);
  assert.equal(nao.las, 152);
  assert.equal(nao.periods, 7);
  near(nao.shares.alone.deprivation, 0.19690690471, 1e-9, "deprivation alone");
  near(nao.shares.alone.time, 0.05754373001, 1e-9, "time alone");
  near(nao.shares.alone.la, 0.69560740197, 1e-9, "LA alone");
  near(nao.shares.full, 0.7525042321, 1e-9, "full R²");
  near(shareOf(nao, "nao-order", "la")!, 0.7525042321 - 0.25325777698, 1e-9, "LA, NAO order");
  near(shareOf(nao, "nao-order", "time")!, 0.25325777698 - 0.19690690471, 1e-9, "time, NAO order");
  near(shareOf(nao, "last", "deprivation")!, 0, 1e-12, "deprivation after LA effects");
  near(shareOf(nao, "shapley", "la")!, 0.5972, 1e-4);
  near(shareOf(nao, "shapley", "deprivation")!, 0.0983, 1e-4);
  near(shareOf(nao, "partial", "time")!, 0.1869, 1e-4);
  near(shareOf(nao, "re", "la")!, 0.4532, 1e-4);
  // independent check of the full R² by QR on every dummy (no sweeping out)
  const d = specData(tables, specById("nao"));
  const X = d.rows.map((r, i) => [1, r.idaci, ...dummies(d.rows.map((x) => x.year)).columns.map((c) => c[i]), ...dummies(d.rows.map((x) => x.laCode)).columns.map((c) => c[i])]);
  const cols = X[0].length;
  const keep = [0, ...Array.from({ length: cols - 2 }, (_, k) => k + 2)]; // IDACI is collinear with the LA dummies
  const fit = ols(X.map((r) => keep.map((k) => r[k])), d.y);
  const m = d.y.reduce((a, b) => a + b, 0) / d.y.length;
  near(1 - fit.ssr / d.y.reduce((a, b) => a + (b - m) ** 2, 0), nao.shares.full, 1e-10, "full R² by QR");
  near(centralShare(tables, "la"), 49.924645512, 1e-6);
  near(centralShare(tables, "unexplained"), 24.74957679, 1e-6);
});

test("which readings give 44% and which 50%", async () => {
  await ensureData();
  const s = Object.fromEntries(allSpecs(tables).map((r) => [r.spec.id, r]));
  // 50%: LA effects entered after IDACI and year effects (the NAO's order), the NAO's years
  near(100 * shareOf(s.nao, "nao-order", "la")!, 49.92, 0.01);
  // 44%: the same with IMD 2015 as the deprivation measure, or with 2009-10 as an eighth year
  near(100 * shareOf(s.imd, "nao-order", "la")!, 100 * (0.7525042321 - 0.31184278318), 1e-6);
  near(100 * shareOf(s["with-2009-10"], "nao-order", "la")!, 100 * (0.7339190505 - 0.290583564), 1e-6);
  // and the random-effects variance component once 2017-18 is added, or with funding
  near(100 * shareOf(s["with-2017-18"], "re", "la")!, 44.0, 0.05);
  near(100 * shareOf(s.funding, "re", "la")!, 44.6, 0.05);
  // 2017-18 added: R's lm() on the eight years
  near(100 * shareOf(s["with-2017-18"], "nao-order", "la")!, 100 * (0.7384038561 - 0.2552847774), 1e-6);
  near(100 * s["with-2017-18"].shares.unexplained, 100 * (1 - 0.7384038561), 1e-6);
  // ONS's revised populations as denominators (Bournemouth, Poole and Dorset keep DfE's)
  near(100 * shareOf(s["ons-population"], "nao-order", "la")!, 50.4, 0.05);
  // a time-varying deprivation measure adds (almost) nothing once LA and year effects are in
  assert.ok(shareOf(s["low-income"], "last", "deprivation")! < 0.001);
  near(100 * shareOf(s["low-income"], "alone", "deprivation")!, 14.18, 0.01);
  // every NAO-order LA share lies between 43% and 55%
  for (const r of Object.values(s)) {
    const v = 100 * shareOf(r, "nao-order", "la")!;
    assert.ok(v > 43 && v < 55, `${r.spec.id}: ${v}`);
  }
});

test("deprivation's coefficient by estimator: pooled OLS as R's lm(), not identified with fixed effects", async () => {
  await ensureData();
  const d = deprivationReadings(tables);
  near(d[0].coefficient!, 1.361024723, 1e-8, "pooled OLS");
  assert.equal(d[3].coefficient, null);
  assert.match(d[3].note, /not identified/);
  const fe = d.find((x) => /two-way/.test(x.estimator) && /low-income/.test(x.measure))!;
  assert.ok(Math.abs(fe.coefficient!) < 2 * fe.se!, "within-authority changes in child poverty: no clear effect");
  assert.equal(fe.n, 902);
});

test("Sure Start proxy: cohorts, TWFE and Callaway–Sant'Anna", async () => {
  await ensureData();
  const p = sureStartPanel(tables);
  assert.equal(Object.values(p.cohorts).reduce((a, b) => a + b, 0), 148);
  assert.equal(p.cohorts.never, 30);
  assert.deepEqual(p.noBase.sort(), ["209", "303", "874", "887"]);
  const e = sureStartEstimates(tables);
  near(e.twfe.estimate, 0.844, 0.001);
  near(e.csNever.overall.estimate, 1.089, 0.001);
  assert.ok(Math.abs(e.csNever.overall.estimate) < 2 * e.csNever.overall.se);
  assert.equal(e.events.find((x) => x.eventTime === -1)!.estimate, 0);
});

test("verdicts: every Part Three claim", async () => {
  // the Committee's 15% is not attributed to the NAO in its text: a model figure, like the NAO's own
  const model = ["nao-s16-la-44", "nao-s16-deprivation-15", "nao-s16-time-10", "nao-s16-la-approximately-44", "cc-bywaters-only-15", "hcl-unexplained-25", "pac-c1-deprivation-15"];
  for (const id of model) assert.equal((await row(id)).verdict, "model", id);
  // the other documents' citations of the NAO's figures are checked against the NAO's text
  for (const id of ["cc-deprivation-15", "cc-time-10", "hcl-deprivation-15", "hcl-time-10"]) {
    const r = await row(id);
    assert.equal(r.basis, "cited", id);
    assert.equal(r.verdict, "confirmed", id);
  }
  const fifty = await row("hcl-la-50");
  assert.equal(fifty.basis, "cited");
  assert.equal(fifty.verdict, "misquoted");
  assert.deepEqual(fifty.recomputed, [44]);
  assert.match(fifty.explanation, /^Misquoted: the NAO report gives 44\.0%, not the 50% attributed to it/);
  assert.equal((await row("cc-la-almost-half-44")).verdict, "misquoted", "44% is not \"almost half\" on the declared window");
  const unverifiable = ["nao-s17-no-increase", "nao-s17-slight-fall", "nao-app2-8-half-no-closures", "pac-c4-centres-no-increase", "cc-reader-funding-cut-50"];
  for (const id of unverifiable) assert.equal((await row(id)).verdict, "unverifiable", id);
  for (const id of ["nao-3-3-population-41", "nao-3-3-rest-58", "nao-app2-6-sample"]) assert.equal((await row(id)).verdict, "confirmed", id);
  // the years of the NAO's own model are its method, not a fact the data could confirm
  assert.equal((await row("nao-app2-7-years")).reason, "method-statement");
  // dates of events and announcements are facts about the world, not the document's method
  assert.equal((await row("hcl-3-4-cma-study")).reason, "no-open-data");
  // the briefing's and Community Care's "by 2022" are the NAO's words (para 18)
  for (const id of ["hcl-6-1-nao-tall-order-2022", "cc-intro-goal-2022"]) {
    const r = await row(id);
    assert.deepEqual([r.basis, r.verdict, r.recomputed], ["cited", "confirmed", [2022]], id);
    assert.match(r.explanation, /\(line 65\)/);
  }
  // the values the ledger carries
  near((await row("nao-s16-la-44")).recomputed![0], 49.92, 0.01);
  near((await row("nao-s16-la-approximately-44")).recomputed![0], 48.44, 0.01);
  near((await row("hcl-unexplained-25")).recomputed![0], 24.75, 0.01);
  // each model share carries its 95% bootstrap interval, and the first sentence says whether the stated figure lies inside
  assert.match((await row("nao-s16-la-44")).explanation, /^Model estimate: stated 44% against 49\.9% re-estimated; 44% lies inside the 95% interval, 40\.2% to 57\.9% \(percentile bootstrap over authorities, 152 resampled with all their years, 1,999 replications, seed 2019\)\./);
  assert.match((await row("nao-s16-time-10")).explanation, /^Model estimate: stated 10% against 5\.6% re-estimated; 10% lies outside the 95% interval, 3\.8% to 8\.7%/);
  near((await row("nao-s16-deprivation-15")).recomputed![0], 19.69, 0.01);
  near((await row("nao-s16-time-10")).recomputed![0], 5.64, 0.01);
  const cc = await row("cc-la-almost-half-44");
  assert.deepEqual(cc.roles, ["half", "share"]);
  const att = await row("nao-3-3-population-41");
  near(att.recomputed![0], 40.80, 0.01);
  near(att.recomputed![1], 1.455, 0.001);
  assert.deepEqual((await row("nao-app2-6-sample")).recomputed, [152, 2010, 2017]);
  // the comparison names the reading that gives the stated figure
  assert.match((await row("nao-s16-la-44")).reading.reproducedBy!.join("; "), /IMD 2015 instead of IDACI/);
  assert.match((await row("nao-s17-no-increase")).explanation, /Get Information About Schools/);
});

test("model rows carry a 95% interval from a bootstrap over authorities, and the bootstrap is read from the cache when warm", async () => {
  await ensureData();
  // the interval of each model share, by claim: [low, high] in per cent, and whether the stated figure lies inside
  const expected: Record<string, [number, number, boolean]> = {
    "nao-s16-la-44": [40.23, 57.91, true],
    "nao-s16-la-approximately-44": [38.17, 56.22, true],
    "nao-s16-deprivation-15": [12.37, 28.25, true],
    "cc-bywaters-only-15": [12.37, 28.25, true],
    "nao-s16-time-10": [3.75, 8.73, false],
    "hcl-unexplained-25": [18.32, 32.54, true],
  };
  for (const [id, [low, high, inside]] of Object.entries(expected)) {
    const r = await row(id);
    assert.equal(r.verdict, "model", id);
    const iv = r.intervals![0]!;
    near(iv.low, low, 0.01, `${id} low`);
    near(iv.high, high, 0.01, `${id} high`);
    assert.equal(iv.containsStated, inside, id);
    assert.ok(iv.low < r.recomputed![0]! && r.recomputed![0]! < iv.high, `${id}: the estimate lies inside its interval`);
    assert.match(iv.method, /1,999 replications, seed 2019/);
    assert.match(r.explanation, new RegExp(`lies ${inside ? "inside" : "outside"} the 95% interval`), id);
  }
  // a fresh set of tables (as a new process would have) reads the bootstrap from the cache folder
  const spec = specById("nao");
  const first = bootstrapShares(createTables(), spec);
  const hits = cacheStats.hits;
  const t0 = Date.now();
  const again = bootstrapShares(createTables(), spec);
  assert.equal(cacheStats.hits, hits + 1, "the second bootstrap is a cache hit");
  assert.deepEqual(again.intervals, first.intervals);
  assert.equal(again.replicates.la.length, SHARE_BOOTSTRAP.replications);
  assert.ok(Date.now() - t0 < 2000, `reading the cached bootstrap took ${Date.now() - t0} ms`);
});

test("notebook 05's card for a model share fails loudly when the notebook's value is not the ledger's", async () => {
  await ensureData();
  const nb = await import("../../src/notebooks/model");
  const la = 100 * shareOf(estimateSpec(tables, specById("nao")), "nao-order", "la")!;
  await nb.modelCard("nao-s16-la-44", { share: la }); // the ledger's value: shown, no error
  await assert.rejects(nb.modelCard("nao-s16-la-44", { share: 44 }), (e: Error) => e instanceof nb.ModelCardMismatch && /computes share = 44, the ledger 49\.9/.test(e.message));
  await assert.rejects(nb.modelCard("nao-s16-la-44", {}), /computed no "share"/);
});
