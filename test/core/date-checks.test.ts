// isCalendarDate and isRealDateTime read dates by character (a roll-up checks every answer's
// date); these tests hold them to what the calendar and the answers schema's shape say.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCalendarDate, isRealDateTime } from "../../src/core/actions.js";

/** The days of each month, from the calendar, as a reference the checks are held to. */
function referenceCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, years 0–99 stay as they are
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function referenceDateTime(value: string): boolean {
  const shape =
    /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
  const parts = shape.exec(value);
  if (!parts) return true;
  const [, day = "", hour, minute, second = "0", offsetHour = "0", offsetMinute = "0"] = parts;
  return (
    referenceCalendarDate(day) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHour) <= 23 &&
    Number(offsetMinute) <= 59
  );
}

const digits = (n: number) =>
  fc.stringMatching(new RegExp(`^[0-9]{${n}}$`)).map((s) => s.slice(0, n));
/** Mostly well-shaped pieces, sometimes a wrong character, so both sides of each check are met. */
const piece = (n: number) =>
  fc.oneof(
    { weight: 6, arbitrary: digits(n) },
    { weight: 1, arbitrary: fc.string({ maxLength: n + 1 }) },
  );
const sep = (c: string) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(c) },
    { weight: 1, arbitrary: fc.constantFrom("", "x", " ", "/") },
  );
/** Two digits, mostly within `max` so that real months and days (and the days past them) come up. */
const upTo = (max: number) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0")) },
    { weight: 1, arbitrary: piece(2) },
  );
const date = fc
  .tuple(piece(4), sep("-"), upTo(13), sep("-"), upTo(32))
  .map((parts) => parts.join(""));
const dateTime = fc
  .tuple(
    date,
    sep("T"),
    piece(2),
    sep(":"),
    piece(2),
    fc.option(
      fc.tuple(
        sep(":"),
        piece(2),
        fc.option(fc.tuple(sep("."), fc.stringMatching(/^[0-9]{0,4}$/))),
      ),
    ),
    fc.oneof(
      fc.constantFrom("Z", "z", "", "+", "Z "),
      fc.tuple(fc.constantFrom("+", "-"), upTo(25), sep(":"), upTo(61)).map((p) => p.join("")),
    ),
  )
  .map(([d, t, h, c, m, s, zone]) => {
    const seconds = s === null ? "" : `${s[0]}${s[1]}${s[2] === null ? "" : s[2].join("")}`;
    return `${d}${t}${h}${c}${m}${seconds}${zone}`;
  });

describe("date checks", () => {
  it("a calendar date is one the calendar has", () => {
    fc.assert(
      fc.property(date, (value) => {
        expect(isCalendarDate(value)).toBe(referenceCalendarDate(value));
      }),
      { numRuns: 3000 },
    );
  });

  it("a date-time of the schema's shape names an instant that exists; another shape is the schema's", () => {
    fc.assert(
      fc.property(dateTime, (value) => {
        expect(isRealDateTime(value)).toBe(referenceDateTime(value));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["2024-02-29", true],
    ["2100-02-29", false],
    ["2000-02-29", true],
    ["0004-02-29", true],
    ["2026-04-31", false],
    ["2026-12-31", true],
    ["2026-00-10", false],
    ["2026-01-00", false],
    ["２０２６-01-01", false],
    ["2026-01-01 ", false],
  ])("%s is a calendar date: %s", (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it.each([
    ["2026-02-30T10:00:00Z", false],
    ["2026-02-28T24:00Z", false],
    ["2026-02-28T23:59:59.123+08:00", true],
    ["2026-02-28T23:60:00Z", false],
    ["2026-02-28T23:00:00+24:00", false],
    ["2026-02-28T23:00:00-05:60", false],
    ["2026-02-30", true], // not a date-time: the schema's to report
    ["2026-02-30T10:00:00", true],
  ])("%s names a real instant (or another shape): %s", (value, expected) => {
    expect(isRealDateTime(value)).toBe(expected);
  });
});
