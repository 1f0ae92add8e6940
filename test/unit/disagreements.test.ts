import { test } from "node:test";
import assert from "node:assert/strict";
import { disagreements, whichReading } from "../../src/claims/disagreements";
import type { LedgerRow } from "../../src/claims/types";

const row = (over: Partial<LedgerRow>): LedgerRow => ({
  id: "x", document: "nao", location: "p", quote: "q", stated: [1323], recomputed: [1322.7], verdict: "confirmed", basis: "data", reading: { primary: "p", justification: "j", declared: "default" }, explanation: "", evidence: [],
  units: ["per10k"], roles: ["max"], written: ["1,323"], quantity: "cin-max", ...over,
});

test("a group whose numbers differ is listed, each statement with the reading that reproduces it", () => {
  const alt = [{ label: "Isles of Scilly included", kind: "inclusion" as const, values: { max: 1342.5 } }];
  const rows = [
    row({ id: "nao-s13", alternatives: alt }),
    row({ id: "pac-1", document: "pac", alternatives: alt }),
    row({ id: "cc-1", document: "cc", stated: [1343], written: ["1,343"], verdict: "rounding", alternatives: alt }),
    row({ id: "other", quantity: "alone" }),
  ];
  const d = disagreements(rows);
  assert.equal(d.length, 1);
  assert.equal(d[0].quantity, "cin-max");
  assert.deepEqual(d[0].statements.map((s) => [s.id, s.matches, s.matchKind]), [
    ["nao-s13", "the project's primary reading", "primary"],
    ["pac-1", "the project's primary reading", "primary"],
    ["cc-1", "Isles of Scilly included", "inclusion"],
  ]);
  assert.match(d[0].cause, /Community Care \(p\) writes 1,343: only Isles of Scilly included \(inclusion\) reproduces it/);
  assert.match(d[0].cause, /NAO \(p\) writes 1,323: the project's reading reproduces it/);
});

test("groups that agree are not listed; different terms for the same number are", () => {
  assert.deepEqual(disagreements([row({ id: "a" }), row({ id: "b", document: "pac" })]), []);
  const d = disagreements([row({ id: "a", term: "over 16" }), row({ id: "b", term: "16 and over" })]);
  assert.equal(d.length, 1);
});

test("qualified statements are read with their qualifier", () => {
  const r = row({ stated: [30], recomputed: [26], written: ["less than 30%"], units: ["percent"], qualifiers: ["less-than"] });
  assert.equal(whichReading(r, 0).kind, "primary");
  const r2 = row({ stated: [3], recomputed: [2.9], written: ["more than triple"], units: ["ratio"], qualifiers: ["more-than"] });
  assert.equal(whichReading(r2, 0).label, null);
});
