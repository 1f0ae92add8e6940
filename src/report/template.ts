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
    `if(a.getAttribute("href")===here)a.setAttribute("aria-current","page");});})();</script>`
  );
}

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
    `{%- block html_head_css -%}<link rel="icon" href="data:,">{%- endblock html_head_css -%}`,
    `{%- block body_header -%}`,
    `{{ super() }}`,
    `{% raw %}${nav}{% endraw %}`,
    `{%- endblock body_header -%}`,
    ``,
  ].join("\n");
}
