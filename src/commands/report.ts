/**
 * `csc-factcheck report [--out DIR]`: executes every notebook headless and writes a static site.
 *
 *   csc-factcheck report [--out DIR] [--notebooks DIR] [--ledger FILE.json] [--timeout SECONDS]
 *
 * 1. the official files are fetched when data/raw is incomplete, and the ledger is built (every
 *    check, in-process), or read from a `recheck --format json` file given with --ledger;
 * 2. each notebook runs in nbconvert with the tslab kernel, both from the project's virtual environment
 *    .venv (src/jupyter.ts; env/setup.sh makes it on first use and reuses it after)
 *    (`jupyter nbconvert --to notebook --execute`), several at once (--jobs, default one per core, at
 *    most 4), with a line on stderr as each finishes: "[2/5] 03-variation-and-quality.ipynb … 12.3 s". The kernels get CSC_PLOTLY_SRC=assets/plotly.min.js,
 *    so every figure loads the site's one copy of plotly.js instead of inlining 3.5 MB per page
 *    (src/display/plotly.ts), and CSC_NOTEBOOK_LINKS=html, so links between notebooks point at pages;
 * 3. a notebook that stops on an error, or writes an error on stderr, stops the build: the command
 *    exits 1 naming the notebook, the cell and the error;
 * 4. the executed notebooks become HTML pages (`nbconvert --to html`, JupyterLab's template without
 *    require.js or MathJax, with a bar linking the pages: src/report/template.ts);
 * 5. index.html lists the ledger as a sortable, filterable table (src/report/index-page.ts), each
 *    claim linked to the card that shows it; ledger.json and ledger.csv sit beside it.
 *
 * The site is built in a temporary folder inside DIR and its files are moved into place at the end,
 * so a failed build leaves no half-written site (a previous report stays as it was). DIR (default
 * report/ in the project) is used only if it is empty or holds a previous report (its .csc-report
 * file, which lists the files the report wrote). Only those files are replaced or removed: whatever
 * else is in DIR stays, and DIR itself is never removed (`--out .` is safe).
 *
 * Jupyter runs in a process group of its own, with its runtime folder (kernel connection files)
 * inside the build's temporary folder: on SIGINT or SIGTERM the whole group is stopped (nbconvert
 * and the kernel it started), then the temporary folders are removed.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { z } from "zod";
import { UsageError, parseOptions } from "./args";
import { projectRoot } from "../paths";
import { VERSION } from "../version";
import { fetchSources, loadSources, rawComplete } from "../data/sources";
import { buildLedger } from "../claims/ledger";
import { prebuildWhenCold } from "../data/cache";
import { toCsv, toJson, summaryLine } from "../claims/writers";
import { VERDICTS } from "../claims/types";
import type { LedgerRow } from "../claims/types";
import { plotlyPath } from "../display/plotly";
import { executionStamp, listNotebooks, notebookProblems, notebookTitle, numberCodeCells, pageName, placeClaims, readNotebook, type NotebookJson } from "../report/notebooks";
import { indexHtml, type NotebookPage } from "../report/index-page";
import { pageTemplate } from "../report/template";
import { ensureJupyter, jupyterCommand, JupyterError, KERNEL } from "../jupyter";

export const REPORT_USAGE = `Usage: csc-factcheck report [--out DIR] [--notebooks DIR] [--ledger FILE.json] [--timeout SECONDS] [--jobs N] [--executed DIR]

Executes every notebook headless (Jupyter nbconvert, tslab kernel) and writes a static site to DIR
(default: report/ in the project): one HTML page per notebook, and index.html with every claim of the
ledger in a table that sorts and filters, each claim linked to the notebook section showing it.
  --out DIR            where the site goes (replaced only if empty or a previous report)
  --notebooks DIR      the notebooks to run (default: notebooks/ in the project)
  --ledger FILE.json   the ledger from \`csc-factcheck recheck --format json\` instead of running the checks
  --timeout SECONDS    longest a single cell may run (default 900)
  --jobs N             notebooks run at once (default: one per core, at most 4)
  --executed DIR       also keep the executed notebooks (with their outputs) in DIR, each with a stamp
                       of what it was executed from (NAME.ipynb.stamp)
Runs the project's Jupyter (.venv in the project, made by env/setup.sh on first use: env/README.md),
or the jupyter command named by the environment variable CSC_JUPYTER.`;

/** Where the site's copy of plotly.js goes, relative to the pages. */
export const PLOTLY_ASSET = "assets/plotly.min.js";
/** The file marking a folder as a report (holds the build's details as JSON). */
export const MARKER = ".csc-report";
/** Prefix of the temporary folder a build writes into, inside DIR. */
const BUILDING = ".csc-report.building-";

