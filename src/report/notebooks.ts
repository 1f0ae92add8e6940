/**
 * What the report reads from notebooks (.ipynb JSON): titles, section headings, which claims a
 * notebook shows and where, and the errors an executed notebook holds.
 *
 * A claim is placed in a notebook in two ways:
 * - its card was displayed: an executed notebook's HTML output holds `id="claim-<id>"` (the anchor
 *   src/display/card.ts writes), so the index can link straight to the card;
 * - its id is written, quoted, in a code cell (`nb.claims("nao-1-7-referrals", …)`): enough to name
 *   the notebook and section before anything runs (notebook 00 uses this).
 */
import * as fs from "node:fs";
import * as crypto from "node:crypto";
import { projectRoot } from "../paths";
import * as path from "node:path";

/** One output of a code cell, as nbformat 4 stores it. */
export interface NotebookOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

/** One cell, as nbformat 4 stores it. */
export interface NotebookCell {
  cell_type: string;
  source: string | string[];
  outputs?: NotebookOutput[];
  execution_count?: number | null;
  metadata?: Record<string, unknown>;
}

/** A notebook as nbformat 4 stores it (only the parts read here). */
export interface NotebookJson {
  cells: NotebookCell[];
  metadata?: Record<string, unknown>;
  nbformat?: number;
  nbformat_minor?: number;
}

/** Where a notebook shows a claim. */
export interface ClaimPlace {
  /** The notebook's file name, e.g. "01-demand-and-activity.ipynb". */
  notebook: string;
  /** The heading of the section that shows it (the nearest heading above the cell), or null. */
  section: string | null;
  /** "claim-<id>" when the claim's card was displayed (executed notebooks), else null. */
  anchor: string | null;
}

/** A cell's source (nbformat stores it as a string or a list of lines) as one string. */
export function cellText(source: string | string[] | undefined): string {
  return Array.isArray(source) ? source.join("") : source ?? "";
}

/** Reads and parses a notebook file; the error names the file. */
export function readNotebook(file: string): NotebookJson {
  let nb: unknown;
  try {
    nb = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${path.basename(file)}: not a readable notebook (${(e as Error).message})`);
  }
  if (!nb || typeof nb !== "object" || !Array.isArray((nb as NotebookJson).cells)) {
    throw new Error(`${path.basename(file)}: not a notebook (no "cells" array)`);
  }
  return nb as NotebookJson;
}

/** The .ipynb files of a folder, sorted by name (hidden files and executed copies left out). */
export function listNotebooks(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb") && !f.startsWith(".") && !f.endsWith(".nbconvert.ipynb"))
    .sort();
}

/** The page a notebook becomes in the report: the same name with .html. */
export function pageName(notebook: string): string {
  return notebook.replace(/\.ipynb$/i, "") + ".html";
}

/**
 * A markdown heading line's text without the #s and inline markup.
 * @example headingText("## Referrals *grew* (para `1.7`)") // => "Referrals grew (para 1.7)"
 */
export function headingText(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, "")
    .replace(/\s+#+\s*$/, "")
    .replace(/[*_`]/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .trim();
}

