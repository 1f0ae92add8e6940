import { DataError, source } from "../sources";
import { readCsv, RawTable } from "../readers";
import { cached } from "../cache";
import { Level, Obs, ObsTable, validateObs } from "../obs";
import { fromEes, fyFromEnd } from "./common";

/**
 * Children looked after (DfE, SSDA903 return): children looked after at 31 March, children who
 * started to be looked after in the year (all ages and aged 16 and over), rates per 10,000 children
 * and placements at 31 March, for England, regions and LAs.
 *
 * Several vintages sit side by side, each observation naming its file. Rows are kept in the order
 * the releases came out, so the first observation of a year is the figure as first published:
 * 1. the SFR "underlying data" CSVs, one release per year ending 31 March 2010 … 2019 (national
 *    counts rounded to the nearest 10; the 2010 files to the nearest 100). The 2018 and 2019 files
 *    repeat four earlier years (at 31 March, starters, rates) as revised in those releases. The
 *    2010 March file's placement values run in alphabetical code order, not in the order of its
 *    header (see placementLayout2010); CLA2018 and CLA2019 label their populations differently
 *    (see ratePopulations); SFR34_ADM2015 labels its starters column CLA_started2014;
 * 2. the Explore-education-statistics releases of 2021 (national only: the time series since 1994
 *    and the headline figures for 2018 to 2021, with the rate per 10,000 as a whole number; this
 *    release revised 31 March 2020), 2022, 2023 and 2024 (counts revised; from the 2023 release
 *    rates use Census-2021-based populations), including the national time series since 1994
 *    (numbers only: years "1993-94" = at 31 March 1994);
 * 3. PHE Fingertips' copy of DfE's rates (England and LAs, 31 March 2011-2018).
 *
 * Placements at 31 March (SFR columns; EES national "Placement" rows):
 * - claFoster: CLA_Fost (2010: codes Q1 + Q2), EES "1. Total foster placements";
 * - claSecureHomesSemiIndependent: CLA_Secure, DfE's category "secure units, children's homes and
 *   hostels" (2011-2017 files) / "… and semi-independent living accommodation" (2018 on): placement
 *   codes K1 (secure unit), K2 (children's home) and H5 (semi-independent / hostel); EES "5. Total
 *   secure units, children's homes and semi-independent living accommodation";
 * - claOtherResidential: CLA_Ores, "other residential settings": R1 residential care home, R2 NHS
 *   or medical/nursing establishment, R3 family centre or mother and baby unit, R5 young offender
 *   institution or prison; EES "6. Total other residential settings";
 * - claResidentialSchools: CLA_RSch (S1); EES "7. Total residential schools". Between 31 March
 *   2015 and 2016 the England count falls from 670 to 140 while CLA_Secure rises by 1,030: part of
 *   the residential-school placements moved to the children's-homes category;
 * - claResidential: the sum of those three columns, i.e. every placement in a residential setting
 *   (all categories except foster care, placed for adoption, placed with parents, other placements
 *   in the community, missing and other placements). It is the one definition that the 2015-16
 *   reclassification of residential schools does not break. Where an LA's component is suppressed
 *   the LA's sum is null with the marker kept.
 * The 2024 release changes the placement categories (secure and children's homes apart from
 * semi-independent and supported accommodation), so only its foster count is read.
 */

/** The measures of this table. */
export const CLA_MEASURES = [
  "claAt31March",
  "claStarted",
  "claStarted16Plus",
  "claStartedRate",
  "claRate",
  "claRatePopulation",
  "claFoster",
  "claSecureHomesSemiIndependent",
  "claOtherResidential",
  "claResidentialSchools",
  "claResidential",
];

/** Readable names of the measures, for explanations. */
export const CLA_LABELS: Record<string, string> = {
  claAt31March: "children looked after at 31 March",
  claStarted: "children who started to be looked after in the year",
  claStarted16Plus: "children who started to be looked after aged 16 and over",
  claStartedRate: "rate per 10,000 children of children starting to be looked after",
  claRate: "rate per 10,000 children of children looked after at 31 March",
  claRatePopulation: "population aged under 18 used for the rate of children looked after",
  claFoster: "children looked after at 31 March in foster placements",
  claSecureHomesSemiIndependent: "children looked after at 31 March in secure units, children's homes and semi-independent living",
  claOtherResidential: "children looked after at 31 March in other residential settings",
  claResidentialSchools: "children looked after at 31 March in residential schools",
  claResidential: "children looked after at 31 March in any residential setting (secure units, children's homes, semi-independent living, other residential settings, residential schools)",
};

