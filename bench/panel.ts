/**
 * Benchmark of the within (two-way fixed effects) estimator against R plm.
 *
 *   node dist/bench/panel.js [--only NAME,NAME] [--keep]
 *
 * For each synthetic panel (seeded PRNG, so every run writes the same data):
 * - writes it as CSV (id, t, y, x1, x2) to a temporary folder;
 * - times `within(..., { effects: "twoways" })` on data already in memory
 *   ("fit"), and the `panel` command end to end on the CSV, csv-parse
 *   included ("CLI"), each in its own child process so that peak memory
 *   (getrusage max RSS) belongs to that measurement alone;
 * - if Rscript and plm are installed, runs bench/panel-plm.R on the same CSV
 *   under /usr/bin/time -v, twice: with plm's entity-clustered covariance
 *   (vcovHC arellano HC0) and without it; reports plm's fit time (read.csv
 *   excluded), the whole Rscript runs (read.csv included) and peak memory; and
 *   checks that the coefficients and standard errors agree to 1e-8. Our whole
 *   process is timed against each: `panel --cluster entity` against the first,
 *   `panel` (conventional errors) against the second.
 * Prints a table; times are medians over the repetitions shown.
 *
 * A panel of 5,000,000 rows with 150,000 entities and 8 periods cannot exist (150,000 × 8 is 1.2
 * million entity-periods), so the large case is run three ways: 150,000 entities × 8 periods
 * (1.08 million rows), 5 million rows with 8 periods (700,000 entities), and 5 million rows with
 * 150,000 entities (40 periods).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { within } from "../src/stats/panel";
import { seededRandom } from "../src/stats/random";
import { panelCommand } from "../src/commands/panel";

interface Config {
  name: string;
  entities: number;
  periods: number;
  /** Rows kept after dropping entity-periods at random (entities × periods for a balanced panel). */
  rows: number;
  seed: number;
  /** Repetitions of our in-memory fit and of plm's fit (the CLI runs once, in its own process). */
  reps: number;
  rReps: number;
  note: string;
}

const CONFIGS: Config[] = [
  { name: "nao", entities: 152, periods: 7, rows: 1064, seed: 1, reps: 200, rReps: 20, note: "balanced, the NAO model's size" },
  { name: "150k×8", entities: 150_000, periods: 8, rows: 1_080_000, seed: 2, reps: 5, rReps: 1, note: "10% of entity-periods dropped" },
  { name: "5M-T8", entities: 700_000, periods: 8, rows: 5_000_000, seed: 3, reps: 3, rReps: 1, note: "5.6M entity-periods, 600k dropped" },
  { name: "5M-150k", entities: 150_000, periods: 40, rows: 5_000_000, seed: 4, reps: 3, rReps: 1, note: "6M entity-periods, 1M dropped" },
];

const ROOT = path.resolve(__dirname, "..", "..");
const R_SCRIPT = path.join(ROOT, "bench", "panel-plm.R");


/** Standard normal draws from a uniform generator (Box–Muller). */
function normals(u: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(1 - u()));
    const th = 2 * Math.PI * u();
    spare = r * Math.sin(th);
    return r * Math.cos(th);
  };
}

interface Panel {
  id: Int32Array;
  t: Int32Array;
  y: Float64Array;
  x1: Float64Array;
  x2: Float64Array;
}

/** Rounds to 6 decimals so that the CSV text holds exactly the same doubles. */
const r6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * y = 1.5 x1 − 0.7 x2 + αᵢ + λₜ + e, with x1 correlated with αᵢ and x2 with
 * λₜ; entity-periods dropped at random (partial Fisher–Yates) down to
 * `cfg.rows`, kept in (entity, period) order.
 */
