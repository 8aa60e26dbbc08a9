// The Word report has the PDF's limits (print-limits.ts): past each of them, document.xml has
// the cut line with the exact count, in the report's language; a report with nothing cut is the
// same bytes as without limits.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { AnswersFile } from "../../src/core/model.js";
import { scoreAssessment } from "../../src/core/score.js";
import { documentMessages } from "../../src/i18n/document-messages.js";
import {
  DOCUMENT_LIMITS,
  DOCUMENT_MAX_EVIDENCE,
  DOCUMENT_MAX_EVIDENCE_TOTAL,
  DOCUMENT_MAX_TEXT,
} from "../../src/render/print-limits.js";
import { renderDocx } from "../../src/render/report-docx.js";
import { REPORT_FORMATS } from "../../src/render/reporters.js";
import { LANGS, loadReportInput } from "./document-fixtures.js";

const input = await loadReportInput();
const WORD_LIMITS = { ...DOCUMENT_LIMITS, sayLimits: "when-cut" as const };

async function documentXml(bytes: Uint8Array): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file("word/document.xml");
  if (!file) throw new Error("no word/document.xml");
  return file.async("string");
}

/** The answers with `change` applied to each of the given questions' answers. */
function withAnswers(
  answers: AnswersFile,
  ids: readonly string[],
  change: (id: string) => Record<string, unknown>,
): AnswersFile {
  const next = { ...answers.answers };
  for (const id of ids) next[id] = { ...next[id], status: "implemented", ...change(id) } as never;
  return { ...answers, answers: next };
}

async function word(answers: AnswersFile, lang: "en" | "zh"): Promise<string> {
  const assessment = scoreAssessment(input.set, answers);
  const bytes = await renderDocx(assessment, input.set, answers, {
    lang,
    top: 10,
    date: input.date,
    limits: WORD_LIMITS,
  });
  return documentXml(bytes);
}

const ids = Object.keys(input.answers.answers).filter((id) => /^M\d\d\.Q1$/.test(id));

describe("Word report limits", () => {
  it.each(LANGS)("in %s cuts a question's evidence and says how many more", async (lang) => {
    const items = DOCUMENT_MAX_EVIDENCE + 234;
    const first = ids[0]!;
    const answers = withAnswers(input.answers, [first], () => ({
      evidence: Array.from({ length: items }, (_, i) => `docs/e-${String(i).padStart(5, "0")}.pdf`),
    }));
    const xml = await word(answers, lang);
    const d = documentMessages(lang).printCuts;
    expect(xml).toContain(d.moreEvidence(234, DOCUMENT_MAX_EVIDENCE));
    expect(xml).toContain(`docs/e-${String(DOCUMENT_MAX_EVIDENCE - 1).padStart(5, "0")}.pdf`);
    expect(xml).not.toContain(`docs/e-${String(DOCUMENT_MAX_EVIDENCE).padStart(5, "0")}.pdf`);
    expect(xml).toContain(d.method(WORD_LIMITS));
  });

  it.each(LANGS)("in %s stops at the total and says each question's count", async (lang) => {
    expect(ids.length).toBeGreaterThan(DOCUMENT_MAX_EVIDENCE_TOTAL / DOCUMENT_MAX_EVIDENCE);
    const per = DOCUMENT_MAX_EVIDENCE;
    const answers = withAnswers(input.answers, ids, (id) => ({
      evidence: Array.from({ length: per }, (_, i) => `docs/${id}-${i}.pdf`),
    }));
    const xml = await word(answers, lang);
    const d = documentMessages(lang).printCuts;
    // The questions past the total: one line each, saying its count, none listed.
    expect(xml).toContain(d.moreEvidence(per, 0));
    // The fixture's own evidence of other questions counts towards the total too.
    const listed = xml.match(/docs\/M\d\d\.Q1-\d+\.pdf/g)?.length ?? 0;
    expect(listed).toBeLessThanOrEqual(DOCUMENT_MAX_EVIDENCE_TOTAL);
    expect(listed).toBeGreaterThan(DOCUMENT_MAX_EVIDENCE_TOTAL - DOCUMENT_MAX_EVIDENCE);
  });

  it.each(LANGS)("in %s cuts a long note and says how many characters more", async (lang) => {
    const first = ids[0]!;
    const note = "长a".repeat(DOCUMENT_MAX_TEXT);
    const xml = await word(
      withAnswers(input.answers, [first], () => ({ note })),
      lang,
    );
    const d = documentMessages(lang).printCuts;
    expect(xml).toContain(note.slice(0, DOCUMENT_MAX_TEXT) + d.moreCharacters(DOCUMENT_MAX_TEXT));
    expect(xml).not.toContain(note.slice(0, DOCUMENT_MAX_TEXT + 1));
    expect(xml).toContain(d.method(WORD_LIMITS));
  });

  it.each(LANGS)("in %s: with nothing cut, the same bytes as without limits", async (lang) => {
    const options = { lang, top: 10, date: input.date };
    const whole = await renderDocx(input.assessment, input.set, input.answers, options);
    const limited = await renderDocx(input.assessment, input.set, input.answers, {
      ...options,
      limits: WORD_LIMITS,
    });
    expect(Buffer.from(limited).equals(Buffer.from(whole))).toBe(true);
    expect(await documentXml(limited)).not.toContain(
      documentMessages(lang).printCuts.method(WORD_LIMITS),
    );
  });

  it("is made with the limits by `netdz report --format docx`", async () => {
    const answers = withAnswers(input.answers, [ids[0]!], () => ({
      note: "x".repeat(DOCUMENT_MAX_TEXT + 5),
    }));
    const bytes = await REPORT_FORMATS.docx.render(
      {
        assessment: scoreAssessment(input.set, answers),
        set: input.set,
        answers,
        date: input.date,
      },
      { lang: "en", top: 10 },
    );
    const xml = await documentXml(bytes);
    expect(xml).toContain(documentMessages("en").printCuts.moreCharacters(5));
  });
});
