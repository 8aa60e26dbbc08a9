/**
 * Scoring of an answers file against its measure set (issue 4).
 *
 * Question score s ∈ 0…1; measure, area and overall scores ∈ 0…100, each a weighted mean of the
 * applicable parts below it. A question's gap is the points of the overall score it loses, so the
 * gaps add up to 100 − overall. Pure: no I/O.
 */
import {
  answerState,
  countAnswers,
  declaredNotApplicableShare,
  detailedState,
  type Counts,
  type DetailedState,
} from "./answer.js";
import {
  missingProfileFields,
  notApplicableReason,
  withDerivedProfile,
  type NotApplicableReason,
} from "./applicability.js";
import {
  DEFAULT_BANDS,
  type Answer,
  type AnswersFile,
  type AnswerValue,
  type Area,
  type Band,
  type Measure,
  type MeasureSet,
  type Question,
  type QuestionType,
  type Status,
  type Zone,
} from "./model.js";

/** Score of each status that is scored (`not_applicable` is left out, not scored). */
export const STATUS_SCORES: Readonly<Record<Exclude<Status, "not_applicable">, number>> = {
  implemented: 1,
  in_progress: 0.5,
  planned: 0.25,
  not_started: 0,
  unknown: 0,
};

/**
 * Where a question stands: a status (for `status` questions, or `unknown`/`not_applicable` for any
 * type), `answered` (a value given to a question of another type) or `unanswered`.
 */
export type QuestionState = DetailedState;

/** Why a question is left out: the zone profile excludes it, or the assessor answered so. */
export type Exclusion =
  { by: "profile"; reason: NotApplicableReason } | { by: "answer"; note?: string };

export interface QuestionResult {
  id: string;
  measure: string;
  area: string;
  type: QuestionType;
  weight: number;
  state: QuestionState;
  /** Not excluded by the profile and not answered `not_applicable`. */
  applicable: boolean;
  /** Applicable and not a `text` question: it counts in the score. */
  scored: boolean;
  /** Set when the question is not applicable. */
  exclusion?: Exclusion;
  /** True when applicable and given a real answer (not "don't know", not unanswered). */
  answered: boolean;
  /** s in 0…1; null when not scored. */
  score: number | null;
  /** Share of the overall weight, 0…1 (0 when not scored). */
  share: number;
  /** Points of the overall score lost, (1 − s) × share × 100; null when not scored. */
  gap: number | null;
  /** Applicable, claims a status that requires evidence, and gives none. */
  missingEvidence: boolean;
  review: boolean;
  answer?: Answer;
}

export interface MeasureResult {
  id: string;
  area: string;
  weight: number;
  /** Has at least one scored question. */
  applicable: boolean;
  /** 0…100, null when not applicable. */
  score: number | null;
  /** Questions in the measure. */
  total: number;
  /** Applicable questions (text questions included). */
  applicableQuestions: number;
  /** Applicable questions with a real answer. */
  answered: number;
  /** Not applicable only because the zone answered its questions "not applicable". */
  declaredOnly: boolean;
}

export interface AreaResult {
  id: string;
  weight: number;
  applicable: boolean;
  /** 0…100, null when no measure of the area is applicable. */
  score: number | null;
  /** Not applicable only because the zone answered questions in it "not applicable". */
  declaredOnly: boolean;
}

export interface OverallResult {
  /** 0…100, null when nothing at all is applicable. */
  score: number | null;
  band: Band | null;
  /** answered ÷ applicable questions, 0…1; null when no question is applicable. */
  completeness: number | null;
  /** Share of the questions the profile keeps that the zone declared not applicable; 0…1. */
  declaredNotApplicableShare: number | null;
  /** Profile fields the zone has not given that the set asks for or a question depends on. */
  missingProfileFields: string[];
}

export type { Counts } from "./answer.js";

export interface Assessment {
  questions: QuestionResult[];
  measures: MeasureResult[];
  areas: AreaResult[];
  overall: OverallResult;
  /** Scored questions that lose points, by points lost (descending), then id. */
  gaps: QuestionResult[];
  counts: Counts;
}

function isScoredStatus(state: QuestionState): state is Exclude<Status, "not_applicable"> {
  return Object.hasOwn(STATUS_SCORES, state);
}

