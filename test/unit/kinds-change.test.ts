import { test } from "node:test";
import assert from "node:assert/strict";
import { fixtureTables } from "../../src/claims/tables";
import { S251_FILES } from "../../src/data/tidy/spending";
import { SRC, eng, laObs, pct, runKind } from "./kind-fixtures";

// Kind `change`: a figure between two periods, with the other vintages and definitions beside it.

const near = (a: number | null | undefined, b: number, tol = 1e-9) => assert.ok(a !== null && a !== undefined && Math.abs(a - b) <= tol, `${a} is not ${b}`);

test("change/england: percentage change, the two levels, growth against the 0-17 population, and the rounding of old files", async () => {
  const t = fixtureTables({
    obs: [
      eng("referrals", "2010-11", 615000, SRC.cinSfr2011, 2, { col: "Referrals1011" }),
      eng("referrals", "2017-18", 655630, SRC.cinC1, 10, { col: "referrals" }),
      eng("population0to17", "2010", 11000000, SRC.population, 100, { col: "0-17" }),
      eng("population0to17", "2017", 11572000, SRC.population, 107, { col: "0-17" }),
      eng("cinEpisodes", "2010-11", 719000, SRC.cinSfr2011, 2, { col: "CINEpisodes1011" }),
      eng("cinEpisodes", "2017-18", 753840, SRC.cinB1, 20, { col: "episodes" }),
    ],
  });
  const r = await runKind("change", t, { of: "england", measure: "referrals", from: "2010-11", to: "2017-18", contrast: "cinEpisodes" });
  near(r.values.pctChange, pct(615000, 655630));
  assert.equal(r.values.from, 615000);
  assert.equal(r.values.to, 655630);
  near(r.values.populationPct, pct(11000000, 11572000));
  near(r.values.ratioToPopulation, pct(615000, 655630) / pct(11000000, 11572000));
  // the 2010-11 SFR file rounds England counts to the nearest 100: ±50 on the start level
  assert.equal(r.dataTolerance!.from, 50);
  near(r.dataTolerance!.pctChange, Math.max(pct(614950, 655630) - pct(615000, 655630), pct(615000, 655630) - pct(615050, 655630)));
  // evidence: the two levels and the populations, grouped by file; then the other definition
  assert.deepEqual(r.evidence.map((e) => [e.source, e.rows, e.note ?? ""]), [
    [SRC.cinSfr2011, ["row 2 (England)"], ""],
    [SRC.cinC1, ["row 10 (England)"], ""],
    [SRC.population, ["row 100 (England)", "row 107 (England)"], ""],
    [SRC.cinSfr2011, ["row 2 (England)"], "other definition: children-in-need episodes in the year"],
    [SRC.cinB1, ["row 20 (England)"], "other definition: children-in-need episodes in the year"],
  ]);
  const contrast = r.alternatives!.find((a) => a.kind === "definition")!;
  near(contrast.values.pctChange, pct(719000, 753840));
  assert.equal(contrast.values.from, 719000);
  assert.deepEqual(r.facts["referrals.from"], { value: 615000, what: "referrals", period: "2010-11", area: "England", source: SRC.cinSfr2011 });
  near(r.facts["referrals.pct"].value, pct(615000, 655630));
  near(r.facts["population.pct"].value, pct(11000000, 11572000));
  assert.equal(r.reading, "2010-11 to 2017-18");
});

test("change/england: population growth alone; another vintage of an end year is a revision", async () => {
  const t = fixtureTables({
    obs: [
      eng("population0to17", "2010", 11000000, SRC.population, 100),
      eng("population0to17", "2017", 11572000, SRC.population, 107),
      eng("s47Enquiries", "2010-11", 111700, SRC.cinSfr2011, 2),
      eng("s47Enquiries", "2017-18", 198090, SRC.cinC1, 10),
      eng("s47Enquiries", "2017-18", 198100, SRC.cinC1of2024, 10),
    ],
  });
  const pop = await runKind("change", t, { from: "2010-11", to: "2017-18", series: { pctChange: "population.pct" } });
  near(pop.values.pctChange, 5.2);
  const s47 = await runKind("change", t, { from: "2010-11", to: "2017-18", series: { pctChange: "s47Enquiries.pct" } });
  near(s47.values.pctChange, pct(111700, 198090));
  assert.deepEqual(s47.alternatives!.map((a) => a.kind), ["revision"]);
  near(s47.alternatives![0].values.pctChange, pct(111700, 198100));
});

test("change/factors: a single count before 2017-18, the sum of child, parent and other-person counts after", async () => {
  const t = fixtureTables({
    obs: [
      eng("factorDomesticViolence", "2014-15", 200000, SRC.cinSfr2015, 2, { col: "DomesticViolence" }),
      eng("factorDomesticViolence", "2016-17", 225000, SRC.cinSfr2017, 2, { col: "DomesticViolence" }),
      eng("factorDomesticViolenceChild", "2017-18", 100000, SRC.cinB1, 30),
      eng("factorDomesticViolenceParent", "2017-18", 150000, SRC.cinB1, 31),
      eng("factorDomesticViolencePerson", "2017-18", 20000, SRC.cinB1, 32),
    ],
  });
  const r = await runKind("change", t, { of: "factors", factors: { pctChange: "DomesticViolence" }, from: "2014-15", to: "2016-17", altTo: "2017-18" });
  near(r.values.pctChange, 12.5);
  assert.deepEqual(r.alternatives, [{ label: "2014-15 to 2017-18", kind: "period", values: { pctChange: 35 } }]);
  // the main comparison's files, then the other end year's
  assert.deepEqual(r.evidence.map((e) => e.source), [SRC.cinSfr2015, SRC.cinSfr2017, SRC.cinB1]);
  assert.deepEqual(r.evidence[2].rows, ["row 30 (England)", "row 31 (England)", "row 32 (England)"]);
  assert.equal(r.facts["DomesticViolence.to"].value, 225000);
});

