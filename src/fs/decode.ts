/**
 * Strict UTF-8 decoding of the bytes of a file. A file that is not UTF-8 is never turned into
 * text with U+FFFD in it: it gets one located problem naming the encoding it most likely is (a
 * GBK/GB18030 file from a Chinese Windows tool, UTF-16 from Notepad) and how to convert it.
 */
import type { Diagnostic, Lang } from "../core/model.js";
import { fileMessages } from "../i18n/file-messages.js";
import { shellPath } from "../prompts/shell.js";

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export type Decoded = { ok: true; text: string } | { ok: false; offset: number };

/** Decodes UTF-8 strictly; a leading byte-order mark is dropped. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    return { ok: false, offset: firstInvalidUtf8(bytes) };
  }
}

/**
 * The length of the well-formed UTF-8 sequence at `i` (1 for ASCII); 0 when the byte there starts
 * none; -1 when the bytes there begin a sequence correctly but the data ends before it does.
 */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  let need: number;
  let min = 0x80;
  let max = 0xbf;
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) min = 0xa0;
    if (b === 0xed) max = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) min = 0x90;
    if (b === 0xf4) max = 0x8f;
  } else return 0;
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    if (c === undefined) return -1;
    const lo = k === 1 ? min : 0x80;
    const hi = k === 1 ? max : 0xbf;
    if (c < lo || c > hi) return 0;
  }
  return need + 1;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceAt(bytes, i);
    if (length <= 0) return i;
    i += length;
  }
  return bytes.length;
}

/**
 * How UTF-8 bytes are damaged: the well-formed multi-byte characters, the places where bytes
 * are not UTF-8 (a run of bad bytes is one place), and whether a character is cut off at the end.
 */
export function utf8Damage(bytes: Uint8Array): {
  multiByte: number;
  bad: number;
  cutAtEnd: boolean;
} {
  let multiByte = 0;
  let bad = 0;
  let inBadRun = false;
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceAt(bytes, i);
    if (length === -1) return { multiByte, bad: bad + (inBadRun ? 0 : 1), cutAtEnd: true };
    if (length === 0) {
      if (!inBadRun) bad++;
      inBadRun = true;
      i++;
      continue;
    }
    inBadRun = false;
    if (length > 1) multiByte++;
    i += length;
  }
  return { multiByte, bad, cutAtEnd: false };
}

/**
 * Whether bytes that are not UTF-8 are UTF-8 all the same, damaged at a few places: a character
 * cut off at the end (a truncated file) and nothing else wrong, or well-formed multi-byte
 * characters far outnumbering the bad places. Text in GBK/GB18030 is mostly bad places: only by
 * chance does one of its characters also read as UTF-8.
 */
function isDamagedUtf8(bytes: Uint8Array): boolean {
  const { multiByte, bad, cutAtEnd } = utf8Damage(bytes);
  if (bad === 0) return false;
  if (cutAtEnd && bad === 1) return true;
  return multiByte >= DAMAGED_UTF8_RATIO * bad;
}

/** Well-formed multi-byte characters per bad place above which a file is damaged UTF-8. */
const DAMAGED_UTF8_RATIO = 4;

/** What `guessEncoding` returns for UTF-8 damaged at a few places (see `isDamagedUtf8`). */
export const DAMAGED_UTF8 = "UTF-8";

