/**
 * The output formats, one registry per kind of document. A format is a name mapped to its file
 * extension, media type and renderer; `--format` choices, option checks, default output names and
 * the README's format list all come from here, so a new format is one entry (and its renderer).
 * Renderers are loaded only when used (start-up stays fast) and may return text or bytes.
 *
 * Each kind of document has its own model and so its own registry of the same `Reporter` shape:
 * `REPORT_FORMATS` for one zone's report; a roll-up of many zones or a comparison of two files
 * adds `AGGREGATE_FORMATS` / `DIFF_FORMATS` with their own model type beside it.
 */
import type { Aggregate } from "../core/aggregate.js";
import type { Diff } from "../core/diff.js";
import type { AnswersFile, Lang, MeasureSet } from "../core/model.js";
import type { Assessment } from "../core/score.js";

/** What one reporter turns into a document; `Model` is what its kind of document is made of. */
export interface Reporter<Model, Options> {
  /** Without the dot, e.g. `md`. */
  extension: string;
  mediaType: string;
  /** Whether the output is bytes (never written to a terminal) rather than text. */
  binary: boolean;
  /** One line for `--help` and the README, in each language. */
  description: Readonly<Record<Lang, string>>;
  render(model: Model, options: Options): Promise<string | Uint8Array>;
  /**
   * The text of `render` in pieces whose concatenation it is, made as they are read: a command
   * writes a large document this way without holding it whole. Text formats may give it.
   */
  pieces?(model: Model, options: Options): Promise<Iterable<string>>;
}

/** The Markdown format's line, the same in every registry. */
const MARKDOWN_DESCRIPTION = {
  en: "Markdown (GitHub-flavoured), for people",
  zh: "Markdown（GitHub 风格），供人阅读",
} as const;

/** The JSON format's line, naming the schema of its kind of document. */
function jsonDescription(kind: "report" | "aggregate" | "diff"): Readonly<Record<Lang, string>> {
  return {
    en: `JSON (schemas/${kind}.schema.json), for programs`,
    zh: `JSON（schemas/${kind}.schema.json），供程序读取`,
  };
}

/** The document `netdz report` writes: one zone's scored answers. */
export interface ReportModel {
  assessment: Assessment;
  set: MeasureSet;
  answers: AnswersFile;
  /** YYYY-MM-DD, or undefined when no answer carries a date. */
  date: string | undefined;
}

export interface ReportRenderOptions {
  lang: Lang;
  /** How many gaps to list. */
  top: number;
  /** What some formats need from outside the renderers (given by the command). */
  services?: RenderServices;
}

/**
 * Work with I/O that a renderer may need, handed in by the command so that render/ stays pure:
 * the Word report's chart pictures read the machine's fonts, and a PDF needs a local browser.
 */
export interface RenderServices {
  /** Rasterises a chart's SVG to PNG. */
  rasterise?(svg: string): Promise<{ png: Uint8Array }>;
  /**
   * Prints a self-contained HTML page (whole, or in pieces read once) to A4 PDF, dated `time`
   * (the report date at 00:00 UTC, as the Word document is) rather than by the clock.
   */
  printPdf?(html: string | Iterable<string>, time: Date): Promise<Uint8Array>;
}

