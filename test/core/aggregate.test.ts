import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  aggregate,
  chooseSetVersion,
  commonGaps,
  competitionRanks,
  dropSuperseded,
  incompatiblePins,
  normaliseName,
  rankZones,
  statistics,
  summariseZone,
  type ZoneSummary,
} from "../../src/core/aggregate.js";
import type { AnswersFile } from "../../src/core/model.js";
import { scoreAssessment } from "../../src/core/score.js";
import { renderAggregateHtml } from "../../src/render/aggregate-html.js";
import { renderAggregateXlsx } from "../../src/render/aggregate-xlsx.js";
import {
  leftOutReason,
  renderAggregateMarkdown,
  zoneLabel,
} from "../../src/render/aggregate-markdown.js";
import { aggregateMessages } from "../../src/i18n/aggregate-messages.js";
import { loadDemoSet } from "../render/report-fixtures.js";

const set = loadDemoSet();
const QUESTIONS = set.measures.flatMap((m) => m.questions);

/** A zone summary with only what a test sets; every question unscored unless given. */
function zone(
  fields: Partial<ZoneSummary> & { name?: string; region?: string; province?: string },
): ZoneSummary {
  const { name, region, province, ...rest } = fields;
  return {
    file: `${name ?? "zone"}.yaml`,
    zone: {
      ...(name === undefined ? {} : { name }),
      ...(region === undefined ? {} : { region }),
      ...(province === undefined ? {} : { province }),
    },
    answeredAt: null,
    overall: 50,
    band: null,
    completeness: 1,
    areaScores: new Float64Array(set.areas.length).fill(Number.NaN),
    measureScores: new Float64Array(set.measures.length).fill(Number.NaN),
    counts: {
      total: 0,
      applicable: 0,
      answered: 0,
      unanswered: 0,
      unknown: 0,
      notApplicable: 0,
      excludedByProfile: 0,
      declaredNotApplicable: 0,
      review: 0,
    },
    topGaps: [],
    questionScores: new Float64Array(QUESTIONS.length).fill(Number.NaN),
    questionGaps: new Float64Array(QUESTIONS.length).fill(Number.NaN),
    ...rest,
  };
}

describe("competition ranks", () => {
  it.each<[string, (number | null)[], (number | null)[]]>([
    ["distinct scores", [90, 70, 80], [1, 3, 2]],
    ["a tie shares a rank and the next skips", [80, 90, 80, 70], [2, 1, 2, 4]],
    ["three-way tie at the top", [60, 60, 60, 10], [1, 1, 1, 4]],
    ["unranked entries are skipped", [null, 75, null, 50], [null, 1, null, 2]],
    ["float noise is not a difference", [0.1 + 0.2, 0.3, 0.2], [1, 1, 3]],
    ["nothing to rank", [null, null], [null, null]],
  ])("%s", (_name, scores, ranks) => {
    expect(competitionRanks(scores)).toEqual(ranks);
  });
});

describe("rankZones", () => {
  it.each<[string, number, Partial<ZoneSummary>[], (number | null)[]]>([
    [
      "a zone below --min-completeness is not ranked and takes no rank from others",
      80,
      [
        { overall: 90, completeness: 0.79 },
        { overall: 70, completeness: 0.8 },
        { overall: 60, completeness: 1 },
      ],
      [null, 1, 2],
    ],
    [
      "min-completeness 0 ranks every zone with a score",
      0,
      [
        { overall: 10, completeness: 0 },
        { overall: null, completeness: null },
      ],
      [1, null],
    ],
    [
      "ties share a rank",
      80,
      [
        { overall: 50, completeness: 1 },
        { overall: 50, completeness: 1 },
        { overall: 40, completeness: 1 },
      ],
      [1, 1, 3],
    ],
  ])("%s", (_name, min, fields, ranks) => {
    const zones = fields.map((f, i) => zone({ name: `Z${i}`, region: "eastern", ...f }));
    const ranked = rankZones(zones, min);
    const rankOf = (i: number) => ranked.find((z) => z.file === `Z${i}.yaml`)?.rank ?? null;
    expect(fields.map((_, i) => rankOf(i))).toEqual(ranks);
  });

  it("takes the region the set derives from the province when the file gives none", () => {
    const profile = [
      {
        id: "region",
        type: "choice" as const,
        label: { en: "Region", zh: "区域" },
        derive: { from: "province", map: { jiangsu: "eastern", henan: "central" } },
      },
    ];
    const ranked = rankZones(
      [
        zone({ name: "A", province: "jiangsu" }),
        zone({ name: "B", province: "henan", overall: 40 }),
      ],
      80,
      profile,
    );
    expect(ranked.map((z) => [z.zone.name, z.region, z.regionRank])).toEqual([
      ["A", "eastern", 1],
      ["B", "central", 1],
    ]);
  });

  it("ranks within each region and lists the unranked last", () => {
    const ranked = rankZones(
      [
        zone({ name: "A", region: "eastern", overall: 60 }),
        zone({ name: "B", region: "western", overall: 80 }),
        zone({ name: "C", region: "eastern", overall: 90 }),
        zone({ name: "D", region: "western", overall: 95, completeness: 0.5 }),
        zone({ name: "E", region: "western", overall: 70 }),
        zone({ name: "F", overall: 65 }),
      ],
      80,
    );
    expect(ranked.map((z) => [z.zone.name, z.rank, z.regionRank])).toEqual([
      ["C", 1, 1],
      ["B", 2, 1],
      ["E", 3, 2],
      ["F", 4, null],
      ["A", 5, 2],
      ["D", null, null],
    ]);
  });
});

