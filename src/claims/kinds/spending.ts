import { DataError, MissingDataError, source } from "../../data/sources";
import type { Evidence } from "../types";
import { Obs, evidenceFor } from "../../data/obs";
import { RS_2017_18, S251_EES_NATIONAL, S251_FILES, S251_HIGHLIGHTS, inPounds } from "../../data/tidy/spending";
import { deflatorIndex, realTerms } from "../../data/tidy/spending-deflator";
import { percentChange, sharePercent } from "../../stats/change";
import { fmtNumber, fmtPercent } from "../../format";
import { laByName, laByOnsCode, type Tables } from "../tables";
import { bn, derived, englandIn, fm, mn, pounds } from "./lookup";

/**
 * Money tables as the kinds read them: MHCLG outturn (RO3, RS) and budgets (RA), DfE section 251
 * outturn line by line (as first published, and as revised), the seven service lines of the NAO's
 * Figure 13 grouped the same way in every year, preventative and statutory spending, outturn against
 * budget LA by LA, and prices (HM Treasury GDP deflator, March 2020). Notebook 04 draws Figures 13
 * and 14 from the same functions.
 */

// ---------------------------------------------------------------------------------------------
// Section 251 lines as first published and as revised

/** s251 England sum of a line as first published for the year (the LA file of that year). */
export function s251Original(tables: Tables, line: string, kind: "gross" | "net", year: string): Obs {
  const f = S251_FILES[year];
  if (!f) throw new DataError(`no section 251 outturn file for ${year} in the mirror (years: ${Object.keys(S251_FILES).join(", ")})`);
  return englandIn(tables.s251(), `s251:${line}:${kind}`, year, f.id);
}

/** The same line in DfE's 2021-22 EES release (England only; later revisions included), or null. */
export function s251Revised(tables: Tables, line: string, kind: "gross" | "net", year: string): Obs | null {
  const hits = tables.s251().filter({ measure: `s251:${line}:${kind}`, year, level: "national", src: S251_EES_NATIONAL });
  return hits.length === 1 && hits[0].value !== null ? hits[0] : null;
}

/**
 * LAs whose total children and young people's spending (gross) in a year differs between the file as
 * first published and DfE's 2019-20 release by more than £0.5 million: the revisions, named.
 */
