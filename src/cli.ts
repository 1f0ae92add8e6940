import { fetchSources, loadSources, rawComplete, DataError } from "./data/sources";
import { buildLedger, countByVerdict } from "./claims/ledger";
import { toCsv, toJson, toMarkdown, toTable, summaryLine } from "./claims/writers";
import * as fs from "node:fs";
import { RegistryError, loadClaims, misquoted } from "./claims/registry";
import { CHECKS } from "./claims/checks";
import { rawDir, seedsDir } from "./paths";
import { cacheStats, onBuild } from "./data/cache";

const USAGE = `csc-factcheck — re-checks the numbers in five documents about children's social care in England

Usage:
  csc-factcheck data                       copy the official files from $CSC_DATA_MIRROR (or download them) into data/raw, verifying sha256
  csc-factcheck recheck [options]          run every check and print the ledger
      --format table|json|csv|md           output format (default: table)
      --doc nao,pac,hcl,govuk,cc           only these documents
      --id ID[,ID...]                      only these claims (a trailing * matches a prefix)
      --out FILE                           write to FILE (atomically) instead of standard output
  csc-factcheck report [--out DIR] [--notebooks DIR] [--ledger FILE.json] [--timeout SECONDS]
                                           run every notebook headless and write a static site (default report/)
  csc-factcheck disagreements [--format table|json|md]
                                           where two documents (or two places in one) state one quantity differently, and which reading of the data reproduces each
  csc-factcheck panel --data FILE.csv --y COL --x COL,COL --entity COL --time COL --effects oneway|twoways [--cluster entity] [--format json|table]
  csc-factcheck help

Environment: CSC_DATA_MIRROR (mirror folder), CSC_RAW_DIR, CSC_CACHE_DIR.`;

/** Parses --name value and --name=value options; bare words are positional. */
export function parseArgs(argv: string[]): { positional: string[]; opts: Record<string, string> } {
  const positional: string[] = [];
  const opts: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      if (eq > 0) opts[a.slice(2, eq)] = a.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) opts[a.slice(2)] = argv[++i];
      else opts[a.slice(2)] = "true";
    } else positional.push(a);
  }
  return { positional, opts };
}

const err = (msg: string) => process.stderr.write(msg.endsWith("\n") ? msg : msg + "\n");

async function cmdData(): Promise<number> {
  const sources = loadSources();
  const mirror = process.env.CSC_DATA_MIRROR;
  err(mirror ? `copying ${sources.length} files from the mirror ${mirror} into ${rawDir()}` : `downloading ${sources.length} files into ${rawDir()}`);
  const t0 = Date.now();
  const r = await fetchSources({ log: (m) => { if (process.stderr.isTTY) err(m); } });
  err(`data: ${r.total} files verified (${r.copied} copied, ${r.downloaded} downloaded, ${r.present} already present) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return 0;
}

async function cmdRecheck(opts: Record<string, string>): Promise<number> {
  const format = opts.format ?? "table";
  if (!["table", "json", "csv", "md"].includes(format)) {
    err(`unknown --format "${format}": use table, json, csv or md`);
    return 2;
  }
  if (!rawComplete()) {
    err("some official files are not in data/raw yet: fetching them first");
    await cmdData();
  }
  const docs = opts.doc ? opts.doc.split(",").map((s) => s.trim()) : undefined;
  const ids = opts.id ? opts.id.split(",").map((s) => s.trim()) : undefined;
  const claims = loadClaims({ checkNames: Object.keys(CHECKS) });
  // every quote must be verbatim in its document, when the documents' text is at hand
  if (fs.existsSync(seedsDir())) {
    const bad = misquoted(claims);
    if (bad.length) throw new RegistryError(`${bad.length} quote(s) not found verbatim in the documents (${seedsDir()}): ${bad.map((b) => b.id).join(", ")}`);
  }
  const t0 = Date.now();
  const showProgress = process.stderr.isTTY || process.env.CSC_PROGRESS === "1";
  // a cold run parses the spreadsheets: say which table is being built, and how long it took
  if (showProgress) onBuild((msg) => process.stderr.write(`${process.stderr.isTTY ? "\r\x1b[K" : ""}${((Date.now() - t0) / 1000).toFixed(1)}s ${msg}\n`));
  const rows = await buildLedger({
    claims, docs, ids,
    onProgress: (done, total, id) => {
      if (!showProgress) return;
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K[${done}/${total}] ${secs}s ${id}`);
      else if (done === total) err(`[${done}/${total}] ${secs}s`);
    },
  });
  if (process.stderr.isTTY && showProgress) process.stderr.write("\r\x1b[K");
  if (rows.length === 0) {
    err(`no claim matches${docs ? ` --doc ${docs.join(",")}` : ""}${ids ? ` --id ${ids.join(",")}` : ""}`);
    return 2;
  }
  const text = format === "json" ? toJson(rows) + "\n" : format === "csv" ? toCsv(rows) : format === "md" ? toMarkdown(rows) : toTable(rows);
  if (opts.out) {
    const { writeAtomic } = await import("./data/sources");
    writeAtomic(opts.out, text);
    err(`wrote ${rows.length} rows to ${opts.out}`);
  } else {
    process.stdout.write(text);
  }
  if (format !== "table") err(summaryLine(rows));
  if (process.env.CSC_TIMING === "1") err(`recheck: ${((Date.now() - t0) / 1000).toFixed(2)} s; cache hits ${cacheStats.hits}, builds ${cacheStats.builds}`);
  void countByVerdict;
  return 0;
}

async function cmdDisagreements(opts: Record<string, string>): Promise<number> {
  const format = opts.format ?? "table";
  if (!["table", "json", "md"].includes(format)) {
    err(`unknown --format "${format}": use table, json or md`);
    return 2;
  }
  if (!rawComplete()) await cmdData();
  const { disagreements } = await import("./claims/disagreements");
  const list = disagreements(await buildLedger({}));
  if (format === "json") process.stdout.write(JSON.stringify(list, null, 2) + "\n");
  else {
    const md = format === "md";
    const lines: string[] = [];
    for (const d of list) {
      lines.push(md ? `### ${d.quantity}` : `== ${d.quantity}`);
      for (const s of d.statements) lines.push(`${md ? "- " : "  "}${s.document} ${s.location}: ${s.written}${s.term ? ` (“${s.term}”)` : ""}${s.period ? `, ${s.period}` : ""} → ${s.verdict}; ${s.matches ?? "no reading of the data reproduces it"} [${s.id}]`);
      lines.push("");
    }
    lines.push(`${list.length} quantities stated differently`);
    process.stdout.write(lines.join("\n") + "\n");
  }
  return 0;
}

/** Runs the command line; returns the exit status. */
export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { positional, opts } = parseArgs(argv);
  const cmd = positional[0] ?? "help";
  try {
    switch (cmd) {
      case "data": return await cmdData();
      case "recheck": return await cmdRecheck(opts);
      case "disagreements": return await cmdDisagreements(opts);
      case "report": {
        const { reportCommand } = await import("./commands/report");
        return await reportCommand(argv.slice(1));
      }
      case "panel": {
        const { panelCommand } = await import("./commands/panel");
        return await panelCommand(argv.slice(1));
      }
      case "help": case "--help": case "-h":
        process.stdout.write(USAGE + "\n");
        return 0;
      default:
        err(`unknown command "${cmd}"\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof DataError || e instanceof RegistryError) {
      err(`csc-factcheck: ${e.message}`);
      return 1;
    }
    err(`csc-factcheck: unexpected error: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}

if (require.main === module) {
  main().then((code) => { process.exitCode = code; });
}
