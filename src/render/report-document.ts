/**
 * The gap report as a structured document: sections of headings, paragraphs, fact lists, tables
 * and charts, with every cell plain (unescaped) text. The HTML and Word renderers lay this out in
 * their own markup, so both show the same content in the same order as the Markdown report. Pure.
 */
import { DECLARED_NOT_APPLICABLE_WARN } from "../core/answer.js";
import { profileFieldLabel, profileValueLabel, zoneDescription } from "../core/applicability.js";
import { actionPlan, type ActionItem } from "../core/actions.js";
import { baseDocuments } from "../core/set-ref.js";
import {
  DEFAULT_BANDS,
  type AnswersFile,
  type Lang,
  type Measure,
  type MeasureSet,
  type Question,
} from "../core/model.js";
import {
  scoreLeftOutByZone,
  scoreParts,
  type Assessment,
  type OverallResult,
  type QuestionResult,
} from "../core/score.js";
import { documentMessages, type DocumentMessages } from "../i18n/document-messages.js";
import { reportMessages, type ReportMessages } from "../i18n/report-messages.js";
import { trustMessages, type TrustMessages } from "../i18n/report-trust-messages.js";
import { isSafeUrl, keptLines, singleLine } from "./markdown-escape.js";
import { textWidth } from "./svg-charts.js";
import {
  actionDue,
  actionOwner,
  completenessLine,
  declaredLine,
  formatPoints,
  formatScore,
  noGapsListed,
  percent,
  planLine,
  scoreInItsBand,
  textBar,
  valueLabel,
} from "./report-markdown.js";

/** A run of plain text, optionally emphasised, a link, or a score bar (0…100, null for n/a). */
export interface Span {
  text: string;
  strong?: boolean;
  href?: string;
  bar?: number | null;
  /** The bar's score as the report writes it (with `bar`). */
  shown?: string;
  /** A score (0…100) the cell is shaded by; the text still says it, for reading without colour. */
  heat?: number;
  /** The text keeps the line breaks typed into it, as "\n" (see keptLines); each renderer breaks the line there. */
  lines?: true;
}

export type Rich = Span[];

export interface Column {
  title: string;
  align?: "left" | "right";
  /** Short values (numbers, plan references, dates) that should not wrap (the header may). */
  nowrap?: boolean;
  /**
   * The column's share of the table's width, in percent. Given for every column of a table of
   * long texts or none: the HTML (on wide screens and in print) and the Word document lay such a
   * table out on these widths, so a long text column is not squeezed to a word a line.
   */
  share?: number;
}

/** The columns with their shares, which must add up to 100. */
function withShares(columns: Column[], shares: readonly number[]): Column[] {
  return columns.map((column, i) => ({ ...column, share: shares[i] ?? 0 }));
}

export interface Table {
  /** Stable id, e.g. `areas`, `measures`, `gaps`. */
  id: string;
  caption: string;
  columns: Column[];
  /**
   * The rows, which may be read more than once; the evidence index makes its rows as they are
   * read (200,000 of them are never held at once).
   */
  rows: Iterable<readonly Rich[]>;
}

export interface ChartBar {
  /** The short label drawn beside the bar. */
  label: string;
  /** The label in full, for `<title>` and alternative text. */
  fullLabel: string;
  /** The bar's length on 0…max, or null for "not applicable". */
  value: number | null;
  /** The value as printed beside the bar. */
  display: string;
}

export interface BarChart {
  id: "areas" | "measures" | "gaps";
  title: string;
  /** The scale's upper end (100 for scores). */
  max: number;
  /** What the values mean, e.g. "score out of 100". */
  unit: string;
  bars: ChartBar[];
}

export type Block =
  | { kind: "paragraph"; content: Rich }
  | { kind: "facts"; items: { label: string; value: Rich }[] }
  | { kind: "table"; table: Table }
  | { kind: "chart"; chart: BarChart }
  /** Parts shown side by side on wide screens (one under another on narrow ones and in print). */
  | { kind: "columns"; parts: { heading: string; blocks: Block[] }[]; stacked?: boolean };

