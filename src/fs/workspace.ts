/**
 * The workspace: where every command finds its measure sets and reads its answers files. Each
 * measure set is loaded and checked once per process (cached by its resolved folder, and read
 * again only when a file in it changes), so a command reading hundreds of answers files
 * (`aggregate`, `diff`, `migrate`) checks each set once. Problems come back for every file;
 * nothing stops at the first invalid one.
 *
 *   const ws = workspace({ cwd, measuresDir });
 *   await ws.sets();                              // every set available, newest version first
 *   await ws.resolveSet(parseSetRef("id@1.0.0")); // a valid MeasureSet, or a readable error
 *   await ws.checkAnswers(file);                  // { source, answers?, set?, diagnostics }
 *   await ws.loadAnswers(file);                   // { answers, set, diagnostics } or DataError
 */
import { formatSetRef, type SetRef } from "../core/set-ref.js";
import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import { firstError, newProblems } from "../core/diagnostic-filter.js";
import { fileKind, notNetdzFileProblems, sourceFormat } from "../core/file-format.js";
import { asRecord, asString, isExtensionKey } from "../core/loose.js";
import type { AnswersFile, Diagnostic, Lang, MeasureSet } from "../core/model.js";
import { workspaceMessages } from "../i18n/workspace-messages.js";
import { checkSchema, reachedLimit, withinLimit } from "../core/schema-check.js";
import { loadValidators } from "../core/validators.js";
import { diagnosticAt, type YamlSource } from "../core/yaml-source.js";
import { DataError, UsageError } from "../errors.js";
import {
  displayPath,
  measureFileNames,
  measuresRoot,
  readYamlFile,
  scanFolder,
  SET_FILE,
  CHANGES_FILE,
  setsIn,
  type AvailableSet,
} from "./measure-sets.js";
import type { LoadedSetFolder } from "./set-loader.js";
import type * as AnswersRules from "../core/answers-rules.js";
import { bundledSnapshot, fromSnapshot, type SetSnapshot } from "./set-snapshot.js";
import { identifier, semver } from "../core/schemas/common.js";

/** The one parser of `--set ID` and `--set ID@VERSION`. */
export function parseSetRef(text: string, lang?: Lang): SetRef {
  const match = /^([^@\s]+)(?:@([^@\s]+))?$/.exec(text);
  if (!match) {
    throw new UsageError(workspaceMessages(lang).setRefSyntax(text));
  }
  return match[2] === undefined
    ? { id: match[1] as string }
    : { id: match[1] as string, version: match[2] };
}

/** Whether a set is the one a reference asks for (any version when it names none). */
export function matchesSetRef(set: { id: string; version: string }, ref: SetRef): boolean {
  return set.id === ref.id && (ref.version === undefined || ref.version === set.version);
}

export interface AnswersCheck {
  source: YamlSource;
  /** Present when the file passed the YAML and schema checks. */
  answers?: AnswersFile;
  set?: MeasureSet;
  diagnostics: Diagnostic[];
  /**
   * The set the file is pinned to, when that set is invalid and the caller asked for the file's
   * own problems instead of the set's DataError: its reference and its errors. The file was then
   * checked only for what needs no set, and `diagnostics` says so (`answers/invalid-set`).
   */
  invalidSet?: { set: string; diagnostics: Diagnostic[] };
}

export interface WorkspaceOptions {
  cwd: string;
  /** `--measures DIR`; the bundled sets when left out. */
  measuresDir?: string;
  lang?: Lang;
  /**
   * The sets do not change while this workspace is used (one run of `aggregate` over thousands
   * of files): once found and loaded they are not looked at again for changes.
   */
  settled?: boolean;
  /**
   * Checked sets recorded by the build (set-snapshot.ts), used for a set folder whose files are
   * byte for byte the recorded ones; `false` for none. Default: the one beside the bundle.
   */
  snapshot?: SetSnapshot | false;
}

interface Cached<T> {
  fingerprint: string;
  value: T;
}

/** The answers rules, imported once (asked for by every answers file checked). */
let answersRules: Promise<typeof AnswersRules> | undefined;

/** Loaded set folders, by real path; kept for the life of the process. */
const setCache = new Map<string, Cached<LoadedSetFolder>>();
/** The sets found under a measures folder, by real path. */
const scanCache = new Map<string, Cached<AvailableSet[]>>();

/** A pin's version and set id as the answers schema takes them (checked once per file). */
const SEMVER = new RegExp(semver.pattern);
const SET_ID = new RegExp(identifier.pattern);

/** A workspace over a measures folder (cheap: everything is read on first use and cached). */
export function workspace(options: WorkspaceOptions): Workspace {
  return new Workspace(options);
}

