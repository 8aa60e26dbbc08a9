import { readdirSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import {
  declaredFormat,
  fileKind,
  mayDeclareFormat,
  sourceFormat,
  type FileKind,
} from "../core/file-format.js";
import type { Diagnostic, Lang, MeasureSetHeader } from "../core/model.js";
import { failedSource, parseYamlSource, type YamlSource } from "../core/yaml-source.js";
import { fileMessages } from "../i18n/file-messages.js";
import { workspaceMessages } from "../i18n/workspace-messages.js";
import { compareVersions } from "../core/versions.js";
import { UsageError } from "../errors.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { describeFsError } from "./fs-errors.js";
import { readHead, readHeadText, readTextFile, UnreadableFileError } from "./read-file.js";

/** The problem code of a file or path that cannot be read. */
export const UNREADABLE_CODE = "file/unreadable";

export { describeFsError };

/** The measure sets shipped with netdz (the package's measures/ folder). */
export const BUNDLED_MEASURES_DIR = path.join(PACKAGE_ROOT, "measures");

export const SET_FILE = "set.yaml";
/** What changed from the version before, beside set.yaml (optional). */
export const CHANGES_FILE = "changes.yaml";

/**
 * How a file is named in every message: as the user gave it on the command line, and a file
 * found by walking a folder given there as that folder, as given, joined with the path below it
 * (`../zones/a.yaml`, `/srv/zones/a.yaml`); a file inside the working folder is named relative
 * to it however it was given (`x.yaml`, `sub/x.yaml`). So a message names a file the same way
 * wherever the checkout sits. `file` is that given path (relative to `cwd`, or absolute): callers
 * pass it through, never a path they resolved (see `givenBelow` for a walked folder's files).
 */
export function displayPath(file: string, cwd: string): string {
  if (!path.isAbsolute(file)) {
    if (isPlainRelative(file)) return file;
    if (file.startsWith("./") && isPlainRelative(file.slice(2))) return file.slice(2);
    return insideRelative(path.resolve(cwd, file), cwd) ?? file;
  }
  return insideRelative(file, cwd) ?? file;
}

/**
 * The path of `found` (a file or folder found by walking `root`, both absolute) as the user would
 * name it: `given` (how `root` was given) joined with the path below `root`.
 */
export function givenBelow(given: string, root: string, found: string): string {
  if (found === root) return given;
  const below = found.startsWith(root + path.sep)
    ? found.slice(root.length + 1)
    : path.relative(root, found);
  // The working folder itself (aggregate's default): the paths below it, plain. Otherwise
  // joined as written: `./../zones` gives `./../zones/a.yaml` (path.join would tidy it).
  if (given === ".") return below;
  return /[\\/]$/.test(given) ? `${given}${below}` : `${given}${path.sep}${below}`;
}

/** A file's path for reading it: `file` (as given) resolved against the working folder. */
export function resolvedPath(file: string, cwd: string): string {
  return path.isAbsolute(file) ? file : path.resolve(cwd, file);
}

/** A relative path without empty, `.` or `..` parts: inside the folder it is relative to. */
function isPlainRelative(file: string): boolean {
  return file !== "" && file.split(/[\\/]/).every((p) => p !== "" && p !== "." && p !== "..");
}

/** `file` (absolute) relative to `cwd` when it is inside it, else undefined. */
function insideRelative(file: string, cwd: string): string | undefined {
  const relative = plainRelative(file, cwd) ?? path.relative(cwd, file);
  if (relative === "" || path.isAbsolute(relative)) return undefined;
  const above = relative === ".." || relative.startsWith(`..${path.sep}`);
  return above ? undefined : relative;
}

/**
 * path.relative(cwd, file) for two plain absolute POSIX paths, worked out from their parts
 * without path.relative's resolving and normalising (about 26 us a call in a cold process, and a
 * roll-up asks twice per file); undefined for any other paths.
 */
function plainRelative(file: string, cwd: string): string | undefined {
  if (path.sep !== "/" || !isPlainAbsolute(file) || !isPlainAbsolute(cwd)) return undefined;
  const prefix = cwd === "/" ? "/" : `${cwd}/`;
  if (file.startsWith(prefix)) return file.slice(prefix.length);
  if (file === cwd) return "";
  const from = cwd === "/" ? [] : cwd.slice(1).split("/");
  const to = file === "/" ? [] : file.slice(1).split("/");
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  return [...Array<string>(from.length - common).fill(".."), ...to.slice(common)].join("/");
}

/** An absolute POSIX path that path.resolve leaves as it is: no `.`, `..`, empty or trailing part. */
function isPlainAbsolute(p: string): boolean {
  return (
    p.startsWith("/") &&
    !p.includes("//") &&
    !p.includes("/./") &&
    !p.includes("/../") &&
    !p.endsWith("/.") &&
    !p.endsWith("/..") &&
    (p === "/" || !p.endsWith("/"))
  );
}

/**
 * Reads and parses a YAML file, `file` as given (relative to `cwd`, or absolute: see
 * `displayPath`, which names it in the problems). A file that cannot be opened is a usage error
 * (exit 2); one that is too large, not UTF-8 or has merge-conflict markers is a source with that
 * one problem.
 */
export async function readYamlFile(file: string, cwd: string, lang?: Lang): Promise<YamlSource> {
  return readYamlFileSync(file, cwd, lang);
}

/** A file of a set that could not be opened, as a problem of that set (the others are still read). */
function unreadableProblem(error: UnreadableFileError, shown: string): Diagnostic {
  return unreadableAt(shown, error.message);
}

/**
 * The one problem of a folder that a search could not list: the files in it (answers files,
 * perhaps) are not checked, which is said, not passed over.
 */
export function unreadableFolderProblem(shown: string, error: unknown, lang?: Lang): Diagnostic {
  const reason = describeFsError(error, lang);
  return unreadableAt(shown, fileMessages(lang ?? "en").cannotReadFolder(shown, reason));
}

/** A path that could not be read: one problem at its line 1, column 1. */
function unreadableAt(shown: string, message: string): Diagnostic {
  return { file: shown, line: 1, column: 1, severity: "error", code: UNREADABLE_CODE, message };
}

/** Reads a YAML file; one that cannot be read at all is a source with that one problem. */
export function readOrReport(file: string, cwd: string, lang?: Lang): YamlSource {
  try {
    return readYamlFileSync(file, cwd, lang);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    const shown = displayPath(file, cwd);
    return failedSource(shown, "", unreadableProblem(error, shown));
  }
}

/** Synchronous reads: a CLI reading a few dozen small files gains nothing from the thread pool. */
export function readYamlFileSync(file: string, cwd: string, lang?: Lang): YamlSource {
  const shown = displayPath(file, cwd);
  const text = textOrProblem(resolvedPath(file, cwd), shown, lang);
  if (typeof text !== "string") return failedSource(shown, "", text);
  return parseYamlSource(shown, text, lang);
}

/** The file's text, or its one problem; the bytes read are not kept while the text is parsed. */
function textOrProblem(file: string, shown: string, lang?: Lang): string | Diagnostic {
  const read = readTextFile(file, shown, lang);
  return read.ok ? read.text : read.problem;
}

/** The measure files of a set folder (every YAML file beside set.yaml), sorted. */
export function measureFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && name !== SET_FILE && name !== CHANGES_FILE)
    .sort();
}

