/**
 * `netdz assess`: the interactive self-assessment. Zone profile first, then every applicable
 * question area by area; every answer is written to disk (atomically) the moment it is given,
 * so Ctrl-C or a lost terminal never loses one, and running it again resumes.
 */
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import {
  advance,
  buildFlow,
  goBack,
  jumpToMeasure,
  measureOverview,
  positionOf,
  progress,
  rebase,
  remainingVisits,
  startState,
  summarise,
  type Flow,
  type FlowState,
  type FlowStep,
  type Transition,
} from "../core/flow.js";
import type { Answer, Lang, MeasureSet, ProfileValue } from "../core/model.js";
import { scoreAssessment } from "../core/score.js";
import { CancelledError, DataError, EXIT, UsageError } from "../errors.js";
import { checkAnswersFile } from "../fs/answers-loader.js";
import {
  acquireLock,
  AnswersStore,
  ExternalEditError,
  type AnswersLock,
} from "../fs/answers-store.js";
import { describeFsError, displayPath, resolveMeasureSet } from "../fs/measure-sets.js";
import { notRegularError } from "../fs/fs-errors.js";
import { matchesSetRef, parseSetRef } from "../fs/workspace.js";
import { assessMessages, type AssessMessages } from "../i18n/assess-messages.js";
import { resolveLang } from "../i18n/lang.js";
import type { Io } from "../io.js";
import { Asker, isCancellation } from "../prompts/ask.js";
import { guardSession } from "../prompts/guard.js";
import { displayWidth, truncate, wrap } from "../prompts/layout.js";
import { shellQuote } from "../prompts/shell.js";
import { askProfile, missingProfileFields, type ProfileContext } from "../prompts/profile.js";
import { askQuestion, type QuestionContext } from "../prompts/question.js";
import {
  labelledLines,
  notApplicableLine,
  questionScreenLines,
  progressLine,
  type Paint,
} from "../prompts/screens.js";
import { chalkFor } from "../terminal.js";

/** Options of `netdz assess`, as resolved by the command line. */
export interface AssessOptions {
  answers: string;
  measures?: string;
  set?: string;
  lang: Lang;
  review: boolean;
}

/** Widest layout used, in columns, however wide the terminal is. */
const MAX_WIDTH = 100;
/** Not-applicable questions listed one by one above a screen; the rest are counted. */
const MAX_PASSED_NOTICES = 3;
const CLEAR_SCREEN = "\x1b[H\x1b[2J";

/** `netdz assess`: runs the session; 0 when it ends, 130 (CancelledError) when interrupted. */
export async function assess(options: AssessOptions, io: Io): Promise<number> {
  const m = assessMessages(options.lang);
  const commands = commandLines(options, io);
  if (io.stdin.isTTY !== true) {
    const exists = await stat(path.resolve(io.cwd, options.answers)).catch(() => undefined);
    throw new UsageError(
      exists
        ? m.errors.noTtyExisting(options.answers, commands.validate)
        : m.errors.noTty(commands.init),
    );
  }
  // Through a symbolic link, lock and write the file it points to.
  const given = path.resolve(io.cwd, options.answers);
  const file = await realpath(given).catch(() => given);
  const shown = displayPath(given, io.cwd);
  const asker = new Asker({
    input: io.stdin,
    output: io.stdout,
    keys: m.keys,
    yesNo: { yes: m.yes, no: m.no, error: m.yesNoError },
  });
  const untrap = guardSession(asker, io);
  let lock: AnswersLock | undefined;
  let store: AnswersStore | undefined;
  try {
    lock = await takeLock(file, shown, m);
    const opened = await openAnswers(options, io, file, shown, m, commands);
    store = opened.store;
    const session = new Session({ ...opened, asker, io, m, options, commands, shown });
    return await session.run();
  } catch (error) {
    if (isCancellation(error)) {
      throw new CancelledError(m.cancelled(store?.savedCount ?? 0, shown, commands.resume));
    }
    throw error;
  } finally {
    lock?.release();
    untrap();
  }
}

/** Commands shown to the user, with the options this run was given. */
interface Commands {
  resume: string;
  review: string;
  init: string;
  validate: string;
  report(out: string): string;
}

