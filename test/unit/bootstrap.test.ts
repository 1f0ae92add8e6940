import { test } from "node:test";
import assert from "node:assert/strict";
import { bootstrapSequentialShares, clusterBootstrap, percentileInterval, quantileSorted } from "../../src/stats/bootstrap";
import { seededRandom } from "../../src/stats/random";
import type { Group } from "../../src/stats/variance-shares";

test("quantileSorted: R's type 7 (linear between order statistics)", () => {
  assert.equal(quantileSorted([1, 2, 3, 4], 0.5), 2.5);
  assert.ok(Math.abs(quantileSorted([1, 2, 3, 4, 5], 0.025) - 1.1) < 1e-12);
  assert.equal(quantileSorted([7], 0.975), 7);
  assert.equal(quantileSorted([1, 2, 3], 0), 1);
  assert.equal(quantileSorted([1, 2, 3], 1), 3);
  assert.throws(() => quantileSorted([], 0.5), /no values/);
  assert.throws(() => quantileSorted([1], 1.5), /\[0, 1\]/);
});

test("percentileInterval: the 2.5% and 97.5% quantiles, whatever the order of the replicates", () => {
  const v = Array.from({ length: 101 }, (_, i) => 100 - i); // 100, 99, …, 0
  assert.deepEqual(percentileInterval(v, 0.5), { low: 25, high: 75 });
  const iv = percentileInterval(v);
  assert.ok(Math.abs(iv.low - 2.5) < 1e-12 && Math.abs(iv.high - 97.5) < 1e-12, JSON.stringify(iv));
  assert.throws(() => percentileInterval([1, NaN, 3]), /replicate 2 of 3 is NaN/);
  assert.throws(() => percentileInterval([1, 2], 1), /level/);
});

test("clusterBootstrap: whole clusters with all their rows, as many clusters as there are, seeded", () => {
  // three clusters of unequal size, rows not adjacent
  const cluster = ["a", "b", "a", "c", "b", "a"];
  const draws = clusterBootstrap(cluster, (d) => ({ rows: Array.from(d.rows), cluster: Array.from(d.cluster), drawn: d.drawn }), { replications: 200, seed: 7 });
  assert.equal(draws.length, 200);
  const size: Record<string, number> = { a: 3, b: 2, c: 1 };
  const seenFirst = new Set<string>();
  for (const d of draws) {
    assert.equal(d.drawn.length, 3);
    seenFirst.add(String(d.drawn[0]));
    // each draw brings every row of its cluster, labelled with the draw's number
    assert.equal(d.rows.length, d.drawn.reduce<number>((n, g) => n + size[g as string], 0));
    for (let k = 0; k < 3; k++) {
      const rows = d.rows.filter((_, j) => d.cluster[j] === k);
      assert.deepEqual(rows.map((i) => cluster[i]), Array(size[d.drawn[k] as string]).fill(d.drawn[k]));
      assert.deepEqual(rows.slice().sort(), cluster.map((g, i) => [g, i] as const).filter(([g]) => g === d.drawn[k]).map(([, i]) => i));
    }
  }
  assert.deepEqual([...seenFirst].sort(), ["a", "b", "c"], "every cluster is drawn first sometimes");
  const again = clusterBootstrap(cluster, (d) => d.drawn.join(""), { replications: 50, seed: 7 });
  assert.deepEqual(again, draws.slice(0, 50).map((d) => d.drawn.join("")), "the same seed draws the same clusters");
  const other = clusterBootstrap(cluster, (d) => d.drawn.join(""), { replications: 50, seed: 8 });
  assert.notDeepEqual(other, again);
  assert.throws(() => clusterBootstrap(["a", "a"], () => 0, { replications: 10, seed: 1 }), /at least 2/);
  assert.throws(() => clusterBootstrap(["a", "b"], () => 0, { replications: 0, seed: 1 }), /at least 1/);
});

/** A standard normal draw (Box–Muller) from a seeded uniform source. */
function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/**
 * A synthetic balanced panel: G authorities, T years; y = 1.5·d + u + b_t + e, with deprivation d,
 * the authority's own level u and the noise e standard normal, and a fixed year trend b. The
 * population values of the sequential shares (deprivation, then time, then LA effects) follow from
 * the variances: deprivation 2.25/V, time var(b)/V, LA effects (1 + 1/T)/V, unexplained (1 − 1/T)/V,
 * with V = 2.25 + 1 + var(b) + 1 (the LA effects take u and each authority's mean noise).
 */
