/**
 * The only place netdz talks to @inquirer/prompts. Wraps select, input, checkbox and confirm with
 * localised key hints, and turns every way a prompt can stop without an answer (Ctrl-C, a signal,
 * a closed terminal or standard input) into CancelledError.
 */
import { checkbox, confirm, input, select, Separator } from "@inquirer/prompts";
import { CancelledError } from "../errors.js";

/** A choice in a list; `value` must be a string so that `default` can preselect it. */
export interface ChoiceItem<V extends string> {
  value: V;
  name: string;
  description?: string;
  /** Shown after the prompt once chosen (defaults to `name`). */
  short?: string;
  disabled?: boolean | string;
}

/** A line between groups of choices. */
export interface SeparatorItem {
  separator: string;
}

/** An entry of a list: a choice or a separator. */
export type ListItem<V extends string> = ChoiceItem<V> | SeparatorItem;

/** A checkbox choice. */
export interface CheckItem<V extends string> extends ChoiceItem<V> {
  checked?: boolean;
}

/** The terminal streams to ask on, and the key-hint words to show. */
export interface AskerOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Key-hint words Inquirer prints (`navigate`, `select`, …) → the interface language. */
  keys?: Readonly<Record<string, string>>;
  /** The words for yes and no, shown in the hint of a yes/no question and as its answer. */
  yesNo?: { yes: string; no: string; error: string };
}

/** Why a session was cancelled. */
export type CancelReason = "interrupted" | "closed";

const CANCEL_ERROR_NAMES = new Set(["ExitPromptError", "AbortPromptError", "CancelPromptError"]);
const CLOSED_STREAM_CODES = new Set([
  "EIO",
  "EPIPE",
  "ERR_STREAM_DESTROYED",
  "ERR_STREAM_WRITE_AFTER_END",
  "ERR_USE_AFTER_CLOSE",
]);

/** True for the errors Inquirer (or a closed stream) raises when a prompt gets no answer. */
export function isCancellation(error: unknown): boolean {
  if (error instanceof CancelledError) return true;
  if (!(error instanceof Error)) return false;
  if (CANCEL_ERROR_NAMES.has(error.name)) return true;
  const code = (error as NodeJS.ErrnoException).code;
  return code !== undefined && CLOSED_STREAM_CODES.has(code);
}

/** Rethrows a prompt failure, as CancelledError when the user (or the terminal) stopped it. */
export function toCancelled(error: unknown): never {
  if (error instanceof CancelledError) throw error;
  if (isCancellation(error)) throw new CancelledError();
  throw error;
}

/**
 * Asks questions on one terminal. `cancel()` stops the prompt on screen and every later one;
 * standard input closing while a prompt waits (Ctrl-D, a lost terminal) cancels too.
 */
export class Asker {
  private readonly controller = new AbortController();
  private readonly theme: { style: { keysHelpTip: (keys: [string, string][]) => string } };
  private cancelReason: CancelReason | undefined;

  constructor(private readonly options: AskerOptions) {
    const words = options.keys ?? {};
    this.theme = {
      style: {
        keysHelpTip: (keys) =>
          keys.map(([key, action]) => `${key} ${words[action] ?? action}`).join(" • "),
      },
    };
  }

  /** Why the session was cancelled, once it was. */
  get cancelled(): CancelReason | undefined {
    return this.cancelReason;
  }

  /** Stops the current prompt and refuses every later one. */
  cancel(reason: CancelReason): void {
    this.cancelReason ??= reason;
    this.controller.abort(new CancelledError());
  }

  /** One choice from a list; `default` preselects a value. */
  async select<V extends string>(config: {
    message: string;
    choices: readonly ListItem<V>[];
    default?: V;
    pageSize?: number;
  }): Promise<V> {
    const choices = config.choices.map((item) =>
      "separator" in item ? new Separator(item.separator) : item,
    );
    return this.run(() =>
      select<V>(
        {
          message: config.message,
          choices,
          ...(config.default !== undefined ? { default: config.default } : {}),
          pageSize: config.pageSize ?? Math.max(7, choices.length),
          loop: false,
          theme: this.theme,
        },
        this.context(),
      ),
    );
  }

  /** A line of text; `validate` returns true or the message to show. */
  async input(config: {
    message: string;
    default?: string;
    /** Put the default in the line so it can be edited (instead of Tab to take it). */
    editable?: boolean;
    validate?: (value: string) => true | string;
  }): Promise<string> {
    return this.run(() =>
      input(
        {
          message: config.message,
          ...(config.default !== undefined && config.default !== ""
            ? { default: config.default, prefill: config.editable ? "editable" : "tab" }
            : {}),
          ...(config.validate ? { validate: config.validate } : {}),
        },
        this.context(),
      ),
    );
  }

  /** Any number of choices; returns the values checked. */
  async checkbox<V extends string>(config: {
    message: string;
    choices: readonly CheckItem<V>[];
    pageSize?: number;
  }): Promise<V[]> {
    return this.run(() =>
      checkbox<V>(
        {
          message: config.message,
          choices: config.choices.map((c) => ({ ...c })),
          pageSize: config.pageSize ?? Math.max(7, config.choices.length),
          loop: false,
          theme: this.theme,
        },
        this.context(),
      ),
    );
  }

  /** Yes or no. */
  async confirm(config: { message: string; default?: boolean }): Promise<boolean> {
    const words = this.options.yesNo;
    return this.run(() =>
      confirm(
        {
          message: config.message,
          default: config.default ?? true,
          ...(words
            ? {
                transformer: (value: boolean) => (value ? words.yes : words.no),
                theme: { keywords: { yes: words.yes, no: words.no, error: () => words.error } },
              }
            : {}),
        },
        this.context(),
      ),
    );
  }

  private context(): {
    input: NodeJS.ReadableStream;
    output: NodeJS.WritableStream;
    signal: AbortSignal;
  } {
    return {
      input: this.options.input,
      output: this.options.output,
      signal: this.controller.signal,
    };
  }

  /**
   * Runs one prompt. While it waits, the end of standard input, or the event loop running dry
   * (Inquirer's readline closed on Ctrl-D and nothing else is pending), cancels the session.
   */
  private async run<T>(prompt: () => Promise<T>): Promise<T> {
    if (this.controller.signal.aborted) throw new CancelledError();
    const closed = (): void => this.cancel("closed");
    const stdin = this.options.input;
    stdin.once("end", closed);
    process.once("beforeExit", closed);
    try {
      return await prompt();
    } catch (error) {
      return toCancelled(error);
    } finally {
      stdin.removeListener("end", closed);
      process.removeListener("beforeExit", closed);
    }
  }
}
