/**
 * Notebook 00 (start here): the five documents, the verdict rules, the data sources with their
 * vintages, the whole ledger summarised (counts by verdict and document, a stacked bar chart), and
 * links to the part notebooks that exist. The ledger is the one `csc-factcheck recheck` prints.
 */
import * as path from "node:path";
import { buildLedger } from "../claims/ledger";
import { DOC_TITLES, loadClaims } from "../claims/registry";
import { VERDICTS } from "../claims/types";
import type { DocId, LedgerRow, Verdict } from "../claims/types";
import { loadSources, type Source } from "../data/sources";
import { escapeHtml, htmlTable, rawHtml, show } from "../display/html";
import { ledgerTable, verdictBadge, verdictCounts, VERDICT_COLOURS } from "../display/card";
import { barChart } from "../display/plotly";
import { fmtNumber } from "../format";
import { projectRoot } from "../paths";
import { claimsInSource, listNotebooks, notebookTitle, pageName, readNotebook } from "../report/notebooks";
import { docLabel } from "../report/index-page";

export * from "./common";

/** What each verdict means (the rules are applied in src/claims/verdict.ts). */
export { VERDICT_RULES } from "../claims/rules";
import { VERDICT_RULES } from "../claims/rules";

let ledgerRows: LedgerRow[] | undefined;

/** Every claim's ledger row (all checks run once per kernel). */
export async function ledger(): Promise<LedgerRow[]> {
  ledgerRows ??= await buildLedger();
  return ledgerRows;
}

/** The folder of the notebooks (the report points it elsewhere with CSC_NOTEBOOKS_DIR). */
function notebooksDir(): string {
  return process.env.CSC_NOTEBOOKS_DIR ? path.resolve(process.env.CSC_NOTEBOOKS_DIR) : path.join(projectRoot(), "notebooks");
}

/**
 * The link to a notebook: the .ipynb (JupyterLab opens it) or, in the report site
 * (CSC_NOTEBOOK_LINKS=html), its page.
 * @example notebookHref("01-demand-and-activity.ipynb") // => "01-demand-and-activity.ipynb" (in the report: "01-demand-and-activity.html")
 */
export function notebookHref(file: string): string {
  return encodeURI(process.env.CSC_NOTEBOOK_LINKS === "html" ? pageName(file) : file);
}

/** The five documents with the number of claims the registry holds for each. */
export function documents(): void {
  const claims = loadClaims();
  const rows = (Object.keys(DOC_TITLES) as DocId[]).map((d) => ({
    short: docLabel(d),
    document: DOC_TITLES[d],
    claims: claims.filter((c) => c.document === d).length,
  }));
  rows.push({ short: "", document: "all documents", claims: claims.length });
  show(htmlTable(rows, { caption: "The documents and the claims registered for each (data/claims/)", columns: [{ key: "short", label: "" }, { key: "document", label: "Document" }, { key: "claims", label: "Claims", format: "count" }] }));
}

/** The six verdicts: badge, rule and examples. */
export function verdictRules(): void {
  show(
    htmlTable(
      VERDICTS.map((v) => ({ verdict: rawHtml(verdictBadge(v)), rule: VERDICT_RULES[v] })),
      { caption: "The verdicts", columns: [{ key: "verdict", label: "Verdict" }, { key: "rule", label: "When it is given" }] },
    ),
  );
}

/** The topic of a source: the first folder of its path under data/raw, in words. */
function topicOf(s: Source): string {
  return s.file.split("/")[0].replace(/-/g, " ");
}

