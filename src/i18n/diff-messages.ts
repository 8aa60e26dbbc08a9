/**
 * Every fixed string of `netdz diff` (progress between two assessments), in English and Chinese.
 * Plain text: the renderer adds its own emphasis and escaping.
 */
import type { ActionCategory, QuestionCategory } from "../core/diff.js";
import type { Lang } from "../core/model.js";
import type { QuestionState } from "../core/score.js";
import { STATUS_LABELS } from "./status-labels.js";
import { joinList, LIST_SEPARATORS, quoteZh } from "./quote.js";

export interface DiffMessages {
  title: string;
  header: {
    old: string;
    new: string;
    measureSet: string;
    differentZones: string;
    /** When a zone has no name, so whether the two files are one zone cannot be told. */
    unknownZone: string;
    /** What stands for a zone's name when it has none (as the roll-up shows a missing value). */
    noName: string;
  };
  fieldSeparator: string;
  /** Between the items of a list (`, `; `、` in Chinese). */
  listSeparator: string;
  parenthetical(text: string, remark: string): string;
  overallLine(old: string, next: string, change: string): string;
  bandLine(old: string, next: string): string;
  bandSame(band: string): string;
  completenessLine(old: string, next: string, change: string): string;
  /** A change of a percentage, in percentage points ("−1.5 pp"). */
  percentagePoints(change: string): string;
  sections: {
    overall: string;
    areas: string;
    measures: string;
    questions: string;
    gapsClosed: string;
    newGaps: string;
    evidenceAdded: string;
    evidenceRemoved: string;
    actions: string;
  };
  categories: Record<QuestionCategory, string>;
  actionCategories: Record<ActionCategory, string>;
  /** What "slipped" is measured against: the new assessment's report date. */
  actionsIntro(date: string): string;
  /** Said when the new assessment has no date: then no action can have slipped. */
  actionsUndated: string;
  columns: {
    area: string;
    measure: string;
    question: string;
    old: string;
    new: string;
    change: string;
    points: string;
    item: string;
    owner: string;
    due: string;
  };
  states: Record<QuestionState, string>;
  none: string;
  notApplicableShort: string;
  command: {
    wrote(path: string): string;
    versionMismatch(oldFile: string, oldPin: string, newFile: string, newPin: string): string;
    regressed(measures: string): string;
    unknownFormat(format: string, choices: readonly string[]): string;
    /** After the problems of both files: which of them are invalid. */
    invalid(files: readonly string[]): string;
  };
}

const en: DiffMessages = {
  title: "NETDZ self-assessment: progress between two assessments",
  header: {
    old: "Old",
    new: "New",
    measureSet: "Measure set",
    differentZones: "These are two different zones, not the same zone at two dates.",
    unknownZone:
      "Whether these are the same zone at two dates cannot be told: a zone name (zone.name) is missing.",
    noName: "—",
  },
  fieldSeparator: ": ",
  listSeparator: LIST_SEPARATORS.en,
  parenthetical: (text, remark) => `${text} (${remark})`,
  overallLine: (old, next, change) => `Overall score: ${old} → ${next} (${change})`,
  bandLine: (old, next) => `Band: ${old} → ${next}`,
  bandSame: (band) => `Band: ${band} (unchanged)`,
  completenessLine: (old, next, change) => `Completeness: ${old} → ${next} (${change})`,
  percentagePoints: (change) => `${change} pp`,
  sections: {
    overall: "Overall",
    areas: "Areas",
    measures: "Measures",
    questions: "Questions that moved",
    gapsClosed: "Gaps closed",
    newGaps: "New gaps",
    evidenceAdded: "Evidence added",
    evidenceRemoved: "Evidence removed",
    actions: "Action plan",
  },
  categories: {
    improved: "Improved",
    regressed: "Regressed",
    newlyAnswered: "Newly answered",
    becameUnanswered: "Became unanswered",
    becameUnknown: "Became “don't know”",
    becameNotApplicable: "Became not applicable",
  },
  actionCategories: {
    completed: "Completed",
    slipped: "Slipped",
    added: "Added",
  },
  actionsIntro: (date) =>
    "Actions are the gaps whose answer has an owner or a due date. Completed: an old action " +
    "whose question no longer loses points. Slipped: an old action still open whose due date " +
    `is before ${date}, the new assessment's date (the date netdz report gives it). Added: an ` +
    "action the old assessment did not have.",
  actionsUndated:
    "Actions are the gaps whose answer has an owner or a due date. Completed: an old action " +
    "whose question no longer loses points. Slipped: none can be told, as the new assessment " +
    "has no date (no answer carries answeredAt and SOURCE_DATE_EPOCH is not set). Added: an " +
    "action the old assessment did not have.",
  columns: {
    area: "Area",
    measure: "Measure",
    question: "Question",
    old: "Old",
    new: "New",
    change: "Change",
    points: "Points lost",
    item: "Evidence",
    owner: "Owner",
    due: "Due",
  },
  states: { ...STATUS_LABELS.en, answered: "Answered", unanswered: "Unanswered" },
  none: "None.",
  notApplicableShort: "n/a",
  command: {
    wrote: (path) => `Comparison written to ${path}`,
    versionMismatch: (oldFile, oldPin, newFile, newPin) =>
      `${oldFile} is pinned to ${oldPin} and ${newFile} to ${newPin}; diff compares two ` +
      "assessments of the same measure set and version",
    regressed: (measures) => `These measures' scores went down: ${measures}.`,
    unknownFormat: (format, choices) =>
      `unknown format "${format}" (choose ${joinList(choices, "en")})`,
    invalid: (files) =>
      files.length === 1 ? `${files[0]} is invalid` : `${files.join(" and ")} are invalid`,
  },
};

