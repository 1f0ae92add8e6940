#!/usr/bin/env node
"use strict";
/**
 * Rewrites the claims registry (data/claims/<document>/*.json) from the checks grouped by document
 * (activityChange, hclLaDistribution, …) to the check kinds (change, distribution, …), with the
 * parameters each kind reads. Only each claim's "check" and "params" fields are rewritten, in place:
 * every other line of the file stays as it is, so fields other people add to a claim survive. A claim
 * whose check is already a kind is left alone, so the script can be run again after a merge.
 *
 *   node tools/migrate-check-names.js [--dry-run] [folder]   (default: data/claims)
 */
const fs = require("node:fs");
const path = require("node:path");

/** Placement groups of the Commons Library's table of children looked after (31 March 2010 and 2020). */
const PLACEMENT_GROUPS = {
  foster: { group: { label: "foster placements", codes2010: ["Q1", "Q2"], rows2020: ["1. Total foster placements"] }, firstPublished2019: ["CLA_Fost"] },
  adoption: { group: { label: "placed for adoption", codes2010: ["A3", "A4", "A5", "A6"], rows2020: ["2. Total placed for adoption"] }, firstPublished2019: ["CLA_Adopt"] },
  parents: { group: { label: "placed with parents", codes2010: ["P1"], rows2020: ["3. Total placed with parents or other person with parental responsibility"] }, firstPublished2019: ["CLA_Parent"] },
  secureHomes: {
    group: { label: "secure units, children's homes and hostels / semi-independent living (DfE's category)", codes2010: ["K1", "K2", "H5"], rows2020: ["5. Total secure units, children's homes and semi-independent living accommodation"] },
    alt: { label: "secure units and children's homes only (without semi-independent living or hostels)", codes2010: ["K1", "K2"], rows2020: ["5a Secure unit placement inside the council boundary", "5b Secure unit placement outside the council boundary", "5c Total children's homes subject to children's homes regulations"] },
    firstPublished2019: ["CLA_Secure"],
  },
  other: {
    group: { label: "other settings (other placements in the community, other residential settings, residential schools, missing and other placements)", codes2010: ["P2", "P3", "R1", "R2", "R3", "R5", "S1", "M1", "M2", "M3", "Z1"], rows2020: ["4. Total other placements in the community", "6. Total other residential settings", "7. Total residential schools", "8. Total other placements"] },
    alt: { label: "other settings with semi-independent living and hostels", codes2010: ["P2", "P3", "R1", "R2", "R3", "R5", "S1", "M1", "M2", "M3", "Z1", "H5"], rows2020: ["4. Total other placements in the community", "5d Semi-independent living accommodation not subject to children's homes regulations", "6. Total other residential settings", "7. Total residential schools", "8. Total other placements"] },
    firstPublished2019: ["CLA_Ocom", "CLA_Ores", "CLA_RSch", "CLA_OthPl"],
  },
  all: { group: { label: "all children looked after", codes2010: [], rows2020: ["Total children"] }, firstPublished2019: ["CLA_Mar2019"] },
};

/** The s251 line and SSDA903 counts behind spending per child in a placement. */
const PLACEMENT_LINES = {
  foster: {
    line: "fostering",
    counts: ["placements:foster:at31March"],
    countLabel: "in foster placements",
    unitCost: "unitCost:fostering:weekly",
    unitCostLabel: "fostering spend ÷ foster placements at 31 March",
  },
  residential: {
    line: "residential",
    counts: ["placements:secureHomesSemiIndependent:at31March", "placements:otherResidential:at31March", "placements:residentialSchools:at31March"],
    countLabel: "in secure units, children's homes and semi-independent living, other residential settings and residential schools",
    unitCost: "unitCost:residential:weekly",
    unitCostLabel: "residential care spend ÷ residential care days (secure units, children's homes, residential care homes, residential schools)",
  },
};

const prevYear = (fy) => { const y = Number(fy.slice(0, 4)) - 1; return `${y}-${String((y + 1) % 100).padStart(2, "0")}`; };

