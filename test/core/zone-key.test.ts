import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { dropSuperseded, supersedeAcrossVersions } from "../../src/core/aggregate.js";
import type { ChangesFile } from "../../src/core/model.js";
import {
  provinceKey,
  provinceSpellings,
  spellingsMatter,
  zoneKey,
  zoneNameKey,
} from "../../src/core/zone-key.js";
import { ROOT } from "../helpers.js";

const CHANGES_110 = parse(
  readFileSync(path.join(ROOT, "measures", "workplan-2025", "1.1.0", "changes.yaml"), "utf8"),
) as ChangesFile;
const spellings = provinceSpellings([CHANGES_110]);

describe("zoneNameKey", () => {
  it.each([
    ["zone two", "Zone Two"],
    ["zone two", "ZONE TWO"],
    ["zone two", "  zone \t\n two "],
    ["zone two", "ｚｏｎｅ　ｔｗｏ"], // full-width letters and an ideographic space
    ["Zone 2", "Ｚｏｎｅ ２"],
    ["苏州工业园区（一期）", "苏州工业园区(一期)"],
    ["Straße", "STRASSE"],
  ])("%j and %j are one name", (a, b) => {
    expect(zoneNameKey(a)).toBe(zoneNameKey(b));
  });

  it.each([
    ["zone one", "zone two"],
    ["苏州工业园区", "苏州高新区"],
  ])("%j and %j are not", (a, b) => {
    expect(zoneNameKey(a)).not.toBe(zoneNameKey(b));
  });
});

describe("provinceKey", () => {
  it.each([
    ["Zhejiang Province", "Zhejiang"],
    ["Zhejiang", "浙江省"],
    ["浙江", "zhejiang"],
    ["  ZHEJIANG  ", "浙江省"],
    ["Inner Mongolia AR", "inner-mongolia"],
    ["内蒙古自治区", "Inner Mongolia"],
    ["广西壮族自治区", "guangxi"],
    ["河南省", "henan"],
  ])("%j and %j are one province through the spellings of 1.1.0's changes.yaml", (a, b) => {
    expect(provinceKey(a, spellings)).toBe(provinceKey(b, spellings));
  });

  it.each([
    ["Shanxi", "Shaanxi"],
    ["山西省", "陕西省"],
    ["Jiangsu", "Jiangxi"],
  ])("%j and %j are not", (a, b) => {
    expect(provinceKey(a, spellings)).not.toBe(provinceKey(b, spellings));
  });

  it("matches spellings that differ only in case, spaces and suffixes without a map", () => {
    expect(provinceKey("Zhejiang Province")).toBe(provinceKey(" zhejiang "));
    expect(provinceKey("浙江省")).toBe(provinceKey("浙江"));
  });
});

describe("zoneKey", () => {
  it("is undefined for a zone without a name, which is never matched", () => {
    expect(zoneKey({ province: "Zhejiang" })).toBeUndefined();
    expect(zoneKey({ name: "  ", province: "Zhejiang" })).toBeUndefined();
  });

  it("tells when the spellings can make a difference", () => {
    expect(
      spellingsMatter([
        { name: "A", province: "浙江省" },
        { name: "a", province: "Zhejiang" },
      ]),
    ).toBe(true);
    expect(
      spellingsMatter([
        { name: "A", province: "浙江省" },
        { name: "a", province: "浙江" },
      ]),
    ).toBe(false);
    expect(
      spellingsMatter([
        { name: "A", province: "浙江省" },
        { name: "B", province: "Zhejiang" },
      ]),
    ).toBe(false);
  });
});

describe("the same zone twice", () => {
  const file = (name: string, province: string, at: number | null, file: string) => ({
    file,
    zone: { name, province },
    answeredAt: at,
  });

  it("matches names by case and width and provinces by spelling", () => {
    const { used, superseded } = dropSuperseded(
      [
        file("zone two", "Zhejiang Province", 1, "a.yaml"),
        file("Zone Two", "浙江省", 3, "b.yaml"),
        file("ｚｏｎｅ　ｔｗｏ", "zhejiang", 2, "c.yaml"),
        file("Zone Two", "Jiangsu", 1, "d.yaml"),
      ],
      spellings,
    );
    expect(used.map((z) => z.file)).toEqual(["b.yaml", "d.yaml"]);
    expect(superseded.map((s) => [s.file, s.by])).toEqual([
      ["a.yaml", "b.yaml"],
      ["c.yaml", "b.yaml"],
    ]);
  });

  it.each([
    ["the newest answeredAt wins over a newer version", 5, 4, "old.yaml"],
    ["on a tie of dates the newer version wins", 4, 4, "new.yaml"],
    ["undated, the newer version wins", null, null, "new.yaml"],
  ] as const)("%s", (_, oldAt, newAt, winner) => {
    const { superseded, files } = supersedeAcrossVersions([
      // The file path alone would pick old.yaml ("o" after "n").
      {
        pin: { file: "old.yaml", id: "s", version: "1.0.0" },
        zone: file("Z", "P", oldAt, "old.yaml"),
      },
      {
        pin: { file: "new.yaml", id: "s", version: "1.1.0" },
        zone: file("Z", "P", newAt, "new.yaml"),
      },
    ]);
    expect(superseded.map((s) => s.by)).toEqual([winner]);
    expect(files.has(winner)).toBe(false);
    expect(files.size).toBe(1);
  });

  it("never matches files of different set ids", () => {
    const { superseded } = supersedeAcrossVersions([
      { pin: { file: "a.yaml", id: "s", version: "1.0.0" }, zone: file("Z", "P", 1, "a.yaml") },
      { pin: { file: "b.yaml", id: "t", version: "1.0.0" }, zone: file("Z", "P", 2, "b.yaml") },
    ]);
    expect(superseded).toEqual([]);
  });

  it("a backup migrate keeps beside a file gives way to it (same date and version)", () => {
    const { superseded } = dropSuperseded([
      file("Z", "P", 1, "zones/old.yaml"),
      file("Z", "P", 1, "zones/old.1.0.0.yaml"),
    ]);
    expect(superseded.map((s) => [s.file, s.by])).toEqual([
      ["zones/old.1.0.0.yaml", "zones/old.yaml"],
    ]);
  });
});
