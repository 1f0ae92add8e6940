import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { claimsDir, seedsDir } from "../paths";
import type { Claim } from "./types";
import { completeStated } from "./written";

export const DOC_FILES: Record<Claim["document"], string> = {
  nao: "nao-2019-pressures-on-childrens-social-care.txt",
  pac: "pac-2019-transforming-childrens-services.txt",
  hcl: "commons-library-2021-cbp8543.txt",
  govuk: "nao-2019-summary-page.txt",
  cc: "community-care-2019-article.txt",
};

export const DOC_TITLES: Record<Claim["document"], string> = {
  nao: "NAO, Pressures on children's social care (HC 1868, January 2019)",
  pac: "Public Accounts Committee, Transforming children's services (March 2019)",
  hcl: "House of Commons Library, Children's social care services in England (CBP 8543, March 2021)",
  govuk: "NAO summary page (gov.uk / nao.org.uk)",
  cc: "Community Care, 23 January 2019",
};

const StatedSchema = z.object({
  written: z.string().min(1),
  unit: z.enum(["count", "percent", "pp", "per10k", "gbp", "gbp_m", "gbp_bn", "ratio", "correlation", "year"]),
  role: z.string().min(1),
  period: z.string().optional(),
  tolerance: z.number().nonnegative().optional(),
  value: z.number().optional(),
  qualifier: z.enum(["about", "less-than", "more-than", "almost", "just-over", "over", "under", "at-least"]).optional(),
}).strict();

export const ClaimSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case words joined by hyphens"),
  document: z.enum(["nao", "pac", "hcl", "govuk", "cc"]),
  location: z.string().min(1),
  quote: z.string().min(1),
  stated: z.array(StatedSchema).min(1),
  check: z.string().min(1),
  params: z.record(z.unknown()).optional(),
  quantity: z.string().optional(),
  quantityRole: z.string().optional(),
  quantities: z.record(z.string()).optional(),
  term: z.string().optional(),
  topic: z.string().optional(),
  reading: z.object({
    primary: z.string().min(1),
    justification: z.string().min(1),
    method: z.string().min(1).optional(),
    releaseNotHeld: z.string().min(1).optional(),
    dataNotHeld: z.string().min(1).optional(),
  }).strict().optional(),
}).strict();

export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RegistryError";
  }
}

/** Whitespace folded to single spaces, curly quotes and dashes kept as they are. */
export function normaliseSpace(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/**
 * Loads every registry file (data/claims/<document>/*.json: an array of claims each), validates it with zod,
 * fills each stated value's number and precision from its written form, and rejects duplicate ids
 * and checks that do not exist (when the list of check names is given).
 */
export function loadClaims(opts: { dir?: string; checkNames?: string[] } = {}): Claim[] {
  const dir = opts.dir ?? claimsDir();
  if (!fs.existsSync(dir)) throw new RegistryError(`the claims folder ${dir} does not exist`);
  const files = listJson(dir);
  const claims: Claim[] = [];
  const where = new Map<string, string>();
  for (const f of files) {
    const p = path.join(dir, f);
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(p, "utf8"));
    } catch (e) {
      throw new RegistryError(`cannot read the claims file ${p}: ${(e as Error).message}`);
    }
    const parsed = z.array(ClaimSchema).safeParse(json);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      const idx = typeof i.path[0] === "number" ? i.path[0] : -1;
      const id = idx >= 0 && Array.isArray(json) ? (json[idx] as { id?: string })?.id : undefined;
      throw new RegistryError(`claims file ${f}${id ? `, claim "${id}"` : ""}: ${i.path.join(".")}: ${i.message}`);
    }
    const folder = f.includes("/") ? f.split("/")[0] : undefined;
    for (const c of parsed.data) {
      if (folder && folder !== c.document) throw new RegistryError(`claim "${c.id}" is in the folder ${folder}/ but says document "${c.document}"`);
      if (where.has(c.id)) throw new RegistryError(`claim id "${c.id}" appears twice (${where.get(c.id)} and ${f})`);
      where.set(c.id, f);
      if (opts.checkNames && !opts.checkNames.includes(c.check)) throw new RegistryError(`claim "${c.id}" (${f}) names the check "${c.check}", which does not exist`);
      const roles = c.stated.map((s) => s.role);
      if (new Set(roles).size !== roles.length) throw new RegistryError(`claim "${c.id}" (${f}) gives the same role twice`);
      for (const r of Object.keys(c.quantities ?? {})) if (!roles.includes(r)) throw new RegistryError(`claim "${c.id}" (${f}): quantities names the role "${r}", which it does not state`);
      if (c.quantityRole && !roles.includes(c.quantityRole)) throw new RegistryError(`claim "${c.id}" (${f}): quantityRole "${c.quantityRole}" is not one of its roles`);
      let stated;
      try {
        stated = c.stated.map(completeStated);
      } catch (e) {
        throw new RegistryError(`claim "${c.id}" (${f}): ${(e as Error).message}`);
      }
      claims.push({ ...c, stated } as Claim);
    }
  }
  return claims;
}

/** Registry files, relative to the claims folder: every .json file, one folder per document. */
function listJson(dir: string, rel = ""): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listJson(dir, r));
    else if (e.name.endsWith(".json")) out.push(r);
  }
  return out.sort();
}

/** Claims whose quote is not found verbatim (whitespace folded) in its document's text. */
export function misquoted(claims: Claim[], dir = seedsDir()): { id: string; document: string }[] {
  const texts = new Map<string, string>();
  const out: { id: string; document: string }[] = [];
  for (const c of claims) {
    if (!texts.has(c.document)) texts.set(c.document, normaliseSpace(fs.readFileSync(path.join(dir, DOC_FILES[c.document]), "utf8")));
    const text = texts.get(c.document)!;
    if (!text.includes(normaliseSpace(c.quote))) out.push({ id: c.id, document: c.document });
    else if (c.reading?.method && !text.includes(normaliseSpace(c.reading.method))) out.push({ id: c.id, document: c.document });
  }
  return out;
}
