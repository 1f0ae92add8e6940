import { test } from "node:test";
import assert from "node:assert/strict";
import { disagreements, findGroups, inconsistencies, normalisePeriod, normaliseUnit, renderDisagreements, summarise, whichReading } from "../../src/claims/disagreements";
import type { LedgerRow } from "../../src/claims/types";

const row = (over: Partial<LedgerRow>): LedgerRow => ({
  id: "x", document: "nao", location: "p", quote: `the words of ${over.id ?? "x"}`, stated: [1323], recomputed: [1322.7], verdict: "confirmed", basis: "data", reading: { primary: "p", justification: "j", declared: "default" }, explanation: "", evidence: [],
  units: ["per10k"], roles: ["max"], written: ["1,323"], quantity: "cin-max", ...over,
});

test("one statement checked by two rows (the same words of one document) is not a pair with itself", () => {
  const same = "Ninety-one percent of local authorities overspent";
  const g = findGroups([
    row({ id: "a", quote: same, quantity: "q1", stated: [91], written: ["91%"], units: ["percent"], recomputed: [87.5], verdict: "differs" }),
    row({ id: "b", quote: same, quantity: "q1", stated: [91], written: ["91%"], units: ["percent"], recomputed: null, verdict: "unverifiable" }),
  ]);
  assert.deepEqual(g, []);
  // the same figure in another document's words is a pair
  const h = findGroups([
    row({ id: "a", quote: same, quantity: "q1", stated: [91], written: ["91%"], units: ["percent"], recomputed: [87.5], verdict: "differs" }),
    row({ id: "c", document: "cc", quote: same, quantity: "q1", stated: [91], written: ["91%"], units: ["percent"], recomputed: [87.5], verdict: "differs" }),
  ]);
  assert.equal(h.length, 1);
  assert.equal(h[0].pairs, 1);
});

test("every pair of a quantity's statements is compared; the differing ones get the cause their readings give", () => {
  const alt = [{ label: "Isles of Scilly left out", kind: "inclusion" as const, values: { max: 1322.7 } }];
  // the primary reading includes the Isles of Scilly (1,342.5); only the alternative gives 1,323
  const rows = [
    row({ id: "nao-s13", recomputed: [1342.5], verdict: "differs", alternatives: alt }),
    row({ id: "pac-1", document: "pac", recomputed: [1342.5], verdict: "differs", alternatives: alt }),
    row({ id: "cc-1", document: "cc", stated: [1343], written: ["1,343"], recomputed: [1342.5], alternatives: alt }),
    row({ id: "other", quantity: "alone" }),
  ];
  const d = disagreements(rows);
  assert.equal(d.length, 1);
  assert.equal(d[0].quantity, "cin-max");
  assert.equal(d[0].pairs, 3);
  // NAO and PAC agree with each other; each differs from Community Care
  assert.deepEqual(d[0].differing.map((p) => [p.a.id, p.b.id, p.differences, p.cause, p.within]), [
    ["nao-s13", "cc-1", ["number", "reading"], "inclusion", false],
    ["pac-1", "cc-1", ["number", "reading"], "inclusion", false],
  ]);
  assert.equal(d[0].data, 1342.5);
  assert.deepEqual(d[0].causes, ["inclusion"]);
  assert.match(d[0].differing[0].because, /only Isles of Scilly left out \(inclusion\) reproduces 1,323 \(nao-s13\)/);
  assert.deepEqual(d[0].statements.map((s) => [s.id, s.matchKind]), [["nao-s13", "inclusion"], ["pac-1", "inclusion"], ["cc-1", "primary"]]);
});

test("groups that agree are not listed; different terms for the same number are, as a definition", () => {
  assert.deepEqual(disagreements([row({ id: "a" }), row({ id: "b", document: "pac" })]), []);
  const d = disagreements([row({ id: "a", term: "over 16" }), row({ id: "b", term: "16 and over" })]);
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].differing.map((p) => [p.differences, p.cause, p.within]), [[["term"], "definition", true]]);
});

