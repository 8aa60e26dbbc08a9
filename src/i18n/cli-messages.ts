/**
 * The strings of the command line itself, in English and Chinese: the program's help, the options
 * several commands share, the headings commander prints in `--help`, and commander's own error
 * messages (unknown option, missing argument, invalid choice…), translated as they are printed.
 * Each command's own help is in its messages file (src/i18n/<command>-messages.ts).
 */
import type { Lang } from "../core/model.js";
import { quoteZh } from "./quote.js";

export interface CliMessages {
  program: {
    description: string;
    quickStart(answersFile: string): string;
    version: string;
    help: string;
    helpCommand: string;
    afterError: string;
  };
  /**
   * The exit codes section of a help text: those the program (or that command) really has, each
   * with what it means there (`aggregate` and `diff` write their own, in their messages).
   */
  exitCodes(of: ExitCodesOf): string;
  options: {
    lang: string;
    /** `--lang` of a command whose output is not translated (`schema`): its messages only. */
    langMessages: string;
    langDefault: string;
    measures: string;
    set: string;
  };
  /** `--help` headings and the notes after an option's description. */
  help: {
    titles: Readonly<Record<string, string>>;
    choices(values: readonly string[]): string;
    default(value: string): string;
    /** A description followed by its notes (choices, default). */
    withNotes(description: string, notes: readonly string[]): string;
    /** The usage line as commander writes it, its placeholders in the language. */
    usage(line: string): string;
    /** A command's argument (`paths`, `answers`) as the help names it. */
    argument(name: string): string;
    /**
     * An option's flags as the help and the error lines show them (`--out <file>`), its value's
     * placeholder in the language; only shown: the option is parsed by its English flags.
     */
    optionTerm(flags: string): string;
  };
  /** Problems with an option's value, raised by the command line's parsers. */
  values: {
    wholeNumber: string;
    score: string;
    /** A folder's path (`--measures`), not empty. */
    folder: string;
    /** A measure set's version (`migrate --to`), not empty. */
    version: string;
  };
  /** A failure netdz did not expect (a bug), and how to see more. */
  internalError(message: string): string;
  debugHint: string;
  /** Commander's English error lines as they are in this language (identity in English). */
  translateError(message: string): string;
}

/** Whose exit codes a help text lists. */
export type ExitCodesOf =
  "program" | "validate" | "assess" | "init" | "report" | "migrate" | "list" | "schema";

/** What 1 and 130 mean for each (no entry: the command never exits with it). */
interface ExitMeanings {
  ok: string;
  /** 0 for a command that never warns. */
  okPlain: string;
  usage: string;
  invalid: Partial<Record<ExitCodesOf, string>>;
  interrupted: Partial<Record<ExitCodesOf, string>>;
}

/** The exit codes section for `of`, in the layout every command's help uses. */
function exitCodesText(heading: string, words: ExitMeanings, of: ExitCodesOf): string {
  const rows: [string, string | undefined][] = [
    ["0", of === "schema" ? words.okPlain : words.ok],
    ["1", words.invalid[of]],
    ["2", words.usage],
    ["130", words.interrupted[of]],
  ];
  const lines = rows.flatMap(([code, meaning]) =>
    meaning === undefined ? [] : [`  ${code.padEnd(5)}${meaning}`],
  );
  return `\n${heading}\n${lines.join("\n")}`;
}

const EN_EXIT: ExitMeanings = {
  ok: "success (warnings allowed)",
  okPlain: "success",
  usage: "usage error, or input that cannot be read",
  invalid: {
    program:
      "invalid data, or (report --fail-under) a score below the threshold; see each command's --help",
    validate: "problems were found (errors; with --strict, missing evidence too)",
    assess: "the answers file or its measure set has problems (the file is not changed)",
    init: "the measure set has problems (nothing is written)",
    report:
      "invalid data, or (--fail-under) the score is below it or the zone declared more than half of its questions not applicable",
    migrate: "the answers file or a measure set has problems (nothing is written)",
  },
  interrupted: {
    program: "interrupted (Ctrl-C) during assess; every confirmed answer is already saved",
    assess: "interrupted (Ctrl-C) or the terminal closed; every confirmed answer is already saved",
    migrate:
      "interrupted (Ctrl-C; 143 for SIGTERM, 129 for SIGHUP): the answers file is as it was or fully migrated",
  },
};

