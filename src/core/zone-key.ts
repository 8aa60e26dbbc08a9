/**
 * When two answers files are of the same zone: the key a zone is matched on in `netdz aggregate`
 * (the same zone twice) and `netdz diff` (the same zone or two). The name is compared in
 * Unicode compatibility form (NFKC: full-width and half-width forms alike), case-folded, with
 * whitespace trimmed and runs collapsed; the province through the province spellings that the
 * set's changes.yaml `profile` map gives (the map `netdz migrate` carries an old free-text
 * province over with, looked up as `mapProfileValue` does), then loosened as `looseProfileKey`
 * loosens a map key — so `Zhejiang Province`, `zhejiang`, `浙江省` and the 1.1.0 id `zhejiang`
 * are one province. Pure.
 */
import { looseProfileKey, mapProfileValue } from "./profile-spelling.js";
import { isExtensionKey } from "./loose.js";
import type { ChangesFile, ProfileValue, Zone } from "./model.js";

/** Old spellings of the province mapped to the ids a later version asks for. */
export type ProvinceSpellings = Readonly<Record<string, ProfileValue>>;

/** The profile field whose spellings are matched. */
const PROVINCE = "province";

/** A zone name as matched: NFKC, case-folded, whitespace collapsed and trimmed; "" when none. */
export function zoneNameKey(value: unknown): string {
  if (typeof value !== "string") return "";
  return value.normalize("NFKC").toUpperCase().toLowerCase().replace(/\s+/gu, " ").trim();
}

/** A province as matched: through the spellings (when given), then loosened; "" when none. */
export function provinceKey(value: unknown, spellings?: ProvinceSpellings): string {
  if (typeof value !== "string" || value.trim() === "") return "";
  const mapped = spellings ? mapProfileValue(spellings, value.trim()) : undefined;
  return looseProfileKey(typeof mapped === "string" ? mapped : value);
}

/**
 * The key two files of one zone share; undefined for a zone without a name, which is never
 * matched with another.
 */
export function zoneKey(zone: Zone, spellings?: ProvinceSpellings): string | undefined {
  const name = zoneNameKey(zone.name);
  return name === "" ? undefined : `${name}\u0000${provinceKey(zone.province, spellings)}`;
}

/**
 * Whether some zones share a name but not a loosened province: only then can the spellings of
 * changes.yaml (which take loading another version of the set) make a difference.
 */
export function spellingsMatter(zones: Iterable<Zone>): boolean {
  const provinces = new Map<string, string>();
  for (const zone of zones) {
    const name = zoneNameKey(zone.name);
    if (name === "") continue;
    const province = provinceKey(zone.province);
    const seen = provinces.get(name);
    if (seen === undefined) provinces.set(name, province);
    else if (seen !== province) return true;
  }
  return false;
}

/** The province spellings of changes files (later files' entries win on a clash). */
export function provinceSpellings(
  changes: readonly (ChangesFile | undefined)[],
): ProvinceSpellings {
  // No prototype: a spelling such as `__proto__` is a key like any other.
  const spellings = Object.create(null) as Record<string, ProfileValue>;
  for (const file of changes) {
    for (const entry of file?.changes ?? []) {
      if ("profile" in entry && entry.profile.field === PROVINCE) {
        for (const [key, value] of Object.entries(entry.profile.map)) {
          if (!isExtensionKey(key)) spellings[key] = value;
        }
      }
    }
  }
  return spellings;
}
