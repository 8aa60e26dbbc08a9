import { stat } from "node:fs/promises";
import path from "node:path";
import { append, limitPerFile, newProblems } from "../core/diagnostic-filter.js";
import { fileKind, notNetdzFileProblems, sourceFormat } from "../core/file-format.js";
import { DEFAULT_ANSWERS_FILE, type Diagnostic, type Lang } from "../core/model.js";
import { diagnosticAt, type YamlSource } from "../core/yaml-source.js";
import { DataError, EXIT, UsageError } from "../errors.js";
import { describeFsError } from "../fs/fs-errors.js";
import {
  detectFileKind,
  displayPath,
  givenBelow,
  readOrReport,
  readYamlFile,
  scanFolder,
  SET_FILE,
  setsIn,
  UNREADABLE_CODE,
  unreadableFolderProblem,
} from "../fs/measure-sets.js";
import { workspace } from "../fs/workspace.js";
import { fileMessages } from "../i18n/file-messages.js";
import type { Io } from "../io.js";
import {
  formatDiagnostics,
  githubFileNotice,
  sortDiagnostics,
  type DiagnosticFormat,
} from "../render/diagnostics.js";
import { packageVersion } from "../package-root.js";
import { validateMessages, type ValidateTally } from "../i18n/validate-messages.js";
import { terminalPaint } from "../terminal.js";
import { refuseEmptyPaths } from "./path-arguments.js";

export interface ValidateOptions {
  paths: string[];
  format: DiagnosticFormat;
  strict: boolean;
  /** Warn about evidence paths in answers files that do not exist. */
  checkEvidence?: boolean;
  measures?: string;
  lang: Lang;
}

/** What the given paths name: set folders and answers files to check, and what could not be read. */
interface Targets {
  /** Absolute paths of set folders. */
  setFolders: Set<string>;
  /** Answers files: the absolute path of each (one entry per file), and its path as given. */
  answerFiles: Map<string, string>;
  /** Answers files already parsed while their format was read, by absolute path. */
  sources: Map<string, YamlSource>;
  /** Problems found on the way (files that are not netdz files, measure files without a set). */
  diagnostics: Diagnostic[];
  /** Files that are not checked as part of a set or as answers (each has its one error). */
  unchecked: number;
  /** Folders found that could not be listed (each has its one error). */
  uncheckedFolders: number;
  unreadable: number;
  /** Unreadable files and folders found in folders, by absolute path: each counted once. */
  oddFound: Set<string>;
}

/** `netdz validate`: checks measure sets and answers files; 0 valid, 1 invalid, 2 unreadable. */
export async function validate(options: ValidateOptions, io: Io): Promise<number> {
  const lang = options.lang;
  const m = validateMessages(lang);
  refuseEmptyPaths(options.paths, lang);
  const ws = workspace({ cwd: io.cwd, measuresDir: options.measures, lang });
  // A --measures that is no folder is a usage error before anything is checked (as in `list`),
  // also when no answers file would look a set up there.
  if (options.measures !== undefined) await ws.root();
  const paths =
    options.paths.length > 0 ? options.paths : [await defaultPath(io.cwd, lang, options.measures)];
  const targets = await collectTargets(paths, io, lang, options.format);
  const diagnostics = [...targets.diagnostics];
  const tally: ValidateTally = {
    sets: 0,
    measures: 0,
    answerFiles: 0,
    notAgainstSet: 0,
    unchecked: targets.unchecked,
    uncheckedFolders: targets.uncheckedFolders,
    unreadable: targets.unreadable,
  };

  if (targets.answerFiles.size > 0) {
    // Answers beside sets in the folders given are checked against those sets too.
    const alsoSets = setsIn([...targets.setFolders]);
    for (const [located, file] of targets.answerFiles) {
      // Pinned to an invalid set: the file's own problems (YAML, schema, owner, due, evidence)
      // are still reported, with one saying it was not checked against that set, and the set's
      // own problems beside them.
      let checked;
      try {
        checked = await ws.checkAnswers(file, {
          strict: options.strict,
          source: targets.sources.get(located),
          alsoSets,
          reportInvalidSet: true,
        });
      } catch (error) {
        // Any other invalid input met on the way carries its own problems.
        if (!(error instanceof DataError)) throw error;
        append(diagnostics, error.diagnostics);
        tally.answerFiles++;
        continue;
      }
      if (checked.invalidSet) {
        append(diagnostics, checked.invalidSet.diagnostics);
        tally.notAgainstSet++;
      }
      append(diagnostics, checked.diagnostics);
      if (options.checkEvidence && checked.source !== undefined) {
        const { checkEvidencePaths } = await import("../fs/evidence-check.js");
        append(diagnostics, await checkEvidencePaths(checked.source, located));
      }
      tally.answerFiles++;
    }
  }
  for (const dir of targets.setFolders) {
    const loaded = await ws.loadSet(dir);
    append(diagnostics, loaded.diagnostics);
    tally.sets++;
    tally.measures += loaded.fileCount;
  }

  const unique = newProblems(diagnostics);
  io.stdout.write(await printable(unique, options.format, io, lang));
  const errors = unique.filter((d) => d.severity === "error").length;
  if (options.format === "text") io.stderr.write(m.summary(tally, errors, unique.length - errors));
  if (tally.unreadable > 0) return EXIT.usage;
  return errors > 0 ? EXIT.invalid : EXIT.ok;
}

