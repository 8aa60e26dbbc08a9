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
import { isMap, isPair, isScalar, isSeq, type Document } from "yaml";
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
 * `value` as JSON laid out as `original` (parsed as `before`) is: indented by its first indented
 * line (spaces or tabs); an object or list that was on one line stays on one line, and a new one
 * is on one line when one beside it is (a new answer among one-line answers); inside one-line
 * collections the original's spacing (`{ "a": 1 }` or `{"a":1}`). A final newline when the
 * original ends with one.
 */
function jsonTextLike(original: string, before: Document, value: unknown): string {
  const body = original.trim();
  const lines = linesOf(original, before);
  const style: JsonStyle = {
    indent: /\n([ \t]+)\S/.exec(body)?.[1] ?? "  ",
    pad: /[{[] ["\d[{tfn-]/.test(body),
    colon: /":\s/.test(body) ? ": " : ":",
    ...lines,
  };
  if (!body.includes("\n")) style.oneLine.add(pathKey([]));
  const json = jsonIn(value, [], 0, style);
  return /\n$/.test(original) ? `${json}\n` : json;
}

interface JsonStyle {
  indent: string;
  pad: boolean;
  colon: string;
  /** The paths (pathKey) of the collections of the original, and those on one line. */
  known: Set<string>;
  oneLine: Set<string>;
  /** The paths of collections with a child collection on one line. */
  oneLineChildren: Set<string>;
}

function pathKey(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}

/** Where the original's collections are, and which sit on one line. */
function linesOf(
  text: string,
  before: Document,
): Pick<JsonStyle, "known" | "oneLine" | "oneLineChildren"> {
  const found = {
    known: new Set<string>(),
    oneLine: new Set<string>(),
    oneLineChildren: new Set<string>(),
  };
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (!isMap(node) && !isSeq(node)) return;
    const key = pathKey(path);
    found.known.add(key);
    const range = node.range;
    if (range && !text.slice(range[0], range[1]).includes("\n")) {
      found.oneLine.add(key);
      if (path.length > 0) found.oneLineChildren.add(pathKey(path.slice(0, -1)));
    }
    node.items.forEach((item: unknown, i: number) => {
      if (isPair(item)) {
        const k = isScalar(item.key) ? String(item.key.value) : String(item.key);
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
  within = false,
): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const list = Array.isArray(value);
  const entries: [string | number, unknown][] = list
    ? (value as unknown[]).map((v, i) => [i, v])
    : Object.entries(value).filter(([, v]) => v !== undefined);
  const [open, close] = list ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return `${open}${close}`;
  const key = pathKey(path);
  const parent = pathKey(path.slice(0, -1));
  const inline =
    within ||
    (style.known.has(key)
      ? style.oneLine.has(key)
      : path.length > 0 && style.oneLineChildren.has(parent));
  const items = entries.map(([k, v]) => {
    const text = jsonIn(v, [...path, k], depth + 1, style, inline);
    return list ? text : `${JSON.stringify(k)}${style.colon}${text}`;
  });
  if (inline) {
    const pad = style.pad ? " " : "";
    return `${open}${pad}${items.join(style.colon === ": " ? ", " : ",")}${pad}${close}`;
  }
  const inner = style.indent.repeat(depth + 1);
  return `${open}\n${items.map((item) => inner + item).join(",\n")}\n${style.indent.repeat(depth)}${close}`;
}

/** The text in the line ends of `original` (CRLF when its first line ends so). */
function inLineEndsOf(original: string, text: string): string {
  const lf = text.replace(/\r\n/g, "\n");
  return /^[^\n]*\r\n/.test(original) ? lf.replace(/\n/g, "\r\n") : lf;
}
