/** The whole ledger, scanned for what must never appear in it. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ensureData } from "../helpers";
import { buildLedger } from "../../src/claims/ledger";
import { toJson } from "../../src/claims/writers";
import { VERDICTS } from "../../src/claims/types";

test("the full ledger has no NaN or Infinity, and no confirmed or rounding row without evidence from a file", async () => {
  await ensureData();
  const rows = await buildLedger();
  assert.ok(rows.length >= 54, `${rows.length} rows`);
  const json = toJson(rows);
  assert.doesNotMatch(json, /NaN|Infinity/);
  for (const r of rows) {
    assert.ok(VERDICTS.includes(r.verdict), r.id);
    for (const x of [...r.stated, ...(r.recomputed ?? [])]) assert.ok(x === null || Number.isFinite(x), `${r.id}: ${x}`);
    if (r.verdict === "confirmed" || r.verdict === "rounding") {
      assert.ok(r.evidence.length > 0, `${r.id} is ${r.verdict} without evidence`);
      assert.ok(r.evidence.every((e) => e.file && e.rows.length > 0 && e.columns.length > 0), `${r.id}: evidence without file, rows or columns`);
      assert.ok(r.recomputed !== null && r.recomputed.every((x) => x !== null), `${r.id}: ${r.verdict} with a value the data did not give`);
    }
    if (r.recomputed !== null && r.recomputed.every((x, i) => x === r.stated[i])) {
      assert.ok(r.evidence.length > 0, `${r.id}: recomputed equals stated with no evidence`);
    }
    if (r.verdict === "unverifiable") assert.ok(r.explanation.length > 40, `${r.id}: unverifiable without saying why`);
    assert.ok(r.explanation.trim().length > 0, `${r.id}: no explanation`);
  }
});
