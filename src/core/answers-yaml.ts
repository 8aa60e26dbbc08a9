/**
 * Pure edits to an answers file held as a yaml Document: one answer, one zone field or one
 * assessor field at a time, keeping comments and key order. A first answer takes the place of
 * the placeholder line `netdz init` wrote for its question; that line's writer and reader are
 * both here. No I/O: the store writes the text.
 */
import { Document, isMap, isPair, isScalar, YAMLMap, type Node, type Pair } from "yaml";
import type { Answer, ProfileValue, Question } from "./model.js";
import { compareIds } from "./score.js";

/** The longest line a new answer is written on as a flow map (longer: a block map). */
const LINE_WIDTH = 100;
/** Texts are never folded: a long note stays on its line, and the file never grows by folding. */
const STRINGIFY = { lineWidth: 0 } as const;
const ANSWER_KEY_ORDER = [
  "status",
  "value",
  "evidence",
  "note",
  "owner",
  "due",
  "answeredAt",
  "review",
] as const;

/** The placeholder of a question, as the text of a comment line (without `#`). */
export function placeholderText(question: Pick<Question, "id" | "type">): string {
  return `${question.id}: { ${question.type === "status" ? "status" : "value"}: }`;
}

/** The placeholder as `init` writes it, indented under `answers:`. */
export function placeholderLine(question: Pick<Question, "id" | "type">): string {
  return `  # ${placeholderText(question)}`;
}

/**
 * True when a comment line (its text after `#`, as the yaml library keeps it) is the placeholder
 * of this question, whatever its type (a hand edit may have changed `status` to `value`).
 */
