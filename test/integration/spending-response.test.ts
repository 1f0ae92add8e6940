import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ensureData, near, row, value } from "../helpers";
import { S251_FILES, raTable, ro3Table, rsTable, s251ExtraLineOf, s251LineOf, s251Table } from "../../src/data/tidy/spending";
import {
  PREVENTATIVE_DEFINITIONS,
  SERVICE_LINES,
  definition,
  figure13Data,
  figure14Data,
  lineMappingRows,
  lineParts,
  overspendSeries,
  overspendYear,
  preventativeShares,
  serviceLines,
  shareYear,
} from "../../src/claims/kinds/spending";
import { realTables } from "../../src/claims/tables";

const tables = realTables();

before(async () => {
  await ensureData();
});

describe("service-line mapping (pure)", () => {
  test("2010-11 and 2011-12 lines are read into the later grouping", () => {
    assert.deepEqual(lineParts("cla", "2010-11"), ["cla", "adoption", "specialGuardianship"]);
    assert.deepEqual(lineParts("cla", "2010-11", { mapping: "as-filed" }), ["cla"]);
    assert.deepEqual(lineParts("cla", "2017-18"), ["cla"]);
    assert.deepEqual(lineParts("safeguarding", "2010-11"), ["cypSafety", "commissioningSocialWork", "strategy", "childTrustFund"]);
    assert.deepEqual(lineParts("safeguarding", "2010-11", { childTrustFund: "none" }), ["cypSafety", "commissioningSocialWork", "strategy"]);
    // 2011-12's children and young people's safety already holds commissioning and social work
    assert.deepEqual(lineParts("safeguarding", "2011-12"), ["cypSafety", "strategy"]);
    assert.deepEqual(lineParts("otherChildrenFamilies", "2011-12"), ["otherChildrenFamiliesLine"]);
    assert.deepEqual(lineParts("otherChildrenFamilies", "2012-13"), ["otherChildrenFamilies"]);
  });

  test("the extra s251 lines are recognised only in the years they belong to", () => {
    assert.equal(s251ExtraLineOf("31 Adoption services", "2010-11"), "adoption");
    assert.equal(s251ExtraLineOf("3.1.3 Adoption services", "2017-18"), "adoption");
    assert.equal(s251ExtraLineOf("3.1.4 Special guardianship support", "2017-18"), "specialGuardianship");
    assert.equal(s251ExtraLineOf("Total Children's Services Strategy", "2010-11"), "strategy");
    assert.equal(s251ExtraLineOf("Children's Services Strategy", "2011-12"), "strategy");
    assert.equal(s251ExtraLineOf("Children's Services Strategy", "2012-13"), undefined);
    assert.equal(s251ExtraLineOf("Other children's and families services", "2010-11"), "otherChildrenFamiliesLine");
    assert.equal(s251ExtraLineOf("3.2.1 Other children's and families services", "2017-18"), undefined);
    assert.equal(s251ExtraLineOf("Child Trust Fund Top Ups", "2010-11"), "childTrustFund");
    assert.equal(s251ExtraLineOf("Child Trust Fund Top Ups", "2011-12"), undefined);
    // the main recogniser is unchanged: the single 2010-11 line stays outside its measures
    assert.equal(s251LineOf("Other children's and families services", "2010-11"), undefined);
  });

  test("the definitions of preventative spending", () => {
    assert.equal(PREVENTATIVE_DEFINITIONS[0].id, "all-non-statutory");
    assert.deepEqual(definition("early-help").lines, ["sureStart", "familySupport", "youngPeople"]);
    assert.throws(() => definition("nonsense"), /unknown definition/);
  });
});

