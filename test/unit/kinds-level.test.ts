import { test } from "node:test";
import assert from "node:assert/strict";
import { fixtureTables } from "../../src/claims/tables";
import { SRC, eng, runKind } from "./kind-fixtures";

// Kind `level`: one figure in one period, with the other vintages beside it.

test("level/england: the document-era release is preferred; another release with a different figure is a revision", async () => {
  const t = fixtureTables({
    obs: [
      eng("referrals", "2017-18", 655630, SRC.cinC1, 10, { col: "referrals" }),
      eng("referrals", "2017-18", 655700, SRC.cinC1of2024, 11, { col: "referrals" }),
      eng("referrals", "2016-17", 646120, SRC.cinC1, 9, { col: "referrals" }),
    ],
  });
  const r = await runKind("level", t, { of: "england", measure: "referrals", year: "2017-18" });
  assert.deepEqual(r.values, { level: 655630 });
  assert.deepEqual(r.evidence, [{
    source: SRC.cinC1,
    file: "children-in-need/ees-release-2020/c1_children_in_need_referrals_and_rereferrals_2013_to_2020.csv",
    rows: ["row 10 (England)"],
    columns: ["referrals"],
    values: { "England referrals 2017-18": 655630 },
  }]);
  assert.deepEqual(r.alternatives, [{ label: SRC.cinC1of2024, kind: "revision", values: { level: 655700 } }]);
  assert.deepEqual(r.facts.value, { value: 655630, what: "referrals", period: "2017-18", area: "England", source: SRC.cinC1 });
  assert.equal(r.facts.other1.value, 655700);
  // a preference list can put the later release first
  const later = await runKind("level", t, { measure: "referrals", year: "2017-18", prefer: ["cin-ees2024"] });
  assert.equal(later.values.level, 655700);
});

test("level/england: as first published, with every later release and the rate recomputed from the same file", async () => {
  const t = fixtureTables({
    obs: [
      eng("claRate", "2017-18", 64, SRC.cla2018, 3, { col: "CLA_Rate2018" }),
      eng("claAt31March", "2017-18", 75420, SRC.cla2018, 3, { col: "CLA_Mar2018" }),
      eng("claRatePopulation", "2017-18", 11866960, SRC.cla2018, 3, { col: "Mid2017Pop0-17" }),
      eng("claRate", "2017-18", 63.6, SRC.claRates2022, 40, { col: "rate_per_10000" }),
    ],
  });
  const r = await runKind("level", t, { measure: "claRate", year: "2018", vintage: "first", role: "rate2018", rateOf: { count: "claAt31March", population: "claRatePopulation" } });
  assert.deepEqual(r.values, { rate2018: 64 });
  // the first release (one row, three columns read), then the later one
  assert.equal(r.evidence.length, 2);
  assert.deepEqual(r.evidence[0].columns, ["CLA_Rate2018", "CLA_Mar2018", "Mid2017Pop0-17"]);
  assert.deepEqual(r.evidence[0].rows, ["row 3 (England)"]);
  assert.equal(r.evidence[0].file, "looked-after/ssda903_underlying_data/2018/CLA2018.csv");
  assert.equal(r.evidence[1].source, SRC.claRates2022);
  assert.deepEqual(r.alternatives!.map((a) => a.values), [{ rate2018: 63.6 }]);
  assert.match(r.explanation, /75,420 \/ 11,866,960 × 10,000 = 63\.55/);
  // "2018" is read as the year ending 31 March 2018
  assert.equal(r.facts.value.period, "2017-18");
});

test("level/england: a year the files do not have is an error that names it", async () => {
  const t = fixtureTables({ obs: [eng("referrals", "2016-17", 646120, SRC.cinC1)] });
  await assert.rejects(runKind("level", t, { measure: "referrals", year: "2017-18" }), /no England figure for referrals in 2017-18/);
});

