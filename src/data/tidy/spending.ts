import { DataError, Source, source } from "../sources";
import { RawTable, readCsv, readGrid, readSheet } from "../readers";
import { parseCell } from "../markers";
import { cached } from "../cache";
import { Obs, ObsTable, validateObs } from "../obs";
import { fromEes, fyFromEnd } from "./common";
import type { DeflatorPoint } from "./spending-deflator";
import { ABOLISHED_2009, localAuthorities } from "../la";

/**
 * Local-authority spending on children's services in England: tidy tables from MHCLG's revenue
 * outturn (RO3) and revenue account budgets (RA), DfE's section 251 outturn (Table A1, line by
 * line), HM Treasury's GDP deflators, and the placement counts and unit costs needed to put spending
 * per child. Every observation keeps the file, sheet, row and column it came from; England figures
 * of the s251 files, which have no England row, are sums of the 152 LA rows (`derivedFrom` says which).
 *
 * Measures (values in the unit of their file — see `UNIT_OF_SOURCE` and `inPounds`):
 *
 * MHCLG revenue outturn RO3, £ thousand, England + upper-tier LAs, 2010-11 … 2019-20
 * - `csNetExpenditure`     total children's social care, net current expenditure (RO3 line "TOTAL
 *                          CHILDREN SOCIAL CARE", C7; 2010-11: sum of the three children's lines)
 * - `csGrossExpenditure`   the same, total expenditure (C3) — where the NCE sheet carries it (not 2013-14)
 * - `csClaNetExpenditure`  children looked after line, net current expenditure (2011-12 on)
 * LA rows carry ONS codes: the files before 2014-15 have E-codes only, mapped through the later
 * files; a later file's code is kept where an earlier one disagrees (a slip: see ro3Year).
 *
 * MHCLG revenue outturn summary RS 2017-18 as first published (2018), £ thousand, England + upper-tier LAs
 * - `rsCsNetExpenditure`   children social care (line 330), net current expenditure: the 2017-18
 *                          outturn as it stood before the revised RO3 file (codes as the file writes them)
 *
 * MHCLG revenue account budgets RA, £ thousand (budgeted net current expenditure), 2010-11 … 2019-20
 * - `csBudget`             total children's social care (line 330; 2010-11 and 2011-12: sum of the children's lines)
 * - `claBudget`            children looked after (line 313; 2012-13 on)
 * - `csBudget:<line>`      other children's lines: sureStart (310), otherChildrenFamilies (315),
 *                          familySupport (322), youthJustice (323), safeguarding (325, 2014-15 on),
 *                          asylum (326), youngPeople (327, 2014-15 on)
 * LA rows carry ONS codes (the files before 2017-18 have E-codes only, mapped through the later files).
 *
 * DCSF section 52 (2008-09) and section 251 (2009-10) outturn, Table A1, £, LA rows and England
 * sums (150 LAs in 2008-09, 152 in 2009-10), as published; measures `s251:<line>:gross|net` for the
 * lines whose definition matches the later years' names (see S251_EARLY_LINES; no Sure Start line,
 * no social work line) and four lines of these years only: `childProtection` (LA functions in
 * relation to child protection), `preventative` (preventative services), `asylum` (2008-09: total
 * asylum seeker services, outside children looked after; from 2009-10 asylum lines sit inside it)
 * and `childTrustFund` (Child Trust Fund top ups).
 *
 * DfE section 251 outturn, £ (LA files) or £ million (the EES files), 2010-11 … 2018-19 as first
 * published; the 2021-22 EES release (England, every line, 2015-16 … 2021-22) and the 2019-20 EES
 * release (`s251:total:gross` only, England, regions and LAs, 2014-15 … 2019-20) carry later revisions
 * - `s251:<line>:gross`    TotalExpenditure; `s251:<line>:net` NetCurrentExpenditure, with <line>:
 *   `total` (children and young people's services excl. CERA), `cla` (total children looked after),
 *   `residential` (residential care), `fostering` (fostering services; 2018-19 = 3.1.2a + 3.1.2b),
 *   `socialWork` (social work incl. LA functions in relation to child protection; 2012-13 on),
 *   `safeguarding` (total safeguarding children and young people's services; 2012-13 on),
 *   `sureStart` (total Sure Start children's centres and early years), `sureStartCentres` (spend on
 *   individual centres), `familySupport`, `youngPeople`, `youthJustice`, `otherChildrenFamilies`,
 *   `fosteringExclFees` and `fosteringFees` (2018-19: lines 3.1.2a and 3.1.2b);
 *   and for 2010-11 and 2011-12 only, whose lines differ: `cypSafety` (total children and young
 *   people's safety; in 2011-12 it includes commissioning and social work, in 2010-11 it does not),
 *   `commissioningSocialWork` (commissioning and social work); and the lines of S251_EXTRA_LINES:
 *   `adoption`, `specialGuardianship` (every year), `strategy`, `otherChildrenFamiliesLine`
 *   (2010-11 and 2011-12), `childTrustFund` (2010-11).
 *
 * HM Treasury GDP deflator (March 2020), England row
 * - `gdpDeflator`          index, 2018-19 = 100 (null, marker "-", for forecast years)
 * - `gdpDeflatorGrowth`    per cent change on the previous year (outturn and OBR forecast)
 *
 * DfE SSDA903 (children looked after, year ending 31 March 2018), counts rounded to 10 nationally
 * - `placements:all:at31March`, `placements:all:duringYear` (looked after at any time in the year),
 *   `placements:foster:at31March`, `placements:secureHomesSemiIndependent:at31March` (secure units,
 *   children's homes and semi-independent living), `placements:otherResidential:at31March`,
 *   `placements:residentialSchools:at31March`
 *
 * DfE LAIT s251 unit costs, England, £ per child per week (rounded to £5)
 * - `unitCost:residential:weekly` (residential care spend ÷ residential care days × 7),
 *   `unitCost:fostering:weekly` (fostering spend ÷ foster placements at 31 March ÷ 365 × 7)
 */

// ---------------------------------------------------------------------------------------------
// Sources

