/**
 * Progress between two assessments of the same set and version (issue 9, `netdz diff`): overall,
 * completeness, area and measure scores old → new, the questions that moved, gaps closed and
 * opened, evidence added and removed. Pure: no I/O.
 */
import { actionPlan, compareActions, type ActionChange, type ActionReport } from "./actions.js";
import type { AnswersFile, AnswerValue, Band, Zone } from "./model.js";
import { zoneKey, type ProvinceSpellings } from "./zone-key.js";
import type { Assessment, QuestionResult, QuestionState } from "./score.js";

/** The `format` of the JSON comparison. */
export const DIFF_FORMAT = "netdz-diff/1";

/** Changes smaller than this are float noise, not progress. */
const EPSILON = 1e-9;

/** Whether a change is one (not float noise): the rule of every category and of the ratchet. */
export function isChange(change: number): boolean {
  return Math.abs(change) > EPSILON;
}

export interface Change {
  old: number | null;
  new: number | null;
  /** new − old; null unless both are numbers. */
  change: number | null;
}

export interface QuestionChange {
  id: string;
  measure: string;
  oldState: QuestionState;
  newState: QuestionState;
  /** The value given on each side, for a question answered with a value (not a status). */
  oldValue?: AnswerValue;
  newValue?: AnswerValue;
  old: number | null;
  new: number | null;
  change: number | null;
}

export interface GapChange {
  id: string;
  measure: string;
  /** Points of the overall score: the gap that closed (old) or that opened (new). */
  points: number;
}

export interface EvidenceChange {
  question: string;
  item: string;
}

/** The question categories; a question is listed in the first that fits, in this order. */
export const QUESTION_CATEGORIES = [
  "becameNotApplicable",
  "becameUnknown",
  "newlyAnswered",
  "becameUnanswered",
  "improved",
  "regressed",
] as const;
export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number];

/** An action (a gap with an owner or a due date) that was completed, slipped or added. */
export interface ActionMove extends ActionChange {
  measure: string;
}

/** The action categories of the comparison, in the order they are shown. */
export const ACTION_CATEGORIES = ["completed", "slipped", "added"] as const;
export type ActionCategory = (typeof ACTION_CATEGORIES)[number];

export type ActionMoves = Record<ActionCategory, ActionMove[]> & {
  /**
   * The day "slipped" is measured against (YYYY-MM-DD): the new file's report date, as
   * `netdz report` dates it; undefined when it has none (then nothing slips).
   */
  date?: string;
};

export interface Diff {
  old: { file: string; zone: Zone };
  new: { file: string; zone: Zone };
  /**
   * Same zone name and province (matched on `zoneKey`); null when that cannot be told because a
   * zone has no name (a file compared with itself is always the same zone).
   */
  sameZone: boolean | null;
  overall: Change & { oldBand: Band | null; newBand: Band | null; bandChanged: boolean };
  /** Shares on 0…1. */
  completeness: Change;
  areas: (Change & { id: string })[];
  measures: (Change & { id: string; area: string })[];
  questions: Record<QuestionCategory, QuestionChange[]>;
  gapsClosed: GapChange[];
  newGaps: GapChange[];
  evidenceAdded: EvidenceChange[];
  evidenceRemoved: EvidenceChange[];
  /** The action plans compared: completed, slipped (still open after the due date) and added. */
  actions: ActionMoves;
}

export interface DiffSide {
  file: string;
  answers: AnswersFile;
  assessment: Assessment;
  /**
   * The date `netdz report` gives this file (YYYY-MM-DD: `SOURCE_DATE_EPOCH`, else the day of
   * its last answer), when known. The new side's decides which open actions have slipped.
   */
  reportDate?: string;
}

function change(old: number | null, next: number | null): Change {
  return { old, new: next, change: old === null || next === null ? null : next - old };
}

/** Whether two zone profiles name the same zone (the same `zoneKey`, as `aggregate` matches). */
export function sameZone(a: Zone, b: Zone, spellings?: ProvinceSpellings): boolean {
  const key = zoneKey(a, spellings);
  return key !== undefined && key === zoneKey(b, spellings);
}

/**
 * Whether two files are of one zone: true for one file compared with itself; otherwise by
 * `sameZone`, and null when either zone has no name (a nameless zone is never matched, so
 * whether the two are one zone cannot be told).
 */
export function zoneMatch(
  a: Zone,
  b: Zone,
  options: { spellings?: ProvinceSpellings; sameFile?: boolean } = {},
): boolean | null {
  if (options.sameFile === true) return true;
  if (zoneKey(a) === undefined || zoneKey(b) === undefined) return null;
  return sameZone(a, b, options.spellings);
}

/**
 * Compares two assessments of the same measure set and version; `sameFile` when both sides are
 * one file (then they are one zone, named or not).
 */
