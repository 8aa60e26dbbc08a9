/**
 * One question screen of `netdz assess`: the answer list (statuses, yes/no, options or "enter a
 * value", then back / skip / review / guidance / note / menu), the value, evidence and note
 * prompts, and saving. Every confirmed choice is saved before the next prompt appears.
 */
import {
  composeAnswer,
  givenText,
  isSettled,
  sameAnswer,
  withNote,
  withReviewMark,
  type AnswerChoice,
} from "../core/answer.js";
import { isCalendarDate, isOverdue, withAction } from "../core/actions.js";
import { evidenceRequired } from "../core/flow.js";
import { numberBoundsProblem } from "../core/answers-rules.js";
import { calendarDate, questionScore } from "../core/score.js";
import type { Answer, AnswerValue, Lang, Question, Status } from "../core/model.js";
import { STATUSES, VALUE_QUESTION_STATUSES } from "../core/model.js";
import type { AssessMessages } from "../i18n/assess-messages.js";
import { FILTER_FROM, unlessEscaped, type Asker, type ListItem } from "./ask.js";
import { formatNumber } from "../core/answer.js";
import { describeAnswer, describeValue } from "./screens.js";
import type { Tone } from "./terminal-screen.js";

/** What the session does after a question screen. */
export type QuestionOutcome = "next" | "back" | "menu";

/** What a question screen needs: the asker, the texts, the answer, and the session's hooks. */
export interface QuestionContext {
  asker: Asker;
  m: AssessMessages;
  lang: Lang;
  question: Question;
  /** The current entry in the answers file. */
  answer(): Answer | undefined;
  /** Re-reads the answers file if it was edited by hand meanwhile (before an answer is built). */
  refresh?(): Promise<void>;
  /** Writes the entry (undefined removes it) before anything else happens. */
  save(answer: Answer | undefined): Promise<void>;
  /** Clears the screen and prints the header; returns how many rows the answer list may use. */
  render(options: { guidance: boolean }): number | undefined;
  /** A line shown above the next screen, in a tone: plain, or a warning. */
  notice(line: string, tone?: Tone): void;
  /** Prints text right away (above the next prompt). */
  print(text: string): void;
  now(): Date;
}

type Action = "back" | "skip" | "review" | "guidance" | "note" | "action" | "menu";
type ChoiceValue = `status:${Status}` | `yes` | `no` | `option:${string}` | "enter" | Action;

const STATUS_CHOICES: readonly Status[] = STATUSES;
const VALUE_STATUSES: readonly Status[] = VALUE_QUESTION_STATUSES;

/** Shows one question until the user answers, skips, marks it, goes back or opens the menu. */
export async function askQuestion(ctx: QuestionContext): Promise<QuestionOutcome> {
  let guidance = false;
  // An answer chosen and then backed out of (Escape, an empty justification): the list comes
  // back on the saved answer, or, when there is none, on the one backed out of, never on the
  // first entry (the best answer), so a stray Enter does not save what nobody chose.
  let backedOut: ChoiceValue | undefined;
  for (;;) {
    const pageSize = ctx.render({ guidance });
    const answer = ctx.answer();
    const choice = await ctx.asker.select<ChoiceValue>({
      message: ctx.m.screen.prompt,
      choices: answerChoices(ctx, answer, guidance),
      ...preselected(defaultChoice(ctx.question, answer).default ?? backedOut),
      ...(pageSize !== undefined ? { pageSize } : {}),
      // A choice among many options can be narrowed by typing.
      filter: ctx.question.type === "choice" && (ctx.question.options ?? []).length > FILTER_FROM,
    });
    // The file may have been edited by hand while the question was on screen: build on that.
    await ctx.refresh?.();
    const outcome = await handleChoice(ctx, choice, ctx.answer());
    backedOut = outcome === "stay" && isAnswerChoice(choice) ? choice : undefined;
    if (outcome === "guidance") guidance = !guidance;
    else if (outcome !== "stay") return outcome;
  }
}

function preselected(choice: ChoiceValue | undefined): { default?: ChoiceValue } {
  return choice === undefined ? {} : { default: choice };
}

/** Whether a choice of the list is an answer (a status, a value, an option), not an action. */
function isAnswerChoice(choice: ChoiceValue): boolean {
  return (
    choice === "enter" ||
    choice === "yes" ||
    choice === "no" ||
    choice.startsWith("status:") ||
    choice.startsWith("option:")
  );
}

