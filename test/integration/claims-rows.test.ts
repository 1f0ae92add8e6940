import { test } from "node:test";
import assert from "node:assert/strict";
import { row, near } from "../helpers";

// The rows of claims that had none, and of rows the new mirror files partly settle. Every value is
// recomputed from the official files in the mirror (or from the documents' own text, for the rows
// whose basis is the document or a cited document).

test("NAO 2.19: two service areas overspent in every year from 2010-11 to 2017-18, not one", async () => {
  const r = await row("nao-2-19-only-area-overspent");
  assert.deepEqual(r.recomputed, [2]);
  assert.equal(r.verdict, "differs");
  // children's social care and planning and development; the outturn and budget of 2017-18 (RS and RA, £ thousand)
  assert.match(r.explanation, /overspent in every year held \(children's social care, planning and development\)/);
  assert.match(r.explanation, /planning and development: 2010-11 £2,197m against £2,057m;.* 2015-16 £837m against £730m \(upper-tier authorities only\);.* 2017-18 £1,178m against £1,078m/);
  assert.match(r.explanation, /children's social care: 2010-11 £6,654m against £6,417m \(RO3 outturn and RA budget of children's social care\)/);
  assert.match(r.explanation, /cultural and related services 5 of 8; environmental and regulatory services 0 of 8/);
});

test("NAO 1.23: the most deprived third had the greatest fall in children's services spending per child", async () => {
  const r = await row("nao-1-23-deprived-third-greatest-cuts");
  assert.deepEqual(r.recomputed, [1]);
  assert.equal(r.verdict, "confirmed");
  assert.match(r.explanation, /The 149 authorities split into thirds/);
  assert.match(r.explanation, /most deprived third £982 → £884 \(−10\.0%\); middle third £763 → £736 \(−3\.5%\); least deprived third £578 → £610 \(\+5\.4%\)/);
  assert.match(r.explanation, /Left out for want of data: Bournemouth, Poole, Dorset\./);
});

test("NAO 1.24: looked-after children are 18.6% of the children in need at 31 March 2018", async () => {
  const r = await row("nao-1-24-cla-minority-of-cin");
  near(r.recomputed![0], (100 * 75420) / 404710, 1e-9);
  assert.equal(r.verdict, "confirmed");
});

test("NAO 1.29: leavers within five years, one year held (59.8% at 30 September 2016)", async () => {
  const r = await row("nao-1-29-leavers-increasing-since-2015");
  assert.deepEqual([r.verdict, r.reason], ["unverifiable", "not-in-mirror"]);
  assert.match(r.explanation, /31\.7% .* 28\.1% two to five years, 59\.8% under five years in all \(workforce\/csww-2015-2016\/SFR08_2017_UD\.csv, row 2\)/);
  assert.match(r.explanation, /What would settle it: DfE's Children's social work workforce releases/);
});

test("NAO Figure 12 at 31 August 2018: Good 59 of 152 (38.8%, not 38), Inadequate 20 of 152 (13.2%)", async () => {
  const good = await row("nao-fig12-good-aug-2018");
  near(good.recomputed![0], (100 * 59) / 152, 1e-9);
  assert.equal(good.verdict, "differs");
  const inad = await row("nao-fig12-inadequate-aug-2018");
  near(inad.recomputed![0], (100 * 20) / 152, 1e-9);
  assert.equal(inad.verdict, "confirmed");
});

test("NAO 2.16: November 2013 to October 2017 is consistent with the first SIF reports' publication dates", async () => {
  const r = await row("nao-2-16-sif-period-publication-dates");
  assert.equal(r.verdict, "consistent");
  assert.equal(r.basis, "data");
  assert.match(r.explanation, /the earliest was published on 2014-02-11 \(Derbyshire\), the latest on 2017-12-08 \(Richmond Upon Thames\)/);
  // the windows: a year before each date to the date
  near(r.recomputed![0], 2014 + (1 + 10 / 28) / 12 - 0.5, 1e-9);
  near(r.recomputed![1], 2017 + (11 + 7 / 31) / 12 - 0.5, 1e-9);
  // the row that asks for the inspection dates themselves stays unverifiable
  assert.equal((await row("nao-2-16-sif-period")).verdict, "unverifiable");
});

test("NAO 1.11 and 1.29: the document's own arithmetic (64 / 43.2, 28,500 / 26,500)", async () => {
  const rate = await row("nao-1-11-cla-rate-change-arithmetic");
  near(rate.recomputed![0], (100 * (64 - 43.2)) / 43.2, 1e-9);
  assert.deepEqual([rate.verdict, rate.basis], ["consistent", "document"]);
  const fte = await row("nao-1-29-fte-change-arithmetic");
  near(fte.recomputed![0], (100 * 2000) / 26500, 1e-9);
  assert.deepEqual([fte.verdict, fte.basis], ["consistent", "document"]);
});

test("NAO 1.22: care applications +54.4% on the Cafcass transcription, inconsistent with 56% and never confirmed", async () => {
  const r = await row("nao-1-22-care-applications");
  near(r.recomputed![0], (100 * (14207 - 9203)) / 9203, 1e-9);
  assert.deepEqual([r.verdict, r.basis], ["inconsistent", "data"]);
  assert.match(r.explanation, /^Inconsistent with the data, which bound the figure but cannot establish it: they give 54\.4%, not the stated 56% \(from a secondary transcription/);
});

test("NAO summary 17: 585 children's centres closed since April 2010 (March 2019), not \"just over 500\"", async () => {
  const r = await row("nao-s17-centres-fallen-500");
  assert.deepEqual(r.recomputed, [585]);
  assert.equal(r.verdict, "differs");
});

test("Briefing 2.3: children who became subject to a plan, 44,300 in 2009-10 to 66,380 in 2019-20", async () => {
  const r = await row("hcl-2-3-cpp-starts-rise-since-2010");
  near(r.recomputed![0], (100 * (66380 - 44300)) / 44300, 1e-9);
  assert.equal(r.verdict, "confirmed");
});

test("Briefing 2.4: secure units and children's homes are third in the table's 2020 column, not second", async () => {
  const r = await row("hcl-2-4-secure-homes-second");
  assert.deepEqual(r.recomputed, [3]);
  assert.deepEqual([r.verdict, r.basis], ["inconsistent", "document"]);
  assert.match(r.explanation, /largest first: 57,380 .*, 8,320 .*, 6,920 .*the entry ranked/);
});

test("Briefing 3.2 and 3.3: RO3's lines change in 2014-15 (services for young people and Sure Start move in), three changes since 2010-11", async () => {
  const entry = await row("hcl-3-2-young-people-reclassified-2014-15");
  assert.deepEqual(entry.recomputed, [2014]);
  assert.equal(entry.verdict, "confirmed");
  assert.match(entry.explanation, /"services for young people" inside children's social care in 2014-15 \(£440m net in England\)/);
  assert.match(entry.explanation, /"sure start childrens centres and early years" enters \(£637m\)/);
  assert.match(entry.explanation, /from £6,915m to £8,091m, \+£1,177m; the new lines that were not children's social care before add £1,077m of it/);
  const breaks = await row("hcl-3-2-no-consistent-series");
  assert.deepEqual(breaks.recomputed, [3]);
  assert.equal(breaks.verdict, "confirmed");
  const last = await row("hcl-3-3-table-break-2014-15");
  assert.deepEqual(last.recomputed, [2014]);
  assert.equal(last.verdict, "confirmed");
});

test("Briefing 3.3 cites the NAO's \"no link\" faithfully; Community Care's 50% is not the NAO's 49.1%", async () => {
  const link = await row("hcl-3-3-nao-no-link");
  assert.deepEqual([link.verdict, link.basis, link.recomputed], ["confirmed", "cited", [1]]);
  const cut = await row("cc-reader-funding-cut-50-nao");
  assert.deepEqual([cut.verdict, cut.basis, cut.recomputed], ["misquoted", "cited", [49.1]]);
  assert.equal((await row("cc-reader-funding-cut-50")).verdict, "unverifiable");
});

test("Briefing 3.4: private providers' share of the growth lies between DfE's narrow and wide classifications", async () => {
  const r = await row("hcl-3-4-private-growth-bound");
  const narrow = (100 * (27190 - 19080)) / (78150 - 65520);
  const wide = (100 * 11410) / (78150 - 65520);
  near(r.recomputed![0], (narrow + wide) / 2, 1e-9);
  assert.deepEqual([r.verdict, r.basis], ["consistent", "data"]);
  assert.match(r.explanation, /a share between 64\.2% and 90\.3%/);
  assert.equal((await row("hcl-3-4-private-growth")).verdict, "unverifiable");
});

test("NAO 1.29: 26,500 is the FTE at 30 September 2015 (SFR 07/2016), a reading that reproduces the figure, not the verdict", async () => {
  const r = await row("nao-1-29-fte-2014-change");
  assert.deepEqual([r.verdict, r.reason], ["unverifiable", "not-in-mirror"]);
  assert.deepEqual(r.reading.reproducedBy, ["30 September 2015 instead of 2014 (SFR07_2016_UD.csv, SFR 07/2016 (February 2016))"]);
  assert.match(r.explanation, /At 30 September 2015 the files give 26,500\.0 \(SFR07_2016_UD\.csv, SFR 07\/2016 \(February 2016\)\), and from there to 2017 the change is \+7\.53%/);
});
