/**
 * What a person most likely meant when a number is not a number: `.nan`, `.inf` or `1e309` (not
 * finite), `1,200`, `1 200`, `1_200` or `1，200` (a thousands separator, also a full-width comma
 * or a no-break space), `1,5` (a decimal comma).
 */
export type NumberHint =
  | { kind: "not-finite" }
  | { kind: "thousands"; fixed: string }
  | { kind: "decimal-comma"; fixed: string };

const SEPARATORS = /[,，_ \u00a0\u202f]/g;
const GROUPED =
  /^[+-]?\d{1,3}(?:(?:,\d{3})+|(?:，\d{3})+|(?:_\d{3})+|(?:[ \u00a0\u202f]\d{3})+)(?:\.\d+)?$/;
const DECIMAL_COMMA = /^([+-]?\d+)[,，](\d+)$/;

/** The hint for a value given where a number was expected, if the value looks like one. */
export function numberHint(value: unknown): NumberHint | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : { kind: "not-finite" };
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (GROUPED.test(text)) return { kind: "thousands", fixed: text.replace(SEPARATORS, "") };
  const comma = DECIMAL_COMMA.exec(text);
  if (comma) return { kind: "decimal-comma", fixed: `${comma[1]}.${comma[2]}` };
  return undefined;
}

/**
 * In a flow mapping, `{ value: 1,200 }` reads as `value: 1` and a key `200` with no value. Given
 * that key and the value before it, the number that was meant.
 */
export function splitNumberHint(
  previous: unknown,
  key: string,
  value: unknown,
): { fixed: string; thousands: boolean } | undefined {
  if (value !== null || !/^\d+$/.test(key)) return undefined;
  if (typeof previous !== "number" || !Number.isInteger(previous)) return undefined;
  return key.length === 3
    ? { fixed: `${previous}${key}`, thousands: true }
    : { fixed: `${previous}.${key}`, thousands: false };
}
