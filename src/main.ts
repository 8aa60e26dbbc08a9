import { CommanderError } from "commander";
import { packageVersion } from "./package-root.js";
import { buildProgram } from "./cli.js";
import {
  CancelledError,
  DataError,
  EXIT,
  isClosedPipe,
  StdoutError,
  UsageError,
} from "./errors.js";
import type { Lang } from "./core/model.js";
import { CLI_MESSAGES } from "./i18n/cli-messages.js";
import { langOfArgv } from "./i18n/lang.js";
import { processIo, type Io } from "./io.js";

/** Runs netdz with the given arguments and returns the exit code. The only place errors become codes. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const lang = langOfArgv(argv, io.env);
  runLang = lang;
  stdoutFailureSaid = false;
  const program = buildProgram(io, (code) => (exitCode = code), packageVersion(), lang);
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    // A reader that stops early (`netdz aggregate | head`) is not an error.
    if (isClosedPipe(error)) return exitCode;
    return await reportError(error, io, lang);
  }
}

/** The language of the run under way, for a failure of standard output met outside `main`. */
let runLang: Lang = "en";
let stdoutFailureSaid = false;

/**
 * Says once, on standard error, that standard output refused what was written (exit 2 follows):
 * from `main` when a command's output fails, and from the bin when the stream reports it.
 */
export async function reportStdoutFailure(
  error: unknown,
  stderr: NodeJS.WritableStream = process.stderr,
  lang: Lang = runLang,
): Promise<void> {
  if (stdoutFailureSaid) return;
  stdoutFailureSaid = true;
  // Loaded here, as the messages of the other failures are: a run that ends well never needs them.
  const { fileMessages } = await import("./i18n/file-messages.js");
  const { describeFsError } = await import("./fs/fs-errors.js");
  const cause = error instanceof StdoutError ? error.cause : error;
  stderr.write(`netdz: ${fileMessages(lang).cannotWriteStdout(describeFsError(cause, lang))}\n`);
}

async function reportError(error: unknown, io: Io, lang: Lang): Promise<number> {
  const m = CLI_MESSAGES[lang];
  if (error instanceof StdoutError) {
    await reportStdoutFailure(error, io.stderr, lang);
    return EXIT.usage;
  }
  if (error instanceof CommanderError) {
    // Help and version exit 0; every parse error is a usage error (2).
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`netdz: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof DataError) {
    // Loaded here: a run that ends well (and --help) never needs them.
    const { limitPerFile } = await import("./core/diagnostic-filter.js");
    const { formatText, sortDiagnostics } = await import("./render/diagnostics.js");
    const { fileMessages } = await import("./i18n/file-messages.js");
    const { shown, more, atLeast } = limitPerFile(sortDiagnostics(error.diagnostics));
    io.stderr.write(formatText(shown, undefined, lang));
    for (const [file, count] of more)
      io.stderr.write(`${fileMessages(lang).moreProblems(file, count, atLeast.has(file))}\n`);
    io.stderr.write(`netdz: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof CancelledError) {
    io.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`netdz: ${m.internalError(message)}\n`);
  if (io.env.NETDZ_DEBUG && error instanceof Error && error.stack)
    io.stderr.write(`${error.stack}\n`);
  else io.stderr.write(`${m.debugHint}\n`);
  return EXIT.usage;
}
