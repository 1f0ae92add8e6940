import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ensureData, near, row, value } from "../helpers";
import {
  S251_EES_NATIONAL,
  S251_FILES,
  deflatorSeries,
  deflatorTable,
  inPounds,
  normLabel,
  placementsTable,
  raTable,
  ro3Table,
  s251LineOf,
  s251Table,
} from "../../src/data/tidy/spending";
import { deflatorIndex } from "../../src/data/tidy/spending-deflator";
import { tableFor } from "../../src/data/tidy/catalog";

before(async () => {
  await ensureData();
});

/** England value of a measure in £ million (from the file as first published unless `src` is given). */
function englandM(table: ReturnType<typeof s251Table>, measure: string, year: string, src?: string): number {
  const hits = table.filter({ measure, year, level: "national", ...(src ? { src } : {}) });
  const o = src ? hits[0] : hits.find((h) => h.src !== S251_EES_NATIONAL) ?? hits[0];
  assert.ok(o, `no England ${measure} ${year}`);
  return (inPounds(o) as number) / 1e6;
}

describe("s251 line names (pure)", () => {
  test("descriptions are recognised whatever their number, case, spacing and apostrophes", () => {
    assert.equal(normLabel("  Children’s   Social CARE "), "childrens social care");
    assert.equal(s251LineOf("3.1.1 Residential care", "2017-18"), "residential");
    assert.equal(s251LineOf("6. Residential care", "2014-15"), "residential");
    assert.equal(s251LineOf("21 Total  Safeguarding Children and Young Peoples Services", "2014-15"), "safeguarding");
    assert.equal(s251LineOf("18 Social work (includes LA functions in relation to child protection)", "2013-14"), "socialWork");
    assert.equal(s251LineOf("3.3.1 Social work (including LA functions in relation to child protection)", "2017-18"), "socialWork");
    assert.equal(s251LineOf("33 CHILDREN AND YOUNG PEOPLE'S SERVICES BUDGET (excluding CERA)", "2013-14"), "total");
    assert.equal(s251LineOf("5.0.2 TOTAL CHILDREN AND YOUNG PEOPLE'S SERVICES EXPENDITURE(excluding CERA)", "2017-18"), "total");
    assert.equal(s251LineOf("5.0.3 TOTAL CHILDREN AND YOUNG PEOPLE'S SERVICES EXPENDITURE (including CERA)", "2017-18"), undefined);
    assert.equal(s251LineOf("3.1.2a Fostering services (excluding fees and allowances for LA foster carers)", "2018-19"), "fosteringExclFees");
    assert.equal(s251LineOf("3.1.2 Total Fostering services", "2017-18"), "fostering");
    assert.equal(s251LineOf("Unknown", "2010-11"), "youngPeople");
    assert.equal(s251LineOf("Unknown", "2011-12"), undefined);
    assert.equal(s251LineOf("Other children's and families services", "2010-11"), undefined);
    assert.equal(s251LineOf("3.2.1 Other children and families services", "2018-19"), "otherChildrenFamilies");
  });
});

