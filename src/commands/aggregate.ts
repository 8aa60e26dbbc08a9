import { readdirSync, readFileSync, statSync } from "node:fs";
import { realpath } from "node:fs/promises";
import path from "node:path";
import {
  aggregate as buildAggregate,
  chooseSetVersion,
  detached,
  DEFAULT_BOTTOM,
  DEFAULT_MIN_COMPLETENESS,
  incompatiblePins,
  summariseZone,
  type Aggregate,
  type LeftOut,
  type Pin,
  type ZoneSummary,
} from "../core/aggregate.js";
import { checkAnswers } from "../core/answers-rules.js";
import { asRecord, asString } from "../core/loose.js";
import type { AnswersFile, Diagnostic, Lang, MeasureSet } from "../core/model.js";
import { ANSWERS_FORMAT } from "../core/model.js";
import { checkSchema, type ValidatorSet } from "../core/schema-check.js";
import { reportDate, scoreAssessment } from "../core/score.js";
import { loadValidators } from "../core/validators.js";
import { diagnosticAt, parseYamlSource, type YamlSource } from "../core/yaml-source.js";
import { EXIT, UsageError } from "../errors.js";
import { normaliseAnswers } from "../fs/answers-loader.js";
import {
  availableSets,
  describeFsError,
  displayPath,
  loadSetFolder,
  measuresRoot,
  withoutRepeatsOf,
  type AvailableSet,
} from "../fs/measure-sets.js";
import { aggregateMessages, type AggregateMessages } from "../i18n/aggregate-messages.js";
import { writeFileAtomic } from "../fs/atomic-write.js";
import type { Io } from "../io.js";
import { leftOutPlace, leftOutReason } from "../render/aggregate-markdown.js";
import { sourceDateEpoch } from "./report.js";

export const AGGREGATE_FORMATS = ["md", "json", "csv", "xlsx"] as const;
export type AggregateFormat = (typeof AGGREGATE_FORMATS)[number];

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

export const AGGREGATE_DEFAULTS = {
  format: "md",
  minCompleteness: DEFAULT_MIN_COMPLETENESS,
  bottom: DEFAULT_BOTTOM,
} as const;

/** Progress is drawn on a terminal only when there are more files than this. */
const PROGRESS_THRESHOLD = 300;