function generate(cfg: Config): Panel {
  const u = seededRandom(cfg.seed);
  const z = normals(u);
  const cells = cfg.entities * cfg.periods;
  if (cfg.rows > cells) throw new Error(`${cfg.name}: ${cfg.rows} rows > ${cells} entity-periods`);
  const keep = new Uint8Array(cells).fill(1);
  if (cfg.rows < cells) {
    const idx = new Int32Array(cells);
    for (let i = 0; i < cells; i++) idx[i] = i;
    const drop = cells - cfg.rows;
    for (let i = 0; i < drop; i++) {
      const j = i + Math.floor(u() * (cells - i));
      const tmp = idx[i];
      idx[i] = idx[j];
      idx[j] = tmp;
      keep[idx[i]] = 0;
    }
  }
  const alpha = new Float64Array(cfg.entities);
  for (let i = 0; i < cfg.entities; i++) alpha[i] = 2 * z();
  const lambda = new Float64Array(cfg.periods);
  for (let t = 0; t < cfg.periods; t++) lambda[t] = 0.3 * t + z();
  const n = cfg.rows;
  const p: Panel = {
    id: new Int32Array(n),
    t: new Int32Array(n),
    y: new Float64Array(n),
    x1: new Float64Array(n),
    x2: new Float64Array(n),
  };
  let r = 0;
  for (let c = 0; c < cells; c++) {
    if (!keep[c]) continue;
    const i = Math.floor(c / cfg.periods);
    const t = c % cfg.periods;
    const x1 = r6(0.5 * alpha[i] + z());
    const x2 = r6(0.5 * lambda[t] + z());
    p.id[r] = i + 1;
    p.t[r] = 2001 + t;
    p.x1[r] = x1;
    p.x2[r] = x2;
    p.y[r] = r6(1.5 * x1 - 0.7 * x2 + alpha[i] + lambda[t] + z());
    r++;
  }
  return p;
}

function writeCsv(p: Panel, file: string): void {
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, "id,t,y,x1,x2\n");
  const chunk = 100_000;
  for (let s = 0; s < p.y.length; s += chunk) {
    const parts: string[] = [];
    const e = Math.min(p.y.length, s + chunk);
    for (let i = s; i < e; i++) parts.push(`${p.id[i]},${p.t[i]},${p.y[i]},${p.x1[i]},${p.x2[i]}\n`);
    fs.writeSync(fd, parts.join(""));
  }
  fs.closeSync(fd);
}

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const peakMB = (): number => process.resourceUsage().maxRSS / 1024;

interface ChildResult {
  seconds: number;
  peakMB: number;
  coef: number[];
  se: number[];
  seCluster?: number[];
  n: number;
}

/** Child: fit on data generated in memory. */
function childFit(cfg: Config): ChildResult {
  const p = generate(cfg);
  const data = { y: p.y, x: { x1: p.x1, x2: p.x2 }, entity: p.id, time: p.t };
  const times: number[] = [];
  let fit = within(data, { effects: "twoways" });
  for (let r = 0; r < cfg.reps; r++) {
    const t0 = performance.now();
    fit = within(data, { effects: "twoways" });
    times.push((performance.now() - t0) / 1000);
  }
  return {
    seconds: median(times),
    peakMB: peakMB(),
    coef: fit.names.map((k) => fit.coefficients[k]),
    se: fit.names.map((k) => fit.seIid[k]),
    seCluster: fit.names.map((k) => fit.seCluster[k]),
    n: fit.n,
  };
}

/** Child: the `panel` command on the CSV (clustered errors or not), output captured. */
async function childCli(file: string, cluster: boolean): Promise<ChildResult> {
  const args = ["--data", file, "--y", "y", "--x", "x1,x2", "--entity", "id", "--time", "t", "--effects", "twoways", "--format", "json", ...(cluster ? ["--cluster", "entity"] : [])];
  const write = process.stdout.write.bind(process.stdout);
  let out = "";
  process.stdout.write = ((c: string | Uint8Array) => {
    out += c.toString();
    return true;
  }) as typeof process.stdout.write;
  const t0 = performance.now();
  const code = await panelCommand(args);
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write = write;
  if (code !== 0) throw new Error(`panel command exited ${code}`);
  const j = JSON.parse(out);
  return { seconds, peakMB: peakMB(), coef: [j.coefficients.x1, j.coefficients.x2], se: [j.se_conventional.x1, j.se_conventional.x2], n: j.n };
}

/** Runs a child measurement; `wallSeconds` is the whole process, node start-up included. */
function runChild(args: string[]): ChildResult & { wallSeconds: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [__filename, "--child", ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`child ${args.join(" ")} failed (${r.status ?? r.signal}): ${r.stderr.slice(-2000)}`);
  const wallSeconds = (performance.now() - t0) / 1000;
  const last = r.stdout.trim().split("\n").pop() ?? "";
  return { ...(JSON.parse(last) as ChildResult), wallSeconds };
}

