/**
 * The text an edited answers file is written with, for every command that changes one (an
 * `assess` save, a `migrate`): one rule, here.
 *
 * - A file written as JSON (its text parses as JSON, an object at its root) stays JSON: YAML's
 *   minimal edits would put YAML-only syntax (plain scalars, unquoted keys) into it, and the
 *   scripts that made or read it would no longer parse it. It is written again from its data,
 *   in its own indent (one line when it was one line), line ends and final newline. JSON has no
 *   comments, so nothing the user wrote is lost.
 * - Any other file is spliced (core/yaml-splice.ts): only the text of what changed is replaced.
 * - When that cannot be done safely, the Document is written whole, in the file's line ends.
 *
 * `text` has no byte-order mark (the caller keeps it). No I/O.
 */
import { isDeepStrictEqual } from "node:util";
import { isMap, isNode, isPair, isScalar, isSeq, type Document } from "yaml";
import { answersYamlText } from "./answers-yaml.js";
import { spliceDocument } from "./yaml-splice.js";

export function editedText(
  text: string,
  before: Document,
  after: Document,
  options: { renamed?: ReadonlyMap<string, string> } = {},
): string {
  if (isJsonObjectText(text)) return inLineEndsOf(text, jsonTextLike(text, before, after.toJS()));
  return spliceDocument(text, before, after, options) ?? inLineEndsOf(text, answersYamlText(after));
}

