/** `1 question`, `2 questions`: an English count with its noun. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/**
 * Counts of several nouns in English, the ones that are not zero joined by "and" (`2 files and
 * 1 folder`, `1 folder`); when all are zero, the first one's zero (`0 files`).
 */
export function pluralCounts(counts: readonly (readonly [number, string])[]): string {
  const some = counts.filter(([count]) => count > 0);
  const [first] = counts;
  if (some.length === 0) return first === undefined ? "" : plural(0, first[1]);
  return some.map(([count, noun]) => plural(count, noun)).join(" and ");
}
