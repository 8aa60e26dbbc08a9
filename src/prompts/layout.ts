/**
 * Text layout by display width (CJK characters take two columns): wrapping, padding, truncating
 * and the progress bar. No prompts here, so `netdz init` can use it without loading Inquirer.
 */
import stringWidth from "string-width";

/** Columns a string takes in a terminal (ANSI codes ignored, wide characters count two). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Pads with spaces on the right to `width` columns (never cuts). */
export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** Pads with spaces on the left to `width` columns (never cuts). */
export function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Cuts text to at most `width` columns, ending with `…` when it was cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  for (const char of text) {
    if (displayWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
/** Closing punctuation that must not start a line (kinsoku). */
const NO_LINE_START = /^[，。、；：？！）》」』】〕”’,.;:?!)\]]/u;

/**
 * Splits text into pieces that may not be broken: words, single wide characters, and spaces; each
 * occurrence of one of `unbroken` is one piece too (the longest that starts there).
 */
function tokens(text: string, unbroken: readonly string[] = []): string[] {
  const out: string[] = [];
  let word = "";
  const flush = () => {
    if (word) out.push(word);
    word = "";
  };
  const kept = unbroken.filter((piece) => piece !== "").sort((a, b) => b.length - a.length);
  for (let at = 0; at < text.length;) {
    const whole = kept.find((piece) => text.startsWith(piece, at));
    if (whole !== undefined) {
      flush();
      out.push(whole);
      at += whole.length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(at) as number);
    at += char.length;
    if (char === " ") {
      flush();
      out.push(" ");
    } else if (WIDE.test(char)) {
      flush();
      out.push(char);
    } else {
      word += char;
    }
  }
  flush();
  return out;
}

/**
 * Wraps text to lines of at most `width` columns; breaks between words or between CJK characters,
 * never inside one of `unbroken` (an option and its label: `zhejiang（浙江省）`) unless it is wider
 * than the line.
 * Closing punctuation never starts a line (kinsoku): where it would not fit, the piece before it
 * goes down with it, so no line is wider than `width` (only a single piece wider than the line
 * is cut).
 */
export function wrap(
  text: string,
  width: number,
  options: { unbroken?: readonly string[] } = {},
): string[] {
  const limit = Math.max(10, width);
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    // The pieces of the line being filled, so the last can be carried down with punctuation.
    let line: string[] = [];
    const flush = () => {
      lines.push(line.join("").trimEnd());
      line = [];
    };
    /** Starts the line with `pieces`, cutting off full lines while they are too wide. */
    const start = (pieces: string[]) => {
      let joined = pieces.join("");
      if (displayWidth(joined) <= limit) {
        line = pieces;
        return;
      }
      while (displayWidth(joined) > limit) {
        const head = truncateExact(joined, limit);
        lines.push(head);
        joined = joined.slice(head.length);
      }
      line = joined === "" ? [] : [joined];
    };
    for (const token of tokens(paragraph.replace(/\s+/g, " ").trim(), options.unbroken)) {
      if (token === " " && line.length === 0) continue;
      if (line.length === 0) {
        start([token]);
        continue;
      }
      if (displayWidth(line.join("") + token) <= limit) {
        line.push(token);
        continue;
      }
      let carried: string[] = [];
      if (NO_LINE_START.test(token)) {
        // Carry the last piece (and any punctuation or space after it) down with it.
        const at = lastWordAt(line);
        if (at > 0) carried = line.splice(at);
      }
      flush();
      if (token !== " " || carried.length > 0) start([...carried, token]);
    }
    flush();
  }
  return lines;
}

/**
 * Where the pieces to carry down with closing punctuation start: the last piece that is neither a
 * space nor closing punctuation itself (so `word。、` goes down whole); 0 when only the first is.
 */
function lastWordAt(line: readonly string[]): number {
  for (let i = line.length - 1; i > 0; i--) {
    const piece = line[i] as string;
    if (piece !== " " && !NO_LINE_START.test(piece)) return i;
  }
  return 0;
}

/** The longest prefix of `text` that fits `width` columns (no ellipsis). */
function truncateExact(text: string, width: number): string {
  let out = "";
  for (const char of text) {
    if (displayWidth(out + char) > width) break;
    out += char;
  }
  return out || [...text][0] || "";
}

/** Wraps and indents every line by `indent` (the first line too). */
export function wrapIndented(text: string, width: number, indent: string): string[] {
  return wrap(text, width - displayWidth(indent)).map((line) => indent + line);
}

/**
 * A prompt's message wrapped to `width` columns, as question texts are: the first line leaves
 * room for Inquirer's "? " before it, and each line of the message keeps its own indent (the
 * "  - item" lines of a list). Every prompt of `netdz assess` goes through this (see Asker).
 */
export function wrapPrompt(text: string, width: number): string {
  return text
    .split("\n")
    .flatMap((line, index) => {
      const indent = /^\s*/.exec(line)?.[0] ?? "";
      const room = width - (index === 0 ? 2 : 0) - displayWidth(indent);
      return wrap(line, room).map((part) => indent + part);
    })
    .join("\n");
}

/**
 * A progress bar of `width` cells: `█` for the done part, `░` for the rest. It is full only when
 * all is done: 104 of 105 leaves a cell open (and 1 of 105 fills none only below half a cell).
 */
export function progressBar(ratio: number, width: number): { done: string; rest: string } {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(ratio) ? ratio : 0));
  const cells = Math.max(1, Math.floor(width));
  const filled = clamped >= 1 ? cells : Math.min(cells - 1, Math.round(clamped * cells));
  return { done: "█".repeat(filled), rest: "░".repeat(cells - filled) };
}