describe("spending tables", () => {
  test("RO3 children's social care net current expenditure, England (£ thousand)", () => {
    const t = ro3Table();
    const want: Record<string, number> = {
      "2010-11": 6653879, "2011-12": 6422715, "2012-13": 6612299, "2013-14": 6914607, "2014-15": 8091346,
      "2015-16": 8302532, "2016-17": 8476039, "2017-18": 8833736, "2018-19": 9375428, "2019-20": 9920120,
    };
    for (const [y, v] of Object.entries(want)) near(t.england("csNetExpenditure", y).value, v, 1, `RO3 ${y}`);
    assert.match(t.england("csNetExpenditure", "2010-11").col, /^sum of .*strategy - children.*asylum seekers.*other/i);
    assert.equal(t.filter({ measure: "csNetExpenditure", year: "2017-18", level: "la" }).length, 152);
    assert.equal(t.filter({ measure: "csNetExpenditure", year: "2019-20", level: "la" }).length, 151);
    // every LA carries an ONS code, the earlier files' E-codes mapped through the later files
    assert.ok(t.filter({ level: "la" }).every((o) => /^E0[689]\d{6}$|^E10\d{6}$/.test(o.code)), "ONS codes");
  });

  test("a marker in a file becomes null, never 0", () => {
    const o = ro3Table().one({ measure: "csNetExpenditure", year: "2016-17", level: "la", area: "Isles of Scilly" });
    assert.equal(o.value, null);
    assert.equal(o.marker, "…");
    const d = deflatorTable().one({ measure: "gdpDeflator", year: "2019-20" });
    assert.equal(d.value, null);
    assert.equal(d.marker, "-");
    const x = placementsTable().filter({ measure: "placements:otherResidential:at31March", level: "la" }).filter((p) => p.value === null);
    assert.ok(x.length > 0 && x.every((p) => p.marker === "x"));
  });

  test("RA budgets, England (£ thousand): total children's social care and children looked after", () => {
    const t = raTable();
    const want: Record<string, number> = {
      "2010-11": 6417.4, "2011-12": 6302.7, "2012-13": 6513.2, "2013-14": 6635.7, "2014-15": 7725.6,
      "2015-16": 7698.1, "2016-17": 7834.5, "2017-18": 8027.6, "2018-19": 8570.0, "2019-20": 9105.0,
    };
    for (const [y, v] of Object.entries(want)) near((t.england("csBudget", y).value as number) / 1000, v, 0.051, `RA ${y}`);
    near((t.england("claBudget", "2017-18").value as number) / 1000, 3834.5, 0.051);
    near((t.england("claBudget", "2018-19").value as number) / 1000, 4184.7, 0.051);
    near((t.england("claBudget", "2019-20").value as number) / 1000, 4536.8, 0.051);
    assert.equal(t.england("csBudget", "2018-19").col, "TOTAL CHILDREN'S SOCIAL CARE");
  });

  test("s251 lines summed over the 152 LAs match DfE's totals (£ million)", () => {
    const t = s251Table();
    const want: [string, string, number][] = [
      ["s251:total:gross", "2010-11", 9243.1], ["s251:cla:gross", "2010-11", 3036.1], ["s251:residential:gross", "2010-11", 1028.0], ["s251:fostering:gross", "2010-11", 1293.7],
      ["s251:youngPeople:gross", "2010-11", 1184.1],
      ["s251:total:gross", "2013-14", 8926.7], ["s251:cla:gross", "2013-14", 3661.3], ["s251:residential:gross", "2013-14", 1021.0], ["s251:fostering:gross", "2013-14", 1515.4],
      ["s251:total:net", "2014-15", 8276.6], ["s251:cla:gross", "2014-15", 3768.5], ["s251:safeguarding:gross", "2014-15", 2122.4], ["s251:socialWork:net", "2014-15", 1754.2],
      ["s251:residential:gross", "2017-18", 1323.8], ["s251:residential:net", "2017-18", 1247.1], ["s251:fostering:net", "2017-18", 1611.2], ["s251:socialWork:gross", "2017-18", 2069.6],
      ["s251:total:gross", "2017-18", 9359.9], ["s251:total:net", "2017-18", 8632.6],
      ["s251:fostering:gross", "2018-19", 1702.3], ["s251:fostering:net", "2018-19", 1678.6], ["s251:sureStart:gross", "2018-19", 591.6],
    ];
    for (const [m, y, v] of want) near(englandM(t, m, y), v, 0.11, `${m} ${y}`);
    // the revised 2017-18 figures of DfE's later releases sit beside the first release
    near(englandM(t, "s251:residential:net", "2017-18", S251_EES_NATIONAL), 1307.11, 0.005);
    const e = t.one({ measure: "s251:residential:net", year: "2017-18", level: "national", src: S251_FILES["2017-18"].id });
    assert.match(e.derivedFrom ?? "", /^sum of the 152 LA rows whose line is "3\.1\.1 Residential care"/);
    assert.equal(t.filter({ measure: "s251:residential:net", year: "2017-18", level: "la" }).length, 152);
  });

  test("GDP deflator (March 2020), 2018-19 = 100, forecast years chained", () => {
    const s = deflatorSeries();
    near(deflatorIndex(s, "2013-14").index, 91.933, 0.001);
    near(deflatorIndex(s, "2017-18").index, 97.908, 0.001);
    near(deflatorIndex(s, "2019-20").index, 101.917, 0.001);
    assert.equal(deflatorIndex(s, "2019-20").forecast, true);
  });

  test("placements at 31 March 2018 and LAIT unit costs", () => {
    const t = placementsTable();
    assert.equal(t.england("placements:foster:at31March", "2017-18").value, 55200);
    assert.equal(t.england("placements:all:duringYear", "2017-18").value, 104100);
    assert.equal(t.england("unitCost:residential:weekly", "2017-18").value, 3630);
  });

  test("the catalog finds the spending measures", () => {
    assert.ok(tableFor("csBudget").filter({ measure: "csBudget", level: "national" }).length >= 10);
    assert.ok(tableFor("s251:residential:net").filter({ measure: "s251:residential:net" }).length > 0);
  });
});

