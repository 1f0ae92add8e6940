import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { makeKit } from "../fixture-kit";
import { fetchSources, loadSources, DataError, verifySource, source } from "../../src/data/sources";
import { readCsv, readSheet } from "../../src/data/readers";
import { validateObs, Obs } from "../../src/data/obs";
import { fromEes } from "../../src/data/tidy/common";
import { cached, cacheStats } from "../../src/data/cache";

const EES = [
  "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,Referrals,Referrals_rate",
  "2018,Reporting year,National,E92000001,England,,,,,,655630,552.5",
  "2018,Reporting year,Local authority,E92000001,England,E12000001,North East,841,E06000005,Darlington,1200,x",
  "2018,Reporting year,Local authority,E92000001,England,E12000009,South West,420,E06000053,Isles of Scilly,c,c",
].join("\n") + "\n";

function xlsxBytes(sheet: string, rows: unknown[][]): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet);
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

test("data: copies from the mirror and verifies every sha256", async () => {
  const kit = makeKit();
  kit.add("t-ok", "a/ok.csv", EES);
  kit.writeManifest();
  const restore = kit.use();
  try {
    const r = await fetchSources({ mirror: kit.mirror });
    assert.deepEqual({ copied: r.copied, total: r.total }, { copied: 1, total: 1 });
    assert.equal(fs.readFileSync(path.join(kit.raw, "a/ok.csv"), "utf8"), EES);
    const again = await fetchSources({ mirror: kit.mirror });
    assert.equal(again.present, 1);
  } finally {
    restore();
  }
});

test("data: a checksum mismatch stops with file, expected and actual hash, and writes nothing", async () => {
  const kit = makeKit();
  kit.add("t-bad", "a/bad.csv", EES);
  kit.writeManifest({ "t-bad": { sha256: "0".repeat(64) } });
  const restore = kit.use();
  try {
    await assert.rejects(fetchSources({ mirror: kit.mirror }), (e: Error) => {
      assert.ok(e instanceof DataError);
      assert.match(e.message, /sha256 mismatch for a\/bad\.csv/);
      assert.match(e.message, /expected 0{64}, got [0-9a-f]{64}/);
      return true;
    });
    assert.equal(fs.existsSync(path.join(kit.raw, "a/bad.csv")), false);
    assert.deepEqual(fs.existsSync(path.join(kit.raw, "a")) ? fs.readdirSync(path.join(kit.raw, "a")) : [], []);
  } finally {
    restore();
  }
});

test("data: a mirror folder that does not exist, or lacks a file, is a clear error", async () => {
  const kit = makeKit();
  kit.add("t-m", "a/m.csv", EES);
  kit.writeManifest();
  const restore = kit.use();
  try {
    await assert.rejects(fetchSources({ mirror: path.join(kit.dir, "nowhere") }), /mirror folder .*nowhere.* does not exist/);
    fs.rmSync(path.join(kit.mirror, "a/m.csv"));
    await assert.rejects(fetchSources({ mirror: kit.mirror }), /the mirror has no file a\/m\.csv/);
  } finally {
    restore();
  }
});

test("sources manifest: duplicate ids and bad hashes are rejected", () => {
  const kit = makeKit();
  kit.add("t-dup", "a/1.csv", "x\n1\n");
  kit.add("t-dup", "a/2.csv", "x\n2\n");
  kit.writeManifest();
  const restore = kit.use();
  try {
    assert.throws(() => loadSources(kit.sources), /has the id "t-dup" twice/);
    fs.writeFileSync(kit.sources, JSON.stringify([{ id: "t", title: "t", publisher: "p", release: "r", url: "https://x.org", file: "f", sha256: "abc", licence: "l", vintage: "v", covers: "c" }]));
    assert.throws(() => loadSources(kit.sources + ""), /invalid at 0\.sha256/);
  } finally {
    restore();
  }
});

test("readers: a missing column names the file, the column and the columns found", async () => {
  const kit = makeKit();
  kit.add("t-cols", "a/cols.csv", EES.replace("Referrals,Referrals_rate", "Referals,Referrals_rate"));
  kit.writeManifest();
  const restore = kit.use();
  try {
    await fetchSources({ mirror: kit.mirror });
    const t = readCsv("t-cols");
    assert.throws(() => t.col("Referrals"), (e: Error) => {
      assert.match(e.message, /column "Referrals" not found in a\/cols\.csv; columns found: time_period, .*Referals, Referrals_rate/);
      return true;
    });
  } finally {
    restore();
  }
});

test("readers: suppressed cells become null with their marker; a number where text stands is an error naming row and column", async () => {
  const kit = makeKit();
  kit.add("t-sup", "a/sup.csv", EES);
  kit.writeManifest();
  const restore = kit.use();
  try {
    await fetchSources({ mirror: kit.mirror });
    const t = readCsv("t-sup");
    const obs = fromEes(t, { referrals: "Referrals", referralsRate: "Referrals_rate" });
    const scilly = obs.filter((o) => o.area === "Isles of Scilly");
    assert.deepEqual(scilly.map((o) => [o.measure, o.value, o.marker]), [["referrals", null, "c"], ["referralsRate", null, "c"]]);
    const darl = obs.find((o) => o.area === "Darlington" && o.measure === "referralsRate")!;
    assert.equal(darl.value, null);
    assert.equal(darl.marker, "x");
    assert.equal(darl.row, 3);
    assert.throws(() => t.number(2, "Referrals"), /a\/sup\.csv row 4, column "Referrals": expected a number, found the marker "c"/);
  } finally {
    restore();
  }
});

