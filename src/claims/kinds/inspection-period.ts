import { DataError } from "../../data/sources";
import { ofstedEvidence, type Judgement } from "../../data/tidy/ofsted";
import { fmtNumber } from "../../format";
import { ofstedAuthoritiesIn } from "../tables";
import { fact } from "./facts";
import type { Kind, KindResult } from "./types";

/**
 * Level family `inspectionPeriod`: the months in which a round of Ofsted inspections began and ended,
 * bounded by the publication dates of its reports, which is all Ofsted's file records. An inspection
 * comes before its report is published, and (params.maxLagMonths, declared in the registry) not more
 * than that many months before. So the first inspection began in the window from the earliest
 * publication date less the lag to that date, and the last one ended in the window from the latest
 * publication date less the lag to that date. Dates are decimal years: a month stated by the document
 * is its middle (November 2013 = 2013 + 10.5/12) with half a month either side as its precision.
 *
 * The result is a bound, never a measurement (`boundOnly`): the verdict is consistent or inconsistent.
 * params: fy (the financial year whose authorities are counted, default "2017-18"), inspection (default
 * "firstSif"), maxLagMonths, roles { from, to } (default "from", "to").
 */

/** An ISO date (yyyy-mm-dd) as a decimal year: 2014-02-11 = 2014 + (1 + 10/28) / 12. */
export function decimalYear(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new DataError(`not an ISO date: "${iso}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return y + (mo - 1 + (d - 1) / days) / 12;
}

/** A decimal year written as a month and year ("February 2014"). */
export function monthOf(x: number): string {
  const y = Math.floor(x + 1e-9);
  const m = Math.min(11, Math.floor((x - y) * 12 + 1e-9));
  return `${["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][m]} ${y}`;
}

export const inspectionPeriod: Kind = (t, p): KindResult => {
  const fy = p.opt("fy", "2017-18");
  const kind = p.opt("inspection", "firstSif") as Judgement["kind"];
  const lagMonths = Number(p.raw.maxLagMonths);
  if (!Number.isFinite(lagMonths) || lagMonths <= 0) throw p.error(`parameter "maxLagMonths" (the longest time from an inspection to its report, in months) is missing`);
  const lag = lagMonths / 12;
  const roles = p.obj<{ from?: string; to?: string }>("roles") ?? {};
  const [fromRole, toRole] = [roles.from ?? "from", roles.to ?? "to"];
  const las = ofstedAuthoritiesIn(t, fy);
  const items = las.map((a) => ({ a, j: a.judgements.find((j) => j.kind === kind) }));
  const dated = items.filter((x): x is { a: typeof x.a; j: Judgement } => !!x.j).sort((x, y) => x.j.published.localeCompare(y.j.published));
  if (dated.length === 0) throw new DataError(`no ${kind} report is dated in Ofsted's file`);
  const first = dated[0];
  const last = dated[dated.length - 1];
  const f = decimalYear(first.j.published);
  const l = decimalYear(last.j.published);
  const missing = items.length - dated.length;
  return {
    values: { [fromRole]: f - lag / 2, [toRole]: l - lag / 2 },
    dataTolerance: { [fromRole]: lag / 2, [toRole]: lag / 2 },
    boundOnly: `Ofsted's publication dates, which bound the inspection dates (an inspection comes before its report, by at most ${fmtNumber(lagMonths, 0)} months) but do not give them`,
    evidence: [ofstedEvidence([first, last], `publication dates only: the earliest and latest of the ${dated.length} ${kind} reports`)],
    explanation: `Ofsted's file gives the publication date of each report, not the inspection dates. Of the ${las.length} authorities of ${fy}, ${dated.length} have a report of this round${missing ? ` (${missing} have none)` : ""}: the earliest was published on ${first.j.published} (${first.a.name}), the latest on ${last.j.published} (${last.a.name}). With an inspection at most ${fmtNumber(lagMonths, 0)} months before its report, the round began between ${monthOf(f - lag)} and ${monthOf(f)} and ended between ${monthOf(l - lag)} and ${monthOf(l)}.`,
    facts: {
      firstPublished: fact(f, `earliest publication date, ${first.j.published} (${first.a.name}), as a decimal year`, { unit: "year" }),
      lastPublished: fact(l, `latest publication date, ${last.j.published} (${last.a.name}), as a decimal year`, { unit: "year" }),
      reports: fact(dated.length, `authorities with a report of this round, of ${las.length}`, { unit: "count" }),
    },
  };
};
