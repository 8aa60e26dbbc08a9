import { describe, expect, it } from "vitest";
import type {
  Answer,
  AnswersFile,
  Area,
  Band,
  Measure,
  MeasureSet,
  Question,
  QuestionType,
  Status,
  Zone,
} from "../../src/core/model.js";
import { STATUSES } from "../../src/core/model.js";
import {
  bandFor,
  withoutNoise,
  compareIds,
  lastAnsweredDate,
  lacksRequiredEvidence,
  questionScore,
  reportDate,
  scoreAssessment,
  type Assessment,
} from "../../src/core/score.js";

const T = (en: string): { en: string; zh: string } => ({ en, zh: en });

function question(id: string, type: QuestionType, extra: Partial<Question> = {}): Question {
  return { id, type, text: T(id), guidance: T(`do ${id}`), weight: 1, ...extra };
}

function measure(id: string, area: string, questions: Question[], weight = 1): Measure {
  return {
    format: "netdz-measure/1",
    id,
    number: Number(id.slice(1)),
    area,
    ref: id,
    title: T(id),
    summary: T(id),
    provenance: { basis: "text", sources: [] },
    weight,
    questions,
  };
}

function area(id: string, weight = 1): Area {
  return { id, title: T(id), weight };
}

function makeSet(areas: Area[], measures: Measure[], bands?: Band[]): MeasureSet {
  return {
    format: "netdz-measure-set/1",
    id: "t",
    version: "1.0.0",
    title: T("t"),
    source: {
      document: "d",
      issuer: T("i"),
      issued: "2025-05-21",
      authoritativeLanguage: "zh",
    },
    areas,
    profile: [{ id: "hub", type: "yesno", label: T("hub") }],
    ...(bands ? { bands } : {}),
    measures,
  };
}

function makeAnswers(answers: Record<string, Answer>, zone: Zone = {}): AnswersFile {
  return {
    format: "netdz-answers/1",
    measureSet: { id: "t", version: "1.0.0" },
    zone,
    answers,
  };
}

const status = (s: Status, extra: Partial<Answer> = {}): Answer => ({ status: s, ...extra });
const value = (v: Answer["value"], extra: Partial<Answer> = {}): Answer => ({ value: v, ...extra });

