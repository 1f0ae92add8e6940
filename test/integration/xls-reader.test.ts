/**
 * The BIFF8 reader (src/data/xls.ts) gives, for every worksheet of every .xls file in the manifest, the
 * grid the xlsx library gives: the same rows, the same width, the same values (numbers, text, booleans,
 * null), in dense mode for every file and in sparse mode for four of them (the modes differ only in
 * the rows with no cell, which every file has). A sheet it does not read must say so (XlsUnsupported), so that
 * the caller falls back to the library; none of the manifest's sheets needs that today.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as XLSX from "xlsx";
import { ensureData } from "../helpers";
import { loadSources, rawPath } from "../../src/data/sources";
import { openXls, xlsGrid, XlsUnsupported } from "../../src/data/xls";

const opts = { header: 1 as const, raw: true, defval: null, blankrows: true };

test("the BIFF8 reader gives the xlsx library's grid for every sheet of every .xls file in the manifest", async () => {
  await ensureData();
  const files = loadSources().filter((s) => /\.xls$/i.test(s.file));
  assert.ok(files.length >= 19, `only ${files.length} .xls files in the manifest`);
  let sheets = 0;
  let cells = 0;
  const unread: string[] = [];
  for (const [i, s] of files.entries()) {
    const bytes = fs.readFileSync(rawPath(s));
    if (bytes.readUInt32BE(0) !== 0xd0cf11e0) continue; // not a compound file: the library reads it
    const book = openXls(bytes, XLSX.CFB);
    for (const dense of i % 5 === 0 ? [true, false] : [true]) {
      const wb = XLSX.read(bytes, { type: "buffer", cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false, ...(dense ? { dense: true, cellText: false } : {}) });
      assert.deepEqual(book.names, wb.SheetNames, `${s.file}: sheet names`);
      for (const name of wb.SheetNames) {
        let mine: unknown[][];
        try {
          mine = xlsGrid(book, name, dense);
        } catch (e) {
          if (!(e instanceof XlsUnsupported)) throw e;
          if (dense) unread.push(`${s.file} "${name}": ${e.message}`);
          continue;
        }
        const theirs = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name], opts);
        assert.deepEqual(mine, theirs, `${s.file}, sheet "${name}" (${dense ? "dense" : "sparse"})`);
        sheets++;
        for (const r of mine) cells += r.length;
      }
    }
  }
  // chart sheets and the like are not worksheets: the reader refuses them, the library is used
  assert.ok(unread.every((u) => /is not a worksheet/.test(u)), `sheets the reader does not read:\n${unread.join("\n")}`);
  assert.ok(sheets >= 90 && cells > 3e6, `compared ${sheets} sheets, ${cells} cells`);
});

test("a file the BIFF8 reader does not know is refused as unsupported, not misread", () => {
  // an xlsx (zip) file, and an OLE2 file with no Workbook stream
  const zip = XLSX.write((() => { const wb = XLSX.utils.book_new(); XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[1]]), "S"); return wb; })(), { type: "buffer", bookType: "xlsx" }) as Buffer;
  assert.throws(() => openXls(zip, XLSX.CFB), XlsUnsupported);
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, "/Other", Buffer.from("x"));
  assert.throws(() => openXls(Buffer.from(XLSX.CFB.write(cfb, { type: "buffer" }) as Uint8Array), XLSX.CFB), /no BIFF8 Workbook stream/);
});
