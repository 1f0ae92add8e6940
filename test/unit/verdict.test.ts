import { test } from "node:test";
import assert from "node:assert/strict";
import { parseWritten, completeStated } from "../../src/claims/written";
import { QUALIFIERS, compareValue, decideVerdict } from "../../src/claims/verdict";
import { firstSentence, plainWords } from "../../src/claims/explain";
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

const res = (v: number | null, extra: Partial<CheckResult> = {}): CheckResult => ({ values: { r: v }, evidence: ev, explanation: "", ...extra });
const cmp = (s: StatedValue, v: number | null, extra: Partial<CheckResult> = {}) => compareValue(s, res(v, extra)).match;

test("within the written precision is exact; one unit off in the last digit differs (no tolerance band)", () => {
  const s = sv("7%", "percent");
  assert.equal(cmp(s, 6.5), "exact");
  assert.equal(cmp(s, 7.49), "exact");
  assert.equal(cmp(s, 7.6), "differs");
  assert.equal(cmp(s, 5.5), "differs");
  assert.equal(cmp(s, null), "missing");
  // £9.920bn does not round to £9.93bn
  assert.equal(cmp(sv("£9.93 billion", "gbp_bn"), 9.92), "differs");
  assert.equal(cmp(sv("£9.93 billion", "gbp_bn"), 9.925), "exact");
});

test("rounding only where the check demonstrates it", () => {
  const s = sv("735,470", "count");
  // a file rounded to the nearest 100 allows 735,450 to 735,550
  assert.equal(cmp(s, 735500, { dataTolerance: { r: 50 } }), "shown-rounding");
  assert.equal(cmp(s, 735500), "differs");
  assert.equal(cmp(s, 735700, { dataTolerance: { r: 50 } }), "differs");
  // a change computed from the document's own rounded levels
  const p = sv("7%", "percent");
  assert.equal(cmp(p, 7.6, { roundingShown: { r: { value: 7.2, how: "from the document's rounded levels" } } }), "shown-rounding");
  assert.equal(cmp(p, 7.6, { roundingShown: { r: { value: 7.7, how: "from the document's rounded levels" } } }), "differs");
  assert.equal(cmp(p, 7.6, { roundingShown: { r: { low: 7.4, high: 7.8, how: "interval" } } }), "shown-rounding");
});

test("qualifier windows are narrow and stated once", () => {
  assert.equal(cmp(sv("less than 30%", "percent", { qualifier: "less-than" }), 26), "exact");
  assert.equal(cmp(sv("less than 30%", "percent", { qualifier: "less-than" }), 30.2), "differs");
  assert.equal(cmp(sv("more than triple", "ratio", { qualifier: "more-than" }), 2.9), "differs");
  assert.equal(cmp(sv("almost triple", "ratio", { qualifier: "almost" }), 2.9), "exact");
  assert.equal(cmp(sv("almost triple", "ratio", { qualifier: "almost" }), 2.8), "differs"); // more than 5% short
  assert.equal(cmp(sv("almost triple", "ratio", { qualifier: "almost" }), 3.0), "differs"); // reached
  assert.equal(cmp(sv("just over 500", "count", { qualifier: "just-over" }), 520), "exact");
  assert.equal(cmp(sv("just over 500", "count", { qualifier: "just-over" }), 530), "differs");
  assert.equal(cmp(sv("around 615,000", "count", { qualifier: "about" }), 619000), "exact");
  assert.equal(cmp(sv("around 615,000", "count", { qualifier: "about" }), 621000), "differs");
  for (const q of Object.values(QUALIFIERS)) assert.ok(q.window.length > 10 && q.reason.length > 10);
});

test("another release that reproduces the figure makes it revised; another reading never confirms", () => {
  const s = sv("389,430", "count");
  assert.equal(cmp(s, 389040, { alternatives: [{ label: "SFR61/2017", kind: "revision", values: { r: 389430 } }] }), "revision");
  assert.equal(cmp(s, 389040, { alternatives: [{ label: "another period", kind: "period", values: { r: 389430 } }] }), "reading");
  const stated = [s];
  assert.equal(decideVerdict(stated, res(389040, { alternatives: [{ label: "SFR61/2017", kind: "revision", values: { r: 389430 } }] })).verdict, "revised");
  const d = decideVerdict(stated, res(389040, { alternatives: [{ label: "without the Isles of Scilly", kind: "inclusion", values: { r: 389430 } }] }));
  assert.equal(d.verdict, "differs");
  assert.equal(d.comparisons[0].reproducedBy[0].label, "without the Isles of Scilly");
});

test("verdict policy", () => {
  const stated = [sv("7%", "percent")];
  assert.equal(decideVerdict(stated, res(6.9)).verdict, "confirmed");
  assert.equal(decideVerdict(stated, res(7.6)).verdict, "differs");
  assert.equal(decideVerdict(stated, res(null)).verdict, "unverifiable");
  assert.equal(decideVerdict(stated, res(null)).reason, "not-in-mirror");
  assert.equal(decideVerdict(stated, res(6.9, { verdict: "model" })).verdict, "model");
  assert.equal(decideVerdict(stated, res(null, { verdict: "unverifiable", reason: "no-open-data" })).reason, "no-open-data");
  // confirmed needs evidence from a file, not the document alone
  assert.equal(decideVerdict(stated, res(6.9, { evidence: [] })).verdict, "unverifiable");
  assert.equal(decideVerdict(stated, res(6.9, { evidence: [{ source: "document:hcl", file: "seeds/x.txt", rows: [], columns: [] }] })).verdict, "unverifiable");
  // the document's own arithmetic is consistent or inconsistent, never confirmed
  assert.equal(decideVerdict(stated, res(6.9, { internal: true })).verdict, "consistent");
  assert.equal(decideVerdict(stated, res(6.9, { internal: true })).basis, "document");
  assert.equal(decideVerdict(stated, res(9, { internal: true })).verdict, "inconsistent");
  // a citation: faithful or misquoted
  assert.equal(decideVerdict([sv("50%", "percent")], res(44, { basis: "cited" })).verdict, "misquoted");
  assert.equal(decideVerdict([sv("44%", "percent")], res(44, { basis: "cited" })).verdict, "confirmed");
  // the release the document used is not held: a difference cannot be called
  const decl = { primary: "p", justification: "j", releaseNotHeld: "the December 2020 release" };
  assert.equal(decideVerdict(stated, res(7.6), decl).verdict, "unverifiable");
  assert.equal(decideVerdict(stated, res(7.6), decl).reason, "vintage-not-held");
  assert.equal(decideVerdict(stated, res(6.9), decl).verdict, "confirmed");
  assert.equal(decideVerdict(stated, res(7.6), { primary: "p", justification: "j", dataNotHeld: "x" }).reason, "not-in-mirror");
});

test("the explanation starts with the reason and the deciding numbers, in plain words", () => {
  const stated = [sv("1,323", "per10k")];
  const d = decideVerdict(stated, res(1342.5, { alternatives: [{ label: "the Isles of Scilly left out", kind: "inclusion", values: { r: 1322.7 } }] }));
  const s = firstSentence(stated, d, { primary: "every authority" });
  assert.match(s, /^Differs: stated 1,323 against 1,342\.5 per 10,000 on the primary reading \(every authority\); the Isles of Scilly left out would reproduce 1,323/);
  assert.ok(s.length <= 300);
  assert.equal(plainWords("[pctChange: 7.0] cinEpisodes rose"), "cin episodes rose");
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
