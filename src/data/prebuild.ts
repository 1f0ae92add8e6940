/**
 * Builds the slowest tidy tables (and the model's bootstrap) into the cache, in a worker thread the command line starts on a
 * cold run (the first cache miss of a whole-ledger recheck), while the main thread builds the
 * others: the spreadsheets of both halves are parsed on two cores at once. A table the worker is
 * building is locked (src/data/cache.ts): the main thread, when it needs it, waits for the entry
 * instead of building it twice. A failure here is left for the main thread, which builds the table
 * itself and reports the error.
 */
import { parentPort } from "node:worker_threads";
import { ro3Table, s251Table } from "./tidy/spending";
import { ro3LinesRows } from "./tidy/service-totals";
import { ofstedTable } from "./tidy/ofsted";
import { covariatesTable } from "./tidy/covariates";
import { workforceTable } from "./tidy/workforce";
import { realTables } from "../claims/tables";
import { bootstrapShares, specById } from "../claims/kinds/model-panel";

/** The tables built in the worker, in the order the ledger needs them (after the main thread's first ones). */
export const PREBUILT: [string, () => unknown][] = [
  ["spending-ro3", ro3Table],
  // the RO3 sheets are open in this thread now: their children's social care lines cost little more
  ["service-ro3-lines", ro3LinesRows],
  ["spending-s251", s251Table],
  ["ofsted", ofstedTable],
  ["covariates", covariatesTable],
  ["workforce", workforceTable],
  // the model shares' bootstrap intervals (the set-up with funding, then the NAO's): the slowest
  // computation after the spreadsheets, kept in the cache under the same key the main thread asks for.
  // The main thread reaches the NAO's first: while it computes that one, this thread computes the other
  ["model-bootstrap", () => { const t = realTables(); for (const id of ["funding", "nao"]) bootstrapShares(t, specById(id)); }],
];

/** Builds (or finds in the cache) each table of PREBUILT. */
export function prebuild(): void {
  for (const [, build] of PREBUILT) {
    try {
      build();
    } catch {
      /* the main thread meets the same problem and reports it */
    }
  }
}

if (parentPort) {
  prebuild();
  parentPort.postMessage("done");
}
