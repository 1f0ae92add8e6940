#!/usr/bin/env node
// Brings registry files to the current schema; safe to run again (it changes nothing the second time).
// - `unverifiable` claims: params { because, why, settle } (was { reason, settle });
// - no free-text notes in params (`note`, `documentPeriodNote`, `vintageNote`, `excludeReason`): an
//   explanation is written from what a check computes, never from registry text;
// - no per-claim choice of the tiny authorities: every authority is in, unless the claim declares the
//   document's own method (reading.method);
// - readings declared from data/claims/readings.json (id -> reading), written before the data are read.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const dir = path.join(root, "data", "claims");
const readings = JSON.parse(fs.readFileSync(path.join(__dirname, "registry-readings.json"), "utf8"));

const BECAUSE = {
  "not-in-mirror": ["hcl-2-7-serious-incidents", "hcl-3-1-covid-share", "hcl-3-4-covid-spend", "hcl-3-4-covid-share", "hcl-3-4-nao-forecast", "hcl-4-2-providers", "nao-1-22-care-applications", "nao-s15-spending-power", "nao-2-18-funding-and-spending-power", "cc-reader-funding-cut-50", "nao-1-29-leavers-5-years"],
  "method-statement": ["govuk-2022-vision", "govuk-pac-2016"],
};
const becauseOf = (id) => Object.entries(BECAUSE).find(([, ids]) => ids.includes(id))?.[0] ?? "no-open-data";
// citations of another document's figures: checked against that document's text (basis cited)
const NAO_44 = "Our model suggests local authority characteristics account for 44% of variation between different local authorities over time";
const NAO_15 = "different levels of deprivation could account for 15% of the variation between local authorities’ use of child protection plans";
const NAO_10 = "a further 10% of this variation may be accounted for by changes which affect all local authorities at the same time";
const QUOTATIONS = {
  "hcl-la-50": { passage: NAO_44, roles: ["share"] },
  "hcl-deprivation-15": { passage: NAO_15, roles: ["share"] },
  "hcl-time-10": { passage: NAO_10, roles: ["share"] },
  "cc-la-almost-half-44": { passage: NAO_44, roles: ["half", "share"] },
  "cc-deprivation-15": { passage: NAO_15, roles: ["share"] },
  "cc-time-10": { passage: NAO_10, roles: ["share"] },
  "pac-c1-deprivation-15": { passage: NAO_15, roles: ["share"] },
};
// statements of the document's own method: no fact about the world to check
const METHOD = {
  "nao-app2-7-years": { why: "The years the NAO chose for its own model: a statement of method. The model rows re-estimate it on these years.", settle: "NAO, Pressures on children's social care, Appendix Two" },
};
const DROP = ["note", "documentPeriodNote", "vintageNote", "excludeReason"];

function files(d) {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? files(path.join(d, e.name)) : e.name.endsWith(".json") ? [path.join(d, e.name)] : []);
}

let changed = 0;
for (const f of files(dir)) {
  const text = fs.readFileSync(f, "utf8");
  const claims = JSON.parse(text);
  for (const c of claims) {
    const p = c.params ?? {};
    if (c.check === "unverifiable") {
      if (typeof p.reason === "string" && p.why === undefined) { p.why = p.reason; delete p.reason; }
      if (!p.because) p.because = becauseOf(c.id);
    }
    for (const k of DROP) delete p[k];
    for (const s of c.stated) if (s.role === "absRho") s.unit = "correlation";
    if (p.tiny === "exclude") p.tiny = "include";
    if (Array.isArray(p.exclude)) { p.alsoWithout = p.exclude; delete p.exclude; }
    if (readings[c.id]) c.reading = readings[c.id];
    if (METHOD[c.id] && c.check !== "unverifiable") {
      c.check = "unverifiable";
      for (const k of Object.keys(p)) delete p[k];
      Object.assign(p, { because: "method-statement", ...METHOD[c.id] });
    }
    if (QUOTATIONS[c.id] && c.check !== "quotation") {
      c.check = "quotation";
      for (const k of Object.keys(p)) delete p[k];
      Object.assign(p, { cites: "nao", passage: QUOTATIONS[c.id].passage, roles: QUOTATIONS[c.id].roles });
    }
    if (c.params) c.params = p;
  }
  const out = JSON.stringify(claims, null, 2) + "\n";
  if (out !== text) { fs.writeFileSync(f, out); changed++; }
}
console.log(`${changed} registry files changed`);
