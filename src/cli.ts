import * as fs from "node:fs";
import type { Claim } from "./claims/types";
import { rawDir, seedsDir } from "./paths";
import { fsReason, isFsError } from "./data/fs-errors";
import { UsageError, listOf, nearest, oneOf, parseOptions } from "./commands/args";

// the data layer, the registry and the checks are loaded by the commands that use them (panel and
// --help start faster without them)
const sources = () => import("./data/sources");
const cache = () => import("./data/cache");

const DOCUMENTS = ["nao", "pac", "hcl", "govuk", "cc"] as const;

const DATA_USAGE = `Usage: csc-factcheck data

Copies the official files from $CSC_DATA_MIRROR (a folder laid out like data/raw) or, when it is
unset, downloads them from the urls in data/sources.json, into data/raw; verifies every sha256.
Files already present with the right sha256 are left alone; temporary files an interrupted run
left behind are removed.`;

const RECHECK_USAGE = `Usage: csc-factcheck recheck [--format table|json|csv|md] [--doc DOC,...] [--id ID,...] [--out FILE]

Runs every check and prints the ledger (fetching the official files first when data/raw is incomplete).
  --format table|json|csv|md   output format (default: table, fitted to the terminal)
  --doc nao,pac,hcl,govuk,cc   only these documents (any case)
  --id ID[,ID...]              only these claims; a trailing * matches every id beginning so ("nao-1-7-*")
  --out FILE                   write to FILE instead of standard output (a regular file is replaced
                               atomically; a link, a device or a pipe is written through)
The rows go to standard output (or FILE); the one-line summary and any messages go to standard error.
Exit status: 0 when every check ran, 1 when data could not be read or validated, 2 for a usage error.`;

const DISAGREEMENTS_USAGE = `Usage: csc-factcheck disagreements [--format table|json|md]

Compares every pair of statements of one quantity (across documents and within one) and lists the
quantities stated differently: the data's answer, which reading of the data reproduces each statement,
and the cause of each difference (vintage, period, inclusion, definition, cash-or-real, misquotation,
arithmetic, error (the data confirm one and contradict the other), or unexplained); then each number a document's own other numbers contradict (the
ledger's inconsistent rows). --format json gives { summary, disagreements, inconsistent }.`;

const USAGE = `csc-factcheck — re-checks the numbers in five documents about children's social care in England

Usage:
  csc-factcheck data                   copy the official files from $CSC_DATA_MIRROR (or download them) into data/raw, verifying sha256
  csc-factcheck recheck [options]      run every check and print the ledger (--format table|json|csv|md, --doc, --id, --out)
  csc-factcheck disagreements          where the documents state one quantity differently (--format table|json|md)
  csc-factcheck report [options]       run every notebook headless and write a static site (default report/)
  csc-factcheck panel [options]        a within (fixed-effects) panel regression on a CSV file
  csc-factcheck help [COMMAND]         this text, or a command's usage (also: csc-factcheck COMMAND --help)

Environment: CSC_DATA_MIRROR (mirror folder), CSC_RAW_DIR, CSC_CACHE_DIR.`;

const COMMANDS = ["data", "recheck", "disagreements", "report", "panel", "help"];

const err = (msg: string) => process.stderr.write(msg.endsWith("\n") ? msg : msg + "\n");

async function cmdData(argv: string[]): Promise<number> {
  const opts = parseOptions("data", argv, {}, DATA_USAGE);
  if (opts.help) {
    process.stdout.write(DATA_USAGE + "\n");
    return 0;
  }
  return fillRaw();
}

