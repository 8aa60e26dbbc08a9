import { realpath } from "node:fs/promises";
import path from "node:path";
import type { AnswersFile, Lang, MeasureSet } from "../core/model.js";
import { reportDate, scoreAssessment, type Assessment } from "../core/score.js";
import { EXIT, UsageError } from "../errors.js";
import { loadAnswersWithSet } from "../fs/answers-loader.js";
import { writeFileAtomic } from "../fs/atomic-write.js";
import { isStandardOutput } from "../fs/output.js";
import { DECLARED_NOT_APPLICABLE_REFUSE } from "../core/answer.js";
import { trustMessages } from "../i18n/report-trust-messages.js";
import { reportMessages } from "../i18n/report-messages.js";
import type { Io } from "../io.js";
import { renderJson } from "../render/report-json.js";
import { renderMarkdown } from "../render/report-markdown.js";

export interface ReportOptions {
  /** Path of the answers file. */
  answers: string;
  format: "md" | "json";
  /** Write here (atomically) instead of stdout. */
  out?: string;
  lang: "en" | "zh";
  /** Exit 1 when the overall score is below this. */
  failUnder?: number;
  /** Gaps listed in the Markdown report. */
  top: number;
  /** A folder of measure sets instead of the bundled ones. */
  measures?: string;
}

/** `netdz report`: scores an answers file and writes the report; 1 when below --fail-under. */
export async function report(opts: ReportOptions, io: Io): Promise<number> {
  checkOptions(opts);
  const epoch = sourceDateEpoch(io.env);
  const { answers, set, diagnostics } = await loadAnswersWithSet(opts.answers, {
    cwd: io.cwd,
    measuresDir: opts.measures,
    lang: opts.lang,
  });
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  if (warnings > 0) {
    io.stderr.write(
      `netdz report: ${reportMessages(opts.lang).command.warnings(warnings, opts.answers)}\n`,
    );
  }
  const assessment = scoreAssessment(set, answers);
  const text = renderReport(assessment, set, answers, opts, reportDate(answers, epoch));
  const m = reportMessages(opts.lang);
  if (opts.out === undefined || isStandardOutput(opts.out, io.cwd)) {
    await writeStream(io.stdout, text);
  } else {
    const target = path.resolve(io.cwd, opts.out);
    const real = (file: string) => realpath(file).catch(() => file);
    if ((await real(path.resolve(io.cwd, opts.answers))) === (await real(target))) {
      throw new UsageError(
        `--out ${opts.out} is the answers file itself; choose another file for the report`,
      );
    }
    await writeFileAtomic(target, text, { lang: opts.lang, shown: opts.out });
    io.stderr.write(`netdz report: ${m.command.wrote(opts.out)}\n`);
  }
  return thresholdExitCode(assessment, opts.failUnder, opts.lang, io);
}

/** Renders the report in the requested format. */
export function renderReport(
  assessment: Assessment,
  set: MeasureSet,
  answers: AnswersFile,
  opts: Pick<ReportOptions, "format" | "lang" | "top">,
  date: string | undefined,
): string {
  const lang: Lang = opts.lang;
  return opts.format === "json"
    ? renderJson(assessment, set, answers, { lang, date })
    : renderMarkdown(assessment, set, answers, { lang, top: opts.top, date });
}

function checkOptions(opts: ReportOptions): void {
  if (opts.format !== "md" && opts.format !== "json") {
    throw new UsageError(`unknown format "${String(opts.format)}" (choose md or json)`);
  }
  if (opts.lang !== "en" && opts.lang !== "zh") {
    throw new UsageError(`unknown language "${String(opts.lang)}" (choose en or zh)`);
  }
  if (!Number.isInteger(opts.top) || opts.top < 0) {
    throw new UsageError(`--top must be a whole number of 0 or more, not "${opts.top}"`);
  }
  if (opts.failUnder !== undefined && !Number.isFinite(opts.failUnder)) {
    throw new UsageError(`--fail-under must be a number, not "${opts.failUnder}"`);
  }
}

/** SOURCE_DATE_EPOCH as whole seconds, or undefined when unset or empty. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (raw === undefined || raw === "") return undefined;
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(seconds) || seconds > 8_640_000_000_000) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${raw}"`);
  }
  return seconds;
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
  if (score === null) {
    io.stderr.write(`netdz report: ${m.command.noScore(String(failUnder))}\n`);
    return EXIT.invalid;
  }
  const declared = assessment.overall.declaredNotApplicableShare;
  if (declared !== null && declared > DECLARED_NOT_APPLICABLE_REFUSE) {
    const shown = `${(declared * 100).toFixed(1)}%`;
    io.stderr.write(`netdz report: ${trustMessages(lang).refused(shown)}\n`);
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
  for (let digits = 1; digits <= 6; digits++) {
    const shown = score.toFixed(digits);
    if (Number(shown) < threshold) return shown;
  }
  return String(score);
}

function writeStream(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
