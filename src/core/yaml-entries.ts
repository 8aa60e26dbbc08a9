/**
 * How many entries a YAML text holds, counted from its characters alone (no parse), so that a file
 * with too many is refused before a parser builds them all: a parser's memory grows with the
 * number of entries, not with the size of the text (760,000 one-line keys in 10 MB take js-yaml
 * over 200 MB; a 10 MB string takes next to nothing).
 *
 * An entry is a mapping entry or a list item. The count takes
 * - every line that holds something other than blanks or a comment;
 * - on a line, the node after each `? ` and after each `[`, `{` and `,` (`a: {b: 1, c: [2, 3]}` is
 *   5: a, b, c and two items), and a block list item as the one entry its line is, plus one for
 *   a mapping entry or another item that starts on its line (`- x` and `- [1]` are 1 and 2, `- k: v`
 *   and `- - x` are 2: the item and the entry or the inner item);
 * - inside a quoted scalar (`"a, b: c"`, `'it''s'`) or a comment, each line break, `,`, `[`, `{`
 *   and `- `/`: `/`? ` as half an entry.
 * It is at least the number of entries a parser builds for the YAML a netdz file is written in,
 * and never below half of it whatever the text: a list of one-entry flow mappings (`[a: 1, b: 2]`)
 * builds two per comma, and if the count took for a quoted scalar or a comment what a parser
 * reads as entries, it would still count half of them. The commas and colons of a long note or
 * comment count too little to come near the limit (400,000 of them would be needed).
 */

/**
 * Most entries (as counted here) a file may hold. A netdz file has a few thousand; this many take
 * at least 400 KB of text (`1,` each), and js-yaml reads them within a small part of the memory a
 * command may use. A file of up to 256 KB, which yaml reads instead, cannot hold as many.
 */
export const MAX_ENTRIES = 200_000;

export interface EntryCount {
  /** Entries counted (halves rounded down), at most just over `limit`: counting stops there. */
  count: number;
  /** Where the entry that passes the limit starts (an offset into the text), when one does. */
  passedAt?: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const QUESTION = 0x3f;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
const OPEN_CURLY = 0x7b;
const CLOSE_CURLY = 0x7d;

const isBreak = (c: number): boolean => c === LF || c === CR;
const isBlank = (c: number): boolean => c === SPACE || c === TAB;
/** After an indicator (`-`, `?`, `:`): a blank, a line break or the end of the text. */
const endsToken = (c: number): boolean => Number.isNaN(c) || isBlank(c) || isBreak(c);
const isFlowIndicator = (c: number): boolean =>
  c === COMMA || c === OPEN_SQUARE || c === CLOSE_SQUARE || c === OPEN_CURLY || c === CLOSE_CURLY;

/**
 * Counts the entries of `text` (see the module's comment), stopping at the first one over
 * `limit`. Linear in the text's length, no memory beyond a few numbers; never throws.
 */
export function countEntries(text: string, limit = MAX_ENTRIES): EntryCount {
  const n = text.length;
  const most = limit * 2; // counted in halves
  let halves = 0;
  let passedAt: number | undefined;
  /** Adds `weight` halves for the node at `at`; true when that passes the limit. */
  const add = (at: number, weight: 1 | 2): boolean => {
    halves += weight;
    if (halves <= most) return false;
    passedAt = at;
    return true;
  };
  /** Counts half an entry per line break and structural character in [from, to). */
  const addHidden = (from: number, to: number): boolean => {
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      const counts =
        c === LF ||
        (c === CR && text.charCodeAt(k + 1) !== LF) ||
        c === COMMA ||
        c === OPEN_SQUARE ||
        c === OPEN_CURLY ||
        ((c === DASH || c === COLON || c === QUESTION) && endsToken(text.charCodeAt(k + 1)));
      if (counts && add(k, 1)) return true;
    }
    return false;
  };

