/**
 * Cross-version checks of a `changes.yaml` against the version it says it comes from (issue 10):
 * every question of the previous version is accounted for, every id an entry names exists on the
 * side it should, a retired id is never used again, a rescale really changes the scale, and the
 * version number moved far enough. Pure: the caller loads both versions.
 */
import { formatSetRef } from "./set-ref.js";
import { questionIndex } from "./answers-rules.js";
import { asArray, asRecord, asString, isExtensionKey, type Loose } from "./loose.js";
import type { DiagnosticText } from "../i18n/diagnostic-messages.js";
import type {
  Lang,
  ChangeEntry,
  Diagnostic,
  MeasureSet,
  ProfileValue,
  Question,
  SetRef,
  Severity,
  Text,
} from "./model.js";
import { compareVersions } from "./versions.js";
import { diagnosticAt, problemPusher, type PathSegment, type YamlSource } from "./yaml-source.js";
import { looseProfileKey, mapProfileValue, profileKey } from "./profile-spelling.js";

// The spelling rules of old profile values live in profile-spelling.ts (light: the zone key of
// `aggregate` and `diff` uses them too); exported here as well for the modules that use them.
export { looseProfileKey, mapProfileValue, profileKey };

/** The kind of a change entry: its one key. */
export type ChangeKind = "rename" | "reword" | "rescale" | "retire" | "profile";

/** The well-formed entries of a parsed changes file, with their index in `changes:`. */
export function readChangeEntries(data: Loose): { entry: ChangeEntry; index: number }[] {
  const out: { entry: ChangeEntry; index: number }[] = [];
  asArray(asRecord(data).changes).forEach((raw, index) => {
    const item = asRecord(raw);
    if (entryKinds(item).length !== 1) return;
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
            !isExtensionKey(e[0]) && (typeof e[1] === "string" || typeof e[1] === "boolean"),
        ),
      );
      entry = { profile: { field: profile.field, map } };
    }
    if (entry) out.push({ entry, index });
  });
  return out;
}

const KINDS: readonly ChangeKind[] = ["rename", "reword", "rescale", "retire", "profile"];

/** The change kinds an entry names (its keys other than x- keys and unknown ones). */
function entryKinds(item: Record<string, Loose>): ChangeKind[] {
  return Object.keys(item).filter(
    (key): key is ChangeKind => !isExtensionKey(key) && (KINDS as string[]).includes(key),
  );
}

/**
 * Every entry of `changes:` names exactly one change; x- keys beside it are the user's own (the
 * schema cannot count keys without counting those, so the rule is here). An unknown key is the
 * schema's problem.
 */