export class Workspace {
  readonly cwd: string;
  readonly lang: Lang | undefined;
  private readonly measuresDir: string | undefined;
  private readonly snapshot: SetSnapshot | false | undefined;
  private rootDir: Promise<string> | undefined;
  private readonly settled:
    { sets?: Promise<AvailableSet[]>; loaded: Map<string, Promise<LoadedSetFolder>> } | undefined;

  constructor(options: WorkspaceOptions) {
    this.cwd = options.cwd;
    this.measuresDir = options.measuresDir;
    this.lang = options.lang;
    this.snapshot = options.snapshot;
    this.settled = options.settled ? { loaded: new Map() } : undefined;
  }

  /** The measures folder: `--measures DIR`, else the bundled one; a usage error when missing. */
  root(): Promise<string> {
    this.rootDir ??= measuresRoot(this.measuresDir, this.cwd, this.lang);
    return this.rootDir;
  }

  /** Every set under the measures folder (id order, newest version first), from set.yaml headers. */
  async sets(): Promise<AvailableSet[]> {
    if (this.settled) return (this.settled.sets ??= this.scanSets());
    return this.scanSets();
  }

  private async scanSets(): Promise<AvailableSet[]> {
    const root = realOr(await this.root());
    const cached = scanCache.get(root);
    if (cached && cached.fingerprint === folderFingerprint(cached.value, root)) return cached.value;
    const scan = scanFolder(root);
    const sets = setsIn(scan.setFolders);
    const value = sets;
    scanCache.set(root, { fingerprint: folderFingerprint(value, root, scan.visited), value });
    return value;
  }

  /** The versions available of one set id, newest first. */
  async versions(id: string): Promise<string[]> {
    return (await this.sets()).filter((s) => s.id === id).map((s) => s.version);
  }

  /** The set a reference names (the newest version when it names none), if available. */
  async find(ref: SetRef): Promise<AvailableSet | undefined> {
    return (await this.sets()).find((s) => matchesSetRef(s, ref));
  }

  /**
   * Loads and checks a set folder, once per process while its files stay the same (and per
   * language: its problems are worded in it).
   */
  async loadSet(dir: string): Promise<LoadedSetFolder> {
    if (!this.settled) return this.checkSet(dir);
    const loading = this.settled.loaded.get(dir) ?? this.checkSet(dir);
    this.settled.loaded.set(dir, loading);
    return loading;
  }

  private async checkSet(dir: string): Promise<LoadedSetFolder> {
    const real = realOr(dir);
    const snapshot = this.snapshot === undefined ? bundledSnapshot() : this.snapshot || undefined;
    // Per snapshot too: a run with none (a test comparing both ways) checks in full.
    const fingerprint = `${this.lang ?? "en"}|${snapshot?.build ?? "-"}|${setFingerprint(real)}`;
    const cached = setCache.get(real);
    if (cached && cached.fingerprint === fingerprint) return cached.value;
    const recorded = snapshot && fromSnapshot(snapshot, dir);
    // Loaded on first use: a run whose sets are all in the snapshot never needs the checks.
    const value = recorded ?? (await this.checkInFull(dir));
    setCache.set(real, { fingerprint, value });
    return value;
  }

  private async checkInFull(dir: string): Promise<LoadedSetFolder> {
    const { loadSetFolder } = await import("./set-loader.js");
    return loadSetFolder(dir, this.cwd, this.lang, [], (previous) => this.loadSet(previous));
  }

  /** Loads a set folder and throws DataError (with its problems) unless it is valid. */
  async loadValidSet(dir: string): Promise<MeasureSet> {
    const loaded = await this.loadSet(dir);
    if (!loaded.set) {
      const shown = displayPath(dir, this.cwd);
      throw new DataError(
        workspaceMessages(this.lang).setInvalid(shown),
        loaded.diagnostics.filter((d) => d.severity === "error"),
      );
    }
    return loaded.set;
  }

  /**
   * Finds, loads and checks the set a reference names (`--set`); with none, the first set id
   * there at its newest version. Throws a readable error when it cannot.
   */
  async resolveSet(ref?: SetRef | string): Promise<MeasureSet> {
    const wanted = typeof ref === "string" ? parseSetRef(ref, this.lang) : ref;
    const w = workspaceMessages(this.lang);
    const sets = await this.sets();
    if (sets.length === 0) {
      throw new UsageError(w.noSets(displayPath(await this.root(), this.cwd)));
    }
    const id = wanted?.id ?? (sets[0] as AvailableSet).id;
    const listing = sets.map((s) => formatSetRef(s));
    if (!sets.some((s) => s.id === id)) {
      throw new UsageError(w.setNotFound(id, listing));
    }
    const chosen = sets.find((s) => matchesSetRef(s, { id, version: wanted?.version }));
    if (!chosen) {
      throw new UsageError(
        w.versionMissing(formatSetRef({ id, version: `${wanted?.version}` }), listing),
      );
    }
    return this.loadValidSet(chosen.dir);
  }