export interface Section {
  id: string;
  heading: string;
  blocks: Block[];
  /** Nothing to list ("None."): printed without a page break of its own. */
  empty: boolean;
}

export interface ReportDocument {
  lang: Lang;
  title: string;
  /** The zone's name as typed (may be empty). */
  zoneName: string;
  date: string | undefined;
  /** The overall score as shown in the report, or null. */
  overallScore: string | null;
  /** The header facts (zone, set, plan, assessor, date, completeness, declared N/A, profile). */
  facts: { label: string; value: Rich }[];
  /** A warning under the header (the zone declared too much not applicable), if any. */
  warning?: Rich;
  sections: Section[];
  m: ReportMessages;
  d: DocumentMessages;
}

export interface DocumentOptions {
  lang: Lang;
  top: number;
  date?: string;
}

interface Context {
  set: MeasureSet;
  answers: AnswersFile;
  assessment: Assessment;
  lang: Lang;
  m: ReportMessages;
  d: DocumentMessages;
  t: TrustMessages;
  questions: ReadonlyMap<string, Question>;
  measures: ReadonlyMap<string, Measure>;
}

const text = (value: string): Span => ({ text: value });
const plain = (value: string | undefined): Rich => [text(lineOrDash(value))];

/** Typed text with its line breaks kept (a note, a free-text answer); an empty one is a dash. */
function lines(value: string | undefined): Rich {
  const kept = keptLines(value ?? "");
  return [kept === "" ? text("—") : { text: kept, lines: true }];
}

/** How wide the zone's name may run in a page footer, in ems, beside the page numbers. */
const FOOTER_EMS = 42;

/**
 * The zone's name as a page footer shows it: cut with "…" when it would run into the page
 * numbers (the header facts on the first page carry it in full).
 */
