import path from "node:path";

/** Names of standard output as a path: `-`, and the system's own names for it. */
const STDOUT_PATHS = new Set(["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]);

/**
 * Whether `--out` names standard output: `-`, or `/dev/stdout` (printed through the command's
 * own output stream, not by opening the device, so nothing replaces it and tests can read it).
 */
export function isStandardOutput(out: string, cwd: string): boolean {
  return out === "-" || STDOUT_PATHS.has(path.resolve(cwd, out));
}
