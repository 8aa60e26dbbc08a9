/**
 * What an answer is: the one definition of an answers-file entry's state (answered, don't know,
 * not applicable, unanswered), the counts built from those states, an answer's value in words, and
 * the edits made to an entry. Flow, score, store, screens and reports all use this module. Pure.
 *
 * Edge cases: a missing entry, an empty one (`M01.Q1:`), one that only carries a review mark or a
 * note, and a value of the wrong type for its question are all unanswered.
 */
import type { Answer, AnswerValue, Lang, Question, QuestionType, Status } from "./model.js";

/** How a question stands given its entry in the answers file (the profile aside). */
export type AnswerState = "answered" | "unknown" | "not_applicable" | "unanswered";

/** Statuses that answer a `status` question (and count in its score). */
export const SCORED_STATUSES: readonly Status[] = [
  "implemented",
  "in_progress",
  "planned",
  "not_started",
];

/**
 * The detailed state: the status of a `status` question (`unknown`/`not_applicable` for any type),
 * `answered` for a value given to a question of another type, or `unanswered`.
 */
export type DetailedState = Status | "answered" | "unanswered";

/** The detailed state of an entry for its question. */
export function detailedState(
  question: Pick<Question, "type">,
  answer: Answer | null | undefined,
): DetailedState {
  if (answer === undefined || answer === null || typeof answer !== "object") return "unanswered";
  const { status } = answer;
  if (status === "unknown" || status === "not_applicable") return status;
  if (question.type === "status") {
    return status !== undefined && SCORED_STATUSES.includes(status) ? status : "unanswered";
  }
  return valueFits(question.type, answer.value) ? "answered" : "unanswered";
}

/** The state of an entry for its question. */
export function answerState(
  question: Pick<Question, "type">,
  answer: Answer | null | undefined,
): AnswerState {
  return stateOfDetailed(detailedState(question, answer));
}

/** The state that a detailed state stands for. */
export function stateOfDetailed(state: DetailedState): AnswerState {
  if (state === "unknown" || state === "not_applicable" || state === "unanswered") return state;
  return "answered";
}

/** True when the entry settles the question: answered, don't know or not applicable. */
export function isSettled(question: Pick<Question, "type">, answer: Answer | undefined): boolean {
  return answerState(question, answer) !== "unanswered";
}

/** True when the value has the type the question asks for (text: not blank). */
function valueFits(type: QuestionType, value: AnswerValue | null | undefined): boolean {
  switch (type) {
    case "yesno":
      return typeof value === "boolean";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "choice":
      return typeof value === "string" && value !== "";
    case "multi":
      return Array.isArray(value) && value.every((item) => typeof item === "string");
    case "text":
      return typeof value === "string" && value.trim() !== "";
    case "status":
      return false;
  }
}

/** One question as the counts see it. */
export interface Counted {
  /** False when the zone profile excludes the question. */
  applies: boolean;
  state: AnswerState;
  review: boolean;
}

/**
 * The counts of an assessment, the same on every screen and in every report.
 * total = excludedByProfile + declaredNotApplicable + applicable;
 * applicable (what the score counts) = answered + unknown + unanswered;
 * notApplicable = excludedByProfile + declaredNotApplicable.
 */
export interface Counts {
  total: number;
  applicable: number;
  answered: number;
  unanswered: number;
  unknown: number;
  notApplicable: number;
  /** Left out because the zone profile excludes them. */
  excludedByProfile: number;
  /** Questions the profile keeps that the zone itself answered "not applicable". */
  declaredNotApplicable: number;
  review: number;
}

/** Counts the questions; the only place counts are made. */
export function countAnswers(items: Iterable<Counted>): Counts {
  const counts: Counts = {
    total: 0,
    applicable: 0,
    answered: 0,
    unanswered: 0,
    unknown: 0,
    notApplicable: 0,
    excludedByProfile: 0,
    declaredNotApplicable: 0,
    review: 0,
  };
  for (const item of items) {
    counts.total++;
    if (item.review) counts.review++;
    if (!item.applies) {
      counts.excludedByProfile++;
      counts.notApplicable++;
    } else if (item.state === "not_applicable") {
      counts.declaredNotApplicable++;
      counts.notApplicable++;
    } else {
      counts.applicable++;
      counts[item.state]++;
    }
  }
  return counts;
}

/** Questions the profile keeps: the ones the zone had to answer. */
export function profileApplicable(counts: Counts): number {
  return counts.total - counts.excludedByProfile;
}

/** Settled (answered, don't know or declared not applicable) of the questions the profile keeps. */
export function settledCount(counts: Counts): number {
  return counts.answered + counts.unknown + counts.declaredNotApplicable;
}

