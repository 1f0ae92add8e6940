import { test } from "node:test";
import assert from "node:assert/strict";
import { ensureData, near } from "../helpers";
import { isSecondary, source, DataError } from "../../src/data/sources";
import { readCsv } from "../../src/data/readers";
import { readParquet } from "../../src/data/parquet";
import { tableFor } from "../../src/data/tidy/catalog";
import { primaryNeedTable, PRIMARY_NEED_COLUMNS } from "../../src/data/tidy/primary-need";
import { workforceTable } from "../../src/data/tidy/workforce";
import { claTable, CLA_EES_2021 } from "../../src/data/tidy/cla";
import { s251EarlyObs, s251EarlyRaw, s251EarlyTable, spendingTable, S251_EARLY_FILES, inPounds } from "../../src/data/tidy/spending";
import { careApplicationsTable, CARE_APPLICATIONS_CAFCASS } from "../../src/data/tidy/care-applications";
import { childrensCentresTable } from "../../src/data/tidy/childrens-centres";
import { laitObs, laitTable, LAIT_SOURCE } from "../../src/data/tidy/lait";
import { percentChange } from "../../src/stats/change";

test("primary need at assessment (b3, 2020 release): England 31 March 2018, abuse or neglect 215,270 of 404,710 = 53.2%", async () => {
  await ensureData();
  const t = primaryNeedTable();
  assert.equal(tableFor("primaryNeedAbuseNeglect"), t);
  assert.equal(tableFor("primaryNeedAbuseNeglect:Total"), t);
  const n1 = t.england("primaryNeedAbuseNeglect", "2017-18");
  const all = t.england("primaryNeedAll", "2017-18");
  assert.deepEqual([n1.value, n1.row, n1.col, n1.src], [215270, 329, "N1_Abuse_or_neglect", "cin-ees2020-b3-cin-primary-need-2013-to-2020"]);
  assert.equal(all.value, 404710);
  assert.equal(Math.round((1000 * 215270) / 404710) / 10, 53.2);
  // excluding "not stated" (20,980) the share would be 56.1%
  assert.equal(t.england("primaryNeedNotStated", "2017-18").value, 20980);
  assert.deepEqual(t.years("primaryNeedAbuseNeglect"), ["2012-13", "2013-14", "2014-15", "2015-16", "2016-17", "2017-18", "2018-19", "2019-20"]);
  assert.deepEqual(["2012-13", "2019-20"].map((y) => t.england("primaryNeedAbuseNeglect", y).value), [178900, 217440]);
  assert.equal(t.filter({ measure: "primaryNeedAbuseNeglect", year: "2017-18", level: "la" }).length, 152);
  // the ten needs add up to the total but for rounding (each national count is rounded to 10)
  const sum = Object.keys(PRIMARY_NEED_COLUMNS).filter((m) => m !== "primaryNeedAll").reduce((s, m) => s + t.england(m, "2017-18").value!, 0);
  assert.equal(sum, 404690);
});

test("primary need by age and gender (a3): its Total rows equal b3's England rows, 2018 to 2020", async () => {
  await ensureData();
  const t = primaryNeedTable();
  for (const y of ["2017-18", "2018-19", "2019-20"]) {
    for (const m of Object.keys(PRIMARY_NEED_COLUMNS)) assert.equal(t.england(`${m}:Total`, y).value, t.england(m, y).value, `${m} ${y}`);
  }
  assert.equal(t.england("primaryNeedAbuseNeglect:Female", "2019-20").value, 102680);
});

