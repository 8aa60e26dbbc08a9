/**
 * `netdz migrate ANSWERS [--to VERSION] [--out FILE] [--dry-run]`: carries an answers file to a
 * newer version of its measure set through each version's changes.yaml, prints what happened to
 * every answer that did not simply carry over, keeps the file as it was beside it, and writes the
 * result atomically.
 */
import { existsSync, realpathSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { MigrationConflict, migrateDocument, type MigrationOutcome } from "../core/migrate.js";
import { editedText } from "../core/edited-text.js";
import type { Lang } from "../core/model.js";
import { formatSetRef } from "../core/set-ref.js";
import { compareVersions } from "../core/versions.js";
import { DataError, EXIT, UsageError } from "../errors.js";
import { acquireLock, lockPath, type AnswersLock } from "../fs/answers-lock.js";
import { checkAnswersFile } from "../fs/answers-loader.js";
import {
  refuseReadOnly,
  writeFileAtomic,
  WriteFileError,
  type WriteOptions,
} from "../fs/atomic-write.js";
import { checkFilePath, isStandardOutput, writeStdout } from "../fs/output.js";
import {
  availableSets,
  describeFsError,
  displayPath,
  measuresRoot,
  resolvedPath,
} from "../fs/measure-sets.js";
import { readTextFile, refuseTooLargeToEdit } from "../fs/read-file.js";
import { newerVersionOf, versionSteps } from "../fs/set-versions.js";
import { migrateMessages, type MigrateMessages } from "../i18n/migrate-messages.js";
import { sourceDateEpoch } from "./source-date-epoch.js";
import type { Io } from "../io.js";
import { refuseEmptyPaths } from "./path-arguments.js";

export interface MigrateOptions {
  answers: string;
  /** Target version; default the newest available. */
  to?: string;
  /** Write the migrated file here instead of in place (no backup is made then). */
  out?: string;
  /** With --out: overwrite a file that exists there. */
  force?: boolean;
  dryRun?: boolean;
  lang: Lang;
  measures?: string;
  /** The caller (an assess session) already holds the answers file's lock. */
  lockHeld?: boolean;
}

/** What tests may replace: the atomic writer. */
export interface MigrateDeps {
  writeFile(target: string, text: string, options: WriteOptions): Promise<void>;
}

/** The answers file as migrated, and what happened; nothing is written. */
export interface PlannedMigration {
  file: string;
  original: string;
  text: string;
  outcome: MigrationOutcome;
}

export async function migrate(
  opts: MigrateOptions,
  io: Io,
  deps: MigrateDeps = { writeFile: writeFileAtomic },
): Promise<number> {
  const m = migrateMessages(opts.lang);
  refuseEmptyPaths([opts.answers], opts.lang);
  // Inside a folder given for --out, the file keeps the answers file's name.
  if (opts.out !== undefined)
    checkFilePath(opts.out, "--out", opts.lang, {
      fileName: path.basename(opts.answers),
      cwd: io.cwd,
    });
  // A migration that writes holds the answers file's lock, as an assess session does, so it
  // never writes under a running session and no session starts while it writes.
  const locks: AnswersLock[] = [];
  try {
    if (!opts.dryRun && !opts.lockHeld) {
      locks.push(await takeLock(opts.answers, io.cwd, opts.lang));
    }
    return await migrateLocked(opts, io, deps, m, locks);
  } finally {
    for (const lock of locks) lock.release();
  }
}

/**
 * Takes the lock of an answers file (through a link, of the file it points to), or refuses.
 * `given`: the path as given (named so in messages).
 */
async function takeLock(given: string, cwd: string, lang: Lang): Promise<AnswersLock> {
  const m = migrateMessages(lang);
  let file = resolvedPath(given, cwd);
  try {
    file = realpathSync(file);
  } catch {
    // A file that does not exist: the lock is taken beside the name given.
  }
  const shown = displayPath(given, cwd);
  let result;
  try {
    result = await acquireLock(file);
  } catch (error) {
    throw new UsageError(m.cannotWrite(shown, describeFsError(error, lang)), { cause: error });
  }
  if (!result.ok && result.notRegular) {
    throw new UsageError(m.lockNotRegular(shown, lockPath(shown)));
  }
  if (!result.ok && result.unreadable) {
    throw new UsageError(m.lockUnreadable(shown, lockPath(shown)));
  }
  if (!result.ok) throw new UsageError(m.locked(shown, result.pid));
  return result.lock;
}

async function migrateLocked(
  opts: MigrateOptions,
  io: Io,
  deps: MigrateDeps,
  m: MigrateMessages,
  locks: AnswersLock[],
): Promise<number> {
  const plan = await planMigration(opts, io);
  if (!plan) return EXIT.ok;
  // Each file named as given: the target, and the backup beside the answers file.
  const targetGiven = opts.out ?? opts.answers;
  const target = path.resolve(io.cwd, targetGiven);
  const inPlace = opts.out === undefined;
  // `--out -` or `/dev/stdout`: the migrated file is the output, the account goes to stderr.
  const toStdout = opts.out !== undefined && isStandardOutput(opts.out, io.cwd);
  // Refused before the account is printed, so that it never reads as if the file was written:
  // --out naming the answers file itself (by any path: a link, a hard link), an existing --out
  // without --force, a read-only target.
  const existing = toStdout ? undefined : statOrUndefined(target);
  if (!inPlace && !toStdout && existing && sameFile(existing, statOrUndefined(plan.file))) {
    throw new UsageError(m.outIsAnswers(displayPath(targetGiven, io.cwd)));
  }
  if (!opts.dryRun && !toStdout && !inPlace && !opts.force && existing) {
    throw new UsageError(m.outExists(displayPath(targetGiven, io.cwd)));
  }
  if (!opts.dryRun && existing?.isFile()) {
    refuseReadOnly(existing, displayPath(targetGiven, io.cwd), opts.lang);
  }
  const { outcome } = plan;
  const backup = backupPath(plan.file, outcome.from);
  const backupGiven = backupPath(opts.answers, outcome.from);
  // An earlier copy that differs is never overwritten: refused before the account is printed.
  if (
    !opts.dryRun &&
    inPlace &&
    existsSync(backup) &&
    readBackup(backup, backupGiven, io.cwd, opts.lang) !== plan.original
  ) {
    throw new UsageError(m.backupExists(displayPath(backupGiven, io.cwd)));
  }
  const shown = displayPath(opts.answers, io.cwd);
  const lines = [m.heading(shown, outcome.from, outcome.to)];
  for (const event of outcome.events) lines.push(`  ${m.event(event)}`);
  lines.push(m.carried(outcome.carried));
  (toStdout && !opts.dryRun ? io.stderr : io.stdout).write(`${lines.join("\n")}\n`);
  if (toStdout && !opts.dryRun) {
    await writeStdout(plan.text, io);
    return EXIT.ok;
  }
  if (opts.dryRun) {
    io.stdout.write(`${m.dryRun}\n`);
    return EXIT.ok;
  }
  if (inPlace) {
    await write(deps, backup, backupGiven, plan.original, io.cwd, opts.lang);
    await write(deps, target, targetGiven, plan.text, io.cwd, opts.lang);
    io.stdout.write(`${m.wrote(displayPath(targetGiven, io.cwd))}\n`);
    io.stdout.write(`${m.keptBackup(displayPath(backupGiven, io.cwd))}\n`);
  } else {
    locks.push(await takeLock(targetGiven, io.cwd, opts.lang));
    await write(deps, target, targetGiven, plan.text, io.cwd, opts.lang);
    io.stdout.write(`${m.wrote(displayPath(targetGiven, io.cwd))}\n`);
  }
  return EXIT.ok;
}

/**
 * The text of an earlier backup, read without blocking (a pipe or device there is refused, in
 * words, never waited on); a backup that is not UTF-8 text never equals the file.
 */
function readBackup(backup: string, given: string, cwd: string, lang: Lang): string | undefined {
  const read = readTextFile(backup, displayPath(given, cwd), lang);
  if (!read.ok) return undefined;
  return hasBom(read.bytes) ? `\uFEFF${read.text}` : read.text;
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * `<name>.<old version>.<extension>` beside the file, its YAML or JSON extension kept as written
 * (`a.YAML` → `a.1.0.0.YAML`, `a.json` → `a.1.0.0.json`: a JSON file's copy is no `.yaml` file
 * that a folder roll-up would take for answers); `.yaml` after a name with another extension or
 * none.
 */
export function backupPath(file: string, version: string): string {
  const ext = path.extname(file);
  const kept = /^\.(ya?ml|json)$/i.test(ext);
  const base = kept ? file.slice(0, -ext.length) : file;
  return `${base}.${version}${kept ? ext : ".yaml"}`;
}

/**
 * The version `--to` names: a version, or `ID@VERSION` of the file's own set (the form other
 * commands take); another set's id is refused, as migrate never moves answers to another set.
 */
function targetVersion(
  given: string | undefined,
  id: string,
  versions: readonly string[],
  m: MigrateMessages,
): string | undefined {
  // Spaces and line breaks around the value are no part of it (` 1.1.0`, a pasted `1.1.0⏎`).
  const to = given?.trim();
  const at = to?.lastIndexOf("@") ?? -1;
  if (to === undefined || at < 0) return to;
  const named = to.slice(0, at);
  const version = to.slice(at + 1);
  // `mini@@1.1.0`, `@mini@1.1.0`: one @ too many, whatever is around them.
  if (to.indexOf("@") !== at) {
    const parts = to
      .split("@")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    const first = parts.length > 1 ? (parts[0] as string) : id;
    const last = parts.length > 1 ? (parts.at(-1) as string) : parts[0];
    const meant = `${first}@${last === undefined || last === id ? "VERSION" : last}`;
    throw new UsageError(m.manyAts(to, meant));
  }
  // Nothing after the @ is said first: `--to @` names neither, and the versions are the help.
  if (version.trim() === "") throw new UsageError(m.noVersionAfterAt(to, id, versions));
  if (named.trim() === "") {
    // `--to @mini`: the set's id where the version goes.
    if (version.trim() === id && !versions.includes(version.trim())) {
      throw new UsageError(m.idAfterAt(to, id, versions));
    }
    throw new UsageError(m.noIdBeforeAt(to, id, version));
  }
  if (named !== id) throw new UsageError(m.otherSet(to, id));
  return version;
}

/** A path's status, following links; undefined when there is nothing there to follow. */
function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** Whether two statuses are of one file (the same device and inode). */
function sameFile(a: Stats, b: Stats | undefined): boolean {
  return b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

async function write(
  deps: MigrateDeps,
  target: string,
  given: string,
  text: string,
  cwd: string,
  lang: Lang,
): Promise<void> {
  await deps
    .writeFile(target, text, { lang, shown: displayPath(given, cwd) })
    .catch((error: unknown) => {
      const reason = error instanceof WriteFileError ? error.reason : describeFsError(error, lang);
      throw new UsageError(migrateMessages(lang).cannotWrite(displayPath(given, cwd), reason), {
        cause: error,
      });
    });
}

/**
 * Reads and checks the answers file, finds the version steps and migrates it in memory;
 * undefined when it is already on the target version (a note is printed).
 */
export async function planMigration(
  opts: Pick<MigrateOptions, "answers" | "to" | "lang" | "measures">,
  io: Io,
): Promise<PlannedMigration | undefined> {
  const m = migrateMessages(opts.lang);
  const file = path.resolve(io.cwd, opts.answers);
  const shown = displayPath(opts.answers, io.cwd);
  refuseTooLargeToEdit(file, shown, "migrate", opts.lang);
  const checked = await checkAnswersFile(opts.answers, {
    cwd: io.cwd,
    measuresDir: opts.measures,
    lang: opts.lang,
  });
  const errors = checked.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || !checked.answers || !checked.set) {
    throw new DataError(m.invalidBefore(shown), errors);
  }
  const { id, version } = checked.answers.measureSet;
  const root = await measuresRoot(opts.measures, io.cwd, opts.lang);
  const versions = (await availableSets(root)).filter((s) => s.id === id).map((s) => s.version);
  const to = targetVersion(opts.to, id, versions, m) ?? versions[0] ?? version;
  if (!versions.includes(to)) {
    throw new UsageError(m.unavailable(to, id, versions));
  }
  const order = compareVersions(to, version);
  if (order < 0) throw new UsageError(m.newerThan(shown, version, to));
  if (order === 0) {
    io.stderr.write(
      `netdz migrate: ${opts.to === undefined ? m.nothingToDo(shown, version) : m.alreadyOn(shown, version)}\n`,
    );
    return undefined;
  }
  const steps = await versionSteps(root, id, version, to, io.cwd, opts.lang);
  // Read as every reader does: never waiting on a pipe, strict UTF-8, the BOM kept for the write.
  const read = readTextFile(file, shown, opts.lang);
  if (!read.ok) throw new DataError(m.invalidBefore(shown), [read.problem]);
  const original = hasBom(read.bytes) ? `\uFEFF${read.text}` : read.text;
  const body = read.text;
  const doc = parseDocument(body, { keepSourceTokens: false });
  const outcome = migrateSteps(doc, steps, shown, migrationDate(io.env, opts.lang), m);
  // Only what the migration changed is rewritten: every other line stays as it was (a JSON file
  // stays JSON).
  const edited = editedText(body, parseDocument(body, { uniqueKeys: true }), doc, {
    renamed: outcome.renamed,
  });
  const text = `${original.startsWith("\uFEFF") ? "\uFEFF" : ""}${edited}`;
  return { file, original, text, outcome };
}

/** migrateDocument, with a step that would give two answers one id refused in words (exit 1). */
function migrateSteps(
  doc: ReturnType<typeof parseDocument>,
  steps: Parameters<typeof migrateDocument>[1],
  shown: string,
  date: string,
  m: MigrateMessages,
): MigrationOutcome {
  try {
    return migrateDocument(doc, steps, { date, words: m.words });
  } catch (error) {
    if (!(error instanceof MigrationConflict)) throw error;
    throw new DataError(m.conflict(shown, error.id, error.from, formatSetRef(error.set)));
  }
}

/**
 * Now, or SOURCE_DATE_EPOCH when set (read as every command reads it; at most the end of the year
 * 9999, as the date is written in the file), as an ISO date-time to the second.
 */
function migrationDate(env: NodeJS.ProcessEnv, lang: Lang): string {
  const epoch = sourceDateEpoch(env, lang);
  const date = epoch === undefined ? new Date() : new Date(epoch * 1000);
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * `netdz assess` on a file pinned to an older version when a newer one is available: asks
 * whether to migrate first (default no) and, if so, migrates the file in place (keeping the file
 * as it was beside it). True when the file was migrated.
 */
export async function offerMigration(
  args: {
    answers: string;
    measures?: string;
    lang: Lang;
    pinned: { id: string; version: string };
    confirm(message: string): Promise<boolean>;
  },
  io: Io,
): Promise<boolean> {
  const newer = await newerVersionOf(args.pinned, args.measures, io.cwd);
  if (newer === undefined) return false;
  const m = migrateMessages(args.lang);
  const pinned = `${args.pinned.id}@${args.pinned.version}`;
  if (!(await args.confirm(m.offerMigrate(pinned, newer)))) return false;
  await migrate(
    { answers: args.answers, lang: args.lang, measures: args.measures, lockHeld: true },
    io,
  );
  return true;
}
