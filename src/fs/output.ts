import { constants } from "node:fs";
import { statSync } from "node:fs";
import { open, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { isatty } from "node:tty";
import type { Lang } from "../core/model.js";
import { StdoutError, UsageError } from "../errors.js";
import type { Io } from "../io.js";
import { fileMessages } from "../i18n/file-messages.js";
import {
  makeFolder,
  textBatches,
  writeFileAtomic,
  WriteFileError,
  type FileData,
} from "./atomic-write.js";
import { describeFsError } from "./fs-errors.js";

/** Separators a path may end in here ("/" everywhere, "\\" too on Windows). */
const SEPARATORS = path.sep === "\\" ? /[\\/]/ : /\//;

/** What a command's output file is named by default, and where paths are resolved from. */
export interface SuggestedFile {
  /** The name the command gives its output (`x-report.md`), suggested inside a folder. */
  fileName?: string;
  cwd?: string;
}

/**
 * The one check of a path given for a file netdz writes (`--out`, `--answers`), made before
 * anything is resolved (path.resolve would drop a trailing "/" and write `keep.md/` over
 * keep.md): an empty path, and a path that names a folder by its form (it ends in a separator,
 * ".", or ".."), are refused with one line (exit 2). `-` (standard output) passes. The file
 * suggested is the path without its trailing separators, or, where that is an existing folder,
 * the command's file name inside it (`sub/x-report.md`). With a file name to suggest, an existing
 * folder named without a trailing separator (`--out sub`) is refused the same way.
 */
export function checkFilePath(
  given: string,
  option: string,
  lang: Lang,
  suggest: SuggestedFile = {},
): void {
  const m = fileMessages(lang);
  if (given.trim() === "") throw new UsageError(m.pathEmpty(option));
  const parts = given.split(SEPARATORS);
  const last = parts.at(-1);
  if (last !== "" && last !== "." && last !== "..") {
    // An existing folder named without a trailing separator: the file inside it.
    if (given !== "-" && suggest.fileName !== undefined && isFolder(given, suggest.cwd)) {
      const suggested = inFolder(given, suggest.fileName);
      throw new UsageError(m.folderGiveFile(option, given, suggested));
    }
    return;
  }
  // The file the user probably meant: the path without its trailing separators.
  const trimmed = given.replace(new RegExp(`(?:${SEPARATORS.source})+$`), "");
  const name = trimmed.split(SEPARATORS).at(-1);
  const named = last === "" && name !== undefined && !["", ".", ".."].includes(name);
  const folder = named ? trimmed : given;
  let file = named ? trimmed : undefined;
  if (suggest.fileName !== undefined && isFolder(folder, suggest.cwd)) {
    file = inFolder(folder === "" ? given : folder, suggest.fileName);
  }
  throw new UsageError(m.pathNamesFolder(option, given, file));
}

/** Whether a path (relative to cwd) is an existing folder. */
function isFolder(given: string, cwd = process.cwd()): boolean {
  if (given === "") return false;
  try {
    return statSync(path.resolve(cwd, given)).isDirectory();
  } catch {
    return false;
  }
}

/** A file name inside a folder as the user wrote it (`sub` → `sub/x.md`, `sub/` kept). */
function inFolder(folder: string, fileName: string): string {
  return SEPARATORS.test(folder.at(-1) ?? "") ? `${folder}${fileName}` : `${folder}/${fileName}`;
}

/** Names of standard output as a path: `-`, and the system's own names for it. */
const STDOUT_PATHS = new Set(["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]);

/**
 * Whether `--out` names standard output: `-`, or `/dev/stdout` (printed through the command's
 * own output stream, not by opening the device, so nothing replaces it and tests can read it).
 */
export function isStandardOutput(out: string, cwd: string): boolean {
  return out === "-" || STDOUT_PATHS.has(path.resolve(cwd, out));
}

/**
 * Whether output for `--out` (undefined: standard output) would land on a terminal: standard
 * output that is a terminal, or a path that names a terminal device (`/dev/tty`, `/dev/pts/3`).
 * A pipe, a file or `/dev/null` is not. The commands that write binary formats refuse then.
 */
export async function writesToTerminal(
  out: string | undefined,
  io: { cwd: string; stdout: { isTTY?: boolean } },
): Promise<boolean> {
  if (out === undefined || isStandardOutput(out, io.cwd)) return io.stdout.isTTY === true;
  const target = path.resolve(io.cwd, out);
  const info = await stat(target).catch(() => undefined);
  if (info?.isCharacterDevice() !== true) return false;
  const flags = constants.O_WRONLY | (constants.O_NOCTTY ?? 0) | (constants.O_NONBLOCK ?? 0);
  const handle = await open(target, flags).catch(() => undefined);
  if (handle === undefined) return false;
  try {
    return isatty(handle.fd);
  } finally {
    await handle.close();
  }
}

/**
 * Writes text or bytes to standard output, resolving once the stream has taken them. Text in
 * pieces is written a batch at a time, each taken before the next is made.
 */
export async function writeStdout(output: FileData, io: Pick<Io, "stdout">): Promise<void> {
  const write = (chunk: string | Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      io.stdout.write(chunk, (error) => (error ? reject(new StdoutError(error)) : resolve()));
    });
  if (typeof output === "string" || output instanceof Uint8Array) {
    await write(output);
    return;
  }
  for (const bytes of textBatches(output)) await write(bytes);
}

export interface OutputTarget {
  out?: string;
  io: Io;
  /** Absolute paths of the inputs (and their real paths where links matter), which --out must not name. */
  inputs: readonly string[];
  command: string;
  lang: Lang;
  wrote(path: string): string;
  outIsInput(out: string): string;
  /** The name the command gives its output, suggested inside a folder given as --out. */
  fileName?: string;
}

/** Writes text or bytes to standard output, or atomically to --out (never over an input). */
export async function writeOutput(output: FileData, target: OutputTarget): Promise<void> {
  const { io, out } = target;
  const suggest = {
    cwd: io.cwd,
    ...(target.fileName === undefined ? {} : { fileName: target.fileName }),
  };
  if (out !== undefined) checkFilePath(out, "--out", target.lang, suggest);
  if (out === undefined || isStandardOutput(out, io.cwd)) {
    await writeStdout(output, io);
    return;
  }
  const file = path.resolve(io.cwd, out);
  const real = (p: string) => realpath(p).catch(() => p);
  const resolvedTarget = await real(file);
  const inputs = new Set(target.inputs);
  if (inputs.has(file) || (resolvedTarget !== file && inputs.has(resolvedTarget))) {
    throw new UsageError(target.outIsInput(out));
  }
  // As every command that writes a file does (init, assess, migrate): missing folders are made.
  await makeFolder(path.dirname(file)).catch((error: unknown) => {
    throw new WriteFileError(out, describeFsError(error, target.lang), error, target.lang);
  });
  await writeFileAtomic(file, output, { lang: target.lang, shown: out });
  io.stderr.write(`netdz ${target.command}: ${target.wrote(out)}\n`);
}
