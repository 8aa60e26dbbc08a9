/**
 * Carrying an answers file to a newer version of its measure set (issue 10), through each
 * version's changes.yaml in turn. Every edit goes through the yaml Document, so comments and key
 * order survive; nothing is lost: a cleared value is written into the answer's own note, and a
 * retired answer or profile value is kept under `retired:`. Pure: the caller reads and writes.
 */
import { isMap, isScalar, Scalar, YAMLMap, type Document, type Node, type Pair } from "yaml";
import { diagnosticMessage } from "../i18n/diagnostic-messages.js";
import { withDerivedProfile } from "./applicability.js";
import { isSettled } from "./answer.js";
import { isExtensionKey } from "./loose.js";
import { looseAnswer, questionIndex, valueProblems } from "./answers-rules.js";
import { mapProfileValue, readChangeEntries } from "./changes-rules.js";
import type {
  Answer,
  Lang,
  ChangeEntry,
  ChangesFile,
  MeasureSet,
  ProfileField,
  ProfileValue,
  Question,
  Text,
  Zone,
} from "./model.js";

/** One version step: the set before, the set after, and the after version's changes.yaml. */
export interface MigrationStep {
  from: MeasureSet;
  to: MeasureSet;
  changes: ChangesFile | undefined;
}

/** What happened to an answer or a profile value that did not simply carry over. */
export type MigrationEvent =
  | { kind: "moved"; id: string; to: string; version: string }
  | { kind: "review"; id: string; version: string }
  | {
      kind: "cleared";
      id: string;
      /** The id it had before this step, when the same step renamed it (one line, not two). */
      movedFrom?: string;
      version: string;
      old: string;
      why: { rescale: Text } | { misfit: string };
    }
  | { kind: "retired"; id: string; version: string; reason: Text | undefined }
  | { kind: "profile-mapped"; field: string; from: ProfileValue; to: ProfileValue; version: string }
  | { kind: "profile-derived"; field: string; from: string; value: ProfileValue; version: string }
  | {
      kind: "profile-cleared";
      field: string;
      value: ProfileValue;
      version: string;
      why: "unmapped" | "misfit" | "derived" | "underived";
    };

/** The words a migration writes into the file, in the language of the run. */
export interface MigrationWords {
  /** An answer in words, exactly (no rounding): the status, or the value with its unit. */
  oldAnswer(question: Question | undefined, answer: Answer): string;
  /** The line added to an answer's note when its value is cleared. */
  clearedNote(from: string, to: string, oldAnswer: string, why: string): string;
  /** The language of the words (validate's message for an answer that no longer fits). */
  lang: Lang;
  /** The reason recorded for a retired question (from its changes entry), or for one not in the new version. */
  retired(reason: Text | undefined, version: string): string;
  /** The reason recorded for a profile value that could not be carried over. */
  profileCleared(
    field: string,
    why: "unmapped" | "misfit" | "derived" | "underived",
    version: string,
  ): string;
  /** Picks the language of a bilingual text. */
  pick(text: Text): string;
}

export interface MigrationOutcome {
  events: MigrationEvent[];
  /** The answers entries whose key changed, through every step: the key before → the key now. */
  renamed: Map<string, string>;
  /** Answers that carried over as they were, through every step. */
  carried: number;
  from: string;
  to: string;
}

/**
 * A step would leave two entries under one question id (two answers renamed onto one id, or one
 * renamed onto an answer kept in place): one answer would be lost and the file invalid, so the
 * migration is refused before that step edits anything. The changes rules refuse the changes
 * files that do this; this is the migration's own guard.
 */
export class MigrationConflict extends Error {
  constructor(
    /** The id two or more entries would have. */
    readonly id: string,
    /** The ids those entries have before the step, in file order. */
    readonly from: readonly string[],
    /** The set and version of the step's target. */
    readonly set: { id: string; version: string },
  ) {
    super(`${from.join(", ")} would all become ${id} in ${set.id}@${set.version}`);
    this.name = "MigrationConflict";
  }
}

