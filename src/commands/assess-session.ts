/**
 * The loop of one `netdz assess` session: the zone profile when it is missing, then question
 * after question (next, back, jump, the menu), hand edits of the file picked up between
 * screens, the summary, and the end-of-session report. What it draws is built by
 * prompts/screens.ts (pure) and shown by prompts/terminal-screen.ts; the prompts are in
 * prompts/; every answer is saved by the answers store at once.
 */
import { formatSetRef } from "../core/set-ref.js";
import path from "node:path";
import { settledCount } from "../core/answer.js";
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
import type { Answer, AnswersFile, Lang, MeasureSet, ProfileValue } from "../core/model.js";
import { scoreAssessment, scoreLeftOutByZone } from "../core/score.js";
import { EXIT, UsageError } from "../errors.js";
import type { CommandLines } from "./command-lines.js";
import type { AnswersStore } from "../fs/answers-store.js";
import { ExternalEditError, SaveTooLargeError } from "../fs/answers-store.js";
import { WriteFileError } from "../fs/atomic-write.js";
import { describeFsError, displayPath } from "../fs/measure-sets.js";
import type { AssessMessages } from "../i18n/assess-messages.js";
import type { Io } from "../io.js";
import { unlessEscaped, type Asker } from "../prompts/ask.js";
import { askProfile, missingProfileFields, type ProfileContext } from "../prompts/profile.js";
import { askQuestion, type QuestionContext, type QuestionOutcome } from "../prompts/question.js";
import {
  JUMP_BACK,
  jumpChoices,
  notApplicableLine,
  questionScreenLines,
  summaryScreenLines,
} from "../prompts/screens.js";
import { chooseReportTarget } from "../prompts/report-target.js";
import { TerminalScreen } from "../prompts/terminal-screen.js";
import { chalkFor } from "../terminal-chalk.js";
import { DEFAULT_REPORT_FORMAT, defaultOutputName, REPORT_FORMATS } from "../render/reporters.js";
import { DEFAULT_TOP } from "./report-options.js";

/** Not-applicable questions listed one by one above a screen; the rest are counted. */
const MAX_PASSED_NOTICES = 3;

/** What a session works on: the set, the file's store, and how it was opened. */
export interface OpenedAnswers {
  set: MeasureSet;
  store: AnswersStore;
  created: boolean;
  warnings: number;
  /** Just migrated to a newer version of its set: the questions marked for review come first. */
  migrated?: boolean;
}

/** Options of the session, as `netdz assess` was given them. */
export interface SessionOptions {
  measures?: string;
  lang: Lang;
  review: boolean;
}

/** Questions settled in the file (answered, don't know or not applicable), as the summary counts. */
export function savedCount(set: MeasureSet, store: { data: AnswersFile }): number {
  return settledCount(summarise(buildFlow(set, store.data.zone), store.data.answers));
}

export interface SessionDeps extends OpenedAnswers {
  asker: Asker;
  io: Io;
  m: AssessMessages;
  options: SessionOptions;
  commands: CommandLines;
  shown: string;
}

/** One interactive run over an answers file. */
export class Session {
  private flow: Flow;
  private state: FlowState;
  private flowZone = "";
  private readonly screen: TerminalScreen;
  private readonly lang: Lang;

