#!/usr/bin/env node
/* Rewrites the ledger table between the <!-- ledger --> markers of README.md from the current ledger
 * (run after `npm run build`, with the data in data/raw). test/integration/readme.test.ts checks it. */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const root = path.resolve(__dirname, "..");
const { buildLedger } = require(path.join(root, "dist/src/claims/ledger.js"));
const { countsTable } = require(path.join(root, "dist/src/claims/summary.js"));
const { rulesMarkdown } = require(path.join(root, "dist/src/claims/rules.js"));
buildLedger().then((rows) => {
  const p = path.join(root, "README.md");
  const s = fs.readFileSync(p, "utf8");
  const out = s
    .replace(/<!-- ledger -->[\s\S]*?<!-- \/ledger -->/, `<!-- ledger -->\n${countsTable(rows)}\n<!-- /ledger -->`)
    .replace(/<!-- rules -->[\s\S]*?<!-- \/rules -->/, `<!-- rules -->\n${rulesMarkdown()}\n<!-- /rules -->`);
  fs.writeFileSync(p, out);
  console.log(`README: ${rows.length} claims`);
});
