import path from "node:path";
import { checkAnswers } from "../core/answers-rules.js";
import type { AnswersFile, Diagnostic, MeasureSet } from "../core/model.js";
import { checkSchema } from "../core/schema-check.js";
import { loadValidators } from "../core/validators.js";
import { diagnosticAt, type YamlSource } from "../core/yaml-source.js";
import { DataError } from "../errors.js";
import { availableSets, loadValidSet, measuresRoot, readYamlFile } from "./measure-sets.js";

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
  const diagnostics = [...parsed.diagnostics];
  if (parsed.data === undefined) return { source: parsed, diagnostics };
  diagnostics.push(...checkSchema(parsed, validators.answers));
  if (diagnostics.some((d) => d.severity === "error")) return { source: parsed, diagnostics };
  const answers = normaliseAnswers(parsed.data as AnswersFile);
  const { id, version } = answers.measureSet;
  const root = await measuresRoot(options.measuresDir, options.cwd);
  const sets = await availableSets(root);
  const match = sets.find((s) => s.id === id && s.version === version);
  if (!match) {
    const others = sets.filter((s) => s.id === id).map((s) => s.version);
    diagnostics.push(
      diagnosticAt(
        parsed,
        ["measureSet", "version"],
        "error",
        "answers/set-not-available",
        `the answers are pinned to ${id}@${version}, which is not available` +
          (others.length
            ? ` (available versions: ${others.join(", ")})`
            : ` (no set "${id}" here)`) +
          "; use --measures DIR to point at a folder that has it",
      ),
    );
    return { source: parsed, answers, diagnostics };
  }
  const set = await loadValidSet(match.dir, options.cwd);
  diagnostics.push(...checkAnswers(parsed, answers, set, { strict: options.strict }));
  return { source: parsed, answers, set, diagnostics };
}

/** Fills the optional parts a hand-written file may leave empty (`answers:` with nothing under it). */
export function normaliseAnswers(data: AnswersFile): AnswersFile {
  return { ...data, zone: data.zone ?? {}, answers: data.answers ?? {} };
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
