import { test } from "node:test";
import assert from "node:assert/strict";
import { callawaySantAnna, eventStudy, simulateStaggered, treatedIndicator, twfeDid } from "../../src/stats/did";
import { seededRandom } from "../../src/stats/random";

const close = (a: number, b: number, tol = 1e-9, what = "") => assert.ok(Math.abs(a - b) <= tol, `${what} expected ${b}, got ${a}`);

test("treatedIndicator: 1 from the cohort's first period, never for the never-treated", () => {
  assert.deepEqual(Array.from(treatedIndicator([2010, 2011, 2012, 2010], [2011, 2011, 2011, null])), [0, 1, 1, 0]);
});

test("a constant effect: TWFE, the event study and Callaway–Sant'Anna all recover it exactly", () => {
  const sim = simulateStaggered({ cohorts: [2012, 2014, null], unitsPerCohort: 5, first: 2010, last: 2017, effect: () => 3 });
  assert.equal(sim.trueAtt, 3);
  const tw = twfeDid(sim.data);
  close(tw.estimate, 3, 1e-9, "twfe");
  assert.equal(tw.entities, 15);
  assert.equal(tw.treatedEntities, 10);
  assert.equal(tw.n, 120);
  const es = eventStudy(sim.data, { leads: 3, lags: 3 });
  for (const e of es) close(e.estimate, e.eventTime >= 0 ? 3 : 0, 1e-9, `event ${e.eventTime}`);
  assert.ok(es.find((e) => e.eventTime === -1)!.reference);
  for (const control of ["never", "notyet"] as const) {
    const cs = callawaySantAnna(sim.data, { control, bootstrap: 0 });
    close(cs.overall.estimate, 3, 1e-12, control);
    for (const e of cs.byEventTime) close(e.estimate, e.eventTime >= 0 ? 3 : 0, 1e-12, `${control} event ${e.eventTime}`);
  }
});

test("an effect that grows with time since treatment: TWFE is biased, Callaway–Sant'Anna is not", () => {
  const effect = (k: number) => 2 * (k + 1);
  const sim = simulateStaggered({ cohorts: [2012, 2014, 2016, null], unitsPerCohort: 4, first: 2010, last: 2018, effect });
  const tw = twfeDid(sim.data);
  const cs = callawaySantAnna(sim.data, { bootstrap: 0 });
  close(cs.overall.estimate, sim.trueAtt, 1e-12, "CS overall");
  // the truth, by hand: cohort 2012 has 7 treated years (2..14), 2014 has 5 (2..10), 2016 has 3 (2..6), equal sizes
  close(sim.trueAtt, (2 * (28 + 15 + 6)) / 15, 1e-12, "true ATT");
  for (const e of cs.byEventTime.filter((x) => x.eventTime >= 0)) close(e.estimate, effect(e.eventTime), 1e-12, `CS event ${e.eventTime}`);
  assert.ok(tw.estimate < sim.trueAtt - 1, `TWFE ${tw.estimate} should fall well short of ${sim.trueAtt}`);
});

test("with noise: CS lands within three bootstrap SEs of the truth, and the bootstrap repeats with its seed", () => {
  const sim = simulateStaggered({ cohorts: [2012, 2014, null], unitsPerCohort: 25, first: 2010, last: 2016, effect: () => -1.5, noise: 1, seed: 3 });
  const a = callawaySantAnna(sim.data, { bootstrap: 99, seed: 42 });
  const b = callawaySantAnna(sim.data, { bootstrap: 99, seed: 42 });
  assert.ok(a.overall.se > 0 && a.overall.se < 1);
  assert.equal(a.overall.se, b.overall.se);
  assert.ok(Math.abs(a.overall.estimate - -1.5) < 3 * a.overall.se, `estimate ${a.overall.estimate} se ${a.overall.se}`);
  assert.ok(Math.abs(twfeDid(sim.data).estimate - -1.5) < 0.6);
});

test("group-time cells: controls are never-treated, or also not-yet-treated", () => {
  const sim = simulateStaggered({ cohorts: [2012, 2014, null], unitsPerCohort: 2, first: 2010, last: 2015, effect: () => 1 });
  const never = callawaySantAnna(sim.data, { bootstrap: 0 });
  const notyet = callawaySantAnna(sim.data, { control: "notyet", bootstrap: 0 });
  const cell = (r: typeof never, g: number, t: number) => r.groupTime.find((c) => c.group === g && c.time === t)!;
  assert.equal(cell(never, 2012, 2012).controlUnits, 2);
  assert.equal(cell(notyet, 2012, 2012).controlUnits, 4); // never-treated plus the 2014 cohort
  assert.equal(cell(notyet, 2012, 2014).controlUnits, 2); // the 2014 cohort is treated by then
});

test("bad input is an error", () => {
  assert.throws(() => callawaySantAnna({ y: [1, 2], entity: ["a", "a"], time: [1, 2], cohort: [2, null] }, { bootstrap: 0 }), /two cohorts/);
  const rnd = seededRandom(1);
  const x = rnd();
  assert.ok(x >= 0 && x < 1);
});
