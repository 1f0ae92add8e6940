/**
 * `report` with a stand-in for Jupyter (a shell script named by CSC_JUPYTER): the ledger is
 * validated before any notebook runs; a report written over a previous one keeps the files the
 * user added; `--out .` from inside the report folder works; an interrupted report stops Jupyter's
 * whole process group and leaves no temporary folder or connection file.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawn } from "node:child_process";
import { buildReport, readLedger, ReportError, MARKER } from "../../src/commands/report";

const ROOT = path.resolve(__dirname, "../../..");
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "csc-report-run-"));
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

const FAKE = `#!/bin/bash
# a stand-in for jupyter nbconvert: copies notebooks, writes one page per notebook
if [ "$2" = "--version" ]; then echo 7.0.0; exit 0; fi
echo "$@" >> "\${FAKE_LOG:-/dev/null}"
mode=""; outdir=""; output=""; files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --to) mode="$2"; shift 2;;
    --output-dir) outdir="$2"; shift 2;;
    --output) output="$2"; shift 2;;
    --template|--template-file) shift 2;;
    -*|nbconvert) shift;;
    *) files+=("$1"); shift;;
  esac
done
if [ "$mode" = "notebook" ]; then
  if [ -n "$FAKE_ORPHAN" ]; then
    # a kernel left behind in a session of its own, holding nbconvert's output open, and nbconvert failing
    setsid sleep 60 &
    echo $! > "$FAKE_ORPHAN"
    exit 1
  fi
  if [ -n "$FAKE_HANG" ]; then
    echo '{"shell_port": 1}' > "$JUPYTER_RUNTIME_DIR/kernel-fake.json"
    sleep 300 &
    echo $! > "$FAKE_HANG"
    wait
  fi
  cp "\${files[0]}" "$outdir/$output"
else
  for f in "\${files[@]}"; do b=$(basename "$f" .ipynb); echo "<html><body>$b</body></html>" > "$outdir/$b.html"; done
fi
`;

const bin = path.join(TMP, "bin");
fs.mkdirSync(bin);
fs.writeFileSync(path.join(bin, "jupyter"), FAKE, { mode: 0o755 });
const nbs = path.join(TMP, "notebooks");
fs.mkdirSync(nbs);
fs.writeFileSync(path.join(nbs, "01-a.ipynb"), JSON.stringify({ cells: [{ cell_type: "markdown", source: "# 01 · A" }], metadata: {} }));

const contract = {
  id: "nao-1-7-referrals",
  document: "nao",
  location: "para 1.7",
  quote: "In 2017-18, local authorities received 655,630 referrals.",
  stated: [655630],
  recomputed: [655630],
  verdict: "confirmed",
  explanation: "England referrals in 2017-18: 655,630.",
  evidence: [{ source: "cin-2020-c1", file: "children-in-need/c1.csv", rows: ["row 329 (England)"], columns: ["Referrals"] }],
};
const ledger = path.join(TMP, "ledger.json");
fs.writeFileSync(ledger, JSON.stringify([contract]));

/** Runs fn with the stand-in named by CSC_JUPYTER. */
async function withFake<T>(fn: () => Promise<T>): Promise<T> {
  const old = process.env.CSC_JUPYTER;
  process.env.CSC_JUPYTER = path.join(bin, "jupyter");
  try {
    return await fn();
  } finally {
    if (old === undefined) delete process.env.CSC_JUPYTER;
    else process.env.CSC_JUPYTER = old;
  }
}

test("a malformed ledger is refused before any notebook runs, naming the entry and the field", async () => {
  const bad = path.join(TMP, "bad-ledger.json");
  const log = path.join(TMP, "calls.log");
  fs.writeFileSync(bad, JSON.stringify([contract, { ...contract, id: "x-2", evidence: [{ source: "s", file: 7, rows: [], columns: [] }] }]));
  assert.throws(() => readLedger(bad), /bad-ledger\.json, entry 2 \(x-2\): "evidence\.0\.file": Expected string, received number/);
  fs.writeFileSync(bad, JSON.stringify([{ ...contract, evidence: [{ source: "s", file: "f", rows: "row 1", columns: [] }] }]));
  assert.throws(() => readLedger(bad), /entry 1 \(nao-1-7-referrals\): "evidence\.0\.rows": Expected array/);
  fs.writeFileSync(bad, JSON.stringify([{ ...contract, verdict: "maybe" }]));
  assert.throws(() => readLedger(bad), /entry 1 \(nao-1-7-referrals\): "verdict": unknown verdict "maybe"/);
  process.env.FAKE_LOG = log;
  try {
    await withFake(() =>
      assert.rejects(
        buildReport({ out: path.join(TMP, "never"), notebooksDir: nbs, ledgerFile: bad, timeout: 60, write: () => undefined, tty: false }),
        (e: unknown) => e instanceof ReportError && /unknown verdict "maybe"/.test(e.message),
      ),
    );
  } finally {
    delete process.env.FAKE_LOG;
  }
  assert.equal(fs.existsSync(log), false, "no notebook was run");
  assert.equal(fs.existsSync(path.join(TMP, "never")), false);
});

