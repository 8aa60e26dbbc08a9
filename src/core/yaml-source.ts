import { load } from "js-yaml";
import type { Document, LineCounter, Node, Pair, YAMLMap } from "yaml";
import { YAML_CORE_SCHEMA } from "./yaml-core-schema.js";
import { COMPOSE_DEPTH, composeYaml, MAX_DEPTH, yaml, type Composed } from "./yaml-compose.js";
import { countEntries, MAX_ENTRIES } from "./yaml-entries.js";
import { fileMessages } from "../i18n/file-messages.js";
import type { Diagnostic, Lang, Severity } from "./model.js";
import {
  diagnosticMessage,
  YAML_ERRORS_EN,
  type DiagnosticText,
} from "../i18n/diagnostic-messages.js";

/** A parsed YAML file that can say where any of its values sits. */
export interface YamlSource {
  file: string;
  text: string;
  /** The yaml Document with source positions (built on first use when the file parsed cleanly). */
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The plain JavaScript value (undefined when the file has syntax errors). */
  data: unknown;
  /** YAML syntax problems, duplicate keys included. */
  diagnostics: Diagnostic[];
  /** Set when the file could not be read as YAML text at all (its one problem says why). */
  readonly failed?: true;
  /** Set for a file above FULL_PARSE_LIMIT: read by js-yaml, located by searching its text. */
  readonly large?: true;
}

export type PathSegment = string | number;

/**
 * How many values aliases may repeat beyond the ones the file holds (no alias bombs): a file may
 * reach through aliases at most as many values again as it holds, plus this many.
 */
export const ALIAS_ALLOWANCE = 1000;
export { MAX_DEPTH };

/**
 * Parses YAML text, collecting syntax errors (duplicate keys are errors) as located diagnostics.
 * Clean files take a fast path (js-yaml, YAML 1.2 core schema, duplicate keys rejected) and build
 * the position-keeping yaml Document only when a problem has to be located; a file the fast path
 * rejects is parsed by yaml itself, whose messages and positions are the ones reported. A file
 * with anchors always takes the yaml path, which limits how far aliases expand. Git merge-conflict
 * markers, aliases expanding too far and nesting too deep are each one problem for the file.
 * Never throws.
 */
export function parseYamlSource(file: string, text: string, lang: Lang = "en"): YamlSource {
  const marker = conflictMarker(text);
  if (marker !== undefined) {
    return failedSource(file, text, {
      file,
      ...marker,
      severity: "error",
      code: "yaml/merge-conflict",
      message: fileMessages(lang).conflictMarkers,
    });
  }
  // A control character YAML does not allow (NUL, ESC…) is named where it is, not reported as
  // the syntax error it causes a line later.
  const control = CONTROL_CHARACTER.exec(text);
  if (control !== null) {
    return failedSource(file, text, {
      file,
      ...lineColumn(text, control.index),
      severity: "error",
      code: "yaml/control-character",
      message: fileMessages(lang).controlCharacter(control[0].codePointAt(0) ?? 0),
    });
  }
  if (text.length > FULL_PARSE_LIMIT) return checkText(parseLarge(file, text, lang), lang);
  const fast = hasAnchor(text) || mayHoldUnsupported(text) ? undefined : parseFast(text);
  if (fast === undefined) return checkText(parseFull(file, text, lang), lang);
  let full: YamlSource | undefined;
  const positions = () => (full ??= parseFull(file, text, lang));
  return checkText(
    {
      file,
      text,
      data: fast.data,
      diagnostics: [],
      get doc() {
        return positions().doc;
      },
      get lineCounter() {
        return positions().lineCounter;
      },
    },
    lang,
  );
}

/**
 * Above this many characters the position-keeping yaml parser is not used (its time and memory
 * grow too fast with size): js-yaml reads the file, and problems are located by searching the
 * text for the keys on their path.
 */
export const FULL_PARSE_LIMIT = 256 * 1024;

/**
 * A large file, read by js-yaml alone. Its entries are counted first, as js-yaml's memory grows
 * with them: a file of more than MAX_ENTRIES is one problem (a smaller file cannot hold as many).
 */
function parseLarge(file: string, text: string, lang: Lang): YamlSource {
  const { passedAt } = countEntries(text, MAX_ENTRIES);
  if (passedAt !== undefined) {
    return failedSource(file, text, {
      file,
      ...lineColumn(text, passedAt),
      severity: "error",
      code: "yaml/too-many-nodes",
      message: fileMessages(lang).tooManyEntries(MAX_ENTRIES),
    });
  }
  // js-yaml reads a list or mapping as a key, a merge key and an alias as a key without a word:
  // located as yaml locates them in a smaller file, from the tokens of the text (only when it may
  // hold one: an alias key needs an anchor).
  if (UNSUPPORTED_HINT.test(text) || hasAnchor(text)) {
    const m = fileMessages(lang);
    const refused = keyConstructs(text).map(({ offset, code }): Diagnostic => ({
      file,
      ...lineColumn(text, offset),
      severity: "error",
      code,
      message:
        code === "yaml/merge-key"
          ? m.mergeKey
          : code === "yaml/alias-key"
            ? m.aliasKey(/^\*[^\s,[\]{}]*/.exec(text.slice(offset, offset + 1024))?.[0] ?? "*")
            : m.complexKey,
    }));
    const [first, ...more] = refused;
    if (first !== undefined) {
      const source = failedSource(file, text, first);
      source.diagnostics.push(...more);
      return source;
    }
  }
  let data: unknown;
  let problem: Diagnostic | undefined;
  try {
    data = load(text, JS_YAML_OPTIONS);
    if (data === undefined) data = null;
    // Aliases need anchors: a file without one cannot expand (and the walk of every node is saved).
    if (hasAnchor(text) && expandsTooFar(data)) {
      const at = text.search(/(?:^|[\s[{,])\*[^\s,[\]{}]/);
      problem = {
        file,
        ...lineColumn(text, at < 0 ? 0 : at + (/\*/.exec(text.slice(at))?.index ?? 0)),
        severity: "error",
        code: "yaml/too-many-aliases",
        message: fileMessages(lang).tooManyAliases(ALIAS_ALLOWANCE),
      };
    }
  } catch (error) {
    problem = jsYamlProblem(file, text, error, lang);
  }
  let lineCounter: LineCounter | undefined;
  let empty: YamlSource | undefined;
  return {
    file,
    text,
    data: problem === undefined ? data : undefined,
    diagnostics: problem === undefined ? [] : [problem],
    large: true,
    get doc() {
      return (empty ??= parseFull(file, "")).doc;
    },
    get lineCounter() {
      if (lineCounter === undefined) {
        lineCounter = new (yaml().LineCounter)();
        lineCounter.addNewLine(0); // as yaml's parser does: line 1 starts at 0
        for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1))
          lineCounter.addNewLine(i + 1);
      }
      return lineCounter;
    },
  };
}

/**
 * Where the text has a key that is a list or a mapping (`? [a, b]`, `? - a`, `? a: 1`,
 * `[a, b]: x`), a merge key (`<<:`) or an alias as a key (`*k :`), from yaml's lexer: its tokens are read one at a time, so
 * a large text never becomes a tree. Each is at its key, where yaml's node for it starts.
 */
