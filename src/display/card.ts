/**
 * Claim cards and ledger summaries for notebooks: what the document says, what the data says,
 * the verdict (a coloured badge that always spells the verdict out) and where the numbers come from.
 */
import { fmtNumber, fmtValue } from "../format";
import { DOC_TITLES } from "../claims/registry";
import { VERDICTS } from "../claims/types";
import type { Evidence, LedgerRow, Unit, Verdict, Alternative } from "../claims/types";
import { escapeHtml, htmlTable, rawHtml, MISSING } from "./html";

/** Badge colours by verdict: background and text, chosen for contrast. */
export const VERDICT_COLOURS: Record<Verdict, { background: string; text: string }> = {
  confirmed: { background: "#1a7f37", text: "#ffffff" },
  rounding: { background: "#b7e4b0", text: "#0f3d16" },
  revised: { background: "#d8e9c8", text: "#1e3a0f" },
  differs: { background: "#f59e0b", text: "#1f1300" },
  consistent: { background: "#dbe4f0", text: "#1b2a41" },
  misquoted: { background: "#8e24aa", text: "#ffffff" },
  inconsistent: { background: "#c62828", text: "#ffffff" },
  model: { background: "#1f5fbf", text: "#ffffff" },
  unverifiable: { background: "#8c959f", text: "#ffffff" },
};

/**
 * A short label for a document: "NAO", "PAC", …
 * @example docLabel("govuk") // => "GOV.UK"
 */
export function docLabel(doc: string): string {
  return doc === "govuk" ? "GOV.UK" : doc.toUpperCase();
}

/**
 * A coloured badge with the verdict written in it (the colour is never the only signal).
 * @example verdictBadge("differs") // => '<span class="csc-verdict csc-verdict-differs" style="…">differs</span>'
 */
export function verdictBadge(verdict: Verdict): string {
  const c = VERDICT_COLOURS[verdict] ?? { background: "#8c959f", text: "#ffffff" };
  const style = `display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;background:${c.background};color:${c.text}`;
  return `<span class="csc-verdict csc-verdict-${escapeHtml(verdict)}" style="${style}">${escapeHtml(verdict)}</span>`;
}

/**
 * A recomputed value written in its unit (src/format.ts `fmtValue`); a count that is not whole keeps one decimal.
 * @example fmtRecomputed(655630, "count") // => "655,630"
 * @example fmtRecomputed(7.21, "percent") // => "7.2%"
 */
export function fmtRecomputed(x: number | null | undefined, unit: Unit | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING;
  const u = unit ?? "count";
  return u === "count" && !Number.isInteger(x) ? fmtValue(x, u, 1) : fmtValue(x, u);
}

/** The recomputed values of a row, written in their units and joined by "; ". */
function recomputedText(row: LedgerRow): string {
  return row.recomputed === null ? MISSING : row.recomputed.map((x, i) => fmtRecomputed(x, row.units[i])).join("; ");
}

/** What a row states, as written (or the numbers when the written forms are absent). */
function statedText(row: LedgerRow, i: number): string {
  return row.written?.[i] ?? (row.stated[i] === undefined ? MISSING : fmtRecomputed(row.stated[i], row.units[i]));
}

/** One value read from a source, written for the evidence list. */
function evidenceValue(v: number | string | null): string {
  if (v === null) return MISSING;
  return typeof v === "number" ? fmtNumber(v, Number.isInteger(v) ? 0 : Math.abs(v) >= 100 ? 1 : 3) : v;
}

/** A list of strings, shortened after `max` with a count of the rest. */
function listText(xs: string[], max = 8): string {
  return xs.length <= max ? xs.join(", ") : `${xs.slice(0, max).join(", ")}, … (${xs.length - max} more)`;
}

/**
 * One evidence item as an HTML list entry: file [sheet], rows, columns, values, note.
 * @example evidenceItem({ source: "cin-2018", file: "cin/2018.csv", rows: ["England"], columns: ["referrals"], values: { referrals: 655630 } })
 * // => "<li><code>cin/2018.csv</code> … rows: England; columns: referrals; values: referrals = 655,630</li>"
 */
