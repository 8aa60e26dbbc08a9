import { describe, expect, it } from "vitest";
import {
  answerState,
  composeAnswer,
  countAnswers,
  declaredNotApplicableShare,
  detailedState,
  formatNumber,
  isSettled,
  settledCount,
  timestamp,
  valueInWords,
  withNote,
  withReviewMark,
  withUnit,
} from "../../src/core/answer.js";
import type { Answer, Question, QuestionType } from "../../src/core/model.js";

function question(type: QuestionType, extra: Partial<Question> = {}): Question {
  return {
    id: "M01.Q1",
    type,
    text: { en: "Text", zh: "题目" },
    guidance: { en: "Guidance", zh: "指引" },
    weight: 1,
    ...extra,
  };
}

describe("answerState", () => {
  it.each<[QuestionType, Answer | null | undefined, string]>([
    ["status", undefined, "unanswered"],
    // `M01.Q1:` with nothing after it reads as null.
    ["status", null, "unanswered"],
    ["status", {}, "unanswered"],
    ["status", { review: true }, "unanswered"],
    ["status", { note: "only a note" }, "unanswered"],
    ["status", { evidence: ["a.pdf"] }, "unanswered"],
    ["status", { status: "implemented" }, "answered"],
    ["status", { status: "not_started" }, "answered"],
    ["status", { status: "unknown" }, "unknown"],
    ["status", { status: "not_applicable", note: "x" }, "not_applicable"],
    // A value on a status question, a status on a value question: the wrong kind of answer.
    ["status", { value: true }, "unanswered"],
    ["yesno", { status: "implemented" }, "unanswered"],
    ["yesno", { value: false }, "answered"],
    ["yesno", { value: "yes" }, "unanswered"],
    ["yesno", { status: "unknown" }, "unknown"],
    ["number", { value: 0 }, "answered"],
    ["number", { value: "12" }, "unanswered"],
    ["number", { value: Number.NaN }, "unanswered"],
    ["choice", { value: "a" }, "answered"],
    ["choice", { value: ["a"] }, "unanswered"],
    ["multi", { value: [] }, "answered"],
    ["multi", { value: "a" }, "unanswered"],
    ["text", { value: "  " }, "unanswered"],
    ["text", { value: "Done in May" }, "answered"],
    ["text", { status: "not_applicable" }, "not_applicable"],
  ])("%s question, %j → %s", (type, answer, expected) => {
    expect(answerState(question(type), answer)).toBe(expected);
  });

  it("keeps the status of a status question in the detailed state", () => {
    expect(detailedState(question("status"), { status: "planned" })).toBe("planned");
    expect(detailedState(question("number"), { value: 3 })).toBe("answered");
    expect(isSettled(question("status"), { status: "unknown" })).toBe(true);
    expect(isSettled(question("status"), { review: true })).toBe(false);
  });
});

describe("countAnswers", () => {
  it("counts every question once, by profile, declared not applicable and state", () => {
    const counts = countAnswers([
      { applies: true, state: "answered", review: false },
      { applies: true, state: "answered", review: true },
      { applies: true, state: "unknown", review: false },
      { applies: true, state: "unanswered", review: true },
      { applies: true, state: "not_applicable", review: false },
      { applies: false, state: "answered", review: false },
      { applies: false, state: "unanswered", review: false },
    ]);
    expect(counts).toEqual({
      total: 7,
      applicable: 4,
      answered: 2,
      unknown: 1,
      unanswered: 1,
      notApplicable: 3,
      excludedByProfile: 2,
      declaredNotApplicable: 1,
      review: 2,
    });
    expect(settledCount(counts)).toBe(4);
    expect(declaredNotApplicableShare(counts)).toBe(0.2);
    expect(declaredNotApplicableShare(countAnswers([]))).toBeNull();
  });
});

describe("a value in words", () => {
  const words = { yes: "Yes", no: "No", noneSelected: "none", listSeparator: ", " };
  const options = [
    { id: "a", label: { en: "Alpha", zh: "甲" }, score: 1 },
    { id: "b", label: { en: "Beta", zh: "乙" }, score: 0 },
  ];

  it("uses one rounding rule and one unit spacing for screens and reports", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(1.23456)).toBe("1.23456");
    expect(formatNumber(1200)).toBe("1200");
    // Every number a saved answer keeps (15 significant digits) is shown as it was typed.
    expect(formatNumber(123456789012345)).toBe("123456789012345");
    expect(formatNumber(0.00000123456789012345)).toBe("0.00000123456789012345");
    expect(withUnit(12, "ha")).toBe("12 ha");
    expect(withUnit(1.3, "PUE")).toBe("1.3 PUE");
    expect(withUnit(84, "%")).toBe("84%");
    expect(withUnit(12, "公顷")).toBe("12公顷");
    expect(withUnit(12, undefined)).toBe("12");
  });

  it("names yes/no, options and numbers with their unit", () => {
    const unit = { en: "ha", zh: "公顷" };
    expect(valueInWords(question("number", { unit }), 2.5, words, "en")).toBe("2.5 ha");
    expect(valueInWords(question("yesno"), false, words, "en")).toBe("No");
    expect(valueInWords(question("choice", { options }), "b", words, "zh")).toBe("乙");
    expect(valueInWords(question("multi", { options }), ["a", "b"], words, "en")).toBe(
      "Alpha, Beta",
    );
    expect(valueInWords(question("multi", { options }), [], words, "en")).toBe("none");
    expect(valueInWords(question("text"), "As planned", words, "en")).toBe("As planned");
  });
});