interface RResult {
  plmSeconds: number;
  readSeconds: number;
  totalSeconds: number;
  peakMB: number;
  coef: number[];
  se: number[];
  seHc0: number[];
  versions: string;
}

function haveRplm(): boolean {
  const r = spawnSync("Rscript", ["-e", "quit(status = if (requireNamespace('plm', quietly = TRUE)) 0 else 3)"], { encoding: "utf8" });
  return r.status === 0;
}

function runR(file: string, reps: number, vcov: "cluster" | "none" = "cluster"): RResult {
  const useTime = fs.existsSync("/usr/bin/time");
  const cmd = useTime ? "/usr/bin/time" : "Rscript";
  const rArgs = [R_SCRIPT, file, "twoways", String(reps), vcov];
  const args = useTime ? ["-v", "Rscript", ...rArgs] : rArgs;
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  const totalSeconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`Rscript failed (${r.status ?? r.signal}): ${r.stderr.slice(-2000)}`);
  const kv = new Map<string, string[]>();
  for (const line of r.stdout.split("\n")) {
    const w = line.trim().split(/\s+/);
    if (w.length >= 2) kv.set(w[0], w.slice(1));
  }
  const num = (k: string): number[] => (kv.get(k) ?? []).map(Number);
  let peak = num("peak_rss_mb")[0] ?? NaN;
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (m) peak = Number(m[1]) / 1024;
  const v = kv.get("versions") ?? [];
  return {
    plmSeconds: num("plm_seconds")[0],
    readSeconds: num("read_seconds")[0],
    totalSeconds,
    peakMB: peak,
    coef: num("coef"),
    se: num("se"),
    seHc0: num("se_hc0"),
    versions: v.length >= 3 ? `R ${v[0]}.${v[1]}, plm ${v[2]}` : "",
  };
}

/** R time / our time, rounded down to one decimal (a ratio is never rounded up). */
const ratio = (theirs: number, ours: number): string => (Math.floor((theirs / ours) * 10) / 10).toFixed(1);

const maxAbsDiff = (a: number[], b: number[]): number => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

