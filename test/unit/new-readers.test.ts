import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { makeKit, Kit } from "../fixture-kit";
import { fetchSources, DataError } from "../../src/data/sources";
import { readCsv } from "../../src/data/readers";
import { readParquet } from "../../src/data/parquet";
import { validateObs, Obs } from "../../src/data/obs";
import { a3Obs, b3Obs } from "../../src/data/tidy/primary-need";
import { sfrWorkforceObs } from "../../src/data/tidy/workforce";
import { s251EarlyObs } from "../../src/data/tidy/spending";
import { laitObs, laitYear } from "../../src/data/tidy/lait";
import { cafcassObs } from "../../src/data/tidy/care-applications";
import { centresObs } from "../../src/data/tidy/childrens-centres";

// ---------------------------------------------------------------------------------------------
// fixtures (small made-up files in the layout of the official ones)

const B3_HEAD = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,At31_episodes,N1_Abuse_or_neglect,N2_Childs_disability_or_illness,N3_Parents_disability_or_illness,N4_Family_in_acute_stress,N5_Family_dysfunction,N6_Socially_unacceptable_behaviour,N7_Low_income,N8_Absent_parenting,N9_Cases_other_than_CIN,N0_Not_stated";
const B3 = [
  B3_HEAD,
  "2018,Reporting year,National,E92000001,England,,,,,,Primary need at assessment,1000,530,50,20,60,150,20,10,40,10,110",
  "2018,Reporting year,Regional,E92000001,England,E12000001,North East,,,,Primary need at assessment,100,60,5,2,6,15,2,1,4,1,4",
  "2018,Reporting year,Local authority,E92000001,England,E12000009,South West,420,E06000053,Isles of Scilly,Primary need at assessment,c,c,c,c,c,c,c,c,c,c,c",
  "2013,Reporting year,Local authority,E92000001,England,E12000001,North East,841,E06000005,Darlington,Primary need at assessment,:,:,:,:,:,:,:,:,:,:,:",
].join("\n") + "\n";
const B3_BAD_CATEGORY = B3.replace("2013,Reporting year,Local authority,E92000001,England,E12000001,North East,841,E06000005,Darlington,Primary need at assessment", "2013,Reporting year,Local authority,E92000001,England,E12000001,North East,841,E06000005,Darlington,Factors at assessment");
const B3_NO_N1 = B3.replace("N1_Abuse_or_neglect", "N1_Abuse");
const A3 = [
  "time_period,time_identifier,geographic_level,country_code,country_name,category,characteristic,CIN_At31,N1_Abuse_or_neglect,N2_Childs_disability_or_illness,N3_Parents_disability_or_illness,N4_Family_in_acute_stress,N5_Family_dysfunction,N6_Socially_unacceptable_behaviour,N7_Low_income,N8_Absent_parenting,N9_Cases_other_than_CIN,N0_Not_stated",
  "2018,Reporting year,National,E92000001,England,Primary need at assessment,Total,1000,530,50,20,60,150,20,10,40,10,110",
  "2018,Reporting year,National,E92000001,England,Primary need at assessment,Female Aged Under 1 year,40,30,x,1,2,3,0,0,0,0,4",
].join("\n") + "\n";

const WF_HEAD = "Country_code,Country_name,Region_code,Region_name,LA_code (9 digit),LA_name,LA_code (3 digit),A1_FTE_ChildrensSocialWorkers_2016,B1_FTE_Starters_2016,B2_FTE_Leavers_2016,B3_FTE_TurnoverRate_2016,D1_FTE_AgencyWorkers_2016,D2_FTE_AgencyWorkerRate_2016,A2_FTE_Vacancies_2016,A3_FTE_VacancyRate_2016,C1_FTE_Absence_2016,C2_FTE_AbsenceRate_2016,Average_caseload,A1_Headcount_ChildrensSocialWorkers_2016";
const WF = [
  WF_HEAD,
  `E92000001,England,,,,,,"27,700","4,720","4,190",15.1,"5,330",16.1,"5,540",16.7,"244,320",3.5,16.1,"29,930"`,
  `E92000001,England,E13000002,Outer London,,,,"2,480",660,510,20.6,980,28.4,860,25.8,"13,360",2.1,13.9,"2,660"`,
  `E92000001,England,E12000001,North East,E06000005,Darlington,841,64.5,13.0,21.7,33.7,30.5,32.1,28.1,30.3,"1,297.3",7.9,..,70`,
  `E92000001,England,E12000009,South West,E06000053,Isles of Scilly,420,x,x,x,x,x,x,x,x,.,.,x,x`,
  ",,,,,,,,,,,,,,,,,,",
  ",,,,,,,,,,,,,,,,,,",
].join("\n") + "\n";

