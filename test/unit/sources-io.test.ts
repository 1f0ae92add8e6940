import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { makeKit } from "../fixture-kit";
import { DataError, fetchSources, fsReason, readVerified, removeStaleTemporaries, source, verifySource, verifyStats, writeOutput } from "../../src/data/sources";

const CSV = "time_period,Referrals\n2018,655630\n2019,650930\n";

/** Waits until a file's last change is older than the window in which stamps are not trusted. */
const settle = () => new Promise((r) => setTimeout(r, 1100));

test("verify: an unchanged file is not hashed again; a changed one is, and is caught", async () => {
  const kit = makeKit();
  kit.add("t-v", "a/v.csv", CSV);
  kit.writeManifest();
  const restore = kit.use();
  try {
    await fetchSources({ mirror: kit.mirror });
    await settle();
    const s = source("t-v");
    const h0 = verifyStats.hashed;
    verifySource(s);
    assert.equal(verifyStats.hashed, h0 + 1, "first time: hashed");
    const t0 = verifyStats.trusted;
    verifySource(s);
    assert.equal(readVerified(s).toString("utf8"), CSV);
    assert.equal(verifyStats.hashed, h0 + 1, "unchanged: not hashed again");
    assert.equal(verifyStats.trusted, t0 + 2);
    assert.ok(fs.existsSync(path.join(kit.cache, "verified-raw-files.json")));

    // same size, and the modification time put back as it was: the change time still moves
    const p = path.join(kit.raw, "a/v.csv");
    const st = fs.statSync(p);
    fs.writeFileSync(p, CSV.replace("655630", "600000"));
    fs.utimesSync(p, st.atime, st.mtime);
    assert.equal(fs.statSync(p).size, st.size);
    assert.throws(() => verifySource(s), (e: Error) => e instanceof DataError && /sha256 mismatch for a\/v\.csv/.test(e.message));
    assert.throws(() => readVerified(s), /sha256 mismatch for a\/v\.csv/);

    // the file replaced by another with the original bytes (a new inode): hashed again, accepted
    fs.rmSync(p);
    fs.writeFileSync(p, CSV);
    const h1 = verifyStats.hashed;
    verifySource(s);
    assert.equal(verifyStats.hashed, h1 + 1);
  } finally {
    restore();
    fs.rmSync(kit.dir, { recursive: true, force: true });
  }
});

test("verify: a missing file and a folder in a file's place are clear errors", async () => {
  const kit = makeKit();
  kit.add("t-m", "a/m.csv", CSV);
  kit.writeManifest();
  const restore = kit.use();
  try {
    assert.throws(() => verifySource(source("t-m")), /missing data file a\/m\.csv in .*: run `csc-factcheck data`/);
    fs.mkdirSync(path.join(kit.raw, "a/m.csv"), { recursive: true });
    assert.throws(() => verifySource(source("t-m")), /cannot read a\/m\.csv .*EISDIR/);
  } finally {
    restore();
    fs.rmSync(kit.dir, { recursive: true, force: true });
  }
});

test("data: temporary files left by an interrupted copy are removed at the next run; a running writer's are kept", async () => {
  const kit = makeKit();
  kit.add("t-ok", "a/ok.csv", CSV);
  kit.writeManifest();
  const restore = kit.use();
  try {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    const live = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    try {
      fs.mkdirSync(path.join(kit.raw, "a"), { recursive: true });
      const left = path.join(kit.raw, "a", `ok.csv.tmp-${dead}-1700000000000`);
      const other = path.join(kit.raw, `x.csv.tmp-${live.pid}-1700000000000`);
      fs.writeFileSync(left, "half a file");
      fs.writeFileSync(other, "being written");
      const said: string[] = [];
      await fetchSources({ mirror: kit.mirror, log: (m) => said.push(m) });
      assert.equal(fs.existsSync(left), false, "the dead run's file is gone");
      assert.equal(fs.existsSync(other), true, "a running process's file is left alone");
      assert.match(said[0], /removed 1 partial file left by an interrupted run/);
      assert.deepEqual(removeStaleTemporaries(kit.raw), []);
    } finally {
      live.kill();
    }
  } finally {
    restore();
    fs.rmSync(kit.dir, { recursive: true, force: true });
  }
});

