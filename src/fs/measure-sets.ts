import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { append, newProblems } from "../core/diagnostic-filter.js";
import { declaredFormat, fileKind } from "../core/file-format.js";
import { checkMeasureSet } from "../core/measure-set-rules.js";
import type {
  ChangesFile,
  Diagnostic,
  Lang,
  Measure,
  MeasureSet,
  MeasureSetHeader,
} from "../core/model.js";
import { checkSchema } from "../core/schema-check.js";
import { loadValidators } from "../core/validators.js";
import {
  diagnosticAt,
  failedSource,
  parseYamlSource,
  withText,
  type YamlSource,
} from "../core/yaml-source.js";
import { diagnosticMessage, type DiagnosticText } from "../i18n/diagnostic-messages.js";
import { compareVersions } from "../core/versions.js";
import { UsageError } from "../errors.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { describeFsError } from "./fs-errors.js";
import { readHeadText, readTextFile, UnreadableFileError } from "./read-file.js";

export { describeFsError };
import { extendedSet, loadBase } from "./set-extends.js";
import { checkChangesFile } from "./set-versions.js";

/** The measure sets shipped with netdz (the package's measures/ folder). */
export const BUNDLED_MEASURES_DIR = path.join(PACKAGE_ROOT, "measures");

export const SET_FILE = "set.yaml";
/** What changed from the version before, beside set.yaml (optional). */
export const CHANGES_FILE = "changes.yaml";

/** How a file's path is shown in messages: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)
    ? relative
    : file;
}

/**
 * Reads and parses a YAML file. A file that cannot be opened is a usage error (exit 2); one that
 * is too large, not UTF-8 or has merge-conflict markers is a source with that one problem.
 */
export async function readYamlFile(file: string, cwd: string, lang?: Lang): Promise<YamlSource> {
  return readYamlFileSync(file, cwd, lang);
}

/** Synchronous reads: a CLI reading a few dozen small files gains nothing from the thread pool. */
export function readYamlFileSync(file: string, cwd: string, lang?: Lang): YamlSource {
  const shown = displayPath(file, cwd);
  const read = readTextFile(file, shown, lang);
  if (!read.ok) return failedSource(shown, "", read.problem);
  return parseYamlSource(shown, read.text, lang);
}

/** A file of a set that could not be opened, as a problem of that set (the others are still read). */
function unreadableProblem(error: UnreadableFileError, shown: string): Diagnostic {
  return {
    file: shown,
    line: 1,
    column: 1,
    severity: "error",
    code: "file/unreadable",
    message: error.message,
  };
}

function readOrReport(file: string, cwd: string, lang?: Lang): YamlSource {
  try {
    return readYamlFileSync(file, cwd, lang);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    const shown = displayPath(file, cwd);
    return failedSource(shown, "", unreadableProblem(error, shown));
  }
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
}