const S52_HEAD = "LEA Number:,LA Name:,S52 Line Reference:,PRIVATE (x),VOLUNTARY (y),PUBLIC (z),TOTAL EXPENDITURE (k),INCOME (l),NET Current Expenditure (m)";
const S52_LINES = ["4 Total Youth Justice", "5 Residential care", "6 Fostering services", "14 Total Children Looked After", "16 Preventative services", "17 LA functions in relation to child protection",
  "19 Total Children and Young Peoples Safety", "28 Total Family Support Services", "33 Total Asylum Seeker", "34 Adoption services", "35 Special guardianship support", "37 Total Other Childrens and Families Services",
  "43 Total Childrens Services Strategy", "44 Child Trust Fund Top Ups", "46 TOTAL CHILDREN AND YOUNG PEOPLES SERVICES BUDGET (excluding CERA)", "47 TOTAL CHILDREN AND YOUNG PEOPLES SERVICES BUDGET (including CERA)"];
function s52(las: [string, string, number][], drop?: string, extra?: string): string {
  const rows = [S52_HEAD];
  for (const [code, name, k] of las) {
    S52_LINES.forEach((l, i) => {
      if (l === drop) return;
      rows.push(`${code},${name}  ,${l},0,0,${k * (i + 1)},${k * (i + 1)},${k},${k * i}`);
    });
  }
  if (extra) rows.push(extra);
  return rows.join("\n") + "\n";
}
const S52 = s52([["201", "City of London", 1], ["820", "Bedfordshire", 10]]);

const LAIT = [
  "Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region",
  `CareApplications,"Cafcass Care applications per 10,000 child population",2018,England,11.9,970,`,
  `CareApplications,"Cafcass Care applications per 10,000 child population",2018,East of England,10.199999999999999,985,NA`,
  `CareApplications,"Cafcass Care applications per 10,000 child population",2018,Barnet,-,302,Outer London`,
  `SureStartFinance,Sure Start,2017-18 (OT),Barnet,1234567,302,Outer London`,
  `RTA,Road accidents,2014-16,Barnet,12.1,302,Outer London`,
].join("\n") + "\n";
const LAIT_BAD_YEAR = LAIT.replace("2018,Barnet,-", "2017-18,Barnet,-");

const CAFCASS = [
  "financial_year,care_applications_s31,figure_status,source_statement_date,source_url,source_type,quoted_text,alternative_figures_other_vintages",
  `2008-09,,NOT FOUND,,,,"No explicit 2008-09 annual total found.",`,
  `2010-11,9203,quoted,2015-04,http://example.org/a,table,"Total 9,203 (2010-11)","9,180 (July 2011)"`,
  `2017-18,14207,quoted,2018-04,http://example.org/b,press,"There were 14,207 such applications in the year to 31 March 2018",`,
].join("\n") + "\n";
const CAFCASS_MISQUOTED = CAFCASS.replace("2017-18,14207", "2017-18,14270");
const CAFCASS_TEXT = CAFCASS.replace("2017-18,14207", "2017-18,about 14k");
const CAFCASS_YEAR = CAFCASS.replace("2017-18,14207", "2017-19,14207");

