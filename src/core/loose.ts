/**
 * Reading data whose shape is not guaranteed (a file that failed its schema): each accessor
 * returns the value when it has the expected type, else an empty or undefined stand-in.
 */
export type Loose = unknown;

/** The value when it is a mapping, else an empty one. */
export function asRecord(value: Loose): Record<string, Loose> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, Loose>)
    : {};
}

/** The value when it is a list, else an empty one. */
export function asArray(value: Loose): Loose[] {
  return Array.isArray(value) ? value : [];
}

/** The value when it is a text. */
export function asString(value: Loose): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** `x-…` keys are a user's own extensions (the schemas allow them on every object): netdz ignores them. */
export function isExtensionKey(key: string): boolean {
  return key.startsWith("x-");
}

/** The value when it is a finite number. */
export function asNumber(value: Loose): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