test("--out writes through a symbolic link, to a device and to a pipe, and never replaces them", async () => {
  const kit = makeKit();
  try {
    // a symbolic link stays a link; its target gets the text
    const real = path.join(kit.dir, "real-ledger.json");
    fs.writeFileSync(real, "old");
    fs.chmodSync(real, 0o640);
    const link = path.join(kit.dir, "ledger.json");
    fs.symlinkSync(real, link);
    writeOutput(link, "new ledger\n");
    assert.equal(fs.lstatSync(link).isSymbolicLink(), true);
    assert.equal(fs.readFileSync(real, "utf8"), "new ledger\n");
    assert.equal(fs.statSync(real).mode & 0o777, 0o640, "the file keeps its permissions");
    // a dangling link: the file it names is created
    const dangling = path.join(kit.dir, "dangling.json");
    fs.symlinkSync(path.join(kit.dir, "made.json"), dangling);
    writeOutput(dangling, "made\n");
    assert.equal(fs.lstatSync(dangling).isSymbolicLink(), true);
    assert.equal(fs.readFileSync(path.join(kit.dir, "made.json"), "utf8"), "made\n");
    // /dev/null stays a device
    writeOutput("/dev/null", "nothing\n");
    assert.equal(fs.statSync("/dev/null").isCharacterDevice(), true);
    // a named pipe: the reader gets the text, the pipe stays a pipe
    const fifo = path.join(kit.dir, "pipe");
    if (spawnSync("mkfifo", [fifo]).status === 0) {
      const reader = spawn("cat", [fifo]);
      let got = "";
      reader.stdout.on("data", (b: Buffer) => (got += b.toString()));
      const closed = new Promise((r) => reader.on("close", r));
      writeOutput(fifo, "through the pipe\n");
      await closed;
      assert.equal(got, "through the pipe\n");
      assert.equal(fs.statSync(fifo).isFIFO(), true);
    }
    // no temporary file is left anywhere
    assert.deepEqual(fs.readdirSync(kit.dir).filter((f) => f.includes(".tmp-")), []);
  } finally {
    fs.rmSync(kit.dir, { recursive: true, force: true });
  }
});

test("--out errors are one clear line: a folder, a path under a file, a full device", () => {
  const kit = makeKit();
  try {
    const oneLine = (fn: () => void, re: RegExp) =>
      assert.throws(fn, (e: Error) => {
        assert.ok(e instanceof DataError, String(e));
        assert.match(e.message, re);
        assert.equal(e.message.includes("\n"), false);
        return true;
      });
    oneLine(() => writeOutput(kit.dir, "x"), /^cannot write --out .*: it is a folder \(EISDIR\)$/);
    const file = path.join(kit.dir, "a-file");
    fs.writeFileSync(file, "x");
    oneLine(() => writeOutput(path.join(file, "ledger.json"), "x"), /^cannot write --out .*a-file\/ledger\.json: a part of the path is a file, not a folder \(ENOTDIR\)$/);
    if (fs.existsSync("/dev/full")) oneLine(() => writeOutput("/dev/full", "x"), /^cannot write --out \/dev\/full: no space left on the device \(ENOSPC\)$/);
    assert.equal(fs.readFileSync(file, "utf8"), "x");
  } finally {
    fs.rmSync(kit.dir, { recursive: true, force: true });
  }
});

test("file-system error codes are said in words, with the code", () => {
  const e = (code: string) => Object.assign(new Error(`${code}: raw message`), { code, syscall: "open" });
  assert.equal(fsReason(e("ENOSPC")), "no space left on the device (ENOSPC)");
  assert.equal(fsReason(e("EISDIR")), "it is a folder (EISDIR)");
  assert.equal(fsReason(e("EACCES")), "permission denied (EACCES)");
  assert.equal(fsReason(e("EEXIST")), "a file of that name is in the way (EEXIST)");
  assert.equal(fsReason(e("EROFS")), "the file system is read-only (EROFS)");
  assert.equal(fsReason(e("EWHATEVER")), "EWHATEVER: raw message (EWHATEVER)");
});
