/**
 * The gap report as JSON (`netdz-report/1`, schema in src/core/schemas/report-schema.ts). Scores
 * are unrounded: question scores s in 0…1, measure, area and overall scores in 0…100, gaps in points
 * of the overall score; `null` where not applicable. Pure and deterministic.
 */
import { escapedSlices, SLICE_CHARS } from "./escape-slices.js";
import { withDerivedProfile } from "../core/applicability.js";
import {
  REPORT_FORMAT,
  type AnswersFile,
  type AnswerValue,
  type Lang,
  type MeasureSet,
} from "../core/model.js";
import { actionPlan, answerDue, answerOwner } from "../core/actions.js";
import {
  scoreParts,
  type Assessment,
  type Counts,
  type OverallResult,
  type QuestionResult,
  type QuestionState,
} from "../core/score.js";

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
  value?: AnswerValue;
  note?: string;
  evidence?: string[];
  review?: true;
  owner?: string;
  due?: string;
}

export interface JsonAction {
  id: string;
  measure: string;
  owner?: string;
  due?: string;
  overdue: boolean;
  gap: number;
}

export interface JsonReport {
  format: typeof REPORT_FORMAT;
  lang: Lang;
  date?: string;
  measureSet: { id: string; version: string };
  zone: AnswersFile["zone"];
  assessor?: { name?: string; role?: string };
  overall: {
    score: number | null;
    band: string | null;
    completeness: number | null;
    declaredNotApplicableShare: number | null;
    missingProfileFields: string[];
  };
  areas: { id: string; weight: number; score: number | null; declaredOnly: boolean }[];
  measures: {
    id: string;
    area: string;
    score: number | null;
    applicable: boolean;
    declaredOnly: boolean;
  }[];
  questions: JsonQuestion[];
  gaps: JsonQuestion[];
  actions: JsonAction[];
  counts: Counts;
  /** For a set that extends another: the national score and the additions' score apart. */
  parts?: {
    base: { id: string; version: string };
    national: { score: number | null; band: string | null; completeness: number | null };
    additions: { score: number | null; band: string | null; completeness: number | null };
  };
}

function jsonQuestion(q: QuestionResult): JsonQuestion {
  const answer = q.answer;
  const note = typeof answer?.note === "string" && answer.note.trim() !== "" ? answer.note : "";
  const owner = answerOwner(answer);
  const due = answerDue(answer);
  return {
    id: q.id,
    measure: q.measure,
    status: q.state,
    score: q.score,
    gap: q.gap,
    ...(answer?.value !== undefined && answer.value !== null ? { value: answer.value } : {}),
    ...(note !== "" ? { note } : {}),
    ...((answer?.evidence ?? []).length > 0 ? { evidence: [...(answer?.evidence ?? [])] } : {}),
    ...(q.review ? { review: true as const } : {}),
    ...(owner === undefined ? {} : { owner }),
    ...(due === undefined ? {} : { due }),
  };
}

/** The assessor's name and role, when the file gives them. */
function assessorOf(answers: AnswersFile): { name?: string; role?: string } | undefined {
  const given = Object.entries(answers.assessor ?? {}).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== "",
  );
  return given.length > 0 ? Object.fromEntries(given) : undefined;
}

/** The report as a plain object, in the shape of the JSON schema. */
export function buildJsonReport(
  assessment: Assessment,
  set: MeasureSet,
  answers: AnswersFile,
  options: JsonOptions,
): JsonReport {
  const { overall } = assessment;
  const assessor = assessorOf(answers);
  const parts = scoreParts(set, answers);
  return {
    format: REPORT_FORMAT,
    lang: options.lang,
    ...(options.date === undefined ? {} : { date: options.date }),
    measureSet: { id: set.id, version: set.version },
    zone: withDerivedProfile(set.profile, answers.zone ?? {}),
    ...(assessor ? { assessor } : {}),
    overall: {
      score: overall.score,
      band: overall.band ? overall.band.label[options.lang] : null,
      completeness: overall.completeness,
      declaredNotApplicableShare: overall.declaredNotApplicableShare,
      missingProfileFields: [...overall.missingProfileFields],
    },
    areas: assessment.areas.map((a) => ({
      id: a.id,
      weight: a.weight,
      score: a.score,
      declaredOnly: a.declaredOnly,
    })),
    measures: assessment.measures.map((m) => ({
      id: m.id,
      area: m.area,
      score: m.score,
      applicable: m.applicable,
      declaredOnly: m.declaredOnly,
    })),
    questions: assessment.questions.map(jsonQuestion),
    gaps: assessment.gaps.map(jsonQuestion),
    actions: actionPlan(assessment, options.date).map((item) => ({
      id: item.id,
      measure: item.measure,
      ...(item.owner === undefined ? {} : { owner: item.owner }),
      ...(item.due === undefined ? {} : { due: item.due }),
      overdue: item.overdue,
      gap: item.result.gap ?? 0,
    })),
    counts: { ...assessment.counts },
    ...(parts === undefined
      ? {}
      : {
          parts: {
            base: parts.base,
            national: jsonOverall(parts.national, options.lang),
            additions: jsonOverall(parts.additions, options.lang),
          },
        }),
  };
}

function jsonOverall(
  overall: OverallResult,
  lang: Lang,
): NonNullable<JsonReport["parts"]>["national"] {
  return {
    score: overall.score,
    band: overall.band ? overall.band.label[lang] : null,
    completeness: overall.completeness,
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

/**
 * The text of renderJson in pieces whose concatenation it is (JSON.stringify's layout with an
 * indent of 2), a value at a time: the report of a file of 10 MB of notes, which holds each note
 * twice (in `questions` and `gaps`), is written as it is made and never held whole.
 */
export function* jsonPieces(
  assessment: Assessment,
  set: MeasureSet,
  answers: AnswersFile,
  options: JsonOptions,
): Generator<string> {
  yield* prettyJson(buildJsonReport(assessment, set, answers, options), "");
  yield "\n";
}

/**
 * A JSON value as JSON.stringify(value, null, 2) writes it, in pieces: plain data only (objects,
 * arrays, strings, numbers, booleans, null), as a report is made of.
 */
/** A text as JSON.stringify writes it, without the quotes. */
function jsonStringBody(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

export function* prettyJson(value: unknown, indent: string): Generator<string> {
  if (typeof value === "string" && value.length > SLICE_CHARS) {
    // A long text a slice at a time: JSON.stringify escapes each character on its own.
    yield '"';
    for (const slice of escapedSlices(value, jsonStringBody)) yield slice;
    yield '"';
    return;
  }
  if (value === null || typeof value !== "object") {
    yield JSON.stringify(value) ?? "null";
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    for (const [i, item] of value.entries()) {
      yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
      // As JSON.stringify: an element that has no JSON form is null.
      if (item === undefined || typeof item === "function" || typeof item === "symbol") {
        yield "null";
      } else yield* prettyJson(item, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    // As JSON.stringify: a member that has no JSON form is left out.
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* prettyJson(item, inner);
  }
  yield first ? "{}" : `\n${indent}}`;
}
