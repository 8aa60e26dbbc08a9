/**
 * `netdz aggregate`: the options are checked and the files found first, and from many files on
 * the workers that check them beside the main thread are started at once, so that they load
 * while the main thread loads the rest of the command (aggregate-roll-up.ts).
 */
import { isBottom, isMinCompleteness } from "../core/aggregate.js";
import type { Lang } from "../core/model.js";
import { UsageError } from "../errors.js";
import { writesToTerminal } from "../fs/output.js";
import { aggregateMessages, type AggregateMessages } from "../i18n/aggregate-messages.js";
import type { Io } from "../io.js";
import {
  AGGREGATE_FORMAT_NAMES,
  AGGREGATE_FORMATS,
  isFormat,
  type AggregateFormat,
} from "../render/reporters.js";
import { collectFiles } from "./aggregate-files.js";
import { forcedWorkers, startWorkers, stopWorkers, workerCount } from "./aggregate-pool.js";
import { sourceDateEpoch } from "./source-date-epoch.js";
import { refuseEmptyPaths } from "./path-arguments.js";

export interface AggregateCommandOptions {
  /** Answers files and folders (searched recursively); none → the current folder. */
  paths: string[];
  format: AggregateFormat;
  out?: string;
  lang: Lang;
  /** Percentage 0–100. */
  minCompleteness: number;
  bottom: number;
  measures?: string;
}

/** `netdz aggregate`: the roll-up of many answers files; 1 when a file was left out. */
export async function aggregate(opts: AggregateCommandOptions, io: Io): Promise<number> {
  const m = aggregateMessages(opts.lang);
  refuseEmptyPaths(opts.paths, opts.lang);
  checkOptions(opts, m);
  if (AGGREGATE_FORMATS[opts.format].binary && (await writesToTerminal(opts.out, io))) {
    throw new UsageError(m.command.binaryToTerminal);
  }
  sourceDateEpoch(io.env, opts.lang);
  forcedWorkers(io.env, opts.lang);
  const found = collectFiles(opts.paths.length > 0 ? opts.paths : ["."], io.cwd, m);
  const workers = startWorkers(workerCount(found.files.length, io.env), {
    cwd: io.cwd,
    ...(opts.measures === undefined ? {} : { measuresDir: opts.measures }),
    lang: opts.lang,
    named: [...found.named],
  });
  try {
    const { rollUp } = await import("./aggregate-roll-up.js");
    return await rollUp(opts, io, found, workers);
  } finally {
    stopWorkers(workers);
  }
}

function checkOptions(opts: AggregateCommandOptions, m: AggregateMessages): void {
  if (!isFormat(AGGREGATE_FORMATS, opts.format)) {
    throw new UsageError(
      m.command.unknownFormat(String(opts.format), AGGREGATE_FORMAT_NAMES.join(", ")),
    );
  }
  if (!isMinCompleteness(opts.minCompleteness)) {
    throw new UsageError(m.command.minCompleteness(String(opts.minCompleteness)));
  }
  if (!isBottom(opts.bottom)) {
    throw new UsageError(m.command.bottom(String(opts.bottom)));
  }
}
