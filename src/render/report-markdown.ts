/**
 * The gap report as GitHub-flavoured Markdown. Pure and deterministic: the same assessment, set,
 * answers and options give the same bytes. Every piece of user- or set-supplied text goes through
 * markdown-escape; only the fixed strings of report-messages are inserted as they are.
 */
import {
  DECLARED_NOT_APPLICABLE_WARN,
  profileApplicable,
  valueInWords,
  withUnit,
  type ValueWords,
} from "../core/answer.js";
import { profileFieldLabel, profileValueLabel, zoneDescription } from "../core/applicability.js";
import {
  DEFAULT_BANDS,
  type AnswerValue,
  type Band,
  type AnswersFile,
  type Lang,
  type Measure,
  type MeasureSet,
  type Question,
  type SetSource,
} from "../core/model.js";
import { actionPlan } from "../core/actions.js";
import { baseDocuments } from "../core/set-ref.js";
import {
  figure,
  scoreInItsBand,
  scoreLeftOutByZone,
  scoreParts,
  type Assessment,
  type OverallResult,
  type QuestionResult,
} from "../core/score.js";
import { documentMessages, type DocumentMessages } from "../i18n/document-messages.js";
import { reportMessages, type ReportMessages } from "../i18n/report-messages.js";
import { trustMessages, type TrustMessages } from "../i18n/report-trust-messages.js";
import { escapeCell, escapeInline, linkOrText } from "./markdown-escape.js";

export interface MarkdownOptions {
  lang: Lang;
  /** How many gaps to list (default 10 in the CLI). */
  top: number;
  /** YYYY-MM-DD; the header shows — when undefined (no answer carries a date). */
  date?: string;
}

/** Width of the text bars in the areas table. */
export const BAR_WIDTH = 20;

type Align = "left" | "right";

interface Column {
  title: string;
  align?: Align;
}

interface Context {
  set: MeasureSet;
  answers: AnswersFile;
  assessment: Assessment;
  lang: Lang;
  m: ReportMessages;
  t: TrustMessages;
  questions: ReadonlyMap<string, Question>;
  measures: ReadonlyMap<string, Measure>;
}

/** Renders the full report: header, scores, measures, gaps, open points, evidence and method. */
export function renderMarkdown(
  assessment: Assessment,
  set: MeasureSet,
  answers: AnswersFile,
  options: MarkdownOptions,
): string {
  return [...markdownPieces(assessment, set, answers, options)].join("");
}

/**
 * A block of the report: its text, or its text in pieces (a table a line at a time), so that a
 * report of 200,000 evidence rows is written as it is made, never held whole.
 */
type MdBlock = string | Iterable<string>;

/**
 * The report of renderMarkdown as pieces whose concatenation is the report, made one at a time
 * as they are read.
 */
export function* markdownPieces(
  assessment: Assessment,
  set: MeasureSet,
  answers: AnswersFile,
  options: MarkdownOptions,
): Generator<string> {
  const ctx = makeContext(assessment, set, answers, options.lang);
  const blocks: MdBlock[] = [
    `# ${ctx.m.title}`,
    headerList(ctx, options.date),
    ...declaredWarning(ctx),
    ...overallSection(ctx),
    ...partsSection(ctx),
    ...measuresSection(ctx),
    ...gapsSection(ctx, options.top),
    ...actionSection(ctx, options.date),
    ...answersInWordsSection(ctx),
    ...openPointSections(ctx),
    ...evidenceSection(ctx),
    ...methodSection(ctx),
  ];
  for (const [i, block] of blocks.entries()) {
    if (i > 0) yield "\n\n";
    if (typeof block === "string") yield block;
    else yield* block;
  }
  yield "\n";
}

function makeContext(
  assessment: Assessment,
  set: MeasureSet,
  answers: AnswersFile,
  lang: Lang,
): Context {
  const questions = new Map<string, Question>();
  for (const measure of set.measures) for (const q of measure.questions) questions.set(q.id, q);
  const measures = new Map(set.measures.map((measure) => [measure.id, measure]));
  const m = reportMessages(lang);
  return { set, answers, assessment, lang, m, t: trustMessages(lang), questions, measures };
}

