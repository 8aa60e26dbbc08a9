import { describe, expect, it } from "vitest";
import { supersedeAcrossVersions, type SupersededBy } from "../../src/core/aggregate.js";
import { aggregateMessages } from "../../src/i18n/aggregate-messages.js";

const ZONE = { name: "Suhe ETDZ", province: "Jiangsu" };

/** Two files of one zone: the loser and the winner, with their dates and set versions. */
function pair(
  loser: { file: string; at: number | null; version: string },
  winner: { file: string; at: number | null; version: string },
) {
  return [loser, winner].map((f) => ({
    pin: { file: f.file, id: "workplan-2025", version: f.version },
    zone: { file: f.file, zone: ZONE, answeredAt: f.at },
  }));
}

describe("a superseded file says which step of the rule decided", () => {
  it.each<[string, ReturnType<typeof pair>, SupersededBy, boolean]>([
    [
      "the newer answeredAt",
      pair(
        { file: "z.yaml", at: 1, version: "1.1.0" },
        { file: "a.yaml", at: 2, version: "1.0.0" },
      ),
      "answered-later",
      true,
    ],
    [
      "the same answeredAt: the newer set version",
      pair(
        { file: "z.yaml", at: 5, version: "1.0.0" },
        { file: "a.yaml", at: 5, version: "1.1.0" },
      ),
      "newer-version",
      true,
    ],
    [
      "neither dated: the newer set version",
      pair(
        { file: "z.yaml", at: null, version: "1.0.0" },
        { file: "a.yaml", at: null, version: "1.1.0" },
      ),
      "newer-version",
      false,
    ],
    [
      "the same answeredAt and version: the later path",
      pair(
        { file: "a.yaml", at: 5, version: "1.0.0" },
        { file: "z.yaml", at: 5, version: "1.0.0" },
      ),
      "later-path",
      true,
    ],
  ])("%s", (_name, files, why, dated) => {
    const { superseded } = supersedeAcrossVersions(files);
    expect(superseded).toHaveLength(1);
    expect(superseded[0]).toMatchObject({
      file: files[0]!.pin.file,
      by: files[1]!.pin.file,
      why,
      dated,
    });
  });

  it.each([
    ["en", "answered-later", true, "superseded by z.yaml, answered later for the same zone"],
    [
      "en",
      "newer-version",
      true,
      "superseded by z.yaml for the same zone: the same answeredAt, and z.yaml has the newer set version",
    ],
    [
      "en",
      "newer-version",
      false,
      "superseded by z.yaml for the same zone: neither file dated, and z.yaml has the newer set version",
    ],
    [
      "en",
      "later-path",
      true,
      "superseded by z.yaml for the same zone: the same answeredAt and the same set version, and z.yaml is the later file path",
    ],
    ["zh", "answered-later", true, "已被 z.yaml 取代（同一开发区更晚的填报）"],
    [
      "zh",
      "newer-version",
      true,
      "已被 z.yaml 取代（同一开发区；answeredAt 相同，z.yaml 的评估清单版本更新）",
    ],
    [
      "zh",
      "later-path",
      false,
      "已被 z.yaml 取代（同一开发区；两个文件均未注明 answeredAt，且评估清单版本相同，z.yaml 的文件路径排序在后）",
    ],
  ] as const)("%s %s (dated: %s)", (lang, why, dated, said) => {
    expect(aggregateMessages(lang).reasons.superseded("z.yaml", why, dated)).toBe(said);
  });

  it.each(["en", "zh"] as const)("the method (%s) names every step the reason can give", (lang) => {
    const method = aggregateMessages(lang).method("80%", 5).join("\n");
    expect(method).toContain("NFKC");
    expect(method).toContain("changes.yaml");
    expect(method).toContain("answeredAt");
    expect(method).not.toMatch(/ignoring extra spaces|忽略多余空格/);
    if (lang === "en") {
      expect(method).toContain("the newer set version");
      expect(method).toContain("the later file path");
    } else {
      expect(method).toContain("评估清单版本更新");
      expect(method).toContain("文件路径排序在后");
    }
  });
});