describe("spending tables extended for Part Two", () => {
  test("RA and RO3 LA rows carry ONS codes in every year; North Yorkshire keeps one code", () => {
    for (const [t, m] of [[raTable(), "csBudget"], [ro3Table(), "csNetExpenditure"]] as const) {
      const las = t.filter({ measure: m, level: "la" });
      assert.ok(las.length >= 1500);
      assert.ok(las.every((o) => /^E(06|08|09|10)\d{6}$/.test(o.code)), `${m}: an LA without an ONS code`);
      const ny = new Set(las.filter((o) => /North Yorkshire/.test(o.area)).map((o) => o.code));
      assert.deepEqual([...ny], ["E10000023"], `${m}: North Yorkshire codes`);
    }
    assert.equal(raTable().one({ measure: "csBudget", year: "2010-11", level: "la", area: "Leeds" }).code, "E08000035");
  });

  test("RS 2017-18 as first published: England £8,833,758 thousand; the file's North Yorkshire code is kept as written", () => {
    const t = rsTable();
    near(t.one({ measure: "rsCsNetExpenditure", year: "2017-18", level: "national" }).value, 8833758.3, 0.1);
    assert.equal(t.filter({ measure: "rsCsNetExpenditure", level: "la" }).length, 152);
    assert.equal(t.one({ measure: "rsCsNetExpenditure", level: "la", area: "North Yorkshire" }).code, "E10000022");
  });

  test("s251 extra lines, England sums (net, £ million)", () => {
    const t = s251Table();
    const m = (measure: string, year: string) => (t.one({ measure: `s251:${measure}:net`, year, level: "national", src: S251_FILES[year].id }).value as number) / 1e6;
    near(m("adoption", "2010-11"), 222.5, 0.05);
    near(m("specialGuardianship", "2010-11"), 47.3, 0.05);
    near(m("strategy", "2010-11"), 159.1, 0.05);
    near(m("otherChildrenFamiliesLine", "2010-11"), 106.1, 0.05);
    near(m("childTrustFund", "2010-11"), 4.16, 0.01);
    near(m("strategy", "2011-12"), 202.4, 0.05);
    near(m("adoption", "2017-18"), 273.4, 0.05);
    assert.equal(t.filter({ measure: "s251:strategy:net", year: "2012-13" }).length, 0);
  });
});

describe("the data behind the checks", () => {
  test("every year's seven service lines add up to its total (net and gross)", () => {
    for (const y of Object.keys(S251_FILES)) {
      for (const kind of ["net", "gross"] as const) {
        const s = serviceLines(tables, y, kind);
        const sum = SERVICE_LINES.reduce((a, l) => a + s.lines[l].value, 0);
        near(sum, s.total.value as number, 5e5, `${y} ${kind}`);
      }
    }
    // leaving the Child Trust Fund top ups out leaves them outside the lines, inside the total
    near(serviceLines(tables, "2010-11", "net", { childTrustFund: "none" }).outside / 1e6, 4.16, 0.01);
  });

  test("the mapping table names each year's lines", () => {
    const rows = lineMappingRows(tables, "2010-11", "2017-18");
    const cla = rows.find((r) => r.line === "Looked-after children")!;
    assert.equal(cla["2010-11 lines"], "Total Children Looked After + Adoption services + Special guardianship support");
    near(cla["2010-11 £m"] as number, 3181.96, 0.01);
    assert.match(String(rows.find((r) => r.line === "Services for young people")!["2010-11 lines"]), /Unknown/);
  });

  test("overspending by LA: 96 of 152 in 2010-11, 133 of 152 in 2017-18; the Isles of Scilly counted, missing figures left out", () => {
    const a = overspendYear(tables, "2010-11");
    assert.equal(a.over.length, 96);
    assert.equal(a.counted.length, 152);
    near(a.englandDiff / 1e6, 236.447, 0.001);
    const b = overspendYear(tables, "2017-18");
    assert.equal(b.over.length, 133);
    assert.equal(b.counted.length, 152);
    assert.match(b.outturnLabel, /RS\) 2017-18 as first published/);
    assert.ok(b.over.some((l) => l.laCode === "420"), "Isles of Scilly overspent (by £9 thousand)");
    assert.ok(b.counted.some((l) => l.area === "North Yorkshire" && (l.diff as number) < 0), "North Yorkshire matched through its name");
    near(b.sumOfOverspends / 1e6, 851.854, 0.001);
    const c = overspendYear(tables, "2016-17");
    assert.equal(c.missing.length, 1);
    assert.equal(c.missing[0].area, "Isles of Scilly");
    assert.equal(c.counted.length, 151);
    const series = overspendSeries(tables);
    assert.deepEqual(series.map((r) => r.over), [96, 93, 100, 101, 103, 114, 123, 133, 125, 129]);
  });

  test("Figure 13 and Figure 14 data", () => {
    const f13 = figure13Data(tables);
    near(f13.inflation, 12.481, 0.001);
    const yj = f13.rows.find((r) => r.line === "youthJustice")!;
    near(yj.change, -158.139, 0.001);
    near(f13.rows.find((r) => r.line === "sureStart")!.pct, -58.692, 0.001);
    const f14 = figure14Data(tables);
    assert.deepEqual(f14.years, ["2010-11", "2011-12", "2012-13", "2013-14", "2014-15", "2015-16", "2016-17", "2017-18"]);
    near(f14.share[0], 40.582, 0.001);
    near(f14.share[7], 24.644, 0.001);
    near(f14.preventative[0] - f14.preventative[7], 1.7217, 0.0001);
    const shares = preventativeShares(tables, ["2010-11", "2017-18"]);
    assert.equal(shares.length, PREVENTATIVE_DEFINITIONS.length + 1);
    near(shares[1].shares[0], 37.332, 0.001, "without youth justice 2010-11");
    near(shares[3].shares[1], 10.786, 0.001, "Sure Start and young people 2017-18");
    near(shares[4].shares[0], 43.068, 0.001, "gross 2010-11");
    near(shareYear(tables, "2011-12", definition("all-non-statutory")).preventativeShare, 35.900, 0.001);
  });
});