/** The encoding a not-UTF-8 file most likely uses, as iconv names it; undefined when unknown. */
export function guessEncoding(bytes: Uint8Array): string | undefined {
  const wide = wideEncoding(bytes);
  if (wide !== undefined) return wide;
  if (isDamagedUtf8(bytes)) return DAMAGED_UTF8;
  try {
    new TextDecoder("gb18030", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  return plausiblyChinese(bytes) ? "GB18030" : undefined;
}

/**
 * UTF-32 or UTF-16 without a byte-order mark, told by where its zero bytes are: text in them is
 * mostly ASCII or CJK, so in UTF-32 LE the last two bytes of every four are zero (BE: the first
 * two), and in UTF-16 LE the odd bytes of ASCII (BE: the even ones). UTF-8 text has no zero bytes.
 */
function wideByZeros(bytes: Uint8Array): string | undefined {
  const sample = bytes.subarray(0, 4096);
  // No zero byte at all (any UTF-8 text): none of the shapes below can match; a native search.
  if (sample.indexOf(0) === -1) return undefined;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < sample.length; i++)
    if (sample[i] === 0) zeros[i % 4] = (zeros[i % 4] ?? 0) + 1;
  const [z0, z1, z2, z3] = zeros as [number, number, number, number];
  const quads = Math.floor(sample.length / 4);
  if (quads > 0 && z3 > quads * 0.9 && z2 > quads / 2 && z0 < quads / 8) return "UTF-32LE";
  if (quads > 0 && z0 > quads * 0.9 && z1 > quads / 2 && z3 < quads / 8) return "UTF-32BE";
  const evenZeros = z0 + z2;
  const oddZeros = z1 + z3;
  const pairs = Math.floor(sample.length / 2);
  if (pairs > 0 && oddZeros > pairs / 4 && evenZeros < oddZeros / 8) return "UTF-16LE";
  if (pairs > 0 && evenZeros > pairs / 4 && oddZeros < evenZeros / 8) return "UTF-16BE";
  return undefined;
}

/**
 * The one test of whether a file's bytes are UTF-8 text, used by every reader and every writer:
 * strictly valid UTF-8 (a leading byte-order mark is dropped), and not UTF-16 or UTF-32 that
 * holds only ASCII (valid UTF-8 byte for byte, with zero bytes between the letters). Not UTF-8:
 * the offset of the first byte that is not (0 for UTF-16/UTF-32).
 */
export function utf8Text(bytes: Uint8Array): Decoded {
  if (wideEncoding(bytes) !== undefined) return { ok: false, offset: 0 };
  return decodeUtf8(bytes);
}

/**
 * UTF-16 or UTF-32, by its byte-order mark or its zero bytes; undefined otherwise. The first
 * steps of `guessEncoding`, and the only ones that can name these encodings: every reader asks
 * this of every file, so it never pays for the scans that tell damaged UTF-8 and GB18030 apart.
 */
export function wideEncoding(bytes: Uint8Array): string | undefined {
  // UTF-32 first: its little-endian byte-order mark starts as UTF-16's does.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return "UTF-32LE";
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return "UTF-32BE";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16LE";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16BE";
  return wideByZeros(bytes);
}

/**
 * Whether bytes that decode as GB18030 are plausibly Chinese text: most of their two-byte
 * characters lie in the GB2312 area (lead and trail byte A1–FE: the common hanzi and Chinese
 * punctuation). Shift-JIS, Latin-1 or random bytes also decode, but mostly outside it.
 */
function plausiblyChinese(bytes: Uint8Array): boolean {
  let common = 0;
  let other = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] as number;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1] ?? 0;
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) common++;
    else other++;
    // A four-byte GB18030 sequence has a digit as its second byte.
    i += trail >= 0x30 && trail <= 0x39 ? 3 : 1;
  }
  return common > 0 && common >= 4 * other;
}

/** The encoding's name as people know it. */
function encodingLabel(encoding: string | undefined): string | undefined {
  if (encoding === "GB18030") return "GB18030/GBK";
  if (encoding === "UTF-16LE") return "UTF-16 LE";
  if (encoding === "UTF-16BE") return "UTF-16 BE";
  if (encoding === "UTF-32LE") return "UTF-32 LE";
  if (encoding === "UTF-32BE") return "UTF-32 BE";
  return encoding;
}

/** Decodes a file's bytes in the encoding guessed for it (to read a `format:` line); or undefined. */
export function decodeAsGuessed(bytes: Uint8Array): string | undefined {
  const encoding = guessEncoding(bytes);
  if (encoding === undefined) return undefined;
  if (encoding.startsWith("UTF-32")) return decodeUtf32(bytes, encoding === "UTF-32LE");
  try {
    return new TextDecoder(encoding.toLowerCase(), { fatal: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-32 to text (TextDecoder has no UTF-32); a unit that is no code point becomes U+FFFD. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = "";
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const unit = view.getUint32(i, littleEndian);
    const valid = unit <= 0x10ffff && (unit < 0xd800 || unit > 0xdfff);
    text += valid ? String.fromCodePoint(unit) : "\uFFFD";
  }
  return text.replace(/^\uFEFF/, "");
}

/** The one problem for a file that is not UTF-8, at the line and column of its first bad byte. */
export function notUtf8Diagnostic(
  shown: string,
  bytes: Uint8Array,
  offset: number,
  lang: Lang = "en",
): Diagnostic {
  const encoding = guessEncoding(bytes);
  const prefix = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
  const lines = prefix.split("\n");
  const last = lines.at(-1) ?? "";
  const column = last.replace(/^\uFEFF/, "").length + 1;
  const quoted = shellPath(shown);
  const into = shellPath(`${shown}.utf8`);
  const m = fileMessages(lang);
  // Damaged UTF-8 is not converted from anything: `iconv -c` drops the bytes that are not UTF-8.
  const message =
    encoding === DAMAGED_UTF8
      ? m.damagedUtf8(utf8Damage(bytes).bad, `iconv -c -f UTF-8 -t UTF-8 ${quoted} > ${into}`)
      : m.notUtf8(
          encodingLabel(encoding),
          `iconv -f ${encoding ?? "ENCODING"} -t UTF-8 ${quoted} > ${into}`,
        );
  return {
    file: shown,
    line: lines.length,
    column,
    severity: "error",
    code: "file/not-utf8",
    message,
  };
}

/** Whether bytes are not UTF-8 text (by `utf8Text`), and the encoding they most likely are. */
export function notUtf8Encoding(bytes: Uint8Array): { encoding: string | undefined } | undefined {
  if (utf8Text(bytes).ok) return undefined;
  return { encoding: encodingLabel(guessEncoding(bytes)) };
}