/** Sorts the given paths into set folders and answers files; reports what cannot be read. */
async function collectTargets(
  paths: readonly string[],
  io: Io,
  lang: Lang,
  format: DiagnosticFormat,
): Promise<Targets> {
  const m = validateMessages(lang);
  const targets: Targets = {
    setFolders: new Set(),
    answerFiles: new Map(),
    sources: new Map(),
    diagnostics: [],
    unchecked: 0,
    uncheckedFolders: 0,
    unreadable: 0,
    oddFound: new Set(),
  };
  let given = "";
  const unreadable = (message: string) => {
    io.stderr.write(`netdz validate: ${message}\n`);
    targets.unreadable++;
    // Machine formats carry it too, as a problem of the path given (SARIF, JSON, annotations).
    if (format !== "text") {
      targets.diagnostics.push({
        file: given,
        line: 1,
        column: 1,
        severity: "error",
        code: UNREADABLE_CODE,
        message,
      });
    }
  };
  for (given of paths) {
    const absolute = path.resolve(io.cwd, given);
    const info = await stat(absolute).catch((error: unknown) => error as Error);
    if (info instanceof Error) {
      unreadable(fileMessages(lang).cannotRead(given, describeFsError(info, lang)));
    } else if (info.isDirectory()) {
      // Searched as `netdz aggregate` searches a folder, and each YAML file told by the same
      // detector: every answers file it would read is checked here.
      const found = scanFolder(absolute, Infinity);
      // What is found is named as the folder was given, joined with the path below it.
      const named = (file: string) => givenBelow(given, absolute, file);
      // One problem per folder that lacks its set.yaml, not one per measure file in it.
      const byFolder = new Map<string, YamlSource[]>();
      // Folders whose header is misnamed: that one error says why their measures are not read.
      const misnamed = new Set<string>();
      let netdzFiles = 0;
      for (const file of found.yamlFiles) {
        const { kind, source } = detectFileKind(named(file), io.cwd, lang);
        if (kind === "answers" || kind === "unread") {
          // Not decoded and no other format in its head: checked as answers, which says why.
          if (!targets.answerFiles.has(file)) targets.answerFiles.set(file, named(file));
        } else if (kind === "unreadable") {
          targets.diagnostics.push(...readOrReport(named(file), io.cwd, lang).diagnostics);
          targets.unchecked++;
        } else if (kind === "measure" && source?.failed) {
          targets.diagnostics.push(...source.diagnostics);
          targets.unchecked++;
        } else if (kind === "measure" && source) {
          const folder = path.dirname(file);
          byFolder.set(folder, [...(byFolder.get(folder) ?? []), source]);
        } else if (kind === "measure-set" && source && !isSetFileName(file)) {
          // A set's header under another name is never read as one: said, not passed over.
          targets.diagnostics.push(misnamedSetHeader(source, file));
          misnamed.add(path.dirname(file));
          targets.unchecked++;
        } else continue;
        netdzFiles++;
      }
      for (const [folder, sources] of byFolder) {
        if (misnamed.has(folder)) {
          targets.unchecked += sources.length;
          continue;
        }
        const first = sources[0] as YamlSource;
        const shown = displayPath(named(folder), io.cwd);
        targets.diagnostics.push(noSetHeader(first, sources.length, shown));
        targets.unchecked += sources.length;
      }
      // A folder that could not be listed (the folder given, or one below it): one problem each,
      // as an unreadable file found in a folder is.
      for (const { folder, error } of found.unreadableFolders) {
        if (targets.oddFound.has(folder)) continue;
        targets.oddFound.add(folder);
        targets.diagnostics.push(
          unreadableFolderProblem(displayPath(named(folder), io.cwd), error, lang),
        );
        targets.uncheckedFolders++;
      }
      const reported = found.unreadableFiles.length + found.unreadableFolders.length;
      if (found.setFolders.length + netdzFiles + reported === 0) {
        unreadable(m.nothingFoundIn(given, SET_FILE));
      }
      // A FIFO, device or broken link named like a YAML file: one problem, as inside a set.
      for (const odd of found.unreadableFiles) {
        if (targets.oddFound.has(odd)) continue;
        targets.oddFound.add(odd);
        targets.diagnostics.push(...readOrReport(named(odd), io.cwd, lang).diagnostics);
        targets.unchecked++;
      }
      found.setFolders.forEach((f) => targets.setFolders.add(f));
    } else {
      try {
        await addFile(given, absolute, targets, io.cwd, lang);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        unreadable(error.message);
      }
    }
  }
  return targets;
}

