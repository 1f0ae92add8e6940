/**
 * `csc-factcheck report [--out DIR]`: executes every notebook headless and writes a static site.
 *
 *   csc-factcheck report [--out DIR] [--notebooks DIR] [--ledger FILE.json] [--timeout SECONDS]
 *
 * 1. the official files are fetched when data/raw is incomplete, and the ledger is built (every
 *    check, in-process), or read from a `recheck --format json` file given with --ledger;
 * 2. each notebook runs in nbconvert with the tslab kernel, both from the project's virtual environment
 *    .venv (src/jupyter.ts; env/setup.sh makes it on first use and reuses it after)
 *    (`jupyter nbconvert --to notebook --execute`), one after the other, with progress on stderr:
 *    "[2/5] 03-variation-and-quality.ipynb … 12.3 s". The kernels get CSC_PLOTLY_SRC=assets/plotly.min.js,
 *    so every figure loads the site's one copy of plotly.js instead of inlining 3.5 MB per page
 *    (src/display/plotly.ts), and CSC_NOTEBOOK_LINKS=html, so links between notebooks point at pages;
 * 3. a notebook that stops on an error, or writes an error on stderr, stops the build: the command
 *    exits 1 naming the notebook, the cell and the error;
 * 4. the executed notebooks become HTML pages (`nbconvert --to html`, JupyterLab's template without
 *    require.js or MathJax, with a bar linking the pages: src/report/template.ts);
 * 5. index.html lists the ledger as a sortable, filterable table (src/report/index-page.ts), each
 *    claim linked to the card that shows it; ledger.json and ledger.csv sit beside it.
 *
 * The site is built in a temporary folder beside DIR and renamed into place at the end, so a failed
 * build leaves no half-written site (a previous report stays as it was). DIR (default report/ in
 * the project) is replaced only if it is empty or holds a previous report (its .csc-report file).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { projectRoot } from "../paths";
import { VERSION } from "../version";
import { fetchSources, loadSources, rawComplete } from "../data/sources";
import { buildLedger } from "../claims/ledger";
import { toCsv, toJson, summaryLine } from "../claims/writers";
import { VERDICTS } from "../claims/types";
import type { LedgerRow } from "../claims/types";
import { plotlyPath } from "../display/plotly";
import { listNotebooks, notebookProblems, notebookTitle, numberCodeCells, pageName, placeClaims, readNotebook, type NotebookJson } from "../report/notebooks";
import { indexHtml, type NotebookPage } from "../report/index-page";
import { pageTemplate } from "../report/template";
import { ensureJupyter, jupyterCommand, JupyterError, KERNEL } from "../jupyter";

export const REPORT_USAGE = `Usage: csc-factcheck report [--out DIR] [--notebooks DIR] [--ledger FILE.json] [--timeout SECONDS]

Executes every notebook headless (Jupyter nbconvert, tslab kernel) and writes a static site to DIR
(default: report/ in the project): one HTML page per notebook, and index.html with every claim of the
ledger in a table that sorts and filters, each claim linked to the notebook section showing it.
  --out DIR            where the site goes (replaced only if empty or a previous report)
  --notebooks DIR      the notebooks to run (default: notebooks/ in the project)
  --ledger FILE.json   the ledger from \`csc-factcheck recheck --format json\` instead of running the checks
  --timeout SECONDS    longest a single cell may run (default 900)
Runs the project's Jupyter (.venv in the project, made by env/setup.sh on first use: env/README.md).`;

/** Where the site's copy of plotly.js goes, relative to the pages. */
export const PLOTLY_ASSET = "assets/plotly.min.js";
/** The file marking a folder as a report (holds the build's details as JSON). */
export const MARKER = ".csc-report";

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
  /** Progress and messages (stderr). */
  write: (s: string) => void;
  /** Whether progress may redraw its line (a terminal). */
  tty: boolean;
}

export interface ReportResult {
  out: string;
  notebooks: string[];
  claims: number;
  seconds: number;
}

const OPTIONS = new Set(["out", "notebooks", "ledger", "timeout", "help"]);

