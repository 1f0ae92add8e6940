import { test } from "node:test";
import assert from "node:assert/strict";
import { fixtureTables } from "../../src/claims/tables";
import { RawTable } from "../../src/data/readers";
import { source } from "../../src/data/sources";
import type { OfstedTable } from "../../src/data/tidy/ofsted";
import { completeStated } from "../../src/claims/written";
import { decideVerdict } from "../../src/claims/verdict";
import { firstSentence } from "../../src/claims/explain";
import type { CheckResult, StatedValue } from "../../src/claims/types";
import { decimalYear, monthOf } from "../../src/claims/kinds/inspection-period";
import { LEAVERS_BY_SERVICE } from "../../src/claims/kinds/unverifiable";
import { SRC, documentNumbers, eng, la, laObs, ofstedLa, runKind } from "./kind-fixtures";

// The kind features behind the rows of claims that had none: a rank in a document's table, words a
// document attributes to another, data that only bound a figure (publication dates, a secondary
// transcription, two provider classifications), spending by deprivation thirds, service areas
// overspent every year, and the line structure of RO3.

const near = (a: number | null | undefined, b: number, tol = 1e-9) => assert.ok(a !== null && a !== undefined && Math.abs(a - b) <= tol, `${a} is not ${b}`);
const sv = (s: StatedValue) => completeStated(s);

test("arithmetic/rank: the place of a table's entry among its rows, largest first", async () => {
  const DOC = documentNumbers([
    { id: "t-secure", stated: [{ role: "y2020", written: "6,920", unit: "count", value: 6920, tolerance: 5 }] },
    { id: "t-foster", stated: [{ role: "y2020", written: "57,380", unit: "count", value: 57380, tolerance: 5 }] },
    { id: "t-other", stated: [{ role: "y2020", written: "8,320", unit: "count", value: 8320, tolerance: 5 }] },
    { id: "t-parents", stated: [{ role: "y2020", written: "5,400", unit: "count", value: 5400, tolerance: 5 }] },
  ]);
  const r = await runKind("arithmetic", fixtureTables(), { relation: "rank", inputs: ["t-secure:y2020", "t-foster:y2020", "t-other:y2020", "t-parents:y2020"] }, { documentNumber: DOC, document: "hcl" });
  assert.deepEqual(r.values, { rank: 3 });
  assert.equal(r.internal, true);
  assert.match(r.explanation, /largest first: 57,380 .*, 8,320 .*, 6,920 \(table 1, the entry ranked\), 5,400 .*in place 3 of 4/);
  // second place is "followed by"; the verdict is the document against itself
  const d = decideVerdict([sv({ written: "followed by", unit: "count", role: "rank", value: 2, tolerance: 0 })], r);
  assert.deepEqual([d.verdict, d.basis], ["inconsistent", "document"]);
  const r2 = await runKind("arithmetic", fixtureTables(), { relation: "rank", inputs: ["t-other:y2020", "t-foster:y2020", "t-secure:y2020"] }, { documentNumber: DOC, document: "hcl" });
  assert.deepEqual(r2.values, { rank: 2 });
  await assert.rejects(runKind("arithmetic", fixtureTables(), { relation: "rank", inputs: ["t-other:y2020"] }, { documentNumber: DOC }), /at least one other entry/);
});

test("quotation/phrase: 1 when the cited passage says the words, 0 when it does not", async () => {
  const t = fixtureTables({ documents: { nao: "Part Two\nThere is no link between spending per child in need and quality of services as assessed by Ofsted.\n" } });
  const yes = await runKind("quotation", t, { cites: "nao", passage: "There is no link between spending per child in need and quality", phrase: "No Link", role: "says" });
  assert.deepEqual(yes.values, { says: 1 });
  assert.equal(yes.basis, "cited");
  assert.deepEqual(yes.evidence[0].rows, ["line 2"]);
  const no = await runKind("quotation", t, { cites: "nao", passage: "spending per child in need and quality", phrase: "no link", role: "says" });
  assert.deepEqual(no.values, { says: 0 });
  const stated = [sv({ written: "found no link", unit: "count", role: "says", value: 1, tolerance: 0 })];
  assert.equal(decideVerdict(stated, yes).verdict, "confirmed");
  assert.equal(decideVerdict(stated, no).verdict, "misquoted");
});

