/**
 * The terminal `netdz assess` draws on: its width, colours, clearing it for a new screen, and the
 * notices queued for the top of the next screen. Each notice carries its tone explicitly (plain,
 * dim or warning); nothing is guessed from the text.
 */
import type { Io } from "../io.js";
import { displayWidth, wrap } from "./layout.js";
import { PLAIN, type Paint } from "./screens.js";

/** How a line is shown. */
export type Tone = "plain" | "dim" | "warn" | "bold";

/** Widest layout used, in columns, however wide the terminal is. */
const MAX_WIDTH = 100;
const CLEAR_SCREEN = "\x1b[H\x1b[2J";

/** Columns the screen content (and every prompt's message) may use on a terminal this wide. */
export function screenWidth(columns: number | undefined): number {
  return Math.max(40, Math.min(columns ?? 80, MAX_WIDTH) - 1);
}

export class TerminalScreen {
  private notices: string[] = [];

  /** `paint` colours the text (PLAIN where the output takes no colour). */
  constructor(
    private readonly io: Io,
    readonly paint: Paint = PLAIN,
  ) {}

  /** Columns the screen content may use. */
  get width(): number {
    return screenWidth(this.io.stdout.columns);
  }

  /** Queues text for the top of the next screen, wrapped to the screen width. */
  notice(text: string, tone: Tone = "plain"): void {
    for (const line of wrap(text, this.width)) this.notices.push(this.styled(line, tone));
  }

  /** Queues a line as it is (a command to copy, not to be wrapped). */
  noticeLine(line: string): void {
    this.notices.push(line);
  }

  /** Prints text now, wrapped to the screen width. */
  say(text: string, tone: Tone = "plain"): void {
    for (const line of wrap(text, this.width)) this.print(this.styled(line, tone));
  }

  /** Prints a line as it is. */
  print(text: string): void {
    this.io.stdout.write(`${text}\n`);
  }

  /** Clears the terminal and prints the pending notices. */
  newScreen(): void {
    if (this.io.stdout.isTTY) this.io.stdout.write(CLEAR_SCREEN);
    const notices = this.notices;
    this.notices = [];
    if (notices.length > 0) this.print(`${notices.join("\n")}\n`);
  }

  /** Rows left under the lines for a list (at least 5); undefined when the height is unknown. */
  rowsLeft(lines: readonly string[]): number | undefined {
    const rows = (this.io.stdout as { rows?: number }).rows;
    if (!rows) return undefined;
    const columns = this.io.stdout.columns ?? 80;
    const used = lines.reduce(
      (sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / columns)),
      0,
    );
    return Math.max(5, rows - used - 5);
  }

  private styled(line: string, tone: Tone): string {
    if (tone === "dim") return this.paint.dim(line);
    if (tone === "warn") return this.paint.warn(line);
    if (tone === "bold") return this.paint.bold(line);
    return line;
  }
}
