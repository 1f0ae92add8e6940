import { test } from "node:test";
import assert from "node:assert/strict";
import { ensureData, near, row, value } from "../helpers";
import { claTable } from "../../src/data/tidy/cla";
import { tableFor } from "../../src/data/tidy/catalog";

test("the CLA table: first-published England figures come first and name their files", async () => {
  await ensureData();
  const t = claTable();
  assert.equal(tableFor("claAt31March"), t);
  const first = (m: string, y: string) => t.filter({ measure: m, year: y, level: "national" })[0];
  assert.equal(first("claAt31March", "2017-18").value, 75420);
  assert.equal(first("claAt31March", "2017-18").src, "cla-2018-cla2018");
  assert.equal(first("claAt31March", "2017-18").col, "CLA_Mar2018");
  assert.equal(first("claAt31March", "2010-11").value, 65520);
  assert.equal(first("claAt31March", "2009-10").value, 64400);
  assert.equal(first("claAt31March", "1993-94").value, 47590);
  // the earliest release of the national time series in the mirror is the 2021 one (same numbers as 2022)
  assert.equal(first("claAt31March", "1993-94").src, "cla-ees2021-data-1994-to-2021-children-looked-after-time-series-1994-2021");
  assert.equal(first("claStarted16Plus", "2010-11").value, 3340);
  assert.equal(first("claStarted16Plus", "2017-18").value, 5710);
  // SFR34_ADM2015 labels its starters column CLA_started2014; it is the year ending 31 March 2015
  const s15 = first("claStarted", "2014-15");
  assert.equal(s15.src, "cla-2015-sfr34-sfr34-adm2015");
  assert.equal(s15.col, "CLA_started2014");
  assert.equal(s15.value, 31070);
  // the 2010 March file is read in alphabetical code order: foster care is Q1 + Q2 = 7,300 + 39,900
  assert.equal(first("claFoster", "2009-10").value, 47200);
  assert.equal(first("claSecureHomesSemiIndependent", "2009-10").value, 230 + 5000 + 1000);
  assert.equal(first("claResidential", "2009-10").value, 8210);
  // CLA2019 labels its populations with the mid-year: CLA_Pop2018 is the denominator for 31 March 2019
  const p19 = t.filter({ measure: "claRatePopulation", year: "2018-19", level: "national", src: "cla-2019-cla2019" })[0];
  assert.equal(p19.col, "CLA_Pop2018");
  assert.equal(p19.value, 11954620);
  const p18 = t.filter({ measure: "claRatePopulation", year: "2017-18", level: "national", src: "cla-2018-cla2018" })[0];
  assert.equal(p18.col, "CLA_Pop2018");
  assert.equal(p18.value, 11866960);
  // placements at 31 March, 2010-11 … 2018-19, and the LA rows
  for (const y of ["2010-11", "2011-12", "2012-13", "2013-14", "2014-15", "2015-16", "2016-17", "2017-18", "2018-19"]) {
    assert.ok(first("claFoster", y)?.value, `foster ${y}`);
    assert.ok(first("claResidential", y)?.value, `residential ${y}`);
    assert.ok(t.filter({ measure: "claAt31March", year: y, level: "la" }).length >= 150, `LA rows ${y}`);
  }
  // suppressed LA cells stay null with their marker
  const supp = t.filter({ measure: "claOtherResidential", year: "2013-14", level: "la" }).filter((o) => o.value === null);
  assert.ok(supp.length > 0);
  assert.ok(supp.every((o) => o.marker === "x"));
});

test("nao-1-24-cla-75420: 75,420 looked-after children at 31 March 2018", async () => {
  near(await value("nao-1-24-cla-75420", "level"), 75420, 0);
  const r = await row("nao-1-24-cla-75420");
  assert.equal(r.verdict, "confirmed");
  assert.equal(r.evidence[0].file, "looked-after/ssda903_underlying_data/2018/CLA2018.csv");
  assert.ok(r.alternatives?.some((a) => a.values.level === 75370), "CLA2019's revised 75,370 is an alternative");
});

test("nao-s9-cla-change: +15.1% to 75,420; 2.9 times population growth is not 'more than triple'", async () => {
  near(await value("nao-s9-cla-change", "pctChange"), 15.11, 0.01);
  near(await value("nao-s9-cla-change", "to"), 75420, 0);
  near(await value("nao-s9-cla-change", "ratioToPopulation"), 2.90, 0.01);
  assert.equal((await row("nao-s9-cla-change")).verdict, "differs");
});

