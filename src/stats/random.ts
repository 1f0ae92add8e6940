/**
 * A deterministic pseudo-random source in [0, 1) from a 32-bit seed (mulberry32), so that
 * permutation tests, bootstraps, simulations and benchmarks give the same numbers on every run.
 * See https://github.com/bryc/code/blob/master/jshash/PRNGs.md#mulberry32.
 *
 * @param seed any integer (taken modulo 2^32)
 * @example const r = seededRandom(42); r() // => 0.6011037519201636
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