/** A score on 0…100 as scoreInItsBand writes it (one decimal), or the "n/a" label. */
export function formatScore(
  score: number | null,
  m: ReportMessages,
  bands: readonly Band[] | undefined,
): string {
  return score === null ? m.notApplicableShort : scoreInItsBand(score, bands);
}

/** Points lost (a gap) to one decimal, a half rounded up. */
export function formatPoints(gap: number | null): string {
  return figure(gap ?? 0);
}

/** The overall score as every screen and report shows it (see core/score.ts). */
export { scoreInItsBand };

/** A bar of BAR_WIDTH characters, `█` for the scored part and `░` for the rest. */
export function textBar(score: number | null): string {
  if (score === null) return "—";
  const filled = Math.round((Math.min(100, Math.max(0, score)) / 100) * BAR_WIDTH);
  return "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
}

/** A GFM table in "compact" style; cells must already be escaped. */
export function table(columns: readonly Column[], rows: readonly string[][]): string {
  const pieces = tableHead(columns);
  for (const row of rows) {
    pieces.push("\n");
    pushLine(pieces, row);
  }
  return pieces.join("");
}

/** The table of `table` a row at a time (rows may be made as they are read). */
function* tablePieces(
  columns: readonly Column[],
  rows: Iterable<readonly string[]>,
): Generator<string> {
  yield* tableHead(columns);
  for (const row of rows) {
    const pieces = ["\n"];
    pushLine(pieces, row);
    yield* pieces;
  }
}

/** The header row and the alignment row of a table. */
function tableHead(columns: readonly Column[]): string[] {
  const pieces: string[] = [];
  pushLine(
    pieces,
    columns.map((c) => c.title),
  );
  pieces.push("\n");
  pushLine(
    pieces,
    columns.map((c) => (c.align === "right" ? "---:" : "---")),
  );
  return pieces;
}

/**
 * One row's pieces, cell by cell: a 10 MB note is passed on as it is, not copied into its line.
 */
function pushLine(pieces: string[], cells: readonly string[]): void {
  if (cells.length === 0) pieces.push("| ");
  for (let i = 0; i < cells.length; i++) {
    pieces.push(i === 0 ? "| " : " | ", cells[i] as string);
  }
  pieces.push(" |");
}

function headerList(ctx: Context, date: string | undefined): string {
  const { m, set, answers, lang } = ctx;
  const source = set.source;
  const items: [string, string][] = [
    [m.header.zone, zoneLine(ctx)],
    [
      m.header.measureSet,
      m.parenthetical(
        escapeInline(set.title[lang]),
        `${escapeInline(set.id)} ${escapeInline(set.version)}`,
      ),
    ],
    [m.header.plan, planLine(m, lang, source, baseDocuments(set))],
    [m.header.assessor, assessorLine(answers, m)],
  ];
  items.push([m.header.date, date === undefined ? "—" : escapeInline(date)]);
  items.push([m.header.completeness, completenessLine(ctx.assessment, m)]);
  items.push([ctx.t.declaredLabel, escapeInline(declaredLine(ctx.assessment, ctx.t))]);
  const missing = ctx.assessment.overall.missingProfileFields;
  if (missing.length > 0) {
    const fields = missing.map((field) => profileFieldLabel(set, field)[lang]);
    const line = ctx.t.profileIncomplete(fields.join(m.listSeparator), fields.length);
    items.push([ctx.t.profileLabel, escapeInline(line)]);
  }
  return items.map(([label, value]) => `- ${strong(label)}${m.fieldSeparator}${value}`).join("\n");
}

function zoneLine(ctx: Context): string {
  const { set, answers, lang, m } = ctx;
  const zone = zoneDescription(set, answers.zone ?? {}, lang);
  const name = escapeCell(zone.name);
  const labels = zone.labels.map(escapeInline);
  return labels.length > 0 ? m.parenthetical(name, labels.join(m.listSeparator)) : name;
}

function assessorLine(answers: AnswersFile, m: ReportMessages): string {
  const parts = [answers.assessor?.name, answers.assessor?.role].filter(
    (part): part is string => typeof part === "string" && part.trim() !== "",
  );
  return escapeCell(parts.join(m.partSeparator));
}

