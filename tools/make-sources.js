#!/usr/bin/env node
/*
 * Rebuilds data/sources.json from a mirror folder laid out like the official-data mirror
 * (default ../shared/data/raw, or $CSC_DATA_MIRROR): one entry per file, its sha256 computed
 * from the bytes, and its publisher, release, URL, licence, vintage and coverage taken from
 * the rules below (transcribed from each folder's PROVENANCE.md).
 * Usage: node tools/make-sources.js [MIRROR]
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");

const root = path.resolve(__dirname, "..");
const mirror = path.resolve(process.argv[2] || process.env.CSC_DATA_MIRROR || path.join(root, "..", "shared", "data", "raw"));
const OGL = "Open Government Licence v3.0";
const CIN_EES = "https://explore-education-statistics.service.gov.uk/find-statistics/characteristics-of-children-in-need";
const CLA_EES = "https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions";
const CLA_GOV = "https://www.gov.uk/government/collections/statistics-looked-after-children";
const S251_EES = "https://explore-education-statistics.service.gov.uk/find-statistics/la-and-school-expenditure";
const MHCLG = "https://www.gov.uk/government/collections/local-authority-revenue-expenditure-and-financing";
const CSWW = "https://explore-education-statistics.service.gov.uk/find-statistics/children-s-social-work-workforce";

/** [pattern, metadata(match)] — first match wins. */
const RULES = [
  [/^children-in-need\/sfr-underlying-data\/(\d{4}-\d{2})\/(.+)$/, (m) => ({
    publisher: "Department for Education", title: `Characteristics of children in need ${m[1]}: underlying data`,
    release: sfrRelease(m[2]), url: m[1] <= "2011-12" ? "http://www.education.gov.uk/researchandstatistics/statisticalreturns/cincensus" : "https://www.gov.uk/government/collections/statistics-children-in-need",
    vintage: `as first published for ${m[1]}`, covers: `${m[1]}; England and 152 LAs; national counts rounded (to 100 for 2009-10 and 2010-11, to 10 later)` })],
  [/^children-in-need\/ees-release-2020\/(a3|b3)_(.+)$/, (m) => ({
    publisher: "Department for Education", title: `Characteristics of children in need: 2019 to 2020 — ${m[1]}_${m[2]}`,
    release: "Explore education statistics, reporting year 2020", url: CIN_EES,
    vintage: "release 2020: figures for 2013 to 2019 as re-published in October 2020",
    covers: m[1] === "b3" ? "children in need at 31 March by primary need at assessment, 2013 to 2020; national, regional and LA rows" : "children in need at 31 March by primary need, age and gender, 2018 to 2020; national" })],
  [/^children-in-need\/ees-release-(\d{4})\/(.+)$/, (m) => ({
    publisher: "Department for Education", title: `Characteristics of children in need: ${Number(m[1]) - 1} to ${m[1]} — ${m[2]}`,
    release: `Explore education statistics, reporting year ${m[1]}`, url: CIN_EES,
    vintage: Number(m[1]) >= 2024 ? `release ${m[1]}: counts as earlier releases, rates re-based on revised ONS populations` : `release ${m[1]}: rates as originally published`,
    covers: "time_period 2013 onward (year ending 31 March); national, regional and LA rows" })],
  [/^looked-after\/ssda903_underlying_data\/(\d{4})[^/]*\/(.+)$/, (m) => ({
    publisher: "Department for Education", title: `Children looked after in England (SSDA903) year ending 31 March ${m[1]}: underlying data — ${m[2]}`,
    release: `SSDA903 statistical release ${m[1]}`, url: CLA_GOV, vintage: `as published for the year ending 31 March ${m[1]}`,
    covers: `year ending 31 March ${m[1]}; England, regions and LAs` })],
  [/^looked-after\/ees_release_2021_data_1994_to_2021\/(.+)$/, (m) => ({
    publisher: "Department for Education", title: `Children looked after in England including adoptions, reporting year 2021 — ${m[1]}`,
    release: "Explore education statistics, reporting year 2021 (November 2021)", url: CLA_EES,
    vintage: "release 2021 (November 2021): earlier years as revised in this release",
    covers: m[1].includes("time_series") ? "England, 1994 to 2021 (numbers only)" : m[1].includes("headline") ? "England, 2018 to 2021 (numbers and the rate per 10,000)" : "1994 to 2021" })],
  [/^looked-after\/ees_release_(\d{4})_data_(\d{4})_to_(\d{4})\/(.+)$/, (m) => ({
    publisher: "Department for Education", title: `Children looked after in England including adoptions, reporting year ${m[1]} — ${m[4]}`,
    release: `Explore education statistics, reporting year ${m[1]}`, url: CLA_EES,
    vintage: Number(m[1]) >= 2023 ? `release ${m[1]}: rates on Census-2021-based populations` : `release ${m[1]}`,
    covers: m[4].startsWith("cla_time_series") ? "England, 1994 onward (numbers only)" : `${m[2]} to ${m[3]}` })],
  [/^looked-after\/la_tables_2018\/(.+)$/, () => ({
    publisher: "Department for Education", title: "Children looked after in England including adoption 2017 to 2018: LA tables (revised)",
    release: "SSDA903 2018 LA tables, revised", url: CLA_GOV, vintage: "2018 release, revised", covers: "2014 to 2018; LAs" })],
  [/^looked-after\/lait\/(.+)$/, (m) => ({
    publisher: "Department for Education", title: `Local Authority Interactive Tool (LAIT) — ${m[1]}`,
    release: "LAIT data set as at April 2026", url: "https://www.gov.uk/government/publications/local-authority-interactive-tool-lait",
    vintage: "LAIT current values (revised), 2026", covers: "2016 onward; England, regions, LAs",
    ...(m[1].startsWith("lait_bds_long_extract") ? { derived: "row filter of bds_long_0.parquet (values unchanged)" } : {}) })],
  [/^looked-after\/(ofsted_providers_places)\/(.+)$/, () => ({
    publisher: "Ofsted", title: "Children's social care data in England 2023: underlying data", release: "Ofsted official statistics, July 2023",
    url: "https://www.gov.uk/government/collections/childrens-social-care-statistics", vintage: "July 2023", covers: "2009 to 2023" })],
  [/^looked-after\/derived_phe_fingertips\/(.+)$/, () => ({
    publisher: "Public Health England (Fingertips) from DfE statistics", title: "Children in care: rate per 10,000 population aged under 18 (indicator 90803)",
    release: "PHE Fingertips extract", url: "https://fingertips.phe.org.uk/", vintage: "extract of 2019", covers: "2011 to 2018; England and counties/UAs",
    derived: "third-party extract of an official indicator" })],
  [/^workforce\/csww-2015-2016\/SFR0(7|8)_(\d{4})_UD\.csv$/, (m) => ({
    publisher: "Department for Education", title: `Children's social work workforce ${m[1] === "7" ? "2015" : "2016"}: underlying data (SFR 0${m[1]}/${m[2]})`,
    release: `SFR 0${m[1]}/${m[2]} (February ${m[2]})`, url: "https://www.gov.uk/government/collections/statistics-childrens-social-care-workforce",
    vintage: `as first published for 30 September ${m[1] === "7" ? "2015 (experimental statistics)" : "2016"}`,
    covers: `30 September ${m[1] === "7" ? "2015" : "2016"}; England, regions (with Inner and Outer London), 152 LAs` })],
  [/^workforce\/(.+)$/, (m) => ({
    publisher: "Department for Education", title: `Children's social work workforce — ${m[1]}`,
    release: m[1].includes("2022") ? "CSWW reporting year 2022 (Feb 2023)" : m[1].includes("2023") ? "CSWW reporting year 2023 (Feb 2024)" : "CSWW reporting year 2025",
    url: CSWW, vintage: m[1].includes("2022") ? "2023 release" : m[1].includes("2023") ? "2024 release" : "2025 release", covers: "30 September 2017 onward; England, regions, LAs" })],
  [/^spending\/s251-outturn\/bengoodair-la-spend\/outturn_(\d\d)(\d\d)\.csv$/, (m) => ({
    publisher: "Department for Education", title: `Section 251 outturn 20${m[1]}-${m[2]}: children's and young people's services by LA`,
    release: `Section 251 outturn statements 20${m[1]}-${m[2]}`, url: "https://www.gov.uk/government/collections/section-251-materials",
    vintage: "as published", covers: `20${m[1]}-${m[2]}; 152 LAs, line level, £` })],
  [/^spending\/s251-outturn\/cwip-app\/[sS]251ye(\d{4})\.xlsx$/, (m) => ({
    publisher: "Department for Education", title: `Section 251 outturn ${Number(m[1]) - 1}-${String(m[1]).slice(2)}: Table A1 underlying data by LA`,
    release: `LA and school expenditure ${Number(m[1]) - 1}-${String(m[1]).slice(2)}`, url: S251_EES,
    vintage: m[1] === "2018" ? "original 2017-18 release (before the Newcastle revision)" : "as published", covers: `${Number(m[1]) - 1}-${String(m[1]).slice(2)}; 152 LAs, line level, £` })],
  [/^spending\/s251-outturn\/cwip-app\/ees-(\d{4}-\d{2})\/(.+)$/, (m) => ({
    publisher: "Department for Education", title: `LA and school expenditure ${m[1]} — ${m[2]}`, release: `LA and school expenditure ${m[1]} (Explore education statistics)`,
    url: S251_EES, vintage: `${m[1]} release`, covers: m[2].includes("national") ? "England, 2015-16 onward, every line, £ million" : "2014-15 to 2019-20; England, regions, LAs; totals, £ million" })],
  [/^spending\/s251-outturn\/lait-derived\/(.+)$/, () => ({
    publisher: "Department for Education (LAIT)", title: "LAIT children's services finance measures (section 251 outturn)",
    release: "LAIT data set as at April 2026", url: S251_EES, vintage: "LAIT current values (England and regions revised)", covers: "2016-17 onward",
    derived: "row filter of LAIT bds_long_0.parquet (values unchanged)" })],
  [/^spending\/s251-outturn\/dcsf-table-a1-2008-09-2009-10\/s251_outturn_table_a1_(\d{4})-(\d\d)\.xls$/, (m) => ({
    publisher: "Department for Children, Schools and Families", title: `Section ${m[1] === "2008" ? "52" : "251"} outturn ${m[1]}-${m[2]}: Table A1, children's and young people's services by LA and line`,
    release: `${m[1] === "2008" ? "Section 52" : "Section 251"} outturn ${m[1]}-${m[2]}, Table A1 (cash terms as reported by LAs at ${m[1] === "2008" ? "8 December 2009" : "13 December 2010"})`,
    url: "https://www.gov.uk/government/collections/section-251-materials", vintage: "as published",
    covers: `${m[1]}-${m[2]}; ${m[1] === "2008" ? "150" : "152"} LAs, line level, £` })],
  [/^spending\/s251-outturn\/dcsf-table-a1-2008-09-2009-10\/outturn_(\d\d)(\d\d)\.csv$/, (m) => ({
    publisher: "Department for Children, Schools and Families", title: `Section ${m[1] === "08" ? "52" : "251"} outturn 20${m[1]}-${m[2]}: Table A1 as CSV`,
    release: `${m[1] === "08" ? "Section 52" : "Section 251"} outturn 20${m[1]}-${m[2]}, Table A1`, url: "https://www.gov.uk/government/collections/section-251-materials",
    vintage: "as published", covers: `20${m[1]}-${m[2]}; LAs, line level, £`,
    derived: `CSV version of s251_outturn_table_a1_20${m[1]}-${m[2]}.xls made by a third party (BenGoodair/childrens_social_care_data); values as in the .xls` })],
  [/^spending\/deflators\/(.+)$/, () => ({
    publisher: "HM Treasury", title: "GDP deflators at market prices, and money GDP: March 2020 (Budget)", release: "March 2020 (Budget)",
    url: "https://www.gov.uk/government/collections/gdp-deflators-at-market-prices-and-money-gdp", vintage: "March 2020; 2018-19 = 100", covers: "1955-56 to 2024-25" })],
  [/^spending\/revenue-outturn\/bbc-rs-by-la\/(.+)$/, (m) => ({
    publisher: "Ministry of Housing, Communities and Local Government", title: `Revenue outturn summary (RS) by LA — ${m[1]}`,
    release: "Local authority revenue expenditure and financing: individual LA data, outturn", url: m[1].startsWith("RS_2017-18") ? "https://assets.publishing.service.gov.uk/government/uploads/system/uploads/attachment_data/file/735627/RS_2017-18_data_by_LA.xlsx" : MHCLG,
    vintage: /Revised|Revision/.test(m[1]) ? "revised" : "as published", covers: yearOf(m[1]) + "; every English authority, £ thousand",
    ...(m[1] === "roall.csv" ? { derived: "compiled from the RS 2015-16 (revised) and 2016-17 files" } : {}) })],
  [/^spending\/revenue-outturn\/ro3-by-la\/(.+)$/, (m) => ({
    publisher: "Ministry of Housing, Communities and Local Government", title: `Revenue outturn social care (RO3) by LA — ${m[1]}`,
    release: "Local authority revenue expenditure and financing: individual LA data, outturn (RO3)", url: MHCLG,
    vintage: m[1].includes("2019-20") ? "full and final data set, 11 June 2021" : /Revised|Revision|revised/.test(m[1]) ? "revised" : "as published",
    covers: yearOf(m[1]) + "; every English authority, £ thousand" })],
  [/^spending\/revenue-outturn\/rac-parking-ra-budgets\/orig\.eng-(\d\d)-(\d\d)-budget\.xlsx?$/, (m) => ({
    publisher: "Ministry of Housing, Communities and Local Government", title: `Revenue account (RA) budget 20${m[1]}-${m[2]} by LA`,
    release: `Local authority revenue expenditure and financing: 20${m[1]}-${m[2]} budget`, url: RA_URLS[m[1]] || MHCLG, vintage: "as published (budget)",
    covers: `20${m[1]}-${m[2]}; every English authority, £ thousand` })],
  [/^context\/care-applications\/LAIT_extract_(.+)$/, () => ({
    publisher: "Department for Education (LAIT), from Cafcass figures", title: "LAIT: Cafcass care applications per 10,000 children aged 0-17, by LA",
    release: "LAIT data set as at April 2026", url: "https://www.gov.uk/government/publications/local-authority-interactive-tool-lait",
    vintage: "LAIT current values, 2026", covers: "financial years 2015-16 to 2024-25 (labelled by their end year); England, regions, LAs",
    derived: "rows of LAIT bds_long_0.parquet whose Short Desc is CareApplications, converted to CSV (values unchanged)" })],
  [/^context\/care-applications\/(cafcass_.+)$/, (m) => ({
    publisher: "Cafcass (figures), transcribed by hand from secondary copies", title: m[1].includes("monthly") ? "Cafcass monthly care applications, as quoted in stored copies of pages" : "Cafcass care applications (section 31), England, by financial year: hand transcription",
    release: "Cafcass care demand statements 2011 to 2019, as quoted", url: "https://www.cafcass.gov.uk/about-cafcass/research-and-data/public-law-data/",
    licence: "figures of Cafcass statements as quoted by others (not an official file)",
    vintage: "secondary: hand transcription of figures Cafcass published 2011 to 2019, not an official file",
    covers: m[1].includes("monthly") ? "months of 2010-11 to 2017-18 (truncated blocks)" : "financial years 2009-10 to 2018-19; England",
    derived: "SECONDARY hand transcription from archived Cafcass statements and reports quoting Cafcass; a check against it can be no stronger than a transcription" })],
  [/^context\/childrens-centres\/official_national_figures_from_PQ_answers\.md$/, () => ({
    publisher: "Department for Education (answers to Parliamentary Questions)", title: "National children's centre figures from DfE answers to Parliamentary Questions, 2011 to 2019",
    release: "written answers and a GOV.UK news story, 2011 to 2019, as quoted", url: "https://questions-statements.parliament.uk/written-questions",
    licence: "Open Parliament Licence v3.0", vintage: "answers of 2011 to 2019, quoted verbatim (shortened)",
    covers: "England: centres in April 2010, 2011, 2015, 2016 and 2019; closures and openings by calendar year 2010 to 2015; closures since April 2010 at March 2019",
    derived: "verbatim excerpts of answers compiled from archived pages" })],
  [/^context\/childrens-centres\/(gias_.+)$/, () => ({
    publisher: "Department for Education (Get Information About Schools)", title: "GIAS: open children's centres (type 47) and linked sites (type 48), January 2026",
    release: "GIAS establishment list, January 2026", url: "https://get-information-schools.service.gov.uk/",
    vintage: "open establishments, January 2026", covers: "2,847 open centres and linked sites; 152 LAs; OpenDate (no closed centres, no close dates)",
    derived: "column subset of the GIAS establishment list (head-teacher name and telephone dropped)" })],
  [/^context\/ofsted\/(.+)$/, (m) => ({
    publisher: "Ofsted", title: m[1].startsWith("LA_Inspection") ? "Local authority inspection outcomes as at 31 March 2025" : "Children's social care data in England 2023: underlying data",
    release: m[1].startsWith("LA_Inspection") ? "Official statistics, 25 September 2025" : "Official statistics, July 2023",
    url: "https://www.gov.uk/government/collections/childrens-social-care-statistics", vintage: m[1].startsWith("LA_Inspection") ? "2025" : "2023", covers: "LA inspections 2009 onward" })],
  [/^context\/deprivation\/imd-2015\.xlsx$/, () => ({
    publisher: "Department for Communities and Local Government", title: "English indices of deprivation 2015: File 11, upper-tier LA summaries",
    release: "English indices of deprivation 2015", url: "https://www.gov.uk/government/uploads/system/uploads/attachment_data/file/464465/File_11_ID_2015_Upper-tier_Local_Authority_Summaries.xlsx",
    vintage: "2015", covers: "152 upper-tier LAs (2013 codes)" })],
  [/^context\/deprivation\/(File_11.+)$/, (m) => ({
    publisher: "Ministry of Housing, Communities and Local Government", title: "English indices of deprivation 2019: File 11, upper-tier LA summaries",
    release: "English indices of deprivation 2019", url: `https://assets.publishing.service.gov.uk/media/5d8b3d7aed915d0369518030/${m[1]}`,
    vintage: "2019", covers: "151 upper-tier LAs (2019 codes)" })],
  [/^context\/population\/nomis-lad-single-year-1997-2020\/(.+)$/, () => ({
    publisher: "Office for National Statistics", title: "Population estimates - local authority based by single year of age (Nomis pestsyoala)",
    release: "ONS mid-year estimates, 2001-2010 revised back series", url: "https://www.nomisweb.co.uk/datasets/pestsyoala", vintage: "mid-2020 release (2021 boundaries)",
    covers: "mid-1997 to mid-2020; lower-tier LAs (2021 boundaries)" })],
  [/^context\/population\/nomis-county-ua-child-ages-2009-2021\/(.+)$/, (m) => ({
    publisher: "Office for National Statistics", title: `Population estimates by county/UA — ${m[1]}`, release: "Nomis download of 30 March 2023",
    url: "https://www.nomisweb.co.uk/datasets/pestsyoala", vintage: "2023 download", covers: "2009 to 2021; counties and UAs (April 2021)" })],
  [/^context\/lookups\/(.+)$/, (m) => ({
    publisher: lookupPublisher(m[1]), title: `Local authority lookup — ${m[1]}`, release: "lookup", url: lookupUrl(m[1]),
    vintage: "as published", covers: "English local authorities",
    ...(/uk_local_authorities_future|lookup_gss_to_registry/.test(m[1]) ? { licence: "CC-BY-4.0 (mySociety)" } : {}),
    ...(/Provider_data_lookup/.test(m[1]) ? { licence: "compiled by Data to Insight (not an official file)" } : {}) })],
  [/^context\/covariates\/hmrc-children-low-income-2011-2016\/low-income-(\d{4})\.xlsx?$/, (m) => ({
    publisher: "HM Revenue and Customs", title: `Personal tax credits: children in low-income families local measure, ${m[1]} snapshot`,
    release: `${m[1]} snapshot as at 31 August ${m[1]}`, url: "https://www.gov.uk/government/statistics/personal-tax-credits-children-in-low-income-families-local-measure",
    vintage: "as published", covers: `31 August ${m[1]}` })],
  [/^context\/covariates\/dwp-cilif-2015-2021\/(.+)$/, (m) => ({
    publisher: "Department for Work and Pensions", title: `Children in low income families: local area statistics — ${m[1]}`,
    release: "Stat-Xplore extract, 7 September 2022", url: "https://www.gov.uk/government/collections/children-in-low-income-families-local-area-statistics",
    vintage: "2022 (2020/21 provisional)", covers: "2014/15 to 2020/21; counties and UAs" })],
];

