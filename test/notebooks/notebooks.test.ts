import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT, ensureData, waitForReportBuild } from "../helpers";
import { executionStamp } from "../../src/report/notebooks";
import { tempDir } from "../tmp";
import { ensureJupyter, jupyterCommand, KERNEL } from "../../src/jupyter";

const NB_DIR = path.join(ROOT, "notebooks");
/** Where the browser test's report keeps the notebooks it executed. */
const KEPT = path.join(ROOT, "build", "executed-notebooks");
const notebooks = fs.existsSync(NB_DIR) ? fs.readdirSync(NB_DIR).filter((f) => f.endsWith(".ipynb")).sort() : [];

interface Output { output_type: string; name?: string; text?: string | string[]; ename?: string; evalue?: string; data?: Record<string, unknown> }
interface Cell { cell_type: string; source: string | string[]; outputs?: Output[]; execution_count?: number | null }

const text = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join("") : t ?? "");

test("committed notebooks carry no outputs (executed copies are build products)", () => {
  assert.ok(notebooks.length >= 1, "no notebooks found");
  for (const nb of notebooks) {
    const cells: Cell[] = JSON.parse(fs.readFileSync(path.join(NB_DIR, nb), "utf8")).cells;
    for (const c of cells.filter((x) => x.cell_type === "code")) {
      assert.deepEqual(c.outputs ?? [], [], `${nb} has outputs`);
      assert.ok(c.execution_count === null || c.execution_count === undefined, `${nb} has execution counts`);
    }
  }
});

for (const nb of notebooks) {
  test(`notebook ${nb} executes headless (nbconvert, tslab kernel) with no error output`, { timeout: 15 * 60 * 1000 }, async () => {
    await ensureData();
    const out = tempDir("csc-nb-");
    try {
      // the browser test's report executes every notebook headless too (nbconvert, tslab kernel) and
      // keeps each copy with a stamp of the code, data and notebook it ran: a copy whose stamp is
      // current is that same execution, so it is checked instead of executing the notebook again
      await waitForReportBuild(); // the browser test's report, running beside this file, is executing them
      const kept = path.join(KEPT, nb);
      const reuse = fs.existsSync(kept) && fs.existsSync(`${kept}.stamp`) && fs.readFileSync(`${kept}.stamp`, "utf8") === executionStamp(path.join(NB_DIR, nb));
      if (reuse) fs.copyFileSync(kept, path.join(out, nb));
      else {
        const env = ensureJupyter(ROOT); // the project's .venv (env/setup.sh), made on first use
        const r = spawnSync(jupyterCommand(ROOT), ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=900", `--ExecutePreprocessor.kernel_name=${KERNEL}`, "--output-dir", out, path.join(NB_DIR, nb)], { env, encoding: "utf8" });
        assert.equal(r.error, undefined, `cannot run the project's jupyter: ${r.error?.message} (see env/README.md)`);
        assert.equal(r.status, 0, `nbconvert failed for ${nb}:\n${r.stderr}`);
      }
      const cells: Cell[] = JSON.parse(fs.readFileSync(path.join(out, nb), "utf8")).cells;
      const code = cells.filter((c) => c.cell_type === "code");
      const errors = code.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === "error" || (o.output_type === "stream" && o.name === "stderr" && /error/i.test(text(o.text)))));
      assert.deepEqual(errors.map((e) => `${e.ename ?? "stderr"}: ${e.evalue ?? text(e.text)}`), [], `${nb} produced errors`);
      // every code cell showed something (tslab leaves execution_count empty); cards and charts were displayed
      const silent = code.map((c, i) => [i, c] as const).filter(([, c]) => (c.outputs ?? []).length === 0).map(([i]) => i);
      assert.deepEqual(silent, [], `${nb}: code cells with no output`);
      const html = code.flatMap((c) => (c.outputs ?? []).map((o) => String((o.data ?? {})["text/html"] ?? ""))).join("\n");
      const cards = (html.match(/class="csc-claim-card"/g) ?? []).length;
      const calls = code.reduce((n, c) => n + (text(c.source).match(/\bclaims?\(|\bawait card\(/g) ?? []).length, 0);
      assert.ok(calls === 0 || cards >= calls, `${nb}: ${cards} claim cards for ${calls} claim calls`);
      const figures = code.reduce((n, c) => n + (text(c.source).match(/\bfigure\w*\(/g) ?? []).length, 0);
      if (figures > 0) assert.ok(/Plotly\.newPlot|plotly/i.test(html), `${nb}: no plotly figure in the outputs`);
    } finally {
      fs.rmSync(out, { recursive: true, force: true }); // also when an assertion fails
    }
  });
}

// The notebooks that show their working (05 and 08 have their own shape): every claim's card follows a
// computation cell that runs the registry's check kind for that claim, and nothing regenerates them.
const WORKBOOKS = ["00-start-here", "01-demand-and-activity", "02-costs-and-workforce", "03-variation-and-quality", "04-spending-response", "06-sure-start", "07-commons-library-2021", "07b-commons-library-2021-spending", "07c-commons-library-2021-ofsted-workforce-reviews"];

test("each claim's card in the workbooks follows its own computation, with the registry's kind", async () => {
  const { loadClaims } = await import("../../src/claims/registry");
  const registry = new Map(loadClaims().map((c) => [c.id, c]));
  for (const name of WORKBOOKS) {
    assert.ok(!fs.existsSync(path.join(ROOT, "tools", `notebook-${name.slice(0, 2)}.py`)), `tools/notebook-${name.slice(0, 2)}.py regenerates ${name}`);
    const cells: Cell[] = JSON.parse(fs.readFileSync(path.join(NB_DIR, `${name}.ipynb`), "utf8")).cells;
    const code = cells.filter((c) => c.cell_type === "code").map((c) => text(c.source));
    assert.ok(!code.some((s) => /\bnb\.claims?\(/.test(s)), `${name}: a card shown without its computation`);
    let cards = 0;
    code.forEach((s, i) => {
      for (const m of s.matchAll(/await card\("([^"]+)", (\w+)/g)) {
        cards++;
        const [, id, v] = m;
        const c = registry.get(id);
        assert.ok(c, `${name}: no claim "${id}" in the registry`);
        const comp = code.slice(0, i + 1).reverse().map((x) => x.match(new RegExp(`const ${v} = await compute\\("([^"]+)", "([^"]+)"`))).find((x) => x);
        assert.ok(comp, `${name}: the card of ${id} has no computation before it`);
        assert.equal(comp![1], id, `${name}: the card of ${id} shows the computation of ${comp![1]}`);
        assert.equal(comp![2], c!.check, `${name}: ${id} is computed with "${comp![2]}", the ledger uses "${c!.check}"`);
      }
    });
    assert.ok(cards >= 1, `${name}: no claim card`);
  }
});

test("every claim of the registry is named in some notebook's code", async () => {
  const { loadClaims } = await import("../../src/claims/registry");
  const { claimsInSource, listNotebooks, readNotebook } = await import("../../src/report/notebooks");
  const ids = loadClaims().map((c) => c.id);
  assert.ok(ids.length > 300, `only ${ids.length} claims in the registry`);
  const named = new Set<string>();
  for (const f of listNotebooks(NB_DIR)) for (const id of claimsInSource(readNotebook(path.join(NB_DIR, f)), ids).keys()) named.add(id);
  assert.deepEqual(ids.filter((id) => !named.has(id)), [], "claims no notebook shows");
});
