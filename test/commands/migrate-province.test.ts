import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrate } from "../../src/commands/migrate.js";
import { captureIo, tempDir } from "../helpers.js";

// prettier-ignore
const spellings: [string, string | undefined][] = [
  ["Hainan Sheng", "hainan"],
  ["Beijing Shi", "beijing"],
  ["beijing  municipality", "beijing"],
  ["Guangxi Zhuang", "guangxi"],
  ["Guangxi Zhuang Autonomous Region", "guangxi"],
  ["Ningxia Hui", "ningxia"],
  ["Xinjiang Uygur", "xinjiang"],
  ["Inner Mongolia AR", "inner-mongolia"],
  ["Tibet Autonomous Region", "tibet"],
  ["Xizang", "tibet"],
  ["Xizang Zizhiqu", "tibet"],
  ["JIANGSU PROVINCE", "jiangsu"],
  ["Anhui", "anhui"],
  ["Anhui Sheng", "anhui"],
  ["Hong Kong", undefined],
  ["Macau SAR", undefined],
  ["Taiwan Province", undefined],
];

describe("migrating the province of 1.0.0 onto the list of 1.1.0", () => {
  it.each(spellings)("%s → %s", async (spelling, id) => {
    const dir = tempDir();
    const file = path.join(dir, "a.yaml");
    writeFileSync(
      file,
      `format: netdz-answers/1\nmeasureSet: { id: workplan-2025, version: 1.0.0 }\nzone:\n  province: "${spelling}"\nanswers: {}\n`,
    );
    const io = captureIo(dir);
    await migrate({ answers: "a.yaml", lang: "en", to: "1.1.0", dryRun: true }, io);
    if (id === undefined) {
      expect(io.out()).toContain(`zone.province: "${spelling}" cleared (not a known value)`);
    } else {
      expect(io.out()).toContain(`zone.province: "${spelling}" → ${id} (1.1.0)`);
    }
  });
});

describe("the region of a province that could not be carried over", () => {
  it("says the region follows from a province to be asked again, not that it differs", async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, "a.yaml"),
      `format: netdz-answers/1\nmeasureSet: { id: workplan-2025, version: 1.0.0 }\nzone:\n  province: Hong Kong\n  region: eastern\nanswers: {}\n`,
    );
    for (const [lang, words] of [
      [
        "en",
        'zone.region: "eastern" removed, it now follows from another field, which is to be asked again',
      ],
      ["zh", "该项现由其他字段确定，而该字段已清空、将重新询问"],
    ] as const) {
      const io = captureIo(dir);
      await migrate({ answers: "a.yaml", lang, to: "1.1.0", dryRun: true }, io);
      expect(io.out()).toContain(words);
      expect(io.out()).not.toContain("differs from it");
    }
  });
});

describe("a region equal to the one its province gives", () => {
  it("is dropped with a line in the account, and its comments move to the province", async () => {
    const dir = tempDir();
    const file = path.join(dir, "a.yaml");
    writeFileSync(
      file,
      `format: netdz-answers/1\nmeasureSet: { id: workplan-2025, version: 1.0.0 }\nzone:\n  province: Jiangsu # from the charter\n  # checked with the bureau\n  region: eastern # as the NBS groups it\nanswers: {}\n`,
    );
    for (const [lang, words] of [
      ["en", 'zone.region: "eastern" removed, it now follows from zone.province (the same value)'],
      ["zh", "zone.region：“eastern”已移除，该项现由 zone.province 确定（取值相同）"],
    ] as const) {
      const io = captureIo(dir);
      await migrate({ answers: "a.yaml", lang, to: "1.1.0", dryRun: true }, io);
      expect(io.out()).toContain(words);
    }
    await migrate({ answers: "a.yaml", lang: "en", to: "1.1.0" }, captureIo(dir));
    const text = readFileSync(file, "utf8");
    expect(text).not.toMatch(/^\s*region:/m);
    for (const comment of ["from the charter", "checked with the bureau", "as the NBS groups it"]) {
      expect(text).toContain(comment);
    }
  });
});
