import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { ensureData, MIRROR, ROOT } from "../helpers";
import { buildLedger } from "../../src/claims/ledger";
import { CAUSES, disagreements, findGroups, summarise } from "../../src/claims/disagreements";
import type { LedgerRow } from "../../src/claims/types";

let ledger: LedgerRow[] | undefined;
async function rows(): Promise<LedgerRow[]> {
  await ensureData();
  ledger ??= await buildLedger();
  return ledger;
}

test("the finder on the real ledger: quantities stated more than once, pairs that differ, and how many the data explain", async () => {
  const s = summarise(await rows());
  assert.equal(s.statedMoreThanOnce, 75);
  assert.equal(s.pairs, 230);
  assert.equal(s.differing, 31);
  assert.equal(s.explained, 31);
  assert.equal(s.explainedByData, 22);
  assert.deepEqual([s.across, s.within], [24, 7]);
  // inside one document, the numbers that contradict each other are the NAO's "more than triple" against "almost triple"
  assert.deepEqual([s.withinContradictions, s.withinWithInconsistentRow, s.inconsistentRows], [3, 0, 5]);
  assert.deepEqual(s.byCause, { vintage: 0, period: 13, inclusion: 2, definition: 8, "cash-or-real": 0, misquotation: 5, arithmetic: 0, error: 3, unexplained: 0 });
  // every quantity's statements are in one unit once normalised
  assert.deepEqual(findGroups(await rows()).filter((g) => g.incomparable > 0).map((g) => g.quantity), []);
});

test("each difference has the data's answer and a cause derived from the rows", async () => {
  const list = disagreements(await rows());
  const q = (name: string) => {
    const d = list.find((x) => x.quantity === name);
    assert.ok(d, `${name} is listed`);
    return d!;
  };
  for (const d of list) for (const p of d.differing) assert.ok(CAUSES.includes(p.cause), `${p.a.id} ~ ${p.b.id}: ${p.cause}`);
  // 1,323 (NAO, PAC) against 1,343 (Community Care): the Isles of Scilly left out or in
  const max = q("cin-episodes-rate-max-2017-18");
  assert.deepEqual(max.differing.map((p) => [p.a.id, p.b.id, p.cause]), [["cc-cin-rate-max", "nao-s13-cin-rate-max", "inclusion"], ["cc-cin-rate-max", "pac-c1-cin-rate-max", "inclusion"]]);
  assert.equal(max.data, 1342.5);
  assert.match(max.statements.find((s) => s.id === "nao-s13-cin-rate-max")!.matches!, /left out/);
  // Community Care's start year: its 77% is reproduced only from 2010-11; from 2011-12 the data give 59%
  const s47 = q("s47-change-2010-11-to-2017-18").differing;
  assert.equal(s47.length, 4);
  for (const p of s47) {
    assert.equal(p.a.id, "cc-activity-changes");
    assert.equal(p.cause, "period");
    assert.equal(Math.round(p.dataA!), 59);
    assert.equal(Math.round(p.dataB! * 10) / 10, 77.3);
  }
  // 44% against 50% and "almost half": citations the NAO does not bear out
  assert.deepEqual(q("model-la-effects-share").differing.map((p) => [p.a.id, p.cause]), [
    ["cc-la-almost-half-44", "misquotation"], ["cc-la-almost-half-44", "misquotation"], ["hcl-la-50", "misquotation"], ["hcl-la-50", "misquotation"],
  ]);
  // "more than triple" against "almost triple" inside the NAO: the data (2.90) confirm "almost" and contradict "more than"
  const triple = q("cla-growth-vs-population").differing;
  assert.deepEqual(triple.map((p) => [p.within, p.cause]), [[true, "error"], [true, "error"], [true, "error"]]);
  assert.ok(triple.every((p) => [p.a.id, p.b.id].includes("nao-s9-cla-change")));
  // Community Care's reader's 50% against the NAO's 49.1%: other periods, and no data held reproduce either
  // and its row read as a citation of the NAO's 49.1%: a misquotation
  assert.deepEqual(q("la-government-funding-change-2010-11-to-2017-18").differing.map((p) => [p.a.id, p.b.id, p.cause, p.fromData]), [["cc-reader-funding-cut-50-nao", "nao-2-18-funding-and-spending-power", "misquotation", true], ["cc-reader-funding-cut-50", "nao-2-18-funding-and-spending-power", "period", false]]);
  // "over 16" against "16 and over": a definition
  assert.deepEqual(q("cla-starters-16-plus-change").differing.map((p) => p.cause), ["definition"]);
  // no pair is left unexplained
  assert.deepEqual(list.flatMap((d) => d.differing.filter((p) => p.cause === "unexplained").map((p) => d.quantity)), []);
});

test("the briefing's placement ranking is inconsistent with its own table", async () => {
  const r = (await rows()).find((x) => x.id === "hcl-2-4-secure-homes-second")!;
  assert.equal(r.verdict, "inconsistent");
  assert.equal(r.basis, "document");
  // foster first, "other settings" (8,320) second, secure units and children's homes (6,920) third
  assert.deepEqual([r.stated, r.recomputed], [[2], [3]]);
});

test("rows without a quantity state only dates, durations, survey waves or ranks", async () => {
  const loose = (await rows()).filter((r) => !r.quantity);
  const dateLike = /\b(19|20)\d{2}\b|years?\b|weeks?\b|\b(january|february|march|april|may|june|july|august|september|october|november|december)\b|^\d{1,2}$|top three/i;
  for (const r of loose) for (const w of r.written) assert.match(w, dateLike, `${r.id} states ${w} without a quantity`);
});

test("csc-factcheck disagreements prints the finder's output", async () => {
  await ensureData();
  const run = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin", "csc-factcheck.js"), "disagreements", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CSC_DATA_MIRROR: MIRROR } });
  const json = run(["--format", "json"]);
  assert.equal(json.status, 0, json.stderr);
  const out = JSON.parse(json.stdout);
  assert.deepEqual(out.summary, summarise(await rows()));
  assert.equal(out.disagreements.length, 11);
  assert.deepEqual(out.inconsistent.map((r: { id: string }) => r.id).sort(), ["hcl-2-4-secure-homes-second", "hcl-5-1-five-none-consistency", "hcl-5-definition-agency-rate-2017", "hcl-5-definition-agency-rate-2020", "nao-1-22-care-applications"]);
  assert.match(json.stderr, /^75 of \d+ quantities are stated more than once \(230 pairs of statements\); 31 pairs differ/m);
  const table = run([]);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /== cin-episodes-rate-max-2017-18\n {2}The data: 1,342\.5 per 10,000\. Causes: inclusion\./);
  assert.match(table.stdout, /== A document against its own numbers\n.*15\.8% → its own numbers give 18\.7% \[hcl-5-definition-agency-rate-2017\]/);
  assert.match(table.stdout, / {2}\* period: 77% \[cc-activity-changes\] against 77% \[nao-s8-referrals-vs-s47\] \(differ: period, reading\); the data: 59\.0% \/ 77\.3%;/);
});

test("notebook 08's card stops when the notebook's comparison is not the finder's", async () => {
  await ensureData();
  const nb = await import("../../src/notebooks/disagreements");
  await assert.rejects(nb.disagreement("cla-growth-vs-population", []), /the notebook's comparison of cla-growth-vs-population is not the finder's/);
  const st = (await nb.ledger()).filter((r) => r.quantity === "cla-growth-vs-population" || Object.values(r.quantities ?? {}).includes("cla-growth-vs-population"));
  assert.equal(st.length, 4);
});
