import { describe, expect, it } from "vitest";
import { diffAssessments, zoneMatch, type DiffSide } from "../../src/core/diff.js";
import type { AnswersFile, Zone } from "../../src/core/model.js";
import { scoreAssessment } from "../../src/core/score.js";
import { renderDiffMarkdown } from "../../src/render/diff-markdown.js";
import { loadDemoSet } from "../render/report-fixtures.js";

const set = loadDemoSet();

function side(file: string, zone: Zone): DiffSide {
  const data: AnswersFile = {
    format: "netdz-answers/1",
    measureSet: { id: set.id, version: set.version },
    zone,
    answers: {},
  };
  return { file, answers: data, assessment: scoreAssessment(set, data) };
}

describe("zoneMatch: whether two files of a diff are one zone", () => {
  it.each<[string, Zone, Zone, boolean, boolean | null]>([
    [
      "the same key",
      { name: "Suhe", province: "Jiangsu" },
      { name: " suhe ", province: "Jiangsu Province" },
      false,
      true,
    ],
    [
      "other names",
      { name: "Suhe", province: "Jiangsu" },
      { name: "Helan", province: "Jiangsu" },
      false,
      false,
    ],
    [
      "other provinces",
      { name: "Suhe", province: "Jiangsu" },
      { name: "Suhe", province: "Zhejiang" },
      false,
      false,
    ],
    [
      "the old zone has no name",
      { province: "Jiangsu" },
      { name: "Suhe", province: "Jiangsu" },
      false,
      null,
    ],
    ["the new zone's name is blank", { name: "Suhe" }, { name: "   " }, false, null],
    ["neither has a name", {}, {}, false, null],
    ["one file compared with itself, no name", {}, {}, true, true],
  ])("%s", (_name, a, b, sameFile, expected) => {
    expect(zoneMatch(a, b, { sameFile })).toBe(expected);
  });
});

describe("the diff header of zones without a name", () => {
  it.each([
    ["en", "- **Old**: a.yaml — —", "cannot be told", "two different zones"],
    ["zh", "- **原评估**：a.yaml — —", "无法判断", "两个不同的开发区"],
  ] as const)(
    "shows — for the name and says the zone cannot be told (%s)",
    (lang, line, unknown, different) => {
      const diff = diffAssessments(side("a.yaml", {}), side("b.yaml", { name: "Suhe" }));
      expect(diff.sameZone).toBeNull();
      const md = renderDiffMarkdown(diff, set, { lang });
      expect(md.split("\n")).toContain(line);
      expect(md).toContain(unknown);
      expect(md).not.toContain(different);
    },
  );

  it("says nothing of the zone for one file compared with itself", () => {
    const diff = diffAssessments(side("a.yaml", {}), side("a.yaml", {}), undefined, true);
    expect(diff.sameZone).toBe(true);
    const md = renderDiffMarkdown(diff, set, { lang: "en" });
    expect(md).not.toMatch(/cannot be told|different zones/);
  });
});
