import { test } from "node:test";
import assert from "node:assert/strict";
import { fixtureTables } from "../../src/claims/tables";
import { findPassage, numbersIn } from "../../src/claims/kinds/quotation";
import { runKind } from "./kind-fixtures";

// Kind `quotation`: a figure one document attributes to another, read from the cited document's text.

const NAO = [
  "Summary",
  "16\tOur model suggests local authority characteristics account for 44% of variation between different local authorities over time in how they respond to demand for children’s social care.",
  "We found, however, that different levels of deprivation could account for 15% of the variation between local authorities’ use of child protection plans. We also found that a further 10% of this variation may be accounted for by changes which affect all local authorities at the same time.",
].join("\n");
const t = fixtureTables({ documents: { nao: NAO } });

test("quotation: the number the cited document prints, with its line as evidence", async () => {
  const r = await runKind("quotation", t, { cites: "nao", passage: "local authority characteristics account for 44% of variation" }, { document: "hcl" });
  assert.deepEqual(r.values, { value: 44 });
  assert.equal(r.basis, "cited");
  assert.deepEqual(r.evidence, [{
    source: "document:nao",
    file: "seeds/nao-2019-pressures-on-childrens-social-care.txt",
    rows: ["line 2"],
    columns: ["the cited document's text"],
    values: { passage: "local authority characteristics account for 44% of variation", figure: "44%" },
    note: "the figure as the cited document prints it",
  }]);
  assert.deepEqual(r.facts.quoted, { value: 44, what: "the figure NAO, Pressures on children's social care (HC 1868, January 2019) prints", source: "document:nao" });
});

test("quotation: straight quotes and spaces in the registry match the document's curly ones; the n-th number of a passage", async () => {
  const r = await runKind("quotation", t, { cites: "nao", passage: "deprivation could account for 15% of the variation between local authorities'  use of child protection plans. We also found that a further 10%", index: 2, role: "share" });
  assert.deepEqual(r.values, { share: 10 });
  const both = await runKind("quotation", t, { cites: "nao", passage: "local authority characteristics account for 44% of variation", roles: ["la", "approx"] });
  assert.deepEqual(both.values, { la: 44, approx: 44 });
  assert.deepEqual(r.evidence[0].rows, ["line 3"]);
});

test("quotation: a passage the cited document does not have is an error, not a finding", async () => {
  await assert.rejects(runKind("quotation", t, { cites: "nao", passage: "account for 50% of variation" }), /is not in NAO, Pressures on children's social care/);
  await assert.rejects(runKind("quotation", t, { cites: "nao", passage: "Our model suggests", index: 1 }), /the passage has 0 numbers, not a number 1/);
  await assert.rejects(runKind("quotation", t, { cites: "bbc", passage: "x" }), /parameter "cites" must name a document/);
});

test("quotation: numbers in a passage, financial years left out", () => {
  assert.deepEqual(numbersIn("between 2010-11 and 2017-18 spending rose by £1.2 billion, 7%, to 655,630").map((n) => [n.written, n.value]), [["£1.2 billion", 1.2], ["7%", 7], ["655,630", 655630]]);
  assert.deepEqual(findPassage("a\nb c\nd", "b   c"), { line: 2 });
  assert.equal(findPassage("a\nb c\nd", "b d"), null);
});
