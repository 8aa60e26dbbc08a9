/**
 * Every fixed string of the gap report (Markdown headings, column titles, status labels, the method
 * section) and of the `report` command, in English and Chinese. Strings here are plain text, with
 * no markup of any output format: each renderer adds its own emphasis and escaping (a Markdown
 * renderer passes already escaped and emphasised arguments; a test keeps Markdown syntax out).
 */
import type { Lang } from "../core/model.js";
import { STATUS_LABELS } from "./status-labels.js";
import { plural } from "../render/plural.js";
import type { QuestionState } from "../core/score.js";
import { LIST_SEPARATORS, quoteZh } from "./quote.js";

export interface CompletenessFacts {
  /** Already formatted, e.g. `75.0%`. */
  percent: string;
  answered: number;
  applicable: number;
  unknown: number;
  unanswered: number;
  notApplicable: number;
  review: number;
}

export interface ReportMessages {
  title: string;
  header: {
    zone: string;
    measureSet: string;
    plan: string;
    assessor: string;
    date: string;
    completeness: string;
  };
  /** Arguments are already in the output format (escaped). */
  planDocument(document: string, title: string | undefined, issuer: string, issued: string): string;
  /** The plan documents of a set that extends another: the base's, then its own. */
  planDocuments(base: string, own: string): string;
  completenessDetail(facts: CompletenessFacts): string;
  noCompleteness: string;
  /** Every question that applies to the profile was declared not applicable by the zone. */
  noCompletenessAllDeclared: string;
  overall: {
    heading: string;
    /** Arguments are already in the output format (escaped, emphasised by the renderer). */
    line(score: string, band: string): string;
    none: string;
    noneDeclared: string;
    columns: { area: string; ref: string; weight: string; score: string; bar: string };
  };
  /** For a set that extends another: the national set and the additions apart and together. */
  parts: {
    heading: string;
    columns: { part: string; score: string; band: string; answered: string };
    national(base: string): string;
    additions(set: string): string;
    together: string;
  };
  measures: {
    heading: string;
    columns: {
      number: string;
      measure: string;
      ref: string;
      score: string;
      answered: string;
    };
    reconstructedNote: string;
  };
  gaps: {
    heading: string;
    intro(shown: number, total: number): string;
    /** `--top 0` with gaps: the list is turned off, not empty. */
    notListed(total: number): string;
    columns: {
      rank: string;
      question: string;
      measure: string;
      ref: string;
      status: string;
      points: string;
      next: string;
    };
  };
  sections: {
    missingEvidence: string;
    unknown: string;
    notApplicable: string;
    unanswered: string;
    review: string;
    evidence: string;
    method: string;
  };
  columns: {
    question: string;
    measure: string;
    status: string;
    note: string;
    evidenceNeeded: string;
    justification: string;
    evidence: string;
  };
  none: string;
  notApplicableShort: string;
  noJustification: string;
  profileExclusion(field: string, allowed: string, actual: string): string;
  /** A profile exclusion (profileExclusion) followed by the note the zone wrote anyway. */
  exclusionWithNote(exclusion: string, note: string): string;
  states: Record<QuestionState, string>;
  yes: string;
  no: string;
  noneSelected: string;
  target(target: string, direction: "higher" | "lower"): string;
  method(bands: string): string[];
  bandItem(label: string, min: string): string;
  listSeparator: string;
  /** Appends a parenthetical remark to already escaped text. */
  parenthetical(text: string, remark: string): string;
  /** Between a header field's label and its value. */
  fieldSeparator: string;
  /** Between the parts of one header value, e.g. a name and a role. */
  partSeparator: string;
  command: {
    wrote(path: string): string;
    belowThreshold(score: string, threshold: string): string;
    noScore(threshold: string): string;
    /** As noScore, when the zone itself declared every scored question that applies N/A. */
    noScoreDeclared(threshold: string): string;
    /** `command`: the `netdz validate` line that lists them, ready to paste. */
    warnings(count: number, file: string, command: string): string;
    sameFile(out: string): string;
    badLang(value: string, choices: readonly string[]): string;
    badFormat(value: string, choices: readonly string[]): string;
    badTop(value: string): string;
    badFailUnder(value: string): string;
    badSourceDateEpoch(value: string): string;
    /** A whole number of seconds beyond the last date a JavaScript date can hold. */
    sourceDateEpochTooLate(value: string, max: number): string;
  };
}