describe("questionScore", () => {
  const statusQ = question("M01.Q1", "status");
  it.each<[string, Answer | undefined, number | null]>([
    ["implemented", status("implemented"), 1],
    ["in_progress", status("in_progress"), 0.5],
    ["planned", status("planned"), 0.25],
    ["not_started", status("not_started"), 0],
    ["unknown", status("unknown"), 0],
    ["unanswered", undefined, 0],
    ["an entry without a status", { note: "later" }, 0],
    ["not_applicable", status("not_applicable", { note: "why" }), null],
  ])("status question, %s → %s", (_label, answer, expected) => {
    expect(questionScore(statusQ, answer)).toBe(expected);
  });

  const yesno = question("M01.Q2", "yesno");
  it.each<[string, Answer | undefined, number | null]>([
    ["true", value(true), 1],
    ["false", value(false), 0],
    ["unknown", status("unknown"), 0],
    ["unanswered", undefined, 0],
    ["not_applicable", status("not_applicable"), null],
  ])("yesno question, %s → %s", (_label, answer, expected) => {
    expect(questionScore(yesno, answer)).toBe(expected);
  });

  const choice = question("M01.Q3", "choice", {
    options: [
      { id: "full", label: T("full"), score: 1 },
      { id: "part", label: T("part"), score: 0.6 },
      { id: "none", label: T("none"), score: 0 },
    ],
  });
  it.each<[string, Answer | undefined, number | null]>([
    ["full", value("full"), 1],
    ["part", value("part"), 0.6],
    ["none", value("none"), 0],
    ["an unknown option id", value("other"), 0],
    ["unanswered", undefined, 0],
    ["unknown", status("unknown"), 0],
    ["not_applicable", status("not_applicable"), null],
  ])("choice question, %s → %s", (_label, answer, expected) => {
    expect(questionScore(choice, answer)).toBe(expected);
  });

  const multi = question("M01.Q4", "multi", {
    options: [
      { id: "a", label: T("a"), score: 0.4 },
      { id: "b", label: T("b"), score: 0.25 },
      { id: "c", label: T("c"), score: 0.5 },
    ],
  });
  it.each<[string, Answer | undefined, number | null]>([
    ["nothing chosen", value([]), 0],
    ["a", value(["a"]), 0.4],
    ["a + b", value(["a", "b"]), 0.65],
    ["a + b + c, capped at 1", value(["a", "b", "c"]), 1],
    ["a chosen twice counts once", value(["a", "a"]), 0.4],
    ["an unknown id adds nothing", value(["b", "zzz"]), 0.25],
    ["unanswered", undefined, 0],
    ["not_applicable", status("not_applicable"), null],
  ])("multi question, %s → %s", (_label, answer, expected) => {
    const score = questionScore(multi, answer);
    if (expected === null) expect(score).toBeNull();
    else expect(score).toBeCloseTo(expected, 12);
  });

  const higher = question("M01.Q5", "number", { target: 4, direction: "higher" });
  const lower = question("M01.Q6", "number", { target: 2, direction: "lower" });
  it.each<[string, Question, number, number]>([
    ["higher, 0 of 4", higher, 0, 0],
    ["higher, 1 of 4", higher, 1, 0.25],
    ["higher, 3 of 4", higher, 3, 0.75],
    ["higher, at target", higher, 4, 1],
    ["higher, above target, capped", higher, 10, 1],
    ["higher, negative, floored", higher, -3, 0],
    ["lower, below target", lower, 1, 1],
    ["lower, at target", lower, 2, 1],
    ["lower, twice the target", lower, 4, 0.5],
    ["lower, four times the target", lower, 8, 0.25],
    ["lower, 2.5", lower, 2.5, 0.8],
  ])("number question, %s → %s", (_label, q, v, expected) => {
    expect(questionScore(q, value(v))).toBeCloseTo(expected, 12);
  });

  it("treats a number question without direction as higher-is-better", () => {
    const q = question("M01.Q7", "number", { target: 8 });
    expect(questionScore(q, value(2))).toBe(0.25);
  });

  it("does not score text questions, whatever the answer", () => {
    const text = question("M01.Q8", "text");
    expect(questionScore(text, value("three projects"))).toBeNull();
    expect(questionScore(text, undefined)).toBeNull();
    expect(questionScore(text, status("unknown"))).toBeNull();
  });
});