/** Strong emphasis around text that is already escaped. */
function strong(text: string): string {
  return `**${text}**`;
}

/**
 * An action's owner as every action list writes it (the report's plan, diff's lists): the owner,
 * or the words for none. Unescaped.
 */
export function actionOwner(owner: string | undefined, d: DocumentMessages["actions"]): string {
  return owner ?? d.noOwner;
}

/** An action's due date as every action list writes it, or the words for none. */
export function actionDue(due: string | undefined, d: DocumentMessages["actions"]): string {
  return due ?? d.noDue;
}

/** A fraction 0…1 as a percentage with one decimal, e.g. `87.5%`. */
export function percent(fraction: number): string {
  return `${figure(fraction * 100)}%`;
}

/**
 * The completeness fact of the report's header, in words: the answered share and its counts, or
 * why there is none (nothing applies to the zone profile, or the zone declared all that applies
 * not applicable). Plain text from fixed messages and numbers: every report format shows this one.
 */
export function completenessLine(assessment: Assessment, m: ReportMessages): string {
  const { overall, counts } = assessment;
  if (overall.completeness === null) {
    return allDeclared(assessment) ? m.noCompletenessAllDeclared : m.noCompleteness;
  }
  return m.completenessDetail({ percent: percent(overall.completeness), ...counts });
}

/** Nothing is scored only because the zone declared every question that applies not applicable. */
function allDeclared(assessment: Assessment): boolean {
  return (assessment.overall.declaredNotApplicableShare ?? 0) >= 1;
}

/** The declared-not-applicable fact of the header, in plain words (every format shows this one). */
export function declaredLine(assessment: Assessment, t: TrustMessages): string {
  const { counts, overall } = assessment;
  const share = overall.declaredNotApplicableShare ?? 0;
  return t.declaredLine(counts.declaredNotApplicable, profileApplicable(counts), percent(share));
}

/** A warning under the header when the zone set aside too much of the plan as not applicable. */
function declaredWarning(ctx: Context): string[] {
  const share = ctx.assessment.overall.declaredNotApplicableShare;
  if (share === null || share <= DECLARED_NOT_APPLICABLE_WARN) return [];
  const text = ctx.t.declaredWarning(percent(share), `${DECLARED_NOT_APPLICABLE_WARN * 100}%`);
  return [`> ${strong(escapeInline(text))}`];
}

/** A score, or "n/a ‡" when only the zone's own "not applicable" answers left it out. */
function scoreCell(
  ctx: Context,
  result: { score: number | null; declaredOnly: boolean } | undefined,
): string {
  const shown = formatScore(result?.score ?? null, ctx.m, ctx.set.bands);
  return result?.declaredOnly ? `${shown} ${ctx.t.declaredMarker}` : shown;
}

function hasNote(q: QuestionResult): boolean {
  return (q.answer?.note ?? "").trim() !== "";
}

/** Free-text answers and the notes of answered (or still unanswered) questions. */
function answersInWordsSection(ctx: Context): MdBlock[] {
  const { m, t, assessment } = ctx;
  const rows = assessment.questions
    // "Don't know" and "not applicable" entries show their notes in their own sections.
    .filter((q) => q.state !== "unknown" && q.state !== "not_applicable")
    .filter((q) => (q.type === "text" && q.state === "answered") || hasNote(q))
    .map((q) => [questionCell(ctx, q), measureCell(ctx, q), stateCell(ctx, q), noteCell(q)]);
  if (rows.length === 0) return [];
  const columns: Column[] = [
    { title: m.columns.question },
    { title: m.columns.measure },
    { title: t.answerColumn },
    { title: m.columns.note },
  ];
  return [`## ${t.answersHeading}`, tablePieces(columns, rows)];
}

