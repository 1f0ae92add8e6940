import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { projectRoot } from "../../src/paths";

// tools/migrate-check-names.js rewrites only each claim's "check" and "params" and can be run again.

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { migrateText } = require(path.join(projectRoot(), "tools", "migrate-check-names.js")) as { migrateText: (t: string) => { text: string; changed: { id: string; from: string; to: string }[] } };

const FILE = `[
  {
    "id": "nao-x",
    "document": "nao",
    "quote": "It rose by 7%.",
    "stated": [
      {
        "written": "7%",
        "unit": "percent",
        "role": "pctChange"
      }
    ],
    "check": "populationChange",
    "params": {
      "from": "2010-11",
      "to": "2017-18"
    },
    "reading": {
      "primary": "the official default"
    },
    "topic": "demand"
  },
  {
    "id": "hcl-y",
    "document": "hcl",
    "quote": "Around 1 in 5.",
    "stated": [],
    "check": "hclDocumentCount",
    "params": { "inputs": ["a:b"], "test": "eq:0" }
  },
  {
    "id": "nao-z",
    "document": "nao",
    "quote": "A survey.",
    "stated": [],
    "check": "unverifiable",
    "params": {
      "settle": "the survey"
    }
  }
]
`;

test("the migration renames checks, fills their params and leaves every other line as it was", () => {
  const r = migrateText(FILE);
  assert.deepEqual(r.changed, [{ id: "nao-x", from: "populationChange", to: "change" }, { id: "hcl-y", from: "hclDocumentCount", to: "arithmetic" }]);
  const after = JSON.parse(r.text);
  assert.equal(after[0].check, "change");
  assert.deepEqual(after[0].params, { of: "england", from: "2010-11", to: "2017-18", series: { pctChange: "population.pct" } });
  assert.deepEqual(after[1].params, { relation: "count", inputs: ["a:b"], test: "eq:0" });
  // a field added by someone else is untouched, line for line
  assert.ok(r.text.includes(`    "reading": {\n      "primary": "the official default"\n    },\n    "topic": "demand"`));
  // the params are written as the registry writes JSON, at the claim's indentation
  assert.ok(r.text.includes(`    "params": {\n      "of": "england",\n      "from": "2010-11",\n      "to": "2017-18",\n      "series": {\n        "pctChange": "population.pct"\n      }\n    },`));
  // a kind already named is left alone: running again changes nothing
  const again = migrateText(r.text);
  assert.deepEqual(again.changed, []);
  assert.equal(again.text, r.text);
  // the unchanged claim's text is byte for byte the same
  assert.ok(r.text.endsWith(FILE.slice(FILE.indexOf(`  {\n    "id": "nao-z"`))));
});
