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
import type { AnswersFile, Lang, MeasureSet } from "../core/model.js";
import type { Assessment } from "../core/score.js";

/** What one reporter turns into a document; `Model` is what its kind of document is made of. */
export interface Reporter<Model, Options> {
  /** Without the dot, e.g. `md`. */
  extension: string;
  mediaType: string;
  /** One line for `--help` and the README, in each language. */
  description: Readonly<Record<Lang, string>>;
  render(model: Model, options: Options): Promise<string | Uint8Array>;
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
}

/** The formats of `netdz report`; the first is the default. */
export const REPORT_FORMATS = {
  md: {
    extension: "md",
    mediaType: "text/markdown; charset=utf-8",
    description: {
      en: "Markdown (GitHub-flavoured), for people",
      zh: "Markdown（GitHub 风格），供人阅读",
    },
    async render({ assessment, set, answers, date }, { lang, top }) {
      const { renderMarkdown } = await import("./report-markdown.js");
      return renderMarkdown(assessment, set, answers, { lang, top, date });
    },
  },
  json: {
    extension: "json",
    mediaType: "application/json",
    description: {
      en: "JSON (schemas/report.schema.json), for programs",
      zh: "JSON（schemas/report.schema.json），供程序读取",
    },
    async render({ assessment, set, answers, date }, { lang }) {
      const { renderJson } = await import("./report-json.js");
      return renderJson(assessment, set, answers, { lang, date });
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

/** The file a document of this format is written to by default: `<base>-<suffix>.<extension>`. */
export function defaultOutputName(
  base: string,
  reporter: Pick<Reporter<unknown, unknown>, "extension">,
  suffix = "report",
): string {
  return `${base}-${suffix}.${reporter.extension}`;
}
