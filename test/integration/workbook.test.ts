import { test } from "node:test";
import assert from "node:assert/strict";
import { ensureData } from "../helpers";
import { tables, rowsRead, compute, card, toRows, CardMismatch } from "../../src/notebooks/workbook";

// What a notebook cell does with the workbook, on the real mirror: the values are recomputed from
// DfE's file (2017-18 rates of children-in-need episodes as first published).

const B1 = "cin-ees2020-b1-children-in-need-2013-to-2020";
const PARAMS = { of: "rates", measure: "cinEpisodesRate", year: "2017-18", release: "2020", tiny: "include", ends: ["max"] };

test("tables.cin gives the file's rows as a DataFrame, with where each value is", async () => {
  await ensureData();
  const df = tables.cin({ measure: "cinEpisodesRate", year: "2017-18", level: "la", src: B1 });
  assert.equal(df.shape[0], 152);
  const rows = toRows(df);
  const blackpool = rows.find((r) => r.area === "Blackpool")!;
  assert.equal(blackpool.value, 1322.7);
  assert.equal(blackpool.column, "Anypoint_episodes_rate");
  assert.match(String(blackpool.file), /b1_children_in_need_2013_to_2020\.csv$/);
  assert.equal(typeof blackpool.row, "number");
  assert.equal(Math.max(...rows.map((r) => r.value as number)), 1342.5); // the Isles of Scilly
});

test("tables.byAuthority puts measures side by side, one row per authority", async () => {
  await ensureData();
  const rows = toRows(tables.byAuthority(["cinEpisodesRate", "cppStartsRate"], "2017-18", { src: B1 }));
  assert.ok(rows.length >= 150);
  const b = rows.find((r) => r.authority === "Blackpool")!;
  assert.deepEqual(Object.keys(b), ["authority", "laCode", "cinEpisodesRate", "cppStartsRate"]);
  assert.equal(b.cinEpisodesRate, 1322.7);
  assert.throws(() => tables.byAuthority(["cinEpisodesRate"], "2017-18"), /more than one release/);
});

test("rowsRead lists the rows the ledger's check reads", async () => {
  await ensureData();
  const rows = toRows(await rowsRead("cc-cin-rate-max"));
  const scilly = rows.find((r) => r.area === "Isles of Scilly" && r.source === B1);
  assert.ok(scilly, "the Isles of Scilly's row is among the rows read");
  assert.equal(scilly!.value, 1342.5);
  assert.equal(scilly!.column, "Anypoint_episodes_rate");
});

test("card: the ledger's reading passes; another reading fails loudly unless explored", async () => {
  await ensureData();
  const same = await compute("cc-cin-rate-max", "distribution", PARAMS);
  assert.equal(same.values.max, 1342.5);
  await card("cc-cin-rate-max", same); // the ledger's row: no error
  const other = await compute("cc-cin-rate-max", "distribution", { ...PARAMS, tiny: "exclude" });
  assert.equal(other.values.max, 1322.7);
  await assert.rejects(card("cc-cin-rate-max", other), (e: unknown) => e instanceof CardMismatch && /1,322\.7.*the ledger 1,342\.5/.test((e as Error).message));
  await card("cc-cin-rate-max", other, { explore: true });
  await assert.rejects(compute("cc-cin-rate-max", "no-such-kind", PARAMS), /no check kind "no-such-kind"/);
});
