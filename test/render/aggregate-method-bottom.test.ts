import { describe, expect, it } from "vitest";
import { aggregateMessages } from "../../src/i18n/aggregate-messages.js";

/** The method's sentence about the bottom zones of each region, for `--bottom N`. */
const bottomLine = (lang: "en" | "zh", bottom: number) =>
  aggregateMessages(lang)
    .method("80%", bottom)
    .find((line) => line.includes("--bottom") || /lowest-ranked|排名最后|排名靠后/.test(line));

describe("the method says how many bottom zones are listed, in words that fit the number", () => {
  it.each([
    [1, "The lowest-ranked zone of each region is listed with its three largest gaps"],
    [2, "The lowest-ranked 2 zones of each region are listed with their three largest gaps"],
    [5, "The lowest-ranked 5 zones of each region are listed with their three largest gaps"],
    [0, "No lowest-ranked zones are listed (--bottom 0)."],
  ])("--bottom %i (en)", (bottom, expected) => {
    expect(bottomLine("en", bottom)).toContain(expected);
  });

  it("--bottom 0 (zh) lists none, and says so", () => {
    expect(bottomLine("zh", 0)).toContain("未列出各区域排名靠后的开发区（--bottom 0）");
    expect(bottomLine("zh", 0)).not.toContain("最后的 0 个");
    expect(bottomLine("zh", 3)).toContain("列出各区域排名最后的 3 个开发区");
  });
});

describe("the bottom zones' introduction fits the number listed", () => {
  it("--bottom 1 speaks of one zone", () => {
    const m = aggregateMessages("en");
    expect(m.bottomIntro(1)).toBe(
      "The lowest-ranked zone of each region, with its three largest gaps (points of the overall score lost); zones tied with it in region rank are listed too.",
    );
    expect(m.method("80%", 1).join(" ")).toContain("(zones tied with it in region rank too");
    expect(m.bottomIntro(3)).toContain("The 3 lowest-ranked zones of each region, with their");
  });
});