describe("spending claims", () => {
  test("nao-1-3-spend-2017-18: £8.8bn = RO3 children's social care net current expenditure", async () => {
    const r = await row("nao-1-3-spend-2017-18");
    near(await value("nao-1-3-spend-2017-18", "spend"), 8.8337, 0.0001);
    assert.equal(r.verdict, "confirmed");
    const alt = r.alternatives?.find((a) => a.kind === "definition" && /s251.*net/.test(a.label));
    near(alt?.values.spend ?? null, 8.6326, 0.0001, "s251 net alternative");
    assert.ok(r.evidence.some((e) => e.file.endsWith("RO3_2017-18_data_by_LA_-_revised.xlsx") && e.sheet === "RO3 LA Data 2017-18"));
  });

  test("nao-1-3-budgets: RA budgets £8.6bn (2018-19) and £8bn (2017-18)", async () => {
    const r = await row("nao-1-3-budgets");
    near(await value("nao-1-3-budgets", "budgetTo"), 8.5700, 0.0001);
    near(await value("nao-1-3-budgets", "budgetFrom"), 8.0276, 0.0001);
    assert.equal(r.verdict, "confirmed");
  });

  test("nao-s10-cla-budget: £4.2bn, £350m, 9.1%", async () => {
    const r = await row("nao-s10-cla-budget");
    near(await value("nao-s10-cla-budget", "budget"), 4.1847, 0.0001);
    near(await value("nao-s10-cla-budget", "increase"), 350.19, 0.01);
    near(await value("nao-s10-cla-budget", "pctChange"), 9.132, 0.001);
    assert.equal(r.verdict, "confirmed");
  });

  test("nao-1-24-cla-budget: children looked after are 48.8% of the budget, not more than half", async () => {
    const r = await row("nao-1-24-cla-budget");
    near(await value("nao-1-24-cla-budget", "shareOfTotal"), 48.83, 0.01);
    assert.equal(r.verdict, "differs");
    // denominators that would make it more than half are named
    const over = (r.alternatives ?? []).filter((a) => a.kind === "denominator" && (a.values.shareOfTotal ?? 0) > 50);
    assert.ok(over.some((a) => /Sure Start/.test(a.label)));
    assert.match(r.explanation, /exceeds a half only if/);
  });

  for (const id of ["nao-s10-residential-cost", "nao-1-27-residential-cost", "pac-c3-residential-cost"]) {
    test(`${id}: residential care +22.3% in real terms (net, 2017-18 prices); 22.5% is the change between the rounded levels`, async () => {
      const r = await row(id);
      near(await value(id, "pctChange"), 22.31, 0.01);
      near(await value(id, "from"), 1.0196, 0.0001);
      near(await value(id, "to"), 1.2471, 0.0001);
      assert.equal(r.verdict, "rounding");
      const alts = r.alternatives ?? [];
      // the cash reading with the same printed levels (2013-14 gross → 2017-18 net) is named, and is not real terms
      const cash = alts.find((a) => a.kind === "cash-real" && a.label === "cash, 2013-14 gross to 2017-18 net");
      near(cash?.values.pctChange ?? null, 22.15, 0.01, "cash gross→net");
      near(cash?.values.from ?? null, 1.0210, 0.0001);
      near(alts.find((a) => a.kind === "rounding")?.values.pctChange ?? null, 22.549, 0.001, "rounded levels");
      near(alts.find((a) => a.kind === "revision")?.values.pctChange ?? null, 28.19, 0.01, "Newcastle revision");
      assert.match(r.explanation, /1,021\.0 million gross, £957\.4 million net/);
      assert.match(r.explanation, /Newcastle upon Tyne \+£60\.0 million/);
      assert.match(r.explanation, /printed levels alone cannot tell these readings apart/);
    });
  }

  test("nao-1-26-foster: £1.61bn net; the 79,000 is not in the open data; £29,189 per child at 31 March", async () => {
    const r = await row("nao-1-26-foster");
    near(await value("nao-1-26-foster", "spend"), 1.6112, 0.0001);
    assert.equal(await value("nao-1-26-foster", "children"), null);
    near(await value("nao-1-26-foster", "perChild"), 29189, 1);
    assert.equal(r.verdict, "unverifiable");
    near(r.alternatives?.find((a) => a.kind === "denominator")?.values.perChild ?? null, 21147, 1);
    assert.match(r.explanation, /55,200/);
  });

  test("nao-1-26-residential: £1.25bn net; the 26,750 is not in the open data; £126,098 per child at 31 March", async () => {
    const r = await row("nao-1-26-residential");
    near(await value("nao-1-26-residential", "spend"), 1.2471, 0.0001);
    assert.equal(await value("nao-1-26-residential", "children"), null);
    near(await value("nao-1-26-residential", "perChild"), 126098, 1);
    assert.equal(r.verdict, "unverifiable");
    assert.match(r.explanation, /9,890/);
    assert.match(r.explanation, /£3,630 a week/);
  });

  test("nao-1-29-sw-spend: social work +14.7% in real terms (net, 2017-18 prices); gross gives +15.3%", async () => {
    const r = await row("nao-1-29-sw-spend");
    near(await value("nao-1-29-sw-spend", "pctChange"), 14.72, 0.01);
    near(await value("nao-1-29-sw-spend", "from"), 1.7567, 0.0001);
    near(await value("nao-1-29-sw-spend", "to"), 2.0153, 0.0001);
    assert.equal(r.verdict, "unverifiable");
    const gross = r.alternatives?.find((a) => a.label === "real terms (2016-17 prices), gross");
    near(gross?.values.pctChange ?? null, 15.28, 0.01);
    near(gross?.values.from ?? null, 1.7664, 0.0001);
    assert.match(r.explanation, /2013-14 £1,687\.2 million gross, £1,649\.4 million net; 2016-17 £2,036\.3 million gross, £1,981\.0 million net/);
  });
});