/** The year (UTC) a number of seconds after 1970 falls in. */
const yearOf = (seconds: number) => new Date(seconds * 1000).getUTCFullYear();

const en: ReportMessages = {
  title: "NETDZ self-assessment report",
  header: {
    zone: "Zone",
    measureSet: "Measure set",
    plan: "Plan document",
    assessor: "Assessor",
    date: "Date",
    completeness: "Completeness",
  },
  planDocument: (document, title, issuer, issued) =>
    `${document}${title ? `, ${title}` : ""} (${issuer}, ${issued})`,
  planDocuments: (base, own) => `${base}; ${own}`,
  completenessDetail: (f) =>
    `${f.percent} (${f.answered} of ${plural(f.applicable, "applicable question")} answered, ` +
    `${f.unknown} don't know, ${f.unanswered} unanswered; besides these, ` +
    `${f.notApplicable} not applicable; ${f.review} marked for review)`,
  noCompleteness: "no applicable questions",
  noCompletenessAllDeclared:
    "nothing to measure: the zone declared every question that applies to its profile not applicable",
  overall: {
    heading: "Overall score",
    line: (score, band) => `Overall score: ${score} / 100, band: ${band}.`,
    none: "No question applies to this zone, so there is no overall score.",
    noneDeclared:
      "The zone itself declared every scored question that applies to its profile not applicable " +
      "(text questions are never scored), so there is no overall score.",
    columns: { area: "Area", ref: "Plan ref.", weight: "Weight", score: "Score", bar: "Progress" },
  },
  parts: {
    heading: "National set and provincial additions",
    columns: { part: "Part", score: "Score", band: "Band", answered: "Completeness" },
    national: (base) => `National set (${base})`,
    additions: (set) => `Additions of ${set}`,
    together: "Together (overall score)",
  },
  measures: {
    heading: "Measures",
    columns: {
      number: "No.",
      measure: "Measure",
      ref: "Plan ref.",
      score: "Score",
      answered: "Answered",
    },
    reconstructedNote:
      "† Reconstructed: the measure's title or placement is inferred from official briefings, " +
      "not taken from the plan's published text.",
  },
  gaps: {
    heading: "Top gaps",
    intro: (shown, total) =>
      shown === total
        ? total === 1
          ? "The one question that loses points of the overall score."
          : `The ${total} questions that lose points of the overall score, the costliest first.`
        : shown === 1
          ? `${total} questions lose points; this one costs the overall score the most.`
          : `${total} questions lose points; these ${shown} cost the overall score the most.`,
    notListed: (total) => `${total === 1 ? "1 gap" : `${total} gaps`}; none listed (--top 0).`,
    columns: {
      rank: "Rank",
      question: "Question",
      measure: "Measure",
      ref: "Plan ref.",
      status: "Current status",
      points: "Points lost",
      next: "Next step",
    },
  },
  sections: {
    missingEvidence: "Claims without required evidence",
    unknown: "Don't know",
    notApplicable: "Not applicable",
    unanswered: "Unanswered",
    review: "Marked for review",
    evidence: "Evidence index",
    method: "Method",
  },
  columns: {
    question: "Question",
    measure: "Measure",
    status: "Status",
    note: "Note",
    evidenceNeeded: "Evidence needed",
    justification: "Justification",
    evidence: "Evidence",
  },
  none: "None.",
  notApplicableShort: "n/a",
  noJustification: "No justification given.",
  profileExclusion: (field, allowed, actual) =>
    `Zone profile: applies only when ${quoteZh(field)} is ${allowed}; this zone: ${actual}.`,
  exclusionWithNote: (exclusion, note) => `${exclusion} Note: ${note}`,
  states: {
    ...STATUS_LABELS.en,
    answered: "Answered",
    unanswered: "Unanswered",
  },
  yes: "Yes",
  no: "No",
  noneSelected: "None selected",
  target: (target, direction) =>
    direction === "lower" ? `target: at most ${target}` : `target: at least ${target}`,
  method: (bands) => [
    "Each applicable question scores s between 0 and 1. Status questions: implemented 1, " +
      "in progress 0.5, planned 0.25, not started 0; “don't know” and unanswered questions also " +
      "score 0. A yes/no question scores 1 for yes and 0 for no; a single-choice question the " +
      "score of the chosen option; a multiple-choice question the sum of the chosen options' " +
      "scores, at most 1. A number question where higher is better scores value ÷ target, " +
      "between 0 and 1; where lower is better it scores 1 at or below the target, else " +
      "target ÷ value. Free-text questions are not scored.",
    "Questions answered “not applicable”, and questions the zone profile excludes, are left out. " +
      "A measure's score is the weighted mean of its scored questions; an area's score the " +
      "weighted mean of its measures; the overall score the weighted mean of the areas, each " +
      "on a scale of 0 to 100. A measure or area with nothing applicable is left out and the " +
      "weights of the rest are renormalised.",
    "A question's points lost are (1 − s) × its share of the overall weight × 100, where the " +
      "share is the product of its weight share in its measure, the measure's share in its area " +
      "and the area's share of all applicable areas. The points lost by all questions add up to " +
      "100 minus the overall score; the top gaps are the questions that lose the most.",
    "Completeness is the share of applicable questions with an answer. “Don't know” and " +
      "unanswered questions count as not answered; they are reported beside the score, not " +
      "hidden in it. Free-text questions count towards completeness but not towards the score. " +
      "The Answered column of the measures table counts answered of applicable questions.",
    `Bands: ${bands}. Scores are shown rounded to one decimal; the JSON report ` +
      "(netdz report --format json) carries them unrounded.",
  ],
  bandItem: (label, min) => `${label} from ${min}`,
  listSeparator: LIST_SEPARATORS.en,
  fieldSeparator: ": ",
  partSeparator: ", ",
  parenthetical: (text, remark) => `${text} (${remark})`,
  command: {
    wrote: (path) => `Report written to ${path}`,
    belowThreshold: (score, threshold) =>
      `Overall score ${score} is below the required ${threshold}.`,
    noScore: (threshold) =>
      `No question applies, so there is no overall score to compare with ${threshold}.`,
    noScoreDeclared: (threshold) =>
      `The zone itself declared every scored question that applies not applicable, so there is no overall score to compare with ${threshold}.`,
    warnings: (count, file, command) =>
      `${count} warning${count === 1 ? "" : "s"} in ${file}; run \`${command}\` to see them.`,
    sameFile: (out) =>
      `--out ${out} is the answers file itself; choose another file for the report`,
    badLang: (value, choices) => `unknown language "${value}" (choose ${choices.join(" or ")})`,
    badFormat: (value, choices) =>
      `unknown format "${value}" (choose one of: ${choices.join(", ")})`,
    badTop: (value) =>
      `--top must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, not "${value}"`,
    badFailUnder: (value) => `--fail-under must be a score from 0 to 100, not "${value}"`,
    badSourceDateEpoch: (value) =>
      `SOURCE_DATE_EPOCH must be a whole number of seconds, not "${value}"`,
    sourceDateEpochTooLate: (value, max) =>
      `SOURCE_DATE_EPOCH must be at most ${max} seconds (a date in the year ${yearOf(max)}), not ${value}`,
  },
};

