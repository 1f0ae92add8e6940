/**
 * Notebook 08 (where the sources disagree), from the disagreements finder (src/claims/disagreements.ts).
 * For a quantity the notebook shows the statements the ledger holds (the data cell), compares every pair
 * in a few visible lines with the finder's own functions (the computation cell), and shows the table of
 * pairs with the data's answer and the cause, which fails loudly when the notebook's comparison is not the
 * finder's (the card).
 */
import * as path from "node:path";
import { buildLedger } from "../claims/ledger";
import {
  CAUSES, disagreements, docShort, inconsistencies as findInconsistencies, findGroups, statedQuantities, statementOf, summarise, summarySentence,
  type Cause, type Difference, type Disagreement, type FinderSummary, type Inconsistency, type QuantityGroup, type Statement,
} from "../claims/disagreements";
import type { LedgerRow } from "../claims/types";
import { escapeHtml, htmlTable, rawHtml, show } from "../display/html";
import { verdictBadge } from "../display/card";
import { fmtValue } from "../format";
import { projectRoot } from "../paths";
import { claimsInSource, listNotebooks, pageName, readNotebook } from "../report/notebooks";

export * from "./common";
export { causeOf, differencesOf, normalisePeriod, normaliseUnit, numbersAgree } from "../claims/disagreements";

let rows: LedgerRow[] | undefined;
let groups: QuantityGroup[] | undefined;
let list: Disagreement[] | undefined;
let where: Map<string, string> | undefined;

/** The whole ledger (once per kernel), the quantities stated more than once and those stated differently. */
export async function load(): Promise<string> {
  rows ??= await buildLedger();
  groups ??= findGroups(rows);
  list ??= disagreements(rows);
  return `${rows.length} claims in the ledger; ${groups.length} quantities stated more than once, ${list.length} of them stated differently`;
}

/** The ledger rows. */
export async function ledger(): Promise<LedgerRow[]> {
  await load();
  return rows!;
}

/** The finder's counts, shown as a sentence and a table by cause; returned for the reader's own use. */
export async function counts(): Promise<FinderSummary> {
  const s = summarise(await ledger());
  show(`<p>${escapeHtml(summarySentence(s))}</p>`);
  const differing = findGroups(await ledger()).flatMap((g) => g.differing);
  show(htmlTable(CAUSES.map((c) => ({ cause: c, pairs: s.byCause[c], "from the data": differing.filter((p) => p.cause === c && p.fromData).length })), { caption: "Differing pairs by cause" }));
  return s;
}

/** The notebook that shows each claim (from the notebooks' code), for links. */
function notebookOf(id: string): string | undefined {
  if (!where) {
    where = new Map();
    const dir = process.env.CSC_NOTEBOOKS_DIR ? path.resolve(process.env.CSC_NOTEBOOKS_DIR) : path.join(projectRoot(), "notebooks");
    const ids = (rows ?? []).map((r) => r.id);
    for (const f of listNotebooks(dir)) {
      if (f.startsWith("08-")) continue;
      for (const id of claimsInSource(readNotebook(path.join(dir, f)), ids).keys()) if (!where.has(id)) where.set(id, f);
    }
  }
  return where.get(id);
}

/** A link to a claim's card: its notebook in JupyterLab, its anchor in the report site. */
function claimLink(id: string): string {
  const nb = notebookOf(id);
  if (!nb) return `<code>${escapeHtml(id)}</code>`;
  const html = process.env.CSC_NOTEBOOK_LINKS === "html";
  const href = html ? `${pageName(nb)}#claim-${id}` : nb;
  return `<a href="${escapeHtml(encodeURI(href).replace(/%23/, "#"))}"><code>${escapeHtml(id)}</code></a>`;
}

/**
 * The data cell: every statement of a quantity as the ledger holds it — the number as written and in one
 * unit, its precision, its period as written and normalised, the verdict, the data's value and the
 * reading that reproduces it — shown as a table and returned for the computation cell.
 */
export async function statements(quantity: string): Promise<Statement[]> {
  const out: Statement[] = [];
  for (const r of await ledger()) for (const q of statedQuantities(r)) if (q.quantity === quantity) out.push(statementOf(r, q.index));
  if (!out.length) throw new Error(`no claim states the quantity "${quantity}"`);
  show(htmlTable(out.map((s) => ({
    claim: rawHtml(claimLink(s.id)),
    where: `${docShort(s.document)}, ${s.location}`,
    written: `${s.written}${s.term ? ` (“${s.term}”)` : ""}`,
    stated: s.stated,
    "±": s.tolerance,
    unit: s.unit,
    period: s.period ?? "",
    "period (normalised)": s.periodKey ?? "",
    verdict: rawHtml(verdictBadge(s.verdict as LedgerRow["verdict"])),
    "the data": s.recomputed === null ? "" : fmtValue(s.recomputed, s.unit, 1),
    "reproduced by": s.matches ?? "no reading of the data",
  })), { caption: `${quantity}: ${out.length} statements` }));
  return out;
}

