/**
 * The BIFF8 reader on a small workbook the xlsx library writes (LABEL, NUMBER and BOOLERR records, an
 * empty row, a range wider than the cells): the grid is the library's own, in dense and sparse mode.
 * The shared-string, RK, MULRK and formula records are compared on the manifest's files
 * (test/integration/xls-reader.test.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as XLSX from "xlsx";
import { openXls, xlsGrid, XlsUnsupported } from "../../src/data/xls";

function workbook(): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([["a", "b", null, "é€"], [1, 2.5, -3, 1e300], [], [true, false, { t: "e", v: 7 }, "x".repeat(200)], [null, null, null, null, "far"]]);
  ws["!ref"] = "A1:F7";
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "One");
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[42]]), "Two");
  return XLSX.write(wb, { type: "buffer", bookType: "biff8" }) as Buffer;
}

test("an .xls sheet's grid: the values, the empty row, the range, as the library gives them", () => {
  const buf = workbook();
  const book = openXls(buf, XLSX.CFB);
  assert.deepEqual(book.names, ["One", "Two"]);
  const dense = xlsGrid(book, "One", true);
  assert.equal(dense.length, 7);
  assert.deepEqual(dense[0], ["a", "b", null, "é€", null, null]);
  assert.deepEqual(dense[1], [1, 2.5, -3, 1e300, null, null]);
  assert.deepEqual(dense[2], []); // dense mode: a row with no cell is empty
  assert.deepEqual(dense[3].slice(0, 3), [true, false, null]); // an error value is null
  assert.equal(dense[3][3], "x".repeat(200));
  assert.deepEqual(dense[4], [null, null, null, null, "far", null]);
  const sparse = xlsGrid(book, "One", false);
  assert.deepEqual(sparse[2], [null, null, null, null, null, null]);
  for (const d of [true, false]) {
    const wb = XLSX.read(buf, { type: "buffer", dense: d });
    assert.deepEqual(xlsGrid(book, "One", d), XLSX.utils.sheet_to_json(wb.Sheets.One, { header: 1, raw: true, defval: null, blankrows: true }));
    assert.deepEqual(xlsGrid(book, "Two", d), [[42]]);
  }
  assert.throws(() => xlsGrid(book, "Three", true), XlsUnsupported);
});

test("a damaged .xls is refused, not misread", () => {
  const buf = workbook();
  const book = openXls(buf, XLSX.CFB);
  // cut the stream inside the first sheet: no EOF
  const cut = { ...book, stream: book.stream.subarray(0, book.sheets[0].pos + 40) };
  assert.throws(() => xlsGrid(cut, "One", true), XlsUnsupported);
  assert.throws(() => openXls(Buffer.from("not a workbook at all"), XLSX.CFB), XlsUnsupported);
});