export function evidenceItem(e: Evidence): string {
  const parts: string[] = [`<code>${escapeHtml(e.file)}</code>${e.sheet ? ` [sheet ${escapeHtml(e.sheet)}]` : ""} <span style="color:#57606a">(${escapeHtml(e.source)})</span>`];
  if (e.rows.length) parts.push(`rows: ${escapeHtml(listText(e.rows))}`);
  if (e.columns.length) parts.push(`columns: ${escapeHtml(listText(e.columns))}`);
  const vals = Object.entries(e.values ?? {});
  if (vals.length) parts.push(`values: ${escapeHtml(listText(vals.map(([k, v]) => `${k} = ${evidenceValue(v)}`), 12))}`);
  if (e.note) parts.push(`<i>${escapeHtml(e.note)}</i>`);
  return `<li>${parts.join("; ")}</li>`;
}

/** Other readings of the quantity (later vintages, other definitions) as a short list. */
function alternativesHtml(alts: Alternative[] | undefined): string {
  if (!alts || alts.length === 0) return "";
  const items = alts.map((a) => {
    const vals = Object.entries(a.values).map(([k, v]) => `${k} = ${v === null ? MISSING : fmtNumber(v, Number.isInteger(v) ? 0 : 2)}`);
    return `<li>${escapeHtml(a.label)} <span style="color:#57606a">(${escapeHtml(a.kind)})</span>: ${escapeHtml(vals.join(", "))}</li>`;
  });
  return `<div style="margin-top:6px"><b>Other readings</b><ul style="margin:2px 0 0 18px;padding:0">${items.join("")}</ul></div>`;
}

/** The stated-vs-recomputed table of a card, one line per stated value. */
function comparisonTable(row: LedgerRow): string {
  const n = Math.max(row.stated.length, row.written?.length ?? 0);
  const lines = Array.from({ length: n }, (_, i) => ({
    what: row.roles?.[i] ?? "",
    stated: statedText(row, i),
    recomputed: row.recomputed === null ? null : fmtRecomputed(row.recomputed[i], row.units[i]),
  }));
  return htmlTable(lines, {
    columns: [
      { key: "what", label: "" },
      { key: "stated", label: "Stated", align: "right" },
      { key: "recomputed", label: "Recomputed", align: "right" },
    ],
  });
}

/** The card's rules that inline styles cannot say (an open card, the marker); identical in every card, so repeats are harmless. */
const CARD_STYLE =
  "<style>.csc-claim-card>summary{list-style:none}.csc-claim-card>summary::-webkit-details-marker{display:none}" +
  ".csc-claim-card[open]>summary .csc-card-quote{-webkit-line-clamp:unset;display:block}" +
  ".csc-claim-card>summary .csc-card-more::before{content:'\\25B8  ';color:#57606a}.csc-claim-card[open]>summary .csc-card-more::before{content:'\\25BE  '}</style>";

/** "stated X → recomputed Y" for a card's closed line: every stated value as written, then the recomputed ones. */
function outcomeLine(row: LedgerRow): string {
  const n = Math.max(row.stated.length, row.written?.length ?? 0);
  const stated = Array.from({ length: n }, (_, i) => statedText(row, i)).join("; ") || MISSING;
  return `stated <b>${escapeHtml(stated)}</b> · recomputed <b>${escapeHtml(recomputedText(row))}</b>`;
}

/**
 * A card for one ledger row, closed by default (a <details>): its line shows the document and
 * location, stated vs recomputed and the verdict badge, then the quote (two lines; all of it once
 * open); opened, it shows the claim's id and the document's title, the comparison by value, the
 * explanation, other readings and the evidence (the files, rows and columns, one click further). Every string is escaped. The card's id,
 * `claim-<id>`, is the anchor the report's index links to (the report opens the card it lands on).
 * @example show(claimCard(row)) // in a notebook: the card for row.id
 */
