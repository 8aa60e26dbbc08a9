/**
 * Cross-version checks of a `changes.yaml` against the version it says it comes from (issue 10):
 * every question of the previous version is accounted for, every id an entry names exists on the
 * side it should, a retired id is never used again, a rescale really changes the scale, and the
 * version number moved far enough. Pure: the caller loads both versions.
 */
import { questionIndex } from "./answers-rules.js";
import { asArray, asRecord, asString, type Loose } from "./loose.js";
import type { ChangeEntry, Diagnostic, MeasureSet, Question, Severity } from "./model.js";
import { compareVersions } from "./versions.js";
import { diagnosticAt, type PathSegment, type YamlSource } from "./yaml-source.js";

/** The kind of a change entry: its one key. */
export type ChangeKind = "rename" | "reword" | "rescale" | "retire" | "profile";
export const CHANGE_KINDS: readonly ChangeKind[] = [
  "rename",
  "reword",
  "rescale",
  "retire",
  "profile",
];

/** The well-formed entries of a parsed changes file, with their index in `changes:`. */
export function readChangeEntries(data: Loose): { entry: ChangeEntry; index: number }[] {
  const out: { entry: ChangeEntry; index: number }[] = [];
  asArray(asRecord(data).changes).forEach((raw, index) => {
    const item = asRecord(raw);
    const keys = Object.keys(item);
    if (keys.length !== 1) return;
    const rename = asRecord(item.rename);
    const rescale = asRecord(item.rescale);
    const retire = asRecord(item.retire);
    const profile = asRecord(item.profile);
    let entry: ChangeEntry | undefined;
    if (typeof rename.from === "string" && typeof rename.to === "string") {
      entry = { rename: { from: rename.from, to: rename.to } };
    } else if (typeof item.reword === "string") {
      entry = { reword: item.reword };
    } else if (typeof rescale.id === "string") {
      entry = { rescale: { id: rescale.id, note: textOf(rescale.note) } };
    } else if (typeof retire.id === "string") {
      entry = { retire: { id: retire.id, reason: textOf(retire.reason) } };
    } else if (typeof profile.field === "string") {
      const map = Object.fromEntries(
        Object.entries(asRecord(profile.map)).filter(
          (e): e is [string, string | boolean] =>
            typeof e[1] === "string" || typeof e[1] === "boolean",
        ),
      );
      entry = { profile: { field: profile.field, map } };
    }
    if (entry) out.push({ entry, index });
  });
  return out;
}

function textOf(value: Loose): { en: string; zh: string } {
  const record = asRecord(value);
  return { en: asString(record.en) ?? "", zh: asString(record.zh) ?? "" };
}

/** The kind of an entry. */
export function kindOf(entry: ChangeEntry): ChangeKind {
  return Object.keys(entry)[0] as ChangeKind;
}

/** The question ids an entry names, on the previous (`old`) and the new side. */
export function namedIds(entry: ChangeEntry): { old?: string; new?: string } {
  if ("rename" in entry) return { old: entry.rename.from, new: entry.rename.to };
  if ("reword" in entry) return { old: entry.reword, new: entry.reword };
  if ("rescale" in entry) return { old: entry.rescale.id, new: entry.rescale.id };
  if ("retire" in entry) return { old: entry.retire.id };
  return {};
}

/**
 * What decides how an answer is read: the parts a rescale must change. Without `bounds`, only
 * the parts that change what an answer means (a narrower range leaves a fitting answer as it is).
 */
export function scaleOf(
  question: Question,
  options: { bounds: boolean } = { bounds: true },
): string {
  return JSON.stringify({
    type: question.type,
    options: (question.options ?? []).map((o) => [o.id, o.score]),
    target: question.target,
    unit: question.unit,
    direction: question.direction,
    ...(options.bounds
      ? { min: question.min ?? 0, max: question.max, integer: question.integer === true }
      : {}),
  });
}

/** The normalised form of an old profile value as a map key: trimmed, lower case. */
export function profileKey(value: string | boolean): string {
  return typeof value === "boolean" ? String(value) : value.trim().toLowerCase();
}

