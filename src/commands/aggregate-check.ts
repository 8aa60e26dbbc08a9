/**
 * Checking answers files for `netdz aggregate`: each file is checked by the workspace exactly as
 * `netdz validate` checks it (YAML, schema, then against the pinned set, each set loaded and
 * checked once), and each valid file is reduced to its zone summary.
 */
import {
  detached,
  summariseAnswers,
  type LeftOut,
  type Pin,
  type ZoneSummary,
} from "../core/aggregate.js";
import { firstError } from "../core/diagnostic-filter.js";
import { notNetdzFileProblems } from "../core/file-format.js";
import { asRecord, asString } from "../core/loose.js";
import type { Diagnostic, Lang, Zone } from "../core/model.js";
import { diagnosticAt, type YamlSource } from "../core/yaml-source.js";
import { DataError } from "../errors.js";
import {
  displayPath,
  kindOfSource,
  readYamlFileSync,
  resolvedPath,
  unreadableFolderProblem,
} from "../fs/measure-sets.js";
import { UnreadableFileError } from "../fs/read-file.js";
import { messageIn } from "../render/diagnostics.js";
import { aggregateMessages } from "../i18n/aggregate-messages.js";
import type { Workspace } from "../fs/workspace.js";

export interface Checked {
  /** The file's first problem, when it is left out. */
  problem?: LeftOut;
  /** The set the file is pinned to, when that set is available. */
  pin?: Pin;
  zone?: ZoneSummary;
  /** Whether the file is an answers file (valid or not); other YAML met in a folder is not. */
  answersFile: boolean;
  /**
   * The zone's name and province as an invalid file gives them, when it could be read: so that
   * a roll-up which uses another file of the zone can say which.
   */
  zoneGiven?: Zone;
  /**
   * The problems of the invalid set the file is pinned to, by a key that is the same for the same
   * problem: the caller keeps each once, in the order of the files (see `setProblemsOf`).
   */
  setProblems?: [string, LeftOut][];
}

/** The problems of the invalid measure sets met, each once, in the order of the files. */
export function setProblemsOf(results: readonly Checked[]): Map<string, LeftOut> {
  const problems = new Map<string, LeftOut>();
  for (const r of results) {
    for (const [key, problem] of r.setProblems ?? []) {
      if (!problems.has(key)) problems.set(key, problem);
    }
  }
  return problems;
}

const NOT_ANSWERS: Checked = { answersFile: false };

export class AnswersChecker {
  constructor(
    private readonly ws: Workspace,
    /** Files named on the command line: checked whatever format they declare. */
    private readonly named: ReadonlySet<string>,
    private readonly lang: Lang,
  ) {}

  /** Checks one file, `given` as collectFiles names it (the path as given). */
  async check(given: string): Promise<Checked> {
    const file = displayPath(given, this.ws.cwd);
    const absolute = resolvedPath(given, this.ws.cwd);
    const named = this.named.has(given);
    let source: YamlSource;
    try {
      source = readYamlFileSync(given, this.ws.cwd, this.lang);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      return { answersFile: true, problem: invalid(file, 1, 1, "file/unreadable", error.message) };
    }
    // Found while searching a folder: only files that declare the answers format count, by the
    // one detector `netdz validate` uses too. A file that could not be decoded (not UTF-8, too
    // large) is listed unless its head shows it is another kind of netdz file: it may well be an
    // answers file.
    if (!named) {
      const kind = kindOfSource(absolute, source);
      if (kind !== "answers" && kind !== "unread") return NOT_ANSWERS;
      const unread = source.failed === true ? firstError(source.diagnostics) : undefined;
      if (unread) return { answersFile: true, problem: this.fromDiagnostic(unread) };
    }
    // Named, and no netdz file: said so, first (as `netdz validate` says it), also when it does
    // not parse (a Markdown file named by mistake is not listed by its first YAML error). One
    // not read (not UTF-8, too large) is listed by that problem, below.
    const notNetdz = source.failed === true ? undefined : notNetdzFileProblems(source)?.[0];
    if (notNetdz) return { answersFile: true, problem: this.fromDiagnostic(notNetdz) };
    let diagnostics: Diagnostic[];
    let checked;
    // The file's pin, when its set is there (a valid file's pin votes for the version).
    let setFound = false;
    try {
      checked = await this.ws.checkAnswers(file, { source });
      diagnostics = checked.diagnostics;
      setFound = checked.set !== undefined;
    } catch (error) {
      // Pinned to a set that is itself invalid: the set's problems are kept once (listed
      // apart), and the answers file is left out with a reason naming that set.
      if (!(error instanceof DataError)) throw error;
      const zoneGiven = zoneOf(source);
      return {
        answersFile: true,
        ...(zoneGiven ? { zoneGiven } : {}),
        problem: this.invalidSet(file, source, error.diagnostics),
        setProblems: this.setProblemsIn(error.diagnostics),
      };
    }
    const pin = setFound ? pinOf(file, source) : undefined;
    const first = firstError(diagnostics);
    const problem = first && this.fromDiagnostic(first);
    if (problem || !checked?.answers || !checked.set) {
      const zoneGiven = zoneOf(source);
      return {
        answersFile: true,
        ...(pin ? { pin } : {}),
        ...(zoneGiven ? { zoneGiven } : {}),
        problem: problem ?? this.unknownProblem(file),
      };
    }
    const zone = summariseAnswers(checked.set, file, checked.answers);
    return { answersFile: true, ...(pin ? { pin } : {}), zone };
  }

