import { ObsTable } from "../obs";
import { cinTable } from "./cin";
import { populationTable, POPULATION_MEASURES } from "./population";
import { claTable, CLA_MEASURES } from "./cla";
import { workforceTable, WORKFORCE_MEASURES } from "./workforce";
import { spendingTable, isSpendingMeasure } from "./spending";
import { covariatesTable, COVARIATE_MEASURES } from "./covariates";
import { primaryNeedTable, isPrimaryNeedMeasure } from "./primary-need";
import { careApplicationsTable, CARE_APPLICATIONS_MEASURES } from "./care-applications";
import { childrensCentresTable, CENTRES_MEASURES } from "./childrens-centres";
import { laitTable, LAIT_TABLE_MEASURES } from "./lait";
import { serviceTotalsTable, isServiceMeasure } from "./service-totals";

/**
 * Which tidy table holds a measure. Tables are loaded (from the cache when possible) only when a
 * measure of theirs is asked for.
 */
const TABLES: { measures: (m: string) => boolean; table: () => ObsTable }[] = [
  { measures: (m) => POPULATION_MEASURES.includes(m), table: populationTable },
  { measures: (m) => CLA_MEASURES.includes(m), table: claTable },
  { measures: (m) => WORKFORCE_MEASURES.includes(m), table: workforceTable },
  { measures: isSpendingMeasure, table: spendingTable },
  { measures: (m) => COVARIATE_MEASURES.includes(m), table: covariatesTable },
  { measures: isPrimaryNeedMeasure, table: primaryNeedTable },
  { measures: (m) => CARE_APPLICATIONS_MEASURES.includes(m), table: careApplicationsTable },
  { measures: (m) => CENTRES_MEASURES.includes(m), table: childrensCentresTable },
  { measures: (m) => LAIT_TABLE_MEASURES.includes(m), table: laitTable },
  { measures: isServiceMeasure, table: serviceTotalsTable },
  { measures: () => true, table: cinTable },
];

/** The table that holds a measure. */
export function tableFor(measure: string): ObsTable {
  return TABLES.find((t) => t.measures(measure))!.table();
}