export function claimCard(row: LedgerRow): string {
  const doc = DOC_TITLES[row.document] ?? row.document;
  const colour = (VERDICT_COLOURS[row.verdict] ?? VERDICT_COLOURS.unverifiable).background;
  return [
    CARD_STYLE,
    `<details class="csc-claim-card" id="claim-${escapeHtml(row.id)}" style="border:1px solid #d0d7de;border-left:6px solid ${colour};border-radius:6px;padding:5px 12px;margin:6px 0;max-width:60em">`,
    `<summary style="cursor:pointer;display:block;list-style:none">`,
    `<span style="display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:2px 12px">`,
    `<span class="csc-card-more" title="${escapeHtml(doc)}"><b>${escapeHtml(docLabel(row.document))}</b> ${escapeHtml(row.location)}</span>`,
    `<span>${outcomeLine(row)} ${verdictBadge(row.verdict)}</span>`,
    `</span>`,
    `<span class="csc-card-quote" style="display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;margin:2px 0 0;font-style:italic">“${escapeHtml(row.quote)}”</span>`,
    `</summary>`,
    `<div style="margin:6px 0 2px;font-size:12px;color:#57606a"><code>${escapeHtml(row.id)}</code> · ${escapeHtml(doc)}, ${escapeHtml(row.location)}</div>`,
    comparisonTable(row),
    `<p style="margin:6px 0">${escapeHtml(row.explanation)}</p>`,
    alternativesHtml(row.alternatives),
    `<details style="margin:4px 0 2px"><summary style="cursor:pointer">Evidence (${row.evidence.length}): the files, rows and columns</summary>`,
    `<ul style="margin:2px 0 0 18px;padding:0;font-size:12px">${row.evidence.map(evidenceItem).join("")}</ul></details>`,
    `</details>`,
  ].join("");
}

/**
 * A compact ledger: id, document and location, stated, recomputed, verdict badge. More than
 * `openUpTo` rows (default 20) come closed, under a line that names them and their number.
 * @example show(ledgerTable(rows)) // one line per claim
 */
export function ledgerTable(rows: LedgerRow[], opts: { caption?: string; maxRows?: number; openUpTo?: number } = {}): string {
  const table = ledgerRows(rows, opts.maxRows, rows.length > (opts.openUpTo ?? 20) ? undefined : opts.caption);
  if (rows.length <= (opts.openUpTo ?? 20)) return table;
  return (
    `<details class="csc-ledger-table" style="margin:6px 0"><summary style="cursor:pointer;font-weight:600">` +
    `${escapeHtml(opts.caption ?? "The claims")}: ${fmtNumber(rows.length)} claims, one line each</summary>${table}</details>`
  );
}

/** The ledger's lines as a table. */
function ledgerRows(rows: LedgerRow[], maxRows: number | undefined, caption: string | undefined): string {
  const lines = rows.map((r) => ({
    id: r.id,
    location: `${r.document.toUpperCase()} ${r.location}`,
    stated: (r.written?.length ? r.written : r.stated.map((x, i) => fmtRecomputed(x, r.units[i]))).join("; "),
    recomputed: recomputedText(r),
    verdict: rawHtml(verdictBadge(r.verdict)),
  }));
  return htmlTable(lines, {
    caption,
    maxRows: maxRows ?? 500,
    columns: [
      { key: "id", label: "Claim" },
      { key: "location", label: "Where" },
      { key: "stated", label: "Stated", align: "right" },
      { key: "recomputed", label: "Recomputed", align: "right" },
      { key: "verdict", label: "Verdict" },
    ],
  });
}

/**
 * Counts of claims by verdict (all six, in the contract's order) with their share and a total.
 * @example show(verdictCounts(rows)) // a six-line table: confirmed 12 (40%) …
 */
export function verdictCounts(rows: LedgerRow[]): string {
  const counts = new Map<Verdict, number>(VERDICTS.map((v) => [v, 0]));
  for (const r of rows) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  const n = rows.length;
  const lines: Record<string, unknown>[] = Array.from(counts, ([v, k]) => ({ verdict: rawHtml(verdictBadge(v)), claims: k, share: n ? (100 * k) / n : null }));
  lines.push({ verdict: rawHtml("<b>all</b>"), claims: n, share: n ? 100 : null });
  return htmlTable(lines, {
    columns: [
      { key: "verdict", label: "Verdict" },
      { key: "claims", label: "Claims", format: "count" },
      { key: "share", label: "Share", format: "percent", decimals: 0 },
    ],
  });
}