const zh: DiffMessages = {
  title: "国家级经开区自评估：两次评估之间的进展",
  header: {
    old: "原评估",
    new: "新评估",
    measureSet: "评估清单",
    differentZones: "这是两个不同的开发区，而非同一开发区在两个时间的评估。",
    unknownZone: "缺少开发区名称（zone.name），无法判断是否为同一开发区在两个时间的评估。",
    noName: "—",
  },
  fieldSeparator: "：",
  listSeparator: LIST_SEPARATORS.zh,
  parenthetical: (text, remark) => `${text}（${remark}）`,
  overallLine: (old, next, change) => `总分：${old} → ${next}（${change}）`,
  bandLine: (old, next) => `等级：${old} → ${next}`,
  bandSame: (band) => `等级：${band}（不变）`,
  completenessLine: (old, next, change) => `完成度：${old} → ${next}（${change}）`,
  percentagePoints: (change) => `${change} 个百分点`,
  sections: {
    overall: "总体",
    areas: "各方面",
    measures: "各项举措",
    questions: "有变化的问题",
    gapsClosed: "已消除的差距",
    newGaps: "新出现的差距",
    evidenceAdded: "新增的佐证材料",
    evidenceRemoved: "删除的佐证材料",
    actions: "整改任务清单",
  },
  categories: {
    improved: "得分提高",
    regressed: "得分下降",
    newlyAnswered: "新作答",
    becameUnanswered: "变为未作答",
    becameUnknown: "变为“不清楚”",
    becameNotApplicable: "变为不适用",
  },
  actionCategories: {
    completed: "已完成",
    slipped: "已逾期",
    added: "新增",
  },
  actionsIntro: (date) =>
    "整改任务指答案填有责任单位或完成时限的差距。已完成：原评估中的整改任务，其问题现已不再失分。" +
    `已逾期：原评估中仍未完成、且完成时限早于新评估日期 ${date}（即 netdz report 给出的日期）的整改任务。` +
    "新增：原评估中没有的整改任务。",
  actionsUndated:
    "整改任务指答案填有责任单位或完成时限的差距。已完成：原评估中的整改任务，其问题现已不再失分。" +
    "已逾期：无法判断，因为新评估没有日期（没有答案带 answeredAt，也未设置 SOURCE_DATE_EPOCH）。" +
    "新增：原评估中没有的整改任务。",
  columns: {
    area: "方面",
    measure: "举措",
    question: "问题",
    old: "原值",
    new: "新值",
    change: "变化",
    points: "失分",
    item: "佐证材料",
    owner: "责任单位",
    due: "完成时限",
  },
  states: { ...STATUS_LABELS.zh, answered: "已作答", unanswered: "未作答" },
  none: "无。",
  notApplicableShort: "不适用",
  command: {
    wrote: (path) => `对比结果已写入 ${path}`,
    versionMismatch: (oldFile, oldPin, newFile, newPin) =>
      `${oldFile} 对应 ${oldPin}，而 ${newFile} 对应 ${newPin}；diff 只比较同一评估清单同一版本的两次评估`,
    regressed: (measures) => `以下举措得分下降：${measures}。`,
    unknownFormat: (format, choices) =>
      `未知格式${quoteZh(format)}（可选：${joinList(choices, "zh")}）`,
    invalid: (files) => `${files.join(" 和 ")} 无效`,
  },
};

export const DIFF_MESSAGES: Readonly<Record<Lang, DiffMessages>> = { en, zh };

/** The diff strings for a language. */
export function diffMessages(lang: Lang): DiffMessages {
  return DIFF_MESSAGES[lang];
}

/** The `--help` of `netdz diff`, in each language. */
export interface DiffHelp {
  description(formats: string): string;
  old: string;
  new: string;
  format: string;
  out: string;
  failOnRegression: string;
  after: string;
}

export const DIFF_HELP: Readonly<Record<Lang, DiffHelp>> = {
  en: {
    description: (formats) =>
      `compare two assessments of the same measure set and version: what moved (${formats})`,
    old: "the earlier answers file",
    new: "the later answers file",
    format: "output format",
    out: "write the comparison to a file instead of standard output",
    failOnRegression: "exit 1 when any measure's score went down",
    after: `
Examples:
  $ netdz diff answers-2025.yaml answers-2026.yaml --out progress.md
  $ git show HEAD~1:netdz-answers.yaml > old.yaml
  $ netdz diff old.yaml netdz-answers.yaml --fail-on-regression      in CI

Exit codes:
  0    success (warnings allowed)
  1    an answers file is invalid, or (--fail-on-regression) a measure's score went down
  2    usage error, a file that cannot be read, or files of different sets or versions`,
  },
  zh: {
    description: (formats) => `比较同一评估清单同一版本的两次评估：哪些有变化（${formats}）`,
    old: "较早的答卷文件",
    new: "较新的答卷文件",
    format: "输出格式",
    out: "把对比结果写入文件，而不是标准输出",
    failOnRegression: "任何一项举措得分下降时以退出码 1 结束",
    after: `
示例：
  $ netdz diff answers-2025.yaml answers-2026.yaml --out progress.md
  $ git show HEAD~1:netdz-answers.yaml > old.yaml
  $ netdz diff old.yaml netdz-answers.yaml --fail-on-regression      在 CI 中使用

退出码：
  0    成功（允许有警告）
  1    答卷文件无效，或（--fail-on-regression）有举措得分下降
  2    用法错误、文件无法读取，或两个文件对应不同的评估清单或版本`,
  },
};
