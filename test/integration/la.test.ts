import { test } from "node:test";
import assert from "node:assert/strict";
import { ensureData } from "../helpers";
import { authoritiesExisting, authoritiesIn, laByCode, laByName, laByOnsCode, normaliseLaName, isTiny, BOUNDARY_CHANGES } from "../../src/data/la";

test("LA codes: 152 authorities until March 2019, 151 after, 152 again from 2021", async () => {
  await ensureData();
  assert.equal(authoritiesExisting("2017-18").length, 152);
  assert.equal(authoritiesExisting("2018-19").length, 152);
  assert.equal(authoritiesExisting("2019-20").length, 151);
  assert.equal(authoritiesExisting("2021-22").length, 152);
  for (const fy of ["2017-18", "2019-20", "2021-22", "2023-24"]) assert.equal(authoritiesExisting(fy).length, authoritiesIn(fy), fy);
  assert.deepEqual(BOUNDARY_CHANGES[0].from, ["837", "836", "835"]);
});

test("LA codes: old 3-digit and ONS codes, spellings, tiny authorities", async () => {
  await ensureData();
  assert.equal(laByCode("420").name, "Isles of Scilly");
  assert.deepEqual(laByCode("420").onsCodes, ["E06000053"]);
  assert.equal(laByOnsCode("E09000001")?.laCode, "201");
  assert.equal(laByName("Kingston upon Hull, City of")?.laCode, "810");
  assert.equal(laByName("Herefordshire, County of")?.laCode, "884");
  assert.equal(laByName("St. Helens")?.laCode, "342");
  assert.equal(normaliseLaName("Bristol, City of"), "bristol");
  assert.ok(isTiny("420") && isTiny("201") && !isTiny("841"));
  assert.throws(() => laByCode("999"), /unknown LA code "999"/);
});
