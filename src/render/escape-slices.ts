/**
 * Escaping of a long text in bounded slices. A regular-expression replace over a 10 MB note full
 * of characters to escape (`|`, `<`, `"`, tabs) makes millions of small strings at once and took
 * hundreds of megabytes; escaping it a slice of about 64 K characters at a time gives the same
 * characters in a small fraction of that. Pure.
 */

/** About this many characters per slice. */
export const SLICE_CHARS = 1 << 16;

/**
 * Whether a slice may end before this character code and start the next with it: a printable
 * ASCII character or a CJK ideograph that no escape reads together with its neighbours. Left
 * out: white space and control characters (runs of them collapse, ends are trimmed), surrogates
 * (a pair is one character), `: / w W .` (`://` and `www.` are escaped as a whole), and digits,
 * `- + = )` (a list or heading start is escaped at the start of a text).
 */
function isPlain(code: number): boolean {
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code >= 0x3400 && code <= 0x4dbf) return true;
  if (code <= 0x20 || code >= 0x7f) return false;
  if (code >= 0x30 && code <= 0x39) return false;
  return !PUNCTUATION_APART.has(code);
}

const PUNCTUATION_APART = new Set([..."://wW.-+=)"].map((c) => c.charCodeAt(0)));

/**
 * The ends of the slices of a text: about SLICE_CHARS apart, each between two plain characters
 * (see isPlain), so escaping each slice on its own gives the escaped text. A text without such a
 * place is one slice.
 */
export function* sliceEnds(text: string, size = SLICE_CHARS): Generator<number> {
  let at = 0;
  while (text.length - at > size) {
    let end = at + size;
    while (
      end < text.length &&
      !(isPlain(text.charCodeAt(end - 1)) && isPlain(text.charCodeAt(end)))
    ) {
      end++;
    }
    yield end;
    at = end;
  }
  if (at < text.length) yield text.length;
}

/**
 * The text escaped slice by slice (see sliceEnds): `escape` must treat each character alone but
 * for white space, controls, surrogates and the characters isPlain leaves out. A short text is
 * escaped whole.
 */
export function escapeInSlices(
  text: string,
  escape: (text: string) => string,
  size = SLICE_CHARS,
): string {
  if (text.length <= size) return escape(text);
  return [...escapedSlices(text, escape, size)].join("");
}

/** The slices of a text (see sliceEnds), escaped one at a time as they are read. */
export function* escapedSlices(
  text: string,
  escape: (text: string) => string,
  size = SLICE_CHARS,
): Generator<string> {
  let start = 0;
  for (const end of sliceEnds(text, size)) {
    yield escape(text.slice(start, end));
    start = end;
  }
}
