/**
 * Notebook 03 (NAO Part Two: variation between authorities and quality): Figures 8 to 12 redrawn and
 * the tables behind the verdicts, all computed by the functions the checks use
 * (src/claims/kinds).
 */
import { show, htmlTable } from "../display/html";
import { barChart, figure, stripChart } from "../display/plotly";
import { toDataFrame, DataFrame } from "../display";
import { source } from "../data/sources";
import { TINY_LAS } from "../data/la";
import { GRADES, GRADE_SCORE, Grade, basisText, gradeCounts, judgementFor, ofstedAuthoritiesIn, ofstedTable, parseBasis } from "../data/tidy/ofsted";
import {
  RATE_LABELS, RATE_RELEASES, laRates, rateChanges, rateRangeOf, rateSource, spendByType, spendPerEpisode, typePlural, withGrades, withTiny,
} from "../claims/kinds/authorities";
import { associationWithGrade } from "../claims/kinds/association";
import { fmtNumber, fmtPercent } from "../format";
import { realTables } from "../claims/tables";

const tables = realTables();

export * from "./common";

const TINY = Object.values(TINY_LAS);
const GRADE_COLOURS: Record<Grade, string> = { Outstanding: "#1a7f37", Good: "#6cc070", "Requires improvement": "#f0a030", Inadequate: "#c62828" };

/** The activities of Figure 8, each with the release it is read from. */
const FIGURE8: { measure: string; release: string; short: string }[] = [
  { measure: "cinEpisodesRate", release: "2020", short: "Children-in-need episodes" },
  { measure: "s47Rate", release: "2020", short: "Section 47 enquiries" },
  { measure: "cppStartsRate", release: "2020", short: "Protection plans starting" },
  { measure: "claRate", release: "2018", short: "Looked after at 31 March" },
];

/**
 * The range of each rate with and without the two tiny authorities, from each release: the table
 * behind the summary 13 / PAC / Community Care disagreement.
 */
export function rangeTable(year = "2017-18"): void {
  const rows: Record<string, unknown>[] = [];
  for (const { measure } of FIGURE8) {
    for (const release of Object.keys(RATE_RELEASES[measure])) {
      let src: string;
      try {
        src = rateSource(measure, release, year);
        laRates(tables, measure, year, release);
      } catch {
        continue;
      }
      for (const tiny of ["include", "exclude"] as const) {
        const r = rateRangeOf(tables, measure, year, release, tiny);
        rows.push({
          activity: RATE_LABELS[measure],
          release: RATE_RELEASES[measure][release].label,
          "Isles of Scilly and City of London": tiny === "include" ? "in" : "out",
          authorities: r.kept.length,
          lowest: `${r.min.name} ${fmtNumber(r.min.value, 1)}`,
          highest: `${r.max.name} ${fmtNumber(r.max.value, 1)}`,
          median: r.median,
          file: source(src).file,
        });
      }
    }
  }
  show(htmlTable(rows, { caption: `Rates per 10,000 children by local authority, ${year}: ends of the range under each choice`, columns: ["activity", "release", "Isles of Scilly and City of London", "authorities", "lowest", "highest", { key: "median", format: "number", decimals: 1 }, "file"] }));
}

/** Figure 8: every authority's rate per 10,000 for four activities, the extremes and the two tiny authorities labelled. */
export function figure8(year = "2017-18"): void {
  const groups = FIGURE8.map(({ measure, release, short }) => ({
    name: short,
    points: laRates(tables, measure, year, release).points.map((p) => ({ label: p.name, value: Math.round(p.value * 10) / 10 })),
  }));
  stripChart({
    groups,
    highlight: TINY,
    title: `Figure 8 redrawn: rates per 10,000 children by local authority, ${year}`,
    xTitle: "Activity",
    yTitle: "Rate per 10,000 children aged under 18",
    source: `DfE, Characteristics of children in need (EES release of October 2020: b1, c4, d1) and Children looked after in England 2018 underlying data (CLA2018.csv). Red points: the lowest and highest of each activity, and the Isles of Scilly and the City of London wherever they have a rate`,
    height: 560,
  });
}

