/**
 * The strings that the HTML, PDF and Word reports add to those of the Markdown report (charts,
 * page furniture, the action plan) and the messages of the PDF printer, in English and Chinese.
 * Plain text: each renderer escapes it for its own format.
 */
import type { Lang } from "../core/model.js";

/** Why a browser executable cannot be used to print. */
export type BrowserProblem =
  | { kind: "missing" | "directory" | "not-executable" | "no-version" }
  | { kind: "timeout"; seconds: number }
  | { kind: "launch"; reason: string };

/**
 * Why a started browser gave no PDF: it did not load the page or did not print it, within
 * `seconds` when it ran out of time; `detail` is the browser's own first line (English).
 */
export interface PrintProblem {
  stage: "load" | "print";
  seconds?: number;
  detail: string;
}

export interface DocumentMessages {
  /** The BCP 47 tag of the document's language. */
  htmlLang: string;
  charts: {
    areas: string;
    measures: string;
    gaps: string;
    scoreUnit: string;
    pointsUnit: string;
    /** Alternative text of one bar: `label: value unit`, or "not applicable" in words (null). */
    bar(label: string, value: string | null, unit: string): string;
    /** Alternative text of a whole chart. */
    summary(title: string, count: number): string;
  };
  actions: {
    heading: string;
    intro(count: number, overdue: number): string;
    none: string;
    columns: {
      due: string;
      owner: string;
      question: string;
      status: string;
      points: string;
      state: string;
    };
    overdue: string;
    open: string;
    noDue: string;
    noOwner: string;
  };
  /** The footer of printed pages: zone name and page numbers. */
  pageOf(page: string, total: string): string;
  /** The legend of the bar column in the areas table. */
  barLabel(score: string): string;
  pdf: {
    noBrowser: string;
    /** A browser that was found (or named by an environment variable) but cannot be used. */
    cannotStart(file: string, variable: string | undefined, problem: BrowserProblem): string;
    failed(problem: PrintProblem): string;
  };
  /** A binary format asked for on a terminal: say to use --out. */
  binaryToTerminal(format: string, file: string): string;
  /** What the PDF says where it leaves out evidence items or the end of a long text. */
  printCuts: {
    /**
     * The row after a question's first `shown` evidence items (none, past the total of the PDF
     * and Word reports): how many more it has, and where they are.
     */
    moreEvidence(count: number, shown: number): string;
    /** Appended to a text cut short: how many characters follow, and where. */
    moreCharacters(count: number): string;
    /** The method section's paragraph on the limits. */
    method(limits: { maxEvidence: number; maxEvidenceTotal: number; maxText: number }): string;
  };
}

/** A count with thousands separators: 198,000. */
const count = (n: number): string => n.toLocaleString("en-US");

