import * as fs from "node:fs";
import * as path from "node:path";
import { projectRoot } from "../paths";
import { execFileSync } from "node:child_process";
import { DataError, rawPath, source, verifySource } from "./sources";
import { RawTable } from "./readers";

/** The compiled child script: beside this module, or under dist/ when this module runs from src/ (tslab). */
function childScript(): string {
  const here = path.join(__dirname, "parquet-child.js");
  if (fs.existsSync(here)) return here;
  const built = path.join(projectRoot(), "dist", "src", "data", "parquet-child.js");
  if (fs.existsSync(built)) return built;
  throw new DataError(`the parquet reader is not built: neither ${here} nor ${built} exists (run npm run build)`);
}

/**
 * Reads a parquet source into a RawTable (sha256 verified first). The file is decoded by hyparquet
 * (pure JavaScript) in a child process (parquet-child.ts), since hyparquet only reads
 * asynchronously and the tidy tables are built synchronously. `columns` limits the columns read
 * (a column not in the file is an error naming the columns found); `filter` keeps the rows whose
 * column holds one of the values. Row numbers are 1-based record numbers in the file, so a value
 * can be traced to its record.
 */
export function readParquet(id: string, opts: { columns?: string[]; filter?: { column: string; values: string[] }; verify?: boolean } = {}): RawTable & { totalRows: number } {
  const s = source(id);
  if (opts.verify ?? true) verifySource(s);
  let out: string;
  try {
    out = execFileSync(process.execPath, [childScript(), rawPath(s), JSON.stringify({ columns: opts.columns, filter: opts.filter })], { maxBuffer: 1 << 30, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    throw new DataError(`${s.file} is not a readable parquet file: ${(e as Error).message.split("\n").slice(0, 3).join(" ")}`, s.file);
  }
  let res: { error?: string; header: string[]; rows: unknown[][]; rowNumbers: number[]; totalRows: number };
  try {
    res = JSON.parse(out);
  } catch {
    throw new DataError(`${s.file}: the parquet reader gave no readable output`, s.file);
  }
  if (res.error) throw new DataError(`${s.file} is not a readable parquet file or lacks a column: ${res.error}`, s.file);
  return Object.assign(new RawTable(s, res.header, res.rows, res.rowNumbers), { totalRows: res.totalRows });
}
