import path from "node:path";
import { trustMessages } from "../../src/i18n/report-trust-messages.js";
import { describe, expect, it } from "vitest";
import { buildFlow, positionOf, progress, summarise } from "../../src/core/flow.js";
import type { Answer, AnswersFile } from "../../src/core/model.js";
import { scoreAssessment, scoreLeftOutByZone } from "../../src/core/score.js";
import { loadValidSet } from "../../src/fs/workspace.js";
import { assessMessages } from "../../src/i18n/assess-messages.js";
import { displayWidth, progressBar } from "../../src/prompts/layout.js";
import { questionScreenLines, summaryScreenLines } from "../../src/prompts/screens.js";
import { FIXTURES } from "../helpers.js";

const set = await loadValidSet(path.join(FIXTURES, "sets", "mini", "1.0.0"), FIXTURES);
const zone = { name: "Z", region: "eastern", hub: false };

describe("the progress bar (QA 3 #7)", () => {
  it("is full only when all is done", () => {
    expect(progressBar(104 / 105, 30)).toEqual({ done: "█".repeat(29), rest: "░" });
    expect(progressBar(1, 30)).toEqual({ done: "█".repeat(30), rest: "" });
    expect(progressBar(0, 30)).toEqual({ done: "", rest: "░".repeat(30) });
    expect(progressBar(0.5, 30).done).toHaveLength(15);
    for (let done = 0; done < 105; done++) expect(progressBar(done / 105, 30).rest).not.toBe("");
  });
});

describe("the question screen", () => {
  it.each(["en", "zh"] as const)(
    "keeps every line within the width (%s), long answers included",
    (lang) => {
      const flow = buildFlow(set, zone);
      const answers = { "M02.Q3": { value: ["bonds", "listing"], review: true } };
      const index = flow.steps.findIndex((s) => s.question.id === "M02.Q3");
      const step = flow.steps[index];
      if (!step) throw new Error("M02.Q3 missing from the flow");
      const width = 40; // the narrowest layout assess uses
      const lines = questionScreenLines(
        {
          set,
          step,
          position: positionOf(flow, index),
          progress: progress(flow, answers),
          answer: answers["M02.Q3"],
          notices: [],
          showGuidance: true,
          width,
        },
        assessMessages(lang),
        lang,
      );
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(lines.join("\n")).toMatch(lang === "en" ? /Bonds/ : /债券/);
    },
  );
});

describe("the summary screen", () => {
  it("shows the counts and the score as the report does, rounded down near a band's edge", () => {
    const flow = buildFlow(set, zone);
    const answers = {
      "M01.Q1": { status: "implemented" as const },
      "M01.Q3": { status: "unknown" as const, review: true },
      "M02.Q1": { status: "not_applicable" as const, note: "no" },
    };
    const m = assessMessages("en");
    const lines = summaryScreenLines(
      {
        counts: summarise(flow, answers),
        progress: progress(flow, answers),
        overall: { score: 84.96, band: { min: 65, label: { en: "Advancing", zh: "推进" } } },
        width: 60,
      },
      m,
      "en",
    );
    const text = lines.join("\n");
    expect(text).toMatch(/Answered +1\n/);
    expect(text).toMatch(/Don't know +1\n/);
    // One declared by the zone, one excluded by the profile (M02.Q2 is for hub zones).
    expect(text).toMatch(/Not applicable \(1 by zone profile\) +2\n/);
    expect(text).toMatch(/Marked for review +1\n/);
    expect(text).toContain("Score preview: 84.9 / 100 — Advancing");
  });
});

describe("the summary screen when the zone declared much of the plan not applicable", () => {
  it.each(["en", "zh"] as const)(
    "gives the report's warning (%s) above 20 %%, and none at or below it",
    (lang) => {
      const flow = buildFlow(set, zone);
      const m = assessMessages(lang);
      const warning = trustMessages(lang).declaredWarning("60.0%", "20%");
      const base = {
        counts: summarise(flow, {}),
        progress: progress(flow, {}),
        width: 400,
      };
      const band = { min: 65, label: { en: "Advancing", zh: "推进" } };
      const high = summaryScreenLines(
        { ...base, overall: { score: 100, band, declaredNotApplicableShare: 0.6 } },
        m,
        lang,
      );
      expect(high).toContain(warning);
      const low = summaryScreenLines(
        { ...base, overall: { score: 100, band, declaredNotApplicableShare: 0.2 } },
        m,
        lang,
      );
      expect(low.join("\n")).not.toContain(trustMessages(lang).declaredWarning("20.0%", "20%"));
      expect(low.some((line) => line.startsWith(warning.slice(0, 8)))).toBe(false);
    },
  );
});

describe("the summary screen without a score", () => {
  it.each(["en", "zh"] as const)(
    "says (%s) that the zone declared the scored questions not applicable, when it did",
    (lang) => {
      const answers: Record<string, Answer> = {};
      for (const q of set.measures.flatMap((m) => m.questions)) {
        answers[q.id] =
          q.type === "text" ? { value: "x" } : { status: "not_applicable", note: "no" };
      }
      const assessment = scoreAssessment(set, { ...fileFor(answers) });
      expect(assessment.overall.score).toBeNull();
      const flow = buildFlow(set, zone);
      const m = assessMessages(lang);
      const screen = {
        counts: summarise(flow, answers),
        progress: progress(flow, answers),
        overall: assessment.overall,
        width: 60,
      };
      const declared = summaryScreenLines(
        { ...screen, leftOutByZone: scoreLeftOutByZone(assessment) },
        m,
        lang,
      );
      expect(declared).toContain(m.end.noScoreDeclared);
      expect(declared).not.toContain(m.end.noScore);
      expect(summaryScreenLines(screen, m, lang)).toContain(m.end.noScore);
    },
  );
});

function fileFor(answers: Record<string, Answer>): AnswersFile {
  return {
    format: "netdz-answers/1",
    measureSet: { id: set.id, version: set.version },
    zone,
    answers,
  };
}
