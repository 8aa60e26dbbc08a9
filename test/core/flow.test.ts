import { describe, expect, it } from "vitest";
import {
  advance,
  buildFlow,
  evidenceRequired,
  goBack,
  jumpToMeasure,
  measureOverview,
  needsVisit,
  positionOf,
  progress,
  rebase,
  remainingVisits,
  startState,
  summarise,
  type Answers,
  type Flow,
  type FlowState,
} from "../../src/core/flow.js";
import type { Measure, MeasureSet, Question, Zone } from "../../src/core/model.js";

function question(id: string, extra: Partial<Question> = {}): Question {
  return {
    id,
    type: "status",
    text: { en: `Text of ${id}`, zh: `${id} 的题目` },
    guidance: { en: "Guidance", zh: "指引" },
    weight: 1,
    ...extra,
  };
}

function measure(id: string, number: number, area: string, questions: Question[]): Measure {
  return {
    format: "netdz-measure/1",
    id,
    number,
    area,
    ref: `ref-${number}`,
    title: { en: `Measure ${id}`, zh: `举措 ${id}` },
    summary: { en: "Summary", zh: "概述" },
    provenance: { basis: "text", sources: ["test"] },
    weight: 1,
    questions,
  };
}

/** Two areas; M03 belongs to the first area but comes last in the file list, to test ordering. */
function fixtureSet(): MeasureSet {
  return {
    format: "netdz-measure-set/1",
    id: "fixture",
    version: "1.0.0",
    title: { en: "Fixture", zh: "测试" },
    source: {
      document: "doc",
      issuer: { en: "Issuer", zh: "发布方" },
      issued: "2025-05-21",
      authoritativeLanguage: "zh",
    },
    areas: [
      { id: "a1", title: { en: "Area one", zh: "方面一" }, weight: 1 },
      { id: "a2", title: { en: "Area two", zh: "方面二" }, weight: 1 },
    ],
    profile: [
      {
        id: "region",
        type: "choice",
        label: { en: "Region", zh: "所属区域" },
        options: [
          { id: "eastern", label: { en: "Eastern", zh: "东部" } },
          { id: "western", label: { en: "Western", zh: "西部" } },
        ],
      },
      { id: "hub", type: "yesno", label: { en: "Hub area?", zh: "枢纽？" } },
    ],
    measures: [
      measure("M01", 1, "a1", [
        question("M01.Q1"),
        question("M01.Q2", { appliesWhen: { region: ["western"] } }),
        question("M01.Q3"),
      ]),
      measure("M02", 2, "a2", [
        question("M02.Q1", { appliesWhen: { hub: [true] } }),
        question("M02.Q2", { type: "number", unit: { en: "ha", zh: "公顷" }, target: 10 }),
      ]),
      measure("M03", 3, "a1", [question("M03.Q1"), question("M03.Q2")]),
    ],
  };
}

const eastern: Zone = { region: "eastern", hub: false };
const western: Zone = { region: "western", hub: true };

function ids(flow: Flow): string[] {
  return flow.steps.map((s) => s.question.id);
}

function at(flow: Flow, state: FlowState): string | null {
  return state.index === null ? null : (flow.steps[state.index]?.question.id ?? null);
}

describe("buildFlow", () => {
  it("orders steps area by area, measure by measure, question by question", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    expect(ids(flow)).toEqual([
      "M01.Q1",
      "M01.Q2",
      "M01.Q3",
      "M03.Q1",
      "M03.Q2",
      "M02.Q1",
      "M02.Q2",
    ]);
    expect(flow.areaCount).toBe(2);
    expect(flow.measureCount).toBe(3);
  });

  it("marks questions whose appliesWhen does not match, with the reason", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    const q2 = flow.steps[1];
    expect(q2?.notApplicable).toEqual({ field: "region", actual: "eastern", allowed: ["western"] });
    expect(flow.steps[5]?.notApplicable).toEqual({ field: "hub", actual: false, allowed: [true] });
    expect(flow.applicableCount).toBe(5);
  });

  it("lets a question apply while the profile field it depends on is missing", () => {
    const flow = buildFlow(fixtureSet(), {});
    expect(flow.steps[1]?.notApplicable).toBeUndefined();
    expect(flow.applicableCount).toBe(7);
    // Given but not matching still excludes it.
    expect(buildFlow(fixtureSet(), { region: "eastern" }).steps[1]?.notApplicable).toEqual({
      field: "region",
      actual: "eastern",
      allowed: ["western"],
    });
  });

  it("counts every question as applicable when the zone matches everything", () => {
    const flow = buildFlow(fixtureSet(), western);
    expect(flow.applicableCount).toBe(7);
    expect(flow.steps.every((s) => s.notApplicable === undefined)).toBe(true);
  });
});

