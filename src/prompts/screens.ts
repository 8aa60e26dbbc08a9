/**
 * What `netdz assess` prints around its prompts: the question screen (position, progress bar,
 * measure, question, guidance), the summary, the jump list, answer descriptions and notices.
 * Builds lines; prints nothing.
 */
import { DECLARED_NOT_APPLICABLE_WARN, valueInWords, withUnit } from "../core/answer.js";
import { profileFieldLabel, profileValueLabel } from "../core/applicability.js";
import type { Counts } from "../core/answer.js";
import type { FlowStep, MeasureOverview, Position, Progress } from "../core/flow.js";
import { scoreInItsBand, type OverallResult } from "../core/score.js";
import type { ListItem } from "./ask.js";
import type { Answer, AnswerValue, Band, Lang, MeasureSet, Question } from "../core/model.js";
import type { AssessMessages } from "../i18n/assess-messages.js";
import { trustMessages } from "../i18n/report-trust-messages.js";
import { percent } from "../render/report-markdown.js";
import { displayWidth, padEnd, progressBar, truncate, wrap, wrapIndented } from "./layout.js";

/** Colours; identity functions when the output is not a terminal. */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  accent(text: string): string;
  good(text: string): string;
  warn(text: string): string;
}

/** Paint that leaves text as it is. */
export const PLAIN: Paint = {
  bold: (t) => t,
  dim: (t) => t,
  accent: (t) => t,
  good: (t) => t,
  warn: (t) => t,
};

/** Width of the progress bar, in cells. */
export const BAR_WIDTH = 30;

/** A value in words, as reports put it too (see valueInWords). */
export function describeValue(
  question: Question,
  value: AnswerValue,
  m: AssessMessages,
  lang: Lang,
): string {
  const words = { yes: m.yes, no: m.no, noneSelected: m.input.noneSelected };
  return valueInWords(question, value, { ...words, listSeparator: m.listSeparator }, lang);
}

/** An answer in words, e.g. `Implemented, 2 evidence items`; undefined when there is none. */
export function describeAnswer(
  question: Question,
  answer: Answer | undefined,
  m: AssessMessages,
  lang: Lang,
): string | undefined {
  if (!answer) return undefined;
  let main: string | undefined;
  if (answer.status !== undefined) main = m.statuses[answer.status];
  else if (answer.value !== undefined) main = describeValue(question, answer.value, m, lang);
  if (main === undefined) return undefined;
  const evidence = answer.evidence?.length ?? 0;
  return evidence > 0 ? `${main}${m.detailSeparator}${m.notices.evidenceCount(evidence)}` : main;
}

/** `Target: 10 enterprises or more` for number questions; undefined for other types. */
export function targetLine(question: Question, m: AssessMessages, lang: Lang): string | undefined {
  if (question.type !== "number" || question.target === undefined) return undefined;
  const target = withUnit(question.target, question.unit?.[lang]);
  return m.screen.target(target, question.direction ?? "higher");
}

/** The reason a step does not apply, as one notice line. */
export function notApplicableLine(
  set: MeasureSet,
  step: FlowStep,
  m: AssessMessages,
  lang: Lang,
): string {
  const reason = step.notApplicable;
  if (!reason) return "";
  const label = profileFieldLabel(set, reason.field)[lang].replace(/[?？]\s*$/, "");
  const actual = profileValueLabel(set, reason.field, reason.actual)[lang];
  const allowed = reason.allowed
    .map((value) => profileValueLabel(set, reason.field, value)[lang])
    .join(m.listSeparator);
  return m.notices.notApplicable(step.question.id, label, actual, allowed);
}

/** Everything drawn above the answer list of one question. */
export interface QuestionScreen {
  set: MeasureSet;
  step: FlowStep;
  position: Position;
  progress: Progress;
  answer: Answer | undefined;
  notices: readonly string[];
  showGuidance: boolean;
  width: number;
}

