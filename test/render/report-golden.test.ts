import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import { reportSchema } from "../../src/core/schemas/report-schema.js";
import { reportDate, scoreAssessment } from "../../src/core/score.js";
import { AJV_OPTIONS } from "../../src/core/validators.js";
import { buildJsonReport, renderJson } from "../../src/render/report-json.js";
import { renderMarkdown } from "../../src/render/report-markdown.js";
import { loadAnswers, loadDemoSet, ZONES, type ZoneName } from "./report-fixtures.js";

const LANGS: readonly Lang[] = ["en", "zh"];
const set = loadDemoSet();

function reports(zone: ZoneName, lang: Lang): { md: string; json: string } {
  const answers = loadAnswers(zone);
  const assessment = scoreAssessment(set, answers);
  // The golden files are dated in UTC, whatever the machine's zone.
  const date = reportDate(answers, undefined, "UTC");
  return {
    md: renderMarkdown(assessment, set, answers, { lang, top: 10, date }),
    json: renderJson(assessment, set, answers, { lang, date }),
  };
}

describe("golden reports", () => {
  describe.each(ZONES)("%s", (zone) => {
    it.each(LANGS)("Markdown and JSON in %s match the golden files", async (lang) => {
      const { md, json } = reports(zone, lang);
      await expect(md).toMatchFileSnapshot(`../golden/report/${zone}.${lang}.md`);
      await expect(json).toMatchFileSnapshot(`../golden/report/${zone}.${lang}.json`);
    });
  });
});

describe("scores of the demo zones, computed by hand", () => {
  it.each<[ZoneName, number, string, number, (number | null)[]]>([
    // Areas 30/30/20/20. Eastern: PF 100; OU (100 + 75)/2 = 87.5; MR (2 + 84/90 + 0.5)/4 =
    // 85.8333…; FG (2 + 0.5 + 1)/4 = 87.5 → (3000 + 2625 + 1716.67 + 1750)/100 = 90.91666…
    ["strong-eastern", 90.91666666666667, "Leading", 1, [100, 87.5, 85.83333333333333, 87.5]],
    // Western: M01 (2·0.5 + 0.4 + 0.4)/4 = 45, M02 (1 + 2 + 1.2/1.3)/4 = 98.0769…,
    // PF (2·45 + 98.0769)/3 = 62.6923…; OU = M03 only (M04 excluded) = 1.2/3 = 40;
    // MR (2·0.5 + 0 + 0.25)/4 = 31.25; FG (M06.Q1 n/a) (0.5 + 1)/2 = 75 → 52.0576923…
    ["western-hub", 52.05769230769231, "Developing", 12 / 14, [62.69230769230769, 40, 31.25, 75]],
    // Half-finished: PF (2·50 + 25)/3 = 41.667; OU (13.333 + 0)/2 = 6.667; MR 0; FG 0 → 14.5.
    ["half-finished", 14.5, "Initial", 3 / 15, [125 / 3, 20 / 3, 0, 0]],
  ])("%s: overall %s, band %s", (zone, overall, band, completeness, areas) => {
    const result = scoreAssessment(set, loadAnswers(zone));
    expect(result.overall.score).toBeCloseTo(overall, 10);
    expect(result.overall.band?.label.en).toBe(band);
    expect(result.overall.completeness).toBeCloseTo(completeness, 12);
    result.areas.forEach((a, i) => expect(a.score).toBeCloseTo(areas[i] ?? Number.NaN, 10));
  });

  it("lists the eastern zone's gaps, ties broken by id", () => {
    const result = scoreAssessment(set, loadAnswers("strong-eastern"));
    // M04.Q2: 0.5 · (1/2 · 1/2 · 0.3) · 100 = 3.75; M05.Q3 and M06.Q2: 0.5 · (1/4 · 0.2) · 100
    // = 2.5; M05.Q2: (1 − 84/90) · 0.05 · 100 = 0.3333…
    expect(result.gaps.map((g) => [g.id, Number(g.gap?.toFixed(6))])).toEqual([
      ["M04.Q2", 3.75],
      ["M05.Q3", 2.5],
      ["M06.Q2", 2.5],
      ["M05.Q2", 0.333333],
    ]);
  });
});