async function handleChoice(
  ctx: QuestionContext,
  choice: ChoiceValue,
  answer: Answer | undefined,
): Promise<QuestionOutcome | "stay" | "guidance"> {
  const id = ctx.question.id;
  switch (choice) {
    case "back":
    case "menu":
      return choice;
    case "guidance":
      return "guidance";
    case "skip":
      if (!isSettled(ctx.question, answer)) ctx.notice(ctx.m.notices.skipped(id));
      return "next";
    case "review":
      return toggleReview(ctx, answer);
    case "note":
      await editNote(ctx, answer);
      return "stay";
    case "action":
      await editAction(ctx, answer);
      return "stay";
    case "enter": {
      const value = await askValue(ctx, answer);
      if (value === undefined) return "stay";
      return (await answerWith(ctx, { value }, answer)) ? "next" : "stay";
    }
    case "yes":
    case "no":
      return (await answerWith(ctx, { value: choice === "yes" }, answer)) ? "next" : "stay";
  }
  if (choice.startsWith("option:")) {
    const option = { value: choice.slice("option:".length) };
    return (await answerWith(ctx, option, answer)) ? "next" : "stay";
  }
  const status = { status: choice.slice("status:".length) as Status };
  return (await answerWith(ctx, status, answer)) ? "next" : "stay";
}

/** The list under a question: its answers, then the actions. */
function answerChoices(
  ctx: QuestionContext,
  answer: Answer | undefined,
  guidance: boolean,
): ListItem<ChoiceValue>[] {
  const { m } = ctx;
  const items: ListItem<ChoiceValue>[] = [...answerItems(ctx, answer)];
  items.push({ separator: "──────────" });
  items.push({ value: "back", name: m.choices.back, description: m.choices.descriptions.back });
  items.push({ value: "skip", name: m.choices.skip, description: m.choices.descriptions.skip });
  items.push(
    answer?.review === true
      ? { value: "review", name: m.choices.unmarkReview }
      : {
          value: "review",
          name: m.choices.markReview,
          description: m.choices.descriptions.markReview,
        },
  );
  items.push({
    value: "guidance",
    name: guidance ? m.choices.hideGuidance : m.choices.showGuidance,
  });
  items.push({
    value: "note",
    name: m.choices.note((answer?.note ?? "") !== ""),
    description: m.choices.descriptions.note,
  });
  items.push({
    value: "action",
    name: m.choices.action(answer?.owner !== undefined || answer?.due !== undefined),
    description: m.choices.descriptions.action,
  });
  items.push({ value: "menu", name: m.choices.menu, description: m.choices.descriptions.menu });
  return items;
}

function answerItems(ctx: QuestionContext, answer: Answer | undefined): ListItem<ChoiceValue>[] {
  const { m, question, lang } = ctx;
  const currentChoice = defaultChoice(question, answer).default;
  const mark = (value: ChoiceValue, name: string): string =>
    value === currentChoice && value !== "enter" ? `${name}${m.current}` : name;
  const statusItem = (status: Status): ListItem<ChoiceValue> => ({
    value: `status:${status}`,
    name: mark(`status:${status}`, m.statuses[status]),
    ...(status === "unknown" ? { description: m.choices.descriptions.unknown } : {}),
    ...(status === "not_applicable" ? { description: m.choices.descriptions.notApplicable } : {}),
  });
  const current =
    answer?.value !== undefined ? describeValue(question, answer.value, m, lang) : undefined;
  switch (question.type) {
    case "status":
      return STATUS_CHOICES.map(statusItem);
    case "yesno":
      return [
        { value: "yes", name: mark("yes", m.yes) },
        { value: "no", name: mark("no", m.no) },
        ...VALUE_STATUSES.map(statusItem),
      ];
    case "choice":
      return [
        ...(question.options ?? []).map((o): ListItem<ChoiceValue> => ({
          value: `option:${o.id}`,
          name: mark(`option:${o.id}`, o.label[lang]),
          keywords: `${o.label.en} ${o.label.zh}`,
        })),
        ...VALUE_STATUSES.map(statusItem),
      ];
    case "number":
      return [
        { value: "enter", name: m.choices.enterNumber(question.unit?.[lang] ?? "", current) },
        ...VALUE_STATUSES.map(statusItem),
      ];
    case "multi":
      return [
        { value: "enter", name: m.choices.chooseOptions(current) },
        ...VALUE_STATUSES.map(statusItem),
      ];
    case "text":
      return [
        { value: "enter", name: m.choices.enterText(current) },
        ...VALUE_STATUSES.map(statusItem),
      ];
  }
}