describe("scoreAssessment: aggregation", () => {
  it("weights questions inside a measure: (2·1 + 1·0.5 + 1·0) / 4 = 62.5", () => {
    const set = makeSet(
      [area("a")],
      [
        measure("M01", "a", [
          question("M01.Q1", "status", { weight: 2 }),
          question("M01.Q2", "status"),
          question("M01.Q3", "status"),
        ]),
      ],
    );
    const result = scoreAssessment(
      set,
      makeAnswers({
        "M01.Q1": status("implemented"),
        "M01.Q2": status("in_progress"),
        "M01.Q3": status("not_started"),
      }),
    );
    expect(result.measures[0]?.score).toBeCloseTo(62.5, 12);
    expect(result.areas[0]?.score).toBeCloseTo(62.5, 12);
    expect(result.overall.score).toBeCloseTo(62.5, 12);
  });

  it("weights measures in an area and areas overall (hand-computed example)", () => {
    // Area A (weight 1): M1 (w1) = 0.
    // Area B (weight 3): M2 (w1) = (1·1 + 3·0.25)/4 = 43.75; M3 (w3) = 50 → B = 48.4375.
    // Overall = (1·0 + 3·48.4375) / 4 = 36.328125.
    const result = scoreAssessment(gapSet(), gapAnswers());
    expect(result.measures.map((m) => m.score)).toEqual([0, 43.75, 50]);
    expect(result.areas.map((a) => a.score)).toEqual([0, 48.4375]);
    expect(result.overall.score).toBeCloseTo(36.328125, 12);
    expect(result.overall.band?.label.en).toBe("Initial");
  });

  it("leaves out a measure with nothing applicable and renormalises the area", () => {
    const set = makeSet(
      [area("a")],
      [
        measure("M01", "a", [question("M01.Q1", "status")], 3),
        measure("M02", "a", [question("M02.Q1", "status", { appliesWhen: { hub: [true] } })], 1),
        measure("M03", "a", [question("M03.Q1", "status")], 1),
      ],
    );
    const result = scoreAssessment(
      set,
      makeAnswers(
        {
          "M01.Q1": status("planned"),
          "M02.Q1": status("implemented"),
          "M03.Q1": status("implemented"),
        },
        { hub: false },
      ),
    );
    expect(result.measures[1]).toMatchObject({ id: "M02", applicable: false, score: null });
    // (3·25 + 1·100) / 4 = 43.75: M02's weight does not count.
    expect(result.areas[0]?.score).toBeCloseTo(43.75, 12);
  });

  it("leaves out a measure whose questions are all answered not_applicable", () => {
    const set = makeSet(
      [area("a")],
      [
        measure("M01", "a", [question("M01.Q1", "status")]),
        measure("M02", "a", [question("M02.Q1", "status")]),
      ],
    );
    const result = scoreAssessment(
      set,
      makeAnswers({
        "M01.Q1": status("in_progress"),
        "M02.Q1": status("not_applicable", { note: "no port" }),
      }),
    );
    expect(result.measures[1]?.applicable).toBe(false);
    expect(result.overall.score).toBe(50);
  });

  it("leaves out an area with nothing applicable and renormalises the overall score", () => {
    const set = makeSet(
      [area("a", 30), area("b", 70)],
      [
        measure("M01", "a", [question("M01.Q1", "status")]),
        measure("M02", "b", [question("M02.Q1", "status", { appliesWhen: { hub: [true] } })]),
      ],
    );
    const result = scoreAssessment(
      set,
      makeAnswers({ "M01.Q1": status("planned") }, { hub: false }),
    );
    expect(result.areas[1]).toMatchObject({ id: "b", applicable: false, score: null });
    expect(result.overall.score).toBe(25);
  });

  it("gives a null overall score, band and completeness when nothing applies", () => {
    const set = makeSet(
      [area("a")],
      [measure("M01", "a", [question("M01.Q1", "status", { appliesWhen: { hub: [true] } })])],
    );
    const result = scoreAssessment(set, makeAnswers({}, { hub: false }));
    expect(result.overall).toEqual({
      score: null,
      band: null,
      completeness: null,
      declaredNotApplicableShare: null,
      missingProfileFields: [],
    });
    expect(result.gaps).toEqual([]);
    expect(result.questions[0]).toMatchObject({ applicable: false, score: null, gap: null });
  });

  it("keeps text questions out of the score but counts them in completeness", () => {
    const set = makeSet(
      [area("a")],
      [
        measure("M01", "a", [
          question("M01.Q1", "status"),
          question("M01.Q2", "text", { weight: 5 }),
          question("M01.Q3", "text"),
        ]),
      ],
    );
    const result = scoreAssessment(
      set,
      makeAnswers({ "M01.Q1": status("in_progress"), "M01.Q2": value("Two projects") }),
    );
    expect(result.overall.score).toBe(50);
    expect(result.questions[1]).toMatchObject({ scored: false, score: null, gap: null });
    expect(result.questions[1]?.answered).toBe(true);
    expect(result.overall.completeness).toBeCloseTo(2 / 3, 12);
  });

  it("counts a whitespace-only text answer as unanswered", () => {
    const set = makeSet([area("a")], [measure("M01", "a", [question("M01.Q1", "text")])]);
    const result = scoreAssessment(set, makeAnswers({ "M01.Q1": value("   ") }));
    expect(result.questions[0]?.state).toBe("unanswered");
  });

  it("scores unknown and unanswered as 0 and reports them beside the score", () => {
    const set = makeSet(
      [area("a")],
      [
        measure("M01", "a", [
          question("M01.Q1", "status"),
          question("M01.Q2", "status"),
          question("M01.Q3", "yesno"),
          question("M01.Q4", "status"),
          question("M01.Q5", "status", { appliesWhen: { hub: [true] } }),
          question("M01.Q6", "status"),
        ]),
      ],
    );
    const result = scoreAssessment(
      set,
      makeAnswers(
        {
          "M01.Q1": status("implemented", { review: true }),
          "M01.Q2": status("unknown"),
          "M01.Q3": value(true),
          "M01.Q6": status("not_applicable", { note: "n/a", review: true }),
        },
        { hub: false },
      ),
    );
    // Applicable Q1–Q4: s = 1, 0, 1, 0 → 50.
    expect(result.overall.score).toBe(50);
    expect(result.counts).toEqual({
      total: 6,
      applicable: 4,
      answered: 2,
      unanswered: 1,
      unknown: 1,
      notApplicable: 2,
      excludedByProfile: 1,
      declaredNotApplicable: 1,
      review: 2,
    });
    expect(result.overall.completeness).toBe(0.5);
    // Q6 of the five questions the profile keeps was declared not applicable by the zone.
    expect(result.overall.declaredNotApplicableShare).toBe(0.2);
  });
});