/** Parses the command's options (argv may start with "report"). */
export function parseReportArgs(argv: string[]): Record<string, string> {
  const args = argv[0] === "report" ? argv.slice(1) : argv;
  const opts: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-h" || a === "--help") {
      opts.help = "true";
      continue;
    }
    if (!a.startsWith("--")) throw new ReportError(`report: unexpected argument "${a}"\n\n${REPORT_USAGE}`, 2);
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (!OPTIONS.has(name)) throw new ReportError(`report: unknown option --${name}\n\n${REPORT_USAGE}`, 2);
    if (eq > 0) opts[name] = a.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1].startsWith("--")) opts[name] = args[++i];
    else throw new ReportError(`report: option --${name} needs a value\n\n${REPORT_USAGE}`, 2);
  }
  return opts;
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

/** Runs a command asynchronously; resolves with its exit status and output (the last 256 kB of each). */
function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ status: number | null; stdout: string; stderr: string; error?: Error }> {
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    const cap = (s: string) => (s.length > 262144 ? s.slice(-262144) : s);
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (b: Buffer) => (stdout = cap(stdout + b.toString("utf8"))));
    child.stderr.on("data", (b: Buffer) => (stderr = cap(stderr + b.toString("utf8"))));
    child.on("error", (error) => resolve({ status: null, stdout, stderr, error }));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
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

/** Refuses to replace a folder that is neither empty nor a previous report. */
function checkOut(out: string): void {
  if (!fs.existsSync(out)) return;
  if (!fs.statSync(out).isDirectory()) throw new ReportError(`report: ${out} exists and is not a folder; choose another --out`);
  const entries = fs.readdirSync(out);
  if (entries.length > 0 && !entries.includes(MARKER)) {
    throw new ReportError(`report: ${out} is not empty and holds no previous report (no ${MARKER} file): it will not be replaced; choose another --out`);
  }
}

