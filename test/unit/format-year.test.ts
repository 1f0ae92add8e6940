import { test } from "node:test";
import assert from "node:assert/strict";
import { fmtValue, fmtYear } from "../../src/format";

test("a year is written as a year, a decimal year as the month it falls in", () => {
  assert.equal(fmtYear(2019), "2019");
  assert.equal(fmtYear(2013 + 10.5 / 12), "November 2013");
  assert.equal(fmtYear(2013.6130952380952), "August 2013");
  assert.equal(fmtYear(2017.4354838709678), "June 2017");
  assert.equal(fmtYear(2014 + 11.99 / 12), "December 2014");
  assert.equal(fmtValue(2017.4354838709678, "year"), "June 2017");
  assert.equal(fmtValue(null, "year"), "–");
});
