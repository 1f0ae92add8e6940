import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT } from "../helpers";

/* tools/number-inventory.js is plain node (no build step); its functions are read from the file. */
const inv = require(path.join(ROOT, "tools", "number-inventory.js"));

interface Tok { kind: string; text: string }
interface Num { location: string; text: string; status: string; rule?: string; claims?: string[]; category: string }

const tokens = (line: string): [string, string][] => (inv.findNumbers(line) as Tok[]).map((t) => [t.kind, t.text]);

test("number inventory: numbers written in digits, words, money, percentages, periods and dates", () => {
  assert.deepEqual(tokens("Sixty-three per cent of social workers leave within five years."), [["percent", "Sixty-three per cent"], ["written", "five"]]);
  assert.deepEqual(tokens("One hundred and fifty-two upper-tier local authorities"), [["written", "One hundred and fifty-two"]]);
  assert.deepEqual(tokens("the total required is £824.1m to 'stay still', up from £1.02 billion"), [["money", "£824.1m"], ["money", "£1.02 billion"]]);
  assert.deepEqual(tokens("increased by 48%, from 43.2 to 64 per 10,000 between 2010-11 and 2017-18"), [["percent", "48%"], ["number", "43.2"], ["number", "64"], ["number", "10,000"], ["period", "2010-11"], ["period", "2017-18"]]);
  assert.deepEqual(tokens("As at 31 March 2020, by August 2018, in 2019/20"), [["date", "31 March 2020"], ["date", "August 2018"], ["period", "2019/20"]]);
  assert.deepEqual(tokens("almost triple, around a quarter, the most deprived third, half of all children"), [["multiple", "triple"], ["fraction", "quarter"], ["fraction", "third"], ["fraction", "half"]]);
  assert.deepEqual(tokens("children aged 0-17 and the fourth in a series"), [["range", "0-17"], ["ordinal", "fourth"]]);
});

test("number inventory: footnote markers and identifiers are told apart from numbers", () => {
  assert.deepEqual(tokens("Children in care (2014);1 Care leavers"), [["year", "2014"], ["marker", "1"]]);
  assert.deepEqual(tokens("rising by only 2%, from 735,470 to 753,840.5"), [["percent", "2%"], ["number", "735,470"], ["number", "753,840"], ["marker", "5"]]);
  assert.deepEqual(tokens("greatest cuts in expenditure.7 We set out"), [["marker", "7"]]);
  assert.deepEqual(tokens("HM Treasury, CP113, June 2019; the Covid-19 pandemic"), [["identifier", "113"], ["date", "June 2019"], ["number", "19"]]);
  // a decimal inside a sentence is not a marker
  assert.deepEqual(tokens("from 43.2 to 64"), [["number", "43.2"], ["number", "64"]]);
});

test("number inventory: covered, excluded by a named rule, period of a row, uncovered", () => {
  const seeds = fs.mkdtempSync(path.join(os.tmpdir(), "csc-inv-seeds-"));
  const claims = fs.mkdtempSync(path.join(os.tmpdir(), "csc-inv-claims-"));
  try {
    fs.writeFileSync(path.join(seeds, inv.DOC_FILES.nao), [
      "Summary",
      "7\tReferrals increased in line with population growth between 2010-11 and 2017-18. The number of referrals increased by 7% between 2010-11 and 2017-18, to 655,630 (paragraph 1.16 and Figure 5).",
      "Part One",
      "1.10\tIn 2018, local authorities conducted 631,090 assessments under section 47 of the Children Act 1989.5",
      "",
    ].join("\n"));
    fs.mkdirSync(path.join(claims, "nao"));
    fs.writeFileSync(path.join(claims, "nao", "a-numbers.json"), JSON.stringify([{
      id: "nao-s7-referrals", document: "nao", location: "Summary para 7",
      quote: "The number of referrals increased by 7% between 2010-11 and 2017-18, to 655,630",
      stated: [{ written: "7%", unit: "percent", role: "pctChange", period: "2010-11 to 2017-18" }], check: "activityChange",
    }]));
    const { numbers, warnings } = inv.inventory("nao", inv.loadClaims(claims), seeds) as { numbers: Num[]; warnings: string[] };
    assert.deepEqual(warnings, []);
    const got = numbers.map((n) => [n.location, n.text, n.status, n.rule ?? (n.claims ?? []).join(",")]);
    assert.deepEqual(got, [
      ["Summary para 7", "7", "excluded", "paragraph-number"],
      ["Summary para 7", "2010-11", "period-of-a-row", "nao-s7-referrals"],
      ["Summary para 7", "2017-18", "period-of-a-row", "nao-s7-referrals"],
      ["Summary para 7", "7%", "covered", "nao-s7-referrals"],
      ["Summary para 7", "2010-11", "covered", "nao-s7-referrals"],
      ["Summary para 7", "2017-18", "covered", "nao-s7-referrals"],
      ["Summary para 7", "655,630", "covered", "nao-s7-referrals"],
      ["Summary para 7", "1.16", "excluded", "cross-reference"],
      ["Summary para 7", "5", "excluded", "cross-reference"],
      ["Part One", "One", "excluded", "cross-reference"],
      ["para 1.10", "1.10", "excluded", "paragraph-number"],
      ["para 1.10", "2018", "uncovered", ""],
      ["para 1.10", "631,090", "uncovered", ""],
      ["para 1.10", "47", "excluded", "legislation"],
      ["para 1.10", "1989", "excluded", "legislation"],
      ["para 1.10", "5", "excluded", "footnote-marker"],
    ]);
    const [c] = inv.countNumbers(numbers, ["nao"]);
    assert.deepEqual(c, { document: "nao", numbers: 16, covered: 4, periodOfARow: 2, uncovered: 2, excluded: 8, uncoveredByCategory: { year: 1, count: 1 } });
  } finally {
    fs.rmSync(seeds, { recursive: true, force: true });
    fs.rmSync(claims, { recursive: true, force: true });
  }
});

test("number inventory: every rule says what it excludes, and rule ids are unique", () => {
  const rules = inv.RULES as { id: string; says: string }[];
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
  for (const r of rules) assert.ok(r.says.length > 20, r.id);
});