test("a report over a previous one replaces only its own files; --out . from inside it keeps the folder", async () => {
  const out = path.join(TMP, "site");
  const opts = { out, notebooksDir: nbs, ledgerFile: ledger, timeout: 60, write: () => undefined, tty: false };
  await withFake(() => buildReport(opts));
  const marker = JSON.parse(fs.readFileSync(path.join(out, MARKER), "utf8"));
  assert.ok(marker.files.includes("index.html") && marker.files.includes("01-a.html") && marker.files.includes("assets/plotly.min.js"), marker.files.join(", "));
  fs.writeFileSync(path.join(out, "my-notes.txt"), "mine");
  fs.mkdirSync(path.join(out, "mine"));
  fs.writeFileSync(path.join(out, "mine", "x.txt"), "also mine");
  // a notebook removed since: its old page goes, the user's files stay
  fs.writeFileSync(path.join(nbs, "02-b.ipynb"), JSON.stringify({ cells: [], metadata: {} }));
  await withFake(() => buildReport(opts));
  assert.ok(fs.existsSync(path.join(out, "02-b.html")));
  fs.rmSync(path.join(nbs, "02-b.ipynb"));
  await withFake(() => buildReport(opts));
  assert.equal(fs.existsSync(path.join(out, "02-b.html")), false, "the page of a removed notebook is removed");
  assert.equal(fs.readFileSync(path.join(out, "my-notes.txt"), "utf8"), "mine");
  assert.equal(fs.readFileSync(path.join(out, "mine", "x.txt"), "utf8"), "also mine");
  assert.deepEqual(fs.readdirSync(out).filter((f) => f.includes("building")), []);
  // from inside the folder
  const cwd = process.cwd();
  process.chdir(out);
  try {
    await withFake(() => buildReport({ ...opts, out: "." }));
    assert.ok(fs.existsSync(path.join(out, "index.html")));
    assert.equal(fs.existsSync(process.cwd()), true, "the current folder still exists");
    assert.equal(fs.realpathSync(process.cwd()), fs.realpathSync(out));
  } finally {
    process.chdir(cwd);
  }
  assert.equal(fs.readFileSync(path.join(out, "my-notes.txt"), "utf8"), "mine");
});

test("SIGTERM during a report stops nbconvert and the kernel it started, and removes the temporary files", async () => {
  const tmpdir = fs.mkdtempSync(path.join(TMP, "tmpdir-"));
  const pidFile = path.join(TMP, "grandchild.pid");
  const out = path.join(TMP, "site-interrupted");
  const child = spawn(process.execPath, [path.join(ROOT, "bin", "csc-factcheck.js"), "report", "--out", out, "--notebooks", nbs, "--ledger", ledger], {
    env: { ...process.env, CSC_JUPYTER: path.join(bin, "jupyter"), FAKE_HANG: pidFile, TMPDIR: tmpdir },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr!.on("data", (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  let grandchild = 0;
  try {
    for (let i = 0; i < 200 && !fs.existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(fs.existsSync(pidFile), `the stand-in never started: ${stderr}`);
    grandchild = Number(fs.readFileSync(pidFile, "utf8").trim());
    process.kill(child.pid!, "SIGTERM");
    const code = await exited;
    assert.equal(code, 143, stderr);
    assert.match(stderr, /report: stopped \(SIGTERM\)/);
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 40 && alive(grandchild); i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(alive(grandchild), false, "the kernel stand-in was stopped");
    assert.deepEqual(fs.readdirSync(tmpdir), [], "no temporary folder or connection file left");
    assert.equal(fs.existsSync(out), false, "no site written");
  } finally {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* gone */
    }
    if (grandchild) {
      try {
        process.kill(grandchild, "SIGKILL");
      } catch {
        /* gone */
      }
    }
  }
});

test("a kernel left running after nbconvert exits, holding its output open, does not hang the report", { timeout: 60000 }, async () => {
  const pidFile = path.join(TMP, "orphan.pid");
  process.env.FAKE_ORPHAN = pidFile;
  const t0 = Date.now();
  try {
    await withFake(() =>
      assert.rejects(
        buildReport({ out: path.join(TMP, "site-orphan"), notebooksDir: nbs, ledgerFile: ledger, timeout: 60, write: () => undefined, tty: false }),
        (e: unknown) => e instanceof ReportError && /notebook 01-a\.ipynb failed to run \(nbconvert exit 1\)/.test(e.message),
      ),
    );
    assert.ok(Date.now() - t0 < 20000, `took ${Date.now() - t0} ms`);
    assert.equal(fs.existsSync(path.join(TMP, "site-orphan")), false, "no site written");
  } finally {
    delete process.env.FAKE_ORPHAN;
    try {
      process.kill(Number(fs.readFileSync(pidFile, "utf8").trim()), "SIGKILL");
    } catch {
      /* gone */
    }
  }
});
