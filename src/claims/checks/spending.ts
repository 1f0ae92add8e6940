import type { Alternative, CheckResult } from "../types";
import type { Check, ClaimContext } from "./types";
import { optParam, param } from "./types";
import { DataError } from "../../data/sources";
import { Obs, ObsTable, evidenceFor } from "../../data/obs";
import {
  S251_EES_NATIONAL,
  S251_FILES,
  S251_HIGHLIGHTS,
  inPounds,
} from "../../data/tidy/spending";
import type { Tables } from "../tables";
import { deflatorIndex, realTerms } from "../../data/tidy/spending-deflator";
import { percentChange, sharePercent } from "../../stats/change";
import { fmtMoney, fmtNumber, fmtPercent } from "../../format";

/**
 * Checks of what local authorities spent and budgeted on children's services: MHCLG outturn (RO3)
 * and budgets (RA), DfE section 251 outturn line by line, in cash and in real terms (HM Treasury GDP
 * deflator, March 2020), and spend per looked-after child by placement.
 */

// ---------------------------------------------------------------------------------------------
// Lookups

/** The England observation of a measure in a year from one source (or the only one). */
function england(t: ObsTable, measure: string, year: string, src?: string): Obs {
  return t.one({ measure, year, level: "national", ...(src ? { src } : {}) });
}

function tryEngland(t: ObsTable, measure: string, year: string, src?: string): Obs | null {
  const hits = t.filter({ measure, year, level: "national", ...(src ? { src } : {}) });
  return hits.length === 1 ? hits[0] : null;
}

/** A money observation in pounds; a missing value is an error naming file, row and column. */
function pounds(o: Obs): number {
  const v = inPounds(o);
  if (v === null) throw new DataError(`${o.src}${o.sheet ? ` (sheet "${o.sheet}")` : ""} row ${o.row}, column "${o.col}": ${o.area} ${o.measure} ${o.year} is missing (marker "${o.marker ?? ""}")`);
  return v;
}

const bn = (p: number) => p / 1e9;
const mn = (p: number) => p / 1e6;
/** "£8,833.7 million" */
const fm = (p: number) => `£${fmtNumber(mn(p), 1)} million`;
/** "£8.83 billion" */
const fb = (p: number, d = 2) => `£${fmtNumber(bn(p), d)} billion`;

/** s251 England sum of a line as first published for the year (the LA file of that year). */
function s251Original(tables: Tables, line: string, kind: "gross" | "net", year: string): Obs {
  const f = S251_FILES[year];
  if (!f) throw new DataError(`no section 251 outturn file for ${year} in the mirror (years: ${Object.keys(S251_FILES).join(", ")})`);
  return england(tables.s251(), `s251:${line}:${kind}`, year, f.id);
}

/** The same line in DfE's 2021-22 EES release (England only; later revisions included), or null. */
function s251Revised(tables: Tables, line: string, kind: "gross" | "net", year: string): Obs | null {
  const o = tryEngland(tables.s251(), `s251:${line}:${kind}`, year, S251_EES_NATIONAL);
  return o && o.value !== null ? o : null;
}

/**
 * LAs whose total children and young people's spending (gross) in a year differs between the file as
 * first published and DfE's 2019-20 release by more than £0.5 million: the revisions, named.
 */
function laRevisions(tables: Tables, year: string): { text: string; obs: Obs[] } {
  const f = S251_FILES[year];
  if (!f) return { text: "", obs: [] };
  const t = tables.s251();
  const later = new Map(t.filter({ measure: "s251:total:gross", year, level: "la", src: S251_HIGHLIGHTS }).map((o) => [o.laCode, o]));
  const parts: string[] = [];
  const obs: Obs[] = [];
  for (const a of t.filter({ measure: "s251:total:gross", year, level: "la", src: f.id })) {
    const b = later.get(a.laCode);
    if (!b || a.value === null || b.value === null) continue;
    const d = pounds(b) - pounds(a);
    if (Math.abs(d) <= 5e5) continue;
    parts.push(`${a.area} ${d > 0 ? "+" : "−"}£${fmtNumber(Math.abs(d) / 1e6, 1)} million`);
    obs.push(a, b);
  }
  return { text: parts.length ? `LA totals in DfE's 2019-20 release differ from the first release for ${parts.join(" and ")}` : "", obs };
}