export function checkEntryKinds(source: YamlSource, data: Loose): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = problemPusher(source, out);
  asArray(asRecord(data).changes).forEach((raw, index) => {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return;
    const item = raw as Record<string, Loose>;
    const kinds = entryKinds(item);
    const unknown = Object.keys(item).some(
      (k) => !isExtensionKey(k) && !kinds.includes(k as never),
    );
    if (kinds.length === 1 || (kinds.length === 0 && unknown)) return;
    const at: PathSegment[] =
      kinds.length > 1 ? ["changes", index, kinds[1] as string] : ["changes", index];
    push(
      "error",
      at,
      "changes/entry-kinds",
      {
        id: "changes/entry-kinds",
        params: { entry: index + 1, kinds },
      },
      kinds.length > 1,
    );
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

/**
 * The entries of several version steps in a row (1.0.0 → 1.1.0 → 1.2.0…) as the entries of one
 * step from the first version to the last: renames compose (a → b, then b → c, gives a → c), a
 * reword or rescale of a renamed question names its new id, a question renamed and then retired
 * is retired under its first id, and profile maps compose (an old value mapped, then mapped
 * again; a value the first map drops stays dropped). Entries about a question that is not in
 * `original` (the first version's question ids; one added in between) are left out: no answer of
 * the first version can have it.
 */
export function composeChanges(
  steps: readonly (readonly ChangeEntry[])[],
  original: ReadonlySet<string>,
): ChangeEntry[] {
  interface Track {
    origin: string;
    current: string;
    reword: boolean;
    rescale: Text[];
    retired?: Text;
  }
  const tracks: Track[] = [];
  /** The question each id of the version reached so far stands for (answers only move). */
  let byCurrent = new Map<string, Track>();
  /** First-version ids whose answers have moved away or gone: a later entry naming one means another question. */
  const gone = new Set<string>();
  const trackOf = (id: string): Track | undefined => {
    const known = byCurrent.get(id);
    if (known || gone.has(id) || !original.has(id)) return known;
    const track: Track = { origin: id, current: id, reword: false, rescale: [] };
    tracks.push(track);
    byCurrent.set(id, track);
    return track;
  };
  const profiles = new Map<string, Record<string, ProfileValue>>();
  for (const entries of steps) {
    // Every id an entry names is read against the version before the step (as migration does),
    // then the step's renames are made all at once (so swaps work).
    const renames: [Track, string][] = [];
    // A reword or rescale of a question renamed in the same step names its new id.
    const renamedTo = new Map(
      entries.flatMap((e) => ("rename" in e ? [[e.rename.to, e.rename.from] as const] : [])),
    );
    const named = (id: string) => trackOf(renamedTo.get(id) ?? id);
    for (const entry of entries) {
      if ("rename" in entry) {
        const track = trackOf(entry.rename.from);
        if (track) renames.push([track, entry.rename.to]);
      } else if ("reword" in entry) {
        const track = named(entry.reword);
        if (track) track.reword = true;
      } else if ("rescale" in entry) {
        named(entry.rescale.id)?.rescale.push(entry.rescale.note);
      } else if ("retire" in entry) {
        const track = trackOf(entry.retire.id);
        if (track) {
          track.retired = entry.retire.reason;
          byCurrent.delete(track.current);
          gone.add(track.current);
        }
      } else {
        const { field, map } = entry.profile;
        const before = profiles.get(field);
        if (!before) {
          profiles.set(field, { ...map });
          continue;
        }
        const composed: Record<string, ProfileValue> = {};
        for (const [oldValue, mid] of Object.entries(before)) {
          const mapped = mapProfileValue(map, mid);
          if (mapped !== undefined) composed[oldValue] = mapped;
        }
        profiles.set(field, composed);
      }
    }
    const next = new Map(byCurrent);
    for (const [track] of renames) {
      if (next.get(track.current) === track) next.delete(track.current);
      gone.add(track.current);
    }
    for (const [track, to] of renames) {
      track.current = to;
      next.set(to, track);
    }
    byCurrent = next;
  }
  const out: ChangeEntry[] = [];
  for (const t of tracks) {
    if (t.retired) out.push({ retire: { id: t.origin, reason: t.retired } });
    else if (t.current !== t.origin) out.push({ rename: { from: t.origin, to: t.current } });
  }
  for (const t of tracks) {
    if (t.retired) continue;
    if (t.rescale.length > 0) {
      const note = (lang: Lang) => t.rescale.map((n) => n[lang]).join(lang === "en" ? "; " : "；");
      out.push({ rescale: { id: t.current, note: { en: note("en"), zh: note("zh") } } });
    } else if (t.reword) {
      out.push({ reword: t.current });
    }
  }
  for (const [field, map] of profiles) out.push({ profile: { field, map } });
  return out;
}

export interface ChangesCheckInput {
  /** changes.yaml as parsed. */
  source: YamlSource;
  data: Loose;
  /** The version changes.yaml comes from, when it is present beside this one. */
  previous: MeasureSet | undefined;
  current: MeasureSet;
  /**
   * The other versions of this set beside it (undefined when not known): \`from:\` must name one
   * of them, and the newest one older than this version.
   */
  versionsBeside?: readonly string[];
  /** Question ids retired by earlier versions' changes files, with the version that retired them. */
  retiredEarlier: ReadonlyMap<string, string>;
  /** Where a question of the current version is defined, for located messages. */
  locateQuestion(id: string): { source: YamlSource; path: PathSegment[] } | undefined;
  /**
   * How many entries of `changes:` are the file's own (undefined: all of them); the entries after
   * them are the base set's, inherited by a set that extends it.
   */
  ownEntries?: number;
}

/** The cross-version rules; runs on a changes file that failed its schema too. */
export function checkChanges(input: ChangesCheckInput): Diagnostic[] {
  const { source, data, previous, current } = input;
  const out: Diagnostic[] = [];
  const push = problemPusher(source, out);
  const pushAtQuestion = (
    id: string,
    severity: Severity,
    code: string,
    message: DiagnosticText,
  ) => {
    const at = input.locateQuestion(id);
    if (at) out.push(diagnosticAt(at.source, at.path, severity, code, message));
    else if (severity === "error") push(severity, ["changes"], code, message, true);
  };
  const from = asString(asRecord(data).from);
  const newIndex = questionIndex(current);
  // A set that extends another can neither remove nor change what it takes from it: its own
  // entries naming those are problems of their own, and are not read as changes.
  const ownEntries = input.ownEntries ?? Number.POSITIVE_INFINITY;
  const entries = readChangeEntries(data).filter(
    ({ entry, index }) =>
      index >= ownEntries || !changesInherited(entry, index, previous, current, push),
  );

  // A retired id must never come back, in this version or any later one.
  const retiredHere = new Map<string, string>();
  for (const { entry } of entries) {
    if ("retire" in entry) retiredHere.set(entry.retire.id, current.version);
  }
  for (const [id, version] of [...input.retiredEarlier, ...retiredHere]) {
    if (!newIndex.has(id)) continue;
    pushAtQuestion(id, "error", "changes/retired-reused", {
      id: "changes/retired-reused",
      params: { id, version },
    });
  }

  if (from !== undefined && compareVersions(from, current.version) >= 0) {
    push("error", ["from"], "changes/from-version", {
      id: "changes/version-not-moved",
      params: { from, to: current.version },
    });
  } else if (from !== undefined && input.versionsBeside) {
    const beside = input.versionsBeside;
    // The version before need not be kept (the issue checks against it only when it is there);
    // a missing one beside older ones is likely a slip, so it is a warning, not an error.
    const older = beside.filter((v) => compareVersions(v, current.version) < 0);
    if (!beside.includes(from)) {
      if (older.length > 0) {
        push("warning", ["from"], "changes/from-version", {
          id: "changes/from-missing",
          params: { from, id: current.id, available: older },
        });
      }
    } else {
      const between = beside
        .filter((v) => compareVersions(v, from) > 0 && compareVersions(v, current.version) < 0)
        .sort(compareVersions);
      if (between.length > 0) {
        push("warning", ["from"], "changes/from-version", {
          id: "changes/from-skips",
          params: { from, to: current.version, skipped: between },
        });
      }
    }
  }
  checkNewIds(entries, ownEntries, push);
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
        push("error", at, "changes/duplicate", {
          id: "changes/named-twice",
          params: { id: ids.old, entry: earlier + 1 },
        });
      }
      seen.set(ids.old, index);
      named.add(ids.old);
    }
    if ("profile" in entry) {
      checkProfileEntry(entry.profile, previous, current, at, push);
      continue;
    }
    const where = kind === "rename" ? [...at, "from"] : kind === "reword" ? at : [...at, "id"];
    // A reword or rescale of a question that is renamed too names its new id.
    const renamedFrom =
      kind === "reword" || kind === "rescale" ? renameSourceOf(entries, ids.old) : undefined;
    // A reword or rescale names the question of the new version: an id that is in neither is
    // told once, on that side.
    const missingNew =
      (kind === "reword" || kind === "rescale") && ids.old !== undefined && !newIndex.has(ids.old);
    if (
      ids.old !== undefined &&
      !oldIndex.has(ids.old) &&
      renamedFrom === undefined &&
      !missingNew
    ) {
      push("error", where, "changes/unknown-id", {
        id: "changes/not-a-question",
        params: { id: ids.old, set: formatSetRef(previous) },
      });
    }
    if (kind === "rename" && ids.old !== undefined && newIndex.has(ids.old)) {
      // The old id is still a question of the new version: either the rename is wrong or the
      // old id is reused for another question (unless another entry renames a question onto it).
      if (!renamedOnto(entries, ids.old)) {
        push("error", where, "changes/rename-source", {
          id: "changes/rename-source",
          params: { id: ids.old, version: current.version },
        });
      }
    }
    if (kind === "rename" && ids.new !== undefined) {
      if (!newIndex.has(ids.new)) {
        push("error", [...at, "to"], "changes/unknown-id", {
          id: "changes/not-a-question",
          params: { id: ids.new, set: formatSetRef(current) },
        });
      } else if (oldIndex.has(ids.new) && !renamedAway(entries, ids.new)) {
        push("error", [...at, "to"], "changes/rename-target", {
          id: "changes/rename-target",
          params: { id: ids.new, version: previous.version },
        });
      }
    } else if ((kind === "reword" || kind === "rescale") && ids.old !== undefined) {
      if (!newIndex.has(ids.old)) {
        push("error", where, "changes/unknown-id", {
          id: "changes/not-a-question",
          params: { id: ids.old, set: formatSetRef(current) },
        });
      }
    }
    if (kind === "rescale" && ids.old !== undefined) {
      const before = oldIndex.get(renamedFrom ?? ids.old)?.question;
      const after = newIndex.get(ids.old)?.question;
      if (before && after && scaleOf(before) === scaleOf(after)) {
        push("error", where, "changes/rescale-unchanged", {
          id: "changes/rescale-unchanged",
          params: { id: ids.old, version: previous.version },
        });
      }
    }
  }

  for (const [id] of oldIndex) {
    if (newIndex.has(id) || named.has(id)) continue;
    push(
      "error",
      ["changes"],
      "changes/unaccounted",
      { id: "changes/unaccounted", params: { id, from: previous.version, to: current.version } },
      true,
    );
  }
  // A rescale says how the scale changed; a reword claims the meaning (and so the scale) stayed,
  // so it does not cover a changed scale.
  const rescaled = new Set(
    entries.flatMap(({ entry }) => ("rescale" in entry ? [entry.rescale.id] : [])),
  );
  const reworded = new Set(
    entries.flatMap(({ entry }) => ("reword" in entry ? [entry.reword] : [])),
  );
  for (const [id, { question }] of newIndex) {
    // A renamed question is compared with the question it was.
    const source = renameSourceOf(entries, id);
    const before = oldIndex.get(source ?? id)?.question;
    const meaning = { bounds: false };
    // Other entries naming an id kept in place (a retire or rename of it) are problems of their own.
    const skip = rescaled.has(id) || (source === undefined && named.has(id) && !reworded.has(id));
    if (!before || skip || scaleOf(before, meaning) === scaleOf(question, meaning)) continue;
    pushAtQuestion(id, "warning", "changes/unannounced-rescale", {
      id: "changes/unannounced-rescale",
      params: { id, version: previous.version, ...(reworded.has(id) ? { reworded: true } : {}) },
    });
  }

  checkVersionBump(from ?? previous.version, current.version, entries, push);
  return out;
}

