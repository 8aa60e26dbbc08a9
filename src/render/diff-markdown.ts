/**
 * Progress between two assessments as GitHub-flavoured Markdown (`netdz diff`). Pure and
 * deterministic; text from the files or the set goes through markdown-escape.
 */
import type { Diff, QuestionChange } from "../core/diff.js";
import { ACTION_CATEGORIES, isChange, QUESTION_CATEGORIES } from "../core/diff.js";
import { valueInWords } from "../core/answer.js";
import type { Lang, MeasureSet, Question } from "../core/model.js";
import { figure } from "../core/score.js";
import { diffMessages } from "../i18n/diff-messages.js";
import { documentMessages } from "../i18n/document-messages.js";
import { reportMessages } from "../i18n/report-messages.js";
import { escapeCell, escapeInline, linkOrText } from "./markdown-escape.js";
import { actionDue, actionOwner, table, valueWords } from "./report-markdown.js";

export interface DiffMarkdownOptions {
  lang: Lang;
  /** YYYY-MM-DD of each side, when known. */
  oldDate?: string;
  newDate?: string;
}

/** The most decimals a figure is given to show a change that is not zero: 10⁻⁹, below which a change is float noise (isChange). */
const MAX_DIGITS = 9;

/**
 * The one formatter of a signed figure (every change of `netdz diff`): to `digits` decimals with
 * `+` or the minus sign U+2212 (`+3.5`, `−2.0`); a change that is one (isChange) but rounds to
 * zero gets more decimals until it does not (`−0.04`), at most MAX_DIGITS (every change above the noise shows then).
 * Only no change (float noise included) is an unsigned `0.0`; `—` for none.
 */
export function signed(value: number | null, digits = 1): string {
  if (value === null) return "—";
  if (!isChange(value)) return (0).toFixed(digits);
  const shown = figure(Math.abs(value), rowDigits(null, null, value, digits));
  return value > 0 ? `+${shown}` : `\u2212${shown}`;
}

/**
 * The decimals of a row old → new (change): `digits`, or more when the change is one but would
 * be shown as zero, or old and new would be shown alike (`79.90 → 79.80`), at most MAX_DIGITS.
 */
export function rowDigits(
  old: number | null,
  next: number | null,
  change: number | null,
  digits = 1,
): number {
  if (change === null || !isChange(change)) return digits;
  for (let d = digits; d < MAX_DIGITS; d++) {
    const apart = old === null || next === null || figure(old, d) !== figure(next, d);
    if (apart && Number(figure(Math.abs(change), d)) !== 0) return d;
  }
  return MAX_DIGITS;
}

function fixed(value: number | null, digits = 1): string {
  return value === null ? "—" : figure(value, digits);
}

function pct(share: number | null, digits = 1): string {
  return share === null ? "—" : `${figure(share * 100, digits)}%`;
}

/** A share as per cent (null kept), for rowDigits. */
function percent(share: number | null): number | null {
  return share === null ? null : share * 100;
}

/** Old, new and change of a row, to the decimals that tell them apart (rowDigits). */
function changeCells(row: { old: number | null; new: number | null; change: number | null }) {
  const digits = rowDigits(row.old, row.new, row.change);
  return [fixed(row.old, digits), fixed(row.new, digits), signed(row.change, digits)];
}

