/**
 * Reading a text into a yaml Document without ever letting yaml's composer run out of stack.
 *
 * yaml builds its syntax tree (the CST) without recursion, but composes the Document from it one
 * stack frame group per level of nesting: a few hundred levels exhaust the stack. yaml catches
 * the overflow, but what runs next at the edge of the stack may have to compile a regular
 * expression, and V8 then ends the whole process ("RegExpCompiler Allocation failed"), beyond any
 * `catch`, at some runs and not others. So the tree's nesting is measured first, without
 * recursion, and a text nested deeper than COMPOSE_DEPTH is never composed as it is.
 */
import { createRequire } from "node:module";
import type { CST, Document, LineCounter } from "yaml";
import type * as Yaml from "yaml";

/** Deepest nesting of maps and lists read; netdz's own files need fewer than ten levels. */
export const MAX_DEPTH = 100;
/**
 * Deepest nesting composed: beyond MAX_DEPTH, so that a file nested too deep is still located at
 * its level MAX_DEPTH + 1, and far below the few hundred levels at which the stack runs out.
 */
export const COMPOSE_DEPTH = MAX_DEPTH + 20;

type YamlModule = typeof Yaml;
let yamlModule: YamlModule | undefined;

/** The yaml package, loaded on first use: clean files never need it, and it is slow to load. */
export function yaml(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)("yaml") as YamlModule;
  return yamlModule;
}

export interface ComposeOptions {
  lineCounter?: LineCounter;
  uniqueKeys?: boolean;
  prettyErrors?: boolean;
  resolveKnownTags?: boolean;
  logLevel?: "silent" | "error" | "warn" | "debug";
}

/** What reading a text gave: its Document, or, for a text nested deeper than COMPOSE_DEPTH, not. */
export type Composed =
  | { doc: Document.Parsed; tooDeep?: undefined }
  | {
      doc?: undefined;
      tooDeep: {
        /** Where the first map or list at level MAX_DEPTH + 1 starts. */
        offset: number;
        /**
         * The text with every map and list at level COMPOSE_DEPTH + 1 blanked out (a flow one to `0`,
         * a block one to nothing; line breaks kept, so every offset stays the same).
         */
        shallow: string;
      };
    };

/**
 * What yaml's `parseDocument` gives (the first document; a second one is the error yaml reports),
 * for a text nested at most COMPOSE_DEPTH deep; for a deeper text, where it is too deep instead.
 */
export function composeYaml(text: string, options: ComposeOptions = {}): Composed {
  const { Composer, Parser, YAMLParseError } = yaml();
  const tokens = [...new Parser(options.lineCounter?.addNewLine).parse(text)];
  const deep = deepCollections(tokens, text.length);
  if (deep !== undefined) {
    return { tooDeep: { offset: deep.first, shallow: blanked(text, deep.cuts) } };
  }
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(options).compose(tokens, true, text.length)) {
    if (doc === undefined) doc = next;
    else {
      if (doc.options.logLevel !== "silent") {
        const range: [number, number] = [next.range[0], next.range[1]];
        const message = "Source contains multiple documents; please use YAML.parseAllDocuments()";
        doc.errors.push(new YAMLParseError(range, "MULTIPLE_DOCS", message));
      }
      break;
    }
  }
  // compose(…, true) always ends with a document, an empty one for an empty text.
  return { doc: doc as Document.Parsed };
}

/** A token of the syntax tree or one of its collections' items, as this walk sees them. */
type Part = CST.Token | CST.CollectionItem;

const COLLECTIONS = new Set(["block-map", "block-seq", "flow-collection"]);

/**
 * The maps and lists at level COMPOSE_DEPTH + 1, each as the span from its start to the next
 * token outside it, and the start of the first at level MAX_DEPTH + 1; undefined when none is
 * that deep. A walk without recursion, in the order of the text.
 */
function deepCollections(
  tokens: readonly CST.Token[],
  end: number,
): { first: number; cuts: [number, number][] } | undefined {
  const stack: { part: Part; level: number }[] = [];
  for (let t = tokens.length - 1; t >= 0; t--) stack.push({ part: tokens[t] as Part, level: 0 });
  const cuts: [number, number][] = [];
  let first: number | undefined;
  let open: number | undefined;
  let item: { part: Part; level: number } | undefined;
  while ((item = stack.pop()) !== undefined) {
    const { part, level } = item;
    const offset = "offset" in part && typeof part.offset === "number" ? part.offset : undefined;
    if (offset !== undefined && open !== undefined) {
      cuts.push([open, offset]);
      open = undefined;
    }
    const type = "type" in part ? part.type : undefined;
    const collection = type !== undefined && COLLECTIONS.has(type);
    const inner = collection ? level + 1 : level;
    if (collection && inner === MAX_DEPTH + 1 && first === undefined) first = offset;
    if (collection && inner > COMPOSE_DEPTH) {
      open = offset;
      continue;
    }
    const children = partsOf(part);
    for (let c = children.length - 1; c >= 0; c--) {
      stack.push({ part: children[c] as Part, level: inner });
    }
  }
  if (open !== undefined) cuts.push([open, end]);
  if (cuts.length === 0) return undefined;
  return { first: first ?? (cuts[0] as [number, number])[0], cuts };
}

/** A token's parts in the order of the text. */
function partsOf(part: Part): Part[] {
  const parts: Part[] = [];
  const add = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) parts.push(v as Part);
    else if (value !== null && typeof value === "object") parts.push(value as Part);
  };
  if (!("type" in part)) {
    // A collection's item: what precedes it, its key, the separator, its value.
    add(part.start);
    add(part.key);
    add(part.sep);
    add(part.value);
    return parts;
  }
  switch (part.type) {
    case "document":
      add(part.start);
      add(part.value);
      add(part.end);
      break;
    case "block-map":
    case "block-seq":
      add(part.items);
      break;
    case "flow-collection":
      add(part.start);
      add(part.items);
      add(part.end);
      break;
    case "block-scalar":
      add(part.props);
      break;
    case "alias":
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
      add(part.end);
      break;
    default:
      break;
  }
  return parts;
}

/** `text` with each span blanked: a flow collection's first character becomes `0`. */
function blanked(text: string, cuts: readonly [number, number][]): string {
  let out = "";
  let from = 0;
  for (const [start, stop] of cuts) {
    out += text.slice(from, start);
    const span = text.slice(start, stop);
    const blank = span.replace(/[^\r\n]/g, " ");
    out += span.startsWith("[") || span.startsWith("{") ? `0${blank.slice(1)}` : blank;
    from = stop;
  }
  return out + text.slice(from);
}