export function laRevisions(tables: Tables, year: string): { text: string; obs: Obs[] } {
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

export const S251_NAMES: Record<string, string> = {
  residential: "residential care",
  fostering: "fostering services",
  socialWork: "social work (including LA functions in relation to child protection)",
  total: "children and young people's services excluding CERA",
  cla: "total children looked after",
};

// ---------------------------------------------------------------------------------------------
// Prices

export const deflators = (tables: Tables) => tables.deflatorSeries();
export const deflatorObs = (tables: Tables, years: string[]) => [...new Set(years)].map((y) => tables.deflator().one({ measure: "gdpDeflator", year: y }));
/** Price growth between two financial years with the March 2020 deflator, in per cent. */
export function priceGrowth(tables: Tables, from: string, to: string): number {
  const s = deflators(tables);
  return percentChange(deflatorIndex(s, from).index, deflatorIndex(s, to).index);
}
export const DEFLATOR_NOTE =
  "HM Treasury's GDP deflator in the mirror is the March 2020 vintage; the NAO (January 2019) used an earlier one, which is not in the mirror, and HM Treasury revises the series each quarter with ONS's national accounts.";


/** England RO3 children's social care net current expenditure in a year (£), with its observation. */
export function englandCsSpend(tables: Tables, year: string): { pounds: number; obs: Obs } {
  const o = tables.ro3().one({ measure: "csNetExpenditure", year, level: "national" });
  const p = inPounds(o);
  if (p === null) throw new DataError(`${source(o.src).file} row ${o.row}, column "${o.col}": England children's social care spending ${year} is missing`);
  return { pounds: p, obs: o };
}

/** The GDP deflator index of a year (March 2020 series; forecast years chained from growth). */
export function deflator(tables: Tables, year: string): { index: number; forecast: boolean } {
  return deflatorIndex(tables.deflatorSeries(), year);
}

/** Real terms in the prices of `target`, with the March 2020 HM Treasury deflator. */
export function realTermsOf(tables: Tables, pounds: number, year: string, target: string): number {
  return (pounds * deflator(tables, target).index) / deflator(tables, year).index;
}

/** What the deflator vintage does to the table, from the series in the mirror. */
export function vintageSentence(tables: Tables): string {
  const series = tables.deflatorSeries().sort((a, b) => a.year.localeCompare(b.year));
  const outturn = series.filter((p) => p.index !== null);
  const last = outturn[outturn.length - 1];
  const next = series.find((p) => p.year > last.year);
  return `The briefing names HM Treasury's December 2020 deflators; the mirror has the March 2020 file, whose latest outturn year is ${last.year} (${fmtPercent(last.growth, 2, true)} on the year before)${next ? ` and whose ${next.year} is a forecast (${fmtPercent(next.growth, 2, true)})` : ""}. HM Treasury revises the series with each release of the national accounts, most in the latest years, so every level in ${next?.year ?? last.year} prices and the latest annual changes depend on the vintage, while the earlier annual changes barely do.`;
}


// ---------------------------------------------------------------------------------------------
// Overspending: outturn against budget, LA by LA

/** The DfE 3-digit code of an MHCLG LA row: through its ONS code, else its name (a file's code can be a slip). */
export function mhclgLaCode(tables: Tables, o: Obs): string {
  const la = laByOnsCode(tables, o.code) ?? laByName(tables, o.area.replace(/\s+(UA|CC|MBC)$/, ""));
  if (!la) throw new DataError(`${o.src} row ${o.row}: cannot match "${o.area}" (${o.code}) to a DfE local authority`);
  return la.laCode;
}
// Overspending: outturn against budget, LA by LA

/** One authority's outturn and budget for children's social care (net current expenditure, £). */
export interface LaBalance {
  laCode: string;
  area: string;
  outturn: Obs;
  budget: Obs;
  /** outturn − budget in pounds; null when either is missing in its file. */
  diff: number | null;
}

/** The outturn source of a year: "first-release" uses the RS summary of 2017-18 as first published where the mirror has it. */
export type OutturnVintage = "first-release" | "ro3";

export interface OverspendYear {
  year: string;
  outturnLabel: string;
  las: LaBalance[];
  counted: LaBalance[];
  missing: LaBalance[];
  over: LaBalance[];
  /** % of counted LAs whose outturn exceeded the budget. */
  share: number;
  /** Sum of outturn − budget over the counted LAs (£). */
  netOfLas: number;
  /** Sum of the overspends of the LAs that overspent, underspends not netted (£). */
  sumOfOverspends: number;
  englandOutturn: Obs;
  englandBudget: Obs;
  /** England row outturn − England row budget (£). */
  englandDiff: number;
}

function outturnRows(tables: Tables, year: string, vintage: OutturnVintage): { la: Obs[]; england: Obs; label: string } {
  if (vintage === "first-release" && year === "2017-18") {
    const t = tables.rs();
    return {
      la: t.filter({ measure: "rsCsNetExpenditure", year, level: "la" }),
      england: t.one({ measure: "rsCsNetExpenditure", year, level: "national" }),
      label: `MHCLG revenue outturn summary (RS) ${year} as first published (${RS_2017_18.id}, line 330 children social care)`,
    };
  }
  const t = tables.ro3();
  const la = t.filter({ measure: "csNetExpenditure", year, level: "la" });
  if (la.length === 0) throw new MissingDataError(`no MHCLG revenue outturn (RO3) by LA for ${year} in the mirror; "Local authority revenue expenditure and financing England: ${year} individual local authority data – outturn" (RO3 or RS) would settle it`);
  return {
    la,
    england: t.one({ measure: "csNetExpenditure", year, level: "national" }),
    label: `MHCLG revenue outturn RO3 ${year} (${la[0].src}, total children's social care${year === "2010-11" ? ": the sum of its three children's lines" : ""})`,
  };
}

/**
 * Children's social care outturn against budget for every upper-tier LA in a year: MHCLG outturn
 * (net current expenditure) minus MHCLG revenue account budget (budgeted net current expenditure,
 * line 330; in 2010-11 and 2011-12 the sum of the children's lines, as in the outturn). LAs are
 * matched by their DfE code (through the ONS code, or the name where a file's code is a slip); an
 * LA whose outturn or budget is missing ("…" in the file) is left out of the count and named.
 */
export function overspendYear(tables: Tables, year: string, vintage: OutturnVintage = "first-release"): OverspendYear {
  const out = outturnRows(tables, year, vintage);
  const ra = tables.ra();
  const budgets = ra.filter({ measure: "csBudget", year, level: "la" });
  if (budgets.length === 0) throw new MissingDataError(`no MHCLG revenue account budget (RA) by LA for ${year} in the mirror; "Local authority revenue expenditure and financing England: ${year} budget individual local authority data" would settle it`);
  const budgetOf = new Map(budgets.map((o) => [mhclgLaCode(tables, o), o]));
  const las: LaBalance[] = out.la.map((o) => {
    const laCode = mhclgLaCode(tables, o);
    const b = budgetOf.get(laCode);
    if (!b) throw new DataError(`RA ${year}: no budget row for ${o.area} (LA ${laCode}), which has an outturn row (${o.src} row ${o.row})`);
    const diff = o.value === null || b.value === null ? null : pounds(o) - pounds(b);
    return { laCode, area: o.area, outturn: o, budget: b, diff };
  });
  if (las.length !== budgets.length) throw new DataError(`${year}: ${las.length} LAs in the outturn but ${budgets.length} in the budget file`);
  const counted = las.filter((l) => l.diff !== null);
  const over = counted.filter((l) => (l.diff as number) > 0);
  const englandBudget = ra.one({ measure: "csBudget", year, level: "national" });
  return {
    year,
    outturnLabel: out.label,
    las,
    counted,
    missing: las.filter((l) => l.diff === null),
    over,
    share: sharePercent(over.length, counted.length),
    netOfLas: counted.reduce((s, l) => s + (l.diff as number), 0),
    sumOfOverspends: over.reduce((s, l) => s + (l.diff as number), 0),
    englandOutturn: out.england,
    englandBudget,
    englandDiff: pounds(out.england) - pounds(englandBudget),
  };
}

/** LAs whose s251 outturn (children and young people's services excl. CERA, gross or net) exceeded their RA children's social care budget. */
export function s251AgainstBudget(tables: Tables, year: string, kind: "gross" | "net"): { over: number; counted: number; share: number; sum: number } | null {
  const f = S251_FILES[year];
  if (!f) return null;
  const budgetOf = new Map(tables.ra().filter({ measure: "csBudget", year, level: "la" }).map((o) => [mhclgLaCode(tables, o), o]));
  let over = 0;
  let counted = 0;
  let sum = 0;
  for (const o of tables.s251().filter({ measure: `s251:total:${kind}`, year, level: "la", src: f.id })) {
    const b = budgetOf.get(o.laCode ?? "");
    if (!b || o.value === null || b.value === null) continue;
    const d = pounds(o) - pounds(b);
    counted++;
    if (d > 0) {
      over++;
      sum += d;
    }
  }
  return { over, counted, share: sharePercent(over, counted), sum };
}

function laList(ls: LaBalance[], max = 25): string {
  const shown = ls.slice(0, max).map((l) => `${l.area} (${l.diff === null ? `marker "${l.outturn.marker ?? l.budget.marker ?? ""}"` : fm(l.diff)})`);
  return shown.join(", ") + (ls.length > max ? ` and ${ls.length - max} more` : "");
}

export function overspendEvidence(y: OverspendYear): Evidence[] {
  const rows = (ls: LaBalance[], which: "outturn" | "budget") => ls.map((l) => l[which].row);
  const o0 = y.las[0].outturn;
  const b0 = y.las[0].budget;
  const tiny = ["201", "420"].map((c) => y.las.find((l) => l.laCode === c)).filter((l): l is LaBalance => !!l);
  const overOut = derived(o0, o0.measure, `${y.over.length} LAs that overspent`, y.over.reduce((s, l) => s + (l.outturn.value as number), 0),
    `outturn of the ${y.over.length} of ${y.counted.length} upper-tier LAs whose outturn exceeded the budget (rows ${Math.min(...rows(y.las, "outturn"))} to ${Math.max(...rows(y.las, "outturn"))})`);
  const overBud = derived(b0, b0.measure, `${y.over.length} LAs that overspent`, y.over.reduce((s, l) => s + (l.budget.value as number), 0),
    `budget of the same ${y.over.length} LAs (rows ${Math.min(...rows(y.las, "budget"))} to ${Math.max(...rows(y.las, "budget"))})`);
  const under = y.counted.filter((l) => (l.diff as number) <= 0);
  return [
    ...evidenceFor([y.englandOutturn, overOut, ...under.map((l) => l.outturn), ...tiny.map((l) => l.outturn)], `children's social care net current expenditure, ${y.year}; the LAs that did not overspend and the tiny authorities are listed`),
    ...evidenceFor([y.englandBudget, overBud, ...under.map((l) => l.budget), ...tiny.map((l) => l.budget)], `budgeted net current expenditure on children's social care, ${y.year}`),
  ];
}

export function overspendSentence(y: OverspendYear): string {
  const tiny = ["420", "201"].map((c) => y.las.find((l) => l.laCode === c)).filter((l): l is LaBalance => !!l)
    .map((l) => `${l.area} ${l.diff === null ? "left out (no figure)" : (l.diff as number) > 0 ? `in, overspent by ${fm(l.diff as number, 2)}` : `in, underspent by ${fm(-(l.diff as number), 2)}`}`);
  const under = y.counted.filter((l) => (l.diff as number) <= 0).sort((a, b) => (a.diff as number) - (b.diff as number));
  return `${y.year}: ${y.over.length} of the ${y.counted.length} upper-tier LAs with both figures spent more than they budgeted (${fmtPercent(y.share, 1)}; ${tiny.join("; ")})` +
    (y.missing.length ? `; left out for a missing figure: ${laList(y.missing)}` : "") +
    `. Outturn: ${y.outturnLabel}. ` +
    `England outturn ${fm(pounds(y.englandOutturn))} against a budget of ${fm(pounds(y.englandBudget))}: ${fm(y.englandDiff)} over; ` +
    `summed over the LAs, ${fm(y.netOfLas)} net, or ${fm(y.sumOfOverspends)} if only the overspends are added (underspends not netted). ` +
    `The ${under.length} that did not overspend${under.length > 25 ? ", largest underspends first" : ""}: ${laList(under, under.length > 25 ? 10 : 25)}.`;
}

/**
 * What overspent means here: outturn above budget, both MHCLG, children's social care net current
 * expenditure. Roles: `share` (% of LAs that overspent in params.year), `shareFrom` (the same in
 * params.from, when given), `overspend` (£ million, England outturn minus England budget in
 * params.year). The 2017-18 outturn is read as first published (RS summary, 2018); the revised RO3
 * file, LA sums, the sum of overspends alone and the section 251 outturn are alternatives.
// ---------------------------------------------------------------------------------------------
// Service lines: section 251 outturn grouped the same way in every year

/** The service lines of the NAO's Figure 13, in the later years' (2012-13 on) grouping. */
export type ServiceLine = "cla" | "safeguarding" | "familySupport" | "otherChildrenFamilies" | "youthJustice" | "sureStart" | "youngPeople";

export const SERVICE_LINES: ServiceLine[] = ["safeguarding", "familySupport", "cla", "otherChildrenFamilies", "youthJustice", "sureStart", "youngPeople"];

export const SERVICE_LINE_LABELS: Record<ServiceLine, string> = {
  safeguarding: "Safeguarding children and young people's services",
  familySupport: "Family support services",
  cla: "Looked-after children",
  otherChildrenFamilies: "Other children's and families services",
  youthJustice: "Youth justice",
  sureStart: "Sure Start children's centres and early years",
  youngPeople: "Services for young people",
};

/** The same names inside a sentence. */
export const SERVICE_LINE_NAMES: Record<ServiceLine, string> = {
  safeguarding: "safeguarding children and young people's services",
  familySupport: "family support services",
  cla: "looked-after children",
  otherChildrenFamilies: "other children's and families services",
  youthJustice: "youth justice",
  sureStart: "Sure Start children's centres and early years",
  youngPeople: "services for young people",
};

/** How the lines of 2010-11 and 2011-12 are read into the later grouping. */
export type Mapping = "comparable" | "as-filed";

export interface MappingOptions {
  /** "comparable" (default): adoption and special guardianship with looked-after children in every year; "as-filed": each year's own groups. */
  mapping?: Mapping;
  /** Where the 2010-11 Child Trust Fund top ups go: with safeguarding's central lines (default) or nowhere (left out of the lines, kept in the total). */
  childTrustFund?: "safeguarding" | "none";
}

/** The s251 measures (without the s251: prefix and :kind suffix) summed for a service line in a year. */
export function lineParts(line: ServiceLine, year: string, opts: MappingOptions = {}): string[] {
  const mapping = opts.mapping ?? "comparable";
  const early = year <= "2011-12";
  switch (line) {
    case "cla":
      return early && mapping === "comparable" ? ["cla", "adoption", "specialGuardianship"] : ["cla"];
    case "otherChildrenFamilies":
      return early && mapping === "comparable" ? ["otherChildrenFamiliesLine"] : ["otherChildrenFamilies"];
    case "safeguarding":
      if (year === "2010-11") return ["cypSafety", "commissioningSocialWork", "strategy", ...(opts.childTrustFund === "none" ? [] : ["childTrustFund"])];
      // 2011-12: "children and young people's safety/children social care" already includes commissioning and social work
      if (year === "2011-12") return ["cypSafety", "strategy"];
      return ["safeguarding"];
    default:
      return [line];
  }
}

/** How comparable each service line is between 2010-11 (or 2011-12) and the later years, in words. */
export const LINE_COMPARABILITY: Record<ServiceLine, string> = {
  safeguarding: "Comparable as a group. 2010-11: children and young people's safety (child death reviews, LA functions in relation to child protection, local safeguarding children board) + commissioning and social work + children's services strategy, with the Child Trust Fund top ups (2010-11 only); 2011-12: children and young people's safety/children social care (which then includes commissioning and social work) + children's services strategy; from 2012-13 the safeguarding total (social work, commissioning and children's services strategy, LSCB). Social work alone is not comparable: 2010-11 has it only inside commissioning and social work.",
  familySupport: "Comparable: the family support total in every year (its sub-lines change: universal and targeted family support appear from 2011-12).",
  cla: "Comparable once adoption services and special guardianship support, which 2010-11 and 2011-12 report under other children's and families services, are moved into children looked after, where later years report them. Asylum-seeking children are inside it in every year.",
  otherChildrenFamilies: "Comparable on the single line \"other children's and families services\": the 2010-11 and 2011-12 group total also holds adoption and special guardianship (moved to looked-after children).",
  youthJustice: "Comparable: total youth justice in every year (2010-11 splits it into secure accommodation, youth offending teams and other).",
  sureStart: "Partly comparable: 2010-11 and 2011-12 have Sure Start children's centres only; from 2012-13 the group adds other early years spending (\"other early years funding\", later \"other spend on children under 5\").",
  youngPeople: "Partly comparable: 2010-11's total (its description reads \"Unknown\": the sum of lines 41–46) includes Connexions and student support; later years have universal and targeted services for young people only.",
};

export interface LineAmount {
  /** £ */
  value: number;
  obs: Obs[];
}

export interface ServiceLineYear {
  year: string;
  kind: "gross" | "net";
  lines: Record<ServiceLine, LineAmount>;
  /** Children and young people's services excluding CERA (£), sum of LAs. */
  total: Obs;
  /** What the total holds beyond the seven lines (the Child Trust Fund top ups when left out), £. */
  outside: number;
}

/** The England sum (of LAs, file as first published) of one s251 measure in a year. */
function s251England(tables: Tables, measure: string, kind: "gross" | "net", year: string): Obs {
  const f = S251_FILES[year];
  if (!f) {
    throw new MissingDataError(`no section 251 outturn by LA and line for ${year} in the mirror; DfE's "LA and school expenditure" release for ${year} (Table A1 underlying data by LA and line) would settle it`);
  }
  return tables.s251().one({ measure: `s251:${measure}:${kind}`, year, level: "national", src: f.id });
}

/**
 * The seven service lines of a year (England, sum of the 152 LAs, s251 outturn as first published),
 * each the sum of the measures lineParts names. The lines must add up to the total of children's and
 * young people's services (excluding CERA): a gap of more than £0.5 million is an error.
 */
export function serviceLines(tables: Tables, year: string, kind: "gross" | "net" = "net", opts: MappingOptions = {}): ServiceLineYear {
  // kept per loaded table: the checks ask for the same years many times
  const table = tables.s251();
  let memo = serviceLineMemo.get(table);
  if (!memo) serviceLineMemo.set(table, (memo = new Map()));
  const key = JSON.stringify([year, kind, opts.mapping ?? "comparable", opts.childTrustFund ?? "safeguarding"]);
  const hit = memo.get(key);
  if (hit) return hit;
  const built = buildServiceLines(tables, year, kind, opts);
  memo.set(key, built);
  return built;
}

const serviceLineMemo = new WeakMap<object, Map<string, ServiceLineYear>>();

function buildServiceLines(tables: Tables, year: string, kind: "gross" | "net", opts: MappingOptions): ServiceLineYear {
  const total = s251England(tables, "total", kind, year);
  const lines = {} as Record<ServiceLine, LineAmount>;
  let sum = 0;
  for (const l of SERVICE_LINES) {
    const obs = lineParts(l, year, opts).map((m) => s251England(tables, m, kind, year));
    const value = obs.reduce((s, o) => s + pounds(o), 0);
    lines[l] = { value, obs };
    sum += value;
  }
  const outside = pounds(total) - sum;
  const allowed = year === "2010-11" && opts.childTrustFund === "none" ? pounds(s251England(tables, "childTrustFund", kind, year)) : 0;
  if (Math.abs(outside - allowed) > 5e5) {
    throw new DataError(`${total.src}: the service lines of ${year} (${kind}) add up to ${fm(sum)}, not the total of ${fm(pounds(total))}: a line is missing or counted twice`);
  }
  return { year, kind, lines, total, outside };
}

/** The change of one service line between two years, in the prices of `prices` (null: cash). */
export interface LineChange {
  line: ServiceLine;
  from: number;
  to: number;
  change: number;
  pct: number;
}

export function lineChanges(tables: Tables, from: string, to: string, prices: string | null, kind: "gross" | "net" = "net", opts: MappingOptions = {}): { changes: LineChange[]; a: ServiceLineYear; b: ServiceLineYear } {
  const a = serviceLines(tables, from, kind, opts);
  const b = serviceLines(tables, to, kind, opts);
  const s = deflators(tables);
  const real = (v: number, y: string) => (prices ? realTerms(v, y, prices, s) : v);
  const changes = SERVICE_LINES.map((line) => {
    const x = real(a.lines[line].value, from);
    const y = real(b.lines[line].value, to);
    return { line, from: x, to: y, change: y - x, pct: percentChange(x, y) };
  });
  return { changes, a, b };
}


// ---------------------------------------------------------------------------------------------
// Statutory and preventative shares (Figure 14)

export interface PreventativeDefinition {
  id: string;
  /** A few words, for chart legends. */
  short: string;
  label: string;
  lines: ServiceLine[];
}

/**
 * Definitions of "preventative" spending; statutory is everything else in the total (looked-after
 * children and safeguarding, with youth justice or other lines where a definition leaves them out).
 */
export const PREVENTATIVE_DEFINITIONS: PreventativeDefinition[] = [
  { id: "all-non-statutory", short: "every non-statutory line", label: "Sure Start and early years, family support, services for young people, other children's and families services and youth justice", lines: ["sureStart", "familySupport", "youngPeople", "otherChildrenFamilies", "youthJustice"] },
  { id: "without-youth-justice", short: "without youth justice", label: "the same without youth justice (youth offending work counted as statutory)", lines: ["sureStart", "familySupport", "youngPeople", "otherChildrenFamilies"] },
  { id: "early-help", short: "Sure Start, family support, young people", label: "Sure Start and early years, family support and services for young people", lines: ["sureStart", "familySupport", "youngPeople"] },
  { id: "universal", short: "Sure Start and young people only", label: "Sure Start and early years and services for young people only", lines: ["sureStart", "youngPeople"] },
];

export function definition(id: string): PreventativeDefinition {
  const d = PREVENTATIVE_DEFINITIONS.find((x) => x.id === id);
  if (!d) throw new Error(`unknown definition of preventative spending "${id}" (definitions: ${PREVENTATIVE_DEFINITIONS.map((x) => x.id).join(", ")})`);
  return d;
}

export interface ShareYear {
  year: string;
  preventative: number;
  statutory: number;
  total: number;
  /** % of the total */
  preventativeShare: number;
  statutoryShare: number;
  lines: ServiceLineYear;
}

/** Preventative and statutory spending in a year under a definition (statutory = total − preventative). */
export function shareYear(tables: Tables, year: string, def: PreventativeDefinition, kind: "gross" | "net" = "net", opts: MappingOptions = {}): ShareYear {
  const lines = serviceLines(tables, year, kind, opts);
  const total = pounds(lines.total);
  const preventative = def.lines.reduce((s, l) => s + lines.lines[l].value, 0);
  return { year, preventative, statutory: total - preventative, total, preventativeShare: sharePercent(preventative, total), statutoryShare: sharePercent(total - preventative, total), lines };
}
// ---------------------------------------------------------------------------------------------
// Data for notebook 04 (Figures 13 and 14 and their tables), from the same functions as the checks

/** The description a file gives a line, read from the England sum's derivedFrom ('… whose line is "…"'). */
export function lineDescription(o: Obs): string {
  const m = /whose line is "([^"]*)"/.exec(o.derivedFrom ?? "");
  return (m ? m[1] : o.measure).replace(/\s+/g, " ").replace(/\u0092/g, "’");
}

