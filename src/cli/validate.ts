import { Argument, Option } from "commander";
import { DEFAULT_ANSWERS_FILE } from "../core/model.js";
import type { ValidateOptions } from "../commands/validate.js";
import { validateMessages } from "../i18n/validate-messages.js";
import { DIAGNOSTIC_FORMATS } from "../render/diagnostic-formats.js";
import { langOption, measuresOption, type CommandFactory } from "./context.js";

/** `netdz validate [paths...]`. */
export const validateCommand: CommandFactory = (ctx) => {
  const h = validateMessages(ctx.lang).help;
  return ctx
    .command("validate")
    .description(h.description)
    .addArgument(new Argument("[paths...]", h.paths(DEFAULT_ANSWERS_FILE)))
    .addOption(
      new Option("-f, --format <format>", h.format)
        .choices(DIAGNOSTIC_FORMATS)
        .default(DIAGNOSTIC_FORMATS[0]),
    )
    .addOption(new Option("--strict", h.strict).default(false))
    .addOption(new Option("--check-evidence", h.checkEvidence).default(false))
    .addOption(measuresOption(ctx))
    .addOption(langOption(ctx))
    .addHelpText("after", h.after(DEFAULT_ANSWERS_FILE, ctx.m.exitCodes("validate")))
    .action((paths: string[], opts: Omit<ValidateOptions, "paths">) =>
      ctx.run(async () => {
        const { validate } = await import("../commands/validate.js");
        return validate({ ...opts, paths }, ctx.io);
      }),
    );
};