/** Renders the comparison. */
export function renderDiffMarkdown(
  diff: Diff,
  set: MeasureSet,
  options: DiffMarkdownOptions,
): string {
  const { lang } = options;
  const m = diffMessages(lang);
  const questions = new Map<string, Question>();
  for (const measure of set.measures) for (const q of measure.questions) questions.set(q.id, q);
  const questionCell = (id: string) =>
    `${escapeInline(id)} ${escapeCell(questions.get(id)?.text[lang])}`;
  const c = m.columns;
  const side = (label: string, s: Diff["old"], date: string | undefined) => {
    const given = typeof s.zone.name === "string" ? s.zone.name.trim() : "";
    const name = given === "" ? m.header.noName : given;
    const text = `${s.file} — ${date ? m.parenthetical(name, date) : name}`;
    return `- **${escapeInline(label)}**${m.fieldSeparator}${escapeInline(text)}`;
  };
  const blocks: string[] = [
    `# ${escapeInline(m.title)}`,
    [
      side(m.header.old, diff.old, options.oldDate),
      side(m.header.new, diff.new, options.newDate),
      `- **${escapeInline(m.header.measureSet)}**${m.fieldSeparator}${escapeInline(m.parenthetical(set.title[lang], `${set.id} ${set.version}`))}`,
    ].join("\n"),
  ];
  if (diff.sameZone !== true) {
    const said = diff.sameZone === null ? m.header.unknownZone : m.header.differentZones;
    blocks.push(`**${escapeInline(said)}**`);
  }

  const o = diff.overall;
  const od = rowDigits(o.old, o.new, o.change);
  const comp = diff.completeness;
  const cd = rowDigits(percent(comp.old), percent(comp.new), percent(comp.change));
  const oldBand = o.oldBand?.label[lang] ?? "—";
  const newBand = o.newBand?.label[lang] ?? "—";
  blocks.push(
    `## ${escapeInline(m.sections.overall)}`,
    [
      `- ${escapeInline(m.overallLine(fixed(o.old, od), fixed(o.new, od), signed(o.change, od)))}`,
      `- ${escapeInline(o.bandChanged ? m.bandLine(oldBand, newBand) : m.bandSame(newBand))}`,
      `- ${escapeInline(
        m.completenessLine(
          pct(comp.old, cd),
          pct(comp.new, cd),
          comp.change === null ? "—" : m.percentagePoints(signed(comp.change * 100, cd)),
        ),
      )}`,
    ].join("\n"),
  );

  const changeColumns = [
    { title: c.old, align: "right" as const },
    { title: c.new, align: "right" as const },
    { title: c.change, align: "right" as const },
  ];
  blocks.push(
    `## ${escapeInline(m.sections.areas)}`,
    table(
      [{ title: c.area }, ...changeColumns],
      diff.areas.map((a) => [
        escapeCell(set.areas.find((x) => x.id === a.id)?.title[lang] ?? a.id),
        ...changeCells(a),
      ]),
    ),
    `## ${escapeInline(m.sections.measures)}`,
    table(
      [{ title: c.measure }, ...changeColumns],
      diff.measures.map((x) => [
        `${escapeInline(x.id)} ${escapeCell(set.measures.find((y) => y.id === x.id)?.title[lang])}`,
        ...changeCells(x),
      ]),
    ),
  );

  blocks.push(`## ${escapeInline(m.sections.questions)}`);
  // An answer given as a value is shown as it reads (`Yes (1.00)`, `12 enterprises (0.50)`).
  const words = valueWords(reportMessages(lang));
  const stateCell = (
    id: string,
    state: QuestionChange["oldState"],
    value: QuestionChange["oldValue"],
    score: number | null,
    digits: number,
  ) => {
    const question = questions.get(id);
    const said =
      state === "answered" && value !== undefined && question
        ? valueInWords(question, value, words, lang)
        : m.states[state];
    return escapeCell(score === null ? said : m.parenthetical(said, figure(score, digits)));
  };
  for (const category of QUESTION_CATEGORIES) {
    const list = diff.questions[category];
    blocks.push(`### ${escapeInline(m.categories[category])}`);
    blocks.push(
      list.length === 0
        ? escapeInline(m.none)
        : table(
            [{ title: c.question }, { title: c.measure }, ...changeColumns],
            list.map((q) => {
              const digits = rowDigits(q.old, q.new, q.change, 2);
              return [
                questionCell(q.id),
                escapeCell(q.measure),
                stateCell(q.id, q.oldState, q.oldValue, q.old, digits),
                stateCell(q.id, q.newState, q.newValue, q.new, digits),
                signed(q.change, digits),
              ];
            }),
          ),
    );
  }

  for (const [heading, list] of [
    [m.sections.gapsClosed, diff.gapsClosed],
    [m.sections.newGaps, diff.newGaps],
  ] as const) {
    blocks.push(`## ${escapeInline(heading)}`);
    blocks.push(
      list.length === 0
        ? escapeInline(m.none)
        : table(
            [{ title: c.question }, { title: c.measure }, { title: c.points, align: "right" }],
            list.map((g) => [
              questionCell(g.id),
              escapeCell(g.measure),
              figure(g.points, rowDigits(null, null, g.points, 2)),
            ]),
          ),
    );
  }
  for (const [heading, list] of [
    [m.sections.evidenceAdded, diff.evidenceAdded],
    [m.sections.evidenceRemoved, diff.evidenceRemoved],
  ] as const) {
    blocks.push(`## ${escapeInline(heading)}`);
    blocks.push(
      list.length === 0
        ? escapeInline(m.none)
        : table(
            [{ title: c.question }, { title: c.item }],
            list.map((e) => [questionCell(e.question), linkOrText(e.item)]),
          ),
    );
  }
  blocks.push(...actionBlocks(diff, lang, questionCell));
  return `${blocks.join("\n\n")}\n`;
}

/** The action plans compared: completed, slipped and added, and what slipped is measured by. */
function actionBlocks(diff: Diff, lang: Lang, questionCell: (id: string) => string): string[] {
  const m = diffMessages(lang);
  const c = m.columns;
  const actions = documentMessages(lang).actions;
  const { date } = diff.actions;
  const blocks = [
    `## ${escapeInline(m.sections.actions)}`,
    escapeInline(date === undefined ? m.actionsUndated : m.actionsIntro(date)),
  ];
  for (const category of ACTION_CATEGORIES) {
    const list = diff.actions[category];
    blocks.push(`### ${escapeInline(m.actionCategories[category])}`);
    blocks.push(
      list.length === 0
        ? escapeInline(m.none)
        : table(
            [{ title: c.question }, { title: c.measure }, { title: c.owner }, { title: c.due }],
            list.map((a) => [
              questionCell(a.id),
              escapeCell(a.measure),
              escapeCell(actionOwner(a.owner, actions)),
              escapeCell(actionDue(a.due, actions)),
            ]),
          ),
    );
  }
  return blocks;
}
