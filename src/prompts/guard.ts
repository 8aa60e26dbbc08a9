/**
 * Keeps an interactive session's ending orderly: SIGINT, SIGTERM and SIGHUP cancel the prompts
 * (so the session unwinds, saying what is saved), a second signal exits at once, and a terminal
 * that disappears (EIO on the tty) ends the session the same way instead of crashing.
 */
import { closeSync } from "node:fs";
import { isatty } from "node:tty";
import { EXIT } from "../errors.js";
import type { Io } from "../io.js";
import type { Asker } from "./ask.js";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const TERMINAL_GONE_CODES = new Set(["EIO", "EPIPE", "ENXIO", "EBADF"]);

/** True for the errors a tty raises once its terminal is gone (e.g. `setRawMode EIO`). */
export function isTerminalGone(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code !== undefined && TERMINAL_GONE_CODES.has(code);
}

/**
 * Installs the handlers for one session; returns the function that removes them. When the
 * terminal went away, the standard streams are closed on exit: Node 20 otherwise aborts while
 * restoring the mode of a terminal that no longer exists.
 */
export function guardSession(asker: Asker, io: Io): () => void {
  for (const fd of [0, 1, 2]) startedOnTty.set(fd, isatty(fd));
  let signals = 0;
  let gone = false;
  const terminalGone = (): void => {
    if (gone) return;
    gone = true;
    const ignore = (): void => undefined;
    io.stdout.on("error", ignore);
    io.stderr.on("error", ignore);
    io.stdin.on("error", ignore);
    process.once("exit", closeStandardStreams);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    signals++;
    if (signal === "SIGHUP") terminalGone();
    // Every confirmed answer is already on disk; the lock is released by its exit hook.
    if (signals > 1) process.exit(EXIT.cancelled);
    asker.cancel(signal === "SIGHUP" ? "closed" : "interrupted");
  };
  const onUncaught = (error: Error): void => {
    if (isTerminalGone(error)) {
      terminalGone();
      asker.cancel("closed");
      return;
    }
    io.stderr.write(`netdz: internal error: ${error.stack ?? error.message}\n`);
    process.exit(EXIT.usage);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on("uncaughtException", onUncaught);
  return () => {
    for (const signal of SIGNALS) process.removeListener(signal, onSignal);
    // Once the terminal is gone, its streams may still fail while the process exits.
    if (!gone) process.removeListener("uncaughtException", onUncaught);
  };
}

/** Standard streams that were terminals when the session started. */
const startedOnTty = new Map<number, boolean>();

/** Closes the standard streams whose terminal has hung up (a live one is left alone). */
function closeStandardStreams(): void {
  for (const fd of [0, 1, 2]) {
    if (!startedOnTty.get(fd) || isatty(fd)) continue;
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
  }
}