const CENTRES = [
  "# Children's centres",
  "",
  "1. PQ 3237, answered 26 June 2015 — https://example.org/3237",
  "   | Number of centres | 2010 | 2011 | 2012 |",
  "   | Opened            | 0    | 1    | 2    |",
  "   | Closed            | 0    | 9    | 27   |",
  "",
  "2. PQ 55895, answered 6 December 2016 — https://example.org/55895",
  "   \"As at 31 October 2016 there were 3,259 main children's centres and sites open to families\"",
  "   2010: 0 | 2011: 12 | 2012: 27",
  "",
  "3. PQ on closed centres (example.org/7128), answered 2015:",
  "   \"Since 2010, 250 main children's centres have closed as at 30 June 2015 ... 2,677 main children's centres remain open,",
  "   along with 705 additional sites.\"",
  "",
  "4. GOV.UK news story (2011) —",
  "   \"on 8 September 2011 there were 3507 children's centres ... a statistical release in June 2010",
  "   that showed there were 3,631 children's centres in April 2010.\"",
  "",
  "5. PQ HL14383, answered March 2019:",
  "   \"Based on information supplied by local authorities as at 12 March 2019, 585 Sure Start children's centres had closed",
  "   since April 2010.\"",
  "",
  "6. Answer recorded 2019:",
  "   \"as at 31 May 2019, there were 2,353 children's centre and 700 linked sites open ...\"",
  "",
  "8. Sutton Trust, as reported:",
  "   official data \"show a 14 per cent drop in centre numbers from 3,632 to 3,123 between August 2009 and October 2017\".",
].join("\n") + "\n";

const IDS = {
  b3: "fx-b3", b3BadCategory: "fx-b3-bad-category", b3NoN1: "fx-b3-no-n1", a3: "fx-a3",
  wf: "fx-wf", s52: "fx-s52", s52NoCla: "fx-s52-no-cla", s52Twice: "fx-s52-twice", s52BadLa: "fx-s52-bad-la",
  lait: "fx-lait", laitBadYear: "fx-lait-bad-year", cafcass: "fx-cafcass", cafcassMisquoted: "fx-cafcass-misquoted", cafcassText: "fx-cafcass-text", cafcassYear: "fx-cafcass-year",
  notParquet: "fx-not-parquet",
};

let kit: Kit;
let restore: () => void;
const oldNoCache = process.env.CSC_NO_CACHE;

before(async () => {
  process.env.CSC_NO_CACHE = "1";
  kit = makeKit();
  kit.add(IDS.b3, "cin/b3.csv", B3);
  kit.add(IDS.b3BadCategory, "cin/b3-bad-category.csv", B3_BAD_CATEGORY);
  kit.add(IDS.b3NoN1, "cin/b3-no-n1.csv", B3_NO_N1);
  kit.add(IDS.a3, "cin/a3.csv", A3);
  kit.add(IDS.wf, "workforce/SFR08_2017_UD.csv", WF);
  kit.add(IDS.s52, "spending/outturn_0809.csv", S52);
  kit.add(IDS.s52NoCla, "spending/outturn_0809_no_cla.csv", s52([["201", "City of London", 1]], "14 Total Children Looked After"));
  kit.add(IDS.s52Twice, "spending/outturn_0809_twice.csv", s52([["201", "City of London", 1]], undefined, "201,City of London,5 Residential care,0,0,1,1,0,1"));
  kit.add(IDS.s52BadLa, "spending/outturn_0809_bad_la.csv", s52([["201", "City of London", 1]], undefined, "Total,England,5 Residential care,0,0,1,1,0,1"));
  kit.add(IDS.lait, "lait/lait.csv", LAIT);
  kit.add(IDS.laitBadYear, "lait/lait-bad-year.csv", LAIT_BAD_YEAR);
  kit.add(IDS.cafcass, "care/cafcass.csv", CAFCASS);
  kit.add(IDS.cafcassMisquoted, "care/cafcass-misquoted.csv", CAFCASS_MISQUOTED);
  kit.add(IDS.cafcassText, "care/cafcass-text.csv", CAFCASS_TEXT);
  kit.add(IDS.cafcassYear, "care/cafcass-year.csv", CAFCASS_YEAR);
  kit.add(IDS.notParquet, "lait/not.parquet", "Short Desc,Values\nLAC,1\n");
  kit.writeManifest();
  restore = kit.use();
  await fetchSources({ mirror: kit.mirror });
});

