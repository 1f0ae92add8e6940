import { test } from "node:test";
import assert from "node:assert/strict";
import { fixtureTables } from "../../src/claims/tables";
import { S251_FILES } from "../../src/data/tidy/spending";
import { SRC, eng, laObs, runKind } from "./kind-fixtures";

// Kind `ratio`: one quantity per unit of another.

const near = (a: number | null | undefined, b: number, tol = 1e-9) => assert.ok(a !== null && a !== undefined && Math.abs(a - b) <= tol, `${a} is not ${b}`);

test("ratio/england: the rate DfE published, and the same count on ONS's 0-17 and 0-18 populations", async () => {
  const t = fixtureTables({
    obs: [
      eng("cinAt31MarchRate", "2019-20", 323.7, SRC.cinB1, 8, { col: "rate_per_10000" }),
      eng("cinAt31March", "2019-20", 389260, SRC.cinB1, 8, { col: "children_in_need" }),
      eng("population0to17", "2019", 12000000, SRC.population, 120),
      eng("population0to18", "2019", 12600000, SRC.population, 121),
    ],
  });
  const r = await runKind("ratio", t, { of: "england", measure: "cinAt31March", year: "2019-20" });
  assert.deepEqual(r.values, { rate: 323.7 });
  assert.deepEqual(r.alternatives!.map((a) => [a.kind, a.values.rate]), [["denominator", (1e4 * 389260) / 12000000], ["denominator", (1e4 * 389260) / 12600000]]);
  assert.deepEqual(r.evidence.map((e) => [e.source, e.columns]), [[SRC.cinB1, ["rate_per_10000", "children_in_need"]], [SRC.population, ["population0to17", "population0to18"]]]);
  assert.equal(r.facts.rate.value, 323.7);
  near(r.facts.rate0to18.value, (1e4 * 389260) / 12600000);
});

test("ratio/vacancyRate: a region's row where the files have one; computed from its LAs where they do not", async () => {
  const w = SRC.workforce2022;
  const t = fixtureTables({
    obs: [
      eng("vacancyRate", "2017", 17, w, 2),
      { ...eng("vacancyRate", "2017", 9.1, w, 3), level: "regional", area: "Yorkshire and The Humber", code: "E12000003" },
      { ...eng("vacancyRate", "2017", 20, w, 4), level: "regional", area: "London", code: "E12000007" },
      laObs("fte", "2017", "302", "Barnet", 300, w, 10),
      laObs("vacancies", "2017", "302", "Barnet", 100, w, 10),
      laObs("fte", "2017", "303", "Bexley", 200, w, 11),
      laObs("vacancies", "2017", "303", "Bexley", 0, w, 11),
    ],
    workforceRegions: { [`${w}|10`]: "Outer London", [`${w}|11`]: "Outer London" },
  });
  const r = await runKind("ratio", t, { of: "vacancyRate", year: "2017", regions: { yorkshire: "Yorkshire & the Humber", outerLondon: "Outer London" } });
  assert.equal(r.values.yorkshire, 9.1);
  // (100 + 0) / (100 + 0 + 300 + 200)
  near(r.values.outerLondon, (100 * 100) / 600);
  assert.equal(r.facts.outerLondon.what, "vacancy rate computed from 2 LA rows");
  assert.match(r.explanation, /England: 17\.0%\. Across the 2 regions the rate runs from 9\.1% \(Yorkshire and The Humber\) to 20\.0% \(London\)/);
  assert.deepEqual(r.evidence[0].rows, ["row 3 (Yorkshire and The Humber)", "row 10 (Barnet)", "row 11 (Bexley)", "row 2 (England)", "row 4 (London)"]);
});

test("ratio/perChild: spending on a placement over the children in it at 31 March", async () => {
  const f = S251_FILES["2017-18"].id;
  const t = fixtureTables({
    obs: [
      eng("s251:fostering:net", "2017-18", 1.6e9, f, 1),
      eng("s251:fostering:gross", "2017-18", 1.7e9, f, 1),
      eng("placements:foster:at31March", "2017-18", 55000, SRC.cla2018, 2, { col: "CLA_Fost" }),
      eng("placements:all:at31March", "2017-18", 75000, SRC.cla2018, 2, { col: "CLA_Mar2018" }),
      eng("placements:all:duringYear", "2017-18", 105000, SRC.cla2018, 2, { col: "CLA_2018" }),
    ],
  });
  const r = await runKind("ratio", t, { of: "perChild", year: "2017-18", line: "fostering", counts: ["placements:foster:at31March"], countLabel: "in foster placements" });
  near(r.values.spend, 1.6);
  assert.equal(r.values.children, null);
  near(r.values.perChild, 1.6e9 / 55000);
  const during = r.alternatives!.find((a) => a.kind === "denominator")!;
  near(during.values.children, (55000 * 105000) / 75000);
  assert.deepEqual(r.evidence.map((e) => [e.source, e.columns]), [[f, ["s251:fostering:net", "s251:fostering:gross"]], [SRC.cla2018, ["CLA_Fost", "CLA_Mar2018", "CLA_2018"]]]);
  assert.equal(r.facts.childrenInYear.value, null);
});
