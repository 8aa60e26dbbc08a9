/**
 * Fixed dates for the documents that carry one (Word .docx, Excel .xlsx, PDF), so the same input
 * gives the same bytes whatever the clock and the time zone. A document is dated with its report
 * date at 00:00 UTC; an undated one (no answer carries `answeredAt` and `SOURCE_DATE_EPOCH` is not set)
 * with 1980-01-01T00:00:00Z, the earliest instant a zip entry can hold. Pure.
 */
import { unzipSync, zipSync, type Zippable } from "fflate";

/** The instant an undated document carries: 1980-01-01T00:00:00Z. */
export const UNDATED_TIME = Date.UTC(1980, 0, 1);

/** The latest instant a zip entry can hold (DOS dates end with 2107; fflate stops at 2099). */
const LATEST_ZIP_TIME = Date.UTC(2099, 11, 31, 23, 59, 58);

/** The instant a document is dated: its date (YYYY-MM-DD) at 00:00 UTC, or UNDATED_TIME. */
export function documentTime(date: string | undefined): Date {
  const parsed = date === undefined ? Number.NaN : Date.parse(`${date}T00:00:00Z`);
  return new Date(Number.isFinite(parsed) ? parsed : UNDATED_TIME);
}

/**
 * The same zip with every entry dated `time`. Zip entry times carry no time zone and are written
 * from the local clock fields, so the UTC fields of `time` are passed as local ones (the bytes
 * do not depend on `TZ`), clamped to the range a zip entry holds.
 */
export function withEntryTimes(
  zip: Uint8Array,
  time: Date,
  /** Rewrites an entry's bytes on the way (the Word report's line breaks). */
  transform: (name: string, data: Uint8Array) => Uint8Array = (_name, data) => data,
): Uint8Array {
  const utc = new Date(Math.min(LATEST_ZIP_TIME, Math.max(UNDATED_TIME, time.getTime())));
  const local = new Date(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
  );
  const entries = unzipSync(zip);
  const dated: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    dated[name] = [transform(name, data), { mtime: local }];
  }
  return zipSync(dated, { level: 6 });
}