export interface ChangesCheckInput {
  /** changes.yaml as parsed. */
  source: YamlSource;
  data: Loose;
  /** The version changes.yaml comes from, when it is present beside this one. */
  previous: MeasureSet | undefined;
  current: MeasureSet;
  /** Question ids retired by earlier versions' changes files, with the version that retired them. */
  retiredEarlier: ReadonlyMap<string, string>;
  /** Where a question of the current version is defined, for located messages. */
  locateQuestion(id: string): Diagnostic | undefined;
}

/** The cross-version rules; runs on a changes file that failed its schema too. */
export function checkChanges(input: ChangesCheckInput): Diagnostic[] {
  const { source, data, previous, current } = input;
  const out: Diagnostic[] = [];
  const push = (
    severity: Severity,
    path: PathSegment[],
    code: string,
    message: string,
    key = false,
  ) => out.push(diagnosticAt(source, path, severity, code, message, { key }));
  const from = asString(asRecord(data).from);
  const entries = readChangeEntries(data);
  const newIndex = questionIndex(current);

  // A retired id must never come back, in this version or any later one.
  const retiredHere = new Map<string, string>();
  for (const { entry } of entries) {
    if ("retire" in entry) retiredHere.set(entry.retire.id, current.version);
  }
  for (const [id, version] of [...input.retiredEarlier, ...retiredHere]) {
    if (!newIndex.has(id)) continue;
    const at = input.locateQuestion(id);
    const message = `${id} was retired in ${version} and cannot be used again for another question; give the new question a new id`;
    if (at) out.push({ ...at, severity: "error", code: "changes/retired-reused", message });
    else push("error", ["changes"], "changes/retired-reused", message, true);
  }

  if (from !== undefined && compareVersions(from, current.version) >= 0) {
    push(
      "warning",
      ["from"],
      "changes/version-bump",
      `the version did not move: from ${from} is not older than this version (${current.version})`,
    );
  }
  if (!previous) return out;
  const oldIndex = questionIndex(previous);

  const seen = new Map<string, number>();
  const named = new Set<string>();
  for (const { entry, index } of entries) {
    const kind = kindOf(entry);
    const at: PathSegment[] = ["changes", index, kind];
    const ids = namedIds(entry);
    if (ids.old !== undefined) {
      const earlier = seen.get(ids.old);
      if (earlier !== undefined) {
        push(
          "error",
          at,
          "changes/duplicate",
          `${ids.old} is already named by entry ${earlier + 1}; name each question once`,
        );
      }
      seen.set(ids.old, index);
      named.add(ids.old);
    }
    if ("profile" in entry) {
      checkProfileEntry(entry.profile, previous, current, at, push);
      continue;
    }
    const where = kind === "rename" ? [...at, "from"] : kind === "reword" ? at : [...at, "id"];
    if (ids.old !== undefined && !oldIndex.has(ids.old)) {
      push(
        "error",
        where,
        "changes/unknown-id",
        `${ids.old} is not a question of ${previous.id}@${previous.version}`,
      );
    }
    if (kind === "rename" && ids.new !== undefined) {
      if (!newIndex.has(ids.new)) {
        push(
          "error",
          [...at, "to"],
          "changes/unknown-id",
          `${ids.new} is not a question of ${current.id}@${current.version}`,
        );
      } else if (oldIndex.has(ids.new) && !renamedAway(entries, ids.new)) {
        push(
          "error",
          [...at, "to"],
          "changes/rename-target",
          `${ids.new} already exists in ${previous.version} with answers of its own; rename or retire it first`,
        );
      }
    } else if ((kind === "reword" || kind === "rescale") && ids.old !== undefined) {
      if (!newIndex.has(ids.old)) {
        push(
          "error",
          where,
          "changes/unknown-id",
          `${ids.old} is not a question of ${current.id}@${current.version}`,
        );
      }
    }
    if (kind === "rescale" && ids.old !== undefined) {
      const before = oldIndex.get(ids.old)?.question;
      const after = newIndex.get(ids.old)?.question;
      if (before && after && scaleOf(before) === scaleOf(after)) {
        push(
          "error",
          where,
          "changes/rescale-unchanged",
          `${ids.old} is marked as rescaled, but its type, options, target, unit and bounds are the same as in ${previous.version}; use reword, or drop the entry`,
        );
      }
    }
  }

  for (const [id] of oldIndex) {
    if (newIndex.has(id) || named.has(id)) continue;
    push(
      "error",
      ["changes"],
      "changes/unaccounted",
      `${id} of ${previous.version} is not in ${current.version} and no entry names it; add a rename or retire entry`,
      true,
    );
  }
  for (const [id, { question }] of newIndex) {
    const before = oldIndex.get(id)?.question;
    const meaning = { bounds: false };
    if (!before || named.has(id) || scaleOf(before, meaning) === scaleOf(question, meaning))
      continue;
    const at = input.locateQuestion(id);
    const message = `${id} changed its type, options, target or unit since ${previous.version}, but changes.yaml does not name it; say how with a rescale entry (answers that no longer fit are cleared either way)`;
    if (at) out.push({ ...at, severity: "warning", code: "changes/unannounced-rescale", message });
  }

  checkVersionBump(from ?? previous.version, current.version, entries, push);
  return out;
}