/** Applies every step to the document, in order; returns what happened. */
export function migrateDocument(
  doc: Document,
  steps: readonly MigrationStep[],
  options: { date: string; words: MigrationWords },
): MigrationOutcome {
  const events: MigrationEvent[] = [];
  const root = doc.contents;
  if (!isMap(root)) throw new Error("the answers file is not a YAML map");
  const answers = mapAt(root, "answers");
  // The answered ids at the start, followed to their current id, to count what simply carried over.
  const origin = new Map<string, string>();
  const touched = new Set<string>();
  // Only real answers count (an entry left with a note or a review mark only is none).
  const firstIndex = steps[0]
    ? questionIndex(steps[0].from)
    : new Map<string, { question: Question }>();
  for (const pair of answers?.items ?? []) {
    const question = firstIndex.get(keyOf(pair))?.question;
    if (question && isSettled(question, looseAnswer(toJs(pair.value)))) {
      origin.set(keyOf(pair), keyOf(pair));
    }
  }
  // Each entry's key before the first step (its pair is the same node through every step).
  const keyBefore = new Map<Pair, string>((answers?.items ?? []).map((p) => [p, keyOf(p)]));
  for (const step of steps) {
    const stepEvents = migrateStep(doc, root, step, options.words);
    for (const event of stepEvents) {
      if ("id" in event) {
        const before = event.kind === "cleared" ? (event.movedFrom ?? event.id) : event.id;
        const first = origin.get(before);
        if (first !== undefined) touched.add(first);
        if (event.kind === "moved" && first !== undefined) {
          origin.delete(event.id);
          origin.set(event.to, first);
        }
      }
    }
    events.push(...stepEvents);
    recordMigration(doc, root, step.from.version, step.to.version, options.date);
  }
  const carried = [...new Set(origin.values())].filter((id) => !touched.has(id)).length;
  const renamed = new Map<string, string>();
  for (const pair of mapAt(root, "answers")?.items ?? []) {
    const before = keyBefore.get(pair);
    if (before !== undefined && before !== keyOf(pair)) renamed.set(before, keyOf(pair));
  }
  return {
    events,
    renamed,
    carried,
    from: steps[0]?.from.version ?? "",
    to: steps.at(-1)?.to.version ?? "",
  };
}

