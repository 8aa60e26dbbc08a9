/**
 * What a line typed at a prompt says, before it is saved. Pure.
 */
import { CONTROL_CHARACTER } from "../core/yaml-source.js";

/** A backspace or delete key's character (BS, DEL). */
const ERASE = /[\b\x7f]/;

/**
 * A typed line as it is meant: each backspace left in it (BS or DEL: a terminal whose line
 * editor does not take them, TERM=dumb, passes them on) deletes the character before it, and the
 * control characters an answers file may not hold (CONTROL_CHARACTER: YAML refuses them) are
 * dropped, so nothing typed makes a file netdz itself would refuse. Other text is kept as typed.
 */
export function typedText(raw: string): string {
  if (!ERASE.test(raw) && !CONTROL_CHARACTER.test(raw)) return raw;
  const kept: string[] = [];
  for (const ch of raw) {
    if (ERASE.test(ch)) kept.pop();
    else if (!CONTROL_CHARACTER.test(ch)) kept.push(ch);
  }
  return kept.join("");
}