/** Old check name → (params → { check, params }). */
const MIGRATIONS = {
  activityChange: (p) => ["change", { of: "england", ...p }],
  hclChange: (p) => ["change", { of: "england", ...p }],
  populationChange: (p) => ["change", { of: "england", ...p, series: { pctChange: "population.pct" } }],
  factorChange: ({ factor, ...p }) => ["change", { of: "factors", factors: { pctChange: factor }, ...p }],
  factorsIncreased: (p) => ["change", { of: "factors", factors: { mentalHealth: "MentalHealth", drugMisuse: "DrugMisuse", alcoholMisuse: "AlcoholMisuse" }, ...p }],
  residentialNumberChange: (p) => ["change", {
    of: "sum",
    ...p,
    definitions: [
      { label: "secure units, children's homes and semi-independent living (DfE's category, column CLA_Secure)", measures: ["claSecureHomesSemiIndependent"] },
      { label: "the same plus other residential settings (CLA_Secure + CLA_Ores)", measures: ["claSecureHomesSemiIndependent", "claOtherResidential"] },
      { label: "every residential setting, including residential schools (CLA_Secure + CLA_Ores + CLA_RSch)", measures: ["claResidential"] },
    ],
    total: "claAt31March",
    context: { measures: ["claResidentialSchools", "claSecureHomesSemiIndependent"], years: ["2014-15", "2015-16"] },
    countNote: "Only the widest definition is consistent across the break in the series, when children moved from residential schools to the category of secure units, children's homes and semi-independent living. These files count children on one day (31 March); a count of children placed in residential care at any time during the year, which these files do not give, is larger and may have grown at a different rate.",
  }],
  hclWorkforceRow: (p) => ["change", { of: "workforce", ...p }],
  hclS251Spend: ({ year, line = "cla", kind = "gross", ...p }) => ["change", { of: "money", table: "s251", measure: `s251:${line}:${kind}`, from: prevYear(year), to: year, net: `s251:${line}:net`, label: `${kind} expenditure on total children looked after`, ...p }],
  budgetIncrease: (p) => ["change", { of: "money", table: "ra", measure: "csBudget", ...p, label: "total children's social care (line 330), budgeted net current expenditure", part: "claBudget", partLabel: "Children looked after (line 313)", sumOfLas: true }],
  csBudget: (p) => ["change", { of: "money", table: "ra", measure: "csBudget", ...p, label: "total children's social care (line 330), budgeted net current expenditure", outturn: "csNetExpenditure", as: { budgetTo: "to", budgetFrom: "from" } }],
  residentialCost: (p) => ["change", { of: "s251Line", line: "residential", ...p }],
  socialWorkSpend: (p) => ["change", { of: "s251Line", line: "socialWork", ...p }],
  serviceLineChange: (p) => ["change", { of: "serviceLines", ...p }],
  claRateLongRun: (p) => ["change", { of: "longRun", ...p }],

  activityLevel: (p) => ["level", { of: "england", ...p }],
  claRate: ({ year, role, ...p }) => ["level", { of: "england", measure: "claRate", year, role: role ?? `rate${Number(year.slice(0, 4)) + 1}`, vintage: "first", rateOf: { count: "claAt31March", population: "claRatePopulation" }, ...p }],
  workforceLevel: (p) => ["level", { of: "workforce", ...p }],
  csSpend: (p) => ["level", { of: "ro3", ...p, role: "spend", compare: true }],
  hclSpendingRow: (p) => ["level", { of: "ro3", ...p }],
  hclPlacementRow: ({ group, ...p }) => {
    const g = PLACEMENT_GROUPS[group];
    if (!g) throw new Error(`unknown placement group "${group}"`);
    return ["level", { of: "placements", ...p, ...g }];
  },

  assessmentFactors: (p) => ["share", { of: "england", ...p, measures: { assessments: "assessments", withFactors: "episodesWithFactors" }, share: { role: "share", part: "withFactors", whole: "assessments" } }],
  primaryNeedAbuse: (p) => ["share", {
    of: "england", ...p,
    measures: { abuseNeglect: "cinAt31MarchAbuseNeglect", total: "cinAt31March" },
    share: { role: "share", part: "abuseNeglect", whole: "total" },
    partLabel: "primary need",
    contextPrefer: ["cin-sfr-"],
    settle: "DfE's national tables of \"Characteristics of children in need: 2017 to 2018\" (table A3, primary need)",
  }],
  dvShareAndRank: (p) => ["share", {
    of: "england", ...p,
    measures: { domesticViolence: "factorDomesticViolence", withFactors: "episodesWithFactors" },
    share: { role: "share", part: "domesticViolence", whole: "withFactors" },
    rank: { role: "rank", among: "factor:", item: "factor:Domesticviolence" },
    denominatorNote: "The denominator is episodes with factors, not every assessment.",
  }],
  hclProviderGrowth: (p) => ["share", { of: "growth", ...p }],
  claBudget: (p) => ["share", {
    of: "budget", ...p,
    part: "claBudget", whole: "csBudget", partLabel: "children looked after (line 313)",
    less: [
      { measures: ["csBudget:sureStart"], label: "Sure Start children's centres and early years (line 310)" },
      { measures: ["csBudget:sureStart", "csBudget:youngPeople"], label: "Sure Start and early years (310) and services for young people (327)" },
    ],
    outturn: { part: "csClaNetExpenditure", whole: "csNetExpenditure" },
  }],
  preventativeShare: (p) => ["share", { of: "preventative", ...p }],
  cinIncreaseAttribution: (p) => ["share", { of: "increase", ...p }],

  hclEnglandRate: (p) => ["ratio", { of: "england", ...p }],
  placementSpend: ({ placement, ...p }) => {
    const l = PLACEMENT_LINES[placement];
    if (!l) throw new Error(`unknown placement "${placement}"`);
    return ["ratio", { of: "perChild", ...p, ...l }];
  },
  vacancyByRegion: (p) => ["ratio", { of: "vacancyRate", ...p }],

  laRateRange: (p) => ["distribution", { of: "rates", ...p }],
  laRateMedian: (p) => ["distribution", { of: "rates", stat: "median", ...p }],
  spendPerEpisodeRange: (p) => ["distribution", { of: "spendPerEpisode", ...p }],
  hclLaDistribution: (p) => ["distribution", { of: "dataset", ...p }],
  hclSeriesPeak: (p) => ["distribution", { of: "years", ...p }],

  ofstedShare: (p) => ["count", { of: "ofsted", ...p }],
  hclOfstedShare: (p) => ["count", { of: "ofsted", ...p }],
  ofstedFirstInspections: (p) => ["count", { of: "ofstedFirst", ...p }],
  overspend: (p) => ["count", { of: "overspend", ...p }],
  hclLaCount: (p) => ["count", { of: "laRows", ...p }],
  hclAnnualFalls: (p) => ["count", { of: "falls", ...p }],

  spendVsOfsted: (p) => ["association", { of: "spendPerEpisode", ...p }],
  ofstedVsRateChange: (p) => ["association", { of: "rateChange", ...p }],

  modelShare: ({ roles, ...p }) => ["model", { of: "share", ...p, ...(roles ? { as: Object.fromEntries(roles.filter((r) => r !== "share").map((r) => [r, "share"])) } : {}) }],
  modelSample: (p) => ["model", { of: "sample", ...p }],
  sureStart: ({ kind, ...p }) => ["model", { of: "sureStart", question: kind, ...p }],

  consistency: (p) => ["arithmetic", p],
  hclConsistency: (p) => ["arithmetic", p],
  hclDefinedRate: (p) => ["arithmetic", { relation: "rate", ...p }],
  hclDocumentCount: (p) => ["arithmetic", { relation: "count", ...p }],

  ofstedContext: (p) => ["unverifiable", p],
};