/**
 * The id an entry moves an answer onto (a rename's `to`): each is the new id of one question
 * only, and never the id it comes from. Checked on the file alone, so also when the previous
 * version is not beside it; an extending set's inherited entries are its base's to check.
 */
function checkNewIds(
  entries: { entry: ChangeEntry; index: number }[],
  ownEntries: number,
  push: Push,
): void {
  const targets = new Map<string, number>();
  for (const { entry, index } of entries) {
    if (index >= ownEntries || !("rename" in entry)) continue;
    const { from, to } = entry.rename;
    const at: PathSegment[] = ["changes", index, "rename", "to"];
    if (from === to) {
      push("error", at, "changes/rename-self", { id: "changes/rename-self", params: { id: to } });
      continue;
    }
    const earlier = targets.get(to);
    if (earlier === undefined) targets.set(to, index);
    else {
      push("error", at, "changes/duplicate", {
        id: "changes/target-twice",
        params: { id: to, entry: earlier + 1 },
      });
    }
  }
}

/** The question ids of the measures a set takes from the set it extends. */
function inheritedQuestions(set: MeasureSet | undefined): Set<string> {
  const measures = set?.base?.inherited.measures ?? [];
  return new Set(
    set?.measures.flatMap((m) => (measures.includes(m.id) ? m.questions.map((q) => q.id) : [])),
  );
}

