import * as fs from "node:fs";
import { DataError, rawPath, source, verifySource } from "../sources";
import { parseCell } from "../markers";
import { cached } from "../cache";
import { Obs, ObsTable, validateObs } from "../obs";

/**
 * National children's centre figures (England) from DfE answers to Parliamentary Questions and a
 * GOV.UK news story, as quoted verbatim in `official_national_figures_from_PQ_answers.md`. No
 * local-authority series is in the mirror. Each figure is found in its numbered item by the phrase
 * that states it (CENTRE_FIGURES), so a changed wording is an error naming the file, the item and
 * the phrase; each observation gives the item's heading as its `sheet` and its line as its `row`.
 *
 * The counts do not all count the same thing; the measure names keep them apart:
 * - `childrensCentres`: "children's centres" as DfE counted them in April 2010 (3,631) and on 8
 *   September 2011;
 * - `childrensCentresMain` and `childrensCentreSites`: main centres and additional (linked) sites,
 *   counted apart (30 June 2015, 31 May 2019); `childrensCentresAndSites`: both together (31 October 2016);
 * - `childrensCentresClosed` and `childrensCentresOpened`: by calendar year, 2010 to 2014 (PQ 3237, 2015)
 *   and, closures as revised in 2016, 2010 to 2015 (PQ 55895);
 * - `childrensCentresClosedSince2010`: closures since April 2010 as at 30 June 2015 and 12 March 2019;
 * - `childrensCentresSuttonTrust`: the Sutton Trust's "Stop Start" (2018) figures, August 2009 and
 *   October 2017, as reported in the press (a third party's count, not a DfE answer).
 * Years are calendar years.
 */

export const CENTRES_SOURCE = "childrens-centres-official-national-figures-from-pq-answers";

export const CENTRES_MEASURES = ["childrensCentres", "childrensCentresMain", "childrensCentreSites", "childrensCentresAndSites", "childrensCentresClosed", "childrensCentresOpened", "childrensCentresClosedSince2010", "childrensCentresSuttonTrust"];

/** One figure: the item it is in, the measure and year, and the phrase stating it (first capture group = the number). */
export interface CentreFigure {
  item: number;
  measure: string;
  year: string;
  phrase: RegExp;
}

