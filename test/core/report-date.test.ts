import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnswersFile } from "../../src/core/model.js";
import { reportDate } from "../../src/core/score.js";

/** YYYY-MM-DD of an instant as Intl puts it, in a zone or the machine's. */
function intlDate(milliseconds: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    timeZone,
  }).formatToParts(milliseconds);
  const pick = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${pick("year").padStart(4, "0")}-${pick("month")}-${pick("day")}`;
}

function answeredAt(milliseconds: number): AnswersFile {
  return {
    answers: { "M01.Q1": { status: "planned", answeredAt: new Date(milliseconds).toISOString() } },
  } as unknown as AnswersFile;
}

describe("reportDate (the calendar day, with and without Intl)", () => {
  it("is the day Intl gives, in UTC, in the machine's zone and in a named zone", () => {
    // Years 0100–9999 and both sides of the fast path's range (1000–9999).
    const instant = fc.integer({ min: Date.UTC(100, 0, 1), max: Date.UTC(9999, 11, 31) });
    fc.assert(
      fc.property(
        instant,
        fc.constantFrom(undefined, "", "UTC", "Etc/UTC", "Asia/Shanghai"),
        (ms, zone) => {
          const wanted = intlDate(ms, zone || undefined);
          return reportDate(answeredAt(ms), undefined, zone) === wanted;
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("dates SOURCE_DATE_EPOCH in UTC", () => {
    const epoch = Date.UTC(2026, 0, 2, 23, 30) / 1000;
    expect(reportDate(answeredAt(0), epoch, "Asia/Shanghai")).toBe("2026-01-02");
  });
});