function commandLines(options: AssessOptions, io: Io): Commands {
  const answers = shellQuote(options.answers);
  const measures = options.measures ? ` --measures ${shellQuote(options.measures)}` : "";
  const lang = options.lang !== resolveLang(undefined, io.env) ? ` --lang ${options.lang}` : "";
  const resume = `netdz assess --answers ${answers}${measures}${lang}`;
  return {
    resume,
    review: `${resume} --review`,
    init: `netdz init --answers ${answers}${measures}${lang}`,
    validate: `netdz validate ${answers}${measures}`,
    report: (out) => `netdz report ${answers} --out ${shellQuote(out)}${measures}${lang}`,
  };
}

async function takeLock(file: string, shown: string, m: AssessMessages): Promise<AnswersLock> {
  let result;
  try {
    result = await acquireLock(file);
  } catch (error) {
    throw new UsageError(m.errors.cannotWrite(shown, describeFsError(error)), { cause: error });
  }
  if (!result.ok) throw new UsageError(m.errors.locked(shown, result.pid));
  return result.lock;
}

interface OpenedAnswers {
  set: MeasureSet;
  store: AnswersStore;
  created: boolean;
  warnings: number;
}

/**
 * The answers file to work on: an existing one is checked (and never touched when invalid; its
 * pinned measure set decides), a missing one is created for the requested set.
 */
async function openAnswers(
  options: AssessOptions,
  io: Io,
  file: string,
  shown: string,
  m: AssessMessages,
  commands: Commands,
): Promise<OpenedAnswers> {
  const info = await stat(file).catch(() => undefined);
  if (info) {
    if (!info.isFile()) {
      const reason = describeFsError(info.isDirectory() ? { code: "EISDIR" } : notRegularError());
      throw new UsageError(m.errors.cannotWrite(shown, reason));
    }
    const checked = await checkAnswersFile(file, {
      cwd: io.cwd,
      measuresDir: options.measures,
      lang: options.lang,
    });
    const errors = checked.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0 || !checked.answers || !checked.set) {
      throw new DataError(m.errors.invalidFile(shown, commands.validate), errors);
    }
    checkRequestedSet(options.set, checked.set, shown, m);
    const store = await AnswersStore.open(file);
    const warnings = checked.diagnostics.length - errors.length;
    return { set: checked.set, store, created: false, warnings };
  }
  const set = await resolveMeasureSet({ measuresDir: options.measures, set: options.set }, io.cwd);
  try {
    const store = await AnswersStore.create(file, {
      measureSet: { id: set.id, version: set.version },
    });
    return { set, store, created: true, warnings: 0 };
  } catch (error) {
    throw new UsageError(m.errors.cannotWrite(shown, describeFsError(error)), { cause: error });
  }
}

/** `--set` must agree with the set an existing file is pinned to. */
function checkRequestedSet(
  requested: string | undefined,
  set: MeasureSet,
  shown: string,
  m: AssessMessages,
): void {
  if (requested === undefined) return;
  if (matchesSetRef(set, parseSetRef(requested))) return;
  throw new UsageError(m.errors.setMismatch(shown, `${set.id}@${set.version}`, requested));
}

interface SessionDeps extends OpenedAnswers {
  asker: Asker;
  io: Io;
  m: AssessMessages;
  options: AssessOptions;
  commands: Commands;
  shown: string;
}

/** One interactive run over an answers file. */
class Session {
  private flow: Flow;
  private state: FlowState;
  private notices: string[] = [];
  private flowZone = "";
  private readonly paint: Paint;
  private readonly lang: Lang;

  constructor(private readonly d: SessionDeps) {
    this.lang = d.options.lang;
    const chalk = chalkFor(d.io.stdout, d.io.env);
    this.paint = {
      bold: (t) => chalk.bold(t),
      dim: (t) => chalk.dim(t),
      accent: (t) => chalk.cyan(t),
      good: (t) => chalk.green(t),
      warn: (t) => chalk.yellow(t),
    };
    this.flow = this.buildFlow();
    this.state = { mode: this.mode, index: null };
  }

  private get mode(): "resume" | "review" {
    return this.d.options.review ? "review" : "resume";
  }

  private get answers(): Record<string, Answer> {
    return this.d.store.data.answers;
  }

  private get zone(): Record<string, ProfileValue | undefined> {
    return this.d.store.data.zone;
  }

  private get width(): number {
    return Math.max(40, Math.min(this.d.io.stdout.columns ?? 80, MAX_WIDTH) - 1);
  }