/** `netdz aggregate`: the roll-up of many answers files; 1 when a file was left out. */
export async function aggregate(opts: AggregateCommandOptions, io: Io): Promise<number> {
  checkOptions(opts);
  const m = aggregateMessages(opts.lang);
  if (opts.format === "xlsx" && opts.out === undefined && io.stdout.isTTY) {
    throw new UsageError(m.command.binaryToTerminal);
  }
  const epoch = sourceDateEpoch(io.env);
  const root = await measuresRoot(opts.measures, io.cwd);
  const found = collectFiles(opts.paths.length > 0 ? opts.paths : ["."], io.cwd);
  const checker = new AnswersChecker({
    validators: await loadValidators(),
    available: await availableSets(root),
    cwd: io.cwd,
    named: found.named,
  });
  const progress = progressBar(io, found.files.length);
  const leftOut: LeftOut[] = [];
  const groups = new Map<string, Group>();
  for (const [i, file] of found.files.entries()) {
    progress(i);
    const checked = await checker.check(file);
    if (checked.problem) {
      leftOut.push(checked.problem);
      continue;
    }
    if (!checked.pin) continue;
    const key = `${checked.pin.id}@${checked.pin.version}`;
    const group = groups.get(key) ?? { pins: [], zones: [] };
    groups.set(key, group);
    group.pins.push(checked.pin);
    if (checked.set) group.set = checked.set;
    if (checked.zone && checked.answers) {
      group.zones.push(checked.zone);
      const newest = group.newest?.answeredAt ?? Number.NEGATIVE_INFINITY;
      if ((checked.zone.answeredAt ?? Number.NEGATIVE_INFINITY) > newest) {
        group.newest = { answeredAt: checked.zone.answeredAt, answers: checked.answers };
      }
    }
  }
  progress(found.files.length);

  const pins = [...groups.values()].flatMap((g) => g.pins);
  const chosen = chooseSetVersion(pins);
  const group = chosen && groups.get(`${chosen.id}@${chosen.version}`);
  if (!chosen || !group?.set) {
    printLeftOut(leftOut, undefined, io, m);
    throw new UsageError(
      checker.answersFiles === 0 && leftOut.length === 0
        ? m.command.noFiles(describeWhere(opts.paths))
        : m.command.noUsable,
    );
  }
  // Files of the chosen version that failed their checks are already in leftOut.
  const others = pins.filter((p) => p.id !== chosen.id || p.version !== chosen.version);
  leftOut.push(...incompatiblePins(others, chosen));
  if (group.zones.length === 0) {
    printLeftOut(leftOut, undefined, io, m);
    throw new UsageError(m.command.noUsable);
  }
  const agg = buildAggregate(group.set, group.zones, leftOut, {
    minCompleteness: opts.minCompleteness,
    bottom: opts.bottom,
  });
  // The file answered last is never superseded (it is the newest of its own zone), so it dates
  // the roll-up as `netdz report` would date it.
  const date = reportDate(group.newest?.answers ?? EMPTY_ANSWERS, epoch);
  if (date !== undefined) agg.options.date = date;
  const output = await renderAggregate(agg, opts.format, opts.lang);
  await writeOutput(output, {
    out: opts.out,
    io,
    inputs: found.files,
    command: "aggregate",
    wrote: m.command.wrote,
  });
  printLeftOut(agg.leftOut, agg, io, m);
  return agg.leftOut.length > 0 ? EXIT.invalid : EXIT.ok;
}

const EMPTY_ANSWERS = {} as AnswersFile;

/** The files of one set id and version: their pins, zones, set, and the file answered last. */
interface Group {
  pins: Pin[];
  zones: ZoneSummary[];
  set?: MeasureSet;
  newest?: { answeredAt: number | null; answers: AnswersFile };
}

/** Renders the roll-up in a format; the xlsx writer is loaded only when asked for. */
export async function renderAggregate(
  agg: Aggregate,
  format: AggregateFormat,
  lang: Lang,
): Promise<string | Uint8Array> {
  switch (format) {
    case "json":
      return (await import("../render/aggregate-json.js")).renderAggregateJson(agg, { lang });
    case "csv":
      return (await import("../render/aggregate-csv.js")).renderAggregateCsv(agg, { lang });
    case "xlsx":
      return (await import("../render/aggregate-xlsx.js")).renderAggregateXlsx(agg, { lang });
    default:
      return (await import("../render/aggregate-markdown.js")).renderAggregateMarkdown(agg, {
        lang,
      });
  }
}

function checkOptions(opts: AggregateCommandOptions): void {
  if (!(AGGREGATE_FORMATS as readonly string[]).includes(opts.format)) {
    throw new UsageError(
      `unknown format "${String(opts.format)}" (choose ${AGGREGATE_FORMATS.join(", ")})`,
    );
  }
  if (
    !Number.isFinite(opts.minCompleteness) ||
    opts.minCompleteness < 0 ||
    opts.minCompleteness > 100
  ) {
    throw new UsageError(
      `--min-completeness must be a percentage from 0 to 100, not "${opts.minCompleteness}"`,
    );
  }
  if (!Number.isInteger(opts.bottom) || opts.bottom < 0) {
    throw new UsageError(`--bottom must be a whole number of 0 or more, not "${opts.bottom}"`);
  }
}

function describeWhere(paths: readonly string[]): string {
  return paths.length === 0 ? "." : paths.join(", ");
}