/** Score s ∈ 0…1 of one question, or null when it is left out (`text`, or answered not applicable). */
export function questionScore(question: Question, answer: Answer | undefined): number | null {
  return scoreInState(question, detailedState(question, answer), answer);
}

/** `questionScore` of an answer whose state is already known (`detailedState`). */
export function scoreInState(
  question: Question,
  state: QuestionState,
  answer: Answer | undefined,
): number | null {
  if (question.type === "text") return null;
  if (state === "not_applicable") return null;
  if (state === "answered") return valueScore(question, answer?.value);
  if (state === "unanswered" || !isScoredStatus(state)) return 0;
  return STATUS_SCORES[state];
}

function valueScore(question: Question, value: AnswerValue | undefined): number {
  switch (question.type) {
    case "yesno":
      return value === true ? 1 : 0;
    case "choice":
      return typeof value === "string" ? optionScore(question, value) : 0;
    case "multi":
      return multiScore(question, value);
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? numberScore(question, value) : 0;
    default:
      return 0;
  }
}

function optionScore(question: Question, id: string): number {
  return question.options?.find((option) => option.id === id)?.score ?? 0;
}

function multiScore(question: Question, value: AnswerValue | undefined): number {
  const chosen = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  const sum = [...new Set(chosen)].reduce((acc, id) => acc + optionScore(question, id), 0);
  return Math.min(1, sum);
}

/**
 * `higher`: min(1, max(0, value/target)); `lower`: 1 when value ≤ target, else target/value.
 * A missing or non-positive target scores 1 when the value meets it, else 0. The value is taken
 * within the question's bounds (`min`, default 0, and `max`).
 */
function numberScore(question: Question, given: number): number {
  // A value outside the question's bounds (which validate reports) scores as the nearest bound.
  const value = Math.min(question.max ?? Infinity, Math.max(question.min ?? 0, given));
  const target = question.target ?? 0;
  const lower = question.direction === "lower";
  if (!(target > 0)) return (lower ? value <= target : value >= target) ? 1 : 0;
  if (lower) return value <= target ? 1 : target / value;
  return Math.min(1, Math.max(0, value / target));
}

/**
 * Whether an answer claims what the question's evidence rule asks proof of: a status listed in
 * `requiredFor`; for other question types, `implemented` listed there and an answer that scores
 * above 0 (for a text question, any text). A "no", a 0 or an empty choice claims nothing.
 */
export function claimNeedsEvidence(
  question: Question,
  answer: Pick<Answer, "status" | "value">,
): boolean {
  const required = question.evidence?.requiredFor ?? [];
  if (answer.status !== undefined) return required.includes(answer.status);
  if (answer.value === undefined || !required.includes("implemented")) return false;
  const score = questionScore(question, { value: answer.value });
  return score === null ? String(answer.value).trim() !== "" : score > 0;
}

/** True when the answer claims something its question wants evidence for, and gives none. */
export function lacksRequiredEvidence(question: Question, answer: Answer | undefined): boolean {
  if (answer === undefined || (answer.evidence ?? []).length > 0) return false;
  return claimNeedsEvidence(question, answer);
}

/**
 * The significant digits a computed score, gap or share is taken to: past them is floating-point
 * noise (1.2499999999999998 for a gap of exactly (1 − 0.9) × 0.125 × 100 = 1.25).
 */
const SIGNIFICANT_DIGITS = 12;

/** A computed figure without its floating-point noise. */
export function withoutNoise(value: number): number {
  return Number(value.toPrecision(SIGNIFICANT_DIGITS));
}

/**
 * A figure as screens and reports write it: `digits` decimals, a half rounded up, once the noise
 * is dropped (so 1.25 shows as 1.3, as 3.75 shows as 3.8, whatever the arithmetic left behind).
 */
export function figure(value: number, digits = 1): string {
  const scale = 10 ** digits;
  return (Math.round(withoutNoise(withoutNoise(value) * scale)) / scale).toFixed(digits);
}

/** `figure` to one decimal, rounded down. */
function figureDown(value: number): string {
  return (Math.floor(withoutNoise(withoutNoise(value) * 10)) / 10).toFixed(1);
}

/** The band whose `min` is the highest one not above the score (set bands, else the defaults). */
export function bandFor(score: number | null, bands: readonly Band[] = DEFAULT_BANDS): Band | null {
  if (score === null) return null;
  const clean = withoutNoise(score);
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((band) => clean >= band.min) ?? null;
}

