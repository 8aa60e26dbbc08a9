import { load } from "js-yaml";
import { createRequire } from "node:module";
import type { Document, LineCounter, Node } from "yaml";
import type * as Yaml from "yaml";
import { YAML_CORE_SCHEMA } from "./yaml-core-schema.js";
import type { Diagnostic, Severity } from "./model.js";

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
}

export type PathSegment = string | number;

/**
 * Parses YAML text, collecting syntax errors (duplicate keys are errors) as located diagnostics.
 * Clean files take a fast path (js-yaml, YAML 1.2 core schema, duplicate keys rejected) and build
 * the position-keeping yaml Document only when a problem has to be located; a file the fast path
 * rejects is parsed by yaml itself, whose messages and positions are the ones reported.
 */
export function parseYamlSource(file: string, text: string): YamlSource {
  const fast = parseFast(text);
  if (fast === undefined) return parseFull(file, text);
  let full: YamlSource | undefined;
  const positions = () => (full ??= parseFull(file, text));
  return {
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
  };
}

function parseFast(text: string): { data: unknown } | undefined {
  try {
    const data = load(text, { schema: YAML_CORE_SCHEMA, json: false });
    return { data: data === undefined ? null : data };
  } catch {
    return undefined;
  }
}

type YamlModule = typeof Yaml;
let yamlModule: YamlModule | undefined;

/** The yaml package, loaded on first use: clean files never need it, and it is slow to load. */
function yaml(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)("yaml") as YamlModule;
  return yamlModule;
}

/** Parses with the yaml Document API, keeping positions for every node. */
function parseFull(file: string, text: string): YamlSource {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  const push = (
    severity: Severity,
    error: { code: string; message: string; pos: [number, number] },
  ) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    diagnostics.push({
      file,
      line,
      column: col,
      severity,
      code: error.code === "DUPLICATE_KEY" ? "yaml/duplicate-key" : "yaml/syntax",
      message: yamlMessage(error, text),
    });
  };
  for (const error of doc.errors) push("error", error);
  for (const warning of doc.warnings) push("warning", warning);
  // A repeated key is an error, but the rest of the file can still be checked: read it with the
  // later value winning. Any other syntax error leaves nothing reliable to check.
  const onlyRepeatedKeys = doc.errors.every((e) => e.code === "DUPLICATE_KEY");
  const data = !onlyRepeatedKeys
    ? undefined
    : doc.errors.length === 0
      ? (doc.toJS({ maxAliasCount: 100 }) as unknown)
      : (parseDocument(text, { uniqueKeys: false }).toJS({ maxAliasCount: 100 }) as unknown);
  return { file, text, doc, lineCounter, data, diagnostics };
}

/** yaml's message, put in the user's terms where it speaks of its own API or leaves out the key. */
function yamlMessage(
  error: { code: string; message: string; pos: [number, number] },
  text: string,
): string {
  if (error.code === "DUPLICATE_KEY") {
    const key = /^("[^"\n]*"|'[^'\n]*'|[^:\n]+?)\s*:/.exec(text.slice(error.pos[0]))?.[1];
    return key === undefined
      ? "duplicate key: a key may appear only once in a mapping"
      : `duplicate key ${key.startsWith('"') || key.startsWith("'") ? key : `"${key}"`}: a key may appear only once in a mapping`;
  }
  if (error.code === "MULTIPLE_DOCS") {
    return "the file holds more than one YAML document; remove the `---` line that starts the second";
  }
  return firstLine(error.message);
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
  const { isMap, isNode, isPair, isSeq } = yaml();
  let node: unknown = source.doc.contents;
  let best: Node | undefined = isNode(node) ? node : undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] as PathSegment;
    const isLast = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyMatches(item.key, segment));
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

function keyMatches(key: unknown, segment: PathSegment): boolean {
  const value = yaml().isScalar(key) ? (key as { value: unknown }).value : key;
  return String(value) === String(segment);
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
  message: string,
  options: { key?: boolean } = {},
): Diagnostic {
  let position: { line: number; column: number } | undefined;
  const where = () => (position ??= locate(source, path, options));
  return {
    file: source.file,
    get line() {
      return where().line;
    },
    get column() {
      return where().column;
    },
    severity,
    code,
    message,
  };
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