/** The choice holding the current answer, preselected when the question is shown again. */
export function defaultChoice(
  question: Question,
  answer: Answer | undefined,
): { default?: ChoiceValue } {
  if (answer?.status !== undefined) return { default: `status:${answer.status}` };
  const value = answer?.value;
  if (value === undefined) return {};
  if (question.type === "yesno" && typeof value === "boolean")
    return { default: value ? "yes" : "no" };
  if (question.type === "choice" && typeof value === "string")
    return { default: `option:${value}` };
  return { default: "enter" };
}

/**
 * Saves a choice, then asks for evidence, saving each item as it is confirmed (for not
 * applicable, the justification comes first). False when the user went back to the list instead.
 */
async function answerWith(
  ctx: QuestionContext,
  choice: AnswerChoice,
  previous: Answer | undefined,
): Promise<boolean> {
  const { m, question } = ctx;
  if ("status" in choice && choice.status === "not_applicable") {
    const note = await askJustification(ctx, previous);
    if (note === undefined) return false;
    const next = composeAnswer(previous, choice, ctx.now(), { note });
    // Confirmed as it was (in review): nothing is written, and the notice says so.
    if (sameAnswer(previous, next))
      ctx.notice(m.notices.kept(question.id, m.statuses.not_applicable));
    else {
      await ctx.save(next);
      ctx.notice(m.notices.saved(question.id, m.statuses.not_applicable));
    }
    if (previous?.review === true) ctx.notice(m.notices.stillMarkedForReview(question.id));
    return true;
  }
  let answer = composeAnswer(previous, choice, ctx.now());
  if (evidenceRequired(question, choice)) {
    // The choice is saved with each evidence item as it is confirmed. Escape in the evidence
    // prompt returns to the list: the answer stays as it was before, with the evidence items
    // already confirmed kept (as the README says), and nothing else saved.
    let saved = false;
    const saveEvidence = async (evidence: string[]): Promise<void> => {
      answer = composeAnswer(previous, choice, ctx.now(), { evidence });
      await ctx.save(answer);
      saved = true;
    };
    const { items, escaped } = await askEvidence(ctx, answer.evidence ?? [], saveEvidence);
    if (escaped) {
      if (!sameList(items, previous?.evidence ?? [])) {
        const kept: Answer = { ...previous };
        delete kept.evidence;
        await ctx.save(items.length > 0 ? { ...kept, evidence: items } : kept);
      } else if (saved) await ctx.save(previous);
      return false;
    }
    // Saved with its last item already: the end of the list writes nothing more (its
    // answeredAt stays the time that item was confirmed).
    if (!(saved && sameList(answer.evidence ?? [], items))) {
      answer = composeAnswer(previous, choice, ctx.now(), { evidence: items });
      if (saved || !sameAnswer(previous, answer)) await ctx.save(answer);
    }
  } else if (!sameAnswer(previous, answer)) {
    await ctx.save(answer);
  }
  // Escape at the owner or due-date prompt that follows a new answer goes back to the list
  // with the answer as it was before, as Escape in the evidence prompt does: the choice is
  // undone (the evidence items and the owner already confirmed with Enter stay).
  const offered = await offerAction(ctx, answer, previous);
  if (offered.escaped) {
    let restored: Answer | undefined = previous;
    if (!sameList(answer.evidence ?? [], previous?.evidence ?? [])) {
      const kept: Answer = { ...previous };
      delete kept.evidence;
      restored = (answer.evidence ?? []).length > 0 ? { ...kept, evidence: answer.evidence } : kept;
    }
    if (offered.owner !== undefined) restored = withAction(restored, { owner: offered.owner });
    await ctx.save(restored);
    ctx.notice(m.notices.choiceNotSaved(question.id));
    return false;
  }
  const final = offered.answer;
  const described = describeAnswer(question, final, m, ctx.lang) ?? "";
  // Confirmed as it was (in review): nothing was written, and the notice says so.
  ctx.notice(
    sameAnswer(previous, answer)
      ? m.notices.kept(question.id, described)
      : m.notices.saved(question.id, described),
  );
  if (evidenceRequired(question, choice) && (answer.evidence ?? []).length === 0) {
    ctx.notice(m.notices.missingEvidence(question.id), "warn");
  }
  // The justification of a "not applicable" is kept as the answer's note: said, so that it can
  // be changed or removed.
  if (previous?.status === "not_applicable" && (final.note ?? "") !== "") {
    ctx.notice(m.notices.justificationKept(question.id));
  }
  if (previous?.review === true) ctx.notice(m.notices.stillMarkedForReview(question.id));
  for (const line of offered.notices) ctx.notice(line);
  return true;
}