/** Reads a ledger written by `recheck --format json`; the error names the file and the entry. */
export function readLedger(file: string): LedgerRow[] {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new ReportError(`report: cannot read the ledger ${file}: ${(e as Error).message}`);
  }
  if (!Array.isArray(data)) throw new ReportError(`report: ${file} is not a ledger (expected a JSON array of claims)`);
  return data.map((x: Record<string, unknown>, i) => {
    const bad = (what: string) => new ReportError(`report: ${file}, entry ${i + 1}${typeof x?.id === "string" ? ` (${x.id})` : ""}: ${what}`);
    if (!x || typeof x !== "object") throw bad("not an object");
    for (const k of ["id", "document", "location", "quote", "explanation"]) if (typeof x[k] !== "string") throw bad(`"${k}" is not a string`);
    if (!VERDICTS.includes(x.verdict as never)) throw bad(`unknown verdict "${String(x.verdict)}"`);
    if (!Array.isArray(x.stated)) throw bad(`"stated" is not an array`);
    if (x.recomputed !== null && !Array.isArray(x.recomputed)) throw bad(`"recomputed" is neither an array nor null`);
    if (!Array.isArray(x.evidence)) throw bad(`"evidence" is not an array`);
    const list = (k: string) => (Array.isArray(x[k]) ? (x[k] as string[]) : []);
    return { ...(x as unknown as LedgerRow), units: list("units") as LedgerRow["units"], roles: list("roles"), written: list("written") };
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
  const env = projectJupyter(root, opts.write);
  const jupyter = jupyterCommand(root);

  if (!opts.ledgerFile && !rawComplete()) {
    say("report: some official files are not in data/raw yet: fetching them first");
    await fetchSources();
  }
  const tl = Date.now();
  const rows = opts.ledgerFile ? readLedger(opts.ledgerFile) : await buildLedger();
  say(`ledger: ${summaryLine(rows)} (${opts.ledgerFile ? `read from ${opts.ledgerFile}` : "checked"} in ${since(tl)} s)`);

  fs.mkdirSync(path.dirname(out), { recursive: true });
  const site = fs.mkdtempSync(path.join(path.dirname(out), `.${path.basename(out)}.building-`));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "csc-report-"));
  const cleanup = () => {
    fs.rmSync(site, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  };
  const onSignal = (sig: NodeJS.Signals) => {
    cleanup();
    process.stderr.write(`\nreport: stopped (${sig}); no site written\n`);
    process.exit(sig === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    fs.mkdirSync(path.join(site, path.dirname(PLOTLY_ASSET)), { recursive: true });
    fs.copyFileSync(plotlyPath(), path.join(site, PLOTLY_ASSET));
    const executedDir = path.join(work, "executed");
    fs.mkdirSync(executedDir);
    const kernelEnv = { ...env, CSC_PLOTLY_SRC: PLOTLY_ASSET, CSC_NOTEBOOK_LINKS: "html", CSC_NOTEBOOKS_DIR: nbDir };

    const executed: { file: string; nb: NotebookJson }[] = [];
    for (let i = 0; i < notebooks.length; i++) {
      const file = notebooks[i];
      const label = `[${i + 1}/${notebooks.length}] ${file} …`;
      const tn = Date.now();
      let ticker: NodeJS.Timeout | undefined;
      if (opts.tty) {
        opts.write(`${label} `);
        ticker = setInterval(() => opts.write(`\r\x1b[K${label} ${Math.round((Date.now() - tn) / 1000)} s`), 1000);
      } else opts.write(`${label} `);
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
      if (ticker) clearInterval(ticker);
      const done = `${since(tn)} s`;
      opts.write(opts.tty ? `\r\x1b[K${label} ${done}\n` : `${done}\n`);
      const executedFile = path.join(executedDir, file);
      if (r.error || r.status !== 0 || !fs.existsSync(executedFile)) {
        throw new ReportError(`report: notebook ${file} failed to run (nbconvert exit ${r.status ?? r.error?.message}):\n${tail(r.stderr)}`);
      }
      const nb = readNotebook(executedFile);
      const problems = notebookProblems(nb);
      if (problems.length) throw new ReportError(`report: notebook ${file} failed:\n${problems.map((p) => `  ${p.replace(/\n/g, "\n    ")}`).join("\n")}`);
      numberCodeCells(nb); // the pages show "In [n]:" (tslab's counts do not reach nbconvert)
      nb.metadata = { ...nb.metadata, title: `${notebookTitle(nb, file)} · csc-factcheck` };
      fs.writeFileSync(executedFile, JSON.stringify(nb));
      executed.push({ file, nb });
    }

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
    fs.writeFileSync(path.join(site, MARKER), JSON.stringify({ ...built, notebooks, claims: rows.length }, null, 2) + "\n");
    fs.chmodSync(site, 0o755); // mkdtemp makes it private; a site is for reading

    // swap the new site in: the old one (if any) moves aside first and is removed only after
    if (fs.existsSync(out)) {
      const old = path.join(path.dirname(out), `.${path.basename(out)}.old-${process.pid}`);
      fs.renameSync(out, old);
      try {
        fs.renameSync(site, out);
      } catch (e) {
        fs.renameSync(old, out);
        throw e;
      }
      fs.rmSync(old, { recursive: true, force: true });
    } else {
      fs.renameSync(site, out);
    }
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
    if (!Number.isFinite(timeout) || timeout <= 0) throw new ReportError(`report: --timeout must be a positive number of seconds, not "${opts.timeout}"`, 2);
    const root = projectRoot();
    const r = await buildReport({
      out: opts.out ?? path.join(root, "report"),
      notebooksDir: opts.notebooks ?? path.join(root, "notebooks"),
      ledgerFile: opts.ledger,
      timeout,
      write,
      tty: Boolean(process.stderr.isTTY),
    });
    const relative = path.relative(process.cwd(), r.out);
    const rel = relative === "" ? "." : relative.startsWith("..") ? r.out : relative;
    write(`report: ${r.notebooks.length} notebook page${r.notebooks.length === 1 ? "" : "s"} and the index of ${r.claims} claims in ${rel}/ (${r.seconds.toFixed(1)} s); open ${path.join(rel, "index.html")}\n`);
    return 0;
  } catch (e) {
    if (e instanceof ReportError) {
      write(e.message.endsWith("\n") ? e.message : e.message + "\n");
      return e.code;
    }
    throw e;
  }
}