test("verdict: data that only bound a figure give consistent or inconsistent, never confirmed", () => {
  const stated = [sv({ written: "73%", unit: "percent", role: "share" })];
  const fileEv = [{ source: SRC.cla2018, file: "x.csv", rows: ["row 2"], columns: ["c"] }];
  const bound = (v: number, tol: number): CheckResult => ({ values: { share: v }, dataTolerance: { share: tol }, evidence: fileEv, explanation: "", boundOnly: "two classifications" });
  const inside = decideVerdict(stated, bound(77.25, 13.05));
  assert.deepEqual([inside.verdict, inside.basis, inside.boundBy], ["consistent", "data", "two classifications"]);
  assert.match(firstSentence(stated, inside, { primary: "p" }), /^Consistent with the data, which bound the figure but cannot establish it: the stated 73% lies within what they allow \(from two classifications\)\./);
  // exactly equal is still only consistent
  assert.equal(decideVerdict(stated, bound(73, 0)).verdict, "consistent");
  const outside = decideVerdict(stated, bound(60, 4));
  assert.equal(outside.verdict, "inconsistent");
  assert.match(firstSentence(stated, outside, { primary: "p" }), /^Inconsistent with the data, which bound the figure but cannot establish it: they give 60(\.0)?%, not the stated 73%/);
  // the same figure without the bound is confirmed or differs
  assert.equal(decideVerdict(stated, { values: { share: 73 }, evidence: fileEv, explanation: "" }).verdict, "confirmed");
});

