import { formatSetRef } from "../core/set-ref.js";
import { realpathSync } from "node:fs";
import path from "node:path";
import { newProblems } from "../core/diagnostic-filter.js";
import { diffAssessments, regressedMeasures } from "../core/diff.js";
import { asRecord, asString } from "../core/loose.js";
import type { Diagnostic, Lang } from "../core/model.js";
import { reportDate, scoreAssessment } from "../core/score.js";
import { DataError, EXIT, UsageError } from "../errors.js";
import { loadAnswersWithSet } from "../fs/answers-loader.js";
import { displayPath, readYamlFile } from "../fs/measure-sets.js";
import { aggregateMessages } from "../i18n/aggregate-messages.js";
import { diffMessages } from "../i18n/diff-messages.js";
import type { Io } from "../io.js";
import {
  defaultOutputName,
  DIFF_FORMAT_NAMES,
  DIFF_FORMATS,
  isFormat,
  type DiffFormat,
} from "../render/reporters.js";
import { workspace } from "../fs/workspace.js";
import { writeOutput } from "../fs/output.js";
import { spellingsFor } from "./aggregate-zones.js";
import { sourceDateEpoch } from "./source-date-epoch.js";
import { refuseEmptyPaths } from "./path-arguments.js";

export interface DiffCommandOptions {
  old: string;
  new: string;
  format: DiffFormat;
  out?: string;
  lang: Lang;
  /** Exit 1 when any measure's score went down. */
  failOnRegression: boolean;
  measures?: string;
}

/** `netdz diff OLD NEW`: what moved between two assessments of the same set and version. */
export async function diff(opts: DiffCommandOptions, io: Io): Promise<number> {
  const m = diffMessages(opts.lang);
  refuseEmptyPaths([opts.old, opts.new], opts.lang);
  if (!isFormat(DIFF_FORMATS, opts.format)) {
    throw new UsageError(m.command.unknownFormat(String(opts.format), DIFF_FORMAT_NAMES));
  }
  const epoch = sourceDateEpoch(io.env, opts.lang);
  const oldPin = await pinOf(opts.old, io.cwd, opts.lang);
  const newPin = await pinOf(opts.new, io.cwd, opts.lang);
  if (oldPin !== undefined && newPin !== undefined && oldPin !== newPin) {
    const [oldShown, newShown] = [displayPath(opts.old, io.cwd), displayPath(opts.new, io.cwd)];
    throw new UsageError(m.command.versionMismatch(oldShown, oldPin, newShown, newPin));
  }
  const options = { cwd: io.cwd, measuresDir: opts.measures, lang: opts.lang };
  const sameFile = isSameFile(opts.old, opts.new, io.cwd);
  const [before, after] = await loadBoth(opts.old, opts.new, sameFile, options, m);
  const set = after.set;
  // One rule for each file's date, wherever it is shown: the date `netdz report FILE` gives it
  // (the UTC day of SOURCE_DATE_EPOCH when set, else the day of its last answer in TZ). Open
  // actions slip against the new file's, the same overdue rule as that report's.
  const oldDate = reportDate(before.answers, epoch, io.env.TZ);
  const newDate = reportDate(after.answers, epoch, io.env.TZ);
  const zones = [before.answers.zone ?? {}, after.answers.zone ?? {}];
  const ws = workspace({ cwd: io.cwd, measuresDir: opts.measures, lang: opts.lang, settled: true });
  const spellings = await spellingsFor(ws, [set.id], zones);
  const result = diffAssessments(
    {
      file: displayPath(opts.old, io.cwd),
      answers: before.answers,
      assessment: scoreAssessment(before.set, before.answers),
      ...dated("reportDate", oldDate),
    },
    {
      file: displayPath(opts.new, io.cwd),
      answers: after.answers,
      assessment: scoreAssessment(set, after.answers),
      ...dated("reportDate", newDate),
    },
    spellings,
    sameFile,
  );
  const model = { diff: result, set, ...dated("oldDate", oldDate), ...dated("newDate", newDate) };
  const output = await DIFF_FORMATS[opts.format].render(model, { lang: opts.lang });
  await writeOutput(output, {
    out: opts.out,
    io,
    inputs: [path.resolve(io.cwd, opts.old), path.resolve(io.cwd, opts.new)],
    command: "diff",
    wrote: m.command.wrote,
    lang: opts.lang,
    outIsInput: aggregateMessages(opts.lang).command.outIsInput,
    fileName: defaultOutputName(path.parse(opts.new).name, DIFF_FORMATS[opts.format], "diff"),
  });
  if (opts.failOnRegression) {
    const down = regressedMeasures(result);
    if (down.length > 0) {
      io.stderr.write(
        `netdz diff: ${m.command.regressed(down.map((x) => x.id).join(m.listSeparator))}\n`,
      );
      return EXIT.invalid;
    }
  }
  return EXIT.ok;
}

type Loaded = Awaited<ReturnType<typeof loadAnswersWithSet>>;

/**
 * Both files loaded and checked as `netdz report` checks each: when either is invalid, the
 * problems of both (each problem once) and one error naming the invalid file or files.
 */
async function loadBoth(
  older: string,
  newer: string,
  sameFile: boolean,
  options: { cwd: string; measuresDir?: string; lang: Lang },
  m: ReturnType<typeof diffMessages>,
): Promise<[Loaded, Loaded]> {
  const results: (Loaded | DataError)[] = [];
  for (const file of sameFile ? [older] : [older, newer]) {
    results.push(
      await loadAnswersWithSet(file, options).catch((error: unknown) => {
        if (error instanceof DataError) return error;
        throw error;
      }),
    );
  }
  const failed = results.flatMap((r, i) => (r instanceof DataError ? [{ error: r, i }] : []));
  if (failed.length > 0) {
    let diagnostics: Diagnostic[] = [];
    for (const { error } of failed)
      diagnostics = [...diagnostics, ...newProblems(error.diagnostics, diagnostics)];
    // Named as their problems name them (the path shown from the current folder).
    const files = failed.map(({ i }) => displayPath(i === 0 ? older : newer, options.cwd));
    throw new DataError(
      m.command.invalid(files),
      diagnostics,
      Math.max(...failed.map(({ error }) => error.exitCode)),
    );
  }
  const [first, second] = results as Loaded[];
  return [first as Loaded, second ?? (first as Loaded)];
}

/** Whether the two paths are one file (the same file reached by two paths included). */
function isSameFile(a: string, b: string, cwd: string): boolean {
  const real = (file: string) => {
    try {
      return realpathSync(path.resolve(cwd, file));
    } catch {
      return path.resolve(cwd, file);
    }
  };
  return real(a) === real(b);
}

function dated<K extends string>(key: K, date: string | undefined): Partial<Record<K, string>> {
  return (date === undefined ? {} : { [key]: date }) as Partial<Record<K, string>>;
}

/** `id@version` a file is pinned to, when it can be read; its other problems are checked later. */
async function pinOf(file: string, cwd: string, lang: Lang): Promise<string | undefined> {
  const source = await readYamlFile(file, cwd, lang);
  const pinned = asRecord(asRecord(source.data).measureSet);
  const id = asString(pinned.id);
  const version = asString(pinned.version);
  return id === undefined || version === undefined ? undefined : formatSetRef({ id, version });
}