describe("positionOf", () => {
  it("numbers areas, measures and applicable questions", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    expect(positionOf(flow, 0)).toEqual({
      area: { n: 1, of: 2 },
      measure: { n: 1, of: 3 },
      question: { n: 1, of: 5 },
    });
    // M03.Q1: area 1, third measure in the file but second in the walk.
    expect(positionOf(flow, 3)).toEqual({
      area: { n: 1, of: 2 },
      measure: { n: 2, of: 3 },
      question: { n: 3, of: 5 },
    });
    expect(positionOf(flow, 6)).toEqual({
      area: { n: 2, of: 2 },
      measure: { n: 3, of: 3 },
      question: { n: 5, of: 5 },
    });
  });

  it("gives question 0 to a step that does not apply, and rejects an index out of range", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    expect(positionOf(flow, 1).question).toEqual({ n: 0, of: 5 });
    expect(() => positionOf(flow, 99)).toThrow(RangeError);
  });
});

describe("startState", () => {
  it("starts a fresh session at the first applicable question", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    expect(at(flow, startState(flow, {}, "resume"))).toBe("M01.Q1");
  });

  it("resumes at the first unanswered applicable question", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    const answers: Answers = {
      "M01.Q1": { status: "implemented" },
      "M01.Q3": { status: "unknown" },
    };
    expect(at(flow, startState(flow, answers, "resume"))).toBe("M03.Q1");
  });

  it("resumes at a question marked for review even when it is answered", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    const answers: Answers = {
      "M01.Q1": { status: "implemented", review: true },
      "M01.Q3": { status: "planned" },
    };
    expect(at(flow, startState(flow, answers, "resume"))).toBe("M01.Q1");
  });

  it("is at the end when everything applicable is answered", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    const answers: Answers = {
      "M01.Q1": { status: "implemented" },
      "M01.Q3": { status: "planned" },
      "M03.Q1": { status: "not_started" },
      "M03.Q2": { status: "not_applicable", note: "n" },
      "M02.Q2": { value: 3 },
    };
    expect(startState(flow, answers, "resume")).toEqual({ mode: "resume", index: null });
    expect(remainingVisits(flow, answers)).toBe(0);
  });

  it("starts a review at the first applicable question whatever is answered", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    const answers: Answers = { "M01.Q1": { status: "implemented" } };
    expect(at(flow, startState(flow, answers, "review"))).toBe("M01.Q1");
  });

  it("is at the end when no question applies", () => {
    const set = fixtureSet();
    set.measures = [
      measure("M01", 1, "a1", [question("M01.Q1", { appliesWhen: { hub: [true] } })]),
    ];
    const flow = buildFlow(set, eastern);
    expect(startState(flow, {}, "review").index).toBeNull();
    expect(progress(flow, {})).toEqual({ done: 0, total: 0, ratio: 1 });
  });
});