describe("statistics", () => {
  it.each<[string, (number | null)[], ReturnType<typeof statistics>]>([
    ["odd count", [3, 1, 2], { count: 3, mean: 2, median: 2, min: 1, max: 3 }],
    [
      "even count: median is the mean of the middle two",
      [4, 1, 3, 10],
      { count: 4, mean: 4.5, median: 3.5, min: 1, max: 10 },
    ],
    ["one value", [7], { count: 1, mean: 7, median: 7, min: 7, max: 7 }],
    [
      "nulls are left out",
      [null, 5, null, 15],
      { count: 2, mean: 10, median: 10, min: 5, max: 15 },
    ],
    ["nothing", [null], { count: 0, mean: null, median: null, min: null, max: null }],
  ])("%s", (_name, values, expected) => {
    expect(statistics(values)).toEqual(expected);
  });
});

describe("region statistics in the roll-up", () => {
  it("counts every used zone of a region, ranked or not, in the set's region order", () => {
    const agg = aggregate(
      set,
      [
        zone({ name: "W1", region: "western", overall: 40 }),
        zone({ name: "E1", region: "eastern", overall: 80 }),
        zone({ name: "E2", region: "eastern", overall: 60, completeness: 0.1 }),
        zone({ name: "E3", region: "eastern", overall: 70 }),
        zone({ name: "E4", region: "eastern", overall: 90 }),
      ],
      [],
      { minCompleteness: 80, bottom: 5 },
    );
    expect(agg.regions.map((r) => [r.region, r.zones, r.overall.median, r.overall.mean])).toEqual([
      ["eastern", 4, 75, 75],
      ["western", 1, 40, 40],
    ]);
  });
});

describe("common gaps", () => {
  // Question index 0 is M01.Q1, 1 is M01.Q2, 2 is M01.Q3.
  const withScores = (name: string, scores: Record<number, [number, number]>) => {
    const z = zone({ name });
    for (const [i, [score, gap]] of Object.entries(scores)) {
      z.questionScores[Number(i)] = score;
      z.questionGaps[Number(i)] = gap;
    }
    return z;
  };

  it.each<
    [string, ZoneSummary[], { question: string; below: number; zones: number; meanGap: number }[]]
  >([
    [
      "exactly half of the zones below 0.5 is a common gap",
      [withScores("A", { 0: [0.25, 6] }), withScores("B", { 0: [1, 0] })],
      [{ question: "M01.Q1", below: 1, zones: 2, meanGap: 3 }],
    ],
    [
      "0.5 itself is not below 0.5",
      [withScores("A", { 0: [0.5, 4] }), withScores("B", { 0: [0.5, 4] })],
      [],
    ],
    [
      "zones the question does not apply to are not counted",
      [withScores("A", { 1: [0, 5] }), withScores("B", {}), withScores("C", { 1: [1, 0] })],
      [{ question: "M01.Q2", below: 1, zones: 2, meanGap: 2.5 }],
    ],
    [
      "ordered by mean points lost, largest first",
      [withScores("A", { 0: [0, 2], 2: [0, 5] }), withScores("B", { 0: [0, 2], 2: [0, 5] })],
      [
        { question: "M01.Q3", below: 2, zones: 2, meanGap: 5 },
        { question: "M01.Q1", below: 2, zones: 2, meanGap: 2 },
      ],
    ],
    [
      "less than half below is not common",
      [
        withScores("A", { 0: [0, 6] }),
        withScores("B", { 0: [1, 0] }),
        withScores("C", { 0: [0.9, 1] }),
      ],
      [],
    ],
  ])("%s", (_name, zones, expected) => {
    const found = commonGaps(set, zones).map((g) => ({
      question: g.question,
      below: g.below,
      zones: g.zones,
      meanGap: g.meanGap,
    }));
    expect(found).toEqual(expected);
  });

  it("carries the measure, plan reference and guidance of the question", () => {
    const [gap] = commonGaps(set, [withScores("A", { 0: [0, 6] })]);
    const m01 = set.measures[0];
    expect(gap).toMatchObject({
      measure: "M01",
      ref: m01?.ref,
      guidance: m01?.questions[0]?.guidance,
      share: 1,
    });
  });
});