const en: DocumentMessages = {
  htmlLang: "en",
  charts: {
    areas: "Scores of the areas (0–100)",
    measures: "Scores of the measures (0–100)",
    gaps: "Top gaps by points lost",
    scoreUnit: "out of 100",
    pointsUnit: "points lost",
    bar: (label, value, unit) =>
      value === null ? `${label}: not applicable` : `${label}: ${value} ${unit}`,
    summary: (title, count) => `${title}, bar chart of ${count} bar${count === 1 ? "" : "s"}`,
  },
  actions: {
    heading: "Action plan",
    intro: (count, overdue) =>
      `${count} gap${count === 1 ? " has" : "s have"} an owner or a due date, the earliest due first` +
      (overdue > 0 ? `; ${overdue} ${overdue === 1 ? "is" : "are"} overdue.` : "."),
    none: "No gap has an owner or a due date yet.",
    columns: {
      due: "Due",
      owner: "Owner",
      question: "Question",
      status: "Current status",
      points: "Points lost",
      state: "State",
    },
    overdue: "Overdue",
    open: "Open",
    noDue: "No date",
    noOwner: "No owner",
  },
  pageOf: (page, total) => `Page ${page} of ${total}`,
  barLabel: (score) => `${score} out of 100`,
  pdf: {
    noBrowser:
      "--format pdf needs Chromium or Google Chrome, and none was found (looked for chromium, " +
      "chromium-browser, google-chrome and google-chrome-stable on the PATH, and at CHROME_PATH " +
      "and PUPPETEER_EXECUTABLE_PATH). Either write the report with --format html and print it " +
      "to PDF from a browser, or install Chromium (e.g. apt-get install chromium) or set " +
      "CHROME_PATH to a Chrome executable.",
    cannotStart: (file, variable, problem) => {
      const what = {
        missing: "does not exist",
        directory: "is a folder, not a program",
        "not-executable": "is not a program that can be run",
        "no-version": "did not answer --version as Chromium or Chrome does",
        timeout: `did not answer --version within ${"seconds" in problem ? problem.seconds : 0} seconds`,
        launch: `did not start as a browser (${"reason" in problem ? problem.reason : ""})`,
      }[problem.kind];
      const source = variable === undefined ? "" : ` (named by ${variable})`;
      return (
        `--format pdf cannot print with ${file}${source}: it ${what}. Either write the report ` +
        "with --format html and print it to PDF from a browser, or install Chromium (e.g. " +
        `apt-get install chromium) and set ${variable ?? "CHROME_PATH"} to it (or leave CHROME_PATH and ` +
        "PUPPETEER_EXECUTABLE_PATH unset to look on the PATH)."
      );
    },
    failed: ({ stage, seconds, detail }) => {
      const what = stage === "load" ? "load the report" : "print the report to PDF";
      const why =
        seconds === undefined
          ? `the browser could not ${what}`
          : `the browser did not ${what} within ${seconds} s`;
      return (
        `--format pdf: ${why}. For a very large report write --format html, docx or md instead` +
        (detail === "" ? "" : ` (the browser said: ${detail})`)
      );
    },
  },
  binaryToTerminal: (format, file) =>
    `--format ${format} writes a binary file, not text for the terminal: add --out ${file}, or redirect standard output to a file`,
  printCuts: {
    moreEvidence: (n, shown) =>
      `${shown > 0 ? "… and " : ""}${count(n)} ${shown > 0 ? "more " : ""}evidence ` +
      `item${n === 1 ? "" : "s"}${shown > 0 ? "" : " not listed in this report"}: all are in the ` +
      "answers file and in the Markdown, HTML and JSON reports",
    moreCharacters: (n) =>
      ` … (${count(n)} more character${n === 1 ? "" : "s"}: see the answers file or the ` +
      "Markdown, HTML or JSON report)",
    method: ({ maxEvidence, maxEvidenceTotal, maxText }) =>
      `The PDF and Word reports show at most ${count(maxEvidence)} evidence items per question ` +
      `(${count(maxEvidenceTotal)} in all) and at most ${count(maxText)} characters of any one text (a note, a free-text answer, an evidence ` +
      "item, a zone field); each cut says how much is left out. The answers file and the " +
      "Markdown, HTML and JSON reports hold everything.",
  },
};

