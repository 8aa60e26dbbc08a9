import path from "node:path";
import { checkAnswers } from "../core/answers-rules.js";
import { asRecord, asString } from "../core/loose.js";
import type { AnswersFile, Diagnostic, MeasureSet } from "../core/model.js";
import { ANSWERS_FORMAT, MEASURE_FORMAT, MEASURE_SET_FORMAT } from "../core/model.js";
import { checkSchema } from "../core/schema-check.js";
import { loadValidators } from "../core/validators.js";
import { diagnosticAt, type YamlSource } from "../core/yaml-source.js";
import { DataError } from "../errors.js";
import {
  availableSets,
  loadValidSet,
  measuresRoot,
  readYamlFile,
  withoutRepeatsOf,
} from "./measure-sets.js";

export interface AnswersCheck {
  source: YamlSource;
  /** Present when the file passed the YAML and schema checks. */
  answers?: AnswersFile;
  set?: MeasureSet;
  diagnostics: Diagnostic[];
}

/**
 * Reads an answers file and checks it: YAML, schema, then against the measure set it is pinned
 * to (found under --measures DIR or among the bundled sets). Never throws for invalid content.
 */
export async function checkAnswersFile(
  file: string,
  options: { cwd: string; measuresDir?: string; strict?: boolean },
  source?: YamlSource,
): Promise<AnswersCheck> {
  const validators = await loadValidators();
  const parsed = source ?? (await readYamlFile(path.resolve(options.cwd, file), options.cwd));
  if (parsed.data === undefined) return { source: parsed, diagnostics: [...parsed.diagnostics] };
  const data = asRecord(parsed.data);
  const format = asString(data.format);
  if (format === MEASURE_SET_FORMAT || format === MEASURE_FORMAT) {
    return { source: parsed, diagnostics: [notAnAnswersFile(parsed, format)] };
  }
  const fileProblems = [...parsed.diagnostics, ...checkSchema(parsed, validators.answers)];
  const valid = !fileProblems.some((d) => d.severity === "error");
  const answers = valid ? normaliseAnswers(parsed.data as AnswersFile) : undefined;
  const pinned = asRecord(data.measureSet);
  const id = asString(pinned.id);
  const version = asString(pinned.version);
  if (id === undefined || version === undefined)
    return { source: parsed, answers, diagnostics: fileProblems };
  const root = await measuresRoot(options.measuresDir, options.cwd);
  const sets = await availableSets(root);
  const match = sets.find((s) => s.id === id && s.version === version);
  if (!match) {
    const others = sets.filter((s) => s.id === id).map((s) => s.version);
    const missing = diagnosticAt(
      parsed,
      ["measureSet", "version"],
      "error",
      "answers/set-not-available",
      `the answers are pinned to ${id}@${version}, which is not available` +
        (others.length ? ` (available versions: ${others.join(", ")})` : ` (no set "${id}" here)`) +
        "; use --measures DIR to point at a folder that has it",
    );
    return { source: parsed, answers, diagnostics: [...fileProblems, missing] };
  }
  const set = await loadValidSet(match.dir, options.cwd);
  const against = checkAnswers(parsed, parsed.data, set, { strict: options.strict });
  return {
    source: parsed,
    answers,
    set,
    diagnostics: [...fileProblems, ...withoutRepeatsOf(against, fileProblems)],
  };
}

function notAnAnswersFile(source: YamlSource, format: string): Diagnostic {
  return diagnosticAt(
    source,
    ["format"],
    "error",
    "answers/not-answers-file",
    `this is a ${format === MEASURE_SET_FORMAT ? "measure set (set.yaml)" : "measure"} file, not an answers file (format ${ANSWERS_FORMAT}); run \`netdz init\` to start one`,
  );
}

/** Fills the optional parts a hand-written file may leave empty (`answers:` with nothing under it). */
export function normaliseAnswers(data: AnswersFile): AnswersFile {
  // An entry left empty (`M01.Q1:`) is unanswered, as if it were not there.
  const answers = Object.fromEntries(
    Object.entries(data.answers ?? {}).filter(([, answer]) => answer !== null),
  );
  return { ...data, zone: data.zone ?? {}, answers };
}

/** Loads an answers file and its set for a command that needs both; throws DataError when invalid. */
export async function loadAnswersWithSet(
  file: string,
  options: { cwd: string; measuresDir?: string; strict?: boolean },
): Promise<{ answers: AnswersFile; set: MeasureSet; diagnostics: Diagnostic[] }> {
  const checked = await checkAnswersFile(file, options);
  const errors = checked.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || !checked.answers || !checked.set) {
    throw new DataError(`${checked.source.file} is invalid`, errors);
  }
  return { answers: checked.answers, set: checked.set, diagnostics: checked.diagnostics };
}
