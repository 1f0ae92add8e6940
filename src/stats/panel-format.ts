/**
 * Plain-text regression table for a fitted within model, laid out like
 * R's `summary(plm(...))`.
 */
import type { WithinResult } from "./panel";

/**
 * Formats a number to `digits` significant digits, switching to exponent
 * notation for very small or very large magnitudes (as R's `format`).
 *
 * @param x the number
 * @param digits significant digits (default 6)
 * @returns the formatted string
 * @example
 * formatSignificant(0.1101238041); // => "0.110124"
 * formatSignificant(2244400.123);  // => "2244400"
 * formatSignificant(0.00001234567); // => "1.23457e-05"
 */
export function formatSignificant(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const ax = Math.abs(x);
  if (ax >= 1e-4 && ax < 10 ** digits * 10) {
    if (ax >= 10 ** (digits - 1)) return x.toFixed(0);
    // toPrecision then strip trailing zeros of the fraction.
    const s = x.toPrecision(digits);
    return s.includes("e") ? s : s.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  }
  const [m, e] = x.toExponential(digits - 1).split("e");
  const mant = m.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  const exp = Number(e);
  return `${mant}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
}

/**
 * Formats a p-value as R does in coefficient tables: "< 2.2e-16" below
 * machine precision, otherwise 4 significant digits.
 *
 * @param p the p-value
 * @returns the formatted string
 * @example
 * formatPValue(1e-20); // => "< 2.2e-16"
 * formatPValue(0.0179131); // => "0.01791"
 */
export function formatPValue(p: number): string {
  if (Number.isNaN(p)) return "NaN";
  if (p < 2.2e-16) return "< 2.2e-16";
  return formatSignificant(p, 4);
}

/**
 * Significance stars as R's `symnum`: *** p < 0.001, ** < 0.01, * < 0.05, . < 0.1.
 *
 * @param p the p-value
 * @returns "***", "**", "*", "." or ""
 * @example
 * significanceStars(0.02); // => "*"
 */
export function significanceStars(p: number): string {
  if (!(p >= 0)) return "";
  return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : "";
}

/**
 * Renders a fitted within model as a regression table: one line per
 * coefficient (estimate, std. error, t value, p-value, stars), then n,
 * entities, periods, residual df and within R².
 *
 * @param fit result of `within`
 * @param response name of the response, shown in the header (optional)
 * @returns multi-line text ending in a newline
 * @example
 * const fit = oneway({ y: [1, 3, 2, 5, 4, 8], x: { x: [1, 2, 1, 2, 3, 5] }, entity: [1, 1, 2, 2, 3, 3] });
 * formatPanelTable(fit, "y");
 * // => "Oneway (entity) effects within model\nPanel: n = 6, entities = 3\nResponse: y\n..."
 */
export function formatPanelTable(fit: WithinResult, response?: string): string {
  const lines: string[] = [];
  lines.push(
    fit.effects === "oneway" ? "Oneway (entity) effects within model" : "Twoways (entity + time) effects within model",
  );
  const shape = fit.balanced === null ? "Panel" : fit.balanced ? "Balanced panel" : "Unbalanced panel";
  lines.push(
    `${shape}: n = ${fit.n}, entities = ${fit.entities}` +
      (fit.periods !== null ? `, periods = ${fit.periods}` : "") +
      (fit.dropped > 0 ? `, dropped = ${fit.dropped} (missing values)` : ""),
  );
  if (response) lines.push(`Response: ${response}`);
  lines.push(
    fit.vcovType === "cluster"
      ? `Std. errors: clustered by entity (Arellano, ${fit.clusterType === "sss" ? "sss: G/(G-1)*(n-1)/(n-K)" : fit.clusterType === "HC1" ? "HC1: n/(n-K)" : "HC0: no adjustment"}), ${fit.entities} clusters`
      : "Std. errors: conventional",
  );
  lines.push("");
  const header = ["", "Estimate", "Std. Error", "t value", "Pr(>|t|)", ""];
  const body = fit.names.map((nm) => [
    nm,
    formatSignificant(fit.coefficients[nm]),
    formatSignificant(fit.se[nm]),
    fit.t[nm].toFixed(3),
    formatPValue(fit.p[nm]),
    significanceStars(fit.p[nm]),
  ]);
  const all = [header, ...body];
  const widths = header.map((_, j) => Math.max(...all.map((r) => r[j].length)));
  for (const r of all) {
    lines.push(
      r
        .map((c, j) => (j === 0 ? c.padEnd(widths[j]) : j === r.length - 1 ? c.padEnd(widths[j]) : c.padStart(widths[j])))
        .join("  ")
        .trimEnd(),
    );
  }
  lines.push("---");
  lines.push("Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1");
  lines.push("");
  lines.push(`Total Sum of Squares:    ${formatSignificant(fit.tss)}`);
  lines.push(`Residual Sum of Squares: ${formatSignificant(fit.ssr)}`);
  lines.push(`Within R-Squared:        ${formatSignificant(fit.r2Within, 7)}`);
  lines.push(`Residual df:             ${fit.df}`);
  return lines.join("\n") + "\n";
}
