import { formatSetRef } from "../core/set-ref.js";
import { realpath } from "node:fs/promises";
import path from "node:path";
import { LANGS, type Lang } from "../core/model.js";
import { reportDate, scoreAssessment, scoreLeftOutByZone, type Assessment } from "../core/score.js";
import { EXIT, UsageError } from "../errors.js";
import { loadAnswersWithSet } from "../fs/answers-loader.js";
import { writeOutput, writesToTerminal } from "../fs/output.js";
import { DECLARED_NOT_APPLICABLE_REFUSE } from "../core/answer.js";
import { trustMessages } from "../i18n/report-trust-messages.js";
import { migrateCommand, newerVersionOf } from "../fs/set-versions.js";
import { migrateMessages } from "../i18n/migrate-messages.js";
import { reportMessages } from "../i18n/report-messages.js";
import type { Io } from "../io.js";
import { isLang } from "../i18n/lang.js";
import { isScore, isTop } from "./report-options.js";
import { sourceDateEpoch } from "./source-date-epoch.js";
import { commandLines } from "./command-lines.js";
import { documentMessages } from "../i18n/document-messages.js";
import {
  defaultOutputName,
  isFormat,
  REPORT_FORMAT_NAMES,
  REPORT_FORMATS,
  type ReportFormat,
  type ReportModel,
  type ReportRenderOptions,
  type RenderServices,
} from "../render/reporters.js";
import { refuseEmptyPaths } from "./path-arguments.js";

export interface ReportOptions {
  /** Path of the answers file. */
  answers: string;
  format: ReportFormat;
  /** Write here (atomically) instead of stdout. */
  out?: string;
  lang: Lang;
  /** Exit 1 when the overall score is below this. */
  failUnder?: number;
  /** Gaps listed in the Markdown report. */
  top: number;
  /** A folder of measure sets instead of the bundled ones. */
  measures?: string;
}

/** `netdz report`: scores an answers file and writes the report; 1 when below --fail-under. */
export async function report(opts: ReportOptions, io: Io): Promise<number> {
  refuseEmptyPaths([opts.answers], opts.lang);
  checkOptions(opts);
  const m = reportMessages(opts.lang);
  const epoch = sourceDateEpoch(io.env, opts.lang);
  const { answers, set, diagnostics } = await loadAnswersWithSet(opts.answers, {
    cwd: io.cwd,
    measuresDir: opts.measures,
    lang: opts.lang,
  });
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  if (warnings > 0) {
    const { validate } = commandLines(opts, io.env);
    io.stderr.write(`netdz report: ${m.command.warnings(warnings, opts.answers, validate)}\n`);
  }
  const newer = await newerVersionOf(answers.measureSet, opts.measures, io.cwd);
  if (newer !== undefined) {
    const command = migrateCommand(opts.answers, opts.measures);
    const note = migrateMessages(opts.lang).newerAvailable(formatSetRef(set), newer, command);
    io.stderr.write(`netdz report: ${note}\n`);
  }
  const reporter = REPORT_FORMATS[opts.format];
  if (reporter.binary && (await writesToTerminal(opts.out, io))) {
    const file = defaultOutputName(path.parse(opts.answers).name, reporter);
    throw new UsageError(documentMessages(opts.lang).binaryToTerminal(opts.format, file));
  }
  const assessment = scoreAssessment(set, answers);
  const model = { assessment, set, answers, date: reportDate(answers, epoch, io.env.TZ) };
  const renderOptions = { ...opts, services: renderServices(opts.lang, io) };
  // A text format is written in pieces as it is made (a huge file's report is never held whole).
  const text =
    "pieces" in reporter
      ? { pieces: await reporter.pieces(model, renderOptions) }
      : await renderReport(model, renderOptions);
  // The answers file by its given and its real path, so no link to it can be written over.
  const input = path.resolve(io.cwd, opts.answers);
  await writeOutput(text, {
    ...(opts.out === undefined ? {} : { out: opts.out }),
    io,
    inputs: [input, await realpath(input).catch(() => input)],
    command: "report",
    lang: opts.lang,
    wrote: m.command.wrote,
    outIsInput: m.command.sameFile,
    fileName: defaultOutputName(path.parse(opts.answers).name, reporter),
  });
  return thresholdExitCode(assessment, opts.failUnder, opts.lang, io);
}

