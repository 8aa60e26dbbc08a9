/**
 * Minimal edits of a YAML file's text. A command that changes an answers file (an `assess` save,
 * a `migrate`) edits a yaml Document; writing that Document out again would re-format every line
 * (flow maps split over several lines, `[a]` padded to `[ a ]`, long texts folded, quoting,
 * spacing and indentation normalised). Instead, the edited Document is compared with the one the
 * text was parsed into, and only the text of what differs is replaced, inserted or removed: every
 * other byte of the file (comments, blank lines, line ends, quoting, flow style) stays as it was.
 * New values are written on one line where they fit (never folded): scalars plain when that
 * reads back as the same value, else double-quoted with JSON's escapes (valid YAML).
 *
 * The result is checked: it must parse without errors into the same data as the edited Document,
 * else undefined is returned and the caller writes the Document as a whole. No I/O.
 */
import {
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  Lexer,
  parse,
  parseDocument,
  Scalar,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import { load } from "js-yaml";
import { isDeepStrictEqual } from "node:util";
import { YAML_CORE_SCHEMA } from "./yaml-core-schema.js";
import { FULL_PARSE_LIMIT } from "./yaml-source.js";

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface Placeholder {
  start: number;
  /** Where the comment lines describing the question end (the start of the next line). */
  blockEnd: number;
  indent: number;
}

/** Another question's placeholder line (`# M01.Q2: { status: }`). */
const PLACEHOLDER = /^[ \t]*#[ \t]?[^\s:#]+:[ \t]*\{/;

/** A shape the splicer does not handle: the caller writes the whole Document instead. */
class Unsupported extends Error {}

/**
 * The text of `after` made from `text` (whose parse is `before`) by replacing only what differs;
 * undefined when that cannot be done safely. `text` has no byte-order mark.
 */
export function spliceDocument(
  text: string,
  before: Document,
  after: Document,
  options: {
    /**
     * Entries of the top-level `answers` map whose key changed (old key → new key): each keeps
     * its place and the comments on and above its lines, only its key rewritten.
     */
    renamed?: ReadonlyMap<string, string>;
  } = {},
): string | undefined {
  if (before.errors.length > 0 || !isMap(before.contents) || !isMap(after.contents)) {
    return undefined;
  }
  normalise(after, after.contents);
  const eol = /\r?\n/.exec(text)?.[0] ?? "\n";
  const answers = before.contents.get("answers", true);
  const splicer = new Splicer(text, eol, {
    map: isMap(answers) ? answers : undefined,
    renamed: options.renamed ?? new Map(),
  });
  let result: string;
  try {
    if (before.contents.flow) splicer.patchFlowMap(before.contents, after.contents);
    else splicer.patchBlockMap(before.contents, after.contents, 0, text.length, 0);
    result = splicer.apply();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  if (result === text) return result;
  const data = readBack(result);
  return data.ok && isDeepStrictEqual(data.value, after.toJS()) ? result : undefined;
}

/**
 * The data of the spliced text, read as netdz's reader reads it: by yaml, or above the size where
 * the reader takes js-yaml (core schema, duplicate keys refused), by js-yaml, which holds far less
 * in memory than a second yaml Document of a large file.
 */
function readBack(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.length > FULL_PARSE_LIMIT) {
    try {
      return { ok: true, value: load(text, { schema: YAML_CORE_SCHEMA, json: false }) ?? null };
    } catch {
      return { ok: false };
    }
  }
  const check = parseDocument(text, { uniqueKeys: true });
  return check.errors.length > 0 ? { ok: false } : { ok: true, value: check.toJS() };
}

class Splicer {
  private readonly edits: Edit[] = [];
  /** Text inserted at one place, in order (several new entries after the same one). */
  private readonly inserts = new Map<number, string[]>();

  constructor(
    private readonly text: string,
    private readonly eol: string,
    /** The `answers` map of the text's parse and its renamed keys (see spliceDocument). */
    private readonly answers: {
      map: YAMLMap | undefined;
      renamed: ReadonlyMap<string, string>;
    },
  ) {}

  /**
   * The key each pair of `b` has in the edited map (its own, or its new one when it was renamed),
   * and the pairs of `b` by those keys.
   */
  private keysAfter(
    b: YAMLMap,
    bPairs: Map<string, Pair>,
  ): { keys: string[]; byKey: Map<string, Pair> } {
    const keys = b.items.map((pair) => {
      const key = keyText(pair);
      if (b !== this.answers.map) return key;
      const to = this.answers.renamed.get(key);
      return to !== undefined && !bPairs.has(to) ? to : key;
    });
    return { keys, byKey: new Map(b.items.map((pair, i) => [keys[i] as string, pair])) };
  }

  apply(): string {
    const all = [
      ...this.edits,
      ...[...this.inserts].map(([at, parts]) => ({ start: at, end: at, text: parts.join("") })),
    ].sort((x, y) => x.start - y.start || x.end - y.end);
    let out = "";
    let at = 0;
    for (const edit of all) {
      if (edit.start < at) throw new Unsupported("overlapping edits");
      out += this.text.slice(at, edit.start) + edit.text;
      at = edit.end;
    }
    return out + this.text.slice(at);
  }

  private replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }

  private insert(at: number, text: string): void {
    const parts = this.inserts.get(at) ?? [];
    parts.push(text);
    this.inserts.set(at, parts);
  }

  /** The start of the line holding `pos`. */
  private lineStart(pos: number): number {
    return this.text.lastIndexOf("\n", pos - 1) + 1;
  }

  /** The end of the line holding `pos` (before its line end). */
  private lineEnd(pos: number): number {
    const nl = this.text.indexOf("\n", pos);
    if (nl === -1) return this.text.length;
    return this.text[nl - 1] === "\r" ? nl - 1 : nl;
  }

  /** The start of the line after the one holding `pos` (the end of the text on the last line). */
  private nextLine(pos: number): number {
    const nl = this.text.indexOf("\n", pos);
    return nl === -1 ? this.text.length : nl + 1;
  }

  /**
   * Where a node's value ends, without the one line end a block value's range ends with. Only
   * that one: the blank lines before it belong to a kept (`|+`, `>+`) block text's value, so an
   * entry inserted after it, or its replacement, must not land between them.
   */
  private valueEnd(node: Node): number {
    let end = range(node)[1];
    if (this.text[end - 1] === "\n") end--;
    if (this.text[end - 1] === "\r") end--;
    return end;
  }

  private column(pos: number): number {
    return pos - this.lineStart(pos);
  }

  /** Lines of text inserted at the start of a line. */
  private atLineStart(at: number, lines: string[]): string {
    const body = lines.join(this.eol) + this.eol;
    // At the end of a text without a final line end, the first lines inserted there start one.
    const first = !this.inserts.has(at);
    return first && at === this.text.length && at > 0 && !this.text.endsWith("\n")
      ? this.eol + body
      : body;
  }

  patchBlockMap(b: YAMLMap, a: YAMLMap, regionStart: number, regionEnd: number, indent: number) {
    const bPairs = pairsByKey(b);
    const aPairs = pairsByKey(a);
    const first = b.items[0];
    const itemIndent = first ? this.column(range(keyNode(first))[0]) : indent;
    // A renamed entry (of `answers`) is the same entry under its new key.
    const { keys, byKey: bAfter } = this.keysAfter(b, bPairs);
    b.items.forEach((pair, i) => {
      const next = b.items[i + 1];
      const end = next ? this.lineStart(range(keyNode(next))[0]) : regionEnd;
      const found = aPairs.get(keys[i] as string);
      if (found === undefined) this.deleteBlockPair(pair, itemIndent);
      else this.patchPair(pair, found, false, itemIndent, end);
    });
    let previous: Pair | undefined;
    for (const pair of a.items) {
      const existing = bAfter.get(keyText(pair));
      if (existing) {
        previous = existing;
        continue;
      }
      const lines = blockPairLines(pair, itemIndent);
      const placeholder = this.placeholderLine(keyText(pair), regionStart, regionEnd);
      if (placeholder) {
        const at = first ? itemIndent : placeholder.indent;
        this.underPlaceholder(placeholder, blockPairLines(pair, at));
      } else if (previous) {
        const at = this.pastIndentedComments(
          this.nextLine(this.valueEnd(previous.value as Node)),
          itemIndent,
          regionEnd,
        );
        this.insert(at, this.atLineStart(at, lines));
      } else if (first) {
        this.insert(this.lineStart(range(keyNode(first))[0]), this.atLineStart(-1, lines));
      } else {
        throw new Unsupported("an empty map");
      }
    }
  }

  /**
   * Past the comment lines at `at` indented deeper than the entries (`indent`): they close the
   * entry before (a remark at the end of `answers:`), so a new entry goes below them.
   */
  private pastIndentedComments(at: number, indent: number, regionEnd: number): number {
    let pos = at;
    let scan = at;
    // Blank lines between such comments belong to them (a remark set off by a blank line).
    while (scan < regionEnd && scan < this.text.length) {
      const line = this.text.slice(scan, this.lineEnd(scan));
      if (line.trim() === "") {
        scan = this.nextLine(scan);
        continue;
      }
      const comment = /^([ \t]*)#/.exec(line);
      if (comment === null || (comment[1] ?? "").length <= indent) break;
      pos = scan = this.nextLine(scan);
    }
    return pos;
  }

  /** Inserts every entry of `a` under a key whose value was empty (`answers:` and comments). */
  private fillEmpty(keyStart: number, a: YAMLMap, regionEnd: number): void {
    const indent = this.column(keyStart) + 2;
    const after = this.nextLine(keyStart);
    for (const pair of a.items) {
      const placeholder = this.placeholderLine(keyText(pair), after, regionEnd);
      if (placeholder) {
        const at = placeholder.indent > this.column(keyStart) ? placeholder.indent : indent;
        this.underPlaceholder(placeholder, blockPairLines(pair, at));
      } else {
        // Below the comment lines under the key (the hints `netdz init` writes there).
        let at = after;
        while (at < regionEnd && /^[ \t]*#/.test(this.text.slice(at, this.lineEnd(at)))) {
          at = this.nextLine(at);
        }
        this.insert(at, this.atLineStart(at, blockPairLines(pair, indent)));
      }
    }
  }

  /**
   * A line `  # ID: { … }` (the placeholder `netdz init` writes) between start and end, and the
   * end of the comment lines under it that describe the question (up to a line `#` or a blank).
   */
  private placeholderLine(key: string, start: number, end: number): Placeholder | undefined {
    const pattern = new RegExp(`^([ \\t]*)#[ \\t]?${escapeRegExp(key)}:[ \\t]*\\{[^\\n]*$`, "gm");
    pattern.lastIndex = start;
    const found = pattern.exec(this.text);
    if (!found || found.index >= end) return undefined;
    let blockEnd = this.nextLine(found.index);
    while (blockEnd < end && blockEnd < this.text.length) {
      const line = this.text.slice(blockEnd, this.lineEnd(blockEnd));
      if (!/^[ \t]*#[ \t]*\S/.test(line) || PLACEHOLDER.test(line)) break;
      blockEnd = this.nextLine(blockEnd);
    }
    return { start: found.index, blockEnd, indent: (found[1] ?? "").length };
  }

  /**
   * The entry takes the place of its placeholder: the placeholder line goes, the description
   * under it stays, and the entry follows the description.
   */
  private underPlaceholder(placeholder: Placeholder, lines: string[]): void {
    this.replace(placeholder.start, this.nextLine(placeholder.start), "");
    this.insert(placeholder.blockEnd, this.atLineStart(placeholder.blockEnd, lines));
  }

  private deleteBlockPair(pair: Pair, indent: number): void {
    const keyStart = range(keyNode(pair))[0];
    const start = this.lineStart(keyStart);
    if (this.text.slice(start, keyStart).trim() !== "") throw new Unsupported("a key mid-line");
    const value = pair.value as Node | null;
    const last = value ? this.valueEnd(value) : range(keyNode(pair))[1];
    const end = this.nextLine(last);
    // Every comment written in the entry (after its key, between its lines, at their ends) is
    // kept, each on a line of its own where the entry was: nothing the user wrote is lost.
    const pad = " ".repeat(indent);
    const kept = commentsWritten(this.text, start, end).map((c) => `${pad}${c}${this.eol}`);
    this.replace(start, end, kept.join(""));
  }

  patchFlowMap(b: YAMLMap, a: YAMLMap): void {
    const bPairs = pairsByKey(b);
    const aPairs = pairsByKey(a);
    const pad = this.text[range(b)[0] + 1] === " ";
    // A renamed entry (of `answers`) is the same entry under its new key.
    const { keys, byKey: bAfter } = this.keysAfter(b, bPairs);
    const kept = keys.map((key) => aPairs.has(key));
    const lastKept = kept.lastIndexOf(true);
    b.items.forEach((pair, i) => {
      const found = aPairs.get(keys[i] as string);
      if (found !== undefined) this.patchPair(pair, found, true, 0, 0);
      // An entry removed before the last one kept goes with the separator after it.
      else if (i < lastKept) {
        const next = b.items[i + 1] as Pair;
        const [from, to] = [range(keyNode(pair))[0], range(keyNode(next))[0]];
        this.replace(from, to, this.keptComments(from, to, ""));
      }
    });
    // The entries removed after the last one kept go, with the separator before them, at once.
    const last = b.items.at(-1);
    if (last && lastKept < b.items.length - 1) {
      const from =
        lastKept >= 0
          ? this.pairEnd(b.items[lastKept] as Pair)
          : range(keyNode(b.items[0] as Pair))[0];
      const to = this.pairEnd(last);
      const keyStart = range(keyNode(last))[0];
      const lead = this.text.slice(this.lineStart(keyStart), keyStart);
      const rest = /^[ \t]*(,)?[ \t]*#/.exec(this.text.slice(to, this.lineEnd(to)));
      if (lastKept >= 0 && lead.trim() === "" && rest !== null) {
        // The last entry had a line of its own and a comment at its end: the comments stay, each
        // on a line of its own, where the entries were (not at the end of the entry kept).
        const end = this.lineEnd(to);
        const comments = commentsWritten(this.text, from, end, true);
        const lines = comments.map((comment) => `${this.eol}${lead}${comment}`).join("");
        this.replace(from, end, `${rest[1] ?? ""}${lines}`);
      } else this.replace(from, to, this.keptComments(from, to, lastKept >= 0 ? " " : ""));
    }
    let previous: Pair | undefined;
    const head: string[] = [];
    const after = new Map<Pair, string[]>();
    for (const pair of a.items) {
      const existing = bAfter.get(keyText(pair));
      if (existing) {
        previous = existing;
        continue;
      }
      const text = `${scalarText(keyText(pair), true)}: ${flowText(pair.value as Node, pad, keyText(pair))}`;
      if (previous) after.set(previous, [...(after.get(previous) ?? []), text]);
      else head.push(text);
    }
    for (const [pair, texts] of after) this.insertAfterFlowPair(pair, texts, b);
    if (head.length === 0) return;
    const first = b.items[0];
    if (!first) throw new Unsupported("an empty flow map");
    this.insert(range(keyNode(first))[0], `${head.join(", ")}${lastKept >= 0 ? ", " : ""}`);
  }

  /**
   * New entries after an entry of a flow map. Where the entry has a line of its own (a flow map
   * written over several lines: only its separator and a comment after it), each new one gets a
   * line of its own below it, indented as it is, and its comment stays on its line; else they
   * follow it on its line (`a: 1, b: 2`).
   */
  private insertAfterFlowPair(pair: Pair, texts: string[], map: YAMLMap): void {
    const end = this.pairEnd(pair);
    const keyStart = range(keyNode(pair))[0];
    const lead = this.text.slice(this.lineStart(keyStart), keyStart);
    const rest = /^[ \t]*(,)?[ \t]*(#.*)?$/.exec(this.text.slice(end, this.lineEnd(end)));
    const last = map.items.at(-1) === pair;
    // The last entry has a line of its own and the map closes at its end (`  c: {x: 1}}`): the new
    // entries get lines of their own below it, and the map closes at the end of the last of them.
    if (rest === null && last && lead.trim() === "" && this.closesAt(map, end)) {
      this.insert(end, texts.map((text) => `,${this.eol}${lead}${text}`).join(""));
      return;
    }
    if (rest === null || lead.trim() !== "" || (rest[1] === undefined && !last)) {
      this.insert(end, texts.map((text) => `, ${text}`).join(""));
      return;
    }
    // A comma after the entry: every new line ends with one (the next entry, or the file's
    // trailing comma). None: the entry was the last and the file writes no trailing comma.
    const comma = rest[1] !== undefined;
    if (!comma) this.insert(end, ",");
    const lines = texts.map(
      (text, i) => `${lead}${text}${comma || i < texts.length - 1 ? "," : ""}${this.eol}`,
    );
    this.insert(this.nextLine(end), lines.join(""));
  }

  /** Whether a flow map's closing brace follows `offset` on its line, with only spaces between. */
  private closesAt(map: YAMLMap, offset: number): boolean {
    const close = range(map)[1];
    return close <= this.lineEnd(offset) && /^[ \t]*\}$/.test(this.text.slice(offset, close));
  }

  /**
   * The comments written in [from, to) of a flow map whose entries there are removed, kept: each
   * followed by a line break and the indentation of the line the range ends on (a comment runs
   * to the end of its line); `lead` goes before the first. "" when there are none.
   */
  private keptComments(from: number, to: number, lead: string): string {
    const comments = commentsWritten(this.text, from, to, true);
    if (comments.length === 0) return "";
    const indent = /^[ \t]*/.exec(this.text.slice(this.lineStart(to), to))?.[0] ?? "";
    return lead + comments.map((comment) => `${comment}${this.eol}${indent}`).join("");
  }

  private pairEnd(pair: Pair): number {
    const value = pair.value as Node | null;
    return value ? range(value)[1] : range(keyNode(pair))[1];
  }

  /** Makes the text of one entry's value that of `a`'s. */
  private patchPair(b: Pair, a: Pair, inFlow: boolean, indent: number, regionEnd: number): void {
    const fromKey = this.patchValue(b, a, inFlow, indent, regionEnd);
    // A renamed entry whose value was patched apart: its key is rewritten where it is.
    if (!fromKey && keyText(a) !== keyText(b)) {
      const [start, end] = range(keyNode(b));
      this.replace(start, end, scalarText(keyText(a), inFlow));
    }
  }

  /** Patches a pair's value; true when the pair was rewritten from its key on (`a`'s key). */
  private patchValue(
    b: Pair,
    a: Pair,
    inFlow: boolean,
    indent: number,
    regionEnd: number,
  ): boolean {
    const bv = b.value as Node | null;
    const av = a.value as Node | null;
    // Inside a flow collection everything is in flow style, whatever a new node's flag says.
    if (inFlow) forceFlow(av);
    if (equalNodes(bv, av)) return false;
    if (!bv || !av) throw new Unsupported("an entry without a value node");
    if (isMap(bv) && isMap(av) && Boolean(bv.flow) === Boolean(av.flow) && bv.items.length > 0) {
      if (av.items.length > 0) {
        if (bv.flow) this.patchFlowMap(bv, av);
        else this.patchBlockMap(bv, av, range(keyNode(b))[0], regionEnd, indent + 2);
        return false;
      }
    }
    if (!inFlow && isEmptyNull(bv) && isMap(av) && !av.flow && av.items.length > 0) {
      this.fillEmpty(range(keyNode(b))[0], av, regionEnd);
      return false;
    }
    if (
      isSeq(bv) &&
      isSeq(av) &&
      Boolean(bv.flow) === Boolean(av.flow) &&
      this.appendToSeq(bv, av, inFlow)
    )
      return false;
    const oneLine =
      quotedAs(bv, av) ?? inlineText(av, flowPadOf(this.text, bv), inFlow, keyText(a));
    if (oneLine !== undefined && replaceableInline(bv)) {
      const [start, end] = range(bv);
      this.replace(start, end, oneLine);
      return false;
    }
    const keyStart = range(keyNode(b))[0];
    if (inFlow) {
      const text =
        inlineText(av, flowPadOf(this.text, bv), true, keyText(a)) ??
        flowText(av, true, keyText(a));
      this.replace(keyStart, this.pairEnd(b), `${scalarText(keyText(a), true)}: ${text}`);
      return true;
    }
    // An entry left empty (`key:   # a remark`) takes a value of one line after its colon: the
    // spacing and the comment after it stay as they were, on its line.
    const lines = blockPairLines(a, indent);
    if (isEmptyNull(bv) && lines.length === 1) {
      const colon = this.text.indexOf(":", range(keyNode(b))[1]) + 1;
      this.replace(keyStart, colon, (lines[0] as string).trimStart());
      return true;
    }
    // Written anew: the comments written in the old entry stay, each on a line of its own after
    // it (an empty value's comment too: its range ends where the comment starts).
    const end = isEmptyNull(bv) ? this.lineEnd(keyStart) : this.valueEnd(bv);
    const pad = " ".repeat(indent + 2);
    const kept = commentsWritten(this.text, keyStart, end).map((c) => `${this.eol}${pad}${c}`);
    this.replace(keyStart, end, lines.join(this.eol).trimStart() + kept.join(""));
    return true;
  }

  /** New items at the end of a list that otherwise stays as it is; false when not that case. */
  private appendToSeq(b: YAMLSeq, a: YAMLSeq, inFlow: boolean): boolean {
    if (b.items.length === 0 || a.items.length <= b.items.length) return false;
    if (!b.items.every((item, i) => equalNodes(item as Node, a.items[i] as Node))) return false;
    const added = a.items.slice(b.items.length) as Node[];
    const last = b.items.at(-1) as Node;
    if (b.flow) {
      const pad = flowPadOf(this.text, b) ?? true;
      this.insert(range(last)[1], added.map((item) => `, ${flowText(item, pad)}`).join(""));
      return true;
    }
    if (inFlow) return false;
    const dash = this.text.lastIndexOf("-", range(b.items[0] as Node)[0]);
    const indent = " ".repeat(this.column(dash));
    const lines = added.map((item) => {
      const text = inlineText(item, true);
      if (text === undefined) throw new Unsupported("a block item");
      return `${indent}- ${text}`;
    });
    const at = this.nextLine(this.valueEnd(last));
    this.insert(at, this.atLineStart(at, lines));
    return true;
  }
}

/**
 * The comments written in text[from, to), each as written (from its `#`), in order, from yaml's
 * lexer: a `#` inside quoted text or a block scalar is not one. `flow`: the text is inside a flow
 * collection (read as such from its first character).
 */
function commentsWritten(text: string, from: number, to: number, flow = false): string[] {
  const found: string[] = [];
  const slice = text.slice(from, to);
  for (const token of new Lexer().lex(flow ? `{${slice}` : slice)) {
    if (token.startsWith("#")) found.push(token.trimEnd());
  }
  return found;
}

function forceFlow(node: unknown): void {
  if (isMap(node)) {
    node.flow = true;
    for (const pair of node.items) forceFlow(pair.value);
  } else if (isSeq(node)) {
    node.flow = true;
    for (const item of node.items) forceFlow(item);
  }
}

/** Plain values set on a map (`map.set(key, true)`) made nodes, so all is compared alike. */
function normalise(doc: Document, node: unknown): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isNode(pair.key)) pair.key = doc.createNode(pair.key);
      if (!isNode(pair.value)) pair.value = doc.createNode(pair.value ?? null);
      normalise(doc, pair.value);
    }
  } else if (isSeq(node)) {
    node.items = node.items.map((item) => (isNode(item) ? item : doc.createNode(item)));
    for (const item of node.items) normalise(doc, item);
  }
}