/**
 * Whether an entry of a set that extends another names a question or profile field it takes
 * from its base (on either side); if so, the problem is told at the id it names.
 */
function changesInherited(
  entry: ChangeEntry,
  index: number,
  previous: MeasureSet | undefined,
  current: MeasureSet,
  push: Push,
): boolean {
  const bases = [previous, current].filter((s): s is MeasureSet => s?.base !== undefined);
  if (bases.length === 0) return false;
  const kind = kindOf(entry);
  const at: PathSegment[] = ["changes", index, kind];
  const base = formatSetRef(current.extends ?? previous?.extends ?? (current.base as SetRef));
  if ("profile" in entry) {
    if (!bases.some((s) => s.base?.inherited.profile.includes(entry.profile.field))) return false;
    push("error", [...at, "field"], "set/extends-change", {
      id: "set/extends-changes-field",
      params: { field: entry.profile.field, base },
    });
    return true;
  }
  const questions = new Set(bases.flatMap((s) => [...inheritedQuestions(s)]));
  const ids = namedIds(entry);
  const named: [string | undefined, PathSegment[]][] =
    kind === "rename"
      ? [
          [ids.old, [...at, "from"]],
          [ids.new, [...at, "to"]],
        ]
      : [[ids.old, kind === "reword" ? at : [...at, "id"]]];
  const hit = named.find(([id]) => id !== undefined && questions.has(id));
  if (!hit) return false;
  push("error", hit[1], "set/extends-change", {
    id: "set/extends-changes-question",
    params: { id: hit[0] as string, kind, base },
  });
  return true;
}