  /**
   * Reads an answers file and checks it: YAML, schema, then against the measure set it is
   * pinned to. Never throws for invalid content; an answers file pinned to an invalid set
   * throws that set's DataError.
   */
  async checkAnswers(
    file: string,
    options: {
      strict?: boolean;
      source?: YamlSource;
      /** Sets found beside the answers (validate's folders), looked at before the measures folder. */
      alsoSets?: readonly AvailableSet[];
      /** Pinned to an invalid set: return the file's own problems (`invalidSet`), do not throw. */
      reportInvalidSet?: boolean;
    } = {},
  ): Promise<AnswersCheck> {
    const validators = await loadValidators();
    const parsed = options.source ?? (await readYamlFile(file, this.cwd, this.lang)); // named as given
    const format = sourceFormat(parsed);
    const kind = fileKind(format);
    // Another kind of netdz file is that one problem, whether or not it parses.
    if (kind === "measure" || kind === "measure-set" || kind === "changes") {
      return { source: parsed, diagnostics: [notAnAnswersFile(parsed, kind)] };
    }
    // No netdz file (no format, as in an empty file or a list; a later version; a misspelling):
    // what validate says of it, rather than the schema's word that it must be a mapping with
    // format netdz-answers/1.
    const notNetdz = notNetdzFileProblems(parsed);
    if (notNetdz) return { source: parsed, diagnostics: notNetdz };
    if (parsed.data === undefined) return { source: parsed, diagnostics: [...parsed.diagnostics] };
    const fileProblems = [
      ...parsed.diagnostics,
      ...checkSchema(parsed, validators.answers, "schema", { sliced: "answers" }),
    ];
    const valid = !fileProblems.some((d) => d.severity === "error");
    const answers = valid ? normaliseAnswers(parsed.data as AnswersFile) : undefined;
    const pinned = asRecord(asRecord(parsed.data).measureSet);
    const id = asString(pinned.id);
    const version = asString(pinned.version);
    if (id === undefined || version === undefined)
      return { source: parsed, answers, diagnostics: fileProblems };
    // A pin the schema refuses (version "1.0", id "Workplan") is that one problem: no set is
    // looked up by it, and "not available" is not said beside it.
    if (!SEMVER.test(version) || !SET_ID.test(id))
      return { source: parsed, answers, diagnostics: fileProblems };
    const match =
      options.alsoSets?.find((s) => matchesSetRef(s, { id, version })) ??
      (await this.find({ id, version }));
    if (!match) {
      const others = await this.versions(id);
      const missing = diagnosticAt(
        parsed,
        ["measureSet", "version"],
        "error",
        "answers/set-not-available",
        {
          id: "answers/set-not-available",
          params: { set: formatSetRef({ id, version }), id, others },
        },
      );
      return { source: parsed, answers, diagnostics: [...fileProblems, missing] };
    }
    let set: MeasureSet;
    try {
      set = await this.loadValidSet(match.dir);
    } catch (error) {
      if (!options.reportInvalidSet || !(error instanceof DataError)) throw error;
      const { checkAnswersAlone } = await (answersRules ??= import("../core/answers-rules.js"));
      const own = reachedLimit(fileProblems) ? [] : checkAnswersAlone(parsed, parsed.data);
      const ref = formatSetRef({ id, version });
      const first = firstError(error.diagnostics);
      const notChecked = diagnosticAt(parsed, ["measureSet"], "error", "answers/invalid-set", {
        id: "answers/invalid-set",
        params: {
          set: ref,
          errors: error.diagnostics.length,
          first: first ? `${first.file}:${first.line}:${first.column}` : "?",
        },
      });
      return {
        source: parsed,
        answers,
        invalidSet: { set: ref, diagnostics: error.diagnostics },
        diagnostics: withinLimit(parsed, [
          ...fileProblems,
          ...newProblems(own, fileProblems),
          notChecked,
        ]),
      };
    }
    // Past the problem limit already: the rules would only add more of what is not shown.
    if (reachedLimit(fileProblems))
      return { source: parsed, answers, set, diagnostics: fileProblems };
    // Loaded on first use: validating measure sets alone never needs the answers rules.
    const { checkAnswers } = await (answersRules ??= import("../core/answers-rules.js"));
    const against = checkAnswers(parsed, parsed.data, set, { strict: options.strict });
    return {
      source: parsed,
      answers,
      set,
      diagnostics: withinLimit(parsed, [...fileProblems, ...newProblems(against, fileProblems)]),
    };
  }