/** The measure files of a set folder (every YAML file beside set.yaml), sorted. */
export function measureFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && name !== SET_FILE && name !== CHANGES_FILE)
    .sort();
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
): Promise<LoadedSetFolder> {
  const validators = await loadValidators();
  const found: Diagnostic[] = [];
  const headerSource = readOrReport(path.join(dir, SET_FILE), cwd, lang);
  append(found, headerSource.diagnostics);
  if (headerSource.data !== undefined) {
    append(found, checkSchema(headerSource, validators["measure-set"]));
  }

  const measureFiles = measureFileNames(dir);
  const measures: { source: YamlSource; data: unknown }[] = [];
  let measureCount = 0;
  for (const name of measureFiles) {
    const source = readOrReport(path.join(dir, name), cwd, lang);
    const format = declaredFormat(source.text, source.data);
    // Another YAML file in the folder is one problem, not a measure with every field missing. A
    // file that does not parse is taken for a measure: its own problems are the ones to fix.
    if (source.data !== undefined && !format?.startsWith("netdz-measure/")) {
      found.push(
        diagnosticAt(source, format === undefined ? [] : ["format"], "error", "set/not-a-measure", {
          id: "set/not-a-measure",
          params: { format },
        }),
      );
      continue;
    }
    measureCount++;
    append(found, source.diagnostics);
    if (source.data === undefined) continue;
    append(found, checkSchema(source, validators.measure));
    measures.push({ source, data: source.data });
  }
  const base = await loadBase(
    dir,
    cwd,
    headerSource,
    found,
    [...extendedBy, path.resolve(dir)],
    lang,
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
  if (!diagnostics.some((d) => d.severity === "error")) {
    const header = headerSource.data as MeasureSetHeader;
    const own = measures.map((m) => m.data as Measure).sort((a, b) => a.number - b.number);
    result.set = base ? extendedSet(base, header, own) : { ...header, measures: own };
  }
  const changes = await checkChangesFile(dir, cwd, result.set, measures);
  if (changes) {
    diagnostics.push(...changes.diagnostics);
    if (changes.diagnostics.some((d) => d.severity === "error")) delete result.set;
    else result.changes = changes.data;
  }
  return result;
}

/** What a folder holds, three levels deep at most: measure-set folders and answers files. */
export interface FolderContents {
  /** Folders that hold a set.yaml (not searched further). */
  setFolders: string[];
  /** YAML files outside set folders that declare `format: netdz-answers/1`. */
  answerFiles: string[];
  /** Measure files (`format: netdz-measure/1`) with no set.yaml beside them. */
  strayMeasureFiles: string[];
  /** Every folder read, with its modification time (to tell later whether the scan still holds). */
  visited: Map<string, number>;
}

/** Finds the measure sets and answers files at or below `root`. */
export function scanFolder(root: string): FolderContents {
  const found: FolderContents = {
    setFolders: [],
    answerFiles: [],
    strayMeasureFiles: [],
    visited: new Map(),
  };
  const walk = (dir: string, depth: number): void => {
    let entries;
    try {
      found.visited.set(dir, statSync(dir).mtimeMs);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && e.name === SET_FILE)) {
      found.setFolders.push(dir);
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      const kind = entry.isFile() && /\.ya?ml$/.test(entry.name) ? sniffKind(full) : undefined;
      if (kind === "answers") {
        found.answerFiles.push(full);
      } else if (kind === "measure") {
        found.strayMeasureFiles.push(full);
      } else if (
        depth > 0 &&
        entry.isDirectory() &&
        !entry.name.startsWith(".") &&
        entry.name !== "node_modules"
      ) {
        walk(full, depth - 1);
      }
    }
  };
  walk(root, 3);
  return found;
}

/** The kind of netdz file a YAML file is, from the `format:` line in its head (any encoding). */
function sniffKind(file: string) {
  const head = readHeadText(file);
  return head === undefined ? undefined : fileKind(declaredFormat(head));
}

export interface AvailableSet {
  id: string;
  version: string;
  dir: string;
}

/** The sets in the given set folders, read from their set.yaml headers (not fully validated). */
export function setsIn(setFolders: readonly string[]): AvailableSet[] {
  const sets: AvailableSet[] = [];
  for (const dir of setFolders) {
    try {
      const source = readYamlFileSync(path.join(dir, SET_FILE), dir);
      const data = source.data as Partial<MeasureSetHeader> | undefined;
      if (typeof data?.id === "string" && typeof data.version === "string") {
        sets.push({ id: data.id, version: data.version, dir });
      }
    } catch {
      // An unreadable set.yaml is reported by `netdz validate`, not here.
    }
  }
  return sets.sort((a, b) => a.id.localeCompare(b.id) || compareVersions(b.version, a.version));
}

/** The sets under a measures folder, read from their set.yaml headers (not fully validated). */
export async function availableSets(measuresDir: string): Promise<AvailableSet[]> {
  return setsIn(scanFolder(measuresDir).setFolders);
}

/** The measures folder to use: `--measures DIR` when given, else the bundled one. */
export async function measuresRoot(measuresDir: string | undefined, cwd: string): Promise<string> {
  if (measuresDir === undefined) return BUNDLED_MEASURES_DIR;
  const resolved = path.resolve(cwd, measuresDir);
  let info;
  try {
    info = statSync(resolved);
  } catch (error) {
    throw new UsageError(`--measures ${measuresDir}: ${describeFsError(error)}`, { cause: error });
  }
  if (!info.isDirectory()) throw new UsageError(`--measures ${measuresDir}: not a folder`);
  return resolved;
}
