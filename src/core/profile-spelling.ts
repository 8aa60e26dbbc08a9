/**
 * How an old profile value is spelled and looked up in a changes.yaml `profile` map (the map
 * `netdz migrate` carries a free-text province over with): the exact key, case and surrounding
 * spaces ignored, then a looser form. Kept apart from changes-rules so the zone key of
 * `netdz aggregate` and `netdz diff` uses the same rules without loading the rest. Pure.
 */
import { isExtensionKey } from "./loose.js";
import type { ProfileValue } from "./model.js";

/** The normalised form of an old profile value as a map key: trimmed, lower case. */
export function profileKey(value: string | boolean): string {
  return typeof value === "boolean" ? String(value) : value.trim().toLowerCase();
}

/**
 * Words that may follow a place name without changing which place it is: administrative kinds
 * (Province, Sheng, Municipality, Shi, Autonomous Region, AR, Zizhiqu, 省, 市, 自治区) and the
 * names of the peoples in the autonomous regions' full names (Zhuang, Hui, Uygur, 壮族…).
 */
const PLACE_SUFFIXES = [
  "autonomousregion",
  "municipality",
  "province",
  "zizhiqu",
  "sheng",
  "shi",
  "ar",
  "zhuangzu",
  "zhuang",
  "huizu",
  "hui",
  "uyghur",
  "uygur",
  "uighur",
  "weiwuer",
  "自治区",
  "省",
  "市",
  "壮族",
  "回族",
  "维吾尔",
];

/**
 * A looser form of an old profile value, for a second lookup when the exact key is not in a
 * profile map: case, spaces and punctuation ignored, and the suffixes above stripped, so
 * "Hainan Sheng", "Guangxi Zhuang" and "Inner Mongolia AR" find "Hainan", "Guangxi" and
 * "Inner Mongolia". Both the map's keys and the value are loosened the same way.
 */
export function looseProfileKey(value: string | boolean): string {
  if (typeof value === "boolean") return String(value);
  let key = value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
  for (let stripped = true; stripped;) {
    stripped = false;
    for (const suffix of PLACE_SUFFIXES) {
      if (key.length > suffix.length + 1 && key.endsWith(suffix)) {
        key = key.slice(0, -suffix.length);
        stripped = true;
      }
    }
  }
  return key;
}

/**
 * The value a profile map gives an old value: looked up as written (case and surrounding spaces
 * ignored), then loosely (see looseProfileKey); undefined when none, or when loosened keys that
 * mean different values collide.
 */
export function mapProfileValue(
  map: Readonly<Record<string, ProfileValue>>,
  value: ProfileValue,
): ProfileValue | undefined {
  const wanted = profileKey(value);
  // x- keys are the user's own notes, never an old value.
  const entries = Object.entries(map).filter(([key]) => !isExtensionKey(key));
  for (const [key, mapped] of entries) if (profileKey(key) === wanted) return mapped;
  if (typeof value !== "string") return undefined;
  const loose = looseProfileKey(value);
  const found = new Set<ProfileValue>();
  for (const [key, mapped] of entries) {
    if (looseProfileKey(key) === loose) found.add(mapped);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