after(() => {
  restore();
  if (oldNoCache === undefined) delete process.env.CSC_NO_CACHE;
  else process.env.CSC_NO_CACHE = oldNoCache;
  fs.rmSync(kit.dir, { recursive: true, force: true });
});

const one = (rows: Obs[], q: Partial<Obs>): Obs => {
  const hits = rows.filter((o) => Object.entries(q).every(([k, v]) => (o as unknown as Record<string, unknown>)[k] === v));
  assert.equal(hits.length, 1, `${JSON.stringify(q)}: ${hits.length} observations`);
  return hits[0];
};
const LA_CODES = new Set(["201", "302", "420", "820", "841"]);

// ---------------------------------------------------------------------------------------------

test("primary need (b3): one observation per area and need; suppressed cells null with their marker", () => {
  const rows = b3Obs(readCsv(IDS.b3));
  assert.equal(rows.length, 4 * 11);
  const n1 = one(rows, { measure: "primaryNeedAbuseNeglect", year: "2017-18", level: "national" });
  assert.deepEqual([n1.value, n1.row, n1.col, n1.area], [530, 2, "N1_Abuse_or_neglect", "England"]);
  assert.equal(one(rows, { measure: "primaryNeedAll", year: "2017-18", level: "regional" }).value, 100);
  const scilly = one(rows, { measure: "primaryNeedAbuseNeglect", laCode: "420" });
  assert.deepEqual([scilly.value, scilly.marker], [null, "c"]);
  const darlington = one(rows, { measure: "primaryNeedNotStated", laCode: "841" });
  assert.deepEqual([darlington.year, darlington.value, darlington.marker], ["2012-13", null, ":"]);
  assert.equal(validateObs(rows, "fixture", { laCodes: LA_CODES }).length, rows.length);
});

test("primary need (b3): a renamed column names the file and the columns found; another category is refused", () => {
  assert.throws(() => b3Obs(readCsv(IDS.b3NoN1)), (e: Error) => e instanceof DataError && /column "N1_Abuse_or_neglect" not found in cin\/b3-no-n1\.csv; columns found: .*N1_Abuse, N2_Childs/.test(e.message));
  assert.throws(() => b3Obs(readCsv(IDS.b3BadCategory)), /cin\/b3-bad-category\.csv row 5: category "Factors at assessment"/);
});

test("primary need (a3): the characteristic goes after a colon in the measure", () => {
  const rows = a3Obs(readCsv(IDS.a3));
  assert.equal(one(rows, { measure: "primaryNeedAbuseNeglect:Total" }).value, 530);
  assert.equal(one(rows, { measure: "primaryNeedAll:Female Aged Under 1 year" }).col, "CIN_At31");
  const x = one(rows, { measure: "primaryNeedChildDisability:Female Aged Under 1 year" });
  assert.deepEqual([x.value, x.marker, x.year], [null, "x", "2017-18"]);
});

test("workforce SFR file: thousands separators read, markers kept, empty rows skipped, regions and LAs told apart", () => {
  const { rows, laRegion } = sfrWorkforceObs(readCsv(IDS.wf), "2016");
  const fte = one(rows, { measure: "fte", level: "national" });
  assert.deepEqual([fte.value, fte.year, fte.row, fte.col, fte.code], [27700, "2016", 2, "A1_FTE_ChildrensSocialWorkers_2016", "E92000001"]);
  assert.equal(one(rows, { measure: "workingDaysLost", level: "national" }).value, 244320);
  assert.equal(one(rows, { measure: "vacancyRate", level: "regional" }).area, "Outer London");
  const caseload = one(rows, { measure: "caseload", laCode: "841" });
  assert.deepEqual([caseload.value, caseload.marker], [null, ".."]);
  assert.deepEqual([one(rows, { measure: "absenceRate", laCode: "420" }).marker, one(rows, { measure: "fte", laCode: "420" }).marker], [".", "x"]);
  assert.equal(rows.length, 4 * 12);
  assert.equal(laRegion[`${IDS.wf}|4`], "North East");
  validateObs(rows, "fixture", { laCodes: LA_CODES });
  // 2015's file has no caseload column (optional); a column every year has must be there
  assert.throws(() => sfrWorkforceObs(readCsv(IDS.wf), "2015"), /column "A1_FTE_ChildrensSocialWorkers_2015" not found in workforce\/SFR08_2017_UD\.csv; columns found: .*A1_FTE_ChildrensSocialWorkers_2016/);
});

