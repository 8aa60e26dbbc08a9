/**
 * The lock file `<answers>.lock` that keeps a second `netdz assess` session away from an answers
 * file: it holds the pid and (on Linux) the start time of the process that holds it, so a lock left
 * by a dead process, or by one whose pid was reused, is taken over.
 */
import {
  closeSync,
  constants as fsConstants,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  readSync,
  unlinkSync,
} from "node:fs";
import { open, readdir, unlink } from "node:fs/promises";
import { constants } from "node:os";
import path from "node:path";
import { makeFolder } from "./atomic-write.js";

/** Temp files a killed session may have left beside the answers file. */
async function removeStaleTempFiles(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith(".tmp")) {
      await unlink(path.join(dir, name)).catch(() => undefined);
    }
  }
}

/** The lock file of an answers file. */
export function lockPath(answersFile: string): string {
  return `${answersFile}.lock`;
}

/** A held lock; `release` is idempotent and synchronous so it also works in an exit handler. */
export interface AnswersLock {
  file: string;
  release(): void;
}

/**
 * Either the lock, or why not: the pid of the live process that holds it, or `unreadable` when
 * the lock file cannot be read or does not hold a pid (it is then never taken over silently).
 */
export type LockResult =
  | { ok: true; lock: AnswersLock }
  | { ok: false; pid: number | undefined; unreadable?: boolean; notRegular?: boolean };

/** The largest lock file read: a real one holds two short lines. */
const MAX_LOCK_BYTES = 4096;

/**
 * The text of a lock file, read without ever blocking: its type is checked with lstat first (a
 * named pipe, device, socket or folder at the lock path is never opened), then it is opened
 * non-blocking and checked again on the open descriptor, so a file swapped for a pipe in between
 * cannot make the read wait. A symbolic link is followed to what it points to, checked alike.
 * Throws ENOTREGULAR (code) for anything but a regular file, the system's error otherwise.
 */