function migrateStep(
  doc: Document,
  root: YAMLMap,
  step: MigrationStep,
  words: MigrationWords,
): MigrationEvent[] {
  const events: MigrationEvent[] = [];
  const version = step.to.version;
  const entries = readChangeEntries(step.changes ?? {}).map((e) => e.entry);
  const oldIndex = questionIndex(step.from);
  const newIndex = questionIndex(step.to);
  const answers = mapAt(root, "answers");
  const renames = renamesOf(entries);
  dropEmptyTargets(answers, renames);
  refuseConflicts(answers, renames, step.to);

  // Questions: rename keys first (all at once, so swaps work), then the other entries.
  for (const pair of [...(answers?.items ?? [])]) {
    const id = keyOf(pair);
    // The user's own `x-` keys are not question ids: they stay as they are, in every version.
    if (isExtensionKey(id)) continue;
    const empty = isNullNode(pair.value);
    const renamedTo = renames.get(id);
    const retire = entries.find((e) => "retire" in e && e.retire.id === id);
    let currentId = id;
    // A moved answer that is then cleared is told in one line (cleared, from its old id).
    let moved: MigrationEvent | undefined;
    if (renamedTo !== undefined) {
      currentId = renamedTo;
      setKey(pair, currentId);
      moved = { kind: "moved", id, to: currentId, version };
      if (!empty) events.push(moved);
    }
    const movedFrom = moved ? { movedFrom: id } : {};
    const unmove = () => {
      if (moved) events.splice(events.indexOf(moved), 1);
    };
    // A reword or rescale names a question by its id in the new version (the same as the old one
    // unless the question was renamed too).
    const rescale = entries.find((e) => "rescale" in e && e.rescale.id === currentId);
    const reword = entries.some((e) => "reword" in e && e.reword === currentId);
    if (empty) {
      if (!newIndex.has(currentId)) answers?.items.splice(answers.items.indexOf(pair), 1);
      continue;
    }
    const oldQuestion = oldIndex.get(id)?.question;
    const question = newIndex.get(currentId)?.question;
    if ((retire && "retire" in retire) || !question) {
      const reason = retire && "retire" in retire ? retire.retire.reason : undefined;
      answers?.items.splice(answers.items.indexOf(pair), 1);
      retireNode(doc, root, currentId, {
        version: step.from.version,
        reason: words.retired(reason, version),
        answer: pair.value as Node,
      });
      events.push({ kind: "retired", id: currentId, version, reason });
      continue;
    }
    const answer = looseAnswer(toJs(pair.value));
    // An entry with no value and no status (an owner, a note) has no answer to clear: it carries
    // over as it is, as a reworded one does.
    const unanswered = answer.value === undefined && answer.status === undefined;
    if (rescale && "rescale" in rescale && !unanswered) {
      const why = words.pick(rescale.rescale.note);
      const old = words.oldAnswer(oldQuestion, answer);
      clearValue(doc, pair, words.clearedNote(step.from.version, version, old, why));
      unmove();
      events.push({
        kind: "cleared",
        id: currentId,
        ...movedFrom,
        version,
        old,
        why: { rescale: rescale.rescale.note },
      });
      continue;
    }
    const problem = valueProblems(question, answer)[0];
    if (problem) {
      const old = words.oldAnswer(oldQuestion, answer);
      const why = diagnosticMessage(problem.message, words.lang);
      clearValue(doc, pair, words.clearedNote(step.from.version, version, old, why));
      unmove();
      events.push({
        kind: "cleared",
        id: currentId,
        ...movedFrom,
        version,
        old,
        why: { misfit: why },
      });
      continue;
    }
    if (reword) {
      markReview(pair);
      events.push({ kind: "review", id: currentId, version });
    }
  }

  // Measure set version.
  const measureSet = root.get("measureSet", true);
  if (isMap(measureSet)) measureSet.set("version", version);

  // Zone profile.
  const zone = root.get("zone", true);
  if (isMap(zone)) events.push(...migrateZone(doc, root, zone, step, entries, words));
  return events;
}

/** A step's renames, old id → new id (the first entry for an id, as the changes rules allow one). */
function renamesOf(entries: readonly ChangeEntry[]): ReadonlyMap<string, string> {
  const renames = new Map<string, string>();
  for (const e of entries) {
    if ("rename" in e && !renames.has(e.rename.from)) renames.set(e.rename.from, e.rename.to);
  }
  return renames;
}

/**
 * An entry left empty (no answer, nothing in it) under an id that another entry of the file is
 * renamed onto gives way to it: it holds nothing to keep, and two entries cannot share one id.
 */
function dropEmptyTargets(
  answers: YAMLMap | undefined,
  renames: ReadonlyMap<string, string>,
): void {
  if (!answers) return;
  const keys = new Set(answers.items.map(keyOf));
  const targets = new Set([...renames].flatMap(([from, to]) => (keys.has(from) ? [to] : [])));
  answers.items = answers.items.filter(
    (pair) => !(isNullNode(pair.value) && targets.has(keyOf(pair)) && !renames.has(keyOf(pair))),
  );
}

/** Throws MigrationConflict when the step's renames would give two entries one key. */
function refuseConflicts(
  answers: YAMLMap | undefined,
  renames: ReadonlyMap<string, string>,
  to: MeasureSet,
): void {
  const byKey = new Map<string, string[]>();
  for (const pair of answers?.items ?? []) {
    const id = keyOf(pair);
    const key = (!isExtensionKey(id) && renames.get(id)) || id;
    byKey.set(key, [...(byKey.get(key) ?? []), id]);
  }
  for (const [key, ids] of byKey) {
    if (ids.length > 1) throw new MigrationConflict(key, ids, { id: to.id, version: to.version });
  }
}

