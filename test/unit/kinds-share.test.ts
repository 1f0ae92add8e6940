import { test } from "node:test";
import assert from "node:assert/strict";
import { fixtureTables } from "../../src/claims/tables";
import { SRC, eng, runKind } from "./kind-fixtures";

// Kind `share`: a part as a percentage of a whole.

const near = (a: number | null | undefined, b: number, tol = 1e-9) => assert.ok(a !== null && a !== undefined && Math.abs(a - b) <= tol, `${a} is not ${b}`);

test("share/england: part of a whole in one year, each measure a value, evidence in the order the params list them", async () => {
  const t = fixtureTables({
    obs: [
      eng("assessments", "2017-18", 600000, SRC.cinB1, 40, { col: "assessments" }),
      eng("episodesWithFactors", "2017-18", 450000, SRC.cinB1, 40, { col: "episodes_with_factors" }),
    ],
  });
  const r = await runKind("share", t, {
    of: "england", year: "2017-18",
    measures: { assessments: "assessments", withFactors: "episodesWithFactors" },
    share: { role: "share", part: "withFactors", whole: "assessments" },
  });
  assert.equal(r.values.assessments, 600000);
  assert.equal(r.values.withFactors, 450000);
  near(r.values.share, 75);
  assert.deepEqual(r.evidence.map((e) => [e.source, e.rows, e.columns]), [[SRC.cinB1, ["row 40 (England)"], ["assessments", "episodes_with_factors"]]]);
  assert.deepEqual(r.facts.share, { value: 75, what: "episodes with factors identified at the end of assessment as a share of assessments completed", period: "2017-18", unit: "percent" });
});

test("share/england: a rank among the measures of a family", async () => {
  const t = fixtureTables({
    obs: [
      eng("factorDomesticViolence", "2016-17", 246720, SRC.cinSfr2017, 2),
      eng("episodesWithFactors", "2016-17", 490000, SRC.cinSfr2017, 2),
      eng("factor:Mentalhealth", "2016-17", 200000, SRC.cinSfr2017, 2),
      eng("factor:Domesticviolence", "2016-17", 246720, SRC.cinSfr2017, 2),
      eng("factor:Drugmisuse", "2016-17", 90000, SRC.cinSfr2017, 2),
    ],
  });
  const r = await runKind("share", t, {
    year: "2016-17",
    measures: { dv: "factorDomesticViolence", total: "episodesWithFactors" },
    share: { part: "dv", whole: "total" },
    rank: { role: "rank", among: "factor:", item: "factor:Domesticviolence" },
  });
  near(r.values.share, (100 * 246720) / 490000);
  assert.equal(r.values.rank, 1);
  assert.equal(r.facts.rank.value, 1);
});

test("share/england: a part the files do not have for the year is null, with the latest year as context", async () => {
  const t = fixtureTables({
    obs: [
      eng("cinAt31MarchAbuseNeglect", "2013-14", 187710, "cin-sfr-2013-14-sfr43-2014", 2),
      eng("cinAt31March", "2013-14", 397600, "cin-sfr-2013-14-sfr43-2014", 2),
      eng("cinAt31March", "2017-18", 404710, SRC.cinB1, 5),
    ],
  });
  const r = await runKind("share", t, {
    year: "2017-18",
    measures: { abuse: "cinAt31MarchAbuseNeglect", total: "cinAt31March" },
    share: { part: "abuse", whole: "total" },
    partLabel: "primary need",
    settle: "DfE's national tables",
  });
  assert.deepEqual(r.values, { share: null });
  assert.equal(r.evidence[0].note, "context only: the latest year with primary need in these files");
  assert.match(r.explanation, /only to 2013-14 \(47\.2% of children in need at 31 March then\); the 2017-18 figure is in DfE's national tables/);
});

test("share/budget: a budget line's share of the total, on other denominators too", async () => {
  const t = fixtureTables({
    obs: [
      eng("claBudget", "2017-18", 4000000, SRC.ra2017, 400),
      eng("claBudget", "2018-19", 4300000, SRC.ra2018, 410),
      eng("csBudget", "2017-18", 8000000, SRC.ra2017, 400),
      eng("csBudget", "2018-19", 9000000, SRC.ra2018, 410),
      eng("csBudget:sureStart", "2018-19", 500000, SRC.ra2018, 410),
    ],
  });
  const r = await runKind("share", t, { of: "budget", from: "2017-18", to: "2018-19", part: "claBudget", whole: "csBudget", less: [{ measures: ["csBudget:sureStart"], label: "Sure Start" }] });
  near(r.values.shareOfTotal, (100 * 4.3) / 9);
  near(r.values.budget, 4.3);
  near(r.values.increase, 300);
  assert.deepEqual(r.alternatives!.map((a) => [a.kind, a.values.shareOfTotal]), [["denominator", (100 * 4.3) / 8.5], ["denominator", (100 * 4.3) / 8]]);
  assert.match(r.explanation, /it exceeds a half only if the 2018-19 total less Sure Start, or if the total budget of 2017-18 instead of 2018-19 is used/);
});
