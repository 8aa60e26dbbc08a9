/**
 * What `netdz aggregate` needs to know of the set's versions to match zones and advise on files
 * of another version: the province spellings of their changes.yaml, and the `netdz migrate`
 * command that brings a file over, runnable as printed.
 */
import type { Pin } from "../core/aggregate.js";
import type { ChangesFile, Zone } from "../core/model.js";
import { compareVersions } from "../core/versions.js";
import { provinceSpellings, spellingsMatter, type ProvinceSpellings } from "../core/zone-key.js";
import { migrateCommand } from "../fs/set-versions.js";
import type { Workspace } from "../fs/workspace.js";

/**
 * The province spellings of every available version of the given set ids (each version's
 * changes.yaml `profile` map of the province), so that an old free-text province and a later
 * version's id match. Loaded only when some zones share a name but not a loosened province:
 * otherwise the spellings cannot change which files are of one zone.
 */
export async function spellingsFor(
  ws: Workspace,
  ids: Iterable<string>,
  zones: Iterable<Zone>,
): Promise<ProvinceSpellings | undefined> {
  if (!spellingsMatter(zones)) return undefined;
  const changes: (ChangesFile | undefined)[] = [];
  for (const id of new Set(ids)) {
    // Oldest first, so a later version's spelling wins a clash.
    for (const version of [...(await ws.versions(id))].reverse()) {
      const found = await ws.find({ id, version });
      if (found) changes.push((await ws.loadSet(found.dir)).changes);
    }
  }
  return provinceSpellings(changes);
}

/**
 * The command that brings a file of an older version of the set over, as a user would type it
 * in the folder the roll-up was run from (with `--measures DIR` when it was given, paths quoted
 * for the shell when needed); undefined for a file of a newer version (`netdz migrate` carries
 * answers forward only).
 */
export function migrateAdvice(
  pin: Pin,
  version: string,
  measuresDir: string | undefined,
): string | undefined {
  return compareVersions(pin.version, version) < 0
    ? `${migrateCommand(pin.file, measuresDir)} --to ${version}`
    : undefined;
}
