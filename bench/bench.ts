/**
 * The project's performance figures (not a test): cold and warm `recheck`, every notebook executed
 * headless, and the panel estimator (bench/panel.ts, which also compares with R plm when installed).
 *
 *   npm run bench              # recheck + notebooks + panel estimator at the NAO model's size
 *   npm run bench -- --full    # and the panel estimator on the large synthetic panels
 *   npm run bench -- --no-notebooks   # without the notebooks
 *
 * Each timing is a whole process (node start-up included); the warm recheck is the median of at
 * least 5 runs (CSC_BENCH_RUNS), and so is the cold one; an emptied cache folder makes a cold run cold.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { ensureJupyter, jupyterCommand, KERNEL } from "../src/jupyter";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "csc-factcheck.js");
const full = process.argv.includes("--full");
const notebooks = !process.argv.includes("--no-notebooks");
const rows: [string, string, string][] = [];

/** Runs a command once; returns its wall time in seconds (exits when it fails). */
function once(label: string, cmd: string, args: string[], env: Record<string, string>): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    process.stderr.write(`${label} failed:\n${r.stderr}\n`);
    process.exit(1);
  }
  return s;
}

const median = (xs: number[]): number => {
  const v = xs.slice().sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

/** Times a command `runs` times (each run a whole process); records the median, and the runs. */
function time(label: string, cmd: string, args: string[], env: Record<string, string> = {}, target = "", runs = 1, before?: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    times.push(once(label, cmd, args, env));
  }
  const s = median(times);
  rows.push([runs > 1 ? `${label} (median of ${runs})` : label, `${s.toFixed(2)} s`, target]);
  process.stderr.write(`${label}: ${times.map((t) => t.toFixed(2)).join(", ")} s${runs > 1 ? ` (median ${s.toFixed(2)} s)` : ""}\n`);
  return s;
}

const RUNS = Math.max(5, Number(process.env.CSC_BENCH_RUNS ?? 5));
const cache = fs.mkdtempSync(path.join(os.tmpdir(), "csc-bench-cache-"));
const recheck = [BIN, "recheck", "--format", "json"];
// cold: an empty cache folder before every run
time("recheck, cold (no cache: every file parsed)", process.execPath, recheck, { CSC_CACHE_DIR: cache }, "≤ 20 s", RUNS, () => {
  fs.rmSync(cache, { recursive: true, force: true });
  fs.mkdirSync(cache);
});
time("recheck, warm (cache present)", process.execPath, recheck, { CSC_CACHE_DIR: cache }, "≤ 1.0 s", RUNS);

const nbDir = path.join(ROOT, "notebooks");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "csc-bench-nb-"));
const env = { ...(ensureJupyter(ROOT) as Record<string, string>), CSC_CACHE_DIR: cache }; // the project's .venv (env/setup.sh)
let total = 0;
for (const nb of notebooks ? fs.readdirSync(nbDir).filter((f) => f.endsWith(".ipynb")).sort() : []) {
  total += time(`notebook ${nb} (kernel start included)`, jupyterCommand(ROOT), ["nbconvert", "--to", "notebook", "--execute", `--ExecutePreprocessor.kernel_name=${KERNEL}`, "--output-dir", out, path.join(nbDir, nb)], env);
}
if (notebooks) rows.push(["all notebooks, headless", `${total.toFixed(2)} s`, "< 60 s"]);

const panelArgs = [path.join(ROOT, "dist", "bench", "panel.js"), ...(full ? [] : ["--only", "nao"])];
process.stderr.write(`panel estimator: node ${panelArgs.slice(1).join(" ")}\n`);
const p = spawnSync(process.execPath, panelArgs, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

const w = Math.max(...rows.map((r) => r[0].length));
process.stdout.write(`\n${"measure".padEnd(w)}  ${"time".padStart(9)}  target\n${"-".repeat(w + 22)}\n`);
for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(w)}  ${b.padStart(9)}  ${c}\n`);
process.stdout.write(`\npanel estimator (bench/panel.ts${full ? "" : ", NAO size; --full for the large panels"}):\n${p.stdout}${p.status === 0 ? "" : p.stderr}`);
fs.rmSync(cache, { recursive: true, force: true });
fs.rmSync(out, { recursive: true, force: true });