/** Tells on standard error which files were left out, one line each (`file:line:col  reason`). */
function printLeftOut(
  leftOut: readonly LeftOut[],
  agg: Aggregate | undefined,
  io: Io,
  m: AggregateMessages,
): void {
  for (const entry of leftOut) {
    const reason =
      agg === undefined && entry.reason.kind !== "invalid"
        ? entry.reason.kind
        : leftOutReason(entry, agg as Aggregate, m);
    io.stderr.write(`${leftOutPlace(entry)}  ${reason}\n`);
  }
  if (agg && leftOut.length > 0) {
    io.stderr.write(`netdz aggregate: ${m.command.leftOut(leftOut.length)}\n`);
  }
}

export interface OutputTarget {
  out?: string;
  io: Io;
  /** Absolute paths of the inputs, which --out must not name. */
  inputs: readonly string[];
  command: string;
  wrote(path: string): string;
}

/** Writes text or bytes to standard output, or atomically to --out (never over an input). */
export async function writeOutput(
  output: string | Uint8Array,
  target: OutputTarget,
): Promise<void> {
  const { io, out } = target;
  if (out === undefined) {
    await new Promise<void>((resolve, reject) => {
      io.stdout.write(output, (error) => (error ? reject(error) : resolve()));
    });
    return;
  }
  const file = path.resolve(io.cwd, out);
  const real = (p: string) => realpath(p).catch(() => p);
  const resolvedTarget = await real(file);
  const inputs = new Set(target.inputs);
  if (inputs.has(file) || (resolvedTarget !== file && inputs.has(resolvedTarget))) {
    throw new UsageError(`--out ${out} is one of the input files; choose another file`);
  }
  await writeFileAtomic(file, output).catch((error: unknown) => {
    throw new UsageError(`cannot write ${out}: ${describeFsError(error)}`, { cause: error });
  });
  io.stderr.write(`netdz ${target.command}: ${target.wrote(out)}\n`);
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
function collectFiles(paths: readonly string[], cwd: string): Found {
  const files = new Set<string>();
  const named = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = statSync(absolute, { throwIfNoEntry: false });
    if (!info) throw new UsageError(`cannot read ${given}: no such file or folder`);
    if (info.isDirectory()) {
      for (const file of walk(absolute)) files.add(file);
    } else {
      files.add(absolute);
      named.add(absolute);
    }
  }
  return { files: [...files].sort(), named };
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
      } else if (YAML_FILE.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) {
        out.push(full);
      }
    }
  };
  visit(root);
  return out;
}

