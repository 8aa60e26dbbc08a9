import type { MeasureSetHeader, ProfileValue, Question, Text, Zone } from "./model.js";

/** Why a question does not apply to a zone: the first profile field whose value is not allowed. */
export interface NotApplicableReason {
  field: string;
  /** The zone's value, or undefined when the profile does not say. */
  actual: ProfileValue | undefined;
  allowed: (string | boolean)[];
}

/** Returns undefined when the question applies to the zone, otherwise the reason it does not. */
export function notApplicableReason(
  question: Pick<Question, "appliesWhen">,
  zone: Zone,
): NotApplicableReason | undefined {
  for (const [field, allowed] of Object.entries(question.appliesWhen ?? {})) {
    const actual = zone[field];
    if (actual === undefined || !allowed.some((value) => value === actual)) {
      return { field, actual, allowed };
    }
  }
  return undefined;
}

/** True when every `appliesWhen` condition matches the zone profile. */
export function questionApplies(question: Pick<Question, "appliesWhen">, zone: Zone): boolean {
  return notApplicableReason(question, zone) === undefined;
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