describe("the same zone twice", () => {
  it.each<[string, Partial<ZoneSummary>[], string[], [string, string][]]>([
    [
      "the one answered last is used",
      [
        { file: "b.yaml", answeredAt: 100 },
        { file: "a.yaml", answeredAt: 200 },
      ],
      ["a.yaml"],
      [["b.yaml", "a.yaml"]],
    ],
    [
      "a tie goes to the later file path",
      [
        { file: "b.yaml", answeredAt: 100 },
        { file: "a.yaml", answeredAt: 100 },
      ],
      ["b.yaml"],
      [["a.yaml", "b.yaml"]],
    ],
    [
      "an undated file loses to a dated one",
      [
        { file: "z.yaml", answeredAt: null },
        { file: "a.yaml", answeredAt: 1 },
      ],
      ["a.yaml"],
      [["z.yaml", "a.yaml"]],
    ],
  ])("%s", (_name, fields, used, superseded) => {
    const zones = fields.map((f) => ({
      ...zone({ name: "Suhe ETDZ", province: "Jiangsu" }),
      ...f,
    }));
    const result = dropSuperseded(zones);
    expect(result.used.map((z) => z.file)).toEqual(used);
    expect(result.superseded.map((s) => [s.file, s.by])).toEqual(superseded);
  });

  it("matches names and provinces after normalising whitespace and case, and nothing else", () => {
    const zones = [
      { ...zone({ name: "  Suhe\tETDZ ", province: "Jiangsu " }), file: "old.yaml", answeredAt: 1 },
      { ...zone({ name: "Suhe ETDZ", province: "Jiangsu" }), file: "new.yaml", answeredAt: 2 },
      { ...zone({ name: "Suhe ETDZ", province: "Zhejiang" }), file: "other.yaml", answeredAt: 0 },
      { ...zone({ name: "suhe etdz", province: "Jiangsu" }), file: "case.yaml", answeredAt: 0 },
    ];
    const result = dropSuperseded(zones);
    expect(result.used.map((z) => z.file)).toEqual(["new.yaml", "other.yaml"]);
    expect(result.superseded.map((s) => s.file)).toEqual(["case.yaml", "old.yaml"]);
    expect(normaliseName("  a \n b  ")).toBe("a b");
  });

  it("never matches two zones without a name", () => {
    const zones = [
      zone({ province: "Jiangsu" }),
      { ...zone({ province: "Jiangsu" }), file: "b.yaml" },
    ];
    expect(dropSuperseded(zones).used).toHaveLength(2);
  });
});

