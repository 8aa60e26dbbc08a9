import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import {
  aggregate as buildAggregate,
  chooseSetVersion,
  incompatiblePins,
  isBottom,
  isMinCompleteness,
  supersedeAcrossVersions,
  type LeftOut,
  type Pin,
  type ZoneSummary,
} from "../core/aggregate.js";
import type { AnswersFile, Lang } from "../core/model.js";
import { reportDate } from "../core/score.js";
import { EXIT, UsageError } from "../errors.js";
import { normaliseAnswers } from "../fs/answers-loader.js";
import { fsReason } from "../fs/fs-errors.js";
import { readYamlFileSync } from "../fs/measure-sets.js";
import { writeOutput, writesToTerminal } from "../fs/output.js";
import { workspace, type Workspace } from "../fs/workspace.js";
import { aggregateMessages, type AggregateMessages } from "../i18n/aggregate-messages.js";
import type { Io } from "../io.js";
import { leftOutPlace, leftOutReason } from "../render/aggregate-markdown.js";
import {
  AGGREGATE_FORMAT_NAMES,
  AGGREGATE_FORMATS,
  isFormat,
  type AggregateFormat,
} from "../render/reporters.js";
import { AnswersChecker, setProblemsOf } from "./aggregate-check.js";
import { checkFiles, workerCount } from "./aggregate-pool.js";
import { migrateAdvice, spellingsFor } from "./aggregate-zones.js";
import { sourceDateEpoch } from "./report.js";

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

/** Progress is drawn on a terminal only when there are more files than this. */
const PROGRESS_THRESHOLD = 300;

/** `netdz aggregate`: the roll-up of many answers files; 1 when a file was left out. */
export async function aggregate(opts: AggregateCommandOptions, io: Io): Promise<number> {
  const m = aggregateMessages(opts.lang);
  checkOptions(opts, m);
  if (AGGREGATE_FORMATS[opts.format].binary && (await writesToTerminal(opts.out, io))) {
    throw new UsageError(m.command.binaryToTerminal);
  }
  const epoch = sourceDateEpoch(io.env, opts.lang);
  const ws = workspace({ cwd: io.cwd, measuresDir: opts.measures, lang: opts.lang, settled: true });
  await ws.root();
  const found = collectFiles(opts.paths.length > 0 ? opts.paths : ["."], io.cwd, m);
  const checker = new AnswersChecker(ws, found.named, opts.lang);
  const results = await checkFiles(
    found.files,
    checker,
    progressBar(io, found.files.length),
    workerCount(found.files.length, io.env),
    {
      cwd: io.cwd,
      ...(opts.measures === undefined ? {} : { measuresDir: opts.measures }),
      lang: opts.lang,
      named: [...found.named],
    },
  );
  const setProblems = setProblemsOf(results);
  // The same zone in files of several versions: superseded before any is left out for version.
  const valid = results.flatMap((r) => (r.pin && r.zone ? [{ pin: r.pin, zone: r.zone }] : []));
  const spellings = await spellingsFor(
    ws,
    valid.map((v) => v.pin.id),
    valid.map((v) => v.zone.zone),
  );
  const across = supersedeAcrossVersions(valid, spellings);
  const leftOut: LeftOut[] = [];
  const groups = new Map<string, Group>();
  for (const checked of results) {
    if (checked.problem) leftOut.push(checked.problem);
    if (!checked.pin || across.files.has(checked.pin.file)) continue;
    const key = `${checked.pin.id}@${checked.pin.version}`;
    const group = groups.get(key) ?? { pins: [], zones: [] };
    groups.set(key, group);
    group.pins.push(checked.pin);
    if (!checked.zone) continue;
    group.zones.push(checked.zone);
    const at = checked.zone.answeredAt ?? Number.NEGATIVE_INFINITY;
    if (at > (group.newest?.answeredAt ?? Number.NEGATIVE_INFINITY)) group.newest = checked.zone;
  }

  const pins = [...groups.values()].flatMap((g) => g.pins);
  const chosen = chooseSetVersion(pins);
  const group = chosen && groups.get(`${chosen.id}@${chosen.version}`);
  const set = chosen && (await setOf(ws, chosen));
  if (!chosen || !group || !set || group.zones.length === 0) {
    if (chosen)
      leftOut.push(
        ...incompatiblePins(
          pins.filter((p) => !sameSet(p, chosen)),
          chosen,
        ),
      );
    printSetProblems(setProblems, io, m);
    printLeftOut(leftOut, chosen, io, m);
    throw new UsageError(
      results.some((r) => r.answersFile)
        ? m.command.noUsable
        : m.command.noFiles(describeWhere(opts.paths)),
    );
  }
  // Files of the chosen version that failed their checks are already in leftOut.
  leftOut.push(
    ...incompatiblePins(
      pins.filter((p) => !sameSet(p, chosen)),
      chosen,
      (pin, version) => migrateAdvice(pin, version, opts.measures),
    ),
  );
  const agg = buildAggregate(
    set,
    group.zones,
    leftOut,
    { minCompleteness: opts.minCompleteness, bottom: opts.bottom },
    { superseded: across.superseded, spellings },
  );
  // The file answered last is never superseded (it is the newest of its own zone), so it dates
  // the roll-up as `netdz report` would date that file.
  const newest = epoch === undefined && group.newest ? readAnswers(group.newest.file, io.cwd) : {};
  const date = reportDate(newest as AnswersFile, epoch, io.env.TZ);
  if (date !== undefined) agg.options.date = date;
  agg.setProblems = [...setProblems.values()];
  const output = await AGGREGATE_FORMATS[opts.format].render(agg, { lang: opts.lang });
  await writeOutput(output, {
    out: opts.out,
    io,
    inputs: found.files,
    command: "aggregate",
    lang: opts.lang,
    ...m.command,
  });
  printSetProblems(setProblems, io, m);
  printLeftOut(agg.leftOut, agg.set, io, m);
  if (agg.leftOut.length > 0) {
    io.stderr.write(`netdz aggregate: ${m.command.leftOut(agg.leftOut.length)}\n`);
  }
  return agg.leftOut.length > 0 ? EXIT.invalid : EXIT.ok;
}

