/**
 * Numbers written the way the documents write them: counts with thousands separators (655,630),
 * percentages with the precision asked (7%, 5.2%), money in £ with billion/million (£8.8 billion),
 * rates per 10,000 (64 per 10,000).
 */

/**
 * A number with thousands separators and a fixed number of decimals.
 * @example fmtNumber(655630) // => "655,630"
 * @example fmtNumber(1342.54, 1) // => "1,342.5"
 */
export function fmtNumber(x: number | null | undefined, decimals = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  let f = FORMATS.get(decimals);
  if (!f) FORMATS.set(decimals, (f = new Intl.NumberFormat("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return f.format(x);
}

/** One formatter per number of decimals (creating one per call is slow). */
const FORMATS = new Map<number, Intl.NumberFormat>();

/**
 * A percentage, e.g. a change or a share given in percent.
 * @example fmtPercent(7.21) // => "7%"
 * @example fmtPercent(5.214, 1) // => "5.2%"
 * @example fmtPercent(-3.25, 1, true) // => "−3.3%"
 */
export function fmtPercent(x: number | null | undefined, decimals = 0, signed = false): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  const s = fmtNumber(Math.abs(x), decimals);
  const sign = x < 0 && s.replace(/[0.,]/g, "") !== "" ? "−" : signed && x > 0 ? "+" : "";
  return `${sign}${s}%`;
}

/**
 * Money in pounds, written in billions, millions or pounds as the size suggests.
 * @example fmtMoney(8.8337e9) // => "£8.8 billion"
 * @example fmtMoney(350.2e6) // => "£350 million"
 * @example fmtMoney(20392) // => "£20,392"
 */
export function fmtMoney(pounds: number | null | undefined, decimals?: number): string {
  if (pounds === null || pounds === undefined || !Number.isFinite(pounds)) return "–";
  const a = Math.abs(pounds);
  const sign = pounds < 0 ? "−" : "";
  if (a >= 1e9) return `${sign}£${fmtNumber(a / 1e9, decimals ?? 1)} billion`;
  if (a >= 1e6) return `${sign}£${fmtNumber(a / 1e6, decimals ?? 0)} million`;
  return `${sign}£${fmtNumber(a, decimals ?? 0)}`;
}

/**
 * A rate per 10,000 children.
 * @example fmtRate(64.04) // => "64 per 10,000"
 */
export function fmtRate(x: number | null | undefined, decimals = 0): string {
  return `${fmtNumber(x, decimals)} per 10,000`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * A year, or a decimal year (year + months gone / 12) as the month it falls in.
 * @example fmtYear(2019) // => "2019"
 * @example fmtYear(2013.613) // => "August 2013"
 */
export function fmtYear(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const year = Math.floor(x);
  return `${MONTHS[Math.min(11, Math.floor((x - year) * 12))]} ${year}`;
}

/** A value in the given unit, written as the documents write it. */
export function fmtValue(x: number | null | undefined, unit: string, decimals?: number): string {
  switch (unit) {
    case "percent": return fmtPercent(x, decimals ?? 1);
    case "pp": return `${fmtNumber(x, decimals ?? 1)} points`;
    case "per10k": return fmtRate(x, decimals ?? 1);
    case "gbp": return fmtMoney(x, decimals ?? 0);
    case "gbp_m": return x === null || x === undefined ? "–" : `£${fmtNumber(x, decimals ?? 1)} million`;
    case "gbp_bn": return x === null || x === undefined ? "–" : `£${fmtNumber(x, decimals ?? 2)} billion`;
    case "ratio": return x === null || x === undefined ? "–" : `${fmtNumber(x, decimals ?? 2)}×`;
    case "correlation": return x === null || x === undefined ? "–" : `|ρ| ${fmtNumber(x, decimals ?? 2)}`;
    case "year": return x === null || x === undefined ? "–" : fmtYear(x);
    default: return fmtNumber(x, decimals ?? 0);
  }
}
