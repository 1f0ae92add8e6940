/**
 * Suppression and "not available" markers used in official statistics files.
 * DfE: x (suppressed / not available), c (confidential), z (not applicable), low / k (small count),
 * u (low reliability), : (not available, 2020 EES), .. (not supplied, old SFR files), . and - (none / nil);
 * MHCLG uses "…" and "-" for missing; blank cells are missing too.
 */
export const MARKERS: readonly string[] = ["x", "c", "z", ":", "..", ".", "low", "k", "u", "-", "…", "...", "n/a", "na", ""];

/** A cell read from a file: a number, or null with the marker that stood in its place. */
export interface Cell {
  value: number | null;
  /** The marker found instead of a number (e.g. "x", ".."), or undefined when the cell held a number. */
  marker?: string;
  /** The raw text, kept when the cell was neither a number nor a known marker. */
  text?: string;
}

const NUMBER_RE = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Parses one cell of an official file into a number or a marker.
 * Numbers may carry thousands separators ("735,500"), a leading £ or a trailing %.
 * A known marker becomes `{ value: null, marker }`; anything else becomes `{ value: null, text }`.
 *
 * @param raw the cell as read (string, number, null or undefined)
 * @example parseCell("735,500") // => { value: 735500 }
 * @example parseCell("x") // => { value: null, marker: "x" }
 * @example parseCell(" 12.5% ") // => { value: 12.5 }
 */
export function parseCell(raw: unknown): Cell {
  if (raw === null || raw === undefined) return { value: null, marker: "" };
  if (typeof raw === "number") return Number.isFinite(raw) ? { value: raw } : { value: null, marker: String(raw) };
  let s = String(raw).trim();
  if (s === "") return { value: null, marker: "" };
  const lower = s.toLowerCase();
  if (MARKERS.includes(lower)) return { value: null, marker: s };
  s = s.replace(/^£/, "").replace(/%$/, "").trim();
  if (s !== "" && NUMBER_RE.test(s) && /\d/.test(s)) {
    const v = Number(s.replace(/,/g, ""));
    if (Number.isFinite(v)) return { value: v };
  }
  return { value: null, text: String(raw) };
}

/** True when a cell holds a number. */
export function isNumber(c: Cell): boolean {
  return c.value !== null;
}