describe("advance", () => {
  it("in resume mode goes to the next question to visit and reports the skipped not-applicable ones", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    const answers: Answers = { "M01.Q1": { status: "implemented" } };
    const t = advance(flow, answers, { mode: "resume", index: 0 });
    expect(at(flow, t.state)).toBe("M01.Q3");
    expect(t.passed.map((s) => s.question.id)).toEqual(["M01.Q2"]);
    expect(t.blocked).toBeUndefined();
  });

  it("in resume mode skips over answered questions", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    const answers: Answers = {
      "M01.Q1": { status: "implemented" },
      "M01.Q3": { status: "implemented" },
      "M03.Q1": { status: "implemented" },
    };
    const t = advance(flow, answers, { mode: "resume", index: 0 });
    expect(at(flow, t.state)).toBe("M03.Q2");
  });

  it("after a skip, the skipped question stays unanswered and the walk goes on", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    const t = advance(flow, {}, { mode: "resume", index: 0 });
    expect(at(flow, t.state)).toBe("M01.Q3");
    expect(summarise(flow, {}).unanswered).toBe(5);
  });

  it("in review mode visits every applicable question", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    const answers: Answers = {
      "M01.Q1": { status: "implemented" },
      "M01.Q3": { status: "implemented" },
    };
    let state: FlowState = startState(flow, answers, "review");
    const visited: string[] = [];
    while (state.index !== null) {
      visited.push(at(flow, state) as string);
      state = advance(flow, answers, state).state;
    }
    expect(visited).toEqual(["M01.Q1", "M01.Q3", "M03.Q1", "M03.Q2", "M02.Q2"]);
  });

  it("reaches the end, passing trailing not-applicable steps", () => {
    const set = fixtureSet();
    set.measures.push(
      measure("M04", 4, "a2", [question("M04.Q1", { appliesWhen: { hub: [true] } })]),
    );
    const flow = buildFlow(set, eastern);
    const last = flow.steps.findIndex((s) => s.question.id === "M02.Q2");
    const t = advance(flow, {}, { mode: "review", index: last });
    expect(t.state.index).toBeNull();
    expect(t.passed.map((s) => s.question.id)).toEqual(["M04.Q1"]);
  });

  it("stays at the end when already there", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    expect(advance(flow, {}, { mode: "resume", index: null })).toEqual({
      state: { mode: "resume", index: null },
      passed: [],
    });
  });
});

describe("goBack", () => {
  it("goes to the previous applicable question even when answered, skipping not-applicable ones", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    const t = goBack(flow, { mode: "resume", index: 2 });
    expect(at(flow, t.state)).toBe("M01.Q1");
    expect(t.passed.map((step) => step.question.id)).toEqual(["M01.Q2"]);
  });

  it("is blocked at the first question", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    const state: FlowState = { mode: "resume", index: 0 };
    expect(goBack(flow, state)).toEqual({ state, passed: [], blocked: "first-question" });
  });

  it("from the end goes to the last applicable question", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    const t = goBack(flow, { mode: "review", index: null });
    expect(at(flow, t.state)).toBe("M02.Q2");
  });

  it("then next in resume mode returns to where the user was", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    const answers: Answers = {
      "M01.Q1": { status: "implemented" },
      "M01.Q3": { status: "implemented" },
    };
    const start = startState(flow, answers, "resume");
    expect(at(flow, start)).toBe("M03.Q1");
    const back = goBack(flow, start);
    expect(at(flow, back.state)).toBe("M01.Q3");
    expect(at(flow, advance(flow, answers, back.state).state)).toBe("M03.Q1");
  });
});

describe("jumpToMeasure", () => {
  it("jumps to the first applicable question of a measure", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    const t = jumpToMeasure(flow, { mode: "resume", index: 0 }, "M02");
    expect(at(flow, t.state)).toBe("M02.Q2");
    // M02.Q1 does not apply to the zone: the jump says so, as walking past it would.
    expect(t.passed.map((step) => step.question.id)).toEqual(["M02.Q1"]);
  });

  it("is blocked for an unknown measure or one where nothing applies", () => {
    const set = fixtureSet();
    set.measures.push(
      measure("M04", 4, "a2", [question("M04.Q1", { appliesWhen: { hub: [true] } })]),
    );
    const flow = buildFlow(set, eastern);
    const state: FlowState = { mode: "resume", index: 0 };
    expect(jumpToMeasure(flow, state, "M99").blocked).toBe("unknown-target");
    expect(jumpToMeasure(flow, state, "M04")).toEqual({
      state,
      passed: [],
      blocked: "no-applicable-question",
    });
  });
});

