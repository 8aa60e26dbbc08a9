import { describe, expect, it } from "vitest";
import {
  categorise,
  diffAssessments,
  regressedMeasures,
  sameZone,
  type DiffSide,
  type QuestionCategory,
} from "../../src/core/diff.js";
import type { Answer, AnswersFile, Zone } from "../../src/core/model.js";
import { scoreAssessment } from "../../src/core/score.js";
import { loadDemoSet } from "../render/report-fixtures.js";

const set = loadDemoSet();
const ZONE: Zone = {
  name: "Suhe ETDZ",
  province: "Jiangsu",
  region: "eastern",
  westernHubArea: false,
  customsArea: true,
};

/** Every question of the demo set answered in the middle, so each can move either way. */
const BASE: Record<string, Answer> = {
  "M01.Q1": { status: "in_progress" },
  "M01.Q2": { value: 1.5 },
  "M01.Q3": { value: ["pilot"] },
  "M02.Q1": { status: "in_progress" },
  "M03.Q1": { value: "dedicated" },
  "M03.Q2": { value: false },
  "M04.Q1": { status: "planned" },
  "M04.Q2": { status: "in_progress", evidence: ["https://example.org/a"] },
  "M05.Q1": { status: "in_progress" },
  "M05.Q2": { value: 45 },
  "M05.Q3": { status: "in_progress" },
  "M06.Q1": { status: "in_progress" },
  "M06.Q2": { value: "lease-only" },
  "M06.Q3": { value: false },
};

function side(
  file: string,
  answers: Record<string, Answer | undefined>,
  zone: Zone = ZONE,
): DiffSide {
  const data: AnswersFile = {
    format: "netdz-answers/1",
    measureSet: { id: set.id, version: set.version },
    zone,
    answers: Object.fromEntries(
      Object.entries(answers).filter((e): e is [string, Answer] => e[1] !== undefined),
    ),
  };
  return { file, answers: data, assessment: scoreAssessment(set, data) };
}

function moved(question: string, before: Answer | undefined, after: Answer | undefined) {
  return diffAssessments(
    side("old.yaml", { ...BASE, [question]: before }),
    side("new.yaml", { ...BASE, [question]: after }),
  );
}

describe("question categories", () => {
  it.each<[string, string, Answer | undefined, Answer | undefined, QuestionCategory | undefined]>([
    [
      "a status going up improved",
      "M01.Q1",
      { status: "planned" },
      { status: "implemented" },
      "improved",
    ],
    ["a value going up improved", "M01.Q2", { value: 1 }, { value: 2.5 }, "improved"],
    [
      "a status going down regressed",
      "M01.Q1",
      { status: "implemented" },
      { status: "in_progress" },
      "regressed",
    ],
    [
      "a choice going down regressed",
      "M03.Q1",
      { value: "overseas" },
      { value: "adhoc" },
      "regressed",
    ],
    [
      "unanswered to answered is newly answered",
      "M05.Q3",
      undefined,
      { status: "planned" },
      "newlyAnswered",
    ],
    [
      "don't know to answered is newly answered",
      "M05.Q2",
      { status: "unknown" },
      { value: 10 },
      "newlyAnswered",
    ],
    [
      "an answer to don't know became don't know",
      "M01.Q1",
      { status: "implemented" },
      { status: "unknown" },
      "becameUnknown",
    ],
    [
      "unanswered to don't know became don't know",
      "M01.Q1",
      undefined,
      { status: "unknown" },
      "becameUnknown",
    ],
    [
      "answered not applicable became not applicable",
      "M06.Q1",
      { status: "implemented" },
      { status: "not_applicable", note: "no land left" },
      "becameNotApplicable",
    ],
    [
      "the same answer did not move",
      "M01.Q1",
      { status: "planned" },
      { status: "planned" },
      undefined,
    ],
    [
      "a new note alone did not move",
      "M01.Q1",
      { status: "planned" },
      { status: "planned", note: "x" },
      undefined,
    ],
  ])("%s", (_name, question, before, after, category) => {
    const diff = moved(question, before, after);
    const found = Object.entries(diff.questions).flatMap(([c, list]) =>
      list.filter((q) => q.id === question).map(() => c),
    );
    expect(found).toEqual(category === undefined ? [] : [category]);
    // Only the question that was changed moves.
    const all = Object.values(diff.questions).flat();
    expect(all.every((q) => q.id === question)).toBe(true);
  });

  it("a profile change that excludes questions makes them not applicable", () => {
    const diff = diffAssessments(
      side("old.yaml", BASE),
      side("new.yaml", BASE, { ...ZONE, customsArea: false }),
    );
    expect(diff.questions.becameNotApplicable.map((q) => q.id)).toEqual(["M04.Q1", "M04.Q2"]);
    const m04 = diff.measures.find((m) => m.id === "M04");
    expect(m04).toMatchObject({ new: null, change: null });
  });

  it("records old and new state, score and change", () => {
    const diff = moved("M01.Q1", { status: "planned" }, { status: "implemented" });
    expect(diff.questions.improved).toEqual([
      {
        id: "M01.Q1",
        measure: "M01",
        oldState: "planned",
        newState: "implemented",
        old: 0.25,
        new: 1,
        change: 0.75,
      },
    ]);
  });

  it("categorise takes the first category that fits", () => {
    const before = side("a", { ...BASE, "M01.Q1": { status: "implemented" } }).assessment;
    const after = side("b", { ...BASE, "M01.Q1": { status: "unknown" } }).assessment;
    const q = (a: typeof before) => a.questions.find((x) => x.id === "M01.Q1");
    // Implemented → don't know is also a lower score; "became don't know" comes first.
    expect(categorise(q(before)!, q(after)!)).toBe("becameUnknown");
  });
});

