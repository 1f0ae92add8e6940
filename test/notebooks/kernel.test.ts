/**
 * The project's Jupyter (.venv, made by env/setup.sh): reused when complete, its tslab kernel is
 * this checkout's, and a user-level kernel called "tslab" or one on $JUPYTER_PATH does not take its
 * place when the project runs notebooks.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT } from "../helpers";
import { ensureJupyter, jupyterCommand, jupyterEnv, KERNEL, resolvedKernel, tslabCommand, venvDir } from "../../src/jupyter";

const VENV_KERNEL = path.join(venvDir(ROOT), "share", "jupyter", "kernels", KERNEL);

/** A kernelspec folder `<dir>/kernels/tslab` whose kernel would start `argv0`. */
function fakeKernel(dir: string, argv0: string): void {
  fs.mkdirSync(path.join(dir, "kernels", KERNEL), { recursive: true });
  fs.writeFileSync(path.join(dir, "kernels", KERNEL, "kernel.json"), JSON.stringify({ argv: [argv0, "kernel", "--config-path", "{connection_file}"], display_name: "TypeScript", language: "typescript" }));
}

test("env/setup.sh reuses a complete .venv at once and says nothing", { timeout: 10 * 60 * 1000 }, () => {
  ensureJupyter(ROOT); // made on first use
  const t0 = Date.now();
  const r = spawnSync("bash", [path.join(ROOT, "env", "setup.sh")], { cwd: ROOT, encoding: "utf8" });
  const ms = Date.now() - t0;
  assert.equal(r.status, 0, r.stderr);
  assert.equal(`${r.stdout}${r.stderr}`, "");
  assert.ok(ms < 5000, `a complete .venv took ${ms} ms to check`);
  const spec = JSON.parse(fs.readFileSync(path.join(VENV_KERNEL, "kernel.json"), "utf8"));
  assert.deepEqual(spec.argv, [tslabCommand(ROOT), "kernel", "--config-path", "{connection_file}"]);
  assert.ok(fs.existsSync(jupyterCommand(ROOT)));
});

test("the venv's Jupyter finds this checkout's kernel, even with another 'tslab' for the user or on JUPYTER_PATH", { timeout: 5 * 60 * 1000 }, () => {
  ensureJupyter(ROOT);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "csc-kernel-"));
  try {
    fakeKernel(path.join(tmp, "user"), "/nowhere/user/tslab");
    fakeKernel(path.join(tmp, "path"), "/nowhere/path/tslab");
    const userOnly = { ...process.env, JUPYTER_DATA_DIR: path.join(tmp, "user") };
    const withPath = { ...userOnly, JUPYTER_PATH: path.join(tmp, "path"), JUPYTER_PREFER_ENV_PATH: "0" };

    // what the guard is for: given $JUPYTER_PATH, or told to prefer the user's folder, Jupyter takes the other kernel
    assert.equal(resolvedKernel(ROOT, withPath)?.argv0, "/nowhere/path/tslab");
    assert.equal(resolvedKernel(ROOT, { ...userOnly, JUPYTER_PREFER_ENV_PATH: "0" })?.argv0, "/nowhere/user/tslab");

    // a user-level "tslab" does not shadow the venv's, even in a plain environment (the venv comes first)
    assert.equal(fs.realpathSync(resolvedKernel(ROOT, userOnly)!.dir), fs.realpathSync(VENV_KERNEL));
    // and the environment the project runs Jupyter with finds the venv's, whatever the caller's says
    const k = resolvedKernel(ROOT, jupyterEnv(ROOT, withPath));
    assert.equal(fs.realpathSync(k!.dir), fs.realpathSync(VENV_KERNEL));
    assert.equal(k!.argv0, tslabCommand(ROOT));

    // the order Jupyter looks in: the venv's data folder before the user's and the system's
    const paths = spawnSync(jupyterCommand(ROOT), ["--paths", "--json"], { env: jupyterEnv(ROOT, userOnly), encoding: "utf8" });
    const data: string[] = JSON.parse(paths.stdout).data;
    const at = (p: string) => data.indexOf(p);
    assert.equal(at(path.join(venvDir(ROOT), "share", "jupyter")), 0, data.join(", "));
    for (const other of [path.join(tmp, "user"), "/usr/local/share/jupyter", "/usr/share/jupyter"]) assert.ok(at(other) > 0, `${other} in ${data.join(", ")}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("a notebook runs in the venv's kernel while a user-level 'tslab' points elsewhere", { timeout: 5 * 60 * 1000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "csc-kernel-run-"));
  try {
    fakeKernel(path.join(tmp, "user"), "/nowhere/user/tslab");
    const env = jupyterEnv(ROOT, { ...ensureJupyter(ROOT), JUPYTER_DATA_DIR: path.join(tmp, "user"), JUPYTER_PATH: path.join(tmp, "user") });
    const nb = {
      cells: [{ cell_type: "code", id: "a", metadata: {}, execution_count: null, outputs: [], source: "const x: number = 6 * 7;\nx" }],
      metadata: { kernelspec: { display_name: "TypeScript", language: "typescript", name: KERNEL } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    fs.writeFileSync(path.join(tmp, "k.ipynb"), JSON.stringify(nb));
    const r = spawnSync(jupyterCommand(ROOT), ["nbconvert", "--to", "notebook", "--execute", `--ExecutePreprocessor.kernel_name=${KERNEL}`, "--ExecutePreprocessor.timeout=120", "--output-dir", path.join(tmp, "out"), path.join(tmp, "k.ipynb")], { cwd: tmp, env, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(fs.readFileSync(path.join(tmp, "out", "k.ipynb"), "utf8"));
    // tslab writes the value of a cell's last expression on stdout
    assert.deepEqual(out.cells[0].outputs.map((o: { name?: string; text?: string[] }) => [o.name, (o.text ?? []).join("")]), [["stdout", "42\n"]]);
    assert.equal(out.metadata.language_info.name, "typescript");
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