export function diffAssessments(
  oldSide: DiffSide,
  newSide: DiffSide,
  spellings?: ProvinceSpellings,
  sameFile = false,
): Diff {
  const a = oldSide.assessment;
  const b = newSide.assessment;
  const oldZone = oldSide.answers.zone ?? {};
  const newZone = newSide.answers.zone ?? {};
  const newQuestions = new Map(b.questions.map((q) => [q.id, q]));
  const questions: Record<QuestionCategory, QuestionChange[]> = {
    becameNotApplicable: [],
    becameUnknown: [],
    newlyAnswered: [],
    becameUnanswered: [],
    improved: [],
    regressed: [],
  };
  const gapsClosed: GapChange[] = [];
  const newGaps: GapChange[] = [];
  const evidenceAdded: EvidenceChange[] = [];
  const evidenceRemoved: EvidenceChange[] = [];
  for (const before of a.questions) {
    const after = newQuestions.get(before.id);
    if (!after) continue;
    const category = categorise(before, after);
    if (category) questions[category].push(questionChange(before, after));
    const oldGap = before.gap ?? 0;
    const newGap = after.gap ?? 0;
    if (oldGap > EPSILON && newGap <= EPSILON)
      gapsClosed.push({ id: before.id, measure: before.measure, points: oldGap });
    if (oldGap <= EPSILON && newGap > EPSILON)
      newGaps.push({ id: after.id, measure: after.measure, points: newGap });
    const oldEvidence = evidenceOf(before);
    const newEvidence = evidenceOf(after);
    // Looked up in sets: a list of 100,000 items compared item by item took over two minutes.
    const had = new Set(oldEvidence);
    const has = new Set(newEvidence);
    for (const item of newEvidence)
      if (!had.has(item)) evidenceAdded.push({ question: before.id, item });
    for (const item of oldEvidence)
      if (!has.has(item)) evidenceRemoved.push({ question: before.id, item });
  }
  const byPoints = (x: GapChange, y: GapChange) => y.points - x.points;
  const newAreas = new Map(b.areas.map((area) => [area.id, area]));
  const newMeasures = new Map(b.measures.map((m) => [m.id, m]));
  return {
    old: { file: oldSide.file, zone: oldZone },
    new: { file: newSide.file, zone: newZone },
    sameZone: zoneMatch(oldZone, newZone, { ...(spellings ? { spellings } : {}), sameFile }),
    overall: {
      ...change(a.overall.score, b.overall.score),
      oldBand: a.overall.band,
      newBand: b.overall.band,
      bandChanged: a.overall.band?.min !== b.overall.band?.min,
    },
    completeness: change(a.overall.completeness, b.overall.completeness),
    areas: a.areas.map((area) => ({
      id: area.id,
      ...change(area.score, newAreas.get(area.id)?.score ?? null),
    })),
    measures: a.measures.map((m) => ({
      id: m.id,
      area: m.area,
      ...change(m.score, newMeasures.get(m.id)?.score ?? null),
    })),
    questions,
    gapsClosed: gapsClosed.sort(byPoints),
    newGaps: newGaps.sort(byPoints),
    evidenceAdded,
    evidenceRemoved,
    actions: compareSides(oldSide, newSide),
  };
}

/** The action plan of one side as compareActions reads it. */
function actionReport(side: DiffSide): ActionReport {
  return {
    ...(side.reportDate === undefined ? {} : { date: side.reportDate }),
    actions: actionPlan(side.assessment, side.reportDate),
    gaps: side.assessment.gaps,
  };
}

/** The actions completed, slipped and added between the two sides, each with its measure. */
function compareSides(oldSide: DiffSide, newSide: DiffSide): ActionMoves {
  const measures = new Map(
    [...oldSide.assessment.questions, ...newSide.assessment.questions].map((q) => [
      q.id,
      q.measure,
    ]),
  );
  const compared = compareActions(actionReport(oldSide), actionReport(newSide));
  const withMeasure = (list: ActionChange[]): ActionMove[] =>
    list.map(({ id, ...rest }) => ({ id, measure: measures.get(id) ?? "", ...rest }));
  return {
    ...(newSide.reportDate === undefined ? {} : { date: newSide.reportDate }),
    completed: withMeasure(compared.completed),
    slipped: withMeasure(compared.slipped),
    added: withMeasure(compared.added),
  };
}

function questionChange(before: QuestionResult, after: QuestionResult): QuestionChange {
  return {
    id: before.id,
    measure: before.measure,
    oldState: before.state,
    newState: after.state,
    ...valueOf("oldValue", before),
    ...valueOf("newValue", after),
    ...change(before.score, after.score),
  };
}

/** A side's value, as the field `key`, when the question was answered with one. */
function valueOf(
  key: "oldValue" | "newValue",
  result: QuestionResult,
): Partial<Record<typeof key, AnswerValue>> {
  const value = result.answer?.value;
  return result.state === "answered" && value !== undefined ? { [key]: value } : {};
}

/** The first category that fits a question's move, or undefined when it did not move. */
export function categorise(
  before: QuestionResult,
  after: QuestionResult,
): QuestionCategory | undefined {
  if (before.applicable && !after.applicable) return "becameNotApplicable";
  if (after.state === "unknown" && before.state !== "unknown") return "becameUnknown";
  if (!before.answered && after.answered) return "newlyAnswered";
  if (before.answered && after.applicable && after.state === "unanswered")
    return "becameUnanswered";
  if (before.score !== null && after.score !== null) {
    if (after.score > before.score + EPSILON) return "improved";
    if (after.score < before.score - EPSILON) return "regressed";
  }
  return undefined;
}

function evidenceOf(question: QuestionResult): string[] {
  return [...new Set((question.answer?.evidence ?? []).map((e) => e.trim()).filter(Boolean))];
}

/** The measures whose score went down (both scored): what --fail-on-regression stops on. */
export function regressedMeasures(diff: Diff): Diff["measures"] {
  return diff.measures.filter((m) => m.change !== null && m.change < -EPSILON);
}