test("level/workforce: the earliest release, later ones as revisions, and the change to another year", async () => {
  const t = fixtureTables({
    obs: [
      eng("fte", "2017", 28500.3, SRC.workforce2022, 5, { col: "fte_sw" }),
      eng("fte", "2017", 28600.8, SRC.workforce2023, 6, { col: "fte_sw" }),
      eng("fte", "2020", 31854.2, SRC.workforce2022, 8, { col: "fte_sw" }),
      eng("fte", "2020", 31900, SRC.workforce2023, 9, { col: "fte_sw" }),
    ],
  });
  const r = await runKind("level", t, { of: "workforce", measure: "fte", year: "2017", role: "from", changeTo: "2020" });
  assert.equal(r.values.from, 28500.3);
  assert.ok(Math.abs(r.values.pctChange! - (100 * (31854.2 - 28500.3)) / 28500.3) < 1e-9);
  assert.equal(r.alternatives!.length, 1);
  assert.equal(r.alternatives![0].kind, "revision");
  assert.equal(r.alternatives![0].values.from, 28600.8);
  assert.ok(Math.abs(r.alternatives![0].values.pctChange! - (100 * (31900 - 28600.8)) / 28600.8) < 1e-9);
  assert.match(r.alternatives![0].label, /^csww_indicators_2017_to_2023\.csv, .*: 28,600\.8$/);
  assert.deepEqual(r.evidence.map((e) => [e.source, e.rows]), [[SRC.workforce2022, ["row 5 (England)", "row 8 (England)"]], [SRC.workforce2023, ["row 6 (England)", "row 9 (England)"]]]);
  assert.equal(r.facts.to.value, 31854.2);

  // a year before the files begin: unverifiable, with what the files do say
  const early = await runKind("level", t, { of: "workforce", measure: "fte", year: "2014", role: "from", changeTo: "2017" });
  assert.equal(early.verdict, "unverifiable");
  assert.deepEqual(early.values, { from: null, pctChange: null });
  assert.equal(early.evidence[0].note, "context only: the files have no figure for 2014");
  assert.match(early.explanation, /cover 30 September 2017 to 2020/);
});

test("level/ro3: cash, and real terms in another year's prices with the change on the year before", async () => {
  const t = fixtureTables({
    obs: [
      // RO3 values are £ thousand
      eng("csNetExpenditure", "2018-19", 9000000, SRC.ro3of2018, 7, { col: "Total children's social care: net current expenditure" }),
      eng("csNetExpenditure", "2017-18", 8800000, SRC.ro3of2017, 7, { col: "Total children's social care: net current expenditure" }),
      eng("gdpDeflator", "2017-18", 98, SRC.deflator, 60, { area: "United Kingdom", code: "K02000001", col: "GDP deflator at market prices, 2018-19 = 100", sheet: "11032020 deflator update" }),
      eng("gdpDeflator", "2018-19", 100, SRC.deflator, 61, { area: "United Kingdom", code: "K02000001", col: "GDP deflator at market prices, 2018-19 = 100", sheet: "11032020 deflator update" }),
      eng("gdpDeflator", "2019-20", 102, SRC.deflator, 62, { area: "United Kingdom", code: "K02000001", col: "GDP deflator at market prices, 2018-19 = 100", sheet: "11032020 deflator update" }),
    ],
  });
  const cash = await runKind("level", t, { of: "ro3", year: "2018-19" });
  assert.deepEqual(cash.values, { cash: 9 });
  assert.deepEqual(cash.evidence.map((e) => [e.file, e.rows, e.columns]), [["spending/revenue-outturn/ro3-by-la/RO3_2018-19_data_by_LA.xlsx", ["row 7 (England)"], ["Total children's social care: net current expenditure"]]]);
  assert.equal(cash.facts.cash.value, 9e9);

  const real = await runKind("level", t, { of: "ro3", year: "2018-19", basis: "real", prices: "2019-20", changeFrom: "2017-18" });
  assert.ok(Math.abs(real.values.real! - 9 * 1.02) < 1e-12);
  const prev = (8.8e9 * 102) / 98;
  assert.ok(Math.abs(real.values.realChange! - (100 * (9e9 * 1.02 - prev)) / prev) < 1e-9);
  // the deflator cells read are in the evidence, with their sheet
  const d = real.evidence.find((e) => e.source === SRC.deflator)!;
  assert.equal(d.sheet, "11032020 deflator update");
  assert.deepEqual(d.rows, ["row 60 (United Kingdom)", "row 61 (United Kingdom)", "row 62 (United Kingdom)"]);
});
