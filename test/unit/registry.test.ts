import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { loadClaims, misquoted, RegistryError } from "../../src/claims/registry";
import { CHECKS } from "../../src/claims/checks";
import { selectClaims } from "../../src/claims/ledger";
import { ROOT } from "../helpers";
import { tempDir } from "../tmp";

const claim = (over: Record<string, unknown> = {}) => ({
  id: "nao-x", document: "nao", location: "para 1.7", quote: "In 2017-18, local authorities received 655,630 referrals.",
  stated: [{ written: "655,630", unit: "count", role: "level" }], check: "level", params: { of: "england", measure: "referrals", year: "2017-18" }, ...over,
});

function registry(files: Record<string, unknown>): string {
  const dir = tempDir("csc-reg-");
  for (const [f, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}

test("registry: a valid claim loads with its stated value parsed", () => {
  const [c] = loadClaims({ dir: registry({ "nao/a.json": [claim()] }), checkNames: Object.keys(CHECKS) });
  assert.equal(c.stated[0].value, 655630);
  assert.equal(c.stated[0].tolerance, 5);
});

test("registry: duplicate ids, unknown checks, a wrong folder and unreadable numbers are errors naming the claim", () => {
  assert.throws(() => loadClaims({ dir: registry({ "nao/a.json": [claim()], "nao/b.json": [claim()] }) }), /claim id "nao-x" appears twice \(nao\/a\.json and nao\/b\.json\)/);
  assert.throws(() => loadClaims({ dir: registry({ "nao/a.json": [claim({ check: "noSuchCheck" })] }), checkNames: Object.keys(CHECKS) }), /names the check "noSuchCheck", which does not exist/);
  assert.throws(() => loadClaims({ dir: registry({ "pac/a.json": [claim()] }) }), /is in the folder pac\/ but says document "nao"/);
  assert.throws(() => loadClaims({ dir: registry({ "nao/a.json": [claim({ stated: [{ written: "many", unit: "count", role: "level" }] })] }) }), /claim "nao-x".*cannot read a number in "many"/);
  assert.throws(() => loadClaims({ dir: registry({ "nao/a.json": [claim({ stated: [{ written: "1", unit: "furlongs", role: "level" }] })] }) }), RegistryError);
  assert.throws(() => loadClaims({ dir: registry({ "nao/a.json": "[{" }) }), /cannot read the claims file/);
  assert.throws(() => loadClaims({ dir: registry({ "nao/a.json": [claim({ extra: 1 })] }) }), /Unrecognized key/);
});

test("registry: a quote not in the document is reported", () => {
  const claims = loadClaims({ dir: registry({ "nao/a.json": [claim(), claim({ id: "nao-y", quote: "In 2017-18, local authorities received 655,631 referrals." })] }) });
  assert.deepEqual(misquoted(claims), [{ id: "nao-y", document: "nao" }]);
});

test("the project's registry: every quote is verbatim in the seeds and every check exists", () => {
  const claims = loadClaims({ dir: path.join(ROOT, "data", "claims"), checkNames: Object.keys(CHECKS) });
  assert.ok(claims.length >= 50, `${claims.length} claims`);
  assert.deepEqual(misquoted(claims), []);
  for (const c of claims) {
    // the stated values never reach a check: params must not repeat a stated number as a value to return
    assert.ok(!JSON.stringify(c.params ?? {}).includes(`"value"`), `${c.id} params carry a value`);
  }
});

test("--doc and --id filters", () => {
  const claims = loadClaims({ dir: registry({ "nao/a.json": [claim(), claim({ id: "nao-y" })], "pac/b.json": [claim({ id: "pac-z", document: "pac" })] }) });
  assert.deepEqual(selectClaims(claims, ["pac"]).map((c) => c.id), ["pac-z"]);
  assert.deepEqual(selectClaims(claims, undefined, ["nao-*"]).map((c) => c.id), ["nao-x", "nao-y"]);
  assert.deepEqual(selectClaims(claims, ["nao"], ["nao-y"]).map((c) => c.id), ["nao-y"]);
});

test("internal consistency: a check reads other claims' numbers, never its own; a mismatch is inconsistent", async () => {
  const { checkClaim } = await import("../../src/claims/ledger");
  const dir = registry({
    "hcl/a.json": [
      { id: "hcl-from", document: "hcl", location: "table 1", quote: "In 2010", stated: [{ written: "615,000", unit: "count", role: "from" }], check: "unverifiable" },
      { id: "hcl-to", document: "hcl", location: "table 1", quote: "In 2010", stated: [{ written: "643,000", unit: "count", role: "to" }], check: "unverifiable" },
      { id: "hcl-pct-ok", document: "hcl", location: "table 1", quote: "In 2010", stated: [{ written: "5%", unit: "percent", role: "pct" }], check: "arithmetic", params: { relation: "pctChange", inputs: ["hcl-from:from", "hcl-to:to"], role: "pct" } },
      { id: "hcl-pct-bad", document: "hcl", location: "table 1", quote: "In 2010", stated: [{ written: "8%", unit: "percent", role: "pct" }], check: "arithmetic", params: { relation: "pctChange", inputs: ["hcl-from:from", "hcl-to:to"], role: "pct" } },
      { id: "hcl-self", document: "hcl", location: "table 1", quote: "In 2010", stated: [{ written: "8%", unit: "percent", role: "pct" }], check: "arithmetic", params: { relation: "sum", inputs: ["hcl-self:pct"], role: "pct" } },
    ],
  });
  const claims = loadClaims({ dir, checkNames: Object.keys(CHECKS) });
  const ok = await checkClaim(claims[2], claims);
  assert.equal(ok.verdict, "consistent");
  assert.equal(ok.basis, "document");
  assert.ok(Math.abs(ok.recomputed![0]! - 100 * 28000 / 615000) < 1e-9);
  const bad = await checkClaim(claims[3], claims);
  assert.equal(bad.verdict, "inconsistent");
  assert.match(bad.explanation, /100 × \(643,000 − 615,000\) \/ 615,000 = 4\.55%/);
  await assert.rejects(checkClaim(claims[4], claims), /may not read its own stated values/);
});

test("no registry text carries a numeric finding: only quotes, written figures and citations hold numbers", () => {
  const claims = loadClaims();
  // what may hold digits in free text: years and financial years, dates, document and paragraph references,
  // identifiers of returns and lines (RO3, s251, COVID-19)
  const allowed = /\b(?:19|20)\d{2}(?:-\d{2})?\b|\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\bHC \d+\b|\b(?:paras?|paragraphs?|footnote|Figure|line|section) \d+(?:\.\d+)?(?:[–-]\d+(?:\.\d+)?)?\b|\b[A-Za-z]+-?\d+\b/g;
  const offenders: string[] = [];
  for (const c of claims) {
    const p = (c.params ?? {}) as Record<string, unknown>;
    for (const k of ["note", "documentPeriodNote", "vintageNote", "excludeReason", "reason"]) if (k in p) offenders.push(`${c.id}: params.${k} is not allowed`);
    const texts = [p.why, c.reading?.primary, c.reading?.justification, c.reading?.releaseNotHeld, c.reading?.dataNotHeld];
    for (const t of texts) if (typeof t === "string" && /\d/.test(t.replace(allowed, ""))) offenders.push(`${c.id}: "${t}"`);
  }
  assert.deepEqual(offenders, []);
  // and the scan does catch a finding
  assert.match("the share was 49.1% in the file".replace(allowed, ""), /\d/);
});
