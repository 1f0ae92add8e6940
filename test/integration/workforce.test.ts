import { test } from "node:test";
import assert from "node:assert/strict";
import { ensureData, near, row, value } from "../helpers";
import { workforceTable } from "../../src/data/tidy/workforce";
import { tableFor } from "../../src/data/tidy/catalog";
import { vacancyRateFromLas } from "../../src/claims/kinds/ratio";
import { realTables } from "../../src/claims/tables";

const tables = realTables();

test("the workforce table: three vintages, England, regions and LAs", async () => {
  await ensureData();
  const t = workforceTable();
  assert.equal(tableFor("vacancyRate"), t);
  const fte = t.filter({ measure: "fte", year: "2017", level: "national" }).map((o) => [o.src, o.value]);
  assert.deepEqual(fte, [
    ["workforce-csww-headline-measures-2017-to-2022", 28495.7],
    ["workforce-csww-indicators-2017-to-2023", 28482.6],
    ["workforce-csww-indicators-2017-to-2025", 28482.6],
  ]);
  assert.equal(t.filter({ measure: "starters", year: "2017", level: "national", src: "workforce-csww-indicators-2017-to-2023" })[0].value, 5500.5);
  assert.equal(t.filter({ measure: "leavers", year: "2017", level: "national", src: "workforce-csww-headline-measures-2017-to-2022" })[0].col, "leaver_fte");
  assert.ok(t.filter({ measure: "vacancyRate", year: "2017", level: "la", src: "workforce-csww-headline-measures-2017-to-2022" }).length >= 145);
  assert.deepEqual(t.years("fte").slice(0, 3), ["2015", "2016", "2017"]);
});

test("nao-1-29-fte-2017: 28,495.7 FTE in the earliest vintage", async () => {
  near(await value("nao-1-29-fte-2017", "level"), 28495.7, 0.05);
  const r = await row("nao-1-29-fte-2017");
  assert.equal(r.verdict, "confirmed");
  assert.equal(r.evidence[0].file, "workforce/csww_headline_measures_2017_to_2022.csv");
  assert.deepEqual(r.alternatives?.map((a) => [a.kind, a.values.level]), [["revision", 28482.6], ["revision", 28482.6]]);
});

test("2013 and 2014 are not in the files: unverifiable, naming the release that would settle it", async () => {
  for (const id of ["nao-1-29-fte-2014-change", "nao-1-29-vacancy-2013", "nao-1-29-agency-2013"]) {
    const r = await row(id);
    assert.equal(r.recomputed, null, id);
    assert.equal(r.verdict, "unverifiable", id);
    assert.match(r.explanation, /Children's social work workforce/, id);
    assert.match(r.explanation, /not in the mirror/, id);
  }
  assert.equal(await value("nao-1-29-fte-2014-change", "pctChange"), null);
  assert.equal(await value("nao-1-29-fte-2014-change", "from"), null);
});

test("nao-1-29-vacancy-2017 and nao-1-29-agency-2017: 17.0% and 15.8%", async () => {
  near(await value("nao-1-29-vacancy-2017", "level"), 17.0, 0.001);
  assert.equal((await row("nao-1-29-vacancy-2017")).verdict, "confirmed");
  near(await value("nao-1-29-agency-2017", "level"), 15.8, 0.001);
  assert.equal((await row("nao-1-29-agency-2017")).verdict, "confirmed");
});

test("nao-1-29-vacancy-regions: Yorkshire and The Humber 7.8%, Outer London 27.3%", async () => {
  near(await value("nao-1-29-vacancy-regions", "yorkshire"), 7.8, 0.001);
  near(await value("nao-1-29-vacancy-regions", "outerLondon"), 27.3, 0.001);
  const r = await row("nao-1-29-vacancy-regions");
  assert.equal(r.verdict, "confirmed");
  assert.match(r.explanation, /from 7\.8% \(Yorkshire and The Humber\) to 25\.7% \(London\)/);
  assert.ok(r.evidence[0].columns.includes("vacancy_rate_fte_%"));
});

test("a region's vacancy rate from its LA rows (FTE-weighted) matches the regional row", async () => {
  await ensureData();
  const ol = vacancyRateFromLas(tables, "2017", "workforce-csww-headline-measures-2017-to-2022", "Outer London");
  assert.ok(ol);
  near(ol.rate, 27.3, 0.05, "Outer London");
  assert.equal(ol.las, 18); // Kingston upon Thames and Richmond upon Thames make one joint return
  const yh = vacancyRateFromLas(tables, "2017", "workforce-csww-indicators-2017-to-2025", "Yorkshire and the Humber");
  near(yh?.rate ?? null, 7.8, 0.05, "Yorkshire and The Humber");
});
