/**
 * Notebook 08 (where the sources disagree): every quantity that two documents, or two places in one
 * document, state differently — generated from the registry's `quantity` names and the ledger, never
 * typed by hand — with the data's answer, the reading of the data that reproduces each number, and a
 * link to each claim's card.
 */
import * as path from "node:path";
import { buildLedger } from "../claims/ledger";
import { disagreements, statedQuantities, type Disagreement } from "../claims/disagreements";
import { DOC_TITLES } from "../claims/registry";
import type { LedgerRow } from "../claims/types";
import { escapeHtml, htmlTable, rawHtml, show } from "../display/html";
import { verdictBadge } from "../display/card";
import { fmtValue } from "../format";
import { projectRoot } from "../paths";
import { claimsInSource, listNotebooks, pageName, readNotebook } from "../report/notebooks";

export * from "./common";

let rows: LedgerRow[] | undefined;
let list: Disagreement[] | undefined;
let where: Map<string, string> | undefined;

/** The whole ledger (once per kernel) and the disagreements in it. */
export async function load(): Promise<string> {
  rows ??= await buildLedger();
  list ??= disagreements(rows);
  return `${rows.length} claims in the ledger; ${list.length} quantities are stated differently`;
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

function docShort(d: string): string {
  return (DOC_TITLES[d as keyof typeof DOC_TITLES] ?? d).split(",")[0];
}

/** The stem of a quantity name: the words before its period ("cpp-change-2010-to-2020" → "cpp-change"). */
export function stem(quantity: string): string {
  return quantity.replace(/-(\d{4}|aug|march|may)[-a-z0-9]*$/, "");
}

/** The list of every quantity stated differently: one line each. */
export async function overview(): Promise<void> {
  await load();
  show(htmlTable(list!.map((d) => ({
    quantity: d.quantity,
    statements: d.statements.length,
    documents: [...new Set(d.statements.map((s) => docShort(s.document)))].join(", "),
    numbers: [...new Set(d.statements.map((s) => s.written))].join(" · "),
  })), { caption: "Every quantity stated differently (generated from the registry)", maxRows: 200 }));
}

/** One quantity: who states what, what the data say, which reading reproduces each number, related quantities. */
export async function disagreement(quantity: string): Promise<void> {
  await load();
  const d = list!.find((x) => x.quantity === quantity);
  if (!d) {
    const known = [...new Set(rows!.flatMap((r) => statedQuantities(r).map((q) => q.quantity)))].filter((q) => q === quantity);
    show(`<p>${escapeHtml(quantity)}: ${known.length ? "every statement agrees with the data's reading — no disagreement" : "no claim states this quantity"}.</p>`);
    return;
  }
  const table = htmlTable(d.statements.map((s) => ({
    document: `${docShort(s.document)}, ${s.location}`,
    states: `${s.written}${s.term ? ` (“${s.term}”)` : ""}`,
    period: s.period ?? "",
    verdict: rawHtml(verdictBadge(s.verdict as LedgerRow["verdict"])),
    "reproduced by": s.matches ?? "no reading of the data",
    claim: rawHtml(claimLink(s.id)),
  })), { caption: quantity });
  const related = [...new Set(rows!.flatMap((r) => statedQuantities(r).map((q) => q.quantity)))].filter((q) => q !== quantity && stem(q) === stem(quantity));
  const relatedHtml = related.length
    ? `<p><b>The same measure over another period or date:</b> ${related.map((q) => {
        const rs = rows!.filter((r) => statedQuantities(r).some((x) => x.quantity === q));
        return rs.map((r) => {
          const i = statedQuantities(r).find((x) => x.quantity === q)!.index;
          return `${escapeHtml(docShort(r.document))} (${escapeHtml(r.location)}) ${escapeHtml(r.written[i])}${r.periods?.[i] ? ` for ${escapeHtml(r.periods[i]!)}` : ""} → ${escapeHtml(r.verdict)} ${claimLink(r.id)}`;
        }).join("; ");
      }).join(" | ")}</p>`
    : "";
  show(`<div class="csc-disagreement">${table}<p><b>The data:</b> ${escapeHtml(d.data === null ? "no figure" : fmtValue(d.data, d.unit, 1))} (primary reading of the first statement). <b>Why the numbers differ:</b> ${escapeHtml(d.cause)}.</p>${relatedHtml}</div>`);
}

/** Every quantity stated differently except those already shown, each as `disagreement` shows it. */
export async function others(shown: string[]): Promise<void> {
  await load();
  const rest = list!.filter((d) => !shown.includes(d.quantity));
  show(`<p>${rest.length} further quantities, in alphabetical order.</p>`);
  for (const d of rest) {
    show(`<h4>${escapeHtml(d.quantity)}</h4>`);
    await disagreement(d.quantity);
  }
}

export { figure8 } from "./variation";
export { sharesTable, sharesChart } from "./model";
