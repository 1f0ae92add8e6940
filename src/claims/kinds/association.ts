import type { Alternative, Evidence } from "../types";
import { evidenceFor } from "../../data/obs";
import { GRADES, INSPECTION_LABELS, basisText, ofstedEvidence, parseBasis, type Grade, type GradeBasis } from "../../data/tidy/ofsted";
import { kruskalWallis, kruskalWallisPermutation, labelledRange, median, spearmanPermutationTest } from "../../stats/association";
import { sharePercent } from "../../stats/change";
import { fmtNumber, fmtPercent } from "../../format";
import type { Tables } from "../tables";
import { fact, type Facts } from "./facts";
import { type Kind, type Params } from "./types";
import { RATE_LABELS, RATE_RELEASES, rateChanges, spendPerEpisode, tinyWords, withGrades, withTiny, type GradedPoint, type LaPoint } from "./authorities";

/**
 * Kind `association`: whether a value by authority goes with the authority's Ofsted grade —
 * Spearman's ρ between grade and value (two-sided permutation p), Kruskal–Wallis across grades, and
 * the values by grade — under each basis of the grade. What is set against the grade (params.of):
 * - `spendPerEpisode` (default): spending per child-in-need episode in a year (NAO footnote 15);
 * - `rateChange`: the change in a rate per 10,000 between two years.
 * A claim of "no correlation" is checked on role `absRho` (|ρ|).
 */

/**
 * Spearman's ρ (permutation p), Kruskal–Wallis (chi-squared and permutation p) and medians by grade;
 * computed once per set of (authority, grade, value), since several claims share it, and kept in
 * the cache folder (the permutation tests take a few seconds).
 */
export function associationWithGrade(tables: Tables, graded: GradedPoint[]) {
  const key = graded.map((p) => `${p.laCode}:${p.score}:${p.value}`).join("|");
  return tables.memo(key, () => associationUncached(graded), { persist: "association" });
}

function associationUncached(graded: GradedPoint[]) {
  const x = graded.map((p) => p.score);
  const y = graded.map((p) => p.value);
  const sp = spearmanPermutationTest(x, y, { k: 9999, seed: 2019 });
  const groups = GRADES.map((g) => graded.filter((p) => p.grade === g).map((p) => p.value));
  const kw = kruskalWallis(groups);
  const kwp = kruskalWallisPermutation(groups, { k: 4999, seed: 2019 });
  const byGrade = GRADES.map((g, i) => ({ grade: g, n: groups[i].length, median: groups[i].length ? median(groups[i]) : null, min: groups[i].length ? Math.min(...groups[i]) : null, max: groups[i].length ? Math.max(...groups[i]) : null }));
  return { rho: sp.rho, pRho: sp.p, permutations: sp.permutations, kw, pKwPermutation: kwp.p, byGrade, n: graded.length };
}

type Association = ReturnType<typeof associationWithGrade>;

/** The association in words. */
function associationText(a: Association, fmt: (x: number) => string): string {
  const groups = a.byGrade.filter((g) => g.n > 0).map((g) => `${g.grade} ${g.n} (median ${fmt(g.median!)}, ${fmt(g.min!)} to ${fmt(g.max!)})`).join("; ");
  return `By grade: ${groups}. Spearman's ρ between grade (1 Outstanding … 4 Inadequate) and the value: ${fmtNumber(a.rho, 3)} (two-sided permutation p = ${fmtNumber(a.pRho, 3)}, ${fmtNumber(a.permutations)} permutations, n = ${a.n}). Kruskal–Wallis across grades: H = ${fmtNumber(a.kw.H, 2)}, ${a.kw.df} degrees of freedom, p = ${fmtNumber(a.kw.p, 3)} (permutation p = ${fmtNumber(a.pKwPermutation, 3)}), ε² = ${fmtNumber(a.kw.epsilonSquared, 3)}.`;
}

const NO_CORRELATION = `A claim of "no correlation" is checked as |ρ| under 0.1 (role absRho: a rank correlation weaker than 0.1 is negligible by the usual convention); the p-values say whether the data could tell a correlation from none.`;

/** The deciding numbers of an association. */
function associationFacts(a: Association, what: string): Facts {
  return {
    rho: fact(a.rho, `Spearman's rank correlation between Ofsted grade and ${what}`, { unit: "rho" }),
    p: fact(a.pRho, "two-sided permutation p-value of ρ", { unit: "p" }),
    n: fact(a.n, "authorities with a grade and a value", { unit: "count" }),
    kruskalWallisP: fact(a.kw.p, "Kruskal–Wallis p-value across grades", { unit: "p" }),
  };
}

/** One reading of the points against the grade: ρ and |ρ| as values. */
const rhoValues = (o: Association) => ({ rho: o.rho, absRho: Math.abs(o.rho) });

