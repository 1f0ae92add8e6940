import { test } from "node:test";
import assert from "node:assert/strict";
import { parseWritten, completeStated } from "../../src/claims/written";
import { compareValue, decideVerdict } from "../../src/claims/verdict";
import type { StatedValue, CheckResult } from "../../src/claims/types";
import { percentChange, ratePer10k, sharePercent, toRealTerms } from "../../src/stats/change";

const sv = (written: string, unit: StatedValue["unit"], extra: Partial<StatedValue> = {}) => completeStated({ written, unit, role: "r", ...extra });
const ev = [{ source: "s", file: "f.csv", rows: ["row 2"], columns: ["c"] }];

test("written forms give value and precision as the documents write them", () => {
  assert.deepEqual(parseWritten("655,630"), { value: 655630, step: 10, tolerance: 5 });
  assert.deepEqual(parseWritten("7%"), { value: 7, step: 1, tolerance: 0.5 });
  assert.deepEqual(parseWritten("10%"), { value: 10, step: 1, tolerance: 0.5 });
  assert.deepEqual(parseWritten("5.2%"), { value: 5.2, step: 0.1, tolerance: 0.05 });
  assert.deepEqual(parseWritten("£8.8 billion"), { value: 8.8, step: 0.1, tolerance: 0.05 });
  assert.deepEqual(parseWritten("28,500"), { value: 28500, step: 100, tolerance: 50 });
  assert.deepEqual(parseWritten("1,323"), { value: 1323, step: 1, tolerance: 0.5 });
  assert.deepEqual(parseWritten("43.2"), { value: 43.2, step: 0.1, tolerance: 0.05 });
  assert.equal(parseWritten("more than triple").value, 3);
  assert.throws(() => parseWritten("many"), /cannot read a number/);
});

test("within the written precision is exact; one unit off in the last digit is last-digit; more differs", () => {
  const s = sv("7%", "percent");
  assert.equal(compareValue(s, 6.6).match, "exact");
  assert.equal(compareValue(s, 7.49).match, "exact");
  assert.equal(compareValue(s, 7.6).match, "last-digit");
  assert.equal(compareValue(s, 8.6).match, "differs");
  assert.equal(compareValue(s, null).match, "missing");
});

test("a coarser data file widens the match only to data-rounding", () => {
  const s = sv("735,470", "count");
  assert.equal(compareValue(s, 735500, 50).match, "data-rounding");
  assert.equal(compareValue(s, 735500, 0).match, "differs");
});

test("qualified statements: less than, more than, almost", () => {
  assert.equal(compareValue(sv("less than 30%", "percent", { qualifier: "less-than" }), 26).match, "exact");
  assert.equal(compareValue(sv("less than 30%", "percent", { qualifier: "less-than" }), 40.3).match, "differs");
  assert.equal(compareValue(sv("more than triple", "ratio", { qualifier: "more-than" }), 2.9).match, "differs");
  assert.equal(compareValue(sv("almost triple", "ratio", { qualifier: "almost" }), 2.9).match, "exact");
  assert.equal(compareValue(sv("almost triple", "ratio", { qualifier: "almost" }), 2.2).match, "differs");
});

test("a revision named as an alternative turns a difference into rounding", () => {
  const s = sv("389,430", "count");
  const c = compareValue(s, 389040, 0, [{ label: "SFR61/2017", kind: "revision", values: { r: 389430 } }]);
  assert.equal(c.match, "revision");
  const d = compareValue(s, 389040, 0, [{ label: "another period", kind: "period", values: { r: 389430 } }]);
  assert.equal(d.match, "differs");
});

test("verdict rules", () => {
  const stated = [sv("7%", "percent")];
  const res = (v: number | null, extra: Partial<CheckResult> = {}): CheckResult => ({ values: { r: v }, evidence: ev, explanation: "", ...extra });
  assert.equal(decideVerdict(stated, res(6.9)).verdict, "confirmed");
  assert.equal(decideVerdict(stated, res(7.6)).verdict, "rounding");
  assert.equal(decideVerdict(stated, res(9)).verdict, "differs");
  assert.equal(decideVerdict(stated, res(null)).verdict, "unverifiable");
  assert.equal(decideVerdict(stated, res(6.9, { verdict: "model" })).verdict, "model");
  // confirmed needs evidence
  assert.equal(decideVerdict(stated, res(6.9, { evidence: [] })).verdict, "unverifiable");
});

test("statistics helpers are exact on integers", () => {
  assert.equal(percentChange(200, 150), -25);
  assert.equal(percentChange(100, 177), 77);
  assert.equal(ratePer10k(64, 10000), 64);
  assert.equal(sharePercent(1, 4), 25);
  assert.equal(toRealTerms(100, 50, 100), 200);
  assert.throws(() => percentChange(0, 5), RangeError);
  assert.throws(() => ratePer10k(5, 0), RangeError);
});
