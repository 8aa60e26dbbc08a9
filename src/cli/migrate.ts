import { Argument, Option } from "commander";
import { DEFAULT_ANSWERS_FILE } from "../core/model.js";
import type { MigrateOptions } from "../commands/migrate.js";
import { MIGRATE_HELP } from "../i18n/migrate-messages.js";
import { langOption, measuresOption, notBlank, type CommandFactory } from "./context.js";

/** `netdz migrate <answers>`. */
export const migrateCommand: CommandFactory = (ctx) => {
  const h = MIGRATE_HELP[ctx.lang];
  return ctx
    .command("migrate")
    .description(h.description)
    .addArgument(new Argument("<answers>", h.answers))
    .addOption(new Option("--to <version>", h.to).argParser(notBlank(ctx.m.values.version)))
    .addOption(new Option("-o, --out <file>", h.out))
    .addOption(new Option("--force", h.force).default(false))
    .addOption(new Option("--dry-run", h.dryRun).default(false))
    .addOption(langOption(ctx))
    .addOption(measuresOption(ctx))
    .addHelpText("after", `${h.after(DEFAULT_ANSWERS_FILE)}\n${ctx.m.exitCodes("migrate")}`)
    .action((answers: string, opts: Omit<MigrateOptions, "answers">) =>
      ctx.run(async () => {
        const { migrate } = await import("../commands/migrate.js");
        return migrate({ ...opts, answers }, ctx.io);
      }),
    );
};
