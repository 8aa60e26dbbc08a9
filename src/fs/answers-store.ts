/**
 * The answers file on disk while `netdz assess` runs: creating it, updating one answer or one zone
 * field at a time through the yaml Document API (comments and key order survive), writing every
 * change atomically, and the lock file that keeps a second session away.
 */
import { readFileSync, unlinkSync } from "node:fs";
import { mkdir, open, readdir, readFile, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  Document,
  isMap,
  isPair,
  isScalar,
  parseDocument,
  YAMLMap,
  type Node,
  type Pair,
} from "yaml";
import type { Answer, AnswersFile, ProfileValue } from "../core/model.js";
import { ANSWERS_FORMAT } from "../core/model.js";
import { compareIds } from "../core/score.js";
import { normaliseAnswers } from "./answers-loader.js";
import { writeFileAtomic } from "./atomic-write.js";
import { readTextFile, type TextRead } from "./read-file.js";
import { DataError } from "../errors.js";
import { PACKAGE_ROOT } from "../package-root.js";

/** This package's JSON Schema of answers files. */
export const ANSWERS_SCHEMA_FILE = path.join(PACKAGE_ROOT, "schemas", "answers.schema.json");

/** Line width when writing the file (long plain texts fold there), and the longest flow line. */
const LINE_WIDTH = 100;
const STRINGIFY = { lineWidth: LINE_WIDTH } as const;
const ANSWER_KEY_ORDER = ["status", "value", "evidence", "note", "answeredAt", "review"] as const;

/** The `$schema` reference for a file: relative from its folder, with forward slashes. */
export function schemaReference(answersFile: string): string {
  const relative = path.relative(path.dirname(path.resolve(answersFile)), ANSWERS_SCHEMA_FILE);
  if (path.isAbsolute(relative)) return pathToFileURL(ANSWERS_SCHEMA_FILE).href;
  return relative.split(path.sep).join("/");
}

/** The first line of every answers file netdz writes. */
export function schemaComment(answersFile: string): string {
  return `# yaml-language-server: $schema=${schemaReference(answersFile)}`;
}

/** What a new answers file starts with. */
export interface NewAnswersFile {
  measureSet: { id: string; version: string };
  zone?: Record<string, ProfileValue>;
  assessor?: { name?: string; role?: string };
}

/** The text of a new answers file: schema line, format, measureSet, zone, assessor, answers. */
export function newAnswersText(answersFile: string, content: NewAnswersFile): string {
  const doc = new Document({
    format: ANSWERS_FORMAT,
    measureSet: { id: content.measureSet.id, version: content.measureSet.version },
    zone: content.zone ?? {},
    ...(content.assessor && Object.keys(content.assessor).length > 0
      ? { assessor: content.assessor }
      : {}),
    answers: {},
  });
  const root = doc.contents;
  const first = isMap(root) ? root.items[0] : undefined;
  if (first && isScalar(first.key)) first.key.commentBefore = schemaComment(answersFile).slice(1);
  const measureSet = doc.get("measureSet", true);
  if (isMap(measureSet)) measureSet.flow = true;
  return doc.toString(STRINGIFY);
}

/** Temp files a killed session may have left beside the answers file. */
async function removeStaleTempFiles(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith(".tmp")) {
      await unlink(path.join(dir, name)).catch(() => undefined);
    }
  }
}

/** The lock file of an answers file. */
export function lockPath(answersFile: string): string {
  return `${answersFile}.lock`;
}

/** A held lock; `release` is idempotent and synchronous so it also works in an exit handler. */
export interface AnswersLock {
  file: string;
  release(): void;
}

/** Either the lock, or the pid of the live process that holds it. */
export type LockResult = { ok: true; lock: AnswersLock } | { ok: false; pid: number | undefined };

/** True when a process with this pid exists (one owned by another user counts). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A lock file whose content is not a pid is stale once it is this old (a writer died mid-write). */
const UNREADABLE_LOCK_GRACE_MS = 5_000;