/**
 * A score on 0…100 as every screen and report shows it (the overall score, each area, measure
 * and part): one decimal, a half rounded up (see `figure`), except that a score which rounding
 * up would carry to the edge of a band it has not reached is rounded down: 84.96 shows as 84.9
 * beside "Advancing", never as 85.0, and so does an area or measure of the same score. (Only
 * bands closer than 0.1 apart could need more decimals, which it then gives.)
 */
export function scoreInItsBand(score: number, bands?: readonly Band[]): string {
  const band = bandFor(score, bands);
  for (const shown of [figure(score), figureDown(score)]) {
    if (bandFor(Number(shown), bands) === band) return shown;
  }
  for (let digits = 2; digits <= 6; digits++) {
    const shown = figure(score, digits);
    if (bandFor(Number(shown), bands) === band) return shown;
  }
  return String(score);
}

/** Orders ids such as `M01.Q2` before `M01.Q10` (digit runs compare as numbers). */
export function compareIds(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] ?? "";
    const y = pb[i] ?? "";
    if (x === y) continue;
    if (i % 2 === 0) return x < y ? -1 : 1;
    if (Number(x) !== Number(y)) return Number(x) - Number(y);
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Weighted mean of the items with a score, or null when none has one (or weights sum to 0). */
function weightedMean(items: readonly { weight: number; score: number | null }[]): number | null {
  let weights = 0;
  let sum = 0;
  for (const item of items) {
    if (item.score === null) continue;
    weights += item.weight;
    sum += item.weight * item.score;
  }
  return weights > 0 ? sum / weights : null;
}

function sumWeights(items: readonly { weight: number; score: number | null }[]): number {
  return items.reduce((acc, item) => acc + (item.score === null ? 0 : item.weight), 0);
}

function evaluateQuestion(
  question: Question,
  measure: Measure,
  answer: Answer | undefined,
  zone: Zone,
): QuestionResult {
  const reason = notApplicableReason(question, zone);
  const state: QuestionState = reason ? "not_applicable" : detailedState(question, answer);
  const exclusion: Exclusion | undefined = reason
    ? { by: "profile", reason }
    : state === "not_applicable"
      ? { by: "answer", ...(answer?.note === undefined ? {} : { note: answer.note }) }
      : undefined;
  const applicable = exclusion === undefined;
  const score = applicable ? questionScore(question, answer) : null;
  // Built without object spreads: this runs for every question of every file a roll-up reads.
  const result: QuestionResult = {
    id: question.id,
    measure: measure.id,
    area: measure.area,
    type: question.type,
    weight: question.weight,
    state,
    applicable,
    scored: score !== null,
    answered: applicable && answerState(question, answer) === "answered",
    score,
    share: 0,
    gap: score === null ? null : 0,
    missingEvidence: applicable && lacksRequiredEvidence(question, answer),
    review: answer?.review === true,
  };
  if (exclusion) result.exclusion = exclusion;
  if (answer) result.answer = answer;
  return result;
}

function summariseMeasure(measure: Measure, questions: readonly QuestionResult[]): MeasureResult {
  const applicable = questions.filter((q) => q.applicable);
  const score = weightedMean(questions);
  return {
    id: measure.id,
    area: measure.area,
    weight: measure.weight,
    applicable: score !== null,
    score: score === null ? null : score * 100,
    total: questions.length,
    applicableQuestions: applicable.length,
    answered: applicable.filter((q) => q.answered).length,
    declaredOnly: score === null && questions.some(isDeclaredScoredQuestion),
  };
}

/**
 * There is no overall score only because the zone itself answered "not applicable" to the scored
 * questions that apply (an answered text question does not change this: text is never scored).
 */
export function scoreLeftOutByZone(assessment: Assessment): boolean {
  return assessment.overall.score === null && assessment.questions.some(isDeclaredScoredQuestion);
}

/** A question that would count in the score but for the zone's own "not applicable". */
function isDeclaredScoredQuestion(q: QuestionResult): boolean {
  return q.exclusion?.by === "answer" && q.type !== "text";
}

function summariseArea(area: Area, measures: readonly MeasureResult[]): AreaResult {
  const inArea = measures.filter((m) => m.area === area.id);
  const score = weightedMean(inArea);
  const declaredOnly = score === null && inArea.some((m) => m.declaredOnly);
  return { id: area.id, weight: area.weight, applicable: score !== null, score, declaredOnly };
}