test("workforce 2015 and 2016 (SFR 07/2016, SFR 08/2017): FTE 26,500 at 30 September 2015 and 27,700 in 2016", async () => {
  await ensureData();
  const t = workforceTable();
  const f15 = t.england("fte", "2015");
  assert.deepEqual([f15.value, f15.src, f15.row, f15.col], [26500, "workforce-csww-2015-2016-sfr07-2016-ud", 2, "A1_FTE_ChildrensSocialWorkers_2015"]);
  const f16 = t.england("fte", "2016");
  assert.deepEqual([f16.value, f16.src, f16.col], [27700, "workforce-csww-2015-2016-sfr08-2017-ud", "A1_FTE_ChildrensSocialWorkers_2016"]);
  assert.deepEqual(["vacancyRate", "agencyRate", "turnoverRate", "agencyFte", "vacancies", "headcount"].map((m) => t.england(m, "2015").value), [17, 16, 16, 4860, 5470, 28570]);
  assert.deepEqual(["vacancyRate", "agencyRate", "turnoverRate", "agencyFte", "vacancies", "headcount", "caseload"].map((m) => t.england(m, "2016").value), [16.7, 16.1, 15.1, 5330, 5540, 29930, 16.1]);
  assert.equal(t.filter({ measure: "fte", year: "2015", level: "la" }).length, 152);
  assert.equal(t.filter({ measure: "vacancyRate", year: "2015", level: "regional", area: "Outer London" })[0].value, 29);
  // the NAO's 26,500 → 28,500 and its 7.5%: 26,500 is 30 September 2015; 28,495.7 is 30 September 2017 (first release in the mirror)
  const f17 = t.filter({ measure: "fte", year: "2017", level: "national", src: "workforce-csww-headline-measures-2017-to-2022" })[0];
  near(percentChange(26500, f17.value!), 7.53, 0.005);
});

test("looked after, 2021 release: 31 March 2020 = 80,000 (and 67 per 10,000); 2021 = 80,850", async () => {
  await ensureData();
  const t = claTable();
  const series = t.one({ measure: "claAt31March", year: "2019-20", level: "national", src: CLA_EES_2021.series });
  assert.deepEqual([series.value, series.row, series.col], [80000, 133, "number"]);
  assert.equal(t.one({ measure: "claAt31March", year: "2019-20", level: "national", src: CLA_EES_2021.headline }).value, 80000);
  assert.equal(t.one({ measure: "claRate", year: "2019-20", level: "national", src: CLA_EES_2021.headline }).value, 67);
  assert.equal(t.one({ measure: "claAt31March", year: "2020-21", level: "national", src: CLA_EES_2021.series }).value, 80850);
  assert.equal(t.one({ measure: "claAt31March", year: "2009-10", level: "national", src: CLA_EES_2021.series }).value, 64470);
  // the release order puts 2021 first for 31 March 2020; no file in the mirror has 80,080
  const all2020 = t.filter({ measure: "claAt31March", year: "2019-20", level: "national" });
  assert.equal(all2020[0].src, CLA_EES_2021.series);
  assert.ok(all2020.every((o) => o.value === 80000), all2020.map((o) => `${o.src} ${o.value}`).join("; "));
});

test("section 52/251 outturn 2008-09 and 2009-10: England sums of Table A1 lines", async () => {
  await ensureData();
  const s = s251EarlyTable();
  assert.equal(tableFor("s251:total:net"), spendingTable());
  assert.equal(spendingTable().one({ measure: "s251:total:net", year: "2008-09", level: "national" }).value, s.one({ measure: "s251:total:net", year: "2008-09", level: "national" }).value);
  const m = (line: string, kind: string, year: string) => inPounds(s.one({ measure: `s251:${line}:${kind}`, year, level: "national" }))! / 1e6;
  near(m("total", "net", "2008-09"), 5290.47, 0.01);
  near(m("total", "gross", "2008-09"), 5985.00, 0.01);
  near(m("cla", "net", "2008-09"), 2453.07, 0.01);
  near(m("residential", "net", "2008-09"), 872.25, 0.01);
  near(m("fostering", "net", "2008-09"), 1083.98, 0.01);
  near(m("asylum", "net", "2008-09"), 58.14, 0.01);
  near(m("total", "net", "2009-10"), 6098.77, 0.01);
  near(m("cla", "net", "2009-10"), 2887.95, 0.01);
  near(m("residential", "net", "2009-10"), 924.69, 0.01);
  near(m("fostering", "net", "2009-10"), 1250.66, 0.01);
  near(m("childProtection", "net", "2009-10"), 109.37, 0.01);
  near(m("preventative", "net", "2009-10"), 130.22, 0.01);
  // 150 authorities in 2008-09 (Bedfordshire and Cheshire, not their successors), 152 in 2009-10
  const las = (y: string) => new Set(s.filter({ measure: "s251:total:gross", year: y, level: "la" }).map((o) => o.laCode));
  assert.equal(las("2008-09").size, 150);
  assert.ok(las("2008-09").has("820") && las("2008-09").has("875") && !las("2008-09").has("822") && !las("2008-09").has("896"));
  assert.equal(las("2009-10").size, 152);
  assert.ok(!las("2009-10").has("820") && las("2009-10").has("823"));
  assert.equal(s.filter({ measure: "s251:asylum:net", year: "2009-10" }).length, 0, "2009-10 has no separate asylum total (its asylum lines are inside children looked after)");
  assert.equal(s.filter({ measure: "s251:sureStart:net" }).length, 0, "no Sure Start line in Table A1 before 2010-11");
});

