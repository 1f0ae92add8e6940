import { test } from "node:test";
import assert from "node:assert/strict";
import { DeflatorPoint, deflatorIndex, realChange, realTerms } from "../../src/data/tidy/spending-deflator";

// A small series shaped like HM Treasury's file: outturn indices, then forecast years with "-"
// (null) for the index and only a per cent change.
const SERIES: DeflatorPoint[] = [
  { year: "2013-14", index: 91.932775, growth: 1.9293988642083804 },
  { year: "2016-17", index: 96.245425, growth: 2.3676775046838703 },
  { year: "2017-18", index: 97.908175, growth: 1.7276145853166553 },
  { year: "2018-19", index: 100, growth: 2.1365172009385325 },
  { year: "2019-20", index: null, growth: 1.916868962219013 },
  { year: "2020-21", index: null, growth: 1.970103230156269 },
];

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${a} is not within ${tol} of ${b}`);

test("deflatorIndex returns an outturn index as it is", () => {
  const r = deflatorIndex(SERIES, "2017-18");
  assert.equal(r.forecast, false);
  close(r.index, 97.908175);
});

test("deflatorIndex chains forecast growth onto the last outturn index", () => {
  const a = deflatorIndex(SERIES, "2019-20");
  assert.equal(a.forecast, true);
  close(a.index, 101.916868962219013, 1e-9);
  const b = deflatorIndex(SERIES, "2020-21");
  close(b.index, 100 * 1.01916868962219013 * 1.01970103230156269, 1e-9);
});

test("deflatorIndex does not depend on the order of the series", () => {
  const shuffled = [SERIES[4], SERIES[0], SERIES[3], SERIES[5], SERIES[1], SERIES[2]];
  close(deflatorIndex(shuffled, "2020-21").index, deflatorIndex(SERIES, "2020-21").index);
});

test("deflatorIndex refuses a year outside the series, a gap without growth, and a series with no index", () => {
  assert.throws(() => deflatorIndex(SERIES, "2009-10"), /2009-10 is not in the deflator series \(2013-14 to 2020-21\)/);
  assert.throws(() => deflatorIndex([], "2017-18"), /no years/);
  assert.throws(() => deflatorIndex([{ year: "2018-19", index: 100, growth: 2 }, { year: "2019-20", index: null, growth: null }], "2019-20"), /no index and no growth figure for 2019-20/);
  assert.throws(() => deflatorIndex([{ year: "2019-20", index: null, growth: 1.9 }], "2019-20"), /no index at or before 2019-20/);
  // a zero or negative index is not an index: chained from the year before instead
  close(deflatorIndex([{ year: "2018-19", index: 100, growth: null }, { year: "2019-20", index: 0, growth: 2 }], "2019-20").index, 102);
});

test("realTerms expresses a cash amount in another year's prices", () => {
  // residential care 2013-14, net, £ million, in 2017-18 prices
  close(realTerms(957.41957691, "2013-14", "2017-18", SERIES), 957.41957691 * (97.908175 / 91.932775));
  close(realTerms(1021.0, "2013-14", "2017-18", SERIES), 1087.3624, 1e-3);
  // the amount of the target year is unchanged
  close(realTerms(1247.1, "2017-18", "2017-18", SERIES), 1247.1);
  // into a forecast year's prices
  close(realTerms(100, "2018-19", "2019-20", SERIES), 101.916868962219013);
});

test("realChange is the change in constant prices and does not depend on the price base", () => {
  const a = realChange(957.4, "2013-14", 1247.1, "2017-18", SERIES);
  close(a, (100 * (1247.1 - 957.4 * (97.908175 / 91.932775))) / (957.4 * (97.908175 / 91.932775)));
  close(realChange(957.4, "2013-14", 1247.1, "2017-18", SERIES, "2018-19"), a, 1e-9);
  close(realChange(957.4, "2013-14", 1247.1, "2017-18", SERIES, "2013-14"), a, 1e-9);
  // no inflation, no growth: a cash rise equal to inflation is no real change
  close(realChange(91.932775, "2013-14", 97.908175, "2017-18", SERIES), 0, 1e-9);
  assert.throws(() => realChange(0, "2013-14", 10, "2017-18", SERIES), /starting amount is 0/);
});
