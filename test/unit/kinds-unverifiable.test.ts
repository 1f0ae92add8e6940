import { test } from "node:test";
import assert from "node:assert/strict";
import { fixtureTables } from "../../src/claims/tables";
import { la, ofstedLa, runKind, SRC } from "./kind-fixtures";

// Kind `unverifiable`: what would settle a claim, with what the data that exists says around it.

test("unverifiable: the reason and what would settle it; no values, no evidence", async () => {
  const r = await runKind("unverifiable", fixtureTables(), { because: "no-open-data", why: "No open file counts the providers' survey answers.", settle: "the survey's own tables" });
  assert.equal(r.verdict, "unverifiable");
  assert.equal(r.reason, "no-open-data");
  assert.deepEqual(r.values, {});
  assert.deepEqual(r.evidence, []);
  assert.equal(r.explanation, "No open file counts the providers' survey answers. What would settle it: the survey's own tables.");
  const m = await runKind("unverifiable", fixtureTables(), { because: "method-statement", settle: "NAO Appendix Two" });
  assert.equal(m.explanation, "Source: NAO Appendix Two.");
  await assert.rejects(runKind("unverifiable", fixtureTables(), { settle: "x" }), /needs params\.because/);
  await assert.rejects(runKind("unverifiable", fixtureTables(), { because: "unknown", settle: "x" }), /needs params\.because/);
});

test("unverifiable: context from Ofsted's file (authorities judged Inadequate at a date)", async () => {
  const t = fixtureTables({
    authorities: [la("841", "Darlington"), la("302", "Barnet", "OLB")],
    ofsted: { authorities: [ofstedLa("841", "Darlington", 10, [["firstSif", "2016-01-01", "Inadequate"]]), ofstedLa("302", "Barnet", 11, [["firstSif", "2016-01-01", "Good"]])], nameIssues: [] },
  });
  const r = await runKind("unverifiable", t, { because: "not-in-mirror", context: "inadequateAt:2018-12-10", settle: "the Department's list of interventions" });
  assert.equal(r.facts.inadequate.value, 1);
  assert.deepEqual(r.evidence.map((e) => [e.source, e.rows, e.note]), [[SRC.ofsted, ["row 10 (Darlington)"], "context only"]]);
  await assert.rejects(runKind("unverifiable", t, { because: "not-in-mirror", context: "elsewhere" }), /unknown context "elsewhere"/);
});
