import { Option } from "commander";
import type { ListOptions } from "../commands/list.js";
import { listMessages } from "../i18n/list-messages.js";
import { langOption, measuresOption, type CommandFactory } from "./context.js";

/** `netdz list`. */
export const listCommand: CommandFactory = (ctx) => {
  const h = listMessages(ctx.lang).help;
  return ctx
    .command("list")
    .description(h.description)
    .addOption(measuresOption(ctx))
    .addOption(new Option("--json", h.json).default(false))
    .addOption(new Option("--questions", h.questions).default(false))
    .addOption(langOption(ctx))
    .addHelpText("after", ctx.m.exitCodes("list"))
    .action((opts: ListOptions) =>
      ctx.run(async () => {
        const { list } = await import("../commands/list.js");
        return list(opts, ctx.io);
      }),
    );
};