function range(node: Node): [number, number, number] {
  const r = (node as { range?: [number, number, number] | null }).range;
  if (!r) throw new Unsupported("a node without a position");
  return r;
}

function keyNode(pair: Pair): Node {
  if (!isScalar(pair.key)) throw new Unsupported("a key that is not a scalar");
  return pair.key;
}

function keyText(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

function pairsByKey(map: YAMLMap): Map<string, Pair> {
  const pairs = new Map<string, Pair>();
  for (const pair of map.items) pairs.set(keyText(pair), pair);
  return pairs;
}

function isEmptyNull(node: Node): boolean {
  return isScalar(node) && node.value === null && range(node)[0] === range(node)[1];
}

/** A value whose text can be swapped for one line: a scalar on one line, or a flow collection. */
function replaceableInline(node: Node): boolean {
  if (isScalar(node)) {
    if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) return false;
    return range(node)[0] < range(node)[1];
  }
  return (isMap(node) || isSeq(node)) && node.flow === true;
}

/** Whether a flow collection's text is padded (`{ a }`), or undefined for another node. */
function flowPadOf(text: string, node: Node | null): boolean | undefined {
  if (!node || !(isMap(node) || isSeq(node)) || !node.flow) return undefined;
  const r = (node as { range?: [number, number, number] | null }).range;
  return r ? text[r[0] + 1] === " " : undefined;
}

