import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { isatty } from "node:tty";
import type { Io } from "../io.js";

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

/** Writes text or bytes to standard output, resolving once the stream has taken them. */
export async function writeStdout(
  output: string | Uint8Array,
  io: Pick<Io, "stdout">,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    io.stdout.write(output, (error) => (error ? reject(error) : resolve()));
  });
}