/** For a set that extends another: the national score, the additions' score and the overall. */
function partsSection(ctx: Context): string[] {
  const { m, set, lang, answers, assessment } = ctx;
  const parts = scoreParts(set, answers);
  if (!parts) return [];
  const row = (label: string, overall: OverallResult) => [
    escapeCell(label),
    overall.score === null ? m.notApplicableShort : scoreInItsBand(overall.score, set.bands),
    overall.band ? escapeCell(overall.band.label[lang]) : "—",
    overall.completeness === null ? "—" : percent(overall.completeness),
  ];
  const c = m.parts.columns;
  const columns: Column[] = [
    { title: c.part },
    { title: c.score, align: "right" },
    { title: c.band },
    { title: c.answered, align: "right" },
  ];
  const rows = [
    row(m.parts.national(`${parts.base.id} ${parts.base.version}`), parts.national),
    row(m.parts.additions(`${set.id} ${set.version}`), parts.additions),
    row(m.parts.together, assessment.overall),
  ];
  return [`## ${m.parts.heading}`, table(columns, rows)];
}

function overallSection(ctx: Context): string[] {
  const { m, set, lang, assessment } = ctx;
  const { score, band } = assessment.overall;
  const summary =
    score === null
      ? scoreLeftOutByZone(assessment)
        ? m.overall.noneDeclared
        : m.overall.none
      : m.overall.line(
          strong(scoreInItsBand(score, set.bands)),
          strong(band ? escapeInline(band.label[lang]) : "—"),
        );
  const c = m.overall.columns;
  const rows = set.areas.map((area) => {
    const result = assessment.areas.find((a) => a.id === area.id);
    const areaScore = result?.score ?? null;
    return [
      escapeCell(area.title[lang]),
      escapeCell(area.ref),
      escapeCell(String(area.weight)),
      scoreCell(ctx, result),
      textBar(areaScore),
    ];
  });
  const columns: Column[] = [
    { title: c.area },
    { title: c.ref },
    { title: c.weight, align: "right" },
    { title: c.score, align: "right" },
    { title: c.bar },
  ];
  const blocks = [`## ${m.overall.heading}`, summary, table(columns, rows)];
  if (assessment.areas.some((a) => a.declaredOnly)) blocks.push(ctx.t.declaredMarkerNote);
  return blocks;
}

function measuresSection(ctx: Context): string[] {
  const { m, set, lang, assessment } = ctx;
  const c = m.measures.columns;
  const rows = set.measures.map((measure) => {
    const result = assessment.measures.find((r) => r.id === measure.id);
    const marker = measure.provenance.basis === "reconstructed" ? " †" : "";
    return [
      escapeCell(String(measure.number)),
      `${escapeCell(measure.title[lang])}${marker}`,
      escapeCell(measure.ref),
      scoreCell(ctx, result),
      `${result?.answered ?? 0}/${result?.applicableQuestions ?? 0}`,
    ];
  });
  const columns: Column[] = [
    { title: c.number, align: "right" },
    { title: c.measure },
    { title: c.ref },
    { title: c.score, align: "right" },
    { title: c.answered, align: "right" },
  ];
  const blocks = [`## ${m.measures.heading}`, table(columns, rows)];
  if (set.measures.some((measure) => measure.provenance.basis === "reconstructed")) {
    blocks.push(m.measures.reconstructedNote);
  }
  if (assessment.measures.some((r) => r.declaredOnly)) blocks.push(ctx.t.declaredMarkerNote);
  return blocks;
}

/**
 * The top-gaps section when it lists no gap: "None." when there is none, else how many there are
 * and that `--top 0` turned the list off. Every format says this one sentence.
 */
export function noGapsListed(m: ReportMessages, total: number): string {
  return total > 0 ? m.gaps.notListed(total) : m.none;
}

function gapsSection(ctx: Context, top: number): string[] {
  const { m, lang, assessment } = ctx;
  const shown = assessment.gaps.slice(0, Math.max(0, top));
  if (shown.length === 0) {
    return [`## ${m.gaps.heading}`, noGapsListed(m, assessment.gaps.length)];
  }
  const c = m.gaps.columns;
  const rows = shown.map((gap, i) => {
    const measure = ctx.measures.get(gap.measure);
    return [
      String(i + 1),
      questionCell(ctx, gap),
      measureCell(ctx, gap),
      escapeCell(measure?.ref),
      stateCell(ctx, gap),
      formatPoints(gap.gap),
      escapeCell(ctx.questions.get(gap.id)?.guidance[lang]),
    ];
  });
  const columns: Column[] = [
    { title: c.rank, align: "right" },
    { title: c.question },
    { title: c.measure },
    { title: c.ref },
    { title: c.status },
    { title: c.points, align: "right" },
    { title: c.next },
  ];
  return [
    `## ${m.gaps.heading}`,
    m.gaps.intro(shown.length, assessment.gaps.length),
    table(columns, rows),
  ];
}