const ZH_EXIT: ExitMeanings = {
  ok: "成功（允许有警告）",
  okPlain: "成功",
  usage: "用法错误，或输入无法读取",
  invalid: {
    program: "数据无效，或（report --fail-under）得分低于阈值；详见各命令的 --help",
    validate: "发现问题（错误；加 --strict 时缺少佐证也算）",
    assess: "答卷文件或其评估清单有问题（文件不作改动）",
    init: "评估清单有问题（不写入任何文件）",
    report: "数据无效，或（--fail-under）得分低于该值，或开发区自行声明不适用的题目超过一半",
    migrate: "答卷文件或评估清单有问题（不写入任何文件）",
  },
  interrupted: {
    program: "assess 过程中被中断（Ctrl-C）；已确认的答案均已保存",
    assess: "被中断（Ctrl-C）或终端已关闭；已确认的答案均已保存",
    migrate: "被中断（Ctrl-C；SIGTERM 为 143，SIGHUP 为 129）：答卷文件保持原样或已完整迁移",
  },
};

const quote = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(", ");

const en: CliMessages = {
  program: {
    description:
      "Self-assessment of a national economic and technological development zone (NETDZ) against MOFCOM's 2025 Work Plan (商资函〔2025〕132号): 16 measures in 4 areas.",
    quickStart: (file) => `
Quick start:
  $ netdz assess                         answer the questions; saved to ./${file}
  $ netdz report ${file} --out report.md
  $ netdz validate measures/             check measure files (what CI runs)`,
    version: "print the version number",
    help: "show help",
    helpCommand: "show help for a command",
    afterError: "(run with --help for usage)",
  },
  exitCodes: (of) => exitCodesText("Exit codes:", EN_EXIT, of),
  options: {
    lang: "interface and content language",
    langMessages: "language of the messages (the schemas themselves are in English)",
    langDefault: "from LC_ALL/LC_MESSAGES/LANG, zh_* → zh",
    measures: "folder of measure sets (<id>/<version>/set.yaml) instead of the bundled ones",
    set: "measure set to use (default: the newest available)",
  },
  help: {
    titles: {},
    choices: (values) => `choices: ${quote(values)}`,
    default: (value) => `default: ${value}`,
    withNotes: (description, notes) => `${description} (${notes.join(", ")})`,
    usage: (line) => line,
    argument: (name) => name,
    optionTerm: (flags) => flags,
  },
  values: {
    wholeNumber: `expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}.`,
    score: "expected a score from 0 to 100.",
    folder: "expected the path of a folder.",
    version: "expected a version of the set, such as 1.1.0.",
  },
  internalError: (message) => `internal error: ${message}`,
  debugHint: "Set NETDZ_DEBUG=1 to see the stack trace, and please report this as a bug.",
  translateError: (message) => message,
};

/** Commander's error lines and their Chinese; `$1`… are the parts taken from the English line. */
const ZH_ERRORS: readonly [RegExp, string | ((match: string, ...parts: string[]) => string)][] = [
  [/^error: unknown option '([\s\S]*?)'/, "错误：未知的选项“$1”"],
  [/^error: unknown command '([\s\S]*?)'/, "错误：未知的命令“$1”"],
  [
    /^error: missing required argument '([\s\S]*?)'/,
    (_, name: string) => `错误：缺少必需的参数${quoteZh(ZH_PLACEHOLDERS[name] ?? name)}`,
  ],
  [/^error: option '([\s\S]*?)' argument missing/, "错误：选项“$1”缺少取值"],
  [/^error: required option '([\s\S]*?)' not specified/, "错误：未指定必需的选项“$1”"],
  [
    /^error: option '([\s\S]*?)' argument '([\s\S]*?)' is invalid\. Allowed choices are (.*)\./,
    (_, option: string, value: string, choices: string) =>
      `错误：选项${quoteZh(option)}的取值${quoteZh(value)}无效。可选：${chineseList(choices)}。`,
  ],
  [
    /^error: option '([\s\S]*?)' argument '([\s\S]*?)' is invalid\.\s*/,
    "错误：选项“$1”的取值“$2”无效。",
  ],
  [
    /^error: command-argument value '([\s\S]*?)' is invalid for argument '([\s\S]*?)'\. Allowed choices are (.*)\./,
    (_, value: string, argument: string, choices: string) =>
      `错误：参数${quoteZh(ZH_PLACEHOLDERS[argument] ?? argument)}的取值${quoteZh(value)}无效。可选：${chineseList(choices)}。`,
  ],
  [
    /^error: command-argument value '([\s\S]*?)' is invalid for argument '([\s\S]*?)'\.\s*/,
    "错误：参数“$2”的取值“$1”无效。",
  ],
  [
    /^error: too many arguments(?: for '([\s\S]*?)')?\. Expected (\d+) arguments? but got (\d+)\./,
    "错误：参数过多：应为 $2 个，实际为 $3 个。",
  ],
  [/^\(Did you mean one of (.*)\?\)/, "（是否想输入以下之一：$1？）"],
  [/^\(Did you mean (.*)\?\)/, "（是否想输入 $1？）"],
  [/^error: /, "错误："],
];

