import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeKit, Kit } from "../fixture-kit";
import { fetchSources } from "../../src/data/sources";
import { readCsv } from "../../src/data/readers";
import { sfr2010March, placementLayout2010, sumObs } from "../../src/data/tidy/cla";
import type { Obs } from "../../src/data/obs";

/** The fixtures folder (tests run from dist/test/unit). */
const FIXTURES = (() => {
  let d = __dirname;
  while (!fs.existsSync(path.join(d, "package.json"))) d = path.dirname(d);
  return path.join(d, "test", "fixtures", "cla");
})();

const IDS = {
  alphabetical: "fixture-cla-2010-march-alphabetical",
  header: "fixture-cla-2010-march-header-order",
  ambiguous: "fixture-cla-2010-march-ambiguous",
};

let kit: Kit;
let restore: () => void;
const oldNoCache = process.env.CSC_NO_CACHE;

before(async () => {
  process.env.CSC_NO_CACHE = "1";
  kit = makeKit();
  kit.add(IDS.alphabetical, "looked-after/SFR27_2010_March_alphabetical.csv", fs.readFileSync(path.join(FIXTURES, "SFR27_2010_March_alphabetical.csv")));
  kit.add(IDS.header, "looked-after/SFR27_2010_March_header_order.csv", fs.readFileSync(path.join(FIXTURES, "SFR27_2010_March_header_order.csv")));
  kit.add(IDS.ambiguous, "looked-after/SFR27_2010_March_ambiguous.csv", fs.readFileSync(path.join(FIXTURES, "SFR27_2010_March_ambiguous.csv")));
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

const pick = (rows: Obs[], measure: string, area: string) => {
  const hits = rows.filter((o) => o.measure === measure && o.area === area);
  assert.equal(hits.length, 1, `${measure} ${area}: ${hits.length} observations`);
  return hits[0];
};

test("2010 March file: values in alphabetical code order are read under their true codes", () => {
  const layout = placementLayout2010(readCsv(IDS.alphabetical), "MarPlace", "MarTotal_2010");
  assert.equal(layout.order, "alphabetical");
  // Q1 is the 14th code alphabetically: its values sit in the 19th column, headed MarPlace_R2_2010
  assert.equal(layout.columns.Q1.index, 18);
  assert.equal(layout.columns.Q1.heading, "MarPlace_R2_2010");
  const rows = sfr2010March(IDS.alphabetical);
  assert.equal(pick(rows, "claAt31March", "England").value, 6250);
  assert.equal(pick(rows, "claFoster", "England").value, 700 + 4000);
  assert.equal(pick(rows, "claSecureHomesSemiIndependent", "England").value, 20 + 500 + 100);
  assert.equal(pick(rows, "claOtherResidential", "England").value, 50 + 10 + 20 + 10);
  assert.equal(pick(rows, "claResidentialSchools", "England").value, 100);
  assert.equal(pick(rows, "claResidential", "England").value, 620 + 90 + 100);
  assert.equal(pick(rows, "claFoster", "Durham").value, 340);
  assert.equal(pick(rows, "claFoster", "North East").level, "regional");
  // every observation names the file, row and the columns actually read
  const f = pick(rows, "claFoster", "England");
  assert.equal(f.src, IDS.alphabetical);
  assert.equal(f.row, 2);
  assert.match(f.derivedFrom ?? "", /Q1 \(column 19, headed MarPlace_R2_2010\)/);
  assert.match(f.derivedFrom ?? "", /alphabetical code order/);
});

test("2010 March file in header order gives the same figures", () => {
  assert.equal(placementLayout2010(readCsv(IDS.header), "MarPlace", "MarTotal_2010").order, "header");
  const a = sfr2010March(IDS.alphabetical);
  const h = sfr2010March(IDS.header);
  for (const m of ["claFoster", "claSecureHomesSemiIndependent", "claOtherResidential", "claResidentialSchools", "claResidential"]) {
    for (const area of ["England", "North East", "Durham", "Darlington"]) {
      assert.equal(pick(h, m, area).value, pick(a, m, area).value, `${m} ${area}`);
    }
  }
});

test("a suppressed component makes the sum null with the marker kept, never 0 or a partial sum", () => {
  const rows = sfr2010March(IDS.alphabetical);
  const secure = pick(rows, "claSecureHomesSemiIndependent", "Darlington");
  assert.equal(secure.value, null);
  assert.equal(secure.marker, "x");
  const other = pick(rows, "claOtherResidential", "Darlington");
  assert.equal(other.value, null);
  assert.equal(other.marker, "x");
  const all = pick(rows, "claResidential", "Darlington");
  assert.equal(all.value, null);
  assert.equal(all.marker, "x");
  // components without a marker still add up
  assert.equal(pick(rows, "claFoster", "Darlington").value, 130);
  assert.equal(pick(rows, "claResidentialSchools", "Darlington").value, 2);
});

test("sumObs: null and marker from the first suppressed part", () => {
  const base: Obs = { measure: "a", year: "2010-11", level: "la", area: "X", code: "E1", value: 3, src: "s", row: 5, col: "A" };
  assert.equal(sumObs([base, { ...base, col: "B", value: 4 }], "t", "A + B").value, 7);
  const s = sumObs([base, { ...base, col: "B", value: null, marker: "c" }], "t", "A + B");
  assert.equal(s.value, null);
  assert.equal(s.marker, "c");
  assert.equal(s.col, "A + B");
  assert.match(s.derivedFrom ?? "", /row 5 \(X\): A \+ B/);
});

test("a 2010 file where neither column order is plausible is refused, naming the file", () => {
  assert.throws(() => sfr2010March(IDS.ambiguous), (e: Error) => {
    assert.match(e.message, /SFR27_2010_March_ambiguous\.csv/);
    assert.match(e.message, /cannot tell the order of the placement columns/);
    return true;
  });
});
