/**
 * The one way netdz reads a file it is given: stat before opening (a pipe, socket or device is
 * refused at once, never waited on), open without blocking, read at most the size limit, and
 * decode strictly as UTF-8. What cannot be read is a usage error in words; what was read but is
 * not usable text (another encoding, too large) is one located problem for that file.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import type { Diagnostic, Lang } from "../core/model.js";
import { UsageError } from "../errors.js";
import { fileMessages } from "../i18n/file-messages.js";
import { decodeAsGuessed, notUtf8Diagnostic, utf8Text, wideEncoding } from "./decode.js";
import { describeFsError, notRegularError } from "./fs-errors.js";
import { sizeInWords, sizeOverLimit } from "../render/file-size.js";

/** The largest file netdz reads, 10 MB: far above any real measure or answers file. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/**
 * The largest answers file the commands that change one (`assess`, `migrate`) take, 1 MB: an
 * edit holds the file as a yaml Document, whose memory grows far faster than the file, so this
 * keeps those commands under 250 MB. Real answers files are well under 1 MB.
 */
export const MAX_EDIT_BYTES = 1024 * 1024;

/**
 * Refuses (a located usage error, exit 2) a file larger than `assess` or `migrate` change,
 * checked before the file is read. A file that cannot be looked at is left to the reader.
 */
export function refuseTooLargeToEdit(
  file: string,
  shown: string,
  command: string,
  lang: Lang = "en",
): void {
  const problem = tooLargeToEdit(file, shown, command, lang);
  if (problem) throw new UsageError(`${shown}:1:1: ${problem.message}`);
}

function tooLargeToEdit(
  file: string,
  shown: string,
  command: string,
  lang: Lang,
): Diagnostic | undefined {
  let size: number;
  try {
    const info = statSync(file);
    if (!info.isFile()) return undefined;
    size = info.size;
  } catch {
    return undefined;
  }
  if (size <= MAX_EDIT_BYTES) return undefined;
  // Above what netdz reads at all: what every command says of it (not "validate still reads it").
  if (size > MAX_FILE_BYTES) return tooLarge(shown, size, MAX_FILE_BYTES, lang);
  const words = sizeOverLimit(size, MAX_EDIT_BYTES, lang);
  return {
    file: shown,
    line: 1,
    column: 1,
    severity: "error",
    code: "file/too-large-to-edit",
    message: fileMessages(lang).tooLargeToEdit(
      command,
      words.size,
      words.limit,
      sizeInWords(MAX_FILE_BYTES, lang),
    ),
  };
}

export type TextRead =
  | { ok: true; text: string; bytes: Uint8Array }
  | { ok: false; problem: Diagnostic; bytes?: Uint8Array };

/** A file that cannot be opened or read (exit 2), with the reason in words. */
export class UnreadableFileError extends UsageError {
  constructor(shown: string, cause: unknown, lang: Lang = "en") {
    super(fileMessages(lang).cannotRead(shown, describeFsError(cause, lang)), { cause });
    this.name = "UnreadableFileError";
  }
}

/**
 * Reads a file as UTF-8 text. Throws UnreadableFileError when it cannot be opened or read;
 * returns a located problem when it is too large or not UTF-8.
 */
export function readTextFile(
  file: string,
  shown: string,
  lang: Lang = "en",
  maxBytes = MAX_FILE_BYTES,
): TextRead {
  const read = readBytes(file, shown, lang, maxBytes);
  if (!read.ok) return read;
  const decoded = utf8Text(read.bytes);
  if (decoded.ok) return { ok: true, text: decoded.text, bytes: read.bytes };
  return {
    ok: false,
    problem: notUtf8Diagnostic(shown, read.bytes, decoded.offset, lang),
    bytes: read.bytes,
  };
}

/** The bytes of a regular file, at most `maxBytes`; a larger file is a problem, not read. */
export function readBytes(
  file: string,
  shown: string,
  lang: Lang = "en",
  maxBytes = MAX_FILE_BYTES,
): { ok: true; bytes: Uint8Array } | { ok: false; problem: Diagnostic } {
  const { fd, size } = openRegular(file, shown, lang);
  try {
    if (size > maxBytes) return { ok: false, problem: tooLarge(shown, size, maxBytes, lang) };
    const bytes = readUpTo(fd, maxBytes + 1, size);
    if (bytes.length > maxBytes) {
      return { ok: false, problem: tooLarge(shown, bytes.length, maxBytes, lang) };
    }
    return { ok: true, bytes };
  } catch (error) {
    throw new UnreadableFileError(shown, error, lang);
  } finally {
    closeSync(fd);
  }
}

/** The first `limit` bytes of a regular file, or undefined when it cannot be read. */
export function readHead(file: string, limit: number): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openRegular(file, file).fd;
  } catch {
    return undefined;
  }
  try {
    return readUpTo(fd, limit, limit);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of a regular UTF-8 file within the size limit, or undefined for anything else (missing,
 * a FIFO, a device, a folder, a link loop, too large, not UTF-8): for files read only to look
 * something up, whose problems are reported where the file itself is checked. Never blocks.
 */
export function readTextQuietly(file: string): string | undefined {
  try {
    const read = readTextFile(file, file);
    return read.ok ? read.text : undefined;
  } catch {
    return undefined;
  }
}

/** The head of a file as text: UTF-8, or the encoding guessed for it (to sniff `format:`). */
export function readHeadText(file: string, limit = 64 * 1024): string | undefined {
  const head = readHead(file, limit);
  if (head === undefined) return undefined;
  if (wideEncoding(head) !== undefined) return decodeAsGuessed(head);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    return decodeAsGuessed(head);
  }
}

/**
 * Opens a file for reading after checking it is a regular file; never blocks on a FIFO (the
 * open is non-blocking and the type is checked again on the open descriptor).
 */
function openRegular(file: string, shown: string, lang: Lang = "en"): { fd: number; size: number } {
  let fd: number;
  try {
    if (!statSync(file).isFile()) throw notRegularOrFolder(file);
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UnreadableFileError(shown, error, lang);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw notRegularOrFolder(file);
    return { fd, size: info.size };
  } catch (error) {
    closeSync(fd);
    throw new UnreadableFileError(shown, error, lang);
  }
}

function notRegularOrFolder(file: string): NodeJS.ErrnoException {
  const info = statSync(file, { throwIfNoEntry: false });
  return info?.isDirectory()
    ? Object.assign(new Error("is a folder"), { code: "EISDIR" })
    : notRegularError();
}

/**
 * At most `limit` bytes from the descriptor. `expected` (the size fstat gave) sizes the first
 * buffer, so a small file costs a small buffer and a large one is read without copies; a file
 * that grew meanwhile is read on in chunks.
 */
function readUpTo(fd: number, limit: number, expected = 0): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  let size = Math.min(expected + 1, limit);
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(size, limit - total)));
    let filled = 0;
    while (filled < chunk.length) {
      const n = readSync(fd, chunk, filled, chunk.length - filled, null);
      if (n === 0) break;
      filled += n;
    }
    if (filled > 0) chunks.push(filled === chunk.length ? chunk : chunk.subarray(0, filled));
    total += filled;
    if (filled < chunk.length) break;
    size = 1024 * 1024;
  }
  if (chunks.length === 0) return Buffer.alloc(0);
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
}

function tooLarge(shown: string, size: number, maxBytes: number, lang: Lang): Diagnostic {
  const words = sizeOverLimit(size, maxBytes, lang);
  return {
    file: shown,
    line: 1,
    column: 1,
    severity: "error",
    code: "file/too-large",
    message: fileMessages(lang).tooLarge(words.size, words.limit),
  };
}
