import type { CheckResult } from "../types";
import type { Check, ClaimContext } from "../checks/types";
import type { Tables } from "../tables";
import type { Facts } from "./facts";

/** What a kind returns: the check result, with its deciding numbers as facts. */
export type KindResult = CheckResult & { facts: Facts };

/**
 * A check kind: a pure function of the tables it is given and the claim's parameters. The claim
 * context gives the id (for messages) and, for arithmetic on a document's own numbers, the other
 * claims' stated values.
 */
export type Kind = (tables: Tables, params: Params, claim: ClaimContext) => KindResult | Promise<KindResult>;

/**
 * A kind as the ledger calls it. params.as ({ statedRole: kindValue }) answers a claim's roles with
 * values the kind names otherwise (a document's "budgetTo" is the kind's "to"), in the values, the
 * data's rounding and every alternative reading.
 */
export function asCheck(kind: Kind): Check {
  return async (c, tables) => {
    const p = new Params(c.id, c.params);
    const r = await kind(tables, p, c);
    const as = p.obj("as");
    if (!as) return r;
    const rename = <T>(v: Record<string, T> | undefined): Record<string, T> | undefined => {
      if (!v) return v;
      const out = { ...v };
      for (const [role, name] of Object.entries(as)) if (name in v) out[role] = v[name];
      return out;
    };
    return {
      ...r,
      values: rename(r.values)!,
      ...(r.dataTolerance ? { dataTolerance: rename(r.dataTolerance) } : {}),
      ...(r.alternatives ? { alternatives: r.alternatives.map((a) => ({ ...a, values: rename(a.values)! })) } : {}),
    };
  };
}

/** A claim's parameters, read with messages that name the claim. */
export class Params {
  constructor(readonly claimId: string, readonly raw: Record<string, unknown>) {}

  /** A text parameter that must be there. */
  str(name: string): string {
    const v = this.raw[name];
    if (typeof v !== "string") throw new Error(`claim "${this.claimId}": parameter "${name}" is missing or not text`);
    return v;
  }

  /** A text parameter with a default. */
  opt<T extends string = string>(name: string, dflt: T): T;
  opt<T extends string = string>(name: string): T | undefined;
  opt(name: string, dflt?: string): string | undefined {
    const v = this.raw[name];
    return typeof v === "string" ? v : dflt;
  }

  /** One of the given words. */
  oneOf<T extends string>(name: string, allowed: readonly T[], dflt: T): T {
    const v = this.opt(name, dflt);
    if (!allowed.includes(v as T)) throw new Error(`claim "${this.claimId}": parameter "${name}" must be ${allowed.map((a) => `"${a}"`).join(" or ")}`);
    return v as T;
  }

  /** A list of texts ([] when absent). */
  list(name: string): string[] {
    const v = this.raw[name];
    return Array.isArray(v) ? v.map(String) : [];
  }

  /** A list of texts, or undefined when absent. */
  optList(name: string): string[] | undefined {
    const v = this.raw[name];
    return Array.isArray(v) ? v.map(String) : undefined;
  }

  /** An object parameter ({ role: spec }, …), or undefined when absent. */
  obj<T = Record<string, string>>(name: string): T | undefined {
    const v = this.raw[name];
    return v && typeof v === "object" && !Array.isArray(v) ? (v as T) : undefined;
  }

  /** An object parameter that must be there. */
  req<T = Record<string, string>>(name: string, what = "an object"): T {
    const v = this.obj<T>(name);
    if (!v) throw new Error(`claim "${this.claimId}": parameter "${name}" (${what}) is missing`);
    return v;
  }

  flag(name: string): boolean {
    return this.raw[name] === true;
  }

  /** An error about this claim's parameters. */
  error(message: string): Error {
    return new Error(`claim "${this.claimId}": ${message}`);
  }
}

/** A kind that serves several families of figures, chosen by params.of (default the first). */
export function byFamily(name: string, families: Record<string, Kind>): Kind {
  const first = Object.keys(families)[0];
  return (t, p, c) => {
    const of = p.opt("of", first);
    const f = families[of];
    if (!f) throw p.error(`the ${name} kind has no family "${of}" (families: ${Object.keys(families).join(", ")})`);
    return f(t, p, c);
  };
}