describe("rebase", () => {
  it("keeps the current question when it still applies after a profile change", () => {
    const flow = buildFlow(fixtureSet(), western);
    expect(at(flow, rebase(flow, {}, "resume", "M01.Q2").state)).toBe("M01.Q2");
  });

  it("moves on when the current question no longer applies", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    const t = rebase(flow, {}, "resume", "M01.Q2");
    expect(at(flow, t.state)).toBe("M01.Q3");
    expect(t.passed).toEqual([]);
  });

  it("starts over when there was no current question", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    expect(at(flow, rebase(flow, {}, "review", undefined).state)).toBe("M01.Q1");
  });
});

describe("needsVisit", () => {
  it("never visits a question that does not apply, even when marked for review", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    const step = flow.steps[1];
    expect(step && needsVisit(step, { "M01.Q2": { review: true } })).toBe(false);
  });
});

describe("progress, summarise and measureOverview", () => {
  const answers: Answers = {
    "M01.Q1": { status: "implemented" },
    "M01.Q2": { status: "implemented" }, // answered, but does not apply to an eastern zone
    "M01.Q3": { status: "unknown", review: true },
    "M03.Q1": { status: "not_applicable", note: "no land" },
    "M03.Q2": { review: true },
  };

  it("counts progress over applicable questions", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    expect(progress(flow, answers)).toEqual({ done: 3, total: 5, ratio: 0.6 });
  });

  it("summarises the session", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    expect(summarise(flow, answers)).toEqual({
      total: 7,
      applicable: 4,
      answered: 1,
      unknown: 1,
      notApplicable: 3,
      excludedByProfile: 2,
      declaredNotApplicable: 1,
      unanswered: 2,
      review: 2,
    });
  });

  it("lists each measure with its progress", () => {
    const flow = buildFlow(fixtureSet(), eastern);
    expect(
      measureOverview(flow, answers).map((m) => [
        m.measure.id,
        m.measureNumber,
        m.counts.applicable,
        m.counts.answered,
        m.counts.review,
      ]),
    ).toEqual([
      // M01: Q2 is excluded by the profile (its answer does not count), Q3 is "don't know".
      ["M01", 1, 2, 1, 1],
      // M03: Q1 declared not applicable, Q2 only marked for review.
      ["M03", 2, 1, 0, 1],
      ["M02", 3, 1, 0, 0],
    ]);
    expect(remainingVisits(flow, answers)).toBe(3);
  });
});

describe("evidenceRequired", () => {
  it("asks for evidence where requiredFor says so", () => {
    const q = question("M01.Q1", {
      evidence: { requiredFor: ["implemented"], hint: { en: "h", zh: "h" } },
    });
    expect(evidenceRequired(q, { status: "implemented" })).toBe(true);
    expect(evidenceRequired(q, { status: "in_progress" })).toBe(false);
    expect(evidenceRequired(question("M01.Q2"), { status: "implemented" })).toBe(false);
    const rule = { requiredFor: ["implemented" as const], hint: { en: "h", zh: "h" } };
    const count = question("M01.Q4", {
      type: "number",
      target: 10,
      direction: "higher",
      evidence: rule,
    });
    expect(evidenceRequired(count, { value: 3 })).toBe(true);
    expect(evidenceRequired(count, { value: 0 })).toBe(false);
    const flag = question("M01.Q5", { type: "yesno", evidence: rule });
    expect(evidenceRequired(flag, { value: true })).toBe(true);
    expect(evidenceRequired(flag, { value: false })).toBe(false);
    const inProgress = question("M01.Q3", {
      evidence: { requiredFor: ["in_progress"], hint: { en: "h", zh: "h" } },
    });
    expect(evidenceRequired(inProgress, { value: true })).toBe(false);
  });
});
