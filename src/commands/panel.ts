/**
 * `csc-factcheck panel`: fits a within (fixed-effects) panel regression to a
 * CSV file and prints the result as JSON (the default) or as a table.
 *
 *   csc-factcheck panel --data FILE.csv --y COL --x COL,COL --entity COL
 *       --time COL --effects oneway|twoways [--cluster entity]
 *       [--vcov hc0|hc1|sss] [--format json|table]
 *
 * JSON output starts with the keys `coefficients`, `se`, `n`, `entities`,
 * `periods`, `r2_within` (a stable contract); more keys follow.
 */
import { within, CLUSTER_TYPES, type ClusterType, type Effects, type WithinResult } from "../stats/panel";
import { formatPanelTable } from "../stats/panel-format";
import { UsageError, oneOf, parseOptions } from "./args";
import { PanelCsvError, printable, readPanelCsv } from "./panel-csv";

export const PANEL_USAGE = `Usage: csc-factcheck panel --data FILE.csv --y COL --x COL[,COL...] --entity COL [--time COL]
                          [--effects oneway|twoways] [--cluster entity] [--vcov hc0|hc1|sss]
                          [--format json|table]

Within (fixed-effects) regression of --y on --x with entity effects (oneway, the default)
or entity and time effects (twoways; needs --time). Standard errors are conventional, or
clustered by entity with --cluster entity, as plm's vcovHC(method = "arellano", cluster = "group")
with --vcov hc0 (no small-sample adjustment, the default), hc1 (n/(n-K)) or sss (G/(G-1)*(n-1)/(n-K));
--cluster-type is an older name for --vcov.
The file is read as CSV (quoted fields allowed; line ends \n, \r\n or \r); every row must have as
many fields as the header. Entity and time labels are text ("01" and "1" are different entities).
Cells that are empty, NA, NaN, null or "." are missing: those rows are dropped and counted.
Output: JSON (default) or a regression table (--format table).`;

/** A bad invocation or bad input; `code` is the exit status. */
class PanelInputError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

const OPTIONS = {
  data: {},
  y: {},
  x: {},
  entity: {},
  time: {},
  effects: {},
  cluster: {},
  vcov: {},
  "cluster-type": {},
  format: {},
};

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
    const args = argv[0] === "panel" ? argv.slice(1) : argv;
    const opts = parseOptions("panel", args, OPTIONS, PANEL_USAGE) as Record<string, string | undefined>;
    if (opts.help) {
      process.stdout.write(PANEL_USAGE + "\n");
      return 0;
    }
    for (const req of ["data", "y", "x", "entity"]) {
      if (!opts[req]) throw new UsageError(`panel: missing --${req}\n\n${PANEL_USAGE}`);
    }
    const effects = oneOf("panel", "effects", opts.effects ?? "oneway", ["oneway", "twoways"] as const) as Effects;
    if (effects === "twoways" && !opts.time) throw new UsageError("panel: --effects twoways needs --time COL");
    if (opts.cluster !== undefined) oneOf("panel", "cluster", opts.cluster, ["entity"] as const);
    if (opts.vcov !== undefined && opts["cluster-type"] !== undefined) throw new UsageError("panel: give --vcov or its older name --cluster-type, not both");
    const vcovName = opts.vcov !== undefined ? "vcov" : "cluster-type";
    const clusterType = oneOf("panel", vcovName, opts.vcov ?? opts["cluster-type"] ?? "HC0", CLUSTER_TYPES) as ClusterType;
    if ((opts.vcov !== undefined || opts["cluster-type"] !== undefined) && opts.cluster === undefined) {
      throw new UsageError(`panel: --${vcovName} chooses the clustered standard errors: add --cluster entity`);
    }
    const format = oneOf("panel", "format", opts.format ?? "json", ["json", "table"] as const);
    const xNames = opts.x!.split(",").map((s) => s.trim());
    if (xNames.some((s) => s.length === 0)) throw new UsageError(`panel: --x "${printable(opts.x!)}" has an empty name`);
    const dupX = xNames.find((nm, i) => xNames.indexOf(nm) !== i);
    if (dupX) throw new UsageError(`panel: column "${printable(dupX)}" appears twice in --x`);
    const y = opts.y!;
    if (xNames.includes(y)) throw new UsageError(`panel: --x includes the response --y "${printable(y)}": a variable cannot explain itself (plm refuses it too)`);
    const entity = opts.entity!;
    if (opts.time !== undefined && opts.time === entity) throw new UsageError(`panel: --time and --entity name the same column "${printable(entity)}"`);

    const file = opts.data!;
    let cols;
    try {
      cols = readPanelCsv(file, { y, x: xNames, entity, time: opts.time });
    } catch (e) {
      if (e instanceof PanelCsvError) throw new PanelInputError(e.message, 1);
      throw e;
    }
    let fit: WithinResult;
    try {
      fit = within({ y: cols.y, x: cols.x, entity: cols.entity, time: cols.time }, { effects, vcov: opts.cluster === "entity" ? "cluster" : "iid", clusterType });
    } catch (e) {
      throw new PanelInputError(`panel: ${printable((e as Error).message.replace(/^within: /, ""), 2000)}`, 1);
    }
    if (fit.duplicatePairs) {
      process.stderr.write(`panel: warning: ${fit.duplicatePairs} rows repeat an (entity, time) pair already seen in "${printable(file, 200)}"\n`);
    }
    if (![fit.ssr, fit.tss].every(Number.isFinite) || fit.vcov.some((r) => r.some((v) => !Number.isFinite(v)))) {
      process.stderr.write("panel: warning: the sums of squares or covariances exceed the range of double-precision numbers and are given as null; coefficients and standard errors are exact\n");
    }
    if (format === "json") process.stdout.write(JSON.stringify(panelJson(fit, y), null, 2) + "\n");
    else process.stdout.write(formatPanelTable(fit, y));
    return 0;
  } catch (e) {
    if (e instanceof PanelInputError || e instanceof UsageError) {
      process.stderr.write(e.message + "\n");
      return e.code;
    }
    throw e;
  }
}
