/**
 * The command line: the program and the list of its commands. Each command's options and help are
 * declared by its factory in src/cli/<command>.ts; adding a command is its files plus one line in
 * COMMANDS. Help, option errors and commander's own messages are in the language of the command
 * line (`--lang` anywhere in it, else the locale).
 */
import { Command, Help, type Argument, type Option } from "commander";
import { DEFAULT_ANSWERS_FILE, type Lang } from "./core/model.js";
import { CLI_MESSAGES, type CliMessages } from "./i18n/cli-messages.js";
import type { Io } from "./io.js";
import { aggregateCommand } from "./cli/aggregate.js";
import { assessCommand } from "./cli/assess.js";
import { langOption, type CliContext, type CommandFactory } from "./cli/context.js";
import { diffCommand } from "./cli/diff.js";
import { initCommand } from "./cli/init.js";
import { listCommand } from "./cli/list.js";
import { migrateCommand } from "./cli/migrate.js";
import { reportCommand } from "./cli/report.js";
import { schemaCommand } from "./cli/schema.js";
import { validateCommand } from "./cli/validate.js";

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandFactory[] = [
  assessCommand,
  initCommand,
  reportCommand,
  aggregateCommand,
  diffCommand,
  validateCommand,
  migrateCommand,
  listCommand,
  schemaCommand,
];

/** Builds the command-line program; each command loads its module only when it runs. */
export function buildProgram(
  io: Io,
  setExitCode: (code: number) => void,
  version: string,
  lang: Lang,
): Command {
  const m = CLI_MESSAGES[lang];
  const program = new Command("netdz")
    .description(m.program.description)
    .version(version, "-v, --version", m.program.version)
    .helpOption("-h, --help", m.program.help)
    .helpCommand("help [command]", m.program.helpCommand)
    .showHelpAfterError(m.program.afterError)
    .configureHelp(localHelp(m))
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(m.translateError(s)),
    })
    .exitOverride()
    .addHelpText(
      "after",
      `${m.program.quickStart(DEFAULT_ANSWERS_FILE)}\n${m.exitCodes("program")}`,
    );
  const ctx: CliContext = {
    io,
    lang,
    m,
    command: (name) =>
      new Command(name).copyInheritedSettings(program).helpOption("-h, --help", m.program.help),
    run: async (action) => setExitCode(await action()),
  };
  // Also before the command's name (`netdz --lang zh list`); the language is read from the whole
  // command line before parsing, so each command's own --lang defaults to it.
  program.addOption(langOption(ctx));
  for (const factory of COMMANDS) program.addCommand(factory(ctx));
  return program;
}

/** Characters a terminal shows two columns wide: CJK ideographs, kana, hangul, full-width forms. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/** Help headings and the notes after descriptions (choices, default) in the language. */
function localHelp(m: CliMessages): Partial<Help> {
  const notes = (description: string, choices?: readonly string[], fallback?: string) => {
    const extra = [
      ...(choices ? [m.help.choices(choices)] : []),
      ...(fallback === undefined ? [] : [m.help.default(fallback)]),
    ];
    return extra.length === 0 ? description : m.help.withNotes(description, extra);
  };
  return {
    styleTitle: (title) => m.help.titles[title] ?? title,
    // The usage line's placeholders ([options], [command], the arguments) in the language,
    // there and in the list of commands (`assess [选项]`).
    commandUsage(this: Help, cmd: Command) {
      return m.help.usage(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(this: Help, cmd: Command) {
      return m.help.usage(Help.prototype.subcommandTerm.call(this, cmd));
    },
    // "Usage:" is followed by the usage line on the same line: after a full-width colon
    // (用法：) with no space, as Chinese punctuation is written.
    formatHelp(this: Help, cmd: Command, helper: Help) {
      const text = Help.prototype.formatHelp.call(this, cmd, helper);
      const title = m.help.titles["Usage:"];
      return title?.endsWith("：") ? text.replace(`${title} `, title) : text;
    },
    optionDescription: (option: Option) => {
      const shown = option.required || option.optional;
      const fallback =
        shown && option.defaultValue !== undefined
          ? option.defaultValueDescription || JSON.stringify(option.defaultValue)
          : undefined;
      return notes(option.description, option.argChoices, fallback);
    },
    argumentTerm: (argument: Argument) => m.help.argument(argument.name()),
    // `--out <文件>` in Chinese: only how the help shows it, the flags parsed stay English.
    optionTerm: (option: Option) => m.help.optionTerm(option.flags),
    // A Chinese character takes two columns of a terminal: terms are padded to line up.
    displayWidth(this: Help, str: string) {
      const width = Help.prototype.displayWidth.call(this, str);
      return width + (str.match(WIDE)?.length ?? 0);
    },
    argumentDescription: (argument: Argument) => {
      const fallback =
        argument.defaultValue === undefined
          ? undefined
          : argument.defaultValueDescription || JSON.stringify(argument.defaultValue);
      return notes(argument.description, argument.argChoices, fallback);
    },
  };
}
