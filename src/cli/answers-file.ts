import { Option, type Command } from "commander";
import { DEFAULT_ANSWERS_FILE } from "../core/model.js";
import { langOption, measuresOption, setOption, type CliContext } from "./context.js";

/** The options `assess` and `init` share: which answers file, which measure set, which language. */
export function withAnswersFile(command: Command, ctx: CliContext, answersHelp: string): Command {
  return command
    .addOption(new Option("-a, --answers <file>", answersHelp).default(DEFAULT_ANSWERS_FILE))
    .addOption(measuresOption(ctx))
    .addOption(setOption(ctx))
    .addOption(langOption(ctx));
}