/** The headings of a markdown cell, in order, with their level. */
function headingsOf(cell: NotebookCell): { level: number; text: string }[] {
  if (cell.cell_type !== "markdown") return [];
  const out: { level: number; text: string }[] = [];
  let fenced = false;
  for (const line of cellText(cell.source).split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && /^\s*(#{1,6})\s+\S/.exec(line);
    if (m) out.push({ level: m[1].length, text: headingText(line) });
  }
  return out;
}

/**
 * The notebook's title: its first level-1 heading (else its first heading), else the file name.
 * @example notebookTitle({ cells: [{ cell_type: "markdown", source: "# 01 · Demand\n\ntext" }] }, "01-demand.ipynb") // => "01 · Demand"
 */
export function notebookTitle(nb: NotebookJson, file: string): string {
  const all = nb.cells.flatMap(headingsOf);
  const h1 = all.find((h) => h.level === 1) ?? all[0];
  return h1?.text || file.replace(/\.ipynb$/i, "");
}

/**
 * The heading of the section holding cell `index`: the nearest heading above it (in an earlier
 * markdown cell, or the cell itself when it is markdown), or null when none is above.
 */
export function sectionAt(nb: NotebookJson, index: number): string | null {
  for (let i = Math.min(index, nb.cells.length - 1); i >= 0; i--) {
    const hs = headingsOf(nb.cells[i]);
    if (hs.length) return hs[hs.length - 1].text;
  }
  return null;
}

/** Escapes a string for use inside a regular expression. */
function reEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The claims whose id is written as a quoted string in a code cell, with the first cell that has it.
 * Only whole quoted ids count: "nao-1-7" does not match inside "nao-1-7-referrals".
 * @example claimsInSource({ cells: [{ cell_type: "code", source: 'await nb.claims("a-1", "b-2");' }] }, ["a-1", "a", "c"]) // => Map { "a-1" => 0 }
 */
export function claimsInSource(nb: NotebookJson, ids: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  const code = nb.cells.map((c, i) => [i, c.cell_type === "code" ? cellText(c.source) : ""] as const).filter(([, t]) => t !== "");
  for (const id of ids) {
    const re = new RegExp(`(["'\`])${reEscape(id)}\\1`);
    const hit = code.find(([, t]) => re.test(t));
    if (hit) out.set(id, hit[0]);
  }
  return out;
}

const ENTITY: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** The text/html of an output, joined. */
function outputHtml(o: NotebookOutput): string {
  const h = o.data?.["text/html"];
  return Array.isArray(h) ? h.join("") : typeof h === "string" ? h : "";
}

/**
 * The claims whose card an executed notebook displays (the `id="claim-<id>"` anchors in its HTML
 * outputs), with the first cell that shows each.
 * @example claimsInOutputs(executed) // => Map { "nao-s7-referrals-change" => 3, … }
 */
export function claimsInOutputs(nb: NotebookJson): Map<string, number> {
  const out = new Map<string, number>();
  nb.cells.forEach((c, i) => {
    if (c.cell_type !== "code") return;
    for (const o of c.outputs ?? []) {
      for (const m of outputHtml(o).matchAll(/\bid="claim-([^"]*)"/g)) {
        const id = m[1].replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITY[e]);
        if (!out.has(id)) out.set(id, i);
      }
    }
  });
  return out;
}

/**
 * Where each claim is shown, over several notebooks in order: a notebook that displays the card
 * gives an anchor; one that only names the id in its code gives the notebook and section.
 * Claims no notebook shows are absent from the map.
 * @param notebooks file name and notebook JSON (executed, for anchors), in the order to list them
 * @param ids the ledger's claim ids
 */
export function placeClaims(notebooks: { file: string; nb: NotebookJson }[], ids: string[]): Map<string, ClaimPlace[]> {
  const places = new Map<string, ClaimPlace[]>();
  const add = (id: string, p: ClaimPlace) => {
    const list = places.get(id) ?? [];
    list.push(p);
    places.set(id, list);
  };
  for (const { file, nb } of notebooks) {
    const shown = claimsInOutputs(nb);
    const named = claimsInSource(nb, ids);
    for (const id of ids) {
      const cell = shown.get(id) ?? named.get(id);
      if (cell === undefined) continue;
      add(id, { notebook: file, section: sectionAt(nb, cell), anchor: shown.has(id) ? `claim-${id}` : null });
    }
  }
  return places;
}

/** The first line of a cell's source, shortened, for messages. */
function firstLine(source: string | string[]): string {
  const line = cellText(source).split("\n").find((l) => l.trim() !== "") ?? "";
  return line.length > 80 ? `${line.slice(0, 77)}…` : line;
}

/** Strips ANSI colour codes (tracebacks carry them). */
function plain(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;]*m/g, "");
}

/** tslab writes a TypeScript diagnostic as "line:column - message". */
const TS_DIAGNOSTIC = /^\d+:\d+ - /m;