function migrateZone(
  doc: Document,
  root: YAMLMap,
  zone: YAMLMap,
  step: MigrationStep,
  entries: readonly ChangeEntry[],
  words: MigrationWords,
): MigrationEvent[] {
  const events: MigrationEvent[] = [];
  const version = step.to.version;
  const clear = (
    pair: Pair,
    field: string,
    value: ProfileValue,
    why: "unmapped" | "misfit" | "derived" | "underived",
  ) => {
    zone.items.splice(zone.items.indexOf(pair), 1);
    const record = retireNode(doc, root, `zone.${field}`, {
      version: step.from.version,
      reason: words.profileCleared(field, why, version),
      value,
    });
    moveComments(pair, record);
    events.push({ kind: "profile-cleared", field, value, version, why });
  };
  for (const entry of entries) {
    if (!("profile" in entry)) continue;
    const { field, map } = entry.profile;
    const pair = zone.items.find((p) => keyOf(p) === field);
    const value = pair ? profileValueOf(pair) : undefined;
    if (!pair || value === undefined) continue;
    const mapped = mapProfileValue(map, value);
    if (mapped === undefined) {
      clear(pair, field, value, "unmapped");
    } else if (mapped !== value) {
      setScalar(pair, mapped);
      events.push({ kind: "profile-mapped", field, from: value, to: mapped, version });
    }
  }
  // Values that no longer fit their field, and fields that are now derived.
  const asIs: Zone = {};
  for (const pair of zone.items) {
    const value = profileValueOf(pair);
    if (value !== undefined) asIs[keyOf(pair)] = value;
  }
  const derived = withDerivedProfile(step.to.profile, asIs);
  for (const pair of [...zone.items]) {
    const field = step.to.profile.find((p) => p.id === keyOf(pair));
    const value = profileValueOf(pair);
    if (!field || value === undefined) continue;
    if (field.derive !== undefined) {
      if (value === derived[field.id]) {
        // Dropped, as it follows from its source field; said in the account, and a comment on
        // its line moves to the source field's line.
        zone.items.splice(zone.items.indexOf(pair), 1);
        const from = field.derive.from;
        const source = zone.items.find((p) => keyOf(p) === from);
        if (source) moveComments(pair, source);
        events.push({ kind: "profile-derived", field: field.id, from, value, version });
      }
      // The field it follows from was cleared: nothing to compare with, only to ask again.
      else clear(pair, field.id, value, derived[field.id] === undefined ? "underived" : "derived");
    } else if (!fitsProfileField(field, value)) {
      clear(pair, field.id, value, "misfit");
    }
  }
  // The zone keeps its style: a flow map is edited in place (values mapped are ids, and fields
  // only go, so it grows by no more than a few characters), a block map stays a block.
  return events;
}

function fitsProfileField(field: ProfileField, value: ProfileValue): boolean {
  if (field.type === "yesno") return typeof value === "boolean";
  if (field.type === "text") return typeof value === "string";
  return typeof value === "string" && (field.options ?? []).some((o) => o.id === value);
}

/** Writes the old answer into the note (kept), drops value and status, marks for review. */
function clearValue(doc: Document, pair: Pair, line: string): void {
  let node = pair.value;
  if (!isMap(node)) {
    node = new YAMLMap(doc.schema);
    pair.value = node;
  }
  const map = node as YAMLMap;
  const note = map.get("note");
  map.delete("value");
  map.delete("status");
  // On the line after the note (a note written as a `|` block ends with a line break: no blank
  // line between).
  const text =
    typeof note === "string" && note.trim() !== "" ? `${note.replace(/\n+$/, "")}\n${line}` : line;
  const scalar = new Scalar(text);
  // The answer keeps its style: a flow map stays one (its other fields, their quoting and a
  // comment after it stay as written), its note of several lines double-quoted with `\n`; in a
  // block map such a note is a literal block, so each line stays as it is.
  if (text.includes("\n")) scalar.type = map.flow ? Scalar.QUOTE_DOUBLE : Scalar.BLOCK_LITERAL;
  map.set("note", scalar);
  map.set("review", true);
}

