/**
 * What a line typed at a prompt says, before it is saved. Pure.
 */
import { CONTROL_CHARACTER } from "../core/yaml-source.js";

/** A backspace or delete key's character (BS, DEL). */
const ERASE = /[\b\x7f]/;

/** Line breaks of Unicode that are no line feed: NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
const OTHER_BREAKS = /[\u0085\u2028\u2029]/g;

/**
 * A typed line as it is meant: each backspace left in it (BS or DEL: a terminal whose line
 * editor does not take them, TERM=dumb, passes them on) deletes the character before it, and the
 * control characters an answers file may not hold (CONTROL_CHARACTER: YAML refuses them) are
 * dropped, so nothing typed makes a file netdz itself would refuse. The line breaks that are no
 * line feed (NEL, U+2028, U+2029: a paste) are line feeds, as CR LF and CR are. Other text is
 * kept as typed.
 */
export function typedText(raw: string): string {
  const text = raw.replace(OTHER_BREAKS, "\n");
  if (!ERASE.test(text) && !CONTROL_CHARACTER.test(text)) return text;
  const kept: string[] = [];
  for (const ch of text) {
    if (ERASE.test(ch)) kept.pop();
    else if (!CONTROL_CHARACTER.test(ch)) kept.push(ch);
  }
  return kept.join("");
}
