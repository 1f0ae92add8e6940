import type { CheckResult, Claim, DocId, LedgerRow, Verdict } from "./types";
import * as fs from "node:fs";
import * as path from "node:path";
import { loadSources, MissingDataError, sha256, SuppressedError, verifySource } from "../data/sources";
import { cachedByKeyAsync, peekByKey } from "../data/cache";
import { seedsDir, sourcesFile } from "../paths";
import { VERDICTS } from "./types";
import { loadClaims } from "./registry";
import { CHECKS } from "./checks";
import { decideVerdict } from "./verdict";
import { dataFigure, firstSentence, plainWords, writeExplanation } from "./explain";
import { readingOf } from "./readings";
import { fmtNumber } from "../format";
import { realTables } from "./tables";

/** Short names of the documents, for explanations. */
export const DOC_NAMES: Record<DocId, string> = { nao: "the NAO report", pac: "the Committee's report", hcl: "the Commons Library briefing", govuk: "the NAO summary page", cc: "Community Care" };

export interface LedgerOptions {
  claims?: Claim[];
  /** Keep only these documents. */
  docs?: string[];
  /** Keep only ids equal to, or starting with, one of these (a trailing * is allowed). */
  ids?: string[];
  onProgress?: (done: number, total: number, id: string) => void;
  /**
   * Keep the whole ledger under the cache folder, keyed by everything it is computed from: the
   * claims, the documents' text, the data manifest and the code of the checks (a warm run that
   * changed none of them reads it back; the official files are still verified against the manifest).
   * Only a run of every claim is stored; a filtered run reads the stored ledger when there is one.
   */
  cache?: boolean;
}

/** Claims kept by the --doc and --id filters. */
export function selectClaims(claims: Claim[], docs?: string[], ids?: string[]): Claim[] {
  return claims.filter((c) =>
    (!docs || docs.length === 0 || docs.includes(c.document)) &&
    (!ids || ids.length === 0 || ids.some((p) => (p.endsWith("*") ? c.id.startsWith(p.slice(0, -1)) : c.id === p))));
}

/**
 * A resolver of "claim-id:role" references to other claims' stated numbers, for checks of a
 * document's internal consistency; a claim may not read its own stated values.
 */
export function documentNumbers(all: Claim[], self: string): (ref: string) => { value: number; written: string; claim: Claim } {
  return (ref: string) => {
    const [id, role] = ref.split(":");
    if (id === self) throw new Error(`claim "${self}": a check may not read its own stated values (${ref})`);
    const c = all.find((x) => x.id === id);
    if (!c) throw new Error(`claim "${self}": reference to unknown claim "${id}"`);
    const sv = c.stated.find((s) => s.role === role);
    if (!sv || sv.value === undefined) throw new Error(`claim "${self}": claim "${id}" has no stated role "${role}"`);
    return { value: sv.value, written: sv.written, claim: c };
  };
}

let registryForRefs: Claim[] | undefined;

/** Runs one claim's check and applies the verdict policy. */
export async function checkClaim(c: Claim, all?: Claim[]): Promise<LedgerRow> {
  const fn = CHECKS[c.check];
  if (!fn) throw new Error(`claim "${c.id}" names the check "${c.check}", which does not exist`);
  const pool = all ?? (registryForRefs ??= loadClaims());
  let res: CheckResult;
  try {
    res = await fn({ id: c.id, document: c.document, location: c.location, quantity: c.quantity, params: c.params ?? {}, documentNumber: documentNumbers(pool, c.id) }, realTables());
  } catch (e) {
    // a suppressed or absent figure makes this claim unverifiable; the rest of the ledger goes on
    if (!(e instanceof SuppressedError || e instanceof MissingDataError)) throw e;
    res = { values: {}, evidence: [], verdict: "unverifiable", reason: "not-in-mirror", explanation: `The data cannot give this figure: ${e.message}.` };
  }
  return rowOf(c, res);
}

