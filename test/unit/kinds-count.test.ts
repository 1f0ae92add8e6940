import { test } from "node:test";
import assert from "node:assert/strict";
import { fixtureTables } from "../../src/claims/tables";
import type { OfstedTable } from "../../src/data/tidy/ofsted";
import { SRC, eng, la, laObs, ofstedLa, runKind } from "./kind-fixtures";

// Kind `count`: how many authorities (or years) meet a condition.

const near = (a: number | null | undefined, b: number, tol = 1e-9) => assert.ok(a !== null && a !== undefined && Math.abs(a - b) <= tol, `${a} is not ${b}`);

const OFSTED: OfstedTable = {
  authorities: [
    ofstedLa("841", "Darlington", 10, [["firstSif", "2015-03-01", "Good"], ["firstIlacs", "2018-06-01", "Outstanding"]]),
    ofstedLa("302", "Barnet", 11, [["firstSif", "2016-06-01", "Inadequate"], ["sifReinspection", "2017-12-01", "Good"]]),
    ofstedLa("303", "Bexley", 12, [["firstSif", "2016-08-20", "Requires improvement"]]),
    ofstedLa("420", "Isles of Scilly", 13, [["firstSif", "2017-01-10", "Good", "Requires improvement"]]),
  ],
  nameIssues: [],
};

const AUTHORITIES = [la("841", "Darlington"), la("302", "Barnet", "OLB"), la("303", "Bexley", "OLB"), la("420", "Isles of Scilly")];

test("count/ofsted: the share of authorities judged Good or Outstanding, at a date and at the first inspection", async () => {
  const t = fixtureTables({ authorities: AUTHORITIES, ofsted: OFSTED });
  const first = await runKind("count", t, { of: "ofsted", basis: "firstSif", grades: ["Good", "Outstanding"] });
  assert.deepEqual(first.values, { share: 50 });
  const at = await runKind("count", t, { of: "ofsted", basis: "at:2018-08-31", grades: ["Requires improvement", "Inadequate"], compareAt: ["at:2016-12-31"] });
  // Darlington Outstanding, Barnet Good (re-inspected), Bexley RI, Scilly Good
  assert.deepEqual(at.values, { share: 25 });
  assert.deepEqual(at.alternatives![0], { label: "the sum of the grades' rounded shares (25% + 0%)", kind: "rounding", values: { share: 25 } });
  // at the end of 2016 Scilly had no judgement yet: 2 of 3 judged (Barnet Inadequate, Bexley RI)
  const period = at.alternatives!.find((a) => a.kind === "period")!;
  near(period.values.share, (100 * 2) / 3);
  assert.equal(at.evidence[0].source, SRC.ofsted);
  assert.equal(at.evidence[0].sheet, "LA_inspections_2009-2023");
  assert.deepEqual(at.evidence[0].values, { Darlington: "Outstanding (first ILACS inspection, published 2018-06-01)", Barnet: "Good (SIF re-inspection, published 2017-12-01)", Bexley: "Requires improvement (first SIF inspection, published 2016-08-20)", "Isles of Scilly": "Good (first SIF inspection, published 2017-01-10)" });
  assert.deepEqual([at.facts.count.value, at.facts.judged.value], [1, 4]);
  // authorities not judged yet: the share of all authorities is an alternative
  const early = await runKind("count", t, { basis: "at:2016-12-31" });
  assert.deepEqual(early.values, { share: (100 * 1) / 3 });
  assert.deepEqual(early.alternatives!.find((a) => a.kind === "denominator")!.values, { share: 25 });
});

test("count/ofstedFirst: first inspections published by a date and the share with a grade for help and protection", async () => {
  const t = fixtureTables({ authorities: AUTHORITIES, ofsted: OFSTED });
  const r = await runKind("count", t, { of: "ofstedFirst", by: "2016-12-31", grades: ["Good"], compareBy: ["2017-06-30"] });
  assert.deepEqual(r.values, { count: 3, share: (100 * 1) / 3 });
  assert.deepEqual(r.alternatives, [{ label: "first SIF reports published by 2017-06-30", kind: "period", values: { count: 4, share: 25 } }]);
});

test("count/laRows: the authorities a file has rows for", async () => {
  const t = fixtureTables({ obs: [laObs("cinAt31March", "2017-18", "841", "Darlington", 500, SRC.cinB1, 20), laObs("cinAt31March", "2017-18", "420", "Isles of Scilly", 5, SRC.cinB1, 21), laObs("cinAt31March", "2016-17", "302", "Barnet", 900, SRC.cinB1, 22)] });
  const r = await runKind("count", t, { of: "laRows", measure: "cinAt31March", year: "2017-18", src: SRC.cinB1 });
  assert.deepEqual(r.values, { count: 2 });
  assert.deepEqual(r.evidence[0].rows, ["LA rows 20–21"]);
  assert.match(r.explanation, /Isles of Scilly included/);
});

test("count/falls: the years in which an England series fell", async () => {
  const t = fixtureTables({
    obs: [
      eng("s47Enquiries", "2016-17", 185450, SRC.cinB1, 2),
      eng("s47Enquiries", "2017-18", 198090, SRC.cinB1, 3),
      eng("s47Enquiries", "2018-19", 201000, SRC.cinB1, 4),
      eng("icpcs", "2016-17", 76930, SRC.cinB1, 2),
      eng("icpcs", "2017-18", 77210, SRC.cinB1, 3),
      eng("icpcs", "2018-19", 76710, SRC.cinB1, 4),
    ],
  });
  const r = await runKind("count", t, { of: "falls", series: { s47Falls: "s47Enquiries", icpcFalls: "icpcs" }, from: "2016-17", to: "2018-19" });
  assert.deepEqual(r.values, { s47Falls: 0, icpcFalls: 1 });
  assert.match(r.explanation, /1 fall: 2018-19 \(77,210 → 76,710, -500\)/);
  assert.equal(r.facts.icpcFalls.what, "years in which England initial child protection conferences fell, of 2");
});
