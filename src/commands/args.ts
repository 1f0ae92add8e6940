/**
 * Strict option parsing shared by every command (node's util.parseArgs): `--help` (or -h) prints
 * the command's usage and does nothing else; an unknown option, a missing value, a stray word or a
 * value outside a command's list is a usage error (exit 2) that lists the valid ones and suggests
 * the nearest.
 */
import { parseArgs } from "node:util";

/** A bad invocation: the message says what is wrong and what would be right; exit status 2. */
export class UsageError extends Error {
  readonly code = 2;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** One option of a command: a string value (the default) or a flag. */
export interface OptionSpec {
  type?: "string" | "boolean";
  short?: string;
}

/**
 * Optimal-string-alignment edit distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each cost 1 ("fromat" is 1 from "format").
 *
 * @example editDistance("fromat", "format") // => 1
 * @example editDistance("output", "out") // => 3
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidates nearest to a word: those a few edits away, or those the word begins (or that begin
 * the word); best first.
 *
 * @example nearest("fromat", ["format", "doc", "id", "out"]) // => ["format"]
 * @example nearest("output", ["format", "doc", "id", "out"]) // => ["out"]
 */
export function nearest(word: string, candidates: readonly string[], max = 3): string[] {
  const w = word.toLowerCase();
  const scored = candidates
    .map((c) => {
      const l = c.toLowerCase();
      const dist = editDistance(w, l);
      const prefix = l.startsWith(w) || (w.startsWith(l) && l.length >= 2);
      return { c, score: prefix ? Math.min(dist, 1.5) : dist };
    })
    .filter((x) => x.score <= Math.max(2, Math.floor(w.length / 3)) || x.score === 1.5);
  scored.sort((a, b) => a.score - b.score || (a.c < b.c ? -1 : 1));
  return scored.slice(0, max).map((x) => x.c);
}

/** "did you mean X?" for a word, or "" when nothing is near. */
export function suggestion(word: string, candidates: readonly string[], format: (c: string) => string = (c) => c): string {
  const near = nearest(word, candidates, 1);
  return near.length ? `; did you mean ${format(near[0])}?` : "";
}

/** True when the arguments ask for help. */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === "--") return false;
    if (a === "--help" || a === "-h") return true;
  }
  return false;
}

/**
 * Parses a command's options strictly.
 *
 * @param command the command's name, for messages ("recheck")
 * @param argv the words after the command's name
 * @param options the command's options (help is added)
 * @param usage the command's usage text, shown after a usage error
 * @returns the values given (strings or booleans); `help: true` when help was asked for
 * @throws {UsageError} for an unknown option, a missing value or a stray word
 */
export function parseOptions(
  command: string,
  argv: string[],
  options: Record<string, OptionSpec>,
  usage: string,
): Record<string, string | boolean | undefined> {
  if (wantsHelp(argv)) return { help: true };
  const spec: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const [name, o] of Object.entries(options)) spec[name] = { type: o.type ?? "string", ...(o.short ? { short: o.short } : {}) };
  const names = Object.keys(options).map((n) => `--${n}`);
  const listed = [...names, "--help"].join(", ");
  try {
    const { values } = parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false });
    for (const [name, o] of Object.entries(options)) {
      const v = values[name];
      if ((o.type ?? "string") === "string" && typeof v === "string" && v.trim() === "") {
        throw new UsageError(`${command}: option --${name} needs a value\n\n${usage}`);
      }
    }
    return values as Record<string, string | boolean | undefined>;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as { code?: string }).code;
    const msg = (e as Error).message;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const m = /Unknown option '([^']+)'/.exec(msg);
      const given = m ? m[1] : "";
      const bare = given.replace(/^-+/, "").replace(/=.*$/, "");
      const near = given.startsWith("--") || bare.length > 1 ? suggestion(bare, Object.keys(options), (c) => `--${c}`) : "";
      throw new UsageError(`${command}: unknown option ${given || "(?)"}${near}\nOptions: ${listed}\n\n${usage}`);
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const m = /Option '(?:-\w, )?(--[\w-]+)/.exec(msg);
      const opt = m ? m[1] : "an option";
      if (/argument missing|ambiguous/.test(msg)) throw new UsageError(`${command}: option ${opt} needs a value\n\n${usage}`);
      throw new UsageError(`${command}: option ${opt} takes no value\n\n${usage}`);
    }
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      const m = /Unexpected argument '([^']*)'/.exec(msg);
      throw new UsageError(`${command}: unexpected argument "${m ? m[1] : "?"}" (options take the form --name value)\n\n${usage}`);
    }
    throw new UsageError(`${command}: ${msg}\n\n${usage}`);
  }
}

/**
 * Checks one value against the allowed ones (case-insensitive); returns it in the allowed spelling.
 *
 * @throws {UsageError} naming the option, the value, the allowed values and the nearest
 */
export function oneOf<T extends string>(command: string, option: string, value: string, allowed: readonly T[]): T {
  const hit = allowed.find((a) => a.toLowerCase() === value.trim().toLowerCase());
  if (hit !== undefined) return hit;
  throw new UsageError(`${command}: unknown --${option} "${value}"${suggestion(value, allowed)} (use ${allowed.join(", ")})`);
}

/**
 * A comma-separated list whose every item must be one of the allowed values (case-insensitive);
 * an unknown or empty item is an error, never silently dropped.
 */
export function listOf<T extends string>(command: string, option: string, value: string, allowed: readonly T[]): T[] {
  const items = value.split(",").map((s) => s.trim());
  if (items.some((s) => s === "")) throw new UsageError(`${command}: --${option} "${value}" has an empty item (use ${allowed.join(", ")}, separated by commas)`);
  return items.map((s) => oneOf(command, option, s, allowed));
}
