/**
 * `netdz assess`: the interactive self-assessment. Zone profile first, then every applicable
 * question area by area; every answer is written to disk (atomically) the moment it is given,
 * so Ctrl-C or a lost terminal never loses one, and running it again resumes.
 */
import { formatSetRef } from "../core/set-ref.js";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_ANSWERS_FILE, type Lang, type MeasureSet } from "../core/model.js";
import { CancelledError, DataError, UsageError } from "../errors.js";
import { checkAnswersFile } from "../fs/answers-loader.js";
import { acquireLock, lockPath, type AnswersLock } from "../fs/answers-lock.js";
import { AnswersStore } from "../fs/answers-store.js";
import { refuseReadOnly } from "../fs/atomic-write.js";
import { describeFsError, displayPath, measuresRoot } from "../fs/measure-sets.js";
import { fileMessages } from "../i18n/file-messages.js";
import { readTextFile, refuseTooLargeToEdit } from "../fs/read-file.js";
import { notRegularError } from "../fs/fs-errors.js";
import { matchesSetRef, parseSetRef, resolveMeasureSet } from "../fs/workspace.js";
import { assessMessages, type AssessMessages } from "../i18n/assess-messages.js";
import type { Io } from "../io.js";
import { checkFilePath } from "../fs/output.js";
import { screenWidth } from "../prompts/terminal-screen.js";
import { Asker, isCancellation } from "../prompts/ask.js";
import { guardSession } from "../prompts/guard.js";
import { savedCount, Session, type OpenedAnswers } from "./assess-session.js";
import { migrateCommand, newerVersionOf } from "../fs/set-versions.js";
import { compareVersions } from "../core/versions.js";
import { commandLines, type CommandLines } from "./command-lines.js";

export { reportPathFor } from "./assess-session.js";

/** Options of `netdz assess`, as resolved by the command line. */
export interface AssessOptions {
  answers: string;
  measures?: string;
  set?: string;
  lang: Lang;
  review: boolean;
}

/** `netdz assess`: runs the session; 0 when it ends, 130 (CancelledError) when interrupted. */
export async function assess(options: AssessOptions, io: Io): Promise<number> {
  const m = assessMessages(options.lang);
  checkFilePath(options.answers, "--answers", options.lang, {
    fileName: DEFAULT_ANSWERS_FILE,
    cwd: io.cwd,
  });
  const commands = commandLines(options, io.env);
  // The options first, as every command checks them: without a terminal, the command suggested
  // instead must be one that works.
  await measuresRoot(options.measures, io.cwd, options.lang);
  if (options.set !== undefined) parseSetRef(options.set, options.lang);
  if (io.stdin.isTTY !== true) {
    // The `init --set` suggested below must name a set that is there: one that is not is said as
    // `init --set` says it. (With a terminal, an existing file's pin is compared with it first.)
    if (options.set !== undefined) {
      await resolveMeasureSet(
        { measuresDir: options.measures, set: options.set },
        io.cwd,
        options.lang,
      );
    }
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
  const shown = displayPath(options.answers, io.cwd);
  const asker = new Asker({
    input: io.stdin,
    output: io.stdout,
    keys: m.keys,
    yesNo: { yes: m.yes, no: m.no, error: m.yesNoError },
    // Every prompt's message wraps to the screen's width, as question texts do.
    width: () => screenWidth(io.stdout.columns),
  });
  const untrap = guardSession(asker, io);
  let lock: AnswersLock | undefined;
  let opened: OpenedAnswers | undefined;
  // The answers an existing file holds, known once it is checked: stopped before the session
  // starts (at the offer to migrate), the file still holds them.
  const found: { count?: number } = {};
  try {
    // The lock is the real file's: through a link, the one beside the file it points to.
    const lockShown = file === given ? lockPath(shown) : displayPath(lockPath(file), io.cwd);
    await refuseUnsavable(file, shown, m, options.lang);
    lock = await takeLock(file, shown, lockShown, m, options.lang);
    opened = await openAnswers(options, io, file, shown, m, commands, asker, found);
    const session = new Session({ ...opened, asker, io, m, options, commands, shown });
    return await session.run();
  } catch (error) {
    if (isCancellation(error)) {
      throw new CancelledError(
        m.cancelled(
          opened ? savedCount(opened.set, opened.store) : (found.count ?? 0),
          shown,
          commands.resume,
        ),
      );
    }
    throw error;
  } finally {
    lock?.release();
    untrap();
  }
}

/**
 * Before the first screen, what would make the first save fail: a read-only file (refused as a
 * save refuses it, so no answer is given and then lost), and a file with several names (hard
 * links): a save replaces the file (atomically), which would split it from its other names, and
 * a lock is taken by name, so a session under another name would not see this one.
 */
async function refuseUnsavable(
  file: string,
  shown: string,
  m: AssessMessages,
  lang: Lang,
): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return;
  refuseReadOnly(info, shown, lang);
  if (info.nlink > 1) throw new UsageError(m.errors.hardLinked(shown, info.nlink));
}

