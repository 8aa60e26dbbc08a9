/**
 * The strings of `netdz validate` itself, its help included, in English and Chinese: what cannot be
 * read and the closing summary. The problems it prints are diagnostics, worded where they are found.
 */
import type { Lang } from "../core/model.js";
import { plural, pluralCounts } from "../render/plural.js";

export interface ValidateTally {
  sets: number;
  measures: number;
  answerFiles: number;
  /** Answers files pinned to an invalid set: checked only for what needs no set. */
  notAgainstSet: number;
  /** Files given or found that could not be checked as a set or answers file (each has an error). */
  unchecked: number;
  /** Folders found that could not be listed: the files in them are not checked (each an error). */
  uncheckedFolders: number;
  /** Paths that could not be read at all (each has its own line; the exit code is 2). */
  unreadable: number;
}

export interface ValidateMessages {
  help: {
    description: string;
    paths(answersFile: string): string;
    format: string;
    strict: string;
    checkEvidence: string;
    after(answersFile: string, exitCodes: string): string;
  };
  nothingFoundIn(given: string, setFile: string): string;
  nothingToValidate(answersFile: string): string;
  /** The closing line: ✔ when everything was read and valid, else ✖. */
  summary(tally: ValidateTally, errors: number, warnings: number): string;
}

const en: ValidateMessages = {
  help: {
    description: "check measure sets and answers files: YAML, JSON Schema and consistency",
    paths: (file) =>
      `measure-set folders, files inside them, or answers files (default: measures/ when the current folder has one, else ${file})`,
    format: "output format",
    strict: "treat missing evidence in answers files as an error",
    checkEvidence:
      "warn about evidence paths in answers files that do not exist (relative to the answers file; URLs are not fetched)",
    after: (file, exitCodes) => `
Each problem is one line: path:line:column  severity  code  message
${exitCodes}

Examples:
  $ netdz validate measures/
  $ netdz validate measures/workplan-2025/1.0.0/m03-digital-real-integration.yaml
  $ netdz validate ${file} --strict
  $ netdz validate measures/ --format github     annotations in GitHub Actions
  $ netdz validate measures/ --format sarif > netdz.sarif     for code scanning
  $ netdz validate ${file} --check-evidence`,
  },
  nothingFoundIn: (given, setFile) =>
    `no measure set (${setFile}) or answers file found in ${given}`,
  nothingToValidate: (file) =>
    `nothing to validate: give a measure-set folder or an answers file (e.g. \`netdz validate measures/\`); there is no measures/ or ${file} here`,
  summary: (tally, errors, warnings) => {
    const what = [
      tally.sets > 0
        ? `${plural(tally.sets, "measure set")} (${plural(tally.measures, "measure file")})`
        : "",
      tally.answerFiles > 0
        ? plural(tally.answerFiles, "answers file") +
          (tally.notAgainstSet > 0
            ? ` (${tally.notAgainstSet} not checked against ${tally.notAgainstSet === 1 ? "its set, which is" : "their sets, which are"} invalid)`
            : "")
        : "",
      tally.unchecked + tally.uncheckedFolders > 0
        ? `${pluralCounts([
            [tally.unchecked, "file"],
            [tally.uncheckedFolders, "folder"],
          ])} not checked`
        : "",
    ]
      .filter(Boolean)
      .join(" and ");
    const unreadable =
      tally.unreadable > 0 ? `${plural(tally.unreadable, "path")} could not be read` : "";
    if (what === "") return unreadable === "" ? "" : `✖ ${unreadable}\n`;
    const problems = `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
    if (unreadable !== "") return `✖ ${what}: ${problems}; ${unreadable}\n`;
    return errors > 0 ? `✖ ${what}: ${problems}\n` : `✔ ${what}: valid (${problems})\n`;
  },
};

const zh: ValidateMessages = {
  help: {
    description: "检查评估清单和答卷文件：YAML、JSON Schema 与一致性",
    paths: (file) =>
      `评估清单文件夹、其中的文件，或答卷文件（默认：当前文件夹中有 measures/ 时检查它，否则检查 ${file}）`,
    format: "输出格式",
    strict: "把答卷文件中缺少佐证视为错误",
    checkEvidence:
      "对答卷文件中不存在的佐证路径给出警告（路径相对于答卷文件所在文件夹；不访问网址）",
    after: (file, exitCodes) => `
每个问题占一行：路径:行:列  严重程度  代码  说明
${exitCodes}

示例：
  $ netdz validate measures/
  $ netdz validate measures/workplan-2025/1.0.0/m03-digital-real-integration.yaml
  $ netdz validate ${file} --strict
  $ netdz validate measures/ --format github     在 GitHub Actions 中显示为注释
  $ netdz validate measures/ --format sarif > netdz.sarif     供代码扫描使用
  $ netdz validate ${file} --check-evidence`,
  },
  nothingFoundIn: (given, setFile) => `${given} 中没有评估清单（${setFile}）或答卷文件`,
  nothingToValidate: (file) =>
    `没有可检查的内容：请给出评估清单文件夹或答卷文件（例如 \`netdz validate measures/\`）；这里既没有 measures/ 也没有 ${file}`,
  summary: (tally, errors, warnings) => {
    const what = [
      tally.sets > 0 ? `${tally.sets} 个评估清单（${tally.measures} 个举措文件）` : "",
      tally.answerFiles > 0
        ? `${tally.answerFiles} 个答卷文件` +
          (tally.notAgainstSet > 0
            ? `（其中 ${tally.notAgainstSet} 个因所对应的评估清单无效而未对照清单检查）`
            : "")
        : "",
      tally.unchecked > 0 ? `${tally.unchecked} 个未能检查的文件` : "",
      tally.uncheckedFolders > 0 ? `${tally.uncheckedFolders} 个未能读取的文件夹` : "",
    ]
      .filter(Boolean)
      .join("、");
    const unreadable = tally.unreadable > 0 ? `${tally.unreadable} 个路径无法读取` : "";
    if (what === "") return unreadable === "" ? "" : `✖ ${unreadable}\n`;
    const problems = `${errors} 个错误，${warnings} 个警告`;
    if (unreadable !== "") return `✖ ${what}：${problems}；${unreadable}\n`;
    return errors > 0 ? `✖ ${what}：${problems}\n` : `✔ ${what}：有效（${problems}）\n`;
  },
};

const VALIDATE_MESSAGES: Readonly<Record<Lang, ValidateMessages>> = { en, zh };

/** The strings of `netdz validate` in a language. */
export function validateMessages(lang: Lang): ValidateMessages {
  return VALIDATE_MESSAGES[lang];
}
