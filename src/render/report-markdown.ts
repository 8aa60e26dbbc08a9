/**
 * The gap report as GitHub-flavoured Markdown. Pure and deterministic: the same assessment, set,
 * answers and options give the same bytes. Every piece of user- or set-supplied text goes through
 * markdown-escape; only the fixed strings of report-messages are inserted as they are.
 */
import { profileFieldLabel, profileValueLabel } from "../core/applicability.js";
import {
  DEFAULT_BANDS,
  type AnswerValue,
  type Band,
  type AnswersFile,
  type Lang,
  type Measure,
  type MeasureSet,
  type Question,
} from "../core/model.js";
import { bandFor, type Assessment, type QuestionResult } from "../core/score.js";
import { reportMessages, type ReportMessages } from "../i18n/report-messages.js";
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
  const ctx = makeContext(assessment, set, answers, options.lang);
  const blocks = [
    `# ${ctx.m.title}`,
    headerList(ctx, options.date),
    ...overallSection(ctx),
    ...measuresSection(ctx),
    ...gapsSection(ctx, options.top),
    ...openPointSections(ctx),
    ...evidenceSection(ctx),
    ...methodSection(ctx),
  ];
  return `${blocks.join("\n\n")}\n`;
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
  return { set, answers, assessment, lang, m: reportMessages(lang), questions, measures };
}

/** A score on 0…100 rounded to one decimal, or the "n/a" label. */
export function formatScore(score: number | null, m: ReportMessages): string {
  return score === null ? m.notApplicableShort : score.toFixed(1);
}

/**
 * The overall score to one decimal, with more decimals only where rounding would carry it into
 * another band: 84.96 shows as 84.96 beside "Advancing", not as 85.0.
 */
export function scoreInItsBand(score: number, bands?: readonly Band[]): string {
  const band = bandFor(score, bands);
  for (let digits = 1; digits <= 6; digits++) {
    const shown = score.toFixed(digits);
    if (bandFor(Number(shown), bands) === band) return shown;
  }
  return String(score);
}

/** A bar of BAR_WIDTH characters, `█` for the scored part and `░` for the rest. */
export function textBar(score: number | null): string {
  if (score === null) return "—";
  const filled = Math.round((Math.min(100, Math.max(0, score)) / 100) * BAR_WIDTH);
  return "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
}

/** A GFM table in "compact" style; cells must already be escaped. */
export function table(columns: readonly Column[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
  const delimiter = columns.map((c) => (c.align === "right" ? "---:" : "---"));
  return [line(columns.map((c) => c.title)), line(delimiter), ...rows.map(line)].join("\n");
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
    [
      m.header.plan,
      m.planDocument(
        escapeInline(source.document),
        source.title ? escapeInline(source.title[lang]) : undefined,
        escapeInline(source.issuer[lang]),
        escapeInline(source.issued),
      ),
    ],
    [m.header.assessor, assessorLine(answers)],
  ];
  items.push([m.header.date, date === undefined ? "—" : escapeInline(date)]);
  items.push([m.header.completeness, completenessLine(ctx)]);
  return items.map(([label, value]) => `- **${label}**${m.fieldSeparator}${value}`).join("\n");
}

function zoneLine(ctx: Context): string {
  const { set, answers, lang, m } = ctx;
  const zone = answers.zone ?? {};
  const name = escapeCell(typeof zone.name === "string" ? zone.name : "");
  const labels = set.profile
    .filter((field) => field.id !== "name" && field.type !== "yesno")
    .filter((field) => zone[field.id] !== undefined && zone[field.id] !== "")
    .map((field) => escapeInline(profileValueLabel(set, field.id, zone[field.id])[lang]));
  return labels.length > 0 ? m.parenthetical(name, labels.join(m.listSeparator)) : name;
}

