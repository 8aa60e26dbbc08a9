import { Argument, Option, type Command } from "commander";
import { LIST_SEPARATORS } from "../i18n/quote.js";
import { DEFAULT_ANSWERS_FILE } from "../core/model.js";
import type { ReportOptions } from "../commands/report.js";
import {
  DEFAULT_TOP,
  isScore,
  isTop,
  parsePlainNumber,
  parseWholeNumber,
} from "../commands/report-options.js";
import { REPORT_HELP } from "../i18n/report-messages.js";
import { DEFAULT_REPORT_FORMAT, REPORT_FORMAT_NAMES, REPORT_FORMATS } from "../render/reporters.js";
import { langOption, measuresOption, numberParser, type CommandFactory } from "./context.js";
import { chosenFormat, formatOption } from "./format-option.js";

/** `netdz report [answers]`. */
export const reportCommand: CommandFactory = (ctx) => {
  const h = REPORT_HELP[ctx.lang];
  return ctx
    .command("report")
    .description(h.description(REPORT_FORMAT_NAMES.join(LIST_SEPARATORS[ctx.lang])))
    .addArgument(new Argument("[answers]", h.answers).default(DEFAULT_ANSWERS_FILE))
    .addOption(formatOption(ctx, h.format, REPORT_FORMAT_NAMES, DEFAULT_REPORT_FORMAT))
    .addOption(new Option("-o, --out <file>", h.out))
    .addOption(langOption(ctx))
    .addOption(
      new Option("--fail-under <score>", h.failUnder).argParser(
        numberParser(parsePlainNumber, isScore, ctx.m.values.score),
      ),
    )
    .addOption(
      new Option("--top <n>", h.top)
        .argParser(numberParser(parseWholeNumber, isTop, ctx.m.values.wholeNumber))
        .default(DEFAULT_TOP),
    )
    .addOption(measuresOption(ctx))
    .addHelpText("after", `${h.after(DEFAULT_ANSWERS_FILE)}\n${ctx.m.exitCodes("report")}`)
    .action((answers: string, opts: Omit<ReportOptions, "answers">, command: Command) =>
      ctx.run(async () => {
        const format = chosenFormat(command, REPORT_FORMATS, opts, DEFAULT_REPORT_FORMAT);
        const { report } = await import("../commands/report.js");
        return report({ ...opts, format, answers }, ctx.io);
      }),
    );
};
