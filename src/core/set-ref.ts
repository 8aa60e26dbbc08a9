/** A measure set asked for by id, and by version when given, and how it is put into words. */
import type { MeasureSet, SetSource } from "./model.js";

/** A measure set asked for by id, and by version when given. */
export interface SetRef {
  id: string;
  version?: string;
}

/** `id@version`, or `id` when no version is given: how a set is named in every message. */
export function formatSetRef(ref: SetRef): string {
  return ref.version === undefined ? ref.id : `${ref.id}@${ref.version}`;
}

/**
 * The plan documents a set that extends another builds on, the national one first, then those of
 * the sets between it and this one (empty for a set that extends none).
 */
export function baseDocuments(set: Pick<MeasureSet, "base">): SetSource[] {
  const base = set.base;
  if (!base) return [];
  return [...(base.source ? [base.source] : []), ...(base.between ?? [])];
}