/** Every pair of a list, in order: (0,1), (0,2), …, (1,2), … */
export function pairs<T>(xs: T[]): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) out.push([xs[i], xs[j]]);
  return out;
}

/** A pair as the computation cell finds it. */
export interface Found {
  a: string;
  b: string;
  differences: Difference[];
  cause: Cause;
  because: string;
}

/**
 * The card: the finder's differing pairs of a quantity, each with the data's answer and the cause.
 * With `found` (the notebook's own comparison), it fails loudly when the notebook's pairs, differences
 * or causes are not the finder's.
 */
export async function disagreement(quantity: string, found?: Found[]): Promise<void> {
  await load();
  const g = groups!.find((x) => x.quantity === quantity);
  if (!g) throw new Error(`"${quantity}" is not stated more than once`);
  if (found) {
    const key = (p: { a: string; b: string; differences: string[]; cause: string }) => `${p.a}~${p.b}: ${p.differences.join(",")} → ${p.cause}`;
    const mine = found.map(key).join("\n");
    const finder = g.differing.map((p) => key({ a: p.a.id, b: p.b.id, differences: p.differences, cause: p.cause })).join("\n");
    if (mine !== finder) throw new Error(`the notebook's comparison of ${quantity} is not the finder's:\nnotebook:\n${mine}\nfinder:\n${finder}`);
  }
  if (!g.differing.length) {
    show(`<p><b>${escapeHtml(quantity)}</b>: ${g.statements.length} statements, ${g.pairs} pairs; every pair agrees.</p>`);
    return;
  }
  const fmt = (x: number | null) => (x === null ? "no figure" : fmtValue(x, g.unit, 1));
  show(htmlTable(g.differing.map((p) => ({
    statement: rawHtml(`${escapeHtml(docShort(p.a.document))}, ${escapeHtml(p.a.location)}: <b>${escapeHtml(p.a.written)}</b>${p.a.period ? ` (${escapeHtml(p.a.period)})` : ""} ${claimLink(p.a.id)}`),
    against: rawHtml(`${escapeHtml(docShort(p.b.document))}, ${escapeHtml(p.b.location)}: <b>${escapeHtml(p.b.written)}</b>${p.b.period ? ` (${escapeHtml(p.b.period)})` : ""} ${claimLink(p.b.id)}`),
    differ: p.differences.join(", "),
    "the data": p.dataA === p.dataB ? fmt(p.dataA) : `${fmt(p.dataA)} / ${fmt(p.dataB)}`,
    cause: rawHtml(`<b>${escapeHtml(p.cause)}</b>${p.within ? " (within one document)" : ""}${p.cause !== "unexplained" && !p.fromData ? " (from the documents' words)" : ""}: ${escapeHtml(p.because)}${p.within && p.inconsistentRow ? `; recorded by ${claimLink(p.inconsistentRow)}` : ""}`),
  })), { caption: `${quantity}: ${g.differing.length} of ${g.pairs} pairs differ; the data: ${fmt(g.data)}` }));
}

/** Every quantity stated differently: one line each, with its differing pairs and their causes. */
export async function overview(): Promise<void> {
  await load();
  show(htmlTable(list!.map((d) => ({
    quantity: d.quantity,
    statements: d.statements.length,
    documents: [...new Set(d.statements.map((s) => docShort(s.document)))].join(", "),
    numbers: [...new Set(d.statements.map((s) => s.written))].join(" · "),
    "pairs differing": `${d.differing.length} of ${d.pairs}`,
    causes: d.causes.join(", "),
  })), { caption: "Every quantity stated differently (found by comparing every pair of statements)", maxRows: 200 }));
}

/** The ledger's `inconsistent` rows (the finder's `inconsistencies`): where a document's number contradicts its own other numbers. */
export async function inconsistencies(): Promise<Inconsistency[]> {
  const rs = findInconsistencies(await ledger());
  show(htmlTable(rs.map((r) => ({
    claim: rawHtml(claimLink(r.id)),
    where: `${docShort(r.document)}, ${r.location}`,
    states: r.written.join(", "),
    "its own numbers give": r.implied.map((x, i) => (x === null ? "–" : fmtValue(x, r.units[i], 2))).join(", "),
    why: r.because,
  })), { caption: `${rs.length} rows: a document against its own numbers` }));
  return rs;
}

/** Every quantity stated differently except those already shown, each as `disagreement` shows it. */
export async function others(shown: string[]): Promise<void> {
  await load();
  const rest = list!.filter((d) => !shown.includes(d.quantity));
  show(`<p>${rest.length} further quantities stated differently, in alphabetical order.</p>`);
  for (const d of rest) {
    show(`<h4>${escapeHtml(d.quantity)}</h4>`);
    await disagreement(d.quantity);
  }
}

export { figure8 } from "./variation";
export { sharesTable } from "./model";
