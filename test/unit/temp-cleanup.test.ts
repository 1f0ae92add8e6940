/**
 * The test suites leave nothing in the temporary folder: the unit tests that make folders, and a
 * few quick fault-injection cases, run with TMPDIR pointing at an empty folder, which must be
 * empty afterwards.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";

const DIST_TEST = path.resolve(__dirname, "..");

test("test runs leave no folder in the temporary folder", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "csc-tmpcheck-"));
  try {
    const files = ["unit/registry.test.js", "unit/data-layer.test.js", "unit/panel-cli.test.js", "unit/report.test.js", "unit/cache.test.js", "unit/cli-args.test.js", "unit/panel-inputs.test.js"].map((f) => path.join(DIST_TEST, f));
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp };
    delete env.NODE_TEST_CONTEXT; // run as a test runner of its own, not as a child of this one
    const unit = spawnSync(process.execPath, ["--test", ...files], { env, encoding: "utf8" });
    assert.equal(unit.status, 0, unit.stdout.slice(-3000));
    const faults = spawnSync(process.execPath, ["--test", "--test-name-pattern", "^fault (11|14|21):", path.join(DIST_TEST, "faults", "faults.test.js")], { env, encoding: "utf8" });
    assert.equal(faults.status, 0, faults.stdout.slice(-3000));
    assert.match(faults.stdout, /# pass 3\n/);
    assert.deepEqual(fs.readdirSync(tmp), [], "left in the temporary folder");
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