/** Every gap with an owner or a due date, the earliest due first; overdue ones said in words. */
function actionSection(ctx: Context, date: string | undefined): string[] {
  const d = documentMessages(ctx.lang).actions;
  const items = actionPlan(ctx.assessment, date);
  if (items.length === 0) return [`## ${d.heading}`, d.none];
  const c = d.columns;
  const rows = items.map((item) => [
    actionDue(item.due, d),
    escapeCell(actionOwner(item.owner, d)),
    questionCell(ctx, item.result),
    stateCell(ctx, item.result),
    formatPoints(item.result.gap),
    item.overdue ? `**${d.overdue}**` : d.open,
  ]);
  const columns: Column[] = [
    { title: c.due },
    { title: c.owner },
    { title: c.question },
    { title: c.status },
    { title: c.points, align: "right" },
    { title: c.state },
  ];
  const overdue = items.filter((item) => item.overdue).length;
  return [`## ${d.heading}`, d.intro(items.length, overdue), table(columns, rows)];
}

function questionCell(ctx: Context, result: QuestionResult): string {
  const question = ctx.questions.get(result.id);
  return escapeCell(`${result.id} ${question?.text[ctx.lang] ?? ""}`);
}

function measureCell(ctx: Context, result: QuestionResult): string {
  const measure = ctx.measures.get(result.measure);
  return escapeCell(`${result.measure} ${measure?.title[ctx.lang] ?? ""}`);
}

function stateCell(ctx: Context, result: QuestionResult): string {
  const question = ctx.questions.get(result.id);
  if (result.state !== "answered" || !question) return ctx.m.states[result.state];
  return escapeCell(valueLabel(ctx, question, result.answer?.value));
}

/** What putting an answer into words needs: the report's messages in the report's language. */
export interface AnswerWordsContext {
  m: ReportMessages;
  lang: Lang;
}

/**
 * The answer of a value question in words (see valueInWords), a number with its target: one
 * wording for every report format.
 */
export function valueLabel(
  ctx: AnswerWordsContext,
  question: Question,
  value: AnswerValue | undefined,
): string {
  const { m, lang } = ctx;
  if (value === undefined) return "";
  if (typeof value === "number") return numberLabel(ctx, question, value);
  return valueInWords(question, value, valueWords(m), lang);
}

/** The words valueInWords puts an answer in, from the report's messages. */
export function valueWords(m: ReportMessages): ValueWords {
  return { yes: m.yes, no: m.no, noneSelected: m.noneSelected, listSeparator: m.listSeparator };
}

function numberLabel(ctx: AnswerWordsContext, question: Question, value: number): string {
  const unit = question.unit?.[ctx.lang];
  const shown = withUnit(value, unit);
  if (question.target === undefined) return shown;
  const target = ctx.m.target(withUnit(question.target, unit), question.direction ?? "higher");
  return ctx.m.parenthetical(shown, target);
}

function noteCell(result: QuestionResult): string {
  return escapeCell(result.answer?.note);
}

function section(
  heading: string,
  m: ReportMessages,
  columns: Column[],
  rows: string[][],
): MdBlock[] {
  return [`## ${heading}`, rows.length === 0 ? m.none : tablePieces(columns, rows)];
}

