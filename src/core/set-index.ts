/**
 * What checking and scoring an answers file needs of its measure set that depends on the set
 * alone: the questions by id, the profile fields questions depend on, the order of question ids,
 * and which questions apply to a zone profile. Worked out once per set (a roll-up checks
 * thousands of files against one set) and kept beside the set object, which is never changed
 * once loaded. Pure: no I/O.
 */
import { notApplicableReason } from "./applicability.js";
import { isExtensionKey } from "./loose.js";
import type { Measure, MeasureSet, Question, Zone } from "./model.js";
import { compareIds } from "./score.js";

export interface IndexedQuestion {
  question: Question;
  measure: Measure;
  /** Index of the measure in the set, and of its area (-1 when the set has no such area). */
  measureIndex: number;
  areaIndex: number;
}

export interface SetIndex {
  /** Every question of the set, in set order. */
  questions: IndexedQuestion[];
  /** Every question by id, with its measure id and its place in `questions` (the last of a repeated id). */
  byId: Map<string, { question: Question; measureId: string; position: number }>;
  /** Profile fields some question's `appliesWhen` uses (extension keys left out), in order met. */
  appliesWhenFields: string[];
  /** For each question (set order): the index of the last measure with its measure's id. */
  slot: Int32Array;
  /** For each measure: the index of the last measure with its id. */
  measureSlot: Int32Array;
  /** For each measure: the index of the last area with its area id, -1 when there is none. */
  areaSlot: Int32Array;
  /** Rank of each question (set order) when ids are ordered by `compareIds`. */
  idRank: Int32Array;
  /**
   * For a zone profile: 1 where the question (set order) applies, 0 where the profile excludes
   * it, as `notApplicableReason` decides. Cached per distinct profile values.
   */
  applies(zone: Zone): Uint8Array;
}

const indexes = new WeakMap<MeasureSet, SetIndex>();

/** The index of a set, built on first use. */
export function setIndex(set: MeasureSet): SetIndex {
  let index = indexes.get(set);
  if (index === undefined) {
    index = buildIndex(set);
    indexes.set(set, index);
  }
  return index;
}

/** More distinct profiles than this are not cached (each is a few hundred bytes). */
const MAX_CACHED_PROFILES = 4096;

function buildIndex(set: MeasureSet): SetIndex {
  const areaIndex = new Map(set.areas.map((area, i) => [area.id, i]));
  const questions: IndexedQuestion[] = [];
  const byId = new Map<string, { question: Question; measureId: string; position: number }>();
  const used = new Set<string>();
  set.measures.forEach((measure, measureIndex) => {
    for (const question of measure.questions) {
      questions.push({
        question,
        measure,
        measureIndex,
        areaIndex: areaIndex.get(measure.area) ?? -1,
      });
      byId.set(question.id, { question, measureId: measure.id, position: questions.length - 1 });
      for (const field of Object.keys(question.appliesWhen ?? {}))
        if (!isExtensionKey(field)) used.add(field);
    }
  });
  const measureAt = new Map(set.measures.map((m, i) => [m.id, i]));
  const slot = Int32Array.from(questions, (q) => measureAt.get(q.measure.id) ?? -1);
  const measureSlot = Int32Array.from(set.measures, (m) => measureAt.get(m.id) ?? -1);
  const areaSlot = Int32Array.from(set.measures, (m) => areaIndex.get(m.area) ?? -1);
  const order = questions.map((_, i) => i);
  order.sort((a, b) =>
    compareIds(
      (questions[a] as IndexedQuestion).question.id,
      (questions[b] as IndexedQuestion).question.id,
    ),
  );
  const idRank = new Int32Array(questions.length);
  order.forEach((at, rank) => (idRank[at] = rank));
  const fields = [...used];
  const cache = new Map<string, Uint8Array>();
  const compute = (zone: Zone): Uint8Array =>
    Uint8Array.from(questions, (q) => (notApplicableReason(q.question, zone) ? 0 : 1));
  return {
    questions,
    byId,
    appliesWhenFields: fields,
    slot,
    measureSlot,
    areaSlot,
    idRank,
    applies(zone) {
      const key = profileKey(zone, fields);
      if (key === undefined) return compute(zone);
      let found = cache.get(key);
      if (found === undefined) {
        found = compute(zone);
        if (cache.size < MAX_CACHED_PROFILES) cache.set(key, found);
      }
      return found;
    },
  };
}

/**
 * The values of the fields that decide applicability, as one string; undefined when one is not
 * a plain value (such a profile is worked out each time).
 */
function profileKey(zone: Zone, fields: readonly string[]): string | undefined {
  const values: unknown[] = [];
  for (const field of fields) {
    const value: unknown = Object.hasOwn(zone, field) ? zone[field] : undefined;
    if (value !== undefined && typeof value !== "string" && typeof value !== "boolean")
      return undefined;
    values.push(value === undefined ? 0 : value);
  }
  return JSON.stringify(values);
}
