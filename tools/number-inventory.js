#!/usr/bin/env node
/*
 * Lists every number in the five documents (../shared/seeds, or $CSC_SEEDS_DIR) with its location, and
 * says whether a claim of the registry (data/claims/<document>/*.json, or $CSC_CLAIMS_DIR) quotes it.
 *
 * A "number" here is: digits (655,630; 43.2; +24%), money (£8.8 billion, £824.1m), percentages (7%,
 * "Sixty-three per cent"), numbers written in words (One hundred and fifty-two, eleven), fractions (half,
 * a quarter, a third, two-thirds), multiples (triple, double, twice, 10 times), ordinals from "second"
 * upward (the fourth in a series, the third year running), years (2016), financial and academic years
 * (2010-11, 2019/20), dates (31 March 2018, January 2019) and times of day. "first" is not read as a
 * number (it orders events and never measures them), nor are quantifier words (all, most, majority,
 * minority, none).
 *
 * A number is "covered" when it lies inside the quote of a registry claim of the same document (the
 * quote is found in the text with whitespace folded, as the registry's own test finds it). A number
 * that is not a statistic is "excluded" by the first rule of RULES below that matches it, and listed
 * with that rule: nothing is dropped silently. The rest are "uncovered".
 *
 * Usage: node tools/number-inventory.js [--doc nao|pac|hcl|govuk|cc] [--json] [--all]
 *   default: counts per document, then the uncovered numbers, then the excluded ones by rule;
 *   --all: also every covered number with the ids of the claims that quote it;
 *   --json: one JSON object { counts, numbers } instead of text.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const defaultSeeds = () => (process.env.CSC_SEEDS_DIR ? path.resolve(process.env.CSC_SEEDS_DIR) : path.resolve(root, "..", "shared", "seeds"));
const defaultClaims = () => (process.env.CSC_CLAIMS_DIR ? path.resolve(process.env.CSC_CLAIMS_DIR) : path.join(root, "data", "claims"));

const DOC_FILES = {
  nao: "nao-2019-pressures-on-childrens-social-care.txt",
  pac: "pac-2019-transforming-childrens-services.txt",
  hcl: "commons-library-2021-cbp8543.txt",
  govuk: "nao-2019-summary-page.txt",
  cc: "community-care-2019-article.txt",
};

// ---------------------------------------------------------------------------------------------------
// Finding numbers

const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
const UNITS = "(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";
const TENS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";
const CARD = `(?:(?:${UNITS}|${TENS}(?:-${UNITS})?)(?:\\s+(?:hundred|thousand)(?:\\s+and\\s+(?:${TENS}(?:-${UNITS})?|${UNITS}))?)?|${TENS}(?:-${UNITS})?)`;
const ORD = "(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|(?:twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))";
const NUM = "[+\\-−]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";

/** Token patterns, tried in this order at each position; the first that matches wins. */
const TOKENS = [
  ["time", new RegExp(`\\d{1,2}:\\d{2}\\s?(?:am|pm)\\b`, "y")],
  ["date", new RegExp(`${MONTH}\\s+\\d{1,2},\\s+\\d{4}`, "y")],
  ["date", new RegExp(`\\d{1,2}(?:\\s?[-–]\\s?\\d{1,2})?\\s+${MONTH}(?:\\s+\\d{4})?`, "y")],
  ["date", new RegExp(`${MONTH}\\s+(?:19|20)\\d{2}`, "y")],
  ["period", /(?:19|20)\d{2}\s?[-–/]\s?(?:(?:19|20)\d{2}|\d{2})(?![\d,.]\d)/y],
  ["money", new RegExp(`[+\\-−]?£\\s?\\d[\\d,]*(?:\\.\\d+)?(?:\\s?(?:billion|million|bn|m|k)\\b)?`, "y")],
  ["percent", new RegExp(`${NUM}\\s?(?:%|per\\s?cent\\b|percent\\b)`, "y")],
  ["percent", new RegExp(`\\b${CARD}\\s+(?:per\\s?cent|percent)\\b`, "iy")],
  ["multiple", new RegExp(`(?:${NUM}|\\b${CARD})\\s+times\\b`, "iy")],
  ["year", /(?:19|20)\d{2}(?!\d|,\d|\.\d)/y],
  ["range", /\d+(?:\.\d+)?\s?[-–]\s?\d+(?:\.\d+)?(?!\d|,\d)/y],
  ["number", new RegExp(NUM, "y")],
  ["fraction", /\b(?:two|three)-thirds\b|\bhalf\b|\bquarters?\b|\b(?:a|one|most deprived)\s+third\b/iy],
  ["multiple", /\b(?:double[ds]?|doubling|triple[ds]?|tripling|treble[ds]?|quadruple[ds]?|twice)\b/iy],
  ["ordinal", new RegExp(`\\b${ORD}\\b`, "iy")],
  ["written", new RegExp(`\\b${CARD}\\b`, "iy")],
];

