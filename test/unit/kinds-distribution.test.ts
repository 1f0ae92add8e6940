import { test } from "node:test";
import assert from "node:assert/strict";
import { fixtureTables } from "../../src/claims/tables";
import { CIN_EES } from "../../src/data/tidy/cin";
import { SRC, eng, la, laObs, runKind } from "./kind-fixtures";

// Kind `distribution`: where values lie across authorities (or years).

const B1 = CIN_EES["2020"].b1;
/** Four authorities of 2017-18: the Isles of Scilly (tiny) has the highest rate, Bexley the lowest. */
const AUTHORITIES = [la("420", "Isles of Scilly"), la("841", "Darlington"), la("303", "Bexley", "OLB"), la("302", "Barnet", "OLB"), la("999", "Nowhere")];

function rateTables() {
  return fixtureTables({
    authorities: AUTHORITIES,
    obs: [
      laObs("cinEpisodesRate", "2017-18", "420", "Isles of Scilly", 1342.5, B1, 100, { col: "episodes_rate" }),
      laObs("cinEpisodesRate", "2017-18", "841", "Darlington", 900, B1, 101, { col: "episodes_rate" }),
      laObs("cinEpisodesRate", "2017-18", "303", "Bexley", 400, B1, 102, { col: "episodes_rate" }),
      laObs("cinEpisodesRate", "2017-18", "302", "Barnet", 600, B1, 103, { col: "episodes_rate" }),
      // an authority whose rate is suppressed
      laObs("cinEpisodesRate", "2017-18", "999", "Nowhere", null, B1, 104, { col: "episodes_rate" }),
      laObs("cinEpisodes", "2017-18", "420", "Isles of Scilly", 28, B1, 100),
      laObs("dfePopulation0to17", "2017-18", "420", "Isles of Scilly", 209, CIN_EES["2020"].pop, 7),
    ],
  });
}

test("distribution/rates: the ends under the inclusion choice, the other choice an alternative", async () => {
  const t = rateTables();
  const out = await runKind("distribution", t, { of: "rates", measure: "cinEpisodesRate", year: "2017-18", release: "2020", tiny: "exclude" });
  assert.deepEqual(out.values, { min: 400, max: 900 });
  assert.deepEqual(out.alternatives![0], { label: "the Isles of Scilly and the City of London included (2020 release)", kind: "inclusion", values: { min: 400, max: 1342.5 } });
  assert.equal(out.reading, "the Isles of Scilly and the City of London left out (DfE EES release of October 2020 (rates as first published))");
  assert.deepEqual(out.evidence[0].rows, ["row 102 (Bexley)", "row 101 (Darlington)", "row 100 (Isles of Scilly)"]);
  assert.deepEqual(out.facts.max, { value: 900, what: "highest LA rate of children-in-need episodes in the year per 10,000", period: "2017-18", area: "Darlington", source: B1, unit: "per10k", reading: "the Isles of Scilly and the City of London left out" });
  assert.equal(out.facts.maxOther.area, "Isles of Scilly");
  assert.match(out.explanation, /4 of 5 authorities have a rate \(not given: Nowhere "c"\)/);
  assert.match(out.explanation, /1,342\.5 is Isles of Scilly's \(28 episodes among 209 children aged 0-17\)/);

  const incl = await runKind("distribution", t, { measure: "cinEpisodesRate", year: "2017-18", release: "2020", tiny: "include", ends: ["max"] });
  assert.deepEqual(incl.values, { max: 1342.5 });
});

test("distribution/rates: the median (tiny authorities in by default), the mean an alternative", async () => {
  const r = await runKind("distribution", rateTables(), { measure: "cinEpisodesRate", year: "2017-18", release: "2020", stat: "median" });
  assert.deepEqual(r.values, { median: 750 });
  assert.deepEqual(r.alternatives!.slice(0, 2).map((a) => [a.kind, a.values.median]), [["definition", (1342.5 + 900 + 400 + 600) / 4], ["inclusion", 600]]);
  // the two middle authorities, then every rate
  assert.deepEqual(r.evidence[0].rows, ["row 103 (Barnet)", "row 101 (Darlington)"]);
  assert.deepEqual(r.evidence[1].rows, ["4 LA rows"]);
  assert.equal(r.facts.median.value, 750);
});

test("distribution/dataset: highest, n-th lowest, one authority, counts and a share, with the authority the document names", async () => {
  const src = SRC.claRates2022;
  const t = fixtureTables({
    obs: [
      laObs("claRate", "2019-20", "888", "Blackpool", 200, src, 10),
      laObs("claRate", "2019-20", "872", "Wokingham", 22, src, 11),
      laObs("claRate", "2019-20", "841", "Darlington", 110, src, 12),
      laObs("claRate", "2019-20", "302", "Barnet", 35, src, 13),
      laObs("claRate", "2019-20", "839", "Bournemouth, Christchurch and Poole", null, src, 14, { marker: "z" }),
    ],
  });
  const r = await runKind("distribution", t, {
    of: "dataset", dataset: "claRate", year: "2019-20",
    roles: { max: "max", second: "rank:low:2", darlington: "la:Darlington", over100: "countAbove:100", most: "shareBetween:30:150" },
    expect: { max: "Middlesbrough" },
  });
  assert.deepEqual(r.values, { max: 200, second: 35, darlington: 110, over100: 2, most: 50 });
  assert.match(r.explanation, /Highest: Blackpool 200\.0; the document names Middlesbrough, which is not in the data\./);
  assert.match(r.explanation, /rows marked not applicable \[z\] for authorities that did not exist then: Bournemouth, Christchurch and Poole/);
  assert.deepEqual(r.evidence[r.evidence.length - 1], { source: src, file: "looked-after/ees_release_2022_data_2018_to_2022/cla_number_and_rate_per_10k_children.csv", rows: ["5 LA rows (rows 10–14), ranked"], columns: ["claRate"], note: "distribution across LAs, year 2019-20" });
  assert.deepEqual(r.facts.max, { value: 200, what: "highest children looked after at 31 March 2020 per 10,000 children aged under 18", period: "2019-20", area: "Blackpool", source: src, unit: "per10k" });
  assert.equal(r.facts.over100.value, 2);
  // left out by name
  const x = await runKind("distribution", t, { of: "dataset", dataset: "claRate", year: "2019-20", roles: { max: "max" }, exclude: ["Blackpool"] });
  assert.deepEqual(x.values, { max: 110 });
});

test("distribution/years: the peak of an England series and the year of 31 March it fell in", async () => {
  const t = fixtureTables({
    obs: [
      eng("cppAt31March", "2016-17", 51080, SRC.cinB1, 3),
      eng("cppAt31March", "2017-18", 53790, SRC.cinB1, 4),
      eng("cppAt31March", "2018-19", 52260, SRC.cinB1, 5),
    ],
  });
  const r = await runKind("distribution", t, { of: "years", measure: "cppAt31March", from: "2016-17", to: "2018-19" });
  assert.deepEqual(r.values, { peak: 53790, peakYear: 2018 });
  assert.deepEqual(r.evidence[0].rows, ["row 3 (England)", "row 4 (England)", "row 5 (England)"]);
  assert.equal(r.facts.peak.period, "2017-18");
});
