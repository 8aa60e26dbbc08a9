import type { Diagnostic } from "./model.js";

/**
 * The one filter of repeated problems. Returns the problems of `later` that are new: none at a
 * place (file, line, column) `earlier` already reported — the more basic problem (YAML, schema)
 * wins over the consistency problem found there — and none said twice (the same problem reached
 * by two ways, such as an answers file's invalid set and that set itself).
 */
export function newProblems(
  later: readonly Diagnostic[],
  earlier: readonly Diagnostic[] = [],
): Diagnostic[] {
  // A problem's line and column may cost the position-keeping parse of its file, so they are
  // read only where they can decide something: a file `earlier` has problems in, or a problem
  // whose file, code and message another one of `later` shares.
  const earlierFiles = new Set(earlier.map((d) => d.file));
  const sameWords = new Map<string, number>();
  for (const d of later) sameWords.set(wordsOf(d), (sameWords.get(wordsOf(d)) ?? 0) + 1);
  let taken: Set<string> | undefined;
  const said = new Set<string>();
  return later.filter((d) => {
    const inEarlierFile = earlierFiles.has(d.file);
    const repeated = (sameWords.get(wordsOf(d)) ?? 0) > 1;
    if (!inEarlierFile && !repeated) return true;
    const place = placeOf(d);
    if (inEarlierFile && (taken ??= new Set(earlier.map(placeOf))).has(place)) return false;
    const key = `${place}:${d.code}:${d.message}`;
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
}

function wordsOf(d: Diagnostic): string {
  return `${d.file}\0${d.code}\0${d.message}`;
}

function placeOf(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}`;
}

/** At most this many problems of one file are printed; the rest are counted. */
export const MAX_PROBLEMS_PER_FILE = 50;

/**
 * A check stops collecting a file's problems after this many (memory and time stay bounded on
 * huge files) and adds one PROBLEM_LIMIT_CODE problem; the count printed is then a lower bound.
 */
export const MAX_PROBLEMS_COLLECTED = 500;
export const PROBLEM_LIMIT_CODE = "file/problem-limit";

/**
 * The one order problems are listed in: by file, line, column, code, then message. `validate`
 * prints them so, and a file left out of a roll-up is listed with the first of them.
 */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}

/**
 * The first error in the order problems are listed in (compareDiagnostics) that is a problem of
 * the file, as a file left out is listed: the first `validate` prints. The notice that checking
 * stopped (PROBLEM_LIMIT_CODE), which is placed at the top of the file but is no problem there,
 * is taken only when there is no other error.
 */
export function firstError(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  let first: Diagnostic | undefined;
  let notice: Diagnostic | undefined;
  for (const d of diagnostics) {
    if (d.severity !== "error") continue;
    if (d.code === PROBLEM_LIMIT_CODE) notice ??= d;
    else if (first === undefined || compareDiagnostics(d, first) < 0) first = d;
  }
  return first ?? notice;
}

/** A printed message is cut to about this many characters by shortening what it quotes. */
export const MAX_MESSAGE_CHARS = 300;

/**
 * The first `max` problems of each file (in the order given, which should be sorted), each
 * message's quoted text cut to fit MAX_MESSAGE_CHARS, how many more each file has, and the files whose checking
 * stopped early (their count is a lower bound).
 */
export function limitPerFile(
  diagnostics: readonly Diagnostic[],
  max = MAX_PROBLEMS_PER_FILE,
): { shown: Diagnostic[]; more: Map<string, number>; atLeast: Set<string> } {
  const counts = new Map<string, number>();
  const more = new Map<string, number>();
  const atLeast = new Set<string>();
  const shown = diagnostics.filter((d) => {
    if (d.code === PROBLEM_LIMIT_CODE) atLeast.add(d.file);
    const n = (counts.get(d.file) ?? 0) + 1;
    counts.set(d.file, n);
    if (n <= max) return true;
    more.set(d.file, (more.get(d.file) ?? 0) + 1);
    return false;
  });
  return { shown: shown.map(shortened), more, atLeast };
}

/** Appends problems to a list; unlike `push(...more)`, any number of them (no stack limit). */
export function append(list: Diagnostic[], more: readonly Diagnostic[]): void {
  for (const d of more) list.push(d);
}

/**
 * A message over MAX_MESSAGE_CHARS with the text quoted from the user's file (`"…"`, `“…”`,
 * `` `…` ``) cut, longest first, until it fits; the words around them (the advice) are never cut.
 */
function shortened(d: Diagnostic): Diagnostic {
  if (d.message.length <= MAX_MESSAGE_CHARS) return d;
  const message = cutLongWords(cutQuoted(d.message));
  if (message === d.message) return d;
  const { file, line, column, severity, code } = d;
  return { file, line, column, severity, code, message };
}

/**
 * Still too long: a run without spaces longer than any word of advice is an unquoted excerpt of
 * the file (a huge plain value); it is cut too.
 */
function cutLongWords(message: string): string {
  if (message.length <= MAX_MESSAGE_CHARS) return message;
  return message.replace(/\S{121,}/g, (word) => `${word.slice(0, KEEP_OF_QUOTE)}…`);
}

const QUOTED = /"([^"]*)"|“([^”]*)”|`([^`]*)`/g;
const KEEP_OF_QUOTE = 40;

function cutQuoted(message: string): string {
  const parts = [...message.matchAll(QUOTED)]
    .map((m) => {
      const inner = m[1] ?? m[2] ?? m[3] ?? "";
      return { start: (m.index as number) + 1, length: inner.length };
    })
    .filter((p) => p.length > KEEP_OF_QUOTE + 1)
    .sort((a, b) => b.length - a.length);
  let excess = message.length - MAX_MESSAGE_CHARS;
  const cuts: { start: number; length: number; keep: number }[] = [];
  for (const part of parts) {
    if (excess <= 0) break;
    const keep = Math.max(KEEP_OF_QUOTE, part.length - excess - 1);
    cuts.push({ ...part, keep });
    excess -= part.length - keep - 1;
  }
  let out = message;
  for (const cut of cuts.sort((a, b) => b.start - a.start)) {
    out = `${out.slice(0, cut.start + cut.keep)}…${out.slice(cut.start + cut.length)}`;
  }
  return out;
}
