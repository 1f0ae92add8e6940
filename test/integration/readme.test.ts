import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, ensureData } from "../helpers";
import { buildLedger } from "../../src/claims/ledger";
import { countsTable } from "../../src/claims/summary";
import { rulesMarkdown } from "../../src/claims/rules";

test("the README's ledger table equals the ledger (node tools/readme-ledger.js rewrites it)", async () => {
  await ensureData();
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const m = /<!-- ledger -->\n([\s\S]*?)\n<!-- \/ledger -->/.exec(readme);
  assert.ok(m, "README has the ledger markers");
  assert.equal(m![1], countsTable(await buildLedger()));
});

test("the README's verdict rules, qualifier words and reasons are the ones the code applies", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const m = /<!-- rules -->\n([\s\S]*?)\n<!-- \/rules -->/.exec(readme);
  assert.ok(m, "README has the rules markers");
  assert.equal(m![1], rulesMarkdown());
});
