import type { Evidence, UnverifiableReason } from "../types";
import { UNVERIFIABLE_REASONS } from "../types";
import { ofstedEvidence, type Judgement } from "../../data/tidy/ofsted";
import { ofstedAuthoritiesIn } from "../tables";
import { fact, type Facts } from "./facts";
import { fmtNumber } from "../../format";
import type { Kind } from "./types";
import { gradedAuthorities } from "./authorities";

/**
 * Kind `unverifiable`: a claim no open data can settle. params.because is the reason (one of
 * UNVERIFIABLE_REASONS: no-open-data, not-in-mirror, vintage-not-held, method-statement); the
 * explanation says why (params.why) and what would settle it (params.settle, or the source of a
 * method statement); params.context shows what the data that exists says around it:
 * - "inadequateAt:yyyy-mm-dd": the authorities whose latest Ofsted judgement then was Inadequate;
 * - "firstSifDates": the span of the first single-inspection-framework publication dates;
 * - "leaversWithinFiveYears": the share of social workers leaving in the year who had served under
 *   five years, from the one workforce release here that tabulates leavers by time in service
 *   (SFR 08/2017, 30 September 2016, England row).
 */

/** The workforce release that tabulates leavers by time in service, and its columns (FTE, per cent). */
export const LEAVERS_BY_SERVICE = {
  source: "workforce-csww-2015-2016-sfr08-2017-ud",
  year: "2016",
  under2: "B2aa_FTE_Percentage_Time in Service Leavers_2016_<2",
  twoToFive: "B2ab_FTE_Percentage_Time in Service Leavers_2016_2_to_5",
};
export const unverifiableKind: Kind = (t, p) => {
  const because = p.opt("because");
  if (!because || !(UNVERIFIABLE_REASONS as readonly string[]).includes(because)) {
    throw p.error(`an unverifiable claim needs params.because, one of ${UNVERIFIABLE_REASONS.join(", ")}`);
  }
  const settle = p.opt("settle", "a source not in the official open data");
  const why = p.opt("why");
  const context = p.opt("context");
  const s: string[] = why ? [why] : [];
  let evidence: Evidence[] = [];
  let facts: Facts = {};
  const m = context ? /^inadequateAt:(\d{4}-\d{2}-\d{2})$/.exec(context) : null;
  if (m) {
    const items = gradedAuthorities(t, "2018-19", { kind: "at", date: m[1] });
    const inad = items.filter((x) => x.j?.overall === "Inadequate");
    s.push(`Ofsted's file gives ${inad.length} authorities whose latest judgement published by ${m[1]} was Inadequate (${inad.map((x) => x.a.name).join(", ")}). The Department's interventions follow an Inadequate judgement but are not the same list: they start and end on the Department's decisions (statutory directions, commissioners, trusts), which no file here records.`);
    evidence = [ofstedEvidence(inad, "context only")];
    facts = { inadequate: fact(inad.length, "authorities whose latest Ofsted judgement was Inadequate (context, not the claim)", { period: m[1], unit: "count" }) };
  } else if (context === "firstSifDates") {
    const las = ofstedAuthoritiesIn(t, "2017-18");
    const dates = las.map((a) => a.judgements.find((j) => j.kind === "firstSif")).filter((j): j is Judgement => !!j).map((j) => j.published).sort();
    s.push(`The file gives only publication dates: the first SIF reports of all 152 authorities were published between ${dates[0]} and ${dates[dates.length - 1]}, consistent with inspections from late 2013 to autumn 2017, but the inspection dates themselves are not in it.`);
    evidence = [ofstedEvidence(las.map((a) => ({ a, j: a.judgements.find((j) => j.kind === "firstSif") })), "context only: publication dates")];
    facts = { firstPublished: fact(null, `first SIF report published ${dates[0]} (a date, not an inspection date)`), lastPublished: fact(null, `last first SIF report published ${dates[dates.length - 1]}`) };
  } else if (context === "leaversWithinFiveYears") {
    const L = LEAVERS_BY_SERVICE;
    const raw = t.raw(L.source);
    const r = raw.oneRow("England", (i) => raw.text(i, "Country_name") === "England" && raw.text(i, "LA_name") === "" && raw.text(i, "Region_name") === "");
    const a = raw.number(r, L.under2);
    const b = raw.number(r, L.twoToFive);
    s.push(`The mirror holds leavers by time in service for one year only: at 30 September 2016, ${fmtNumber(a, 1)}% of the FTE social workers who left their authority in the year had served under two years and ${fmtNumber(b, 1)}% two to five years, ${fmtNumber(a + b, 1)}% under five years in all (${raw.source.file}, row ${raw.rowNumbers[r]}). The 2015 release here does not tabulate leavers by time in service, and the 2017 release is not held, so the trend from 2015 cannot be drawn.`);
    evidence = [{ source: raw.source.id, file: raw.source.file, rows: [`row ${raw.rowNumbers[r]} (England)`], columns: [L.under2, L.twoToFive], values: { under2: a, twoToFive: b }, note: "context only: one year of leavers by time in service" }];
    facts = { leaversUnderFive2016: fact(a + b, "FTE leavers who had served under five years, per cent (context, not the claim)", { period: "30 September 2016", unit: "percent", source: raw.source.id }) };
  } else if (context) throw p.error(`unknown context "${context}"`);
  s.push(`${because === "method-statement" ? "Source" : "What would settle it"}: ${settle}.`);
  return { values: {}, evidence, explanation: s.join(" "), verdict: "unverifiable", reason: because as UnverifiableReason, basis: "data", facts };
};
