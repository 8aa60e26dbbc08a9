/** A measure set asked for by id, and by version when given, and how it is put into words. */

/** A measure set asked for by id, and by version when given. */
export interface SetRef {
  id: string;
  version?: string;
}

/** `id@version`, or `id` when no version is given: how a set is named in every message. */
export function formatSetRef(ref: SetRef): string {
  return ref.version === undefined ? ref.id : `${ref.id}@${ref.version}`;
}
