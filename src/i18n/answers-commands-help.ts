/**
 * The `--help` text of `netdz assess` and `netdz init` in English and Simplified Chinese, apart
 * from their screens (assess-messages.ts) so that the program's help loads only this.
 */
import type { Lang } from "../core/model.js";

/** The `--help` of `netdz assess` and `netdz init`, which share the answers-file options. */
export interface AnswersCommandsHelp {
  assess: { description: string; answers: string; review: string; after: string };
  init: { description: string; answers: string; force: string; after: string };
}

/** The same commands serve as examples in both languages. */
const ASSESS_EXAMPLES = `
  $ netdz assess
  $ netdz assess --answers zones/suzhou.yaml --lang zh
  $ netdz assess --answers zones/suzhou.yaml --review`;

export const ANSWERS_COMMANDS_HELP: Readonly<Record<Lang, AnswersCommandsHelp>> = {
  en: {
    assess: {
      description:
        "walk through the self-assessment interactively; every answer is saved as it is given",
      answers: "answers file to create or resume",
      review: "walk through every question again, with current answers preselected",
      after: `
Run it again with the same --answers file to resume at the first unanswered question.
Needs a terminal; without one, use \`netdz init\` and fill the file by hand.

Examples:${ASSESS_EXAMPLES}`,
    },
    init: {
      description: "write an answers file to fill in by hand, every question listed as a comment",
      answers: "answers file to write",
      force: "overwrite an existing file",
      after: `
Examples:
  $ netdz init --answers suzhou.yaml
  $ netdz validate suzhou.yaml           check it once filled in`,
    },
  },
  zh: {
    assess: {
      description: "以交互方式逐题完成自评估；每个答案一经作答即保存",
      answers: "要新建或继续填写的答卷文件",
      review: "把每个问题重新过一遍，并预选当前答案",
      after: `
用同一个 --answers 文件再次运行，即从第一个未作答的问题继续。
需要在终端中运行；没有终端时，请用 \`netdz init\` 生成文件后手工填写。

示例：${ASSESS_EXAMPLES}`,
    },
    init: {
      description: "写出一个供手工填写的答卷文件，每个问题都以注释列出",
      answers: "要写出的答卷文件",
      force: "覆盖已有的文件",
      after: `
示例：
  $ netdz init --answers suzhou.yaml
  $ netdz validate suzhou.yaml           填写后检查`,
    },
  },
};
