import { test } from "node:test";
import assert from "node:assert/strict";
import { row, value, near } from "../helpers";

// Every value below is recomputed from the official files in the mirror (not copied from the documents).

test("referrals 2010-11 to 2017-18 (NAO summary 7, 8; paras 1.7, 1.15)", async () => {
  near(await value("nao-s7-referrals-change", "pctChange"), 100 * (655630 - 615000) / 615000, 1e-9, "referrals % change");
  near(await value("nao-s7-referrals-change", "to"), 655630, 0);
  near(await value("nao-1-7-referrals", "level"), 655630, 0);
  near(await value("nao-1-15-referrals-population", "populationPct"), 100 * (11866957 - 11279426) / 11279426, 1e-9);
  for (const id of ["nao-s7-referrals-change", "nao-1-7-referrals", "nao-1-15-referrals-population", "nao-s8-referrals-vs-s47", "nao-s8-s47-more-assessments"]) {
    assert.equal((await row(id)).verdict, "confirmed", id);
  }
});

test("0-17 population growth mid-2010 to mid-2017 is 5.2% on the revised ONS series", async () => {
  const r = await row("nao-s7-population-growth");
  near(r.recomputed![0], 5.2089, 1e-4);
  assert.equal(r.verdict, "confirmed");
  // the pre-2011-Census denominator DfE printed in 2011 gives a different growth, kept as an alternative
  assert.ok(r.explanation.includes("11,045,369"));
});

test("children-in-need episodes: 735,500 (file rounded to 100) to 753,840, +2.5%", async () => {
  const r = await row("nao-s7-cin-episodes-change");
  assert.deepEqual(r.recomputed!.slice(1), [735500, 753840]);
  near(r.recomputed![0], 2.4935, 1e-4);
  assert.equal(r.verdict, "rounding");
  assert.equal((await row("nao-1-16-cin-episodes-change")).verdict, "rounding");
});

test("children in need at 31 March 2017 and 2018, with the first-published 2017 figure as a revision", async () => {
  const r = await row("nao-1-16-cin-at-31-march");
  assert.deepEqual([r.recomputed![0], r.recomputed![2]], [404710, 389040]);
  near(r.recomputed![1], 4.0279, 1e-4);
  assert.equal(r.verdict, "confirmed");
  assert.ok(r.alternatives?.some((a) => a.values.from === 389430), "SFR61/2017 first published 389,430");
});

test("section 47 enquiries +77%, plans at 31 March +26%, plans starting +40%", async () => {
  near(await value("nao-1-17-s47-77", "pctChange"), 100 * (198090 - 111700) / 111700, 1e-9);
  near(await value("nao-1-17-cpp-26", "pctChange"), 100 * (53790 - 42700) / 42700, 1e-9);
  const r = await row("nao-1-21-cpp-less-than-30");
  assert.equal(r.verdict, "confirmed");
  assert.match(r.explanation, /starting in the year: 49,000 in 2010-11 .* to 68,770 in 2017-18 .* \+40\.3%/);
});

test("assessments and factors 2017-18; primary need 53.2% of the children in need at 31 March 2018", async () => {
  const r = await row("nao-1-10-assessments-factors");
  assert.deepEqual(r.recomputed!.slice(0, 2), [631090, 482750]);
  near(r.recomputed![2], 76.4946, 1e-4);
  assert.equal(r.verdict, "confirmed");
  // primary need at assessment of the children in need at 31 March 2018 (the 2020 release, table B3)
  const p = await row("nao-1-10-abuse-neglect");
  near(p.recomputed![0], (100 * 215270) / 404710, 1e-9);
  assert.equal(p.verdict, "confirmed");
});

test("factors at the end of assessment: domestic violence half of 2016-17 episodes with factors; +19.3% not 26%", async () => {
  const h = await row("nao-1-19-dv-half");
  near(h.recomputed![0], 100 * 235830 / 472450, 1e-9);
  assert.equal(h.recomputed![1], 1);
  assert.equal(h.verdict, "confirmed");
  const d = await row("nao-1-19-dv-26");
  near(d.recomputed![0], 100 * (235830 - 197700) / 197700, 1e-9);
  assert.equal(d.verdict, "unverifiable");
  assert.ok(d.alternatives?.some((a) => Math.abs((a.values.pctChange ?? 0) - 100 * (246710 - 197700) / 197700) < 1e-9));
  const o = await row("nao-1-19-other-factors");
  assert.equal(o.verdict, "confirmed");
  assert.ok(o.recomputed!.every((x) => x !== null && x > 0));
});

test("claims no open data settles are unverifiable with what would settle them", async () => {
  for (const id of ["nao-1-22-staffordshire", "nao-s11-capacity-survey", "nao-1-27-capacity-survey", "nao-1-29-leavers-5-years"]) {
    const r = await row(id);
    assert.equal(r.verdict, "unverifiable", id);
    assert.match(r.explanation, /What would settle it: /, id);
  }
});
