import * as fs from "node:fs";
import * as zlib from "node:zlib";
import { DataError, Source, rawPath, source, verifySource } from "../sources";
import { cached } from "../cache";
import { BOUNDARY_CHANGES, authoritiesExisting, laByName, localAuthorities, normaliseLaName } from "../la";
import type { Evidence } from "../../claims/types";

/**
 * Ofsted's judgements of local authority children's services, by authority, with the date each
 * report was published: the first inspection under the single inspection framework (SIF, November
 * 2013 to 2017), the SIF re-inspection where there was one, and the first and second inspections
 * under the framework that followed it (ILACS, from 2018).
 *
 * Source: Ofsted, "Children's social care data in England 2023", sheet `LA_inspections_2009-2023`.
 * Its first table lists the 152 authorities of March 2023 (BCP, Dorset Council and North and West
 * Northamptonshire among them, with no SIF); its second (from about row 161) the four authorities
 * that existed before the restructures (Bournemouth, Dorset County Council, Poole, Northamptonshire).
 * Rows carry names only: each is joined to a DfE code through `laByName` (src/data/la.ts). "Dorset"
 * is in both tables, so when a name matches two codes the table decides (the second table holds the
 * authorities that the boundary changes replaced). Dates are spreadsheet serial numbers (text
 * dd/mm/yyyy is read too). Grades are normalised: "Requires improvement to be good" → "Requires
 * improvement".
 *
 * A grade "at" a date is the overall effectiveness of the latest report published on or before it.
 *
 * The workbook's content.xml is 40 MB (providers' sheets); a general spreadsheet parser takes seconds
 * over it, so `readOdsSheet` takes the one sheet's XML out of the zip and reads its rows directly.
 */

export const OFSTED_SOURCE = "ofsted-childrens-social-care-in-england-2023-underlying-data";
export const OFSTED_SHEET = "LA_inspections_2009-2023";

/** Overall effectiveness grades, best first. */
export type Grade = "Outstanding" | "Good" | "Requires improvement" | "Inadequate";
export const GRADES: readonly Grade[] = ["Outstanding", "Good", "Requires improvement", "Inadequate"];

/** Grades as an ordinal score, 1 (Outstanding) to 4 (Inadequate), for rank statistics. */
export const GRADE_SCORE: Record<Grade, number> = { Outstanding: 1, Good: 2, "Requires improvement": 3, Inadequate: 4 };

/** The inspections the sheet records after 2013. */
export type InspectionKind = "firstSif" | "sifReinspection" | "firstIlacs" | "secondIlacs";

export const INSPECTION_LABELS: Record<InspectionKind, string> = {
  firstSif: "first SIF inspection",
  sifReinspection: "SIF re-inspection",
  firstIlacs: "first ILACS inspection",
  secondIlacs: "second ILACS inspection",
};

/** One published judgement. */
export interface Judgement {
  kind: InspectionKind;
  /** Publication date, ISO yyyy-mm-dd. */
  published: string;
  overall: Grade;
  /** "Children who need help and protection" (SIF) / "experiences and progress of children who need help and protection" (ILACS). */
  helpAndProtection: Grade | null;
  /** ILACS standard or short inspection. */
  ilacsType?: string;
  /** 1-based row in the sheet and the column names read. */
  row: number;
  dateCol: string;
  gradeCol: string;
}

/** One authority of the sheet with its judgements, oldest first. */
export interface OfstedAuthority {
  /** Name as the sheet writes it. */
  name: string;
  laCode: string;
  /** "LA Authority Type" as the sheet writes it: London Borough, Metropolitan District, Unitary, Shire County. */
  type: string;
  region: string;
  table: "current" | "pre-restructure";
  row: number;
  judgements: Judgement[];
}

export interface OfstedTable {
  authorities: OfstedAuthority[];
  /** Names `laByName` could not join to a code on its own, and how each was resolved (or not). */
  nameIssues: { name: string; row: number; resolved: string | null; why: string }[];
}