  /** Loads an answers file and its set for a command that needs both; DataError when invalid. */
  async loadAnswers(
    file: string,
    options: { strict?: boolean } = {},
  ): Promise<{ answers: AnswersFile; set: MeasureSet; diagnostics: Diagnostic[] }> {
    const checked = await this.checkAnswers(file, options);
    const errors = checked.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0 || !checked.answers || !checked.set) {
      throw new DataError(workspaceMessages(this.lang).fileInvalid(checked.source.file), errors);
    }
    return { answers: checked.answers, set: checked.set, diagnostics: checked.diagnostics };
  }
}

/** An answers file was asked for, and the file is another kind of netdz file (its `format`). */
function notAnAnswersFile(
  source: YamlSource,
  kind: "measure-set" | "measure" | "changes",
): Diagnostic {
  return diagnosticAt(source, ["format"], "error", "answers/not-answers-file", {
    id: "answers/not-answers-file",
    params: { kind: kind === "measure-set" ? "set" : kind },
  });
}

/** Fills the optional parts a hand-written file may leave empty (`answers:` with nothing under it). */
export function normaliseAnswers(data: AnswersFile): AnswersFile {
  // An entry left empty (`M01.Q1:`) is unanswered, as if it were not there; `x-…` keys are the
  // user's own, not answers or profile fields. The maps are rebuilt only when something is to be
  // dropped (most files have nothing to drop, and rebuilding costs a roll-up of many files).
  const answers = data.answers ?? {};
  const zone = data.zone ?? {};
  return {
    ...data,
    // A value that is no text nor true/false is an unknown key's (a known field's is an error).
    zone: withoutKeys(zone, (field, v) => isExtensionKey(field) || !isProfileValue(v)),
    answers: withoutKeys(answers, (id, answer) => answer === null || isExtensionKey(id)),
  };
}

function isProfileValue(v: unknown): boolean {
  return v === null || typeof v === "string" || typeof v === "boolean";
}

/** The record itself when no entry is to be dropped, else a copy without those entries. */
function withoutKeys<T extends object>(
  record: T,
  drop: (key: string, value: unknown) => boolean,
): T {
  const entries = record as Record<string, unknown>;
  // Object.keys, not for…in: js-yaml's mapping of a few dozen answers is a dictionary-mode
  // object, on which for…in checks every key again.
  const keys = Object.keys(entries);
  let dropping = false;
  for (const key of keys) {
    if (drop(key, entries[key])) {
      dropping = true;
      break;
    }
  }
  if (!dropping) return record;
  const kept: Record<string, unknown> = {};
  for (const key of keys) if (!drop(key, entries[key])) kept[key] = entries[key];
  return kept as T;
}

function realOr(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/** Modification time and size of a file, or "-" when it cannot be read. */
function stamp(file: string): string {
  try {
    const info = statSync(file);
    return `${info.mtimeMs}/${info.size}`;
  } catch {
    return "-";
  }
}

/** What changes when any file of a set folder changes: its listing and every file's stamp. */
function setFingerprint(dir: string): string {
  let names: string[];
  try {
    names = [SET_FILE, CHANGES_FILE, ...measureFileNames(dir)];
  } catch {
    return "-";
  }
  return `${stamp(dir)}|${names.map((n) => `${n}:${stamp(path.join(dir, n))}`).join("|")}`;
}

const visitedByRoot = new Map<string, Map<string, number>>();

/** What changes when a set is added, removed or renamed under a measures folder. */
function folderFingerprint(
  sets: readonly AvailableSet[],
  root: string,
  visited?: Map<string, number>,
): string {
  if (visited) visitedByRoot.set(root, visited);
  const folders = [...(visitedByRoot.get(root)?.keys() ?? [])];
  return [
    ...folders.map((dir) => `${dir}:${stamp(dir)}`),
    ...sets.map((s) => `${s.dir}:${stamp(path.join(s.dir, SET_FILE))}`),
  ].join("|");
}

/** `--measures` and `--set` as the commands take them. */
export interface SetRequest {
  measuresDir?: string;
  /** `id` or `id@version`; default: the first set id there (its newest version). */
  set?: string;
}

/** Finds, loads and checks a measure set; throws a readable error when it cannot. */
export async function resolveMeasureSet(
  request: SetRequest,
  cwd: string,
  lang?: Lang,
): Promise<MeasureSet> {
  return workspace({ cwd, measuresDir: request.measuresDir, lang }).resolveSet(request.set);
}

/** Loads a set folder and throws DataError (with its problems) unless it is valid. */
export async function loadValidSet(dir: string, cwd: string): Promise<MeasureSet> {
  return workspace({ cwd }).loadValidSet(dir);
}
