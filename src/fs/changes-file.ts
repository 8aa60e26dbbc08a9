/**
 * The changes.yaml beside a set.yaml: its schema, and its entries checked against the version it
 * comes from when that version's folder is beside this one.
 */
import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import {
  checkChanges,
  checkEntryKinds,
  checkVersionWithoutChanges,
  composeChanges,
  readChangeEntries,
} from "../core/changes-rules.js";
import type {
  ChangeEntry,
  ChangesFile,
  Diagnostic,
  Lang,
  Measure,
  MeasureSet,
  MeasureSetHeader,
} from "../core/model.js";
import { checkSchema } from "../core/schema-check.js";
import { loadValidators } from "../core/validators.js";
import { compareVersions } from "../core/versions.js";
import {
  diagnosticAt,
  parseYamlSource,
  type PathSegment,
  type YamlSource,
} from "../core/yaml-source.js";
import { newProblems } from "../core/diagnostic-filter.js";
import {
  availableSets,
  BUNDLED_MEASURES_DIR,
  CHANGES_FILE,
  displayPath,
  readOrReport,
  readYamlFileSync,
  SET_FILE,
} from "./measure-sets.js";
import { readTextQuietly } from "./read-file.js";
import { shellPath } from "../prompts/shell.js";

/**
 * Reads the folder's changes.yaml (if any) and checks it: schema, and against the version it
 * comes from when that version's folder is beside this one.
 */
export async function checkChangesFile(
  dir: string,
  cwd: string,
  set: MeasureSet | undefined,
  measures: { source: YamlSource; data: unknown }[],
  /** Loads the set in the folder of the version before (passed in by the set loader). */
  loadPrevious: (dir: string) => Promise<MeasureSet | undefined>,
  lang?: Lang,
): Promise<{ data: ChangesFile | undefined; diagnostics: Diagnostic[] } | undefined> {
  const file = path.join(dir, CHANGES_FILE);
  // Only a name that is not there at all is "no changes.yaml": a FIFO, a device, a folder, a
  // dangling link or a link loop under that name is one file/unreadable problem of the set,
  // never read as missing (a migration would then clear what the file maps).
  if (!nameExists(file)) {
    return set ? checkWithoutChangesFile(dir, cwd, set, measures, loadPrevious, lang) : undefined;
  }
  const validators = await loadValidators();
  const source = readOrReport(file, cwd, lang);
  const diagnostics = [...source.diagnostics];
  if (source.data === undefined) return { data: source.data as never, diagnostics };
  diagnostics.push(...checkSchema(source, validators.changes));
  diagnostics.push(...checkEntryKinds(source, source.data));
  // An empty file, or one that is not a map, has nothing to check against the version before.
  const isMap =
    typeof source.data === "object" && source.data !== null && !Array.isArray(source.data);
  if (!set || !isMap) return { data: source.data as ChangesFile, diagnostics };
  const from = (source.data as Partial<ChangesFile>).from;
  // Only an older version is looked up, so a chain always ends (a `from:` that is not older is
  // reported by the rules).
  const previousDir =
    typeof from === "string" && compareVersions(from, set.version) < 0
      ? findVersionFolder(path.dirname(dir), set.id, from)
      : undefined;
  const previous = previousDir ? await loadPrevious(previousDir) : undefined;
  if (previousDir && !previous) {
    // Present but not readable enough to compare with: said, so that the version is not
    // reported valid unchecked.
    diagnostics.push(
      diagnosticAt(source, ["from"], "error", "changes/previous-invalid", {
        id: "changes/previous-invalid",
        params: { from: String(from), dir: shellPath(displayPath(previousDir, cwd)) },
      }),
    );
  }
  // A set that extends another and moves to a newer base version inherits what changed in the
  // base between the two base versions (its profile maps, renames…), after its own entries.
  const inherited = await baseEntriesBetween(dir, previous, set);
  const data =
    inherited.length === 0
      ? source.data
      : {
          ...(source.data as object),
          changes: [...asList((source.data as Partial<ChangesFile>).changes), ...inherited],
        };
  const locations = questionLocations(measures);
  const rules = checkChanges({
    source,
    data,
    previous,
    current: set,
    versionsBeside: versionsBeside(path.dirname(dir), set.id, set.version),
    retiredEarlier: previousDir ? retiredBefore(previousDir, set.id) : new Map(),
    locateQuestion: (id) => locations.get(id),
    ownEntries: asList((source.data as Partial<ChangesFile>).changes).length,
  });
  diagnostics.push(...newProblems(rules, diagnostics));
  return { data: data as ChangesFile, diagnostics };
}

