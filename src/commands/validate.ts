import { stat } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../core/model.js";
import { ANSWERS_FORMAT, MEASURE_FORMAT, MEASURE_SET_FORMAT } from "../core/model.js";
import { diagnosticAt, type YamlSource } from "../core/yaml-source.js";
import { DataError, EXIT, UsageError } from "../errors.js";
import { loadSetFolder, readYamlFile, scanFolder, SET_FILE } from "../fs/measure-sets.js";
import type { Io } from "../io.js";
import { formatDiagnostics, type DiagnosticFormat } from "../render/diagnostics.js";
import { plural } from "../render/plural.js";
import { terminalPaint } from "../terminal.js";

export interface ValidateOptions {
  paths: string[];
  format: DiagnosticFormat;
  strict: boolean;
  measures?: string;
}

interface Tally {
  sets: number;
  measures: number;
  answerFiles: number;
  unreadable: number;
}

/** What the given paths name: set folders and answers files to check, and what could not be read. */
interface Targets {
  setFolders: Set<string>;
  answerFiles: Set<string>;
  /** Answers files already parsed while their format was read. */
  sources: Map<string, YamlSource>;
  /** Problems found on the way (files that are not netdz files, measure files without a set). */
  diagnostics: Diagnostic[];
  unreadable: number;
}

/** `netdz validate`: checks measure sets and answers files; 0 valid, 1 invalid, 2 unreadable. */
export async function validate(options: ValidateOptions, io: Io): Promise<number> {
  const paths = options.paths.length > 0 ? options.paths : [await defaultPath(io.cwd)];
  const targets = await collectTargets(paths, io);
  const diagnostics = [...targets.diagnostics];
  const tally: Tally = { sets: 0, measures: 0, answerFiles: 0, unreadable: targets.unreadable };

  if (targets.answerFiles.size > 0) {
    const { checkAnswersFile } = await import("../fs/answers-loader.js");
    for (const file of targets.answerFiles) {
      try {
        const checked = await checkAnswersFile(
          file,
          { cwd: io.cwd, measuresDir: options.measures, strict: options.strict },
          targets.sources.get(file),
        );
        diagnostics.push(...checked.diagnostics);
      } catch (error) {
        // An answers file pinned to an invalid measure set: that set's own problems explain it.
        if (!(error instanceof DataError)) throw error;
        diagnostics.push(...error.diagnostics);
      }
      tally.answerFiles++;
    }
  }
  for (const dir of targets.setFolders) {
    const loaded = await loadSetFolder(dir, io.cwd);
    diagnostics.push(...loaded.diagnostics);
    tally.sets++;
    tally.measures += loaded.fileCount;
  }

  const unique = withoutDuplicates(diagnostics);
  io.stdout.write(
    formatDiagnostics(unique, options.format, await terminalPaint(io.stdout, io.env)),
  );
  const errors = unique.filter((d) => d.severity === "error").length;
  if (options.format === "text") io.stderr.write(summary(tally, errors, unique.length - errors));
  if (tally.unreadable > 0) return EXIT.usage;
  return errors > 0 ? EXIT.invalid : EXIT.ok;
}

/** Sorts the given paths into set folders and answers files; reports what cannot be read. */
async function collectTargets(paths: readonly string[], io: Io): Promise<Targets> {
  const targets: Targets = {
    setFolders: new Set(),
    answerFiles: new Set(),
    sources: new Map(),
    diagnostics: [],
    unreadable: 0,
  };
  const unreadable = (message: string) => {
    io.stderr.write(`netdz validate: ${message}\n`);
    targets.unreadable++;
  };
  for (const given of paths) {
    const absolute = path.resolve(io.cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) {
      unreadable(`cannot read ${given}: no such file or folder`);
    } else if (info.isDirectory()) {
      const found = scanFolder(absolute);
      for (const stray of found.strayMeasureFiles) {
        targets.diagnostics.push(noSetHeader(await readYamlFile(stray, io.cwd)));
      }
      if (
        found.setFolders.length + found.answerFiles.length + found.strayMeasureFiles.length ===
        0
      ) {
        unreadable(`no measure set (${SET_FILE}) or answers file found in ${given}`);
      }
      found.setFolders.forEach((f) => targets.setFolders.add(f));
      found.answerFiles.forEach((f) => targets.answerFiles.add(f));
    } else {
      try {
        await addFile(absolute, targets, io.cwd);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        unreadable(error.message);
      }
    }
  }
  return targets;
}

/** A file given by name: an answers file, a file of a measure set, or something else. */
async function addFile(file: string, targets: Targets, cwd: string): Promise<void> {
  const source = await readYamlFile(file, cwd);
  const format = detectFormat(source);
  if (format === ANSWERS_FORMAT) {
    targets.answerFiles.add(file);
    targets.sources.set(file, source);
  } else if (format === MEASURE_SET_FORMAT || format === MEASURE_FORMAT) {
    const dir = path.dirname(file);
    if (await stat(path.join(dir, SET_FILE)).catch(() => undefined)) targets.setFolders.add(dir);
    else targets.diagnostics.push(noSetHeader(source));
  } else {
    targets.diagnostics.push(...source.diagnostics, unknownFormat(source, format));
  }
}

/** The same problem reached twice (an answers file's invalid set, and that set itself) once. */
function withoutDuplicates(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function defaultPath(cwd: string): Promise<string> {
  const candidate = path.join(cwd, "measures");
  if (await stat(candidate).catch(() => undefined)) return "measures";
  throw new UsageError(
    "nothing to validate: give a measure-set folder or an answers file (e.g. `netdz validate measures/`)",
  );
}

/** The `format` a file declares, read from the parsed data or, if it does not parse, the text. */
function detectFormat(source: YamlSource): string | undefined {
  const data = source.data as { format?: unknown } | null | undefined;
  if (data && typeof data === "object" && typeof data.format === "string") return data.format;
  return /^format:\s*["']?([^\s"'#]+)/m.exec(source.text)?.[1];
}

function unknownFormat(source: YamlSource, format: string | undefined): Diagnostic {
  const expected = `${MEASURE_SET_FORMAT}, ${MEASURE_FORMAT} or ${ANSWERS_FORMAT}`;
  return diagnosticAt(
    source,
    format === undefined ? [] : ["format"],
    "error",
    "file/unknown-format",
    format === undefined
      ? `not a netdz file: it has no "format" (expected ${expected})`
      : `unknown format "${format}" (expected ${expected})`,
  );
}

function noSetHeader(source: YamlSource): Diagnostic {
  return diagnosticAt(
    source,
    ["format"],
    "error",
    "set/no-header",
    `a measure file must sit in a set folder beside ${SET_FILE}; none found next to it`,
  );
}

function summary(tally: Tally, errors: number, warnings: number): string {
  const what = [
    tally.sets > 0
      ? `${plural(tally.sets, "measure set")} (${plural(tally.measures, "measure file")})`
      : "",
    tally.answerFiles > 0 ? plural(tally.answerFiles, "answers file") : "",
  ]
    .filter(Boolean)
    .join(" and ");
  if (what === "") return "";
  const problems = `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
  return errors > 0 ? `✖ ${what}: ${problems}\n` : `✔ ${what}: valid (${problems})\n`;
}
