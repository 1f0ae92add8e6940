import { test } from "node:test";
import assert from "node:assert/strict";
import { realTables } from "../../src/claims/tables";
import { runKind } from "../unit/kind-fixtures";

// The quotation kind on the documents themselves: the figures the Commons Library, the Committee and
// Community Care attribute to the NAO's model, read from the NAO's own text.

test("the NAO's text gives 44% for local authority characteristics, 15% for deprivation, 10% for time", async () => {
  const t = realTables();
  const la = await runKind("quotation", t, { cites: "nao", passage: "our model suggests these local authority characteristics account for approximately 44% of variation" }, { document: "hcl" });
  assert.deepEqual(la.values, { value: 44 });
  assert.match(la.evidence[0].rows[0], /^line \d+$/);
  const dep = await runKind("quotation", t, { cites: "nao", passage: "different levels of deprivation could account for 15% of the variation" });
  assert.deepEqual(dep.values, { value: 15 });
  const time = await runKind("quotation", t, { cites: "nao", passage: "a further 10% of this variation may be accounted for by changes which affect all local authorities at the same time" });
  assert.deepEqual(time.values, { value: 10 });
  // the Commons Library's "50%" is not the NAO's text
  await assert.rejects(runKind("quotation", t, { cites: "nao", passage: "account for 50% of variation" }), /is not in NAO/);
});
