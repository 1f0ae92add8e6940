import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { cached, cachedByKey, cacheStats, codeHash, forgetCodeHashes, onCacheWarning, packJson, unpackJson } from "../../src/data/cache";

/** A temporary cache folder (CSC_CACHE_DIR) for the duration of fn; removed afterwards. */
function withCache<T>(fn: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csc-cache-"));
  const old = process.env.CSC_CACHE_DIR;
  process.env.CSC_CACHE_DIR = dir;
  try {
    return fn(dir);
  } finally {
    if (old === undefined) delete process.env.CSC_CACHE_DIR;
    else process.env.CSC_CACHE_DIR = old;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Collects the cache's warnings while fn runs. */
function warnings<T>(fn: () => T): { result: T; said: string[] } {
  const said: string[] = [];
  const restore = onCacheWarning((m) => said.push(m));
  try {
    return { result: fn(), said };
  } finally {
    restore();
  }
}

const roundTrip = (v: unknown) => unpackJson(JSON.parse(JSON.stringify(packJson(v))));
const viaJson = (v: unknown) => JSON.parse(JSON.stringify(v));

test("packJson/unpackJson give back what JSON would, key order included", () => {
  const rows = Array.from({ length: 40 }, (_, i) => ({
    measure: i % 2 ? "referrals" : "cinEpisodes",
    year: `20${10 + (i % 5)}-${11 + (i % 5)}`,
    ...(i % 3 === 0 ? { laCode: String(800 + i) } : {}),
    value: i % 7 === 0 ? null : i * 1.5,
    ...(i % 7 === 0 ? { marker: "x" } : {}),
    odd: i === 5 ? undefined : i,
    nan: i === 6 ? Number.NaN : 1,
  }));
  // one record with its keys in another order
  rows.push({ value: 3, measure: "referrals", year: "2015-16", odd: 1, nan: 1 } as (typeof rows)[number]);
  const data = { rows, nested: [rows.slice(0, 20)], n: 3, s: "x", none: null, skip: undefined };
  const back = roundTrip(data);
  assert.deepEqual(back, viaJson(data));
  assert.equal(JSON.stringify(back), JSON.stringify(data), "same keys in the same order");
  const packed = JSON.stringify(packJson(rows));
  assert.ok(packed.length < JSON.stringify(rows).length / 2, `packed ${packed.length} bytes, plain ${JSON.stringify(rows).length}`);
});

test("packJson: an object carrying the marker's name, and a __proto__ key, survive", () => {
  const tricky = { __csc_packed_records__: 1, n: 2, k: ["a"], c: [] };
  assert.deepEqual(roundTrip(tricky), tricky);
  const proto = JSON.parse('[{"__proto__": 1, "a": 2}]');
  const rows = Array.from({ length: 20 }, () => JSON.parse('{"__proto__": {"x": 1}, "a": 2}'));
  assert.equal(JSON.stringify(roundTrip(proto)), JSON.stringify(proto));
  assert.equal(JSON.stringify(roundTrip(rows)), JSON.stringify(rows));
  assert.equal(Object.getPrototypeOf((roundTrip(rows) as object[])[0]), Object.prototype);
});

test("packJson/unpackJson round-trip any JSON-like value (property)", () => {
  const scalar = fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: -3, max: 3 }), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
  const record = fc.dictionary(fc.constantFrom("a", "b", "c", "d", "__proto__"), scalar, { maxKeys: 4 });
  const value = fc.oneof(fc.array(record, { minLength: 14, maxLength: 40 }), fc.array(fc.oneof(record, scalar), { maxLength: 20 }), record);
  fc.assert(
    fc.property(value, (v) => {
      assert.equal(JSON.stringify(roundTrip(v)), JSON.stringify(v));
    }),
    { numRuns: 300 },
  );
});