test("s52/s251 Table A1 (2008-09 layout): lines recognised by description, England summed from the LA rows", () => {
  const rows = s251EarlyObs(readCsv(IDS.s52), "2008-09");
  // line "5 Residential care" is the 2nd line of the fixture: LA value k * 2 (gross), k * 1 (net)
  assert.equal(one(rows, { measure: "s251:residential:gross", laCode: "820" }).value, 20);
  const eng = one(rows, { measure: "s251:residential:gross", level: "national" });
  assert.equal(eng.value, 2 + 20);
  assert.match(eng.derivedFrom!, /sum of the 2 LA rows whose line is "5 Residential care".*City of London in, the Isles of Scilly out/);
  assert.equal(one(rows, { measure: "s251:asylum:net", level: "national" }).value, 8 * 1 + 8 * 10);
  assert.equal(one(rows, { measure: "s251:total:gross", level: "national" }).value, 15 * 11);
  assert.equal(rows.filter((o) => o.measure.startsWith("s251:total:")).length, 6, "the line including CERA is not read as the total");
  assert.equal(one(rows, { measure: "s251:childTrustFund:gross", laCode: "201" }).value, 14);
  assert.equal(one(rows, { measure: "s251:cla:net", level: "national" }).col, "NET Current Expenditure (m)");
  validateObs(rows, "fixture", { laCodes: LA_CODES });
});

test("s52/s251 Table A1: a missing line, a line twice for one LA and a row without an LA code are errors naming the file", () => {
  assert.throws(() => s251EarlyObs(readCsv(IDS.s52NoCla), "2008-09"), /spending\/outturn_0809_no_cla\.csv: no line recognised as "cla" for 2008-09/);
  assert.throws(() => s251EarlyObs(readCsv(IDS.s52Twice), "2008-09"), /outturn_0809_twice\.csv: a line recognised as "residential" appears more than once for one LA/);
  assert.throws(() => s251EarlyObs(readCsv(IDS.s52BadLa), "2008-09"), /outturn_0809_bad_la\.csv row 18: "Total" in column "LEA Number:" is not a 3-digit LA code/);
});

test("LAIT: year labels follow each measure's convention", () => {
  assert.equal(laitYear("2018", "fyEnd"), "2017-18");
  assert.equal(laitYear("2018", "calendar"), "2018");
  assert.equal(laitYear("2017-18 (OT)", "fyOutturn"), "2017-18");
  assert.equal(laitYear("2017-19 (OT)", "fyOutturn"), null);
  assert.equal(laitYear("2014-16", "calendar"), null);
  assert.equal(laitYear("0", "fyEnd"), null);
});

test("LAIT rows: England, regions and LAs; '-' is a marker; other measures ignored; a year out of convention is an error", () => {
  const rows = laitObs(readCsv(IDS.lait), { CareApplications: { measure: "careApplicationsRate", year: "fyEnd", label: "" }, SureStartFinance: { measure: "laitSureStartGross", year: "fyOutturn", label: "" } });
  assert.equal(rows.length, 4);
  const eng = one(rows, { measure: "careApplicationsRate", level: "national" });
  assert.deepEqual([eng.value, eng.year, eng.code, eng.row], [11.9, "2017-18", "E92000001", 2]);
  const reg = one(rows, { measure: "careApplicationsRate", level: "regional" });
  assert.deepEqual([reg.area, reg.value, reg.laCode], ["East of England", 10.2, undefined]);
  const barnet = one(rows, { measure: "careApplicationsRate", level: "la" });
  assert.deepEqual([barnet.laCode, barnet.value, barnet.marker], ["302", null, "-"]);
  assert.equal(one(rows, { measure: "laitSureStartGross" }).year, "2017-18");
  validateObs(rows, "fixture", { laCodes: LA_CODES });
  assert.throws(() => laitObs(readCsv(IDS.laitBadYear), { CareApplications: { measure: "careApplicationsRate", year: "fyEnd", label: "" } }), /lait\/lait-bad-year\.csv row 4: Years "2017-18" is not a year such as "2018"/);
});

