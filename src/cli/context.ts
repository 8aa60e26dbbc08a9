/**
 * What every command's factory is given, and the options several commands share. A factory
 * declares its command's arguments and options (choices and defaults from the modules that own
 * them), and its action loads the command's module only when it runs, so start-up stays fast.
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import { LANGS, type Lang } from "../core/model.js";
import type { CliMessages } from "../i18n/cli-messages.js";
import type { Io } from "../io.js";

export interface CliContext {
  io: Io;
  /** The interface language, known before parsing (see langOfArgv). */
  lang: Lang;
  m: CliMessages;
  /** A subcommand with the program's settings (output, errors, help), to be filled in. */
  command(name: string): Command;
  /** Runs a command's action and keeps its exit code. */
  run(action: () => Promise<number> | number): Promise<void>;
}

/** A command's factory: one per command, listed once in src/cli.ts. */
export type CommandFactory = (ctx: CliContext) => Command;

/** `--lang`: one of LANGS, defaulting to the language the command line was read in. */
export function langOption(ctx: CliContext, description = ctx.m.options.lang): Option {
  return new Option("--lang <lang>", description)
    .choices(LANGS)
    .default(ctx.lang, ctx.m.options.langDefault);
}

/** `--measures <dir>`: a folder of measure sets instead of the bundled ones. */
export function measuresOption(ctx: CliContext): Option {
  return new Option("--measures <dir>", ctx.m.options.measures).argParser(
    notBlank(ctx.m.values.folder),
  );
}

/**
 * A command-line parser that refuses an empty or blank value (`--measures ""`), which would
 * otherwise be taken for the option not given; any other value is kept exactly as typed.
 */
export function notBlank(problem: string): (raw: string) => string {
  return (raw) => {
    if (raw.trim() === "") throw new InvalidArgumentError(problem);
    return raw;
  };
}

/** `--set <id[@version]>`: which measure set to use. */
export function setOption(ctx: CliContext): Option {
  return new Option("--set <id[@version]>", ctx.m.options.set);
}

/**
 * A command-line parser from a string to a value: `parse` gives NaN (or anything `accept`
 * refuses) for bad input, which becomes commander's "argument … is invalid" with `problem`.
 */
export function numberParser(
  parse: (raw: string) => number,
  accept: (n: number) => boolean,
  problem: string,
): (raw: string) => number {
  return (raw) => {
    const n = parse(raw);
    if (!accept(n)) throw new InvalidArgumentError(problem);
    return n;
  };
}
