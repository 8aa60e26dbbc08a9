import type { Diagnostic } from "./core/model.js";

/** Exit codes: 0 ok, 1 invalid data or failed threshold, 2 usage or unreadable input, 130 cancelled. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, cancelled: 130 } as const;

/** A mistake in how the command was called, or input that cannot be read (exit 2). */
export class UsageError extends Error {
  readonly exitCode = EXIT.usage;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "UsageError";
  }
}

/** Input that was read but is invalid; carries the located problems (exit 1 unless told). */
export class DataError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
    readonly exitCode: number = EXIT.invalid,
  ) {
    super(message);
    this.name = "DataError";
  }
}

/**
 * Standard output refused what was written to it (a full disk, a read-only file, a pipe closed
 * early): `cause` is the system's error.
 */
export class StdoutError extends Error {
  constructor(override readonly cause: unknown) {
    super("cannot write to standard output");
    this.name = "StdoutError";
  }
}

/**
 * Whether standard output failed because its reader stopped early (`netdz … | head`), which is
 * no failure. (A file given to --out whose reader goes away is one: the user asked for the file.)
 */
export function isClosedPipe(error: unknown): boolean {
  return (
    error instanceof StdoutError &&
    (error.cause as NodeJS.ErrnoException | undefined)?.code === "EPIPE"
  );
}

/** The user stopped an interactive session (Ctrl-C, closed terminal). */
export class CancelledError extends Error {
  readonly exitCode = EXIT.cancelled;
  constructor(message = "Cancelled") {
    super(message);
    this.name = "CancelledError";
  }
}
