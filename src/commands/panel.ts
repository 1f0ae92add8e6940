/**
 * `csc-factcheck panel`: fits a within (fixed-effects) panel regression to a
 * CSV file and prints the result as JSON (the default) or as a table.
 *
 *   csc-factcheck panel --data FILE.csv --y COL --x COL,COL --entity COL
 *       --time COL --effects oneway|twoways [--cluster entity]
 *       [--cluster-type HC0|sss] [--format json|table]
 *
 * JSON output starts with the keys `coefficients`, `se`, `n`, `entities`,
 * `periods`, `r2_within` (a stable contract); more keys follow.
 */
import * as fs from "node:fs";
import { parse } from "csv-parse/sync";
import { within, type ClusterType, type Effects, type Key, type WithinResult } from "../stats/panel";
import { formatPanelTable } from "../stats/panel-format";

export const PANEL_USAGE = `Usage: csc-factcheck panel --data FILE.csv --y COL --x COL[,COL...] --entity COL [--time COL]
                          [--effects oneway|twoways] [--cluster entity] [--cluster-type HC0|sss]
                          [--format json|table]

Within (fixed-effects) regression of --y on --x with entity effects (oneway, the default)
or entity and time effects (twoways; needs --time). Standard errors are conventional, or
clustered by entity with --cluster entity (HC0: no small-sample adjustment, as plm's
vcovHC(method = "arellano", type = "HC0"); sss: G/(G-1)*(n-1)/(n-K), as plm's type = "sss").
Cells that are empty, NA, NaN, null or "." are missing: those rows are dropped and counted.
Output: JSON (default) or a regression table (--format table).`;

/** Cell values treated as missing (case-insensitive). */
const MISSING = new Set(["", "na", "nan", "null", "."]);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A bad invocation or bad input; `code` is the exit status. */
class PanelInputError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

const FLAGS = new Set(["data", "y", "x", "entity", "time", "effects", "cluster", "cluster-type", "format", "help"]);

function parseFlags(argv: string[]): Record<string, string> {
  const opts: Record<string, string> = {};
  const args = argv[0] === "panel" ? argv.slice(1) : argv;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-h") {
      opts.help = "true";
      continue;
    }
    if (!a.startsWith("--")) throw new PanelInputError(`panel: unexpected argument "${a}"\n\n${PANEL_USAGE}`, 2);
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (!FLAGS.has(name)) throw new PanelInputError(`panel: unknown option --${name}\n\n${PANEL_USAGE}`, 2);
    if (eq > 0) opts[name] = a.slice(eq + 1);
    else if (name === "help") opts.help = "true";
    else if (i + 1 < args.length && !args[i + 1].startsWith("--")) opts[name] = args[++i];
    else throw new PanelInputError(`panel: option --${name} needs a value\n\n${PANEL_USAGE}`, 2);
  }
  return opts;
}

/** Columns of a panel read from CSV. Missing numbers are NaN; missing labels are null. */
interface PanelColumns {
  y: number[];
  x: Record<string, number[]>;
  entity: (Key | null)[];
  time?: (Key | null)[];
}

/** Names of the columns to read. */
interface PanelSpec {
  y: string;
  x: string[];
  entity: string;
  time?: string;
}

/**
 * Reads the needed columns of a CSV file (csv-parse/sync; a file without any quote character is
 * split by hand, which gives the same records faster), converting each
 * record as it is parsed (the records themselves are not kept, so memory stays
 * proportional to the columns used). Numeric cells must look like numbers;
 * empty, NA, NaN, null and "." cells are missing. Labels (entity, time) become
 * numbers when every label of that column is numeric, strings otherwise.
 */