/** How the owner and due-date prompts ended. */
interface ActionResult {
  /** The entry as it is now. */
  answer: Answer;
  /** True when the user pressed Escape at one of them. */
  escaped: boolean;
  /** The owner confirmed with Enter (`""` when removed), if one was. */
  owner?: string;
  /** The notices to show (about the owner and due date). */
  notices: string[];
}

/**
 * After a new answer that leaves a gap (scores below 1) and has no owner or due date yet, asks
 * once who closes it and by when; Enter at both prompts skips (a due date without an owner is
 * kept). Confirming an answer unchanged (in review) does not ask again.
 */
async function offerAction(
  ctx: QuestionContext,
  answer: Answer,
  previous: Answer | undefined,
): Promise<ActionResult> {
  const score = questionScore(ctx.question, answer);
  const unchanged =
    previous !== undefined &&
    previous.status === answer.status &&
    JSON.stringify(previous.value) === JSON.stringify(answer.value);
  if (
    score === null ||
    score >= 1 ||
    answer.owner !== undefined ||
    answer.due !== undefined ||
    unchanged
  )
    return { answer, escaped: false, notices: [] };
  ctx.print(ctx.m.input.actionOffer(ctx.question.id));
  return askAction(ctx, answer);
}

/**
 * The "☐" entry: edits the owner and the due date of the question's entry. Escape at either
 * prompt goes back to the list; an owner already confirmed with Enter stays.
 */
async function editAction(ctx: QuestionContext, answer: Answer | undefined): Promise<void> {
  const result = await askAction(ctx, answer);
  for (const line of result.notices) ctx.notice(line);
}

/**
 * Asks the owner, then the due date, saving each as it is confirmed. Enter keeps a field as it
 * is, "-" removes it; Escape stops (the rest is left as it is) and says so in `escaped`.
 */
async function askAction(ctx: QuestionContext, answer: Answer | undefined): Promise<ActionResult> {
  const { m, question } = ctx;
  const edit = (typed: string, now: string | undefined): string | undefined => {
    const value = typed.trim();
    if (value === "-") return "";
    return value === "" ? now : value;
  };
  const owner = await unlessEscaped(
    ctx.asker.input({
      message: m.input.owner(question.id, answer?.owner),
      escape: "back",
      trim: "line",
    }),
  );
  if (owner === undefined) return { answer: answer ?? {}, escaped: true, notices: [] };
  let current = answer;
  let changed = false;
  const save = async (field: { owner?: string; due?: string }): Promise<void> => {
    const next = withAction(current, field);
    if (next?.owner !== current?.owner || next?.due !== current?.due) {
      await ctx.save(next);
      changed = true;
    }
    current = next;
  };
  const ownerField = edit(owner, answer?.owner) ?? "";
  await save({ owner: ownerField });
  const due = await unlessEscaped(
    ctx.asker.input({
      message: m.input.due(question.id, current?.due),
      validate: (value) => {
        const typed = dueText(value);
        if (["", "-"].includes(typed) || isCalendarDate(typed)) return true;
        return /^\d{4}-\d{2}-\d{2}$/.test(typed) ? m.input.dueNotADay(typed) : m.input.dueInvalid;
      },
      escape: "back",
      trim: "line",
    }),
  );
  if (due !== undefined) await save({ due: edit(dueText(due), current?.due) ?? "" });
  const notices: string[] = [];
  // A due date already past is taken (a late plan is a plan), and said: it shows as overdue.
  const today = calendarDate(ctx.now().getTime(), undefined);
  if (changed && current?.due !== undefined && isOverdue(current.due, today)) {
    notices.push(m.notices.dueInThePast(question.id, current.due));
  }
  if (!changed) {
    if (current?.owner !== undefined || current?.due !== undefined)
      notices.push(m.notices.actionUnchanged(question.id));
  } else if (current?.owner !== undefined || current?.due !== undefined) {
    notices.push(m.notices.actionSaved(question.id, current.owner, current.due));
  } else if (answer?.owner !== undefined || answer?.due !== undefined) {
    notices.push(m.notices.actionRemoved(question.id));
  }
  return {
    answer: current ?? {},
    escaped: due === undefined,
    owner: ownerField,
    notices,
  };
}