const S251_NAMES: Record<string, string> = {
  residential: "residential care",
  fostering: "fostering services",
  socialWork: "social work (including LA functions in relation to child protection)",
  total: "children and young people's services excluding CERA",
  cla: "total children looked after",
};

// ---------------------------------------------------------------------------------------------
// csSpend

/**
 * What local authorities spent on children's services in a year: MHCLG RO3 children's social care
 * net current expenditure, England (role `spend`, £ billion). The s251 totals of children and young
 * people's services (gross and net, sum of LAs) and RO3 gross expenditure are given as other
 * definitions.
 */
const csSpend: Check = (c, tables) => {
  const year = param(c, "year");
  const ro3 = tables.ro3();
  const net = england(ro3, "csNetExpenditure", year);
  const gross = tryEngland(ro3, "csGrossExpenditure", year);
  const used: Obs[] = [net];
  const alternatives: Alternative[] = [];
  const parts: string[] = [
    `MHCLG revenue outturn (RO3, ${net.src}, England row: every authority, City of London and the Isles of Scilly included): children's social care net current expenditure was ${fm(pounds(net))} in ${year} (${fb(pounds(net), 1)}).`,
  ];
  if (gross && gross.value !== null) {
    used.push(gross);
    alternatives.push({ label: `RO3 gross (total) expenditure on children's social care ${year}`, kind: "definition", values: { spend: bn(pounds(gross)) } });
    parts.push(`Gross (total) expenditure, before sales, fees, charges and other income, was ${fm(pounds(gross))}.`);
  }
  if (S251_FILES[year]) {
    const sg = s251Original(tables, "total", "gross", year);
    const sn = s251Original(tables, "total", "net", year);
    used.push(sg, sn);
    alternatives.push({ label: `DfE s251 children and young people's services excl. CERA, net, ${year} (sum of LAs)`, kind: "definition", values: { spend: bn(pounds(sn)) } });
    alternatives.push({ label: `DfE s251 children and young people's services excl. CERA, gross, ${year} (sum of LAs)`, kind: "definition", values: { spend: bn(pounds(sg)) } });
    parts.push(`DfE's section 251 outturn for children and young people's services (excluding CERA, sum of the 152 LAs, ${sn.src}) is a different definition: ${fm(pounds(sn))} net, ${fm(pounds(sg))} gross.`);
    const rn = s251Revised(tables, "total", "net", year);
    const rg = s251Revised(tables, "total", "gross", year);
    if (rn && rg && (Math.abs(pounds(rn) - pounds(sn)) > 5e5 || Math.abs(pounds(rg) - pounds(sg)) > 5e5)) {
      const lr = laRevisions(tables, year);
      used.push(rn, rg, ...lr.obs);
      alternatives.push({ label: `DfE s251 total, net, ${year}, as revised (2021-22 release)`, kind: "definition", values: { spend: bn(pounds(rn)) } });
      parts.push(`DfE later revised the ${year} s251 total to ${fm(pounds(rn))} net and ${fm(pounds(rg))} gross (2021-22 release)${lr.text ? `; ${lr.text}` : ""}.`);
    }
  }
  return { values: { spend: bn(pounds(net)) }, evidence: evidenceFor(used), explanation: parts.join(" "), alternatives };
};

// ---------------------------------------------------------------------------------------------
// csBudget, claBudget

function raNote(year: string): string {
  return year <= "2011-12" ? ` (${year}: the sum of the children's lines, the form having no total line then)` : "";
}

/**
 * Budgeted spending on children's social care, MHCLG revenue account budgets (RA, line 330 TOTAL
 * CHILDREN'S SOCIAL CARE, budgeted net current expenditure), England: roles `budgetTo` and
 * `budgetFrom` (£ billion). The outturn of the same years (RO3) is given for comparison.
 */
