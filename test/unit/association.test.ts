import { test } from "node:test";
import assert from "node:assert/strict";
import {
  chiSquaredSurvival, kruskalWallis, kruskalWallisPermutation, labelledRange, mean, median, midranks,
  regularizedGammaP, seededRandom, spearman, spearmanPermutationTest,
} from "../../src/stats/association";

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

test("labelledRange names the authority at each end; ties keep the first; bad input is an error", () => {
  const r = labelledRange([{ label: "Leeds", value: 640 }, { label: "Hertfordshire", value: 300.5 }, { label: "Blackpool", value: 1322.7 }, { label: "Other", value: 300.5 }]);
  assert.equal(r.min.label, "Hertfordshire");
  assert.equal(r.max.label, "Blackpool");
  assert.equal(r.n, 4);
  assert.throws(() => labelledRange([]), /no values/);
  assert.throws(() => labelledRange([{ label: "x", value: NaN }]), /x has no finite value/);
});

test("median and mean: odd, even, and empty", () => {
  assert.equal(median([23, 67, 185]), 67);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  close(mean([23, 67, 185]), 91.6667, 1e-4, "mean");
  assert.throws(() => median([]), /no values/);
  assert.throws(() => mean([]), /no values/);
});

test("midranks share tied ranks", () => {
  assert.deepEqual(midranks([10, 20, 20, 30]), [1, 2.5, 2.5, 4]);
  assert.deepEqual(midranks([3, 3, 3]), [2, 2, 2]);
  assert.deepEqual(midranks([5, 1, 4]), [3, 1, 2]);
});

test("spearman matches R cor(method = 'spearman'), with ties", () => {
  // R: cor(c(1,2,2,3,4), c(2,1,4,4,5), method = "spearman") = 0.763157894737
  close(spearman([1, 2, 2, 3, 4], [2, 1, 4, 4, 5]), 0.763157894737, 1e-12, "rho");
  close(spearman([1, 2, 3, 4], [4, 3, 2, 1]), -1, 1e-12, "perfect negative");
  assert.throws(() => spearman([1, 2], [1, 2]), /at least 3/);
  assert.throws(() => spearman([1, 2, 3], [1, 2]), /3 x values for 2 y values/);
});

test("seededRandom is deterministic and in [0, 1)", () => {
  const a = seededRandom(42);
  const b = seededRandom(42);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(xs.slice(0, 5), Array.from({ length: 5 }, () => b()));
  assert.equal(xs[0], 0.6011037519201636);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  close(mean(xs), 0.5, 0.03, "mean of uniforms");
});

test("incomplete gamma and chi-squared tail match R pchisq", () => {
  close(regularizedGammaP(1, 1), 1 - Math.exp(-1), 1e-12, "P(1,1)");
  assert.equal(regularizedGammaP(2, 0), 0);
  close(chiSquaredSurvival(7.3, 3), 0.062926236459, 1e-10, "pchisq(7.3, 3)");
  close(chiSquaredSurvival(0.5, 1), 0.479500122187, 1e-10, "pchisq(0.5, 1)");
  close(chiSquaredSurvival(40, 10), 1.69447439301e-5, 1e-14, "pchisq(40, 10)");
  assert.equal(chiSquaredSurvival(0, 2), 1);
  assert.throws(() => chiSquaredSurvival(1, 0), /df must be positive/);
  assert.throws(() => regularizedGammaP(-1, 1), /a must be positive/);
  assert.throws(() => regularizedGammaP(1, -1), /must not be negative/);
});

test("Kruskal–Wallis matches R kruskal.test (with and without ties)", () => {
  // R: kruskal.test(list(x, y, z)) — Hollander & Wolfe example: chi-squared = 0.77142857, df = 2, p = 0.6799648
  const a = kruskalWallis([[2.9, 3.0, 2.5, 2.6, 3.2], [3.8, 2.7, 4.0, 2.4], [2.8, 3.4, 3.7, 2.2, 2.0]]);
  close(a.H, 0.77142857, 1e-8, "H");
  assert.equal(a.df, 2);
  close(a.p, 0.6799648, 1e-7, "p");
  assert.equal(a.n, 14);
  assert.deepEqual(a.meanRanks, [7.2, 9, 6.6]);
  // with ties: chi-squared = 5.7866667, p = 0.05539127
  const b = kruskalWallis([[1, 1, 2, 2, 3], [2, 3, 3, 4, 4], [4, 5, 5, 5, 1]]);
  close(b.H, 5.7866667, 1e-7, "H with ties");
  close(b.p, 0.05539127, 1e-8, "p with ties");
  close(b.epsilonSquared, b.H / 14, 1e-12, "epsilon squared");
});

test("Kruskal–Wallis: empty groups are left out, bad input is an error", () => {
  const k = kruskalWallis([[1, 2, 3], [], [4, 5, 6]]);
  assert.equal(k.df, 1);
  assert.ok(Number.isNaN(k.meanRanks[1]));
  assert.throws(() => kruskalWallis([[1, 2, 3]]), /at least two non-empty groups/);
  assert.throws(() => kruskalWallis([[1, 1], [1, 1]]), /every value is the same/);
  assert.throws(() => kruskalWallis([[1, NaN], [2, 3]]), /finite/);
});

test("permutation tests: deterministic for a seed, p in (0, 1], small for a strong effect, large for none", () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8];
  const strong = spearmanPermutationTest(x, [2, 1, 4, 3, 6, 5, 8, 7], { k: 1999, seed: 3 });
  close(strong.rho, 0.9047619, 1e-6, "rho");
  assert.ok(strong.p < 0.02, `p ${strong.p}`);
  assert.deepEqual(spearmanPermutationTest(x, [2, 1, 4, 3, 6, 5, 8, 7], { k: 1999, seed: 3 }), strong);
  const none = spearmanPermutationTest(x, [4, 8, 1, 6, 3, 7, 2, 5], { k: 1999, seed: 3 });
  assert.ok(none.p > 0.3, `p ${none.p}`);
  assert.ok(none.p <= 1 && none.p > 0);
  assert.throws(() => spearmanPermutationTest([1, 1, 1], [1, 2, 3]), /no variation/);
  const kw = kruskalWallisPermutation([[1, 2, 3], [4, 5, 6], [7, 8, 9]], { k: 4999, seed: 5 });
  close(kw.H, 7.2, 1e-9, "H");
  assert.ok(kw.p < 0.01, `p ${kw.p}`);
  // exact p: H = 7.2 is the largest possible; 6 of the 9!/(3!3!3!) = 1,680 labellings reach it, p = 0.00357
  close(kw.p, 0.0036, 0.003, "permutation p");
});

test("the Kruskal–Wallis permutation p agrees with the chi-squared p on a larger sample", () => {
  const r = seededRandom(12);
  const groups = [0, 0.1, 0.15].map((shift) => Array.from({ length: 40 }, () => r() + shift));
  const chi = kruskalWallis(groups).p;
  const perm = kruskalWallisPermutation(groups, { k: 4999, seed: 1 }).p;
  close(chi, 0.0747, 1e-3, "chi-squared p");
  close(perm, chi, 0.015, "permutation p");
});