/** A due date as typed, with full-width digits and dash as ASCII (`２０２７－０１－０１`). */
function dueText(typed: string): string {
  return typed.trim().normalize("NFKC");
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** The justification for "not applicable"; undefined when left empty (back to the list). */
async function askJustification(
  ctx: QuestionContext,
  previous: Answer | undefined,
): Promise<string | undefined> {
  const note = await unlessEscaped(
    ctx.asker.input({
      message: ctx.m.input.naNote(ctx.question.id),
      ...(previous?.status === "not_applicable" && previous.note ? { default: previous.note } : {}),
      editable: true,
      escape: "back",
    }),
  );
  // As typed: the spaces and line ends of a justification are the user's.
  return note === undefined ? undefined : givenText(note);
}

/**
 * Evidence items, one per line (a line of several, pasted, gives one item per line); with earlier
 * evidence, keep it, add to it or replace it.
 * `onItem` is told the list after each item, so confirmed items are saved at once. An empty line
 * ends the list; `escaped` says the user pressed Escape instead (back to the list before).
 */
export async function askEvidence(
  ctx: QuestionContext,
  existing: readonly string[],
  onItem: (items: string[]) => Promise<void> = async () => {},
): Promise<{ items: string[]; escaped: boolean }> {
  const { m, asker, question, lang } = ctx;
  const hint = question.evidence?.hint[lang] ?? "";
  let items: string[] = [];
  if (existing.length > 0) {
    const what = await unlessEscaped(
      asker.select<"keep" | "add" | "replace">({
        message: `${m.input.evidenceExisting(existing.length)}\n${existing.map((e) => `  - ${e}`).join("\n")}`,
        choices: [
          { value: "keep", name: m.input.evidenceKeep },
          { value: "add", name: m.input.evidenceAdd },
          { value: "replace", name: m.input.evidenceReplace },
        ],
        escape: "back",
      }),
    );
    // Escape keeps the evidence as it was, and goes back to the list.
    if (what === undefined) return { items: [...existing], escaped: true };
    if (what === "keep") return { items: [...existing], escaped: false };
    if (what === "add") items = [...existing];
  }
  ctx.print(m.input.evidenceIntro(hint));
  for (;;) {
    const typed = await unlessEscaped(
      asker.input({
        message: m.input.evidenceItem(items.length + 1),
        escape: "back",
        trim: "ends",
      }),
    );
    // An empty line ends the list; Escape goes back, the items confirmed so far kept.
    if (typed === undefined) return { items, escaped: true };
    // Several lines at once (a pasted list of links): each line is an item.
    const lines = typed
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
    if (lines.length === 0) return { items, escaped: false };
    const added = lines.filter((item, i) => !items.includes(item) && lines.indexOf(item) === i);
    if (added.length > 0) {
      items.push(...added);
      await onItem([...items]);
    }
  }
}

/** Asks for the value of a number, text or multi question; undefined means "back to the list". */
async function askValue(
  ctx: QuestionContext,
  answer: Answer | undefined,
): Promise<AnswerValue | undefined> {
  const { question } = ctx;
  if (question.type === "number") return askNumber(ctx, answer);
  if (question.type === "multi") return askMulti(ctx, answer);
  return askText(ctx, answer);
}

/** A number as people type it, in plain digits (full-width digits, separators, point), or undefined. */
function numberText(text: string): string | undefined {
  const normalised = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/[．。]/g, ".")
    .replace(/(\d)[,，](?=\d{3}(\D|$))/g, "$1")
    .replace(/^[－−]/, "-");
  // A negative number is a number: the question's bounds say whether it fits.
  return /^-?(\d+(\.\d+)?|\.\d+)$/.test(normalised) ? normalised : undefined;
}

/** Parses a number as people type it: full-width digits, thousands separators, a decimal point. */
export function parseNumber(text: string): number | undefined {
  const normalised = numberText(text);
  if (normalised === undefined) return undefined;
  const value = Number(normalised);
  // `-0` and `-0.0` are the number 0 (saved as `0`, not `-0`).
  return Number.isFinite(value) ? value + 0 : undefined;
}

/**
 * The significant digits a saved number keeps exactly. An answers file is read back into
 * double-precision numbers, which keep any decimal of 15 significant digits exactly; and a number
 * is written as digits (`0.000001`, `999999999999999000000`) only from 10^-6 to below 10^21
 * (outside, it is written with an exponent: `1e+22`, which is not what was typed, and which
 * YAML 1.1 readers take for a text).
 */