export function isPlaceholderOf(commentLine: string, questionId: string): boolean {
  const text = commentLine.replace(/^\s?/, "");
  return text.startsWith(`${questionId}:`) && /^\s*\{/.test(text.slice(questionId.length + 1));
}

/** The text of the document, as netdz writes answers files. */
export function answersYamlText(doc: Document): string {
  return doc.toString(STRINGIFY);
}

/** Sets (or, with undefined, removes) one answer. */
export function putAnswer(doc: Document, questionId: string, answer: Answer | undefined): void {
  const answers = ensureBlockMap(doc, "answers");
  if (answer === undefined) {
    answers.delete(questionId);
    return;
  }
  const existing = answers.items.find((p) => keyOf(p) === questionId);
  const node = answerNode(doc, questionId, answer, existing?.value);
  if (existing) {
    copyComments(existing.value, node);
    existing.value = node;
    return;
  }
  const pair = doc.createPair(questionId, node);
  if (!insertUnderTemplate(answers, pair, questionId)) insertOrdered(answers, pair, compareIds);
}

/** Sets one zone profile field. */
export function putZoneField(doc: Document, field: string, value: ProfileValue): void {
  ensureBlockMap(doc, "zone").set(field, value);
}

/** Sets (or, when empty, removes) one assessor field; false when nothing changed. */
export function putAssessorField(doc: Document, field: "name" | "role", value: string): boolean {
  const trimmed = value.trim();
  const existing = doc.get("assessor", true);
  if (trimmed === "" && !isMap(existing)) return false;
  if (isMap(existing) && String(existing.get(field) ?? "") === trimmed) return false;
  const assessor = ensureBlockMap(doc, "assessor", "answers");
  if (trimmed === "") assessor.delete(field);
  else assessor.set(field, trimmed);
  return true;
}

function keyOf(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

/**
 * The map under a top-level key, made a block map when it is missing, null (its comments are
 * kept above the entries) or an empty flow map `{}`. A missing key is added before `before`.
 */
function ensureBlockMap(doc: Document, key: string, before?: string): YAMLMap {
  const root = doc.contents;
  if (!isMap(root)) throw new Error("the answers file is not a YAML map");
  let pair = root.items.find((p) => isPair(p) && keyOf(p) === key);
  if (!pair) {
    pair = doc.createPair(key, new YAMLMap(doc.schema));
    const index = before ? root.items.findIndex((p) => keyOf(p) === before) : -1;
    if (index === -1) root.items.push(pair);
    else root.items.splice(index, 0, pair);
  }
  const value = pair.value;
  if (isMap(value)) {
    if (value.flow && value.items.length === 0) value.flow = false;
    return value;
  }
  const map = new YAMLMap(doc.schema);
  if (isScalar(value) && value.value === null) {
    if (value.comment) map.commentBefore = value.comment;
    if (value.commentBefore)
      map.commentBefore = [value.commentBefore, map.commentBefore].filter(Boolean).join("\n");
  }
  pair.value = map;
  return map;
}

/**
 * An answer as a YAML node. An answer that was there keeps its style: a flow map stays a flow map
 * however long it grows, a block map a block map, and a list in it keeps its flow or block style
 * (so a save changes only what changed). A new answer is one flow line when it fits, else a block.
 */
function answerNode(doc: Document, questionId: string, answer: Answer, existing?: unknown): Node {
  const ordered: Record<string, unknown> = {};
  for (const key of ANSWER_KEY_ORDER) {
    const value = answer[key];
    if (value === undefined) continue;
    if (key === "evidence" && Array.isArray(value) && value.length === 0) continue;
    if (key === "review" && value !== true) continue;
    ordered[key] = value;
  }
  if (isMap(existing)) {
    const node = doc.createNode(ordered, { flow: Boolean(existing.flow) }) as Node;
    if (isMap(node) && !existing.flow) {
      for (const pair of node.items) {
        const before = existing.get(pair.key, true);
        const value = pair.value as { flow?: boolean } | null;
        if (value && typeof value === "object" && "flow" in value)
          value.flow = Boolean((before as { flow?: boolean } | undefined)?.flow);
      }
    }
    return node;
  }
  const flowNode = doc.createNode(ordered, { flow: true }) as Node;
  const oneLine = `  ${questionId}: ${new Document(flowNode).toString({ lineWidth: 0 }).trim()}`;
  if (oneLine.length <= LINE_WIDTH && !oneLine.includes("\n")) return flowNode;
  const block = doc.createNode(ordered) as Node;
  if (isMap(block)) {
    const evidence = block.get("evidence", true);
    if (evidence && typeof evidence === "object" && "flow" in evidence) evidence.flow = false;
  }
  return block;
}

function copyComments(from: unknown, to: Node): void {
  if (!from || typeof from !== "object") return;
  const source = from as { comment?: string | null; commentBefore?: string | null };
  if (source.commentBefore) to.commentBefore = source.commentBefore;
  if (source.comment) to.comment = source.comment;
}

/** Inserts a pair after the last existing key that sorts before it (else first). */
function insertOrdered(map: YAMLMap, pair: Pair, compare: (a: string, b: string) => number): void {
  const key = keyOf(pair);
  const index = map.items.findLastIndex((p) => compare(keyOf(p), key) < 0);
  map.items.splice(index + 1, 0, pair);
}

/** A comment that is printed at one place in a map: before an item, before the first, or after all. */
interface CommentSlot {
  kind: "map-before" | "key-before" | "map-after";
  /** The item the comment is printed before (items.length for after the last). */
  index: number;
  text: string | null | undefined;
}

function commentSlots(map: YAMLMap): CommentSlot[] {
  return [
    { kind: "map-before", index: 0, text: map.commentBefore },
    ...map.items.map((p, index): CommentSlot => ({
      kind: "key-before",
      index,
      text: isScalar(p.key) ? p.key.commentBefore : undefined,
    })),
    { kind: "map-after", index: map.items.length, text: map.comment },
  ];
}

function joinComments(...parts: (string | null | undefined)[]): string | undefined {
  const kept = parts.filter((part): part is string => typeof part === "string" && part !== "");
  return kept.length > 0 ? kept.join("\n") : undefined;
}

/**
 * Where `netdz init` listed the question as a comment (`# M01.Q1: { status: }` and the lines
 * under it), inserts the answer right below that block in place of the placeholder line,
 * splitting the comment around it.
 * Returns false when the file has no such comment.
 */
function insertUnderTemplate(map: YAMLMap, pair: Pair, questionId: string): boolean {
  for (const slot of commentSlots(map)) {
    const lines = (slot.text ?? "").split("\n");
    const at = lines.findIndex((line) => isPlaceholderOf(line, questionId));
    if (at === -1) continue;
    const blank = lines.findIndex((line, i) => i > at && line.trim() === "");
    const end = blank === -1 ? lines.length : blank;
    // The commented placeholder (`# M01.Q1: { status: }`) gives way to the real entry, so
    // uncommenting it later cannot repeat the key; the description above the entry stays.
    const above = joinComments([...lines.slice(0, at), ...lines.slice(at + 1, end)].join("\n"));
    const below = joinComments(lines.slice(end).join("\n"));
    placeBetween(map, pair, slot, above, below);
    return true;
  }
  return false;
}

function placeBetween(
  map: YAMLMap,
  pair: Pair,
  slot: CommentSlot,
  above: string | undefined,
  below: string | undefined,
): void {
  const key = pair.key as { commentBefore?: string | null };
  if (slot.kind === "map-before") {
    map.commentBefore = above ?? null;
    map.items.unshift(pair);
    const next = map.items[1];
    if (next && isScalar(next.key))
      next.key.commentBefore = joinComments(below, next.key.commentBefore) ?? null;
    else if (!next) map.comment = joinComments(below, map.comment) ?? null;
    return;
  }
  key.commentBefore = above ?? null;
  if (slot.kind === "map-after") {
    map.comment = below ?? null;
    map.items.push(pair);
    return;
  }
  const next = map.items[slot.index];
  if (next && isScalar(next.key)) next.key.commentBefore = below ?? null;
  map.items.splice(slot.index, 0, pair);
}
