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

/** Which default each check uses (by the registry's check name). */
export const CHECK_READING: Record<string, keyof typeof DEFAULT_READINGS> = {
  unverifiable: "none",
  consistency: "document", hclConsistency: "document", hclDocumentCount: "document",
  quotation: "cited",
  activityLevel: "national", hclEnglandRate: "national", claRate: "national", workforceLevel: "national", hclWorkforceRow: "national",
  hclDefinedRate: "national", primaryNeedAbuse: "national", assessmentFactors: "national", dvShareAndRank: "national", hclPlacementRow: "national",
  hclLaCount: "national", modelSample: "model", vacancyByRegion: "national",
  activityChange: "change", populationChange: "change", hclChange: "change", claRateLongRun: "change", factorChange: "change", factorsIncreased: "change",
  residentialNumberChange: "change", cinIncreaseAttribution: "change", hclSeriesPeak: "change", hclAnnualFalls: "change", hclProviderGrowth: "change",
  laRateRange: "distribution", laRateMedian: "distribution", hclLaDistribution: "distribution", spendPerEpisodeRange: "distribution",
  hclSpendingRow: "spending", serviceLineChange: "spending", preventativeShare: "spending", overspend: "spending", csSpend: "spending", csBudget: "spending",
  claBudget: "spending", budgetIncrease: "spending", placementSpend: "spending", residentialCost: "spending", socialWorkSpend: "spending", hclS251Spend: "spending",
  ofstedShare: "ofsted", hclOfstedShare: "ofsted", ofstedFirstInspections: "ofsted", ofstedContext: "ofsted",
  spendVsOfsted: "association", ofstedVsRateChange: "association",
  modelShare: "model", sureStart: "model",
};

/** The claim's primary reading: its own declaration, else its check's default. */
export function readingOf(c: Pick<Claim, "check" | "reading">): { decl: ReadingDecl; declared: "declared" | "default" } {
  if (c.reading) return { decl: c.reading, declared: "declared" };
  const k = CHECK_READING[c.check];
  return { decl: DEFAULT_READINGS[k ?? "national"], declared: "default" };
}