/** Spend per child-in-need episode by authority, with type, grade and the counts behind it. */
export function spendRows(year = "2017-18", basis = "at:2018-03-31"): Record<string, unknown>[] {
  const d = spendPerEpisode(tables, year);
  const g = new Map(withGrades(tables, d.points, year, parseBasis(basis)).graded.map((p) => [p.laCode, p.grade]));
  return d.points
    .map((p) => ({ laCode: p.laCode, authority: p.name, type: p.type, socialWorkSpend: p.spend, episodes: p.episodes, spendPerEpisode: p.value, grade: g.get(p.laCode) ?? null }))
    .sort((a, b) => a.spendPerEpisode - b.spendPerEpisode);
}

/** The LA-level table of spend per episode as a danfo DataFrame, for analysts (`.head()`, `.groupby()`). */
export function spendFrame(year = "2017-18", basis = "at:2018-03-31"): DataFrame {
  return toDataFrame(spendRows(year, basis).map((r) => ({ ...r, spendPerEpisode: Math.round((r.spendPerEpisode as number) * 10) / 10 })));
}

/** The lowest and highest spenders, as a table. */
export function spendEnds(year = "2017-18", n = 5): void {
  const rows = spendRows(year);
  const pick = [...rows.slice(0, n), ...rows.slice(-n)];
  show(htmlTable(pick, {
    caption: `Spend per child-in-need episode, ${year}: the ${n} lowest and the ${n} highest (s251 social work gross expenditure ÷ episodes)`,
    columns: ["authority", "type", { key: "socialWorkSpend", label: "social work spend (£)", format: "count" }, { key: "episodes", format: "count" }, { key: "spendPerEpisode", label: "£ per episode", format: "number", decimals: 1 }, { key: "grade", label: "Ofsted grade at 31 March 2018" }],
  }));
}

/** Figure 10: spend per episode by type of authority, each type's ends labelled; with the table of ranges. */
export function figure10(year = "2017-18"): void {
  const d = spendPerEpisode(tables, year);
  const types = spendByType(d.points);
  show(htmlTable(types.map((t) => ({ type: typePlural(t.type), authorities: t.n, lowest: `${t.min.name} £${fmtNumber(t.min.value, 1)}`, highest: `${t.max.name} £${fmtNumber(t.max.value, 1)}`, median: t.median, "highest ÷ lowest": t.ratio })), {
    caption: `Spend per child-in-need episode by type of authority, ${year} (England £${fmtNumber(d.england.value, 1)})`,
    columns: ["type", "authorities", "lowest", "highest", { key: "median", label: "median (£)", format: "number", decimals: 1 }, { key: "highest ÷ lowest", format: "number", decimals: 1 }],
  }));
  stripChart({
    groups: types.map((t) => ({ name: typePlural(t.type), points: d.points.filter((p) => p.type === t.type).map((p) => ({ label: p.name, value: Math.round(p.value) })) })),
    highlight: TINY,
    title: `Figure 10 redrawn: spend per child-in-need episode by type of authority, ${year}`,
    xTitle: "Type of authority",
    yTitle: "Spend per episode (£)",
    source: `DfE section 251 outturn 2017-18 (S251ye2018.xlsx, line 3.3.1 social work, total expenditure) ÷ children-in-need episodes (EES 2020 b1). England average £${fmtNumber(d.england.value, 0)} (dotted line)`,
    layout: { shapes: [{ type: "line", xref: "paper", x0: 0, x1: 1, y0: d.england.value, y1: d.england.value, line: { dash: "dot", color: "#57606a" } }] },
    height: 520,
  });
}

/** Figure 11: spend per episode by Ofsted grade, with the tests of association under each way of dating the grade. */
export function figure11(year = "2017-18", basis = "at:2018-03-31"): void {
  const d = spendPerEpisode(tables, year);
  const b = parseBasis(basis);
  const graded = withGrades(tables, d.points, year, b).graded;
  stripChart({
    groups: GRADES.map((g) => ({ name: g, points: graded.filter((p) => p.grade === g).map((p) => ({ label: p.name, value: Math.round(p.value) })) })),
    title: `Figure 11 redrawn: spend per child-in-need episode by Ofsted grade, ${year}`,
    xTitle: `Ofsted overall effectiveness (${basisText(b)})`,
    yTitle: "Spend per episode (£)",
    source: "DfE section 251 outturn 2017-18 ÷ children-in-need episodes (EES 2020 b1); Ofsted, Children's social care data in England 2023, sheet LA_inspections_2009-2023",
    layout: { colorway: GRADES.map((g) => GRADE_COLOURS[g]) },
    height: 520,
  });
  associationTable(year, ["at:2018-03-31", "at:2018-08-31", "firstSif"]);
}

