import { describe, expect, it } from "vitest";
import { sourceDateEpoch } from "../../src/commands/source-date-epoch.js";
import { UsageError } from "../../src/errors.js";

const failure = (value: string, lang: "en" | "zh" = "en"): string => {
  try {
    sourceDateEpoch({ SOURCE_DATE_EPOCH: value }, lang);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`${value} was accepted`);
};

describe("SOURCE_DATE_EPOCH", () => {
  it.each([
    ["", undefined],
    ["  ", undefined],
    ["0", 0],
    ["1767225600", 1_767_225_600],
    ["8640000000000", 8_640_000_000_000],
  ])("%j is %s", (value, seconds) => {
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: value })).toBe(seconds);
  });

  it.each(["soon", "-1", "1.5", "1e9", "0x10"])("%s is not a whole number of seconds", (value) => {
    expect(failure(value)).toMatch(/must be a whole number of seconds/);
  });

  it.each(["8640000000001", "99999999999999", "123456789012345678901234567890"])(
    "%s is whole but too late, and the message says how late it may be",
    (value) => {
      expect(failure(value)).toBe(
        `SOURCE_DATE_EPOCH must be at most 8640000000000 seconds (a date in the year 275760), not ${value}`,
      );
      expect(failure(value, "zh")).toMatch(/最大为 8640000000000 秒/);
    },
  );
});