/** A YAML file's name, as a folder search takes it (`.yaml` or `.yml`, in any case). */
export const YAML_NAME = /\.ya?ml$/i;

/** What a folder holds: measure-set folders and the YAML files outside them. */
export interface FolderContents {
  /** Folders that hold a set.yaml (not searched further). */
  setFolders: string[];
  /**
   * Regular files (or links to one) named like YAML files outside set folders, not yet read:
   * what each is, is told by `detectFileKind`.
   */
  yamlFiles: string[];
  /**
   * Entries named like YAML files that are not regular files and do not lead to one (a FIFO, a
   * device, a dangling link, a link loop): outside set folders, where nothing else reports them.
   */
  unreadableFiles: string[];
  /** Folders that could not be listed (no permission), with the error: their files are unknown. */
  unreadableFolders: { folder: string; error: unknown }[];
  /** Every folder read, with its modification time (to tell later whether the scan still holds). */
  visited: Map<string, number>;
}

/**
 * Finds the measure sets and YAML files at or below `root`, `depth` levels deep (hidden folders
 * and node_modules skipped; links to folders are not followed).
 */
export function scanFolder(root: string, depth = 3): FolderContents {
  const found: FolderContents = {
    setFolders: [],
    yamlFiles: [],
    unreadableFiles: [],
    unreadableFolders: [],
    visited: new Map(),
  };
  const walk = (dir: string, depth: number): void => {
    let entries;
    try {
      found.visited.set(dir, statSync(dir).mtimeMs);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      found.unreadableFolders.push({ folder: dir, error });
      return;
    }
    // Any entry named set.yaml makes a set folder, even one that cannot be read (a FIFO, a
    // dangling link): the set loader then reports it as the set's one unreadable file, instead
    // of every measure file beside it as a measure without its set.
    if (entries.some((e) => e.name === SET_FILE)) {
      found.setFolders.push(dir);
      return;
    }
    for (const entry of entries.sort((a, b) => compareNames(a.name, b.name))) {
      const full = path.join(dir, entry.name);
      const target = YAML_NAME.test(entry.name) ? leadsTo(dir, entry) : undefined;
      if (target === "odd") {
        found.unreadableFiles.push(full);
      } else if (target === "file") {
        found.yamlFiles.push(full);
      } else if (
        depth > 0 &&
        entry.isDirectory() &&
        !entry.name.startsWith(".") &&
        entry.name !== "node_modules"
      ) {
        walk(full, depth - 1);
      }
    }
  };
  walk(root, depth);
  return found;
}

