/**
 * The gap report as JSON (`netdz-report/1`, schema in src/core/schemas/report-schema.ts). Scores
 * are unrounded: question scores s in 0…1, measure, area and overall scores in 0…100, gaps in points
 * of the overall score; `null` where not applicable. Pure and deterministic.
 */
import { REPORT_FORMAT, type AnswersFile, type Lang, type MeasureSet } from "../core/model.js";
import type { Assessment, Counts, QuestionResult, QuestionState } from "../core/score.js";

export interface JsonOptions {
  /** Language of the band label. */
  lang: Lang;
  /** YYYY-MM-DD; left out when undefined. */
  date?: string;
}

export interface JsonQuestion {
  id: string;
  measure: string;
  status: QuestionState;
  score: number | null;
  gap: number | null;
}

export interface JsonReport {
  format: typeof REPORT_FORMAT;
  lang: Lang;
  date?: string;
  measureSet: { id: string; version: string };
  zone: AnswersFile["zone"];
  overall: { score: number | null; band: string | null; completeness: number | null };
  areas: { id: string; weight: number; score: number | null }[];
  measures: { id: string; area: string; score: number | null; applicable: boolean }[];
  questions: JsonQuestion[];
  gaps: JsonQuestion[];
  counts: Counts;
}

function jsonQuestion(q: QuestionResult): JsonQuestion {
  return { id: q.id, measure: q.measure, status: q.state, score: q.score, gap: q.gap };
}

/** The report as a plain object, in the shape of the JSON schema. */
export function buildJsonReport(
  assessment: Assessment,
  set: MeasureSet,
  answers: AnswersFile,
  options: JsonOptions,
): JsonReport {
  const { overall } = assessment;
  return {
    format: REPORT_FORMAT,
    lang: options.lang,
    ...(options.date === undefined ? {} : { date: options.date }),
    measureSet: { id: set.id, version: set.version },
    zone: answers.zone ?? {},
    overall: {
      score: overall.score,
      band: overall.band ? overall.band.label[options.lang] : null,
      completeness: overall.completeness,
    },
    areas: assessment.areas.map((a) => ({ id: a.id, weight: a.weight, score: a.score })),
    measures: assessment.measures.map((m) => ({
      id: m.id,
      area: m.area,
      score: m.score,
      applicable: m.applicable,
    })),
    questions: assessment.questions.map(jsonQuestion),
    gaps: assessment.gaps.map(jsonQuestion),
    counts: { ...assessment.counts },
  };
}

/** The report as 2-space indented JSON with a trailing newline. */
export function renderJson(
  assessment: Assessment,
  set: MeasureSet,
  answers: AnswersFile,
  options: JsonOptions,
): string {
  return `${JSON.stringify(buildJsonReport(assessment, set, answers, options), null, 2)}\n`;
}