test("section 52/251 outturn: the CSV copies agree with the .xls workbooks line by line (to 5p)", async () => {
  await ensureData();
  for (const [year, f] of Object.entries(S251_EARLY_FILES)) {
    const xls = s251EarlyObs(s251EarlyRaw(f.id), year);
    const csv = s251EarlyObs(readCsv(f.csv, { encoding: "latin1" }), year);
    const key = (o: { measure: string; level: string; laCode?: string }) => `${o.measure}|${o.level}|${o.laCode ?? ""}`;
    const byKey = new Map(xls.map((o) => [key(o), o.value]));
    assert.equal(csv.length, xls.length, year);
    let max = 0;
    for (const o of csv) {
      assert.ok(byKey.has(key(o)), `${year} ${key(o)} only in the CSV`);
      max = Math.max(max, Math.abs((byKey.get(key(o)) ?? 0) - (o.value ?? 0)));
    }
    assert.ok(max < 0.05, `${year}: largest difference £${max}`);
  }
});

test("care applications: Cafcass (transcribed) 9,203 in 2010-11 and 14,207 in 2017-18, +54.4%; marked secondary", async () => {
  await ensureData();
  const t = careApplicationsTable();
  assert.equal(tableFor("careApplications"), t);
  assert.equal(tableFor("careApplicationsRate"), t);
  const a = t.england("careApplications", "2010-11");
  const b = t.england("careApplications", "2017-18");
  assert.deepEqual([a.value, a.row, a.col, b.value, b.row], [9203, 4, "care_applications_s31", 14207, 11]);
  near(percentChange(a.value!, b.value!), 54.37, 0.005);
  assert.equal(t.england("careApplications", "2009-10").value, 8826);
  assert.deepEqual([t.england("careApplications", "2008-09").value, t.england("careApplications", "2008-09").marker], [null, ""]);
  assert.equal(isSecondary(CARE_APPLICATIONS_CAFCASS), true);
  assert.equal(isSecondary(a.src), true);
  assert.match(source(a.src).derived!, /SECONDARY hand transcription/);
  // LAIT rates (official): England 2015-16 … 2024-25
  assert.equal(isSecondary("care-applications-lait-extract-careapplications-rate-per-10k-2016-2025"), false);
  assert.deepEqual(t.years("careApplicationsRate"), ["2015-16", "2016-17", "2017-18", "2018-19", "2019-20", "2020-21", "2021-22", "2022-23", "2023-24", "2024-25"]);
  assert.deepEqual(["2015-16", "2016-17", "2017-18"].map((y) => t.england("careApplicationsRate", y).value), [11, 12.3, 11.9]);
  assert.ok(t.filter({ measure: "careApplicationsRate", year: "2017-18", level: "la" }).length >= 150);
});