/** Distinct values in first-seen order. */
function distinct(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * The official files: a summary by topic (publishers, releases, vintages, licences), then every
 * file's release, vintage, coverage and licence, one collapsible table per topic.
 */
export function sources(): void {
  const all = loadSources();
  const topics = distinct(all.map(topicOf));
  const summary = topics.map((t) => {
    const ss = all.filter((s) => topicOf(s) === t);
    return {
      topic: t,
      files: ss.length,
      publishers: distinct(ss.map((s) => s.publisher)).join("; "),
      releases: distinct(ss.map((s) => s.release)).length,
      vintages: distinct(ss.map((s) => s.vintage)).length,
      licences: distinct(ss.map((s) => s.licence)).join("; "),
    };
  });
  const parts = [
    htmlTable(summary, {
      caption: `${fmtNumber(all.length)} official files, by topic (data/sources.json; each verified by its sha256)`,
      columns: [
        { key: "topic", label: "Topic" },
        { key: "files", label: "Files", format: "count" },
        { key: "publishers", label: "Publishers" },
        { key: "releases", label: "Releases", format: "count" },
        { key: "vintages", label: "Vintages", format: "count" },
        { key: "licences", label: "Licences" },
      ],
    }),
  ];
  for (const t of topics) {
    const ss = all.filter((s) => topicOf(s) === t);
    const table = htmlTable(
      ss.map((s) => ({ id: s.id, publisher: s.publisher, release: s.release, vintage: s.vintage, covers: s.covers, licence: s.licence, file: s.file })),
      {
        maxRows: 1000,
        columns: [
          { key: "id", label: "Source id" },
          { key: "publisher", label: "Publisher" },
          { key: "release", label: "Release" },
          { key: "vintage", label: "Vintage" },
          { key: "covers", label: "Covers" },
          { key: "licence", label: "Licence" },
          { key: "file", label: "File (under data/raw)" },
        ],
      },
    );
    parts.push(`<details style="margin:4px 0"><summary><b>${escapeHtml(t)}</b>: ${fmtNumber(ss.length)} files</summary>${table}</details>`);
  }
  show(parts.join(""));
}

/** Counts of claims by document (rows) and verdict (columns). */
function countsByDocument(rows: LedgerRow[]): { doc: DocId; counts: Record<Verdict, number>; total: number }[] {
  const docs = (Object.keys(DOC_TITLES) as DocId[]).filter((d) => rows.some((r) => r.document === d));
  return docs.map((doc) => {
    const counts = Object.fromEntries(VERDICTS.map((v) => [v, rows.filter((r) => r.document === doc && r.verdict === v).length])) as Record<Verdict, number>;
    return { doc, counts, total: rows.filter((r) => r.document === doc).length };
  });
}

/**
 * The whole ledger summarised: counts by verdict, a table of verdicts by document, and a stacked bar
 * chart of the same.
 */
export async function ledgerSummary(): Promise<void> {
  const rows = await ledger();
  show(verdictCounts(rows));
  const byDoc = countsByDocument(rows);
  const table = byDoc.map((d) => ({ document: `${docLabel(d.doc)}: ${DOC_TITLES[d.doc]}`, ...d.counts, all: d.total }));
  table.push({ document: "all documents", ...(Object.fromEntries(VERDICTS.map((v) => [v, rows.filter((r) => r.verdict === v).length])) as Record<Verdict, number>), all: rows.length });
  show(
    htmlTable(table, {
      caption: "Claims by document and verdict",
      columns: [{ key: "document", label: "Document" }, ...VERDICTS.map((v) => ({ key: v, label: v, format: "count" as const })), { key: "all", label: "All", format: "count" }],
    }),
  );
  barChart({
    categories: byDoc.map((d) => docLabel(d.doc)),
    series: VERDICTS.map((v) => ({ name: v, values: byDoc.map((d) => d.counts[v]) })),
    stacked: true,
    title: `Verdicts on ${fmtNumber(rows.length)} claims, by document`,
    xTitle: "Document",
    yTitle: "Claims (number)",
    source: `csc-factcheck ledger (every check run on the ${fmtNumber(loadSources().length)} official files in data/sources.json)`,
    layout: { colorway: VERDICTS.map((v) => VERDICT_COLOURS[v].background), legend: { traceorder: "normal" } },
  });
}

/** A compact list of verdict badges with their counts, e.g. [confirmed] 27 [differs] 10. */
function verdictMix(rows: LedgerRow[]): string {
  return VERDICTS.map((v) => [v, rows.filter((r) => r.verdict === v).length] as const)
    .filter(([, k]) => k > 0)
    .map(([v, k]) => `${verdictBadge(v)} ${fmtNumber(k)}`)
    .join(" ");
}

/**
 * The part notebooks that exist, each linked, with the claims it shows (ids named in its code cells)
 * and their verdicts; then the claims no notebook shows yet.
 */
export async function notebooks(): Promise<void> {
  const rows = await ledger();
  const ids = rows.map((r) => r.id);
  const dir = notebooksDir();
  const files = listNotebooks(dir).filter((f) => !/^00[-_]/.test(f));
  const seen = new Set<string>();
  const table = files.map((f) => {
    const nb = readNotebook(path.join(dir, f));
    const shown = claimsInSource(nb, ids);
    for (const id of shown.keys()) seen.add(id);
    const mine = rows.filter((r) => shown.has(r.id));
    return {
      notebook: rawHtml(`<a href="${escapeHtml(notebookHref(f))}">${escapeHtml(notebookTitle(nb, f))}</a>`),
      claims: mine.length,
      verdicts: rawHtml(verdictMix(mine)),
    };
  });
  show(htmlTable(table, { caption: `The part notebooks (${files.length})`, columns: [{ key: "notebook", label: "Notebook" }, { key: "claims", label: "Claims shown", format: "count" }, { key: "verdicts", label: "Verdicts" }] }));
  const rest = rows.filter((r) => !seen.has(r.id));
  show(
    rest.length === 0
      ? `<p>Every claim of the ledger is shown in one of these notebooks.</p>`
      : `<p>${fmtNumber(rest.length)} of ${fmtNumber(rows.length)} claims are not shown in a notebook yet; they are in the ledger below and in <code>csc-factcheck recheck</code>.</p>`,
  );
}

/** Every claim of the ledger in one table (id, where, stated, recomputed, verdict). */
export async function allClaims(): Promise<void> {
  const rows = await ledger();
  show(ledgerTable(rows, { caption: `The ledger: ${fmtNumber(rows.length)} claims`, maxRows: 5000 }));
}