describe("scores, gaps and evidence", () => {
  it("gives the overall, area and measure changes as differences of the two assessments", () => {
    const before = side("old.yaml", BASE);
    const after = side("new.yaml", {
      ...BASE,
      "M01.Q1": { status: "implemented" },
      "M05.Q1": { status: "not_started" },
    });
    const diff = diffAssessments(before, after);
    expect(diff.overall.change).toBe(
      (after.assessment.overall.score ?? 0) - (before.assessment.overall.score ?? 0),
    );
    diff.measures.forEach((m, i) => {
      const a = before.assessment.measures[i]?.score ?? null;
      const b = after.assessment.measures[i]?.score ?? null;
      expect([m.old, m.new, m.change]).toEqual([a, b, a === null || b === null ? null : b - a]);
    });
    expect(regressedMeasures(diff).map((m) => m.id)).toEqual(["M05"]);
  });

  it("names a band change", () => {
    const all = Object.fromEntries(
      set.measures
        .flatMap((m) => m.questions)
        .map((q) => [q.id, { status: "not_started" } as Answer]),
    );
    const diff = diffAssessments(side("old.yaml", all), side("new.yaml", BASE));
    expect(diff.overall.bandChanged).toBe(true);
    expect(diff.overall.oldBand?.label.en).toBe("Initial");
    expect(diffAssessments(side("a", BASE), side("b", BASE)).overall.bandChanged).toBe(false);
  });

  it("lists gaps closed with their old points and new gaps with their new points", () => {
    const before = side("old.yaml", {
      ...BASE,
      "M01.Q1": { status: "planned" },
      "M02.Q1": { status: "implemented" },
    });
    const after = side("new.yaml", {
      ...BASE,
      "M01.Q1": { status: "implemented" },
      "M02.Q1": { status: "planned" },
    });
    const diff = diffAssessments(before, after);
    const gap = (s: DiffSide, id: string) => s.assessment.questions.find((q) => q.id === id)?.gap;
    expect(diff.gapsClosed).toEqual([
      { id: "M01.Q1", measure: "M01", points: gap(before, "M01.Q1") },
    ]);
    expect(diff.newGaps).toEqual([{ id: "M02.Q1", measure: "M02", points: gap(after, "M02.Q1") }]);
  });

  it("lists evidence added and removed", () => {
    const diff = moved(
      "M04.Q2",
      { status: "in_progress", evidence: ["https://example.org/a", "https://example.org/b"] },
      { status: "in_progress", evidence: ["https://example.org/b", "docs/c.pdf"] },
    );
    expect(diff.evidenceAdded).toEqual([{ question: "M04.Q2", item: "docs/c.pdf" }]);
    expect(diff.evidenceRemoved).toEqual([{ question: "M04.Q2", item: "https://example.org/a" }]);
  });

  it("compares long evidence lists in time linear in their length", () => {
    // 100,000 items each side, one changed: compared item by item this took over two minutes.
    const items = Array.from({ length: 100_000 }, (_, i) => `https://example.org/e/${i}.pdf`);
    const changed = items.map((item, i) => (i === 5 ? "docs/new.pdf" : item));
    const started = performance.now();
    const diff = moved(
      "M04.Q2",
      { status: "in_progress", evidence: items },
      { status: "in_progress", evidence: changed },
    );
    expect(performance.now() - started).toBeLessThan(5000);
    expect(diff.evidenceAdded).toEqual([{ question: "M04.Q2", item: "docs/new.pdf" }]);
    expect(diff.evidenceRemoved).toEqual([
      { question: "M04.Q2", item: "https://example.org/e/5.pdf" },
    ]);
  });

  it("tells whether the two files are the same zone", () => {
    expect(sameZone(ZONE, { ...ZONE, name: " Suhe  ETDZ " })).toBe(true);
    expect(sameZone(ZONE, { ...ZONE, province: "Zhejiang" })).toBe(false);
    const diff = diffAssessments(side("a", BASE), side("b", BASE, { ...ZONE, name: "Other" }));
    expect(diff.sameZone).toBe(false);
  });
});

