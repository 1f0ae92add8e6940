import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ts from "typescript";
import { projectRoot } from "../../src/paths";

// A check is a pure function of the tables it is given: no module under src/claims/checks or
// src/claims/kinds (nor any module of src/claims they import) may import a function that loads data.
// Types, constants (label maps, file ids) and pure helpers are fine; they are listed here by name.

const SRC = path.join(projectRoot(), "src");

/** Value exports of the data modules a check may import, by module (relative to src/data). */
const ALLOWED: Record<string, Set<string>> = {
  sources: new Set(["DataError", "MissingDataError", "SuppressedError", "source"]),
  obs: new Set(["ObsTable", "num", "evidenceFor"]),
  la: new Set(["isTiny", "normaliseLaName", "authoritiesIn"]),
  "tidy/common": new Set(["fyFromEnd", "endOfFy", "fySuffix", "levelOf"]),
  "tidy/spending": new Set(["inPounds", "s251LineName", "s251LineCode"]),
  "tidy/spending-deflator": new Set(["deflatorIndex", "realTerms", "realChange"]),
  "tidy/ofsted": new Set(["gradeOf", "parseBasis", "basisText", "judgementFor", "judgementAt", "firstSif", "gradeCounts", "ofstedEvidence"]),
  "tidy/cla": new Set(["placementLayout2010", "sumObs", "sfrLevel"]),
};

/** Exports of src/claims/tables.ts that hand out the real data. */
const TABLE_FACTORIES = new Set(["realTables", "createTables"]);

/** A module's exported names that are values (functions, constants, classes), from its source. */
function valueExports(file: string): Set<string> {
  const src = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, false);
  const out = new Set<string>();
  for (const st of src.statements) {
    const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) && st.name) out.add(st.name.text);
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) out.add(d.name.text);
  }
  return out;
}

/** The value imports of a module: { target file, names }, type-only imports left out. */
function valueImports(file: string): { target: string; names: string[]; text: string }[] {
  const src = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, false);
  const out: { target: string; names: string[]; text: string }[] = [];
  for (const st of src.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const spec = st.moduleSpecifier.text;
    if (!spec.startsWith(".")) continue;
    const clause = st.importClause;
    if (!clause || clause.isTypeOnly) continue;
    let target = path.resolve(path.dirname(file), spec);
    target = fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, "index.ts");
    const names: string[] = [];
    if (clause.name) names.push("default");
    const nb = clause.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) names.push("*");
    if (nb && ts.isNamedImports(nb)) for (const e of nb.elements) if (!e.isTypeOnly) names.push((e.propertyName ?? e.name).text);
    out.push({ target, names, text: st.getText(src) });
  }
  return out;
}

function tsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

/** The problems of one module's imports (empty when it reads no data itself). */
function problems(file: string): string[] {
  const out: string[] = [];
  const rel = (f: string) => path.relative(SRC, f).replace(/\\/g, "/");
  for (const imp of valueImports(file)) {
    const target = rel(imp.target);
    const where = `${rel(file)}: ${imp.text}`;
    if (target === "claims/tables.ts") {
      for (const n of imp.names) if (TABLE_FACTORIES.has(n) || n === "*") out.push(`${where} (takes the real tables instead of the ones it is given)`);
      continue;
    }
    if (!target.startsWith("data/")) continue;
    const mod = target.slice("data/".length).replace(/\.ts$/, "");
    const values = valueExports(imp.target);
    for (const n of imp.names) {
      if (n === "*" || n === "default") { out.push(`${where} (a whole data module)`); continue; }
      if (!values.has(n)) continue; // a type
      if (/^[A-Z][A-Z0-9_]*$/.test(n)) continue; // a constant: labels, file ids
      if (ALLOWED[mod]?.has(n)) continue;
      out.push(`${where} ("${n}" loads data)`);
    }
  }
  for (const m of fs.readFileSync(file, "utf8").matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) out.push(`${rel(file)}: require("${m[1]}")`);
  return out;
}

/** The checks and kinds, with every module of src/claims they import (tables.ts, the injection point, aside). */
function modulesToScan(): string[] {
  const roots = [...tsFiles(path.join(SRC, "claims", "checks")), ...tsFiles(path.join(SRC, "claims", "kinds"))];
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const f = queue.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const imp of valueImports(f)) {
      const r = path.relative(path.join(SRC, "claims"), imp.target);
      if (!r.startsWith("..") && r !== "tables.ts" && fs.existsSync(imp.target)) queue.push(imp.target);
    }
  }
  return [...seen].sort();
}

test("no check or kind loads data itself: every table comes in through the Tables it is given", () => {
  const files = modulesToScan();
  assert.ok(files.some((f) => f.includes(`${path.sep}checks${path.sep}`)), "the scan finds the checks");
  const found = files.flatMap(problems);
  assert.deepEqual(found, []);
});

test("the scan catches a module that loads a table, reads a file or takes the real tables", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "purity-probe-"));
  try {
    const f = path.join(dir, "probe.ts");
    const to = (m: string) => path.relative(dir, path.join(SRC, m)).replace(/\\/g, "/");
    fs.writeFileSync(f, [
      `import { cinTable, CIN_SFR } from "${to("data/tidy/cin")}";`,
      `import type { Obs } from "${to("data/obs")}";`,
      `import { readCsv } from "${to("data/readers")}";`,
      `import { realTables, laByCode } from "${to("claims/tables")}";`,
      `import { inPounds, type DeflatorPoint } from "${to("data/tidy/spending")}";`,
      `import { fyFromEnd } from "${to("data/tidy/common")}";`,
      `export const x = [cinTable, CIN_SFR, readCsv, realTables, laByCode, inPounds, fyFromEnd];`,
    ].join("\n"));
    const p = problems(f).map((s) => s.replace(/^.*?: /, ""));
    assert.equal(p.length, 3, p.join("\n"));
    assert.match(p[0], /"cinTable" loads data/);
    assert.match(p[1], /"readCsv" loads data/);
    assert.match(p[2], /takes the real tables/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
