import { test } from "node:test";
import assert from "node:assert/strict";
import { fixtureTables } from "../../src/claims/tables";
import { CIN_EES } from "../../src/data/tidy/cin";
import { S251_FILES } from "../../src/data/tidy/spending";
import type { Grade } from "../../src/data/tidy/ofsted";
import { SRC, eng, la, laObs, ofstedLa, runKind } from "./kind-fixtures";

// Kind `association`: whether a value by authority goes with the Ofsted grade.

/** Spearman's ρ written out here: Pearson's r of the mid-ranks. */
function spearman(x: number[], y: number[]): number {
  const ranks = (v: number[]) => v.map((a) => {
    const below = v.filter((b) => b < a).length;
    const same = v.filter((b) => b === a).length;
    return below + (same + 1) / 2;
  });
  const rx = ranks(x);
  const ry = ranks(y);
  const m = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = m(rx);
  const my = m(ry);
  const cov = rx.reduce((s, a, i) => s + (a - mx) * (ry[i] - my), 0);
  return cov / Math.sqrt(rx.reduce((s, a) => s + (a - mx) ** 2, 0) * ry.reduce((s, b) => s + (b - my) ** 2, 0));
}

const GRADES: Grade[] = ["Outstanding", "Outstanding", "Good", "Good", "Requires improvement", "Requires improvement", "Inadequate", "Good"];
const SPEND = [100, 200, 300, 400, 500, 600, 700, 250];
const CODES = ["801", "802", "803", "804", "805", "806", "807", "808"];

function tables() {
  const f = S251_FILES["2017-18"].id;
  const b1 = CIN_EES["2020"].b1;
  return fixtureTables({
    authorities: CODES.map((c) => la(c, `Authority ${c}`)),
    ofsted: { authorities: CODES.map((c, i) => ofstedLa(c, `Authority ${c}`, 20 + i, [["firstSif", "2016-01-01", GRADES[i]]])), nameIssues: [] },
    obs: [
      ...CODES.map((c, i) => laObs("s251:socialWork:gross", "2017-18", c, `Authority ${c}`, SPEND[i] * 1000, f, 40 + i)),
      ...CODES.map((c, i) => laObs("cinEpisodes", "2017-18", c, `Authority ${c}`, 1000, b1, 60 + i)),
      eng("s251:socialWork:gross", "2017-18", 3.05e6, f, 1),
      eng("cinEpisodes", "2017-18", 8000, b1, 2),
    ],
  });
}

test("association/spendPerEpisode: Spearman's ρ between grade and spend per episode, with the grade's basis named", async () => {
  const r = await runKind("association", tables(), { of: "spendPerEpisode", year: "2017-18" });
  const expected = spearman(GRADES.map((g) => ["Outstanding", "Good", "Requires improvement", "Inadequate"].indexOf(g) + 1), SPEND);
  assert.ok(Math.abs(r.values.rho! - expected) < 1e-12, `${r.values.rho} vs ${expected}`);
  assert.equal(r.values.absRho, Math.abs(r.values.rho!));
  assert.equal(r.facts.n.value, 8);
  assert.ok(r.facts.p.value! > 0 && r.facts.p.value! <= 1);
  // spending and episodes of every authority, then the grades
  assert.deepEqual(r.evidence.map((e) => [e.source, e.rows, e.note]), [
    [S251_FILES["2017-18"].id, ["8 LA rows"], "section 251 social work expenditure of every authority"],
    [CIN_EES["2020"].b1, ["8 LA rows"], "children-in-need episodes of every authority"],
    [SRC.ofsted, ["row 20 (Authority 801)", "row 21 (Authority 802)", "row 22 (Authority 803)", "row 23 (Authority 804)", "row 24 (Authority 805)", "row 25 (Authority 806)", "row 26 (Authority 807)", "row 27 (Authority 808)"], "grades by the latest judgement published by 31 March 2018"],
  ]);
  assert.match(r.explanation, /Good 3 \(median £300\.0, £250\.0 to £400\.0\)/);
});

test("association/spendPerEpisode: the range of spend among authorities of one grade", async () => {
  const r = await runKind("association", tables(), { of: "spendPerEpisode", year: "2017-18", grade: "Good" });
  assert.deepEqual(r.values, { min: 250, max: 400 });
  assert.deepEqual(r.facts.min, { value: 250, what: "lowest spend per child-in-need episode among authorities graded Good", period: "2017-18", area: "Authority 808" });
});

test("association/rateChange: ρ between grade and the change in a rate", async () => {
  const b1 = CIN_EES["2020"].b1;
  const codes = CODES.slice(0, 6);
  const change = [-10, -5, 0, 4, 8, 20];
  const t = fixtureTables({
    authorities: codes.map((c) => la(c, `Authority ${c}`)),
    ofsted: { authorities: codes.map((c, i) => ofstedLa(c, `Authority ${c}`, 20 + i, [["firstSif", "2016-01-01", GRADES[i]]])), nameIssues: [] },
    obs: [
      ...codes.map((c, i) => laObs("cinEpisodesRate", "2015-16", c, `Authority ${c}`, 500, b1, 100 + i)),
      ...codes.map((c, i) => laObs("cinEpisodesRate", "2017-18", c, `Authority ${c}`, 500 + change[i], b1, 200 + i)),
    ],
  });
  const r = await runKind("association", t, { of: "rateChange", measure: "cinEpisodesRate", from: "2015-16", to: "2017-18", release: "2020" });
  const expected = spearman(GRADES.slice(0, 6).map((g) => ["Outstanding", "Good", "Requires improvement", "Inadequate"].indexOf(g) + 1), change);
  assert.ok(Math.abs(r.values.rho! - expected) < 1e-12);
  assert.equal(r.evidence[0].note, "LA rates, 2015-16 and 2017-18");
  assert.match(r.explanation, /Authorities whose rate fell: 2 of 6/);
});