test("'almost triple' population growth: 2.9 times", async () => {
  for (const id of ["nao-s9-cla-almost-triple", "nao-1-24-cla-almost-triple"]) {
    near(await value(id, "ratioToPopulation"), 2.90, 0.01, id);
    assert.equal((await row(id)).verdict, "confirmed", id);
  }
  near(await value("nao-1-17-cla-15-almost-triple", "pctChange"), 15.11, 0.01);
  near(await value("nao-1-17-cla-15-almost-triple", "ratioToPopulation"), 2.90, 0.01);
  assert.equal((await row("nao-1-17-cla-15-almost-triple")).verdict, "confirmed");
});

test("starters aged 16 and over: 3,340 (first published) to 5,710, +71.0%, not 3,210 and +78%", async () => {
  for (const id of ["nao-s9-starters-16-plus", "nao-1-17-starters-16-plus"]) {
    near(await value(id, "pctChange"), 70.96, 0.01, id);
    near(await value(id, "from"), 3340, 0, id);
    near(await value(id, "to"), 5710, 0, id);
    // the revised 2010-11 breakdown by age that the NAO would have used is not held
    assert.equal((await row(id)).verdict, "unverifiable", id);
    assert.equal((await row(id)).reason, "vintage-not-held", id);
  }
});

test("cc-activity-changes: looked-after children +12.5% from 2011-12, +15.1% from 2010-11", async () => {
  near(await value("cc-activity-changes", "claPct"), 12.48, 0.01);
  const r = await row("cc-activity-changes");
  assert.ok(r.alternatives?.some((a) => a.kind === "period" && Math.abs((a.values.claPct ?? 0) - 15.11) < 0.01));
});

test("nao-1-11-cla-rate-2018: 64 per 10,000 as first published", async () => {
  near(await value("nao-1-11-cla-rate-2018", "rate2018"), 64, 0);
  const r = await row("nao-1-11-cla-rate-2018");
  assert.equal(r.verdict, "confirmed");
  assert.ok(r.evidence.some((e) => e.file.endsWith("CLA2018.csv") && e.columns.includes("CLA_Rate2018")));
  assert.ok(r.alternatives?.every((a) => a.kind === "revision"));
  assert.ok(r.alternatives?.some((a) => a.values.rate2018 === 63.6), "Fingertips' 63.6");
  assert.match(r.explanation, /63\.55/);
});

test("nao-1-11-cla-rate-1994: no 1994 population in the mirror, so unverifiable, with the numbers it does have", async () => {
  const r = await row("nao-1-11-cla-rate-1994");
  assert.equal(r.recomputed, null);
  assert.equal(r.verdict, "unverifiable");
  assert.match(r.explanation, /47,590/);
  assert.match(r.explanation, /75,420/);
  assert.match(r.explanation, /58\.5%/);
  assert.match(r.explanation, /64 per 10,000/);
  assert.match(r.explanation, /What would settle it/);
  assert.ok(r.evidence.some((e) => e.file.endsWith("children_looked_after_time_series_1994_2021.csv")));
});

test("residential care at 31 March 2014 → 2018: +34.1% (DfE's secure/children's homes/semi-independent category), +19.9% for every residential setting", async () => {
  for (const id of ["nao-s10-residential-number", "nao-1-27-residential-number", "pac-c3-residential-number"]) {
    near(await value(id, "pctChange"), 34.12, 0.01, id);
    const r = await row(id);
    assert.equal(r.verdict, "differs", id);
    const defs = (r.alternatives ?? []).filter((a) => a.kind === "definition" && a.values.from !== undefined);
    near(defs[0].values.pctChange, 31.71, 0.01, `${id} plus other residential`);
    near(defs[1].values.pctChange, 19.88, 0.01, `${id} every residential setting`);
    assert.ok(r.alternatives?.some((a) => a.kind === "revision" && Math.abs((a.values.pctChange ?? 0) - 40.41) < 0.01), "2022 release revision");
    assert.ok(r.evidence.some((e) => e.file.endsWith("SFR36_CLA2014.csv") && e.columns.includes("CLA_Secure")));
    assert.ok(r.evidence.some((e) => e.file.endsWith("CLA2018.csv") && e.columns.includes("CLA_Secure")));
  }
});
