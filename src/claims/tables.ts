import * as fs from "node:fs";
import * as path from "node:path";
import { DataError, MissingDataError } from "../data/sources";
import { Obs, ObsTable } from "../data/obs";
import { RawTable, readCsv } from "../data/readers";
import { cachedByKey, codeHash } from "../data/cache";
import { La, localAuthorities, BOUNDARY_CHANGES, normaliseLaName } from "../data/la";
import { tableFor } from "../data/tidy/catalog";
import { cinTable } from "../data/tidy/cin";
import { claTable } from "../data/tidy/cla";
import { populationTable } from "../data/tidy/population";
import { workforceTable, workforceRegionOf } from "../data/tidy/workforce";
import { covariatesTable } from "../data/tidy/covariates";
import { deflatorSeries, deflatorTable, placementsTable, raTable, ro3Table, rsTable, s251Table } from "../data/tidy/spending";
import type { DeflatorPoint } from "../data/tidy/spending-deflator";
import { OFSTED_SOURCE, ofstedTable, type OfstedAuthority, type OfstedTable } from "../data/tidy/ofsted";
import { sfrRatesTable } from "../data/tidy/sfr-rates";
import { source } from "../data/sources";
import { seedsDir } from "../paths";
import { DOC_FILES } from "./registry";
import type { DocId } from "./types";

/**
 * The tidy tables a check may read, passed in by whoever runs it. A check never reaches for data
 * itself: the ledger passes the real tables (loaded lazily, from the cache when possible), a test
 * passes `fixtureTables({...})` built from a few literal rows.
 */
export interface Tables {
  /** The table that holds a measure (children in need, looked after, population, workforce, spending, covariates). */
  obs(measure: string): ObsTable;
  /** Children in need: SFR underlying data as first published, EES 2020 and 2024 releases. */
  cin(): ObsTable;
  /** Children looked after: SSDA903 underlying data, EES releases, PHE Fingertips. */
  cla(): ObsTable;
  /** ONS mid-year populations aged 0-17 and 0-18. */
  population(): ObsTable;
  /** Children's social work workforce (30 September). */
  workforce(): ObsTable;
  /** Deprivation (IoD 2015), children in low-income families, unaccompanied asylum-seeking children. */
  covariates(): ObsTable;
  /** MHCLG revenue outturn (RO3), £ thousand. */
  ro3(): ObsTable;
  /** MHCLG revenue outturn summary (RS) 2017-18 as first published. */
  rs(): ObsTable;
  /** MHCLG revenue account budgets (RA). */
  ra(): ObsTable;
  /** DfE section 251 outturn by line. */
  s251(): ObsTable;
  /** HM Treasury GDP deflator (March 2020). */
  deflator(): ObsTable;
  /** Children looked after by placement (SSDA903 2017-18) and LAIT weekly unit costs. */
  placements(): ObsTable;
  /** Rates per 10,000 of the children-in-need SFR underlying-data files, LA and England rows. */
  sfrRates(): ObsTable;
  /** The deflator as plain points (a fresh array on each call). */
  deflatorSeries(): DeflatorPoint[];
  /** Ofsted's inspection history of every authority. */
  ofsted(): OfstedTable;
  /** DfE's list of upper-tier authorities, past and present, with their ONS codes. */
  authorities(): La[];
  /** The region a workforce LA row belongs to, as its file writes it. */
  workforceRegion(o: Obs): string | undefined;
  /** An official CSV file as read, for cells the tidy tables do not keep. */
  raw(id: string): RawTable;
  /** The text of one of the five documents (../shared/seeds). */
  document(doc: DocId): string;
  /**
   * A value computed once per set of tables (`persist`: also kept in the cache folder under that
   * name, for slow deterministic computations keyed by their whole input; `code`: the module that
   * computes it, whose code, with every module it imports, joins the key, so editing it recomputes).
   */
  memo<T>(key: string, compute: () => T, opts?: { persist?: string; code?: string }): T;
}

/** The real tables, loaded lazily from the tidy builders and their cache. */
export function createTables(): Tables {
  const memo = new Map<string, unknown>();
  const raw = new Map<string, RawTable>();
  const docs = new Map<DocId, string>();
  return {
    obs: tableFor,
    cin: cinTable,
    cla: claTable,
    population: populationTable,
    workforce: workforceTable,
    covariates: covariatesTable,
    ro3: ro3Table,
    rs: rsTable,
    ra: raTable,
    s251: s251Table,
    deflator: deflatorTable,
    placements: placementsTable,
    sfrRates: sfrRatesTable,
    deflatorSeries: () => deflatorSeries(deflatorTable()),
    ofsted: ofstedTable,
    authorities: localAuthorities,
    workforceRegion: workforceRegionOf,
    raw: (id) => {
      let t = raw.get(id);
      if (!t) raw.set(id, (t = readCsv(id)));
      return t;
    },
    document: (doc) => {
      let text = docs.get(doc);
      if (text === undefined) docs.set(doc, (text = fs.readFileSync(path.join(seedsDir(), DOC_FILES[doc]), "utf8")));
      return text;
    },
    memo: <T>(key: string, compute: () => T, opts: { persist?: string; code?: string } = {}): T => {
      const k = `${opts.persist ?? ""}|${key}`;
      if (!memo.has(k)) memo.set(k, opts.persist ? cachedByKey(opts.persist, opts.code ? `${key}|code:${codeHash(opts.code)}` : key, compute) : compute());
      return memo.get(k) as T;
    },
  };
}

