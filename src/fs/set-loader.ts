/**
 * Loading one measure-set folder: every file read and checked (YAML, schema, the set's own rules),
 * its base set when it extends one, and its changes.yaml against the version before.
 */
import path from "node:path";
import { append, newProblems } from "../core/diagnostic-filter.js";
import { sourceFormat } from "../core/file-format.js";
import { checkMeasureSet } from "../core/measure-set-rules.js";
import type {
  ChangesFile,
  Diagnostic,
  Lang,
  Measure,
  MeasureSet,
  MeasureSetHeader,
} from "../core/model.js";
import { MEASURE_FORMAT } from "../core/model.js";
import { checkSchema } from "../core/schema-check.js";
import { loadValidators } from "../core/validators.js";
import { diagnosticAt, withText, type YamlSource } from "../core/yaml-source.js";
import { diagnosticMessage, type DiagnosticText } from "../i18n/diagnostic-messages.js";
import { checkChangesFile } from "./changes-file.js";
import { measureFileNames, readOrReport, SET_FILE } from "./measure-sets.js";
import { extendedSet, loadBase } from "./set-extends.js";

/**
 * Whether the text of a file that does not parse declares a format other than a measure's (a
 * `format:` line with a name such as `netdz-answers/1`; `format: [` is a YAML error, not one).
 */
function declaresOther(format: string | undefined): boolean {
  return (
    format !== undefined && /^[A-Za-z][\w.-]*\/[\w.-]+$/.test(format) && format !== MEASURE_FORMAT
  );
}

/** `extends:` in its form, from what was written instead (`id@version`, or an example). */
function extendsSuggestion(given: unknown): string {
  const ref = typeof given === "string" ? /^\s*([^@\s]+)@(\S+)\s*$/.exec(given) : null;
  return `{ id: ${ref?.[1] ?? "workplan-2025"}, version: ${ref?.[2] ?? "1.1.0"} }`;
}

export interface LoadedSetFolder {
  dir: string;
  /** Present when every file passed every check (warnings allowed). */
  set?: MeasureSet;
  diagnostics: Diagnostic[];
  /** Number of measure files read. */
  fileCount: number;
  /** The folder's changes.yaml, when it has one and it is valid. */
  changes?: ChangesFile;
  /**
   * The set as its files give it when it is invalid but every file was read and matched its
   * schema (and its base loaded): enough to check the next version's changes.yaml against.
   */
  readable?: MeasureSet;
}

/**
 * Loads one set folder (`<id>/<version>/`), running YAML, schema and semantic checks on every
 * file: a file that cannot be read is one problem, and the other files are still checked.
 */