  /** The errors of an invalid set, each with its key. */
  private setProblemsIn(diagnostics: readonly Diagnostic[]): [string, LeftOut][] {
    return diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => [`${d.file}:${d.line}:${d.column}:${d.code}`, this.fromDiagnostic(d)]);
  }

  private invalidSet(
    file: string,
    source: YamlSource,
    diagnostics: readonly Diagnostic[],
  ): LeftOut {
    const first = firstError(diagnostics);
    const pinned = asRecord(asRecord(source.data).measureSet);
    const where = diagnosticAt(source, ["measureSet"], "error", "answers/invalid-set", "");
    const problem = first
      ? `${first.file}:${first.line}:${first.column} ${messageIn(first, this.lang)}`
      : "";
    const message = aggregateMessages(this.lang).reasons.invalidSet(
      asString(pinned.id) ?? "?",
      asString(pinned.version) ?? "?",
      problem,
    );
    return invalid(file, where.line, where.column, "answers/invalid-set", message);
  }

  /** A file that checked without an error but gave no answers or set: listed, never dropped. */
  private unknownProblem(file: string): LeftOut {
    const message = aggregateMessages(this.lang).reasons.invalidAnswers;
    return invalid(file, 1, 1, "answers/invalid", message);
  }

  /** A folder found that could not be listed (`given` as collectFiles names it): left out. */
  unreadableFolder(given: string, error: unknown): LeftOut {
    const shown = displayPath(given, this.ws.cwd);
    return {
      ...this.fromDiagnostic(unreadableFolderProblem(shown, error, this.lang)),
      folder: true,
    };
  }

  /** A problem as the file is listed with it, its message in the language of the roll-up. */
  private fromDiagnostic(d: Diagnostic): LeftOut {
    return invalid(d.file, d.line, d.column, d.code, messageIn(d, this.lang));
  }
}

/** The zone's name and province of a file's data, when they are texts (copied out of it). */
function zoneOf(source: YamlSource): Zone | undefined {
  const zone = asRecord(asRecord(source.data).zone);
  const name = asString(zone.name);
  if (name === undefined) return undefined;
  const province = asString(zone.province);
  return detached(province === undefined ? { name } : { name, province });
}

/** The set id and version a file is pinned to, copied out of its text. */
function pinOf(file: string, source: YamlSource): Pin | undefined {
  const pinned = asRecord(asRecord(source.data).measureSet);
  const id = asString(pinned.id);
  const version = asString(pinned.version);
  return id === undefined || version === undefined ? undefined : detached({ file, id, version });
}

/** A file named on the command line that is no netdz file: what `netdz validate` says of it. */
function invalid(
  file: string,
  line: number,
  column: number,
  code: string,
  message: string,
): LeftOut {
  return { file, line, column, reason: { kind: "invalid", code, message } };
}
