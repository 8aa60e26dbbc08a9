/**
 * Versions of a measure set on disk: the changes.yaml beside set.yaml checked against the
 * version it names, the chain of versions a migration walks, and whether a newer version exists.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { checkChanges, readChangeEntries } from "../core/changes-rules.js";
import type {
  ChangesFile,
  Diagnostic,
  Measure,
  MeasureSet,
  MeasureSetHeader,
} from "../core/model.js";
import { checkSchema } from "../core/schema-check.js";
import { loadValidators } from "../core/validators.js";
import { compareVersions } from "../core/versions.js";
import { parseYamlSource, type PathSegment, type YamlSource } from "../core/yaml-source.js";
import { newProblems } from "../core/diagnostic-filter.js";
import { DataError, UsageError } from "../errors.js";
import {
  availableSets,
  CHANGES_FILE,
  displayPath,
  measuresRoot,
  readYamlFile,
  SET_FILE,
} from "./measure-sets.js";
import { workspace } from "./workspace.js";

/**
 * Reads the folder's changes.yaml (if any) and checks it: schema, and against the version it
 * comes from when that version's folder is beside this one.
 */
export async function checkChangesFile(
  dir: string,
  cwd: string,
  set: MeasureSet | undefined,
  measures: { source: YamlSource; data: unknown }[],
): Promise<{ data: ChangesFile; diagnostics: Diagnostic[] } | undefined> {
  const file = path.join(dir, CHANGES_FILE);
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return undefined;
  const validators = await loadValidators();
  const source = await readYamlFile(file, cwd);
  const diagnostics = [...source.diagnostics];
  if (source.data === undefined) return { data: source.data as never, diagnostics };
  diagnostics.push(...checkSchema(source, validators.changes));
  if (!set) return { data: source.data as ChangesFile, diagnostics };
  const from = (source.data as Partial<ChangesFile>).from;
  // Only an older version is looked up, so a chain always ends (a `from:` that is not older is
  // reported by the rules).
  const previousDir =
    typeof from === "string" && compareVersions(from, set.version) < 0
      ? findVersionFolder(path.dirname(dir), set.id, from)
      : undefined;
  const previous = previousDir ? (await workspace({ cwd }).loadSet(previousDir)).set : undefined;
  const locations = new Map<string, { source: YamlSource; path: PathSegment[] }>();
  for (const { source: measureSource, data } of measures) {
    (data as Partial<Measure>).questions?.forEach((q, index) =>
      locations.set(q.id, { source: measureSource, path: ["questions", index, "id"] }),
    );
  }
  const rules = checkChanges({
    source,
    data: source.data,
    previous,
    current: set,
    retiredEarlier: previousDir ? retiredBefore(previousDir, set.id) : new Map(),
    locateQuestion: (id) => locations.get(id),
  });
  diagnostics.push(...newProblems(rules, diagnostics));
  return { data: source.data as ChangesFile, diagnostics };
}

/** The folder beside the others under `parent` that holds version `version` of set `id`. */
export function findVersionFolder(parent: string, id: string, version: string): string | undefined {
  const direct = path.join(parent, version);
  const candidates = [direct, ...safeReaddir(parent).map((name) => path.join(parent, name))];
  for (const candidate of candidates) {
    const header = readHeaderQuietly(candidate);
    if (header?.id === id && header.version === version) return candidate;
  }
  return undefined;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function readHeaderQuietly(dir: string): Partial<MeasureSetHeader> | undefined {
  try {
    const text = readFileSync(path.join(dir, SET_FILE), "utf8");
    return parseYamlSource(dir, text).data as Partial<MeasureSetHeader> | undefined;
  } catch {
    return undefined;
  }
}

/** Question ids retired by the changes files of `dir` and the versions before it (id → version). */
function retiredBefore(dir: string, id: string): Map<string, string> {
  const retired = new Map<string, string>();
  const visited = new Set<string>();
  let current: string | undefined = dir;
  while (current && !visited.has(current)) {
    visited.add(current);
    const version = readHeaderQuietly(current)?.version;
    let data: unknown;
    try {
      data = parseYamlSource(current, readFileSync(path.join(current, CHANGES_FILE), "utf8")).data;
    } catch {
      break;
    }
    for (const { entry } of readChangeEntries(data)) {
      if ("retire" in entry && version) retired.set(entry.retire.id, version);
    }
    const from = (data as Partial<ChangesFile> | undefined)?.from;
    current =
      typeof from === "string" ? findVersionFolder(path.dirname(current), id, from) : undefined;
  }
  return retired;
}

/** The version steps from one version of a set to a later one, each with its folder loaded. */
export interface VersionStepFolders {
  from: MeasureSet;
  to: MeasureSet;
  changes: ChangesFile | undefined;
}

/**
 * The steps from `fromVersion` to `toVersion` of set `id` under `root`: each version's
 * changes.yaml names the version before it; a version without changes.yaml follows the next
 * older version available. Throws a UsageError when no chain leads back.
 */
export async function versionSteps(
  root: string,
  id: string,
  fromVersion: string,
  toVersion: string,
  cwd: string,
): Promise<VersionStepFolders[]> {
  const versions = (await availableSets(root)).filter((s) => s.id === id);
  const byVersion = new Map(versions.map((s) => [s.version, s]));
  const steps: VersionStepFolders[] = [];
  let current = byVersion.get(toVersion);
  let later: { set: MeasureSet; changes: ChangesFile | undefined } | undefined;
  const seen = new Set<string>();
  while (current && !seen.has(current.version)) {
    seen.add(current.version);
    const loaded = await workspace({ cwd }).loadSet(current.dir);
    if (!loaded.set) {
      throw new DataError(
        `the measure set in ${displayPath(current.dir, cwd)} is invalid; run \`netdz validate ${displayPath(current.dir, cwd)}\``,
        loaded.diagnostics.filter((d) => d.severity === "error"),
      );
    }
    if (later) steps.unshift({ from: loaded.set, to: later.set, changes: later.changes });
    if (current.version === fromVersion) return steps;
    later = { set: loaded.set, changes: loaded.changes };
    const previous: string | undefined =
      loaded.changes?.from ??
      versions.find((s) => compareVersions(s.version, current?.version ?? "") < 0)?.version;
    current = previous === undefined ? undefined : byVersion.get(previous);
  }
  throw new UsageError(
    `cannot migrate ${id} from ${fromVersion} to ${toVersion}: no chain of versions (changes.yaml \`from:\`) leads back to ${fromVersion}`,
  );
}

/**
 * The newest version of the answers' set that is available, when it is newer than the version
 * they are pinned to; undefined otherwise.
 */
export async function newerVersionOf(
  pinned: { id: string; version: string },
  measuresDir: string | undefined,
  cwd: string,
): Promise<string | undefined> {
  const root = await measuresRoot(measuresDir, cwd);
  const newest = (await availableSets(root)).find((s) => s.id === pinned.id)?.version;
  return newest !== undefined && compareVersions(newest, pinned.version) > 0 ? newest : undefined;
}

/** The command that migrates a file, as a user would type it. */
export function migrateCommand(answersFile: string, measuresDir: string | undefined): string {
  const quote = (s: string) => (/^[\w./@:-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return `netdz migrate ${quote(answersFile)}${measuresDir === undefined ? "" : ` --measures ${quote(measuresDir)}`}`;
}