let real: Tables | undefined;

/** The real tables of this process (one set, so each table is loaded once). */
export function realTables(): Tables {
  real ??= createTables();
  return real;
}

/** The named tables of `Tables` that hold observations. */
export type ObsTableName = "cin" | "cla" | "population" | "workforce" | "covariates" | "ro3" | "rs" | "ra" | "s251" | "deflator" | "placements" | "sfrRates";

const OBS_TABLES: ObsTableName[] = ["cin", "cla", "population", "workforce", "covariates", "ro3", "rs", "ra", "s251", "deflator", "placements", "sfrRates"];

/** What a test gives to build tables from literal rows. */
export interface FixtureSpec {
  /** Observations every table holds (each lookup filters by measure, so one list serves all). */
  obs?: Obs[];
  /** Observations for one named table only, where it must differ from `obs`. */
  tables?: Partial<Record<ObsTableName, Obs[]>>;
  /** The deflator points (default: read from the gdpDeflator and gdpDeflatorGrowth rows). */
  deflator?: DeflatorPoint[];
  ofsted?: OfstedTable;
  authorities?: La[];
  /** Region of a workforce LA row, keyed `${src}|${row}`. */
  workforceRegions?: Record<string, string>;
  raw?: Record<string, RawTable>;
  documents?: Partial<Record<DocId, string>>;
}

/** Tables built from a few literal rows, for unit tests of the check kinds. */
export function fixtureTables(spec: FixtureSpec = {}): Tables {
  const all = new ObsTable(spec.obs ?? []);
  const named = Object.fromEntries(OBS_TABLES.map((n) => [n, spec.tables?.[n] ? new ObsTable(spec.tables[n]!) : all])) as Record<ObsTableName, ObsTable>;
  const memo = new Map<string, unknown>();
  const missing = (what: string) => (): never => {
    throw new MissingDataError(`the fixture has no ${what}`);
  };
  return {
    obs: () => all,
    cin: () => named.cin,
    cla: () => named.cla,
    population: () => named.population,
    workforce: () => named.workforce,
    covariates: () => named.covariates,
    ro3: () => named.ro3,
    rs: () => named.rs,
    ra: () => named.ra,
    s251: () => named.s251,
    deflator: () => named.deflator,
    placements: () => named.placements,
    sfrRates: () => named.sfrRates,
    deflatorSeries: () => (spec.deflator ? spec.deflator.map((p) => ({ ...p })) : deflatorSeries(named.deflator)),
    ofsted: spec.ofsted ? () => spec.ofsted! : missing("Ofsted table"),
    authorities: spec.authorities ? () => spec.authorities! : missing("list of authorities"),
    workforceRegion: (o) => spec.workforceRegions?.[`${o.src}|${o.row}`],
    raw: (id) => {
      const t = spec.raw?.[id];
      if (!t) throw new MissingDataError(`the fixture has no file "${id}"`);
      return t;
    },
    document: (doc) => {
      const t = spec.documents?.[doc];
      if (t === undefined) throw new MissingDataError(`the fixture has no text for the document "${doc}"`);
      return t;
    },
    memo: <T>(key: string, compute: () => T): T => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Lookups in the list of authorities (the same rules as src/data/la.ts, on the list passed in)

/** The authority with a DfE 3-digit code; an unknown code is an error. */
export function laByCode(t: Tables, laCode: string): La {
  const la = t.authorities().find((x) => x.laCode === laCode);
  if (!la) throw new DataError(`unknown LA code "${laCode}" (not in DfE's LA code list)`);
  return la;
}

/** The authority with an ONS code, if any. */
export function laByOnsCode(t: Tables, ons: string): La | undefined {
  return t.authorities().find((x) => x.onsCodes.includes(ons));
}

/** The authority with a name, however spelled; undefined when none or ambiguous. */
export function laByName(t: Tables, name: string): La | undefined {
  const n = normaliseLaName(name);
  const hits = t.authorities().filter((x) => normaliseLaName(x.name) === n);
  return hits.length === 1 ? hits[0] : undefined;
}

/** The authorities that existed in a financial year (before or after the 2019 and 2021 changes). */
export function authoritiesExisting(t: Tables, fy: string): La[] {
  const start = `${fy.slice(0, 4)}-04-01`;
  const gone = new Set<string>();
  const notYet = new Set<string>();
  for (const ch of BOUNDARY_CHANGES) {
    if (start >= ch.date) ch.from.forEach((c) => gone.add(c));
    else ch.to.forEach((c) => notYet.add(c));
  }
  return t.authorities().filter((x) => !gone.has(x.laCode) && !notYet.has(x.laCode));
}

/** The authorities of a financial year (152 in 2017-18), each with its Ofsted history; one missing from the sheet is an error. */
export function ofstedAuthoritiesIn(t: Tables, fy: string): OfstedAuthority[] {
  const byCode = new Map(t.ofsted().authorities.map((a) => [a.laCode, a]));
  return authoritiesExisting(t, fy).map((la) => {
    const a = byCode.get(la.laCode);
    if (!a) throw new DataError(`${source(OFSTED_SOURCE).file}: no row for ${la.name} (${la.laCode}), which existed in ${fy}`);
    return a;
  });
}