const csBudget: Check = (c, tables) => {
  const from = param(c, "from");
  const to = param(c, "to");
  const ra = tables.ra();
  const a = england(ra, "csBudget", from);
  const b = england(ra, "csBudget", to);
  const used: Obs[] = [a, b];
  const parts = [
    `MHCLG revenue account budgets (RA), total children's social care, budgeted net current expenditure, England row (every authority): ${fm(pounds(a))} for ${from}${raNote(from)} and ${fm(pounds(b))} for ${to}${raNote(to)}, ${fmtPercent(percentChange(pounds(a), pounds(b)), 1, true)}.`,
  ];
  const ro3 = tables.ro3();
  const outs = [from, to].map((y) => tryEngland(ro3, "csNetExpenditure", y)).filter((o): o is Obs => o !== null && o.value !== null);
  if (outs.length) {
    used.push(...outs);
    const budgetOf = (y: string) => pounds(y === from ? a : b);
    parts.push(`What was spent (RO3 outturn, net current expenditure) was ${outs.map((o) => {
      const d = pounds(o) - budgetOf(o.year);
      return `${fm(pounds(o))} in ${o.year} (${fm(Math.abs(d))} ${d >= 0 ? "above" : "below"} the budget)`;
    }).join(" and ")}.`);
  }
  return { values: { budgetTo: bn(pounds(b)), budgetFrom: bn(pounds(a)) }, evidence: evidenceFor(used), explanation: parts.join(" ") };
};

/**
 * Budgeted spending on children looked after (RA line 313) in `to` and its change from `from`:
 * roles `budget` (£ billion), `increase` (£ million), `pctChange`, and `shareOfTotal` (% of the
 * total children's social care budget of `to`, line 330). Other denominators are reported as
 * alternatives, with whether each would put the share above a half.
 */
const claBudget: Check = (c, tables) => {
  const from = param(c, "from");
  const to = param(c, "to");
  const ra = tables.ra();
  const a = england(ra, "claBudget", from);
  const b = england(ra, "claBudget", to);
  const tot = england(ra, "csBudget", to);
  const totFrom = england(ra, "csBudget", from);
  const share = sharePercent(pounds(b), pounds(tot));
  const used: Obs[] = [a, b, tot, totFrom];
  const alternatives: Alternative[] = [];
  const dens: { label: string; value: number; obs: Obs[] }[] = [];
  const ss = tryEngland(ra, "csBudget:sureStart", to);
  const yp = tryEngland(ra, "csBudget:youngPeople", to);
  if (ss && ss.value !== null) {
    dens.push({ label: `the ${to} total less Sure Start children's centres and early years (line 310)`, value: pounds(tot) - pounds(ss), obs: [ss] });
    if (yp && yp.value !== null) dens.push({ label: `the ${to} total less Sure Start and early years (310) and services for young people (327)`, value: pounds(tot) - pounds(ss) - pounds(yp), obs: [ss, yp] });
  }
  dens.push({ label: `the total children's social care budget of ${from} instead of ${to}`, value: pounds(totFrom), obs: [] });
  const denomSentences: string[] = [];
  for (const d of dens) {
    const s = sharePercent(pounds(b), d.value);
    used.push(...d.obs);
    alternatives.push({ label: `share of ${d.label} (${fm(d.value)})`, kind: "denominator", values: { shareOfTotal: s } });
    denomSentences.push(`${fmtPercent(s, 1)} of ${d.label} (${fm(d.value)})`);
  }
  // outturn shares, for comparison
  const ro3 = tables.ro3();
  const oc = tryEngland(ro3, "csClaNetExpenditure", to);
  const ot = tryEngland(ro3, "csNetExpenditure", to);
  let outturnSentence = "";
  if (oc && ot && oc.value !== null && ot.value !== null) {
    used.push(oc, ot);
    outturnSentence = ` In the outturn (RO3) children looked after took ${fmtPercent(sharePercent(pounds(oc), pounds(ot)), 1)} of children's social care net expenditure in ${to} (${fm(pounds(oc))} of ${fm(pounds(ot))}).`;
  }
  const over = dens.filter((d) => sharePercent(pounds(b), d.value) > 50);
  const pct = percentChange(pounds(a), pounds(b));
  const explanation =
    `MHCLG revenue account budgets (RA), children looked after (line 313), budgeted net current expenditure in England: ${fm(pounds(a))} for ${from} and ${fm(pounds(b))} for ${to}, ` +
    `an increase of ${fm(pounds(b) - pounds(a))} (${fmtPercent(pct, 2, true)}). ` +
    `The total children's social care budget for ${to} (line 330) is ${fm(pounds(tot))}, so children looked after take ${fmtPercent(share, 1)} of it${share > 50 ? "" : " — less than half"}. ` +
    `Against other denominators the share is ${denomSentences.join("; ")}` +
    (over.length && share <= 50 ? `: it exceeds a half only if ${over.map((d) => d.label).join(", or if ")} is used.` : ".") +
    outturnSentence;
  return {
    values: { budget: bn(pounds(b)), increase: mn(pounds(b) - pounds(a)), pctChange: pct, shareOfTotal: share },
    evidence: evidenceFor(used),
    explanation,
    alternatives,
  };
};