/** The formats of `netdz report`; the first is the default. */
export const REPORT_FORMATS = {
  md: {
    extension: "md",
    mediaType: "text/markdown; charset=utf-8",
    binary: false,
    description: MARKDOWN_DESCRIPTION,
    async render({ assessment, set, answers, date }, { lang, top }) {
      const { renderMarkdown } = await import("./report-markdown.js");
      return renderMarkdown(assessment, set, answers, { lang, top, date });
    },
    async pieces({ assessment, set, answers, date }, { lang, top }) {
      const { markdownPieces } = await import("./report-markdown.js");
      return markdownPieces(assessment, set, answers, { lang, top, date });
    },
  },
  json: {
    extension: "json",
    mediaType: "application/json",
    binary: false,
    description: jsonDescription("report"),
    async render({ assessment, set, answers, date }, { lang }) {
      const { renderJson } = await import("./report-json.js");
      return renderJson(assessment, set, answers, { lang, date });
    },
    async pieces({ assessment, set, answers, date }, { lang }) {
      const { jsonPieces } = await import("./report-json.js");
      return jsonPieces(assessment, set, answers, { lang, date });
    },
  },
  html: {
    extension: "html",
    mediaType: "text/html; charset=utf-8",
    binary: false,
    description: {
      en: "HTML, one self-contained page with charts, for screens and printing",
      zh: "HTML，含图表的单个独立网页，可屏幕阅读或打印",
    },
    async render({ assessment, set, answers, date }, { lang, top }) {
      const { renderHtml } = await import("./report-html.js");
      return renderHtml(assessment, set, answers, { lang, top, date });
    },
    async pieces({ assessment, set, answers, date }, { lang, top }) {
      const { htmlPieces } = await import("./report-html.js");
      return htmlPieces(assessment, set, answers, { lang, top, date });
    },
  },
  pdf: {
    extension: "pdf",
    mediaType: "application/pdf",
    binary: true,
    description: {
      en: "PDF (A4), the HTML printed by a Chromium or Chrome on this machine",
      zh: "PDF（A4），由本机的 Chromium 或 Chrome 打印 HTML 而成",
    },
    async render({ assessment, set, answers, date }, { lang, top, services }) {
      const { htmlPieces } = await import("./report-html.js");
      const { DOCUMENT_LIMITS: limits } = await import("./print-limits.js");
      const { documentTime } = await import("./zip-time.js");
      const html = htmlPieces(assessment, set, answers, { lang, top, date, limits });
      if (services?.printPdf === undefined) throw new Error("no PDF printer was given");
      return services.printPdf(html, documentTime(date));
    },
  },
  docx: {
    extension: "docx",
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    binary: true,
    description: {
      en: "Word document (.docx) with charts, for Word, WPS and LibreOffice",
      zh: "Word 文档（.docx），含图表，可用 Word、WPS 和 LibreOffice 打开",
    },
    async render({ assessment, set, answers, date }, { lang, top, services }) {
      const { renderDocx } = await import("./report-docx.js");
      const { DOCUMENT_LIMITS } = await import("./print-limits.js");
      // The PDF's limits; a report with nothing cut is the same file as without them.
      const limits = { ...DOCUMENT_LIMITS, sayLimits: "when-cut" as const };
      const rasterise = services?.rasterise;
      return renderDocx(assessment, set, answers, {
        lang,
        top,
        date,
        limits,
        ...(rasterise === undefined ? {} : { rasterise }),
      });
    },
  },
} as const satisfies Record<string, Reporter<ReportModel, ReportRenderOptions>>;

export type ReportFormat = keyof typeof REPORT_FORMATS;

/** The names of a registry's formats, in registry order. */
export function formatNames<F extends string>(registry: Readonly<Record<F, unknown>>): F[] {
  return Object.keys(registry) as F[];
}

export const REPORT_FORMAT_NAMES = formatNames(REPORT_FORMATS);
export const DEFAULT_REPORT_FORMAT: ReportFormat = "md";

/** Whether `name` is one of a registry's formats. */
export function isFormat<F extends string>(
  registry: Readonly<Record<F, unknown>>,
  name: unknown,
): name is F {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(registry, name);
}

/**
 * The format a file name's extension names among a registry's formats (`roll-up.XLSX` → xlsx),
 * by each reporter's `extension`; undefined when it names none of them, or has none.
 */
export function formatOfFile<F extends string>(
  registry: Readonly<Record<F, Pick<Reporter<unknown, unknown>, "extension">>>,
  file: string | undefined,
): F | undefined {
  const extension = extensionOf(file);
  return formatNames(registry).find((f) => registry[f].extension === extension);
}

/** A file name's extension, lower case (`roll-up.XLSX` → xlsx); undefined when it has none. */
function extensionOf(file: string | undefined): string | undefined {
  const name = file?.split(/[\\/]/).at(-1) ?? "";
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? undefined : name.slice(dot + 1).toLowerCase();
}

/**
 * The format a command writes: `--format` when given, else the one `--out`'s extension names
 * (formatOfFile), else the registry's default. `conflict` when `--format` is given and `--out`'s
 * extension names another of the registry's formats; `foreign` (the extension) when `--format`
 * is not given and `--out`'s extension is that of a format netdz writes, but not this command
 * (`diff --out d.csv`): the command refuses both rather than write its default under that name.
 */
export function chooseFormat<F extends string>(
  registry: Readonly<Record<F, Pick<Reporter<unknown, unknown>, "extension">>>,
  given: F | undefined,
  out: string | undefined,
  fallback: F,
): { format: F; conflict?: F; foreign?: string } {
  const named = formatOfFile(registry, out);
  if (given === undefined) {
    const extension = extensionOf(out);
    if (named === undefined && extension !== undefined && outputExtensions().has(extension)) {
      return { format: fallback, foreign: extension };
    }
    return { format: named ?? fallback };
  }
  return named === undefined || named === given
    ? { format: given }
    : { format: given, conflict: named };
}