/** What a family sets against the grade, and how it is described. */
interface Family {
  points: (t: Tables, p: Params) => { points: LaPoint[]; fy: string; basis: GradeBasis; describe: (graded: GradedPoint[], ungraded: LaPoint[]) => string; fmt: (x: number) => string; what: string };
  evidence: (graded: GradedPoint[], p: Params) => Evidence[];
  /** Other measures, each a "definition" alternative (the same grades). */
  compare?: (t: Tables, p: Params, basis: GradeBasis) => { label: string; graded: GradedPoint[] }[];
  extra?: (graded: GradedPoint[]) => string;
}

const money = (x: number) => `£${fmtNumber(x, 1)}`;

/** "28 of 62 (45%)": how many of the authorities with these grades saw their rate fall. */
function fellShare(graded: GradedPoint[], grades: Grade[]): string {
  const g = graded.filter((p) => grades.includes(p.grade));
  const k = g.filter((p) => p.value < 0).length;
  return `${k} of ${g.length} (${fmtPercent(sharePercent(k, g.length), 0)})`;
}

const FAMILIES: Record<string, Family> = {
  /**
   * Spend per child-in-need episode: params year, kind ("gross" default), episodes ("ees2020"
   * default, or "sfr"), tiny ("include" default), basis (default the 31 March ending the year).
   */
  spendPerEpisode: {
    points: (t, p) => {
      const year = p.str("year");
      const kind = p.oneOf("kind", ["gross", "net"] as const, "gross");
      const tiny = p.oneOf("tiny", ["include", "exclude"] as const, "include");
      const basis = parseBasis(p.opt("basis", `at:${Number(year.slice(0, 4)) + 1}-03-31`));
      const d = spendPerEpisode(t, year, { kind, episodes: p.oneOf("episodes", ["ees2020", "sfr"] as const, "ees2020") });
      return {
        points: withTiny(d.points, tiny), fy: year, basis, fmt: money, what: "spend per child-in-need episode",
        describe: (graded, ungraded) => `Spend per child-in-need episode, ${year} (s251 social work ${kind} expenditure ÷ episodes, as in the NAO's footnote 15), against Ofsted grade by ${basisText(basis)}: ${graded.length} authorities${ungraded.length ? ` (${ungraded.length} without a judgement by then left out)` : ""}${tiny === "exclude" ? `, ${tinyWords} left out` : ""}.`,
      };
    },
    evidence: (graded) => {
      const e = evidenceFor(graded.flatMap((x) => x.obs));
      return [
        { ...e[0], rows: [`${graded.length} LA rows`], values: undefined, note: "section 251 social work expenditure of every authority" },
        { ...e[1], rows: [`${graded.length} LA rows`], values: undefined, note: "children-in-need episodes of every authority" },
      ];
    },
  },
  /**
   * The change in a rate per 10,000 (to − from): params measure, from, to, release, fromRelease, tiny
   * ("exclude" default), basis (default "at:2018-08-31"), compareMeasure (another rate).
   */
  rateChange: {
    points: (t, p) => {
      const measure = p.str("measure");
      const from = p.str("from");
      const to = p.str("to");
      const release = p.str("release");
      const fromRelease = p.opt("fromRelease", release);
      const tiny = p.oneOf("tiny", ["exclude", "include"] as const, "exclude");
      const basis = parseBasis(p.opt("basis", "at:2018-08-31"));
      const lab = RATE_LABELS[measure] ?? measure;
      return {
        points: withTiny(rateChanges(t, measure, from, to, release, fromRelease), tiny), fy: to, basis, fmt: (x) => fmtNumber(x, 1), what: `the change in the rate of ${lab}`,
        describe: (graded, ungraded) => `Change in the rate of ${lab} per 10,000 children from ${from} to ${to} (${RATE_RELEASES[measure][fromRelease].label}${fromRelease !== release ? ` and ${RATE_RELEASES[measure][release].label}` : ""}), ${graded.length} authorities${tiny === "exclude" ? ` (${tinyWords} left out)` : ""}${ungraded.length ? `, ${ungraded.length} without a judgement left out` : ""}, against Ofsted grade by ${basisText(basis)}.`,
      };
    },
    extra: (graded) => {
      const reduced = GRADES.map((g) => {
        const gg = graded.filter((x) => x.grade === g);
        return gg.length ? `${g} ${gg.filter((x) => x.value < 0).length} of ${gg.length}` : "";
      }).filter(Boolean).join(", ");
      return `Authorities whose rate fell: ${graded.filter((x) => x.value < 0).length} of ${graded.length} (${reduced}); ${fellShare(graded, ["Outstanding", "Good"])} of those graded Good or Outstanding against ${fellShare(graded, ["Requires improvement", "Inadequate"])} of the others.`;
    },
    evidence: (graded, p) => evidenceFor(graded.flatMap((x) => x.obs)).map((e) => ({ ...e, rows: [`${graded.length} LA rows`], values: undefined, note: `LA rates, ${p.str("from")} and ${p.str("to")}` })),
    compare: (t, p, basis) => {
      const m2 = p.opt("compareMeasure");
      if (!m2) return [];
      const release = p.str("release");
      const pts = withTiny(rateChanges(t, m2, p.str("from"), p.str("to"), release, p.opt("fromRelease", release)), p.oneOf("tiny", ["exclude", "include"] as const, "exclude"));
      return [{ label: RATE_LABELS[m2] ?? m2, graded: withGrades(t, pts, p.str("to"), basis).graded }];
    },
  },
};

