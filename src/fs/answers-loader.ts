/** Answers files read through the workspace: each measure set is loaded and checked once. */
import type { AnswersFile, Diagnostic, Lang, MeasureSet } from "../core/model.js";
import type { YamlSource } from "../core/yaml-source.js";
import { workspace, type AnswersCheck } from "./workspace.js";

export { normaliseAnswers, type AnswersCheck } from "./workspace.js";

interface LoadOptions {
  cwd: string;
  measuresDir?: string;
  strict?: boolean;
  lang?: Lang;
}

/**
 * Reads an answers file and checks it: YAML, schema, then against the measure set it is pinned
 * to (found under --measures DIR or among the bundled sets). Never throws for invalid content.
 */
export async function checkAnswersFile(
  file: string,
  options: LoadOptions,
  source?: YamlSource,
): Promise<AnswersCheck> {
  return workspace(options).checkAnswers(file, { strict: options.strict, source });
}

/** Loads an answers file and its set for a command that needs both; throws DataError when invalid. */
export async function loadAnswersWithSet(
  file: string,
  options: LoadOptions,
): Promise<{ answers: AnswersFile; set: MeasureSet; diagnostics: Diagnostic[] }> {
  return workspace(options).loadAnswers(file, { strict: options.strict });
}
