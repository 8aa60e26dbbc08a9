import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { checkMeasureSet } from "../core/measure-set-rules.js";
import type { Diagnostic, Measure, MeasureSet, MeasureSetHeader } from "../core/model.js";
import { checkSchema } from "../core/schema-check.js";
import { loadValidators } from "../core/validators.js";
import { parseYamlSource, type YamlSource } from "../core/yaml-source.js";
import { compareVersions } from "../core/versions.js";
import { DataError, UsageError } from "../errors.js";
import { PACKAGE_ROOT } from "../package-root.js";

/** The measure sets shipped with netdz (the package's measures/ folder). */
export const BUNDLED_MEASURES_DIR = path.join(PACKAGE_ROOT, "measures");

export const SET_FILE = "set.yaml";

/** How a file's path is shown in messages: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)
    ? relative
    : file;
}

/** Reads and parses a YAML file; an unreadable file is a usage error (exit 2). */
export async function readYamlFile(file: string, cwd: string): Promise<YamlSource> {
  let text: string;
  try {
    // Synchronous reads: a CLI reading a few dozen small files gains nothing from the thread pool.
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${displayPath(file, cwd)}: ${describeFsError(error)}`, {
      cause: error,
    });
  }
  return parseYamlSource(displayPath(file, cwd), text);
}

/** A short reason for a failed file operation (no stack, no errno number). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder, not a file";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

export interface LoadedSetFolder {
  dir: string;
  /** Present when every file passed every check (warnings allowed). */
  set?: MeasureSet;
  diagnostics: Diagnostic[];
  /** Number of measure files read. */
  fileCount: number;
}

/** Loads one set folder (`<id>/<version>/`), running YAML, schema and semantic checks. */
export async function loadSetFolder(dir: string, cwd: string): Promise<LoadedSetFolder> {
  const validators = await loadValidators();
  const found: Diagnostic[] = [];
  const headerSource = await readYamlFile(path.join(dir, SET_FILE), cwd);
  found.push(...headerSource.diagnostics);
  if (headerSource.data !== undefined) {
    found.push(...checkSchema(headerSource, validators["measure-set"]));
  }

  const measureFiles = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && name !== SET_FILE)
    .sort();
  const measures: { source: YamlSource; data: unknown }[] = [];
  for (const name of measureFiles) {
    const source = await readYamlFile(path.join(dir, name), cwd);
    found.push(...source.diagnostics);
    if (source.data === undefined) continue;
    found.push(...checkSchema(source, validators.measure));
    measures.push({ source, data: source.data });
  }
  const semantic = checkMeasureSet({
    folderName: path.basename(dir),
    parentFolderName: path.basename(path.dirname(dir)),
    header:
      headerSource.data === undefined
        ? undefined
        : { source: headerSource, data: headerSource.data },
    measures,
    unreadableMeasures: measureFiles.length - measures.length,
  });
  if (measureFiles.length === 0) {
    semantic.push({
      file: headerSource.file,
      line: 1,
      column: 1,
      severity: "error",
      code: "set/no-measures",
      message: "the set's folder holds no measure files (*.yaml beside set.yaml)",
    });
  }
  const diagnostics = [...found, ...withoutRepeatsOf(semantic, found)];
  const result: LoadedSetFolder = { dir, diagnostics, fileCount: measureFiles.length };
  if (!diagnostics.some((d) => d.severity === "error")) {
    const header = headerSource.data as MeasureSetHeader;
    result.set = {
      ...header,
      measures: measures.map((m) => m.data as Measure).sort((a, b) => a.number - b.number),
    };
  }
  return result;
}

/**
 * Drops the consistency problems found at a spot the YAML or schema check already reported:
 * one problem per place, the more basic one first.
 */
export function withoutRepeatsOf(later: Diagnostic[], earlier: Diagnostic[]): Diagnostic[] {
  if (later.length === 0 || earlier.length === 0) return later;
  const taken = new Set(earlier.map((d) => `${d.file}:${d.line}:${d.column}`));
  return later.filter((d) => !taken.has(`${d.file}:${d.line}:${d.column}`));
}

/** What a folder holds, three levels deep at most: measure-set folders and answers files. */
export interface FolderContents {
  /** Folders that hold a set.yaml (not searched further). */
  setFolders: string[];
  /** YAML files outside set folders that declare `format: netdz-answers/1`. */
  answerFiles: string[];
  /** Measure files (`format: netdz-measure/1`) with no set.yaml beside them. */
  strayMeasureFiles: string[];
}

const FORMAT_LINE = /^format:\s*["']?(netdz-[a-z-]+\/\d+)["']?\s*(?:#.*)?$/m;

/** Finds the measure sets and answers files at or below `root`. */
export function scanFolder(root: string): FolderContents {
  const found: FolderContents = { setFolders: [], answerFiles: [], strayMeasureFiles: [] };
  const walk = (dir: string, depth: number): void => {
    let entries;
    try {
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
      const format =
        entry.isFile() && /\.ya?ml$/.test(entry.name) ? declaredFormat(full) : undefined;
      if (format === "netdz-answers/1") {
        found.answerFiles.push(full);
      } else if (format === "netdz-measure/1") {
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

/** The netdz `format` a YAML file declares on a line of its own, if any. */
function declaredFormat(file: string): string | undefined {
  try {
    return FORMAT_LINE.exec(readFileSync(file, "utf8"))?.[1];
  } catch {
    return undefined;
  }
}

export interface AvailableSet {
  id: string;
  version: string;
  dir: string;
}

/** The sets under a measures folder, read from their set.yaml headers (not fully validated). */
export async function availableSets(measuresDir: string): Promise<AvailableSet[]> {
  const sets: AvailableSet[] = [];
  for (const dir of scanFolder(measuresDir).setFolders) {
    try {
      const source = parseYamlSource(dir, readFileSync(path.join(dir, SET_FILE), "utf8"));
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

/** The measures folder to use: `--measures DIR` when given, else the bundled one. */
export async function measuresRoot(measuresDir: string | undefined, cwd: string): Promise<string> {
  if (measuresDir === undefined) return BUNDLED_MEASURES_DIR;
  const resolved = path.resolve(cwd, measuresDir);
  const info = statSync(resolved, { throwIfNoEntry: false });
  if (!info?.isDirectory()) throw new UsageError(`--measures ${measuresDir}: no such folder`);
  return resolved;
}

export interface SetRequest {
  measuresDir?: string;
  /** `id` or `id@version`; default: the only set id there (the newest version). */
  set?: string;
}

/** Finds, loads and validates a measure set; throws a readable error when it cannot. */
export async function resolveMeasureSet(request: SetRequest, cwd: string): Promise<MeasureSet> {
  const root = await measuresRoot(request.measuresDir, cwd);
  const sets = await availableSets(root);
  if (sets.length === 0) {
    throw new UsageError(`no measure sets found in ${displayPath(root, cwd)}`);
  }
  if (request.set !== undefined && !/^[^@\s]+(@[^@\s]+)?$/.test(request.set)) {
    throw new UsageError(
      `--set ${request.set}: expected ID or ID@VERSION, e.g. workplan-2025@1.0.0`,
    );
  }
  const [wantedId, wantedVersion] = (request.set ?? "").split("@");
  const id = wantedId || sets[0]?.id;
  const candidates = sets.filter((s) => s.id === id);
  const listing = sets.map((s) => `${s.id}@${s.version}`).join(", ");
  if (candidates.length === 0)
    throw new UsageError(`measure set "${id}" not found (available: ${listing})`);
  const chosen = wantedVersion
    ? candidates.find((s) => s.version === wantedVersion)
    : candidates[0];
  if (!chosen) {
    throw new UsageError(
      `measure set ${id}@${wantedVersion} is not available (available: ${listing}); use --measures DIR to point at a folder that has it`,
    );
  }
  return loadValidSet(chosen.dir, cwd);
}

/** Loads a set folder and throws DataError (with its diagnostics) unless it is valid. */
export async function loadValidSet(dir: string, cwd: string): Promise<MeasureSet> {
  const loaded = await loadSetFolder(dir, cwd);
  if (!loaded.set) {
    throw new DataError(
      `the measure set in ${displayPath(dir, cwd)} is invalid; run \`netdz validate ${displayPath(dir, cwd)}\``,
      loaded.diagnostics.filter((d) => d.severity === "error"),
    );
  }
  return loaded.set;
}