// ---------------------------------------------------------------------------------------------
// Real-terms changes of an s251 line (residential care, social work)

type Kind = "gross" | "net";

interface LineChange {
  from: number;
  to: number;
  pct: number;
}

/**
 * The change of an s251 line between two years, cash or in the prices of `prices`, for a choice
 * of gross or net in each year. Amounts are in pounds.
 */
function lineChange(tables: Tables, fromP: number, fromYear: string, toP: number, toYear: string, prices: string | null): LineChange {
  const series = tables.deflatorSeries();
  const a = prices ? realTerms(fromP, fromYear, prices, series) : fromP;
  const b = prices ? realTerms(toP, toYear, prices, series) : toP;
  return { from: a, to: b, pct: percentChange(a, b) };
}

const round2bn = (p: number) => Math.round(p / 1e7) * 1e7;

/**
 * The real-terms change of one s251 line between two years (England, sum of LAs, files as first
 * published). Roles `pctChange`, `from`, `to` (£ billion, in the prices of params.prices, default
 * 2017-18 — the prices of the NAO's real-terms figures — on the basis params.kind, default net
 * current expenditure). Every other combination — gross or net, cash or real, prices of the end
 * year — is computed and given as an alternative, with the later revision of the end year.
 */
function s251RealChange(c: ClaimContext, tables: Tables, line: string): CheckResult {
  const fromY = param(c, "from");
  const toY = param(c, "to");
  const basis = optParam(c, "basis", "real");
  const prices = optParam(c, "prices", "2017-18");
  const kind = optParam(c, "kind", "net") as Kind;
  if (kind !== "net" && kind !== "gross") throw new Error(`claim "${c.id}": parameter "kind" must be "gross" or "net"`);
  if (basis !== "real" && basis !== "cash") throw new Error(`claim "${c.id}": parameter "basis" must be "real" or "cash"`);
  const name = S251_NAMES[line] ?? line;
  const obs = {
    fromGross: s251Original(tables, line, "gross", fromY),
    fromNet: s251Original(tables, line, "net", fromY),
    toGross: s251Original(tables, line, "gross", toY),
    toNet: s251Original(tables, line, "net", toY),
  };
  const A = { gross: pounds(obs.fromGross), net: pounds(obs.fromNet) };
  const B = { gross: pounds(obs.toGross), net: pounds(obs.toNet) };
  const series = tables.deflatorSeries();
  const dt = tables.deflator();
  const idxObs = [...new Set([fromY, toY, prices])].map((y) => england(dt, "gdpDeflator", y));
  for (const o of idxObs) deflatorIndex(series, o.year);
  const primPrices = basis === "real" ? prices : null;
  const prim = lineChange(tables, A[kind], fromY, B[kind], toY, primPrices);
  const values = { pctChange: prim.pct, from: bn(prim.from), to: bn(prim.to) };
  const alternatives: Alternative[] = [];
  const rows: string[] = [];
  const priceSets = [...new Set([prices, toY])];
  const label = (ka: Kind, kb: Kind, p: string | null) =>
    `${p ? `real terms (${p} prices)` : "cash"}, ${ka === kb ? ka : `${fromY} ${ka} to ${toY} ${kb}`}`;
  // same basis in both years, in each price base and in cash; then the mixed pair gross (start) → net (end)
  const combos: [Kind, Kind, string | null][] = [];
  for (const k of [kind, kind === "net" ? "gross" : "net"] as Kind[]) {
    for (const p of priceSets) combos.push([k, k, p]);
    combos.push([k, k, null]);
  }
  for (const p of [...priceSets, null]) combos.push(["gross", "net", p]);
  const kindOf = (p: string | null): Alternative["kind"] => (p === null ? "cash-real" : "definition");
  const rounded: Alternative[] = [];
  const roundedRows: string[] = [];
  for (const [ka, kb, p] of combos) {
    const ch = lineChange(tables, A[ka], fromY, B[kb], toY, p);
    const isPrimary = ka === kind && kb === kind && p === primPrices;
    rows.push(`${label(ka, kb, p)}: ${fm(ch.from)} → ${fm(ch.to)}, ${fmtPercent(ch.pct, 1, true)}`);
    if (!isPrimary) alternatives.push({ label: label(ka, kb, p), kind: kindOf(p), values: { pctChange: ch.pct, from: bn(ch.from), to: bn(ch.to) } });
    // the change between the levels rounded to £0.01 billion, as a document prints them
    const ra = round2bn(ch.from);
    const rb = round2bn(ch.to);
    const rp = percentChange(ra, rb);
    if (Math.abs(rp - ch.pct) < 0.05) continue;
    roundedRows.push(`${label(ka, kb, p)}: ${fb(ra)} → ${fb(rb)} is ${fmtPercent(rp, 1, true)}`);
    const alt: Alternative = { label: `${label(ka, kb, p)}, the change between the levels rounded to £0.01 billion (${fb(ra)} → ${fb(rb)})`, kind: isPrimary ? "rounding" : kindOf(p), values: { pctChange: rp } };
    // the primary reading, rounded, comes before every other reading
    if (isPrimary) rounded.unshift(alt);
    else rounded.push(alt);
  }
  alternatives.unshift(...rounded.filter((a) => a.kind === "rounding"));
  alternatives.push(...rounded.filter((a) => a.kind !== "rounding"));
  // readings that print the same levels as the primary one once rounded to £0.01 billion
  const pr = [round2bn(prim.from), round2bn(prim.to)];
  const twins = combos
    .filter(([ka, kb, p]) => !(ka === kind && kb === kind && p === primPrices))
    .filter(([ka, kb, p]) => {
      const ch = lineChange(tables, A[ka], fromY, B[kb], toY, p);
      return round2bn(ch.from) === pr[0] && round2bn(ch.to) === pr[1];
    })
    .map(([ka, kb, p]) => label(ka, kb, p));
  const sameLevels = twins.length
    ? ` Rounded to £0.01 billion, the ${label(kind, kind, primPrices)} levels (${fb(pr[0])} → ${fb(pr[1])}) are also what ${twins.join(" and ")} give${twins.length === 1 ? "s" : ""}: printed levels alone cannot tell these readings apart.`
    : "";
  // later revision of the end year (DfE 2021-22 release)
  const rev = s251Revised(tables, line, kind, toY);
  const used: Obs[] = [obs.fromGross, obs.fromNet, obs.toGross, obs.toNet, ...idxObs];
  let revSentence = "";
  if (rev && Math.abs(pounds(rev) - B[kind]) > 5e5) {
    const lr = laRevisions(tables, toY);
    used.push(rev, ...lr.obs);
    const ch = lineChange(tables, A[kind], fromY, pounds(rev), toY, primPrices);
    alternatives.push({ label: `${toY} ${kind} as revised in DfE's 2021-22 release (${fm(pounds(rev))})`, kind: "revision", values: { pctChange: ch.pct, to: bn(ch.to) } });
    revSentence = ` DfE later revised ${toY} to ${fm(pounds(rev))} ${kind} (2021-22 release${lr.text ? `; ${lr.text}` : ""}); on that figure the change would be ${fmtPercent(ch.pct, 1, true)}.`;
  }
  const ia = deflatorIndex(series, fromY).index;
  const ib = deflatorIndex(series, prices).index;
  const infl = percentChange(ia, ib);
  // sensitivity of the real change to the deflator: 0.1 point less inflation between the two years
  const tighter = percentChange(A[kind] * (ib / ia - 0.001), B[kind] * (ib / deflatorIndex(series, toY).index));
  const sens = tighter - prim.pct;
  const explanation =
    `DfE section 251 outturn, line "${name}", England (sum of the 152 LAs, City of London and the Isles of Scilly included, in each year's file as first published): ` +
    `${fromY} ${fm(A.gross)} gross, ${fm(A.net)} net; ${toY} ${fm(B.gross)} gross, ${fm(B.net)} net. ` +
    `The primary reading is ${label(kind, kind, primPrices)} with HM Treasury's GDP deflator (March 2020; ${fromY} → ${prices} prices ${fmtPercent(infl, 2, true)}): ` +
    `${fm(prim.from)} → ${fm(prim.to)}, ${fmtPercent(prim.pct, 1, true)}. Every combination: ${rows.join("; ")}.` +
    (roundedRows.length ? ` Between levels rounded to £0.01 billion: ${roundedRows.join("; ")}.` : "") +
    sameLevels +
    ` Real-terms figures depend on the deflator vintage: each 0.1 point less inflation from ${fromY} to ${prices} adds ${fmtNumber(sens, 2)} points to the real change. ` +
    `HM Treasury revises the series each quarter with ONS's national accounts; the vintage current when the NAO reported (January 2019) is not in the mirror.` +
    revSentence;
  return { values, evidence: evidenceFor(used), explanation, alternatives };
}