/** Old check name → new check name (for the report). */
function mapping() {
  const out = {};
  for (const [k, f] of Object.entries(MIGRATIONS)) {
    try {
      out[k] = f(k === "hclPlacementRow" ? { group: "all" } : k === "placementSpend" ? { placement: "foster" } : k === "hclS251Spend" ? { year: "2019-20" } : k === "claRate" ? { year: "2017-18" } : {})[0];
    } catch {
      out[k] = "?";
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A JSON scanner that knows where each claim's "check" and "params" values are in the text

function scanValue(s, i) {
  i = skipWs(s, i);
  const begin = i;
  const c = s[i];
  if (c === "{") {
    const props = [];
    i = skipWs(s, i + 1);
    if (s[i] === "}") return { start: begin, end: i + 1, props };
    for (;;) {
      i = skipWs(s, i);
      const k = scanString(s, i);
      i = skipWs(s, k.end);
      if (s[i] !== ":") throw new Error(`expected ":" at ${i}`);
      const v = scanValue(s, i + 1);
      props.push({ key: JSON.parse(s.slice(k.start, k.end)), keyStart: k.start, valueStart: v.start, valueEnd: v.end });
      i = skipWs(s, v.end);
      if (s[i] === ",") { i++; continue; }
      if (s[i] === "}") return { start: begin, end: i + 1, props };
      throw new Error(`expected "," or "}" at ${i}`);
    }
  }
  if (c === "[") {
    const items = [];
    i = skipWs(s, i + 1);
    if (s[i] === "]") return { start: begin, end: i + 1, items };
    for (;;) {
      const v = scanValue(s, i);
      items.push(v);
      i = skipWs(s, v.end);
      if (s[i] === ",") { i++; continue; }
      if (s[i] === "]") return { start: begin, end: i + 1, items };
      throw new Error(`expected "," or "]" at ${i}`);
    }
  }
  if (c === '"') return scanString(s, i);
  const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(s.slice(i));
  if (!m) throw new Error(`unexpected "${c}" at ${i}`);
  return { start: i, end: i + m[0].length };
}

function scanString(s, i) {
  if (s[i] !== '"') throw new Error(`expected a string at ${i}`);
  let j = i + 1;
  while (s[j] !== '"') j += s[j] === "\\" ? 2 : 1;
  return { start: i, end: j + 1 };
}

function skipWs(s, i) {
  while (/\s/.test(s[i] ?? "")) i++;
  return i;
}

/** The claims of a file with the offsets of their "check" and "params" values. */
function claimsOf(text) {
  const i = skipWs(text, 0);
  if (text[i] !== "[") throw new Error("a claims file is an array");
  const arr = scanValue(text, i);
  return arr.items.map((item) => {
    const props = Object.fromEntries(item.props.map((p) => [p.key, p]));
    return { props, keyIndent: item.props.length ? indentAt(text, item.props[0].keyStart) : "    " };
  });
}

function indentAt(text, pos) {
  const lineStart = text.lastIndexOf("\n", pos) + 1;
  return text.slice(lineStart, pos);
}

/** JSON of a value as JSON.stringify(…, null, 2) writes it, indented to sit after `indent`. */
function jsonAt(value, indent) {
  return JSON.stringify(value, null, 2).split("\n").map((l, i) => (i === 0 ? l : indent + l)).join("\n");
}

/** Rewrites one file's text; returns the new text and the claims changed. */
function migrateText(text) {
  const claims = claimsOf(text);
  const edits = [];
  const changed = [];
  for (const c of claims) {
    const check = c.props.check ? JSON.parse(text.slice(c.props.check.valueStart, c.props.check.valueEnd)) : undefined;
    const f = MIGRATIONS[check];
    if (!f) continue;
    const params = c.props.params ? JSON.parse(text.slice(c.props.params.valueStart, c.props.params.valueEnd)) : {};
    const [name, np] = f(params);
    const id = c.props.id ? JSON.parse(text.slice(c.props.id.valueStart, c.props.id.valueEnd)) : "?";
    changed.push({ id, from: check, to: name });
    edits.push({ start: c.props.check.valueStart, end: c.props.check.valueEnd, text: JSON.stringify(name) });
    const hasParams = np && Object.keys(np).length > 0;
    if (c.props.params) {
      if (!hasParams) throw new Error(`claim "${id}": its params would become empty`);
      edits.push({ start: c.props.params.valueStart, end: c.props.params.valueEnd, text: jsonAt(np, c.keyIndent) });
    } else if (hasParams) {
      edits.push({ start: c.props.check.valueEnd, end: c.props.check.valueEnd, text: `,\n${c.keyIndent}"params": ${jsonAt(np, c.keyIndent)}` });
    }
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  // the result must be the same JSON with only check and params changed
  const before = JSON.parse(text);
  const after = JSON.parse(out);
  before.forEach((c, i) => {
    const a = after[i];
    for (const k of new Set([...Object.keys(c), ...Object.keys(a)])) {
      if (k === "check" || k === "params") continue;
      if (JSON.stringify(c[k]) !== JSON.stringify(a[k])) throw new Error(`claim "${c.id}": field "${k}" changed`);
    }
  });
  return { text: out, changed };
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".json") ? [path.join(dir, e.name)] : [])).sort();
}

function main(argv) {
  const dry = argv.includes("--dry-run");
  const printMap = argv.includes("--mapping");
  if (printMap) {
    process.stdout.write(`${JSON.stringify(mapping(), null, 2)}\n`);
    return 0;
  }
  const dir = argv.find((a) => !a.startsWith("--")) ?? path.join(__dirname, "..", "data", "claims");
  let n = 0;
  for (const f of walk(dir)) {
    const text = fs.readFileSync(f, "utf8");
    const r = migrateText(text);
    if (r.changed.length === 0) continue;
    n += r.changed.length;
    if (!dry) fs.writeFileSync(f, r.text);
    process.stdout.write(`${path.relative(process.cwd(), f)}: ${r.changed.length} claims (${[...new Set(r.changed.map((c) => `${c.from} → ${c.to}`))].join(", ")})\n`);
  }
  process.stdout.write(`${dry ? "would rewrite" : "rewrote"} ${n} claims\n`);
  return 0;
}

module.exports = { migrateText, MIGRATIONS, mapping };
if (require.main === module) process.exitCode = main(process.argv.slice(2));
