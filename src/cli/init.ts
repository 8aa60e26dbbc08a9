import { Option } from "commander";
import type { InitOptions } from "../commands/init.js";
import { ANSWERS_COMMANDS_HELP } from "../i18n/answers-commands-help.js";
import { withAnswersFile } from "./answers-file.js";
import type { CommandFactory } from "./context.js";

/** `netdz init`. */
export const initCommand: CommandFactory = (ctx) => {
  const h = ANSWERS_COMMANDS_HELP[ctx.lang].init;
  return withAnswersFile(ctx.command("init").description(h.description), ctx, h.answers)
    .addOption(new Option("-f, --force", h.force).default(false))
    .addHelpText("after", `${h.after}\n${ctx.m.exitCodes("init")}`)
    .action((opts: InitOptions) =>
      ctx.run(async () => {
        const { init } = await import("../commands/init.js");
        return init(opts, ctx.io);
      }),
    );
};