describe("edits to an answer", () => {
  const now = new Date("2026-11-26T10:00:00.123Z");

  it("formats timestamps in UTC without milliseconds", () => {
    expect(timestamp(now)).toBe("2026-11-26T10:00:00Z");
  });

  it("composes a status answer and keeps the review mark until the user removes it", () => {
    expect(
      composeAnswer({ status: "planned", review: true }, { status: "implemented" }, now),
    ).toEqual({ status: "implemented", answeredAt: "2026-11-26T10:00:00Z", review: true });
    expect(composeAnswer({ status: "planned" }, { status: "implemented" }, now)).toEqual({
      status: "implemented",
      answeredAt: "2026-11-26T10:00:00Z",
    });
  });

  it("keeps a note read from the file exactly as it is (blanks and line ends too)", () => {
    for (const note of [
      "folded one folded two\npara two\n",
      "trailing space   ",
      "keep\n\n",
      " ",
    ]) {
      expect(composeAnswer({ status: "planned", note }, { status: "implemented" }, now)).toEqual({
        status: "implemented",
        note,
        answeredAt: "2026-11-26T10:00:00Z",
      });
    }
  });

  it("keeps earlier evidence and note, and takes new ones when given", () => {
    const previous = { status: "in_progress" as const, evidence: ["a.pdf"], note: "n" };
    expect(composeAnswer(previous, { status: "implemented" }, now)).toEqual({
      status: "implemented",
      evidence: ["a.pdf"],
      note: "n",
      answeredAt: "2026-11-26T10:00:00Z",
    });
    expect(
      composeAnswer(previous, { status: "implemented" }, now, { evidence: [], note: " " }),
    ).toEqual({ status: "implemented", answeredAt: "2026-11-26T10:00:00Z" });
  });

  it("keeps a not-applicable justification as the note when the answer changes", () => {
    const previous = { status: "not_applicable" as const, note: "why" };
    expect(composeAnswer(previous, { value: 4 }, now)).toEqual({
      value: 4,
      note: "why",
      answeredAt: "2026-11-26T10:00:00Z",
    });
    expect(composeAnswer(previous, { status: "planned" }, now)).toEqual({
      status: "planned",
      note: "why",
      answeredAt: "2026-11-26T10:00:00Z",
    });
    expect(
      composeAnswer(undefined, { status: "not_applicable" }, now, { note: " no port " }),
    ).toEqual({ status: "not_applicable", note: " no port ", answeredAt: "2026-11-26T10:00:00Z" });
  });

  it("marks and unmarks for review", () => {
    expect(withReviewMark(undefined, true)).toEqual({ review: true });
    expect(withReviewMark({ review: true }, false)).toBeUndefined();
    expect(withReviewMark({ status: "planned" }, true)).toEqual({
      status: "planned",
      review: true,
    });
    expect(withReviewMark({ status: "planned", review: true }, false)).toEqual({
      status: "planned",
    });
  });

  it("sets (as typed) and removes a note", () => {
    expect(withNote({ status: "planned" }, " due in May ")).toEqual({
      status: "planned",
      note: " due in May ",
    });
    expect(withNote({ status: "planned", note: "x" }, "")).toEqual({ status: "planned" });
    expect(withNote({ status: "planned", note: "x" }, " \t ")).toEqual({ status: "planned" });
    expect(withNote(undefined, "")).toBeUndefined();
  });
});

describe("composeAnswer keeps the time of an answer confirmed unchanged", () => {
  const earlier = "2026-01-02T03:04:05Z";
  const now = new Date("2026-11-26T10:00:00.123Z");

  it.each([
    [{ status: "planned" as const, answeredAt: earlier }, { status: "planned" as const }, earlier],
    [{ value: ["a", "b"], answeredAt: earlier }, { value: ["a", "b"] }, earlier],
    [
      { status: "planned" as const, answeredAt: earlier },
      { status: "implemented" as const },
      "2026-11-26T10:00:00Z",
    ],
    [{ value: 3, answeredAt: earlier }, { value: 4 }, "2026-11-26T10:00:00Z"],
    [undefined, { value: 4 }, "2026-11-26T10:00:00Z"],
  ])("%j then %j → %s", (previous, choice, expected) => {
    expect(composeAnswer(previous, choice, now).answeredAt).toBe(expected);
  });
});