export const CENTRE_FIGURES: CentreFigure[] = [
  { item: 2, measure: "childrensCentresAndSites", year: "2016", phrase: /As at 31 October 2016 there were ([\d,]+) main children's centres and sites open/ },
  { item: 3, measure: "childrensCentresClosedSince2010", year: "2015", phrase: /Since 2010, ([\d,]+) main children's centres have closed as at 30 June 2015/ },
  { item: 3, measure: "childrensCentresMain", year: "2015", phrase: /([\d,]+) main children's centres remain open/ },
  { item: 3, measure: "childrensCentreSites", year: "2015", phrase: /along with ([\d,]+) additional sites/ },
  { item: 4, measure: "childrensCentres", year: "2011", phrase: /on 8 September 2011 there were ([\d,]+) children's centres/ },
  { item: 4, measure: "childrensCentres", year: "2010", phrase: /there were ([\d,]+) children's centres in April 2010/ },
  { item: 5, measure: "childrensCentresClosedSince2010", year: "2019", phrase: /as at 12 March 2019, ([\d,]+) Sure Start children's centres had closed\s+since April 2010/ },
  { item: 6, measure: "childrensCentresMain", year: "2019", phrase: /as at 31 May 2019, there were ([\d,]+) children's centre and [\d,]+ linked sites open/ },
  { item: 6, measure: "childrensCentreSites", year: "2019", phrase: /as at 31 May 2019, there were [\d,]+ children's centre and ([\d,]+) linked sites open/ },
  { item: 8, measure: "childrensCentresSuttonTrust", year: "2009", phrase: /drop in centre numbers from ([\d,]+) to [\d,]+ between August 2009 and October 2017/ },
  { item: 8, measure: "childrensCentresSuttonTrust", year: "2017", phrase: /drop in centre numbers from [\d,]+ to ([\d,]+) between August 2009 and October 2017/ },
];

interface Item { n: number; heading: string; start: number; lines: string[] }

/** The numbered items of the file ("1. PQ 3237, answered …"), with their 1-based first line. */
export function centreItems(text: string): Item[] {
  const lines = text.split(/\r?\n/);
  const items: Item[] = [];
  lines.forEach((l, i) => {
    const m = /^(\d+)\.\s+(.*)$/.exec(l);
    if (m) items.push({ n: Number(m[1]), heading: m[2].replace(/\s+[—-]\s+https?:\/\/\S+.*$/, "").replace(/\s*\(\S+\)\s*,/, ",").replace(/[\s—:-]+$/, "").trim(), start: i + 1, lines: [] });
    else if (items.length) items[items.length - 1].lines.push(l);
  });
  return items;
}

/**
 * Observations of the file's text (pure: the file name and id are for messages and provenance).
 * Reads the CENTRE_FIGURES phrases, the opened/closed table of item 1 ("| Opened | 0 | 1 | …" under
 * "| Number of centres | 2010 | …") and the revised closures of item 2 ("2010: 0 | 2011: 12 | …").
 */
export function centresObs(text: string, src: string, file: string): Obs[] {
  const items = centreItems(text);
  const item = (n: number): Item => {
    const it = items.find((x) => x.n === n);
    if (!it) throw new DataError(`${file}: no item ${n}. (items found: ${items.map((x) => x.n).join(", ") || "none"})`, file);
    return it;
  };
  const out: Obs[] = [];
  const push = (measure: string, year: string, raw: string, it: Item, line: number, col: string) => {
    const c = parseCell(raw);
    if (c.value === null) throw new DataError(`${file} line ${line}: "${raw}" is not a number (${measure} ${year})`, file);
    out.push({ measure, year, level: "national", area: "England", code: "E92000001", value: c.value, src, sheet: `item ${it.n}: ${it.heading}`, row: line, col });
  };
  for (const f of CENTRE_FIGURES) {
    const it = item(f.item);
    const body = it.lines.join("\n");
    const m = f.phrase.exec(body);
    if (!m) throw new DataError(`${file}: item ${f.item} (${it.heading}) does not say ${String(f.phrase)} (${f.measure} ${f.year})`, file);
    const line = it.start + 1 + body.slice(0, m.index).split("\n").length - 1;
    push(f.measure, f.year, m[1], it, line, `the sentence "${m[0].replace(/\s+/g, " ")}"`);
  }
  // item 1: the table of centres opened and closed by calendar year
  const t1 = item(1);
  const hIdx = t1.lines.findIndex((l) => /^\s*\|\s*Number of centres\s*\|/.test(l));
  if (hIdx < 0) throw new DataError(`${file}: item 1 (${t1.heading}) has no table headed "| Number of centres | 2010 | …"`, file);
  const cells = (l: string) => l.trim().replace(/^\||\|$/g, "").split("|").map((x) => x.trim());
  const years = cells(t1.lines[hIdx]).slice(1);
  if (!years.every((y) => /^\d{4}$/.test(y))) throw new DataError(`${file}: item 1's table header gives "${years.join(", ")}", expected years`, file);
  for (const [label, measure] of [["Opened", "childrensCentresOpened"], ["Closed", "childrensCentresClosed"]] as const) {
    const k = t1.lines.findIndex((l, i) => i > hIdx && cells(l)[0] === label);
    if (k < 0) throw new DataError(`${file}: item 1's table has no row "${label}"`, file);
    const vals = cells(t1.lines[k]).slice(1);
    if (vals.length !== years.length) throw new DataError(`${file} line ${t1.start + 1 + k}: row "${label}" has ${vals.length} values for ${years.length} years`, file);
    years.forEach((y, j) => push(measure, y, vals[j], t1, t1.start + 1 + k, `table row "${label}", column ${y}`));
  }
  // item 2: closures by calendar year as revised in 2016
  const t2 = item(2);
  const k2 = t2.lines.findIndex((l) => /^\s*\d{4}:\s*[\d,]+\s*(\|\s*\d{4}:\s*[\d,]+\s*)+$/.test(l));
  if (k2 < 0) throw new DataError(`${file}: item 2 (${t2.heading}) has no line of closures by year ("2010: 0 | 2011: 12 | …")`, file);
  for (const part of t2.lines[k2].split("|")) {
    const m = /^\s*(\d{4}):\s*([\d,]+)\s*$/.exec(part);
    if (!m) throw new DataError(`${file} line ${t2.start + 1 + k2}: "${part.trim()}" is not "year: number"`, file);
    push("childrensCentresClosed", m[1], m[2], t2, t2.start + 1 + k2, `closures by calendar year, ${m[1]}`);
  }
  return out;
}

/** Builds the table from the file (no cache). */
export function buildCentres(): Obs[] {
  const s = source(CENTRES_SOURCE);
  verifySource(s);
  return validateObs(centresObs(fs.readFileSync(rawPath(s), "utf8"), s.id, s.file), "children's centres table");
}

let memo: ObsTable | undefined;

/** National children's centre figures, 2009 to 2019 (cached by the file's sha256). */
export function childrensCentresTable(): ObsTable {
  if (memo) return memo;
  memo = new ObsTable(cached("childrens-centres", 1, [source(CENTRES_SOURCE)], buildCentres));
  return memo;
}

/** Forgets the in-process copy (tests). */
export function resetChildrensCentresTable(): void {
  memo = undefined;
}
