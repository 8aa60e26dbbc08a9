/**
 * The only place netdz talks to @inquirer/prompts. Wraps select, input, checkbox and confirm with
 * localised key hints, and turns every way a prompt can stop without an answer (Ctrl-C, a signal,
 * a closed terminal or standard input) into CancelledError.
 *
 * A long list (more than FILTER_FROM choices, e.g. the 32 provinces) can be asked with
 * type-to-filter (`filter: true`): typed text narrows the list to the choices whose name, value
 * or keywords contain it.
 *
 * Escape never picks anything: by default it is ignored (Inquirer would otherwise move the cursor
 * of a list to its first entry); a prompt asked with `escape: "back"` stops with EscapeError, so
 * its caller can return to the list before.
 */
import { styleText } from "node:util";
import { checkbox, confirm, input, search, select, Separator } from "@inquirer/prompts";
import { CONTROL_CHARACTER } from "../core/yaml-source.js";
import { CancelledError } from "../errors.js";
import { wrapPrompt } from "./layout.js";
import { typedText } from "./typed-text.js";

/** A choice in a list; `value` must be a string so that `default` can preselect it. */
export interface ChoiceItem<V extends string> {
  value: V;
  name: string;
  description?: string;
  /** Shown after the prompt once chosen (defaults to `name`). */
  short?: string;
  disabled?: boolean | string;
  /** More words a filtered list matches this choice by (e.g. its label in the other language). */
  keywords?: string;
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
  /** Columns a prompt's message may use: every message is wrapped there (wrapPrompt). */
  width?: () => number;
}

/**
 * The default side of a yes/no hint: upper case ("y/N"), or in brackets for words without case
 * ("是/[否]"), so the default is marked in every language.
 */
export function markDefault(hint: string): string {
  const upper = hint.toUpperCase();
  return upper !== hint.toLowerCase() ? upper : `[${hint}]`;
}

/** Rows a prompt keeps for its message, hint and the lines above it when it pages a list. */
const PROMPT_ROWS = 8;

/**
 * How many entries of a list a prompt shows at once: every one when the terminal's height is not
 * known, else as many as fit below the prompt (at least 3), so a long list (the 32 provinces)
 * pages instead of scrolling the prompt away.
 */
export function fitPageSize(count: number, rows: number | undefined): number {
  const all = Math.max(7, count);
  if (rows === undefined || !Number.isFinite(rows) || rows <= 0) return all;
  return Math.max(3, Math.min(all, rows - PROMPT_ROWS));
}

/** Lists with more choices than this are worth asking with type-to-filter. */
export const FILTER_FROM = 10;

