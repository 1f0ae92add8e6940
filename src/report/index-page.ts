/**
 * The report's index page: every claim of the ledger in one table that sorts and filters in the
 * browser (verdict, document, a search box, click-to-sort headers), counts by verdict and document,
 * and for each claim a link to the notebook section that shows its card.
 *
 * The page stands alone: its CSS and script are inline and it loads nothing else. The table is
 * written in full as HTML, so it reads (unfiltered) with scripts off; the script only hides, shows
 * and reorders rows. Every string from the ledger or the notebooks goes through `escapeHtml`; the
 * script reads the table back from the DOM and carries no data of its own.
 */
import { DOC_TITLES } from "../claims/registry";
import { VERDICTS } from "../claims/types";
import type { DocId, LedgerRow, Verdict } from "../claims/types";
import { escapeHtml, MISSING } from "../display/html";
import { docLabel, evidenceItem, fmtRecomputed, verdictBadge, VERDICT_COLOURS } from "../display/card";
import { fmtNumber } from "../format";
import { pageName, type ClaimPlace } from "./notebooks";

/** A notebook page of the report. */
export interface NotebookPage {
  /** The notebook's file name, e.g. "01-demand-and-activity.ipynb". */
  notebook: string;
  /** Its title (first heading). */
  title: string;
  /** Claims it shows. */
  claims: number;
}

/** What the index is built from. */
export interface IndexInput {
  rows: LedgerRow[];
  /** Where each claim is shown (from `placeClaims`). */
  places: Map<string, ClaimPlace[]>;
  pages: NotebookPage[];
  /** When and from what the report was built. */
  built: { at: string; version: string; commit?: string; sources: number; seconds?: number };
  /** Files of the ledger offered for download, relative to the index. */
  downloads?: { label: string; href: string }[];
}

export { VERDICT_MEANINGS } from "../claims/rules";
import { VERDICT_MEANINGS } from "../claims/rules";

/** The documents in the registry's order, then any others. */
function documentOrder(rows: LedgerRow[]): DocId[] {
  const known = Object.keys(DOC_TITLES) as DocId[];
  const seen = new Set(rows.map((r) => r.document));
  return [...known.filter((d) => seen.has(d)), ...[...seen].filter((d) => !known.includes(d)).sort()];
}

export { docLabel };

/**
 * A notebook's short label for links: its title up to a colon or a bracket, cut at a word within
 * `max` characters.
 * @example shortTitle("01 · Demand and activity: Part One of the NAO report") // => "01 · Demand and activity"
 * @example shortTitle("07 · The House of Commons Library briefing (CBP 8543)") // => "07 · The House of Commons Library briefing"
 */