export function readLockText(file: string): string {
  const info = lstatSync(file);
  if (!info.isFile() && !info.isSymbolicLink()) throw notRegular();
  const fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw notRegular();
    const buffer = Buffer.alloc(MAX_LOCK_BYTES);
    let filled = 0;
    for (let n = -1; n !== 0 && filled < buffer.length; filled += n) {
      n = readSync(fd, buffer, filled, buffer.length - filled, null);
    }
    return buffer.subarray(0, filled).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

function notRegular(): NodeJS.ErrnoException {
  return Object.assign(new Error("not a regular file"), { code: "ENOTREGULAR" });
}

/** True when a process with this pid exists (one owned by another user counts). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * How long an empty lock file is given to get its pid (a session writes it right after creating
 * the file); still empty after that, it is unreadable, as a lock holding anything but a pid is.
 */
const EMPTY_LOCK_WAIT_MS = 300;

/**
 * When a process started, as the kernel records it (Linux /proc); with the pid it names one
 * process, so a lock is not held forever by an unrelated process that reused a dead one's pid.
 * Undefined where /proc is not available.
 */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** True when the system shows that the process does not run netdz (Linux /proc). */
function runsSomethingElse(pid: number): boolean {
  try {
    return !readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("netdz");
  } catch {
    return false;
  }
}

/** The lock file's content: this process's pid, and when it started where that is known. */
function lockContent(): string {
  const start = processStart(process.pid);
  return start === undefined ? `${process.pid}\n` : `${process.pid}\nstart ${start}\n`;
}

interface LockState {
  stale: boolean;
  pid?: number;
  /** The file exists but holds something other than a pid. */
  unreadable?: boolean;
  /** The lock path is a named pipe, device, socket or folder (never opened, never waited on). */
  notRegular?: boolean;
  /** The lock file could not be read (permission denied, a link loop, …): the system's error. */
  error?: unknown;
}

async function lockIsStale(file: string): Promise<LockState> {
  let text = "";
  for (let waited = 0; ; waited += 50) {
    try {
      text = readLockText(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // No lock file (or no folder to hold one: a part of the path is a file): no lock is held.
      if (code === "ENOENT" || code === "ENOTDIR") return { stale: true };
      // A pipe, device or folder in the lock's place is a lock netdz cannot use: to be removed.
      if (code === "ENOTREGULAR" || code === "EISDIR" || code === "ENXIO") {
        return { stale: false, unreadable: true, notRegular: true };
      }
      // Not "unreadable": that means a lock whose content is not a pid. Said in words by the caller.
      return { stale: false, error };
    }
    if (text.trim() !== "" || waited >= EMPTY_LOCK_WAIT_MS) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const pid = Number.parseInt(text.trim(), 10);
  if (Number.isInteger(pid) && pid > 0) {
    if (!processAlive(pid)) return { stale: true, pid };
    const recorded = /^start (\S+)$/m.exec(text)?.[1];
    if (recorded !== undefined) {
      const current = processStart(pid);
      return { stale: current !== undefined && recorded !== current, pid };
    }
    // A lock without a start time (written by hand, or by an older netdz): held only while its
    // process is a netdz, where the system says what a process runs.
    return { stale: runsSomethingElse(pid), pid };
  }
  return { stale: false, unreadable: true };
}

/**
 * Takes `<answers>.lock` (created with `wx`, holding this pid). A lock left by a dead process is
 * taken over, and the temp files it may have left are removed. The lock is released on exit.
 */
export async function acquireLock(answersFile: string): Promise<LockResult> {
  const file = lockPath(answersFile);
  await makeFolder(path.dirname(file));
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(lockContent(), "utf8");
      await handle.close();
      if (attempt > 0) await removeStaleTempFiles(answersFile);
      return { ok: true, lock: holdLock(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const { stale, pid, unreadable, notRegular, error } = await lockIsStale(file);
    if (error !== undefined) throw error;
    if (!stale) {
      return {
        ok: false,
        pid,
        ...(unreadable ? { unreadable } : {}),
        ...(notRegular ? { notRegular } : {}),
      };
    }
    await unlink(file).catch(() => undefined);
  }
  return { ok: false, pid: undefined };
}

/**
 * Who holds the answers file's lock, for commands that only need to check: undefined when no
 * one does, the live pid (-1 when not known), or "unreadable" for a lock file that holds no pid.
 * Throws the system's error when the lock file cannot be read at all.
 */
export async function lockHolder(
  answersFile: string,
): Promise<number | "unreadable" | "not-regular" | undefined> {
  const { stale, pid, unreadable, notRegular, error } = await lockIsStale(lockPath(answersFile));
  if (error !== undefined) throw error;
  if (stale) return undefined;
  if (notRegular) return "not-regular";
  return unreadable ? "unreadable" : (pid ?? -1);
}

/** Signals that end a process without its exit hooks unless something handles them. */
const ENDING_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function holdLock(file: string): AnswersLock {
  let held = true;
  // A signal that nothing else handles (an interactive session's guard does) would end the
  // process without its exit hooks and leave the lock behind: release it, and end as the
  // signal would (exit 128 + its number). The answers file is written atomically, so it is
  // either as it was or fully written.
  const onSignal = (signal: NodeJS.Signals): void => {
    if (process.listenerCount(signal) > 1) return;
    release();
    process.exit(128 + (constants.signals[signal] ?? 0));
  };
  const release = (): void => {
    if (!held) return;
    held = false;
    process.removeListener("exit", release);
    for (const signal of ENDING_SIGNALS) process.removeListener(signal, onSignal);
    try {
      const owner = Number.parseInt(readLockText(file).trim(), 10);
      if (owner === process.pid) unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.on("exit", release);
  for (const signal of ENDING_SIGNALS) process.on(signal, onSignal);
  return { file, release };
}
