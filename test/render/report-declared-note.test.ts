/**
 * The ‡ note under the tables: a measure whose scored questions the zone all declared not
 * applicable is marked, even when its text question is answered; the note must not claim that
 * every question of it was answered "not applicable".
 */
import { describe, expect, it } from "vitest";
import type { AnswersFile, Lang } from "../../src/core/model.js";
import { scoreAssessment } from "../../src/core/score.js";
import { renderHtml } from "../../src/render/report-html.js";
import { buildJsonReport } from "../../src/render/report-json.js";
import { renderMarkdown } from "../../src/render/report-markdown.js";
import { loadAnswers, loadDemoSet } from "./report-fixtures.js";

const set = loadDemoSet();
const M03 = set.measures.find((m) => m.id === "M03");

/** strong-eastern with M03's scored questions declared not applicable, its text one answered. */
function declaredButTextAnswered(): AnswersFile {
  const given = loadAnswers("strong-eastern");
  const answers: AnswersFile = { ...given, answers: { ...given.answers } };
  for (const q of M03?.questions ?? []) {
    answers.answers[q.id] =
      q.type === "text"
        ? { value: "A battery plant", answeredAt: "2026-03-02T09:30:00Z" }
        : { status: "not_applicable", note: "no foreign investors here" };
  }
  return answers;
}

const NOTE: Readonly<Record<Lang, RegExp>> = {
  en: /‡ Left out of the score only because the zone answered “not applicable” to every scored question in it that applies to the zone \(text questions are never scored\)\./,
  zh: /‡ 仅因开发区将其中适用于本区的全部计分题目申报为不适用而未计入得分（文字题从不计分）。/,
};

describe("the ‡ note of a measure left out by the zone's own not-applicable answers", () => {
  it("the measure has an answered text question and is still marked declaredOnly", () => {
    expect(M03?.questions.some((q) => q.type === "text")).toBe(true);
    const answers = declaredButTextAnswered();
    const json = buildJsonReport(scoreAssessment(set, answers), set, answers, { lang: "en" });
    expect(json.measures.find((m) => m.id === "M03")).toMatchObject({
      score: null,
      declaredOnly: true,
    });
  });

  it.each<Lang>(["en", "zh"])(
    "says in %s that only scored questions count (Markdown, HTML)",
    (lang) => {
      const answers = declaredButTextAnswered();
      const assessment = scoreAssessment(set, answers);
      const md = renderMarkdown(assessment, set, answers, { lang, top: 10 });
      const html = renderHtml(assessment, set, answers, { lang, top: 10 });
      expect(md).toMatch(NOTE[lang]);
      expect(html).toMatch(NOTE[lang]);
      expect(md).not.toContain("all of its questions");
      expect(md).not.toContain("将其全部题目");
    },
  );
});

describe("no overall score only because the zone declared every scored question not applicable", () => {
  /** Every scored question declared not applicable; the text questions answered. */
  function allScoredDeclared(): AnswersFile {
    const given = loadAnswers("strong-eastern");
    const answers: AnswersFile = { ...given, answers: {} };
    for (const q of set.measures.flatMap((m) => m.questions)) {
      answers.answers[q.id] =
        q.type === "text" ? { value: "A battery plant" } : { status: "not_applicable", note: "n" };
    }
    return answers;
  }

  const SAYS: Readonly<Record<Lang, string>> = {
    en: "The zone itself declared every scored question that applies to its profile not applicable (text questions are never scored), so there is no overall score.",
    zh: "适用于本开发区情况的计分题目全部被开发区自行声明为不适用（文字题从不计分），因此没有总分。",
  };
  const NONE: Readonly<Record<Lang, RegExp>> = {
    en: /No question applies to this zone/,
    zh: /本开发区没有适用的问题/,
  };

  it.each<Lang>(["en", "zh"])(
    "says so in %s (Markdown and HTML), not that nothing applies",
    (lang) => {
      const answers = allScoredDeclared();
      const assessment = scoreAssessment(set, answers);
      expect(assessment.overall.score).toBeNull();
      const md = renderMarkdown(assessment, set, answers, { lang, top: 10 });
      const html = renderHtml(assessment, set, answers, { lang, top: 10 });
      expect(md).toContain(SAYS[lang]);
      expect(html).toContain(SAYS[lang]);
      expect(md).not.toMatch(NONE[lang]);
      expect(html).not.toMatch(NONE[lang]);
    },
  );
});
