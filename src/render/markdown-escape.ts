/**
 * Escaping of user-entered text for GitHub-flavoured Markdown. The result is one line of inline
 * text that renders as the original characters: it cannot open a block, break a table, start
 * emphasis, a link, code or strikethrough, inject HTML, or become a bare autolink.
 */

import { escapeInSlices } from "./escape-slices.js";

/** Line breaks, tabs and other control characters; each run becomes one space. */
const BREAKS = /[\p{Cc}\p{Zl}\p{Zp}]+/gu;

/** ASCII punctuation that Markdown or GFM may read as syntax. */
const SYNTAX = /[\\`*_[\]|#~$@]/g;

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * Explicit bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): typed
 * into a name or a note, an unclosed one would reverse the rest of a line or table row around it
 * ("Trojan Source"). Right-to-left text itself needs none of them to show in its own order.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Collapses line breaks and control characters to single spaces, drops bidirectional controls
 * and trims the ends.
 */
export function singleLine(text: string): string {
  return escapeInSlices(text, singleLineWhole);
}

/** The line breaks of typed text: CR LF, CR, LF, and VT, FF, NEL, LS and PS. */
const LINE_BREAKS = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/;

/**
 * Typed text that keeps its line breaks (a note, a free-text answer), for the reports that can
 * show them: each line as singleLine makes it, joined by "\n"; blank lines at the ends are
 * dropped and a run of blank lines is one (a paragraph break).
 */
export function keptLines(text: string): string {
  const out: string[] = [];
  for (const line of text.split(LINE_BREAKS).map(singleLine)) {
    if (line === "" && (out.length === 0 || out.at(-1) === "")) continue;
    out.push(line);
  }
  while (out.at(-1) === "") out.pop();
  return out.join("\n");
}

function singleLineWhole(text: string): string {
  return text.replace(BIDI_CONTROLS, "").replace(BREAKS, " ").replace(/ {2,}/g, " ").trim();
}

/**
 * Escapes text for inline Markdown: a table cell, list item or paragraph. Newlines become spaces
 * (never `<br>`), `& < >` become entities, and `\ ` * _ [ ] | # ~ $ @` are backslash-escaped.
 */
export function escapeInline(text: string): string {
  return escapeInSlices(text, escapeInlineWhole);
}

function escapeInlineWhole(text: string): string {
  return neutraliseBlockStart(
    singleLineWhole(text)
      .replace(SYNTAX, (char) => `\\${char}`)
      .replace(/[&<>]/g, (char) => ENTITIES[char] ?? char)
      .replace(/:\/\//g, ":\\/\\/")
      .replace(/(www)\./gi, "$1\\."),
  );
}

/** A leading `-`, `+` or `=`, or `1.` before a space, could start a block: escape it. */
function neutraliseBlockStart(text: string): string {
  return text.replace(/^([-+=])/, "\\$1").replace(/^(\d+)([.)])(?= |$)/, "$1\\$2");
}

/** Escapes text for a table cell; an empty result becomes an em dash so no cell is blank. */
export function escapeCell(text: string | undefined): string {
  const escaped = escapeInline(text ?? "");
  return escaped === "" ? "—" : escaped;
}

const URL_START = /^https?:\/\/./i;
const UNSAFE_IN_URL = /[\s<>|\\`"'\p{Cc}]/u;

/**
 * Whether a text is an http(s) URL with nothing that would end or break a link: as
 * /^https?:\/\/[^\s<>|\\`"'\p{Cc}]+$/iu, but searched for a bad character rather than matched
 * whole (the whole match kept a backtracking position per character: 65 MB for a 10 MB URL).
 */
export function isSafeUrl(text: string): boolean {
  return URL_START.test(text) && !UNSAFE_IN_URL.test(text);
}

/** An `http(s)` URL as an angle-bracket autolink; anything else as escaped text. */
export function linkOrText(text: string): string {
  const trimmed = text.trim();
  return isSafeUrl(trimmed) ? `<${trimmed}>` : escapeCell(trimmed);
}
