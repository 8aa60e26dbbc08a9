/**
 * The paths a command is given as arguments (answers files, folders): an empty one is refused
 * before anything is read. Taken as it stands it would be the current folder, and the files in
 * it would be named as if under the root (`/zone.yaml`).
 */
import type { Lang } from "../core/model.js";
import { UsageError } from "../errors.js";
import { fileMessages } from "../i18n/file-messages.js";

export function refuseEmptyPaths(paths: readonly (string | undefined)[], lang: Lang): void {
  if (paths.some((given) => given !== undefined && given.trim() === "")) {
    throw new UsageError(fileMessages(lang).argumentEmpty);
  }
}