describe("scoreAssessment: not applicable by the zone's own answer", () => {
  const set = makeSet(
    [area("a"), area("b")],
    [
      measure("M01", "a", [question("M01.Q1", "status"), question("M01.Q2", "status")]),
      measure("M02", "b", [
        question("M02.Q1", "status"),
        question("M02.Q2", "text"),
        question("M02.Q3", "status", { appliesWhen: { hub: [true] } }),
      ]),
    ],
  );
  const na = (note: string) => status("not_applicable", { note });

  it("marks the parts left out only because the zone answered them not applicable", () => {
    const result = scoreAssessment(
      set,
      makeAnswers(
        { "M01.Q1": status("implemented"), "M01.Q2": na("x"), "M02.Q1": na("y") },
        { hub: false },
      ),
    );
    expect(result.measures.map((m) => [m.id, m.score, m.declaredOnly])).toEqual([
      ["M01", 100, false],
      ["M02", null, true],
    ]);
    expect(result.areas.map((a) => [a.id, a.declaredOnly])).toEqual([
      ["a", false],
      ["b", true],
    ]);
    // 2 of the 4 questions the profile keeps (M02.Q3 excluded; the text question counts).
    expect(result.counts.declaredNotApplicable).toBe(2);
    expect(result.overall.declaredNotApplicableShare).toBe(0.5);
    expect(result.overall.score).toBe(100);
  });

  it("does not mark a part the profile alone leaves out", () => {
    const onlyHub = makeSet(
      [area("a")],
      [measure("M01", "a", [question("M01.Q1", "status", { appliesWhen: { hub: [true] } })])],
    );
    const result = scoreAssessment(onlyHub, makeAnswers({}, { hub: false }));
    expect(result.measures[0]).toMatchObject({ score: null, declaredOnly: false });
    expect(result.areas[0]).toMatchObject({ score: null, declaredOnly: false });
    expect(result.overall.declaredNotApplicableShare).toBeNull();
  });
});

describe("scoreAssessment: applicability", () => {
  const set = makeSet(
    [area("a")],
    [
      measure("M01", "a", [
        question("M01.Q1", "status", { appliesWhen: { hub: [true] } }),
        question("M01.Q2", "status"),
      ]),
    ],
  );

  it("excludes by profile with the reason, even when the question was answered", () => {
    const result = scoreAssessment(
      set,
      makeAnswers({ "M01.Q1": status("implemented"), "M01.Q2": status("planned") }, { hub: false }),
    );
    expect(result.questions[0]).toMatchObject({
      state: "not_applicable",
      applicable: false,
      score: null,
      exclusion: { by: "profile", reason: { field: "hub", actual: false, allowed: [true] } },
    });
    expect(result.overall.score).toBe(25);
  });

  it("keeps a question whose profile field is missing: it applies, unanswered, and the profile is incomplete", () => {
    const result = scoreAssessment(set, makeAnswers({}, {}));
    expect(result.questions[0]).toMatchObject({
      applicable: true,
      state: "unanswered",
      score: 0,
    });
    expect(result.questions[0]?.exclusion).toBeUndefined();
    expect(result.overall.missingProfileFields).toContain("hub");
    expect(result.counts.excludedByProfile).toBe(0);
  });

  it("includes the question when the profile matches", () => {
    const result = scoreAssessment(
      set,
      makeAnswers({ "M01.Q1": status("implemented"), "M01.Q2": status("planned") }, { hub: true }),
    );
    expect(result.questions[0]?.applicable).toBe(true);
    expect(result.overall.score).toBeCloseTo(62.5, 12);
  });

  it("records an answered not_applicable with its note", () => {
    const result = scoreAssessment(
      set,
      makeAnswers({ "M01.Q2": status("not_applicable", { note: "no land left" }) }, { hub: true }),
    );
    expect(result.questions[1]?.exclusion).toEqual({ by: "answer", note: "no land left" });
  });
});

