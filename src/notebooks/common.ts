/**
 * What every notebook calls: fetch the data, run a claim's check and show its card, summarise.
 * The part modules (demand.ts, …)
 * add the figures of their part of the documents. Each function runs the same checks the ledger runs
 * and shows the result; the notebooks hold no logic of their own.
 */
import { loadClaims } from "../claims/registry";
import { checkClaim } from "../claims/ledger";
import type { Claim, LedgerRow } from "../claims/types";
import { claimCard, ledgerTable, verdictCounts } from "../display/card";
import { show } from "../display/html";
import { fetchSources, rawComplete, loadSources } from "../data/sources";

let registry: Claim[] | undefined;
const done = new Map<string, LedgerRow>();

/** Makes sure the official files are in data/raw (from $CSC_DATA_MIRROR or the official URLs). */
export async function ensureData(): Promise<string> {
  if (!rawComplete()) await fetchSources();
  return `${loadSources().length} official files in data/raw, sha256 verified`;
}

/** Runs one claim's check (once per kernel) and returns its ledger row. */
export async function check(id: string): Promise<LedgerRow> {
  registry ??= loadClaims();
  const hit = done.get(id);
  if (hit) return hit;
  const c = registry.find((x) => x.id === id);
  if (!c) throw new Error(`no claim "${id}" in the registry`);
  const row = await checkClaim(c);
  done.set(id, row);
  return row;
}

/** Shows one claim as a card: quote, stated vs recomputed, verdict, explanation, evidence (use `check` for the row itself). */
export async function claim(id: string): Promise<void> {
  show(claimCard(await check(id)));
}

/** Shows several claims' cards in order. */
export async function claims(...ids: string[]): Promise<void> {
  for (const id of ids) await claim(id);
}

/** Adds a row a notebook computed (and checked against the ledger's) to this notebook's summary. */
export function record(row: LedgerRow): void {
  done.set(row.id, row);
}

/** Shows the ledger rows of every claim checked so far in this notebook, with counts by verdict. */
export function summary(caption = "Claims checked in this notebook"): void {
  const rows = [...done.values()];
  show(verdictCounts(rows));
  show(ledgerTable(rows, { caption }));
}
