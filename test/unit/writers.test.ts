import { test } from "node:test";
import assert from "node:assert/strict";
import { toCsv, toJson, toMarkdown, toTable, summaryLine, firstSentence, csvNumber, checkDecimals, TABLE_HINT } from "../../src/claims/writers";
import type { LedgerRow } from "../../src/claims/types";

function row(over: Partial<LedgerRow> & Record<string, unknown> = {}): LedgerRow {
  return {
    id: "nao-1-7-referrals",
    document: "nao",
    location: "para 1.7",
    quote: "In 2017-18, local authorities received 655,630 referrals.",
    stated: [655630],
    recomputed: [655630],
    verdict: "confirmed",
    explanation: "England referrals in 2017-18: 655,630 (DfE, children in need 2020 release, c1 file). The 2024 release gives the same count. [level: stated 655,630, data 655,630 (agrees)]",
    evidence: [{ source: "cin-2020-c1", file: "children-in-need/c1.csv", rows: ["row 329 (England)"], columns: ["Referrals"] }],
    units: ["count"],
    roles: ["level"],
    written: ["655,630"],
    tolerances: [0.5],
    ...over,
  } as LedgerRow;
}

const ROWS: LedgerRow[] = [
  row(),
  row({
    id: "cc-la-almost-half-44-of-the-variation-in-rates",
    verdict: "differs",
    stated: [59, 872],
    recomputed: [58.993498675656156, 806.2000000001],
    units: ["percent", "gbp_m"],
    written: ["59%", "£872 million"],
    tolerances: [0.5, 0.5],
    explanation: "Of the 152 authorities, 133 spent more than they budgeted (87.5%), e.g. Kent. Then more text follows here.",
  }),
  row({
    id: "pac-c4-centres-no-increase",
    verdict: "unverifiable",
    recomputed: null,
    reason: "not-in-mirror",
    basis: "data",
    reading: { primary: "the Department's closures file", justification: "the NAO names it", reproducedBy: ["none"] } as never,
    explanation: "The NAO used the Department's data on closures of children's centres, which is not published. No file in the mirror counts them.",
  }),
  row({ id: "hcl-x-revised", verdict: "revised" as never, explanation: "First published as 655,630; revised to 655,640 in 2019." }),
];

test("the table fits the terminal's width at 60, 80, 100, 120 and 200 columns, and ends with a hint", () => {
  for (const width of [60, 80, 100, 120, 200]) {
    const t = toTable(ROWS, width);
    const lines = t.trimEnd().split("\n");
    for (const l of lines) assert.ok(l.length <= width, `width ${width}: a line of ${l.length}: ${l}`);
    assert.equal(lines[lines.length - 1], TABLE_HINT.length <= width ? TABLE_HINT : lines[lines.length - 1]);
    assert.match(t, /--format md/);
    assert.match(t, /--id ID/);
    assert.match(t, /unverifiable \(not-in-mirror\)/, `width ${width}: the reason is shown with the verdict`);
  }
  const wide = toTable(ROWS, 200);
  assert.match(wide, /nao-1-7-referrals +confirmed +655,630 +655,630 +England referrals in 2017-18: 655,630 \(DfE, children in need 2020 release, c1 file\)\.\n/);
  const narrow = toTable(ROWS, 80);
  assert.match(narrow, /^nao-1-7-referrals {2}confirmed\n {4}stated 655,630 · recomputed 655,630\n {4}England referrals in 2017-18: 655,630 \(DfE, children in need 2020 release,\n {4}c1 file\)\.\n/, "a card: the first sentence, wrapped");
  const middle = toTable(ROWS, 120);
  assert.match(middle, /^claim +verdict +stated +recomputed\n-+\nnao-1-7-referrals +confirmed +655,630 +655,630\n {4}England referrals in 2017-18: 655,630 \(DfE, children in need 2020 release, c1 file\)\.\n/, "columns, the sentence below");
  assert.doesNotMatch(narrow, /The 2024 release/, "only the first sentence");
  assert.match(narrow, /revised/);
});

test("the first sentence does not end at decimals or abbreviations", () => {
  assert.equal(firstSentence("Of 152, 133 spent more (87.5%), e.g. Kent. Then more."), "Of 152, 133 spent more (87.5%), e.g. Kent.");
  assert.equal(firstSentence("No full stop here"), "No full stop here");
  assert.equal(firstSentence("See para. 2.1 of the report. Next."), "See para. 2.1 of the report.");
});

test("csv: numbers rounded to the check's precision; the json keeps them exact", () => {
  assert.equal(csvNumber(58.993498675656156, 1), "59");
  assert.equal(csvNumber(58.94, 1), "58.9");
  assert.equal(csvNumber(655630, 1), "655630");
  assert.equal(csvNumber(-0.04, 1), "0");
  assert.equal(checkDecimals(row({ tolerances: [0.05] }), 0), 2);
  assert.equal(checkDecimals(row({ tolerances: undefined, written: ["5.2%"] }), 0), 2);
  const csv = toCsv(ROWS);
  const lines = csv.trim().split("\n");
  assert.equal(lines[0], "id,document,location,verdict,reason,basis,stated,recomputed,units,reading,reading_justification,reproduced_by,explanation,evidence,quote");
  assert.match(lines[2], /^cc-la-almost-half-44-of-the-variation-in-rates,nao,para 1\.7,differs,,,59;872,59;806\.2,percent;gbp_m,/);
  assert.match(lines[3], /,unverifiable,not-in-mirror,data,655630,,count,the Department's closures file,the NAO names it,none,/);
  const json = JSON.parse(toJson(ROWS));
  assert.equal(json[1].recomputed[0], 58.993498675656156);
  assert.deepEqual(Object.keys(json[2]).slice(0, 12), ["id", "document", "location", "quote", "stated", "recomputed", "verdict", "basis", "reason", "reading", "explanation", "evidence"]);
  assert.deepEqual(Object.keys(json[0]).slice(0, 9), ["id", "document", "location", "quote", "stated", "recomputed", "verdict", "explanation", "evidence"]);
});

test("markdown: verdict with its reason, the basis and reading when rows carry them; no summary inside", () => {
  const md = toMarkdown(ROWS);
  assert.match(md, /^\| id \| document \| location \| stated \| recomputed \| verdict \| basis \| reading \| explanation \|/);
  assert.match(md, /\*\*unverifiable \(not-in-mirror\)\*\* \| data \| the Department's closures file \|/);
  assert.doesNotMatch(md, /claims:/);
});

test("the summary: one claim is '1 claim'; every verdict is counted, new ones included", () => {
  assert.match(summaryLine([row()]), /^1 claim: confirmed 1, /);
  const s = summaryLine(ROWS);
  assert.match(s, /^4 claims: confirmed 1, .*differs 1, .*unverifiable 1/);
  assert.match(s, /revised 1/);
});
