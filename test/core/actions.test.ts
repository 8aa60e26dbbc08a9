import { describe, expect, it } from "vitest";
import {
  actionPlan,
  compareActions,
  isCalendarDate,
  isOverdue,
  type ActionReport,
} from "../../src/core/actions.js";
import type { AnswersFile } from "../../src/core/model.js";
import { scoreAssessment } from "../../src/core/score.js";
import { buildJsonReport } from "../../src/render/report-json.js";
import { loadAnswers, loadDemoSet } from "../render/report-fixtures.js";

const set = loadDemoSet();

/** The half-finished demo zone with owners and due dates added to some answers. */
function withActions(extra: Record<string, { owner?: string; due?: string }>): AnswersFile {
  const answers = loadAnswers("half-finished");
  const entries = { ...answers.answers };
  for (const [id, fields] of Object.entries(extra)) entries[id] = { ...entries[id], ...fields };
  return { ...answers, answers: entries };
}

describe("calendar dates", () => {
  it("accepts real YYYY-MM-DD days only", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-1-01")).toBe(false);
    expect(isCalendarDate("2026-01-01T00:00:00Z")).toBe(false);
    expect(isCalendarDate(20260101)).toBe(false);
  });

  it("is overdue only when due before the report date", () => {
    expect(isOverdue("2026-05-01", "2026-05-02")).toBe(true);
    expect(isOverdue("2026-05-02", "2026-05-02")).toBe(false);
    expect(isOverdue("2026-05-03", "2026-05-02")).toBe(false);
    expect(isOverdue(undefined, "2026-05-02")).toBe(false);
    expect(isOverdue("2026-05-01", undefined)).toBe(false);
  });
});

describe("the action plan", () => {
  it("lists the gaps with an owner or a due date, earliest due first, undated last", () => {
    const answers = withActions({
      "M01.Q1": { owner: " Science bureau ", due: "2026-09-30" },
      "M02.Q1": { due: "2026-03-01" },
      "M03.Q1": { owner: "Investment office" },
      "M04.Q1": { owner: "   " },
      "M05.Q1": { due: "2026-02-30" },
    });
    const assessment = scoreAssessment(set, answers);
    const gaps = new Set(assessment.gaps.map((g) => g.id));
    const plan = actionPlan(assessment, "2026-06-01");
    const expected = [
      { id: "M02.Q1", due: "2026-03-01", overdue: true },
      { id: "M01.Q1", owner: "Science bureau", due: "2026-09-30", overdue: false },
      { id: "M03.Q1", owner: "Investment office", overdue: false },
    ].filter((item) => gaps.has(item.id));
    expect(expected.length).toBeGreaterThan(1);
    expect(plan.map(({ id, owner, due, overdue }) => ({ id, owner, due, overdue }))).toEqual(
      expected.map((item) => ({ owner: undefined, due: undefined, ...item })),
    );
  });

  it("leaves out answers that lose no points, even with an owner", () => {
    const assessment = scoreAssessment(set, loadAnswers("strong-eastern"));
    const full = assessment.questions.find((q) => q.gap === 0);
    expect(full).toBeDefined();
    const answers = loadAnswers("strong-eastern");
    answers.answers[full?.id ?? ""] = { ...answers.answers[full?.id ?? ""], owner: "Someone" };
    expect(actionPlan(scoreAssessment(set, answers), "2030-01-01")).toEqual([]);
  });
});

function report(date: string, actions: ActionReport["actions"], gaps: string[]): ActionReport {
  return { date, actions, gaps: gaps.map((id) => ({ id })) };
}

describe("comparing two reports' action plans", () => {
  it("tells completed, slipped and added actions apart", () => {
    const older = report(
      "2026-03-01",
      [
        { id: "M01.Q1", owner: "A", due: "2026-04-01" },
        { id: "M01.Q2", owner: "B", due: "2026-06-01" },
        { id: "M02.Q1", due: "2026-12-31" },
        { id: "M03.Q1", owner: "C" },
      ],
      ["M01.Q1", "M01.Q2", "M02.Q1", "M03.Q1"],
    );
    const newer = report(
      "2026-07-01",
      [
        { id: "M01.Q2", owner: "B", due: "2026-06-01" },
        { id: "M02.Q1", due: "2026-12-31" },
        { id: "M03.Q1", owner: "C" },
        { id: "M04.Q2", owner: "D", due: "2026-08-01" },
      ],
      ["M01.Q2", "M02.Q1", "M03.Q1", "M04.Q2"],
    );
    expect(compareActions(older, newer)).toEqual({
      completed: [{ id: "M01.Q1", owner: "A", due: "2026-04-01" }],
      slipped: [{ id: "M01.Q2", owner: "B", due: "2026-06-01" }],
      added: [{ id: "M04.Q2", owner: "D", due: "2026-08-01" }],
    });
  });

  it("counts an action whose owner or date was removed but whose gap is still open as slipped by its old date", () => {
    const older = report("2026-01-01", [{ id: "M01.Q1", due: "2026-02-01" }], ["M01.Q1"]);
    const newer = report("2026-03-01", [], ["M01.Q1"]);
    expect(compareActions(older, newer)).toEqual({
      completed: [],
      slipped: [{ id: "M01.Q1", due: "2026-02-01" }],
      added: [],
    });
  });

  it("works on two JSON reports as netdz report --format json writes them", () => {
    const before = withActions({ "M01.Q2": { owner: "Science bureau", due: "2026-05-01" } });
    const olderJson = buildJsonReport(scoreAssessment(set, before), set, before, {
      lang: "en",
      date: "2026-04-01",
    });
    const after = withActions({ "M02.Q1": { owner: "Land office" } });
    after.answers["M01.Q2"] = { value: 1000, owner: "Science bureau", due: "2026-05-01" };
    const newerJson = buildJsonReport(scoreAssessment(set, after), set, after, {
      lang: "en",
      date: "2026-06-01",
    });
    expect(olderJson.actions.map((a) => a.id)).toEqual(["M01.Q2"]);
    expect(newerJson.gaps.map((g) => g.id)).not.toContain("M01.Q2");
    const result = compareActions(olderJson, newerJson);
    expect(result.completed).toEqual([
      { id: "M01.Q2", owner: "Science bureau", due: "2026-05-01" },
    ]);
    expect(result.added).toEqual([{ id: "M02.Q1", owner: "Land office" }]);
    expect(result.slipped).toEqual([]);
  });
});