/** What a YAML file is to netdz: a kind, "unreadable", or "unread" (see `kindOfSource`). */
export type DetectedKind = FileKind | "unread" | "unreadable" | undefined;

/**
 * The one detector of the kind of netdz file a YAML file is, from the file as parsed: the
 * `format` its data declares, else its `format:` line or recovered document (see sourceFormat). A file that could not
 * be decoded (not UTF-8, too large, merge-conflict markers) is told by the `format:` line in its
 * head, read as its encoding is guessed and then leniently; "unread" when that head declares none
 * (it may well be an answers file). `absolute` is the file's path for reading that head.
 */
export function kindOfSource(
  absolute: string,
  source: YamlSource,
): FileKind | "unread" | undefined {
  if (source.failed !== true) return fileKind(sourceFormat(source));
  return headKind(absolute) ?? "unread";
}

/**
 * What a YAML file found in a folder is, by `kindOfSource` (`file` as given, relative to `cwd`
 * or absolute), and its source when it was parsed to tell: a file whose text cannot declare a
 * netdz format is not parsed, and one that cannot be opened is "unreadable". One file is held at
 * a time, at most the size limit.
 */
export function detectFileKind(
  file: string,
  cwd: string,
  lang?: Lang,
): { kind: DetectedKind; source?: YamlSource } {
  const shown = displayPath(file, cwd);
  const absolute = resolvedPath(file, cwd);
  let read;
  try {
    read = readTextFile(absolute, shown, lang);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return { kind: "unreadable" };
  }
  if (read.ok && !mayDeclareFormat(read.text)) return { kind: undefined };
  const source = read.ok
    ? parseYamlSource(shown, read.text, lang)
    : failedSource(shown, "", read.problem);
  return { kind: kindOfSource(absolute, source), source };
}