/** The old id of the question an entry renames to `id`, if one does. */
function renameSourceOf(
  entries: { entry: ChangeEntry }[],
  id: string | undefined,
): string | undefined {
  for (const { entry } of entries)
    if ("rename" in entry && entry.rename.to === id) return entry.rename.from;
  return undefined;
}

/** True when an entry renames another question to `id`, so `id` may exist on the new side. */
function renamedOnto(entries: { entry: ChangeEntry }[], id: string): boolean {
  return entries.some(({ entry }) => "rename" in entry && entry.rename.to === id);
}

/** True when an entry renames `id` away, so another question may take it over. */
function renamedAway(entries: { entry: ChangeEntry }[], id: string): boolean {
  return entries.some(({ entry }) => "rename" in entry && entry.rename.from === id);
}

type Push = (
  severity: Severity,
  path: PathSegment[],
  code: string,
  message: DiagnosticText,
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
    push("error", [...at, "field"], "changes/unknown-id", {
      id: "changes/not-a-field",
      params: { field: entry.field, set: formatSetRef({ id: current.id, version: missingIn }) },
    });
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
        { id: "changes/duplicate-value", params: { value: oldValue, other: clash } },
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
): DiagnosticText | undefined {
  const shown = String(value);
  if (field.type === "yesno" && typeof value !== "boolean") {
    return { id: "changes/profile-yesno", params: { field: field.id, value: shown } };
  }
  if (field.type === "choice") {
    const options = (field.options ?? []).map((o) => o.id);
    if (typeof value !== "string" || !options.includes(value)) {
      return { id: "changes/profile-choice", params: { field: field.id, value: shown, options } };
    }
  }
  if (field.type === "text" && typeof value !== "string") {
    return { id: "changes/profile-text", params: { field: field.id, value: shown } };
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
    push("warning", ["from"], "changes/version-bump", {
      id: "changes/version-minor",
      params: {
        from,
        to,
        suggestion: toMajor === fromMajor ? `${fromMajor}.${fromMinor + 1}.0` : to,
      },
    });
  }
}

export interface NoChangesCheckInput {
  /** The version before this one beside it, when it loaded. */
  previous: MeasureSet | undefined;
  current: MeasureSet;
  /** Question ids retired by the changes files of the earlier versions (id → version). */
  retiredEarlier: ReadonlyMap<string, string>;
  /** Where a question of the current version is defined, for located messages. */
  locateQuestion(id: string): { source: YamlSource; path: PathSegment[] } | undefined;
  /** The version's set.yaml and the path of its `version:` (where a missing changes.yaml is told). */
  header(): { source: YamlSource; path: PathSegment[] } | undefined;
}

/**
 * A version beside an earlier one that has no changes.yaml: a retired id is never used again
 * (an error, as with a changes.yaml), and questions of the version before that are gone are a
 * warning (migrate retires their answers without a reason; a changes.yaml would say why).
 */
export function checkVersionWithoutChanges(input: NoChangesCheckInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const newIndex = questionIndex(input.current);
  for (const [id, version] of input.retiredEarlier) {
    const at = newIndex.has(id) ? input.locateQuestion(id) : undefined;
    if (!at) continue;
    out.push(
      diagnosticAt(at.source, at.path, "error", "changes/retired-reused", {
        id: "changes/retired-reused",
        params: { id, version },
      }),
    );
  }
  if (!input.previous) return out;
  const dropped = [...questionIndex(input.previous).keys()].filter((id) => !newIndex.has(id));
  const at = dropped.length > 0 ? input.header() : undefined;
  if (at) {
    out.push(
      diagnosticAt(at.source, at.path, "warning", "changes/no-changes-file", {
        id: "changes/no-changes-file",
        params: { ids: dropped, from: input.previous.version, to: input.current.version },
      }),
    );
  }
  return out;
}
