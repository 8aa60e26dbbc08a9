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
 * In a flow mapping, `{ value: 1,200 }` reads as `value: 1` and a key `200` with no value (and
 * `1,200,300.5` as `1` and keys `200` and `300.5`). Given the whole run of digits and commas the
 * key was cut from (`1,200,300.5`), the number that was meant: only when the run reads as one
 * number with thousands separators or a decimal comma (`1,2,3` is neither, and gets no hint).
 */
export function splitNumberHint(
  run: string | undefined,
  value: unknown,
): { fixed: string; thousands: boolean } | undefined {
  if (value !== null || run === undefined) return undefined;
  const hint = numberHint(run);
  if (hint?.kind === "thousands") return { fixed: hint.fixed, thousands: true };
  if (hint?.kind === "decimal-comma") return { fixed: hint.fixed, thousands: false };
  return undefined;
}