function gapSet(): MeasureSet {
  return makeSet(
    [area("A", 1), area("B", 3)],
    [
      measure("M1", "A", [question("M1.Q1", "status")]),
      measure("M2", "B", [question("M2.Q1", "status"), question("M2.Q2", "status", { weight: 3 })]),
      measure("M3", "B", [question("M3.Q1", "status")], 3),
    ],
  );
}

function gapAnswers(): AnswersFile {
  return makeAnswers({
    "M1.Q1": status("not_started"),
    "M2.Q1": status("implemented"),
    "M2.Q2": status("planned"),
    "M3.Q1": status("in_progress"),
  });
}

describe("scoreAssessment: gaps", () => {
  it("computes each question's share and points lost (hand-computed example)", () => {
    const result = scoreAssessment(gapSet(), gapAnswers());
    const byId = new Map(result.questions.map((q) => [q.id, q]));
    // M1.Q1: share 1 · 1 · 1/4 = 0.25, s = 0 → 25 points.
    expect(byId.get("M1.Q1")?.share).toBeCloseTo(0.25, 12);
    expect(byId.get("M1.Q1")?.gap).toBeCloseTo(25, 12);
    // M2.Q1: s = 1 → 0 points.
    expect(byId.get("M2.Q1")?.gap).toBe(0);
    // M2.Q2: share 3/4 · 1/4 · 3/4 = 9/64, s = 0.25 → 0.75 · 9/64 · 100 = 10.546875.
    expect(byId.get("M2.Q2")?.share).toBeCloseTo(9 / 64, 12);
    expect(byId.get("M2.Q2")?.gap).toBeCloseTo(10.546875, 12);
    // M3.Q1: share 1 · 3/4 · 3/4 = 9/16, s = 0.5 → 28.125.
    expect(byId.get("M3.Q1")?.gap).toBeCloseTo(28.125, 12);
  });

  it("lists the questions that lose points by points lost, largest first", () => {
    const result = scoreAssessment(gapSet(), gapAnswers());
    expect(result.gaps.map((g) => g.id)).toEqual(["M3.Q1", "M1.Q1", "M2.Q2"]);
  });

  it("adds up to 100 − overall", () => {
    const result = scoreAssessment(gapSet(), gapAnswers());
    expect(sumGaps(result)).toBeCloseTo(100 - 36.328125, 10);
  });

  it("breaks ties by id in natural order (Q2 before Q10)", () => {
    const questions = Array.from({ length: 10 }, (_, i) => question(`M01.Q${10 - i}`, "status"));
    const set = makeSet([area("a")], [measure("M01", "a", questions)]);
    const result = scoreAssessment(set, makeAnswers({}));
    expect(result.gaps.map((g) => g.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `M01.Q${i + 1}`),
    );
    expect(result.gaps.every((g) => g.gap === 10)).toBe(true);
  });

  it("gives text and not applicable questions a null gap", () => {
    const set = makeSet(
      [area("a")],
      [measure("M01", "a", [question("M01.Q1", "status"), question("M01.Q2", "text")])],
    );
    const result = scoreAssessment(set, makeAnswers({}));
    expect(result.questions.map((q) => q.gap)).toEqual([100, null]);
  });
});

describe("bands", () => {
  it.each<[number, string]>([
    [100, "Leading"],
    [85, "Leading"],
    [84.99, "Advancing"],
    [65, "Advancing"],
    [64.9, "Developing"],
    [40, "Developing"],
    [39.99, "Initial"],
    [0, "Initial"],
  ])("default bands: %s → %s", (score, label) => {
    expect(bandFor(score)?.label.en).toBe(label);
  });

  it("uses the set's bands, in any order", () => {
    const bands: Band[] = [
      { min: 0, label: T("Low") },
      { min: 90, label: T("Top") },
      { min: 50, label: T("Mid") },
    ];
    expect(bandFor(95, bands)?.label.en).toBe("Top");
    expect(bandFor(89.9, bands)?.label.en).toBe("Mid");
    expect(bandFor(10, bands)?.label.en).toBe("Low");
    const set = makeSet([area("a")], [measure("M01", "a", [question("M01.Q1", "status")])], bands);
    const result = scoreAssessment(set, makeAnswers({ "M01.Q1": status("in_progress") }));
    expect(result.overall.band?.label.en).toBe("Mid");
  });

  it("has no band below the lowest minimum, and none without a score", () => {
    expect(bandFor(5, [{ min: 10, label: T("x") }])).toBeNull();
    expect(bandFor(null)).toBeNull();
  });
});