/** The lines above the answer list: notices, position, progress bar, measure, question. */
export function questionScreenLines(
  screen: QuestionScreen,
  m: AssessMessages,
  lang: Lang,
  paint: Paint = PLAIN,
): string[] {
  const { step, position, width } = screen;
  const lines: string[] = [];
  if (screen.notices.length > 0) lines.push(...screen.notices, "");
  const c = m.screen.counter;
  lines.push(
    paint.bold(
      m.screen.position(
        c(position.area.n, position.area.of),
        c(position.measure.n, position.measure.of),
        c(position.question.n, position.question.of),
      ),
    ),
  );
  lines.push(progressLine(screen.progress, m, paint, width));
  lines.push(paint.dim(truncate(areaHeading(step, lang), width)));
  lines.push(...measureLines(step, m, lang, width, paint));
  lines.push("");
  lines.push(...questionLines(screen, m, lang, paint));
  if (screen.showGuidance) lines.push("", ...guidanceLines(screen, m, lang, paint));
  lines.push("");
  return lines;
}

/** `████░░░░  27% · 28 of 105 answered`; the bar shrinks to leave room for the label. */
export function progressLine(
  progress: Progress,
  m: AssessMessages,
  paint: Paint = PLAIN,
  width = 100,
): string {
  const percent = Math.floor(progress.ratio * 100);
  const label = m.screen.progress(progress.done, progress.total, percent);
  const cells = Math.max(10, Math.min(BAR_WIDTH, width - displayWidth(label) - 2));
  const bar = progressBar(progress.ratio, cells);
  return `${paint.good(bar.done)}${paint.dim(bar.rest)}  ${label}`;
}

function measureLines(
  step: FlowStep,
  m: AssessMessages,
  lang: Lang,
  width: number,
  paint: Paint,
): string[] {
  const { measure } = step;
  const head = `${measure.id}  ${measure.title[lang]}`;
  const ref = `${m.screen.plan} ${measure.ref}`;
  const oneLine = `${head}  ${ref}`;
  if (displayWidth(oneLine) <= width) return [`${paint.bold(head)}  ${paint.dim(ref)}`];
  return [...wrap(head, width).map((line) => paint.bold(line)), paint.dim(ref)];
}

function questionLines(
  screen: QuestionScreen,
  m: AssessMessages,
  lang: Lang,
  paint: Paint,
): string[] {
  const { step, width, answer } = screen;
  const question = step.question;
  const id = question.id;
  const indent = " ".repeat(displayWidth(id) + 2);
  const text = wrap(question.text[lang], width - indent.length);
  const lines = text.map((line, i) => (i === 0 ? `${paint.accent(id)}  ${line}` : indent + line));
  const target = targetLine(question, m, lang);
  if (target) lines.push(indent + paint.dim(target));
  const current = describeAnswer(question, answer, m, lang);
  const extras = [
    current !== undefined ? m.screen.answered(current) : undefined,
    answer?.review === true ? m.screen.marked : undefined,
  ].filter((x): x is string => x !== undefined);
  if (extras.length > 0) {
    for (const line of wrap(extras.join(" · "), width - indent.length)) {
      lines.push(indent + paint.warn(line));
    }
  }
  return lines;
}

function guidanceLines(
  screen: QuestionScreen,
  m: AssessMessages,
  lang: Lang,
  paint: Paint,
): string[] {
  const { question } = screen.step;
  const lines = [paint.bold(m.screen.guidance)];
  lines.push(...wrapIndented(question.guidance[lang], screen.width, "  "));
  if (question.evidence) {
    lines.push(paint.bold(m.screen.evidenceHint));
    lines.push(...wrapIndented(question.evidence.hint[lang], screen.width, "  "));
  }
  return lines;
}

/** The area heading shown above the measure: `二 Developing new quality productive forces`. */
export function areaHeading(step: FlowStep, lang: Lang): string {
  return [step.area.ref, step.area.title[lang]].filter(Boolean).join(" ");
}