/** Sets each scored question's share of the overall weight and the points it loses. */
function assignGaps(
  questions: readonly QuestionResult[],
  measures: readonly MeasureResult[],
  areas: readonly AreaResult[],
): void {
  const areaTotal = sumWeights(areas);
  const measureById = new Map(measures.map((m) => [m.id, m]));
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const questionTotals = totalsBy(questions, (q) => q.measure);
  const measureTotals = totalsBy(measures, (m) => m.area);
  for (const q of questions) {
    const measure = measureById.get(q.measure);
    const area = areaById.get(q.area);
    if (q.score === null || !measure || !area || area.score === null || areaTotal <= 0) continue;
    const inMeasure = q.weight / (questionTotals.get(q.measure) ?? 1);
    const inArea = measure.weight / (measureTotals.get(q.area) ?? 1);
    q.share = inMeasure * inArea * (area.weight / areaTotal);
    q.gap = (1 - q.score) * q.share * 100;
  }
}

/** Sum of the weights of the scored items in each group. */
function totalsBy<T extends { weight: number; score: number | null }>(
  items: readonly T[],
  key: (item: T) => string,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const item of items) {
    if (item.score !== null) totals.set(key(item), (totals.get(key(item)) ?? 0) + item.weight);
  }
  return totals;
}

function countQuestions(questions: readonly QuestionResult[]): Counts {
  return countAnswers(
    questions.map((q) => ({
      applies: q.exclusion?.by !== "profile",
      state: q.applicable ? answerState(q, q.answer) : "not_applicable",
      review: q.review,
    })),
  );
}

/**
 * The order of two gaps, the larger first, equal up to floating-point noise (0): the one order of
 * gaps, of the report's list and of a roll-up's largest gaps per zone alike.
 */
export function compareGaps(a: number, b: number): number {
  if (a === b) return 0;
  // Gaps further apart than the noise cannot round to the same figure, and rounding keeps their
  // order: their own difference has the sign the noiseless one has (toPrecision is slow, and a
  // roll-up orders the gaps of every zone).
  if (Math.abs(b - a) > NOISE_APART * Math.max(Math.abs(a), Math.abs(b))) return b - a;
  return withoutNoise(b) - withoutNoise(a);
}

/**
 * Two numbers whose difference is more than this share of the larger differ in their first
 * SIGNIFICANT_DIGITS (which can be closer together by at most 10^(1 − SIGNIFICANT_DIGITS) of it).
 */
const NOISE_APART = 10 ** (3 - SIGNIFICANT_DIGITS);

function byGap(a: QuestionResult, b: QuestionResult): number {
  // Equal gaps (up to floating-point noise) in id order.
  return compareGaps(a.gap ?? 0, b.gap ?? 0) || compareIds(a.id, b.id);
}

/** Scores every question, measure and area of the set for the answers' zone, with gaps and counts. */
export function scoreAssessment(set: MeasureSet, answers: AnswersFile): Assessment {
  const zone: Zone = withDerivedProfile(set.profile, answers.zone ?? {});
  const given = answers.answers ?? {};
  const questions: QuestionResult[] = [];
  const measures: MeasureResult[] = [];
  for (const measure of set.measures) {
    const results = measure.questions.map((q) => evaluateQuestion(q, measure, given[q.id], zone));
    questions.push(...results);
    measures.push(summariseMeasure(measure, results));
  }
  const areas = set.areas.map((area) => summariseArea(area, measures));
  assignGaps(questions, measures, areas);
  const counts = countQuestions(questions);
  const score = weightedMean(areas);
  return {
    questions,
    measures,
    areas,
    overall: {
      score,
      band: bandFor(score, set.bands ?? DEFAULT_BANDS),
      completeness: counts.applicable > 0 ? counts.answered / counts.applicable : null,
      declaredNotApplicableShare: declaredNotApplicableShare(counts),
      missingProfileFields: missingProfileFields(set, zone),
    },
    gaps: questions.filter((q) => q.gap !== null && q.gap > 0).sort(byGap),
    counts,
  };
}

/** For a set that extends another: the score of the base set's measures and of the additions. */
export interface PartScores {
  base: { id: string; version: string };
  national: OverallResult;
  additions: OverallResult;
}

