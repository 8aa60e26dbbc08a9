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

/** `netdz validate`: checks measure sets and answers files; 0 valid, 1 invalid, 2 unreadable. */
export async function validate(options: ValidateOptions, io: Io): Promise<number> {
  const paths = options.paths.length > 0 ? options.paths : [await defaultPath(io.cwd)];
  const diagnostics: Diagnostic[] = [];
  const tally: Tally = { sets: 0, measures: 0, answerFiles: 0, unreadable: 0 };
  const setFolders = new Set<string>();
  const answerFiles = new Set<string>();
  const sources = new Map<string, YamlSource>();

  for (const given of paths) {
    const absolute = path.resolve(io.cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) {
      io.stderr.write(`netdz validate: cannot read ${given}: no such file or folder\n`);
      tally.unreadable++;
      continue;
    }
    if (info.isDirectory()) {
      const found = scanFolder(absolute);
      for (const stray of found.strayMeasureFiles) {
        diagnostics.push(noSetHeader(await readYamlFile(stray, io.cwd)));
      }
      if (
        found.setFolders.length === 0 &&
        found.answerFiles.length === 0 &&
        found.strayMeasureFiles.length === 0
      ) {
        io.stderr.write(
          `netdz validate: no measure set (${SET_FILE}) or answers file found in ${given}\n`,
        );
        tally.unreadable++;
      }
      found.setFolders.forEach((f) => setFolders.add(f));
      found.answerFiles.forEach((f) => answerFiles.add(f));
      continue;
    }
    try {
      const source = await readYamlFile(absolute, io.cwd);
      const format = detectFormat(source);
      if (format === ANSWERS_FORMAT) {
        answerFiles.add(absolute);
        sources.set(absolute, source);
      } else if (format === MEASURE_SET_FORMAT || format === MEASURE_FORMAT) {
        const dir = path.dirname(absolute);
        const hasHeader = await stat(path.join(dir, SET_FILE)).catch(() => undefined);
        if (hasHeader) setFolders.add(dir);
        else diagnostics.push(noSetHeader(source));
      } else {
        diagnostics.push(...source.diagnostics, unknownFormat(source, format));
      }
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr.write(`netdz validate: ${error.message}\n`);
      tally.unreadable++;
    }
  }

  for (const file of answerFiles) {
    const { checkAnswersFile } = await import("../fs/answers-loader.js");
    try {
      const checked = await checkAnswersFile(
        file,
        { cwd: io.cwd, measuresDir: options.measures, strict: options.strict },
        sources.get(file),
      );
      diagnostics.push(...checked.diagnostics);
      tally.answerFiles++;
    } catch (error) {
      // An answers file pinned to an invalid measure set: that set's own problems explain it.
      if (!(error instanceof DataError)) throw error;
      diagnostics.push(...error.diagnostics);
      tally.answerFiles++;
    }
  }

  for (const dir of setFolders) {
    const loaded = await loadSetFolder(dir, io.cwd);
    diagnostics.push(...loaded.diagnostics);
    tally.sets++;
    tally.measures += loaded.fileCount;
  }

  io.stdout.write(
    formatDiagnostics(diagnostics, options.format, await terminalPaint(io.stdout, io.env)),
  );
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  if (options.format === "text")
    io.stderr.write(summary(tally, errors, diagnostics.length - errors));
  if (tally.unreadable > 0) return EXIT.usage;
  return errors > 0 ? EXIT.invalid : EXIT.ok;
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