/** Same data and the same flow/block style; comments are not compared (their text stays). */
function equalNodes(b: Node | null | undefined, a: Node | null | undefined): boolean {
  if (!b || !a) return !b && !a;
  if (isScalar(b) && isScalar(a)) return Object.is(b.value, a.value);
  if (isMap(b) && isMap(a)) {
    if (Boolean(b.flow) !== Boolean(a.flow) || b.items.length !== a.items.length) return false;
    return b.items.every((pair, i) => {
      const other = a.items[i] as Pair;
      return (
        keyText(pair) === keyText(other) && equalNodes(pair.value as Node, other.value as Node)
      );
    });
  }
  if (isSeq(b) && isSeq(a)) {
    if (Boolean(b.flow) !== Boolean(a.flow) || b.items.length !== a.items.length) return false;
    return b.items.every((item, i) => equalNodes(item as Node, a.items[i] as Node));
  }
  if (isAlias(b) || isAlias(a)) throw new Unsupported("an alias");
  return false;
}

/**
 * A text that replaces a quoted text, quoted as it was (`"1.0.0"` stays quoted when it becomes
 * 1.2.0): double-quoted with JSON's escapes, or single-quoted when it needs no escape.
 */
function quotedAs(b: Node, a: Node | null): string | undefined {
  if (!isScalar(b) || !isScalar(a) || typeof a.value !== "string") return undefined;
  if (b.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(a.value);
  if (b.type === Scalar.QUOTE_SINGLE && !hasControlOrBreak(a.value)) {
    return `'${a.value.replace(/'/g, "''")}'`;
  }
  return undefined;
}

/** A node on one line: a scalar without line breaks in its text, or a collection in flow style. */
function inlineText(
  node: Node,
  pad: boolean | undefined,
  inFlow = false,
  key?: string,
): string | undefined {
  if (isScalar(node)) return scalarText(node.value, inFlow, key);
  if ((isMap(node) || isSeq(node)) && node.flow) return flowText(node, pad ?? true);
  return undefined;
}

/** A node in flow style (nested collections too), on one line. */
export function flowText(node: Node | null, pad: boolean, key?: string): string {
  if (node === null || isScalar(node)) return scalarText(node?.value ?? null, true, key);
  const space = pad ? " " : "";
  if (isMap(node)) {
    if (node.items.length === 0) return "{}";
    const items = node.items.map(
      (pair) =>
        `${scalarText(keyText(pair), true)}: ${flowText(pair.value as Node, pad, keyText(pair))}`,
    );
    return `{${space}${items.join(", ")}${space}}`;
  }
  if (isSeq(node)) {
    if (node.items.length === 0) return "[]";
    return `[${space}${node.items.map((item) => flowText(item as Node, pad)).join(", ")}${space}]`;
  }
  throw new Unsupported("an alias");
}

/** An entry `key: value` of a block map, as lines indented by `indent` (never folded). */
function blockPairLines(pair: Pair, indent: number): string[] {
  const pad = " ".repeat(indent);
  const key = scalarText(keyText(pair), false);
  const value = pair.value as Node | null;
  if (value === null || isScalar(value)) {
    const literal = literalLines(value?.value, indent + 2);
    if (literal) return [`${pad}${key}: |-`, ...literal];
    return [`${pad}${key}: ${scalarText(value?.value ?? null, false, keyText(pair))}`];
  }
  if ((isMap(value) || isSeq(value)) && (value.flow || value.items.length === 0)) {
    return [`${pad}${key}: ${flowText(value, true)}`];
  }
  if (isMap(value)) {
    return [`${pad}${key}:`, ...value.items.flatMap((item) => blockPairLines(item, indent + 2))];
  }
  if (isSeq(value)) {
    const lines = [`${pad}${key}:`];
    for (const item of value.items as Node[]) {
      const text = inlineText(item, true);
      if (text === undefined) throw new Unsupported("a block item in a list");
      lines.push(`${pad}  - ${text}`);
    }
    return lines;
  }
  throw new Unsupported("an alias");
}

const PLAIN_FIRST = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/;
const PLAIN_NEVER = /: |:$| #/;
const FLOW_INDICATOR = /[,[\]{}]/;

/**
 * What a YAML 1.1 reader (as PyYAML resolves it) takes for another type than a string, where
 * YAML 1.2 reads a string: `yes`/`no`/`on`/`off`/`y`/`n`, sexagesimal and `_`-grouped numbers,
 * `0`-led octals, dates and times, `=` and `<<`. An answers file is a public contract, also read
 * by such readers: a text like these is quoted.
 */
const YAML11_BOOL =
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const YAML11_NUMBER =
  /^([-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?|\.[0-9][0-9_]*([eE][-+][0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$/;
const YAML11_TIMESTAMP =
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?([ \t]*Z|[ \t]*[-+][0-9]{1,2}(:[0-9]{2})?)?)?$/;
/** Keys whose values are dates or times: read as such by YAML 1.1 readers, as meant. */
const DATE_KEYS = new Set(["answeredAt", "due"]);

function readsAsAnotherTypeIn11(text: string, key: string | undefined): boolean {
  if (YAML11_BOOL.test(text) || YAML11_NUMBER.test(text) || text === "=" || text === "<<") {
    return true;
  }
  return YAML11_TIMESTAMP.test(text) && !(key !== undefined && DATE_KEYS.has(key));
}

/**
 * A scalar as YAML text on one line: plain where that reads back as the same string (in YAML 1.2,
 * and as a string in YAML 1.1: `key` is the entry's, for the dates meant as dates), else
 * double-quoted (JSON's escapes are YAML's). Numbers, booleans and null as YAML writes them.
 */
export function scalarText(value: unknown, inFlow: boolean, key?: string): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (Number.isNaN(value)) return ".nan";
    if (!Number.isFinite(value)) return value > 0 ? ".inf" : "-.inf";
    return String(value);
  }
  const text = String(value);
  const plain =
    text !== "" &&
    text.length <= 1000 &&
    PLAIN_FIRST.test(text) &&
    !/\s$/.test(text) &&
    !PLAIN_NEVER.test(text) &&
    !hasControlOrBreak(text) &&
    !(inFlow && FLOW_INDICATOR.test(text)) &&
    !readsAsAnotherTypeIn11(text, key) &&
    readsBack(text);
  return plain ? text : JSON.stringify(text);
}

/**
 * A text of several lines as the lines of a literal block (`|-`), each as typed, or undefined
 * when it cannot be one exactly (a first line starting with a space, a line end at its end,
 * control characters): it is then double-quoted on one line.
 */
function literalLines(value: unknown, indent: number): string[] | undefined {
  if (typeof value !== "string" || !value.includes("\n")) return undefined;
  if (/^[ \t]|\n$|^\n/.test(value) || hasControlOrBreak(value.replace(/\n/g, ""))) {
    return undefined;
  }
  const pad = " ".repeat(indent);
  return value.split("\n").map((line) => (line === "" ? "" : `${pad}${line}`));
}

/** Control characters, line breaks and the byte-order mark are never written plain. */
function hasControlOrBreak(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x85 || code === 0x2028 || code === 0x2029) {
      return true;
    }
    if (code === 0xfeff || (code >= 0xd800 && code <= 0xdfff)) return true;
  }
  return false;
}

function readsBack(text: string): boolean {
  try {
    return parse(text) === text;
  } catch {
    return false;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