/**
 * The national (base) score and the provincial additions' score of an extended set, each
 * scored alone over its own measures and the areas they sit in; undefined for other sets.
 */
export function scoreParts(set: MeasureSet, answers: AnswersFile): PartScores | undefined {
  const base = set.base;
  if (!base) return undefined;
  const part = (inBase: boolean): OverallResult => {
    const measures = set.measures.filter((m) => base.measures.includes(m.id) === inBase);
    const areas = set.areas.filter((a) => measures.some((m) => m.area === a.id));
    return scoreAssessment({ ...set, measures, areas }, answers).overall;
  };
  return {
    base: { id: base.id, version: base.version },
    national: part(true),
    additions: part(false),
  };
}

/** The latest valid `answeredAt` among the answers, as YYYY-MM-DD in `timeZone`, or undefined. */
export function lastAnsweredDate(answers: AnswersFile, timeZone?: string): string | undefined {
  const latest = latestAnsweredAt(answers);
  return latest === null ? undefined : calendarDate(latest, timeZone);
}

/**
 * The newest `answeredAt` of a file in milliseconds (each read by `Date.parse`; one it cannot
 * read is passed over), or null when no answer is dated.
 */
export function latestAnsweredAt(answers: AnswersFile): number | null {
  let latest = Number.NEGATIVE_INFINITY;
  // By key, not Object.values: js-yaml's mapping of a few dozen answers is a dictionary-mode
  // object, on which Object.values takes a slow path.
  const given = answers.answers ?? {};
  for (const id of Object.keys(given)) {
    const at = given[id]?.answeredAt;
    const time = at === undefined ? Number.NaN : Date.parse(String(at));
    if (Number.isFinite(time) && time > latest) latest = time;
  }
  return Number.isFinite(latest) ? latest : null;
}

/**
 * The report date: the calendar day of the answers' last update in `timeZone` (an IANA name such
 * as `Asia/Shanghai`, as in `TZ`; the machine's zone when undefined or unknown), so the output is
 * the same for the same zone. `SOURCE_DATE_EPOCH` seconds, when given, win and are dated in UTC,
 * as reproducible builds expect.
 */
export function reportDate(
  answers: AnswersFile,
  epochSeconds?: number,
  timeZone?: string,
): string | undefined {
  if (epochSeconds !== undefined) return calendarDate(epochSeconds * 1000, "UTC");
  return lastAnsweredDate(answers, timeZone);
}

/** YYYY-MM-DD of an instant in a time zone (the machine's own when undefined). */
export function calendarDate(milliseconds: number, timeZone: string | undefined): string {
  const plain = plainCalendarDate(milliseconds, timeZone);
  if (plain !== undefined) return plain;
  const parts = dateParts(milliseconds, timeZone);
  const pick = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const year = pick("year").padStart(4, "0");
  return `${year}-${pick("month")}-${pick("day")}`;
}

/**
 * The same date for UTC and the machine's own zone without Intl (years 1000–9999; others go
 * through Intl's rules): a process's first DateTimeFormat loads ICU's calendar data, which
 * takes longer than the rest of a report.
 */
function plainCalendarDate(milliseconds: number, timeZone: string | undefined): string | undefined {
  const utc = timeZone === "UTC" || timeZone === "Etc/UTC";
  if (timeZone && !utc) return undefined;
  const d = new Date(milliseconds);
  const year = utc ? d.getUTCFullYear() : d.getFullYear();
  if (!(year >= 1000 && year <= 9999)) return undefined;
  const month = (utc ? d.getUTCMonth() : d.getMonth()) + 1;
  const day = utc ? d.getUTCDate() : d.getDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateParts(milliseconds: number, timeZone: string | undefined): Intl.DateTimeFormatPart[] {
  // Building a DateTimeFormat costs far more than using one: one per zone name, kept.
  const key = timeZone || "";
  let format = dateFormats.get(key);
  if (format === undefined) {
    const options = { year: "numeric", month: "2-digit", day: "2-digit" } as const;
    try {
      format = new Intl.DateTimeFormat("en-US", { ...options, timeZone: timeZone || undefined });
    } catch {
      // An unknown zone name: the machine's own zone, as the C library would fall back.
      format = new Intl.DateTimeFormat("en-US", options);
    }
    dateFormats.set(key, format);
  }
  return format.formatToParts(milliseconds);
}