function readPanelCsv(file: string, spec: PanelSpec): PanelColumns {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : (e as Error).message;
    throw new PanelInputError(`panel: cannot read --data "${file}": ${why}`, 1);
  }
  let header: string[] | null = null;
  let jy = -1;
  let jx: number[] = [];
  let je = -1;
  let jt = -1;
  const y: number[] = [];
  const xs: number[][] = spec.x.map(() => []);
  const labels = (): { codes: number[]; seen: Map<string, number>; levels: string[] } => ({
    codes: [],
    seen: new Map(),
    levels: [],
  });
  const ent = labels();
  const tim = labels();
  let row = 0;
  const num = (cell: string | undefined, name: string, line: number): number => {
    if (cell === undefined || cell.length === 0) return NaN;
    if (NUMBER.test(cell)) return Number(cell);
    if (MISSING.has(cell.toLowerCase())) return NaN;
    throw new PanelInputError(`panel: row ${row} (line ${line}), column "${name}": "${cell}" is not a number`, 1);
  };
  const label = (cell: string | undefined, into: ReturnType<typeof labels>): void => {
    if (cell === undefined || MISSING.has(cell.toLowerCase())) {
      into.codes.push(-1);
      return;
    }
    let c = into.seen.get(cell);
    if (c === undefined) {
      c = into.levels.length;
      into.seen.set(cell, c);
      into.levels.push(cell);
    }
    into.codes.push(c);
  };
  const onRecord = (rec: string[], info: { lines: number }): null => {
    if (header === null) {
      header = rec;
      const h = rec;
      jy = columnIndex(h, spec.y, "y", file);
      jx = spec.x.map((nm) => columnIndex(h, nm, "x", file));
      je = columnIndex(h, spec.entity, "entity", file);
      jt = spec.time !== undefined ? columnIndex(h, spec.time, "time", file) : -1;
      return null;
    }
    row++;
    y.push(num(rec[jy], spec.y, info.lines));
    for (let k = 0; k < jx.length; k++) xs[k].push(num(rec[jx[k]], spec.x[k], info.lines));
    label(rec[je], ent);
    if (jt >= 0) label(rec[jt], tim);
    return null;
  };
  try {
    if (buf.indexOf(0x22) < 0) {
      // no quote character anywhere: every line is a record and every comma a separator, so the
      // records are the ones csv-parse would give; splitting by hand is several times faster on
      // the multi-million-row panels the benchmark reads
      const text = buf.toString("utf8").replace(/^\uFEFF/, "");
      let start = 0;
      let lineNo = 0;
      while (start < text.length) {
        let end = text.indexOf("\n", start);
        if (end < 0) end = text.length;
        lineNo++;
        let line = text.slice(start, end);
        start = end + 1;
        if (line.endsWith("\r")) line = line.slice(0, -1);
        if (line.trim() === "") continue;
        onRecord(line.split(",").map((c) => c.trim()), { lines: lineNo });
      }
    } else {
      parse(buf, { bom: true, skip_empty_lines: true, trim: true, on_record: onRecord });
    }
  } catch (e) {
    if (e instanceof PanelInputError) throw e;
    throw new PanelInputError(`panel: "${file}" is not valid CSV: ${(e as Error).message}`, 1);
  }
  if (header === null) throw new PanelInputError(`panel: "${file}" is empty`, 1);
  const keys = (l: ReturnType<typeof labels>): (Key | null)[] => {
    const numeric = l.levels.every((v) => NUMBER.test(v));
    const lv: Key[] = numeric ? l.levels.map(Number) : l.levels;
    return l.codes.map((c) => (c < 0 ? null : lv[c]));
  };
  const x: Record<string, number[]> = {};
  spec.x.forEach((nm, k) => (x[nm] = xs[k]));
  return { y, x, entity: keys(ent), time: jt >= 0 ? keys(tim) : undefined };
}

function columnIndex(header: string[], name: string, flag: string, file: string): number {
  const j = header.indexOf(name);
  if (j < 0) {
    throw new PanelInputError(
      `panel: column "${name}" (--${flag}) not found in "${file}"; columns found: ${header.join(", ")}`,
      1,
    );
  }
  return j;
}