/** A failure the user can act on: bad options, a notebook that failed, a folder we will not replace. */
export class ReportError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

export interface ReportOptions {
  out: string;
  notebooksDir: string;
  ledgerFile?: string;
  /** Seconds a single cell may run. */
  timeout: number;
  /** Where to keep a copy of each executed notebook (and its stamp), if anywhere. */
  executedCopies?: string;
  /** Progress and messages (stderr). */
  write: (s: string) => void;
  /** Whether progress may redraw its line (a terminal). */
  tty: boolean;
  /** How many notebooks run at once (default: one per core, at most 4); after a failure none starts. */
  jobs?: number;
}

/** Notebooks run at once by default: one per core, at most 4 (each kernel holds its own tables). */
export function defaultJobs(): number {
  return Math.max(1, Math.min(4, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length));
}

export interface ReportResult {
  out: string;
  notebooks: string[];
  claims: number;
  seconds: number;
}

/**
 * Parses the command's options (argv may start with "report"); `{ help: "true" }` when help is asked.
 *
 * @throws {UsageError} for an unknown option (with the nearest), a missing value or a stray word
 */
export function parseReportArgs(argv: string[]): Record<string, string> {
  const args = argv[0] === "report" ? argv.slice(1) : argv;
  const v = parseOptions("report", args, { out: {}, notebooks: {}, ledger: {}, timeout: {}, jobs: {}, executed: {} }, REPORT_USAGE);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = String(x);
  return out;
}

/** Seconds since t0, one decimal. */
function since(t0: number): string {
  return ((Date.now() - t0) / 1000).toFixed(1);
}

/** The last lines of a child's stderr that say something (Python's debugger chatter left out). */
function tail(text: string, lines = 25): string {
  const keep = text
    .split("\n")
    .filter((l) => l.trim() !== "" && !/Debugger warning|frozen modules|Xfrozen_modules|PYDEVD_DISABLE_FILE_VALIDATION|make the debugger miss/.test(l));
  return keep.slice(-lines).join("\n");
}

/** Process groups of the children running now (stopped as a whole on SIGINT or SIGTERM). */
const running = new Set<ChildProcess>();

/**
 * Runs a command asynchronously in a process group of its own (so that the processes it starts,
 * such as a Jupyter kernel, can be stopped with it); resolves with its exit status and output (the
 * last 256 kB of each).
 */
function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ status: number | null; stdout: string; stderr: string; error?: Error }> {
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    const cap = (s: string) => (s.length > 262144 ? s.slice(-262144) : s);
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"], detached: process.platform !== "win32" });
    running.add(child);
    child.stdout!.on("data", (b: Buffer) => (stdout = cap(stdout + b.toString("utf8"))));
    child.stderr!.on("data", (b: Buffer) => (stderr = cap(stderr + b.toString("utf8"))));
    child.on("error", (error) => {
      running.delete(child);
      resolve({ status: null, stdout, stderr, error });
    });
    child.on("close", (status) => {
      running.delete(child);
      resolve({ status, stdout, stderr });
    });
    // a process it started may outlive it and keep its output open (a kernel in a session of its own):
    // once the command itself has exited, its output is waited for 5 s at most
    child.on("exit", (status) => {
      setTimeout(() => {
        running.delete(child);
        child.stdout?.destroy();
        child.stderr?.destroy();
        resolve({ status, stdout, stderr });
      }, 5000).unref();
    });
  });
}

/** True while any process of the group led by pid is alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Stops every running child's whole process group: SIGTERM, then SIGKILL for what is still alive
 * after `graceMs`.
 */