/** The placement columns summed into claResidential, in the SFR files. */
export const RESIDENTIAL_COLUMNS = ["CLA_Secure", "CLA_Ores", "CLA_RSch"];

/** SFR underlying-data files by year (ending 31 March). */
export const CLA_SFR: { year: string; cla: string; adm: string }[] = [
  { year: "2009-10", cla: "cla-2010-sfr27-sfr27-2010-march", adm: "cla-2010-sfr27-sfr27-2010-started" },
  { year: "2010-11", cla: "cla-2011-sfr21-sfr21-cla", adm: "cla-2011-sfr21-sfe21-adm" },
  { year: "2011-12", cla: "cla-2012-sfr20-sfr20-cla2012", adm: "cla-2012-sfr20-sfr20-adm2012" },
  { year: "2012-13", cla: "cla-2013-sfr36-sfr36-cla2013", adm: "cla-2013-sfr36-sfr36-adm2013" },
  { year: "2013-14", cla: "cla-2014-sfr36-sfr36-cla2014", adm: "cla-2014-sfr36-sfr36-adm2014" },
  { year: "2014-15", cla: "cla-2015-sfr34-sfr34-cla2015", adm: "cla-2015-sfr34-sfr34-adm2015" },
  { year: "2015-16", cla: "cla-2016-sfr41-sfr41-cla2016", adm: "cla-2016-sfr41-sfr41-adm2016" },
  { year: "2016-17", cla: "cla-2017-sfr50-sfr50-cla2017", adm: "cla-2017-sfr50-sfr50-adm2017" },
  { year: "2017-18", cla: "cla-2018-cla2018", adm: "cla-2018-adm2018-amended" },
  { year: "2018-19", cla: "cla-2019-cla2019", adm: "cla-2019-adm2019" },
];

/** The 2021 release (November 2021), national files only. */
export const CLA_EES_2021 = {
  series: "cla-ees2021-data-1994-to-2021-children-looked-after-time-series-1994-2021",
  headline: "cla-ees2021-data-1994-to-2021-children-looked-after-2021-headline-figures",
} as const;

/** Explore-education-statistics files by release. */
export const CLA_EES = {
  "2022": {
    rates: "cla-ees2022-data-2018-to-2022-cla-number-and-rate-per-10k-children",
    series: "cla-ees2022-data-2018-to-2022-cla-time-series-1994-2022",
    started: "cla-ees2022-data-2018-to-2022-la-cla-who-started-to-be-looked-after",
    placements: "cla-ees2022-data-2018-to-2022-national-cla-on-31-march-by-characteristics",
  },
  "2023": {
    rates: "cla-ees2023-data-2019-to-2023-cla-number-and-rate-per-10k-children",
    series: "cla-ees2023-data-2019-to-2023-cla-time-series-1994-2023",
    started: "cla-ees2023-data-2019-to-2023-national-cla-started-to-be-looked-after",
    placements: "cla-ees2023-data-2019-to-2023-national-cla-on-31-march-by-characteristics",
  },
  "2024": {
    rates: "cla-ees2024-data-2020-to-2024-cla-number-and-rate-per-10k-children",
    series: "cla-ees2024-data-2020-to-2024-cla-time-series-1994-2024",
    started: "cla-ees2024-data-2020-to-2024-national-cla-started-to-be-looked-after",
    placements: "cla-ees2024-data-2020-to-2024-national-cla-on-31-march-by-characteristics",
  },
} as const;

/** PHE Fingertips copy of DfE's rates per 10,000 (indicator 90803). */
export const CLA_FINGERTIPS = "cla-derived-phe-fingertips-children-in-care";

/** Geographic level in the SFR files: National / NATIONAL, GOR / REGION, LA. */
export function sfrLevel(text: string): Level | undefined {
  const t = text.trim().toLowerCase();
  if (t === "national") return "national";
  if (t === "region" || t === "gor") return "regional";
  if (t === "la") return "la";
  return undefined;
}

interface GeoRow {
  r: number;
  level: Level;
  area: string;
  code: string;
  laCode?: string;
}