  /** Runs the session to its end; returns the exit code. */
  async run(): Promise<number> {
    this.announceStart();
    await this.profileIfMissing();
    this.flow = this.buildFlow();
    this.state = startState(this.flow, this.answers, this.mode);
    if (this.state.index === null && this.mode === "resume" && !this.d.created) {
      this.notice(this.d.m.start.allDone(this.flow.applicableCount));
      this.notices.push(`  ${this.d.commands.review}`);
    }
    for (;;) {
      if ((await this.walk()) === "quit") return this.quit();
      if (!(await this.finish())) return EXIT.ok;
      this.state = startState(this.flow, this.answers, "resume");
    }
  }

  private announceStart(): void {
    const { m, set, shown, created, warnings } = this.d;
    const setName = `${set.id}@${set.version}`;
    if (created) this.notice(m.start.creating(shown, setName));
    else if (this.mode === "review") this.notice(m.start.reviewing(shown, setName));
    else {
      const p = progress(this.flow, this.answers);
      this.notice(m.start.resuming(shown, setName, p.done, p.total));
    }
    if (warnings > 0) this.notice(m.start.warnings(warnings, this.d.commands.validate), "warn");
  }

  /** Queues text for the top of the next screen, wrapped to the screen width. */
  private notice(text: string, style?: keyof Paint): void {
    for (const line of wrap(text, this.width)) {
      this.notices.push(style ? this.paint[style](line) : line);
    }
  }

  /** Prints text now, wrapped to the screen width. */
  private say(text: string, style?: keyof Paint): void {
    for (const line of wrap(text, this.width)) this.print(style ? this.paint[style](line) : line);
  }

  private print(text: string): void {
    this.d.io.stdout.write(`${text}\n`);
  }

  /** Clears the terminal and prints the pending notices. */
  private newScreen(): void {
    if (this.d.io.stdout.isTTY) this.d.io.stdout.write(CLEAR_SCREEN);
    const notices = this.takeNotices();
    if (notices.length > 0) this.print(`${notices.join("\n")}\n`);
  }

  private takeNotices(): string[] {
    const taken = this.notices;
    this.notices = [];
    return taken;
  }

  private profileContext(): ProfileContext {
    const { asker, m, set, store } = this.d;
    return {
      asker,
      m,
      lang: this.lang,
      set,
      zone: () => this.zone,
      saveZone: (field, value) => this.write(() => store.setZone(field, value)),
      assessor: () => store.data.assessor,
      saveAssessor: (field, value) => this.write(() => store.setAssessor(field, value)),
      print: (text) => this.say(text, "dim"),
    };
  }

  /** Asks the zone profile when the file lacks a required field (a new file always does). */
  private async profileIfMissing(): Promise<void> {
    const fields = missingProfileFields(this.d.set, this.zone);
    if (fields.length === 0) return;
    const { m } = this.d;
    this.newScreen();
    this.say(this.d.set.title[this.lang], "dim");
    this.print(this.paint.bold(m.profile.heading));
    this.say(m.profile.intro);
    this.print("");
    await askProfile(this.profileContext(), fields, {
      withAssessor: this.d.store.data.assessor === undefined,
    });
    this.afterProfile();
  }

  private async editProfile(current: FlowStep | undefined): Promise<void> {
    const { m, set } = this.d;
    this.newScreen();
    this.print(this.paint.bold(m.profile.editHeading));
    this.print("");
    await askProfile(this.profileContext(), set.profile, { withAssessor: true });
    this.afterProfile();
    this.apply(rebase(this.flow, this.answers, this.state.mode, current?.question.id));
  }

  private afterProfile(): void {
    const { m, set } = this.d;
    this.flow = this.buildFlow();
    const filled = set.profile.filter((f) => this.zone[f.id] !== undefined).length;
    this.notice(m.profile.saved(filled));
    const excluded = this.flow.steps.length - this.flow.applicableCount;
    this.notice(m.profile.notApplicableCount(excluded));
  }

