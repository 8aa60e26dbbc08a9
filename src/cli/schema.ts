import { Argument } from "commander";
import type { SchemaOptions } from "../commands/schema.js";
import { LOCAL_SCHEMA_FILE, SCHEMA_NAMES } from "../core/schemas/names.js";
import { schemaMessages } from "../i18n/schema-messages.js";
import { langOption, type CommandFactory } from "./context.js";

/** `netdz schema <name>`. */
export const schemaCommand: CommandFactory = (ctx) => {
  const h = schemaMessages(ctx.lang).help;
  return ctx
    .command("schema")
    .description(h.description(SCHEMA_NAMES))
    .addArgument(new Argument("<name>", h.name(SCHEMA_NAMES)))
    .addOption(langOption(ctx, ctx.m.options.langMessages))
    .addHelpText("after", `${h.after(LOCAL_SCHEMA_FILE)}\n${ctx.m.exitCodes("schema")}`)
    .action((name: string, opts: Omit<SchemaOptions, "name">) =>
      ctx.run(async () => {
        const { schema } = await import("../commands/schema.js");
        return schema({ ...opts, name }, ctx.io);
      }),
    );
};