/** Share (0…1) of the questions the profile keeps that the zone declared not applicable. */
export function declaredNotApplicableShare(counts: Counts): number | null {
  const of = profileApplicable(counts);
  return of === 0 ? null : counts.declaredNotApplicable / of;
}

/** Above this share of self-declared "not applicable" answers, reports and validate warn. */
export const DECLARED_NOT_APPLICABLE_WARN = 0.2;
/** Above this share, `--fail-under` refuses the report. */
export const DECLARED_NOT_APPLICABLE_REFUSE = 0.5;

/** The words a value is put into, in the interface language. */
export interface ValueWords {
  yes: string;
  no: string;
  noneSelected: string;
  listSeparator: string;
}

/**
 * A number as a person wrote it: 1.8, not the float noise 1.7999999999999998. Every decimal of up
 * to 15 significant digits (all a saved answer keeps) is shown exactly.
 */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/**
 * A number with its unit, in any language: a space before a unit in letters (`12 enterprises`,
 * `1.3 PUE`), none before `%`, `‰`, `°` or a Chinese unit (`84%`, `12家`).
 */
export function withUnit(value: number, unit: string | undefined): string {
  if (unit === undefined || unit === "") return formatNumber(value);
  return `${formatNumber(value)}${/^[\p{Script=Han}%‰°]/u.test(unit) ? "" : " "}${unit}`;
}

/** A value in words: yes/no, option labels, the number with its unit, or the text. */
export function valueInWords(
  question: Question,
  value: AnswerValue,
  words: ValueWords,
  lang: Lang,
): string {
  const label = (id: string): string =>
    question.options?.find((o) => o.id === id)?.label[lang] ?? id;
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (typeof value === "number") return withUnit(value, question.unit?.[lang]);
  if (Array.isArray(value)) {
    return value.length === 0 ? words.noneSelected : value.map(label).join(words.listSeparator);
  }
  return question.type === "choice" ? label(String(value)) : String(value);
}

/** What the user picked for a question: a status, or a value for questions of other types. */
export type AnswerChoice = { status: Status } | { value: AnswerValue };

/** ISO 8601 in UTC without milliseconds, e.g. `2026-11-26T10:00:00Z`. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The entry written for a new answer. Evidence already given is kept; a note is kept unless the
 * answer stops being "not applicable" (that note was its justification); the owner and due date
 * of an action stay, and a review mark stays until the user removes it.
 */
export function composeAnswer(
  previous: Answer | undefined,
  choice: AnswerChoice,
  now: Date,
  extra: { evidence?: string[]; note?: string } = {},
): Answer {
  const evidence = extra.evidence ?? previous?.evidence ?? [];
  // A note is written exactly as it was typed or read (spaces and line ends are the user's);
  // only a new note of nothing but blanks means "no note". The justification of a "not
  // applicable" stays too when the answer changes: it is the user's text, removed only by them.
  const note = extra.note !== undefined ? givenText(extra.note) : previous?.note;
  // Confirming an answer unchanged (in review) keeps the time it was given.
  const unchanged =
    previous !== undefined &&
    ("status" in choice
      ? previous.status === choice.status && previous.value === undefined
      : previous.status === undefined && sameValue(previous.value, choice.value));
  return {
    ...("status" in choice ? { status: choice.status } : { value: choice.value }),
    ...(evidence.length > 0 ? { evidence: [...evidence] } : {}),
    ...(note !== undefined ? { note } : {}),
    ...(previous?.owner !== undefined ? { owner: previous.owner } : {}),
    ...(previous?.due !== undefined ? { due: previous.due } : {}),
    answeredAt: unchanged && previous.answeredAt ? previous.answeredAt : timestamp(now),
    ...(previous?.review === true ? { review: true } : {}),
  };
}

function sameValue(a: AnswerValue | undefined, b: AnswerValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => item === b[i]);
  }
  return a === b;
}

/**
 * Whether two entries say the same (status or value, evidence, note, owner, due, review mark),
 * whatever their answer times: an answer confirmed unchanged is not a change to save.
 */
export function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  keys.delete("answeredAt");
  const field = (answer: Answer | undefined, key: string): string | undefined =>
    JSON.stringify((answer as Record<string, unknown> | undefined)?.[key]);
  return [...keys].every((key) => field(a, key) === field(b, key));
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
  const given = givenText(note);
  if (given === undefined) delete next.note;
  else next.note = given;
  return Object.keys(next).length === 0 ? undefined : next;
}

/** A text the user typed, exactly as typed; undefined when it is nothing but blanks. */
export function givenText(text: string): string | undefined {
  return text.trim() === "" ? undefined : text;
}