/**
 * When a process started, as the kernel records it (Linux /proc); with the pid it names one
 * process, so a lock is not held forever by an unrelated process that reused a dead one's pid.
 * Undefined where /proc is not available.
 */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** True when the system shows that the process does not run netdz (Linux /proc). */
function runsSomethingElse(pid: number): boolean {
  try {
    return !readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("netdz");
  } catch {
    return false;
  }
}

/** The lock file's content: this process's pid, and when it started where that is known. */
function lockContent(): string {
  const start = processStart(process.pid);
  return start === undefined ? `${process.pid}\n` : `${process.pid}\nstart ${start}\n`;
}

async function lockIsStale(file: string): Promise<{ stale: boolean; pid?: number }> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return { stale: true };
  const pid = Number.parseInt(text.trim(), 10);
  if (Number.isInteger(pid) && pid > 0) {
    if (!processAlive(pid)) return { stale: true, pid };
    const recorded = /^start (\S+)$/m.exec(text)?.[1];
    if (recorded !== undefined) {
      const current = processStart(pid);
      return { stale: current !== undefined && recorded !== current, pid };
    }
    // A lock without a start time (written by hand, or by an older netdz): held only while its
    // process is a netdz, where the system says what a process runs.
    return { stale: runsSomethingElse(pid), pid };
  }
  const info = await stat(file).catch(() => undefined);
  return { stale: !info || Date.now() - info.mtimeMs > UNREADABLE_LOCK_GRACE_MS };
}

/**
 * Takes `<answers>.lock` (created with `wx`, holding this pid). A lock left by a dead process is
 * taken over, and the temp files it may have left are removed. The lock is released on exit.
 */
