import { isExtensionKey } from "./loose.js";
import type {
  MeasureSet,
  MeasureSetHeader,
  ProfileField,
  ProfileValue,
  Lang,
  Question,
  Text,
  Zone,
} from "./model.js";

/**
 * The zone as the set sees it: each derived field (`derive: {from, map}`) takes the value its
 * source field's value maps to, whatever the file says; undefined when the source is not given.
 */
export function withDerivedProfile(profile: readonly ProfileField[], zone: Zone): Zone {
  const derived = profile.filter((field) => field.derive !== undefined);
  if (derived.length === 0) return zone;
  const result: Zone = { ...zone };
  for (const field of derived) {
    const from = zone[field.derive?.from ?? ""];
    const value = typeof from === "string" ? field.derive?.map[from] : undefined;
    if (value === undefined) delete result[field.id];
    else result[field.id] = value;
  }
  return result;
}

/** True for a profile field that is asked (not derived from another one). */
export function isAsked(field: ProfileField): boolean {
  return field.derive === undefined;
}

/** Why a question does not apply to a zone: the first profile field whose value is not allowed. */
export interface NotApplicableReason {
  field: string;
  /** The zone's value. */
  actual: ProfileValue;
  allowed: (string | boolean)[];
}

/** True when the zone profile gives no value for the field. */
function lacks(zone: Zone, field: string): boolean {
  // Own keys only: a profile field named `constructor` is not Object.prototype's.
  const value = Object.hasOwn(zone, field) ? zone[field] : undefined;
  return value === undefined || value === "";
}

/**
 * Returns undefined when the question applies to the zone, otherwise the reason it does not.
 * A field the profile does not give yet excludes nothing: the question applies (and stays
 * unanswered until the profile is complete), so a missing field never hides questions.
 */
export function notApplicableReason(
  question: Pick<Question, "appliesWhen">,
  zone: Zone,
): NotApplicableReason | undefined {
  for (const [field, allowed] of Object.entries(question.appliesWhen ?? {})) {
    if (isExtensionKey(field) || lacks(zone, field)) continue;
    const actual = zone[field] as ProfileValue;
    if (!allowed.some((value) => value === actual)) return { field, actual, allowed };
  }
  return undefined;
}

/** Profile fields the zone lacks that the set requires or that a question's `appliesWhen` uses. */
export function missingProfileFields(set: MeasureSet, zone: Zone): string[] {
  const fields = wantedFields(set);
  // A derived field (the region) is missing when its source (the province) is: that is asked.
  const seen = withDerivedProfile(set.profile, zone);
  if (!fields.some((field) => lacks(seen, field))) return [];
  const asked = fields
    .filter((field) => lacks(seen, field))
    .map((field) => set.profile.find((p) => p.id === field)?.derive?.from ?? field);
  return [...new Set(asked)];
}

const wantedBySet = new WeakMap<MeasureSet, readonly string[]>();

/**
 * The profile fields a zone must give for a set: those the set requires, then those some
 * question's `appliesWhen` uses. Depends on the set alone (never changed once loaded), so it is
 * worked out once per set: every answers file checked against it asks.
 */
function wantedFields(set: MeasureSet): readonly string[] {
  const known = wantedBySet.get(set);
  if (known !== undefined) return known;
  const used = new Set<string>();
  for (const measure of set.measures) {
    for (const question of measure.questions) {
      for (const field of Object.keys(question.appliesWhen ?? {}))
        if (!isExtensionKey(field)) used.add(field);
    }
  }
  const fields = set.profile.filter((f) => f.required !== false || used.has(f.id)).map((f) => f.id);
  for (const field of used) if (!fields.includes(field)) fields.push(field);
  wantedBySet.set(set, fields);
  return fields;
}

/** The label of a profile field, or its id when the set does not define it. */
export function profileFieldLabel(set: Pick<MeasureSetHeader, "profile">, field: string): Text {
  const found = set.profile.find((p) => p.id === field);
  return found?.label ?? { en: field, zh: field };
}

/** Human-readable value of a profile field (option label, yes/no, or the raw value). */
export function profileValueLabel(
  set: Pick<MeasureSetHeader, "profile">,
  field: string,
  value: ProfileValue | undefined,
): Text {
  if (value === undefined) return { en: "not given", zh: "未填写" };
  if (typeof value === "boolean") return value ? { en: "yes", zh: "是" } : { en: "no", zh: "否" };
  const option = set.profile.find((p) => p.id === field)?.options?.find((o) => o.id === value);
  return option?.label ?? { en: value, zh: value };
}

/**
 * How a report names the zone: its name, and the labels of its other profile values that are not
 * yes/no (province, region…), a derived one (the region from the province) included, in set
 * order. Every report format says the same.
 */
export function zoneDescription(
  set: Pick<MeasureSetHeader, "profile">,
  given: Zone,
  lang: Lang,
): { name: string; labels: string[] } {
  const zone = withDerivedProfile(set.profile, given);
  const labels = set.profile
    .filter((field) => field.id !== "name" && field.type !== "yesno")
    .filter((field) => zone[field.id] !== undefined && zone[field.id] !== "")
    .map((field) => profileValueLabel(set, field.id, zone[field.id])[lang]);
  return { name: typeof zone.name === "string" ? zone.name : "", labels };
}