/** One row per service line: the lines each year sums, and whether they compare. */
export function lineMappingRows(tables: Tables, from = "2010-11", to = "2017-18", kind: "gross" | "net" = "net"): { line: string; [k: string]: string | number }[] {
  const a = serviceLines(tables, from, kind);
  const b = serviceLines(tables, to, kind);
  return SERVICE_LINES.map((l) => ({
    line: SERVICE_LINE_LABELS[l],
    [`${from} lines`]: a.lines[l].obs.map(lineDescription).join(" + "),
    [`${from} £m`]: mn(a.lines[l].value),
    [`${to} lines`]: b.lines[l].obs.map(lineDescription).join(" + "),
    [`${to} £m`]: mn(b.lines[l].value),
    comparable: LINE_COMPARABILITY[l],
  }));
}

/** Figure 13 redrawn: each service line's change between two years in real terms (net, £ million, prices of `prices`). */
export function figure13Data(tables: Tables, from = "2010-11", to = "2017-18", prices = to): { rows: { line: ServiceLine; label: string; fromCash: number; toCash: number; fromReal: number; toReal: number; change: number; pct: number }[]; inflation: number; sources: string[] } {
  const r = lineChanges(tables, from, to, prices, "net");
  const rows = r.changes.map((ch) => ({
    line: ch.line,
    label: SERVICE_LINE_LABELS[ch.line],
    fromCash: mn(r.a.lines[ch.line].value),
    toCash: mn(r.b.lines[ch.line].value),
    fromReal: mn(ch.from),
    toReal: mn(ch.to),
    change: mn(ch.change),
    pct: ch.pct,
  }));
  return { rows, inflation: priceGrowth(tables, from, prices), sources: [r.a.total.src, r.b.total.src, deflatorObs(tables, [from])[0].src] };
}

