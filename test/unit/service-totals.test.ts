import { test } from "node:test";
import assert from "node:assert/strict";
import { ro3ChildrenLines, ro3LineKey, serviceRow, upperTierByArea } from "../../src/data/tidy/service-totals";

// The readers of England's budget and outturn by service area and of RO3's children's social care lines.

const HEADER = ["E-code", "ONS Code", "Local authority", "Class", "Education services", "Highways and transport services", "Children Social Care", "Adult Social Care", "Public Health",
  "Housing services (GFRA only)", "Cultural and related services", "Environmental and regulatory services", "Planning and development services", "Police services", "Fire and rescue services",
  "Central services", "Other services", "Education services"];

test("serviceRow: the ENGLAND row of each service area, the first column of its name, markers kept", () => {
  const grid = [["Revenue outturn summary"], HEADER, ["E0101", "E06000022", "Bath", "UA", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 99], ["", "", "ENGLAND", "", 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, "..", 9999]];
  const o = serviceRow(grid, "rsService", "2017-18", "rs-rs-2017-18-data-by-la", "RS LA Data 2017-18", "f.xlsx");
  const by = Object.fromEntries(o.map((x) => [x.measure, x.value]));
  assert.equal(by["rsService:education"], 100);
  assert.equal(by["rsService:planning"], 900);
  assert.equal(by["rsService:other"], null);
  assert.equal(o.find((x) => x.measure === "rsService:other")!.marker, "..");
  assert.equal(o[0].row, 4);
  assert.equal(o.find((x) => x.measure === "rsService:socialCare"), undefined);
  const ra = [["E-code", "ONS Code", "Local authority", "Class", "TOTAL EDUCATION SERVICES", "TOTAL PLANNING AND DEVELOPMENT SERVICES"], ["", "", "ENGLAND", "", 5, 6]];
  assert.throws(() => serviceRow(ra, "raService", "2017-18", "ra", "s", "f.xls"), /found only 2 service areas/);
  assert.throws(() => serviceRow([HEADER], "rsService", "2017-18", "rs", "s", "f.xls"), /no ENGLAND row/);
});

test("upperTierByArea: the upper-tier authorities' values by E-code", () => {
  const grid = [HEADER, ["E0101", "E06000022", "Bath", "UA", 1, 2, 3], ["E1234", "E07000001", "A district", "SD", 7, 8, 9], ["", "", "ENGLAND", "", 100, 200, 300]];
  const m = upperTierByArea(grid, "rsService");
  assert.deepEqual([...m.keys()], ["E0101"]);
  assert.equal(m.get("E0101")!.get("childrenSocialCare")!.value, 3);
});

test("ro3ChildrenLines: the lines of children's social care before the first adult line, by key", () => {
  assert.equal(ro3LineKey("Children's social care: Sure start children's centres/flying start and early years"), "sure start childrens centres and early years");
  assert.equal(ro3LineKey("Children's social care - Children Looked After"), "children looked after");
  const grid = [
    ["", "", "", "", "Children's social care - Children Looked After", "", "Children's social care: Services for young people", "", "TOTAL CHILDREN SOCIAL CARE", "", "Supporting people ancillary expenditure", "", "Social care strategy - adults", ""],
    ["E-code", "ONS", "Local authority", "Class", "Total Expenditure", "Net Current Expenditure (C7)", "Total Expenditure", "Net Current Expenditure (C7)", "Total Expenditure", "Net Current Expenditure (C7)", "x", "Net Current Expenditure", "y", "Net Current Expenditure"],
    ["", "", "ENGLAND", "", 1, 3600, 2, 440, 3, 4040, 4, 2, 5, 65],
  ];
  const o = ro3ChildrenLines(grid, "2014-15", "ro3-2014-15-revision", "RO3", "f.xlsx");
  assert.deepEqual(o.map((x) => [x.measure, x.value]), [["ro3Line:children looked after", 3600], ["ro3Line:services for young people", 440]]);
  assert.equal(o[1].col, "Children's social care: Services for young people / Net Current Expenditure (C7)");
});