describe("missing evidence", () => {
  const rule = { requiredFor: ["implemented" as Status], hint: T("proof") };
  const statusQ = question("M01.Q1", "status", { evidence: rule });
  const numberQ = question("M01.Q2", "number", { target: 3, evidence: rule });
  it.each<[string, Question, Answer | undefined, boolean]>([
    ["implemented without evidence", statusQ, status("implemented"), true],
    ["implemented with empty evidence", statusQ, status("implemented", { evidence: [] }), true],
    ["implemented with evidence", statusQ, status("implemented", { evidence: ["a.pdf"] }), false],
    ["in_progress (not required)", statusQ, status("in_progress"), false],
    ["unanswered", statusQ, undefined, false],
    ["a number value without evidence", numberQ, value(2), true],
    ["a number value with evidence", numberQ, value(2, { evidence: ["x"] }), false],
    ["a number question answered unknown", numberQ, status("unknown"), false],
  ])("%s → %s", (_label, q, answer, expected) => {
    expect(lacksRequiredEvidence(q, answer)).toBe(expected);
  });

  it("is not reported for a question the profile excludes", () => {
    const q = question("M01.Q1", "status", { evidence: rule, appliesWhen: { hub: [true] } });
    const set = makeSet([area("a")], [measure("M01", "a", [q])]);
    const result = scoreAssessment(
      set,
      makeAnswers({ "M01.Q1": status("implemented") }, { hub: false }),
    );
    expect(result.questions[0]?.missingEvidence).toBe(false);
  });
});

describe("report date", () => {
  const answers = makeAnswers({
    "M01.Q1": status("implemented", { answeredAt: "2026-03-02T09:10:00Z" }),
    "M01.Q2": status("planned", { answeredAt: "2026-03-02T23:30:00-05:00" }),
    "M01.Q3": status("planned", { answeredAt: "not a date" }),
    "M01.Q4": status("planned"),
  });

  it("is the day of the latest answeredAt in the given time zone", () => {
    // 2026-03-02T23:30-05:00 is 04:30 UTC on 3 March, 12:30 on 3 March in Shanghai.
    expect(lastAnsweredDate(answers, "UTC")).toBe("2026-03-03");
    expect(reportDate(answers, undefined, "UTC")).toBe("2026-03-03");
    expect(reportDate(answers, undefined, "America/New_York")).toBe("2026-03-02");
    expect(reportDate(answers, undefined, "Asia/Shanghai")).toBe("2026-03-03");
  });

  it("dates an answer given in the Beijing night on the Beijing day", () => {
    const late = makeAnswers({
      "M01.Q1": status("implemented", { answeredAt: "2026-11-30T20:00:00Z" }),
    });
    expect(reportDate(late, undefined, "Asia/Shanghai")).toBe("2026-12-01");
    expect(reportDate(late, undefined, "UTC")).toBe("2026-11-30");
    expect(reportDate(late, undefined, "Europe/London")).toBe("2026-11-30");
  });

  it("falls back to the machine's zone for an unknown zone name", () => {
    const machine = reportDate(answers);
    expect(reportDate(answers, undefined, "Not/AZone")).toBe(machine);
    expect(machine).toMatch(/^2026-03-0[23]$/);
  });

  it("is SOURCE_DATE_EPOCH when given, dated in UTC", () => {
    expect(reportDate(answers, 0, "Asia/Shanghai")).toBe("1970-01-01");
    expect(reportDate(answers, 0)).toBe("1970-01-01");
    expect(reportDate(answers, 1_767_225_599)).toBe("2025-12-31");
    expect(reportDate(answers, 1_767_225_600)).toBe("2026-01-01");
  });

  it("is undefined when no answer says when it was given", () => {
    expect(reportDate(makeAnswers({ "M01.Q1": status("planned") }))).toBeUndefined();
  });
});