/**
 * A file given by name (`file` as given, `absolute` resolved): an answers file, a file of a
 * measure set, or something else.
 */
async function addFile(
  file: string,
  absolute: string,
  targets: Targets,
  cwd: string,
  lang: Lang,
): Promise<void> {
  const source = await readYamlFile(file, cwd, lang);
  const kind = fileKind(sourceFormat(source));
  // No netdz file, or one not read (not UTF-8, too large, merge-conflict markers): said as every
  // command that is given it says it.
  const notNetdz = notNetdzFileProblems(source);
  if (kind === "answers") {
    // Named by the name given for it, even when a folder given before holds it too.
    targets.answerFiles.set(absolute, file);
    targets.sources.set(absolute, source);
  } else if (notNetdz) {
    targets.diagnostics.push(...notNetdz);
    targets.unchecked++;
  } else {
    const dir = path.dirname(absolute);
    if (await stat(path.join(dir, SET_FILE)).catch(() => undefined)) targets.setFolders.add(dir);
    else if (kind === "measure-set" && !isSetFileName(absolute)) {
      targets.diagnostics.push(misnamedSetHeader(source, absolute));
      targets.unchecked++;
    } else {
      const folder = displayPath(path.dirname(file), cwd);
      targets.diagnostics.push(noSetHeader(source, 1, folder, kind === "changes"));
      targets.unchecked++;
    }
  }
}

/** The problems in the chosen format, at most 50 per file in text and github (JSON has all). */
async function printable(
  diagnostics: Diagnostic[],
  format: DiagnosticFormat,
  io: Io,
  lang: Lang,
): Promise<string> {
  // Machine formats keep every problem; SARIF names netdz's version as the tool's.
  if (format === "json") return formatDiagnostics(diagnostics, format, undefined, lang);
  if (format === "sarif") {
    const { formatSarif } = await import("../render/diagnostics-sarif.js");
    return formatSarif(diagnostics, { version: packageVersion(), lang });
  }
  const { shown, more, atLeast } = limitPerFile(sortDiagnostics(diagnostics));
  const paint = format === "text" ? await terminalPaint(io.stdout, io.env) : undefined;
  let text = formatDiagnostics(shown, format, paint, lang);
  for (const [file, count] of more) {
    const note = fileMessages(lang).moreProblems(file, count, atLeast.has(file));
    text += format === "github" ? githubFileNotice(file, note) : `${note}\n`;
  }
  return text;
}

/**
 * The default input: measures/ when there is one, else the answers file `report` would read,
 * else the `--measures` folder when one is given (checked against its own sets).
 */
async function defaultPath(cwd: string, lang: Lang, measures?: string): Promise<string> {
  for (const candidate of ["measures", DEFAULT_ANSWERS_FILE, ...(measures ? [measures] : [])]) {
    if (await stat(path.resolve(cwd, candidate)).catch(() => undefined)) return candidate;
  }
  throw new UsageError(validateMessages(lang).nothingToValidate(DEFAULT_ANSWERS_FILE));
}

function isSetFileName(file: string): boolean {
  return path.basename(file) === SET_FILE;
}

/** A file of the set-header format named otherwise than set.yaml, the one name read as a header. */
function misnamedSetHeader(source: YamlSource, file: string): Diagnostic {
  return diagnosticAt(source, ["format"], "error", "set/header-name", {
    id: "set/header-name",
    params: { name: path.basename(file) },
  });
}

function noSetHeader(
  source: YamlSource,
  count: number,
  folder: string,
  changes = false,
): Diagnostic {
  return diagnosticAt(source, ["format"], "error", "set/no-header", {
    id: "set/no-header",
    params: { count, folder, ...(changes ? { changes } : {}) },
  });
}