/** Commander's "a, b, c" as a Chinese list: "a、b、c". */
function chineseList(list: string): string {
  return list.split(/,\s*/).join("、");
}

/** The usage line's placeholders and the commands' arguments, in Chinese. */
const ZH_PLACEHOLDERS: Readonly<Record<string, string>> = {
  options: "选项",
  command: "命令",
  paths: "路径",
  answers: "答卷文件",
  old: "旧答卷",
  new: "新答卷",
  name: "名称",
};

/** The placeholders of options' values (`--out <file>`), in Chinese. */
const ZH_OPTION_PLACEHOLDERS: Readonly<Record<string, string>> = {
  dir: "文件夹",
  file: "文件",
  format: "格式",
  "id[@version]": "清单ID[@版本]",
  lang: "语言",
  n: "数量",
  percent: "百分比",
  score: "分数",
  version: "版本",
};

/** `--out <file>` as `--out <文件>`: each known placeholder of the flags in Chinese. */
function zhOptionTerm(flags: string): string {
  return flags.replace(/<([^<>\s]+)>/g, (all, name: string) =>
    ZH_OPTION_PLACEHOLDERS[name] === undefined ? all : `<${ZH_OPTION_PLACEHOLDERS[name]}>`,
  );
}

const zh: CliMessages = {
  program: {
    description:
      "国家级经济技术开发区对照商务部 2025 年工作方案（商资函〔2025〕132号）开展自评估：4 个方面、16 项举措。",
    quickStart: (file) => `
快速上手：
  $ netdz assess                         逐题作答；保存到 ./${file}
  $ netdz report ${file} --out report.md
  $ netdz validate measures/             检查评估清单文件（CI 中运行）`,
    version: "显示版本号",
    help: "显示帮助",
    helpCommand: "显示某个命令的帮助",
    afterError: "（运行时加 --help 查看用法）",
  },
  exitCodes: (of) => exitCodesText("退出码：", ZH_EXIT, of),
  options: {
    lang: "界面和内容的语言",
    langMessages: "提示信息的语言（模式本身为英文）",
    langDefault: "取自 LC_ALL/LC_MESSAGES/LANG，zh_* 即中文",
    measures: "使用该文件夹中的评估清单（<id>/<version>/set.yaml），而不是内置清单",
    set: "要使用的评估清单（默认：可用的最新版本）",
  },
  help: {
    titles: {
      "Usage:": "用法：",
      "Options:": "选项：",
      "Arguments:": "参数：",
      "Commands:": "命令：",
      "Global Options:": "全局选项：",
    },
    choices: (values) => `可选：${values.join("、")}`,
    default: (value) => `默认：${value}`,
    withNotes: (description, notes) => `${description}（${notes.join("；")}）`,
    // `[options] [paths...]`, `<old> <new>`: every placeholder, the arguments' included.
    usage: (line) =>
      line.replace(
        /([<[])([a-z][a-z-]*)(\.\.\.)?([>\]])/g,
        (all, open: string, name: string, dots: string | undefined, close: string) =>
          ZH_PLACEHOLDERS[name] === undefined
            ? all
            : `${open}${ZH_PLACEHOLDERS[name]}${dots ?? ""}${close}`,
      ),
    argument: (name) => ZH_PLACEHOLDERS[name] ?? name,
    optionTerm: zhOptionTerm,
  },
  values: {
    wholeNumber: `应为 0 至 ${Number.MAX_SAFE_INTEGER} 之间的整数。`,
    score: "应为 0 至 100 之间的分数。",
    folder: "应为文件夹路径。",
    version: "应为评估清单的版本号，例如 1.1.0。",
  },
  internalError: (message) => `内部错误：${message}`,
  debugHint: "设置 NETDZ_DEBUG=1 可查看调用栈；这是程序缺陷，请报告给我们。",
  translateError: (message) =>
    message
      // One error a piece: a value quoted in it may hold a line break of its own.
      .split(/\n(?=error: |\()/)
      .map((line) => {
        const rule = ZH_ERRORS.find(([pattern]) => pattern.test(line));
        if (!rule) return line;
        const [pattern, replacement] = rule;
        const translated =
          typeof replacement === "string"
            ? line.replace(pattern, replacement)
            : line.replace(pattern, replacement);
        // The option named as the help names it (`--out <文件>`).
        return translated.replace(
          /选项“([^”]*)”/g,
          (_, flags: string) => `选项“${zhOptionTerm(flags)}”`,
        );
      })
      .join("\n"),
};

export const CLI_MESSAGES: Readonly<Record<Lang, CliMessages>> = { en, zh };