test("cache: an edited entry is not used: it is rebuilt, and that is said", () => {
  withCache((dir) => {
    let builds = 0;
    const build = () => {
      builds++;
      return Array.from({ length: 30 }, (_, i) => ({ measure: "referrals", year: "2017-18", area: `LA ${i}`, value: i === 0 ? 655630 : i }));
    };
    assert.equal(cached<{ value: number }[]>("edit-test", 1, [], build)[0].value, 655630);
    const again = warnings(() => cached<{ value: number }[]>("edit-test", 1, [], build));
    assert.equal(builds, 1, "the second call is a hit");
    assert.deepEqual(again.said, []);
    const [file] = fs.readdirSync(dir).filter((f) => f.startsWith("edit-test-"));
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    assert.ok(text.includes("655630"));
    fs.writeFileSync(path.join(dir, file), text.replace("655630", "600000"));
    const edited = warnings(() => cached<{ value: number }[]>("edit-test", 1, [], build));
    assert.equal(edited.result[0].value, 655630, "the edited number is not served");
    assert.equal(builds, 2);
    assert.equal(edited.said.length, 1);
    assert.match(edited.said[0], /the cached edit-test table \(.*edit-test-.*\.json\) is not used: its content does not match the sha256 recorded with it \(edited or damaged\); rebuilding it/);
    // emptied data
    const header = fs.readFileSync(path.join(dir, file), "utf8").split("\n")[0];
    fs.writeFileSync(path.join(dir, file), `${header}\n[]`);
    const emptied = warnings(() => cached<{ value: number }[]>("edit-test", 1, [], build));
    assert.equal(emptied.result.length, 30);
    assert.equal(builds, 3);
    assert.equal(emptied.said.length, 1);
    // a truncated file
    fs.writeFileSync(path.join(dir, file), header.slice(0, 10));
    const cut = warnings(() => cached<{ value: number }[]>("edit-test", 1, [], build));
    assert.equal(cut.result.length, 30);
    assert.match(cut.said[0], /its header is unreadable/);
    const hits = cacheStats.hits;
    cached("edit-test", 1, [], build);
    assert.equal(cacheStats.hits, hits + 1, "the rebuilt entry is used again");
  });
});

test("cache: an edited result of cachedByKey (a permutation test, a model) is computed again, and that is said", () => {
  withCache((dir) => {
    let runs = 0;
    const compute = () => {
      runs++;
      return { p: 0.0123, rho: -0.25 };
    };
    assert.deepEqual(cachedByKey("perm-test", "input-1", compute), { p: 0.0123, rho: -0.25 });
    assert.deepEqual(cachedByKey("perm-test", "input-1", compute), { p: 0.0123, rho: -0.25 });
    assert.equal(runs, 1);
    const [file] = fs.readdirSync(dir).filter((f) => f.startsWith("perm-test-"));
    fs.writeFileSync(path.join(dir, file), fs.readFileSync(path.join(dir, file), "utf8").replace("0.0123", "0.9"));
    const r = warnings(() => cachedByKey("perm-test", "input-1", compute));
    assert.deepEqual(r.result, { p: 0.0123, rho: -0.25 });
    assert.equal(runs, 2);
    assert.match(r.said[0], /the cached perm-test result .* is not used: its content does not match the sha256 recorded with it/);
    cachedByKey("perm-test", "input-2", compute);
    assert.equal(runs, 3, "another input is another entry");
  });
});