/** Whether anything at all (even a dangling link) has this name; false only when nothing has. */
function nameExists(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true;
  }
}

/** Where each question of the folder's measure files is defined. */
function questionLocations(
  measures: { source: YamlSource; data: unknown }[],
): Map<string, { source: YamlSource; path: PathSegment[] }> {
  const locations = new Map<string, { source: YamlSource; path: PathSegment[] }>();
  for (const { source, data } of measures) {
    (data as Partial<Measure>).questions?.forEach((q, index) =>
      locations.set(q.id, { source, path: ["questions", index, "id"] }),
    );
  }
  return locations;
}

/**
 * A version without changes.yaml beside an older one: no retired id of the versions before may
 * come back, and questions of the version before that are gone are a warning (see
 * checkVersionWithoutChanges); undefined when there is no older version beside it.
 */
async function checkWithoutChangesFile(
  dir: string,
  cwd: string,
  set: MeasureSet,
  measures: { source: YamlSource; data: unknown }[],
  loadPrevious: (dir: string) => Promise<MeasureSet | undefined>,
  lang?: Lang,
): Promise<{ data: undefined; diagnostics: Diagnostic[] } | undefined> {
  const parent = path.dirname(dir);
  const previousDir = previousVersionFolder(parent, set.id, set.version);
  if (!previousDir) return undefined;
  const previous = await loadPrevious(previousDir);
  const locations = questionLocations(measures);
  let header: YamlSource | undefined;
  const headerAt = () => {
    try {
      header ??= readYamlFileSync(path.join(dir, SET_FILE), cwd, lang);
    } catch {
      return undefined;
    }
    return { source: header, path: ["version"] };
  };
  const diagnostics = checkVersionWithoutChanges({
    previous,
    current: set,
    retiredEarlier: retiredBefore(previousDir, set.id),
    locateQuestion: (id) => locations.get(id),
    header: headerAt,
  });
  const at = previous ? undefined : headerAt();
  if (at) {
    // The questions it dropped could not be looked for: a warning, as dropped questions are.
    diagnostics.push(
      diagnosticAt(at.source, at.path, "warning", "changes/previous-invalid", {
        id: "changes/previous-invalid",
        params: {
          from: readHeaderQuietly(previousDir)?.version ?? "",
          dir: shellPath(displayPath(previousDir, cwd)),
        },
      }),
    );
  }
  return diagnostics.length === 0 ? undefined : { data: undefined, diagnostics };
}

/** The folder of the newest version of set `id` under `parent` that is older than `version`. */
function previousVersionFolder(parent: string, id: string, version: string): string | undefined {
  const older = versionsBeside(parent, id, version).filter((v) => compareVersions(v, version) < 0);
  const newest = older.at(-1);
  return newest === undefined ? undefined : findVersionFolder(parent, id, newest);
}

/**
 * What a version of a set that extends another, and has no changes.yaml of its own, inherits
 * from its base when the base version moved since `previous`: the base's entries between the
 * two base versions, as a changes file; undefined when there are none.
 */