function fmtSec(s: number): string {
  if (!Number.isFinite(s)) return "-";
  return s < 0.01 ? `${(s * 1000).toFixed(2)} ms` : s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`;
}

function table(rows: string[][]): string {
  const w = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  const line = (r: string[]) => "| " + r.map((c, j) => (j === 0 ? c.padEnd(w[j]) : c.padStart(w[j]))).join(" | ") + " |";
  return [line(rows[0]), "|" + w.map((x, j) => (j === 0 ? ":" : "-") + "-".repeat(x) + (j === 0 ? "-" : ":")).join("|") + "|", ...rows.slice(1).map(line)].join("\n");
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === "--child") {
    const cfg = CONFIGS.find((c) => c.name === argv[2]);
    if (!cfg) throw new Error(`unknown config ${argv[2]}`);
    const res = argv[1] === "fit" ? childFit(cfg) : await childCli(argv[3], argv[1] === "cli-cluster");
    process.stdout.write(JSON.stringify(res) + "\n");
    return;
  }
  const onlyIdx = argv.indexOf("--only");
  const only = onlyIdx >= 0 ? argv[onlyIdx + 1].split(",") : null;
  const keep = argv.includes("--keep");
  const configs = only ? CONFIGS.filter((c) => only.includes(c.name)) : CONFIGS;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panel-bench-"));
  const rOk = haveRplm();
  const out: string[][] = [
    ["panel", "rows", "entities", "periods", "ours fit", "plm fit", "ratio", "ours process, clustered SE", "Rscript, clustered SE", "ratio", "ours process, conventional SE", "Rscript, conventional SE", "ratio", "ours peak MB (fit / CLI)", "plm peak MB", "max Δcoef", "max Δse"],
  ];
  let versions = "";
  const failures: string[] = [];
  console.log(`# within two-way benchmark (${os.cpus().length} cores, node ${process.version}); CSVs in ${dir}`);
  if (!rOk) console.log("R plm: skipped: install r-base-core r-cran-plm (apt-get install -y r-base-core r-cran-plm)");
  for (const cfg of configs) {
    const p = generate(cfg);
    const file = path.join(dir, `panel-${cfg.name.replace(/[^A-Za-z0-9]+/g, "_")}.csv`);
    writeCsv(p, file);
    const entities = new Set(p.id).size;
    const periods = new Set(p.t).size;
    console.log(`${cfg.name}: ${p.y.length} rows, ${entities} entities, ${periods} periods (${cfg.note}); CSV ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB`);
    const fit = runChild(["fit", cfg.name]);
    console.log(`  ours fit: ${fmtSec(fit.seconds)} (median of ${cfg.reps}), peak ${fit.peakMB.toFixed(0)} MB`);
    const cli = runChild(["cli-cluster", cfg.name, file]);
    console.log(`  ours CLI, clustered SE: ${fmtSec(cli.seconds)} in process, ${fmtSec(cli.wallSeconds)} whole process, peak ${cli.peakMB.toFixed(0)} MB`);
    const cliIid = runChild(["cli", cfg.name, file]);
    console.log(`  ours CLI, conventional SE: ${fmtSec(cliIid.seconds)} in process, ${fmtSec(cliIid.wallSeconds)} whole process`);
    const dCli = maxAbsDiff(cli.coef, fit.coef);
    if (dCli > 1e-12) failures.push(`${cfg.name}: CLI and in-memory fits differ by ${dCli}`);
    let R: RResult | null = null;
    let Rnone: RResult | null = null;
    if (rOk) {
      R = runR(file, cfg.rReps);
      // Whole-process time of a single fit, as the CLI run.
      if (cfg.rReps > 1) R.totalSeconds = runR(file, 1).totalSeconds;
      Rnone = runR(file, 1, "none");
      versions = R.versions;
      console.log(`  plm: fit ${fmtSec(R.plmSeconds)} (median of ${cfg.rReps}), read.csv ${fmtSec(R.readSeconds)}, Rscript ${fmtSec(R.totalSeconds)} with vcovHC, ${fmtSec(Rnone.totalSeconds)} without, peak ${R.peakMB.toFixed(0)} MB`);
    }
    const dCoef = R ? maxAbsDiff(fit.coef, R.coef) : NaN;
    const dSe = R ? Math.max(maxAbsDiff(fit.se, R.se), maxAbsDiff(fit.seCluster ?? [], R.seHc0)) : NaN;
    if (R && !(dCoef <= 1e-8 && dSe <= 1e-8)) failures.push(`${cfg.name}: plm and ours differ (coef ${dCoef}, se ${dSe})`);
    out.push([
      cfg.name,
      p.y.length.toLocaleString("en-GB"),
      entities.toLocaleString("en-GB"),
      String(periods),
      fmtSec(fit.seconds),
      R ? fmtSec(R.plmSeconds) : "skipped",
      R ? `${ratio(R.plmSeconds, fit.seconds)}×` : "-",
      fmtSec(cli.wallSeconds),
      R ? fmtSec(R.totalSeconds) : "skipped",
      R ? `${ratio(R.totalSeconds, cli.wallSeconds)}×` : "-",
      fmtSec(cliIid.wallSeconds),
      Rnone ? fmtSec(Rnone.totalSeconds) : "skipped",
      Rnone ? `${ratio(Rnone.totalSeconds, cliIid.wallSeconds)}×` : "-",
      `${fit.peakMB.toFixed(0)} / ${cli.peakMB.toFixed(0)}`,
      R ? R.peakMB.toFixed(0) : "-",
      R ? dCoef.toExponential(1) : "-",
      R ? dSe.toExponential(1) : "-",
    ]);
    if (!keep) fs.rmSync(file);
  }
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  console.log("");
  console.log(table(out));
  console.log("");
  console.log(
    "ours fit: within(..., { effects: \"twoways\" }) on data in memory (conventional and entity-clustered SE both computed), median of the repetitions. " +
      `plm fit: ${versions || "R plm"}, plm(y ~ x1 + x2, index = c("id", "t"), model = "within", effect = "twoways") on the data frame (read.csv excluded). ` +
      "ours process: `node` running `panel --effects twoways --format json [--cluster entity]` on the CSV (start-up, streaming CSV read, fit, JSON). " +
      "Rscript: start-up, library(plm), read.csv, plm(), and vcovHC(arellano, HC0) in the clustered column. ratio = R time / our time, rounded down. " +
      "Peak MB = maximum resident set size of the process. Δcoef/Δse: ours vs plm (SE: conventional and arellano HC0).",
  );
  if (failures.length) {
    console.log(failures.map((f) => `MISMATCH ${f}`).join("\n"));
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