/** Text as a filter compares it: as typed (typedText), NFKC, lower case, without spaces. */
function folded(text: string): string {
  return typedText(text).normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

/**
 * The choices a filter term keeps: every entry (separators too) for no term, else the choices
 * whose name, value or keywords contain it.
 */
export function filterChoices<V extends string>(
  choices: readonly ListItem<V>[],
  term: string | undefined,
): ChoiceItem<V>[] | readonly ListItem<V>[] {
  const wanted = folded(term ?? "");
  if (wanted === "") return choices;
  return choices.filter(
    (item): item is ChoiceItem<V> =>
      !("separator" in item) &&
      [item.name, item.value, item.keywords ?? ""].some((text) => folded(text).includes(wanted)),
  );
}

/** What Escape does on a prompt: nothing, or stop it with EscapeError (back to the list before). */
export type EscapeMode = "ignore" | "back";

/** The user pressed Escape on a prompt asked with `escape: "back"`. */
export class EscapeError extends Error {
  constructor() {
    super("escape");
    this.name = "EscapeError";
  }
}

/** Runs a prompt asked with `escape: "back"`; undefined when the user pressed Escape. */
export async function unlessEscaped<T>(prompt: Promise<T>): Promise<T | undefined> {
  try {
    return await prompt;
  } catch (error) {
    if (error instanceof EscapeError) return undefined;
    throw error;
  }
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

  /** A prompt's message, wrapped to the width given (as it is, without one). */
  private message(text: string): string {
    const width = this.options.width?.();
    return width === undefined ? text : wrapPrompt(text, width);
  }

  /** The terminal's height, when the output is one. */
  private rows(): number | undefined {
    return (this.options.output as { rows?: number }).rows;
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

  /**
   * One choice from a list; `default` preselects a value. With `filter`, typed text narrows the
   * list (see filterChoices); Enter picks the highlighted choice, never one that is filtered out.
   */
  async select<V extends string>(config: {
    message: string;
    choices: readonly ListItem<V>[];
    default?: V;
    pageSize?: number;
    escape?: EscapeMode;
    filter?: boolean;
  }): Promise<V> {
    if (config.filter) return this.search(config);
    const choices = config.choices.map((item) => toInquirer(item));
    return this.run(config.escape, (signal) =>
      select<V>(
        {
          message: this.message(config.message),
          choices,
          ...(config.default !== undefined ? { default: config.default } : {}),
          pageSize: config.pageSize ?? fitPageSize(choices.length, this.rows()),
          loop: false,
          theme: this.theme,
        },
        this.context(signal),
      ),
    );
  }

  private async search<V extends string>(config: {
    message: string;
    choices: readonly ListItem<V>[];
    default?: V;
    pageSize?: number;
    escape?: EscapeMode;
  }): Promise<V> {
    const words = this.options.keys ?? {};
    const noMatch = "No results found";
    const theme = {
      style: {
        keysHelpTip: (keys: [string, string][]) =>
          `${this.theme.style.keysHelpTip(keys)} • ${words.filter ?? "type to filter"}`,
        // Inquirer's one fixed English line, in the interface language.
        error: (text: string) =>
          styleText("red", `> ${text === noMatch ? (words.noMatch ?? text) : text}`),
      },
    };
    return this.run(config.escape, (signal) =>
      search<V>(
        {
          message: this.message(config.message),
          source: (term) => filterChoices(config.choices, term).map((item) => toInquirer(item)),
          ...(config.default !== undefined ? { default: config.default } : {}),
          pageSize: config.pageSize ?? fitPageSize(config.choices.length, this.rows()),
          theme,
        },
        this.context(signal),
      ),
    );
  }

  /**
   * A line of text; `validate` returns true or the message to show. A default of several lines
   * (a note written in the file with line breaks) is shown and edited on one line, each line
   * break as LINE_BREAK (` ⏎ `): confirmed unchanged it is the default exactly as it was, line
   * ends and all; edited, each ` ⏎ ` left in it is a line break again. (The line editor holds one
   * line: given the breaks themselves it would keep only the last line.) A line break pasted
   * into it is LINE_BREAK too (filterKeys), so a pasted note keeps its lines.
   */
  async input(config: {
    message: string;
    default?: string;
    /** Put the default in the line so it can be edited (instead of Tab to take it). */
    editable?: boolean;
    validate?: (value: string) => true | string;
    escape?: EscapeMode;
    /**
     * `ends`: the value without spaces at its ends; `line`: a value of one line (a name, an
     * owner, a date), each line break in it (a paste) a space, and its ends trimmed. Shown so
     * once confirmed.
     */
    trim?: "ends" | "line";
  }): Promise<string> {
    const given = config.default ?? "";
    const shown = oneLine(given);
    const value = (typed: string) => {
      if (typed === shown) return given;
      const text = withLineBreaks(typedText(typed));
      if (config.trim === "line") return text.replace(/\s*\n\s*/g, " ").trim();
      return config.trim === "ends" ? text.trim() : text;
    };
    const { validate } = config;
    return this.run(
      config.escape,
      async (signal) =>
        value(
          await input(
            {
              message: this.message(config.message),
              ...(given !== ""
                ? { default: shown, prefill: config.editable ? "editable" : "tab" }
                : {}),
              ...(validate ? { validate: (typed: string) => validate(value(typed)) } : {}),
              // Once confirmed, the line shows what is kept (as Inquirer styles an answer).
              transformer: (typed: string, { isFinal }: { isFinal: boolean }) =>
                isFinal ? styleText("cyan", oneLine(value(typed))) : typed,
            },
            this.context(signal),
          ),
        ),
      "text",
    );
  }

  /** Any number of choices; returns the values checked. */
  async checkbox<V extends string>(config: {
    message: string;
    choices: readonly CheckItem<V>[];
    pageSize?: number;
    escape?: EscapeMode;
  }): Promise<V[]> {
    return this.run(config.escape, (signal) =>
      checkbox<V>(
        {
          message: this.message(config.message),
          choices: config.choices.map((c) => ({
            ...(toInquirer(c) as Omit<ChoiceItem<V>, "keywords">),
            ...(c.checked !== undefined ? { checked: c.checked } : {}),
          })),
          pageSize: config.pageSize ?? fitPageSize(config.choices.length, this.rows()),
          loop: false,
          theme: this.theme,
        },
        this.context(signal),
      ),
    );
  }

  /** Yes or no. */
  async confirm(config: {
    message: string;
    default?: boolean;
    escape?: EscapeMode;
  }): Promise<boolean> {
    const words = this.options.yesNo;
    return this.run(config.escape, (signal) =>
      confirm(
        {
          message: this.message(config.message),
          default: config.default ?? true,
          ...(words
            ? {
                transformer: (value: boolean) => (value ? words.yes : words.no),
                theme: {
                  keywords: { yes: words.yes, no: words.no, error: () => words.error },
                  style: { confirmDefault: markDefault },
                },
              }
            : {}),
        },
        this.context(signal),
      ),
    );
  }

  private context(signal: AbortSignal): {
    input: NodeJS.ReadableStream;
    output: NodeJS.WritableStream;
    signal: AbortSignal;
  } {
    return { input: this.options.input, output: this.options.output, signal };
  }

  /**
   * Filters the keys Inquirer gets while a prompt waits. Escape: with `back`, it stops the prompt
   * (`escaped` turns true); otherwise it is dropped. A paste (the terminal marks it, see
   * PASTE_ON) never confirms the prompt: each line break in it is LINE_BREAK on a text prompt
   * (a line break again once confirmed, see `input`) and nothing on a list; a tab in it is text,
   * not "take the default"; other keys in it (arrows, Escape, Ctrl-C) are not pressed. Returns
   * the function that undoes this.
   */
  private filterKeys(mode: EscapeMode, onEscape: () => void, breaks: PasteBreaks): () => void {
    const stdin = this.options.input;
    const hadOwn = Object.hasOwn(stdin, "emit");
    const original = stdin.emit;
    // A paste is given to Inquirer as one typed text when it ends (one redraw, however long),
    // or when no more of it comes for PASTE_PAUSE_MS (a terminal that never marks its end).
    let pasted: string | undefined;
    let afterReturn = false;
    let pause: ReturnType<typeof setTimeout> | undefined;
    const endPaste = (): void => {
      clearTimeout(pause);
      const text = pasted;
      pasted = undefined;
      if (text) original.call(stdin, "keypress", text, typedKey(text));
    };
    stdin.emit = function (
      this: NodeJS.ReadableStream,
      event: string | symbol,
      ...args: unknown[]
    ) {
      if (event !== "keypress") return original.call(this, event, ...args);
      const ch = args[0];
      const key = args[1] as { name?: string; ctrl?: boolean; meta?: boolean } | undefined;
      const name = key?.name;
      if (name === "paste-start") {
        endPaste();
        pasted = "";
        pause = setTimeout(endPaste, PASTE_PAUSE_MS);
        return true;
      }
      if (name === "paste-end") {
        endPaste();
        return true;
      }
      if (pasted !== undefined) {
        clearTimeout(pause);
        pause = setTimeout(endPaste, PASTE_PAUSE_MS);
        const crlf = afterReturn && name === "enter";
        afterReturn = name === "return";
        if (name === "return" || name === "enter") {
          if (breaks === "text" && !crlf) pasted += LINE_BREAK;
        } else if (typeof ch === "string" && !key?.ctrl && !key?.meta) {
          // Text only: keys in a paste (arrows, Escape, Ctrl-…, Backspace) are not pressed, and
          // control characters in it are not text.
          pasted += ch.replace(CONTROLS, "");
        }
        return true;
      }
      if (name === "escape") {
        if (mode === "back") onEscape();
        return true;
      }
      return original.call(this, event, ...args);
    } as typeof stdin.emit;
    return () => {
      clearTimeout(pause);
      if (hadOwn) stdin.emit = original;
      else delete (stdin as { emit?: unknown }).emit;
    };
  }

  /** Asks the terminal to mark pastes while a prompt waits (when the output is a terminal). */
  private markPastes(on: boolean): void {
    const output = this.options.output as NodeJS.WritableStream & { isTTY?: boolean };
    if (output.isTTY !== true || (output as { writable?: boolean }).writable === false) return;
    try {
      output.write(on ? PASTE_ON : PASTE_OFF);
    } catch {
      // A terminal gone already: nothing to switch off.
    }
  }

  /**
   * Runs one prompt. While it waits, the end of standard input, or the event loop running dry
   * (Inquirer's readline closed on Ctrl-D and nothing else is pending), cancels the session.
   */
  private async run<T>(
    escape: EscapeMode = "ignore",
    prompt: (signal: AbortSignal) => Promise<T>,
    breaks: PasteBreaks = "drop",
  ): Promise<T> {
    if (this.controller.signal.aborted) throw new CancelledError();
    const closed = (): void => this.cancel("closed");
    const stdin = this.options.input;
    const local = new AbortController();
    let escaped = false;
    const release = this.filterKeys(
      escape,
      () => {
        escaped = true;
        local.abort(new EscapeError());
      },
      breaks,
    );
    this.markPastes(true);
    stdin.once("end", closed);
    process.once("beforeExit", closed);
    try {
      const signal = AbortSignal.any([this.controller.signal, local.signal]);
      return await withFullLineEditor(() => prompt(signal));
    } catch (error) {
      if (escaped && !this.controller.signal.aborted) throw new EscapeError();
      return toCancelled(error);
    } finally {
      this.markPastes(false);
      release();
      stdin.removeListener("end", closed);
      process.removeListener("beforeExit", closed);
    }
  }
}

/**
 * Starts a prompt with Node's full line editor even when TERM is `dumb`: readline otherwise takes
 * a dumb terminal's keys as text (Backspace becomes a DEL in the line, never drawn), while
 * Inquirer draws its prompts itself either way. TERM is `dumb` again as soon as the prompt has
 * made its readline, which it does before it returns.
 */
function withFullLineEditor<T>(start: () => Promise<T>): Promise<T> {
  if (process.env.TERM !== "dumb") return start();
  process.env.TERM = "vt100";
  try {
    return start();
  } finally {
    process.env.TERM = "dumb";
  }
}

/** An entry as Inquirer takes it (a Separator, or the choice without netdz's own keys). */
function toInquirer<V extends string>(
  item: ListItem<V>,
): Separator | Omit<ChoiceItem<V>, "keywords"> {
  if ("separator" in item) return new Separator(item.separator);
  const choice: Omit<ChoiceItem<V>, "keywords"> = { value: item.value, name: item.name };
  if (item.description !== undefined) choice.description = item.description;
  if (item.short !== undefined) choice.short = item.short;
  if (item.disabled !== undefined) choice.disabled = item.disabled;
  return choice;
}

/** How a line break of a default is shown and edited on the one line of a text prompt. */
const LINE_BREAK = " \u23ce ";

/**
 * Bracketed paste (xterm, and every terminal of today): while it is on, the terminal sends a
 * paste between ESC[200~ and ESC[201~, which readline gives as the keys `paste-start` and
 * `paste-end`. Without it, the first line break of a pasted note would confirm the prompt and the
 * rest would be typed into the prompts after it.
 */
const PASTE_ON = "\u001b[?2004h";
const PASTE_OFF = "\u001b[?2004l";

/** Control characters (those a file may not hold), each: none of them is pasted text. */
const CONTROLS = new RegExp(CONTROL_CHARACTER.source, "g");

/** A paste whose end the terminal has not marked after this long without more of it is over. */
const PASTE_PAUSE_MS = 300;

/** What a line break in a paste becomes: LINE_BREAK (a text prompt) or nothing (a list). */
type PasteBreaks = "text" | "drop";

/** The key readline gives for typed text (one character, or a paste as one text). */
function typedKey(ch: string): {
  sequence: string;
  name?: string;
  ctrl: false;
  meta: false;
  shift: false;
} {
  const name = ch === " " ? "space" : /^[0-9A-Za-z]$/.test(ch) ? ch.toLowerCase() : undefined;
  return {
    sequence: ch,
    ...(name === undefined ? {} : { name }),
    ctrl: false,
    meta: false,
    shift: false,
  };
}

/** A text on one line, each line break (CRLF, CR, LF) as LINE_BREAK. */
function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, LINE_BREAK);
}

/** A line typed or edited, each LINE_BREAK left in it a line break again. */
function withLineBreaks(line: string): string {
  return line.split(LINE_BREAK).join("\n");
}