test("change/money: a budget line between two years, the part another line accounts for, and the sum of LA rows", async () => {
  const t = fixtureTables({
    obs: [
      // RA values are £ thousand
      eng("csBudget", "2017-18", 8000000, SRC.ra2017, 400),
      eng("csBudget", "2018-19", 8540000, SRC.ra2018, 410),
      eng("claBudget", "2017-18", 4000000, SRC.ra2017, 400, { col: "313" }),
      eng("claBudget", "2018-19", 4300000, SRC.ra2018, 410, { col: "313" }),
      laObs("csBudget", "2017-18", "841", "Darlington", 30000, SRC.ra2017, 12),
      laObs("csBudget", "2018-19", "841", "Darlington", 31000, SRC.ra2018, 12),
    ],
  });
  const r = await runKind("change", t, { of: "money", table: "ra", measure: "csBudget", from: "2017-18", to: "2018-19", part: "claBudget", sumOfLas: true });
  near(r.values.increase, 540);
  near(r.values.pctChange, 6.75);
  near(r.values.to, 8.54);
  assert.deepEqual(r.alternatives, [{ label: "sum of the upper-tier LA rows (£1.0 million)", kind: "definition", values: { increase: 1, pctChange: pct(30000, 31000) } }]);
  assert.deepEqual(r.evidence.map((e) => [e.source, e.columns]), [[SRC.ra2017, ["csBudget", "313"]], [SRC.ra2018, ["csBudget", "313"]]]);
  near(r.facts.partIncrease.value, 300);
  // a claim's own names for the roles (budgetTo, budgetFrom) answer through params.as
  const as = await runKind("change", t, { of: "money", table: "ra", measure: "csBudget", from: "2017-18", to: "2018-19", as: { budgetTo: "to", budgetFrom: "from" } });
  near(as.values.budgetTo, 8.54);
  near(as.values.budgetFrom, 8);
  // another definition of the same spending (claBudget standing in for a gross line): its level and change as an alternative
  const o = await runKind("change", t, { of: "money", table: "ra", measure: "csBudget", from: "2017-18", to: "2018-19", other: "claBudget", otherLabel: "the other line" });
  assert.equal(o.alternatives!.length, 1);
  assert.equal(o.alternatives![0].label, "the other line instead");
  near(o.alternatives![0].values.pctChange!, 7.5);
  near(o.alternatives![0].values.level!, 4.3);
  assert.match(o.explanation, /The other line: £4,000\.0 million for 2017-18 and £4,300\.0 million for 2018-19 \(\+7\.50%\)\./);
});

test("change/workforce: from the earliest release with the measure; a later release that differs is a revision", async () => {
  const t = fixtureTables({
    obs: [
      eng("vacancyRate", "2017", 17, SRC.workforce2022, 5),
      eng("vacancyRate", "2020", 16.4, SRC.workforce2022, 8),
      eng("vacancyRate", "2017", 17, SRC.workforce2023, 6),
      eng("vacancyRate", "2020", 16.5, SRC.workforce2023, 9),
    ],
  });
  const r = await runKind("change", t, { of: "workforce", measure: "vacancyRate", from: "2017", to: "2020" });
  assert.equal(r.values.from, 17);
  assert.equal(r.values.to, 16.4);
  near(r.values.pctChange, pct(17, 16.4));
  assert.deepEqual(r.alternatives!.map((a) => a.values.to), [16.5]);
  assert.deepEqual(r.evidence.map((e) => e.source), [SRC.workforce2022, SRC.workforce2023]);
});

test("change/s251Line: real terms in the prices of a year, every other reading beside it", async () => {
  const f13 = S251_FILES["2013-14"].id;
  const f17 = S251_FILES["2017-18"].id;
  const defl = (year: string, v: number, row: number) => eng("gdpDeflator", year, v, SRC.deflator, row, { area: "United Kingdom", code: "K02000001" });
  const t = fixtureTables({
    obs: [
      // s251 LA files are in pounds; the England row is the sum of LAs
      eng("s251:residential:gross", "2013-14", 1.0e9, f13, 1),
      eng("s251:residential:net", "2013-14", 0.9e9, f13, 1),
      eng("s251:residential:gross", "2017-18", 1.3e9, f17, 1),
      eng("s251:residential:net", "2017-18", 1.2e9, f17, 1),
      defl("2013-14", 90, 50),
      defl("2017-18", 100, 54),
    ],
  });
  const r = await runKind("change", t, { of: "s251Line", line: "residential", from: "2013-14", to: "2017-18", basis: "real" });
  const from = (0.9e9 * 100) / 90;
  near(r.values.pctChange, pct(from, 1.2e9));
  near(r.values.from, from / 1e9);
  near(r.values.to, 1.2);
  // cash net, gross real, gross cash, gross-to-net mixes: each an alternative
  const cash = r.alternatives!.find((a) => a.label === "cash, net")!;
  near(cash.values.pctChange, pct(0.9e9, 1.2e9));
  assert.equal(cash.kind, "cash-real");
  assert.ok(r.alternatives!.some((a) => a.label === "real terms (2017-18 prices), gross"));
  near(r.facts.inflation.value, pct(90, 100));
  // the four s251 cells and the two deflator cells
  assert.deepEqual(r.evidence.map((e) => e.source), [f13, f17, SRC.deflator]);
});
