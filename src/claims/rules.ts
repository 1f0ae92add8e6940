import type { Verdict } from "./types";
import { QUALIFIERS } from "./verdict";
import { REASON_WORDS } from "./explain";

/**
 * The verdict rules in words: one text for each verdict (README.md carries the same table, kept equal
 * by a test; the rules are applied in src/claims/verdict.ts).
 */
export const VERDICT_RULES: Record<Verdict, string> = {
  confirmed: "On the primary reading, the data equal the stated figure within the precision the document wrote (655,630 must be that figure; “7%” stands for 6.5% to 7.5%; “£8.8 billion” for £8.75 billion to £8.85 billion). Basis data, or cited for a faithful quotation. Needs evidence from an official file.",
  rounding: "Differs only by a rounding the check demonstrates: the document computed from its own rounded figures, or the official file is itself rounded more coarsely than the document. No tolerance band stands in for the demonstration.",
  revised: "The stated figure is what another held release published, and the release of the primary reading gives a different figure; both vintages are in hand.",
  differs: "Outside all of that on the primary reading, with the release the document used (or a figure no release changes) in hand. Other readings that would reproduce the figure are listed, but never make it confirmed.",
  consistent: "A figure checked only against the document's own numbers, which it follows (allowing for the rounding of the printed figures, shown); or, with basis data, a figure within what data that can only bound it allow (publication dates that bound inspection dates, two classifications that bound a share, a secondary transcription of an official series). Never counted as confirmed.",
  inconsistent: "The document's own numbers contradict each other: a change that does not follow from its levels, parts that do not add to their total, a text against its table. With basis data: a figure outside what data that can only bound it allow.",
  misquoted: "A figure attributed to another document that is not what that document says.",
  model: "The figure comes from a model; the project re-estimates it and gives its estimate with a 95% interval and whether the stated figure lies inside it.",
  unverifiable: "Cannot be checked, for a reason given: no-open-data (a survey, a case study), not-in-mirror (official data exist and are named, but are not among the sources), vintage-not-held (the release the document used is not held and no release held gives the stated figure), method-statement (a statement of method).",
};

/** One short line per verdict, for keys and legends. */
export const VERDICT_MEANINGS: Record<Verdict, string> = {
  confirmed: "the data equal the figure within the precision written",
  rounding: "off only by a rounding the check demonstrates",
  revised: "what another release published; the release used here differs",
  differs: "the data give another figure on the declared reading",
  consistent: "follows from the document's own numbers, or lies within what bounding data allow (never confirmed)",
  inconsistent: "the document's own numbers contradict each other, or the figure lies outside what bounding data allow",
  misquoted: "not what the cited document says",
  model: "a model estimate, re-estimated with a 95% interval",
  unverifiable: "cannot be checked; the reason is given",
};

/** The Markdown tables of the rules, the qualifier words and the reasons (README.md, "Verdicts"). */
export function rulesMarkdown(): string {
  const v = ["| verdict | rule |", "|---|---|", ...Object.entries(VERDICT_RULES).map(([k, t]) => `| \`${k}\` | ${t} |`)];
  const q = ["| words | window | why |", "|---|---|---|", ...Object.values(QUALIFIERS).map((x) => `| ${x.words} | ${x.window} | ${x.reason} |`)];
  const r = ["| reason | meaning |", "|---|---|", ...Object.entries(REASON_WORDS).map(([k, t]) => `| \`${k}\` | ${t} |`)];
  return [v.join("\n"), q.join("\n"), r.join("\n")].join("\n\n");
}