/** RO3 files and the sheet holding children's social care net current expenditure. */
export const RO3_FILES: Record<string, { id: string; sheet: string }> = {
  "2010-11": { id: "revenue-outturn-ro3-data-2010-11-by-la-27-nov-2012-v2-2", sheet: "RO3 LA Data 2010-11" },
  "2011-12": { id: "revenue-outturn-ro3-data-2011-12-by-la-revised-28-nov-2013-2", sheet: "RO3 LA Data 2011-12" },
  "2012-13": { id: "revenue-outturn-ro3-data-2012-13-by-la-revised-18-feb-2014", sheet: "RO3 LA Data 2012-13" },
  "2013-14": { id: "ro3-2013-14-revision", sheet: "RO3 LA Data 2013-14 (3)" },
  "2014-15": { id: "ro3-2014-15-revision", sheet: "RO3 LA Data 2014-15 (1)" },
  "2015-16": { id: "ro3-2015-16-data-by-la-revision", sheet: "RO3 LA Data 2015-16" },
  "2016-17": { id: "ro3-2016-17-data-by-la", sheet: "RO3 LA Data 2016-17" },
  "2017-18": { id: "ro3-2017-18-data-by-la-revised", sheet: "RO3 LA Data 2017-18" },
  "2018-19": { id: "ro3-2018-19-data-by-la", sheet: "RO3 LA Data 2018-19" },
  "2019-20": { id: "ro3-2019-20-data-by-la", sheet: "RO3_LA_Data_2019-20" },
};

/** RA budget files and the sheet of budgeted net current expenditure. */
export const RA_FILES: Record<string, { id: string; sheet: string }> = {
  "2010-11": { id: "ra-budget-10-11-budget", sheet: "RA LA Data 2010-11 (1)" },
  "2011-12": { id: "ra-budget-11-12-budget", sheet: "RA LA Data 2011-12 (1)" },
  "2012-13": { id: "ra-budget-12-13-budget", sheet: "RA LA Data 2012-13 (1)" },
  "2013-14": { id: "ra-budget-13-14-budget", sheet: "RA LA Data 2013-14 (1)" },
  "2014-15": { id: "ra-budget-14-15-budget", sheet: "RA LA Data 2014-15 (1)" },
  "2015-16": { id: "ra-budget-15-16-budget", sheet: "RA LA Data 2015-16 (1)" },
  "2016-17": { id: "ra-budget-16-17-budget", sheet: "RA LA Data 2016-17" },
  "2017-18": { id: "ra-budget-17-18-budget", sheet: "RA LA Data 2017-18" },
  "2018-19": { id: "ra-budget-18-19-budget", sheet: "RA LA Data 2018-19" },
  "2019-20": { id: "ra-budget-19-20-budget", sheet: "RA LA Data 2019-20" },
};

/** s251 outturn LA files: CSVs (2010-11 … 2013-14, latin-1) and Table A1 workbooks (2014-15 … 2018-19). */
export const S251_FILES: Record<string, { id: string; sheet?: string }> = {
  "2010-11": { id: "s251-outturn-1011" },
  "2011-12": { id: "s251-outturn-1112" },
  "2012-13": { id: "s251-outturn-1213" },
  "2013-14": { id: "s251-outturn-1314" },
  "2014-15": { id: "s251-s251ye2015", sheet: "Sheet1" },
  "2015-16": { id: "s251-s251ye2016", sheet: "Table_A1" },
  "2016-17": { id: "s251-s251ye2017", sheet: "Table_A1" },
  "2017-18": { id: "s251-s251ye2018", sheet: "Table A1" },
  "2018-19": { id: "s251-s251ye2019", sheet: "Table A1" },
};

/** Section 52 / 251 outturn Table A1 workbooks of 2008-09 and 2009-10 (£), and the CSV copies made of them by a third party. */
export const S251_EARLY_FILES: Record<string, { id: string; csv: string }> = {
  "2008-09": { id: "s251-dcsf-s251-outturn-table-a1-2008-09", csv: "s251-dcsf-outturn-0809" },
  "2009-10": { id: "s251-dcsf-s251-outturn-table-a1-2009-10", csv: "s251-dcsf-outturn-0910" },
};

/** England-only s251 lines of the 2021-22 EES release (£ million; 2017-18 carries the Newcastle revision). */
export const S251_EES_NATIONAL = "s251-ees-2021-22-s251-childrens-young-peoples-services-national3";
/** LA, regional and England totals of children and young people's services (gross, £ million) in the 2019-20 EES release, 2014-15 … 2019-20 (later revisions included). */
export const S251_HIGHLIGHTS = "s251-ees-2019-20-cfr-s251-highlightssummary-v1-2";
/** MHCLG revenue outturn summary (RS) 2017-18 as first published, and its LA sheet. */
export const RS_2017_18 = { id: "rs-rs-2017-18-data-by-la", sheet: "RS LA Data 2017-18" };
export const DEFLATOR_SOURCE = "spending-deflators-gdp-deflators-budget-march-2020-update";
export const DEFLATOR_SHEET = "11032020 deflator update";
export const PLACEMENTS_SOURCE = "cla-2018-cla2018";
export const LAIT_FINANCE_SOURCE = "s251-lait-derived-lait-bds-long-extract-s251-finance";

/** Pounds per unit of each source's money values. */
export const UNIT_OF_SOURCE: Record<string, number> = {
  ...Object.fromEntries(Object.values(RO3_FILES).map((f) => [f.id, 1000])),
  ...Object.fromEntries(Object.values(RA_FILES).map((f) => [f.id, 1000])),
  ...Object.fromEntries(Object.values(S251_FILES).map((f) => [f.id, 1])),
  ...Object.fromEntries(Object.values(S251_EARLY_FILES).map((f) => [f.id, 1])),
  [RS_2017_18.id]: 1000,
  [S251_EES_NATIONAL]: 1e6,
  [S251_HIGHLIGHTS]: 1e6,
  [LAIT_FINANCE_SOURCE]: 1,
};

/** A money observation in pounds (its value times the unit of its source); null stays null. */
export function inPounds(o: Obs): number | null {
  const u = UNIT_OF_SOURCE[o.src];
  if (u === undefined) throw new DataError(`${o.src} is not a money source of the spending tables (measure ${o.measure})`);
  return o.value === null ? null : o.value * u;
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * The grid of one sheet. The file's sha256 is verified first (as the readers do); the workbook is
 * read without formatted cell text and in dense mode, which parses these wide MHCLG sheets two to
 * three times faster (old .xls files are parsed whole whatever `sheets` asks).
 */
function sheetGrid(id: string, sheet: string): { grid: unknown[][]; source: Source } {
  // only the sheet needed, in dense mode without formatted text: these wide MHCLG sheets parse 2-3 times faster
  const { grid, source: s } = readGrid(id, sheet, { sheets: [sheet], dense: true });
  return { grid, source: s };
}

const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v).replace(/\s+/g, " ").trim());