/**
 * What a folder entry is, following a symbolic link: a regular file, a folder, or something odd
 * (a FIFO, a device, a dangling link, a link loop).
 */
function leadsTo(dir: string, entry: Dirent): "file" | "folder" | "odd" {
  if (entry.isFile()) return "file";
  if (entry.isDirectory()) return "folder";
  if (!entry.isSymbolicLink()) return "odd";
  try {
    const info = statSync(path.join(dir, entry.name));
    return info.isFile() ? "file" : info.isDirectory() ? "folder" : "odd";
  } catch {
    return "odd";
  }
}

/** Lower-case letters, digits, `-` and `.`: the characters of the usual folder and set names. */
const PLAIN_NAME = /^[a-z0-9.-]*$/;

/**
 * The order of names by `localeCompare`. For plain names that order is the order of their
 * characters' codes (`-` < `.` < digits < letters in both), compared directly: the first
 * `localeCompare` of a process loads the collation data, which takes longer than the rest of a
 * scan.
 */
export function compareNames(a: string, b: string): number {
  if (PLAIN_NAME.test(a) && PLAIN_NAME.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/** The netdz kind a file's head declares: as its encoding is guessed, else UTF-8 with gaps. */
function headKind(absolute: string): FileKind | undefined {
  const head = readHead(absolute, HEAD_BYTES);
  if (head === undefined) return undefined;
  const lenient = new TextDecoder("utf-8").decode(head);
  return (
    fileKind(declaredFormat(readHeadText(absolute, HEAD_BYTES) ?? "")) ??
    fileKind(declaredFormat(lenient))
  );
}

/** How much of an undecodable file's head is read for its `format:` line. */
const HEAD_BYTES = 64 * 1024;

export interface AvailableSet {
  id: string;
  version: string;
  dir: string;
}

/** The sets in the given set folders, read from their set.yaml headers (not fully validated). */
export function setsIn(setFolders: readonly string[]): AvailableSet[] {
  const sets: AvailableSet[] = [];
  for (const dir of setFolders) {
    try {
      const source = readYamlFileSync(path.join(dir, SET_FILE), dir);
      const data = source.data as Partial<MeasureSetHeader> | undefined;
      if (typeof data?.id === "string" && typeof data.version === "string") {
        sets.push({ id: data.id, version: data.version, dir });
      }
    } catch {
      // An unreadable set.yaml is reported by `netdz validate`, not here.
    }
  }
  return sets.sort((a, b) => compareNames(a.id, b.id) || compareVersions(b.version, a.version));
}

/** The sets under a measures folder, read from their set.yaml headers (not fully validated). */
export async function availableSets(measuresDir: string): Promise<AvailableSet[]> {
  return setsIn(scanFolder(measuresDir).setFolders);
}

/** The measures folder to use: `--measures DIR` when given, else the bundled one. */
export async function measuresRoot(
  measuresDir: string | undefined,
  cwd: string,
  lang?: Lang,
): Promise<string> {
  if (measuresDir === undefined) return BUNDLED_MEASURES_DIR;
  const resolved = path.resolve(cwd, measuresDir);
  const unreadable = (error: unknown) =>
    new UsageError(
      workspaceMessages(lang).measuresUnreadable(measuresDir, describeFsError(error, lang)),
      { cause: error },
    );
  let info;
  try {
    info = statSync(resolved);
  } catch (error) {
    throw unreadable(error);
  }
  if (!info.isDirectory()) {
    throw new UsageError(workspaceMessages(lang).measuresNotFolder(measuresDir));
  }
  try {
    // A folder that cannot be listed holds no set netdz can find: said as such, not "no set here".
    readdirSync(resolved);
  } catch (error) {
    throw unreadable(error);
  }
  return resolved;
}