/**
 * The problems an executed notebook holds, one message per code cell: error outputs, and stderr
 * text that reports an error (tslab writes runtime errors, "Error: …" with their stack, and
 * TypeScript diagnostics, "1:7 - Type 'string' is not assignable…", on stderr; the cells after
 * one that failed do not run). Other stderr text (warnings) is not a problem. Empty when the
 * notebook ran clean.
 * @example notebookProblems(executed) // => ['code cell 4 (await nb.claims("x");): Error: no claim "x" in the registry']
 */
export function notebookProblems(nb: NotebookJson): string[] {
  const problems: string[] = [];
  let n = 0;
  for (const c of nb.cells) {
    if (c.cell_type !== "code") continue;
    n++;
    const outs = c.outputs ?? [];
    const errors = outs.filter((o) => o.output_type === "error");
    const stderr = outs
      .filter((o) => o.output_type === "stream" && o.name === "stderr")
      .map((o) => plain(cellText(o.text)).trim())
      .filter((t) => /error/i.test(t) || TS_DIAGNOSTIC.test(t));
    if (errors.length === 0 && stderr.length === 0) continue;
    const what = errors
      .map((e) => [e.ename, e.evalue].filter((x) => x && x.trim()).join(": ") || plain((e.traceback ?? []).join("\n")).trim().split("\n").slice(0, 3).join(" "))
      .filter(Boolean);
    // stack frames say where in the kernel, not what went wrong
    const said = stderr.map((t) => t.split("\n").filter((l) => !/^\s+at /.test(l)).join("\n").trim());
    const text = [...what, ...said].join("\n").trim() || "an error with no message";
    problems.push(`code cell ${n} (${firstLine(c.source)}): ${text.length > 2000 ? `${text.slice(0, 2000)}…` : text}`);
  }
  return problems;
}

/**
 * What an executed notebook was executed from: a hash of the notebook's source, of every built
 * module of the library (dist/src) and of the data manifest and claims registry. Two executions with
 * the same stamp ran the same code on the same data; a copy whose stamp differs is stale.
 *
 * @param notebook path of the notebook (.ipynb)
 */
export function executionStamp(notebook: string): string {
  const root = projectRoot();
  const h = crypto.createHash("sha256");
  const add = (f: string) => {
    h.update(path.relative(root, f)).update("\0");
    try {
      h.update(fs.readFileSync(f));
    } catch {
      h.update("missing");
    }
    h.update("\n");
  };
  const walk = (dir: string): string[] => {
    let out: string[] = [];
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return out;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) out = out.concat(walk(p));
      else if (/\.(js|json)$/.test(e.name)) out.push(p);
    }
    return out;
  };
  add(notebook);
  for (const f of [...walk(path.join(root, "dist", "src")), path.join(root, "data", "sources.json"), ...walk(path.join(root, "data", "claims"))]) add(f);
  return h.digest("hex");
}

/**
 * Gives the code cells of an executed notebook the execution counts the page shows ("In [3]:"),
 * in place, when the executor left them empty: nbconvert takes a cell's count from the kernel's
 * messages on its output channel, and tslab sends its count only in the reply to the request, so
 * every count stays null. The notebook ran top to bottom in one kernel, each non-empty code cell
 * once (as nbconvert executes), so the count of each is its place among them, as tslab's own counter
 * (and JupyterLab's prompts) give it. Empty cells are not executed and keep no count. Counts the
 * executor did set are kept.
 * @returns how many cells were numbered
 * @example numberCodeCells({ cells: [{ cell_type: "code", source: "1", execution_count: null }, { cell_type: "markdown", source: "x" }, { cell_type: "code", source: "2" }] }) // => 2 (counts 1 and 2)
 */
export function numberCodeCells(nb: NotebookJson): number {
  const code = nb.cells.filter((c) => c.cell_type === "code" && cellText(c.source).trim() !== "");
  if (code.some((c) => typeof c.execution_count === "number")) return 0;
  code.forEach((c, i) => (c.execution_count = i + 1));
  return code.length;
}
