import { test } from "node:test";
import assert from "node:assert/strict";
import { ensureData } from "../helpers";
import { buildLedger } from "../../src/claims/ledger";
import { disagreements } from "../../src/claims/disagreements";

test("the disagreement list is generated from the registry and says which reading reproduces each number", async () => {
  await ensureData();
  const list = disagreements(await buildLedger());
  const q = (name: string) => {
    const d = list.find((x) => x.quantity === name);
    assert.ok(d, `${name} is listed`);
    return d!;
  };
  // 1,323 (NAO, PAC) vs 1,343 (Community Care): the Isles of Scilly left out or in
  const max = q("cin-episodes-rate-max-2017-18");
  const byDoc = Object.fromEntries(max.statements.map((s) => [s.id, s]));
  assert.equal(byDoc["nao-s13-cin-rate-max"].written, "1,323");
  assert.match(byDoc["nao-s13-cin-rate-max"].matches!, /left out/);
  assert.equal(byDoc["cc-cin-rate-max"].written, "1,343");
  assert.match(byDoc["cc-cin-rate-max"].matches!, /included/);
  // Community Care's start year: its 77% is reproduced only from 2010-11
  const s47 = q("s47-change-2010-11-to-2017-18").statements.find((s) => s.id === "cc-activity-changes")!;
  assert.equal(s47.matchKind, "period");
  assert.match(s47.matches!, /2010-11/);
  // almost vs more than triple
  const triple = q("cla-growth-vs-population").statements;
  assert.deepEqual(triple.filter((s) => s.matches === null).map((s) => s.written), ["more than triple"]);
  // 44% vs 50%
  const la = q("model-la-effects-share").statements.map((s) => s.written).sort();
  assert.ok(la.includes("44%") && la.includes("50%"));
  // "over 16" vs "16 and over"
  assert.equal(new Set(q("cla-starters-16-plus-change").statements.map((s) => s.term)).size, 2);
});