/** Grade text as the sheet writes it → a grade; anything else (blank, "Not judged") → null. */
export function gradeOf(text: unknown): Grade | null {
  const t = String(text ?? "").trim().toLowerCase();
  if (t === "outstanding") return "Outstanding";
  if (t === "good") return "Good";
  if (t.startsWith("requires improvement")) return "Requires improvement";
  if (t === "inadequate") return "Inadequate";
  return null;
}

/**
 * A date cell → ISO date: an ISO date (an ODS date cell), a spreadsheet serial day number (1900
 * system), or text dd/mm/yyyy.
 * @example isoDate("2018-08-31T00:00:00") // => "2018-08-31"
 * @example isoDate(43343) // => "2018-08-31"
 * @example isoDate("31/08/2018") // => "2018-08-31"
 */
export function isoDate(cell: unknown): string | null {
  if (typeof cell === "number" && Number.isFinite(cell)) return new Date(Date.UTC(1899, 11, 30) + Math.round(cell) * 864e5).toISOString().slice(0, 10);
  const t = String(cell ?? "").trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+)?$/.exec(t);
  if (iso) return iso[1];
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  return null;
}

/** One file of a zip archive, inflated (stored and deflated entries). */
export function zipEntry(zip: Buffer, name: string, what = "the archive"): Buffer {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new DataError(`${what} is not a readable zip archive (no end-of-directory record)`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let k = 0; k < count; k++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new DataError(`${what}: damaged zip directory`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entry = zip.toString("utf8", at + 46, at + 46 + nameLen);
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      if (method === 0) return data;
      if (method === 8) return zlib.inflateRawSync(data);
      throw new DataError(`${what}: ${name} uses zip method ${method}, which is not read here`);
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
  throw new DataError(`${what} has no ${name}`);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text with its entities (named and numeric) replaced. */
function unescapeXml(t: string): string {
  return t.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => (e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e] ?? all));
}

/** The text of an ODS cell's paragraphs: <text:s/> spaces, line breaks, tags dropped. */
function cellText(inner: string): string {
  const paras = [...inner.matchAll(/<text:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:p>)/g)].map((m) => m[1] ?? "");
  return paras
    .map((p) => unescapeXml(p.replace(/<text:s\b[^>]*?text:c="(\d+)"[^>]*\/>/g, (_, n: string) => " ".repeat(Number(n))).replace(/<text:s\b[^>]*\/>/g, " ").replace(/<text:(line-break|tab)\b[^>]*\/>/g, "\n").replace(/<[^>]+>/g, "")))
    .join("\n");
}