function keyConstructs(text: string): { offset: number; code: string }[] {
  const { CST, Lexer } = yaml();
  const found: { offset: number; code: string }[] = [];
  const opened: number[] = []; // where each open flow collection starts
  let closed: number | undefined; // a flow collection just closed on this line: where it began
  let merge: number | undefined; // a `<<` key just read
  let alias: number | undefined; // an alias `*name` just read (a key if a `:` follows)
  let explicit: "key" | "scalar" | undefined; // after `?`: its key still to come, or a scalar
  let explicitAt = 0;
  let offset = 0;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    if (token === "\x02" || token === "\x18") continue; // markers, not text
    if (token === "\x1f") {
      scalarNext = true;
      continue;
    }
    const at = offset;
    offset += token.length;
    const type = scalarNext ? "scalar" : CST.tokenType(token);
    scalarNext = false;
    if (type === "space" || type === "comment") continue;
    if (type === "map-value-ind") {
      if (closed !== undefined) found.push({ offset: closed, code: "yaml/complex-key" });
      else if (merge !== undefined) found.push({ offset: merge, code: "yaml/merge-key" });
      else if (explicit === "scalar") found.push({ offset: explicitAt, code: "yaml/complex-key" });
      else if (alias !== undefined) found.push({ offset: alias, code: "yaml/alias-key" });
      closed = merge = explicit = alias = undefined;
      continue;
    }
    if (type === "newline") {
      closed = merge = alias = undefined;
      if (explicit === "scalar") explicit = undefined;
      continue;
    }
    if (explicit === "key" && (type === "anchor" || type === "tag")) continue;
    const scalar =
      type === "scalar" || type === "single-quoted-scalar" || type === "double-quoted-scalar";
    if (explicit === "key") {
      if (type === "flow-seq-start" || type === "flow-map-start" || type === "seq-item-ind") {
        found.push({ offset: at, code: "yaml/complex-key" });
        explicit = undefined;
      } else if (scalar) {
        explicit = "scalar";
        explicitAt = at;
      } else explicit = undefined;
    } else explicit = undefined;
    closed = merge = alias = undefined;
    if (type === "alias") alias = at;
    if (type === "explicit-key-ind") explicit = "key";
    else if (type === "flow-seq-start" || type === "flow-map-start") opened.push(at);
    else if (type === "flow-seq-end" || type === "flow-map-end") closed = opened.pop();
    else if (scalar && token.replace(/^(["'])(.*)\1$/, "$2") === "<<") merge = at;
    if (explicit === "scalar") closed = merge = undefined;
  }
  return found;
}

/**
 * js-yaml's failure in netdz's words, with the code a smaller file gets for the same problem: a
 * repeated key says where its first use is, another syntax error gets the summary yaml's path
 * gives for it (js-yaml's own words never reach the user), anything else "not valid YAML here".
 */
function jsYamlProblem(file: string, text: string, error: unknown, lang: Lang): Diagnostic {
  const mark = (error as { mark?: { line: number; column: number; position: number } }).mark;
  const reason = String((error as { reason?: unknown }).reason ?? "");
  const where = { line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 };
  // js-yaml drops a byte-order mark before reading: its offsets are one short after one.
  const offset =
    mark === undefined ? undefined : mark.position + (text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const problem = (code: string, message: string | DiagnosticText, at = where): Diagnostic => {
    const diagnostic: Diagnostic = {
      file,
      ...at,
      severity: "error",
      code,
      message: typeof message === "string" ? message : diagnosticMessage(message, "en"),
    };
    return typeof message === "string" ? diagnostic : withText(diagnostic, message);
  };
  const multipleDocuments = (second = secondDocument(text)) =>
    problem(
      "yaml/syntax",
      { id: "yaml/multiple-docs", params: {} },
      second === undefined ? { line: 1, column: 1 } : lineColumn(text, second),
    );
  if (/maxDepth/.test(reason)) {
    // js-yaml reads every document before it says there is more than one: a second one that
    // starts before the nesting is the first problem, as a smaller file's.
    const second = secondDocument(text);
    return second !== undefined && offset !== undefined && second < offset
      ? multipleDocuments(second)
      : problem("yaml/too-deep", fileMessages(lang).tooDeep(MAX_DEPTH), tooDeepMark(text));
  }
  const refused = refusedByJsYaml(reason, lang);
  if (refused !== undefined) return problem(refused.code, refused.message);
  if (/^expected a single document/.test(reason)) return multipleDocuments();
  // A quote never closed is named where it opens, in the words a smaller file gets.
  const quote = /^unexpected end of the stream within a (double|single) quoted/.exec(reason)?.[1];
  if (quote !== undefined) {
    const opening = quote === "double" ? '"' : "'";
    const start = openWhenStopped(text)?.findLast((at) => text[at] === opening);
    const detail = `Missing closing ${opening}quote`;
    const words: DiagnosticText = {
      id: "yaml/syntax",
      params: { detail, yamlCode: "MISSING_CHAR" },
    };
    if (start !== undefined) return problem("yaml/syntax", words, lineColumn(text, start));
  }
  if (
    offset !== undefined &&
    /^unexpected end of the stream within a flow|^missed comma/.test(reason)
  ) {
    const unclosed = unclosedFlowAt(text, offset);
    if (unclosed !== undefined) return unclosedProblem(file, text, unclosed);
  }
  if (mark === undefined || offset === undefined) {
    return problem("yaml/syntax", syntaxText(undefined));
  }
  // A tab among a line's indentation is the problem, as in a smaller file (js-yaml reads a flow
  // collection's lines without a word about their tabs, and so stops only outside one).
  if (!/^duplicated mapping key/.test(reason)) {
    const tab = tabIndentNear(text, mark.line + 1, () => false);
    if (tab !== undefined) return problem("yaml/syntax", syntaxText("TAB_AS_INDENT"), tab);
  }
  if (/^duplicated mapping key/.test(reason)) {
    const key = keyText(text, offset);
    const first = key === undefined ? undefined : firstUseOfKey(text, offset, key);
    return problem("yaml/duplicate-key", {
      id: "yaml/duplicate-key",
      params: { key, first: first === undefined ? undefined : lineColumn(text, first) },
    });
  }
  const code = JS_YAML_ERRORS.find(([pattern]) => pattern.test(reason))?.[1];
  return problem("yaml/syntax", syntaxText(code));
}

/** A syntax error's text: yaml's code for it (its summary in both languages), or "not valid YAML". */
function syntaxText(code: string | undefined): DiagnosticText {
  const yamlCode = code ?? "NOT_YAML";
  return { id: "yaml/syntax", params: { detail: YAML_ERRORS_EN[yamlCode] ?? "", yamlCode } };
}

/** js-yaml's reasons, by the code yaml gives the same fault. */
const JS_YAML_ERRORS: readonly (readonly [RegExp, string])[] = [
  [/^tab characters must not be used/, "TAB_AS_INDENT"],
  [/^(?:bad|deficient) indentation/, "BAD_INDENT"],
  [/^missed comma|^unexpected end of the stream within/, "MISSING_CHAR"],
  [
    /^end of the stream or a document separator|^can not read (?:a block mapping entry|an implicit mapping pair)/,
    "MULTILINE_IMPLICIT_KEY",
  ],
  [
    /^unknown escape sequence|^expected hexadecimal character|^expected valid JSON character/,
    "BAD_DQ_ESCAPE",
  ],
  [/^expected the node content/, "BAD_SCALAR_START"],
  [/^name of an alias node/, "BAD_ALIAS"],
  [/^block sequence entries are not allowed/, "UNEXPECTED_TOKEN"],
  [/directive|^unacceptable YAML version/i, "BAD_DIRECTIVE"],
];

/** The key written at `offset` (quotes taken off), undefined when no `key:` starts there. */
function keyText(text: string, offset: number): string | undefined {
  const raw = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:\n]+?)[ \t]*:/.exec(
    text.slice(offset, offset + 1100),
  )?.[1];
  return raw?.replace(/^(["'])(.*)\1$/, "$2");
}

/**
 * Where `key`, repeated at `offset`, is first used in the same mapping. In a block mapping: the
 * lines before, at the same indentation, up to a less indented line (or the `- ` that starts the
 * mapping); in a flow mapping: its entries before, back to its `{`.
 */
function firstUseOfKey(text: string, offset: number, key: string): number | undefined {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const lead = text.slice(lineStart, offset);
  if (!/^[ \t]*$/.test(lead)) {
    if (/^[ \t]*-[ \t-]*$/.test(lead)) return undefined; // the first key of a list item
    return firstUseInFlow(text, offset, key);
  }
  const indent = offset - lineStart;
  for (let end = lineStart - 1; end > 0;) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    const dashes = /^[ \t]*(?:-[ \t]+)*/.exec(line)?.[0] ?? "";
    const rest = line.slice(dashes.length);
    if (/^(?:#|\r?$)/.test(rest)) continue;
    if (dashes.length > indent) continue;
    if (dashes.length < indent) return undefined;
    if (keyText(text, start + dashes.length) === key) return start + dashes.length;
    if (dashes.includes("-")) return undefined;
  }
  return undefined;
}

/** firstUseOfKey in a flow mapping `{ … }`: the keys after its `{` and its commas, back from offset. */
function firstUseInFlow(text: string, offset: number, key: string): number | undefined {
  let depth = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === "}" || c === "]") depth++;
    else if ((c === "{" || c === "[") && depth > 0) depth--;
    else if (depth === 0 && (c === "," || c === "{")) {
      let from = i + 1;
      while (/\s/.test(text[from] ?? "")) from++;
      if (from < offset && keyText(text, from) === key) return from;
      if (c === "{") return undefined;
    } else if (depth === 0 && c === "[") return undefined;
  }
  return undefined;
}

/** Where the second YAML document starts: the `---` after some content (or a second `---`). */
function secondDocument(text: string): number | undefined {
  const separator = /^---(?=[ \t\r\n]|$)/gm;
  let from = 0;
  for (let match = separator.exec(text); match !== null; match = separator.exec(text)) {
    if (/^[ \t]*[^\s#%]/m.test(text.slice(from, match.index))) return match.index;
    from = match.index + 3;
  }
  return undefined;
}

/** js-yaml's refusal of a tag or an alias without anchor, in netdz's words (as yaml's path says). */
function refusedByJsYaml(
  reason: string,
  lang: Lang,
): { code: string; message: string } | undefined {
  const m = fileMessages(lang);
  const tag = /^unknown tag !<(.*)>/.exec(reason)?.[1];
  if (tag !== undefined) {
    const shown = tag.replace(/^tag:yaml\.org,2002:/, "!!");
    return { code: "yaml/unsupported-tag", message: m.unsupportedTag(shown) };
  }
  const alias = /^unidentified alias "(.*)"/.exec(reason)?.[1];
  if (alias !== undefined)
    return { code: "yaml/undefined-alias", message: m.undefinedAlias(alias) };
  return undefined;
}

/**
 * Whether aliases in the data repeat more values than ALIAS_ALLOWANCE lets them. The data of both
 * readers shares a value only for an alias, so a file without aliases expands to exactly as many
 * values as it holds: only the values reached again through an alias count against the limit,
 * however big the file is. Walked without recursion: aliases can nest values far deeper than the
 * file does.
 */
function expandsTooFar(data: unknown): boolean {
  const sizes = new Map<object, number>(); // each shared value's size, once walked
  let held = 0; // every value once: what the file holds
  const add = (a: number, b: number) => Math.min(a + b, Number.MAX_SAFE_INTEGER);
  interface Walk {
    value: object;
    children: unknown[];
    next: number;
    total: number;
  }
  const walks: Walk[] = [];
  /** The size of a value already known (a scalar, a value walked), or undefined: walk it. */
  const known = (value: unknown): number | undefined => {
    if (value === null || typeof value !== "object") {
      held++;
      return 1;
    }
    const size = sizes.get(value);
    if (size !== undefined) return size;
    held++;
    sizes.set(value, 1); // a value inside itself counts once
    const children = Array.isArray(value) ? (value as unknown[]) : Object.values(value);
    walks.push({ value, children, next: 0, total: 1 });
    return undefined;
  };
  let expanded = known(data) ?? 0;
  while (walks.length > 0) {
    const walk = walks[walks.length - 1] as Walk;
    if (walk.next < walk.children.length) {
      const size = known(walk.children[walk.next++]);
      if (size !== undefined) walk.total = add(walk.total, size);
      continue;
    }
    walks.pop();
    sizes.set(walk.value, walk.total);
    const parent = walks[walks.length - 1];
    if (parent === undefined) expanded = walk.total;
    else parent.total = add(parent.total, walk.total);
  }
  return expanded - held > held + ALIAS_ALLOWANCE;
}

/** 1-based line and column of an offset in text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * Keys at the start of a line (`  key:`, `- key:`, `"key":`): where each first sits (later
 * places of a repeated key in `more`), and where every line starts. Kept compact, as a 10 MB
 * file of short lines has a million of each: the first places are a hash table of offsets into
 * the text (no string kept per key), the line starts an Int32Array.
 */
interface TextIndex {
  /** Open addressing: for each slot, 1 + the offset where a key's text starts (0: empty). */
  slots: Int32Array;
  more: Map<string, number[]>;
  lineStarts: Int32Array;
  lines: number;
}

const textIndexes = new WeakMap<object, TextIndex>();

/** FNV-1a of `length` characters of `text` from `start`. */
function hashOf(text: string, start: number, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < start + length; i++)
    hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** Whether the key indexed at `from` is `key`: its text, then its closing quote or its colon. */
function isKeyAt(text: string, from: number, key: string): boolean {
  if (!text.startsWith(key, from)) return false;
  const quote = text[from - 1];
  let end = from + key.length;
  if (quote === '"' || quote === "'") return text[end] === quote;
  while (text[end] === " " || text[end] === "\t") end++;
  return text[end] === ":";
}

/** The slot holding `key` in the index, or the empty slot where it would go. */
function slotOf(slots: Int32Array, text: string, key: string, hash: number): number {
  const mask = slots.length - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const at = slots[slot] as number;
    if (at === 0 || isKeyAt(text, at - 1, key)) return slot;
  }
}

/** Where the key whose text starts at `from` is located: at its opening quote, if any. */
function placeOf(text: string, from: number): number {
  const quote = text[from - 1];
  return quote === '"' || quote === "'" ? from - 1 : from;
}

function textIndex(source: YamlSource): TextIndex {
  let index = textIndexes.get(source);
  if (index !== undefined) return index;
  const text = source.text;
  let count = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  let size = 16;
  while (size < count * 2) size *= 2;
  const slots = new Int32Array(size);
  const more = new Map<string, number[]>();
  const lineStarts = new Int32Array(count);
  let lines = 1;
  // Sticky: matched where each line starts, without cutting the line out of the text.
  const keyPattern =
    /[ \t]*(?:- +)*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'#:{}[\],][^:\n]{0,398}?))[ \t]*:(?:[ \t]|$)/my;
  for (let start = 0; start < text.length;) {
    const end = text.indexOf("\n", start);
    keyPattern.lastIndex = start;
    const match = keyPattern.exec(text);
    const key = match?.[1] ?? match?.[2] ?? match?.[3];
    if (match && key !== undefined) {
      const quoted = match[1] !== undefined || match[2] !== undefined;
      const from = start + match[0].indexOf(key, quoted ? match[0].search(/["']/) + 1 : 0);
      const slot = slotOf(slots, text, key, hashOf(text, from, key.length));
      if (slots[slot] === 0) slots[slot] = from + 1;
      else {
        const list = more.get(key);
        if (list) list.push(placeOf(text, from));
        else more.set(key, [placeOf(text, from)]);
      }
    }
    if (end === -1) break;
    start = end + 1;
    lineStarts[lines++] = start;
  }
  index = { slots, more, lineStarts, lines };
  textIndexes.set(source, index);
  return index;
}

/** The first place of a key in the index at or after `min`, undefined when there is none. */
function keyPlace(index: TextIndex, text: string, key: string, min: number): number | undefined {
  const at = index.slots[slotOf(index.slots, text, key, hashOf(key, 0, key.length))] as number;
  if (at === 0) return undefined;
  const first = placeOf(text, at - 1);
  return first >= min ? first : firstAtLeast(index.more.get(key) ?? [], min);
}

/** The first element of a sorted list greater than or equal to `min`. */
function firstAtLeast(list: readonly number[], min: number): number | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < min) lo = mid + 1;
    else hi = mid;
  }
  return list[lo];
}

/**
 * Where a path sits in a large file, found from an index of the keys that start its lines: each
 * key of the path is looked up after the one before it. Close enough to point at the right line.
 */
function locateInText(
  source: YamlSource,
  path: readonly PathSegment[],
): { line: number; column: number } {
  const index = textIndex(source);
  const { lineStarts, lines } = index;
  let offset = 0;
  // Each key is looked for after the one before it: a key's own name may come again below it.
  let after = 0;
  for (const segment of path) {
    if (typeof segment === "number") continue;
    const next =
      keyPlace(index, source.text, segment, after) ?? flowKeyPlace(source.text, segment, after);
    if (next === undefined) break;
    offset = next;
    after = next + 1;
  }
  let lo = 0;
  let hi = lines - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
}

/**
 * A key in a flow mapping on the line of `offset`, after it (`200` in `{ value: 1,200 }`): the
 * index holds only the keys that start lines. Looked for on that one line only.
 */
function flowKeyPlace(text: string, key: string, offset: number): number | undefined {
  const newline = text.indexOf("\n", offset);
  const end = newline === -1 ? text.length : newline;
  const blank = (c: string | undefined) => c === " " || c === "\t" || c === "\r";
  for (let at = text.indexOf(key, offset); at !== -1 && at < end; at = text.indexOf(key, at + 1)) {
    let b = at - 1;
    while (b >= offset && blank(text[b])) b--;
    let a = at + key.length;
    while (a < end && blank(text[a])) a++;
    const before = text[b];
    const after = text[a];
    if ((before === "{" || before === ",") && (after === ":" || after === "," || after === "}"))
      return at;
  }
  return undefined;
}

/** A source with nothing usable in it: one problem that stands for the whole file. */
export function failedSource(file: string, text: string, problem: Diagnostic): YamlSource {
  let empty: YamlSource | undefined;
  const blank = () => (empty ??= parseFull(file, ""));
  return {
    file,
    text,
    data: undefined,
    diagnostics: [problem],
    failed: true,
    get doc() {
      return blank().doc;
    },
    get lineCounter() {
      return blank().lineCounter;
    },
  };
}

/** An anchor (`&name`) after a space, a bracket or a line start: such a file has aliases. */
const ANCHOR = /(?:^|[\s[{,])&[^\s,[\]{}]/;

/**
 * What js-yaml would read without a word but netdz refuses (see `unsupportedConstructs`): an
 * explicit key (`? `), a flow list or mapping as a key (`[a, b]: x`), a merge key (`<<:`). A file
 * that may hold one is read by yaml, which locates it.
 */
const UNSUPPORTED_HINT =
  /^[ \t-]*\?(?:[ \t]|$)|^[ \t-]*[[{][^\n]*[\]}][ \t]*:(?:[ \t]|$)|<<[ \t]*:/m;
const CONFLICT_MARKER = /^(?:<{7}|={7}|>{7})(?:[ \t]|\r?$)/m;
/** Characters YAML does not allow in a file: C0 controls but tab, LF and CR; DEL; C1 but NEL. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]/;

/*
 * The prescans below run on every file. Each first looks with a native string search for what
 * its pattern cannot match without (an `&`, a `<<`, seven `<`), so most files skip the pattern.
 */

/** Whether the text has an anchor (ANCHOR). */
function hasAnchor(text: string): boolean {
  return text.includes("&") && ANCHOR.test(text);
}

/** Whether the text may hold what UNSUPPORTED_HINT looks for (and does, by it). */
function mayHoldUnsupported(text: string): boolean {
  if (!text.includes("<<") && !lineStartsWithOneOf(text, "?[{")) return false;
  return UNSUPPORTED_HINT.test(text);
}

/**
 * Whether some line has one of `chars` first after spaces, tabs and dashes: where a pattern's
 * `^[ \t-]*` followed by one of them could match (any line terminator starts a line, as for `^`
 * with the `m` flag).
 */
function lineStartsWithOneOf(text: string, chars: string): boolean {
  for (const c of chars) {
    for (let i = text.indexOf(c); i !== -1; i = text.indexOf(c, i + 1)) {
      let j = i;
      while (j > 0 && " \t-".includes(text.charAt(j - 1))) j--;
      if (j === 0 || isLineTerminator(text.charCodeAt(j - 1))) return true;
    }
  }
  return false;
}

/** The line terminators of a JavaScript pattern: LF, CR, LINE and PARAGRAPH SEPARATOR. */
function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** Line and column of the first git merge-conflict marker at the start of a line. */
function conflictMarker(text: string): { line: number; column: number } | undefined {
  if (!text.includes("<<<<<<<") && !text.includes("=======") && !text.includes(">>>>>>>")) {
    return undefined;
  }
  const match = CONFLICT_MARKER.exec(text);
  if (!match) return undefined;
  return lineColumn(text, match.index);
}

/** The checks of the data read, for a file of any size: nesting, then escapes. */
function checkText(source: YamlSource, lang: Lang): YamlSource {
  return checkJsComments(checkEscapes(checkDepth(source, lang), lang), lang);
}

/** A `//` or `/*` where a key starts: at a line's start, or after `{`, `[` or `,`. */
const JS_COMMENT = /(?:^|[{[,])[ \t]*(\/\/|\/\*)/m;

/**
 * A comment as JSON-with-comments writes it (`// …`, `/* … *\/`) is no comment in YAML: it reads
 * as part of a key, and the schema would then report a missing field and an unknown one. When a
 * key starts so, that is one problem at the comment, and the data is not handed on.
 */
function checkJsComments(source: YamlSource, lang: Lang): YamlSource {
  const { text } = source;
  if (source.data === undefined || (!text.includes("//") && !text.includes("/*"))) return source;
  const jsKey = (text: string, isKey: boolean) =>
    isKey && (text.startsWith("//") || text.startsWith("/*"));
  if (!anyTextInData(source.data, jsKey)) return source;
  const found = JS_COMMENT.exec(text);
  const at = found === null ? undefined : found.index + found[0].length - 2;
  const problem: Diagnostic = {
    file: source.file,
    ...(at === undefined ? { line: 1, column: 1 } : lineColumn(text, at)),
    severity: "error",
    code: "yaml/js-comment",
    message: fileMessages(lang).jsComment(found?.[1] ?? "//"),
  };
  // That one problem says it all: the format the file names may be in the key it spoils.
  return { ...withoutData(source, problem), failed: true };
}

/** Half of a UTF-16 pair on its own: a high surrogate with no low one after it, or a low alone. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A `\u` or `\U` escape giving half a UTF-16 pair (`"\ud800"`) is one problem at the escape,
 * and the data is not handed on. The text itself was decoded strictly, so only an escape can make
 * one: a text without `\u` or `\U` is not walked.
 */
function checkEscapes(source: YamlSource, lang: Lang): YamlSource {
  const { text } = source;
  if (source.data === undefined || (!text.includes("\\u") && !text.includes("\\U"))) return source;
  if (!holdsLoneSurrogate(source.data)) return source;
  const escape = loneSurrogateEscape(text);
  const problem: Diagnostic = {
    file: source.file,
    ...(escape === undefined ? { line: 1, column: 1 } : lineColumn(text, escape.offset)),
    severity: "error",
    code: "yaml/invalid-escape",
    message: fileMessages(lang).loneSurrogate(escape?.written ?? "\\u"),
  };
  return withoutData(source, problem);
}

/** Whether a key or text in the data holds half a UTF-16 pair. Walked without recursion. */
function holdsLoneSurrogate(data: unknown): boolean {
  return anyTextInData(data, (text) => LONE_SURROGATE.test(text));
}

/** Whether a key or text anywhere in the data passes `test`. Walked without recursion. */
function anyTextInData(data: unknown, test: (text: string, isKey: boolean) => boolean): boolean {
  const stack: unknown[] = [data];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === "string") {
      if (test(value, false)) return true;
    } else if (value !== null && typeof value === "object" && !seen.has(value)) {
      seen.add(value);
      if (Array.isArray(value)) for (const item of value as unknown[]) stack.push(item);
      else
        for (const key of Object.keys(value)) {
          if (test(key, true)) return true;
          stack.push((value as Record<string, unknown>)[key]);
        }
    }
  }
  return false;
}

/** The first escape in the text (an odd run of backslashes) that gives half a UTF-16 pair. */
function loneSurrogateEscape(text: string): { offset: number; written: string } | undefined {
  const escape = /(\\+)(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/g;
  let pendingHigh: { offset: number; written: string; end: number } | undefined;
  for (let match = escape.exec(text); match !== null; match = escape.exec(text)) {
    const slashes = (match[1] as string).length;
    if (slashes % 2 === 0) continue;
    const offset = match.index + slashes - 1;
    const written = `\\${match[2] as string}`;
    const code = Number.parseInt((match[2] as string).slice(1), 16);
    if (pendingHigh !== undefined) {
      if (offset === pendingHigh.end && code >= 0xdc00 && code <= 0xdfff) {
        pendingHigh = undefined;
        continue;
      }
      return pendingHigh;
    }
    if (code >= 0xd800 && code <= 0xdbff && written[1] === "u")
      pendingHigh = { offset, written, end: offset + written.length };
    else if (code >= 0xd800 && code <= 0xdfff) return { offset, written };
  }
  return pendingHigh;
}

/** Data nested deeper than MAX_DEPTH is one problem, and is not handed on to be checked. */
function checkDepth(source: YamlSource, lang: Lang): YamlSource {
  if (source.data === undefined || source.data === null || typeof source.data !== "object")
    return source;
  const path = tooDeepAt(source.data, hasAnchor(source.text));
  if (path === undefined) return source;
  let where = { line: 1, column: 1 };
  try {
    where = (source.large ? tooDeepMark(source.text) : undefined) ?? locate(source, path);
  } catch {
    // Positions of a file this deep may be out of reach; the file's start still names it.
  }
  const problem: Diagnostic = {
    file: source.file,
    ...where,
    severity: "error",
    code: "yaml/too-deep",
    message: fileMessages(lang).tooDeep(MAX_DEPTH),
  };
  return withoutData(source, problem);
}

/** `source` with its data dropped and one more problem: a value that is not handed on to be checked. */
function withoutData(source: YamlSource, problem: Diagnostic): YamlSource {
  const { file, text } = source;
  return {
    file,
    text,
    data: undefined,
    diagnostics: [...source.diagnostics, problem],
    get doc() {
      return source.doc;
    },
    get lineCounter() {
      return source.lineCounter;
    },
  };
}

/**
 * The path to the first value nested deeper than MAX_DEPTH, walked without recursion. Each node
 * on the stack links to its parent (no path copied per node), so a huge flat file costs little.
 */
function tooDeepAt(data: object, shared: boolean): PathSegment[] | undefined {
  // Values no alias shares (every file the fast path reads) are a tree: a plain walk, building
  // nothing, says whether any value is that deep; only then is the path looked for below.
  if (!shared && !deeperThanLimit(data, 0)) return undefined;
  // One frame per level open (never more than MAX_DEPTH): a mapping of a million entries costs
  // one frame, not one per entry. Children are taken last first, the order this walk has always
  // used, so the path found is the same. `seen` is needed only where aliases share values.
  interface Frame {
    value: object;
    keys: string[] | undefined;
    next: number;
    depth: number;
    key?: PathSegment;
    parent?: Frame;
  }
  const seen = shared ? new WeakSet<object>() : undefined;
  const open = (value: object, depth: number, key?: PathSegment, parent?: Frame): Frame => {
    seen?.add(value);
    const keys = Array.isArray(value) ? undefined : Object.keys(value);
    const next = (keys ?? (value as unknown[])).length - 1;
    return { value, keys, next, depth, ...(key === undefined ? {} : { key }), parent };
  };
  let frame: Frame | undefined = open(data, 0);
  while (frame !== undefined) {
    if (frame.next < 0) {
      frame = frame.parent;
      continue;
    }
    const at = frame.next--;
    const key: PathSegment = frame.keys ? (frame.keys[at] as string) : at;
    const child: unknown = (frame.value as Record<PathSegment, unknown>)[key];
    if (child === null || typeof child !== "object" || seen?.has(child)) continue;
    if (frame.depth + 1 >= MAX_DEPTH) {
      const path: PathSegment[] = [key];
      for (let up: Frame | undefined = frame; up?.key !== undefined; up = up.parent) {
        path.unshift(up.key);
      }
      return path;
    }
    frame = open(child, frame.depth + 1, key, frame);
  }
  return undefined;
}

/**
 * Whether a value under `value` (itself at `depth`) lies at depth MAX_DEPTH or more, as the walk
 * of `tooDeepAt` counts it. For a tree only (no shared values); recursion stops at MAX_DEPTH.
 */
function deeperThanLimit(value: object, depth: number): boolean {
  if (Array.isArray(value)) {
    for (const child of value as unknown[]) {
      if (child === null || typeof child !== "object") continue;
      if (depth + 1 >= MAX_DEPTH || deeperThanLimit(child, depth + 1)) return true;
    }
    return false;
  }
  // Object.keys, not for…in: a mapping of many keys is a dictionary-mode object, on which
  // for…in checks every key again.
  for (const key of Object.keys(value)) {
    const child: unknown = (value as Record<string, unknown>)[key];
    if (child === null || typeof child !== "object") continue;
    if (depth + 1 >= MAX_DEPTH || deeperThanLimit(child, depth + 1)) return true;
  }
  return false;
}

/**
 * How js-yaml reads: the core schema, and nesting up to COMPOSE_DEPTH. Its own limit (100 by
 * default) counts a map's values as a level of their own, so that a file 100 levels deep, which
 * netdz reads, was refused; how deep a file may go is checkDepth's to say, as for yaml.
 */
const JS_YAML_OPTIONS = { schema: YAML_CORE_SCHEMA, json: false, maxDepth: COMPOSE_DEPTH };

/**
 * Where a node js-yaml opens at `position` starts in `text`: past the blanks, comments, anchor or
 * tag before it. (js-yaml drops a byte-order mark before reading: its offsets are one short after
 * one.)
 */
function nodeStarts(text: string): (position: number) => number {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lead = /(?:[ \t\r\n]|#[^\n]*|[&!][^\s,[\]{}]*)*/y;
  return (position) => {
    lead.lastIndex = position + bom;
    lead.exec(text);
    return lead.lastIndex;
  };
}

/**
 * Where the first map or list at level MAX_DEPTH + 1 starts in a file too large for yaml to read
 * (the walk of locateInText cannot follow list items): the place a smaller file's problem names.
 *
 * js-yaml tells each node it opens (before the blanks, comments, anchor or tag in front of it,
 * which are skipped here) and closes. A node that opens where its parent starts is no level of
 * its own: js-yaml reads a map's first key there, and reads a flow list or map in a block place
 * (the file's root) in a second node of the same content. A node at the level is a map or list
 * when a node opens inside it a level deeper, or when it closes as one (`[]`).
 */
function tooDeepMark(text: string): { line: number; column: number } | undefined {
  const level = MAX_DEPTH + 1;
  const startOf = nodeStarts(text);
  const open: { start: number; level: number }[] = [];
  let found: number | undefined;
  const stop = new Error("found");
  // js-yaml's State has these fields; its published types do not name them.
  const listener = (event: string, jsYamlState: unknown) => {
    const state = jsYamlState as { position: number; kind: unknown };
    if (event === "open") {
      const start = startOf(state.position);
      const parent = open.at(-1);
      const depth = parent === undefined ? 1 : parent.level + (parent.start === start ? 0 : 1);
      if (parent?.level === level && depth === level + 1) found = parent.start;
      open.push({ start, level: depth });
    } else {
      const node = open.pop();
      if (node?.level === level && (state.kind === "mapping" || state.kind === "sequence"))
        found = node.start;
    }
    if (found !== undefined) throw stop;
  };
  try {
    load(text, { ...JS_YAML_OPTIONS, listener });
  } catch {
    // Stopped where it was found, or a fault of the file's, reported on its own.
  }
  return found === undefined ? undefined : lineColumn(text, found);
}

function parseFast(text: string): { data: unknown } | undefined {
  try {
    const data = load(text, JS_YAML_OPTIONS);
    return { data: data === undefined ? null : data };
  } catch {
    return undefined;
  }
}

/** Parses with the yaml Document API, keeping positions for every node. Never throws. */
function parseFull(file: string, text: string, lang: Lang = "en"): YamlSource {
  const lineCounter = new (yaml().LineCounter)();
  let composed: Composed;
  try {
    composed = composeYaml(text, { ...YAML_OPTIONS, lineCounter, uniqueKeys: true });
  } catch {
    // Beyond the parser's own reach: one problem for the file.
    const empty = parseFull(file, "");
    return { ...empty, text, data: undefined, diagnostics: [unparsable(file, lang)] };
  }
  if (composed.tooDeep !== undefined) {
    // Nested too deep to be composed: the text with its deepest maps and lists blanked out
    // (offsets unchanged) is read instead, so the problem is located at level MAX_DEPTH + 1 as
    // for any file nested too deep.
    const again = checkDepth(parseFull(file, composed.tooDeep.shallow, lang), lang);
    const deep = again.diagnostics.find((d) => d.code === "yaml/too-deep");
    const at = deep ?? lineColumn(text, composed.tooDeep.offset);
    // A fault before the nesting (a second document, a syntax error) is the file's first
    // problem, as in a file nested less deep or one read by js-yaml.
    const before = again.diagnostics.filter(
      (d) =>
        d.code !== "yaml/too-deep" &&
        (d.line < at.line || (d.line === at.line && d.column < at.column)),
    );
    const problem: Diagnostic = {
      file,
      ...at,
      severity: "error",
      code: "yaml/too-deep",
      message: fileMessages(lang).tooDeep(MAX_DEPTH),
    };
    const { doc, lineCounter: counted } = again;
    // A repeated key does not stop a file from being read (and found too deep).
    const unreadable = before.some(
      (d) => d.severity === "error" && d.code !== "yaml/duplicate-key",
    );
    const diagnostics = unreadable ? before : [...before, problem];
    return { file, text, doc, lineCounter: counted, data: undefined, diagnostics };
  }
  const doc = composed.doc;
  const diagnostics: Diagnostic[] = [];
  const push = (
    severity: Severity,
    reported: { code: string; message: string; pos: [number, number] },
  ) => {
    // yaml places a repeated key after the first one's value when that value is empty
    // (`a:` then `a: 1`): the repeat itself is where the problem is named.
    // A quote never closed is reported where the text ends: it is named where it opens.
    const moved =
      reported.code === "DUPLICATE_KEY"
        ? repeatedKeyFrom(doc, reported.pos[0])
        : isUnclosedQuote(reported)
          ? unclosedQuoteBefore(doc, reported.pos[0])
          : undefined;
    const error =
      moved === undefined ? reported : { ...reported, pos: [moved, moved + 1] as [number, number] };
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const message = yamlMessage(
      error,
      text,
      (offset) => {
        const first = lineCounter.linePos(offset);
        return { line: first.line, column: first.col };
      },
      doc,
    );
    diagnostics.push(
      withText(
        {
          file,
          line,
          column: col,
          severity,
          code: error.code === "DUPLICATE_KEY" ? "yaml/duplicate-key" : "yaml/syntax",
          message: diagnosticMessage(message, "en"),
        },
        message,
      ),
    );
  };
  // The composer ran out of stack although the nesting is within COMPOSE_DEPTH (the stack was
  // nearly used up already): one problem where it stopped.
  const overflow = doc.errors.find((e) => e.code === "RESOURCE_EXHAUSTION");
  if (overflow) {
    const { line, col } = lineCounter.linePos(overflow.pos[0]);
    const problem: Diagnostic = {
      file,
      line,
      column: col,
      severity: "error",
      code: "yaml/too-deep",
      message: fileMessages(lang).tooDeep(MAX_DEPTH),
    };
    return { file, text, doc, lineCounter, data: undefined, diagnostics: [problem] };
  }
  // A flow list or mapping never closed is one problem, where it opens (yaml reports it, and
  // each one around it, where its reading stopped).
  const unclosed = unclosedFlow(doc, text);
  for (const error of doc.errors) {
    if (unclosed?.covers.has(error) !== true) push("error", error);
    else if (error === unclosed.first) diagnostics.push(unclosedProblem(file, text, unclosed));
  }
  diagnostics.splice(0, diagnostics.length, ...withoutFollowOns(diagnostics));
  // A tab among a line's indentation throws yaml's reading of the lines after it (false repeated
  // keys, "nested mappings"): that one problem is reported, where the tab is.
  const tab = doc.errors.some((e) => e.code !== "DUPLICATE_KEY")
    ? tabIndentNear(text, firstErrorLine(diagnostics), (offset) => inFlowCollection(doc, offset))
    : undefined;
  if (tab !== undefined) {
    // In the words yaml gives a file indented with tabs throughout.
    const words: DiagnosticText = {
      id: "yaml/syntax",
      params: { detail: YAML_ERRORS_EN.TAB_AS_INDENT ?? "", yamlCode: "TAB_AS_INDENT" },
    };
    const problem = withText(
      {
        file,
        ...tab,
        severity: "error",
        code: "yaml/syntax",
        message: diagnosticMessage(words, "en"),
      },
      words,
    );
    return { file, text, doc, lineCounter, data: undefined, diagnostics: [problem] };
  }
  // An unknown tag is one of the constructs reported below, in netdz's words.
  for (const warning of doc.warnings)
    if (warning.code !== "TAG_RESOLVE_FAILED") push("warning", warning);
  const refused = unsupportedConstructs(doc, text, lineCounter, file, lang);
  if (refused.length > 0) {
    return {
      file,
      text,
      doc,
      lineCounter,
      data: undefined,
      diagnostics: withoutFollowOns([...diagnostics, ...refused]),
    };
  }
  // A repeated key is an error, but the rest of the file can still be checked: read it with the
  // later value winning. Any other syntax error leaves nothing reliable to check.
  const onlyRepeatedKeys = doc.errors.every((e) => e.code === "DUPLICATE_KEY");
  let data: unknown;
  try {
    // Aliases are counted as the large-file reader counts them (expandsTooFar), not by yaml.
    const options = { maxAliasCount: -1 };
    data = !onlyRepeatedKeys
      ? undefined
      : doc.errors.length === 0
        ? (doc.toJS(options) as unknown)
        : (yaml()
            .parseDocument(text, { ...YAML_OPTIONS, uniqueKeys: false })
            .toJS(options) as unknown);
  } catch {
    data = undefined;
    diagnostics.push(unparsable(file, lang));
  }
  if (data !== undefined && hasAnchor(text) && expandsTooFar(data)) {
    data = undefined;
    diagnostics.push({
      file,
      ...firstAlias(doc, lineCounter),
      severity: "error",
      code: "yaml/too-many-aliases",
      message: fileMessages(lang).tooManyAliases(ALIAS_ALLOWANCE),
    });
  }
  return { file, text, doc, lineCounter, data, diagnostics };
}

/**
 * Options of every yaml parse: YAML 1.2 core types only (no `!!binary`, `!!set`, `!!omap`,
 * `!!timestamp`, which would turn a value into a Buffer, Set or Map), and no warning printed by
 * the library: its warnings are in `doc.warnings`, reported as located problems.
 */
const YAML_OPTIONS = { prettyErrors: false, resolveKnownTags: false, logLevel: "error" } as const;

/** The YAML 1.2 core tags: the types a netdz file's values have anyway. */
const CORE_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`),
);

/**
 * The YAML constructs netdz does not read, each one located problem: a tag other than the core
 * ones (`!!binary`, `!foo`), an alias with no anchor before it, a key that is a list or mapping,
 * a merge key (`<<`), and an alias as a key (`*k :`, which repeats the key it stands for).
 */
function unsupportedConstructs(
  doc: Document.Parsed,
  text: string,
  lineCounter: LineCounter,
  file: string,
  lang: Lang,
): Diagnostic[] {
  const { isAlias, isCollection, isNode, isScalar, visit } = yaml();
  const m = fileMessages(lang);
  const out: Diagnostic[] = [];
  const at = (offset: number | undefined, code: string, message: string) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    out.push({ file, line, column: col, severity: "error", code, message });
  };
  visit(doc, {
    Node(_key, node) {
      if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
        const resolved = node.tag.replace(/^tag:yaml\.org,2002:/, "!!");
        const { offset, tag } = writtenTag(text, node.range?.[0] ?? 0, resolved);
        at(offset, "yaml/unsupported-tag", m.unsupportedTag(tag));
      }
      if (isAlias(node) && node.resolve(doc) === undefined) {
        at(node.range?.[0], "yaml/undefined-alias", m.undefinedAlias(node.source));
      }
      return undefined;
    },
    Pair(_key, pair) {
      if (isCollection(pair.key)) {
        at(isNode(pair.key) ? pair.key.range?.[0] : undefined, "yaml/complex-key", m.complexKey);
      } else if (isScalar(pair.key) && pair.key.value === "<<") {
        at(pair.key.range?.[0], "yaml/merge-key", m.mergeKey);
      } else if (isAlias(pair.key)) {
        at(pair.key.range?.[0], "yaml/alias-key", m.aliasKey(`*${pair.key.source}`));
      }
      return undefined;
    },
  });
  return out;
}

/**
 * The tag as written before the value at `start` (yaml's range starts at the value), and where it
 * begins; the tag's name as yaml resolved it when the text does not show it there.
 */
function writtenTag(
  text: string,
  start: number,
  resolved: string,
): { offset: number; tag: string } {
  let end = start;
  while (end > 0 && (text[end - 1] === " " || text[end - 1] === "\t")) end--;
  let from = end;
  while (from > 0 && !/\s/.test(text[from - 1] ?? " ")) from--;
  const bang = text.indexOf("!", from);
  if (bang < 0 || bang >= end) return { offset: start, tag: resolved };
  return { offset: bang, tag: text.slice(bang, end) };
}

function unparsable(file: string, lang: Lang): Diagnostic {
  return {
    file,
    line: 1,
    column: 1,
    severity: "error",
    code: "yaml/unreadable",
    message: fileMessages(lang).unparsable,
  };
}

/** Where the first alias (`*name`) sits. */
function firstAlias(doc: Document, lineCounter: LineCounter): { line: number; column: number } {
  const { visit } = yaml();
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * yaml's message, put in the user's terms where it speaks of its own API or leaves out the key;
 * a repeated key is located at the repeat and says where the key first stands.
 */
function yamlMessage(
  error: { code: string; message: string; pos: [number, number] },
  text: string,
  position: (offset: number) => { line: number; column: number },
  doc: Document.Parsed,
): DiagnosticText {
  if (error.code === "DUPLICATE_KEY") {
    const raw = /^("[^"\n]*"|'[^'\n]*'|[^:\n]+?)\s*:/.exec(text.slice(error.pos[0]))?.[1];
    const key = raw?.replace(/^(["'])(.*)\1$/, "$2");
    const first = firstKeyOffset(doc, error.pos[0]);
    return {
      id: "yaml/duplicate-key",
      params: { key, first: first === undefined ? undefined : position(first) },
    };
  }
  if (error.code === "MULTIPLE_DOCS") return { id: "yaml/multiple-docs", params: {} };
  return { id: "yaml/syntax", params: { detail: firstLine(error.message), yamlCode: error.code } };
}

/**
 * The tab in the indentation of the line of the first error, else of the line before it (where a
 * tab makes yaml stumble), if there is one. Inside a flow collection (a JSON file indented with
 * tabs) a tab is only a space, and never the problem.
 */
function tabIndentNear(
  text: string,
  first: number,
  inFlowCollection: (offset: number) => boolean,
): { line: number; column: number } | undefined {
  if (FLOW_DOCUMENT.test(text)) return undefined;
  if (!Number.isFinite(first)) return undefined;
  const lines = text.split(/\r\n|\n|\r/, first);
  for (const line of [first, first - 1]) {
    const written = lines[line - 1];
    if (written === undefined) continue;
    const indent = /^[ \t]*\t[ \t]*(?=[^ \t#])/.exec(written);
    if (indent === null) continue;
    const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    if (!inFlowCollection(offset)) return { line, column: indent[0].indexOf("\t") + 1 };
  }
  return undefined;
}

/**
 * The line where the reading of a file first stumbles (Infinity when it has no error): its first
 * error's line, or for a flow list or mapping never closed, which is named where it opens, the
 * line where its reading stopped (what lies between was read as part of it).
 */
export function firstErrorLine(diagnostics: readonly Diagnostic[]): number {
  let first = Number.POSITIVE_INFINITY;
  for (const d of diagnostics) {
    const line = d.text?.id === "yaml/unclosed-flow" ? d.text.params.until.line : d.line;
    if (d.severity === "error" && line < first) first = line;
  }
  return first;
}

/** A document that opens with a flow collection (`{` or `[` after blank and comment lines). */
export const FLOW_DOCUMENT = /^\uFEFF?(?:[ \t]*(?:#[^\n\r]*)?(?:\r\n|\n|\r))*[ \t]*[[{]/;

/** Whether an offset lies inside a flow mapping or list of the document. */
function inFlowCollection(doc: Document.Parsed, offset: number): boolean {
  const { isCollection, visit } = yaml();
  let inside = false;
  const check = (_key: unknown, node: unknown) => {
    if (!isCollection(node) || !node.flow) return undefined;
    const [start, end] = node.range ?? [];
    if (start !== undefined && end !== undefined && start < offset && offset < end) {
      inside = true;
      return visit.BREAK;
    }
    return undefined;
  };
  visit(doc, { Map: check, Seq: check });
  return inside;
}

/**
 * The problems without those that follow from a quote or a flow list or mapping never closed:
 * what yaml reads after it is read as part of it (js-yaml, above 256 KB, stops at it).
 */
function withoutFollowOns(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const opened = diagnostics.find((d) => d.text?.id === "yaml/unclosed-flow" || unclosedQuote(d));
  if (opened === undefined) return [...diagnostics];
  return diagnostics.filter(
    (d) =>
      d === opened ||
      d.severity !== "error" ||
      d.line < opened.line ||
      (d.line === opened.line && d.column < opened.column),
  );
}

/** Whether a yaml error is a quote never closed. */
function isUnclosedQuote(error: { code: string; message: string }): boolean {
  return error.code === "MISSING_CHAR" && /^Missing closing ["']quote/.test(error.message);
}

/** Whether a problem is yaml's quote never closed (named where the quote opens). */
function unclosedQuote(d: Diagnostic): boolean {
  if (d.text?.id !== "yaml/syntax") return false;
  const { yamlCode, detail } = d.text.params;
  return isUnclosedQuote({ code: yamlCode ?? "", message: detail ?? "" });
}

/** The character that closes a flow list or mapping, by the one that opens it. */
const CLOSER = { "[": "]", "{": "}" } as const;

/** yaml's words for a flow list or mapping that does not end with its `]` or `}`. */
const FLOW_NOT_ENDED = /end with a [\]}]$/;

/** A flow list or mapping that is never closed: where it opens, and where its reading stopped. */
interface UnclosedFlow {
  /** Offset of its `[` or `{`. */
  start: number;
  /** Offset where the reader stopped looking for its end. */
  end: number;
  /** In yaml's path: the errors it stands for (those at the same places), the first of them. */
  covers: Set<unknown>;
  first?: unknown;
}

/**
 * The innermost flow list or mapping that yaml found not ended where it first stopped reading
 * one, or undefined. Every other error at the places where yaml reports such an end (those of
 * the collections around it, "implicit keys need values") follows from it.
 */
function unclosedFlow(doc: Document.Parsed, text: string): UnclosedFlow | undefined {
  const ends = doc.errors.filter((e) => FLOW_NOT_ENDED.test(firstLine(e.message)));
  const first = ends.reduce<(typeof ends)[number] | undefined>(
    (a, e) => (a === undefined || e.pos[0] < a.pos[0] ? e : a),
    undefined,
  );
  if (first === undefined) return undefined;
  const end = first.pos[0];
  const kind = /^Flow map/.test(first.message) ? "{" : "[";
  // A quote never closed runs to where the list or mapping is found not ended: it is the problem.
  if (doc.errors.some((e) => isUnclosedQuote(e) && e.pos[0] <= end)) return undefined;
  // The lists and mappings whose reading stopped there, innermost first. The innermost one is
  // closed when the character before that place is its own `]` or `}` (`{ a: [1] ]`): the
  // collection around it ended there too, not closed.
  const stopped: number[] = [];
  const { visit } = yaml();
  const check = (
    _key: unknown,
    node: { flow?: boolean; range?: [number, number, number] | null },
  ) => {
    const [from, to] = node.range ?? [];
    if (node.flow === true && from !== undefined && to === end && /[[{]/.test(text[from] ?? "")) {
      stopped.push(from);
    }
  };
  visit(doc, { Map: check, Seq: check });
  stopped.sort((a, b) => b - a);
  const innermost = stopped[0];
  if (innermost !== undefined && text[end - 1] === CLOSER[text[innermost] as "[" | "{"]) {
    stopped.shift();
  }
  const start = stopped.find((from) => text[from] === kind) ?? -1;
  if (start < 0) return undefined;
  const places = new Set(ends.map((e) => e.pos[0]));
  const covers = new Set<unknown>(doc.errors.filter((e) => places.has(e.pos[0])));
  return { start, end, covers, first };
}

/**
 * Where the nodes js-yaml was reading when it stopped start, outermost first; undefined when
 * it reads the text without stopping.
 */
function openWhenStopped(text: string): number[] | undefined {
  const startOf = nodeStarts(text);
  const open: number[] = [];
  const listener = (event: string, jsYamlState: unknown) => {
    if (event === "close") open.pop();
    else open.push(startOf((jsYamlState as { position: number }).position));
  };
  try {
    load(text, { ...JS_YAML_OPTIONS, listener });
    return undefined;
  } catch {
    return open;
  }
}

/**
 * The flow list or mapping js-yaml was reading when it stopped at `end`, if it is never closed
 * there: the file ends inside it, a `]` or `}` of the other kind stands where its end should,
 * or a line starts there no more indented than the line it opens on (where yaml, too, ends it).
 */
function unclosedFlowAt(text: string, end: number): UnclosedFlow | undefined {
  const start = openWhenStopped(text)?.findLast((at) => text[at] === "[" || text[at] === "{");
  if (start === undefined) return undefined;
  const lineStart = (at: number) => text.lastIndexOf("\n", at - 1) + 1;
  const indent = (at: number) => {
    let i = lineStart(at);
    while (text[i] === " ") i++;
    return i - lineStart(at);
  };
  const closer = text[end] === "]" || text[end] === "}";
  const ended =
    /^\s*$/.test(text.slice(end)) ||
    (closer && text[end] !== CLOSER[text[start] as "[" | "{"]) ||
    (/^[ \t]*$/.test(text.slice(lineStart(end), end)) && indent(end) <= indent(start));
  return ended ? { start, end, covers: new Set() } : undefined;
}

/** The one problem of a flow list or mapping never closed, where it opens. */
function unclosedProblem(file: string, text: string, unclosed: UnclosedFlow): Diagnostic {
  const open = text[unclosed.start] === "{" ? "{" : "[";
  const words: DiagnosticText = {
    id: "yaml/unclosed-flow",
    params: { open, until: lineColumn(text, unclosed.end) },
  };
  const at = lineColumn(text, unclosed.start);
  const problem: Diagnostic = {
    file,
    ...at,
    severity: "error",
    code: "yaml/syntax",
    message: diagnosticMessage(words, "en"),
  };
  return withText(problem, words);
}

/** Where the quoted text that runs up to `offset` (unclosed) opens, if there is one. */
function unclosedQuoteBefore(doc: Document.Parsed, offset: number): number | undefined {
  const { isScalar, visit } = yaml();
  let found: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || (node.type !== "QUOTE_DOUBLE" && node.type !== "QUOTE_SINGLE")) {
        return undefined;
      }
      const [start, end] = node.range ?? [];
      if (start !== undefined && end === offset && start < offset) {
        found = start;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Every repeated key of a document, by where it stands (sorted), with where the key first stands
 * in its mapping: built once per document, in one walk, so that a file of thousands of repeated
 * keys is located in time that grows with its size, not with its size times its repeats.
 */
interface RepeatIndex {
  starts: number[];
  firsts: number[];
}
const repeatIndexes = new WeakMap<Document.Parsed, RepeatIndex>();

function repeatIndex(doc: Document.Parsed): RepeatIndex {
  const cached = repeatIndexes.get(doc);
  if (cached) return cached;
  const { isMap, isNode, isScalar, visit } = yaml();
  const found: [number, number][] = [];
  visit(doc, {
    Map(_key, map) {
      if (!isMap(map)) return undefined;
      const first = new Map<unknown, number>();
      for (const item of map.items) {
        const key: unknown = item.key;
        const start = isNode(key) ? key.range?.[0] : undefined;
        if (start === undefined) continue;
        const value = isScalar(key) ? key.value : key;
        const at = first.get(value);
        if (at === undefined) first.set(value, start);
        else found.push([start, at]);
      }
      return undefined;
    },
  });
  found.sort((a, b) => a[0] - b[0]);
  const index = { starts: found.map((f) => f[0]), firsts: found.map((f) => f[1]) };
  repeatIndexes.set(doc, index);
  return index;
}

/** The place in `index` of the first repeated key at or after `offset` (its length if none). */
function repeatAtOrAfter(index: RepeatIndex, offset: number): number {
  let [low, high] = [0, index.starts.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((index.starts[mid] as number) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The first key at or after `offset` that repeats an earlier key of its mapping, if any. */
function repeatedKeyFrom(doc: Document.Parsed, offset: number): number | undefined {
  const index = repeatIndex(doc);
  return index.starts[repeatAtOrAfter(index, offset)];
}

/** Where the key repeated at `offset` first stands in its mapping. */
function firstKeyOffset(doc: Document.Parsed, offset: number): number | undefined {
  const index = repeatIndex(doc);
  const at = repeatAtOrAfter(index, offset);
  return index.starts[at] === offset ? index.firsts[at] : undefined;
}

/** The first line of a message, at most 200 characters (some quote the rest of the file). */
function firstLine(message: string): string {
  const line = message.split("\n")[0]?.trim() ?? message;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** 1-based line and column of a character offset. */
export function positionOf(source: YamlSource, offset: number): { line: number; column: number } {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * Where the value at `path` sits in the file. With `key: true`, points at the key of the last
 * segment instead (useful for "unknown property" and "duplicate id" problems). Walks up to the
 * nearest existing ancestor when the path does not exist (e.g. a missing property).
 */
export function locate(
  source: YamlSource,
  path: readonly PathSegment[],
  options: { key?: boolean } = {},
): { line: number; column: number } {
  if (source.large) return locateInText(source, path);
  const { isMap, isNode, isSeq } = yaml();
  let node: unknown = source.doc.contents;
  let best: Node | undefined = isNode(node) ? node : undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] as PathSegment;
    const isLast = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairByKey(node).get(String(segment));
      if (!pair) break;
      if (isLast && options.key && isNode(pair.key)) {
        best = pair.key;
        break;
      }
      node = pair.value;
      best = isNode(node) && node.range ? node : isNode(pair.key) ? pair.key : best;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
      if (!isNode(node)) break;
      best = node;
    } else {
      break;
    }
  }
  const offset = best?.range?.[0] ?? 0;
  return positionOf(source, offset);
}

const pairIndex = new WeakMap<object, Map<string, Pair>>();

/** A map's pairs by key (the first of a repeated key), built once per map: locating is O(1). */
function pairByKey(map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (index === undefined) {
    const { isPair, isScalar } = yaml();
    index = new Map();
    for (const item of map.items) {
      if (!isPair(item)) continue;
      const key = String(isScalar(item.key) ? (item.key as { value: unknown }).value : item.key);
      // A repeated key is read with the later value winning, so it is located in the later one.
      index.set(key, item);
    }
    pairIndex.set(map, index);
  }
  return index;
}

/**
 * A function that adds a located problem of `source` to `out`: the one way the rule modules
 * report what they find (`key` places it at the mapping key instead of its value).
 */
export function problemPusher(source: YamlSource, out: Diagnostic[]) {
  return (
    severity: Severity,
    path: PathSegment[],
    code: string,
    message: DiagnosticText,
    key = false,
  ): number => out.push(diagnosticAt(source, path, severity, code, message, { key }));
}

/**
 * Builds a diagnostic located at `path` in the source. The line and column are worked out when
 * first read, so a problem that is only counted never costs the position-keeping parse.
 */
export function diagnosticAt(
  source: YamlSource,
  path: readonly PathSegment[],
  severity: Severity,
  code: string,
  message: string | DiagnosticText,
  options: { key?: boolean } = {},
): Diagnostic {
  let position: { line: number; column: number } | undefined;
  const where = () => (position ??= locate(source, path, options));
  const diagnostic: Diagnostic = {
    file: source.file,
    get line() {
      return where().line;
    },
    get column() {
      return where().column;
    },
    severity,
    code,
    message: typeof message === "string" ? message : diagnosticMessage(message, "en"),
  };
  return typeof message === "string" ? diagnostic : withText(diagnostic, message);
}

/**
 * Attaches a message's id and params, which renderers put into the chosen language. Not
 * enumerable: a diagnostic still compares, prints and serialises as its six public fields.
 */
export function withText(diagnostic: Diagnostic, text: DiagnosticText): Diagnostic {
  return Object.defineProperty(diagnostic, "text", { value: text, enumerable: false });
}

/** Splits an ajv/JSON-pointer instance path (`/questions/3/weight`) into segments. */
export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}
