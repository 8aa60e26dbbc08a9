import { Command, InvalidArgumentError, Option } from "commander";
import type { Io } from "./io.js";
import { resolveLang } from "./i18n/lang.js";

export const DEFAULT_ANSWERS_FILE = "netdz-answers.yaml";

const EXIT_CODES_HELP = `
Exit codes:
  0    success (warnings allowed)
  1    invalid data, or the score is below --fail-under
  2    usage error, or input that cannot be read
  130  interrupted (Ctrl-C); every confirmed answer is already saved`;

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError("expected a whole number of 1 or more.");
  return n;
}

function score(value: string): number {
  const n = /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || n < 0 || n > 100)
    throw new InvalidArgumentError("expected a score from 0 to 100.");
  return n;
}

const langOption = () =>
  new Option(
    "--lang <lang>",
    "interface and content language (default: from LC_ALL/LANG, zh_* → zh)",
  ).choices(["en", "zh"]);
const measuresOption = () =>
  new Option(
    "--measures <dir>",
    "folder of measure sets (<id>/<version>/set.yaml) instead of the bundled ones",
  );

interface AnswersFileFlags {
  answers: string;
  measures?: string;
  set?: string;
  lang?: string;
}

/** The options `assess` and `init` share: which answers file, which measure set, which language. */
function withAnswersFile(command: Command, answersHelp: string): Command {
  return command
    .option("-a, --answers <file>", answersHelp, DEFAULT_ANSWERS_FILE)
    .addOption(measuresOption())
    .option("--set <id[@version]>", "measure set to use (default: the newest available)")
    .addOption(langOption());
}

