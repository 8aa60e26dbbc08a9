/**
 * The one way a file's size, and a size limit, is put into words: in MB (1,048,576 bytes), the
 * unit every limit of netdz is a whole number of, with one decimal rounded to the nearest tenth
 * (`11.0 MB` for 11,534,793 bytes); a whole number of MB without one (`10 MB`).
 */
import type { Lang } from "../core/model.js";
import { fileMessages } from "../i18n/file-messages.js";

const MB_BYTES = 1024 * 1024;

/** The size in MB as a number of tenths, rounded to the nearest. */
function tenths(bytes: number): number {
  return Math.round((bytes / MB_BYTES) * 10);
}

/** A size in MB, in words: `11.0 MB`, `9.0 MB`, `10 MB`. */
export function sizeInWords(bytes: number, lang: Lang): string {
  const mb = bytes % MB_BYTES === 0 ? String(bytes / MB_BYTES) : (tenths(bytes) / 10).toFixed(1);
  return fileMessages(lang).sizeMb(mb);
}

/**
 * A size over a limit, and the limit, in words: both in MB (`11.0 MB`, `10 MB`), or, where one
 * decimal would not show the size to be more than the limit (10,485,761 bytes reads `10.0 MB`),
 * both in bytes (`10,485,761 bytes`, `10,485,760 bytes (10 MB)`).
 */
export function sizeOverLimit(
  bytes: number,
  limit: number,
  lang: Lang,
): { size: string; limit: string } {
  if (tenths(bytes) * (MB_BYTES / 10) > limit) {
    return { size: sizeInWords(bytes, lang), limit: sizeInWords(limit, lang) };
  }
  const m = fileMessages(lang);
  return {
    size: m.exactSize(bytes.toLocaleString("en-US")),
    limit: m.limitInBytes(limit.toLocaleString("en-US"), sizeInWords(limit, lang)),
  };
}