const zh: ReportMessages = {
  title: "国家级经开区自评估报告",
  header: {
    zone: "开发区",
    measureSet: "评估清单",
    plan: "依据文件",
    assessor: "填报人",
    date: "日期",
    completeness: "完成度",
  },
  planDocument: (document, title, issuer, issued) =>
    `${document}${title ? `《${title}》` : ""}（${issuer}，${issued}）`,
  planDocuments: (base, own) => `${base}；${own}`,
  completenessDetail: (f) =>
    `${f.percent}（适用的 ${f.applicable} 个问题中已作答 ${f.answered} 个，` +
    `不清楚 ${f.unknown} 个，未作答 ${f.unanswered} 个；此外不适用 ${f.notApplicable} 个；` +
    `待复核 ${f.review} 个）`,
  noCompleteness: "没有适用的问题",
  noCompletenessAllDeclared: "无从计算：适用于本开发区情况的问题全部被开发区自行声明为不适用",
  overall: {
    heading: "总体得分",
    line: (score, band) => `总分：${score} / 100，等级：${band}。`,
    none: "本开发区没有适用的问题，因此没有总分。",
    noneDeclared:
      "适用于本开发区情况的计分题目全部被开发区自行声明为不适用（文字题从不计分），因此没有总分。",
    columns: { area: "方面", ref: "方案条目", weight: "权重", score: "得分", bar: "进度" },
  },
  parts: {
    heading: "全国清单与本省补充",
    columns: { part: "部分", score: "得分", band: "等级", answered: "完成度" },
    national: (base) => `全国清单（${base}）`,
    additions: (set) => `${set} 补充举措`,
    together: "合计（总分）",
  },
  measures: {
    heading: "各项举措",
    columns: {
      number: "序号",
      measure: "举措",
      ref: "方案条目",
      score: "得分",
      answered: "已作答",
    },
    reconstructedNote: "† 整理推定：该举措的标题或位置系根据官方解读推定，并非取自方案公开文本。",
  },
  gaps: {
    heading: "主要差距",
    intro: (shown, total) =>
      shown === total
        ? total === 1
          ? "以下 1 个问题存在失分。"
          : `以下 ${total} 个问题存在失分，按失分从多到少排列。`
        : `在 ${total} 个失分问题中，对总分影响最大的 ${shown} 个如下。`,
    notListed: (total) => `共 ${total} 项差距；未列出（--top 0）。`,
    columns: {
      rank: "排序",
      question: "问题",
      measure: "举措",
      ref: "方案条目",
      status: "当前状态",
      points: "失分",
      next: "下一步",
    },
  },
  sections: {
    missingEvidence: "缺少必要佐证的填报",
    unknown: "不清楚",
    notApplicable: "不适用",
    unanswered: "未作答",
    review: "标记待复核",
    evidence: "佐证材料索引",
    method: "计分方法",
  },
  columns: {
    question: "问题",
    measure: "举措",
    status: "状态",
    note: "备注",
    evidenceNeeded: "所需佐证",
    justification: "理由",
    evidence: "佐证材料",
  },
  none: "无。",
  notApplicableShort: "不适用",
  noJustification: "未说明理由。",
  profileExclusion: (field, allowed, actual) =>
    `开发区概况：仅当${quoteZh(field)}为${allowed}时适用；本开发区：${actual}。`,
  exclusionWithNote: (exclusion, note) => `${exclusion}备注：${note}`,
  states: {
    ...STATUS_LABELS.zh,
    answered: "已作答",
    unanswered: "未作答",
  },
  yes: "是",
  no: "否",
  noneSelected: "未选择",
  target: (target, direction) =>
    direction === "lower" ? `目标：不高于 ${target}` : `目标：不低于 ${target}`,
  method: (bands) => [
    "每个适用问题的得分 s 介于 0 与 1 之间。状态类问题：已落实得 1，推进中得 0.5，" +
      "已纳入计划得 0.25，未启动得 0；“不清楚”和未作答的问题也得 0。是非题答“是”得 1、" +
      "答“否”得 0；单选题取所选选项的分值；多选题取所选选项分值之和，最高为 1。" +
      "数值题在越高越好时得分为数值 ÷ 目标值（介于 0 与 1 之间）；在越低越好时，" +
      "不高于目标值得 1，否则得目标值 ÷ 数值。文字题不计分。",
    "答为“不适用”的问题以及按开发区概况不适用的问题不参与计分。举措得分为其计分问题的加权平均，" +
      "方面得分为其举措的加权平均，总分为各方面的加权平均，均按 0 至 100 计。" +
      "没有适用内容的举措或方面不参与计分，其余部分的权重重新归一。",
    "问题的失分 = (1 − s) × 该问题在总权重中的份额 × 100，份额为其在所属举措中的权重占比、" +
      "举措在所属方面中的权重占比与该方面在全部适用方面中的权重占比三者之积。" +
      "全部问题的失分之和等于 100 减去总分；主要差距即失分最多的问题。",
    "完成度为已作答问题占适用问题的比例。“不清楚”和未作答均视为未作答，与得分并列报告，" +
      "不隐含在得分之中。文字题计入完成度，但不计入得分。举措表中“已作答”一栏为已作答数与适用问题数之比。",
    `等级：${bands}。得分保留一位小数显示；JSON 报告（netdz report --format json）给出未经舍入的数值。`,
  ],
  bandItem: (label, min) => `${label}（${min} 分及以上）`,
  listSeparator: LIST_SEPARATORS.zh,
  fieldSeparator: "：",
  partSeparator: "，",
  parenthetical: (text, remark) => `${text}（${remark}）`,
  command: {
    wrote: (path) => `报告已写入 ${path}`,
    belowThreshold: (score, threshold) => `总分 ${score} 低于要求的 ${threshold}。`,
    noScore: (threshold) => `没有适用的问题，因此没有可与 ${threshold} 比较的总分。`,
    noScoreDeclared: (threshold) =>
      `适用的计分题目全部被开发区自行声明为不适用，因此没有可与 ${threshold} 比较的总分。`,
    warnings: (count, file, command) =>
      `${file} 有 ${count} 条警告；运行 \`${command}\` 查看详情。`,
    sameFile: (out) => `--out ${out} 就是答卷文件本身，请为报告另选一个文件`,
    badLang: (value, choices) => `未知的语言${quoteZh(value)}（可选：${choices.join("、")}）`,
    badFormat: (value, choices) => `未知的格式${quoteZh(value)}（可选：${choices.join("、")}）`,
    badTop: (value) =>
      `--top 须为 0 至 ${Number.MAX_SAFE_INTEGER} 之间的整数，而不是${quoteZh(value)}`,
    badFailUnder: (value) => `--fail-under 须为 0 至 100 之间的分数，而不是${quoteZh(value)}`,
    badSourceDateEpoch: (value) => `SOURCE_DATE_EPOCH 须为整秒数，而不是${quoteZh(value)}`,
    sourceDateEpochTooLate: (value, max) =>
      `SOURCE_DATE_EPOCH 最大为 ${max} 秒（公元 ${yearOf(max)} 年），而不是 ${value}`,
  },
};

