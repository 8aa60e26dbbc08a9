/**
 * The assessment flow of `netdz assess`, as pure data and state transitions: the ordered steps
 * (area by area, measure by measure, question by question) for a zone, where a session starts,
 * what "next", "back" and "jump" lead to, and the counts shown on screen. No I/O here.
 */
import { answerState, countAnswers, isSettled, type AnswerChoice, type Counts } from "./answer.js";
import {
  notApplicableReason,
  withDerivedProfile,
  type NotApplicableReason,
} from "./applicability.js";
import { claimNeedsEvidence } from "./score.js";
import type { Answer, Area, Measure, MeasureSet, Question, Zone } from "./model.js";

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
/**
 * `resume`: unanswered and review-marked questions; `review`: every applicable question;
 * `marked`: only the questions marked for review (first, after a migration).
 */
export type FlowMode = "resume" | "review" | "marked";

/** Where a session stands: the step shown, or null once the walk is over. */
export interface FlowState {
  mode: FlowMode;
  index: number | null;
}

/** Why a move did not happen; the state is then unchanged. */
export type FlowBlock = "first-question" | "no-applicable-question" | "unknown-target";

/** The outcome of an action: the new state and the not-applicable steps passed on the way. */
export interface Transition {
  state: FlowState;
  passed: FlowStep[];
  blocked?: FlowBlock;
}

/** The `answers` map of an answers file. */
export type Answers = Readonly<Record<string, Answer | undefined>>;

/** Builds the walk: areas in set order, their measures in plan order, questions in file order. */
export function buildFlow(set: MeasureSet, zone: Zone): Flow {
  zone = withDerivedProfile(set.profile, zone);
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

/** True when the question applies to the zone profile. */
export function isApplicable(step: FlowStep): boolean {
  return step.notApplicable === undefined;
}

/** True when a resumed session should stop at this step: unanswered or marked for review. */
export function needsVisit(step: FlowStep, answers: Answers): boolean {
  if (!isApplicable(step)) return false;
  const answer = answers[step.question.id];
  return !isSettled(step.question, answer) || answer?.review === true;
}

function visitable(mode: FlowMode, step: FlowStep, answers: Answers): boolean {
  if (mode === "marked") return isApplicable(step) && answers[step.question.id]?.review === true;
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

/** Settled questions (answered, don't know or not applicable) of those the profile keeps. */
export interface Progress {
  done: number;
  total: number;
  /** 0…1; 1 when nothing applies. */
  ratio: number;
}

/** The counts of the walk (the same counts as a report's; see countAnswers). */
export function summarise(flow: Flow, answers: Answers): Counts {
  return countAnswers(
    flow.steps.map((step) => {
      const answer = answers[step.question.id];
      return {
        applies: isApplicable(step),
        state: answerState(step.question, answer),
        review: answer?.review === true,
      };
    }),
  );
}

/** How far the assessment is: settled ÷ the questions the profile keeps. */
export function progress(flow: Flow, answers: Answers): Progress {
  const c = summarise(flow, answers);
  const total = c.total - c.excludedByProfile;
  const done = c.answered + c.unknown + c.declaredNotApplicable;
  return { done, total, ratio: total === 0 ? 1 : done / total };
}

/** One line of the "jump to a measure" menu. */
export interface MeasureOverview {
  measure: Measure;
  measureNumber: number;
  area: Area;
  /** The measure's counts, as a report's measure table shows them. */
  counts: Counts;
}

/** Progress per measure, in walking order. */
export function measureOverview(flow: Flow, answers: Answers): MeasureOverview[] {
  const byMeasure = new Map<string, { first: FlowStep; steps: FlowStep[] }>();
  for (const step of flow.steps) {
    const entry = byMeasure.get(step.measure.id);
    if (entry) entry.steps.push(step);
    else byMeasure.set(step.measure.id, { first: step, steps: [step] });
  }
  return [...byMeasure.values()].map(({ first, steps }) => ({
    measure: first.measure,
    measureNumber: first.measureNumber,
    area: first.area,
    counts: summarise({ ...flow, steps }, answers),
  }));
}

/** Whether the walk still has questions to visit in resume mode (unanswered or review-marked). */
export function remainingVisits(flow: Flow, answers: Answers): number {
  return flow.steps.filter((step) => needsVisit(step, answers)).length;
}

/** True when the question asks for evidence for this choice (see claimNeedsEvidence). */
export function evidenceRequired(question: Question, choice: AnswerChoice): boolean {
  return claimNeedsEvidence(
    question,
    "status" in choice ? { status: choice.status } : { value: choice.value },
  );
}
