/**
 * Versions of a measure set on disk: the changes.yaml beside set.yaml checked against the
 * version it names, the chain of versions a migration walks, and whether a newer version exists.
 */
import { shellPath } from "../prompts/shell.js";
import type { ChangesFile, Lang, MeasureSet } from "../core/model.js";
import { migrateMessages } from "../i18n/migrate-messages.js";
import { compareVersions } from "../core/versions.js";
import { DataError, UsageError } from "../errors.js";
import { inheritedChanges } from "./changes-file.js";
import { availableSets, displayPath, measuresRoot } from "./measure-sets.js";
import { workspace } from "./workspace.js";

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
  lang?: Lang,
): Promise<VersionStepFolders[]> {
  const m = migrateMessages(lang ?? "en");
  const versions = (await availableSets(root)).filter((s) => s.id === id);
  const byVersion = new Map(versions.map((s) => [s.version, s]));
  const steps: VersionStepFolders[] = [];
  let current = byVersion.get(toVersion);
  let later: { set: MeasureSet; changes: ChangesFile | undefined; dir: string } | undefined;
  const seen = new Set<string>();
  while (current && !seen.has(current.version)) {
    seen.add(current.version);
    const loaded = await workspace({ cwd }).loadSet(current.dir);
    if (!loaded.set) {
      throw new DataError(
        m.setInvalid(displayPath(current.dir, cwd)),
        loaded.diagnostics.filter((d) => d.severity === "error"),
      );
    }
    if (later) {
      // A version of an extending set without changes.yaml still carries its base's changes.
      const changes = later.changes ?? (await inheritedChanges(later.dir, loaded.set, later.set));
      steps.unshift({ from: loaded.set, to: later.set, changes });
    }
    if (current.version === fromVersion) return steps;
    later = { set: loaded.set, changes: loaded.changes, dir: current.dir };
    const previous: string | undefined =
      loaded.changes?.from ??
      versions.find((s) => compareVersions(s.version, current?.version ?? "") < 0)?.version;
    current = previous === undefined ? undefined : byVersion.get(previous);
  }
  throw new UsageError(
    m.noPath(fromVersion, toVersion, `${id}@${later?.set.version ?? toVersion}`),
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
  return `netdz migrate ${shellPath(answersFile)}${measuresDir === undefined ? "" : ` --measures ${shellPath(measuresDir)}`}`;
}