function syntheticPanel(G: number, seed: number) {
  const b = [0, 0.4, 0.9, 1.1, 1.6, 2];
  const T = b.length;
  const rand = seededRandom(seed);
  const y: number[] = [];
  const dep: number[] = [];
  const year: string[] = [];
  const la: string[] = [];
  for (let g = 0; g < G; g++) {
    const d = normal(rand);
    const u = normal(rand);
    for (let t = 0; t < T; t++) {
      y.push(1.5 * d + u + b[t] + normal(rand));
      dep.push(d);
      year.push(`y${t}`);
      la.push(`la${g}`);
    }
  }
  const mb = b.reduce((s, x) => s + x, 0) / T;
  const vb = b.reduce((s, x) => s + (x - mb) ** 2, 0) / T;
  const V = 2.25 + 1 + vb + 1;
  const truth = { deprivation: 2.25 / V, time: vb / V, la: (1 + 1 / T) / V, unexplained: (1 - 1 / T) / V };
  const groups: Record<string, Group> = { deprivation: { columns: [dep] }, time: { factor: year }, la: { factor: la } };
  return { y, groups, truth };
}

const ORDER = ["deprivation", "time", "la"];

test("bootstrapSequentialShares: on a synthetic panel the LA share's 95% interval covers the true share, and the seed fixes it", () => {
  const { y, groups, truth } = syntheticPanel(80, 11);
  const b = bootstrapSequentialShares(y, groups, ORDER, { cluster: "la", replications: 999, seed: 2019 });
  assert.equal(b.replications, 999);
  assert.equal(b.clusters, 80);
  const iv = b.intervals.la;
  assert.ok(iv.low < truth.la && truth.la < iv.high, `true ${truth.la.toFixed(4)} outside [${iv.low.toFixed(4)}, ${iv.high.toFixed(4)}]`);
  for (const k of ["deprivation", "time", "la", "unexplained"] as const) {
    assert.equal(b.replicates[k].length, 999);
    assert.ok(b.intervals[k].low <= b.estimate[k] && b.estimate[k] <= b.intervals[k].high, `${k}: the estimate lies outside its own interval`);
    assert.ok(b.intervals[k].high - b.intervals[k].low > 0.005 && b.intervals[k].high - b.intervals[k].low < 0.4, `${k}: implausible width`);
  }
  // the shares and the remainder add up to 1 in every replication
  for (let r = 0; r < 999; r += 97) {
    const sum = ["deprivation", "time", "la", "unexplained"].reduce((s, k) => s + b.replicates[k][r], 0);
    assert.ok(Math.abs(sum - 1) < 1e-9, `replication ${r} sums to ${sum}`);
  }
  const same = bootstrapSequentialShares(y, groups, ORDER, { cluster: "la", replications: 999, seed: 2019 });
  assert.deepEqual(same.intervals, b.intervals, "the same seed gives the same intervals");
  const other = bootstrapSequentialShares(y, groups, ORDER, { cluster: "la", replications: 999, seed: 2020 });
  assert.notDeepEqual(other.intervals.la, b.intervals.la, "another seed gives other intervals");
  assert.deepEqual(other.estimate, b.estimate, "the estimate does not depend on the seed");
  assert.ok(Math.abs(other.intervals.la.low - iv.low) < 0.03 && Math.abs(other.intervals.la.high - iv.high) < 0.03, "but not very different ones");
});

test("bootstrapSequentialShares: over 20 synthetic panels each share's interval covers its true value most of the time", () => {
  const covered = { deprivation: 0, time: 0, la: 0, unexplained: 0 };
  for (let s = 0; s < 20; s++) {
    const { y, groups, truth } = syntheticPanel(60, 100 + s);
    const b = bootstrapSequentialShares(y, groups, ORDER, { cluster: "la", replications: 199, seed: s });
    for (const k of Object.keys(covered) as (keyof typeof covered)[]) if (b.intervals[k].low < truth[k] && truth[k] < b.intervals[k].high) covered[k]++;
  }
  // percentile intervals from 60 clusters cover a little under 95% (about 90% in longer simulations);
  // at 90%, 14 or fewer of 20 happens about once in a hundred
  for (const [k, n] of Object.entries(covered)) assert.ok(n >= 15, `${k}: covered its true share in ${n} of 20 panels`);
});

test("bootstrapSequentialShares: the order must name every group, and the cluster must be a factor", () => {
  const y = [1, 2, 3, 10, 11, 9, 4, 6, 5];
  const groups: Record<string, Group> = { x: { columns: [[1, 2, 3, 1, 2, 3, 1, 2, 3]] }, la: { factor: ["p", "p", "p", "q", "q", "q", "r", "r", "r"] } };
  assert.throws(() => bootstrapSequentialShares(y, groups, ["la"], { cluster: "la", replications: 10, seed: 1 }), /every group once/);
  assert.throws(() => bootstrapSequentialShares(y, groups, ["x", "la"], { cluster: "x", replications: 10, seed: 1 }), /must be a factor group/);
  assert.throws(() => bootstrapSequentialShares(y, groups, ["x", "la"], { cluster: "nope", replications: 10, seed: 1 }), /must be a factor group/);
});
