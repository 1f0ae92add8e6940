import type { Claim, ReadingDecl } from "./types";

/**
 * The official default readings, declared once per kind of check, before any data are looked at. A
 * claim whose document states its own method declares its reading in the registry instead (`reading`,
 * with the document's words in `method`); every other claim is read this way.
 */
const ALL = "DfE publishes a figure for every authority, the Isles of Scilly and the City of London included; none is left out unless the document says so";
const RELEASE = "the release current at the document's date where held, else the nearest held";

export const DEFAULT_READINGS: Record<string, ReadingDecl> = {
  national: { primary: "England, as published", justification: `official default: the national figure DfE (or the named publisher) published for the period the document names; ${RELEASE}` },
  change: { primary: "England, the years named", justification: `official default: percentage change between the published levels of the two years the document names; ${RELEASE}` },
  distribution: { primary: "every authority", justification: `official default: ${ALL}; ${RELEASE}` },
  spending: { primary: "the return's own lines", justification: "official default: net current expenditure as the outturn return records it; cash unless the document says real terms, then HM Treasury GDP deflators (the vintage held)" },
  ofsted: { primary: "Ofsted's published grades", justification: "official default: each authority's overall effectiveness judgement as Ofsted published it, at the date the document names" },
  association: { primary: "every authority, rank methods", justification: `official default: ${ALL}; rank correlation and rank-based group tests, which assume nothing about the shape of the data` },
  model: { primary: "the NAO's specification", justification: "the document's stated method (NAO Appendix Two): new child protection plans per 10,000 children on deprivation, with authority and year effects, 2010-11 to 2016-17" },
  document: { primary: "the document's own figures", justification: "arithmetic on the document's own printed figures, at the precision printed" },
  cited: { primary: "the cited text", justification: "a quotation is checked against what the cited document says" },
  none: { primary: "no data reading", justification: "the claim cannot be checked against data" },
};

/**
 * Which default each check kind uses: "kind/family" (the family is params.of) where the kind serves
 * families read differently, else the kind's own entry.
 */
export const KIND_READING: Record<string, keyof typeof DEFAULT_READINGS> = {
  unverifiable: "none",
  arithmetic: "document",
  quotation: "cited",
  level: "national", "level/ro3": "spending",
  ratio: "national", "ratio/perChild": "spending",
  share: "national", "share/preventative": "spending", "share/budget": "spending", "share/growth": "change", "share/increase": "change",
  change: "change", "change/workforce": "national", "change/money": "spending", "change/s251Line": "spending", "change/serviceLines": "spending", "change/deprivationThirds": "spending",
  count: "national", "count/overspend": "spending", "count/overspentEveryYear": "spending", "count/falls": "change", "count/ofsted": "ofsted", "count/ofstedFirst": "ofsted", "level/inspectionPeriod": "ofsted", "level/lineEntry": "spending", "count/lineBreaks": "spending",
  distribution: "distribution", "distribution/years": "change",
  association: "association",
  model: "model",
};

/** The default reading of a check kind, with params.of. */
export function kindReading(check: string, of?: unknown): keyof typeof DEFAULT_READINGS {
  return (typeof of === "string" ? KIND_READING[`${check}/${of}`] : undefined) ?? KIND_READING[check] ?? "national";
}

/** The claim's primary reading: its own declaration, else its check's default. */
export function readingOf(c: Pick<Claim, "check" | "reading" | "params">): { decl: ReadingDecl; declared: "declared" | "default" } {
  if (c.reading) return { decl: c.reading, declared: "declared" };
  return { decl: DEFAULT_READINGS[kindReading(c.check, c.params?.of)], declared: "default" };
}