/** A ledger row from a claim and its check's result: the verdict policy, then the explanation writer. */
export function rowOf(c: Claim, res: CheckResult): LedgerRow {
  const { decl, declared } = readingOf(c);
  const d = decideVerdict(c.stated, res, decl);
  const reproducedBy = [...new Set(d.comparisons.flatMap((x) => x.reproducedBy.map((a) => plainWords(a.label))))];
  const intervals = c.stated.map((s) => {
    const iv = res.interval?.[s.role];
    return iv ? { ...iv, containsStated: s.value! >= iv.low && s.value! <= iv.high } : null;
  });
  const ivText = intervals.some((x) => x)
    ? intervals.map((iv, i) => iv ? `${c.stated[i].written} lies ${iv.containsStated ? "inside" : "outside"} the 95% interval, ${dataFigure(c.stated[i], iv.low)} to ${dataFigure(c.stated[i], iv.high)} (${iv.method})` : "").filter(Boolean).join("; ")
    : undefined;
  const cited = typeof c.params?.cites === "string" ? DOC_NAMES[c.params.cites as DocId] : undefined;
  const first = firstSentence(c.stated, d, { primary: decl.primary, interval: ivText, citedName: cited });
  // which release the document used and the mirror lacks, when that is why the figure cannot be checked
  const notHeld = d.verdict === "unverifiable" && d.reason === "vintage-not-held" && decl.releaseNotHeld ? `Not held: ${decl.releaseNotHeld.replace(/\.$/, "")}. ` : "";
  const explanation = writeExplanation(first, notHeld + res.explanation);
  return {
    id: c.id,
    document: c.document,
    location: c.location,
    quote: c.quote,
    stated: c.stated.map((s) => s.value!),
    recomputed: c.stated.every((s) => res.values[s.role] === undefined || res.values[s.role] === null) ? null : c.stated.map((s) => res.values[s.role] ?? null),
    verdict: d.verdict,
    basis: d.basis,
    ...(d.verdict === "unverifiable" ? { reason: d.reason ?? "not-in-mirror" } : {}),
    reading: { primary: decl.primary, justification: decl.justification, declared, ...(reproducedBy.length ? { reproducedBy } : {}) },
    explanation,
    evidence: res.evidence,
    ...(intervals.some((x) => x) ? { intervals } : {}),
    units: c.stated.map((s) => s.unit),
    roles: c.stated.map((s) => s.role),
    written: c.stated.map((s) => s.written),
    ...(c.stated.some((s) => s.qualifier) ? { qualifiers: c.stated.map((s) => s.qualifier ?? null) } : {}),
    tolerances: c.stated.map((s) => s.tolerance ?? 0),
    ...(c.quantity ? { quantity: c.quantity } : {}),
    ...(c.quantityRole ? { quantityRole: c.quantityRole } : {}),
    ...(c.quantities ? { quantities: c.quantities } : {}),
    ...(c.term ? { term: c.term } : {}),
    ...(res.reading ? { readingLabel: res.reading } : {}),
    periods: c.stated.map((s) => s.period ?? null),
    ...(res.alternatives && res.alternatives.length ? { alternatives: res.alternatives } : {}),
  };
}

/** A hash of the documents' text and of the data manifest: the inputs of the checks besides the claims and the tables. */
function inputsHash(): string {
  const parts: string[] = [];
  const seeds = seedsDir();
  if (fs.existsSync(seeds)) for (const f of fs.readdirSync(seeds).sort()) if (f.endsWith(".txt")) parts.push(`${f}\0${sha256(fs.readFileSync(path.join(seeds, f)))}`);
  parts.push(`sources.json\0${sha256(fs.readFileSync(sourcesFile()))}`);
  return sha256(parts.join("\n"));
}

/** Runs every selected claim's check, in registry order. */
export async function buildLedger(opts: LedgerOptions = {}): Promise<LedgerRow[]> {
  const all = opts.claims ?? loadClaims({ checkNames: Object.keys(CHECKS) });
  const claims = selectClaims(all, opts.docs, opts.ids);
  if (!opts.cache) return runClaims(claims, all, opts);
  const key = sha256(JSON.stringify({ claims: all, inputs: inputsHash() }));
  const keep = new Set(claims.map((c) => c.id));
  const stored = peekByKey<LedgerRow[]>("ledger", key, __filename);
  if (stored) {
    // the ledger was computed from these files: they must still be the manifest's
    for (const s of loadSources()) verifySource(s);
    opts.onProgress?.(claims.length, claims.length, "");
    return stored.filter((r) => keep.has(r.id));
  }
  // a filtered run computes only its claims; a run of every claim is stored
  if (claims.length < all.length) return runClaims(claims, all, opts);
  return cachedByKeyAsync("ledger", key, () => runClaims(all, all, opts), __filename);
}

async function runClaims(claims: Claim[], all: Claim[], opts: LedgerOptions): Promise<LedgerRow[]> {
  const rows: LedgerRow[] = [];
  for (let i = 0; i < claims.length; i++) {
    opts.onProgress?.(i, claims.length, claims[i].id);
    rows.push(await checkClaim(claims[i], all));
  }
  opts.onProgress?.(claims.length, claims.length, "");
  return rows;
}

/** Number of rows per verdict, every verdict listed. */
export function countByVerdict(rows: LedgerRow[]): Record<Verdict, number> {
  const out = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const r of rows) out[r.verdict]++;
  return out;
}

/** Number of rows per basis and verdict. */
export function countByBasis(rows: LedgerRow[]): Record<string, Record<Verdict, number>> {
  const out: Record<string, Record<Verdict, number>> = {};
  for (const r of rows) {
    out[r.basis] ??= Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
    out[r.basis][r.verdict]++;
  }
  return out;
}

/** Counts per document and verdict. */
export function countByDocument(rows: LedgerRow[]): Record<string, Record<Verdict, number>> {
  const out: Record<string, Record<Verdict, number>> = {};
  for (const r of rows) {
    out[r.document] ??= Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
    out[r.document][r.verdict]++;
  }
  return out;
}