async function fillRaw(): Promise<number> {
  const { fetchSources, loadSources } = await sources();
  const list = loadSources();
  const mirror = process.env.CSC_DATA_MIRROR;
  err(mirror ? `copying ${list.length} files from the mirror ${mirror} into ${rawDir()}` : `downloading ${list.length} files into ${rawDir()}`);
  const t0 = Date.now();
  const r = await fetchSources({ log: (m) => { if (process.stderr.isTTY || /interrupted/.test(m)) err(m); } });
  err(`data: ${r.total} files verified (${r.copied} copied, ${r.downloaded} downloaded, ${r.present} already present) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return 0;
}

/**
 * The claims a list of --id patterns selects; an id that matches no claim is a usage error that
 * suggests the nearest ids (or ID* when some ids begin with it).
 */
export function checkIds(patterns: string[], claims: Pick<Claim, "id">[]): void {
  const ids = claims.map((c) => c.id);
  for (const p of patterns) {
    if (p.endsWith("*")) {
      const stem = p.slice(0, -1);
      if (ids.some((id) => id.startsWith(stem))) continue;
      const near = nearest(stem, [...new Set(ids.map((id) => id.slice(0, stem.length)))], 3).map((x) => `${x}*`);
      throw new UsageError(`recheck: --id ${p} matches no claim${near.length ? `; did you mean ${near.join(", ")}?` : ""}`);
    }
    if (ids.includes(p)) continue;
    const begins = ids.filter((id) => id.startsWith(p));
    if (begins.length) {
      throw new UsageError(`recheck: no claim has the id "${p}"; ${begins.length} begin${begins.length === 1 ? "s" : ""} with it (${begins.slice(0, 3).join(", ")}${begins.length > 3 ? ", …" : ""}): did you mean ${p}*?`);
    }
    const near = nearest(p, ids, 3);
    throw new UsageError(`recheck: no claim has the id "${p}"${near.length ? `; did you mean ${near.join(", ")}?` : ""}`);
  }
}

async function cmdRecheck(argv: string[]): Promise<number> {
  const opts = parseOptions("recheck", argv, { format: {}, doc: {}, id: {}, out: {} }, RECHECK_USAGE);
  if (opts.help) {
    process.stdout.write(RECHECK_USAGE + "\n");
    return 0;
  }
  const format = oneOf("recheck", "format", (opts.format as string | undefined) ?? "table", ["table", "json", "csv", "md"] as const);
  const docs = opts.doc !== undefined ? listOf("recheck", "doc", opts.doc as string, DOCUMENTS) : undefined;
  const ids = opts.id !== undefined ? (opts.id as string).split(",").map((s) => s.trim()) : undefined;
  if (ids && ids.some((s) => s === "")) throw new UsageError(`recheck: --id "${opts.id}" has an empty item`);
  // the checks and the ledger are loaded only by the commands that run them
  const { loadClaims, misquoted, RegistryError } = await import("./claims/registry");
  const { rawComplete, writeOutput } = await sources();
  const { cacheStats, onBuild, prebuildWhenCold } = await cache();
  const { CHECKS } = await import("./claims/checks");
  const { buildLedger } = await import("./claims/ledger");
  const { toCsv, toJson, toMarkdown, toTable, summaryLine } = await import("./claims/writers");
  const claims = loadClaims({ checkNames: Object.keys(CHECKS) });
  if (ids) checkIds(ids, claims);
  if (!rawComplete()) {
    err("some official files are not in data/raw yet: fetching them first");
    await fillRaw();
  }
  // every quote must be verbatim in its document, when the documents' text is at hand
  if (fs.existsSync(seedsDir())) {
    const bad = misquoted(claims);
    if (bad.length) throw new RegistryError(`${bad.length} quote(s) not found verbatim in the documents (${seedsDir()}): ${bad.map((b) => b.id).join(", ")}`);
  }
  const t0 = Date.now();
  const showProgress = process.stderr.isTTY || process.env.CSC_PROGRESS === "1";
  // a cold run parses the spreadsheets: say which table is being built, and how long it took
  if (showProgress) onBuild((msg) => process.stderr.write(`${process.stderr.isTTY ? "\r\x1b[K" : ""}${((Date.now() - t0) / 1000).toFixed(1)}s ${msg}\n`));
  // a cold run of the whole ledger: the slowest spreadsheets are parsed in a worker at the same time
  if (!docs && !ids) prebuildWhenCold();
  const rows = await buildLedger({
    claims, docs, ids, cache: true,
    onProgress: (done, total, id) => {
      if (!showProgress) return;
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K[${done}/${total}] ${secs}s ${id}`);
      else if (done === total) err(`[${done}/${total}] ${secs}s`);
    },
  });
  if (process.stderr.isTTY && showProgress) process.stderr.write("\r\x1b[K");
  if (rows.length === 0) {
    err(`recheck: no claim matches${docs ? ` --doc ${docs.join(",")}` : ""}${ids ? ` --id ${ids.join(",")}` : ""}`);
    return 2;
  }
  const out = opts.out as string | undefined;
  const width = out ? undefined : terminalWidth();
  const text = format === "json" ? toJson(rows) + "\n" : format === "csv" ? toCsv(rows) : format === "md" ? toMarkdown(rows) : toTable(rows, width);
  if (out) {
    writeOutput(out, text);
    err(`wrote ${rows.length} row${rows.length === 1 ? "" : "s"} (${format}) to ${out}`);
  } else {
    process.stdout.write(text);
  }
  err(summaryLine(rows));
  if (process.env.CSC_TIMING === "1") err(`recheck: ${((Date.now() - t0) / 1000).toFixed(2)} s; cache hits ${cacheStats.hits}, builds ${cacheStats.builds}`);
  return 0;
}

