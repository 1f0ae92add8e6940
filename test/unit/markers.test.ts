import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCell, MARKERS } from "../../src/data/markers";

test("numbers with thousands separators, £ and % are read as numbers", () => {
  assert.deepEqual(parseCell("735,500"), { value: 735500 });
  assert.deepEqual(parseCell("1,342.5"), { value: 1342.5 });
  assert.deepEqual(parseCell("£2,745"), { value: 2745 });
  assert.deepEqual(parseCell(" 12.5% "), { value: 12.5 });
  assert.deepEqual(parseCell(-3), { value: -3 });
  assert.deepEqual(parseCell("1e3"), { value: 1000 });
});

test("every suppression marker becomes null with the marker kept, never 0 or NaN", () => {
  for (const m of ["x", "c", "z", ":", "..", ".", "low", "k", "u", "-", "…", "X", "LOW"]) {
    const c = parseCell(m);
    assert.equal(c.value, null, m);
    assert.equal(c.marker, m, m);
  }
  assert.deepEqual(parseCell(""), { value: null, marker: "" });
  assert.deepEqual(parseCell(null), { value: null, marker: "" });
  assert.ok(MARKERS.includes(".."));
});

test("text that is neither number nor marker is kept as text, not a number", () => {
  assert.deepEqual(parseCell("twelve"), { value: null, text: "twelve" });
  assert.deepEqual(parseCell("1,23"), { value: null, text: "1,23" });
  assert.deepEqual(parseCell("12 (r)"), { value: null, text: "12 (r)" });
  assert.equal(parseCell(NaN).value, null);
});