const zh: DocumentMessages = {
  htmlLang: "zh-CN",
  charts: {
    areas: "各方面得分（0–100）",
    measures: "各项举措得分（0–100）",
    gaps: "主要差距（按失分）",
    scoreUnit: "分（满分 100）",
    pointsUnit: "分（失分）",
    bar: (label, value, unit) =>
      value === null ? `${label}：不适用` : `${label}：${value} ${unit}`,
    summary: (title, count) => `${title}，条形图，共 ${count} 项`,
  },
  actions: {
    heading: "整改任务清单",
    intro: (count, overdue) =>
      `已为 ${count} 个差距明确责任单位或完成时限，按完成时限先后排列` +
      (overdue > 0 ? `；其中 ${overdue} 个已逾期。` : "。"),
    none: "尚无差距明确责任单位或完成时限。",
    columns: {
      due: "完成时限",
      owner: "责任单位",
      question: "问题",
      status: "当前状态",
      points: "失分",
      state: "进展",
    },
    overdue: "已逾期",
    open: "未完成",
    noDue: "未定时限",
    noOwner: "未定责任单位",
  },
  pageOf: (page, total) => `第 ${page} 页，共 ${total} 页`,
  barLabel: (score) => `${score} 分（满分 100）`,
  pdf: {
    noBrowser:
      "--format pdf 需要 Chromium 或 Google Chrome，但未找到（已在 PATH 中查找 chromium、" +
      "chromium-browser、google-chrome 和 google-chrome-stable，并查看了 CHROME_PATH 和 " +
      "PUPPETEER_EXECUTABLE_PATH）。可以改用 --format html 生成报告后在浏览器中打印为 PDF，" +
      "或安装 Chromium（例如 apt-get install chromium），或将 CHROME_PATH 设为 Chrome 可执行文件的路径。",
    cannotStart: (file, variable, problem) => {
      const what = {
        missing: "不存在",
        directory: "是文件夹，不是程序",
        "not-executable": "不是可以运行的程序",
        "no-version": "对 --version 的回应不像 Chromium 或 Chrome",
        timeout: `在 ${"seconds" in problem ? problem.seconds : 0} 秒内没有回应 --version`,
        // The browser library's reason is English: not put into a Chinese sentence.
        launch: "无法作为浏览器启动",
      }[problem.kind];
      const source = variable === undefined ? "" : `（由 ${variable} 指定）`;
      return (
        `--format pdf 无法使用 ${file}${source}打印：该路径${what}。可以改用 --format html ` +
        "生成报告后在浏览器中打印为 PDF，或安装 Chromium（例如 apt-get install chromium）并将 " +
        `${variable ?? "CHROME_PATH"} 设为其路径（或不设置 CHROME_PATH 和 PUPPETEER_EXECUTABLE_PATH，以便在 PATH 中查找）。`
      );
    },
    failed: ({ stage, seconds, detail }) => {
      const what = stage === "load" ? "打开报告" : "将报告打印为 PDF";
      const why =
        seconds === undefined ? `浏览器无法${what}` : `浏览器未能在 ${seconds} 秒内${what}`;
      return (
        `--format pdf：${why}。报告很大时，请改用 --format html、docx 或 md` +
        (detail === "" ? "" : `（浏览器信息：${detail}）`)
      );
    },
  },
  binaryToTerminal: (format, file) =>
    `--format ${format} 生成的是二进制文件，不能直接输出到终端：请加上 --out ${file}，或将标准输出重定向到文件`,
  printCuts: {
    moreEvidence: (n, shown) =>
      `${shown > 0 ? "……另有" : "本报告未列出该问题的"} ${count(n)} 项佐证材料` +
      `${shown > 0 ? "未列出" : ""}：全部佐证材料见答卷文件及 Markdown、HTML、JSON 报告`,
    moreCharacters: (n) =>
      `……（另有 ${count(n)} 个字符未显示：见答卷文件或 Markdown、HTML、JSON 报告）`,
    method: ({ maxEvidence, maxEvidenceTotal, maxText }) =>
      `PDF 和 Word 报告每个问题最多列出 ${count(maxEvidence)} 项佐证材料（全文合计最多 ` +
      `${count(maxEvidenceTotal)} 项），每段文字（备注、文字题答案、` +
      `佐证材料、开发区概况字段）最多显示 ${count(maxText)} 个字符；每处截断处均注明省略的数量。` +
      "答卷文件及 Markdown、HTML、JSON 报告包含全部内容。",
  },
};

export const DOCUMENT_MESSAGES: Readonly<Record<Lang, DocumentMessages>> = { en, zh };

/** The document strings for a language. */
export function documentMessages(lang: Lang): DocumentMessages {
  return DOCUMENT_MESSAGES[lang];
}
