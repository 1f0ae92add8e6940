import { source } from "../sources";
import { readCsv } from "../readers";
import { cached } from "../cache";
import { Obs, ObsTable, validateObs } from "../obs";
import { CIN_SFR } from "./cin";
import { fySuffix, levelOf } from "./common";

/**
 * Rates per 10,000 published in the children-in-need SFR underlying-data files (referrals, episodes
 * in the year), LA and England rows. The children-in-need table keeps the counts of these files, not
 * their rates.
 */
const SFR_RATE_COLUMNS: Record<string, string[]> = {
  referralsRate: ["Referrals{YY}Rate"],
  cinEpisodesRate: ["CINThroRatePer10K", "CINepisodesThroRatePer10K"],
};

/** The rates of every SFR file, read once (cached by the files' sha256). */
export function sfrRates(): Obs[] {
  const ids = Object.values(CIN_SFR);
  return cached("variation-sfr-rates", 1, ids.map(source), () => {
    const out: Obs[] = [];
    for (const [year, id] of Object.entries(CIN_SFR)) {
      const t = readCsv(id);
      const cLevel = t.col("geog_l");
      const cCode = t.col("geog_c");
      const cName = t.col("geog_n");
      const cNew = t.has("new_la_code") ? t.col("new_la_code") : -1;
      for (const [measure, cands] of Object.entries(SFR_RATE_COLUMNS)) {
        const name = cands.map((c) => c.replace("{YY}", fySuffix(year))).find((c) => t.has(c));
        if (!name) continue;
        const c = t.col(name);
        for (let r = 0; r < t.rows.length; r++) {
          const level = levelOf(t.text(r, cLevel));
          if (level !== "la" && level !== "national") continue;
          const cell = t.cell(r, c);
          out.push({
            measure, year, level, area: level === "national" ? "England" : t.text(r, cName),
            code: level === "national" ? "E92000001" : cNew >= 0 ? t.text(r, cNew) : "",
            ...(level === "la" ? { laCode: t.text(r, cCode) } : {}),
            value: cell.value, ...(cell.value === null ? { marker: cell.marker ?? cell.text ?? "" } : {}),
            src: id, row: t.rowNumbers[r], col: t.header[c],
          });
        }
      }
    }
    return validateObs(out, "SFR rates");
  });
}

let memo: ObsTable | undefined;

/** The SFR rates as a table. */
export function sfrRatesTable(): ObsTable {
  memo ??= new ObsTable(sfrRates());
  return memo;
}
