import { test } from "node:test";
import assert from "node:assert/strict";
import { fixtureTables } from "../../src/claims/tables";
import { documentNumbers, runKind } from "./kind-fixtures";

// Kind `arithmetic`: what a document's other numbers imply; no table is read.

const near = (a: number | null | undefined, b: number, tol = 1e-9) => assert.ok(a !== null && a !== undefined && Math.abs(a - b) <= tol, `${a} is not ${b}`);

const DOC = documentNumbers([
  { id: "t-2010", location: "Table 3", stated: [{ role: "cash", written: "£6.65 billion", unit: "gbp_bn", value: 6.65, tolerance: 0.005 }] },
  { id: "t-2020", location: "Table 3", stated: [{ role: "cash", written: "£9,930 million", unit: "gbp_m", value: 9930, tolerance: 5 }] },
  { id: "t-prev", location: "Table 5", stated: [{ role: "from", written: "17%", unit: "percent", value: 17, tolerance: 0.5 }, { role: "to", written: "16%", unit: "percent", value: 16, tolerance: 0.5 }] },
  { id: "t-vac", location: "Table 6", stated: [{ role: "a", written: "0.0%", unit: "percent", value: 0, tolerance: 0.05 }, { role: "b", written: "41.0%", unit: "percent", value: 41, tolerance: 0.05 }, { role: "c", written: "12.0%", unit: "percent", value: 12, tolerance: 0.05 }] },
  { id: "t-staff", location: "Table 6", stated: [{ role: "leavers", written: "4,800", unit: "count", value: 4800, tolerance: 50 }, { role: "fte", written: "30,000", unit: "count", value: 30000, tolerance: 500 }] },
]);
const t = fixtureTables();

test("arithmetic: a percentage change between money written in £ billion and £ million, with the range the rounding allows", async () => {
  const r = await runKind("arithmetic", t, { relation: "pctChange", inputs: ["t-2010:cash", "t-2020:cash"], role: "pct" }, { documentNumber: DOC, document: "hcl" });
  near(r.values.pct, (100 * (9.93e9 - 6.65e9)) / 6.65e9);
  assert.equal(r.internal, true);
  // the widest the change can be with each input anywhere within its rounding
  near(r.dataTolerance!.pct, Math.max((100 * (9.935e9 - 6.645e9)) / 6.645e9 - r.values.pct!, r.values.pct! - (100 * (9.925e9 - 6.655e9)) / 6.655e9));
  assert.deepEqual(r.evidence, [{
    source: "document:hcl",
    file: "seeds/commons-library-2021-cbp8543.txt",
    rows: ["Table 3 (t-2010:cash)", "Table 3 (t-2020:cash)"],
    columns: ["the document's own numbers"],
    values: { "t-2010:cash": 6.65e9, "t-2020:cash": 9.93e9 },
    note: "internal consistency: the recomputed value follows from the document's other numbers, not from a data file",
  }]);
  assert.equal(r.facts.input1.value, 6.65e9);
  near(r.facts.result.value, r.values.pct!);
});

test("arithmetic: a change of two percentages is also given in points", async () => {
  const r = await runKind("arithmetic", t, { relation: "pctChange", inputs: ["t-prev:from", "t-prev:to"], role: "pct" }, { documentNumber: DOC, document: "hcl" });
  near(r.values.pct, (100 * (16 - 17)) / 17);
  assert.match(r.explanation, /as a change in percentage points it is -1\.0 points/);
});

test("arithmetic: complement, a rate as the document defines it, and a count of its own entries", async () => {
  const comp = await runKind("arithmetic", t, { relation: "complement", inputs: ["t-prev:from"], roles: ["statutory"] }, { documentNumber: DOC, document: "hcl" });
  assert.deepEqual(comp.values, { statutory: 83 });
  assert.deepEqual(comp.dataTolerance, { statutory: 0.5 });
  const rate = await runKind("arithmetic", t, { relation: "rate", numerator: ["t-staff:leavers"], denominator: ["t-staff:fte"], role: "from" }, { documentNumber: DOC, document: "hcl" });
  near(rate.values.from, 16);
  near(rate.dataTolerance!.from, Math.max((100 * 4850) / 29500 - 16, 16 - (100 * 4750) / 30500));
  const n = await runKind("arithmetic", t, { relation: "count", inputs: ["t-vac:a", "t-vac:b", "t-vac:c"], test: "gt:39", role: "over39" }, { documentNumber: DOC, document: "hcl" });
  assert.deepEqual(n.values, { over39: 1 });
  assert.match(n.explanation, /1 of its 3 entries \(0\.0%, 41\.0%, 12\.0%\) are above 39: 41\.0%/);
});

test("arithmetic: a claim may not read its own numbers, and an unknown relation is an error", async () => {
  const self = (ref: string) => {
    if (ref.startsWith("me:")) throw new Error(`claim "me": a check may not read its own stated values (${ref})`);
    return DOC!(ref);
  };
  await assert.rejects(runKind("arithmetic", t, { relation: "sum", inputs: ["me:x"] }, { id: "me", documentNumber: self }), /may not read its own stated values/);
  await assert.rejects(runKind("arithmetic", t, { relation: "mean", inputs: [] }, { documentNumber: DOC }), /unknown relation "mean"/);
});