/** A `format:` line of its own, as hand-written and generated netdz files have it. */
const FORMAT_LINE = /^format:\s*["']?(netdz-[a-z-]+\/\d+)["']?\s*(?:#.*)?$/m;

interface Checked {
  problem?: LeftOut;
  pin?: Pin;
  zone?: ZoneSummary;
  answers?: AnswersFile;
  set?: MeasureSet;
}

interface CheckerContext {
  validators: ValidatorSet;
  available: readonly AvailableSet[];
  cwd: string;
  named: ReadonlySet<string>;
}

/**
 * Checks answers files as `netdz validate` does (YAML, schema, then against the pinned set),
 * loading and checking each measure set once, and reduces each valid file to its zone summary.
 */
class AnswersChecker {
  private readonly sets = new Map<string, Promise<MeasureSet | undefined>>();
  /** Files read that are answers files (valid or not). */
  answersFiles = 0;

  constructor(private readonly ctx: CheckerContext) {}

  async check(absolute: string): Promise<Checked> {
    const { ctx } = this;
    const file = displayPath(absolute, ctx.cwd);
    const named = ctx.named.has(absolute);
    let text: string;
    try {
      text = readFileSync(absolute, "utf8");
    } catch (error) {
      this.answersFiles++;
      return {
        problem: invalid(file, 1, 1, "file/unreadable", `cannot read: ${describeFsError(error)}`),
      };
    }
    const declared = FORMAT_LINE.exec(text)?.[1];
    // Another netdz file met while searching a folder (a measure file, a set.yaml): not ours.
    if (!named && declared !== undefined && declared !== ANSWERS_FORMAT) return {};
    const source = parseYamlSource(file, text);
    const format = asString(asRecord(source.data).format);
    if (!named && declared === undefined && format !== ANSWERS_FORMAT) return {};
    this.answersFiles++;
    if (source.data === undefined) return { problem: firstProblem(file, source.diagnostics) };
    if (format !== ANSWERS_FORMAT) {
      return {
        problem: fromDiagnostic(
          diagnosticAt(
            source,
            format === undefined ? [] : ["format"],
            "error",
            "answers/not-answers-file",
            `not an answers file (its format is ${format ?? "not given"}; expected ${ANSWERS_FORMAT})`,
          ),
        ),
      };
    }
    const fileProblems = [...source.diagnostics, ...checkSchema(source, ctx.validators.answers)];
    const pinned = asRecord(asRecord(source.data).measureSet);
    const id = asString(pinned.id);
    const version = asString(pinned.version);
    if (id === undefined || version === undefined) {
      return { problem: firstProblem(file, fileProblems) };
    }
    const match = ctx.available.find((s) => s.id === id && s.version === version);
    if (!match) {
      return {
        problem: firstProblem(file, [
          ...fileProblems,
          notAvailable(source, id, version, ctx.available),
        ]),
      };
    }
    const pin: Pin = detached({ file, id, version });
    const set = await this.loadSet(match);
    if (!set) {
      return {
        pin,
        problem: invalid(
          file,
          1,
          1,
          "answers/set-invalid",
          `its measure set ${id}@${version} is invalid; run \`netdz validate ${displayPath(match.dir, ctx.cwd)}\``,
        ),
      };
    }
    const against = checkAnswers(source, source.data, set);
    const diagnostics = [...fileProblems, ...withoutRepeatsOf(against, fileProblems)];
    if (diagnostics.some((d) => d.severity === "error")) {
      return { pin, problem: firstProblem(file, diagnostics) };
    }
    const answers = normaliseAnswers(source.data as AnswersFile);
    const zone = summariseZone({ file, answers, assessment: scoreAssessment(set, answers) });
    return { pin, zone, answers, set };
  }

  /** Each set is loaded and checked once, the first time a file needs it. */
  private loadSet(match: AvailableSet): Promise<MeasureSet | undefined> {
    const key = `${match.id}@${match.version}`;
    let loading = this.sets.get(key);
    if (!loading) {
      loading = loadSetFolder(match.dir, this.ctx.cwd).then((loaded) => loaded.set);
      this.sets.set(key, loading);
    }
    return loading;
  }
}

function notAvailable(
  source: YamlSource,
  id: string,
  version: string,
  available: readonly AvailableSet[],
): Diagnostic {
  const others = available.filter((s) => s.id === id).map((s) => s.version);
  return diagnosticAt(
    source,
    ["measureSet", "version"],
    "error",
    "answers/set-not-available",
    `the answers are pinned to ${id}@${version}, which is not available` +
      (others.length ? ` (available versions: ${others.join(", ")})` : ` (no set "${id}" here)`) +
      "; use --measures DIR to point at a folder that has it",
  );
}

function invalid(
  file: string,
  line: number,
  column: number,
  code: string,
  message: string,
): LeftOut {
  return { file, line, column, reason: { kind: "invalid", code, message } };
}

function fromDiagnostic(d: Diagnostic): LeftOut {
  return invalid(d.file, d.line, d.column, d.code, d.message);
}

/** The first error by position: a file left out is listed with it. */
function firstProblem(file: string, diagnostics: readonly Diagnostic[]): LeftOut {
  const errors = diagnostics
    .filter((d) => d.severity === "error")
    .sort((a, b) => a.line - b.line || a.column - b.column);
  const first = errors[0];
  return first
    ? fromDiagnostic(first)
    : invalid(file, 1, 1, "answers/invalid", "invalid answers file");
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