const RA_URLS = {
  "13": "https://www.gov.uk/government/uploads/system/uploads/attachment_data/file/225875/RA_2013-14_data_by_LA_-_Nat_Stats_Release_-_31-Jul-2013.xls",
  "14": "https://www.gov.uk/government/uploads/system/uploads/attachment_data/file/365591/RA_2014-15_data_by_LA_-_Nat_Stats_Release_-_Revised_22-Oct-2014.xls",
  "15": "https://www.gov.uk/government/uploads/system/uploads/attachment_data/file/444910/RA_2015-16_data_by_LA_-_Nat_Stats_Release_-_15-Jul-2015.xls",
  "16": "https://www.gov.uk/government/uploads/system/uploads/attachment_data/file/532962/RA_2016-17_data_by_LA.xlsx",
  "17": "https://www.gov.uk/government/uploads/system/uploads/attachment_data/file/623097/RA_2017-18_data_by_LA.xlsx",
  "18": "https://www.gov.uk/government/uploads/system/uploads/attachment_data/file/720343/RA_2018-19_data_by_LA.xlsx",
  "19": "https://assets.publishing.service.gov.uk/government/uploads/system/uploads/attachment_data/file/812517/RA_2019-20_data_by_LA.xlsx",
};

function sfrRelease(name) {
  const m = /^(osr|sfr)[-_]?(\d+)[-_](\d{4})/i.exec(name);
  return m ? `${m[1].toUpperCase()}${m[2]}/${m[3]}` : name;
}
function yearOf(name) {
  const m = /(20\d\d)-(\d\d)/.exec(name);
  return m ? `${m[1]}-${m[2]}` : name === "roall.csv" ? "2015-16 and 2016-17" : "";
}
function lookupPublisher(f) {
  if (/ltla-utla/.test(f)) return "Office for National Statistics";
  if (/uk_local_authorities_future|lookup_gss/.test(f)) return "mySociety";
  if (/Provider_data_lookup/.test(f)) return "Data to Insight";
  return "Department for Education";
}
function lookupUrl(f) {
  if (/ltla-utla/.test(f)) return "https://geoportal.statistics.gov.uk/datasets/967a3660c4aa49819731ceefe4008d76_0/explore";
  if (/uk_local_authorities_future|lookup_gss/.test(f)) return "https://github.com/mysociety/uk_local_authority_names_and_codes";
  return "https://www.gov.uk/government/publications/local-authority-interactive-tool-lait";
}
const SHORTEN = [[/^spending-s251-outturn-dcsf-table-a1-2008-09-2009-10-/, "s251-dcsf-"], [/^children-in-need-/, "cin-"], [/^looked-after-/, "cla-"], [/ssda903-underlying-data-/, ""], [/sfr-underlying-data-/, "sfr-"],
  [/^spending-revenue-outturn-/, ""], [/^spending-s251-outturn-/, "s251-"], [/ees-release-/, "ees"], [/^context-/, ""], [/bbc-rs-by-la-/, "rs-"],
  [/rac-parking-ra-budgets-orig-eng-/, "ra-budget-"], [/ro3-by-la-/, ""], [/cwip-app-/, ""], [/bengoodair-la-spend-/, ""]];
