/**
 * The assessment flow of `netdz assess`, as pure data and state transitions: the ordered steps
 * (area by area, measure by measure, question by question) for a zone, where a session starts,
 * what "next", "back" and "jump" lead to, and the counts shown on screen. No I/O here.
 */
import { notApplicableReason, type NotApplicableReason } from "./applicability.js";
import { claimNeedsEvidence } from "./score.js";
import type {
  Answer,
  AnswerValue,
  Area,
  Measure,
  MeasureSet,
  Question,
  Status,
  Zone,
} from "./model.js";

/** One question of the walk, with where it sits in the set. */
export interface FlowStep {
  question: Question;
  measure: Measure;
  area: Area;
  /** 1-based position of the area among the set's areas. */
  areaNumber: number;
  /** 1-based position of the measure in the walk. */
  measureNumber: number;
  /** 1-based position among the questions that apply to the zone; 0 when it does not apply. */
  questionNumber: number;
  /** Set when the question does not apply to the zone profile. */
  notApplicable?: NotApplicableReason;
}

/** Every question of a set in walking order, for one zone profile. */
export interface Flow {
  steps: readonly FlowStep[];
  areaCount: number;
  measureCount: number;
  /** Questions that apply to the zone. */
  applicableCount: number;
}

/** `resume`: visit unanswered and review-marked questions; `review`: visit every applicable one. */
export type FlowMode = "resume" | "review";

/** Where a session stands: the step shown, or null once the walk is over. */
export interface FlowState {
  mode: FlowMode;
  index: number | null;
}

/** What the user asked for; answering, skipping and marking for review all lead to `next`. */
export type FlowAction =
  | { type: "next" }
  | { type: "back" }
  | { type: "jump"; measureId: string }
  | { type: "goto"; questionId: string };

/** Why a move did not happen; the state is then unchanged. */
export type FlowBlock = "first-question" | "no-applicable-question" | "unknown-target";

/** The outcome of an action: the new state and the not-applicable steps passed on the way. */
export interface Transition {
  state: FlowState;
  passed: FlowStep[];
  blocked?: FlowBlock;
}

/** How a question stands given its entry in the answers file. */
export type AnswerKind = "answered" | "unknown" | "not_applicable" | "unanswered";

/** The `answers` map of an answers file. */
export type Answers = Readonly<Record<string, Answer | undefined>>;

/** Builds the walk: areas in set order, their measures in plan order, questions in file order. */
export function buildFlow(set: MeasureSet, zone: Zone): Flow {
  const steps: FlowStep[] = [];
  let measureNumber = 0;
  let questionNumber = 0;
  set.areas.forEach((area, areaIndex) => {
    const measures = set.measures
      .filter((m) => m.area === area.id)
      .sort((a, b) => a.number - b.number);
    for (const measure of measures) {
      measureNumber++;
      for (const question of measure.questions) {
        const reason = notApplicableReason(question, zone);
        if (!reason) questionNumber++;
        steps.push({
          question,
          measure,
          area,
          areaNumber: areaIndex + 1,
          measureNumber,
          questionNumber: reason ? 0 : questionNumber,
          ...(reason ? { notApplicable: reason } : {}),
        });
      }
    }
  });
  return {
    steps,
    areaCount: set.areas.length,
    measureCount: measureNumber,
    applicableCount: questionNumber,
  };
}

/** Classifies an answers-file entry; an entry without status or value is unanswered. */
export function answerKind(answer: Answer | undefined): AnswerKind {
  if (answer === undefined) return "unanswered";
  if (answer.status === "unknown") return "unknown";
  if (answer.status === "not_applicable") return "not_applicable";
  if (answer.status !== undefined) return "answered";
  return hasValue(answer) ? "answered" : "unanswered";
}

function hasValue(answer: Answer): boolean {
  const { value } = answer;
  if (value === undefined || value === null) return false;
  return typeof value !== "string" || value.trim() !== "";
}

/** True when the entry holds an answer of any kind (don't know and not applicable included). */
export function isResolved(answer: Answer | undefined): boolean {
  return answerKind(answer) !== "unanswered";
}

/** True when the question applies to the zone profile. */
export function isApplicable(step: FlowStep): boolean {
  return step.notApplicable === undefined;
}

/** True when a resumed session should stop at this step: unanswered or marked for review. */
export function needsVisit(step: FlowStep, answers: Answers): boolean {
  if (!isApplicable(step)) return false;
  const answer = answers[step.question.id];
  return !isResolved(answer) || answer?.review === true;
}

function visitable(mode: FlowMode, step: FlowStep, answers: Answers): boolean {
  return mode === "review" ? isApplicable(step) : needsVisit(step, answers);
}

/** Not-applicable steps strictly between two indexes (`to` null: up to the end). */
function passedBetween(flow: Flow, from: number, to: number | null): FlowStep[] {
  const end = to ?? flow.steps.length;
  return flow.steps.slice(from + 1, end).filter((step) => !isApplicable(step));
}