export const REPORT_MESSAGES: Readonly<Record<Lang, ReportMessages>> = { en, zh };

/** The report strings for a language. */
export function reportMessages(lang: Lang): ReportMessages {
  return REPORT_MESSAGES[lang];
}

/** The `--help` of `netdz report`. */
export interface ReportHelp {
  description(formats: string): string;
  answers: string;
  format: string;
  out: string;
  failUnder: string;
  top: string;
  after(answersFile: string): string;
}

export const REPORT_HELP: Readonly<Record<Lang, ReportHelp>> = {
  en: {
    description: (formats) => `score an answers file and write the gap report (${formats})`,
    answers: "answers file",
    format: "output format",
    out: "write the report to a file instead of standard output",
    failUnder: "exit 1 when the overall score is below this (0–100)",
    top: "how many gaps the Markdown, HTML, PDF and Word reports list (0 or more; JSON always has them all)",
    after: (file) => `
The report's date is the day of the answers' last update in the machine's time zone (TZ),
or SOURCE_DATE_EPOCH (in UTC) when set.

Examples:
  $ netdz report ${file} --out report.md
  $ netdz report ${file} --format json --out report.json
  $ netdz report ${file} --format html --out report.html     with charts, prints on A4
  $ netdz report ${file} --format docx --out report.docx     for Word and WPS
  $ netdz report ${file} --format pdf --out report.pdf       needs Chromium or Chrome
  $ netdz report ${file} --fail-under 65      in CI`,
  },
  zh: {
    description: (formats) => `为答卷文件计分并写出差距报告（${formats}）`,
    answers: "答卷文件",
    format: "输出格式",
    out: "把报告写入文件，而不是标准输出",
    failUnder: "总分低于该值（0–100）时以退出码 1 结束",
    top: "Markdown、HTML、PDF 和 Word 报告列出多少项差距（0 或更多；JSON 始终包含全部差距）",
    after: (file) => `
报告日期为答卷最后更新当天（按本机时区 TZ 计）；设置了 SOURCE_DATE_EPOCH 时取该时间（按 UTC 计）。

示例：
  $ netdz report ${file} --out report.md
  $ netdz report ${file} --format json --out report.json
  $ netdz report ${file} --format html --out report.html     含图表，可按 A4 打印
  $ netdz report ${file} --format docx --out report.docx     供 Word、WPS 使用
  $ netdz report ${file} --format pdf --out report.pdf       需要本机已安装 Chromium 或 Chrome
  $ netdz report ${file} --fail-under 65      在 CI 中使用`,
  },
};
