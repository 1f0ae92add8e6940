/** Property tests (fast-check) for the parsers and the statistics. */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseCell, MARKERS } from "../../src/data/markers";
import { parseWritten } from "../../src/claims/written";
import { percentChange, ratePer10k, sharePercent } from "../../src/stats/change";
import { withinTransform, within } from "../../src/stats/panel";
import { escapeHtml } from "../../src/display/html";

const RUNS = { numRuns: 200 };

test("a suppression marker never becomes a number, in any case or with spaces around it", () => {
  fc.assert(fc.property(fc.constantFrom(...MARKERS), fc.boolean(), fc.constantFrom("", " ", "  "), (m, upper, pad) => {
    const cell = parseCell(pad + (upper ? m.toUpperCase() : m) + pad);
    return cell.value === null && (cell.marker !== undefined || cell.text !== undefined);
  }), RUNS);
});

test("any text that is not a number parses to null, never NaN", () => {
  fc.assert(fc.property(fc.string(), (s) => {
    const c = parseCell(s);
    return c.value === null ? true : Number.isFinite(c.value);
  }), RUNS);
});

test("integers written with thousands separators read back exactly", () => {
  fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
    const written = n.toLocaleString("en-GB");
    return parseCell(written).value === n && parseWritten(written).value === n;
  }), RUNS);
});

test("percentage change and rates are exact on integers that divide evenly", () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: -100, max: 1000 }), (from, pct) => {
    const to = from + (from * pct) / 100;
    return Number.isInteger(to) ? percentChange(from, to) === pct : true;
  }), RUNS);
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 1000 }), (count, k) => ratePer10k(count * k, 10000 * k) === count), RUNS);
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (part, whole) => Math.abs(sharePercent(part, whole) - (100 * part) / whole) === 0), RUNS);
});

const panelArb = fc.record({
  entities: fc.integer({ min: 3, max: 8 }),
  periods: fc.integer({ min: 3, max: 6 }),
  seed: fc.integer({ min: 1, max: 1e6 }),
});

function makePanel(entities: number, periods: number, seed: number) {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  const y: number[] = [], x1: number[] = [], x2: number[] = [], entity: string[] = [], time: number[] = [];
  for (let i = 0; i < entities; i++) for (let t = 0; t < periods; t++) {
    const a = rnd(), b = rnd();
    entity.push(`e${i}`); time.push(t); x1.push(a + i); x2.push(b * t);
    y.push(2 * a - b + i * 0.5 + rnd());
  }
  return { y, x: { x1, x2 }, entity, time };
}

test("demeaning by group is idempotent and leaves group means at zero", () => {
  fc.assert(fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 }), fc.integer({ min: 1, max: 5 }), (vals, k) => {
    const groups = vals.map((_, i) => i % k);
    const once = withinTransform(vals, groups);
    const twice = withinTransform(once, groups);
    const scale = Math.max(1, ...vals.map(Math.abs));
    return once.every((v, i) => Math.abs(v - twice[i]) <= 1e-9 * scale);
  }), RUNS);
});

test("the within estimator does not depend on row order", () => {
  fc.assert(fc.property(panelArb, fc.integer({ min: 1, max: 1e6 }), ({ entities, periods, seed }, shuffleSeed) => {
    const p = makePanel(entities, periods, seed);
    const order = p.y.map((_, i) => i);
    let s = shuffleSeed;
    for (let i = order.length - 1; i > 0; i--) { s = (s * 16807) % 2147483647; const j = s % (i + 1); [order[i], order[j]] = [order[j], order[i]]; }
    const q = { y: order.map((i) => p.y[i]), x: { x1: order.map((i) => p.x.x1[i]), x2: order.map((i) => p.x.x2[i]) }, entity: order.map((i) => p.entity[i]), time: order.map((i) => p.time[i]) };
    for (const effects of ["oneway", "twoways"] as const) {
      const a = within(p, { effects }), b = within(q, { effects });
      for (const k of ["x1", "x2"]) if (Math.abs(a.coefficients[k] - b.coefficients[k]) > 1e-9) return false;
    }
    return true;
  }), { numRuns: 50 });
});

test("adding a constant to one entity's outcome leaves the one-way coefficients unchanged", () => {
  fc.assert(fc.property(panelArb, fc.double({ min: -1e4, max: 1e4, noNaN: true }), ({ entities, periods, seed }, c) => {
    const p = makePanel(entities, periods, seed);
    const shifted = { ...p, y: p.y.map((v, i) => (p.entity[i] === "e1" ? v + c : v)) };
    const a = within(p), b = within(shifted);
    return ["x1", "x2"].every((k) => Math.abs(a.coefficients[k] - b.coefficients[k]) <= 1e-7 * (1 + Math.abs(a.coefficients[k])));
  }), { numRuns: 50 });
});

test("escaped HTML never contains a raw tag or quote from the input", () => {
  fc.assert(fc.property(fc.string(), (s) => !/[<>"']/.test(escapeHtml(s + `<script>"'`))), RUNS);
});