/** The financial years with section 251 outturn by LA and line in the mirror, from `from` to `to`. */
export function s251Years(from = "2010-11", to = "2017-18"): string[] {
  return Object.keys(S251_FILES).filter((y) => y >= from && y <= to).sort();
}

/** Figure 14 redrawn: statutory and preventative spending by year (net, £ billion in the prices of `prices`) and the preventative share. */
export function figure14Data(tables: Tables, years = s251Years(), definitionId = "all-non-statutory", prices = "2017-18"): { years: string[]; statutory: number[]; preventative: number[]; share: number[]; definition: PreventativeDefinition; sources: string[] } {
  const def = definition(definitionId);
  const s = deflators(tables);
  const ys = years.map((y) => shareYear(tables, y, def, "net"));
  return {
    years,
    statutory: ys.map((y) => bn(realTerms(y.statutory, y.year, prices, s))),
    preventative: ys.map((y) => bn(realTerms(y.preventative, y.year, prices, s))),
    share: ys.map((y) => y.preventativeShare),
    definition: def,
    sources: [...new Set(ys.map((y) => y.lines.total.src)), deflatorObs(tables, [prices])[0].src],
  };
}

/** The preventative share by year under every definition (net), and gross for the first definition. */
export function preventativeShares(tables: Tables, years = s251Years()): { definition: string; short: string; kind: "gross" | "net"; shares: number[] }[] {
  const out: { definition: string; short: string; kind: "gross" | "net"; shares: number[] }[] = PREVENTATIVE_DEFINITIONS.map((d) => ({ definition: d.label, short: d.short, kind: "net", shares: years.map((y) => shareYear(tables, y, d, "net").preventativeShare) }));
  const d0 = PREVENTATIVE_DEFINITIONS[0];
  out.push({ definition: d0.label, short: `${d0.short}, gross`, kind: "gross", shares: years.map((y) => shareYear(tables, y, d0, "gross").preventativeShare) });
  return out;
}

/** Overspending by year: LAs that overspent, England outturn minus budget, and the sum of overspends (£ million). */
export function overspendSeries(tables: Tables, years = overspendYears(tables)): { year: string; over: number; counted: number; share: number; england: number; sumOfOverspends: number; outturn: string }[] {
  return years.map((y) => {
    const o = overspendYear(tables, y, "first-release");
    return { year: y, over: o.over.length, counted: o.counted.length, share: o.share, england: mn(o.englandDiff), sumOfOverspends: mn(o.sumOfOverspends), outturn: o.outturnLabel };
  });
}

/** Years with both an RO3 outturn and an RA budget by LA. */
export function overspendYears(tables: Tables): string[] {
  const ro = new Set(tables.ro3().years("csNetExpenditure"));
  return tables.ra().years("csBudget").filter((y) => ro.has(y));
}