/** Spearman's ρ and Kruskal–Wallis for spend per episode against grade, for several ways of dating the grade. */
export function associationTable(year = "2017-18", bases: string[] = ["at:2018-03-31"]): void {
  const d = spendPerEpisode(tables, year);
  const rows = bases.map((bs) => {
    const b = parseBasis(bs);
    const a = associationWithGrade(tables, withGrades(tables, d.points, year, b).graded);
    return {
      grades: basisText(b),
      n: a.n,
      ...Object.fromEntries(a.byGrade.map((g) => [`median £, ${g.grade} (n)`, g.n ? `${fmtNumber(g.median!, 0)} (${g.n})` : "–"])),
      "Spearman ρ": a.rho,
      "ρ permutation p": a.pRho,
      "Kruskal–Wallis H": a.kw.H,
      "KW p (χ², 3 df)": a.kw.p,
      "KW permutation p": a.pKwPermutation,
    };
  });
  show(htmlTable(rows, { caption: `Spend per child-in-need episode against Ofsted grade, ${year}: tests of association (grade scored 1 Outstanding … 4 Inadequate)`, columns: ["grades", "n", ...GRADES.map((g) => `median £, ${g} (n)`), { key: "Spearman ρ", format: "number", decimals: 3 }, { key: "ρ permutation p", format: "number", decimals: 3 }, { key: "Kruskal–Wallis H", format: "number", decimals: 2 }, { key: "KW p (χ², 3 df)", format: "number", decimals: 3 }, { key: "KW permutation p", format: "number", decimals: 3 }] }));
}

/**
 * Figure 9: looked-after children per 10,000 from 31 March 2011 to 2018 (PHE Fingertips copy of DfE's
 * rates), one faint line per authority coloured by its Ofsted grade, and the median of each grade in bold.
 */
