/**
 * `netdz init`: writes an answers file to fill in without a terminal. The zone profile fields
 * and every question are listed as comments (question, type, allowed values, guidance), so the
 * file is valid as written and can be completed by hand and checked with `netdz validate`.
 * The template itself is built in render/answers-template.ts.
 */
import { realpath, stat } from "node:fs/promises";
import { formatSetRef } from "../core/set-ref.js";
import path from "node:path";
import { DEFAULT_ANSWERS_FILE, type Lang } from "../core/model.js";
import { EXIT, UsageError } from "../errors.js";
import { lockHolder, lockPath } from "../fs/answers-lock.js";
import { schemaComment } from "../fs/answers-store.js";
import { makeFolder, writeFileAtomic } from "../fs/atomic-write.js";
import { checkFilePath } from "../fs/output.js";
import { describeFsError, displayPath } from "../fs/measure-sets.js";
import { resolveMeasureSet } from "../fs/workspace.js";
import { assessMessages } from "../i18n/assess-messages.js";
import type { Io } from "../io.js";
import { answersTemplate } from "../render/answers-template.js";
import { commandLines } from "./command-lines.js";

/** Options of `netdz init`, as resolved by the command line. */
export interface InitOptions {
  answers: string;
  measures?: string;
  set?: string;
  lang: Lang;
  force: boolean;
}

/** `netdz init`: writes the answers template; refuses to overwrite a file without --force. */
export async function init(options: InitOptions, io: Io): Promise<number> {
  const m = assessMessages(options.lang);
  checkFilePath(options.answers, "--answers", options.lang, {
    fileName: DEFAULT_ANSWERS_FILE,
    cwd: io.cwd,
  });
  if (options.answers === "-") {
    // `--answers -` prints the template to standard output, as `report --out -` does.
    const set = await resolveMeasureSet(
      { measuresDir: options.measures, set: options.set },
      io.cwd,
      options.lang,
    );
    const here = path.join(io.cwd, "netdz-answers.yaml");
    io.stdout.write(answersTemplate(set, options.lang, schemaComment(here, options.lang)));
    return EXIT.ok;
  }
  const file = path.resolve(io.cwd, options.answers);
  const shown = displayPath(file, io.cwd);
  const commands = commandLines(options, io.env);
  const assessCommand = commands.resume;
  const info = await stat(file).catch(() => undefined);
  // A folder is not "already there, use --force": --force would not help.
  if (info?.isDirectory()) {
    throw new UsageError(
      m.errors.cannotWrite(shown, describeFsError({ code: "EISDIR" }, options.lang)),
    );
  }
  if (info && !options.force) throw new UsageError(m.init.exists(shown, assessCommand));
  // A session through a link locks the file it points to: so is the lock looked for.
  const real = await realpath(file).catch(() => file);
  const lockShown = real === file ? lockPath(shown) : displayPath(lockPath(real), io.cwd);
  const holder = await lockHolder(real).catch((error: unknown) => {
    throw new UsageError(m.errors.cannotWrite(shown, describeFsError(error, options.lang)), {
      cause: error,
    });
  });
  if (holder === "not-regular") {
    throw new UsageError(m.errors.lockNotRegular(shown, lockShown));
  }
  if (holder === "unreadable") {
    throw new UsageError(m.errors.lockUnreadable(shown, lockShown));
  }
  if (holder !== undefined) throw new UsageError(m.init.locked(shown, holder));
  const set = await resolveMeasureSet(
    { measuresDir: options.measures, set: options.set },
    io.cwd,
    options.lang,
  );
  const text = answersTemplate(set, options.lang, schemaComment(file, options.lang));
  try {
    await makeFolder(path.dirname(file));
    await writeFileAtomic(file, text, { lang: options.lang, shown });
  } catch (error) {
    throw new UsageError(m.errors.cannotWrite(shown, describeFsError(error, options.lang)), {
      cause: error,
    });
  }
  const questions = set.measures.reduce((sum, measure) => sum + measure.questions.length, 0);
  io.stdout.write(`${m.init.wrote(shown, questions, formatSetRef(set))}\n`);
  io.stdout.write(`${m.init.next(commands.validate, assessCommand)}\n`);
  return EXIT.ok;
}
