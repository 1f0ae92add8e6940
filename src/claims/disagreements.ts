import type { Alternative, LedgerRow } from "./types";
import { withinWritten } from "./verdict";
import { completeStated } from "./written";
import { DOC_TITLES } from "./registry";

/** How one claim of a group relates to the data: which reading of the data reproduces its number. */
export interface Statement {
  id: string;
  document: string;
  location: string;
  written: string;
  term: string | null;
  period: string | null;
  stated: number;
  verdict: string;
  /** "the project's primary reading", an alternative's label, or null when no reading reproduces it. */
  matches: string | null;
  matchKind: Alternative["kind"] | "primary" | null;
}

/** Two or more places that state one quantity differently. */
export interface Disagreement {
  quantity: string;
  statements: Statement[];
  /** The project's primary reading of the quantity (the first statement's recomputed value, in its unit). */
  data: number | null;
  unit: string;
  /** Sentences generated from the matches: which reading each number follows. */
  cause: string;
}

const PRIMARY = "the project's primary reading";

/** Index of the role that carries the quantity in a row (the registry's quantityRole, else the first). */
function mainIndex(r: LedgerRow): number {
  const i = r.quantityRole ? r.roles.indexOf(r.quantityRole) : -1;
  return i >= 0 ? i : 0;
}

/** Every (quantity, role index) a row states: its main quantity and any further ones by role. */
export function statedQuantities(r: LedgerRow): { quantity: string; index: number }[] {
  const out: { quantity: string; index: number }[] = [];
  if (r.quantity) out.push({ quantity: r.quantity, index: mainIndex(r) });
  for (const [role, q] of Object.entries(r.quantities ?? {})) {
    const i = r.roles.indexOf(role);
    if (i >= 0) out.push({ quantity: q, index: i });
  }
  return out;
}

/** Which reading (primary or alternative) reproduces a stated value within its written precision. */
export function whichReading(r: LedgerRow, i: number): { label: string | null; kind: Statement["matchKind"] } {
  const q = r.qualifiers?.[i] ?? undefined;
  const tolerance = r.tolerances?.[i] ?? (q ? 0 : undefined);
  const sv = completeStated({ written: r.written[i], unit: r.units[i], role: r.roles[i], ...(q ? { qualifier: q } : {}), ...(tolerance !== undefined ? { tolerance } : {}), value: r.stated[i] });
  const rec = r.recomputed?.[i] ?? null;
  if (rec !== null && withinWritten({ ...sv, value: r.stated[i] }, rec)) return { label: r.readingLabel ? `${PRIMARY} (${r.readingLabel})` : PRIMARY, kind: "primary" };
  for (const a of r.alternatives ?? []) {
    const v = a.values[r.roles[i]];
    if (v === null || v === undefined) continue;
    if (withinWritten({ ...sv, value: r.stated[i] }, v)) return { label: a.label, kind: a.kind };
  }
  return { label: null, kind: null };
}

/**
 * Groups ledger rows by the quantity they state (the registry's `quantity`) and keeps the groups in
 * which the documents, or two places in one document, write the number differently or different
 * readings of the data reproduce them. Each statement says which reading of the data reproduces its number, so the
 * cause of the disagreement (a period, an inclusion, a revision, a definition) comes from the checks.
 */
export function disagreements(rows: LedgerRow[]): Disagreement[] {
  const groups = new Map<string, { r: LedgerRow; i: number }[]>();
  for (const r of rows) for (const { quantity, index } of statedQuantities(r)) groups.set(quantity, [...(groups.get(quantity) ?? []), { r, i: index }]);
  const out: Disagreement[] = [];
  for (const [quantity, rs] of groups) {
    if (rs.length < 2) continue;
    const statements: Statement[] = rs.map(({ r, i }) => {
      const w = whichReading(r, i);
      return { id: r.id, document: r.document, location: r.location, written: r.written[i], term: r.term ?? null, period: r.periods?.[i] ?? null, stated: r.stated[i], verdict: r.verdict, matches: w.label, matchKind: w.kind };
    });
    // listed when: a different reading of the data reproduces each number; or numbers for the same
    // period disagree beyond their written precision; or the documents name the quantity differently
    const differentReadings = new Set(statements.map((s) => s.matchKind === "primary" ? "primary" : s.matches)).size > 1 || statements.some((s) => s.matches === null && s.verdict !== "unverifiable" && s.verdict !== "model");
    const tol = (x: { r: LedgerRow; i: number }) => x.r.tolerances?.[x.i] ?? 0;
    const samePeriodDisagree = rs.some((a, ia) => rs.some((b, ib) => ib > ia && (a.r.periods?.[a.i] ?? null) === (b.r.periods?.[b.i] ?? null) && (a.r.periods?.[a.i] ?? null) !== null &&
      a.r.units[a.i] === b.r.units[b.i] && (a.r.qualifiers?.[a.i] ?? null) === (b.r.qualifiers?.[b.i] ?? null) && Math.abs(a.r.stated[a.i] - b.r.stated[b.i]) > Math.max(tol(a), tol(b)) + 1e-9));
    const differentQualifiers = new Set(statements.map((_, k) => rs[k].r.qualifiers?.[rs[k].i] ?? null)).size > 1;
    const differentTerms = new Set(statements.map((s) => s.term).filter((t) => t !== null)).size > 1;
    if (!differentReadings && !samePeriodDisagree && !differentQualifiers && !differentTerms) continue;
    const first = rs[0].r;
    const i0 = rs[0].i;
    const cause = statements
      .map((s) => {
        const who = `${DOC_TITLES[s.document as keyof typeof DOC_TITLES]?.split(",")[0] ?? s.document} (${s.location}) writes ${s.written}${s.term ? ` of “${s.term}”` : ""}${s.period ? ` for ${s.period}` : ""}`;
        if (s.matchKind === "primary") return `${who}: ${s.matches!.replace(PRIMARY, "the project's reading")} reproduces it`;
        if (s.matches) return `${who}: only ${s.matches} (${s.matchKind}) reproduces it`;
        return `${who}: no reading of the data reproduces it`;
      })
      .join("; ");
    out.push({ quantity, statements, data: first.recomputed?.[i0] ?? null, unit: first.units[i0], cause });
  }
  return out.sort((a, b) => a.quantity.localeCompare(b.quantity));
}