describe("Part Two spending claims", () => {
  for (const id of ["nao-s15-spending-power", "nao-2-18-funding-and-spending-power"]) {
    test(`${id}: unverifiable, naming what would settle it`, async () => {
      const r = await row(id);
      assert.equal(r.verdict, "unverifiable");
      assert.equal(r.recomputed, null);
      assert.match(r.explanation, /core spending power/);
    });
  }

  for (const id of ["nao-s15-share-overspending", "nao-2-19-share-overspending"]) {
    test(`${id}: 63% in 2010-11 confirmed (96 of 152); 87.5% in 2017-18, not 91%`, async () => {
      const r = await row(id);
      near(await value(id, "shareFrom"), 63.158, 0.001);
      near(await value(id, "share"), 87.5, 1e-9);
      assert.equal(r.verdict, "differs");
      const alts = r.alternatives ?? [];
      near(alts.find((a) => a.kind === "revision")?.values.share ?? null, 87.5, 1e-9, "revised RO3");
      near(alts.find((a) => a.kind === "inclusion")?.values.share ?? null, 87.333, 0.001, "without the tiny LAs");
      const s251 = alts.find((a) => /s251 gross/.test(a.label));
      near(s251?.values.share ?? null, 91.447, 0.001, "s251 gross against budget");
      near(s251?.values.shareFrom ?? null, 98.684, 0.001, "s251 gross against budget 2010-11");
      assert.match(r.explanation, /133 of the 152 upper-tier LAs/);
      assert.match(r.explanation, /96 of the 152 upper-tier LAs/);
      assert.match(r.explanation, /Isles of Scilly in/);
    });
  }

  for (const id of ["nao-s15-overspend", "nao-2-19-overspend"]) {
    test(`${id}: £806.2 million (England outturn − budget), not £872 million`, async () => {
      const r = await row(id);
      near(await value(id, "overspend"), 806.158, 0.001);
      assert.equal(r.verdict, "differs");
      const alts = r.alternatives ?? [];
      near(alts.find((a) => /underspends not netted/.test(a.label))?.values.overspend ?? null, 851.854, 0.001);
      near(alts.find((a) => /summed over the 152 LAs/.test(a.label))?.values.overspend ?? null, 806.602, 0.001);
      near(alts.find((a) => a.kind === "revision")?.values.overspend ?? null, 806.136, 0.001);
      assert.match(r.explanation, /Warwickshire/);
    });
  }

  for (const id of ["pac-c2-overspend", "cc-overspend"]) {
    test(`${id}: 87.5% and £806.2 million`, async () => {
      const r = await row(id);
      near(await value(id, "share"), 87.5, 1e-9);
      near(await value(id, "overspend"), 806.158, 0.001);
      assert.equal(r.verdict, "differs");
    });
  }

  test("nao-2-19-planned-increase: +£542.4 million, +6.76% (RA 2018-19 £8,570.0m against 2017-18 £8,027.6m)", async () => {
    const r = await row("nao-2-19-planned-increase");
    near(await value("nao-2-19-planned-increase", "increase"), 542.439, 0.001);
    near(await value("nao-2-19-planned-increase", "pctChange"), 6.757, 0.001);
    assert.equal(r.verdict, "confirmed");
    assert.match(r.explanation, /£8,027\.6 million for 2017-18 and £8,570\.0 million for 2018-19/);
    assert.match(r.explanation, /Children looked after \(line 313\) account for £350\.2 million of it \(64\.6%\)/);
  });

  test("nao-2-19-cla-budget-increase: £350.2 million, +9.13%", async () => {
    const r = await row("nao-2-19-cla-budget-increase");
    near(await value("nao-2-19-cla-budget-increase", "increase"), 350.188, 0.001);
    near(await value("nao-2-19-cla-budget-increase", "pctChange"), 9.132, 0.001);
    assert.equal(r.verdict, "confirmed");
  });

  test("nao-2-20-lines-up-10: family support +10.3% and looked-after children +19.1% are above 10%, safeguarding +9.1% is not", async () => {
    const id = "nao-2-20-lines-up-10";
    const r = await row(id);
    near(await value(id, "safeguardingPct"), 9.081, 0.001);
    near(await value(id, "familySupportPct"), 10.273, 0.001);
    near(await value(id, "claPct"), 19.079, 0.001);
    assert.equal(r.verdict, "unverifiable");
    near(r.alternatives?.find((a) => /Child Trust Fund/.test(a.label))?.values.safeguardingPct ?? null, 9.330, 0.001);
    near(r.alternatives?.find((a) => /as filed/.test(a.label))?.values.claPct ?? null, 30.109, 0.001);
  });

  const fig13: [string, string, number, number][] = [
    ["nao-fig13-safeguarding", "change", 186.754, 9.081],
    ["nao-fig13-family-support", "change", 89.355, 10.273],
    ["nao-fig13-other-children-families", "change", -32.366, -27.121],
    ["nao-fig13-youth-justice", "fall", 158.139, -51.290],
  ];
  for (const [id, role, money, pct] of fig13) {
    test(`${id}: ${role} £${money} million, ${pct}% in 2017-18 prices (March 2020 deflator); the £ label differs by the deflator vintage`, async () => {
      const r = await row(id);
      near(await value(id, role), money, 0.001);
      near(await value(id, "pctChange"), pct, 0.001);
      assert.equal(r.verdict, "unverifiable");
      assert.match(r.explanation, /March 2020 vintage; the NAO \(January 2019\) used an earlier one/);
      assert.match(r.explanation, /each 0\.1 point less price growth/);
    });
  }

  test("nao-fig13-youth-justice: cash and gross readings are given", async () => {
    const r = await row("nao-fig13-youth-justice");
    near(r.alternatives?.find((a) => a.kind === "cash-real")?.values.pctChange ?? null, -45.210, 0.001);
    near(r.alternatives?.find((a) => /gross/.test(a.label))?.values.pctChange ?? null, -41.254, 0.001);
  });

  for (const id of ["nao-s15-preventative-share", "nao-2-21-preventative-share"]) {
    test(`${id}: 40.6% → 24.6% preventative, confirmed`, async () => {
      const r = await row(id);
      near(await value(id, "from"), 40.582, 0.001);
      near(await value(id, "to"), 24.644, 0.001);
      assert.equal(r.verdict, "confirmed");
      const alts = r.alternatives ?? [];
      near(alts.find((a) => a.kind === "period")?.values.from ?? null, 35.900, 0.001, "2011-12 start");
      near(alts.find((a) => /groups as filed/.test(a.label))?.values.from ?? null, 43.781, 0.001, "2010-11 as filed");
      near(alts.find((a) => /without youth justice/.test(a.label))?.values.from ?? null, 37.332, 0.001);
    });
  }

  test("nao-2-21-preventative-share: £1.72 billion real-terms fall (cash £1.29 billion)", async () => {
    const r = await row("nao-2-21-preventative-share");
    near(await value("nao-2-21-preventative-share", "fall"), 1.7217, 0.0001);
    near(r.alternatives?.find((a) => a.kind === "cash-real")?.values.fall ?? null, 1.2946, 0.0001);
  });

  test("nao-s15-statutory-share: 59.4% → 75.4%, confirmed", async () => {
    const r = await row("nao-s15-statutory-share");
    near(await value("nao-s15-statutory-share", "from"), 59.418, 0.001);
    near(await value("nao-s15-statutory-share", "to"), 75.356, 0.001);
    assert.equal(r.verdict, "confirmed");
  });

  test("nao-2-21-statutory-share: 75.4%, confirmed", async () => {
    const r = await row("nao-2-21-statutory-share");
    near(await value("nao-2-21-statutory-share", "to"), 75.356, 0.001);
    assert.equal(r.verdict, "confirmed");
  });

  test("cc-preventative-share: from 2011-12 the share is 35.9%, not 41%; 41% is the NAO's 2010-11", async () => {
    const r = await row("cc-preventative-share");
    near(await value("cc-preventative-share", "from"), 35.900, 0.001);
    near(await value("cc-preventative-share", "to"), 24.644, 0.001);
    assert.equal(r.verdict, "differs");
    const p = r.alternatives?.find((a) => a.kind === "period");
    assert.equal(p?.label, "starting in 2010-11 instead of 2011-12");
    near(p?.values.from ?? null, 40.582, 0.001);
    assert.match(r.explanation, /Sure Start children's centres and early years £1,245\.7 million → £1,018\.8 million/);
  });
});
