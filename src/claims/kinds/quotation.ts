import { DataError } from "../../data/sources";
import { fmtNumber } from "../../format";
import { DOC_FILES, DOC_TITLES } from "../registry";
import type { DocId } from "../types";
import { parseWritten } from "../written";
import { fact } from "./facts";
import type { Kind, KindResult } from "./types";

/**
 * Kind `quotation`: a figure one document attributes to another ("according to the NAO … 50%"),
 * checked against the cited document's own text rather than against data. params:
 * - cites: the cited document (nao, pac, hcl, govuk, cc);
 * - passage: the cited document's words that give the figure, verbatim (whitespace, curly quotes and
 *   dashes are compared loosely, so a passage pasted from the text matches);
 * - index: which number of the passage is the figure, when it holds several (1-based, default 1);
 * - role: the role the figure answers (default "value"), or roles: several roles it answers.
 * - phrase: instead of a number, words the citing document attributes ("no link"): the value is 1 when
 *   the cited passage says them (folded and compared without regard to case), 0 when it does not; the
 *   claim states the attribution as 1 ("the cited document says it").
 * The value is the number the cited document prints (a percentage in per cent, money in the unit it
 * is written in); the evidence points at the cited document, its line and the passage. A passage
 * that is not in the cited document is an error: the registry is wrong, not the document.
 */

/** Text folded for matching: one space for any run of white space, straight quotes and hyphens. */
export function foldText(s: string): string {
  return s.replace(/[\u2018\u2019\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u2033]/g, '"').replace(/[\u2010-\u2015\u2212]/g, "-").replace(/\s+/g, " ").trim();
}

/** The numbers written in a passage, in order: "44%", "£8.8 billion", "1,343", "2010-11" left out. */
export function numbersIn(passage: string): { written: string; value: number; index: number }[] {
  const out: { written: string; value: number; index: number }[] = [];
  const re = /(£\s?)?(\d[\d,]*(?:\.\d+)?)(\s?(?:%|per cent|billion|million|bn\b|m\b))?/g;
  for (const m of passage.matchAll(re)) {
    const at = m.index ?? 0;
    // a financial year ("2010-11") or a range's second half is not a figure
    if (/^\d{4}$/.test(m[2]) && /^-\d{2}\b/.test(passage.slice(at + m[0].length))) continue;
    if (at > 0 && /\d-$/.test(passage.slice(Math.max(0, at - 5), at))) continue;
    out.push({ written: m[0].trim(), value: parseWritten(m[0]).value, index: at });
  }
  return out;
}

/** Where a passage is in a text: the 1-based line, or null when it is not there. */
export function findPassage(text: string, passage: string): { line: number } | null {
  const want = foldText(passage);
  if (want === "") return null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) if (foldText(lines[i]).includes(want)) return { line: i + 1 };
  // a passage across a line break: the line where it starts
  const folded = lines.map(foldText);
  for (let i = 0; i < lines.length - 1; i++) {
    const joined = `${folded[i]} ${folded[i + 1]}`;
    if (joined.includes(want) && !folded[i + 1].includes(want)) return { line: i + 1 };
  }
  return null;
}

export const quotationKind: Kind = (t, p): KindResult => {
  const doc = p.str("cites") as DocId;
  if (!(doc in DOC_FILES)) throw p.error(`parameter "cites" must name a document (${Object.keys(DOC_FILES).join(", ")})`);
  const passage = p.str("passage");
  const roles = p.optList("roles") ?? [p.opt("role", "value")];
  const index = Number(p.raw.index ?? 1);
  const file = `seeds/${DOC_FILES[doc]}`;
  const where = findPassage(t.document(doc), passage);
  if (!where) throw new DataError(`${file}: the passage "${passage}" is not in ${DOC_TITLES[doc]}`, file);
  // the cited document's line, as evidence
  const cited = (values: Record<string, string>, note: string) => ({ source: `document:${doc}`, file, rows: [`line ${where.line}`], columns: ["the cited document's text"], values, note });
  const phrase = p.opt("phrase");
  if (phrase !== undefined) {
    const says = foldText(passage).toLowerCase().includes(foldText(phrase).toLowerCase());
    return {
      values: Object.fromEntries(roles.map((r) => [r, says ? 1 : 0])),
      basis: "cited",
      evidence: [cited({ passage: foldText(passage), phrase }, "the words as the cited document prints them")],
      explanation: `${DOC_TITLES[doc]} writes (line ${where.line}): "${foldText(passage)}" — ${says ? `it says "${phrase}"` : `it does not say "${phrase}"`}.`,
      facts: { says: fact(says ? 1 : 0, `whether ${DOC_TITLES[doc]} says "${phrase}" (1 yes, 0 no)`, { source: `document:${doc}` }) },
    };
  }
  const nums = numbersIn(foldText(passage));
  const n = nums[index - 1];
  if (!n) throw p.error(`the passage has ${nums.length} number${nums.length === 1 ? "" : "s"}, not a number ${index}`);
  return {
    values: Object.fromEntries(roles.map((r) => [r, n.value])),
    basis: "cited",
    evidence: [cited({ passage: foldText(passage), figure: n.written }, "the figure as the cited document prints it")],
    explanation: `${DOC_TITLES[doc]} writes (line ${where.line}): "${foldText(passage)}" — ${n.written}${nums.length > 1 ? `, number ${index} of ${nums.length} in the passage` : ""}, that is ${fmtNumber(n.value, String(n.value).split(".")[1]?.length ?? 0)}.`,
    facts: { quoted: fact(n.value, `the figure ${DOC_TITLES[doc]} prints`, { source: `document:${doc}` }) },
  };
};