/** The width of the terminal standard output goes to; COLUMNS, or 100, when it is not a terminal. */
function terminalWidth(): number {
  if (process.stdout.isTTY && process.stdout.columns) return process.stdout.columns;
  const env = Number(process.env.COLUMNS);
  return Number.isFinite(env) && env >= 40 ? env : 100;
}

async function cmdDisagreements(argv: string[]): Promise<number> {
  const opts = parseOptions("disagreements", argv, { format: {} }, DISAGREEMENTS_USAGE);
  if (opts.help) {
    process.stdout.write(DISAGREEMENTS_USAGE + "\n");
    return 0;
  }
  const format = oneOf("disagreements", "format", (opts.format as string | undefined) ?? "table", ["table", "json", "md"] as const);
  const { rawComplete } = await sources();
  const { prebuildWhenCold } = await cache();
  if (!rawComplete()) await fillRaw();
  const { disagreements, inconsistencies, summarise, renderDisagreements, summarySentence } = await import("./claims/disagreements");
  const { buildLedger } = await import("./claims/ledger");
  const { fmtValue } = await import("./format");
  prebuildWhenCold();
  const rows = await buildLedger({});
  const list = disagreements(rows);
  const summary = summarise(rows);
  const inconsistent = inconsistencies(rows);
  if (format === "json") process.stdout.write(JSON.stringify({ summary, disagreements: list, inconsistent }, null, 2) + "\n");
  else process.stdout.write(renderDisagreements(list, summary, (x, unit) => fmtValue(x, unit, 1), format === "md", inconsistent));
  err(summarySentence(summary));
  return 0;
}

/** The usage of one command. */
async function usageOf(cmd: string): Promise<string | undefined> {
  switch (cmd) {
    case "data": return DATA_USAGE;
    case "recheck": return RECHECK_USAGE;
    case "disagreements": return DISAGREEMENTS_USAGE;
    case "report": return (await import("./commands/report")).REPORT_USAGE;
    case "panel": return (await import("./commands/panel")).PANEL_USAGE;
    case "help": return USAGE;
    default: return undefined;
  }
}

const DATA_ERRORS = new Set(["DataError", "SuppressedError", "MissingDataError", "RegistryError"]);

/** One line for an error the user can act on; a stack trace only for a fault in the program. */
function describeError(e: unknown): { message: string; code: number } {
  if (e instanceof UsageError) return { message: e.message, code: 2 };
  // DataError (and its kinds) and RegistryError, told by name so that their modules need not be loaded
  if (e instanceof Error && DATA_ERRORS.has(e.name)) return { message: `csc-factcheck: ${e.message}`, code: 1 };
  if (isFsError(e)) {
    const dest = (e as { dest?: string }).dest;
    const where = e.path ? ` ${e.path}${dest ? ` → ${dest}` : ""}` : "";
    return { message: `csc-factcheck: cannot ${e.syscall}${where}: ${fsReason(e)}`, code: 1 };
  }
  return { message: `csc-factcheck: unexpected error: ${(e as Error)?.stack ?? String(e)}`, code: 1 };
}

/** Runs the command line; returns the exit status. */
export async function main(argv = process.argv.slice(2)): Promise<number> {
  const cmd = argv[0] ?? "help";
  const rest = argv.slice(1);
  try {
    switch (cmd) {
      case "data": return await cmdData(rest);
      case "recheck": return await cmdRecheck(rest);
      case "disagreements": return await cmdDisagreements(rest);
      case "report": {
        const { reportCommand } = await import("./commands/report");
        return await reportCommand(rest);
      }
      case "panel": {
        const { panelCommand } = await import("./commands/panel");
        return await panelCommand(rest);
      }
      case "help": case "--help": case "-h": {
        const topic = rest.find((a) => !a.startsWith("-"));
        if (topic !== undefined) {
          const u = await usageOf(topic);
          if (u === undefined) throw new UsageError(`help: unknown command "${topic}"${nearest(topic, COMMANDS, 1).map((c) => `; did you mean ${c}?`).join("")}\n\n${USAGE}`);
          process.stdout.write(u + "\n");
          return 0;
        }
        process.stdout.write(USAGE + "\n");
        return 0;
      }
      default: {
        const near = nearest(cmd.replace(/^-+/, ""), COMMANDS, 1);
        throw new UsageError(`unknown command "${cmd}"${near.length ? `; did you mean ${near[0]}?` : ""}\n\n${USAGE}`);
      }
    }
  } catch (e) {
    const d = describeError(e);
    err(d.message);
    return d.code;
  }
}

/** A reader that stops early (`csc-factcheck recheck | head`) ends the output quietly. */
function quietOnClosedPipe(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

/** Runs the command line as a program (bin/csc-factcheck.js): sets the exit status. */
export function run(argv = process.argv.slice(2)): Promise<void> {
  quietOnClosedPipe();
  return main(argv).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) void run();
