import type { StatedValue } from "./types";

/** What a written number stands for: its value and the half-width of the interval it represents. */
export interface ParsedWritten {
  value: number;
  /** Size of one unit of the last written digit (1 for "7%", 0.1 for "5.2%", 10 for "655,630"). */
  step: number;
  tolerance: number;
}

const WORDS: Record<string, number> = { double: 2, triple: 3, treble: 3, quadruple: 4, half: 50, third: 100 / 3, quarter: 25 };

/**
 * Reads a number as a document writes it ("655,630", "7%", "£8.8 billion", "£350 million", "43.2",
 * "triple") into its value and precision. Whole numbers of 1,000 or more with trailing zeros are taken
 * as rounded to that many zeros ("28,500" → to the nearest 100; "655,630" → to the nearest 10), as
 * DfE rounds national counts; percentages and smaller numbers are precise to their last digit.
 *
 * @example parseWritten("655,630") // => { value: 655630, step: 10, tolerance: 5 }
 * @example parseWritten("5.2%") // => { value: 5.2, step: 0.1, tolerance: 0.05 }
 * @example parseWritten("£8.8 billion") // => { value: 8.8, step: 0.1, tolerance: 0.05 }
 */
export function parseWritten(written: string): ParsedWritten {
  const w = written.trim().toLowerCase();
  for (const [word, v] of Object.entries(WORDS)) {
    if (new RegExp(`\\b${word}\\b`).test(w)) return { value: v, step: 1, tolerance: 0.5 };
  }
  const m = /(-?\d[\d,]*(?:\.\d+)?)/.exec(w);
  if (!m) throw new Error(`cannot read a number in "${written}"`);
  const digits = m[1];
  const value = Number(digits.replace(/,/g, ""));
  const dot = digits.indexOf(".");
  let step: number;
  if (dot >= 0) {
    step = Math.pow(10, -(digits.length - dot - 1));
  } else {
    const intDigits = digits.replace(/[-,]/g, "");
    const trailing = /0*$/.exec(intDigits)![0].length;
    const isPercent = w.includes("%") || w.includes("per cent");
    step = !isPercent && Math.abs(value) >= 1000 && trailing > 0 ? Math.pow(10, Math.min(trailing, intDigits.length - 1)) : 1;
  }
  return { value, step, tolerance: step / 2 };
}

/** Fills `value` and `tolerance` of a stated value from its written form (explicit values win). */
export function completeStated(sv: StatedValue): Required<Pick<StatedValue, "value" | "tolerance">> & StatedValue {
  if (sv.value !== undefined && sv.tolerance !== undefined) return { ...sv, value: sv.value, tolerance: sv.tolerance };
  const p = parseWritten(sv.written);
  return { ...sv, value: sv.value ?? p.value, tolerance: sv.tolerance ?? p.tolerance };
}
