import { randomBytes } from "node:crypto";
import { constants as fsConstants, type Stats } from "node:fs";
import { lstat, mkdir, open, readlink, realpath, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import type { Lang } from "../core/model.js";
import { UsageError } from "../errors.js";
import { fileMessages } from "../i18n/file-messages.js";
import { notUtf8Encoding } from "./decode.js";
import { describeFsError, notRegularError } from "./fs-errors.js";
import { readBytes } from "./read-file.js";

/**
 * What a writer writes: text (UTF-8), bytes (a binary report format), or text in pieces (a large
 * report, written as it is made so that it is never held whole; see textBatches).
 */
export type FileData = string | Uint8Array | TextPieces;

/** Text given as pieces whose concatenation is the text (a generator is read once). */
export interface TextPieces {
  readonly pieces: Iterable<string>;
}

/** Whether data is text (whole or in pieces) rather than bytes. */
export function isText(data: FileData): data is string | TextPieces {
  return typeof data === "string" || !(data instanceof Uint8Array);
}

/** About 1 MB of text at a time. */
const BATCH_CHARS = 1 << 20;

/**
 * The data as UTF-8 buffers of about 1 MB each: text pieces are gathered into batches (a piece
 * longer than a batch is cut, at a code point, so a 10 MB note is never encoded whole).
 */
export function* textBatches(data: FileData): Generator<Uint8Array> {
  if (data instanceof Uint8Array) {
    yield data;
    return;
  }
  const pieces = typeof data === "string" ? [data] : data.pieces;
  let batch: string[] = [];
  let size = 0;
  const flush = function* () {
    if (size > 0) yield Buffer.from(batch.join(""), "utf8");
    batch = [];
    size = 0;
  };
  for (const piece of pieces) {
    for (let at = 0; at < piece.length;) {
      let end = Math.min(piece.length, at + BATCH_CHARS - size);
      // Never between the two halves of a surrogate pair.
      const code = piece.charCodeAt(end - 1);
      if (end < piece.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
      if (end === at) {
        // No room in this batch for the pair: it starts the next one.
        yield* flush();
        continue;
      }
      const part = at === 0 && end === piece.length ? piece : piece.slice(at, end);
      batch.push(part);
      size += part.length;
      at = end;
      if (size >= BATCH_CHARS) yield* flush();
    }
  }
  yield* flush();
}

/**
 * A file that could not be written. The message names the path the user gave and the reason in
 * words, never the temporary file the write went through; `code` is the system's, so
 * `describeFsError` gives the same words.
 */
export class WriteFileError extends UsageError {
  readonly code: string | undefined;
  constructor(
    readonly target: string,
    readonly reason: string,
    cause: unknown,
    lang: Lang = "en",
  ) {
    super(fileMessages(lang).cannotWrite(target, reason), { cause });
    this.name = "WriteFileError";
    this.code = (cause as NodeJS.ErrnoException | undefined)?.code;
  }
}

/**
 * A read-only file (no write permission for anyone) is never replaced: root could replace it
 * anyway, but a file its owner made read-only is kept as it is. Throws WriteFileError; a command
 * that will write a file later (an `assess` session) checks this before it starts.
 */
export function refuseReadOnly(info: { mode: number }, shown: string, lang?: Lang): void {
  if ((info.mode & 0o222) === 0) {
    throw new WriteFileError(shown, fileMessages(lang).readOnly, undefined, lang);
  }
}

export interface WriteOptions {
  lang?: Lang;
  /** How the target is named in messages (default: as given). */
  shown?: string;
}

/**
 * Writes a file safely. A regular file (or a new one) is written atomically: temp file in the
 * same folder, write, fsync, rename; a symbolic link is followed, so the file it points to is
 * replaced and the link stays a link; a link whose target does not exist yet gets that target
 * created (the link stays a link). A read-only file is refused, not replaced. A character device (`/dev/null`) or a named pipe is written
 * in place, never replaced; a pipe that nothing reads from is an error at once, not a wait. A
 * block device, socket or folder is refused. An existing file that is not valid UTF-8 is never
 * overwritten with text (its characters would be lost), nor binary-looking text in another
 * encoding with bytes. Throws WriteFileError.
 */
export async function writeFileAtomic(
  target: string,
  data: FileData,
  options: WriteOptions = {},
): Promise<void> {
  const shown = options.shown ?? target;
  const fail = (error: unknown): never => {
    throw new WriteFileError(shown, describeFsError(error, options.lang), error, options.lang);
  };
  const info = await stat(target).catch((error: NodeJS.ErrnoException) =>
    error.code === "ENOENT" ? undefined : fail(error),
  );
  if (info && !info.isFile()) {
    await writeInPlace(target, data, info).catch(fail);
    return;
  }
  if (info) refuseReadOnly(info, shown, options.lang);
  if (info) refuseToDestroy(target, shown, isText(data), options.lang);
  const file = info
    ? await realpath(target).catch(() => target)
    : await danglingLinkTarget(target).catch(fail);
  const dir = path.dirname(file);
  const temp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  const mode = info ? info.mode & 0o777 : 0o666;
  let handle;
  try {
    handle = await open(temp, "wx", mode);
    for (const bytes of textBatches(data)) {
      for (let done = 0; done < bytes.length;) {
        done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
      }
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    fail(error);
  }
  await syncFolder(dir);
}

/**
 * Makes the folder a file is written into (and the folders above it). Where a part of that path
 * is a file, the system says "exists" (EEXIST) or "not a folder" (ENOTDIR): both are ENOTDIR
 * here, so every command says "a part of the path is not a folder".
 */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw Object.assign(new Error("a part of the path is not a folder"), {
      code: "ENOTDIR",
      cause: error,
    });
  }
}

/** A device or pipe: opened for writing as it is (no create, no truncate), never replaced. */
async function writeInPlace(target: string, data: FileData, info: Stats): Promise<void> {
  if (info.isDirectory()) throw Object.assign(new Error("folder"), { code: "EISDIR" });
  if (info.isBlockDevice()) throw notRegularError("EBLOCKDEVICE");
  if (info.isSocket()) throw notRegularError();
  // Non-blocking: opening a pipe that no process reads fails at once (ENXIO) instead of waiting.
  const handle = await open(target, fsConstants.O_WRONLY | fsConstants.O_NONBLOCK);
  try {
    for (const bytes of textBatches(data)) {
      for (let done = 0; done < bytes.length;) {
        try {
          done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
        } catch (error) {
          // A full pipe: its reader is there and reading; try again shortly.
          if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * The path a new file is created at: the target itself, or, for a symbolic link whose target does
 * not exist yet, the end of its chain of links (so the link stays a link), in a real folder.
 */
async function danglingLinkTarget(target: string): Promise<string> {
  let file = target;
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(file).catch(() => undefined);
    if (!info?.isSymbolicLink()) break;
    file = path.resolve(path.dirname(file), await readlink(file));
  }
  const dir = await realpath(path.dirname(file)).catch(() => path.dirname(file));
  return path.join(dir, path.basename(file));
}

/**
 * Refuses to overwrite an existing file that is not UTF-8: with text, any such file (a GBK,
 * Latin-1 or UTF-16 file, or one cut mid-character); with bytes (a PDF report), one that looks
 * like text in another encoding.
 */
function refuseToDestroy(
  target: string,
  shown: string,
  text: boolean,
  lang: Lang | undefined,
): void {
  let bytes: Uint8Array;
  try {
    const read = readBytes(target, shown, lang);
    if (!read.ok) return;
    bytes = read.bytes;
  } catch {
    return;
  }
  const other = notUtf8Encoding(bytes);
  if (other === undefined || (!text && !looksLikeText(bytes, other.encoding))) return;
  const reason = fileMessages(lang).wouldDestroy(other.encoding);
  throw new WriteFileError(shown, reason, undefined, lang);
}

/** Text in another encoding, not binary data (a PDF, an image) that a report may replace. */
function looksLikeText(bytes: Uint8Array, encoding: string | undefined): boolean {
  if (encoding === undefined) return false;
  if (encoding.startsWith("UTF-16") || encoding.startsWith("UTF-32")) return true;
  // GB18030 decodes most byte strings; text has no control bytes but tab, newline, return.
  return !bytes.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);
}

/** Flushes a folder entry (the rename) to disk where the platform allows it. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, fsConstants.O_RDONLY).catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}