/** Builds the command-line program; each command loads its module only when it runs. */
export function buildProgram(
  io: Io,
  setExitCode: (code: number) => void,
  version: string,
): Command {
  const answersFileOptions = (opts: AnswersFileFlags) => ({
    answers: opts.answers,
    measures: opts.measures,
    set: opts.set,
    lang: resolveLang(opts.lang, io.env),
  });
  const program = new Command("netdz")
    .description(
      "Self-assessment of a national economic and technological development zone (NETDZ) against MOFCOM's 2025 Work Plan (商资函〔2025〕132号): 16 measures in 4 areas.",
    )
    .version(version, "-v, --version")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride()
    .addHelpText(
      "after",
      `
Quick start:
  $ netdz assess                         answer the questions; saved to ./${DEFAULT_ANSWERS_FILE}
  $ netdz report ${DEFAULT_ANSWERS_FILE} --out report.md
  $ netdz validate measures/             check measure files (what CI runs)
${EXIT_CODES_HELP}`,
    );

  withAnswersFile(
    program
      .command("assess")
      .description(
        "walk through the self-assessment interactively; every answer is saved as it is given",
      ),
    "answers file to create or resume",
  )
    .option(
      "--review",
      "walk through every question again, with current answers preselected",
      false,
    )
    .addHelpText(
      "after",
      `
Run it again with the same --answers file to resume at the first unanswered question.
Needs a terminal; without one, use \`netdz init\` and fill the file by hand.

Examples:
  $ netdz assess
  $ netdz assess --answers zones/suzhou.yaml --lang zh
  $ netdz assess --answers zones/suzhou.yaml --review`,
    )
    .action(async (opts: AnswersFileFlags & { review: boolean }) => {
      const { assess } = await import("./commands/assess.js");
      setExitCode(await assess({ ...answersFileOptions(opts), review: opts.review }, io));
    });

  withAnswersFile(
    program
      .command("init")
      .description("write an answers file to fill in by hand, every question listed as a comment"),
    "answers file to write",
  )
    .option("-f, --force", "overwrite an existing file", false)
    .addHelpText(
      "after",
      `
Examples:
  $ netdz init --answers suzhou.yaml
  $ netdz validate suzhou.yaml           check it once filled in`,
    )
    .action(async (opts: AnswersFileFlags & { force: boolean }) => {
      const { init } = await import("./commands/init.js");
      setExitCode(await init({ ...answersFileOptions(opts), force: opts.force }, io));
    });

  program
    .command("report")
    .description("score an answers file and write the gap report (Markdown or JSON)")
    .argument("[answers]", "answers file", DEFAULT_ANSWERS_FILE)
    .addOption(
      new Option("-f, --format <format>", "output format").choices(["md", "json"]).default("md"),
    )
    .option("-o, --out <file>", "write the report to a file instead of standard output")
    .addOption(langOption())
    .option("--fail-under <score>", "exit 1 when the overall score is below this (0–100)", score)
    .option("--top <n>", "how many gaps to list", positiveInteger, 10)
    .addOption(measuresOption())
    .addHelpText(
      "after",
      `
The report's date is the answers' last update, or SOURCE_DATE_EPOCH when set.

Examples:
  $ netdz report ${DEFAULT_ANSWERS_FILE} --out report.md
  $ netdz report ${DEFAULT_ANSWERS_FILE} --format json --out report.json
  $ netdz report ${DEFAULT_ANSWERS_FILE} --fail-under 65      in CI`,
    )
    .action(
      async (
        answers: string,
        opts: {
          format: "md" | "json";
          out?: string;
          lang?: string;
          failUnder?: number;
          top: number;
          measures?: string;
        },
      ) => {
        const { report } = await import("./commands/report.js");
        setExitCode(
          await report(
            {
              answers,
              format: opts.format,
              out: opts.out,
              lang: resolveLang(opts.lang, io.env),
              failUnder: opts.failUnder,
              top: opts.top,
              measures: opts.measures,
            },
            io,
          ),
        );
      },
    );

  program
    .command("validate")
    .description("check measure sets and answers files: YAML, JSON Schema and consistency")
    .argument(
      "[paths...]",
      "measure-set folders, files inside them, or answers files (default: measures/)",
    )
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["text", "json", "github"])
        .default("text"),
    )
    .option("--strict", "treat missing evidence in answers files as an error", false)
    .addOption(measuresOption())
    .addHelpText(
      "after",
      `
Each problem is one line: path:line:column  severity  code  message
${EXIT_CODES_HELP.replace("\n  130  interrupted (Ctrl-C); every confirmed answer is already saved", "")}

Examples:
  $ netdz validate measures/
  $ netdz validate measures/workplan-2025/1.0.0/m03-digital-real-integration.yaml
  $ netdz validate ${DEFAULT_ANSWERS_FILE} --strict
  $ netdz validate measures/ --format github     annotations in GitHub Actions`,
    )
    .action(
      async (
        paths: string[],
        opts: { format: "text" | "json" | "github"; strict: boolean; measures?: string },
      ) => {
        const { validate } = await import("./commands/validate.js");
        setExitCode(
          await validate(
            { paths, format: opts.format, strict: opts.strict, measures: opts.measures },
            io,
          ),
        );
      },
    );

  program
    .command("list")
    .description("show the measure sets available, with counts of areas, measures and questions")
    .addOption(measuresOption())
    .option("--json", "machine-readable output", false)
    .option("--questions", "list every question too", false)
    .addOption(langOption())
    .action(
      async (opts: { measures?: string; json: boolean; questions: boolean; lang?: string }) => {
        const { list } = await import("./commands/list.js");
        setExitCode(
          await list(
            {
              measures: opts.measures,
              json: opts.json,
              questions: opts.questions,
              lang: resolveLang(opts.lang, io.env),
            },
            io,
          ),
        );
      },
    );

  program
    .command("schema")
    .description("print a JSON Schema: measure-set, measure, answers or report")
    .argument("<name>", "measure-set | measure | answers | report")
    .addHelpText("after", "\nExample:\n  $ netdz schema answers > answers.schema.json")
    .action(async (name: string) => {
      const { schema } = await import("./commands/schema.js");
      setExitCode(schema(name, io));
    });

  return program;
}
