/**
 * The nbconvert template of the report's notebook pages: JupyterLab's "lab" HTML template with
 * - no require.js and no MathJax: nbconvert points them at a CDN or at file:///usr/share/javascript
 *   (Debian), which a shared static site cannot rely on; the notebooks use neither (Plotly comes
 *   from the site's one copy, see src/display/plotly.ts, and the markdown holds no LaTeX);
 * - no favicon request (an empty data: icon);
 * - a bar at the top linking to the index (every claim) and to each notebook page.
 *
 * The file is written at build time (nbconvert takes it by path with `--template lab
 * --template-file`); its only varying part, the bar, is escaped HTML inside {% raw %} (titles
 * and file names also have { } % escaped, so none can end the raw block).
 */
import { escapeHtml } from "../display/html";
import { pageName } from "./notebooks";
import { shortTitle, type NotebookPage } from "./index-page";

/** escapeHtml, and { } % as character references too, so no text can open or close a Jinja tag. */
function escapeJinja(s: string): string {
  return escapeHtml(s).replace(/[{}%]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The navigation bar's HTML: the index, then every notebook page (the current one marked by its script). */
export function navHtml(pages: NotebookPage[]): string {
  const links = pages
    .map((p) => `<a href="${escapeJinja(encodeURI(pageName(p.notebook)))}" title="${escapeJinja(p.title)}">${escapeJinja(shortTitle(p.title))}</a>`)
    .join("");
  return (
    `<nav class="csc-nav" aria-label="Report">` +
    `<a class="csc-home" href="index.html">csc-factcheck · every claim</a>${links}</nav>` +
    `<style>.csc-nav{position:sticky;top:0;z-index:20;display:flex;flex-wrap:wrap;gap:4px 14px;align-items:baseline;` +
    `padding:6px 20px;background:#f6f8fa;border-bottom:1px solid #d0d7de;font:13px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}` +
    `.csc-nav a{color:#0550ae;text-decoration:none}.csc-nav a:hover{text-decoration:underline}` +
    `.csc-nav a.csc-home{font-weight:600;color:#1f2328}.csc-nav a[aria-current=page]{font-weight:600;color:#1f2328}` +
    `.csc-claim-card:target{outline:3px solid #0969da}[id]{scroll-margin-top:48px}</style>` +
    `<script>(function(){var here=location.pathname.split("/").pop();` +
    `Array.prototype.forEach.call(document.querySelectorAll(".csc-nav a"),function(a){` +
    `if(a.getAttribute("href")===here)a.setAttribute("aria-current","page");});` +
    // a link to a claim's card (from the index) opens the card it lands on
    `function openTarget(){var id;try{id=decodeURIComponent(location.hash.slice(1));}catch(e){return;}` +
    `var el=id&&document.getElementById(id);if(el&&el.tagName==="DETAILS"&&!el.open){el.open=true;el.scrollIntoView();}}` +
    `window.addEventListener("hashchange",openTarget);document.addEventListener("DOMContentLoaded",openTarget);})();</script>`
  );
}

/**
 * The pages' own CSS, after JupyterLab's: code wraps instead of running off the side of the page
 * (an input line is never cut; a wide output scrolls inside its own box), and prompts stay narrow.
 */
export const PAGE_CSS =
  `.jp-InputArea-editor .highlight pre,.jp-InputArea-editor pre{white-space:pre-wrap;overflow-wrap:anywhere}` +
  `.jp-OutputArea-output{overflow-x:auto;max-width:100%}` +
  `.jp-OutputArea-output pre{white-space:pre-wrap;overflow-wrap:anywhere}` +
  `.jp-OutputArea-output table.csc-table{max-width:100%}` +
  `.jp-InputPrompt,.jp-OutputPrompt{flex:0 0 auto}` +
  `details.csc-working{margin:4px 0 0}details.csc-working>summary{cursor:pointer;color:#57606a;font-size:13px;padding:2px 0}` +
  `details.csc-working[open]>summary{margin-bottom:4px}`;

/**
 * The template's text (Jinja): extends the lab template's index.html.j2.
 * @example pageTemplate(pages) // => "{%- extends 'index.html.j2' -%}\n…{% raw %}<nav class=\"csc-nav\"…{% endraw %}…"
 */
export function pageTemplate(pages: NotebookPage[]): string {
  // every text in the bar went through escapeJinja, and its fixed parts hold no "{%": the raw block cannot end early
  const nav = navHtml(pages);
  return [
    `{%- extends 'index.html.j2' -%}`,
    `{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}`,
    `{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}`,
    `{%- block html_head_css -%}<link rel="icon" href="data:,">{% raw %}<style>${PAGE_CSS}</style>{% endraw %}{%- endblock html_head_css -%}`,
    `{%- block body_header -%}`,
    `{{ super() }}`,
    `{% raw %}${nav}{% endraw %}`,
    `{%- endblock body_header -%}`,
    // a claim's section (its markdown cell tagged "claim" down to its card cell, tagged "card"): the
    // quote, the data and the computation fold under one line on the page; the card shows below it
    `{% block markdowncell scoped %}{%- if 'claim' in cell.metadata.get('tags', []) -%}<details class="csc-working"><summary>The quote, the data and the computation: <code>{{ cell.metadata.get('claim', '') | e }}</code></summary>{%- endif -%}{{ super() }}{% endblock markdowncell %}`,
    `{% block codecell %}{%- if 'card' in cell.metadata.get('tags', []) -%}</details>{%- endif -%}{{ super() }}{% endblock codecell %}`,
    ``,
  ].join("\n");
}
