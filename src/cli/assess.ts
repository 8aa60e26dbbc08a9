import { Option } from "commander";
import type { AssessOptions } from "../commands/assess.js";
import { ANSWERS_COMMANDS_HELP } from "../i18n/answers-commands-help.js";
import { withAnswersFile } from "./answers-file.js";
import type { CommandFactory } from "./context.js";

/** `netdz assess`. */
export const assessCommand: CommandFactory = (ctx) => {
  const h = ANSWERS_COMMANDS_HELP[ctx.lang].assess;
  return withAnswersFile(ctx.command("assess").description(h.description), ctx, h.answers)
    .addOption(new Option("--review", h.review).default(false))
    .addHelpText("after", `${h.after}\n${ctx.m.exitCodes("assess")}`)
    .action((opts: AssessOptions) =>
      ctx.run(async () => {
        const { assess } = await import("../commands/assess.js");
        return assess(opts, ctx.io);
      }),
    );
};