function assessorLine(answers: AnswersFile): string {
  const parts = [answers.assessor?.name, answers.assessor?.role].filter(
    (part): part is string => typeof part === "string" && part.trim() !== "",
  );
  return escapeCell(parts.join(", "));
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

function completenessLine(ctx: Context): string {
  const { overall, counts } = ctx.assessment;
  if (overall.completeness === null) return ctx.m.noCompleteness;
  return ctx.m.completenessDetail({ percent: percent(overall.completeness), ...counts });
}

function overallSection(ctx: Context): string[] {
  const { m, set, lang, assessment } = ctx;
  const { score, band } = assessment.overall;
  const summary =
    score === null
      ? m.overall.none
      : m.overall.line(
          scoreInItsBand(score, set.bands),
          band ? escapeInline(band.label[lang]) : "—",
        );
  const c = m.overall.columns;
  const rows = set.areas.map((area) => {
    const result = assessment.areas.find((a) => a.id === area.id);
    const areaScore = result?.score ?? null;
    return [
      escapeCell(area.title[lang]),
      escapeCell(area.ref),
      escapeCell(String(area.weight)),
      formatScore(areaScore, m),
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
  return [`## ${m.overall.heading}`, summary, table(columns, rows)];
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
      formatScore(result?.score ?? null, m),
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
  return blocks;
}

function gapsSection(ctx: Context, top: number): string[] {
  const { m, lang, assessment } = ctx;
  const shown = assessment.gaps.slice(0, Math.max(0, top));
  if (shown.length === 0) return [`## ${m.gaps.heading}`, m.none];
  const c = m.gaps.columns;
  const rows = shown.map((gap, i) => {
    const measure = ctx.measures.get(gap.measure);
    return [
      String(i + 1),
      questionCell(ctx, gap),
      measureCell(ctx, gap),
      escapeCell(measure?.ref),
      stateCell(ctx, gap),
      (gap.gap ?? 0).toFixed(1),
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

/** The answer of a value question in words: yes/no, option labels, or a number with its target. */
function valueLabel(ctx: Context, question: Question, value: AnswerValue | undefined): string {
  const { m, lang } = ctx;
  const optionLabel = (id: string): string =>
    question.options?.find((option) => option.id === id)?.label[lang] ?? id;
  if (typeof value === "boolean") return value ? m.yes : m.no;
  if (Array.isArray(value)) {
    return value.length === 0 ? m.noneSelected : value.map(optionLabel).join(m.listSeparator);
  }
  if (typeof value === "number") return numberLabel(ctx, question, value);
  return question.type === "choice" ? optionLabel(String(value)) : String(value ?? "");
}

function numberLabel(ctx: Context, question: Question, value: number): string {
  const unit = question.unit ? ` ${question.unit[ctx.lang]}` : "";
  if (question.target === undefined) return `${plainNumber(value)}${unit}`;
  const target = ctx.m.target(
    `${plainNumber(question.target)}${unit}`,
    question.direction ?? "higher",
  );
  return ctx.m.parenthetical(`${plainNumber(value)}${unit}`, target);
}

/** A number as a person wrote it: 1.8, not the float noise 1.7999999999999998. */
function plainNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function noteCell(result: QuestionResult): string {
  return escapeCell(result.answer?.note);
}

function section(
  heading: string,
  m: ReportMessages,
  columns: Column[],
  rows: string[][],
): string[] {
  return [`## ${heading}`, rows.length === 0 ? m.none : table(columns, rows)];
}

function openPointSections(ctx: Context): string[] {
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
    return m.profileExclusion(
      escapeInline(profileFieldLabel(set, field)[lang]),
      allowedLabels.map(escapeInline).join(" / "),
      escapeInline(profileValueLabel(set, field, actual)[lang]),
    );
  }
  const note = result.answer?.note ?? "";
  return note.trim() === "" ? m.noJustification : escapeCell(note);
}

function evidenceSection(ctx: Context): string[] {
  const { m } = ctx;
  const rows = ctx.assessment.questions.flatMap((q) =>
    (q.answer?.evidence ?? []).map((item) => [
      questionCell(ctx, q),
      stateCell(ctx, q),
      linkOrText(item),
    ]),
  );
  const columns: Column[] = [
    { title: m.columns.question },
    { title: m.columns.status },
    { title: m.columns.evidence },
  ];
  return section(m.sections.evidence, m, columns, rows);
}

function methodSection(ctx: Context): string[] {
  const { m, set, lang } = ctx;
  const bands = [...(set.bands ?? DEFAULT_BANDS)]
    .sort((a, b) => b.min - a.min)
    .map((band) => m.bandItem(escapeInline(band.label[lang]), escapeInline(String(band.min))))
    .join(m.listSeparator);
  return [`## ${m.sections.method}`, ...m.method(bands)];
}