test("causes: period, vintage, misquotation, arithmetic, error, and unexplained when no reading reproduces a number", () => {
  const pct = (over: Partial<LedgerRow>) => row({ units: ["percent"], roles: ["pctChange"], quantity: "s47-change", ...over });
  // Community Care's 77% is for 2011-12; only the 2010-11 start reproduces it
  const period = findGroups([
    pct({ id: "nao", stated: [77], written: ["77%"], recomputed: [77.3], periods: ["2010-11 to 2017-18"] }),
    pct({ id: "cc", document: "cc", stated: [77], written: ["77%"], recomputed: [59], verdict: "differs", periods: ["2011-12 to 2017-18"], alternatives: [{ label: "from 2010-11", kind: "period", values: { pctChange: 77.3 } }] }),
  ])[0];
  assert.deepEqual(period.differing.map((p) => [p.differences, p.cause, p.fromData, p.dataA, p.dataB]), [[["period", "reading"], "period", true, 77.3, 59]]);
  // two periods and no reading of the data that reproduces either: a period difference the documents' words give
  const words = findGroups([
    pct({ id: "nao-49", stated: [49.1], written: ["49.1%"], recomputed: null, verdict: "unverifiable", periods: ["2010-11 to 2017-18"] }),
    pct({ id: "cc-50", document: "cc", stated: [50], written: ["50%"], recomputed: null, verdict: "unverifiable", periods: ["2010-11 to 2018-19"] }),
  ])[0];
  assert.deepEqual(words.differing.map((p) => [p.differences, p.cause, p.fromData]), [[["number", "period"], "period", false]]);
  assert.match(words.differing[0].because, /no reading of the data reproduces 49\.1% \(nao-49\) or 50% \(cc-50\)/);

  const vintage = findGroups([
    row({ id: "a", quantity: "cla-2010", units: ["count"], stated: [64400], written: ["64,400"], recomputed: [64400] }),
    row({ id: "b", document: "hcl", quantity: "cla-2010", units: ["count"], stated: [64470], written: ["64,470"], recomputed: [64400], verdict: "revised" }),
  ])[0];
  assert.deepEqual(vintage.differing.map((p) => [p.cause, p.within]), [["vintage", false]]);

  const quoted = findGroups([
    pct({ id: "nao-44", quantity: "la-share", stated: [44], written: ["44%"], recomputed: [44], verdict: "model" }),
    pct({ id: "hcl-50", document: "hcl", quantity: "la-share", stated: [50], written: ["50%"], recomputed: [44], verdict: "misquoted", basis: "cited" }),
  ])[0];
  assert.deepEqual(quoted.differing.map((p) => p.cause), ["misquotation"]);

  // inside one document: the text against the document's own numbers, recorded by an inconsistent row
  const internal = findGroups([
    row({ id: "text", document: "hcl", quantity: "five", units: ["count"], stated: [5], written: ["five"], tolerances: [0], recomputed: [2], verdict: "differs" }),
    row({ id: "table", document: "hcl", quantity: "five", units: ["count"], stated: [2], written: ["two"], tolerances: [0], recomputed: [2], verdict: "inconsistent", basis: "document" }),
  ])[0];
  assert.deepEqual(internal.differing.map((p) => [p.cause, p.within, p.inconsistentRow]), [["arithmetic", true, "table"]]);

  const unexplained = findGroups([
    row({ id: "almost", quantity: "triple", units: ["ratio"], stated: [3], written: ["almost triple"], qualifiers: ["almost"], recomputed: [2.9] }),
    row({ id: "more", quantity: "triple", units: ["ratio"], stated: [3], written: ["more than triple"], qualifiers: ["more-than"], recomputed: [2.9], verdict: "differs" }),
  ])[0];
  // the data confirm one wording and contradict the other: an error
  assert.deepEqual(unexplained.differing.map((p) => [p.differences, p.cause, p.within, p.inconsistentRow, p.fromData]), [[["number"], "error", true, null, true]]);
  assert.match(unexplained.differing[0].because, /the data confirm almost triple \(almost\) and contradict more than triple \(more\), which no reading of the data reproduces/);
  // neither confirmed, no reading reproducing either: unexplained
  const neither = findGroups([
    row({ id: "x1", quantity: "q", units: ["ratio"], stated: [3], written: ["almost triple"], qualifiers: ["almost"], recomputed: [2.5], verdict: "differs" }),
    row({ id: "x2", quantity: "q", units: ["ratio"], stated: [3], written: ["more than triple"], qualifiers: ["more-than"], recomputed: [2.5], verdict: "differs" }),
  ])[0];
  assert.deepEqual(neither.differing.map((p) => [p.cause, p.fromData]), [["unexplained", false]]);
  assert.match(neither.differing[0].because, /no reading of the data reproduces almost triple \(x1\) or more than triple \(x2\)/);
});