/**
 * Kind `association`. params.of names what is set against the grade (above); params.compareBases
 * other bases of the grade ("firstSif", "at:yyyy-mm-dd"), each a "definition" alternative;
 * params.grade (e.g. "Good"): instead of ρ, the range of the value among authorities of that grade
 * (roles min, max).
 */
export const associationKind: Kind = (t, p) => {
  const of = p.opt("of", "spendPerEpisode");
  const fam = FAMILIES[of];
  if (!fam) throw p.error(`the association kind has no family "${of}" (families: ${Object.keys(FAMILIES).join(", ")})`);
  const x = fam.points(t, p);
  const { graded, ungraded, judged } = withGrades(t, x.points, x.fy, x.basis);
  const a = associationWithGrade(t, graded);
  const s = [x.describe(graded, ungraded), ...(fam.extra ? [fam.extra(graded)] : []), associationText(a, x.fmt)];
  const alternatives: Alternative[] = [];
  const bases = p.list("compareBases").map(parseBasis);
  const grade = p.opt("grade") as Grade | undefined;
  const facts = associationFacts(a, x.what);
  if (grade) {
    const g = graded.filter((q) => q.grade === grade);
    const r = labelledRange(g.map((q) => ({ ...q, label: q.name })));
    s.push(`Among the ${g.length} authorities graded ${grade}: lowest ${r.min.name} ${x.fmt(r.min.value)} (${INSPECTION_LABELS[r.min.judgement.kind]} published ${r.min.judgement.published}), highest ${r.max.name} ${x.fmt(r.max.value)} (${INSPECTION_LABELS[r.max.judgement.kind]} published ${r.max.judgement.published}).`);
    for (const b of bases) {
      const gg = withGrades(t, x.points, x.fy, b).graded.filter((q) => q.grade === grade);
      const rr = labelledRange(gg.map((q) => ({ ...q, label: q.name })));
      alternatives.push({ label: `grades by ${basisText(b)}`, kind: "definition", values: { min: rr.min.value, max: rr.max.value } });
      s.push(`With grades by ${basisText(b)}: ${gg.length} ${grade}, ${rr.min.name} ${x.fmt(rr.min.value)} to ${rr.max.name} ${x.fmt(rr.max.value)}.`);
    }
    facts.min = fact(r.min.value, `lowest ${x.what} among authorities graded ${grade}`, { period: x.fy, area: r.min.name });
    facts.max = fact(r.max.value, `highest ${x.what} among authorities graded ${grade}`, { period: x.fy, area: r.max.name });
    return {
      values: { min: r.min.value, max: r.max.value },
      evidence: [...evidenceFor([...r.min.obs, ...r.max.obs]), ofstedEvidence(judged.filter((j) => j.a.laCode === r.min.laCode || j.a.laCode === r.max.laCode))],
      explanation: s.join(" "),
      alternatives,
      facts,
    };
  }
  for (const b of bases) {
    const o = associationWithGrade(t, withGrades(t, x.points, x.fy, b).graded);
    alternatives.push({ label: `grades by ${basisText(b)}`, kind: "definition", values: rhoValues(o) });
    s.push(`With grades by ${basisText(b)}: ρ = ${fmtNumber(o.rho, 3)} (p = ${fmtNumber(o.pRho, 3)}), Kruskal–Wallis p = ${fmtNumber(o.kw.p, 3)}.`);
  }
  for (const c of fam.compare?.(t, p, x.basis) ?? []) {
    const o = associationWithGrade(t, c.graded);
    alternatives.push({ label: `the change in ${c.label}`, kind: "definition", values: rhoValues(o) });
    s.push(`With ${c.label} instead: ρ = ${fmtNumber(o.rho, 3)} (p = ${fmtNumber(o.pRho, 3)}), Kruskal–Wallis p = ${fmtNumber(o.kw.p, 3)}.`);
  }
  s.push(NO_CORRELATION);
  return {
    values: rhoValues(a),
    evidence: [...fam.evidence(graded, p), ofstedEvidence(judged, `grades by ${basisText(x.basis)}`)],
    explanation: s.join(" "),
    alternatives,
    facts,
  };
};