/** Finds every number in a line: [{ kind, text, start, end }] with offsets inside the line. */
function findNumbers(line) {
  const out = [];
  // Footnote markers printed as plain digits glued to the end of a sentence or clause ("(2014);1",
  // "expenditure.7 We", "753,840.5" at the end of a paragraph, "March 2018.14 Our"): listed as markers.
  const marker = /([A-Za-z)”’"\]]|\d{4}|\d{1,3}(?:,\d{3})+)([.,;:])(\d{1,2})(?=\s+[A-Z(]|\s*$|\s+and\s)/g;
  let mk;
  const masked = line.split("");
  // Only digits after a letter, a bracket, a year or a grouped count, and before a capital, a bracket,
  // "and" or the end of the line: a decimal inside a sentence ("43.2 to 64") is not a marker.
  while ((mk = marker.exec(line))) {
    const s = mk.index + mk[1].length + mk[2].length;
    // a paragraph's own number ("1.10\t", "2.1 Number") is not a marker
    if (/^\s*\d+$/.test(line.slice(0, mk.index + mk[1].length))) continue;
    out.push({ kind: "marker", text: mk[3], start: s, end: s + mk[3].length });
    for (let k = s; k < s + mk[3].length; k++) masked[k] = "¤";
  }
  line = masked.join("");
  let i = 0;
  while (i < line.length) {
    const prev = i > 0 ? line[i - 1] : " ";
    let hit = null;
    for (const [kind, re] of TOKENS) {
      re.lastIndex = i;
      const m = re.exec(line);
      if (!m) continue;
      // digits glued to a letter or another digit are not the start of a number (they are read below)
      if (/[0-9+\-−]/.test(m[0][0]) && /[A-Za-z0-9]/.test(prev)) continue;
      hit = { kind, text: m[0], start: i, end: i + m[0].length };
      break;
    }
    if (hit) {
      // "the most deprived third": keep only the number word itself.
      const md = /^(?:a|one|most deprived)\s+(third)$/i.exec(hit.text);
      if (md) hit = { ...hit, start: hit.end - md[1].length, text: md[1] };
      out.push(hit);
      i = hit.end;
    } else {
      i++;
    }
  }
  // Digits glued to letters (CP113, PMC4986093): one "identifier" token each, so that they are listed.
  const glued = /[A-Za-z]+(\d+)/g;
  let g;
  while ((g = glued.exec(line))) {
    const s = g.index + g[0].length - g[1].length;
    if (!out.some((t) => s >= t.start && s < t.end)) out.push({ kind: "identifier", text: g[1], start: s, end: s + g[1].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------------
// Locations: each line of a document gets the location the registry would write and a block kind
// (body, heading, footnote, figure, table, contents, front, furniture, recommendation, comment).

const SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";

function segment(doc, text) {
  const lines = [];
  let offset = 0;
  for (const raw of text.split("\n")) {
    lines.push({ raw, start: offset, text: raw.trim() });
    offset += raw.length + 1;
  }
  const f = { nao: segmentNao, pac: segmentPac, hcl: segmentHcl, govuk: segmentGovuk, cc: segmentCc }[doc];
  f(lines);
  return lines;
}

function segmentNao(lines) {
  let part = "front"; // front | summary | body | appendix
  let appendix = "";
  let loc = "Front matter";
  let lastPara = 0;
  let footnoteMode = false;
  for (const l of lines) {
    const t = l.text;
    l.kind = "body";
    if (!t) { l.location = loc; continue; }
    if (part === "front" && t === "Summary") { part = "summary"; loc = "Summary"; l.kind = "heading"; l.location = loc; continue; }
    if (/^Part (One|Two|Three)$/.test(t)) { part = "body"; footnoteMode = false; loc = t; l.kind = "heading"; l.location = loc; continue; }
    const ap = /^Appendix (One|Two)$/.exec(t);
    if (ap) { part = "appendix"; appendix = ap[1]; lastPara = 0; footnoteMode = false; loc = t; l.kind = "heading"; l.location = loc; continue; }
    const fig = /^Figure (\d+)$/.exec(t);
    if (fig) { part = "figure"; loc = `Figure ${fig[1]}`; l.kind = "heading"; l.location = loc; continue; }
    if (part === "front") { l.location = "Front matter"; continue; }
    if (part === "figure") { l.kind = "figure"; l.location = loc; continue; }
    const dotted = /^(\d+\.\d+)\t/.exec(t);
    if (dotted && part === "body") { loc = `para ${dotted[1]}`; footnoteMode = false; l.location = loc; continue; }
    const plain = /^(\d+)\t/.exec(t);
    if (plain) {
      const n = Number(plain[1]);
      if (part === "summary") { loc = `Summary para ${n}`; l.location = loc; continue; }
      if (part === "appendix" && !footnoteMode && n > lastPara) { lastPara = n; loc = `Appendix ${appendix} para ${n}`; l.location = loc; continue; }
      footnoteMode = part === "appendix" ? true : footnoteMode;
      l.kind = "footnote"; l.location = `footnote ${n}`; continue;
    }
    if (/^[a-e]\t/.test(t) && part === "summary") { l.location = loc; continue; }
    // A short line without a full stop between paragraphs is a heading.
    if (t.length < 100 && !/[.;:,]$/.test(t) && !/^\[image/.test(t) && (t[0] === t[0].toUpperCase())) {
      l.kind = "heading"; l.location = loc; continue;
    }
    l.location = loc;
  }
}

function segmentPac(lines) {
  let loc = "Title";
  for (const l of lines) {
    const t = l.text;
    l.kind = "body";
    const c = /^(\d+)\.\S/.exec(t);
    if (c) { loc = `Conclusion ${c[1]}`; l.location = loc; continue; }
    if (/^Recommendation:/.test(t)) { l.kind = "recommendation"; l.location = `${loc}, recommendation`; continue; }
    if (/^Published:/.test(t)) { l.kind = "front"; l.location = "Publication line"; continue; }
    if (loc === "Title") l.kind = "heading";
    l.location = loc;
  }
}

function segmentGovuk(lines) {
  let n = 0;
  for (const l of lines) {
    l.kind = "body";
    if (!l.text) { l.location = n ? `Summary page, paragraph ${n}` : "Title"; continue; }
    if (n === 0 && !/^This report sets out/.test(l.text)) { l.kind = "heading"; l.location = "Title"; continue; }
    n++;
    l.location = `Summary page, paragraph ${n}`;
  }
}

function segmentCc(lines) {
  const HEADINGS = ["Unexplained variation", "Local factors", "‘Frequent line of enquiry’", "More from Community Care"];
  let section = "";
  let comment = "";
  for (const l of lines) {
    const t = l.text;
    l.kind = "body";
    if (!t) { l.location = section ? `“${section}” section` : "Introduction"; continue; }
    if (HEADINGS.includes(t)) { section = t.replace(/[‘’]/g, ""); l.kind = "heading"; l.location = `“${section}” section`; continue; }
    if (/^\d+ Responses to /.test(t)) { section = "Responses"; l.kind = "furniture"; l.location = "Reader comments"; continue; }
    const ch = /^\d+\.\s+(.+?)\s+(\w+ \d{1,2}, \d{4}) at /.exec(t);
    if (ch) {
      const d = new Date(`${ch[2]} 12:00 UTC`);
      const date = `${d.getUTCDate()} ${d.toLocaleString("en-GB", { month: "long", timeZone: "UTC" })} ${d.getUTCFullYear()}`;
      comment = `Reader comment (${ch[1]}, ${date})`;
      l.kind = "furniture"; l.location = comment; continue;
    }
    if (section === "Responses") { l.kind = "comment"; l.location = comment || "Reader comments"; continue; }
    if (!section) {
      const words = t.split(/\s+/).slice(0, 3).join(" ");
      l.location = `paragraph “${words}…”`;
      if (/^Photo:/.test(t) || t.length < 90) l.kind = "heading";
      continue;
    }
    l.location = `“${section}” section`;
  }
}

function segmentHcl(lines) {
  let top = 0;
  let sub = "";
  let front = true;
  let box = "";
  let table = false;
  let reports = false;
  const section = () => (top === 0 ? "Summary" : `Section ${sub || top}`);
  for (const l of lines) {
    const t = l.text;
    l.kind = "body";
    if (front) {
      if (t === "Summary") { front = false; l.kind = "heading"; l.location = "Summary"; continue; }
      l.kind = /^\|/.test(t) || /^\d+\. [A-Z]/.test(t) ? "contents" : "front";
      l.location = l.kind === "contents" ? "Contents" : "Front matter";
      continue;
    }
    if (!t) { l.location = section(); continue; }
    const h1 = /^(\d)\. ([A-Z].*)$/.exec(t);
    if (h1 && Number(h1[1]) === top + 1 && t.length < 80) {
      top = Number(h1[1]); sub = ""; box = ""; reports = top === 7;
      l.kind = "heading"; l.location = `Section ${top}`; continue;
    }
    const h2 = /^(\d)\.(\d) ([A-Z].*)$/.exec(t);
    if (h2 && Number(h2[1]) === top && t.length < 90) {
      sub = `${h2[1]}.${h2[2]}`; box = "";
      l.kind = "heading"; l.location = `Section ${sub}`; continue;
    }
    if (/^About the Library$/.test(t)) { reports = false; top = 99; l.kind = "furniture"; l.location = "Back matter"; continue; }
    if (top === 99) { l.kind = "furniture"; l.location = "Back matter"; continue; }
    const bx = /^Box (\d+):/.exec(t);
    if (bx) { box = bx[1]; l.kind = "heading"; l.location = `${section()}, box ${box}`; continue; }
    if (new RegExp(`^[${SUP}]+`).test(t)) {
      const n = [...new RegExp(`^[${SUP}]+`).exec(t)[0]].map((ch) => SUP.indexOf(ch)).join("");
      l.kind = "footnote"; l.location = `${section()}, footnote ${n}`; continue;
    }
    if (/^\d+ Children's social care services in England$/.test(t)) { l.kind = "furniture"; l.location = "Page header"; continue; }
    if (box && /^(Covid-19 pandemic|3\. )/.test(t)) box = "";
    const where = box ? `${section()}, box ${box}` : section();
    if (/^\|/.test(t)) { table = true; l.kind = "table"; l.location = `${where}, table`; continue; }
    if (table && t.length < 80 && !/[.]$/.test(t) && !/^Source/.test(t)) { l.kind = "table"; l.location = `${where}, table`; continue; }
    table = false;
    if (/^\[?Sources?:/.test(t) || /^\[[^\]]+\]\(#\)$/.test(t)) { l.kind = "source"; l.location = where; continue; }
    if (reports) { l.kind = "reports"; l.location = "Section 7 (list of reports)"; continue; }
    if (t.length < 70 && !/[.:;,"”]$/.test(t) && !/^-/.test(t)) l.kind = "heading";
    l.location = where;
  }
}

// ---------------------------------------------------------------------------------------------------
// Rules: what is not a statistic. Each rule sees the token, its line, the line's kind and the text
// around it; the first rule that matches excludes the number, and the listing names the rule.

const before = (n) => (ctx) => ctx.line.slice(Math.max(0, ctx.tok.start - n), ctx.tok.start);
const after = (n) => (ctx) => ctx.line.slice(ctx.tok.end, ctx.tok.end + n);

const DATEISH = ["date", "year", "period"];
const ADJ_PUB = /^\s*\]?\(?#?\)?\s*\[?(?:(?!(?:an?|the|as|and|to|our|its)\b)[\w’'-]+\s){0,2}\[?(?:report|study|inquiry|review|Review|roadmap|commentary|submission)\b/;

/**
 * What is not a statistic. `always` rules are structural (a paragraph's number, a cross-reference, a
 * law's name...) and apply even inside a claim's quote; the others apply only to numbers that no
 * claim quotes, so that a number a row checks is never hidden by them.
 */
const RULES = [
  // --- structural: always
  { id: "footnote-marker", always: true,
    says: "a footnote marker printed as digits at the end of a sentence or clause (\"(2014);1\", \"expenditure.7\")",
    test: (c) => c.tok.kind === "marker" },
  { id: "paragraph-number", always: true,
    says: "the number that opens a numbered paragraph, conclusion, list item or reader comment (\"1.10\", \"2.\", \"1.\")",
    test: (c) => c.tok.start === c.indent && /^\d+(\.\d+)?$/.test(c.tok.text) && /^(\t|\.\S|\.\s)/.test(c.line.slice(c.tok.end)) && !["table", "figure", "footnote"].includes(c.kind) },
  { id: "section-number", always: true,
    says: "the number of a section or heading, and the page numbers of the contents list",
    test: (c) => c.kind === "contents" || (c.kind === "heading" && /^\d+(\.\d+)?\.?$/.test(c.tok.text) && c.tok.start === c.indent) },
  { id: "note-number", always: true,
    says: "the number of a footnote or of a figure's note, at the start of the note",
    test: (c) => c.tok.start === c.indent && /^\d+$/.test(c.tok.text) && (c.kind === "footnote" || (c.kind === "figure" && /^\s+[A-Z]/.test(c.line.slice(c.tok.end)))) },
  { id: "page-number", always: true,
    says: "a page number: a running page header, \"p19\", \"pp10-13\", \"Figure 5 on page 19\"",
    test: (c) => c.kind === "furniture" && /^\d+ Children's social care/.test(c.text) && c.tok.start === c.indent
      || /\b(pp?\.?\s?|pages?\s)$/.test(before(6)(c)) || /\bpp?\s?\d+\s?([-–&]|&\s)\s?$/.test(before(9)(c)) },
  { id: "cross-reference", always: true,
    says: "a reference to another place in a document: Figure 12, paragraph 1.22, para 18, section 2.4, Part Three, Appendix Two, Box 2",
    test: (c) => /\b(Figures?|paragraphs?|paras?|Parts?|Appendix|footnotes?|Table|Box)\s+(\d+(\.\d+)?(,\s|\sand\s|\sto\s|\s?[-–]\s?))*$/.test(before(40)(c)) && /^\d/.test(c.tok.text)
      || /\b(Parts?|Appendix)\s+((One|Two|Three)(,\s|\sand\s))*$/.test(before(30)(c)) && /^(One|Two|Three)$/i.test(c.tok.text)
      || c.doc === "hcl" && /\b[Ss]ections?\s+((\d\.\d|\d)(,\s|\sand\s))*$/.test(before(30)(c)) && /^(\d\.\d|[1-7])$/.test(c.tok.text) },
  { id: "legislation", always: true,
    says: "the name or a section of a law or regulation, and what is named after one (section 47 enquiries, section 251 returns)",
    test: (c) => /\b(Act|Acts|Regulations)\s+(\d{4}\sand\s)?$/.test(before(20)(c)) && c.tok.kind === "year"
      || /\b(Children Acts)\s+$/.test(before(15)(c))
      || /\b[Ss]ections?\s+$/.test(before(10)(c)) && /^\d+$/.test(c.tok.text)
      || /\bsection\s+\d+\($/.test(before(14)(c)) },
  { id: "document-identifier", always: true,
    says: "the number of a publication: HC 1868, CBP 8543, CP 170, Cm 8062, PQ 235757, Library Briefing 7730, \"Number 8543\", \"Eighty-Eighth Report\", a journal's volume and issue, digits glued to letters (CP113, PMC4986093)",
    test: (c) => c.tok.kind === "identifier"
      || /\b(HC|CBP|CP|Cm|PQ|PO|Briefing|Number|vol\.)\s?$/.test(before(12)(c))
      || /\b(Session|HC\s?\d+)\s+$/.test(before(14)(c)) && c.tok.kind === "period"
      || /vol\.\s\d+\($/.test(before(10)(c))
      || c.tok.kind === "ordinal" && /^\s*(Report|reports|to the)/.test(after(12)(c)) && /[A-Z]/.test(c.tok.text[0]) },
  { id: "denominator", always: true,
    says: "the base of a rate (per 10,000, per 100,000): a unit, not a measurement",
    test: (c) => /\bper\s+$/.test(before(5)(c)) && /^(10,000|100,000)$/.test(c.tok.text) },
  { id: "citation", always: true,
    says: "a date, year or number inside a reference: a footnote's citation, a Source line, the list of reports, the briefing's cover",
    test: (c) => ["footnote", "source", "reports", "front"].includes(c.kind) && c.tok.kind !== "money" && c.tok.kind !== "percent"
      && !(c.kind === "footnote" && /\bunder\s$/.test(before(6)(c))) },
  { id: "not-a-number", always: true,
    says: "a number word inside an ordinary word (third-sector organisations)",
    test: (c) => /^third$/i.test(c.tok.text) && /^-sector/.test(after(8)(c)) },
  { id: "time-of-day", always: true,
    says: "a time of day (a reader comment's timestamp)",
    test: (c) => c.tok.kind === "time" },
  { id: "page-furniture", always: true,
    says: "a web page's furniture: the count of reader comments, a comment's number and the date it was posted, the date of publication line",
    test: (c) => c.kind === "furniture" },
  // --- only when no claim quotes the number
  { id: "publication-date",
    says: "the date of publication of a report the text names (\"published on 2 March 2021\", \"In January 2021, the DfE published\", \"Children in care (2014)\", \"a January 2019 report\", \"a 2018 study\", \"On 4 March 2021, the chief executive ... stated\")",
    test: (c) => DATEISH.includes(c.tok.kind) && c.kind !== "figure" && (
      /\bpublished\s+(on\s+|in\s+)?$/i.test(before(16)(c))
      || /\b(last updated|updated)\s+$/.test(before(14)(c))
      || ADJ_PUB.test(after(40)(c)) && !/\b(by|to|since)\s+$/.test(before(6)(c))
      || /^\s?\)/.test(after(3)(c)) && /(\]\(#\)|[A-Za-z’'])\s?\($/.test(before(6)(c))
      || /^,?\s+(the\s+|an?\s+)?[A-Za-z’'\[ ]{0,60}\bpublished\b/.test(after(70)(c)) && /(\b[Ii]n|\b[Oo]n|^\s*|Subsequently, in)\s+$/.test(before(16)(c))
      || /\b(report|Report)[^.]{0,80}\bpublished\s+(on\s+|in\s+)?$/i.test(before(110)(c))
      || /\bpublished (?:by [^,]+ )?in\s+$/.test(before(40)(c))
      || /\bparliamentary question\]?\(?#?\)?\s+in\s+$/.test(before(30)(c))
      || /\bwritten statement on\s+$/.test(before(24)(c))) },
  { id: "publication-scope",
    says: "what a cited publication or web page covers (\"covered waves 1-19\", \"covers the period up to September 2020\", a timeline \"from 2007 onwards\")",
    test: (c) => /\b(covered waves|covers the period up to)\s+$/.test(before(30)(c)) || /^\s+onwards/.test(after(10)(c)) && /timeline/.test(before(60)(c)) },
  { id: "name",
    says: "part of a name: Covid-19, Spending Review 2020, Budget 2018, the March 2020 Budget, Phase 7 / the seventh phase, Ofsted's 2019-20 annual report, the 2019 general election, a web page's title, Tier 1",
    test: (c) => /^19$/.test(c.tok.text) && /(Covid|COVID)-$/.test(before(7)(c))
      || /\b(Spending Review|Spending Round|Round|Budget|Finance Survey)\]?\(?#?\)?\s+$/.test(before(25)(c)) && c.tok.kind === "year"
      || /^\s*\]?\(?#?\)?\s*Budget\b/.test(after(12)(c)) && DATEISH.includes(c.tok.kind)
      || /\b[Pp]hase\s+$/.test(before(8)(c)) || c.tok.kind === "ordinal" && /^\s+phase/.test(after(8)(c))
      || /\bTiers?\s+$/.test(before(8)(c)) || /\btiers\s+(\d|one)\s+and\s+$/.test(before(20)(c)) || /^\s+and\s+(two|4)\b/.test(after(10)(c)) && /\btiers\s+$/.test(before(8)(c))
      || /^\s+general election/.test(after(20)(c))
      || /^\s+(annual report|Annual Report|academic year)/.test(after(16)(c))
      || /\bFinancial sustainability of local authorities\s+$/.test(before(50)(c))
      || /\bavailable (on|at)[^\]]*\[[^\]]*$/.test(before(120)(c)) },
  { id: "age-band",
    says: "an age band or limit that names a group (aged 0-17, 0-18 year olds, per 0–17 population, those aged over 16, children under 18), not a measurement",
    test: (c) => (c.tok.kind === "range" && /^0\s?[-–]\s?1[78]$/.test(c.tok.text))
      || /^\d{1,2}$/.test(c.tok.text) && (/\b(aged|aged over|children under|under)\s+$/.test(before(12)(c)) && /^\s?(\.|,|\s+who|\s+year)/.test(after(6)(c)) || /\b0\s?[-–]\s?$/.test(before(3)(c))) },
  { id: "table-heading",
    says: "a table's title or column heading, which names the period or unit of the figures below it",
    test: (c) => (c.kind === "table" || c.kind === "heading") && (/^\|\s*\|/.test(c.text) && /\|\s*(20\d\d|Change|% change|Cash)/.test(c.text)
      || /^\|?\s*(As at|England|\d{4}\/\d{2}: £|Five (highest|lowest)|\| Five)/.test(c.text)
      || /Real Terms \(/.test(c.text) && /prices/.test(c.text)) },
  { id: "figure-caption",
    says: "a period, year or scale in a figure's title or notes: the figure's values are images, not text",
    test: (c) => c.kind === "figure" && (DATEISH.includes(c.tok.kind) && !/^\d{1,2} \w+ \d{4}$/.test(c.tok.text) && !/^In \d{4},/.test(c.text) || /add to\s+$/.test(before(8)(c))) },
  { id: "figure-scope",
    says: "the period of what a chart, figure or table shows, in the sentence that introduces it (\"The chart below shows the number ... since 2010\", \"The table below summarises statistics for 2017 and 2020\", \"Figure 3 sets out ... in 2017-18\")",
    test: (c) => DATEISH.includes(c.tok.kind) && /\b(The chart below shows|The table below summarises|Figure \d+ sets out)\b[^.]*$/.test(before(300)(c)) },
  { id: "heading",
    says: "a year in a sub-heading, which names the text below it (\"Social Care Reform Programme since 2015\")",
    test: (c) => c.kind === "heading" && DATEISH.includes(c.tok.kind) && c.doc === "hcl" },
  { id: "list-count",
    says: "a count or ordinal of the items the text lists right there (\"three strands: setting policy, operational guidance and implementation support\", \"the top four current funding pressures\" followed by items 1 to 4, \"the latter two\", \"The second provides\", \"a four-tier model\" followed by Tiers 1 to 4)",
    test: (c) => ["written", "number", "ordinal"].includes(c.tok.kind) && (
      /^[\s-]+(strands|key variables|key areas for reform|current funding pressures|Library briefings provide|occasions in recent years|measures but|tier model|provides information)/.test(after(40)(c))
      || /\b(the latter|the)\s+$/.test(before(12)(c)) && /^\s+(measures|provides|highest and lowest)\b/.test(after(24)(c))
      || /\bthe latter\s+$/.test(before(12)(c))
      || /\btop\s+$/.test(before(5)(c)) && /^\s+current/.test(after(10)(c))
      || /\bshows\s+$/.test(before(7)(c)) && /^\s+separate time series/.test(after(24)(c))) },
  { id: "restatement",
    says: "a period in a sentence that says it repeats what the text set out above (\"As we set out above, between 2010-11 and 2017-18 ...\"); the figures have rows where they were first given",
    test: (c) => DATEISH.includes(c.tok.kind) && /\bAs we set out above,[^.]*$/.test(before(80)(c)) },
  { id: "word-one",
    says: "\"one\" as a pronoun or determiner (one of, no-one, one-off, one as the first of a list)",
    test: (c) => /^one$/i.test(c.tok.text) },
  { id: "recommendation-deadline",
    says: "the date by which a recommendation asks for something: the document's own request, not a statement about the world",
    test: (c) => c.kind === "recommendation" && DATEISH.includes(c.tok.kind) },
];

// ---------------------------------------------------------------------------------------------------
// Claims and coverage

/** Every claim of the registry folder, with the file (relative to the folder) it came from. */
function loadClaims(claimsDir = defaultClaims()) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".json")) for (const c of JSON.parse(fs.readFileSync(p, "utf8"))) out.push({ ...c, file: path.relative(claimsDir, p) });
    }
  };
  walk(claimsDir);
  return out;
}

/** The text with whitespace folded, and for each of its characters the offset in the original. */
function fold(text) {
  let out = "";
  const map = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) { space = out.length > 0; continue; }
    if (space) { out += " "; map.push(i - 1); space = false; }
    out += text[i];
    map.push(i);
  }
  return { out, map };
}

/** Spans (offsets in the original text) of each claim's quote; several when the quote occurs twice. */
function quoteSpans(doc, text, claims, lines) {
  const { out, map } = fold(text);
  const spans = [];
  const warnings = [];
  for (const c of claims.filter((x) => x.document === doc)) {
    const q = c.quote.replace(/\s+/g, " ").trim();
    const found = [];
    let at = out.indexOf(q);
    while (at >= 0) { found.push([map[at], map[at + q.length - 1] + 1]); at = out.indexOf(q, at + 1); }
    if (!found.length) { warnings.push(`${c.id}: quote not found in the ${doc} text`); continue; }
    let use = found;
    if (found.length > 1) {
      const same = found.filter(([s]) => sameLocation(lineAt(lines, s).location, c.location));
      if (same.length) use = same;
      else warnings.push(`${c.id}: quote occurs ${found.length} times and none at "${c.location}"; all are counted`);
    }
    for (const [s, e] of use) spans.push({ id: c.id, start: s, end: e });
  }
  return { spans, warnings };
}

function lineAt(lines, offset) {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid; else hi = mid - 1;
  }
  return lines[lo];
}

function sameLocation(a, b) {
  const n = (s) => String(s).toLowerCase().replace(/[^a-z0-9.]+/g, " ").trim();
  return n(b).includes(n(a)) || n(a).includes(n(b));
}

// ---------------------------------------------------------------------------------------------------

/** Every number of one document: { numbers: [{ document, location, text, category, status, rule?, claims?, ... }], warnings }. */
function inventory(doc, claims, seedsDir = defaultSeeds()) {
  const text = fs.readFileSync(path.join(seedsDir, DOC_FILES[doc]), "utf8");
  const lines = segment(doc, text);
  const { spans, warnings } = quoteSpans(doc, text, claims, lines);
  const numbers = [];
  for (const l of lines) {
    const indent = l.raw.length - l.raw.trimStart().length;
    for (const tok of findNumbers(l.raw)) {
      const ctx = { doc, tok, line: l.raw, text: l.text, kind: l.kind, indent };
      const absStart = l.start + tok.start;
      const absEnd = l.start + tok.end;
      let by = spans.filter((s) => s.start <= absStart && absEnd <= s.end).map((s) => s.id);
      let rule = RULES.find((r) => r.always && r.test(ctx));
      if (!rule && !by.length) rule = RULES.find((r) => !r.always && r.test(ctx));
      let status = rule ? "excluded" : by.length ? "covered" : "uncovered";
      if (status === "uncovered" && ["period", "year"].includes(tok.kind)) {
        by = periodRows(doc, l.location, l.raw, tok, claims);
        if (by.length) status = "period-of-a-row";
      }
      numbers.push({
        document: doc,
        location: l.location,
        text: tok.text,
        category: category(tok),
        status,
        rule: status === "excluded" ? rule.id : undefined,
        claims: by.length && status !== "excluded" ? [...new Set(by)] : undefined,
        offset: absStart,
        context: l.raw.slice(Math.max(0, tok.start - 50), tok.end + 50).replace(/\s+/g, " ").trim(),
      });
    }
  }
  return { numbers, warnings };
}

/**
 * Claims at the same location (paragraph) that state a figure for the same span "A to B" as the phrase
 * "between A and B" (or "from A to B") this period belongs to: a headline sentence that repeats,
 * without a figure, the span of the figures its paragraph gives ("Referrals ... increased in line with
 * population growth between 2010-11 and 2017-18." above "... increased by 7% between 2010-11 and
 * 2017-18, to 655,630.").
 */
function periodRows(doc, location, line, tok, claims) {
  const P = "((?:19|20)\\d{2}(?:\\s?[-–/]\\s?\\d{2})?)";
  const re = new RegExp(`\\b(?:between|from)\\s+${P}\\s+(?:and|to)\\s+${P}`, "g");
  const norm = (x) => String(x).replace(/[–/]/g, "-").replace(/\s+/g, "");
  let m;
  while ((m = re.exec(line))) {
    if (tok.start < m.index || tok.end > m.index + m[0].length) continue;
    const span = `${norm(m[1])}to${norm(m[2])}`;
    return claims
      .filter((c) => c.document === doc && String(c.location).toLowerCase() === String(location).toLowerCase())
      .filter((c) => (c.stated || []).some((sv) => sv.period && norm(sv.period) === span))
      .map((c) => c.id);
  }
  return [];
}

/** The category a number is counted under. */
function category(tok) {
  if (tok.kind === "written") return "written-number";
  if (tok.kind === "fraction" || tok.kind === "multiple") return "fraction-or-multiple";
  if (tok.kind === "number" && /^[+\-−]?\d{1,3}(,\d{3})+$|^[+\-−]?\d+$/.test(tok.text)) return "count";
  if (tok.kind === "number") return "decimal";
  return tok.kind;
}

/** Per document: how many numbers, covered, period-of-a-row, uncovered and excluded, and the uncovered by category. */
function countNumbers(all, docs) {
  return docs.map((d) => {
    const ns = all.filter((n) => n.document === d);
    const byCat = {};
    for (const n of ns.filter((x) => x.status === "uncovered")) byCat[n.category] = (byCat[n.category] || 0) + 1;
    return {
      document: d,
      numbers: ns.length,
      covered: ns.filter((n) => n.status === "covered").length,
      periodOfARow: ns.filter((n) => n.status === "period-of-a-row").length,
      uncovered: ns.filter((n) => n.status === "uncovered").length,
      excluded: ns.filter((n) => n.status === "excluded").length,
      uncoveredByCategory: byCat,
    };
  });
}

function main() {
  const usage = "usage: node tools/number-inventory.js [--doc nao|pac|hcl|govuk|cc] [--json] [--all]";
  let values;
  try {
    ({ values } = require("node:util").parseArgs({
      options: { doc: { type: "string" }, json: { type: "boolean", default: false }, all: { type: "boolean", default: false }, help: { type: "boolean", default: false } },
    }));
  } catch (e) {
    console.error(`${e.message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const docs = values.doc ? [values.doc] : Object.keys(DOC_FILES);
  for (const d of docs) if (!DOC_FILES[d]) { console.error(`unknown document "${d}"; one of ${Object.keys(DOC_FILES).join(", ")}`); process.exit(2); }
  const claims = loadClaims();
  const byId = new Map(claims.map((c) => [c.id, c]));
  const all = [];
  const warnings = [];
  for (const d of docs) {
    const r = inventory(d, claims);
    all.push(...r.numbers);
    warnings.push(...r.warnings);
  }
  const counts = countNumbers(all, docs);
  if (values.json) {
    process.stdout.write(JSON.stringify({ counts, rules: RULES.map((r) => ({ id: r.id, says: r.says })), warnings, numbers: all }, null, 2) + "\n");
    return;
  }
  const pad = (s, n) => String(s).padEnd(n);
  const padl = (s, n) => String(s).padStart(n);
  console.log("Numbers in the five documents and the registry rows that quote them\n");
  console.log(`${pad("document", 9)}${padl("numbers", 8)}${padl("covered", 9)}${padl("period", 8)}${padl("uncovered", 11)}${padl("excluded", 10)}  uncovered by category`);
  const tot = { numbers: 0, covered: 0, periodOfARow: 0, uncovered: 0, excluded: 0 };
  for (const c of counts) {
    for (const k of Object.keys(tot)) tot[k] += c[k];
    const cats = Object.entries(c.uncoveredByCategory).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", ") || "-";
    console.log(`${pad(c.document, 9)}${padl(c.numbers, 8)}${padl(c.covered, 9)}${padl(c.periodOfARow, 8)}${padl(c.uncovered, 11)}${padl(c.excluded, 10)}  ${cats}`);
  }
  console.log(`${pad("all", 9)}${padl(tot.numbers, 8)}${padl(tot.covered, 9)}${padl(tot.periodOfARow, 8)}${padl(tot.uncovered, 11)}${padl(tot.excluded, 10)}`);
  console.log("covered: inside a claim's quote; period: \"between A and B\" outside any quote, in a paragraph with a claim stating a figure for A to B");
  if (warnings.length) console.log(`\nQuotes:\n${warnings.map((w) => `  ${w}`).join("\n")}`);
  const show = (ns) => ns.map((n) => `  ${pad(n.document, 6)}${pad(n.location, 34)} ${pad(n.text, 21)} ${pad(n.category, 20)} ${n.rule ? pad(n.rule, 23) + " " : ""}${n.claims ? n.claims.join(", ") + "  " : ""}… ${n.context} …`).join("\n");
  const unc = all.filter((n) => n.status === "uncovered");
  console.log(`\nUncovered (${unc.length}):\n${show(unc) || "  none"}`);
  const exc = all.filter((n) => n.status === "excluded");
  console.log(`\nExcluded (${exc.length}), by rule:`);
  for (const r of RULES) {
    const ns = exc.filter((n) => n.rule === r.id);
    if (!ns.length) continue;
    console.log(`\n ${r.id} (${ns.length}): ${r.says}\n${show(ns)}`);
  }
  // A number quoted both by a row of a *-numbers.json file and by a row of another file: after a
  // merge, one of the two rows may be redundant.
  const twice = all.filter((n) => n.status === "covered" && n.claims.length > 1)
    .filter((n) => { const f = n.claims.map((id) => byId.get(id)?.file || ""); return f.some((x) => /-numbers\.json$/.test(x)) && f.some((x) => !/-numbers\.json$/.test(x)); });
  if (twice.length) console.log(`\nQuoted by a *-numbers.json row and by another row (${twice.length}):\n${show(twice)}`);
  const per = all.filter((n) => n.status === "period-of-a-row");
  console.log(`\nPeriods of a row in the same paragraph (${per.length}):\n${show(per) || "  none"}`);
  if (values.all) {
    const cov = all.filter((n) => n.status === "covered");
    console.log(`\nCovered (${cov.length}):\n${show(cov)}`);
  }
}

if (require.main === module) main();
module.exports = { findNumbers, segment, inventory, loadClaims, countNumbers, RULES, DOC_FILES };