test("periods and units are normalised before comparing: 31 March is the year it ends, money in £ million", () => {
  assert.equal(normalisePeriod("31 March 2010 to 31 March 2020"), "2009-10 to 2019-20");
  assert.equal(normalisePeriod("2017/18"), "2017-18");
  assert.equal(normalisePeriod("31 March 2018"), "2017-18");
  assert.equal(normalisePeriod("30 September 2017"), "30 september 2017");
  assert.equal(normalisePeriod(null), null);
  assert.deepEqual(normaliseUnit("gbp_bn", 0.872), { unit: "gbp_m", value: 872 });
  assert.deepEqual(normaliseUnit("gbp", 20400), { unit: "gbp_m", value: 0.0204 });

  const money = (over: Partial<LedgerRow>) => row({ quantity: "overspend", units: ["gbp_m"], roles: ["overspend"], stated: [872], written: ["£872 million"], recomputed: [872], periods: ["2017-18"], ...over });
  // £0.87 billion for "31 March 2018" is £872 million for 2017-18, within its precision: no difference
  const same = findGroups([money({ id: "m" }), money({ id: "b", document: "pac", units: ["gbp_bn"], stated: [0.87], written: ["£0.87 billion"], recomputed: [0.872], periods: ["31 March 2018"] })])[0];
  assert.equal(same.pairs, 1);
  assert.deepEqual(same.differing, []);
  assert.equal(same.statements[1].stated, 870);
  assert.equal(same.statements[1].tolerance, 5);
  assert.equal(same.statements[1].periodKey, "2017-18");
  // £1.0 billion is not £872 million
  const other = findGroups([money({ id: "m" }), money({ id: "b", document: "pac", units: ["gbp_bn"], stated: [1], written: ["£1.0 billion"], recomputed: [0.872], verdict: "differs" })])[0];
  assert.deepEqual(other.differing.map((p) => [p.differences, p.cause, p.dataA, p.dataB]), [[["number"], "error", 872, 872]]);
  // a count against a percentage cannot be compared, and is counted apart
  const mixed = findGroups([row({ id: "a" }), row({ id: "b", units: ["percent"], stated: [5], written: ["5%"], recomputed: [5] })])[0];
  assert.deepEqual([mixed.pairs, mixed.incomparable, mixed.differing.length], [1, 1, 0]);
});

test("the summary counts quantities stated more than once, the pairs, those that differ and those the data explain", () => {
  const alt = [{ label: "Isles of Scilly left out", kind: "inclusion" as const, values: { max: 1322.7 } }];
  const rows = [
    row({ id: "nao", recomputed: [1342.5], verdict: "differs", alternatives: alt }),
    row({ id: "cc", document: "cc", stated: [1343], written: ["1,343"], recomputed: [1342.5], alternatives: alt }),
    row({ id: "t1", quantity: "triple", units: ["ratio"], stated: [3], written: ["almost triple"], qualifiers: ["almost"], recomputed: [2.9] }),
    row({ id: "t2", quantity: "triple", units: ["ratio"], stated: [3], written: ["more than triple"], qualifiers: ["more-than"], recomputed: [2.9], verdict: "differs" }),
    row({ id: "t3", quantity: "triple", units: ["ratio"], stated: [3], written: ["almost triple"], qualifiers: ["almost"], recomputed: [2.9] }),
    row({ id: "lone", quantity: "lone" }),
  ];
  const s = summarise(rows);
  assert.deepEqual({ ...s, byCause: undefined }, { quantities: 3, statedMoreThanOnce: 2, pairs: 4, differing: 3, explained: 3, explainedByData: 3, within: 2, across: 1, withinContradictions: 2, withinWithInconsistentRow: 0, inconsistentRows: 0, byCause: undefined });
  assert.equal(s.byCause.inclusion, 1);
  assert.equal(s.byCause.error, 2);
  assert.equal(s.byCause.unexplained, 0);
  const text = renderDisagreements(disagreements(rows), s, (x) => String(x));
  assert.match(text, /^2 of 3 quantities are stated more than once \(4 pairs of statements\); 3 pairs differ \(1 across documents, 2 within one\) and a cause is found for 3 of them \(inclusion 1, error 2\), 3 of those from the data/);
  assert.match(text, /\* inclusion: 1,323 \[nao\] against 1,343 \[cc\] \(differ: number, reading\); the data: 1342\.5;/);
});

test("qualified statements are read with their qualifier", () => {
  const r = row({ stated: [30], recomputed: [26], written: ["less than 30%"], units: ["percent"], qualifiers: ["less-than"] });
  assert.equal(whichReading(r, 0).kind, "primary");
  const r2 = row({ stated: [3], recomputed: [2.9], written: ["more than triple"], units: ["ratio"], qualifiers: ["more-than"] });
  assert.equal(whichReading(r2, 0).label, null);
});

test("a document's numbers that its own other numbers contradict are listed after the disagreements", () => {
  const rows = [
    row({ id: "rate", document: "hcl", quantity: "agency-rate", units: ["percent"], stated: [15.8], written: ["15.8%"], recomputed: [18.74], verdict: "inconsistent", basis: "document", explanation: "Inconsistent: the document's own numbers give 18.74%. From 5,340 / 28,496." }),
    row({ id: "ok" }),
  ];
  const inc = inconsistencies(rows);
  assert.deepEqual(inc.map((r) => [r.id, r.implied, r.because]), [["rate", [18.74], "Inconsistent: the document's own numbers give 18.74%."]]);
  const text = renderDisagreements([], summarise(rows), (x) => String(x), true, inc);
  assert.match(text, /### A document against its own numbers\n\n- House of Commons Library p: 15\.8% → its own numbers give 18\.74 \[rate\]/);
});