test("verdict: a figure read only from a secondary transcription is capped at consistent", () => {
  const secondary = "care-applications-cafcass-care-applications-national-annual-compiled";
  assert.match(source(secondary).vintage, /^secondary/i);
  const ev = [{ source: secondary, file: source(secondary).file, rows: ["row 4", "row 11"], columns: ["care_applications_s31"] }];
  const stated = [sv({ written: "56%", unit: "percent", role: "pctChange" })];
  const agree = decideVerdict(stated, { values: { pctChange: 56.2 }, evidence: ev, explanation: "" });
  assert.equal(agree.verdict, "consistent");
  assert.match(agree.boundBy!, /secondary transcription \(care-applications-cafcass/);
  assert.equal(decideVerdict(stated, { values: { pctChange: 54.37 }, evidence: ev, explanation: "" }).verdict, "inconsistent");
  // one official file beside it: no cap
  const both = [...ev, { source: SRC.cla2018, file: "x", rows: [], columns: [] }];
  assert.equal(decideVerdict(stated, { values: { pctChange: 56.2 }, evidence: both, explanation: "" }).verdict, "confirmed");
});

test("level/inspectionPeriod: the window of a round of inspections from its reports' publication dates", async () => {
  near(decimalYear("2014-02-01"), 2014 + 1 / 12);
  near(decimalYear("2016-02-15"), 2016 + (1 + 14 / 29) / 12);
  assert.equal(monthOf(2013 + 10.5 / 12), "November 2013");
  const OFSTED: OfstedTable = {
    authorities: [
      ofstedLa("841", "Darlington", 10, [["firstSif", "2014-03-01", "Good"]]),
      ofstedLa("302", "Barnet", 11, [["firstSif", "2016-06-01", "Inadequate"]]),
      ofstedLa("303", "Bexley", 12, [["firstSif", "2017-11-01", "Requires improvement"]]),
    ],
    nameIssues: [],
  };
  const t = fixtureTables({ authorities: [la("841", "Darlington"), la("302", "Barnet", "OLB"), la("303", "Bexley", "OLB")], ofsted: OFSTED });
  const r = await runKind("level", t, { of: "inspectionPeriod", maxLagMonths: 6 });
  near(r.values.from, 2014 + 2 / 12 - 0.25);
  near(r.dataTolerance!.from, 0.25);
  near(r.values.to, 2017 + 10 / 12 - 0.25);
  assert.match(r.boundOnly!, /at most 6 months/);
  assert.match(r.explanation, /earliest was published on 2014-03-01 \(Darlington\), the latest on 2017-11-01 \(Bexley\).*began between September 2013 and March 2014 and ended between May 2017 and November 2017/);
  const month = (y: number, m: number) => sv({ written: "m", unit: "year", role: "from", value: y + (m - 0.5) / 12, tolerance: 1 / 24 });
  const to = (y: number, m: number) => sv({ written: "m", unit: "year", role: "to", value: y + (m - 0.5) / 12, tolerance: 1 / 24 });
  assert.equal(decideVerdict([month(2013, 11), to(2017, 10)], r).verdict, "consistent");
  // a start after the first report was published, or more than the lag before it, is inconsistent
  assert.equal(decideVerdict([month(2014, 4), to(2017, 10)], r).verdict, "inconsistent");
  assert.equal(decideVerdict([month(2013, 7), to(2017, 10)], r).verdict, "inconsistent");
  await assert.rejects(runKind("level", t, { of: "inspectionPeriod" }), /maxLagMonths/);
});

test("change/deprivationThirds: the most deprived third's place among the thirds' changes in spending per child", async () => {
  const las: [string, string, number, number, number][] = [
    // code, name, deprivation score, spending 2010-11, spending 2017-18 (children 1,000 each year)
    ["801", "A", 40, 1000, 800],
    ["802", "B", 35, 1000, 900],
    ["803", "C", 25, 800, 780],
    ["804", "D", 20, 800, 820],
    ["805", "E", 10, 600, 590],
    ["806", "F", 5, 600, 640],
  ];
  const src = "s251-outturn-1011";
  const obs = las.flatMap(([c, n, d, a, b], i) => [
    laObs("imdScore", "2015", c, n, d, "deprivation-imd-2015", 2 + i),
    laObs("negScore", "2015", c, n, -d, "deprivation-imd-2015", 2 + i),
    laObs("s251:total:net", "2010-11", c, n, a * 1000, src, 10 + i),
    laObs("s251:total:net", "2017-18", c, n, b * 1000, "s251-s251ye2018", 10 + i),
    laObs("population0to17", "2010", c, n, 1000, SRC.population, 20 + i),
    laObs("population0to17", "2017", c, n, 1000, SRC.population, 40 + i),
  ]);
  const t = fixtureTables({ obs });
  const r = await runKind("change", t, { of: "deprivationThirds", measure: "s251:total:net", from: "2010-11", to: "2017-18", alternatives: [{ label: "the other way round", deprivation: "negScore" }] });
  // most deprived A+B: 2,000 → 1,700, −15%; middle C+D: 1,600 → 1,600, 0%; least E+F: 1,200 → 1,230, +2.5%
  assert.deepEqual(r.values, { rank: 1 });
  near(r.facts.third1.value, -15);
  near(r.facts.third2.value, 0);
  near(r.facts.third3.value, 2.5);
  // with the order reversed, E+F is the "most deprived" third and its change is the smallest fall: place 3
  assert.deepEqual(r.alternatives!.map((a) => a.values), [{ rank: 3 }]);
  assert.equal(r.alternatives![0].kind, "definition");
  const r2 = await runKind("change", t, { of: "deprivationThirds", measure: "s251:total:net", from: "2010-11", to: "2017-18", deprivation: "negScore" });
  assert.deepEqual(r2.values, { rank: 3 });
  const stated = [sv({ written: "the greatest cuts", unit: "count", role: "rank", value: 1, tolerance: 0 })];
  assert.equal(decideVerdict(stated, r).verdict, "confirmed");
  assert.equal(decideVerdict(stated, r2).verdict, "differs");
  await assert.rejects(runKind("change", t, { of: "deprivationThirds", measure: "s251:total:net", from: "2010-11", to: "2017-18", deprivation: "missingScore" }), /too few authorities/);
});

test("count/overspentEveryYear: areas whose outturn exceeds the budget in every year, with the fallbacks", async () => {
  const ra = "ra-budget-10-11-budget";
  const rs = "rs-revenue-outturn-summary-rs-data-2010-11-by-la-27-nov-2012-v2";
  const obs = [
    // 2010-11: social care as one figure in RS and RA; children's from RO3 and RA's children's lines
    eng("rsService:planning", "2010-11", 120, rs), eng("raService:planning", "2010-11", 100, ra),
    eng("rsService:education", "2010-11", 90, rs), eng("raService:education", "2010-11", 100, ra),
    eng("rsService:socialCare", "2010-11", 300, rs), eng("raService:socialCare", "2010-11", 310, ra),
    eng("csNetExpenditure", "2010-11", 110, "revenue-outturn-ro3-data-2010-11-by-la-27-nov-2012-v2-2"), eng("csBudget", "2010-11", 100, ra),
    // 2011-12: every area in RS; the upper tier only for planning
    eng("rsService:childrenSocialCare", "2011-12", 130, rs), eng("raService:childrenSocialCare", "2011-12", 120, ra),
    eng("rsService:adultSocialCare", "2011-12", 150, rs), eng("raService:adultSocialCare", "2011-12", 140, ra),
    eng("rsServiceUpper:planning", "2011-12", 60, "rs-roall"), eng("raServiceUpper:planning", "2011-12", 50, ra),
    eng("rsService:education", "2011-12", 110, rs), eng("raService:education", "2011-12", 100, ra),
  ];
  const r = await runKind("count", fixtureTables({ obs }), { of: "overspentEveryYear", from: "2010-11", to: "2011-12" });
  // children's (110 > 100; 130 > 120) and planning (120 > 100; upper tier 60 > 50); adult 2010-11: 190 against 210, under
  assert.deepEqual(r.values, { areas: 2 });
  assert.equal(r.facts.adultSocialCare.value, 1);
  assert.equal(r.facts.education.value, 1);
  assert.match(r.explanation, /2 service areas were overspent in every year held \(children's social care, planning and development\)/);
  assert.match(r.explanation, /upper-tier authorities only/);
  assert.match(r.explanation, /police 0 of 0 \(2 not held\)/);
});

test("level/lineEntry and count/lineBreaks: RO3's lines of children's social care", async () => {
  const src = (y: string) => `ro3-${y}`;
  const line = (key: string, year: string, v: number) => eng(`ro3Line:${key}`, year, v, src(year));
  const obs = [
    line("service strategy", "2012-13", 300), line("children looked after", "2012-13", 3000),
    line("service strategy", "2013-14", 310), line("children looked after", "2013-14", 3100),
    line("services for young people", "2014-15", 440), line("sure start childrens centres and early years", "2014-15", 640), line("children looked after", "2014-15", 3600),
    line("services for young people", "2015-16", 450), line("sure start childrens centres and early years", "2015-16", 540), line("children looked after", "2015-16", 3800),
  ];
  const t = fixtureTables({ obs });
  const entry = await runKind("level", t, { of: "lineEntry", line: "young people$", from: "2012-13", to: "2015-16" });
  assert.deepEqual(entry.values, { year: 2014 });
  assert.equal(entry.facts.change.value, 4680 - 3410);
  assert.match(entry.explanation, /"services for young people" enters \(£0m\).*"service strategy" goes/);
  const breaks = await runKind("count", t, { of: "lineBreaks", from: "2012-13", to: "2015-16" });
  assert.deepEqual(breaks.values, { breaks: 1 });
  const last = await runKind("count", t, { of: "lineBreaks", from: "2012-13", to: "2015-16", report: "last" });
  assert.deepEqual(last.values, { year: 2014 });
  const none = await runKind("count", t, { of: "lineBreaks", from: "2014-15", to: "2015-16" });
  assert.deepEqual(none.values, { breaks: 0 });
  await assert.rejects(runKind("level", t, { of: "lineEntry", line: "asylum", from: "2012-13", to: "2015-16" }), /no RO3 children's social care line matches/);
});

test("unverifiable/leaversWithinFiveYears: one year of leavers by time in service, as context", async () => {
  const L = LEAVERS_BY_SERVICE;
  const header = ["Country_name", "Region_name", "LA_name", L.under2, L.twoToFive];
  const raw = new RawTable(source(L.source), header, [["England", "", "", "31.7", "28.1"], ["England", "North East", "Darlington", "20", "30"]], [2, 3]);
  const t = fixtureTables({ raw: { [L.source]: raw } });
  const r = await runKind("unverifiable", t, { because: "not-in-mirror", context: "leaversWithinFiveYears", settle: "the 2015 and 2017 releases" });
  assert.equal(r.verdict, "unverifiable");
  near(r.facts.leaversUnderFive2016.value, 59.8);
  assert.match(r.explanation, /31\.7% .* 28\.1% two to five years, 59\.8% under five years in all \(workforce\/csww-2015-2016\/SFR08_2017_UD\.csv, row 2\)/);
  assert.deepEqual(r.evidence[0].values, { under2: 31.7, twoToFive: 28.1 });
});

test("share/growth with bound: two provider classifications bound the share of the growth", async () => {
  const file = (id: string, total: number, priv: number, vol: number, year: string) =>
    new RawTable(source(id), ["geog_l", `CLA_Mar${year}`, "CLA_Priv", "CLA_Vol"], [["National", String(total), String(priv), String(vol)]], [5]);
  const t = fixtureTables({ raw: { "cla-2011-sfr21-sfr21-cla": file("cla-2011-sfr21-sfr21-cla", 1000, 200, 100, "2011"), "cla-2019-cla2019": file("cla-2019-cla2019", 1200, 320, 150, "2019") } });
  const r = await runKind("share", t, { of: "growth", from: "2010-11", to: "2018-19", providers: ["CLA_Priv"], altProviders: ["CLA_Priv", "CLA_Vol"], bound: true });
  // growth 200; private +120 (60%); private and voluntary +170 (85%)
  near(r.values.share, 72.5);
  near(r.dataTolerance!.share, 12.5);
  assert.match(r.boundOnly!, /bounds the share/);
  assert.equal(r.verdict, undefined);
  assert.equal(decideVerdict([sv({ written: "73%", unit: "percent", role: "share" })], r).verdict, "consistent");
  assert.equal(decideVerdict([sv({ written: "90%", unit: "percent", role: "share" })], r).verdict, "inconsistent");
  const plain = await runKind("share", t, { of: "growth", from: "2010-11", to: "2018-19", providers: ["CLA_Priv"], altProviders: ["CLA_Priv", "CLA_Vol"] });
  assert.equal(plain.verdict, "unverifiable");
  near(plain.values.share, 60);
});

test("level/england with calendarYear: a measure whose years are calendar labels", async () => {
  const src = "childrens-centres-official-national-figures-from-pq-answers";
  const t = fixtureTables({ obs: [eng("childrensCentresClosedSince2010", "2019", 585, src, 30), eng("childrensCentresClosedSince2010", "2015", 250, src, 21)] });
  const r = await runKind("level", t, { measure: "childrensCentresClosedSince2010", year: "2019", calendarYear: true, role: "count" });
  assert.deepEqual(r.values, { count: 585 });
  const just = [sv({ written: "just over 500", unit: "count", role: "count", qualifier: "just-over" })];
  assert.equal(decideVerdict(just, r).verdict, "differs");
  // without the flag "2019" is read as the financial year 2018-19, which the table does not have
  await assert.rejects(runKind("level", t, { measure: "childrensCentresClosedSince2010", year: "2019", role: "count" }), /no England figure/);
});

test("level/workforce with otherYear: a held census date as another reading of a year the files do not hold", async () => {
  const sfr = "workforce-csww-2015-2016-sfr07-2016-ud";
  const t = fixtureTables({ obs: [eng("fte", "2017", 28495.7, SRC.workforce2022, 817), eng("fte", "2015", 26500, sfr, 2)] });
  const r = await runKind("level", t, { of: "workforce", measure: "fte", year: "2014", role: "from", changeTo: "2017", otherYear: "2015" });
  assert.equal(r.verdict, "unverifiable");
  assert.deepEqual(r.values, { from: null, pctChange: null });
  assert.equal(r.alternatives!.length, 1);
  assert.equal(r.alternatives![0].kind, "period");
  assert.equal(r.alternatives![0].values.from, 26500);
  near(r.alternatives![0].values.pctChange, (100 * (28495.7 - 26500)) / 26500);
  assert.match(r.explanation, /At 30 September 2015 the files give 26,500\.0 .*from there to 2017 the change is \+7\.53%/);
  // the other reading reproduces both stated figures, which the verdict lists but does not decide on
  const stated = [sv({ written: "7.5%", unit: "percent", role: "pctChange" }), sv({ written: "26,500", unit: "count", role: "from" })];
  const d = decideVerdict(stated, r);
  assert.deepEqual([d.verdict, d.reason], ["unverifiable", "not-in-mirror"]);
  assert.deepEqual(d.comparisons.map((c) => c.reproducedBy.length), [1, 1]);
  const none = await runKind("level", t, { of: "workforce", measure: "fte", year: "2014", role: "from", changeTo: "2017" });
  assert.equal(none.alternatives, undefined);
});