/** ONS codes of the two halves of London, which the SFR files list among the regions. */
const SUB_REGION_CODES: Record<string, string> = { "inner london": "E13000001", "outer london": "E13000002" };

/** The England, region and LA rows of an SFR file, with names and codes. */
function sfrGeography(t: RawTable): GeoRow[] {
  const cLevel = t.col("geog_l");
  const cCode = t.col("geog_c");
  const cName = t.col("geog_n");
  const cNew = t.has("New_geog_code") ? t.col("New_geog_code") : -1;
  const out: GeoRow[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const level = sfrLevel(t.text(r, cLevel));
    if (!level) continue;
    // the National row's geog_c is not England's code in every file: England is E92000001
    const name = t.text(r, cName);
    // files before 2019 give Inner and Outer London the code of London (E12000007)
    const ons = SUB_REGION_CODES[name.toLowerCase()] ?? (cNew >= 0 ? t.text(r, cNew) : "");
    const code = level === "national" ? "E92000001" : ons || t.text(r, cCode);
    out.push({ r, level, area: level === "national" ? "England" : name, code, ...(level === "la" ? { laCode: t.text(r, cCode) } : {}) });
  }
  if (!out.some((g) => g.level === "national")) throw new DataError(`${t.source.file}: no National row (geog_l)`, t.source.file);
  return out;
}

function cellObs(t: RawTable, g: GeoRow, c: number, measure: string, year: string, derivedFrom?: string): Obs {
  const cell = t.cell(g.r, c);
  return {
    measure, year, level: g.level, area: g.area, code: g.code, ...(g.laCode ? { laCode: g.laCode } : {}),
    value: cell.value, ...(cell.value === null ? { marker: cell.marker ?? cell.text ?? "" } : {}),
    src: t.source.id, row: t.rowNumbers[g.r], col: t.header[c], ...(derivedFrom ? { derivedFrom } : {}),
  };
}

/**
 * The sum of several observations of one row (one area): null, with the first marker found, when
 * any part is suppressed or missing — never a partial sum.
 */