function markReview(pair: Pair): void {
  if (isMap(pair.value)) pair.value.set("review", true);
}

/**
 * The comments written on a pair's lines (before its key, after its value), moved onto another
 * pair, so that removing the pair loses nothing the user wrote.
 */
function moveComments(from: Pair, to: Pair): void {
  const before = isScalar(from.key) ? from.key.commentBefore : undefined;
  const after = isScalar(from.value) || isMap(from.value) ? from.value.comment : undefined;
  if (before) {
    if (!isScalar(to.key)) to.key = new Scalar(to.key);
    const key = to.key as Scalar;
    key.commentBefore = key.commentBefore ? `${key.commentBefore}\n${before}` : before;
  }
  if (after) {
    if (!isScalar(to.value) && !isMap(to.value)) to.value = new Scalar(to.value);
    const value = to.value as Scalar | YAMLMap;
    value.comment = value.comment ? `${value.comment};${after}` : after;
  }
}

/** Adds `key: {version, reason, answer|value}` under the top-level `retired:` map; returns its pair. */
function retireNode(
  doc: Document,
  root: YAMLMap,
  key: string,
  entry: { version: string; reason: string; answer?: Node; value?: ProfileValue },
): Pair {
  const existing: unknown = root.get("retired", true);
  let retired: YAMLMap;
  if (isMap(existing)) {
    retired = existing;
  } else {
    retired = new YAMLMap(doc.schema);
    root.set("retired", retired);
  }
  const record = new YAMLMap(doc.schema);
  record.set("version", entry.version);
  record.set("reason", entry.reason);
  if (entry.answer !== undefined) {
    if (isMap(entry.answer)) entry.answer.flow = true;
    record.set("answer", entry.answer);
  }
  if (entry.value !== undefined) record.set("value", entry.value);
  let name = key;
  for (let n = 2; retired.has(name); n++) name = `${key}#${n}`;
  retired.set(name, record);
  return retired.items.find((p) => keyOf(p) === name) as Pair;
}

/** Appends `{from, to, date}` to the top-level `migrated:` list. */
function recordMigration(
  doc: Document,
  root: YAMLMap,
  from: string,
  to: string,
  date: string,
): void {
  const list = root.get("migrated", true) as { items?: unknown[] } | undefined;
  const item = doc.createNode({ from, to, date }, { flow: true });
  if (list && Array.isArray(list.items)) list.items.push(item);
  else root.set("migrated", doc.createNode([{ from, to, date }], { flow: false }));
  const created = root.get("migrated", true) as { items?: Node[] } | undefined;
  for (const node of created?.items ?? []) if (isMap(node)) node.flow = true;
}

function mapAt(root: YAMLMap, key: string): YAMLMap | undefined {
  const node = root.get(key, true);
  return isMap(node) ? node : undefined;
}

function keyOf(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

function setKey(pair: Pair, key: string): void {
  if (isScalar(pair.key)) pair.key.value = key;
  else pair.key = key;
}

function setScalar(pair: Pair, value: ProfileValue): void {
  if (isScalar(pair.value)) pair.value.value = value;
  else pair.value = value;
}

function profileValueOf(pair: Pair): ProfileValue | undefined {
  const value = isScalar(pair.value) ? pair.value.value : pair.value;
  return typeof value === "string" || typeof value === "boolean" ? value : undefined;
}

function isNullNode(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

function toJs(node: unknown): unknown {
  if (node && typeof node === "object" && "toJSON" in node) {
    return (node as { toJSON(): unknown }).toJSON();
  }
  return node;
}