test("care applications: the LAIT CSV extract equals the CareApplications rows of the parquet file", async () => {
  await ensureData();
  const spec = { CareApplications: { measure: "careApplicationsRate", year: "fyEnd" as const, label: "" } };
  const pq = laitObs(readParquet(LAIT_SOURCE, { filter: { column: "Short Desc", values: ["CareApplications"] } }), spec);
  const csv = careApplicationsTable().filter({ measure: "careApplicationsRate" });
  assert.equal(pq.length, 1700);
  assert.equal(csv.length, pq.length);
  const k = (o: { year: string; area: string; level: string }) => `${o.year}|${o.level}|${o.area}`;
  const byKey = new Map(pq.map((o) => [k(o), o]));
  for (const o of csv) {
    const p = byKey.get(k(o));
    assert.ok(p, k(o));
    assert.deepEqual([o.value, o.marker], [p.value, p.marker], k(o));
  }
});

test("children's centres (DfE answers to PQs): 3,631 in April 2010; 585 closed since April 2010 at 12 March 2019", async () => {
  await ensureData();
  const t = childrensCentresTable();
  assert.equal(tableFor("childrensCentres"), t);
  const c10 = t.england("childrensCentres", "2010");
  assert.deepEqual([c10.value, c10.row], [3631, 27]);
  assert.match(c10.sheet!, /^item 4: GOV\.UK news story/);
  assert.equal(t.england("childrensCentres", "2011").value, 3507);
  assert.equal(t.england("childrensCentresClosedSince2010", "2019").value, 585);
  assert.equal(t.england("childrensCentresClosedSince2010", "2015").value, 250);
  assert.deepEqual([t.england("childrensCentresMain", "2019").value, t.england("childrensCentreSites", "2019").value], [2353, 700]);
  assert.deepEqual(["2009", "2017"].map((y) => t.england("childrensCentresSuttonTrust", y).value), [3632, 3123]);
  const revised = t.filter({ measure: "childrensCentresClosed", level: "national" }).filter((o) => o.sheet!.startsWith("item 2"));
  assert.deepEqual(revised.map((o) => o.value), [0, 12, 27, 33, 85, 156]);
  const first = t.filter({ measure: "childrensCentresClosed", level: "national" }).filter((o) => o.sheet!.startsWith("item 1"));
  assert.deepEqual(first.map((o) => o.value), [0, 9, 27, 32, 83]);
});

test("LAIT parquet (hyparquet): 641,070 records; teenage conceptions, children looked after and social workers", async () => {
  await ensureData();
  const t = laitTable();
  assert.equal(tableFor("teenageConceptionRate"), t);
  assert.deepEqual(t.years("teenageConceptionRate"), ["2016", "2017", "2018", "2019", "2020", "2021", "2022"]);
  assert.deepEqual(["2016", "2017"].map((y) => t.england("teenageConceptionRate", y).value), [18.8, 17.8]);
  assert.ok(t.filter({ measure: "teenageConceptionRate", year: "2016", level: "la" }).length >= 150);
  const cla = t.england("laitClaAt31March", "2019-20");
  assert.equal(cla.value, 80000);
  assert.equal(cla.col, "Values (Short Desc = LACnum, Years = 2020)");
  assert.equal(t.england("laitSocialWorkersFte", "2016").value, workforceTable().england("fte", "2016").value);
  assert.equal(t.england("laitReferrals", "2017-18").value, 655630);
  assert.equal(t.england("laitSureStartGross", "2017-18").value, 664779845);
  const raw = readParquet(LAIT_SOURCE, { columns: ["Short Desc", "Years"], filter: { column: "Short Desc", values: ["Under18concep"] } });
  assert.equal(raw.totalRows, 641070);
  assert.equal(raw.rows.length, 1190);
  assert.throws(() => readParquet(LAIT_SOURCE, { columns: ["Short Desc", "Value"] }), (e: Error) => e instanceof DataError && /looked-after\/lait\/bds_long_0\.parquet .*column "Value" not found; columns found: Short Desc, Data item, Years, LA and Regions, Values, LA Number, Region/.test(e.message));
});