export function figure9(basis = "at:2018-08-31"): void {
  const b = parseBasis(basis);
  const years = ["2010-11", "2011-12", "2012-13", "2013-14", "2014-15", "2015-16", "2016-17", "2017-18"];
  const series = new Map<string, { name: string; values: (number | null)[] }>();
  years.forEach((y, i) => {
    for (const p of withTiny(laRates(tables, "claRate", y, "fingertips").points, "exclude")) {
      const s = series.get(p.laCode) ?? { name: p.name, values: years.map(() => null) };
      s.values[i] = p.value;
      series.set(p.laCode, s);
    }
  });
  const grades = new Map(ofstedAuthoritiesIn("2017-18").map((a) => [a.laCode, judgementFor(a, b)?.overall]));
  const x = years.map((y) => `${y.slice(0, 2)}${y.slice(5)}`); // the year of the 31 March (the axis title says so): short labels need no slant
  const data: Record<string, unknown>[] = [];
  const shown = new Set<string>();
  for (const [code, s] of series) {
    const g = grades.get(code);
    if (!g) continue;
    data.push({ type: "scatter", mode: "lines", x, y: s.values, name: g, legendgroup: g, showlegend: false, line: { width: 0.7, color: GRADE_COLOURS[g] }, opacity: 0.35, hovertemplate: `${s.name.replace(/[<>]/g, "")} (${g}): %{y}<extra></extra>` });
  }
  for (const g of GRADES) {
    const codes = [...series.keys()].filter((c) => grades.get(c) === g);
    const med = years.map((_, i) => {
      const v = codes.map((c) => series.get(c)!.values[i]).filter((z): z is number => z !== null).sort((p, q) => p - q);
      return v.length ? (v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : null;
    });
    data.push({ type: "scatter", mode: "lines+markers", x, y: med, name: `${g} (${codes.length}), median`, legendgroup: g, showlegend: !shown.has(g), line: { width: 3, color: GRADE_COLOURS[g] } });
    shown.add(g);
  }
  figure({ data, layout: { showlegend: true, xaxis: { type: "category", tickangle: 0 } } }, {
    title: "Figure 9 redrawn: children looked after per 10,000, by authority and Ofsted grade, 2011–2018",
    xTitle: "At 31 March",
    yTitle: "Looked after per 10,000 children under 18",
    source: `PHE Fingertips indicator 90803 (copy of DfE's rates; cla-derived-phe-fingertips-children-in-care); Ofsted grade by ${basisText(b)}. Isles of Scilly and City of London left out`,
    height: 560,
  });
}

/** The change in looked-after (or child-protection) rates by grade, as a strip chart and a table of who reduced. */
export function changeByGrade(measure = "claRate", from = "2010-11", to = "2017-18", release = "fingertips", basis = "at:2018-08-31"): void {
  const b = parseBasis(basis);
  const graded = withGrades(tables, withTiny(rateChanges(tables, measure, from, to, release), "exclude"), to, b).graded;
  const a = associationWithGrade(tables, graded);
  stripChart({
    groups: GRADES.map((g) => ({ name: g, points: graded.filter((p) => p.grade === g).map((p) => ({ label: p.name, value: Math.round(p.value * 10) / 10 })) })),
    title: `Change in ${RATE_LABELS[measure]} per 10,000, ${from} to ${to}, by Ofsted grade`,
    xTitle: `Ofsted overall effectiveness (${basisText(b)})`,
    yTitle: "Change in rate per 10,000 children (points)",
    source: `${RATE_RELEASES[measure][release].label}; Ofsted, Children's social care data in England 2023. Below zero: the rate fell`,
    layout: { colorway: GRADES.map((g) => GRADE_COLOURS[g]), shapes: [{ type: "line", xref: "paper", x0: 0, x1: 1, y0: 0, y1: 0, line: { dash: "dot", color: "#57606a" } }] },
    height: 480,
  });
  show(htmlTable(GRADES.map((g) => {
    const gg = graded.filter((p) => p.grade === g);
    const fell = gg.filter((p) => p.value < 0).length;
    return { grade: g, authorities: gg.length, "rate fell": fell, share: gg.length ? (100 * fell) / gg.length : null, "median change": a.byGrade.find((x) => x.grade === g)?.median ?? null };
  }), { caption: `Spearman ρ = ${fmtNumber(a.rho, 3)} (permutation p = ${fmtNumber(a.pRho, 3)}); Kruskal–Wallis H = ${fmtNumber(a.kw.H, 2)}, p = ${fmtNumber(a.kw.p, 3)}`, columns: ["grade", "authorities", "rate fell", { key: "share", label: "share fell", format: "percent", decimals: 0 }, { key: "median change", format: "number", decimals: 1 }] }));
}

/** Figure 12: shares of authorities by Ofsted grade after the first SIF inspections and at 31 August 2018 (and later dates). */
export function figure12(dates: string[] = ["at:2018-08-31"]): void {
  const las = ofstedAuthoritiesIn("2017-18");
  const bases = [parseBasis("firstSif"), ...dates.map(parseBasis)];
  const counts = bases.map((b) => gradeCounts(las.map((a) => judgementFor(a, b))));
  const cats = bases.map((b) => (b.kind === "firstSif" ? "After every authority's first SIF inspection" : basisText(b).replace("the latest judgement published by ", "At ")));
  show(htmlTable(bases.map((b, i) => ({ when: cats[i], ...Object.fromEntries(GRADES.map((g) => [g, `${counts[i][g]} (${fmtPercent((100 * counts[i][g]) / (counts[i].total - counts[i].none), 1)})`])), "Requires improvement or Inadequate": (100 * (counts[i]["Requires improvement"] + counts[i].Inadequate)) / (counts[i].total - counts[i].none) })), {
    caption: `Ofsted overall effectiveness of the ${las.length} authorities of 2017-18`,
    columns: ["when", ...GRADES, { key: "Requires improvement or Inadequate", format: "percent", decimals: 1 }],
  }));
  barChart({
    categories: cats,
    series: GRADES.map((g) => ({ name: g, values: counts.map((c) => Math.round((1000 * c[g]) / (c.total - c.none)) / 10) })),
    stacked: true,
    horizontal: true,
    title: "Figure 12 redrawn: Ofsted assessments of overall effectiveness of local authorities",
    xTitle: "Share of authorities (%)",
    yTitle: "Inspection",
    source: "Ofsted, Children's social care data in England 2023, sheet LA_inspections_2009-2023 (first SIF, SIF re-inspection and ILACS judgements by publication date)",
    layout: { colorway: GRADES.map((g) => GRADE_COLOURS[g]) },
    height: 360,
  });
}

/** How each Ofsted row was joined to an LA code (only names the name matcher could not decide alone). */
export function ofstedJoin(): void {
  const t = ofstedTable();
  show(htmlTable(t.nameIssues.map((x) => ({ ...x })), { caption: `Ofsted sheet: ${t.authorities.length} rows joined to DfE LA codes; the names below needed the table to decide` }));
}

/** Grade scores, for readers who want to redo the rank statistics. */
export const gradeScores = GRADE_SCORE;