test("cache: the key holds a hash of the code that builds the table, so an edited builder is not served stale", () => {
  withCache(() => {
    // the builder lives in a module of its own inside the project, as a table builder does
    const dir = fs.mkdtempSync(path.join(__dirname, "tmp-builder-"));
    const mod = path.join(dir, "builder.js");
    const cacheModule = require.resolve("../../src/data/cache");
    const write = (v: number) =>
      fs.writeFileSync(mod, `const { cached } = require(${JSON.stringify(cacheModule)});\nmodule.exports = () => cached("builder-test", 1, [], () => ({ v: ${v} }));\n`);
    const load = () => {
      delete require.cache[mod];
      forgetCodeHashes(); // a new process would hash the files afresh
      return require(mod) as () => { v: number };
    };
    try {
      write(1);
      const builds0 = cacheStats.builds;
      assert.deepEqual(load()(), { v: 1 });
      assert.deepEqual(load()(), { v: 1 });
      assert.equal(cacheStats.builds, builds0 + 1, "unchanged code: a hit");
      write(2);
      assert.deepEqual(load()(), { v: 2 }, "the edited builder's table, not the cached one");
      assert.equal(cacheStats.builds, builds0 + 2);
      assert.equal(fs.readdirSync(process.env.CSC_CACHE_DIR!).filter((f) => f.startsWith("builder-test-")).length, 1, "the older version's entry is removed");
      const h = codeHash(mod);
      assert.match(h, /^[0-9a-f]{64}$/);
      assert.equal(codeHash(mod), h);
      write(3);
      forgetCodeHashes();
      assert.notEqual(codeHash(mod), h);
    } finally {
      delete require.cache[mod];
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

interface SlowBuilder {
  cacheDir: string;
  log: string;
  /** The cache call, in this process. */
  build: (who: string) => { by: string };
  /** A child process starts the call; once it is under way this process makes the same call. */
  race: () => Promise<{ got: { by: string }; child: { by: string } }>;
}

/**
 * A module whose cache call (`call`, with BUILD standing for a build that logs who ran it and takes
 * 1.5 s) runs in a child process and in this one, in a cache folder of its own.
 */
async function withSlowBuilder(tag: string, call: string, fn: (b: SlowBuilder) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(__dirname, `tmp-${tag}-`));
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), `csc-cache-${tag}-`));
  const mod = path.join(dir, "slow.js");
  const log = path.join(dir, "builds.log");
  const cacheModule = require.resolve("../../src/data/cache");
  const build = `() => { fs.appendFileSync(${JSON.stringify(log)}, who + "\\n"); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500); return { by: who }; }`;
  fs.writeFileSync(mod, `const fs = require("fs");\nconst { cached, cachedByKey } = require(${JSON.stringify(cacheModule)});\nmodule.exports = (who) => ${call.replace("BUILD", build)};\n`);
  const old = process.env.CSC_CACHE_DIR;
  process.env.CSC_CACHE_DIR = cacheDir;
  const run = (who: string) => (require(mod) as (who: string) => { by: string })(who);
  try {
    await fn({
      cacheDir,
      log,
      build: run,
      race: async () => {
        const { spawn } = await import("node:child_process");
        const child = spawn(process.execPath, ["-e", `console.log(JSON.stringify(require(${JSON.stringify(mod)})("child")))`], { env: { ...process.env, CSC_CACHE_DIR: cacheDir }, stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        child.stdout.on("data", (b: Buffer) => (out += b.toString()));
        const done = new Promise((r) => child.on("close", r));
        for (let i = 0; i < 200 && !fs.existsSync(log); i++) await new Promise((r) => setTimeout(r, 25));
        assert.ok(fs.existsSync(log), "the child started building");
        forgetCodeHashes();
        const got = run("parent");
        await done;
        return { got, child: JSON.parse(out) as { by: string } };
      },
    });
  } finally {
    if (old === undefined) delete process.env.CSC_CACHE_DIR;
    else process.env.CSC_CACHE_DIR = old;
    delete require.cache[mod];
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

test("cache: an entry another process is building is waited for, not built twice; a dead builder's lock is taken over", async () => {
  await withSlowBuilder("lock", `cached("lock-test", 1, [], BUILD)`, async ({ cacheDir, log, build, race }) => {
    const { got, child } = await race();
    assert.deepEqual(got, { by: "child" }, "the parent waited for the child's entry");
    assert.deepEqual(child, { by: "child" });
    assert.equal(fs.readFileSync(log, "utf8"), "child\n", "built once");
    assert.deepEqual(fs.readdirSync(cacheDir).filter((f) => f.endsWith(".lock")), [], "the lock is released");
    // a lock left by a process that no longer runs is taken over
    const [entry] = fs.readdirSync(cacheDir).filter((f) => f.startsWith("lock-test-"));
    fs.rmSync(path.join(cacheDir, entry));
    const { spawnSync } = await import("node:child_process");
    fs.writeFileSync(path.join(cacheDir, `${entry}.lock`), String(spawnSync(process.execPath, ["-e", ""]).pid));
    assert.deepEqual(build("parent"), { by: "parent" });
    assert.equal(fs.readFileSync(log, "utf8"), "child\nparent\n");
  });
});

test("cache: a keyed result another thread or process is computing is waited for, not computed twice", async () => {
  await withSlowBuilder("keyed-lock", `cachedByKey("keyed-lock-test", "k1", BUILD)`, async ({ cacheDir, log, race }) => {
    const { got, child } = await race();
    assert.deepEqual(got, { by: "child" }, "the parent waited for the child's result");
    assert.deepEqual(child, { by: "child" });
    assert.equal(fs.readFileSync(log, "utf8"), "child\n", "computed once");
    assert.deepEqual(fs.readdirSync(cacheDir).filter((f) => f.endsWith(".lock")), [], "the lock is released");
  });
});
