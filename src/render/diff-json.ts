/**
 * Progress between two assessments as JSON (`netdz-diff/1`, schema in
 * src/core/schemas/diff-schema.ts). Numbers are unrounded. Pure and deterministic.
 */
import { DIFF_FORMAT, type Diff } from "../core/diff.js";
import type { Lang, MeasureSet } from "../core/model.js";

export interface DiffJsonOptions {
  lang: Lang;
  oldDate?: string;
  newDate?: string;
}

/** The comparison as a plain object, in the shape of the JSON schema. */
export function buildDiffJson(diff: Diff, set: MeasureSet, options: DiffJsonOptions) {
  const { oldBand, newBand, bandChanged, ...overall } = diff.overall;
  const side = (s: Diff["old"], date: string | undefined) => ({
    file: s.file,
    zone: s.zone,
    ...(date === undefined ? {} : { date }),
  });
  return {
    format: DIFF_FORMAT,
    lang: options.lang,
    measureSet: { id: set.id, version: set.version },
    old: side(diff.old, options.oldDate),
    new: side(diff.new, options.newDate),
    sameZone: diff.sameZone,
    overall: {
      ...overall,
      oldBand: oldBand ? oldBand.label[options.lang] : null,
      newBand: newBand ? newBand.label[options.lang] : null,
      bandChanged,
    },
    completeness: diff.completeness,
    areas: diff.areas,
    measures: diff.measures,
    questions: diff.questions,
    gapsClosed: diff.gapsClosed,
    newGaps: diff.newGaps,
    evidenceAdded: diff.evidenceAdded,
    evidenceRemoved: diff.evidenceRemoved,
    actions: diff.actions,
  };
}

/** The comparison as 2-space indented JSON with a trailing newline. */
export function renderDiffJson(diff: Diff, set: MeasureSet, options: DiffJsonOptions): string {
  return `${JSON.stringify(buildDiffJson(diff, set, options), null, 2)}\n`;
}