describe("actions completed, slipped and added", () => {
  const dated = (s: DiffSide, reportDate: string | undefined): DiffSide =>
    reportDate === undefined ? s : { ...s, reportDate };
  const before = side("old.yaml", {
    ...BASE,
    "M01.Q1": { status: "in_progress", owner: "Science bureau", due: "2026-03-31" },
    "M04.Q1": { status: "planned", owner: "Bonded zone office", due: "2026-09-30" },
    "M06.Q1": { status: "in_progress", due: "2026-01-15" },
  });
  const after = side("new.yaml", {
    ...BASE,
    "M01.Q1": { status: "implemented", owner: "Science bureau", due: "2026-03-31" },
    "M04.Q1": { status: "in_progress", owner: "Bonded zone office", due: "2026-09-30" },
    "M06.Q1": { status: "in_progress", due: "2026-01-15" },
    "M05.Q3": { status: "in_progress", owner: "Approval bureau" },
  });

  it("tells them apart by the new side's report date, with each action's measure", () => {
    const diff = diffAssessments(dated(before, "2026-01-01"), dated(after, "2026-06-02"));
    expect(diff.actions).toEqual({
      date: "2026-06-02",
      completed: [{ id: "M01.Q1", measure: "M01", owner: "Science bureau", due: "2026-03-31" }],
      slipped: [{ id: "M06.Q1", measure: "M06", due: "2026-01-15" }],
      added: [{ id: "M05.Q3", measure: "M05", owner: "Approval bureau" }],
    });
  });

  it("measures slipping against the new report date, not the old one", () => {
    // On the day after M04.Q1 was due, it has slipped as well; due on the day itself it has not.
    const late = diffAssessments(dated(before, "2026-10-31"), dated(after, "2026-10-01"));
    expect(late.actions.slipped.map((a) => a.id)).toEqual(["M04.Q1", "M06.Q1"]);
    const onTime = diffAssessments(dated(before, "2026-10-31"), dated(after, "2026-09-30"));
    expect(onTime.actions.slipped.map((a) => a.id)).toEqual(["M06.Q1"]);
  });

  it("lets nothing slip when the new side has no date", () => {
    const diff = diffAssessments(before, after);
    expect(diff.actions.date).toBeUndefined();
    expect(diff.actions.slipped).toEqual([]);
    expect(diff.actions.completed.map((a) => a.id)).toEqual(["M01.Q1"]);
  });

  it("has no actions when no answer has an owner or a due date", () => {
    expect(diffAssessments(side("a", BASE), side("b", BASE)).actions).toEqual({
      completed: [],
      slipped: [],
      added: [],
    });
  });
});