export async function stopChildren(graceMs = 3000): Promise<void> {
  const groups = [...running].map((c) => c.pid).filter((p): p is number => typeof p === "number");
  const signal = (pid: number, sig: NodeJS.Signals) => {
    try {
      if (process.platform === "win32") process.kill(pid, sig);
      else process.kill(-pid, sig);
    } catch {
      /* already gone */
    }
  };
  for (const pid of groups) signal(pid, "SIGTERM");
  const until = Date.now() + graceMs;
  while (groups.some(groupAlive) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  for (const pid of groups) if (groupAlive(pid)) signal(pid, "SIGKILL");
}

/**
 * The project's Jupyter (.venv, made or reused by env/setup.sh) and the environment to run it with;
 * the error says what failed and how to fix it.
 */
function projectJupyter(root: string, say: (s: string) => void): NodeJS.ProcessEnv {
  try {
    return ensureJupyter(root, say);
  } catch (e) {
    if (e instanceof JupyterError) throw new ReportError(`report: ${e.message}`);
    throw e;
  }
}

/** The commit the project is at ("abc1234", "-dirty" when files changed), or undefined outside git. */
function gitCommit(root: string): string | undefined {
  const r = spawnSync("git", ["describe", "--always", "--dirty", "--abbrev=10"], { cwd: root, encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

/** What the marker of a previous report says (the files it wrote; older markers list none). */
function previousReport(out: string): { files: string[] } | null {
  const marker = path.join(out, MARKER);
  if (!fs.existsSync(marker)) return null;
  try {
    const j = JSON.parse(fs.readFileSync(marker, "utf8")) as { files?: unknown };
    const files = Array.isArray(j.files) ? j.files.filter((f): f is string => typeof f === "string" && isInside(out, f)) : [];
    return { files };
  } catch {
    return { files: [] };
  }
}

/** True when a relative path stays inside the folder (no "..", not absolute). */
function isInside(dir: string, rel: string): boolean {
  if (path.isAbsolute(rel) || rel === "") return false;
  const r = path.relative(dir, path.resolve(dir, rel));
  return r !== "" && !r.startsWith("..") && !path.isAbsolute(r);
}

/** Refuses a folder that is neither empty nor a previous report. */
function checkOut(out: string): void {
  if (!fs.existsSync(out)) return;
  if (!fs.statSync(out).isDirectory()) throw new ReportError(`report: ${out} exists and is not a folder; choose another --out`);
  const entries = fs.readdirSync(out).filter((e) => !e.startsWith(BUILDING));
  if (entries.length > 0 && !entries.includes(MARKER)) {
    throw new ReportError(`report: ${out} is not empty and holds no previous report (no ${MARKER} file): it will not be used; choose another --out`);
  }
}

/** Files under a folder, as paths relative to it (sorted). */
function filesUnder(dir: string, rel = ""): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? path.join(rel, e.name) : e.name;
    if (e.isDirectory()) out.push(...filesUnder(dir, r));
    else out.push(r);
  }
  return out.sort();
}

/**
 * Moves the built site's files into DIR: each replaces the file of the same name; the files the
 * previous report wrote (listed in its marker) and this one does not are removed; nothing else in
 * DIR is touched, and DIR itself stays. The marker, listing the files written, goes last.
 */
function install(site: string, out: string, marker: Record<string, unknown>): string[] {
  const previous = previousReport(out);
  const files = filesUnder(site).filter((f) => f !== MARKER);
  for (const f of files) {
    const to = path.join(out, f);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    if (fs.existsSync(to) && fs.lstatSync(to).isDirectory()) throw new ReportError(`report: ${to} is a folder where the report writes a file; move it and run again`);
    fs.renameSync(path.join(site, f), to);
  }
  const written = new Set(files);
  for (const f of previous?.files ?? []) {
    if (written.has(f) || f === MARKER) continue;
    const p = path.join(out, f);
    try {
      if (fs.lstatSync(p).isFile()) fs.rmSync(p);
    } catch {
      continue;
    }
    // folders the old report made and that are now empty
    for (let d = path.dirname(p); d !== out && d.startsWith(out + path.sep); d = path.dirname(d)) {
      try {
        fs.rmdirSync(d);
      } catch {
        break;
      }
    }
  }
  fs.writeFileSync(path.join(out, MARKER), JSON.stringify({ ...marker, files: [...files, MARKER] }, null, 2) + "\n");
  return files;
}

/** A ledger row as `recheck --format json` writes it (fields beyond these are kept). */
const EvidenceSchema = z
  .object({
    source: z.string(),
    file: z.string(),
    sheet: z.string().optional(),
    rows: z.array(z.string()),
    columns: z.array(z.string()),
    values: z.record(z.union([z.number(), z.string(), z.null()])).optional(),
    note: z.string().optional(),
  })
  .passthrough();

const LedgerRowSchema = z
  .object({
    id: z.string().min(1),
    document: z.enum(["nao", "pac", "hcl", "govuk", "cc"]),
    location: z.string(),
    quote: z.string(),
    stated: z.array(z.number()),
    recomputed: z.array(z.number().nullable()).nullable(),
    verdict: z.string().refine((v) => (VERDICTS as readonly string[]).includes(v), (v) => ({ message: `unknown verdict "${v}" (known: ${VERDICTS.join(", ")})` })),
    explanation: z.string(),
    evidence: z.array(EvidenceSchema),
    units: z.array(z.string()).optional(),
    roles: z.array(z.string()).optional(),
    written: z.array(z.string()).optional(),
  })
  .passthrough();

/**
 * Reads a ledger written by `recheck --format json` and validates every entry (zod) before anything
 * runs; the error names the file, the entry, the field and what is wrong.
 */
export function readLedger(file: string): LedgerRow[] {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new ReportError(`report: cannot read the ledger ${file}: ${(e as Error).message}`);
  }
  if (!Array.isArray(data)) throw new ReportError(`report: ${file} is not a ledger (expected a JSON array of claims)`);
  return data.map((x: unknown, i) => {
    const r = LedgerRowSchema.safeParse(x);
    if (!r.success) {
      const issue = r.error.issues[0];
      const id = x && typeof x === "object" && typeof (x as { id?: unknown }).id === "string" ? ` (${(x as { id: string }).id})` : "";
      const where = issue.path.length ? `"${issue.path.join(".")}"` : "the entry";
      throw new ReportError(`report: ${file}, entry ${i + 1}${id}: ${where}: ${issue.message}`);
    }
    const row = r.data as unknown as LedgerRow;
    return { ...row, units: (r.data.units ?? []) as LedgerRow["units"], roles: r.data.roles ?? [], written: r.data.written ?? [] };
  });
}

/**
 * Builds the site. Throws ReportError (a notebook failed, bad options) or DataError (data could not
 * be read); on any failure the temporary folder is removed and DIR is left as it was.
 */
export async function buildReport(opts: ReportOptions): Promise<ReportResult> {
  const t0 = Date.now();
  const root = projectRoot();
  const out = path.resolve(opts.out);
  const nbDir = path.resolve(opts.notebooksDir);
  const say = (s: string) => opts.write(s.endsWith("\n") ? s : `${s}\n`);

  const notebooks = listNotebooks(nbDir);
  if (notebooks.length === 0) throw new ReportError(`report: no notebooks (.ipynb) in ${nbDir}`);
  if (nbDir === out || nbDir.startsWith(out + path.sep)) throw new ReportError(`report: --out ${out} holds the notebooks; choose another folder`);
  checkOut(out);
  // CSC_JUPYTER names another jupyter command to run instead of the project's .venv
  const own = process.env.CSC_JUPYTER;
  const env = own ? process.env : projectJupyter(root, opts.write);
  const jupyter = own || jupyterCommand(root);

  if (!opts.ledgerFile && !rawComplete()) {
    say("report: some official files are not in data/raw yet: fetching them first");
    await fetchSources();
  }
  const tl = Date.now();
  if (!opts.ledgerFile) prebuildWhenCold();
  const rows = opts.ledgerFile ? readLedger(opts.ledgerFile) : await buildLedger();
  say(`ledger: ${summaryLine(rows)} (${opts.ledgerFile ? `read from ${opts.ledgerFile}` : "checked"} in ${since(tl)} s)`);

  const created = !fs.existsSync(out);
  fs.mkdirSync(out, { recursive: true });
  for (const e of fs.readdirSync(out)) if (e.startsWith(BUILDING)) fs.rmSync(path.join(out, e), { recursive: true, force: true });
  const site = fs.mkdtempSync(path.join(out, BUILDING));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "csc-report-"));
  // Jupyter's runtime files (kernel connection files) go in the work folder, removed with it
  env.JUPYTER_RUNTIME_DIR = path.join(work, "runtime");
  fs.mkdirSync(env.JUPYTER_RUNTIME_DIR);
  let finished = false;
  const cleanup = () => {
    fs.rmSync(site, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
    if (created && !finished) {
      try {
        fs.rmdirSync(out);
      } catch {
        /* not empty: someone put something there */
      }
    }
  };
  let stopping = false;
  const onSignal = (sig: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\nreport: stopped (${sig}); stopping Jupyter; no site written\n`);
    void stopChildren().finally(() => {
      cleanup();
      process.exit(sig === "SIGINT" ? 130 : 143);
    });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    fs.mkdirSync(path.join(site, path.dirname(PLOTLY_ASSET)), { recursive: true });
    fs.copyFileSync(plotlyPath(), path.join(site, PLOTLY_ASSET));
    const executedDir = path.join(work, "executed");
    fs.mkdirSync(executedDir);
    const kernelEnv = { ...env, CSC_PLOTLY_SRC: PLOTLY_ASSET, CSC_NOTEBOOK_LINKS: "html", CSC_NOTEBOOKS_DIR: nbDir };

    // the notebooks run `jobs` at a time, each in its own nbconvert and kernel; a line per notebook
    // when it finishes ("[3/12] 03-variation-and-quality.ipynb … 11.2 s"), and on a terminal a line
    // that says which are running. After the first failure no other notebook starts; those running are
    // let finish (an nbconvert stopped in the middle can leave its kernel behind, in a session of its own)
    const n = notebooks.length;
    const jobs = Math.max(1, Math.min(opts.jobs ?? defaultJobs(), n));
    const results: ({ file: string; nb: NotebookJson } | undefined)[] = new Array(n);
    const active = new Map<string, number>();
    let finishedCount = 0;
    let failure: unknown;
    const status = () => `[${finishedCount}/${n} done] ${[...active].map(([f, t]) => `${f} ${Math.round((Date.now() - t) / 1000)} s`).join(", ")}`;
    const ticker = opts.tty ? setInterval(() => opts.write(`\r\x1b[K${status()}`), 1000) : undefined;
    const line = (s: string) => opts.write(opts.tty ? `\r\x1b[K${s}\n` : `${s}\n`);
    const executeOne = async (i: number, file: string): Promise<{ file: string; nb: NotebookJson }> => {
      const tn = Date.now();
      const r = await run(
        jupyter,
        [
          "nbconvert", "--to", "notebook", "--execute",
          `--ExecutePreprocessor.kernel_name=${KERNEL}`,
          `--ExecutePreprocessor.timeout=${opts.timeout}`,
          "--ExecutePreprocessor.allow_errors=True",
          "--output-dir", executedDir, "--output", file,
          path.join(nbDir, file),
        ],
        { cwd: nbDir, env: kernelEnv },
      );
      finishedCount++;
      line(`[${i + 1}/${n}] ${file} … ${since(tn)} s`);
      const executedFile = path.join(executedDir, file);
      if (r.error || r.status !== 0 || !fs.existsSync(executedFile)) {
        throw new ReportError(`report: notebook ${file} failed to run (nbconvert exit ${r.status ?? r.error?.message}):\n${tail(r.stderr)}`);
      }
      const nb = readNotebook(executedFile);
      const problems = notebookProblems(nb);
      if (problems.length) throw new ReportError(`report: notebook ${file} failed:\n${problems.map((p) => `  ${p.replace(/\n/g, "\n    ")}`).join("\n")}`);
      numberCodeCells(nb); // the pages show "In [n]:" (tslab's counts do not reach nbconvert)
      if (opts.executedCopies) {
        fs.mkdirSync(opts.executedCopies, { recursive: true });
        fs.copyFileSync(executedFile, path.join(opts.executedCopies, file));
        fs.writeFileSync(path.join(opts.executedCopies, `${file}.stamp`), executionStamp(path.join(nbDir, file)));
      }
      nb.metadata = { ...nb.metadata, title: `${notebookTitle(nb, file)} · csc-factcheck` };
      fs.writeFileSync(executedFile, JSON.stringify(nb));
      return { file, nb };
    };
    let next = 0;
    const lane = async () => {
      while (failure === undefined && next < n) {
        const i = next++;
        active.set(notebooks[i], Date.now());
        try {
          results[i] = await executeOne(i, notebooks[i]);
        } catch (e) {
          failure ??= e;
        } finally {
          active.delete(notebooks[i]);
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: jobs }, lane));
    } finally {
      if (ticker) clearInterval(ticker);
    }
    if (failure !== undefined) throw failure;
    const executed = results as { file: string; nb: NotebookJson }[];

    const ids = rows.map((r) => r.id);
    const places = placeClaims(executed, ids);
    const pages: NotebookPage[] = executed.map(({ file, nb }) => ({
      notebook: file,
      title: notebookTitle(nb, file),
      claims: ids.filter((id) => (places.get(id) ?? []).some((p) => p.notebook === file)).length,
    }));

    const th = Date.now();
    const template = path.join(work, "csc-page.html.j2");
    fs.writeFileSync(template, pageTemplate(pages));
    const html = await run(
      jupyter,
      ["nbconvert", "--to", "html", "--template", "lab", "--template-file", template, "--output-dir", site, ...notebooks.map((f) => path.join(executedDir, f))],
      { cwd: work, env },
    );
    const missing = notebooks.filter((f) => !fs.existsSync(path.join(site, pageName(f))));
    if (html.error || html.status !== 0 || missing.length) {
      throw new ReportError(`report: writing the HTML pages failed (nbconvert exit ${html.status ?? html.error?.message}; missing: ${missing.join(", ") || "none"}):\n${tail(html.stderr)}`);
    }
    say(`[html] ${notebooks.length} page${notebooks.length === 1 ? "" : "s"} … ${since(th)} s`);

    const commit = gitCommit(root);
    const built = { at: new Date().toISOString().replace(/\.\d+Z$/, "Z"), version: VERSION, commit, sources: loadSources().length, seconds: (Date.now() - t0) / 1000 };
    fs.writeFileSync(path.join(site, "ledger.json"), toJson(rows) + "\n");
    fs.writeFileSync(path.join(site, "ledger.csv"), toCsv(rows));
    fs.writeFileSync(
      path.join(site, "index.html"),
      indexHtml({ rows, places, pages, built, downloads: [{ label: "ledger.json", href: "ledger.json" }, { label: "ledger.csv", href: "ledger.csv" }] }),
    );
    install(site, out, { ...built, notebooks, claims: rows.length });
    finished = true;
    return { out, notebooks, claims: rows.length, seconds: (Date.now() - t0) / 1000 };
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    cleanup();
  }
}

/** The command: parses options, builds the site, prints where it is; returns the exit status. */
export async function reportCommand(argv: string[]): Promise<number> {
  const write = (s: string) => process.stderr.write(s);
  try {
    const opts = parseReportArgs(argv);
    if (opts.help) {
      process.stdout.write(REPORT_USAGE + "\n");
      return 0;
    }
    const timeout = opts.timeout === undefined ? 900 : Number(opts.timeout);
    if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`report: --timeout must be a positive number of seconds, not "${opts.timeout}"`);
    const jobs = opts.jobs === undefined ? undefined : Number(opts.jobs);
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`report: --jobs must be a whole number of notebooks, 1 or more, not "${opts.jobs}"`);
    const root = projectRoot();
    const r = await buildReport({
      out: opts.out ?? path.join(root, "report"),
      notebooksDir: opts.notebooks ?? path.join(root, "notebooks"),
      ledgerFile: opts.ledger,
      timeout,
      executedCopies: opts.executed,
      jobs,
      write,
      tty: Boolean(process.stderr.isTTY),
    });
    const relative = path.relative(process.cwd(), r.out);
    const rel = relative === "" ? "." : relative.startsWith("..") ? r.out : relative;
    write(`report: ${r.notebooks.length} notebook page${r.notebooks.length === 1 ? "" : "s"} and the index of ${r.claims} claims in ${rel}/ (${r.seconds.toFixed(1)} s); open ${path.join(rel, "index.html")}\n`);
    return 0;
  } catch (e) {
    if (e instanceof ReportError || e instanceof UsageError) {
      write(e.message.endsWith("\n") ? e.message : e.message + "\n");
      return e.code;
    }
    throw e;
  }
}
