import { Argument, Option, type Command } from "commander";
import { LIST_SEPARATORS } from "../i18n/quote.js";
import type { DiffCommandOptions } from "../commands/diff.js";
import { DIFF_HELP } from "../i18n/diff-messages.js";
import { DEFAULT_DIFF_FORMAT, DIFF_FORMAT_NAMES, DIFF_FORMATS } from "../render/reporters.js";
import { langOption, measuresOption, type CommandFactory } from "./context.js";
import { chosenFormat, formatOption } from "./format-option.js";

/** `netdz diff <old> <new>`. */
export const diffCommand: CommandFactory = (ctx) => {
  const h = DIFF_HELP[ctx.lang];
  return ctx
    .command("diff")
    .description(h.description(DIFF_FORMAT_NAMES.join(LIST_SEPARATORS[ctx.lang])))
    .addArgument(new Argument("<old>", h.old))
    .addArgument(new Argument("<new>", h.new))
    .addOption(formatOption(ctx, h.format, DIFF_FORMAT_NAMES, DEFAULT_DIFF_FORMAT))
    .addOption(new Option("-o, --out <file>", h.out))
    .addOption(langOption(ctx))
    .addOption(new Option("--fail-on-regression", h.failOnRegression).default(false))
    .addOption(measuresOption(ctx))
    .addHelpText("after", h.after)
    .action(
      (
        older: string,
        newer: string,
        opts: Omit<DiffCommandOptions, "old" | "new">,
        command: Command,
      ) =>
        ctx.run(async () => {
          const format = chosenFormat(command, DIFF_FORMATS, opts, DEFAULT_DIFF_FORMAT);
          const { diff } = await import("../commands/diff.js");
          return diff({ ...opts, format, old: older, new: newer }, ctx.io);
        }),
    );
};