export function shortTitle(title: string, max = 44): string {
  const head = title.split(/:\s| \(/)[0].trim();
  if (head.length <= max) return head;
  const cut = head.lastIndexOf(" ", max - 1);
  return `${head.slice(0, cut > 10 ? cut : max - 1).replace(/[\s,;.]+$/, "")}…`;
}

/** href of a notebook page, optionally at an anchor. */
function pageHref(notebook: string, anchor?: string | null): string {
  return encodeURI(pageName(notebook)).replace(/#/g, "%23") + (anchor ? `#${encodeURIComponent(anchor)}` : "");
}

/** Stated values as the document wrote them. */
function statedText(r: LedgerRow): string {
  const written = (r.written ?? []).filter((w) => typeof w === "string" && w !== "");
  if (written.length) return written.join("; ");
  return r.stated.map((x, i) => fmtRecomputed(x, r.units?.[i])).join("; ") || MISSING;
}

/** Recomputed values written in their units. */
function recomputedText(r: LedgerRow): string {
  return r.recomputed === null ? MISSING : r.recomputed.map((x, i) => fmtRecomputed(x, r.units?.[i])).join("; ");
}

/** The cell saying where a claim is shown: links to each notebook section (the card when shown). */
function placesCell(id: string, places: ClaimPlace[] | undefined, titles: Map<string, string>): { html: string; sort: string } {
  if (!places || places.length === 0) return { html: `<span class="muted">not in a notebook</span>`, sort: "~" };
  const links = places.map((p) => {
    const nbTitle = titles.get(p.notebook) ?? p.notebook;
    const label = `${shortTitle(nbTitle).split(" ")[0]} · ${p.section ?? shortTitle(nbTitle)}`;
    return `<a class="place" href="${escapeHtml(pageHref(p.notebook, p.anchor))}" title="${escapeHtml(`${nbTitle}${p.anchor ? "" : " (section; the card is not displayed there)"}`)}">${escapeHtml(label)}</a>`;
  });
  return { html: links.join("<br>"), sort: `${places[0].notebook} ${id}` };
}

/**
 * An explanation split for a collapsed cell: its first sentence (when short enough, else its
 * first ~200 characters to a word break) and the rest.
 * @example splitExplanation("England had 655,630 referrals. The NAO used 2017-18.") // => { lead: "England had 655,630 referrals.", rest: "The NAO used 2017-18." }
 */
export function splitExplanation(text: string, max = 240): { lead: string; rest: string } {
  const t = text.trim();
  if (t.length <= max) return { lead: t, rest: "" };
  const sentence = /^[\s\S]*?[.](?=\s+["“(\[A-Z0-9])/.exec(t.slice(0, max + 1));
  if (sentence && sentence[0].length >= 40) return { lead: sentence[0], rest: t.slice(sentence[0].length).trim() };
  const cut = t.lastIndexOf(" ", max);
  const at = cut > 40 ? cut : max;
  return { lead: `${t.slice(0, at)} …`, rest: `… ${t.slice(at).trim()}` };
}

/** One table row of the ledger. */
function claimRow(r: LedgerRow, order: number, places: ClaimPlace[] | undefined, titles: Map<string, string>): string {
  const place = placesCell(r.id, places, titles);
  const vIndex = VERDICTS.indexOf(r.verdict);
  const evidence = r.evidence ?? [];
  const why = splitExplanation(r.explanation);
  const first = places?.find((p) => p.anchor) ?? places?.[0];
  const idHtml = first
    ? `<a href="${escapeHtml(pageHref(first.notebook, first.anchor))}"><code>${escapeHtml(r.id)}</code></a>`
    : `<code>${escapeHtml(r.id)}</code>`;
  return (
    `<tr class="claim" id="row-${escapeHtml(r.id)}" data-verdict="${escapeHtml(r.verdict)}" data-document="${escapeHtml(r.document)}" data-order="${order}">` +
    `<td class="id">${idHtml}</td>` +
    `<td data-sort="${escapeHtml(r.document)}"><span title="${escapeHtml(DOC_TITLES[r.document] ?? r.document)}">${escapeHtml(docLabel(r.document))}</span></td>` +
    `<td class="where">${escapeHtml(r.location)}</td>` +
    `<td class="quote"><span class="clamp">“${escapeHtml(r.quote)}”</span></td>` +
    `<td class="num">${escapeHtml(statedText(r))}</td>` +
    `<td class="num">${escapeHtml(recomputedText(r))}</td>` +
    `<td data-sort="${vIndex < 0 ? 9 : vIndex}">${verdictBadge(r.verdict)}</td>` +
    `<td class="why"><details><summary><span class="clamp">${escapeHtml(why.lead)}</span></summary>` +
    (why.rest ? `<p>${escapeHtml(why.rest)}</p>` : "") +
    `<ul class="evidence">${evidence.map(evidenceItem).join("") || "<li>no file: see the explanation</li>"}</ul></details></td>` +
    `<td class="shown" data-sort="${escapeHtml(place.sort)}">${place.html}</td>` +
    `</tr>`
  );
}

/** Counts per document and verdict, as a table with a stacked bar per document. */
function countsTable(rows: LedgerRow[], docs: DocId[]): string {
  const count = (d: DocId | null, v: Verdict | null) => rows.filter((r) => (d === null || r.document === d) && (v === null || r.verdict === v)).length;
  const head =
    `<tr><th scope="col">Document</th>` +
    VERDICTS.map((v) => `<th scope="col" class="num"><button type="button" class="chip" data-set-verdict="${v}" title="Show only ${v} claims">${verdictBadge(v)}</button></th>`).join("") +
    `<th scope="col" class="num">All</th><th scope="col" class="bar-col"><span class="sr">Share by verdict</span></th></tr>`;
  const line = (d: DocId | null) => {
    const total = count(d, null);
    const bar = VERDICTS.map((v) => {
      const k = count(d, v);
      return k === 0 ? "" : `<span style="width:${((100 * k) / Math.max(1, total)).toFixed(2)}%;background:${VERDICT_COLOURS[v].background}" title="${v}: ${k}"></span>`;
    }).join("");
    const name =
      d === null
        ? `<b>All documents</b>`
        : `<button type="button" class="link" data-set-document="${escapeHtml(d)}" title="Show only this document's claims">${escapeHtml(docLabel(d))}</button> <span class="muted">${escapeHtml(DOC_TITLES[d] ?? d)}</span>`;
    return (
      `<tr${d === null ? ' class="total"' : ""}><th scope="row">${name}</th>` +
      VERDICTS.map((v) => `<td class="num">${fmtNumber(count(d, v))}</td>`).join("") +
      `<td class="num"><b>${fmtNumber(total)}</b></td><td class="bar-col"><div class="bar" aria-hidden="true">${bar}</div></td></tr>`
    );
  };
  return `<table class="counts"><thead>${head}</thead><tbody>${docs.map(line).join("")}${line(null)}</tbody></table>`;
}

/** The list of notebook pages with their claim counts. */
function notebookList(pages: NotebookPage[]): string {
  if (pages.length === 0) return "";
  const items = pages.map(
    (p) =>
      `<li><a href="${escapeHtml(pageHref(p.notebook))}">${escapeHtml(p.title)}</a>` +
      (p.claims ? ` <span class="muted">(${fmtNumber(p.claims)} claim${p.claims === 1 ? "" : "s"})</span>` : "") +
      `</li>`,
  );
  return `<section><h2>Notebooks</h2><ol class="notebooks">${items.join("")}</ol></section>`;
}

const CSS = `
:root { color-scheme: light; --muted: #57606a; --line: #d0d7de; --head: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 0; color: #1f2328; }
header, main, footer { max-width: 1500px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 18px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 22px 0 8px; }
a { color: #0550ae; }
.muted { color: var(--muted); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
table { border-collapse: collapse; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; text-align: left; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.counts th[scope=row] { font-weight: normal; }
.counts tr.total td, .counts tr.total th { border-top: 2px solid var(--line); }
.bar-col { width: 220px; }
.bar { display: flex; height: 14px; width: 200px; background: #eee; border-radius: 3px; overflow: hidden; margin-top: 3px; }
.bar span { display: block; height: 100%; }
button.chip, button.link { background: none; border: 0; padding: 0; cursor: pointer; font: inherit; }
button.link { color: #0550ae; text-decoration: underline; }
dl.key { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0; }
dl.key dd { margin: 0; }
.controls { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: end; margin: 10px 0 0; padding: 10px 12px; background: var(--head); border: 1px solid var(--line); border-radius: 6px; position: sticky; top: 0; z-index: 3; }
.controls label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 2px; }
.controls select, .controls input { font: inherit; padding: 3px 6px; min-width: 12em; }
.controls input[type=search] { min-width: 22em; }
#f-count { font-weight: 600; margin-left: auto; }
/* the table fits the page (fixed column shares, long words broken), so its header row can stick
   below the filters: a scrolling wrapper would hold the sticky header inside it */
#ledger { width: 100%; font-size: 13px; table-layout: fixed; }
#ledger th, #ledger td { padding: 4px 6px; overflow-wrap: anywhere; }
#ledger thead th { background: var(--head); border-bottom: 2px solid var(--line); position: sticky; top: var(--sticky-top, 0px); z-index: 2; box-shadow: 0 1px 0 var(--line); }
#ledger { line-height: 1.4; }
#ledger col.c-id { width: 12%; } #ledger col.c-doc { width: 5.5%; } #ledger col.c-where { width: 7.5%; }
#ledger col.c-quote { width: 20.5%; } #ledger col.c-stated { width: 7.5%; } #ledger col.c-recomputed { width: 8.5%; }
#ledger col.c-verdict { width: 9.5%; } #ledger col.c-why { width: 19.5%; } #ledger col.c-shown { width: 9.5%; }
/* headings and badges never break inside a word (a cell that cannot hold them would show as overflow) */
#ledger thead th { overflow-wrap: normal; }
#ledger .csc-verdict { white-space: nowrap; overflow-wrap: normal; }
/* a row shows two lines of its quote and of its explanation, and two of each place; opening the
   row's explanation shows all of them */
#ledger .clamp { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
#ledger td.shown a.place { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
#ledger tr:has(details[open]) .clamp, #ledger tr:has(details[open]) a.place { -webkit-line-clamp: unset; display: block; }
#ledger .csc-verdict { vertical-align: top; }
#ledger th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
#ledger th button::after { content: " ↕"; color: #8c959f; font-weight: normal; }
#ledger th[aria-sort=ascending] button::after { content: " ↑"; color: inherit; }
#ledger th[aria-sort=descending] button::after { content: " ↓"; color: inherit; }
#ledger td.quote { font-style: italic; }
#ledger td.num { white-space: normal; }
#ledger td.why summary { cursor: pointer; display: block; list-style: none; }
#ledger td.why summary::-webkit-details-marker { display: none; }
#ledger td.why summary .clamp::before { content: "▸ "; color: var(--muted); }
#ledger td.why details[open] summary .clamp::before { content: "▾ "; }
#ledger td.why p { margin: 4px 0; }
ul.evidence { margin: 4px 0 0 16px; padding: 0; font-size: 12px; }
tr.claim:target { outline: 3px solid #0969da; }
#no-match td { text-align: center; padding: 18px; color: var(--muted); }
footer { margin: 30px auto 40px; color: var(--muted); font-size: 12px; }
@media print { .controls { display: none; } details > * { display: block; } }
`;

/**
 * The script of the page: filters (verdict, document, search words — every word must appear in the
 * row's text, evidence included), click-to-sort headers (again to reverse), the state kept in the
 * address (#verdict=differs&doc=nao&q=…&sort=where:asc) so a filtered view can be shared.
 */
const SCRIPT = `(function () {
  "use strict";
  var table = document.getElementById("ledger");
  if (!table) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.querySelectorAll("tr.claim"));
  var fVerdict = document.getElementById("f-verdict");
  var fDoc = document.getElementById("f-doc");
  var fQ = document.getElementById("f-q");
  var count = document.getElementById("f-count");
  var empty = document.getElementById("no-match");
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
  var texts = rows.map(function (tr) { return tr.textContent.toLowerCase().replace(/\\s+/g, " "); });
  var sort = { key: "", dir: 1 };
  var controls = document.getElementById("controls");
  controls.hidden = false;
  // the header row sticks just below the (sticky) filters
  function stickTop() { table.style.setProperty("--sticky-top", controls.offsetHeight + "px"); }
  window.addEventListener("resize", stickTop);
  stickTop();

  function apply() {
    var v = fVerdict.value, d = fDoc.value;
    var words = fQ.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (tr, i) {
      var text = texts[i];
      var ok = (!v || tr.getAttribute("data-verdict") === v) &&
        (!d || tr.getAttribute("data-document") === d) &&
        words.every(function (w) { return text.indexOf(w) >= 0; });
      tr.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + " of " + rows.length + " claims";
    empty.hidden = shown > 0;
    save();
  }

  function keyOf(tr, col) {
    var td = tr.cells[col];
    if (!td) return "";
    var k = td.getAttribute("data-sort");
    return k === null ? td.textContent.trim() : k;
  }

  function sortBy(key, dir) {
    var col = -1;
    heads.forEach(function (th, i) {
      var match = th.getAttribute("data-key") === key;
      if (match) col = i;
      if (th.hasAttribute("data-key")) th.setAttribute("aria-sort", match ? (dir > 0 ? "ascending" : "descending") : "none");
    });
    if (col < 0) return;
    sort = { key: key, dir: dir };
    rows.slice().sort(function (a, b) {
      return dir * collator.compare(keyOf(a, col), keyOf(b, col)) ||
        Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
    }).forEach(function (tr) { tbody.appendChild(tr); });
    save();
  }

  function save() {
    var p = [];
    if (fVerdict.value) p.push("verdict=" + encodeURIComponent(fVerdict.value));
    if (fDoc.value) p.push("doc=" + encodeURIComponent(fDoc.value));
    if (fQ.value) p.push("q=" + encodeURIComponent(fQ.value));
    if (sort.key) p.push("sort=" + encodeURIComponent(sort.key) + ":" + (sort.dir > 0 ? "asc" : "desc"));
    var hash = p.length ? "#" + p.join("&") : "";
    if (hash !== location.hash && !(hash === "" && /^#row-/.test(location.hash))) {
      history.replaceState(null, "", location.pathname + location.search + (hash || ""));
    }
  }

  function load() {
    var h = location.hash.replace(/^#/, "");
    if (!h || /^row-/.test(h)) return;
    h.split("&").forEach(function (part) {
      var i = part.indexOf("="), k = part.slice(0, i), v;
      try { v = decodeURIComponent(part.slice(i + 1)); } catch (e) { return; } // a mangled address: ignore that part
      if (k === "verdict" && fVerdict.querySelector('option[value="' + v.replace(/"/g, "") + '"]')) fVerdict.value = v;
      if (k === "doc" && fDoc.querySelector('option[value="' + v.replace(/"/g, "") + '"]')) fDoc.value = v;
      if (k === "q") fQ.value = v;
      if (k === "sort") { var s = v.split(":"); sortBy(s[0], s[1] === "desc" ? -1 : 1); }
    });
  }

  heads.forEach(function (th) {
    var b = th.querySelector("button");
    if (!b) return;
    b.addEventListener("click", function () {
      var key = th.getAttribute("data-key");
      sortBy(key, sort.key === key ? -sort.dir : 1);
    });
  });
  fVerdict.addEventListener("change", apply);
  fDoc.addEventListener("change", apply);
  fQ.addEventListener("input", apply);
  document.getElementById("f-reset").addEventListener("click", function () {
    fVerdict.value = ""; fDoc.value = ""; fQ.value = "";
    sort = { key: "", dir: 1 };
    heads.forEach(function (th) { if (th.hasAttribute("data-key")) th.setAttribute("aria-sort", "none"); });
    rows.slice().sort(function (a, b) { return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order")); })
      .forEach(function (tr) { tbody.appendChild(tr); });
    apply();
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-set-verdict]"), function (b) {
    b.addEventListener("click", function () { fVerdict.value = b.getAttribute("data-set-verdict"); apply(); table.scrollIntoView(); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-set-document]"), function (b) {
    b.addEventListener("click", function () { fDoc.value = b.getAttribute("data-set-document"); apply(); table.scrollIntoView(); });
  });
  load();
  apply();
})();`;

/** A sortable header cell. */
function sortHead(key: string, label: string, cls = "", title = ""): string {
  return `<th scope="col" data-key="${key}" aria-sort="none"${cls ? ` class="${cls}"` : ""}${title ? ` title="${escapeHtml(title)}"` : ""}><button type="button">${escapeHtml(label)}</button></th>`;
}

/**
 * The index page's HTML.
 * @example indexHtml({ rows, places, pages, built: { at: "2025-01-01T00:00:00Z", version: "0.1.0", sources: 159 } })
 * // => "<!DOCTYPE html><html lang=\"en\">…<table id=\"ledger\">…</table>…</html>"
 */
export function indexHtml(input: IndexInput): string {
  const { rows, places, pages, built } = input;
  const docs = documentOrder(rows);
  const titles = new Map(pages.map((p) => [p.notebook, p.title]));
  const start = pages.find((p) => /^00[-_]/.test(p.notebook));
  const verdictOptions = VERDICTS.map((v) => {
    const k = rows.filter((r) => r.verdict === v).length;
    return `<option value="${v}">${v} (${fmtNumber(k)})</option>`;
  }).join("");
  const docOptions = docs
    .map((d) => `<option value="${escapeHtml(d)}">${escapeHtml(docLabel(d))} (${fmtNumber(rows.filter((r) => r.document === d).length)})</option>`)
    .join("");
  const downloads = (input.downloads ?? []).map((d) => `<a href="${escapeHtml(d.href)}">${escapeHtml(d.label)}</a>`).join(" · ");
  const body = rows.map((r, i) => claimRow(r, i, places.get(r.id), titles)).join("\n");
  const shownIn = new Set(rows.filter((r) => (places.get(r.id) ?? []).length > 0).map((r) => r.id)).size;
  return [
    `<!DOCTYPE html>`,
    `<html lang="en"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>csc-factcheck: every claim and its verdict</title>`,
    `<link rel="icon" href="data:,">`,
    `<style>${CSS}</style></head><body>`,
    `<header><h1>csc-factcheck: every claim and its verdict</h1>`,
    `<p>Every number in five documents about children's social care in England, re-checked against the official data. `,
    `${fmtNumber(rows.length)} claims; ${fmtNumber(shownIn)} of them shown in a notebook, with the quote, the data, the computation and a chart.`,
    start ? ` Begin with <a href="${escapeHtml(pageHref(start.notebook))}">${escapeHtml(shortTitle(start.title))}</a>.` : "",
    `</p>`,
    downloads ? `<p>The ledger as data: ${downloads}</p>` : "",
    `</header><main>`,
    `<section><h2>Verdicts by document</h2>${countsTable(rows, docs)}`,
    `<dl class="key">${VERDICTS.map((v) => `<dt>${verdictBadge(v)}</dt><dd>${escapeHtml(VERDICT_MEANINGS[v])}</dd>`).join("")}</dl></section>`,
    notebookList(pages),
    `<section><h2 id="claims">The ledger</h2>`,
    `<div class="controls" id="controls" hidden role="search">`,
    `<label>Verdict<select id="f-verdict"><option value="">all verdicts</option>${verdictOptions}</select></label>`,
    `<label>Document<select id="f-doc"><option value="">all documents</option>${docOptions}</select></label>`,
    `<label>Search (quote, explanation, evidence, id)<input type="search" id="f-q" placeholder="e.g. referrals 2017-18" autocomplete="off"></label>`,
    `<button type="button" id="f-reset">Clear</button>`,
    `<span id="f-count" aria-live="polite">${fmtNumber(rows.length)} claims</span>`,
    `</div>`,
    `<div class="table-wrap"><table id="ledger">`,
    `<colgroup>${["id", "doc", "where", "quote", "stated", "recomputed", "verdict", "why", "shown"].map((c) => `<col class="c-${c}">`).join("")}</colgroup>`,
    `<thead><tr>`,
    sortHead("id", "Claim"),
    sortHead("document", "Doc.", "", "Document"),
    sortHead("where", "Where"),
    `<th scope="col">What the document says</th>`,
    `<th scope="col" class="num">Stated</th>`,
    `<th scope="col" class="num">Recomputed</th>`,
    sortHead("verdict", "Verdict"),
    `<th scope="col">Why (click for more and the evidence)</th>`,
    sortHead("shown", "Shown in"),
    `</tr></thead><tbody>`,
    body,
    `</tbody><tfoot><tr id="no-match"${rows.length ? " hidden" : ""}><td colspan="9">No claim matches.</td></tr></tfoot></table></div></section>`,
    `</main><footer>`,
    `Built by <code>csc-factcheck report</code> ${escapeHtml(built.version)} on ${escapeHtml(built.at)}`,
    built.commit ? ` from commit <code>${escapeHtml(built.commit)}</code>` : "",
    built.seconds !== undefined ? ` in ${escapeHtml(built.seconds.toFixed(0))} s` : "",
    `, from ${fmtNumber(built.sources)} official files listed, with their vintages, in data/sources.json.`,
    `</footer>`,
    `<script>${SCRIPT}</script>`,
    `</body></html>`,
    ``,
  ].join("\n");
}