/** True when an entry renames `id` away, so another question may take it over. */
function renamedAway(entries: { entry: ChangeEntry }[], id: string): boolean {
  return entries.some(({ entry }) => "rename" in entry && entry.rename.from === id);
}

type Push = (
  severity: Severity,
  path: PathSegment[],
  code: string,
  message: string,
  key?: boolean,
) => void;

function checkProfileEntry(
  entry: { field: string; map: Record<string, string | boolean> },
  previous: MeasureSet,
  current: MeasureSet,
  at: PathSegment[],
  push: Push,
): void {
  const field = current.profile.find((p) => p.id === entry.field);
  if (!previous.profile.some((p) => p.id === entry.field) || !field) {
    const missingIn = !field ? current.version : previous.version;
    push(
      "error",
      [...at, "field"],
      "changes/unknown-id",
      `"${entry.field}" is not a profile field of ${current.id}@${missingIn}`,
    );
    return;
  }
  const keys = new Map<string, string>();
  for (const [oldValue, newValue] of Object.entries(entry.map)) {
    const key = profileKey(oldValue);
    const clash = keys.get(key);
    if (clash !== undefined) {
      push(
        "error",
        [...at, "map", oldValue],
        "changes/duplicate",
        `"${oldValue}" and "${clash}" are the same old value (case and spaces are ignored)`,
        true,
      );
    }
    keys.set(key, oldValue);
    const problem = profileValueProblem(field, newValue);
    if (problem) push("error", [...at, "map", oldValue], "changes/profile-value", problem);
  }
}

function profileValueProblem(
  field: MeasureSet["profile"][number],
  value: string | boolean,
): string | undefined {
  if (field.type === "yesno" && typeof value !== "boolean") {
    return `"${field.id}" is yes/no, so values map to true or false, not "${String(value)}"`;
  }
  if (field.type === "choice") {
    const ids = (field.options ?? []).map((o) => o.id);
    if (typeof value !== "string" || !ids.includes(value)) {
      return `"${String(value)}" is not an option of "${field.id}" (options: ${ids.join(", ")})`;
    }
  }
  if (field.type === "text" && typeof value !== "string") {
    return `"${field.id}" is text, so values map to texts, not ${String(value)}`;
  }
  return undefined;
}

/** A retirement or rescale needs at least a minor version, anything else at least a patch. */
function checkVersionBump(
  from: string,
  to: string,
  entries: { entry: ChangeEntry }[],
  push: Push,
): void {
  const [fromMajor = 0, fromMinor = 0] = from.split(".").map((n) => Number.parseInt(n, 10));
  const [toMajor = 0, toMinor = 0] = to.split(".").map((n) => Number.parseInt(n, 10));
  const breaking = entries.some(({ entry }) => "retire" in entry || "rescale" in entry);
  const minorMoved = toMajor > fromMajor || (toMajor === fromMajor && toMinor > fromMinor);
  if (breaking && !minorMoved && compareVersions(to, from) > 0) {
    push(
      "warning",
      ["from"],
      "changes/version-bump",
      `${to} retires or rescales questions, which needs at least a new minor version after ${from} (e.g. ${toMajor === fromMajor ? `${fromMajor}.${fromMinor + 1}.0` : to})`,
    );
  }
}
