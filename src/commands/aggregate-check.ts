/**
 * Checking answers files for `netdz aggregate`, as `netdz validate` checks them (YAML, schema,
 * then against the pinned set), each measure set loaded and checked once, and each valid file
 * reduced to its zone summary. Used on the main thread and in the worker threads of a big roll-up.
 */
import { readFileSync } from "node:fs";
import {
  detached,
  summariseZone,
  type LeftOut,
  type Pin,
  type ZoneSummary,
} from "../core/aggregate.js";
import { checkAnswers } from "../core/answers-rules.js";
import { asRecord, asString } from "../core/loose.js";
import type { AnswersFile, Diagnostic, MeasureSet } from "../core/model.js";
import { ANSWERS_FORMAT } from "../core/model.js";
import { checkSchema, type ValidatorSet } from "../core/schema-check.js";
import { scoreAssessment } from "../core/score.js";
import { diagnosticAt, parseYamlSource, type YamlSource } from "../core/yaml-source.js";
import { normaliseAnswers } from "../fs/answers-loader.js";
import {
  describeFsError,
  displayPath,
  loadSetFolder,
  withoutRepeatsOf,
  type AvailableSet,
} from "../fs/measure-sets.js";

/** A `format:` line of its own, as hand-written and generated netdz files have it. */
const FORMAT_LINE = /^format:\s*["']?(netdz-[a-z-]+\/\d+)["']?\s*(?:#.*)?$/m;

export interface Checked {
  problem?: LeftOut;
  pin?: Pin;
  zone?: ZoneSummary;
  /** Whether the file is an answers file (valid or not); other YAML met in a folder is not. */
  answersFile: boolean;
}

const NOT_ANSWERS: Checked = { answersFile: false };

export interface CheckerContext {
  validators: ValidatorSet;
  available: readonly AvailableSet[];
  cwd: string;
  named: ReadonlySet<string>;
}

/**
 * Checks answers files as `netdz validate` does (YAML, schema, then against the pinned set),
 * loading and checking each measure set once, and reduces each valid file to its zone summary.
 */
export class AnswersChecker {
  private readonly sets = new Map<string, Promise<MeasureSet | undefined>>();

  constructor(private readonly ctx: CheckerContext) {}

  async check(absolute: string): Promise<Checked> {
    const { ctx } = this;
    const file = displayPath(absolute, ctx.cwd);
    const named = ctx.named.has(absolute);
    let text: string;
    try {
      text = readFileSync(absolute, "utf8");
    } catch (error) {
      return {
        answersFile: true,
        problem: invalid(file, 1, 1, "file/unreadable", `cannot read: ${describeFsError(error)}`),
      };
    }
    const declared = FORMAT_LINE.exec(text)?.[1];
    // Another netdz file met while searching a folder (a measure file, a set.yaml): not ours.
    if (!named && declared !== undefined && declared !== ANSWERS_FORMAT) return NOT_ANSWERS;
    const source = parseYamlSource(file, text);
    const format = asString(asRecord(source.data).format);
    if (!named && declared === undefined && format !== ANSWERS_FORMAT) return NOT_ANSWERS;
    const result = (checked: Omit<Checked, "answersFile">): Checked => ({
      answersFile: true,
      ...checked,
    });
    if (source.data === undefined)
      return result({ problem: firstProblem(file, source.diagnostics) });
    if (format !== ANSWERS_FORMAT) {
      return result({
        problem: fromDiagnostic(
          diagnosticAt(
            source,
            format === undefined ? [] : ["format"],
            "error",
            "answers/not-answers-file",
            `not an answers file (its format is ${format ?? "not given"}; expected ${ANSWERS_FORMAT})`,
          ),
        ),
      });
    }
    const fileProblems = [...source.diagnostics, ...checkSchema(source, ctx.validators.answers)];
    const pinned = asRecord(asRecord(source.data).measureSet);
    const id = asString(pinned.id);
    const version = asString(pinned.version);
    if (id === undefined || version === undefined) {
      return result({ problem: firstProblem(file, fileProblems) });
    }
    const match = ctx.available.find((s) => s.id === id && s.version === version);
    if (!match) {
      return result({
        problem: firstProblem(file, [
          ...fileProblems,
          notAvailable(source, id, version, ctx.available),
        ]),
      });
    }
    const pin: Pin = detached({ file, id, version });
    const set = await this.loadSet(match);
    if (!set) {
      return result({
        pin,
        problem: invalid(
          file,
          1,
          1,
          "answers/set-invalid",
          `its measure set ${id}@${version} is invalid; run \`netdz validate ${displayPath(match.dir, ctx.cwd)}\``,
        ),
      });
    }
    const against = checkAnswers(source, source.data, set);
    const diagnostics = [...fileProblems, ...withoutRepeatsOf(against, fileProblems)];
    if (diagnostics.some((d) => d.severity === "error")) {
      return result({ pin, problem: firstProblem(file, diagnostics) });
    }
    const answers = normaliseAnswers(source.data as AnswersFile);
    const zone = summariseZone({ file, answers, assessment: scoreAssessment(set, answers) });
    return result({ pin, zone });
  }

  /** The set of an id and version, loaded once (undefined when it is invalid or not there). */
  setOf(id: string, version: string): Promise<MeasureSet | undefined> {
    const match = this.ctx.available.find((s) => s.id === id && s.version === version);
    return match ? this.loadSet(match) : Promise.resolve(undefined);
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