  /** Writes to the answers file; a failed write ends the session with a clear message. */
  private async write(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      const { m, shown, commands } = this.d;
      const message =
        error instanceof ExternalEditError
          ? m.errors.editedElsewhere(shown, error.reason, commands.resume)
          : m.errors.cannotWrite(shown, describeFsError(error));
      throw new UsageError(message, { cause: error });
    }
  }

  /** Walks questions until the end of the walk, or until the user quits from the menu. */
  private async walk(): Promise<"end" | "quit"> {
    while (this.state.index !== null) {
      await this.followHandEdits();
      if (this.state.index === null) break;
      const step = this.flow.steps[this.state.index] as FlowStep;
      const outcome = await askQuestion(this.questionContext(step, this.state.index));
      if (outcome === "next") this.apply(advance(this.flow, this.answers, this.state));
      else if (outcome === "back") {
        const t = goBack(this.flow, this.state);
        if (t.blocked) this.notice(this.d.m.notices.firstQuestion);
        this.apply(t);
      } else if ((await this.menu(step)) === "quit") return "quit";
    }
    return "end";
  }

  /** The walk for the zone profile as it is now (remembered, to notice changes made by hand). */
  private buildFlow(): Flow {
    this.flowZone = JSON.stringify(this.zone);
    return buildFlow(this.d.set, this.zone);
  }

  /**
   * Picks up edits made to the file by hand since the last screen; when they changed the zone
   * profile, the walk is rebuilt so questions that no longer apply are skipped.
   */
  private async followHandEdits(): Promise<void> {
    await this.write(() => this.d.store.reloadIfEditedElsewhere());
    if (JSON.stringify(this.zone) === this.flowZone) return;
    const current = this.state.index === null ? undefined : this.flow.steps[this.state.index];
    this.flow = this.buildFlow();
    this.notice(this.d.m.notices.profileChangedOnDisk);
    this.apply(rebase(this.flow, this.answers, this.state.mode, current?.question.id));
  }

  /** Moves to a new state, listing the not-applicable questions passed on the way. */
  private apply(t: Transition): void {
    const { m, set } = this.d;
    const shown = t.passed.slice(0, MAX_PASSED_NOTICES);
    for (const step of shown) this.notice(notApplicableLine(set, step, m, this.lang), "dim");
    if (t.passed.length > shown.length) {
      this.notice(m.notices.morePassed(t.passed.length - shown.length), "dim");
    }
    this.state = t.state;
  }

  private questionContext(step: FlowStep, index: number): QuestionContext {
    const { asker, m, store } = this.d;
    const id = step.question.id;
    return {
      asker,
      m,
      lang: this.lang,
      question: step.question,
      answer: () => this.answers[id],
      refresh: () => this.write(() => store.reloadIfEditedElsewhere()),
      save: (answer) => this.write(() => store.setAnswer(id, answer)),
      render: ({ guidance }) => this.renderQuestion(step, index, guidance),
      notice: (line) => this.notice(line, line.startsWith("⚠") ? "warn" : undefined),
      print: (text) => this.say(text, "dim"),
      now: () => new Date(),
    };
  }

  /** Draws the question screen; returns the rows left for the answer list. */
  private renderQuestion(step: FlowStep, index: number, guidance: boolean): number | undefined {
    const lines = questionScreenLines(
      {
        set: this.d.set,
        step,
        position: positionOf(this.flow, index),
        progress: progress(this.flow, this.answers),
        answer: this.answers[step.question.id],
        notices: [],
        showGuidance: guidance,
        width: this.width,
      },
      this.d.m,
      this.lang,
      this.paint,
    );
    this.newScreen();
    this.print(lines.join("\n"));
    const rows = (this.d.io.stdout as { rows?: number }).rows;
    if (!rows) return undefined;
    const used = this.screenRows(lines);
    return Math.max(5, rows - used - 5);
  }

  /** Terminal rows the lines take (long lines wrap). */
  private screenRows(lines: readonly string[]): number {
    const columns = this.d.io.stdout.columns ?? 80;
    return lines.reduce(
      (sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / columns)),
      0,
    );
  }

  /** The menu: jump to a measure, edit the zone profile, show the summary, quit. */
  private async menu(step: FlowStep): Promise<"resume" | "quit"> {
    const { asker, m } = this.d;
    const choice = await asker.select<"resume" | "jump" | "zone" | "summary" | "quit">({
      message: m.menu.title,
      choices: [
        { value: "resume", name: m.menu.resume },
        { value: "jump", name: m.menu.jump },
        { value: "zone", name: m.menu.zone },
        { value: "summary", name: m.menu.summary },
        { value: "quit", name: m.menu.quit },
      ],
    });
    if (choice === "quit") return "quit";
    if (choice === "jump") await this.jump(step);
    else if (choice === "zone") await this.editProfile(step);
    else if (choice === "summary") await this.showSummary();
    return "resume";
  }

  private async jump(step: FlowStep): Promise<void> {
    const { asker, m } = this.d;
    const overview = measureOverview(this.flow, this.answers);
    const width = Math.max(...overview.map((o) => displayWidth(o.measure.id)));
    const titleWidth = Math.max(20, this.width - width - 30);
    const measureId = await asker.select<string>({
      message: m.menu.jumpPrompt,
      choices: overview.map((o) => ({
        value: o.measure.id,
        name: `${o.measure.id}  ${padTitle(o.measure.title[this.lang], titleWidth)}  ${
          o.applicable === 0
            ? m.menu.notForZone
            : m.menu.measureProgress(o.done, o.applicable, o.review)
        }`,
        ...(o.applicable === 0 ? { disabled: " " } : {}),
      })),
      default: step.measure.id,
      pageSize: Math.min(overview.length, 16),
    });
    const t = jumpToMeasure(this.flow, this.state, measureId);
    if (t.blocked) this.notice(m.notices.nothingApplies(measureId));
    this.apply(t);
  }

  /** Summary lines and the score preview. */
  private summaryLines(): string[] {
    const { m, set } = this.d;
    const s = summarise(this.flow, this.answers);
    const labels = m.end.summary;
    const lines = [
      this.paint.bold(m.end.heading),
      progressLine(progress(this.flow, this.answers), m, this.paint, this.width),
      "",
      ...labelledLines([
        [labels.answered, String(s.answered)],
        [labels.unknown, String(s.unknown)],
        [labels.notApplicable(s.notApplicableByProfile), String(s.notApplicable)],
        [labels.unanswered, String(s.unanswered)],
        [labels.review, String(s.review)],
        [labels.total, String(s.total)],
      ]),
      "",
    ];
    const overall = scoreAssessment(set, this.d.store.data).overall;
    if (overall.score === null || overall.band === null) lines.push(m.end.noScore);
    else {
      lines.push(
        this.paint.bold(
          m.end.scorePreview(overall.score.toFixed(1), overall.band.label[this.lang]),
        ),
      );
      lines.push(this.paint.dim(m.end.scoreNote));
    }
    return lines;
  }

  private async showSummary(): Promise<void> {
    this.newScreen();
    this.print(`${this.summaryLines().join("\n")}\n`);
    await this.d.asker.select({
      message: this.d.m.menu.title,
      choices: [{ value: "resume", name: this.d.m.menu.resume }],
    });
  }

  /** The end screen; true when the user wants to go through the remaining questions now. */
  private async finish(): Promise<boolean> {
    const { asker, m } = this.d;
    this.newScreen();
    this.print(`${this.summaryLines().join("\n")}\n`);
    const remaining = remainingVisits(this.flow, this.answers);
    if (
      remaining > 0 &&
      (await asker.confirm({ message: m.end.goThroughRemaining(remaining), default: true }))
    ) {
      return true;
    }
    await this.offerReport();
    this.say(m.end.saved(this.d.store.savedCount, this.d.shown));
    return false;
  }

  private async offerReport(): Promise<void> {
    const { asker, m, io, options, store } = this.d;
    const reportFile = reportPathFor(store.file);
    const shownReport = displayPath(reportFile, io.cwd);
    if (!(await asker.confirm({ message: m.end.writeReport(shownReport), default: true }))) {
      this.print(m.end.reportLater(this.d.commands.report(shownReport)));
      return;
    }
    const { report } = await import("./report.js");
    try {
      await report(
        {
          answers: store.file,
          format: "md",
          out: shownReport,
          lang: options.lang,
          top: 10,
          measures: options.measures,
        },
        io,
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.say(`${m.end.reportFailed(shownReport)} ${reason}`, "warn");
    }
  }

  private quit(): number {
    const { m } = this.d;
    this.print("");
    this.say(m.end.saved(this.d.store.savedCount, this.d.shown));
    this.print(m.end.resumeWith(this.d.commands.resume));
    return EXIT.ok;
  }
}

/** `<folder>/<answers-basename>-report.md`, next to the answers file. */
export function reportPathFor(answersFile: string): string {
  const base = path.basename(answersFile, path.extname(answersFile));
  return path.join(path.dirname(answersFile), `${base}-report.md`);
}

function padTitle(title: string, width: number): string {
  const cut = truncate(title, width);
  return cut + " ".repeat(Math.max(0, width - displayWidth(cut)));
}