/** Where a session starts: the first unanswered or review-marked question (`review`: the first). */
export function startState(flow: Flow, answers: Answers, mode: FlowMode): FlowState {
  const index = flow.steps.findIndex((step) => visitable(mode, step, answers));
  return { mode, index: index === -1 ? null : index };
}

/** Moves on from the current step: the next question to visit in this mode, or the end. */
export function advance(flow: Flow, answers: Answers, state: FlowState): Transition {
  const from = state.index ?? flow.steps.length;
  let found: number | null = null;
  for (let i = from + 1; i < flow.steps.length; i++) {
    const step = flow.steps[i] as FlowStep;
    if (visitable(state.mode, step, answers)) {
      found = i;
      break;
    }
  }
  return { state: { ...state, index: found }, passed: passedBetween(flow, from, found) };
}

/** Goes back to the previous applicable question, answered or not (from the end: the last one). */
export function goBack(flow: Flow, state: FlowState): Transition {
  const from = state.index ?? flow.steps.length;
  for (let i = from - 1; i >= 0; i--) {
    if (isApplicable(flow.steps[i] as FlowStep)) {
      return { state: { ...state, index: i }, passed: flow.steps.slice(i + 1, from) };
    }
  }
  return { state, passed: [], blocked: "first-question" };
}

/** Jumps to the first applicable question of a measure. */
export function jumpToMeasure(flow: Flow, state: FlowState, measureId: string): Transition {
  const inMeasure = flow.steps
    .map((step, index) => ({ step, index }))
    .filter(({ step }) => step.measure.id === measureId);
  if (inMeasure.length === 0) return { state, passed: [], blocked: "unknown-target" };
  const target = inMeasure.find(({ step }) => isApplicable(step));
  if (!target) return { state, passed: [], blocked: "no-applicable-question" };
  // The measure's questions before the target do not apply: say so, as walking past them would.
  const passed = inMeasure.filter(({ index }) => index < target.index).map(({ step }) => step);
  return { state: { ...state, index: target.index }, passed };
}

/** Goes to one question by id (used to stay on a question after the zone profile changes). */
export function goToQuestion(flow: Flow, state: FlowState, questionId: string): Transition {
  const index = flow.steps.findIndex((step) => step.question.id === questionId);
  if (index === -1) return { state, passed: [], blocked: "unknown-target" };
  if (!isApplicable(flow.steps[index] as FlowStep)) {
    return { state, passed: [], blocked: "no-applicable-question" };
  }
  return { state: { ...state, index }, passed: [] };
}

/** Applies one navigation action. */
export function transition(
  flow: Flow,
  answers: Answers,
  state: FlowState,
  action: FlowAction,
): Transition {
  switch (action.type) {
    case "next":
      return advance(flow, answers, state);
    case "back":
      return goBack(flow, state);
    case "jump":
      return jumpToMeasure(flow, state, action.measureId);
    case "goto":
      return goToQuestion(flow, state, action.questionId);
  }
}

/** After the zone profile changed: the same question when it still applies, else the next one. */
export function rebase(
  flow: Flow,
  answers: Answers,
  mode: FlowMode,
  questionId: string | undefined,
): Transition {
  const index = flow.steps.findIndex((step) => step.question.id === questionId);
  if (index === -1) return { state: startState(flow, answers, mode), passed: [] };
  const step = flow.steps[index] as FlowStep;
  if (isApplicable(step)) return { state: { mode, index }, passed: [] };
  return advance(flow, answers, { mode, index });
}

/** A "n of m" counter. */
export interface Counter {
  n: number;
  of: number;
}

/** `Area 2/4 · Measure 6/16 · Question 23/88` as numbers. */
export interface Position {
  area: Counter;
  measure: Counter;
  question: Counter;
}

/** Where a step sits in the walk. */
export function positionOf(flow: Flow, index: number): Position {
  const step = flow.steps[index];
  if (!step) throw new RangeError(`no step ${index} in a flow of ${flow.steps.length}`);
  return {
    area: { n: step.areaNumber, of: flow.areaCount },
    measure: { n: step.measureNumber, of: flow.measureCount },
    question: { n: step.questionNumber, of: flow.applicableCount },
  };
}

/** Applicable questions that hold an answer of any kind, out of all applicable questions. */
export interface Progress {
  done: number;
  total: number;
  /** 0…1; 1 when nothing applies. */
  ratio: number;
}

/** How far the assessment is: answered (don't know and not applicable included) ÷ applicable. */
export function progress(flow: Flow, answers: Answers): Progress {
  const applicable = flow.steps.filter(isApplicable);
  const done = applicable.filter((step) => isResolved(answers[step.question.id])).length;
  const total = applicable.length;
  return { done, total, ratio: total === 0 ? 1 : done / total };
}

/**
 * The end-of-session counts. total = notApplicable + answered + unknown + unanswered;
 * notApplicable counts questions excluded by the profile and those answered not applicable.
 */