export function sumObs(parts: Obs[], measure: string, how: string): Obs {
  const p0 = parts[0];
  const missing = parts.find((p) => p.value === null);
  const rows = [...new Set(parts.map((p) => p.row))];
  return {
    measure, year: p0.year, level: p0.level, area: p0.area, code: p0.code, ...(p0.laCode ? { laCode: p0.laCode } : {}),
    value: missing ? null : parts.reduce((s, p) => s + (p.value as number), 0),
    ...(missing ? { marker: missing.marker ?? "" } : {}),
    src: p0.src, ...(p0.sheet ? { sheet: p0.sheet } : {}), row: p0.row,
    col: [...new Set(parts.map((p) => p.col))].join(" + "),
    derivedFrom: `${rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.join(", ")}`} (${p0.area}): ${how}`,
  };
}

/** Reads one column (if the file has it) for every area of an SFR file. */
function sfrColumn(t: RawTable, geo: GeoRow[], column: string, measure: string, year: string, note?: string): Obs[] {
  if (!t.has(column)) return [];
  const c = t.col(column);
  return geo.map((g) => cellObs(t, g, c, measure, year, note ? `row ${t.rowNumbers[g.r]} (${g.area}); ${note}` : undefined));
}

/** The 4-digit years of columns named like `${prefix}2014`, sorted. */
function yearsOfColumns(t: RawTable, prefix: string): number[] {
  const re = new RegExp(`^${prefix}(\\d{4})$`, "i");
  return t.header.map((h) => re.exec(String(h).trim())).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1])).sort();
}

/** Placement columns of the SFR CLA files (2011-2019) and the measures they feed. */
const PLACEMENT_COLUMNS: Record<string, string> = {
  CLA_Fost: "claFoster",
  CLA_Secure: "claSecureHomesSemiIndependent",
  CLA_Ores: "claOtherResidential",
  CLA_RSch: "claResidentialSchools",
};

/** An SFR "CLA" file of 2011-2019: at 31 March (one or five years), rates and populations, placements. */
function sfrCla(year: string, id: string): Obs[] {
  const t = readCsv(id);
  const geo = sfrGeography(t);
  const out: Obs[] = [];
  const end = Number(year.slice(0, 4)) + 1;
  const marYears = yearsOfColumns(t, "CLA_Mar");
  if (!marYears.includes(end)) t.col(`CLA_Mar${end}`);
  for (const y of marYears) out.push(...sfrColumn(t, geo, `CLA_Mar${y}`, "claAt31March", fyFromEnd(y)));
  for (const y of yearsOfColumns(t, "CLA_Rate")) out.push(...sfrColumn(t, geo, `CLA_Rate${y}`, "claRate", fyFromEnd(y)));
  out.push(...ratePopulations(t, geo));
  const byRow = new Map<number, Obs[]>();
  for (const [column, measure] of Object.entries(PLACEMENT_COLUMNS)) {
    if (!t.has(column)) throw new DataError(`column "${column}" not found in ${t.source.file}; the placement breakdown at 31 March is expected in every CLA file from 2011`, t.source.file);
    for (const o of sfrColumn(t, geo, column, measure, year)) {
      out.push(o);
      if (measure !== "claFoster") byRow.set(o.row, [...(byRow.get(o.row) ?? []), o]);
    }
  }
  for (const parts of byRow.values()) out.push(sumObs(parts, "claResidential", RESIDENTIAL_COLUMNS.join(" + ")));
  return out;
}

/**
 * The populations behind the rates of the 2018 and 2019 files. Their labels differ: in CLA2018
 * `CLA_Pop2018` is the denominator of the rate at 31 March 2018, in CLA2019 `CLA_Pop2018` is the
 * mid-2018 estimate used for 31 March 2019. Which reading holds is decided from the England row:
 * the count divided by the population must give the published rate.
 */
function ratePopulations(t: RawTable, geo: GeoRow[]): Obs[] {
  const popYears = yearsOfColumns(t, "CLA_Pop");
  if (popYears.length === 0) return [];
  const nat = geo.find((g) => g.level === "national")!;
  const fits = (offset: number) => popYears.every((p) => {
    const y = p + offset;
    if (!t.has(`CLA_Mar${y}`) || !t.has(`CLA_Rate${y}`)) return true;
    const n = t.cell(nat.r, `CLA_Mar${y}`).value;
    const pop = t.cell(nat.r, `CLA_Pop${p}`).value;
    const rate = t.cell(nat.r, `CLA_Rate${y}`).value;
    return n === null || pop === null || rate === null || Math.abs((10000 * n) / pop - rate) <= 0.5 + 1e-9;
  }) && popYears.some((p) => t.has(`CLA_Rate${p + offset}`));
  const f0 = fits(0);
  const f1 = fits(1);
  if (f0 === f1) throw new DataError(`${t.source.file}: the CLA_Pop columns reproduce the CLA_Rate columns on the England row with ${f0 ? "both readings" : "neither reading"} of their years (same year, or the year before); cannot tell which`, t.source.file);
  const offset = f0 ? 0 : 1;
  const note = offset === 1 ? "the column is labelled with the mid-year of the estimate, the denominator of the rate at the following 31 March" : undefined;
  return popYears.flatMap((p) => sfrColumn(t, geo, `CLA_Pop${p}`, "claRatePopulation", fyFromEnd(p + offset), note));
}

/** An SFR "ADM" file (children who started to be looked after) of 2011-2019. */
function sfrAdm(year: string, id: string): Obs[] {
  const t = readCsv(id);
  const geo = sfrGeography(t);
  const out: Obs[] = [];
  const end = Number(year.slice(0, 4)) + 1;
  const started = yearsOfColumns(t, "CLA_started");
  if (started.length === 1 && started[0] !== end) {
    // SFR34_ADM2015 labels its only starters column CLA_started2014: the file is the year ending 31 March 2015
    out.push(...sfrColumn(t, geo, `CLA_started${started[0]}`, "claStarted", year, `the column is labelled ${started[0]} but this file covers the year ending 31 March ${end}`));
  } else {
    if (!started.includes(end)) t.col(`CLA_started${end}`);
    for (const y of started) out.push(...sfrColumn(t, geo, `CLA_started${y}`, "claStarted", fyFromEnd(y)));
  }
  for (const y of yearsOfColumns(t, "Started_CLA_Rate")) out.push(...sfrColumn(t, geo, `Started_CLA_Rate${y}`, "claStartedRate", fyFromEnd(y)));
  t.col("SCLA_16over");
  out.push(...sfrColumn(t, geo, "SCLA_16over", "claStarted16Plus", year));
  return out;
}

/** Placement codes of the 2010 files, as the SSDA903 return defines them. */
export const PLACEMENT_CODES_2010: Record<string, string> = {
  A3: "placed for adoption", A4: "placed for adoption", A5: "placed for adoption", A6: "placed for adoption",
  H5: "semi-independent living / hostel", K1: "secure unit", K2: "children's home",
  M1: "missing", M2: "missing", M3: "missing",
  P1: "placed with parents", P2: "independent living", P3: "residential employment",
  Q1: "foster placement with relative or friend", Q2: "foster placement with other foster carer",
  R1: "residential care home", R2: "NHS / medical or nursing care", R3: "family centre or mother and baby unit", R5: "young offender institution or prison",
  S1: "residential school", Z1: "other placement",
};

/** Groups of 2010 placement codes summed into the measures of later years. */
const GROUPS_2010: Record<string, string[]> = {
  claFoster: ["Q1", "Q2"],
  claSecureHomesSemiIndependent: ["K1", "K2", "H5"],
  claOtherResidential: ["R1", "R2", "R3", "R5"],
  claResidentialSchools: ["S1"],
};

/**
 * Which placement code each value column of a 2010 placement file holds.
 *
 * The 2010 March file's header lists the codes in one order (Q1, Q2, A3, …) but its values run in
 * alphabetical code order (A3, A4, A5, A6, H5, K1, …). Both readings are tried on the England row;
 * the one where foster care (Q1 + Q2) is between 55% and 90% of the total is taken (foster care was
 * 74% of children looked after at 31 March 2011). If neither or both readings pass, the file is
 * refused: the caller is told which file and why.
 *
 * @returns for each code, the index of the column holding its values and the header over that column
 */
export function placementLayout2010(t: RawTable, prefix: string, totalColumn: string): { order: "header" | "alphabetical"; columns: Record<string, { index: number; heading: string }> } {
  const re = new RegExp(`^${prefix}_([A-Z]\\d)_\\d{4}$`);
  const cols = t.header.map((h, i) => ({ i, m: re.exec(String(h).trim()) })).filter((x) => x.m !== null).map((x) => ({ index: x.i, code: x.m![1] }));
  if (cols.length === 0) throw new DataError(`${t.source.file}: no placement columns named ${prefix}_<code>_<year>`, t.source.file);
  const unknown = cols.filter((c) => !(c.code in PLACEMENT_CODES_2010));
  if (unknown.length) throw new DataError(`${t.source.file}: unknown placement codes ${unknown.map((c) => c.code).join(", ")}`, t.source.file);
  const positions = cols.map((c) => c.index);
  const headerOrder = cols.map((c) => c.code);
  const alphabetical = [...headerOrder].sort();
  const geo = sfrGeography(t);
  const nat = geo.find((g) => g.level === "national")!;
  const total = t.cell(nat.r, totalColumn).value;
  if (total === null || total <= 0) throw new DataError(`${t.source.file}: the England total (${totalColumn}) is missing`, t.source.file);
  const fosterShare = (codes: string[]) => {
    let s = 0;
    for (const q of ["Q1", "Q2"]) {
      const v = t.cell(nat.r, positions[codes.indexOf(q)]).value;
      if (v !== null) s += v;
    }
    return s / total;
  };
  const ok = (codes: string[]) => { const f = fosterShare(codes); return f >= 0.55 && f <= 0.9; };
  const h = ok(headerOrder);
  const a = ok(alphabetical);
  if (h === a) {
    throw new DataError(`${t.source.file}: cannot tell the order of the placement columns: foster care (Q1 + Q2) is ${(100 * fosterShare(headerOrder)).toFixed(0)}% of the England total read in header order and ${(100 * fosterShare(alphabetical)).toFixed(0)}% read in alphabetical code order; exactly one reading should give 55-90%`, t.source.file);
  }
  const codes = h ? headerOrder : alphabetical;
  const columns: Record<string, { index: number; heading: string }> = {};
  codes.forEach((code, k) => { columns[code] = { index: positions[k], heading: t.header[positions[k]] }; });
  return { order: h ? "header" : "alphabetical", columns };
}

/** The 2010 March file: total at 31 March 2010 and placements (codes summed to the later categories). */
export function sfr2010March(id: string, year = "2009-10"): Obs[] {
  const t = readCsv(id);
  const geo = sfrGeography(t);
  const out: Obs[] = [];
  const total = t.colOf("MarTotal_2010").name;
  out.push(...sfrColumn(t, geo, total, "claAt31March", year));
  const layout = placementLayout2010(t, "MarPlace", total);
  const where = (code: string) => {
    const c = layout.columns[code];
    return layout.order === "alphabetical" ? `${code} (column ${c.index + 1}, headed ${c.heading})` : `${code} (${c.heading})`;
  };
  const orderNote = layout.order === "alphabetical" ? "; the file's values run in alphabetical code order, not in the order of its header" : "";
  for (const g of geo) {
    const parts = (codes: string[]) => codes.map((code) => cellObs(t, g, layout.columns[code].index, code, year));
    const comps: Obs[] = [];
    for (const [measure, codes] of Object.entries(GROUPS_2010)) {
      const o = sumObs(parts(codes), measure, `placement codes ${codes.map(where).join(" + ")}${orderNote}`);
      o.col = codes.map((c) => `MarPlace_${c}_2010`).join(" + ");
      out.push(o);
      if (measure !== "claFoster") comps.push(o);
    }
    const res = sumObs(parts(["K1", "K2", "H5", "R1", "R2", "R3", "R5", "S1"]), "claResidential", `placement codes ${["K1", "K2", "H5", "R1", "R2", "R3", "R5", "S1"].map(where).join(" + ")}${orderNote}`);
    res.col = comps.map((c) => c.col).join(" + ");
    out.push(res);
  }
  return out;
}

/** The 2010 Started file: children who started to be looked after in 2009-10 (no age breakdown). */
function sfr2010Started(id: string, year = "2009-10"): Obs[] {
  const t = readCsv(id);
  const geo = sfrGeography(t);
  return sfrColumn(t, geo, t.colOf("StartTotal_2010").name, "claStarted", year);
}

/** Rows of an EES file whose column equals a value (case and spacing folded). */
function where(t: RawTable, column: string, value: string): (r: number) => boolean {
  const c = t.col(column);
  const fold = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
  const want = fold(value);
  return (r) => fold(t.text(r, c)) === want;
}

function both(...preds: ((r: number) => boolean)[]): (r: number) => boolean {
  return (r) => preds.every((p) => p(r));
}

/** Fails when a filter that should select rows selects none (a renamed category). */
function nonEmpty(obs: Obs[], t: RawTable, what: string): Obs[] {
  if (obs.length === 0) throw new DataError(`${t.source.file}: no rows for ${what}`, t.source.file);
  return obs;
}

/** EES placement rows used, by measure; the 2024 release changed every category but foster care. */
const EES_PLACEMENTS: Record<string, string> = {
  claFoster: "1. Total foster placements",
  claSecureHomesSemiIndependent: "5. Total secure units, children's homes and semi-independent living accommodation",
  claOtherResidential: "6. Total other residential settings",
  claResidentialSchools: "7. Total residential schools",
};

function eesObs(release: "2022" | "2023" | "2024"): Obs[] {
  const f = CLA_EES[release];
  const out: Obs[] = [];
  const rates = readCsv(f.rates);
  out.push(...nonEmpty(fromEes(rates, { claAt31March: "number", claRate: "rate_per_10000", claRatePopulation: "population_estimate" }, { filter: where(rates, "population_count", "Children looked after at 31 March each year") }), rates, "children looked after at 31 March"));
  out.push(...nonEmpty(fromEes(rates, { claStarted: "number", claStartedRate: "rate_per_10000" }, { filter: where(rates, "population_count", "Children starting to be looked after each year") }), rates, "children starting to be looked after"));
  const series = readCsv(f.series);
  out.push(...nonEmpty(fromEes(series, { claAt31March: "number" }, { filter: where(series, "population_count", "Children looked after at 31 March") }), series, "children looked after at 31 March"));
  out.push(...nonEmpty(fromEes(series, { claStarted: "number" }, { filter: where(series, "population_count", "Children starting to be looked after during the year") }), series, "children starting to be looked after"));
  const started = readCsv(f.started);
  const ageGroup = release === "2022" ? "Age group" : "Age on starting";
  out.push(...nonEmpty(fromEes(started, { claStarted16Plus: "number" }, { filter: both(where(started, "cla_group", ageGroup), where(started, "characteristic", "16 years and over")) }), started, `${ageGroup} "16 years and over"`));
  const pl = readCsv(f.placements);
  const isPlacement = where(pl, "cla_group", "Placement");
  const comps = new Map<string, Obs[]>();
  for (const [measure, label] of Object.entries(EES_PLACEMENTS)) {
    if (release === "2024" && measure !== "claFoster") continue;
    for (const o of nonEmpty(fromEes(pl, { [measure]: "number" }, { filter: both(isPlacement, where(pl, "characteristic", label)) }), pl, `placement "${label}"`)) {
      out.push(o);
      if (measure !== "claFoster") comps.set(o.year, [...(comps.get(o.year) ?? []), o]);
    }
  }
  for (const parts of comps.values()) out.push(sumObs(parts, "claResidential", "placement rows 5 + 6 + 7 (secure units, children's homes and semi-independent living; other residential settings; residential schools)"));
  return out;
}

/**
 * The 2021 release: the national time series (children looked after at 31 March and starting in
 * the year, 1994 to 2021) and the headline file (the same two counts and the rate per 10,000 at 31
 * March, a whole number, 2018 to 2021).
 */
export function ees2021Obs(): Obs[] {
  const out: Obs[] = [];
  const series = readCsv(CLA_EES_2021.series);
  out.push(...nonEmpty(fromEes(series, { claAt31March: "number" }, { filter: where(series, "population_count", "Children looked after at 31 March") }), series, "children looked after at 31 March"));
  out.push(...nonEmpty(fromEes(series, { claStarted: "number" }, { filter: where(series, "population_count", "Children starting to be looked after during the year") }), series, "children starting to be looked after"));
  const head = readCsv(CLA_EES_2021.headline);
  out.push(...nonEmpty(fromEes(head, { claAt31March: "cla_31_march", claStarted: "cla_starting", claRate: "cla_march_rate" }), head, "the national headline rows"));
  return out;
}

/** PHE Fingertips' rates per 10,000 (England and LAs; 31 March 2011-2018). */
function fingertipsObs(): Obs[] {
  const t = readCsv(CLA_FINGERTIPS);
  const cCode = t.col("area_code");
  const cName = t.col("area_name");
  const cPeriod = t.col("period");
  const cValue = t.col("value");
  const out: Obs[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const code = t.text(r, cCode);
    const level: Level | undefined = code === "E92000001" ? "national" : /^E(06|08|09|10)/.test(code) ? "la" : undefined;
    if (!level) continue; // E47: combined authorities
    const cell = t.cell(r, cValue);
    out.push({
      measure: "claRate", year: fyFromEnd(t.text(r, cPeriod)), level, area: level === "national" ? "England" : t.text(r, cName), code,
      value: cell.value, ...(cell.value === null ? { marker: cell.marker ?? cell.text ?? "" } : {}),
      src: t.source.id, row: t.rowNumbers[r], col: t.header[cValue],
    });
  }
  return out;
}

/** Source ids of every file the table reads, in release order. */
export function claSourceIds(): string[] {
  return [
    ...CLA_SFR.flatMap((s) => [s.cla, s.adm]),
    CLA_EES_2021.series,
    CLA_EES_2021.headline,
    ...(["2022", "2023", "2024"] as const).flatMap((r) => Object.values(CLA_EES[r])),
    CLA_FINGERTIPS,
  ];
}

/** Builds the table from the files (no cache). */
export function buildClaRows(): Obs[] {
  const rows: Obs[] = [];
  for (const s of CLA_SFR) {
    if (s.year === "2009-10") {
      rows.push(...sfr2010March(s.cla, s.year), ...sfr2010Started(s.adm, s.year));
    } else {
      rows.push(...sfrCla(s.year, s.cla), ...sfrAdm(s.year, s.adm));
    }
  }
  rows.push(...ees2021Obs());
  for (const r of ["2022", "2023", "2024"] as const) rows.push(...eesObs(r));
  rows.push(...fingertipsObs());
  return validateObs(rows, "children-looked-after table");
}

let memo: ObsTable | undefined;

/** The children-looked-after table (cached by the files' sha256). */
export function claTable(): ObsTable {
  if (memo) return memo;
  memo = new ObsTable(cached("cla", 2, claSourceIds().map(source), buildClaRows));
  return memo;
}

/** Forgets the in-process copy (tests). */
export function resetClaTable(): void {
  memo = undefined;
}