test("readers: a truncated CSV, an empty file and a file that is not a spreadsheet are clear errors", async () => {
  const kit = makeKit();
  kit.add("t-trunc", "a/trunc.csv", EES + '2018,Reporting year,Local authority,"E9');
  kit.add("t-empty", "a/empty.csv", "");
  kit.add("t-notxl", "a/notxl.xlsx", "this is not a spreadsheet\n");
  kit.add("t-xl", "a/ok.xlsx", xlsxBytes("Data", [["LA", "Value"], ["Darlington", 5]]));
  kit.writeManifest();
  const restore = kit.use();
  try {
    await fetchSources({ mirror: kit.mirror });
    assert.throws(() => readCsv("t-trunc"), /a\/trunc\.csv is not a readable CSV/);
    assert.throws(() => readCsv("t-empty"), /a\/empty\.csv is empty/);
    assert.throws(() => readSheet("t-notxl", "Data"), /a\/notxl\.xlsx (is not a readable spreadsheet|\(sheet)/);
    assert.throws(() => readSheet("t-xl", "Table 1"), /a\/ok\.xlsx: no sheet "Table 1"; sheets found: Data/);
    assert.equal(readSheet("t-xl", "Data").number(0, "Value"), 5);
  } finally {
    restore();
  }
});

test("readers: a file altered after it was fetched is refused", async () => {
  const kit = makeKit();
  kit.add("t-alt", "a/alt.csv", EES);
  kit.writeManifest();
  const restore = kit.use();
  try {
    await fetchSources({ mirror: kit.mirror });
    fs.appendFileSync(path.join(kit.raw, "a/alt.csv"), "2019,extra\n");
    assert.throws(() => verifySource(source("t-alt")), /sha256 mismatch for a\/alt\.csv/);
    assert.throws(() => readCsv("t-alt"), /sha256 mismatch/);
  } finally {
    restore();
  }
});

test("tidy tables: a duplicated LA row is an error naming the file and both rows", async () => {
  const kit = makeKit();
  const lines = EES.trim().split("\n");
  kit.add("t-dupla", "a/dupla.csv", [...lines, lines[2]].join("\n") + "\n");
  kit.writeManifest();
  const restore = kit.use();
  try {
    await fetchSources({ mirror: kit.mirror });
    const obs = fromEes(readCsv("t-dupla"), { referrals: "Referrals" });
    const laCodes = new Set(["841", "420"]);
    assert.throws(() => validateObs(obs, "test table", { laCodes }), /a\/dupla\.csv: Darlington appears twice for referrals 2017-18 \(rows 3 and 5\)/);
    const bad: Obs[] = [{ ...obs[0], value: Number.NaN }];
    assert.throws(() => validateObs(bad, "test table", { laCodes }), /invalid observation/);
    const unknown: Obs[] = [{ ...obs[1], laCode: "999" }];
    assert.throws(() => validateObs(unknown, "test table", { laCodes }), /"999" \(Darlington\) is not a DfE local authority code/);
    const text: Obs[] = [{ ...obs[1], value: null, marker: "six" }];
    assert.throws(() => validateObs(text, "test table", { laCodes }), /row 3, column "Referrals": expected a number or a suppression marker, found the text "six"/);
  } finally {
    restore();
  }
});

test("cache: a second build of the same sources loads from the cache; a touched file is re-verified, a changed one refused", async () => {
  const kit = makeKit();
  kit.add("t-cache", "a/cache.csv", EES);
  kit.writeManifest();
  const restore = kit.use();
  try {
    await fetchSources({ mirror: kit.mirror });
    let builds = 0;
    const build = () => { builds++; return [1, 2, 3]; };
    const h0 = cacheStats.hits;
    assert.deepEqual(cached("t", 1, [source("t-cache")], build), [1, 2, 3]);
    assert.deepEqual(cached("t", 1, [source("t-cache")], build), [1, 2, 3]);
    assert.equal(builds, 1);
    assert.equal(cacheStats.hits, h0 + 1);
    const p = path.join(kit.raw, "a/cache.csv");
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(p, later, later);
    assert.deepEqual(cached("t", 1, [source("t-cache")], build), [1, 2, 3]);
    assert.equal(builds, 1, "same bytes (hashed again): the table still holds");
    cached("t", 2, [source("t-cache")], build);
    assert.equal(builds, 2, "another version is another entry");
    assert.deepEqual(cached("t", 2, [source("t-cache")], build), [1, 2, 3]);
    assert.equal(builds, 2);
    fs.appendFileSync(p, "2019,extra\n");
    assert.throws(() => cached("t", 2, [source("t-cache")], build), /sha256 mismatch for a\/cache\.csv/);
    assert.equal(builds, 2, "the cached table is not served from an altered file");
  } finally {
    restore();
  }
});