export interface FlowSummary {
  total: number;
  answered: number;
  unknown: number;
  notApplicable: number;
  notApplicableByProfile: number;
  unanswered: number;
  review: number;
}

/** Counts answered, don't know, not applicable, unanswered and marked-for-review questions. */
export function summarise(flow: Flow, answers: Answers): FlowSummary {
  const summary: FlowSummary = {
    total: flow.steps.length,
    answered: 0,
    unknown: 0,
    notApplicable: 0,
    notApplicableByProfile: 0,
    unanswered: 0,
    review: 0,
  };
  for (const step of flow.steps) {
    const answer = answers[step.question.id];
    if (answer?.review === true) summary.review++;
    if (!isApplicable(step)) {
      summary.notApplicable++;
      summary.notApplicableByProfile++;
      continue;
    }
    const kind = answerKind(answer);
    if (kind === "not_applicable") summary.notApplicable++;
    else summary[kind]++;
  }
  return summary;
}

/** One line of the "jump to a measure" menu. */
export interface MeasureOverview {
  measure: Measure;
  measureNumber: number;
  area: Area;
  /** Questions that apply to the zone. */
  applicable: number;
  /** Of those, how many hold an answer of any kind. */
  done: number;
  /** Of those, how many are marked for review. */
  review: number;
}

/** Progress per measure, in walking order. */
export function measureOverview(flow: Flow, answers: Answers): MeasureOverview[] {
  const byMeasure = new Map<string, MeasureOverview>();
  for (const step of flow.steps) {
    let entry = byMeasure.get(step.measure.id);
    if (!entry) {
      entry = {
        measure: step.measure,
        measureNumber: step.measureNumber,
        area: step.area,
        applicable: 0,
        done: 0,
        review: 0,
      };
      byMeasure.set(step.measure.id, entry);
    }
    if (!isApplicable(step)) continue;
    const answer = answers[step.question.id];
    entry.applicable++;
    if (isResolved(answer)) entry.done++;
    if (answer?.review === true) entry.review++;
  }
  return [...byMeasure.values()];
}

/** Whether the walk still has questions to visit in resume mode (unanswered or review-marked). */
export function remainingVisits(flow: Flow, answers: Answers): number {
  return flow.steps.filter((step) => needsVisit(step, answers)).length;
}

/** What the user picked for a question: a status, or a value for questions of other types. */
export type AnswerChoice = { status: Status } | { value: AnswerValue };

/** True when the question asks for evidence for this choice (see claimNeedsEvidence). */
export function evidenceRequired(question: Question, choice: AnswerChoice): boolean {
  return claimNeedsEvidence(
    question,
    "status" in choice ? { status: choice.status } : { value: choice.value },
  );
}

/** ISO 8601 in UTC without milliseconds, e.g. `2026-11-26T10:00:00Z`. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The entry written for a new answer. Evidence already given is kept; a note is kept unless the
 * answer stops being "not applicable" (that note was its justification); the review mark is cleared.
 */
export function composeAnswer(
  previous: Answer | undefined,
  choice: AnswerChoice,
  now: Date,
  extra: { evidence?: string[]; note?: string } = {},
): Answer {
  const wasNotApplicable = previous?.status === "not_applicable";
  const isNotApplicable = "status" in choice && choice.status === "not_applicable";
  const evidence = extra.evidence ?? previous?.evidence ?? [];
  const keptNote = wasNotApplicable && !isNotApplicable ? undefined : previous?.note;
  const note = (extra.note ?? keptNote ?? "").trim();
  // Confirming an answer unchanged (in review) keeps the time it was given.
  const unchanged =
    previous !== undefined &&
    ("status" in choice
      ? previous.status === choice.status && previous.value === undefined
      : previous.status === undefined && sameValue(previous.value, choice.value));
  return {
    ...("status" in choice ? { status: choice.status } : { value: choice.value }),
    ...(evidence.length > 0 ? { evidence: [...evidence] } : {}),
    ...(note !== "" ? { note } : {}),
    answeredAt: unchanged && previous.answeredAt ? previous.answeredAt : timestamp(now),
  };
}

function sameValue(a: AnswerValue | undefined, b: AnswerValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => item === b[i]);
  }
  return a === b;
}

/** The entry after marking (or unmarking) a question for review; undefined when nothing is left. */
export function withReviewMark(previous: Answer | undefined, marked: boolean): Answer | undefined {
  const next: Answer = { ...previous };
  delete next.review;
  if (marked) next.review = true;
  return Object.keys(next).length === 0 ? undefined : next;
}

/** The entry with its note replaced (an empty note removes it); undefined when nothing is left. */
export function withNote(previous: Answer | undefined, note: string): Answer | undefined {
  const next: Answer = { ...previous };
  const trimmed = note.trim();
  if (trimmed === "") delete next.note;
  else next.note = trimmed;
  return Object.keys(next).length === 0 ? undefined : next;
}