export async function inheritedChanges(
  dir: string,
  previous: MeasureSet,
  set: MeasureSet,
): Promise<ChangesFile | undefined> {
  const changes = await baseEntriesBetween(dir, previous, set);
  if (changes.length === 0) return undefined;
  return { format: "netdz-changes/1", from: previous.version, changes };
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The change entries of the base set from the previous version's base version to this one's, read
 * from the base's changes.yaml files (each checked when the base is validated) and composed into
 * the entries of one step (renames in a row become one rename; see composeChanges); empty when the
 * base version did not move or the chain cannot be followed.
 */
async function baseEntriesBetween(
  dir: string,
  previous: MeasureSet | undefined,
  set: MeasureSet,
): Promise<ChangeEntry[]> {
  // The set it extends itself (not the national root of the chain): its changes apply.
  const older = previous?.extends;
  const newer = set.extends;
  if (!older || !newer || older.id !== newer.id) return [];
  if (compareVersions(older.version, newer.version) >= 0) return [];
  for (const root of [path.dirname(path.dirname(dir)), BUNDLED_MEASURES_DIR]) {
    const match = (await availableSets(root)).find(
      (s) => s.id === newer.id && s.version === newer.version,
    );
    if (!match) continue;
    const steps: ChangeEntry[][] = [];
    const visited = new Set<string>();
    let current: string | undefined = match.dir;
    while (current && !visited.has(current)) {
      visited.add(current);
      let data: Partial<ChangesFile> | undefined;
      try {
        const text = readTextQuietly(path.join(current, CHANGES_FILE));
        if (text === undefined) return [];
        data = parseYamlSource(current, text).data as Partial<ChangesFile> | undefined;
      } catch {
        return [];
      }
      steps.unshift(readChangeEntries(data).map((e) => e.entry));
      if (data?.from === older.version) return composeChanges(steps, questionIds(previous));
      current =
        typeof data?.from === "string"
          ? findVersionFolder(path.dirname(current), newer.id, data.from)
          : undefined;
    }
    return [];
  }
  return [];
}

/** Every question id of a set. */
function questionIds(set: MeasureSet): Set<string> {
  return new Set(set.measures.flatMap((m) => m.questions.map((q) => q.id)));
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

/** The versions of set `id` in the folders under `parent`, other than `version`. */
function versionsBeside(parent: string, id: string, version: string): string[] {
  const found = new Set<string>();
  for (const name of safeReaddir(parent)) {
    const header = readHeaderQuietly(path.join(parent, name));
    if (header?.id === id && typeof header.version === "string" && header.version !== version) {
      found.add(header.version);
    }
  }
  return [...found].sort(compareVersions);
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
    const text = readTextQuietly(path.join(dir, SET_FILE));
    if (text === undefined) return undefined;
    return parseYamlSource(dir, text).data as Partial<MeasureSetHeader> | undefined;
  } catch {
    return undefined;
  }
}

/**
 * Question ids retired by the changes files of `dir` and the versions before it (id → version):
 * each changes.yaml leads to the version it names, and a version without one to the newest
 * older version beside it, so a version without changes.yaml does not end the chain.
 */
function retiredBefore(dir: string, id: string): Map<string, string> {
  const retired = new Map<string, string>();
  const visited = new Set<string>();
  let current: string | undefined = dir;
  while (current && !visited.has(current)) {
    visited.add(current);
    const version: unknown = readHeaderQuietly(current)?.version;
    const text = readTextQuietly(path.join(current, CHANGES_FILE));
    const parent = path.dirname(current);
    if (text === undefined) {
      current =
        typeof version === "string" ? previousVersionFolder(parent, id, version) : undefined;
      continue;
    }
    let data: unknown;
    try {
      data = parseYamlSource(current, text).data;
    } catch {
      break;
    }
    for (const { entry } of readChangeEntries(data)) {
      // Walking back, an older retirement replaces a newer one: the first is the one to name.
      if ("retire" in entry && typeof version === "string") retired.set(entry.retire.id, version);
    }
    const from = (data as Partial<ChangesFile> | undefined)?.from;
    current = typeof from === "string" ? findVersionFolder(parent, id, from) : undefined;
  }
  return retired;
}