describe("compareIds", () => {
  it("orders digit runs numerically", () => {
    const ids = ["M10.Q1", "M02.Q10", "M02.Q2", "M2.Q3", "M01.Q1"];
    expect([...ids].sort(compareIds)).toEqual(["M01.Q1", "M02.Q2", "M2.Q3", "M02.Q10", "M10.Q1"]);
  });
});

/** mulberry32: a tiny seeded PRNG, so failures reproduce. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sumGaps(result: Assessment): number {
  return result.questions.reduce((acc, q) => acc + (q.gap ?? 0), 0);
}

const TYPES: readonly QuestionType[] = ["status", "yesno", "number", "choice", "multi", "text"];
const ANSWER_STATUSES: readonly Status[] = STATUSES;

function randomCase(random: () => number): { set: MeasureSet; answers: AnswersFile } {
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const weight = (): number => pick([0.5, 1, 1, 2, 3, 7.3]);
  const areas = Array.from({ length: int(1, 4) }, (_, i) => area(`a${i}`, weight() * 10));
  const measures: Measure[] = [];
  const answers: Record<string, Answer> = {};
  let number = 0;
  for (const a of areas) {
    for (let m = int(0, 3); m >= 0; m--) {
      const id = `M${++number}`;
      const questions = Array.from({ length: int(1, 5) }, (_, i) =>
        randomQuestion(`${id}.Q${i + 1}`, pick(TYPES), random, weight()),
      );
      measures.push(measure(id, a.id, questions, weight()));
      for (const q of questions) {
        const answer = randomAnswer(q, random);
        if (answer) answers[q.id] = answer;
      }
    }
  }
  return { set: makeSet(areas, measures), answers: makeAnswers(answers, { hub: random() < 0.5 }) };
}

function randomQuestion(id: string, type: QuestionType, random: () => number, w: number): Question {
  const options = ["x", "y", "z"].map((o) => ({
    id: o,
    label: T(o),
    score: Math.round(random() * 100) / 100,
  }));
  return question(id, type, {
    weight: w,
    ...(random() < 0.2 ? { appliesWhen: { hub: [true] } } : {}),
    ...(type === "number"
      ? { target: 1 + Math.floor(random() * 50), direction: random() < 0.5 ? "higher" : "lower" }
      : {}),
    ...(type === "choice" || type === "multi" ? { options } : {}),
  });
}

function randomAnswer(q: Question, random: () => number): Answer | undefined {
  const roll = random();
  if (roll < 0.15) return undefined;
  if (roll < 0.25) return status(random() < 0.5 ? "unknown" : "not_applicable");
  switch (q.type) {
    case "status":
      return status(ANSWER_STATUSES[Math.floor(random() * 4)] ?? "planned");
    case "yesno":
      return value(random() < 0.5);
    case "number":
      return value(Math.round(random() * 1000) / 10);
    case "choice":
      return value(["x", "y", "z"][Math.floor(random() * 3)] ?? "x");
    case "multi":
      return value(["x", "y", "z"].filter(() => random() < 0.5));
    default:
      return value("free text");
  }
}

describe("property: gaps add up to 100 − overall", () => {
  it("holds over 400 random sets and answers", () => {
    const random = mulberry32(20250521);
    let scoredCases = 0;
    for (let i = 0; i < 400; i++) {
      const { set, answers } = randomCase(random);
      const result = scoreAssessment(set, answers);
      const { score } = result.overall;
      for (const q of result.questions) {
        if (q.score !== null) {
          expect(q.score).toBeGreaterThanOrEqual(0);
          expect(q.score).toBeLessThanOrEqual(1);
          expect(q.gap).toBeGreaterThanOrEqual(0);
        }
      }
      for (const s of [...result.measures, ...result.areas].map((x) => x.score)) {
        if (s !== null) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100 + 1e-9);
        }
      }
      if (score === null) {
        expect(sumGaps(result)).toBe(0);
        continue;
      }
      scoredCases++;
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100 + 1e-9);
      expect(Math.abs(sumGaps(result) - (100 - score))).toBeLessThan(1e-9);
      const shares = result.questions.reduce((acc, q) => acc + q.share, 0);
      expect(Math.abs(shares - 1)).toBeLessThan(1e-9);
      // Largest first; equal gaps (up to floating-point noise) in id order.
      const gaps = result.gaps.map((g) => withoutNoise(g.gap ?? 0));
      expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    }
    expect(scoredCases).toBeGreaterThan(300);
  });
});