function openPointSections(ctx: Context): MdBlock[] {
  const { m, assessment } = ctx;
  const c = m.columns;
  const qs = assessment.questions;
  const base: Column[] = [{ title: c.question }, { title: c.measure }];
  const row = (q: QuestionResult, ...extra: string[]): string[] => [
    questionCell(ctx, q),
    measureCell(ctx, q),
    ...extra,
  ];
  return [
    ...section(
      m.sections.missingEvidence,
      m,
      [...base, { title: c.status }, { title: c.evidenceNeeded }],
      qs
        .filter((q) => q.missingEvidence)
        .map((q) => row(q, stateCell(ctx, q), escapeCell(evidenceHint(ctx, q)))),
    ),
    ...section(
      m.sections.unknown,
      m,
      [...base, { title: c.note }],
      qs.filter((q) => q.applicable && q.state === "unknown").map((q) => row(q, noteCell(q))),
    ),
    ...section(
      m.sections.notApplicable,
      m,
      [...base, { title: c.justification }],
      qs.filter((q) => !q.applicable).map((q) => row(q, justification(ctx, q))),
    ),
    ...section(
      m.sections.unanswered,
      m,
      base,
      qs.filter((q) => q.applicable && q.state === "unanswered").map((q) => row(q)),
    ),
    ...section(
      m.sections.review,
      m,
      [...base, { title: c.status }, { title: c.note }],
      qs.filter((q) => q.review).map((q) => row(q, stateCell(ctx, q), noteCell(q))),
    ),
  ];
}

function evidenceHint(ctx: Context, result: QuestionResult): string {
  return ctx.questions.get(result.id)?.evidence?.hint[ctx.lang] ?? "";
}

function justification(ctx: Context, result: QuestionResult): string {
  const { m, set, lang } = ctx;
  const exclusion = result.exclusion;
  if (exclusion?.by === "profile") {
    const { field, allowed, actual } = exclusion.reason;
    const allowedLabels = allowed.map((value) => profileValueLabel(set, field, value)[lang]);
    const reason = m.profileExclusion(
      escapeInline(profileFieldLabel(set, field)[lang]),
      allowedLabels.map(escapeInline).join(" / "),
      escapeInline(profileValueLabel(set, field, actual)[lang]),
    );
    // The zone may have answered it anyway: its note is shown with the reason.
    const note = escapeInline(result.answer?.note ?? "");
    return note === "" ? reason : m.exclusionWithNote(reason, note);
  }
  const note = result.answer?.note ?? "";
  return note.trim() === "" ? m.noJustification : escapeCell(note);
}

function evidenceSection(ctx: Context): MdBlock[] {
  const { m } = ctx;
  const withEvidence = ctx.assessment.questions.filter(
    (q) => (q.answer?.evidence ?? []).length > 0,
  );
  const columns: Column[] = [
    { title: m.columns.question },
    { title: m.columns.status },
    { title: m.columns.evidence },
  ];
  if (withEvidence.length === 0) return [`## ${m.sections.evidence}`, m.none];
  // A row at a time as it is written; the question's cells are made once and shared by its
  // rows (a question may have 200,000).
  function* rows(): Generator<string[]> {
    for (const q of withEvidence) {
      const question = questionCell(ctx, q);
      const state = stateCell(ctx, q);
      for (const item of q.answer?.evidence ?? []) yield [question, state, linkOrText(item)];
    }
  }
  return [`## ${m.sections.evidence}`, tablePieces(columns, rows())];
}

function methodSection(ctx: Context): string[] {
  const { m, set, lang } = ctx;
  const bands = [...(set.bands ?? DEFAULT_BANDS)]
    .sort((a, b) => b.min - a.min)
    .map((band) => m.bandItem(escapeInline(band.label[lang]), escapeInline(String(band.min))))
    .join(m.listSeparator);
  return [`## ${m.sections.method}`, ...m.method(bands)];
}

/**
 * The plan document line: the base set's document first for a set that extends another; each
 * text from the set passed through `escape` (Markdown escapes it; a Word document takes it as is).
 */
export function planLine(
  m: ReportMessages,
  lang: Lang,
  own: SetSource,
  /** The documents the set builds on (see baseDocuments), national first. */
  bases: readonly SetSource[],
  escape: (text: string) => string = escapeInline,
): string {
  const one = (s: SetSource) =>
    m.planDocument(
      escape(s.document),
      s.title ? escape(s.title[lang]) : undefined,
      escape(s.issuer[lang]),
      escape(s.issued),
    );
  return [...bases, own].map(one).reduce((before, next) => m.planDocuments(before, next));
}