/** JSON document of a fit: the contract keys first, then details. */
export function panelJson(fit: WithinResult, response: string): Record<string, unknown> {
  return {
    coefficients: fit.coefficients,
    se: fit.se,
    n: fit.n,
    entities: fit.entities,
    periods: fit.periods,
    r2_within: fit.r2Within,
    t: fit.t,
    p: fit.p,
    df: fit.df,
    vcov_type: fit.vcovType === "cluster" ? "cluster-entity" : "conventional",
    cluster_type: fit.vcovType === "cluster" ? fit.clusterType : null,
    vcov: fit.vcov,
    se_conventional: fit.seIid,
    effects: fit.effects,
    y: response,
    x: fit.names,
    dropped: fit.dropped,
    balanced: fit.balanced,
    ssr: fit.ssr,
    tss: fit.tss,
  };
}

/**
 * Runs `panel` with the given arguments (the words after `panel`; a leading
 * "panel" is ignored). Writes the result to standard output and problems to
 * standard error.
 *
 * @param argv command-line arguments
 * @returns exit status: 0 on success, 1 for bad data (missing file or column, non-numeric cell, model error), 2 for bad usage
 * @example
 * await panelCommand(["--data", "Grunfeld.csv", "--y", "inv", "--x", "value,capital", "--entity", "firm", "--time", "year", "--effects", "oneway"]);
 * // prints {"coefficients": {"value": 0.1101238..., "capital": 0.3100653...}, ...} and returns 0
 */
export async function panelCommand(argv: string[]): Promise<number> {
  try {
    const opts = parseFlags(argv);
    if (opts.help) {
      process.stdout.write(PANEL_USAGE + "\n");
      return 0;
    }
    for (const req of ["data", "y", "x", "entity"]) {
      if (!opts[req]) throw new PanelInputError(`panel: missing --${req}\n\n${PANEL_USAGE}`, 2);
    }
    const effects = (opts.effects ?? "oneway") as Effects;
    if (effects !== "oneway" && effects !== "twoways") {
      throw new PanelInputError(`panel: unknown --effects "${opts.effects}": use oneway or twoways`, 2);
    }
    if (effects === "twoways" && !opts.time) {
      throw new PanelInputError("panel: --effects twoways needs --time COL", 2);
    }
    if (opts.cluster !== undefined && opts.cluster !== "entity") {
      throw new PanelInputError(`panel: unknown --cluster "${opts.cluster}": only "entity" is supported`, 2);
    }
    const clusterType = (opts["cluster-type"] ?? "HC0") as ClusterType;
    if (clusterType !== "HC0" && clusterType !== "sss") {
      throw new PanelInputError(`panel: unknown --cluster-type "${clusterType}": use HC0 or sss`, 2);
    }
    const format = opts.format ?? "json";
    if (format !== "json" && format !== "table") {
      throw new PanelInputError(`panel: unknown --format "${format}": use json or table`, 2);
    }
    const xNames = opts.x.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
    if (xNames.length === 0) throw new PanelInputError("panel: --x names no column", 2);
    const dupX = xNames.find((nm, i) => xNames.indexOf(nm) !== i);
    if (dupX) throw new PanelInputError(`panel: column "${dupX}" appears twice in --x`, 2);

    const file = opts.data;
    const cols = readPanelCsv(file, { y: opts.y, x: xNames, entity: opts.entity, time: opts.time });
    let fit: WithinResult;
    try {
      fit = within(cols, { effects, vcov: opts.cluster === "entity" ? "cluster" : "iid", clusterType });
    } catch (e) {
      throw new PanelInputError(`panel: ${(e as Error).message.replace(/^within: /, "")}`, 1);
    }
    if (fit.duplicatePairs) {
      process.stderr.write(
        `panel: warning: ${fit.duplicatePairs} rows repeat an (entity, time) pair already seen in "${file}"\n`,
      );
    }
    if (format === "json") process.stdout.write(JSON.stringify(panelJson(fit, opts.y), null, 2) + "\n");
    else process.stdout.write(formatPanelTable(fit, opts.y));
    return 0;
  } catch (e) {
    if (e instanceof PanelInputError) {
      process.stderr.write(e.message + "\n");
      return e.code;
    }
    throw e;
  }
}