  constructor(private readonly d: SessionDeps) {
    this.lang = d.options.lang;
    const chalk = chalkFor(d.io.stdout, d.io.env);
    this.screen = new TerminalScreen(d.io, {
      bold: (t) => chalk.bold(t),
      dim: (t) => chalk.dim(t),
      accent: (t) => chalk.cyan(t),
      good: (t) => chalk.green(t),
      warn: (t) => chalk.yellow(t),
    });
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

  /** Runs the session to its end; returns the exit code. */
  async run(): Promise<number> {
    try {
      return await this.runSession();
    } catch (error) {
      // A failed write outside the walk (the zone profile) ends the session: said so, with the
      // command that continues, not with the walk's "go back".
      if (error instanceof SaveRefused && error.remedy === "fix") {
        const { m, shown, commands } = this.d;
        throw new UsageError(m.refused.writeFailedEnded(shown, error.reason, commands.resume), {
          cause: error,
        });
      }
      throw error;
    }
  }

  private async runSession(): Promise<number> {
    this.announceStart();
    await this.profileIfMissing();
    this.flow = this.buildFlow();
    this.state = startState(this.flow, this.answers, this.d.migrated ? "marked" : this.mode);
    if (this.state.index === null && this.state.mode === "marked") {
      this.state = startState(this.flow, this.answers, "resume");
    }
    if (this.state.index === null && this.mode === "resume" && !this.d.created) {
      this.screen.notice(this.d.m.start.allDone(this.flow.applicableCount));
      this.screen.noticeLine(`  ${this.d.commands.review}`);
    }
    for (;;) {
      if ((await this.walk()) === "quit") return this.quit();
      if (!(await this.finish())) return EXIT.ok;
      this.state = startState(this.flow, this.answers, "resume");
    }
  }

  private announceStart(): void {
    const { m, set, shown, created, warnings } = this.d;
    const setName = formatSetRef(set);
    if (created) this.screen.notice(m.start.creating(shown, setName));
    else if (this.mode === "review") this.screen.notice(m.start.reviewing(shown, setName));
    else {
      const p = progress(this.flow, this.answers);
      this.screen.notice(m.start.resuming(shown, setName, p.done, p.total));
    }
    if (warnings > 0)
      this.screen.notice(m.start.warnings(warnings, this.d.commands.validate), "warn");
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
      print: (text) => this.screen.say(text, "dim"),
    };
  }

  /** Asks the zone profile when the file lacks a required field (a new file always does). */
  private async profileIfMissing(): Promise<void> {
    const fields = missingProfileFields(this.d.set, this.zone);
    if (fields.length === 0) return;
    const { m } = this.d;
    this.screen.newScreen();
    this.screen.say(this.d.set.title[this.lang], "dim");
    this.screen.print(this.screen.paint.bold(m.profile.heading));
    this.screen.say(m.profile.intro);
    this.screen.print("");
    await askProfile(this.profileContext(), fields, {
      withAssessor: this.d.store.data.assessor === undefined,
    });
    this.afterProfile();
  }

  private async editProfile(current: FlowStep | undefined): Promise<void> {
    const { m, set } = this.d;
    this.screen.newScreen();
    this.screen.print(this.screen.paint.bold(m.profile.editHeading));
    this.screen.print("");
    const before = this.d.store.toString();
    await unlessEscaped(
      askProfile(this.profileContext(), set.profile, { withAssessor: true, escape: "back" }),
    );
    this.afterProfile(this.d.store.toString() !== before);
    this.apply(rebase(this.flow, this.answers, this.state.mode, current?.question.id));
  }

  private afterProfile(changed = true): void {
    const { m, set } = this.d;
    this.flow = this.buildFlow();
    const filled = set.profile.filter((f) => this.zone[f.id] !== undefined).length;
    this.screen.notice(changed ? m.profile.saved(filled) : m.profile.unchanged);
    const excluded = this.flow.steps.length - this.flow.applicableCount;
    this.screen.notice(m.profile.notApplicableCount(excluded));
  }