/** Two-column lines `label   value`, aligned by display width. */
export function labelledLines(rows: readonly [string, string][], indent = "  "): string[] {
  const width = Math.max(0, ...rows.map(([label]) => displayWidth(label)));
  return rows.map(([label, value]) => `${indent}${padEnd(label, width)}  ${value}`);
}

/** What the summary screen shows: the counts, progress and the score so far. */
export interface SummaryScreen {
  counts: Counts;
  progress: Progress;
  overall: Pick<OverallResult, "score" | "band"> &
    Partial<Pick<OverallResult, "declaredNotApplicableShare">>;
  /** No score only because the zone itself declared the scored questions not applicable. */
  leftOutByZone?: boolean;
  /** The set's bands, which decide how many decimals the score needs. */
  bands?: readonly Band[];
  width: number;
}

/** The summary screen: progress, the counts in the report's words, and the score preview. */
export function summaryScreenLines(
  screen: SummaryScreen,
  m: AssessMessages,
  lang: Lang,
  paint: Paint = PLAIN,
): string[] {
  const { counts: s, overall } = screen;
  const labels = m.end.summary;
  const lines = [
    paint.bold(m.end.heading),
    progressLine(screen.progress, m, paint, screen.width),
    "",
    ...labelledLines([
      [labels.answered, String(s.answered)],
      [labels.unknown, String(s.unknown)],
      [labels.notApplicable(s.excludedByProfile), String(s.notApplicable)],
      [labels.unanswered, String(s.unanswered)],
      [labels.review, String(s.review)],
      [labels.total, String(s.total)],
    ]),
    "",
  ];
  if (overall.score === null || overall.band === null)
    lines.push(screen.leftOutByZone === true ? m.end.noScoreDeclared : m.end.noScore);
  else {
    const score = scoreInItsBand(overall.score, screen.bands);
    lines.push(paint.bold(m.end.scorePreview(score, overall.band.label[lang])));
    lines.push(paint.dim(m.end.scoreNote));
  }
  // The same warning the report and `validate` give when the zone set aside too much as N/A.
  const share = overall.declaredNotApplicableShare ?? null;
  if (share !== null && share > DECLARED_NOT_APPLICABLE_WARN) {
    const limit = `${DECLARED_NOT_APPLICABLE_WARN * 100}%`;
    lines.push(
      ...wrap(trustMessages(lang).declaredWarning(percent(share), limit), screen.width).map(
        paint.warn,
      ),
    );
  }
  return lines;
}

/** The value of the jump list's way back to the question. */
export const JUMP_BACK = "back";

/**
 * The "jump to a measure" list: one line per measure with its answered count (as the report's
 * measures table counts it), disabled where nothing applies, then a way back to the question.
 * Values are `measure:<id>`, or JUMP_BACK.
 */
export function jumpChoices(
  overview: readonly MeasureOverview[],
  m: AssessMessages,
  lang: Lang,
  width: number,
): ListItem<string>[] {
  const idWidth = Math.max(...overview.map((o) => displayWidth(o.measure.id)));
  const titleWidth = Math.max(20, width - idWidth - 30);
  const choices: ListItem<string>[] = overview.map((o) => {
    const forZone = o.counts.total - o.counts.excludedByProfile;
    const title = padEnd(truncate(o.measure.title[lang], titleWidth), titleWidth);
    const state =
      forZone === 0
        ? m.menu.notForZone
        : m.menu.measureProgress(o.counts.answered, o.counts.applicable, o.counts.review);
    return {
      value: `measure:${o.measure.id}`,
      // Ids of different lengths (M01, EX-M01) are padded, so the counts line up.
      name: `${padEnd(o.measure.id, idWidth)}  ${title}  ${state}`,
      ...(forZone === 0 ? { disabled: " " } : {}),
    };
  });
  choices.push({ separator: "──────────" }, { value: JUMP_BACK, name: m.menu.resume });
  return choices;
}