/** The extensions of every format a netdz command writes (report, aggregate, diff). */
function outputExtensions(): ReadonlySet<string> {
  const registries = [REPORT_FORMATS, AGGREGATE_FORMATS, DIFF_FORMATS];
  return new Set(registries.flatMap((r) => Object.values(r).map((f) => f.extension)));
}

/** The file a document of this format is written to by default: `<base>-<suffix>.<extension>`. */
export function defaultOutputName(
  base: string,
  reporter: Pick<Reporter<unknown, unknown>, "extension">,
  suffix = "report",
): string {
  return `${base}-${suffix}.${reporter.extension}`;
}

/** The options of the roll-up's and the comparison's renderers. */
export interface LangRenderOptions {
  lang: Lang;
}

/** The formats of `netdz aggregate` (the roll-up of many zones); the first is the default. */
export const AGGREGATE_FORMATS = {
  md: {
    extension: "md",
    mediaType: "text/markdown; charset=utf-8",
    binary: false,
    description: MARKDOWN_DESCRIPTION,
    async render(agg, { lang }) {
      const { renderAggregateMarkdown } = await import("./aggregate-markdown.js");
      return renderAggregateMarkdown(agg, { lang });
    },
  },
  json: {
    extension: "json",
    mediaType: "application/json",
    binary: false,
    description: jsonDescription("aggregate"),
    async render(agg, { lang }) {
      const { renderAggregateJson } = await import("./aggregate-json.js");
      return renderAggregateJson(agg, { lang });
    },
  },
  csv: {
    extension: "csv",
    mediaType: "text/csv; charset=utf-8",
    binary: false,
    description: {
      en: "CSV, one row per zone (UTF-8 with BOM, CRLF), for spreadsheets",
      zh: "CSV，每个开发区一行（带 BOM 的 UTF-8，CRLF），供电子表格使用",
    },
    async render(agg, { lang }) {
      const { renderAggregateCsv } = await import("./aggregate-csv.js");
      return renderAggregateCsv(agg, { lang });
    },
  },
  xlsx: {
    extension: "xlsx",
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    binary: true,
    description: {
      en: "Excel workbook: league table, measure matrix, common gaps, regions, files left out",
      zh: "Excel 工作簿：排名表、举措得分矩阵、共性差距、分区域统计、未纳入的文件",
    },
    async render(agg, { lang }) {
      const { renderAggregateXlsx } = await import("./aggregate-xlsx.js");
      return renderAggregateXlsx(agg, { lang });
    },
  },
  html: {
    extension: "html",
    mediaType: "text/html; charset=utf-8",
    binary: false,
    description: {
      en: "HTML, one self-contained page: league table, score-shaded matrix, regions side by side",
      zh: "HTML，单个独立网页：排名表、按得分着色的矩阵、各区域并列对比",
    },
    async render(agg, { lang }) {
      const { renderAggregateHtml } = await import("./aggregate-html.js");
      return renderAggregateHtml(agg, { lang });
    },
  },
} as const satisfies Record<string, Reporter<Aggregate, LangRenderOptions>>;

export type AggregateFormat = keyof typeof AGGREGATE_FORMATS;
export const AGGREGATE_FORMAT_NAMES = formatNames(AGGREGATE_FORMATS);
export const DEFAULT_AGGREGATE_FORMAT: AggregateFormat = "md";

/** The document `netdz diff` writes: what moved between two assessments. */
export interface DiffModel {
  diff: Diff;
  set: MeasureSet;
  oldDate?: string;
  newDate?: string;
}

/** The formats of `netdz diff`; the first is the default. */
export const DIFF_FORMATS = {
  md: {
    extension: "md",
    mediaType: "text/markdown; charset=utf-8",
    binary: false,
    description: MARKDOWN_DESCRIPTION,
    async render({ diff, set, oldDate, newDate }, { lang }) {
      const { renderDiffMarkdown } = await import("./diff-markdown.js");
      return renderDiffMarkdown(diff, set, { lang, oldDate, newDate });
    },
  },
  json: {
    extension: "json",
    mediaType: "application/json",
    binary: false,
    description: jsonDescription("diff"),
    async render({ diff, set, oldDate, newDate }, { lang }) {
      const { renderDiffJson } = await import("./diff-json.js");
      return renderDiffJson(diff, set, { lang, oldDate, newDate });
    },
  },
} as const satisfies Record<string, Reporter<DiffModel, LangRenderOptions>>;

export type DiffFormat = keyof typeof DIFF_FORMATS;
export const DIFF_FORMAT_NAMES = formatNames(DIFF_FORMATS);
export const DEFAULT_DIFF_FORMAT: DiffFormat = "md";
