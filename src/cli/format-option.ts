/**
 * `--format` of the commands that write a report (report, aggregate, diff): the option, and the
 * format chosen from it and `--out` (outputFormat). One definition for the three commands.
 */
import { Option, type Command } from "commander";
import type { Lang } from "../core/model.js";
import { outputFormat } from "../commands/report-options.js";
import { OUT_FORMAT_MESSAGES } from "../i18n/out-format-messages.js";
import type { Reporter } from "../render/reporters.js";
import type { CliContext } from "./context.js";

/** `-f, --format <format>`: one of the command's formats; the help says how the default is chosen. */
export function formatOption<F extends string>(
  ctx: CliContext,
  help: string,
  names: readonly F[],
  fallback: F,
): Option {
  return new Option("-f, --format <format>", help)
    .choices(names)
    .default(fallback, OUT_FORMAT_MESSAGES[ctx.lang].formatDefault(fallback));
}

/**
 * The format the command writes: `--format` when the user typed it (not its default), else the
 * one `--out`'s extension names, else `fallback`; a usage error when the two disagree.
 */
export function chosenFormat<F extends string>(
  command: Command,
  registry: Readonly<Record<F, Pick<Reporter<unknown, unknown>, "extension">>>,
  opts: { format: F; out?: string; lang: Lang },
  fallback: F,
): F {
  const typed = command.getOptionValueSource("format") === "cli" ? opts.format : undefined;
  return outputFormat(registry, typed, opts.out, fallback, opts.lang);
}