describe("JSON report", () => {
  const ajv = new Ajv2020(AJV_OPTIONS);
  const validate = ajv.compile(reportSchema);

  it.each(ZONES.flatMap((zone) => LANGS.map((lang) => [zone, lang] as const)))(
    "%s (%s) is valid against the report schema",
    (zone, lang) => {
      const data: unknown = JSON.parse(reports(zone, lang).json);
      expect(validate(data), ajv.errorsText(validate.errors)).toBe(true);
    },
  );

  it("has the contract's fields, unrounded, with null where not applicable", () => {
    const answers = loadAnswers("western-hub");
    const report = buildJsonReport(scoreAssessment(set, answers), set, answers, {
      lang: "en",
      date: "2026-04-11",
    });
    expect(report.format).toBe("netdz-report/1");
    expect(report.measureSet).toEqual({ id: "demo-2025", version: "1.0.0" });
    expect(report.zone.name).toBe("Helan Economic and Technological Development Zone");
    expect(report.overall.score).toBeCloseTo(52.05769230769231, 10);
    expect(report.overall.band).toBe("Developing");
    expect(report.overall.completeness).toBeCloseTo(12 / 14, 12);
    expect(report.areas[0]).toEqual({
      id: "productive-forces",
      weight: 30,
      score: expect.closeTo(62.6923077, 6),
      declaredOnly: false,
    });
    expect(report.measures[3]).toEqual({
      id: "M04",
      area: "opening-up",
      score: null,
      applicable: false,
      declaredOnly: false,
    });
    expect(report.questions.find((q) => q.id === "M04.Q1")).toEqual({
      id: "M04.Q1",
      measure: "M04",
      status: "not_applicable",
      score: null,
      gap: null,
    });
    expect(report.questions.find((q) => q.id === "M02.Q3")).toEqual({
      id: "M02.Q3",
      measure: "M02",
      status: "answered",
      score: expect.closeTo(1.2 / 1.3, 12),
      gap: expect.closeTo((1 - 1.2 / 1.3) * (1 / 4) * (1 / 3) * 0.3 * 100, 12),
      value: 1.3,
    });
    // Hidden answers no more: the note (as written) and the review mark are in questions[].
    expect(report.questions.find((q) => q.id === "M01.Q1")).toMatchObject({
      note: "R&D spend < 2% in 2024 | pilot line agreed with *Ningxia University*",
      review: true,
    });
    expect(report.assessor).toEqual({ name: "Ma Jun" });
    expect(report.overall.declaredNotApplicableShare).toBeCloseTo(1 / 15, 12);
    expect(report.overall.missingProfileFields).toEqual([]);
    expect(report.counts).toEqual({
      total: 17,
      applicable: 14,
      answered: 12,
      unanswered: 1,
      unknown: 1,
      notApplicable: 3,
      excludedByProfile: 2,
      declaredNotApplicable: 1,
      review: 2,
    });
    const gaps = report.gaps.map((g) => g.gap ?? 0);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    expect(report.gaps[0]?.id).toBe("M03.Q2");
  });

  it("gives the band in the requested language and leaves out an unknown date", () => {
    const answers = { ...loadAnswers("half-finished") };
    const report = buildJsonReport(scoreAssessment(set, answers), set, answers, { lang: "zh" });
    expect(report.overall.band).toBe("起步");
    expect("date" in report).toBe(false);
  });

  it("is 2-space JSON with a trailing newline", () => {
    const { json } = reports("strong-eastern", "en");
    expect(json.startsWith('{\n  "format": "netdz-report/1",\n')).toBe(true);
    expect(json.endsWith("}\n")).toBe(true);
  });
});