/** Lower case, apostrophes dropped, spaces folded: how line names are compared. */
export function normLabel(v: unknown): string {
  return text(v).toLowerCase().replace(/['’`]/g, "").replace(/\s+/g, " ").trim();
}

/** MHCLG classes of the upper-tier (children's services) authorities: unitaries, metropolitan districts, London boroughs, shire counties. */
const UPPER_TIER = new Set(["UA", "MD", "L", "LB", "SC"]);

/**
 * The rows of an MHCLG sheet below its header that a children's services table needs: the upper-tier
 * authorities (E-code present, class UA/MD/L/LB/SC) and the first ENGLAND row.
 */
function* upperTierRows(grid: unknown[][], header: number, cName: number, cClass: number): Generator<{ r: number; row: unknown[]; name: string; ecode: string; national: boolean }> {
  let sawEngland = false;
  for (let r = header + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const name = text(row[cName]);
    const ecode = text(row[0]);
    const national = /^england$/i.test(name);
    if (!national && !(ecode !== "" && UPPER_TIER.has(text(row[cClass])))) continue;
    if (national) {
      if (sawEngland) continue;
      sawEngland = true;
    }
    yield { r, row, name, ecode, national };
  }
}

function cellObs(base: Omit<Obs, "value" | "marker">, raw: unknown): Obs {
  const c = parseCell(raw);
  return { ...base, value: c.value, ...(c.value === null ? { marker: c.marker ?? c.text ?? "" } : {}) };
}

/** Sum of several cells: null (with the first marker) when any is missing. */
function sumCells(raws: unknown[]): { value: number | null; marker?: string } {
  let s = 0;
  for (const r of raws) {
    const c = parseCell(r);
    if (c.value === null) return { value: null, marker: c.marker ?? c.text ?? "" };
    s += c.value;
  }
  return { value: s };
}

function findRow(grid: unknown[][], what: string, file: string, pred: (r: unknown[]) => boolean, from = 0, to = grid.length): number {
  for (let i = from; i < Math.min(to, grid.length); i++) if (pred(grid[i] ?? [])) return i;
  throw new DataError(`${file}: no ${what}`, file);
}

function oneCol(cols: number[], what: string, where: string, file: string): number {
  if (cols.length === 1) return cols[0];
  throw new DataError(`${where}: ${cols.length === 0 ? "no column" : `${cols.length} columns`} for ${what}${cols.length ? ` (columns ${cols.map((c) => c + 1).join(", ")})` : ""}`, file);
}

// ---------------------------------------------------------------------------------------------
// RO3: children's social care outturn

/** E-code → ONS code, from the RO3 files that carry both (2014-15 on), for the earlier files that do not. */
function ro3Year(year: string, ecodeToOns: Map<string, string>): Obs[] {
  const { id, sheet } = RO3_FILES[year];
  const { grid, source: s } = sheetGrid(id, sheet);
  const where = `${s.file} (sheet "${sheet}")`;
  const h = findRow(grid, `header row starting "E-code" in sheet "${sheet}"`, s.file, (r) => text(r[0]) === "E-code");
  const lab = (() => {
    for (let i = h - 1; i >= 0; i--) if ((grid[i] ?? []).some((c) => /children/i.test(text(c)))) return i;
    throw new DataError(`${where}: no row of service labels above the header row ${h + 1}`, s.file);
  })();
  const header = (grid[h] ?? []).map((c) => normLabel(c));
  const labels: string[] = [];
  let cur = "";
  for (let j = 0; j < header.length; j++) {
    const v = normLabel(grid[lab]?.[j]);
    if (v !== "") cur = v;
    labels[j] = cur;
  }
  // the label cell sits over the first column of its block
  const firstOfBlock = (j: number) => { let k = j; while (k > 0 && labels[k - 1] === labels[j]) k--; return k; };
  const colName = (j: number) => `${text(grid[lab]?.[firstOfBlock(j)])} / ${text(grid[h][j])}`;
  const isNce = (j: number) => header[j].startsWith("net current expenditure");
  const isGross = (j: number) => header[j].startsWith("total expenditure");
  const cols = header.map((_, j) => j);
  const cName = oneCol(cols.filter((j) => header[j] === "local authority"), `"Local authority"`, where, s.file);
  const cClass = oneCol(cols.filter((j) => header[j] === "class"), `"Class"`, where, s.file);
  const onsCols = cols.filter((j) => header[j] === "ons code");
  const cOns = onsCols.length ? onsCols[0] : -1;
  const specs: { measure: string; cols: number[] }[] = [];
  if (year === "2010-11") {
    const kids = cols.filter((j) => isNce(j) && /^(social care strategy - children|childrens and families services)/.test(labels[j]));
    if (kids.length !== 3) throw new DataError(`${where}: expected 3 children's social care net current expenditure columns, found ${kids.length}`, s.file);
    specs.push({ measure: "csNetExpenditure", cols: kids });
    const kidsG = cols.filter((j) => isGross(j) && /^(social care strategy - children|childrens and families services)/.test(labels[j]));
    if (kidsG.length === 3) specs.push({ measure: "csGrossExpenditure", cols: kidsG });
  } else {
    const total = (j: number) => /^total childrens? social care/.test(labels[j]);
    specs.push({ measure: "csNetExpenditure", cols: [oneCol(cols.filter((j) => total(j) && isNce(j)), "total children's social care net current expenditure", where, s.file)] });
    const g = cols.filter((j) => total(j) && isGross(j));
    if (g.length === 1) specs.push({ measure: "csGrossExpenditure", cols: g });
    specs.push({ measure: "csClaNetExpenditure", cols: [oneCol(cols.filter((j) => /children looked after/.test(labels[j]) && isNce(j)), "children looked after net current expenditure", where, s.file)] });
  }
  const out: Obs[] = [];
  let sawEngland = false;
  for (const { r, row, name, ecode, national } of upperTierRows(grid, h, cName, cClass)) {
    if (national) sawEngland = true;
    let code = national ? "E92000001" : cOns >= 0 ? text(row[cOns]) : ecodeToOns.get(ecode) ?? "";
    if (!national && cOns >= 0 && code !== "") {
      // A file's ONS code that differs from the one the later files give the same E-code is a slip in
      // that file (2015-16 gives North Yorkshire, E2721, the code E10000022, which no authority has):
      // the later files' code is kept, so that LAs can be matched across years and with the budgets.
      // The authorities created in 2019 have new E-codes, so they are not affected.
      const known = ecodeToOns.get(ecode);
      if (known !== undefined && known !== code) code = known;
      else ecodeToOns.set(ecode, code);
    }
    if (code === "") code = ecode;
    for (const sp of specs) {
      const v = sumCells(sp.cols.map((c) => row[c]));
      out.push({
        measure: sp.measure, year, level: national ? "national" : "la", area: national ? "England" : name, code,
        value: v.value, ...(v.value === null ? { marker: v.marker ?? "" } : {}),
        src: id, sheet, row: r + 1,
        col: sp.cols.length === 1 ? colName(sp.cols[0]) : `sum of ${sp.cols.map((c) => colName(c)).join(" + ")}`,
      });
    }
  }
  if (!sawEngland) throw new DataError(`${where}: no ENGLAND row`, s.file);
  return out;
}

function ro3Build(): Obs[] {
  const map = new Map<string, string>();
  const years = Object.keys(RO3_FILES).sort();
  // later files first, so their ONS codes are known when the earlier ones are read
  const parts = [...years].reverse().map((y) => ro3Year(y, map));
  return parts.reverse().flat();
}

/**
 * RS 2017-18 as first published: children social care (line 330) net current expenditure, England
 * and upper-tier LAs. LA codes are kept as the file writes them (it gives North Yorkshire E10000022).
 */
function rsBuild(): Obs[] {
  const { id, sheet } = RS_2017_18;
  const { grid, source: s } = sheetGrid(id, sheet);
  const where = `${s.file} (sheet "${sheet}")`;
  const h = findRow(grid, `header row starting "E-code" in sheet "${sheet}"`, s.file, (r) => text(r[0]) === "E-code");
  const header = (grid[h] ?? []).map((c) => normLabel(c));
  const cols = header.map((_, j) => j);
  const cName = oneCol(cols.filter((j) => header[j] === "local authority"), `"Local authority"`, where, s.file);
  const cClass = oneCol(cols.filter((j) => header[j] === "class"), `"Class"`, where, s.file);
  const cOns = oneCol(cols.filter((j) => header[j] === "ons code"), `"ONS Code"`, where, s.file);
  const cCsc = oneCol(cols.filter((j) => header[j] === "children social care"), `"Children Social Care"`, where, s.file);
  const out: Obs[] = [];
  let sawEngland = false;
  for (const { r, row, name, ecode, national } of upperTierRows(grid, h, cName, cClass)) {
    if (national) sawEngland = true;
    out.push(cellObs({
      measure: "rsCsNetExpenditure", year: "2017-18", level: national ? "national" : "la", area: national ? "England" : name,
      code: national ? "E92000001" : text(row[cOns]) || ecode, src: id, sheet, row: r + 1, col: text(grid[h][cCsc]),
    }, row[cCsc]));
  }
  if (!sawEngland) throw new DataError(`${where}: no ENGLAND row`, s.file);
  return out;
}

// ---------------------------------------------------------------------------------------------
// RA: budgets

const RA_LINES: [string, RegExp][] = [
  ["claBudget", /^childrens social care:? children looked after/],
  ["csBudget:sureStart", /^childrens social care:? sure start/],
  ["csBudget:otherChildrenFamilies", /^childrens social care:? other children(s)? and famil(y|ies) services/],
  ["csBudget:familySupport", /^childrens social care:? family support services/],
  ["csBudget:youthJustice", /^childrens social care:? youth justice/],
  ["csBudget:safeguarding", /^childrens social care:? safeguarding children/],
  ["csBudget:asylum", /^childrens social care:? asylum seekers/],
  ["csBudget:youngPeople", /^childrens social care:? services for young people/],
];

function raYear(year: string, ecodeToOns: Map<string, string> = new Map()): Obs[] {
  const { id, sheet } = RA_FILES[year];
  const { grid, source: s } = sheetGrid(id, sheet);
  const where = `${s.file} (sheet "${sheet}")`;
  const h = findRow(grid, `header row starting "E-code" in sheet "${sheet}"`, s.file, (r) => text(r[0]) === "E-code");
  const header = (grid[h] ?? []).map((c) => normLabel(c));
  const cols = header.map((_, j) => j);
  const cName = oneCol(cols.filter((j) => header[j] === "local authority"), `"Local authority"`, where, s.file);
  const cClass = oneCol(cols.filter((j) => header[j] === "class"), `"Class"`, where, s.file);
  const onsCols = cols.filter((j) => header[j] === "ons code");
  const specs: { measure: string; cols: number[] }[] = [];
  if (year === "2010-11" || year === "2011-12") {
    const kids = cols.filter((j) => /^(social care strategy - children|childrens and families services|children and young peoples safety)/.test(header[j]));
    const want = year === "2010-11" ? 3 : 4;
    if (kids.length !== want) throw new DataError(`${where}: expected ${want} children's social care columns, found ${kids.length} (${kids.map((j) => text(grid[h][j])).join("; ")})`, s.file);
    specs.push({ measure: "csBudget", cols: kids });
  } else {
    specs.push({ measure: "csBudget", cols: [oneCol(cols.filter((j) => /^total childrens social care/.test(header[j])), "TOTAL CHILDREN'S SOCIAL CARE", where, s.file)] });
    for (const [m, re] of RA_LINES) {
      const c = cols.filter((j) => re.test(header[j]));
      if (c.length === 1) specs.push({ measure: m, cols: c });
      else if (c.length > 1) oneCol(c, m, where, s.file);
      else if (m === "claBudget") oneCol(c, "children looked after", where, s.file);
    }
  }
  const out: Obs[] = [];
  let sawEngland = false;
  for (const { r, row, name, ecode, national } of upperTierRows(grid, h, cName, cClass)) {
    if (national) sawEngland = true;
    const ons = onsCols.length ? text(row[onsCols[0]]) : "";
    if (!national && ons !== "") ecodeToOns.set(ecode, ons);
    // files before 2017-18 have E-codes only: their ONS codes come from the later files
    const code = national ? "E92000001" : ons || ecodeToOns.get(ecode) || ecode;
    for (const sp of specs) {
      const v = sumCells(sp.cols.map((c) => row[c]));
      out.push({
        measure: sp.measure, year, level: national ? "national" : "la", area: national ? "England" : name, code,
        value: v.value, ...(v.value === null ? { marker: v.marker ?? "" } : {}),
        src: id, sheet, row: r + 1,
        col: sp.cols.map((c) => text(grid[h][c])).join(" + "),
      });
    }
  }
  if (!sawEngland) throw new DataError(`${where}: no ENGLAND row`, s.file);
  return out;
}

function raBuild(): Obs[] {
  const map = new Map<string, string>();
  // later files first, so their ONS codes are known when the earlier ones (E-codes only) are read
  const parts = Object.keys(RA_FILES).sort().reverse().map((y) => raYear(y, map));
  return parts.reverse().flat();
}

// ---------------------------------------------------------------------------------------------
// s251 outturn, line level

/** A line name without its number ("3.1.1 Residential care" → "residential care"). */
export function s251LineName(description: unknown): string {
  return normLabel(description).replace(/^\d+[a-z]?(\.\d+[a-z]?)*\.?\s*/, "").trim();
}

/** The line number a description starts with ("21 Total  Safeguarding…" → "21"), or "". */
export function s251LineCode(description: unknown): string {
  const m = /^(\d+[a-z]?(?:\.\d+[a-z]?)*)/.exec(text(description));
  return m ? m[1] : "";
}

/** Our names of s251 lines, recognised by their description (line numbers change between years). */
export const S251_LINES: [string, RegExp][] = [
  ["total", /^(total )?children and young peoples services (budget|expenditure) ?\(excluding cera\)$/],
  ["cla", /^total children looked after$/],
  ["residential", /^residential care$/],
  ["fostering", /^(total )?fostering services$/],
  ["fosteringExclFees", /^fostering services \(excluding fees/],
  ["fosteringFees", /^fostering services \(fees and allowances/],
  ["socialWork", /^social work \(includ(es|ing) (la|local authority) functions in relation to child protection\)?$/],
  ["safeguarding", /^total safeguarding children and young peoples services$/],
  ["sureStart", /^total sure start/],
  ["sureStartCentres", /^spend (by|on) individual sure start childrens centres$/],
  ["familySupport", /^total family support services$/],
  ["youngPeople", /^total services for young people$/],
  ["youthJustice", /^(total )?youth justice$/],
  ["otherChildrenFamilies", /^(total )?other childrens? and famil(y|ies) services$/],
  ["cypSafety", /^total children and young peoples safety/],
  ["commissioningSocialWork", /^commissioning and social work/],
];

/** Lines every s251 year must have (an absent one is an error naming the file). */
const S251_REQUIRED = ["total", "cla", "residential", "youthJustice", "familySupport", "sureStart"];

/**
 * Lines read for comparing 2010-11 and 2011-12 with the later years' groupings (the years each is
 * read): `adoption` and `specialGuardianship` (every year; from 2012-13 inside children looked
 * after, before that inside "other children's and families services"), `strategy` (children's
 * services strategy, 2010-11 and 2011-12; from 2012-13 inside safeguarding as "commissioning and
 * children's services strategy"), `otherChildrenFamiliesLine` (2010-11 and 2011-12: the single
 * line "other children's and families services", without adoption and special guardianship) and
 * `childTrustFund` (Child Trust Fund top ups, 2010-11 only).
 */
export const S251_EXTRA_LINES: [string, RegExp, (year: string) => boolean][] = [
  ["adoption", /^adoption services$/, () => true],
  ["specialGuardianship", /^special guardianship support$/, () => true],
  ["strategy", /^(total )?childrens services strategy$/, (y) => y <= "2011-12"],
  ["otherChildrenFamiliesLine", /^other childrens? and famil(y|ies) services$/, (y) => y <= "2011-12"],
  ["childTrustFund", /^child trust fund top ups$/, (y) => y === "2010-11"],
];

/** Extra lines each year must have (an absent one is an error naming the file). */
function s251ExtraRequired(year: string): string[] {
  const base = ["adoption", "specialGuardianship"];
  if (year > "2011-12") return base;
  return [...base, "strategy", "otherChildrenFamiliesLine", "cypSafety", "commissioningSocialWork", ...(year === "2010-11" ? ["childTrustFund"] : [])];
}

/** The name of one of the extra lines (S251_EXTRA_LINES) a description stands for in a year, if any. */
export function s251ExtraLineOf(description: unknown, year: string): string | undefined {
  const n = s251LineName(description);
  return S251_EXTRA_LINES.find(([, re, years]) => years(year) && re.test(n))?.[0];
}

export function s251LineOf(description: unknown, year: string): string | undefined {
  const n = s251LineName(description);
  // 2010-11: the services-for-young-people total has the description "Unknown" (line 47, the sum of lines 41-46)
  if (year === "2010-11" && n === "unknown") return "youngPeople";
  // 2010-11 and 2011-12 have a single "other children's and families services" line inside their own total
  if (year <= "2011-12" && /^other childrens? and famil/.test(n)) return undefined;
  return S251_LINES.find(([, re]) => re.test(n))?.[0];
}

function s251Raw(year: string): RawTable {
  const { id, sheet } = S251_FILES[year];
  if (!sheet) return readCsv(id, { encoding: "latin1" });
  const { grid, source: s } = sheetGrid(id, sheet);
  const header = (grid[0] ?? []).map((c) => text(c));
  const rows: unknown[][] = [];
  const nums: number[] = [];
  for (let r = 1; r < grid.length; r++) {
    rows.push(grid[r] ?? []);
    nums.push(r + 1);
  }
  return new RawTable(s, header, rows, nums, sheet);
}

function s251Year(year: string): Obs[] {
  const t = s251Raw(year);
  const id = t.source.id;
  const cLa = t.col("LA");
  const cName = t.col("LA Name");
  const cDesc = t.colOf("CYPServiceDescription", "Description", "S52 Line Reference");
  const cGross = t.colOf("TotalExpenditure", "Total Expenditure (k)");
  const cNet = t.colOf("NetCurrentExpenditure", "NET Current Expenditure (m)");
  const out: Obs[] = [];
  // Lines are recognised by their description, not by s251line: the 2014-15 and 2015-16 files give
  // the line "21 Total Safeguarding…" the s251line 16, the number of "16 Total Children Looked After".
  // per line and measure: LA observations, to sum to England
  const byLine = new Map<string, Obs[]>();
  const descOf = new Map<string, string>();
  const fosterParts = new Map<string, { a?: number; b?: number }>();
  for (let r = 0; r < t.rows.length; r++) {
    const la = t.text(r, cLa);
    if (!/^\d{3}$/.test(la)) continue;
    const line = s251LineOf(t.rows[r][cDesc.index], year) ?? s251ExtraLineOf(t.rows[r][cDesc.index], year);
    if (!line) continue;
    if (line === "fosteringExclFees" || line === "fosteringFees") {
      const p = fosterParts.get(la) ?? {};
      p[line === "fosteringExclFees" ? "a" : "b"] = r;
      fosterParts.set(la, p);
    }
    descOf.set(line, text(t.rows[r][cDesc.index]));
    for (const [kind, c] of [["gross", cGross], ["net", cNet]] as const) {
      const o = cellObs({ measure: `s251:${line}:${kind}`, year, level: "la", area: t.text(r, cName), code: la, laCode: la, src: id, ...(t.sheet ? { sheet: t.sheet } : {}), row: t.rowNumbers[r], col: c.name }, t.rows[r][c.index]);
      out.push(o);
      const k = `${line}:${kind}`;
      const g = byLine.get(k);
      if (g) g.push(o);
      else byLine.set(k, [o]);
    }
  }
  // 2018-19 splits fostering in two (3.1.2a + 3.1.2b): the LA total is their sum
  if (fosterParts.size > 0 && !byLine.has("fostering:gross")) {
    for (const [la, p] of fosterParts) {
      if (p.a === undefined || p.b === undefined) throw new DataError(`${t.where}: LA ${la} has only one of the two fostering lines 3.1.2a and 3.1.2b`, t.source.file);
      for (const [kind, c] of [["gross", cGross], ["net", cNet]] as const) {
        const v = sumCells([t.rows[p.a][c.index], t.rows[p.b][c.index]]);
        const o: Obs = {
          measure: `s251:fostering:${kind}`, year, level: "la", area: t.text(p.a, cName), code: la, laCode: la,
          value: v.value, ...(v.value === null ? { marker: v.marker ?? "" } : {}),
          src: id, ...(t.sheet ? { sheet: t.sheet } : {}), row: t.rowNumbers[p.a], col: c.name,
          derivedFrom: `rows ${t.rowNumbers[p.a]} and ${t.rowNumbers[p.b]} (3.1.2a + 3.1.2b, ${t.text(p.a, cName)})`,
        };
        out.push(o);
        const k = `fostering:${kind}`;
        const g = byLine.get(k);
        if (g) g.push(o);
        else byLine.set(k, [o]);
      }
    }
    descOf.set("fostering", "3.1.2a + 3.1.2b Fostering services");
  }
  for (const req of [...S251_REQUIRED, ...s251ExtraRequired(year)]) {
    if (!byLine.has(`${req}:gross`)) throw new DataError(`${t.where}: no line recognised as "${req}" for ${year}`, t.source.file);
  }
  out.push(...englandSums(t, year, byLine, descOf));
  return out;
}

/**
 * England sums of an s251 table's LA rows, one per line and kind (gross, net): each line must appear
 * once per LA; the sum says which rows it adds and whether the tiny authorities are in.
 */
function englandSums(t: RawTable, year: string, byLine: Map<string, Obs[]>, descOf: Map<string, string>): Obs[] {
  const id = t.source.id;
  const out: Obs[] = [];
  for (const [k, obs] of byLine) {
    const [line, kind] = k.split(":");
    const las = new Set(obs.map((o) => o.laCode));
    if (las.size !== obs.length) throw new DataError(`${t.where}: a line recognised as "${line}" appears more than once for one LA (${descOf.get(line)})`, t.source.file);
    const present = obs.filter((o) => o.value !== null);
    const rows = obs.map((o) => o.row);
    // City of London (201) and the Isles of Scilly (420): tiny authorities, said whether in or out
    const tiny = [["201", "City of London"], ["420", "the Isles of Scilly"]].map(([code, nm]) => `${nm} ${present.some((o) => o.laCode === code) ? "in" : "out"}`).join(", ");
    out.push({
      measure: `s251:${line}:${kind}`, year, level: "national", area: "England", code: "E92000001",
      value: present.length ? present.reduce((a, o) => a + (o.value as number), 0) : null,
      ...(present.length ? {} : { marker: "" }),
      src: id, ...(t.sheet ? { sheet: t.sheet } : {}), row: Math.min(...rows), col: obs[0].col,
      derivedFrom: `sum of the ${present.length} LA rows whose line is "${descOf.get(line)}" (between rows ${Math.min(...rows)} and ${Math.max(...rows)}; ${tiny})${present.length < obs.length ? `; ${obs.length - present.length} LA rows without a number left out` : ""}`,
    });
  }
  return out;
}

/** Lines of 2008-09 and 2009-10 only (matched on the description without its number). */
export const S251_EARLY_LINES: [string, RegExp][] = [
  ["childProtection", /^la functions in relation to child protection$/],
  ["preventative", /^preventative services$/],
  ["asylum", /^total asylum seekers?$/],
  ["childTrustFund", /^child trust fund top ups$/],
];

/** Lines each of 2008-09 and 2009-10 must have (an absent one is an error naming the file). */
const S251_EARLY_REQUIRED = ["total", "cla", "residential", "fostering", "youthJustice", "familySupport", "otherChildrenFamilies", "cypSafety", "adoption", "specialGuardianship", "strategy", "childProtection", "preventative"];

/** Our name of a 2008-09 or 2009-10 line, if it has one. */
export function s251EarlyLineOf(description: unknown, year: string): string | undefined {
  const n = s251LineName(description);
  return S251_EARLY_LINES.find(([, re]) => re.test(n))?.[0] ?? s251LineOf(description, year) ?? s251ExtraLineOf(description, year);
}

/** The Table A1 sheet of a 2008-09 or 2009-10 workbook, from its header row ("LEA Number:" / "LEA"). */
export function s251EarlyRaw(id: string): RawTable {
  return readSheet(id, /^Table A1/, { findHeader: (cells) => /^lea( number:?)?$/i.test(cells[0] ?? "") });
}

/**
 * Observations of one year of section 52 / 251 Table A1 (LA rows, line by line, gross and net),
 * with England sums of the LA rows. The line is recognised by its description (2008-09 writes the
 * number in front of it: "5 Residential care"); each recognised line must appear once per LA.
 */
export function s251EarlyObs(t: RawTable, year: string): Obs[] {
  const id = t.source.id;
  const cLa = t.colOf("LEA Number:", "LEA", "LA");
  const cName = t.colOf("LA Name:", "LEA Name", "LA Name");
  const cDesc = t.colOf("S52 Line Reference:", "S52 Line Reference");
  const cGross = t.colOf("TOTAL EXPENDITURE (k)", "Total Expenditure (k)");
  const cNet = t.colOf("NET Current Expenditure (m)");
  const out: Obs[] = [];
  const byLine = new Map<string, Obs[]>();
  const descOf = new Map<string, string>();
  for (let r = 0; r < t.rows.length; r++) {
    const la = t.text(r, cLa.index);
    if (la === "" && t.text(r, cDesc.index) === "") continue;
    if (!/^\d{3}$/.test(la)) throw new DataError(`${t.where} row ${t.rowNumbers[r]}: "${la}" in column "${cLa.name}" is not a 3-digit LA code`, t.source.file);
    const line = s251EarlyLineOf(t.rows[r][cDesc.index], year);
    if (!line) continue;
    descOf.set(line, text(t.rows[r][cDesc.index]));
    for (const [kind, c] of [["gross", cGross], ["net", cNet]] as const) {
      const o = cellObs({ measure: `s251:${line}:${kind}`, year, level: "la", area: text(t.rows[r][cName.index]), code: la, laCode: la, src: id, ...(t.sheet ? { sheet: t.sheet } : {}), row: t.rowNumbers[r], col: c.name }, t.rows[r][c.index]);
      out.push(o);
      const k = `${line}:${kind}`;
      const g = byLine.get(k);
      if (g) g.push(o);
      else byLine.set(k, [o]);
    }
  }
  for (const req of S251_EARLY_REQUIRED) {
    if (!byLine.has(`${req}:gross`)) throw new DataError(`${t.where}: no line recognised as "${req}" for ${year}`, t.source.file);
  }
  out.push(...englandSums(t, year, byLine, descOf));
  return out;
}

function s251EesNational(): Obs[] {
  const t = readCsv(S251_EES_NATIONAL);
  const cTp = t.col("time_period");
  const cLevel = t.col("geographic_level");
  const cDesc = t.col("description_of_expenditure");
  const cGross = t.col("total_expenditure");
  const cNet = t.col("net_current_expenditure");
  const out: Obs[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    if (t.text(r, cLevel) !== "National") continue;
    // time_period "201718" is the financial year 2017-18
    const tp = t.text(r, cTp);
    if (!/^\d{6}$/.test(tp)) throw new DataError(`${t.where} row ${t.rowNumbers[r]}: time_period "${tp}" is not a financial year such as 201718`, t.source.file);
    const y = fyFromEnd(Number(tp.slice(0, 4)) + 1);
    const line = s251LineOf(t.rows[r][cDesc], y);
    if (!line || line === "fosteringExclFees" || line === "fosteringFees") continue;
    for (const [kind, c] of [["gross", cGross], ["net", cNet]] as const) {
      out.push(cellObs({ measure: `s251:${line}:${kind}`, year: y, level: "national", area: "England", code: "E92000001", src: t.source.id, row: t.rowNumbers[r], col: t.header[c] }, t.rows[r][c]));
    }
  }
  return out;
}

function s251Highlights(): Obs[] {
  const t = readCsv(S251_HIGHLIGHTS);
  return fromEes(t, { "s251:total:gross": "cyps_spend" }, {
    yearOf: (tp) => {
      if (!/^\d{6}$/.test(tp)) throw new DataError(`${t.where}: time_period "${tp}" is not a financial year such as 201718`, t.source.file);
      return `${tp.slice(0, 4)}-${tp.slice(4, 6)}`;
    },
  });
}

// ---------------------------------------------------------------------------------------------
// GDP deflators

function deflatorBuild(): Obs[] {
  const { grid, source: s } = sheetGrid(DEFLATOR_SOURCE, DEFLATOR_SHEET);
  const h = findRow(grid, `header row "Financial year | 2018-19 = 100" in sheet "${DEFLATOR_SHEET}"`, s.file, (r) => text(r[1]) === "Financial year" && /=\s*100/.test(text(r[2])));
  const base = text(grid[h][2]);
  const out: Obs[] = [];
  for (let r = h + 1; r < grid.length; r++) {
    const m = /^(\d{4}-\d{2})/.exec(text(grid[r]?.[1]));
    if (!m) break;
    const year = m[1];
    out.push(cellObs({ measure: "gdpDeflator", year, level: "national", area: "United Kingdom", code: "K02000001", src: DEFLATOR_SOURCE, sheet: DEFLATOR_SHEET, row: r + 1, col: `GDP deflator at market prices, ${base}` }, grid[r][2]));
    out.push(cellObs({ measure: "gdpDeflatorGrowth", year, level: "national", area: "United Kingdom", code: "K02000001", src: DEFLATOR_SOURCE, sheet: DEFLATOR_SHEET, row: r + 1, col: `GDP deflator at market prices, ${text(grid[h][3])}` }, grid[r][3]));
  }
  if (out.length < 20) throw new DataError(`${s.file} (sheet "${DEFLATOR_SHEET}"): fewer than 10 financial years below the header row ${h + 1}`, s.file);
  return out;
}

/** The deflator series as plain points, for the pure lookups of spending-deflator.ts. */
export function deflatorSeries(t: ObsTable = deflatorTable()): DeflatorPoint[] {
  const idx = t.filter({ measure: "gdpDeflator" });
  const gr = new Map(t.filter({ measure: "gdpDeflatorGrowth" }).map((o) => [o.year, o.value]));
  return idx.map((o) => ({ year: o.year, index: o.value, growth: gr.get(o.year) ?? null }));
}

// ---------------------------------------------------------------------------------------------
// Placements (SSDA903, 2017-18) and LAIT unit costs

const PLACEMENT_COLUMNS: Record<string, string> = {
  "placements:all:at31March": "CLA_Mar2018",
  "placements:all:duringYear": "CLA_2018",
  "placements:foster:at31March": "CLA_Fost",
  "placements:secureHomesSemiIndependent:at31March": "CLA_Secure",
  "placements:otherResidential:at31March": "CLA_Ores",
  "placements:residentialSchools:at31March": "CLA_RSch",
};

function placementsBuild(): Obs[] {
  const t = readCsv(PLACEMENTS_SOURCE, { encoding: "latin1" });
  const cLevel = t.col("geog_l");
  const cCode = t.col("geog_c");
  const cName = t.col("geog_n");
  const cNew = t.col("New_geog_code");
  const out: Obs[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const l = t.text(r, cLevel).toUpperCase();
    const level = l === "NATIONAL" ? "national" : l === "LA" ? "la" : undefined;
    if (!level) continue;
    for (const [measure, col] of Object.entries(PLACEMENT_COLUMNS)) {
      out.push(cellObs({
        measure, year: "2017-18", level, area: level === "national" ? "England" : t.text(r, cName), code: level === "national" ? "E92000001" : t.text(r, cNew),
        ...(level === "la" ? { laCode: t.text(r, cCode) } : {}), src: PLACEMENTS_SOURCE, row: t.rowNumbers[r], col: t.header[t.col(col)],
      }, t.rows[r][t.col(col)]));
    }
  }
  return out;
}

const LAIT_UNIT_COSTS: Record<string, string> = { RescareFinance: "unitCost:residential:weekly", FosteringFinance: "unitCost:fostering:weekly" };

function laitUnitCostsBuild(): Obs[] {
  const t = readCsv(LAIT_FINANCE_SOURCE);
  const cShort = t.col("Short Desc");
  const cYears = t.col("Years");
  const cArea = t.col("LA and Regions");
  const cVal = t.col("Values");
  const out: Obs[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const m = LAIT_UNIT_COSTS[t.text(r, cShort)];
    if (!m || t.text(r, cArea) !== "England") continue;
    const y = /^(\d{4}-\d{2})/.exec(t.text(r, cYears));
    if (!y) continue;
    out.push(cellObs({ measure: m, year: y[1], level: "national", area: "England", code: "E92000001", src: LAIT_FINANCE_SOURCE, row: t.rowNumbers[r], col: `Values (Short Desc = ${t.text(r, cShort)})` }, t.rows[r][cVal]));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cached tables

const memo = new Map<string, ObsTable>();

function table(name: string, version: number, ids: string[], build: () => Obs[]): ObsTable {
  const hit = memo.get(name);
  if (hit) return hit;
  const t = new ObsTable(cached(`spending-${name}`, version, ids.map(source), () => validateObs(build(), `spending ${name} table`)));
  memo.set(name, t);
  return t;
}

/** RO3 children's social care outturn (£ thousand), England and upper-tier LAs, 2010-11 … 2019-20. */
export function ro3Table(): ObsTable {
  return table("ro3", 2, Object.values(RO3_FILES).map((f) => f.id), ro3Build);
}

/** RS 2017-18 as first published: children social care net current expenditure (£ thousand), England and upper-tier LAs. */
export function rsTable(): ObsTable {
  return table("rs", 1, [RS_2017_18.id], rsBuild);
}

/** RA budgets (£ thousand), England and upper-tier LAs, 2010-11 … 2019-20. */
export function raTable(): ObsTable {
  return table("ra", 2, Object.values(RA_FILES).map((f) => f.id), raBuild);
}

/**
 * s251 outturn lines (£), LA rows and England sums 2010-11 … 2018-19, plus the England lines of the
 * 2021-22 EES release and the LA totals of the 2019-20 EES release (both £ million, revisions included).
 */
export function s251Table(): ObsTable {
  return table("s251", 6, [...Object.values(S251_FILES).map((f) => f.id), S251_EES_NATIONAL, S251_HIGHLIGHTS], () => [
    ...Object.keys(S251_FILES).sort().flatMap(s251Year),
    ...s251EesNational(),
    ...s251Highlights(),
  ]);
}

/** Section 52 / 251 outturn lines (£), LA rows and England sums, 2008-09 and 2009-10. */
export function s251EarlyTable(): ObsTable {
  const hit = memo.get("s251-early");
  if (hit) return hit;
  // 2008-09 still has Bedfordshire and Cheshire, abolished on 1 April 2009
  const laCodes = new Set([...localAuthorities().map((l) => l.laCode), ...Object.keys(ABOLISHED_2009)]);
  const t = new ObsTable(cached("spending-s251-early", 1, Object.values(S251_EARLY_FILES).map((f) => source(f.id)), () =>
    validateObs(Object.entries(S251_EARLY_FILES).flatMap(([year, f]) => s251EarlyObs(s251EarlyRaw(f.id), year)), "spending s251-early table", { laCodes })));
  memo.set("s251-early", t);
  return t;
}

/** HM Treasury GDP deflator (March 2020), index 2018-19 = 100, by financial year. */
export function deflatorTable(): ObsTable {
  return table("deflator", 1, [DEFLATOR_SOURCE], deflatorBuild);
}

/** Children looked after by placement (SSDA903 2017-18) and LAIT weekly unit costs (England). */
export function placementsTable(): ObsTable {
  return table("placements", 1, [PLACEMENTS_SOURCE, LAIT_FINANCE_SOURCE], () => [...placementsBuild(), ...laitUnitCostsBuild()]);
}

/** Every spending measure in one table (each part is loaded from its cache). */
export function spendingTable(): ObsTable {
  const hit = memo.get("all");
  if (hit) return hit;
  const t = new ObsTable([...ro3Table().rows, ...rsTable().rows, ...raTable().rows, ...s251EarlyTable().rows, ...s251Table().rows, ...deflatorTable().rows, ...placementsTable().rows]);
  memo.set("all", t);
  return t;
}

const SPENDING_MEASURES = new Set(["csNetExpenditure", "csGrossExpenditure", "csClaNetExpenditure", "rsCsNetExpenditure", "csBudget", "claBudget", "gdpDeflator", "gdpDeflatorGrowth"]);

/** True for the measures the spending tables hold (for the catalog of tables). */
export function isSpendingMeasure(m: string): boolean {
  return SPENDING_MEASURES.has(m) || /^(s251|csBudget|placements|unitCost):/.test(m);
}

/** Forgets the in-process copies (tests). */
export function resetSpendingTables(): void {
  memo.clear();
}