describe("compatibility", () => {
  const pins = (list: [string, string][]) =>
    list.map(([id, version], i) => ({ file: `f${i}.yaml`, id, version }));

  it.each<[string, [string, string][], { id: string; version: string } | undefined]>([
    [
      "the version most files use",
      [
        ["s", "1.0.0"],
        ["s", "1.1.0"],
        ["s", "1.0.0"],
      ],
      { id: "s", version: "1.0.0" },
    ],
    [
      "a tie of versions goes to the newest",
      [
        ["s", "1.0.0"],
        ["s", "1.10.0"],
        ["s", "1.9.0"],
      ],
      { id: "s", version: "1.10.0" },
    ],
    [
      "the set id most files use",
      [
        ["a", "2.0.0"],
        ["b", "1.0.0"],
        ["b", "1.0.0"],
      ],
      { id: "b", version: "1.0.0" },
    ],
    ["no files", [], undefined],
  ])("%s", (_name, list, expected) => {
    expect(chooseSetVersion(pins(list))).toEqual(expected);
  });

  it("leaves out other set ids and versions with the reason, and the migrate command when given", () => {
    const list = pins([
      ["s", "1.0.0"],
      ["t", "1.0.0"],
      ["s", "0.9.0"],
    ]);
    expect(incompatiblePins(list, { id: "s", version: "1.0.0" })).toEqual([
      {
        file: "f1.yaml",
        line: null,
        column: null,
        reason: { kind: "other-set", id: "t", version: "1.0.0" },
      },
      {
        file: "f2.yaml",
        line: null,
        column: null,
        reason: { kind: "other-version", version: "0.9.0", tie: true },
      },
    ]);
    const migrate = (pin: { file: string }, version: string) =>
      `netdz migrate ${pin.file} --to ${version}`;
    expect(incompatiblePins(list, { id: "s", version: "1.0.0" }, migrate)[1]?.reason).toEqual({
      kind: "other-version",
      version: "0.9.0",
      migrate: "netdz migrate f2.yaml --to 1.0.0",
      tie: true,
    });
  });

  it("says when the version was chosen by the tie rule, in the reason's words too", () => {
    const tied = pins([
      ["s", "1.0.0"],
      ["s", "1.1.0"],
      ["s", "1.0.0"],
      ["s", "1.1.0"],
    ]);
    const [reason] = incompatiblePins(tied, { id: "s", version: "1.1.0" });
    expect(reason?.reason).toEqual({ kind: "other-version", version: "1.0.0", tie: true });
    const used = { id: "s", version: "1.1.0" };
    expect(leftOutReason(reason!, used, aggregateMessages("en"))).toBe(
      "pinned to version 1.0.0; as many valid files use 1.1.0, and a tie goes to the newest version; versions are not mixed",
    );
    expect(leftOutReason(reason!, used, aggregateMessages("zh"))).toContain(
      "使用 1.1.0 的有效文件与之数量相同，数量相同时取最新版本",
    );
    const most = incompatiblePins(tied.slice(0, 3), { id: "s", version: "1.0.0" });
    expect(most.map((e) => e.reason)).toEqual([{ kind: "other-version", version: "1.1.0" }]);
    expect(leftOutReason(most[0]!, used, aggregateMessages("en"))).toContain(
      "most valid files use",
    );
  });
});

describe("bottom zones", () => {
  it("lists the lowest ranked zones of each region, with their largest gaps", () => {
    const zones = [90, 80, 70, 60].map((overall, i) =>
      zone({
        name: `E${i}`,
        region: "eastern",
        overall,
        topGaps: [{ question: "M01.Q1", measure: "M01", gap: 10 - i }],
      }),
    );
    const agg = aggregate(set, zones, [], { minCompleteness: 80, bottom: 2 });
    expect(agg.bottom.map((b) => [b.region, b.zones.map((z) => z.zone.name)])).toEqual([
      ["eastern", ["E2", "E3"]],
    ]);
    expect(agg.bottom[0]?.zones[1]?.topGaps).toEqual([
      { question: "M01.Q1", measure: "M01", gap: 7 },
    ]);
  });

  it.each<[string, number[], number, string[]]>([
    ["three tied at the cut-off of 1", [70, 70, 70], 1, ["E0", "E1", "E2"]],
    ["tied at the cut-off of 2", [90, 80, 80, 60], 2, ["E1", "E2", "E3"]],
    ["tied below the cut-off", [90, 80, 60, 60], 2, ["E2", "E3"]],
    ["fewer zones than asked", [90, 80], 5, ["E0", "E1"]],
  ])("%s: every zone tied with the highest listed is listed", (_, scores, bottom, listed) => {
    const zones = scores.map((overall, i) => zone({ name: `E${i}`, region: "eastern", overall }));
    const agg = aggregate(set, zones, [], { minCompleteness: 80, bottom });
    expect(agg.bottom.map((b) => b.zones.map((z) => z.zone.name))).toEqual([listed]);
  });

  it("keeps a region with no ranked zone, with none, so that it can be said", () => {
    const zones = [
      zone({ name: "E", region: "eastern", overall: 70 }),
      zone({ name: "C1", region: "central", overall: 60, completeness: 0.5 }),
      zone({ name: "C2", region: "central", overall: 50, completeness: 0.5 }),
    ];
    const agg = aggregate(set, zones, [], { minCompleteness: 80, bottom: 5 });
    expect(agg.bottom.map((b) => [b.region, b.zones.length])).toEqual([
      ["eastern", 1],
      ["central", 0],
    ]);
    expect(aggregate(set, zones, [], { minCompleteness: 80, bottom: 0 }).bottom).toEqual([]);
    for (const [lang, words] of [
      [
        "en",
        "No ranked zone: every zone of this region has no overall score or answered less than " +
          "80% of its applicable questions.",
      ],
      ["zh", "无参与排名的开发区：该区域的开发区均没有总分，或作答的适用问题不足 80%。"],
    ] as const) {
      const md = renderAggregateMarkdown(agg, { lang });
      expect(md).toContain(`### ${lang === "en" ? "Central" : "中部"}\n\n${words}`);
      expect(renderAggregateHtml(agg, { lang })).toContain(words);
    }
  });
});