export async function loadSetFolder(
  dir: string,
  cwd: string,
  lang?: Lang,
  /** The folders of the sets being loaded that (in turn) extend this one. */
  extendedBy: readonly string[] = [],
  /** Loads the folder of the version before (the workspace passes its cache, so it loads once). */
  loadPrevious: (dir: string) => Promise<LoadedSetFolder> = (previousDir) =>
    loadSetFolder(previousDir, cwd, lang),
): Promise<LoadedSetFolder> {
  const validators = await loadValidators();
  const found: Diagnostic[] = [];
  const headerSource = readOrReport(path.join(dir, SET_FILE), cwd, lang);
  append(found, headerSource.diagnostics);
  const hasErrors = (list: readonly Diagnostic[]) => list.some((d) => d.severity === "error");
  /** Whether every file was read and matched its schema (see LoadedSetFolder.readable). */
  let wellFormed = headerSource.data !== undefined && !hasErrors(headerSource.diagnostics);
  /** Whether `extends:` is there but not in its form: its base is then not looked up. */
  let extendsMalformed = false;
  if (headerSource.data !== undefined) {
    let schema = checkSchema(headerSource, validators["measure-set"]);
    if (hasErrors(schema)) wellFormed = false;
    const atExtends = (d: Diagnostic) => {
      const field = (d.text?.params as { field?: { owners: unknown[]; path: string } } | undefined)
        ?.field;
      return field?.owners.length === 0 && /^extends(\.|\[|$)/.test(field.path);
    };
    extendsMalformed = schema.some(atExtends);
    const given = (headerSource.data as { extends?: unknown }).extends;
    if (extendsMalformed && (typeof given !== "object" || given === null || Array.isArray(given))) {
      // Not a mapping at all (`extends: workplan-2025@1.1.0`): one problem, saying the form.
      schema = [
        ...schema.filter((d) => !atExtends(d)),
        diagnosticAt(headerSource, ["extends"], "error", "schema/type", {
          id: "set/extends-form",
          params: { suggestion: extendsSuggestion(given) },
        }),
      ];
    }
    append(found, schema);
  }

  const measureFiles = measureFileNames(dir);
  const measures: { source: YamlSource; data: unknown }[] = [];
  let measureCount = 0;
  for (const name of measureFiles) {
    const source = readOrReport(path.join(dir, name), cwd, lang);
    const format = sourceFormat(source);
    // Another YAML file in the folder is one problem, not a measure with every field missing:
    // only the exact format of a measure file makes a measure (`netdz-measure/2` is a format this
    // netdz does not know). A file that does not parse is taken for a measure unless its text
    // declares another format: its own problems are then the ones to fix.
    if (source.data !== undefined ? format !== MEASURE_FORMAT : declaresOther(format)) {
      found.push(
        diagnosticAt(source, format === undefined ? [] : ["format"], "error", "set/not-a-measure", {
          id: "set/not-a-measure",
          params: { format },
        }),
      );
      wellFormed = false;
      continue;
    }
    measureCount++;
    append(found, source.diagnostics);
    if (source.data === undefined || hasErrors(source.diagnostics)) wellFormed = false;
    if (source.data === undefined) continue;
    const schema = checkSchema(source, validators.measure);
    if (hasErrors(schema)) wellFormed = false;
    append(found, schema);
    measures.push({ source, data: source.data });
  }
  const chain = [...extendedBy, path.resolve(dir)];
  const base = extendsMalformed
    ? undefined
    : await loadBase(dir, cwd, headerSource, found, chain, lang, (baseDir) =>
        loadSetFolder(baseDir, cwd, lang, chain),
      );
  const semantic = checkMeasureSet({
    base,
    folderName: path.basename(dir),
    parentFolderName: path.basename(path.dirname(dir)),
    header:
      headerSource.data === undefined
        ? undefined
        : { source: headerSource, data: headerSource.data },
    measures,
    unreadableMeasures: measureCount - measures.length,
  });
  const noMeasures: DiagnosticText = { id: "set/no-measures", params: {} };
  if (measureCount === 0) {
    semantic.push(
      withText(
        {
          file: headerSource.file,
          line: 1,
          column: 1,
          severity: "error",
          code: "set/no-measures",
          message: diagnosticMessage(noMeasures, "en"),
        },
        noMeasures,
      ),
    );
  }
  const diagnostics = [...found, ...newProblems(semantic, found)];
  const result: LoadedSetFolder = { dir, diagnostics, fileCount: measureCount };
  const named = (headerSource.data as Partial<MeasureSetHeader> | undefined)?.extends;
  let assembled: MeasureSet | undefined;
  if (wellFormed && measureCount > 0 && (base !== undefined || named === undefined)) {
    const header = headerSource.data as MeasureSetHeader;
    const own = measures.map((m) => m.data as Measure).sort((a, b) => a.number - b.number);
    assembled = base ? extendedSet(base, header, own) : { ...header, measures: own };
  }
  if (!hasErrors(diagnostics)) result.set = assembled;
  const changes = await checkChangesFile(
    dir,
    cwd,
    // An invalid version whose files are well formed is still checked against the one before.
    result.set ?? assembled,
    measures,
    async (previousDir) => {
      const previous = await loadPrevious(previousDir);
      return previous.set ?? previous.readable;
    },
    lang,
  );
  if (changes) {
    diagnostics.push(...changes.diagnostics);
    if (hasErrors(changes.diagnostics)) delete result.set;
    else result.changes = changes.data;
  }
  if (!result.set && assembled) result.readable = assembled;
  return result;
}
