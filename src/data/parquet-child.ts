/*
 * Reads a parquet file with hyparquet (an ES module, loaded by absolute URL so that this CommonJS
 * file can import it) and prints the selected columns as JSON on stdout:
 * { header: string[], rows: unknown[][], rowNumbers: number[], totalRows: number }.
 * Run by readParquet (parquet.ts) in a child process, because hyparquet's reader is asynchronous
 * and the tidy tables are built synchronously.
 * Arguments: FILE '{"columns": [...], "filter": {"column": "...", "values": [...]}}'
 */
import * as fs from "node:fs";
import { pathToFileURL } from "node:url";

// a real import() (TypeScript would turn a literal one into require)
const importEsm = new Function("u", "return import(u)") as (u: string) => Promise<Record<string, unknown>>;

interface Options { columns?: string[]; filter?: { column: string; values: string[] } }

async function main(): Promise<void> {
  const [file, optsJson] = process.argv.slice(2);
  const opts = JSON.parse(optsJson ?? "{}") as Options;
  const hp = await importEsm(pathToFileURL(require.resolve("hyparquet")).href);
  const hc = await importEsm(pathToFileURL(require.resolve("hyparquet-compressors")).href);
  const parquetMetadata = hp.parquetMetadata as (b: ArrayBuffer) => { schema: { name: string }[]; num_rows: bigint | number };
  const parquetReadObjects = hp.parquetReadObjects as (o: Record<string, unknown>) => Promise<Record<string, unknown>[]>;
  const buf = fs.readFileSync(file);
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  const meta = parquetMetadata(ab);
  const names = meta.schema.slice(1).map((s) => s.name);
  const header = opts.columns ?? names;
  const missing = [...header, ...(opts.filter ? [opts.filter.column] : [])].filter((c) => !names.includes(c));
  if (missing.length) {
    process.stdout.write(JSON.stringify({ error: `column${missing.length > 1 ? "s" : ""} ${missing.map((c) => `"${c}"`).join(", ")} not found; columns found: ${names.join(", ")}` }));
    return;
  }
  const read = [...new Set([...header, ...(opts.filter ? [opts.filter.column] : [])])];
  const objs = await parquetReadObjects({ file: ab, columns: read, compressors: hc.compressors });
  const keep = opts.filter ? new Set(opts.filter.values) : undefined;
  const rows: unknown[][] = [];
  const rowNumbers: number[] = [];
  objs.forEach((o, i) => {
    if (keep && !keep.has(String(o[opts.filter!.column]))) return;
    rows.push(header.map((h) => (typeof o[h] === "bigint" ? Number(o[h]) : o[h] ?? null)));
    rowNumbers.push(i + 1);
  });
  process.stdout.write(JSON.stringify({ header, rows, rowNumbers, totalRows: Number(meta.num_rows) }));
}

main().catch((e: Error) => {
  process.stdout.write(JSON.stringify({ error: e.message }));
});
