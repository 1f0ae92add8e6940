/**
 * The project's Jupyter: the virtual environment `.venv` that env/setup.sh makes in the checkout
 * (JupyterLab, nbconvert, nbclient from env/requirements.txt) with the tslab kernel registered into
 * it, pointing at this checkout's node_modules/.bin/tslab. Everything that executes notebooks (the
 * report command, the notebook and browser tests, the bench) runs this Jupyter, through these
 * functions.
 *
 * The kernel keeps the name "tslab" (the name in every notebook's metadata, so a notebook opens with
 * it in any Jupyter that has tslab). A user-level or system-wide "tslab" cannot shadow the venv's:
 * in a venv, Jupyter looks in the venv's share/jupyter before ~/.local/share/jupyter and
 * /usr/local/share/jupyter. Only $JUPYTER_PATH (looked in first) or JUPYTER_PREFER_ENV_PATH=0 could
 * put another first; `jupyterEnv` empties the one and sets the other to 1, and `ensureJupyter`
 * checks which kernel.json the venv's Jupyter actually resolves before anything runs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { projectRoot } from "./paths";

/** The kernel's name (as in the notebooks' metadata). */
export const KERNEL = "tslab";

/** The folder of the project's virtual environment. */
export function venvDir(root = projectRoot()): string {
  return path.join(root, ".venv");
}

/** The venv's executables' folder (bin, or Scripts on Windows). */
export function venvBin(root = projectRoot()): string {
  return path.join(venvDir(root), process.platform === "win32" ? "Scripts" : "bin");
}

/** The venv's `jupyter` command. */
export function jupyterCommand(root = projectRoot()): string {
  return path.join(venvBin(root), process.platform === "win32" ? "jupyter.exe" : "jupyter");
}

/** The tslab command the kernel must start: this checkout's, by its full path. */
export function tslabCommand(root = projectRoot()): string {
  return path.join(root, "node_modules", ".bin", process.platform === "win32" ? "tslab.cmd" : "tslab");
}

/**
 * The environment for running the venv's Jupyter: its bin and node_modules/.bin first on PATH,
 * VIRTUAL_ENV set, JUPYTER_PATH emptied and JUPYTER_PREFER_ENV_PATH=1 (so only the venv's kernel
 * is found), and Python's debugger warnings off.
 */
export function jupyterEnv(root = projectRoot(), base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    PATH: [venvBin(root), path.join(root, "node_modules", ".bin"), base.PATH ?? ""].join(path.delimiter),
    VIRTUAL_ENV: venvDir(root),
    JUPYTER_PATH: "", // empty: Jupyter ignores it
    JUPYTER_PREFER_ENV_PATH: "1",
    PYDEVD_DISABLE_FILE_VALIDATION: "1",
  };
  delete env.PYTHONHOME;
  return env;
}

/** A failure to set up or find the project's Jupyter; the message says what to do. */
export class JupyterError extends Error {}

/** Where the venv's Jupyter finds the kernel `name`, and the command its kernel.json starts. */
export function resolvedKernel(root = projectRoot(), env = jupyterEnv(root), name = KERNEL): { dir: string; argv0: string } | undefined {
  const r = spawnSync(jupyterCommand(root), ["kernelspec", "list", "--json"], { env, encoding: "utf8" });
  if (r.error || r.status !== 0) return undefined;
  const spec = (JSON.parse(r.stdout) as { kernelspecs: Record<string, { resource_dir: string; spec: { argv: string[] } }> }).kernelspecs[name];
  return spec ? { dir: spec.resource_dir, argv0: spec.spec.argv[0] } : undefined;
}

/**
 * Makes sure the project's Jupyter is ready: runs env/setup.sh (which returns at once when .venv is
 * complete, and otherwise creates or updates it: about 30 s offline, longer when pip downloads),
 * then checks that the venv's Jupyter resolves the kernel to .venv and to this checkout's tslab.
 * Returns the environment to run Jupyter with. Throws JupyterError with what went wrong.
 * @param say where setup's progress goes (stderr by default)
 */
export function ensureJupyter(root = projectRoot(), say: (s: string) => void = (s) => process.stderr.write(s)): NodeJS.ProcessEnv {
  const setup = path.join(root, "env", "setup.sh");
  const r = spawnSync("bash", [setup], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 16 * 1024 * 1024 });
  const said = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (said.trim()) say(said.endsWith("\n") ? said : `${said}\n`);
  if (r.error || r.status !== 0) {
    throw new JupyterError(`cannot set up the project's Jupyter (.venv) with env/setup.sh (${r.error?.message ?? `exit ${r.status}`}); see env/README.md`);
  }
  const env = jupyterEnv(root);
  const k = resolvedKernel(root, env);
  const want = path.join(venvDir(root), "share", "jupyter", "kernels", KERNEL);
  if (!k || fs.realpathSync(k.dir) !== fs.realpathSync(want) || k.argv0 !== tslabCommand(root)) {
    throw new JupyterError(
      `the project's Jupyter does not find its own "${KERNEL}" kernel: it resolves ${k ? `${k.dir} (starting ${k.argv0})` : "none"}, ` +
        `expected ${want} (starting ${tslabCommand(root)}); run env/setup.sh --force`,
    );
  }
  return env;
}