/** The files of one set id and version: their pins, their zones, and the zone answered last. */
interface Group {
  pins: Pin[];
  zones: ZoneSummary[];
  newest?: ZoneSummary;
}

/** The chosen set, loaded once by the workspace; undefined when it is invalid. */
async function setOf(ws: Workspace, chosen: { id: string; version: string }) {
  const found = await ws.find(chosen);
  return found ? (await ws.loadSet(found.dir)).set : undefined;
}

function sameSet(pin: Pin, chosen: { id: string; version: string }): boolean {
  return pin.id === chosen.id && pin.version === chosen.version;
}

/** An answers file already checked, read again for its date. */
function readAnswers(file: string, cwd: string): AnswersFile {
  const source = readYamlFileSync(path.resolve(cwd, file), cwd);
  return normaliseAnswers(source.data as AnswersFile);
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

function describeWhere(paths: readonly string[]): string {
  return paths.length === 0 ? "." : paths.join(", ");
}

/** Tells on standard error, once each, the problems of the invalid measure sets met. */
function printSetProblems(
  setProblems: ReadonlyMap<string, LeftOut>,
  io: Io,
  m: AggregateMessages,
): void {
  for (const entry of setProblems.values()) {
    if (entry.reason.kind !== "invalid") continue;
    const problem = m.parenthetical(entry.reason.message, entry.reason.code);
    io.stderr.write(`${leftOutPlace(entry)}  ${problem}\n`);
  }
}

/** Tells on standard error which files were left out, one line each (`file:line:col  reason`). */
function printLeftOut(
  leftOut: readonly LeftOut[],
  used: { id: string; version: string } | undefined,
  io: Io,
  m: AggregateMessages,
): void {
  for (const entry of leftOut) {
    const reason = leftOutReason(entry, used ?? { id: "", version: "" }, m);
    io.stderr.write(`${leftOutPlace(entry)}  ${reason}\n`);
  }
}

interface Found {
  /** Absolute paths of candidate files, in a stable order. */
  files: string[];
  /** The files named on the command line (checked whatever format they declare). */
  named: Set<string>;
}

const YAML_FILE = /\.ya?ml$/i;

/**
 * The candidate files at the given paths: a file named is taken as it is; a folder is searched
 * recursively for YAML files (hidden folders and node_modules skipped). Whether a found file is
 * an answers file is decided when it is read.
 */
function collectFiles(paths: readonly string[], cwd: string, m: AggregateMessages): Found {
  const files = new Set<string>();
  const named = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = statPath(absolute);
    if (!info) throw new UsageError(m.command.noSuchPath(given));
    if (info !== "unreadable" && info.isDirectory()) {
      for (const file of walk(absolute)) files.add(file);
    } else {
      files.add(absolute);
      named.add(absolute);
    }
  }
  return { files: [...files].sort(), named };
}

/**
 * What a path given on the command line is: undefined when it does not exist, "unreadable" when
 * it cannot be looked at (a loop of links, no permission): such a file is left out and listed,
 * with the reason its reading gives, as an unreadable file found in a folder is.
 */
function statPath(absolute: string) {
  try {
    return statSync(absolute, { throwIfNoEntry: false });
  } catch (error) {
    return fsReason(error) === "notFolder" ? undefined : "unreadable";
  }
}

function walk(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && entry.name !== "node_modules") visit(full);
      } else if (YAML_FILE.test(entry.name)) {
        // Not only regular files: a FIFO or socket named *.yaml is listed as not a regular file.
        out.push(full);
      }
    }
  };
  visit(root);
  return out;
}

/** Draws `[####      ] 120/1000` on standard error when it is a terminal and there are many files. */
function progressBar(io: Io, total: number): (done: number) => void {
  if (!io.stderr.isTTY || total <= PROGRESS_THRESHOLD) return () => undefined;
  const width = 30;
  let shown = -1;
  return (done) => {
    if (done >= total) {
      io.stderr.write("\r\u001b[K");
      return;
    }
    const step = Math.floor((done / total) * width);
    if (step === shown) return;
    shown = step;
    io.stderr.write(`\r[${"#".repeat(step)}${" ".repeat(width - step)}] ${done}/${total}`);
  };
}