  /**
   * Writes to the answers file. A save refused for the file's size, or a write that failed, is
   * a SaveRefused: during the walk the session goes on after it (see `refusedSave`), elsewhere it
   * ends the session with its words. A file edited elsewhere into something unreadable ends it.
   */
  private async write(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      const { m, shown, commands } = this.d;
      if (error instanceof SaveTooLargeError) {
        throw new SaveRefused(m.refused.notSaved(shown, error.reason), "shorter", {
          cause: error,
          reason: error.reason,
        });
      }
      if (error instanceof ExternalEditError) {
        const message = m.errors.editedElsewhere(shown, error.reason, commands.resume);
        throw new UsageError(message, { cause: error });
      }
      // The file could not be written (it became a folder, the disk filled up): the answer is
      // not lost without a word, and the user may put it right and answer again.
      const reason =
        error instanceof WriteFileError ? error.reason : describeFsError(error, this.lang);
      throw new SaveRefused(m.refused.writeFailed(shown, reason, commands.resume), "fix", {
        cause: error,
        reason,
      });
    }
  }

  /** Walks questions until the end of the walk, or until the user quits from the menu. */
  private async walk(): Promise<"end" | "quit"> {
    while (this.state.index !== null) {
      await this.followHandEdits();
      if (this.state.index === null) break;
      const step = this.flow.steps[this.state.index] as FlowStep;
      let outcome: QuestionOutcome;
      try {
        outcome = await askQuestion(this.questionContext(step, this.state.index));
        if (outcome === "menu" && (await this.menu(step)) === "quit") return "quit";
      } catch (error) {
        if (!(error instanceof SaveRefused)) throw error;
        if ((await this.refusedSave(error)) === "quit") return "quit";
        continue;
      }
      if (outcome === "next") {
        this.apply(advance(this.flow, this.answers, this.state));
        // After the questions marked for review, the rest of the walk as usual.
        if (this.state.index === null && this.state.mode === "marked") {
          this.state = startState(this.flow, this.answers, "resume");
        }
      } else if (outcome === "back") {
        const t = goBack(this.flow, this.state);
        if (t.blocked) this.screen.notice(this.d.m.notices.firstQuestion);
        this.apply(t);
      }
    }
    return "end";
  }

  /**
   * After a save refused (for the file's size, or a file that could not be written): says why
   * (nothing was written, and the store holds what was written last), then goes back to where
   * the user was,
   * or quits, as the user chooses. Escape goes back.
   */
  private async refusedSave(error: SaveRefused): Promise<"back" | "quit"> {
    const { asker, m } = this.d;
    this.screen.print("");
    this.screen.say(error.message, "warn");
    const choice = await unlessEscaped(
      asker.select<"back" | "quit">({
        message: m.refused.prompt,
        choices: [
          { value: "back", name: error.remedy === "fix" ? m.refused.backAfterFix : m.refused.back },
          { value: "quit", name: m.refused.quit },
        ],
        escape: "back",
      }),
    );
    if (choice === "quit") return "quit";
    this.screen.notice(error.message, "warn");
    return "back";
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
    this.screen.notice(this.d.m.notices.profileChangedOnDisk);
    this.apply(rebase(this.flow, this.answers, this.state.mode, current?.question.id));
  }

  /** Moves to a new state, listing the not-applicable questions passed on the way. */
  private apply(t: Transition): void {
    const { m, set } = this.d;
    const shown = t.passed.slice(0, MAX_PASSED_NOTICES);
    for (const step of shown) this.screen.notice(notApplicableLine(set, step, m, this.lang), "dim");
    if (t.passed.length > shown.length) {
      this.screen.notice(m.notices.morePassed(t.passed.length - shown.length), "dim");
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
      notice: (line, tone) => this.screen.notice(line, tone),
      print: (text) => this.screen.say(text, "dim"),
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
        width: this.screen.width,
      },
      this.d.m,
      this.lang,
      this.screen.paint,
    );
    this.screen.newScreen();
    this.screen.print(lines.join("\n"));
    return this.screen.rowsLeft(lines);
  }

  /** The menu: jump to a measure, edit the zone profile, show the summary, quit. */
  private async menu(step: FlowStep): Promise<"resume" | "quit"> {
    const { asker, m } = this.d;
    for (let from: "jump" | undefined; ;) {
      const choice = await unlessEscaped(
        asker.select<"resume" | "jump" | "zone" | "summary" | "quit">({
          message: m.menu.title,
          choices: [
            { value: "resume", name: m.menu.resume },
            { value: "jump", name: m.menu.jump },
            { value: "zone", name: m.menu.zone },
            { value: "summary", name: m.menu.summary },
            { value: "quit", name: m.menu.quit },
          ],
          ...(from !== undefined ? { default: from } : {}),
          escape: "back",
        }),
      );
      if (choice === "quit") return "quit";
      // Escape in the jump list returns to this menu, the list it came from.
      if (choice === "jump" && (await this.jump(step)) === "escaped") {
        from = "jump";
        continue;
      } else if (choice === "zone") await this.editProfile(step);
      else if (choice === "summary") await this.showSummary();
      return "resume";
    }
  }

  /** Jumps to the measure picked; "escaped" when Escape left the list (back to the menu). */
  private async jump(step: FlowStep): Promise<"escaped" | undefined> {
    const { asker, m } = this.d;
    const choices = jumpChoices(
      measureOverview(this.flow, this.answers),
      m,
      this.lang,
      this.screen.width,
    );
    const picked = await unlessEscaped(
      asker.select<string>({
        message: m.menu.jumpPrompt,
        choices,
        default: `measure:${step.measure.id}`,
        pageSize: Math.min(choices.length, 18),
        escape: "back",
      }),
    );
    if (picked === undefined) return "escaped";
    if (picked === JUMP_BACK) return undefined;
    const measureId = picked.slice("measure:".length);
    const t = jumpToMeasure(this.flow, this.state, measureId);
    if (t.blocked) this.screen.notice(m.notices.nothingApplies(measureId));
    this.apply(t);
    return undefined;
  }

  /** Summary lines and the score preview. */
  private summaryLines(): string[] {
    const assessment = scoreAssessment(this.d.set, this.d.store.data);
    return summaryScreenLines(
      {
        counts: summarise(this.flow, this.answers),
        progress: progress(this.flow, this.answers),
        overall: assessment.overall,
        leftOutByZone: scoreLeftOutByZone(assessment),
        ...(this.d.set.bands ? { bands: this.d.set.bands } : {}),
        width: this.screen.width,
      },
      this.d.m,
      this.lang,
      this.screen.paint,
    );
  }

  private async showSummary(): Promise<void> {
    this.screen.newScreen();
    this.screen.print(`${this.summaryLines().join("\n")}\n`);
    await unlessEscaped(
      this.d.asker.select({
        message: this.d.m.menu.title,
        choices: [{ value: "resume", name: this.d.m.menu.resume }],
        escape: "back",
      }),
    );
  }

  /** The end screen; true when the user wants to go through the remaining questions now. */
  private async finish(): Promise<boolean> {
    const { asker, m } = this.d;
    this.screen.newScreen();
    this.screen.print(`${this.summaryLines().join("\n")}\n`);
    const remaining = remainingVisits(this.flow, this.answers);
    if (
      remaining > 0 &&
      (await asker.confirm({ message: m.end.goThroughRemaining(remaining), default: true }))
    ) {
      return true;
    }
    await this.offerReport();
    this.screen.say(m.end.saved(savedCount(this.d.set, this.d.store), this.d.shown));
    return false;
  }

  private async offerReport(): Promise<void> {
    const { asker, m, io, options, store } = this.d;
    const offered = reportPathFor(store.file);
    // Named as the answers file was given (not through a link): a file beside it so too.
    const asGiven = path.resolve(io.cwd, this.d.shown) === store.file;
    const beside = path.dirname(store.file);
    const show = (file: string): string =>
      displayPath(
        asGiven && path.dirname(file) === beside
          ? path.join(path.dirname(this.d.shown), path.basename(file))
          : file,
        io.cwd,
      );
    const reportFile = await chooseReportTarget(
      {
        asker,
        m: m.end,
        folder: path.dirname(offered),
        answersFile: store.file,
        answersShown: this.d.shown,
        show,
      },
      offered,
    );
    if (reportFile === undefined) {
      this.screen.print(m.end.reportLater(this.d.commands.report(show(offered))));
      return;
    }
    const shownReport = show(reportFile);
    const { report } = await import("./report.js");
    try {
      await report(
        {
          answers: asGiven ? this.d.shown : store.file,
          format: DEFAULT_REPORT_FORMAT,
          out: shownReport === "-" ? reportFile : shownReport,
          lang: options.lang,
          top: DEFAULT_TOP,
          measures: options.measures,
        },
        io,
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.screen.say(`${m.end.reportFailed(shownReport)} ${reason}`, "warn");
    }
  }

  private quit(): number {
    const { m } = this.d;
    this.screen.print("");
    this.screen.say(m.end.saved(savedCount(this.d.set, this.d.store), this.d.shown));
    this.screen.print(m.end.resumeWith(this.d.commands.resume));
    return EXIT.ok;
  }
}

/**
 * A save refused (the file's size, a write that failed), with the words that say so: the walk
 * goes on after it;
 * anywhere else (the first profile questions) it ends the session with those words.
 */
class SaveRefused extends UsageError {
  constructor(
    message: string,
    /** What the user can do before answering again: write it shorter, or put the file right. */
    readonly remedy: "shorter" | "fix",
    options: ErrorOptions & { reason: string },
  ) {
    super(message, { cause: options.cause });
    this.reason = options.reason;
  }
  /** Why the save was refused, in words. */
  readonly reason: string;
}

/** `<folder>/<answers-basename>-report.<ext>` (ext of the default format), next to the answers file. */
export function reportPathFor(answersFile: string): string {
  const base = path.basename(answersFile, path.extname(answersFile));
  const name = defaultOutputName(base, REPORT_FORMATS[DEFAULT_REPORT_FORMAT]);
  return path.join(path.dirname(answersFile), name);
}
