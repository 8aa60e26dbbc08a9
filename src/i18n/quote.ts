/**
 * How a message puts a user's value and a list into its language: the one quoting rule for
 * Chinese text (“value”, with double quotes inside it turned into single ones, ‘ ’, so quotes
 * never nest as “江苏“省””), and the one list separator of each language (“、” in Chinese).
 */
import type { Lang } from "../core/model.js";

/** “value” for Chinese text, with the double quotes inside it turned into ‘ ’. */
export function quoteZh(value: unknown): string {
  return `“${String(value).replace(/“/g, "‘").replace(/”/g, "’")}”`;
}

/**
 * A value as a problem carries it (a JSON literal: `"五"`, `12`, `[1, 2]`), for Chinese text: a
 * text is quoted as quoteZh does, never with ASCII quotes; anything else is shown as it is.
 */
export function literalZh(literal: string | number): string {
  if (typeof literal === "number") return String(literal);
  if (!literal.startsWith('"')) return literal;
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === "string" ? quoteZh(value) : literal;
  } catch {
    return literal;
  }
}

/** What separates the items of a list in each language. */
export const LIST_SEPARATORS: Readonly<Record<Lang, string>> = { en: ", ", zh: "、" };

/** Items as a list in the language: `a, b` in English, `a、b` in Chinese. */
export function joinList(items: readonly (string | number)[], lang: Lang): string {
  return items.join(LIST_SEPARATORS[lang]);
}