test("parquet reader: a file that is not parquet is a clear error naming it", () => {
  assert.throws(() => readParquet(IDS.notParquet), (e: Error) => e instanceof DataError && /lait\/not\.parquet is not a readable parquet file/.test(e.message));
});

test("Cafcass transcription: blank year null, figures checked against their quoted sentence", () => {
  const rows = cafcassObs(readCsv(IDS.cafcass));
  assert.deepEqual(rows.map((o) => [o.year, o.value, o.marker]), [["2008-09", null, ""], ["2010-11", 9203, undefined], ["2017-18", 14207, undefined]]);
  assert.equal(rows[1].col, "care_applications_s31");
  validateObs(rows, "fixture", { laCodes: LA_CODES });
  assert.throws(() => cafcassObs(readCsv(IDS.cafcassMisquoted)), /cafcass-misquoted\.csv row 4: 2017-18 gives 14270 care applications but its quoted sentence does not contain that number/);
  assert.throws(() => cafcassObs(readCsv(IDS.cafcassText)), /cafcass-text\.csv row 4, column "care_applications_s31": expected a number or a blank, found the text "about 14k"/);
  assert.throws(() => cafcassObs(readCsv(IDS.cafcassYear)), /financial_year "2017-19" is not a financial year/);
});

test("children's centres: figures found by their phrases, tables by year; a changed wording is an error naming the item", () => {
  const rows = centresObs(CENTRES, "fx-centres", "centres.md");
  const c2010 = one(rows, { measure: "childrensCentres", year: "2010" });
  assert.deepEqual([c2010.value, c2010.row], [3631, 18]);
  assert.equal(c2010.sheet, "item 4: GOV.UK news story (2011)");
  assert.equal(one(rows, { measure: "childrensCentresClosedSince2010", year: "2019" }).value, 585);
  assert.equal(one(rows, { measure: "childrensCentresClosedSince2010", year: "2019" }).row, 21);
  assert.equal(one(rows, { measure: "childrensCentreSites", year: "2019" }).value, 700);
  assert.deepEqual(rows.filter((o) => o.measure === "childrensCentresClosed" && o.sheet?.startsWith("item 1")).map((o) => [o.year, o.value]), [["2010", 0], ["2011", 9], ["2012", 27]]);
  assert.deepEqual(rows.filter((o) => o.measure === "childrensCentresClosed" && o.sheet?.startsWith("item 2")).map((o) => [o.year, o.value, o.row]), [["2010", 0, 10], ["2011", 12, 10], ["2012", 27, 10]]);
  assert.equal(one(rows, { measure: "childrensCentresOpened", year: "2012" }).col, 'table row "Opened", column 2012');
  validateObs(rows, "fixture", { laCodes: LA_CODES });
  assert.throws(() => centresObs(CENTRES.replace("585 Sure Start", "about 600 Sure Start"), "fx", "centres.md"), /centres\.md: item 5 \(PQ HL14383, answered March 2019\) does not say/);
  assert.throws(() => centresObs(CENTRES.replace("| Closed            | 0    | 9    | 27   |", "| Closed | 0 | 9 |"), "fx", "centres.md"), /centres\.md line 6: row "Closed" has 2 values for 3 years/);
  assert.throws(() => centresObs(CENTRES.replace(/^8\. /m, "9. "), "fx", "centres.md"), /centres\.md: no item 8\./);
});