/** Residential care (s251 line 3.1.1 / 6) between two years in real terms. */
const residentialCost: Check = (c, tables) => s251RealChange(c, tables, "residential");

/** Social work including child protection (s251 line 3.3.1 / 18) between two years in real terms. */
const socialWorkSpend: Check = (c, tables) => s251RealChange(c, tables, "socialWork");

// ---------------------------------------------------------------------------------------------
// placementSpend

const PLACEMENT_LINES: Record<string, { line: string; counts: string[]; countLabel: string; unitCost: string; unitCostLabel: string }> = {
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

/**
 * Spending on looked-after children in one type of placement in 2017-18 and per child: role
 * `spend` (£ billion, s251 net current expenditure, sum of LAs, as first published), `children`
 * (null: no open file counts children by placement over the year) and `perChild` (£, spend over
 * the children in that placement at 31 March 2018, the best published count). Other readings —
 * a during-the-year estimate, gross spend, the revised 2017-18 figure, DfE's weekly unit cost —
 * are alternatives or context.
 */
const placementSpend: Check = (c, tables) => {
  const year = param(c, "year");
  const placement = param(c, "placement");
  const spec = PLACEMENT_LINES[placement];
  if (!spec) throw new Error(`claim "${c.id}": parameter "placement" must be one of ${Object.keys(PLACEMENT_LINES).join(", ")}`);
  const pt = tables.placements();
  if (pt.filter({ measure: "placements:all:at31March", year, level: "national" }).length === 0) {
    throw new DataError(`no SSDA903 placement counts for ${year} in the mirror (only ${pt.years("placements:all:at31March").join(", ")})`);
  }
  const net = s251Original(tables, spec.line, "net", year);
  const gross = s251Original(tables, spec.line, "gross", year);
  const spend = pounds(net);
  const countObs = spec.counts.map((m) => england(pt, m, year));
  const count = countObs.reduce((s, o) => s + (o.value ?? NaN), 0);
  if (!Number.isFinite(count)) throw new DataError(`a placement count for ${year} is suppressed in ${countObs[0].src}`);
  const allMar = england(pt, "placements:all:at31March", year);
  const allYear = england(pt, "placements:all:duringYear", year);
  const ratio = (allYear.value as number) / (allMar.value as number);
  const estimate = count * ratio;
  const perChild = spend / count;
  const used: Obs[] = [net, gross, ...countObs, allMar, allYear];
  const alternatives: Alternative[] = [
    { label: `spend over an estimate of children ${spec.countLabel} at any time in ${year} (31 March count × ${fmtNumber(allYear.value)} / ${fmtNumber(allMar.value)})`, kind: "denominator", values: { children: estimate, perChild: spend / estimate } },
    { label: `gross expenditure (${fm(pounds(gross))}) over children at 31 March`, kind: "definition", values: { spend: bn(pounds(gross)), perChild: pounds(gross) / count } },
  ];
  const rev = s251Revised(tables, spec.line, "net", year);
  let revSentence = "";
  if (rev && Math.abs(pounds(rev) - spend) > 5e5) {
    used.push(rev);
    const lr = laRevisions(tables, year);
    used.push(...lr.obs);
    alternatives.push({ label: `${year} net spend as revised in DfE's 2021-22 release (${fm(pounds(rev))})`, kind: "revision", values: { spend: bn(pounds(rev)), perChild: pounds(rev) / count } });
    revSentence = ` DfE later revised ${year} to ${fm(pounds(rev))} net (2021-22 release${lr.text ? `; ${lr.text}` : ""}).`;
  }
  const uc = tryEngland(pt, spec.unitCost, year);
  let ucSentence = "";
  if (uc && uc.value !== null) {
    used.push(uc);
    const annual = (uc.value * 365) / 7;
    ucSentence = ` DfE's own weekly unit cost (LAIT, ${spec.unitCostLabel}) is ${fmtMoney(uc.value)} a week, ${fmtMoney(annual)} a child-year: at that cost ${fm(spend)} pays for about ${fmtNumber(Math.round(spend / annual / 10) * 10)} child-years of care.`;
  }
  const countList = countObs.map((o) => `${fmtNumber(o.value)} (${o.col})`).join(" + ");
  const explanation =
    `DfE section 251 outturn ${year}, line "${S251_NAMES[spec.line]}", England (sum of the 152 LAs, City of London and the Isles of Scilly included, ${net.src}, as first published): ${fm(spend)} net current expenditure (${fm(pounds(gross))} gross).` +
    revSentence +
    ` No open file counts children by placement over the year: the SSDA903 release (${countObs[0].src}) gives children ${spec.countLabel} at 31 March ${Number(year.slice(0, 4)) + 1}: ${countList}${countObs.length > 1 ? ` = ${fmtNumber(count)}` : ""}, ` +
    `and ${fmtNumber(allYear.value)} children looked after at any time in the year (all placements) against ${fmtNumber(allMar.value)} at 31 March. ` +
    `Spend per child at 31 March is ${fmtMoney(perChild)}; scaling the 31 March count by the ratio of children looked after during the year to those at 31 March (${fmtNumber(ratio, 2)}) gives about ${fmtNumber(Math.round(estimate / 10) * 10)} children and ${fmtMoney(spend / estimate)} per child. ` +
    `A count of every child who spent any time in the placement during the year (only SSDA903 episode records give it) is larger than the count at 31 March, since many children spend only part of the year there, and spend per child on it is correspondingly lower.` +
    ucSentence;
  return { values: { spend: bn(spend), children: null, perChild }, evidence: evidenceFor(used), explanation, alternatives };
};

export const spendingChecks: Record<string, Check> = {
  csSpend,
  csBudget,
  claBudget,
  residentialCost,
  socialWorkSpend,
  placementSpend,
};
