/** One describer of failed file operations, in words, for every command and both languages. */
import type { Lang } from "../core/model.js";
import { fileMessages, type FsReason } from "../i18n/file-messages.js";

/** The kind of a failed file operation, from its system error code. */
export function fsReason(error: unknown): FsReason {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case "ENOENT":
      return "missing";
    case "EACCES":
    case "EPERM":
      return "denied";
    case "EISDIR":
      return "isFolder";
    case "ENOTDIR":
      return "notFolder";
    case "ELOOP":
      return "linkLoop";
    case "ENAMETOOLONG":
      return "nameTooLong";
    case "ENXIO":
      return "fifoNoReader";
    case "EPIPE":
      return "pipeClosed";
    case "ENOSPC":
    case "EDQUOT":
      return "noSpace";
    case "EROFS":
      return "readOnly";
    case "EBUSY":
    case "ETXTBSY":
      return "busy";
    case "EMFILE":
    case "ENFILE":
      return "tooManyOpen";
    case "EIO":
      return "ioError";
    case "EBADF":
      return "notOpenForWriting";
    case "ENOTREGULAR":
      return "notRegular";
    case "EBLOCKDEVICE":
      return "blockDevice";
    default:
      return "other";
  }
}

/**
 * A short reason for a failed file operation: no stack, no errno number, never a path (the
 * temporary file a write went through is not the user's business).
 */
export function describeFsError(error: unknown, lang: Lang = "en"): string {
  const worded = (error as { reason?: unknown } | undefined)?.reason;
  if (typeof worded === "string") return worded;
  const m = fileMessages(lang);
  const reason = fsReason(error);
  if (reason !== "other") return m.reasons[reason];
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" ? m.otherReason(code) : m.reasons.other;
}

/** An error standing for "not a regular file", described like the system's own. */
export function notRegularError(code = "ENOTREGULAR"): NodeJS.ErrnoException {
  return Object.assign(new Error("not a regular file"), { code });
}
