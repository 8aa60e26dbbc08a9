import { describe, expect, it } from "vitest";
import { filterChoices, type ListItem } from "../../src/prompts/ask.js";

const LIST: ListItem<string>[] = [
  { value: "option:jiangsu", name: "江苏省", keywords: "Jiangsu 江苏省" },
  { value: "option:jiangxi", name: "江西省", keywords: "Jiangxi 江西省" },
  {
    value: "option:inner-mongolia",
    name: "Inner Mongolia",
    keywords: "Inner Mongolia 内蒙古自治区",
  },
  { separator: "──" },
  { value: "skip", name: "Skip for now" },
];

describe("filterChoices", () => {
  it("keeps every entry, separators too, when nothing is typed", () => {
    expect(filterChoices(LIST, undefined)).toEqual(LIST);
    expect(filterChoices(LIST, "  ")).toEqual(LIST);
  });

  it("matches the name, the value and the keywords, ignoring case, width and spaces", () => {
    const values = (term: string) =>
      filterChoices(LIST, term).map((c) => ("value" in c ? c.value : "—"));
    expect(values("JIANG")).toEqual(["option:jiangsu", "option:jiangxi"]);
    expect(values("江西")).toEqual(["option:jiangxi"]);
    expect(values("innermongolia")).toEqual(["option:inner-mongolia"]);
    expect(values("ｓｋｉｐ")).toEqual(["skip"]);
    expect(values("内蒙古")).toEqual(["option:inner-mongolia"]);
    expect(values("nowhere")).toEqual([]);
  });
});