export function footerName(zoneName: string): string {
  if (textWidth(zoneName) <= FOOTER_EMS) return zoneName;
  let out = "";
  for (const char of zoneName) {
    if (textWidth(`${out}${char}`) > FOOTER_EMS - 1) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

/** User or set text as one line; an empty cell shows an em dash, as in the Markdown report. */
function lineOrDash(value: string | undefined): string {
  const line = singleLine(value ?? "");
  return line === "" ? "—" : line;
}

const TOKEN = /\uE000(\d+)\uE001/g;

/**
 * A message filled with rich arguments: the message is called with placeholder tokens, then split
 * so that its fixed text stays plain and each argument keeps its own emphasis or link.
 */
export function richMessage(fill: (...args: string[]) => string, args: readonly Span[]): Rich {
  // Emphasis markers around an argument (Markdown in older message strings) are dropped.
  const filled = fill(...args.map((_, i) => `\uE000${i}\uE001`)).replace(
    /\*\*(\uE000\d+\uE001)\*\*/g,
    "$1",
  );
  const out: Rich = [];
  let last = 0;
  for (const match of filled.matchAll(TOKEN)) {
    if (match.index > last) out.push(text(filled.slice(last, match.index)));
    const arg = args[Number(match[1])];
    if (arg) out.push(arg);
    last = match.index + match[0].length;
  }
  if (last < filled.length) out.push(text(filled.slice(last)));
  return out;
}

/** The whole report as a document. */
export function buildReportDocument(
  assessment: Assessment,
  set: MeasureSet,
  answers: AnswersFile,
  options: DocumentOptions,
): ReportDocument {
  const lang = options.lang;
  const questions = new Map<string, Question>();
  for (const measure of set.measures) for (const q of measure.questions) questions.set(q.id, q);
  const measures = new Map(set.measures.map((measure) => [measure.id, measure]));
  const ctx: Context = {
    set,
    answers,
    assessment,
    lang,
    m: reportMessages(lang),
    d: documentMessages(lang),
    t: trustMessages(lang),
    questions,
    measures,
  };
  const score = assessment.overall.score;
  const zoneName = typeof answers.zone?.name === "string" ? singleLine(answers.zone.name) : "";
  return {
    lang,
    title: ctx.m.title,
    zoneName,
    date: options.date,
    overallScore: score === null ? null : scoreInItsBand(score, set.bands),
    facts: headerFacts(ctx, options.date),
    ...declaredWarning(ctx),
    sections: [
      overallSection(ctx),
      ...partsSection(ctx),
      measuresSection(ctx),
      gapsSection(ctx, options.top),
      actionSection(ctx, options.date),
      ...answersInWordsSection(ctx),
      ...openPointSections(ctx),
      evidenceSection(ctx),
      methodSection(ctx),
    ],
    m: ctx.m,
    d: ctx.d,
  };
}

function headerFacts(ctx: Context, date: string | undefined): { label: string; value: Rich }[] {
  const { m, set, answers, lang } = ctx;
  const source = set.source;
  const assessor = [answers.assessor?.name, answers.assessor?.role]
    .filter((part): part is string => typeof part === "string" && part.trim() !== "")
    .join(m.partSeparator);
  return [
    { label: m.header.zone, value: [text(zoneLine(ctx))] },
    {
      label: m.header.measureSet,
      value: [text(m.parenthetical(singleLine(set.title[lang]), `${set.id} ${set.version}`))],
    },
    {
      label: m.header.plan,
      value: [text(planLine(m, lang, source, baseDocuments(set), (t) => t))],
    },
    { label: m.header.assessor, value: plain(assessor) },
    { label: m.header.date, value: [text(date ?? "—")] },
    { label: m.header.completeness, value: [text(completenessLine(ctx.assessment, ctx.m))] },
    { label: ctx.t.declaredLabel, value: [text(declaredLine(ctx.assessment, ctx.t))] },
    ...profileFact(ctx),
  ];
}

function profileFact(ctx: Context): { label: string; value: Rich }[] {
  const { set, lang, m, t } = ctx;
  const missing = ctx.assessment.overall.missingProfileFields;
  if (missing.length === 0) return [];
  const fields = missing.map((field) => singleLine(profileFieldLabel(set, field)[lang]));
  return [
    {
      label: t.profileLabel,
      value: [text(t.profileIncomplete(fields.join(m.listSeparator), fields.length))],
    },
  ];
}

/** The warning under the header when the zone set aside too much of the plan as not applicable. */
function declaredWarning(ctx: Context): { warning?: Rich } {
  const share = ctx.assessment.overall.declaredNotApplicableShare;
  if (share === null || share <= DECLARED_NOT_APPLICABLE_WARN) return {};
  const warning = ctx.t.declaredWarning(percent(share), `${DECLARED_NOT_APPLICABLE_WARN * 100}%`);
  return { warning: [{ text: warning, strong: true }] };
}

/** A score, or "n/a ‡" when only the zone's own "not applicable" answers left it out. */
function scoreText(
  ctx: Context,
  result: { score: number | null; declaredOnly: boolean } | undefined,
): string {
  const shown = formatScore(result?.score ?? null, ctx.m, ctx.set.bands);
  return result?.declaredOnly ? `${shown} ${ctx.t.declaredMarker}` : shown;
}

/** Free-text answers and the notes of answered questions, which no other section shows. */
function answersInWordsSection(ctx: Context): Section[] {
  const { m, t, assessment } = ctx;
  const rows = assessment.questions
    .filter(
      (q) => q.state !== "unknown" && q.state !== "not_applicable" && q.state !== "unanswered",
    )
    .filter((q) => q.type === "text" || (q.answer?.note ?? "").trim() !== "")
    .map((q): Rich[] => [
      [text(questionCell(ctx, q))],
      [text(measureCell(ctx, q))],
      q.type === "text" && typeof q.answer?.value === "string"
        ? lines(q.answer.value)
        : [text(stateCell(ctx, q))],
      lines(q.answer?.note),
    ]);
  if (rows.length === 0) return [];
  const columns = withShares(
    [
      { title: m.columns.question },
      { title: m.columns.measure },
      { title: t.answerColumn },
      { title: m.columns.note },
    ],
    [34, 20, 22, 24],
  );
  return [tableOrNone(ctx, "answers", t.answersHeading, columns, rows)];
}

function zoneLine(ctx: Context): string {
  const { set, answers, lang, m } = ctx;
  const zone = zoneDescription(set, answers.zone ?? {}, lang);
  const name = lineOrDash(zone.name);
  const labels = zone.labels.map(singleLine);
  return labels.length > 0 ? m.parenthetical(name, labels.join(m.listSeparator)) : name;
}

function section(id: string, heading: string, blocks: Block[], empty = false): Section {
  return { id, heading, blocks, empty };
}

function tableOrNone(
  ctx: Context,
  id: string,
  heading: string,
  columns: Column[],
  rows: Iterable<readonly Rich[]>,
  count = Array.isArray(rows) ? rows.length : 1,
): Section {
  if (count === 0) return section(id, heading, [paragraph(ctx.m.none)], true);
  return section(id, heading, [{ kind: "table", table: { id, caption: heading, columns, rows } }]);
}

function paragraph(value: string): Block {
  return { kind: "paragraph", content: [text(value)] };
}

function overallSection(ctx: Context): Section {
  const { m, d, set, lang, assessment } = ctx;
  const { score, band } = assessment.overall;
  const summary: Rich =
    score === null
      ? [text(scoreLeftOutByZone(assessment) ? m.overall.noneDeclared : m.overall.none)]
      : richMessage(m.overall.line, [
          { text: scoreInItsBand(score, set.bands), strong: true },
          { text: band ? singleLine(band.label[lang]) : "—", strong: true },
        ]);
  const c = m.overall.columns;
  const results = new Map(assessment.areas.map((a) => [a.id, a]));
  const rows = set.areas.map((area): Rich[] => {
    const result = results.get(area.id);
    const areaScore = result?.score ?? null;
    return [
      plain(area.title[lang]),
      plain(area.ref),
      plain(String(area.weight)),
      [text(scoreText(ctx, result))],
      [
        {
          text: textBar(areaScore),
          bar: areaScore,
          ...(areaScore === null ? {} : { shown: formatScore(areaScore, m, set.bands) }),
        },
      ],
    ];
  });
  const columns = withShares(
    [
      { title: c.area },
      { title: c.ref, nowrap: true },
      { title: c.weight, align: "right", nowrap: true },
      { title: c.score, align: "right", nowrap: true },
      { title: c.bar },
    ],
    [36, 13, 10, 14, 27],
  );
  const chart: BarChart = {
    id: "areas",
    title: d.charts.areas,
    max: 100,
    unit: d.charts.scoreUnit,
    bars: set.areas.map((area) => {
      const value = results.get(area.id)?.score ?? null;
      // An area of a set's own (one that extends another) may have no plan reference.
      const title = singleLine(area.title[lang]);
      const ref = singleLine(area.ref ?? "");
      const label = ref === "" ? title : `${ref} ${title}`;
      return { label, fullLabel: label, value, display: formatScore(value, m, set.bands) };
    }),
  };
  return section("overall", m.overall.heading, [
    { kind: "paragraph", content: summary },
    { kind: "table", table: { id: "areas", caption: m.overall.heading, columns, rows } },
    ...(assessment.areas.some((a) => a.declaredOnly) ? [paragraph(ctx.t.declaredMarkerNote)] : []),
    { kind: "chart", chart },
  ]);
}

/** For a set that extends another: the national score and the additions' score apart. */
function partsSection(ctx: Context): Section[] {
  const { m, set, lang, answers, assessment } = ctx;
  const parts = scoreParts(set, answers);
  if (!parts) return [];
  const row = (label: string, overall: OverallResult): Rich[] => [
    plain(label),
    [
      text(
        overall.score === null ? m.notApplicableShort : scoreInItsBand(overall.score, set.bands),
      ),
    ],
    plain(overall.band?.label[lang]),
    [text(overall.completeness === null ? "—" : percent(overall.completeness))],
  ];
  const c = m.parts.columns;
  const columns: Column[] = [
    { title: c.part },
    { title: c.score, align: "right", nowrap: true },
    { title: c.band },
    { title: c.answered, align: "right", nowrap: true },
  ];
  const rows = [
    row(m.parts.national(`${parts.base.id} ${parts.base.version}`), parts.national),
    row(m.parts.additions(`${set.id} ${set.version}`), parts.additions),
    row(m.parts.together, assessment.overall),
  ];
  return [tableOrNone(ctx, "parts", m.parts.heading, columns, rows)];
}

function measuresSection(ctx: Context): Section {
  const { m, d, set, lang, assessment } = ctx;
  const c = m.measures.columns;
  const results = new Map(assessment.measures.map((r) => [r.id, r]));
  const rows = set.measures.map((measure): Rich[] => {
    const result = results.get(measure.id);
    const marker = measure.provenance.basis === "reconstructed" ? " †" : "";
    return [
      plain(String(measure.number)),
      [text(`${lineOrDash(measure.title[lang])}${marker}`)],
      plain(measure.ref),
      [text(scoreText(ctx, result))],
      [text(`${result?.answered ?? 0}/${result?.applicableQuestions ?? 0}`)],
    ];
  });
  const columns = withShares(
    [
      { title: c.number, align: "right", nowrap: true },
      { title: c.measure },
      { title: c.ref, nowrap: true },
      { title: c.score, align: "right", nowrap: true },
      { title: c.answered, align: "right", nowrap: true },
    ],
    [8, 46, 16, 15, 15],
  );
  const blocks: Block[] = [
    { kind: "table", table: { id: "measures", caption: m.measures.heading, columns, rows } },
  ];
  if (set.measures.some((measure) => measure.provenance.basis === "reconstructed")) {
    blocks.push(paragraph(m.measures.reconstructedNote));
  }
  if (assessment.measures.some((r) => r.declaredOnly))
    blocks.push(paragraph(ctx.t.declaredMarkerNote));
  blocks.push({
    kind: "chart",
    chart: {
      id: "measures",
      title: d.charts.measures,
      max: 100,
      unit: d.charts.scoreUnit,
      bars: set.measures.map((measure) => {
        const value = results.get(measure.id)?.score ?? null;
        const title = singleLine(measure.title[lang]);
        return {
          label: `${measure.id} ${title}`,
          fullLabel: `${measure.id} ${title}`,
          value,
          display: formatScore(value, m, set.bands),
        };
      }),
    },
  });
  return section("measures", m.measures.heading, blocks);
}

function gapsSection(ctx: Context, top: number): Section {
  const { m, d, lang, assessment } = ctx;
  const shown = assessment.gaps.slice(0, Math.max(0, top));
  if (shown.length === 0)
    return section(
      "gaps",
      m.gaps.heading,
      [paragraph(noGapsListed(m, assessment.gaps.length))],
      true,
    );
  const c = m.gaps.columns;
  const rows = shown.map((gap, i): Rich[] => [
    [text(String(i + 1))],
    [text(questionCell(ctx, gap))],
    [text(measureCell(ctx, gap))],
    plain(ctx.measures.get(gap.measure)?.ref),
    [text(stateCell(ctx, gap))],
    [text(formatPoints(gap.gap))],
    plain(ctx.questions.get(gap.id)?.guidance[lang]),
  ]);
  const columns = withShares(
    [
      { title: c.rank, align: "right", nowrap: true },
      { title: c.question },
      { title: c.measure },
      { title: c.ref, nowrap: true },
      { title: c.status },
      { title: c.points, align: "right", nowrap: true },
      { title: c.next },
    ],
    [6, 20, 13, 11, 10, 8, 32],
  );
  const max = Math.max(...shown.map((gap) => gap.gap ?? 0));
  const chart: BarChart = {
    id: "gaps",
    title: d.charts.gaps,
    max: max > 0 ? max : 1,
    unit: d.charts.pointsUnit,
    bars: shown.map((gap) => ({
      label: gap.id,
      fullLabel: questionCell(ctx, gap),
      value: gap.gap ?? 0,
      display: formatPoints(gap.gap),
    })),
  };
  return section("gaps", m.gaps.heading, [
    paragraph(m.gaps.intro(shown.length, assessment.gaps.length)),
    { kind: "table", table: { id: "gaps", caption: m.gaps.heading, columns, rows } },
    { kind: "chart", chart },
  ]);
}

function actionSection(ctx: Context, date: string | undefined): Section {
  const { d } = ctx;
  const items = actionPlan(ctx.assessment, date);
  const c = d.actions.columns;
  const rows = items.map((item): Rich[] => actionRow(ctx, item));
  const columns = withShares(
    [
      { title: c.due, nowrap: true },
      { title: c.owner },
      { title: c.question },
      { title: c.status },
      { title: c.points, align: "right", nowrap: true },
      { title: c.state },
    ],
    [12, 16, 34, 18, 9, 11],
  );
  if (rows.length === 0)
    return section("actions", d.actions.heading, [paragraph(d.actions.none)], true);
  return section("actions", d.actions.heading, [
    paragraph(d.actions.intro(items.length, items.filter((item) => item.overdue).length)),
    { kind: "table", table: { id: "actions", caption: d.actions.heading, columns, rows } },
  ]);
}

function actionRow(ctx: Context, item: ActionItem): Rich[] {
  const { d } = ctx;
  const result = item.result;
  return [
    [text(actionDue(item.due, d.actions))],
    [text(lineOrDash(actionOwner(item.owner, d.actions)))],
    [text(questionCell(ctx, result))],
    [text(stateCell(ctx, result))],
    [text(formatPoints(result.gap))],
    item.overdue ? [{ text: d.actions.overdue, strong: true }] : [text(d.actions.open)],
  ];
}

function questionCell(ctx: Context, result: QuestionResult): string {
  return lineOrDash(`${result.id} ${ctx.questions.get(result.id)?.text[ctx.lang] ?? ""}`);
}

function measureCell(ctx: Context, result: QuestionResult): string {
  return lineOrDash(`${result.measure} ${ctx.measures.get(result.measure)?.title[ctx.lang] ?? ""}`);
}

function stateCell(ctx: Context, result: QuestionResult): string {
  const question = ctx.questions.get(result.id);
  if (result.state !== "answered" || !question) return ctx.m.states[result.state];
  return lineOrDash(valueLabel(ctx, question, result.answer?.value));
}

function openPointSections(ctx: Context): Section[] {
  const { m, assessment } = ctx;
  const c = m.columns;
  const qs = assessment.questions;
  const base: Column[] = [{ title: c.question }, { title: c.measure }];
  const row = (q: QuestionResult, ...extra: (string | Rich)[]): Rich[] => [
    [text(questionCell(ctx, q))],
    [text(measureCell(ctx, q))],
    ...extra.map((value) => (typeof value === "string" ? [text(value)] : value)),
  ];
  const note = (q: QuestionResult): Rich => lines(q.answer?.note);
  // Question and measure, then one or two columns of text, a status first when there is one.
  const shared = (columns: Column[]): Column[] =>
    withShares(
      columns,
      ({ 2: [62, 38], 3: [40, 24, 36], 4: [32, 20, 14, 34] } as Record<number, number[]>)[
        columns.length
      ] ?? [],
    );
  return [
    tableOrNone(
      ctx,
      "missing-evidence",
      m.sections.missingEvidence,
      shared([...base, { title: c.status }, { title: c.evidenceNeeded }]),
      qs
        .filter((q) => q.missingEvidence)
        .map((q) =>
          row(q, stateCell(ctx, q), lineOrDash(ctx.questions.get(q.id)?.evidence?.hint[ctx.lang])),
        ),
    ),
    tableOrNone(
      ctx,
      "unknown",
      m.sections.unknown,
      shared([...base, { title: c.note }]),
      qs.filter((q) => q.applicable && q.state === "unknown").map((q) => row(q, note(q))),
    ),
    tableOrNone(
      ctx,
      "not-applicable",
      m.sections.notApplicable,
      shared([...base, { title: c.justification }]),
      qs.filter((q) => !q.applicable).map((q) => row(q, justification(ctx, q))),
    ),
    tableOrNone(
      ctx,
      "unanswered",
      m.sections.unanswered,
      shared(base),
      qs.filter((q) => q.applicable && q.state === "unanswered").map((q) => row(q)),
    ),
    tableOrNone(
      ctx,
      "review",
      m.sections.review,
      shared([...base, { title: c.status }, { title: c.note }]),
      qs.filter((q) => q.review).map((q) => row(q, stateCell(ctx, q), note(q))),
    ),
  ];
}

function justification(ctx: Context, result: QuestionResult): Rich {
  const { m, set, lang } = ctx;
  const exclusion = result.exclusion;
  if (exclusion?.by === "profile") {
    const { field, allowed, actual } = exclusion.reason;
    const allowedLabels = allowed.map((value) => profileValueLabel(set, field, value)[lang]);
    const reason = m.profileExclusion(
      singleLine(profileFieldLabel(set, field)[lang]),
      allowedLabels.map(singleLine).join(" / "),
      singleLine(profileValueLabel(set, field, actual)[lang]),
    );
    // The zone may have answered it anyway: its note is shown with the reason.
    const note = keptLines(result.answer?.note ?? "");
    return note === ""
      ? [text(reason)]
      : [{ text: m.exclusionWithNote(reason, note), lines: true }];
  }
  const note = keptLines(result.answer?.note ?? "");
  return note === "" ? [text(m.noJustification)] : [{ text: note, lines: true }];
}

/** An evidence item: a link when it is an http(s) URL, else text. */
export function evidenceSpan(item: string): Span {
  const trimmed = singleLine(item);
  return isSafeUrl(trimmed) ? { text: trimmed, href: trimmed } : text(lineOrDash(trimmed));
}

function evidenceSection(ctx: Context): Section {
  const { m } = ctx;
  // The question's cells are made once and shared by its rows (a question may have 200,000),
  // and each row is made as it is read.
  const questions = ctx.assessment.questions
    .filter((q) => (q.answer?.evidence ?? []).length > 0)
    .map((q) => ({
      items: q.answer?.evidence ?? [],
      question: [text(questionCell(ctx, q))],
      state: [text(stateCell(ctx, q))],
    }));
  const rows: Iterable<readonly Rich[]> = {
    *[Symbol.iterator]() {
      for (const { items, question, state } of questions) {
        for (const item of items) yield [question, state, [evidenceSpan(item)]];
      }
    },
  };
  return tableOrNone(
    ctx,
    "evidence",
    m.sections.evidence,
    withShares(
      [{ title: m.columns.question }, { title: m.columns.status }, { title: m.columns.evidence }],
      [42, 18, 40],
    ),
    rows,
    questions.length,
  );
}

function methodSection(ctx: Context): Section {
  const { m, set, lang } = ctx;
  const bands = [...(set.bands ?? DEFAULT_BANDS)]
    .sort((a, b) => b.min - a.min)
    .map((band) => m.bandItem(singleLine(band.label[lang]), String(band.min)))
    .join(m.listSeparator);
  return section("method", m.sections.method, m.method(bands).map(paragraph));
}