  let flow = 0; // flow collections open
  let nodeStart = true; // a node may begin here: a quote opens a quoted scalar, `[` a collection
  let afterQuoted = false; // just after a quoted scalar or a closed collection (`"a":1` is a pair)
  let pending = false; // an indicator was read: the next thing on this line is one more entry
  // A block list item's `- ` was read: the item is the entry its line counted, unless what follows
  // on the line is a mapping entry (`- k: v`) or another item (`- - x`), which is one more.
  let item = false;
  let lineStart = true;
  let at = 0;
  while (at < n) {
    const c = text.charCodeAt(at);
    if (isBreak(c)) {
      lineStart = true;
      pending = false;
      item = false;
      at++;
      continue;
    }
    if (isBlank(c)) {
      at++;
      continue;
    }
    const prev = at === 0 ? LF : text.charCodeAt(at - 1);
    if (c === HASH && (isBlank(prev) || isBreak(prev))) {
      // A comment, to the end of the line.
      let end = at;
      while (end < n && !isBreak(text.charCodeAt(end))) end++;
      if (addHidden(at, end)) break;
      at = end;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      pending = false;
      // In a flow collection a line goes on from where the one before stopped; in block
      // context each line starts a node.
      if (flow === 0) {
        nodeStart = true;
        afterQuoted = false;
      }
      if (add(at, 2)) break;
      if (
        (prev === LF || prev === CR || at === 0) &&
        (text.startsWith("---", at) || text.startsWith("...", at)) &&
        endsToken(text.charCodeAt(at + 3))
      ) {
        at += 3; // a document marker; a node may follow it on the line
        continue;
      }
    } else if (pending && !(flow > 0 && (c === COMMA || c === CLOSE_SQUARE || c === CLOSE_CURLY))) {
      pending = false;
      if (add(at, 2)) break;
    }
    pending = false;
    const next = text.charCodeAt(at + 1);
    if (nodeStart && (c === DOUBLE_QUOTE || c === SINGLE_QUOTE)) {
      // A quoted scalar, which may run over lines.
      let end = at + 1;
      for (; end < n; end++) {
        const q = text.charCodeAt(end);
        if (c === DOUBLE_QUOTE && q === BACKSLASH) end++;
        else if (q === c) {
          if (c === SINGLE_QUOTE && text.charCodeAt(end + 1) === SINGLE_QUOTE) end++;
          else break;
        }
      }
      if (addHidden(at + 1, Math.min(end, n))) break;
      at = end + 1;
      nodeStart = false;
      afterQuoted = true;
      continue;
    }
    if (nodeStart && (c === 0x26 /* & */ || c === 0x21) /* ! */) {
      // An anchor or a tag: the node it belongs to still follows.
      let end = at + 1;
      while (end < n) {
        const p = text.charCodeAt(end);
        if (isBlank(p) || isBreak(p) || (flow > 0 && isFlowIndicator(p))) break;
        end++;
      }
      at = end;
      continue;
    }
    if (c === OPEN_SQUARE || c === OPEN_CURLY) {
      if (nodeStart || flow > 0) {
        flow++;
        nodeStart = true;
      }
      pending = true;
      afterQuoted = false;
      at++;
      continue;
    }
    if (c === COMMA) {
      if (flow > 0) nodeStart = true;
      pending = true;
      afterQuoted = false;
      at++;
      continue;
    }
    if (flow > 0) {
      if (c === CLOSE_SQUARE || c === CLOSE_CURLY) {
        flow--;
        nodeStart = false;
        afterQuoted = true;
        at++;
        continue;
      }
      if (c === COLON && (afterQuoted || endsToken(next) || isFlowIndicator(next))) {
        nodeStart = true; // a value follows (in the entry its key counted)
        afterQuoted = false;
        at++;
        continue;
      }
      if (c === QUESTION && endsToken(next) && nodeStart) {
        pending = true;
        at++;
        continue;
      }
    } else if (nodeStart && (c === DASH || c === QUESTION) && endsToken(next)) {
      // `- - x`: the inner item is one more entry than the outer one its line counted.
      if (item && add(at, 2)) break;
      item = c === DASH;
      pending = !item; // `? x`: x is one more entry; `- x`: x is the item, counted already
      at++;
      continue;
    } else if (c === COLON && (endsToken(next) || afterQuoted)) {
      // `- k: v`: the item and its first mapping entry are two entries.
      if (item) {
        item = false;
        if (add(at, 2)) break;
      }
      nodeStart = true; // a block mapping's value follows
      afterQuoted = false;
      at++;
      continue;
    }
    // A character of a plain scalar (or of an alias).
    nodeStart = false;
    afterQuoted = false;
    at++;
  }
  return passedAt === undefined
    ? { count: Math.floor(halves / 2) }
    : { count: Math.floor(halves / 2), passedAt };
}
