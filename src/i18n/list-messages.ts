/** Every string of `netdz list`, its help included, in English and Chinese. */
import type { Lang, QuestionType } from "../core/model.js";
import { plural } from "../render/plural.js";

export interface ListMessages {
  help: { description: string; json: string; questions: string };
  none(dir: string): string;
  invalid(dir: string): string;
  counts(areas: number, measures: number, questions: number): string;
  areaCounts(measures: number, questions: number): string;
  measureCounts(questions: number): string;
  /** A question type as `list --questions` names it. */
  types: Readonly<Record<QuestionType, string>>;
}

const en: ListMessages = {
  help: {
    description: "show the measure sets available, with counts of areas, measures and questions",
    json: "machine-readable output",
    questions: "list every question too",
  },
  none: (dir) => `No measure sets in ${dir}`,
  invalid: (dir) => `invalid: run \`netdz validate ${dir}\``,
  counts: (areas, measures, questions) =>
    `${plural(areas, "area")} · ${plural(measures, "measure")} · ${plural(questions, "question")}`,
  areaCounts: (measures, questions) =>
    `(${plural(measures, "measure")}, ${plural(questions, "question")})`,
  measureCounts: (questions) => `(${plural(questions, "question")})`,
  types: {
    status: "status",
    yesno: "yesno",
    number: "number",
    choice: "choice",
    multi: "multi",
    text: "text",
  },
};

const zh: ListMessages = {
  help: {
    description: "列出可用的评估清单，以及方面、举措和问题的数量",
    json: "输出机器可读的 JSON",
    questions: "同时列出每个问题",
  },
  none: (dir) => `${dir} 中没有评估清单`,
  invalid: (dir) => `无效：请运行 \`netdz validate ${dir}\``,
  counts: (areas, measures, questions) =>
    `${areas} 个方面 · ${measures} 项举措 · ${questions} 个问题`,
  areaCounts: (measures, questions) => `（${measures} 项举措，${questions} 个问题）`,
  measureCounts: (questions) => `（${questions} 个问题）`,
  types: {
    status: "状态",
    yesno: "是否",
    number: "数值",
    choice: "单选",
    multi: "多选",
    text: "文字",
  },
};

const LIST_MESSAGES: Readonly<Record<Lang, ListMessages>> = { en, zh };

/** The strings of `netdz list` in a language. */
export function listMessages(lang: Lang): ListMessages {
  return LIST_MESSAGES[lang];
}