const attr = (attrs: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

/**
 * One sheet of an .ods source as a grid of raw cells (numbers, ISO dates "yyyy-mm-dd", strings or
 * null), row i of the grid being row i + 1 of the sheet. Repeated rows and columns are expanded (runs of
 * empty rows after the last filled one are dropped). The file's sha256 is verified first.
 */
export function readOdsSheet(s: Source, sheet: string): unknown[][] {
  verifySource(s);
  return odsSheetGrid(zipEntry(fs.readFileSync(rawPath(s)), "content.xml", s.file), sheet, s.file);
}

/** The grid of one sheet of an ODS content.xml (see `readOdsSheet`); `what` names the file in errors. */
export function odsSheetGrid(xml: Buffer, sheet: string, what: string): unknown[][] {
  const key = Buffer.from(`<table:table table:name="${sheet}"`);
  const start = xml.indexOf(key);
  if (start < 0) {
    const names = [...xml.toString("utf8").matchAll(/<table:table table:name="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
    throw new DataError(`${what}: no sheet "${sheet}"; sheets found: ${names.join(", ")}`, what);
  }
  const end = xml.indexOf(Buffer.from("</table:table>"), start);
  const frag = xml.toString("utf8", start, end < 0 ? xml.length : end);
  const grid: unknown[][] = [];
  let pendingEmpty = 0;
  const rowRe = /<table:table-row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g;
  const cellRe = /<table:(table-cell|covered-table-cell)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:\1>)/g;
  for (const rm of frag.matchAll(rowRe)) {
    const repeatRows = Number(attr(rm[1], "table:number-rows-repeated") ?? 1);
    const cells: unknown[] = [];
    let last = -1;
    for (const cm of (rm[2] ?? "").matchAll(cellRe)) {
      const a = cm[2];
      const repeat = Math.min(Number(attr(a, "table:number-columns-repeated") ?? 1), 4096);
      const type = attr(a, "office:value-type");
      let v: unknown = null;
      if (type === "float" || type === "percentage" || type === "currency") v = Number(attr(a, "office:value"));
      else if (type === "date") v = isoDate(attr(a, "office:date-value"));
      else if (type === "boolean") v = attr(a, "office:boolean-value") === "true";
      else if (type !== undefined) v = attr(a, "office:string-value") !== undefined ? unescapeXml(attr(a, "office:string-value")!) : cellText(cm[3] ?? "");
      if (v !== null && v !== "") {
        for (let k = 0; k < repeat; k++) cells.push(v);
        last = cells.length - 1;
      } else if (cells.length + repeat <= 4096) for (let k = 0; k < repeat; k++) cells.push(null);
    }
    cells.length = last + 1;
    if (cells.length === 0) {
      pendingEmpty += repeatRows;
      continue;
    }
    for (; pendingEmpty > 0; pendingEmpty--) grid.push([]);
    for (let k = 0; k < repeatRows; k++) grid.push(k === 0 ? cells : cells.slice());
  }
  return grid;
}

/** Header cell matched without case, line breaks or repeated spaces. */
function norm(h: unknown): string {
  return String(h ?? "").replace(/\s+/g, " ").trim().toLowerCase();
}

const COLUMNS: { kind: InspectionKind; date: RegExp; grade: RegExp; hp: RegExp; type?: RegExp }[] = [
  { kind: "firstSif", date: /first sif publication date$/, grade: /^first sif overall judgement/, hp: /^first sif children who need help and protection$/ },
  { kind: "sifReinspection", date: /sif re-inspection publication date$/, grade: /^sif re-inspection overall judgement/, hp: /^sif re-inspection children who need help and protection$/ },
  { kind: "firstIlacs", date: /^(first )?ilacs framework publication date$/, grade: /^(first )?ilacs framework overall effectiveness$/, hp: /^(first )?ilacs framework experiences and progress of children who need help and protection$/, type: /^(first )?ilacs framework inspection type$/ },
  { kind: "secondIlacs", date: /^second ilacs framework publication date$/, grade: /^second ilacs framework overall effectiveness$/, hp: /^second ilacs framework experiences and progress of children who need help and protection$/, type: /^second ilacs framework inspection type$/ },
];

/** DfE codes the boundary changes replaced (Bournemouth, Poole, Dorset County Council, Northamptonshire, Cumbria). */
const REPLACED = new Set(BOUNDARY_CHANGES.flatMap((c) => c.from));

function build(): OfstedTable {
  const s = source(OFSTED_SOURCE);
  const sheet = OFSTED_SHEET;
  const grid = readOdsSheet(s, sheet);
  const where = `${s.file} (sheet "${sheet}")`;
  const authorities: OfstedAuthority[] = [];
  const nameIssues: OfstedTable["nameIssues"] = [];
  // each table starts with a header row whose second cell is "Local authority name"
  const headers = grid.map((r, i) => (norm(r?.[1]) === "local authority name" ? i : -1)).filter((i) => i >= 0);
  if (headers.length !== 2) throw new DataError(`${where}: expected two tables with a "Local authority name" header, found ${headers.length}`, s.file);
  headers.forEach((h, ti) => {
    const head = (grid[h] ?? []).map(norm);
    const col = (re: RegExp, what: string, required = true): number => {
      const i = head.findIndex((x) => re.test(x));
      if (i < 0 && required) throw new DataError(`${where}: no column for ${what} in the table whose header is row ${h + 1}; columns found: ${head.filter(Boolean).join(", ")}`, s.file);
      return i;
    };
    const cName = 1;
    const cRegion = col(/^la region$/, "LA region");
    const cType = col(/^la authority type$/, "LA Authority Type");
    const cols = COLUMNS.map((c) => ({ ...c, iDate: col(c.date, `${c.kind} date`, c.kind !== "secondIlacs" || ti === 0), iGrade: col(c.grade, `${c.kind} grade`, c.kind !== "secondIlacs" || ti === 0), iHp: col(c.hp, `${c.kind} help and protection`, false), iType: c.type ? col(c.type, `${c.kind} type`, false) : -1 }));
    const end = ti === 0 ? headers[1] : grid.length;
    const table = ti === 0 ? "current" : "pre-restructure";
    for (let r = h + 1; r < end; r++) {
      const row = grid[r] ?? [];
      const name = String(row[cName] ?? "").trim();
      if (!name) continue;
      if (/^table \d+/i.test(String(row[0] ?? "").trim())) continue;
      let la = laByName(name);
      if (!la) {
        const hits = localAuthorities().filter((x) => normaliseLaName(x.name) === normaliseLaName(name));
        const pick = hits.filter((x) => (table === "pre-restructure" ? REPLACED.has(x.laCode) : !REPLACED.has(x.laCode)));
        la = pick.length === 1 ? pick[0] : undefined;
        nameIssues.push({
          name, row: r + 1, resolved: la ? la.laCode : null,
          why: hits.length === 0 ? "no authority of that name in DfE's LA code list" : `${hits.length} authorities of that name (${hits.map((x) => x.laCode).join(", ")}); ${la ? `the ${table === "pre-restructure" ? "second" : "first"} table gives ${la.laCode}` : "not resolved"}`,
        });
        if (!la) continue;
      }
      const judgements: Judgement[] = [];
      for (const c of cols) {
        if (c.iDate < 0 || c.iGrade < 0) continue;
        const published = isoDate(row[c.iDate]);
        const overall = gradeOf(row[c.iGrade]);
        if (published === null && overall === null) continue;
        if (published === null || overall === null) {
          throw new DataError(`${where} row ${r + 1}: ${name} has ${published === null ? `a ${c.kind} grade but no readable publication date (column "${grid[h][c.iDate]}")` : `a ${c.kind} date but no readable grade (column "${grid[h][c.iGrade]}": "${row[c.iGrade] ?? ""}")`}`, s.file);
        }
        judgements.push({
          kind: c.kind, published, overall,
          helpAndProtection: c.iHp >= 0 ? gradeOf(row[c.iHp]) : null,
          ...(c.iType >= 0 && row[c.iType] ? { ilacsType: String(row[c.iType]).trim() } : {}),
          row: r + 1,
          dateCol: String(grid[h][c.iDate]).replace(/\s+/g, " ").trim(),
          gradeCol: String(grid[h][c.iGrade]).replace(/\s+/g, " ").trim(),
        });
      }
      judgements.sort((a, b) => a.published.localeCompare(b.published));
      authorities.push({ name, laCode: la.laCode, type: String(row[cType] ?? "").trim(), region: String(row[cRegion] ?? "").trim(), table, row: r + 1, judgements });
    }
  });
  const seen = new Map<string, OfstedAuthority>();
  for (const a of authorities) {
    const prev = seen.get(a.laCode);
    if (prev) throw new DataError(`${where}: rows ${prev.row} (${prev.name}) and ${a.row} (${a.name}) are both joined to LA code ${a.laCode}`, s.file);
    seen.set(a.laCode, a);
  }
  return { authorities, nameIssues };
}

let memo: OfstedTable | undefined;

/** Every authority in the sheet with its judgements (cached by the file's sha256). */
export function ofstedTable(): OfstedTable {
  memo ??= cached("ofsted", 2, [source(OFSTED_SOURCE)], build);
  return memo;
}

/** Forgets the in-process copy (tests). */
export function resetOfstedTable(): void {
  memo = undefined;
}

/** The authorities that existed in a financial year (152 in 2017-18), each with its Ofsted history; an authority missing from the sheet is an error. */
export function ofstedAuthoritiesIn(fy: string): OfstedAuthority[] {
  const byCode = new Map(ofstedTable().authorities.map((a) => [a.laCode, a]));
  return authoritiesExisting(fy).map((la) => {
    const a = byCode.get(la.laCode);
    if (!a) throw new DataError(`${source(OFSTED_SOURCE).file}: no row for ${la.name} (${la.laCode}), which existed in ${fy}`);
    return a;
  });
}

/** The authority's latest judgement published on or before a date (ISO), among the kinds given (default all). */
export function judgementAt(a: OfstedAuthority, date: string, kinds?: InspectionKind[]): Judgement | undefined {
  let hit: Judgement | undefined;
  for (const j of a.judgements) if (j.published <= date && (!kinds || kinds.includes(j.kind))) hit = j;
  return hit;
}

/** The authority's first SIF judgement. */
export function firstSif(a: OfstedAuthority): Judgement | undefined {
  return a.judgements.find((j) => j.kind === "firstSif");
}

/** How a grade is chosen for an authority: its first SIF, or its latest judgement at a date. */
export type GradeBasis = { kind: "firstSif" } | { kind: "at"; date: string };

/** Reads a basis written as "firstSif" or "at:2018-08-31". */
export function parseBasis(text: string): GradeBasis {
  if (text === "firstSif") return { kind: "firstSif" };
  const m = /^at:(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (!m) throw new Error(`grade basis "${text}": write "firstSif" or "at:yyyy-mm-dd"`);
  return { kind: "at", date: m[1] };
}

/** The basis in words: "the first SIF inspection", "the latest judgement published by 31 August 2018". */
export function basisText(b: GradeBasis): string {
  if (b.kind === "firstSif") return "the first SIF inspection";
  const d = new Date(`${b.date}T00:00:00Z`);
  return `the latest judgement published by ${d.getUTCDate()} ${d.toLocaleString("en-GB", { month: "long", timeZone: "UTC" })} ${d.getUTCFullYear()}`;
}

/** The judgement that gives an authority its grade under a basis. */
export function judgementFor(a: OfstedAuthority, b: GradeBasis): Judgement | undefined {
  return b.kind === "firstSif" ? firstSif(a) : judgementAt(a, b.date);
}

/** Counts of authorities by grade (every grade listed), with those that had no judgement yet. */
export function gradeCounts(judgements: (Judgement | undefined)[]): Record<Grade, number> & { none: number; total: number } {
  const out = { Outstanding: 0, Good: 0, "Requires improvement": 0, Inadequate: 0, none: 0, total: judgements.length };
  for (const j of judgements) {
    if (j) out[j.overall]++;
    else out.none++;
  }
  return out;
}

/** Evidence for a set of judgements: the sheet, the rows (with names) and the columns read. */
export function ofstedEvidence(items: { a: OfstedAuthority; j: Judgement | undefined }[], note?: string): Evidence {
  const s = source(OFSTED_SOURCE);
  const cols = new Set<string>();
  const values: Record<string, string> = {};
  for (const { a, j } of items) {
    if (!j) {
      values[a.name] = "no judgement";
      continue;
    }
    cols.add(j.dateCol);
    cols.add(j.gradeCol);
    values[a.name] = `${j.overall} (${INSPECTION_LABELS[j.kind]}, published ${j.published})`;
  }
  const rows = items.map(({ a }) => a.row).sort((x, y) => x - y);
  return {
    source: s.id,
    file: s.file,
    sheet: OFSTED_SHEET,
    rows: rows.length > 12 ? [`${rows.length} authority rows (${rows[0]}–${rows[rows.length - 1]}, both tables)`] : items.map(({ a }) => `row ${a.row} (${a.name})`),
    columns: [...cols],
    values,
    ...(note ? { note } : {}),
  };
}
