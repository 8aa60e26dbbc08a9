import { Argument, Option, type Command } from "commander";
import { LIST_SEPARATORS } from "../i18n/quote.js";
import type { AggregateCommandOptions } from "../commands/aggregate.js";
import { parsePercentage, parseWholeNumber } from "../commands/report-options.js";
import {
  DEFAULT_BOTTOM,
  DEFAULT_MIN_COMPLETENESS,
  isBottom,
  isMinCompleteness,
} from "../core/aggregate.js";
import { AGGREGATE_HELP } from "../i18n/aggregate-messages.js";
import {
  AGGREGATE_FORMAT_NAMES,
  AGGREGATE_FORMATS,
  DEFAULT_AGGREGATE_FORMAT,
} from "../render/reporters.js";
import { langOption, measuresOption, numberParser, type CommandFactory } from "./context.js";
import { chosenFormat, formatOption } from "./format-option.js";

/** `netdz aggregate [paths...]`. */
export const aggregateCommand: CommandFactory = (ctx) => {
  const h = AGGREGATE_HELP[ctx.lang];
  return ctx
    .command("aggregate")
    .description(h.description(AGGREGATE_FORMAT_NAMES.join(LIST_SEPARATORS[ctx.lang])))
    .addArgument(new Argument("[paths...]", h.paths))
    .addOption(formatOption(ctx, h.format, AGGREGATE_FORMAT_NAMES, DEFAULT_AGGREGATE_FORMAT))
    .addOption(new Option("-o, --out <file>", h.out))
    .addOption(langOption(ctx))
    .addOption(
      new Option("--min-completeness <percent>", h.minCompleteness)
        .argParser(numberParser(parsePercentage, isMinCompleteness, h.percentage))
        .default(DEFAULT_MIN_COMPLETENESS),
    )
    .addOption(
      new Option("--bottom <n>", h.bottom)
        .argParser(numberParser(parseWholeNumber, isBottom, ctx.m.values.wholeNumber))
        .default(DEFAULT_BOTTOM),
    )
    .addOption(measuresOption(ctx))
    .addHelpText("after", h.after)
    .action((paths: string[], opts: Omit<AggregateCommandOptions, "paths">, command: Command) =>
      ctx.run(async () => {
        const format = chosenFormat(command, AGGREGATE_FORMATS, opts, DEFAULT_AGGREGATE_FORMAT);
        const { aggregate } = await import("../commands/aggregate.js");
        return aggregate({ ...opts, format, paths }, ctx.io);
      }),
    );
};