export async function acquireLock(answersFile: string): Promise<LockResult> {
  const file = lockPath(answersFile);
  await mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(lockContent(), "utf8");
      await handle.close();
      if (attempt > 0) await removeStaleTempFiles(answersFile);
      return { ok: true, lock: holdLock(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const { stale, pid } = await lockIsStale(file);
    if (!stale) return { ok: false, pid };
    await unlink(file).catch(() => undefined);
  }
  return { ok: false, pid: undefined };
}

/** Live pid holding the answers file's lock, if any (for commands that only need to check). */
export async function lockHolder(answersFile: string): Promise<number | undefined> {
  const { stale, pid } = await lockIsStale(lockPath(answersFile));
  return stale ? undefined : (pid ?? -1);
}

function holdLock(file: string): AnswersLock {
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.removeListener("exit", release);
    try {
      const owner = Number.parseInt(readFileSync(file, "utf8").trim(), 10);
      if (owner === process.pid) unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.on("exit", release);
  return { file, release };
}

/** The answers file was changed outside the session and can no longer be read. */
export class ExternalEditError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file} was changed outside this session and no longer reads as YAML (${reason})`);
    this.name = "ExternalEditError";
  }
}

/**
 * An answers file held in memory as a yaml Document; every change is written to disk at once.
 * Callers hold the lock.
 */
export class AnswersStore {
  private cache: AnswersFile | undefined;

  private constructor(
    readonly file: string,
    private doc: Document,
    /** The file's text as last read or written, to notice edits made outside this session. */
    private text: string,
  ) {}

  /** Reads an existing answers file. */
  static async open(file: string): Promise<AnswersStore> {
    const read = readTextFile(file, file);
    if (!read.ok) throw new DataError(read.problem.message, [read.problem]);
    const text = read.text;
    return new AnswersStore(file, parseDocument(text, { uniqueKeys: true }), text);
  }

  /** Creates a new answers file (atomically) and returns its store. */
  static async create(file: string, content: NewAnswersFile): Promise<AnswersStore> {
    await mkdir(path.dirname(file), { recursive: true });
    const text = newAnswersText(file, content);
    await writeFileAtomic(file, text);
    return new AnswersStore(file, parseDocument(text, { uniqueKeys: true }), text);
  }

  /** The file's content as plain data (empty zone and answers filled in). */
  get data(): AnswersFile {
    this.cache ??= normaliseAnswers(this.doc.toJS() as AnswersFile);
    return this.cache;
  }

  /** The current text of the file. */
  toString(): string {
    return this.doc.toString(STRINGIFY);
  }

  /** How many questions hold an answer of any kind (status or value). */
  get savedCount(): number {
    return Object.values(this.data.answers).filter(
      (a) => a !== null && (a.status !== undefined || a.value !== undefined),
    ).length;
  }

  /** Sets (or, with undefined, removes) one answer and writes the file. */
  async setAnswer(questionId: string, answer: Answer | undefined): Promise<void> {
    await this.reloadIfEditedElsewhere();
    const answers = ensureBlockMap(this.doc, "answers");
    if (answer === undefined) {
      answers.delete(questionId);
    } else {
      const node = answerNode(this.doc, questionId, answer);
      const existing = answers.items.find((p) => keyOf(p) === questionId);
      if (existing) {
        copyComments(existing.value, node);
        existing.value = node;
      } else {
        const pair = this.doc.createPair(questionId, node);
        if (!insertUnderTemplate(answers, pair, questionId)) {
          insertOrdered(answers, pair, compareIds);
        }
      }
    }
    await this.save();
  }

  /** Sets one zone profile field and writes the file. */
  async setZone(field: string, value: ProfileValue): Promise<void> {
    await this.reloadIfEditedElsewhere();
    ensureBlockMap(this.doc, "zone").set(field, value);
    await this.save();
  }

  /** Sets (or, when empty, removes) one assessor field and writes the file. */
  async setAssessor(field: "name" | "role", value: string): Promise<void> {
    const trimmed = value.trim();
    await this.reloadIfEditedElsewhere();
    if (trimmed === "" && !isMap(this.doc.get("assessor", true))) return;
    const assessor = ensureBlockMap(this.doc, "assessor", "answers");
    if (trimmed === "") assessor.delete(field);
    else assessor.set(field, trimmed);
    await this.save();
  }

  /**
   * Someone may edit the file by hand while a session runs (a note added in an editor): start
   * from what is on disk then, so their edit is kept. A file that no longer parses is left alone.
   */
  async reloadIfEditedElsewhere(): Promise<void> {
    const read = readOnDisk(this.file);
    if (read === undefined) return;
    if (!read.ok) throw new ExternalEditError(this.file, read.problem.message);
    const onDisk = read.text;
    if (onDisk === this.text) return;
    const doc = parseDocument(onDisk, { uniqueKeys: true });
    if (doc.errors.length > 0 || !isMap(doc.contents)) {
      throw new ExternalEditError(
        this.file,
        doc.errors[0]?.message.split("\n")[0] ?? "not a YAML map",
      );
    }
    this.doc = doc;
    this.text = onDisk;
    this.cache = undefined;
  }

  private async save(): Promise<void> {
    this.cache = undefined;
    const text = this.toString();
    await writeFileAtomic(this.file, text);
    this.text = text;
  }
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

/** An answer as a YAML node: one flow line when it fits, else a block map. */
function answerNode(doc: Document, questionId: string, answer: Answer): Node {
  const ordered: Record<string, unknown> = {};
  for (const key of ANSWER_KEY_ORDER) {
    const value = answer[key];
    if (value === undefined) continue;
    if (key === "evidence" && Array.isArray(value) && value.length === 0) continue;
    if (key === "review" && value !== true) continue;
    ordered[key] = value;
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
  const template = new RegExp(`^\\s?${questionId.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\s*\\{`);
  for (const slot of commentSlots(map)) {
    const lines = (slot.text ?? "").split("\n");
    const at = lines.findIndex((line) => template.test(line));
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

/** The file as now on disk (strict UTF-8), or undefined when it cannot be read at all. */
function readOnDisk(file: string): TextRead | undefined {
  try {
    return readTextFile(file, file);
  } catch {
    return undefined;
  }
}
