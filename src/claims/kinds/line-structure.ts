import type { Evidence } from "../types";
import type { Obs } from "../../data/obs";
import { DataError } from "../../data/sources";
import { fmtNumber } from "../../format";
import type { Tables } from "../tables";
import { yearsBetween } from "./lookup";
import { fact } from "./facts";
import type { Kind, KindResult } from "./types";

/**
 * The line structure of children's social care in MHCLG's RO3 returns (`ro3Line:<key>` measures,
 * England net current expenditure, £ thousand):
 * - level family `lineEntry`: the first year from params.from to params.to in which a line whose key
 *   matches params.line (a regular expression) is part of children's social care; the value
 *   (params.role, default "year") is that year's first calendar year (2014 for 2014-15). The
 *   explanation gives every line that enters or leaves then, and the change in the total;
 * - count family `lineBreaks`: the number of years from params.from to params.to in which the set of
 *   lines differs from the year before (params.role, default "breaks"); with params.report "last", the
 *   first calendar year of the latest such year instead (2014 for 2014-15; role default "year").
 */

const PREFIX = "ro3Line:";

/** The lines of each year, by key. */
export function linesByYear(t: Tables, from: string, to: string): { year: string; lines: Map<string, Obs> }[] {
  const all = t.obs(`${PREFIX}x`).rows.filter((o) => o.measure.startsWith(PREFIX) && o.level === "national");
  return yearsBetween(from, to).map((year) => ({ year, lines: new Map(all.filter((o) => o.year === year).map((o) => [o.measure.slice(PREFIX.length), o])) }));
}

const m = (thousands: number | null) => `£${fmtNumber((thousands ?? 0) / 1000, 0)}m`;

function lineEvidence(obs: Obs[], note: string): Evidence[] {
  const bySrc = new Map<string, Obs[]>();
  for (const o of obs) bySrc.set(o.src, [...(bySrc.get(o.src) ?? []), o]);
  return [...bySrc.entries()].map(([src, os]) => ({
    source: src,
    file: `RO3 ${os[0].year}`,
    sheet: os[0].sheet,
    rows: [`row ${os[0].row} (ENGLAND)`],
    columns: os.map((o) => o.col),
    values: Object.fromEntries(os.map((o) => [o.measure.slice(PREFIX.length), o.value])),
    note,
  }));
}

export const lineEntry: Kind = (t, p): KindResult => {
  const re = new RegExp(p.str("line"), "i");
  const role = p.opt("role", "year");
  const years = linesByYear(t, p.str("from"), p.str("to"));
  const i = years.findIndex((y) => [...y.lines.keys()].some((k) => re.test(k)));
  if (i < 0) throw new DataError(`no RO3 children's social care line matches /${re.source}/ from ${years[0].year} to ${years[years.length - 1].year}`);
  const at = years[i];
  const before = i > 0 ? years[i - 1] : undefined;
  const entering = [...at.lines.entries()].filter(([k]) => !before || !before.lines.has(k));
  const leaving = before ? [...before.lines.entries()].filter(([k]) => !at.lines.has(k)) : [];
  const total = (y: typeof at) => [...y.lines.values()].reduce((s, o) => s + (o.value ?? 0), 0);
  const matched = entering.find(([k]) => re.test(k)) ?? [...at.lines.entries()].find(([k]) => re.test(k))!;
  const s = [`The RO3 return first has the line "${matched[0]}" inside children's social care in ${at.year} (${m(matched[1].value)} net in England).`];
  if (before) {
    s.push(`From ${before.year} to ${at.year} the lines of children's social care change: ${entering.map(([k, o]) => `"${k}" enters (${m(o.value)})`).join(", ")}${leaving.length ? `; ${leaving.map(([k, o]) => `"${k}" goes (${m(o.value)} in ${before.year})`).join(", ")}` : ""}.`);
    s.push(`The sum of the lines goes from ${m(total(before))} to ${m(total(at))}, ${total(at) >= total(before) ? "+" : "−"}${m(Math.abs(total(at) - total(before)))}; the new lines that were not children's social care before add ${m(entering.filter(([k]) => !/safeguarding/.test(k)).reduce((a, [, o]) => a + (o.value ?? 0), 0))} of it.`);
  }
  return {
    values: { [role]: Number(at.year.slice(0, 4)) },
    evidence: lineEvidence([...(before ? [...before.lines.values()] : []), ...at.lines.values()], "England net current expenditure on each line of children's social care, £ thousand"),
    explanation: s.join(" "),
    facts: {
      year: fact(Number(at.year.slice(0, 4)), `first year of the line "${matched[0]}"`, { unit: "year", period: at.year }),
      line: fact(matched[1].value, `England net current expenditure on "${matched[0]}", £ thousand`, { period: at.year, source: matched[1].src }),
      ...(before ? { change: fact(total(at) - total(before), `change in children's social care, ${before.year} to ${at.year}, £ thousand`) } : {}),
    },
  };
};

export const lineBreaks: Kind = (t, p): KindResult => {
  const last = p.oneOf("report", ["count", "last"] as const, "count") === "last";
  const role = p.opt("role", last ? "year" : "breaks");
  const years = linesByYear(t, p.str("from"), p.str("to"));
  const breaks = years.slice(1).map((y, i) => {
    const prev = years[i];
    const added = [...y.lines.keys()].filter((k) => !prev.lines.has(k));
    const gone = [...prev.lines.keys()].filter((k) => !y.lines.has(k));
    return { year: y.year, added, gone };
  }).filter((b) => b.added.length || b.gone.length);
  const lastYear = breaks.length ? Number(breaks[breaks.length - 1].year.slice(0, 4)) : null;
  return {
    values: { [role]: last ? lastYear : breaks.length },
    evidence: lineEvidence(years.flatMap((y) => (breaks.some((b) => b.year === y.year) || breaks.some((b) => yearsBetween(y.year, b.year).length === 2) ? [...y.lines.values()] : [])), "the lines of children's social care in the years either side of each change"),
    explanation: `The lines of children's social care in RO3 change in ${breaks.length} of the ${years.length - 1} years from ${years[1].year} to ${years[years.length - 1].year}: ${breaks.map((b) => `${b.year} (${[...b.added.map((k) => `+ "${k}"`), ...b.gone.map((k) => `− "${k}"`)].join(", ")})`).join("; ")}.`,
    facts: {
      breaks: fact(breaks.length, `years in which the lines of children's social care change, ${years[0].year} to ${years[years.length - 1].year}`, { unit: "count" }),
      last: fact(lastYear, "first calendar year of the latest change", { unit: "year" }),
    },
  };
};