describe("a zone with no score (every question that applies declared not applicable)", () => {
  it.each(["en", "zh"] as const)(
    "(%s) is unranked for having no score, not for its answers falling short",
    (lang) => {
      const zones = [
        zone({ name: "E", region: "eastern", overall: 70 }),
        zone({ name: "W", region: "western", overall: null, completeness: null }),
      ];
      const agg = aggregate(set, zones, [], { minCompleteness: 80, bottom: 5 });
      expect(agg.zones.map((z) => [z.zone.name, z.ranked])).toEqual([
        ["E", true],
        ["W", false],
      ]);
      const m = aggregateMessages(lang);
      const noScore = lang === "en" ? "no overall score" : "没有总分";
      for (const text of [m.unrankedNote("80%"), m.bottomNoRanked("80%"), m.method("80%", 5)[2]]) {
        expect(text).toContain(noScore);
      }
      for (const page of [
        renderAggregateMarkdown(agg, { lang }),
        renderAggregateHtml(agg, { lang }),
      ]) {
        expect(page).toContain(m.unrankedNote("80%"));
        expect(page).toContain(m.bottomNoRanked("80%"));
      }
    },
  );
});

describe("zones that show the same name", () => {
  const zones = [
    zone({
      file: "a.yaml",
      name: "Same Name",
      province: "Jiangxi",
      region: "central",
      overall: 60,
    }),
    zone({ file: "b.yaml", name: "Same Name", province: "Shanxi", region: "central", overall: 50 }),
    zone({ file: "c.yaml", province: "Hebei", region: "eastern", overall: 40 }),
    zone({ file: "d.yaml", province: "Hebei", region: "eastern", overall: 30 }),
    zone({ file: "e.yaml", name: "Alone", province: "Hebei", region: "eastern", overall: 20 }),
  ];
  const agg = aggregate(set, zones, [], { minCompleteness: 80, bottom: 5 });

  it("are told apart by province, then by file, wherever the province is not shown", () => {
    expect(agg.zones.map((z) => zoneLabel(agg, z, "en"))).toEqual([
      "Same Name (Jiangxi)",
      "Same Name (Shanxi)",
      "— (Hebei, c.yaml)",
      "— (Hebei, d.yaml)",
      "Alone",
    ]);
    expect(zoneLabel(agg, agg.zones[0]!, "zh")).toBe("Same Name（Jiangxi）");
  });

  it("in the xlsx measure matrix", async () => {
    const book = new ExcelJS.Workbook();
    const bytes = await renderAggregateXlsx(agg, { lang: "en" });
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet("Measure matrix");
    const names = sheet?.getColumn(1).values.slice(2, 2 + agg.zones.length);
    expect(names).toEqual(agg.zones.map((z) => zoneLabel(agg, z, "en")));
  });

  it.each(["en", "zh"] as const)("in the matrix and the bottom tables (%s)", (lang) => {
    const md = renderAggregateMarkdown(agg, { lang });
    const html = renderAggregateHtml(agg, { lang });
    for (const label of agg.zones.map((z) => zoneLabel(agg, z, lang))) {
      // The matrix and the bottom tables of the region (and the league table for a name alone).
      expect(md.split(`| ${label} |`).length - 1, label).toBe(label === "Alone" ? 3 : 2);
      expect(html).toContain(label);
    }
  });
});

describe("summariseZone", () => {
  it("keeps the assessment's figures and at most three gaps", () => {
    const answers: AnswersFile = {
      format: "netdz-answers/1",
      measureSet: { id: set.id, version: set.version },
      zone: { name: "Z", region: "eastern", westernHubArea: false, customsArea: true },
      answers: {
        "M01.Q1": { status: "in_progress", answeredAt: "2026-01-02T03:04:05Z" },
        "M01.Q2": { value: 1, answeredAt: "2026-01-03T00:00:00Z" },
      },
    };
    const assessment = scoreAssessment(set, answers);
    const summary = summariseZone({ file: "z.yaml", answers, assessment });
    expect(summary.overall).toBe(assessment.overall.score);
    expect(summary.completeness).toBe(assessment.overall.completeness);
    expect(summary.answeredAt).toBe(Date.parse("2026-01-03T00:00:00Z"));
    expect(summary.topGaps.map((g) => g.question)).toEqual(
      assessment.gaps.slice(0, 3).map((g) => g.id),
    );
    expect(Array.from(summary.questionScores)).toEqual(
      assessment.questions.map((q) => q.score ?? Number.NaN),
    );
  });
});