/** Whether the text is a JSON document whose root is an object. */
export function isJsonObjectText(text: string): boolean {
  const start = /^\s*\{/.exec(text);
  if (start === null) return false;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * `value` as JSON laid out as `original` (parsed as `before`) is. What did not change (an entry,
 * a key, a collection, a number) keeps its text byte for byte: its spacing, its escapes
 * (`\u00e9`), its number spelling (`1.0`, digits beyond a double's). What changed is written
 * as the original writes: indented by its first indented line (spaces or tabs); an object or
 * list that was on one line stays on one line, and a new one is on one line when one beside it
 * is (a new answer among one-line answers); inside a one-line collection the spacing of that
 * collection (`{ "a": 1 }` or `{"a":1}`), or of one beside it when it is new; non-ASCII
 * characters escaped when the original escapes them and has none raw. A final newline when
 * the original ends with one.
 */
function jsonTextLike(original: string, before: Document, value: unknown): string {
  const body = original.trim();
  const found = linesOf(original, before);
  const style: JsonStyle = {
    indent: /\n([ \t]+)\S/.exec(body)?.[1] ?? "  ",
    spacing: spacingOf(body),
    ascii: /\\u[0-9a-fA-F]{4}/.test(body) && !/[\u0080-\uffff]/.test(body),
    ...found,
  };
  if (!body.includes("\n")) style.oneLine.add(pathKey([]));
  const json = jsonIn(value, [], 0, style);
  return /\n$/.test(original) ? `${json}\n` : json;
}

/** How a collection's text spaces its items: padded (`{ "a" }`), and `": "` or `":"`. */
interface Spacing {
  pad: boolean;
  colon: string;
}

function spacingOf(text: string): Spacing {
  return { pad: /[{[] ["\d[{tfn-]/.test(text), colon: /":\s/.test(text) ? ": " : ":" };
}

/**
 * A one-line collection's own spacing: after its opening bracket, and after its first key (a
 * list's after its first item), not that of the collections inside it.
 */
function ownSpacingOf(text: string, file: Spacing): Spacing {
  const key = /^\{\s*"(?:[^"\\]|\\.)*"(\s*):(\s*)/.exec(text);
  if (key !== null) return { pad: /^\{ /.test(text), colon: `${key[1] ?? ""}:${key[2] ?? ""}` };
  const item = /^\[\s*(?:"(?:[^"\\]|\\.)*"|[^,[\]{}"]*),(\s*)/.exec(text);
  if (item !== null) return { pad: /^\[ /.test(text), colon: item[1] === "" ? ":" : ": " };
  // An empty collection (or one item) says nothing of its spacing: the file's.
  return file;
}

interface JsonStyle {
  indent: string;
  /** The file's spacing, for a new one-line collection with none beside it. */
  spacing: Spacing;
  ascii: boolean;
  /** The paths (pathKey) of the collections of the original, and those on one line. */
  known: Set<string>;
  oneLine: Set<string>;
  /** Per collection with a child collection on one line: that child's spacing. */
  oneLineChildren: Map<string, Spacing>;
  /** The original's text of each node and of each key, by path, with its data. */
  source: Map<string, { text: string; value: unknown }>;
  /**
   * The original's one-line node texts by their data (as JSON.stringify writes it), the first
   * of each: an entry moved to another path (an answer renamed or retired) keeps its text.
   */
  byData: Map<string, string>;
  keySource: Map<string, string>;
}

function pathKey(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}

/** Where the original's collections are, which sit on one line, and each node's text. */
function linesOf(
  text: string,
  before: Document,
): Pick<JsonStyle, "known" | "oneLine" | "oneLineChildren" | "source" | "keySource" | "byData"> {
  const found = {
    known: new Set<string>(),
    oneLine: new Set<string>(),
    oneLineChildren: new Map<string, Spacing>(),
    source: new Map<string, { text: string; value: unknown }>(),
    keySource: new Map<string, string>(),
    byData: new Map<string, string>(),
  };
  const fileSpacing = spacingOf(text.trim());
  const walk = (node: unknown, path: (string | number)[]): void => {
    const key = pathKey(path);
    const range = isNode(node) ? node.range : undefined;
    const slice = range ? text.slice(range[0], range[1]) : undefined;
    if (slice !== undefined) {
      try {
        const value: unknown = JSON.parse(slice);
        found.source.set(key, { text: slice, value });
        const data = JSON.stringify(value);
        if (!slice.includes("\n") && !found.byData.has(data)) found.byData.set(data, slice);
      } catch {
        // Not a node of its own in JSON (cannot happen in a file that parses as JSON).
      }
    }
    if (!isMap(node) && !isSeq(node)) return;
    found.known.add(key);
    if (slice !== undefined && !slice.includes("\n")) {
      found.oneLine.add(key);
      const parent = pathKey(path.slice(0, -1));
      if (path.length > 0 && !found.oneLineChildren.has(parent)) {
        found.oneLineChildren.set(parent, ownSpacingOf(slice, fileSpacing));
      }
    }
    node.items.forEach((item: unknown, i: number) => {
      if (isPair(item)) {
        const k = isScalar(item.key) ? String(item.key.value) : String(item.key);
        const keyRange = isNode(item.key) ? item.key.range : undefined;
        if (keyRange) {
          found.keySource.set(pathKey([...path, k]), text.slice(keyRange[0], keyRange[1]));
        }
        walk(item.value, [...path, k]);
      } else walk(item, [...path, i]);
    });
  };
  walk(before.contents, []);
  return found;
}

/** Inside a collection on one line (`within`), everything is on that line. */
function jsonIn(
  value: unknown,
  path: (string | number)[],
  depth: number,
  style: JsonStyle,
  within?: Spacing,
): string {
  const key = pathKey(path);
  const kept = style.source.get(key);
  if (kept !== undefined && isDeepStrictEqual(kept.value, value)) return kept.text;
  const moved = value === undefined ? undefined : style.byData.get(JSON.stringify(value));
  if (moved !== undefined && (kept === undefined || typeof value !== "object")) return moved;
  if (value === null || typeof value !== "object") return jsonScalar(value, style);
  const list = Array.isArray(value);
  const entries: [string | number, unknown][] = list
    ? (value as unknown[]).map((v, i) => [i, v])
    : Object.entries(value).filter(([, v]) => v !== undefined);
  const [open, close] = list ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return `${open}${close}`;
  const parent = pathKey(path.slice(0, -1));
  // On one line: inside one, or as it was, or (new) as one beside it is; spaced as it was, or
  // as the collection around it, or as one beside it, or as the file.
  const spacing: Spacing | undefined =
    within ??
    (style.known.has(key)
      ? style.oneLine.has(key)
        ? ownSpacingOf(kept?.text ?? "", style.spacing)
        : undefined
      : path.length > 0
        ? style.oneLineChildren.get(parent)
        : undefined);
  const colon = (spacing ?? style.spacing).colon;
  const items = entries.map(([k, v]) => {
    const text = jsonIn(v, [...path, k], depth + 1, style, spacing);
    if (list) return text;
    const keyText = style.keySource.get(pathKey([...path, k])) ?? jsonScalar(k, style);
    return `${keyText}${colon}${text}`;
  });
  if (spacing) {
    const pad = spacing.pad ? " " : "";
    return `${open}${pad}${items.join(colon.endsWith(" ") ? ", " : ",")}${pad}${close}`;
  }
  const inner = style.indent.repeat(depth + 1);
  return `${open}\n${items.map((item) => inner + item).join(",\n")}\n${style.indent.repeat(depth)}${close}`;
}

/** A scalar as JSON; non-ASCII escaped as `\uXXXX` when the file writes it so. */
function jsonScalar(value: unknown, style: JsonStyle): string {
  const text = JSON.stringify(value) ?? "null";
  if (!style.ascii) return text;
  return text.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The text in the line ends of `original` (CRLF when its first line ends so). */
function inLineEndsOf(original: string, text: string): string {
  const lf = text.replace(/\r\n/g, "\n");
  return /^[^\n]*\r\n/.test(original) ? lf.replace(/\n/g, "\r\n") : lf;
}