function slug(file) {
  let s = file.replace(/\.[A-Za-z]+$/, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  for (const [re, to] of SHORTEN) s = s.replace(re, to);
  return s;
}

function walk(dir, base = dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, base));
    else if (e.name !== "PROVENANCE.md") out.push(path.relative(base, p).split(path.sep).join("/"));
  }
  return out.sort();
}

const entries = [];
for (const file of walk(mirror)) {
  const rule = RULES.find(([re]) => re.test(file));
  if (!rule) { console.error(`no rule for ${file}`); process.exitCode = 1; continue; }
  const meta = rule[1](rule[0].exec(file));
  const sha256 = crypto.createHash("sha256").update(fs.readFileSync(path.join(mirror, file))).digest("hex");
  entries.push({ id: slug(file), title: meta.title, publisher: meta.publisher, release: meta.release, url: meta.url, file, sha256,
    licence: meta.licence || OGL, vintage: meta.vintage, covers: meta.covers, ...(meta.derived ? { derived: meta.derived } : {}) });
}
const ids = new Set();
for (const e of entries) { if (ids.has(e.id)) throw new Error(`duplicate id ${e.id}`); ids.add(e.id); }
fs.writeFileSync(path.join(root, "data", "sources.json"), JSON.stringify(entries, null, 2) + "\n");
console.log(`wrote ${entries.length} sources from ${mirror}`);