async function takeLock(
  file: string,
  shown: string,
  lockShown: string,
  m: AssessMessages,
  lang: Lang,
): Promise<AnswersLock> {
  let result;
  try {
    result = await acquireLock(file);
  } catch (error) {
    throw new UsageError(m.errors.cannotWrite(shown, describeFsError(error, lang)), {
      cause: error,
    });
  }
  if (!result.ok && result.notRegular) {
    throw new UsageError(m.errors.lockNotRegular(shown, lockShown));
  }
  if (!result.ok && result.unreadable) {
    throw new UsageError(m.errors.lockUnreadable(shown, lockShown));
  }
  if (!result.ok) throw new UsageError(m.errors.locked(shown, result.pid, lockShown));
  return result.lock;
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
  commands: CommandLines,
  asker: Asker,
  found: { count?: number },
  offerNewer = true,
): Promise<OpenedAnswers> {
  // An answers file that is there but cannot be read is "cannot read", in the words every command uses.
  const cannotRead = (reason: string) =>
    new UsageError(fileMessages(options.lang).cannotRead(shown, reason));
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ELOOP") throw cannotRead(describeFsError(error, options.lang));
    return undefined;
  });
  if (info && !(info.isFile() && (await holdsNothing(file)))) {
    if (!info.isFile()) {
      throw cannotRead(
        describeFsError(info.isDirectory() ? { code: "EISDIR" } : notRegularError(), options.lang),
      );
    }
    // Before anything is read: a file too large to edit within the memory bound is refused.
    refuseTooLargeToEdit(file, shown, "assess", options.lang);
    // Its problems name it as given (a link by the link's name).
    const checked = await checkAnswersFile(options.answers, {
      cwd: io.cwd,
      measuresDir: options.measures,
      lang: options.lang,
    });
    const errors = checked.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0 || !checked.answers || !checked.set) {
      throw new DataError(m.errors.invalidFile(shown, commands.validate), errors);
    }
    checkRequestedSet(options, checked.set, shown, m);
    found.count = savedCount(checked.set, { data: checked.answers });
    // A file pinned to an older version: offer to migrate first (not when --set names a version).
    const migrated =
      offerNewer && (await migratedFirst(options, io, file, checked.answers.measureSet, asker));
    if (migrated) {
      const reopened = await openAnswers(
        options,
        io,
        file,
        shown,
        m,
        commands,
        asker,
        found,
        false,
      );
      return { ...reopened, migrated: true };
    }
    const store = await AnswersStore.open(file, options.lang);
    const warnings = checked.diagnostics.length - errors.length;
    return { set: checked.set, store, created: false, warnings };
  }
  const set = await resolveMeasureSet(
    { measuresDir: options.measures, set: options.set },
    io.cwd,
    options.lang,
  );
  // A file of only comments and blank lines starts a new assessment; its comments are kept.
  const comments = info ? await commentsOf(file) : "";
  try {
    const store = await AnswersStore.create(file, {
      measureSet: { id: set.id, version: set.version },
      ...(comments !== "" ? { comments } : {}),
      lang: options.lang,
    });
    return { set, store, created: true, warnings: 0 };
  } catch (error) {
    throw new UsageError(m.errors.cannotWrite(shown, describeFsError(error, options.lang)), {
      cause: error,
    });
  }
}

/**
 * When a newer version of the file's set is available (and --set names no version), offers to
 * migrate the file first (default no); true when it was migrated.
 */
async function migratedFirst(
  options: AssessOptions,
  io: Io,
  file: string,
  pinned: { id: string; version: string },
  asker: Asker,
): Promise<boolean> {
  if (options.set?.includes("@")) return false;
  if ((await newerVersionOf(pinned, options.measures, io.cwd)) === undefined) return false;
  const { offerMigration } = await import("./migrate.js");
  const confirm = (message: string) => asker.confirm({ message, default: false });
  // Named as given, unless that is a link (then the file it points to is migrated).
  const answers = path.resolve(io.cwd, options.answers) === file ? options.answers : file;
  const args = { answers, measures: options.measures, lang: options.lang, pinned, confirm };
  return offerMigration(args, io);
}

/**
 * The text of a file through the one reader (never waiting on a pipe swapped in, strict UTF-8);
 * undefined when it cannot be read as text, which the check of the file then reports.
 */
function textOf(file: string): string | undefined {
  try {
    const read = readTextFile(file, file);
    return read.ok ? read.text : undefined;
  } catch {
    return undefined;
  }
}

/** True for a file with nothing in it but blank lines and comments: a new assessment starts there. */
async function holdsNothing(file: string): Promise<boolean> {
  const text = textOf(file);
  if (text === undefined) return false;
  return text.split(/\r?\n/).every((line) => line.trim() === "" || line.trim().startsWith("#"));
}

/** The comment lines of a file that holds nothing else, as they are. */
async function commentsOf(file: string): Promise<string> {
  const text = textOf(file) ?? "";
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((line) => line.trim().startsWith("#"))
    .join("\n");
}

/** `--set` must agree with the set an existing file is pinned to. */
function checkRequestedSet(
  options: AssessOptions,
  set: MeasureSet,
  shown: string,
  m: AssessMessages,
): void {
  const requested = options.set;
  if (requested === undefined) return;
  const wanted = parseSetRef(requested);
  if (matchesSetRef(set, wanted)) return;
  if (
    wanted.id === set.id &&
    wanted.version !== undefined &&
    compareVersions(wanted.version, set.version) > 0
  ) {
    const command = `${migrateCommand(shown, options.measures)} --to ${wanted.version}`;
    throw new UsageError(m.errors.setNewer(shown, formatSetRef(set), requested, command));
  }
  throw new UsageError(m.errors.setMismatch(shown, formatSetRef(set), requested));
}
