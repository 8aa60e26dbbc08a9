import { describe, expect, it } from "vitest";
import { sourceDateEpoch } from "../../src/commands/source-date-epoch.js";
import { UsageError } from "../../src/errors.js";
import { ROOT, runCli } from "../helpers.js";

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
    ["253402300799", 253_402_300_799], // 9999-12-31T23:59:59Z
  ])("%j is %s", (value, seconds) => {
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: value })).toBe(seconds);
  });

  it.each(["soon", "-1", "1.5", "1e9", "0x10"])("%s is not a whole number of seconds", (value) => {
    expect(failure(value)).toMatch(/must be a whole number of seconds/);
  });

  it.each(["253402300800", "8640000000000", "99999999999999", "123456789012345678901234567890"])(
    "%s is whole but too late, and the message says how late it may be",
    (value) => {
      expect(failure(value)).toBe(
        `SOURCE_DATE_EPOCH must be at most 253402300799 seconds (a date in the year 9999), not ${value}`,
      );
      expect(failure(value, "zh")).toMatch(/最大为 253402300799 秒（公元 9999 年）/);
    },
  );
});

describe("SOURCE_DATE_EPOCH past the year 9999, in every command that dates its output", () => {
  const file = "test/fixtures/province/zones/2026/suhe.yaml";
  const sets = "test/fixtures/report/sets";
  it.each([
    [["report", file, "--measures", sets, "--format", "json"]],
    [["aggregate", file, "--measures", sets, "--format", "json"]],
    [["diff", file, file, "--measures", sets]],
  ])("%j is a usage error, and the last second of 9999 is taken", (argv) => {
    const late = runCli(argv, { cwd: ROOT, env: { SOURCE_DATE_EPOCH: "253402300800" } });
    expect([late.status, late.stdout]).toEqual([2, ""]);
    expect(late.stderr).toContain("must be at most 253402300799 seconds");
    const last = runCli(argv, { cwd: ROOT, env: { SOURCE_DATE_EPOCH: "253402300799" } });
    expect(last.status, last.stderr).toBe(0);
    expect(last.stdout).toContain("9999-12-31");
  });
});