export const EXACT_DIGITS = 15;

/** Whether a typed number (one parseNumber reads) is saved as exactly the number typed. */
export function savesExactly(text: string): boolean {
  const normalised = numberText(text);
  if (normalised === undefined) return false;
  const digits = normalised
    .replace(/^-/, "")
    .replace(".", "")
    .replace(/^0+/, "")
    .replace(/0+$/, "");
  const size = Math.abs(Number(normalised));
  return digits.length <= EXACT_DIGITS && size < 1e21 && (size === 0 || size >= 1e-6);
}

async function askNumber(
  ctx: QuestionContext,
  answer: Answer | undefined,
): Promise<number | undefined> {
  const { m, question, lang } = ctx;
  // Prefilled only when the text shown is the number saved: Enter then keeps it as it is.
  const value = answer?.value;
  const current =
    typeof value === "number" && Number(formatNumber(value)) === value
      ? formatNumber(value)
      : undefined;
  ctx.print(m.input.emptyGoesBack);
  const text = await unlessEscaped(
    ctx.asker.input({
      message: `${m.input.number(question.unit?.[lang] ?? "")}`,
      ...(current !== undefined ? { default: current, editable: true } : {}),
      validate: (value) => {
        if (value.trim() === "") return true;
        const parsed = parseNumber(value);
        const bounds = () =>
          m.input.numberOutOfBounds(question.min ?? 0, question.max, question.integer === true);
        // A question with bounds of its own states them all, whatever was typed.
        const declared =
          question.min !== undefined || question.max !== undefined || question.integer === true;
        if (parsed === undefined) return declared ? bounds() : m.input.numberInvalid;
        if (numberBoundsProblem(question, parsed) !== undefined) return bounds();
        return savesExactly(value) || m.input.numberNotExact(value.trim(), EXACT_DIGITS);
      },
      escape: "back",
    }),
  );
  return text === undefined || text.trim() === "" ? undefined : parseNumber(text);
}

async function askText(
  ctx: QuestionContext,
  answer: Answer | undefined,
): Promise<string | undefined> {
  const current = typeof answer?.value === "string" ? answer.value : undefined;
  ctx.print(ctx.m.input.emptyGoesBack);
  const text = await unlessEscaped(
    ctx.asker.input({
      message: ctx.m.input.text,
      ...(current !== undefined ? { default: current, editable: true } : {}),
      escape: "back",
    }),
  );
  return text === undefined ? undefined : givenText(text);
}

async function askMulti(
  ctx: QuestionContext,
  answer: Answer | undefined,
): Promise<string[] | undefined> {
  const { m, question, lang } = ctx;
  const chosen = Array.isArray(answer?.value) ? answer.value : [];
  return unlessEscaped(
    ctx.asker.checkbox<string>({
      message: m.input.multi,
      choices: (question.options ?? []).map((o) => ({
        value: o.id,
        name: o.label[lang],
        checked: chosen.includes(o.id),
      })),
      escape: "back",
    }),
  );
}

async function toggleReview(
  ctx: QuestionContext,
  answer: Answer | undefined,
): Promise<QuestionOutcome | "stay"> {
  const { m, question } = ctx;
  const marked = answer?.review !== true;
  await ctx.save(withReviewMark(answer, marked));
  ctx.notice(
    marked ? m.notices.markedForReview(question.id) : m.notices.unmarkedForReview(question.id),
  );
  return marked ? "next" : "stay";
}

async function editNote(ctx: QuestionContext, answer: Answer | undefined): Promise<void> {
  const { m, question } = ctx;
  const note = await unlessEscaped(
    ctx.asker.input({
      message: m.input.note(question.id),
      ...(answer?.note ? { default: answer.note, editable: true } : {}),
      ...(answer?.status === "not_applicable"
        ? { validate: (value: string) => value.trim() !== "" || m.input.naNoteRequired }
        : {}),
      escape: "back",
    }),
  );
  // Escape leaves the note as it was; so does confirming it unchanged (nothing is written).
  if (note === undefined) return;
  const next = withNote(answer, note);
  if (sameAnswer(answer, next)) {
    if (answer?.note !== undefined) ctx.notice(m.notices.noteUnchanged(question.id));
    return;
  }
  await ctx.save(next);
  ctx.notice(
    note.trim() === "" ? m.notices.noteRemoved(question.id) : m.notices.noteSaved(question.id),
  );
}