/** The I/O some formats need: chart pictures for Word (fonts), a local browser for PDF. */
export function renderServices(lang: Lang, io: Pick<Io, "env">): RenderServices {
  return {
    async rasterise(svg) {
      const { rasteriseChart } = await import("../fs/chart-images.js");
      return rasteriseChart(svg);
    },
    async printPdf(html, time) {
      const { printHtmlToPdf } = await import("../fs/pdf.js");
      return printHtmlToPdf(html, { lang, env: io.env, time });
    },
  };
}

/** Renders the report in the requested format, through the reporter registry. */
export function renderReport(
  model: ReportModel,
  opts: ReportRenderOptions & { format: ReportFormat },
): Promise<string | Uint8Array> {
  return REPORT_FORMATS[opts.format].render(model, opts);
}

/** The checks the command line makes, repeated for callers that build the options themselves. */
function checkOptions(opts: ReportOptions): void {
  if (!isLang(opts.lang)) {
    throw new UsageError(reportMessages("en").command.badLang(String(opts.lang), LANGS));
  }
  const m = reportMessages(opts.lang).command;
  if (!isFormat(REPORT_FORMATS, opts.format)) {
    throw new UsageError(m.badFormat(String(opts.format), REPORT_FORMAT_NAMES));
  }
  if (!isTop(opts.top)) throw new UsageError(m.badTop(String(opts.top)));
  if (opts.failUnder !== undefined && !isScore(opts.failUnder)) {
    throw new UsageError(m.badFailUnder(String(opts.failUnder)));
  }
}

function thresholdExitCode(
  assessment: Assessment,
  failUnder: number | undefined,
  lang: Lang,
  io: Io,
): number {
  if (failUnder === undefined) return EXIT.ok;
  const m = reportMessages(lang);
  const score = assessment.overall.score;
  // The more-than-half-N/A refusal comes first: with everything declared N/A there is no score
  // either, and the reason is what the zone declared.
  const declared = assessment.overall.declaredNotApplicableShare;
  if (declared !== null && declared > DECLARED_NOT_APPLICABLE_REFUSE) {
    const shown = `${(declared * 100).toFixed(1)}%`;
    io.stderr.write(`netdz report: ${trustMessages(lang).refused(shown)}\n`);
    return EXIT.invalid;
  }
  if (score === null) {
    const why = scoreLeftOutByZone(assessment) ? m.command.noScoreDeclared : m.command.noScore;
    io.stderr.write(`netdz report: ${why(String(failUnder))}\n`);
    return EXIT.invalid;
  }
  if (score < failUnder) {
    io.stderr.write(
      `netdz report: ${m.command.belowThreshold(scoreBelow(score, failUnder), String(failUnder))}\n`,
    );
    return EXIT.invalid;
  }
  return EXIT.ok;
}

/**
 * The score as the report shows it (one decimal), with more decimals only when that rounding
 * would reach the threshold: 84.96 is reported as 84.96 under 85, not as 85.0 or 84.9.
 */
export function scoreBelow(score: number, threshold: number): string {
  // At least as many decimals as the threshold has: 4.20168 against 4.2017 is not "4.2".
  const decimals = /\.(\d+)$/.exec(String(threshold))?.[1]?.length ?? 0;
  for (let digits = Math.max(1, decimals); digits <= Math.max(6, decimals + 2); digits++) {
    const shown = score.toFixed(digits);
    if (Number(shown) < threshold) return shown;
  }
  return String(score);
}
