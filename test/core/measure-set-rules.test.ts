import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSetFolder } from "../../src/fs/measure-sets.js";
import { copyMiniSet, editFile, positionIn } from "../helpers.js";

interface Case {
  name: string;
  file: string;
  from: string | RegExp;
  to: string;
  code: string;
  /** Text whose first character the diagnostic must point at (after the edit). */
  at: string;
  nth?: number;
}

// prettier-ignore
const cases: Case[] = [
  { name: "duplicate measure id", file: "m02-second.yaml", from: "id: M02\n", to: "id: M01\n", code: "set/duplicate-id", at: "M01" },
  { name: "duplicate question id", file: "m02-second.yaml", from: "- id: M02.Q2", to: "- id: M02.Q1", code: "set/duplicate-id", at: "M02.Q1", nth: 2 },
  { name: "question id without its measure prefix", file: "m01-first.yaml", from: "- id: M01.Q3", to: "- id: M09.Q3", code: "set/question-prefix", at: "M09.Q3" },
  { name: "area that does not exist", file: "m02-second.yaml", from: "area: beta", to: "area: gamma", code: "set/unknown-area", at: "gamma" },
  { name: "question weight of 0", file: "m01-first.yaml", from: "weight: 2", to: "weight: 0", code: "set/weight", at: "0\n" },
  { name: "negative measure weight", file: "m02-second.yaml", from: /^weight: 1$/m, to: "weight: -1", code: "set/weight", at: "-1" },
  { name: "area weight of 0", file: "set.yaml", from: "    weight: 1\n  - id: beta", to: "    weight: 0\n  - id: beta", code: "set/weight", at: "0\n  - id: beta" },
  { name: "measure numbers with a gap", file: "m02-second.yaml", from: "number: 2", to: "number: 3", code: "set/numbering", at: "3\n" },
  { name: "version unlike its folder", file: "set.yaml", from: "version: 1.0.0", to: "version: 1.0.1", code: "set/version-folder", at: "1.0.1" },
  { name: "English without Chinese", file: "m01-first.yaml", from: "      zh: 是否已完成？\n", to: "", code: "set/missing-translation", at: "text:\n      en: Is it done?" },
  { name: "Chinese without English", file: "m02-second.yaml", from: "      en: A written plan.\n", to: "", code: "set/missing-translation", at: "guidance:\n      zh: 书面方案。" },
  { name: "blank Chinese text", file: "m02-second.yaml", from: "zh: 书面方案。", to: 'zh: " "', code: "set/missing-translation", at: '" "' },
  { name: "appliesWhen on an unknown profile field", file: "m02-second.yaml", from: "hub: [true]", to: "hubb: [true]", code: "set/applies-when-field", at: "hubb" },
  { name: "appliesWhen with a non-boolean yes/no value", file: "m02-second.yaml", from: "hub: [true]", to: "hub: [maybe]", code: "set/applies-when-value", at: "maybe" },
  { name: "appliesWhen with an unknown option", file: "m02-second.yaml", from: "hub: [true]", to: "region: [southern]", code: "set/applies-when-value", at: "southern" },
  { name: "duplicate option id", file: "m01-first.yaml", from: "- id: full", to: "- id: none", code: "set/duplicate-option", at: "none", nth: 2 },
  { name: "option score above 1", file: "m01-first.yaml", from: "score: 1\n", to: "score: 1.5\n", code: "set/option-score", at: "1.5" },
  { name: "option score below 0", file: "m02-second.yaml", from: "score: 0.5", to: "score: -0.5", code: "set/option-score", at: "-0.5" },
  { name: "number question with target 0", file: "m01-first.yaml", from: "target: 10", to: "target: 0", code: "set/number-target", at: "0\n    direction" },
  { name: "duplicate area id", file: "set.yaml", from: "  - id: beta", to: "  - id: alpha", code: "set/duplicate-id", at: "alpha", nth: 2 },
  { name: "duplicate profile field", file: "set.yaml", from: "  - id: hub", to: "  - id: region", code: "set/duplicate-id", at: "region", nth: 2 },
];

describe("semantic rules of a measure set", () => {
  it("accepts the valid fixture set", async () => {
    const { setDir } = copyMiniSet();
    const loaded = await loadSetFolder(setDir, path.dirname(setDir));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.set?.measures.map((m) => m.id)).toEqual(["M01", "M02"]);
  });

  it.each(cases)("reports $name as $code at the offending value", async (c) => {
    const { setDir } = copyMiniSet();
    const file = path.join(setDir, c.file);
    editFile(file, c.from, c.to);
    const loaded = await loadSetFolder(setDir, setDir);
    const expected = positionIn(file, c.at, c.nth);
    expect(loaded.set).toBeUndefined();
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({ file: c.file, code: c.code, severity: "error", ...expected }),
    );
  });
});

describe("YAML and schema problems", () => {
  // prettier-ignore
  const schemaCases: Case[] = [
    { name: "a duplicate key", file: "m01-first.yaml", from: "weight: 1\nquestions:", to: "weight: 1\nweight: 2\nquestions:", code: "yaml/duplicate-key", at: "weight: 2" },
    { name: "broken YAML syntax", file: "m02-second.yaml", from: "  en: Second measure\n  zh:", to: "  en: Second measure\n zh:", code: "yaml/syntax", at: " zh: 第二项举措" },
    { name: "an unknown property (typo)", file: "m01-first.yaml", from: "    weight: 2\n", to: "    weight: 2\n    wieght: 3\n", code: "schema/unknown-property", at: "wieght" },
    { name: "a wrong type", file: "m02-second.yaml", from: /^number: 2$/m, to: "number: two", code: "schema/type", at: "two" },
    { name: "a bad enum value", file: "m02-second.yaml", from: "type: yesno", to: "type: yes-no", code: "schema/enum", at: "yes-no" },
    { name: "a missing required property", file: "m02-second.yaml", from: "    guidance:\n      en: A written plan.\n      zh: 书面方案。\n", to: "", code: "schema/required", at: "id: M02.Q1" },
    { name: "unit on a non-number question", file: "m02-second.yaml", from: "    weight: 1\n    appliesWhen:", to: "    weight: 1\n    unit: { en: x, zh: x }\n    appliesWhen:", code: "schema/not-allowed", at: "unit" },
    { name: "a number question without target", file: "m01-first.yaml", from: "    target: 10\n", to: "", code: "schema/required", at: "id: M01.Q2" },
    { name: "a mapping missing a required key", file: "set.yaml", from: "  issuer:\n    en: Test issuer\n    zh: 测试机关\n", to: "", code: "schema/required", at: "source:" },
    { name: "a wrong format marker", file: "set.yaml", from: "format: netdz-measure-set/1", to: "format: netdz-measure-set/9", code: "schema/const", at: "netdz-measure-set/9" },
  ];

  it.each(schemaCases)("locates $name", async (c) => {
    const { setDir } = copyMiniSet();
    const file = path.join(setDir, c.file);
    editFile(file, c.from, c.to);
    const loaded = await loadSetFolder(setDir, setDir);
    const expected = positionIn(file, c.at, c.nth);
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({ file: c.file, code: c.code, ...expected }),
    );
  });

  it("reports every problem in one run, not just the first", async () => {
    const { setDir } = copyMiniSet();
    editFile(path.join(setDir, "m01-first.yaml"), "target: 10", "target: 0");
    editFile(path.join(setDir, "m02-second.yaml"), "area: beta", "area: gamma");
    editFile(path.join(setDir, "set.yaml"), "version: 1.0.0", "version: 2.0.0");
    const loaded = await loadSetFolder(setDir, setDir);
    const errors = loaded.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.code).sort()).toEqual([
      "set/number-target",
      "set/unknown-area",
      "set/version-folder",
    ]);
  });
});

describe("every problem in one run, also in a file that fails its schema", () => {
  it("reports a schema error and the consistency errors of the same file together", async () => {
    const { setDir } = copyMiniSet();
    const file = path.join(setDir, "m01-first.yaml");
    editFile(file, "type: choice", "type: bogus");
    editFile(file, "weight: 2", "weight: 0");
    editFile(file, "target: 10", "target: 0");
    const loaded = await loadSetFolder(setDir, setDir);
    const codes = loaded.diagnostics.filter((d) => d.file === "m01-first.yaml").map((d) => d.code);
    expect(codes).toContain("schema/enum");
    expect(codes).toContain("set/weight");
    expect(codes).toContain("set/number-target");
  });

  it("reports one problem per place: a weight of the wrong type is only a schema error", async () => {
    const { setDir } = copyMiniSet();
    editFile(path.join(setDir, "m01-first.yaml"), "weight: 2", "weight: lots");
    const loaded = await loadSetFolder(setDir, setDir);
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(["schema/type"]);
  });

  it("checks the measure files when set.yaml fails its schema", async () => {
    const { setDir } = copyMiniSet();
    editFile(
      path.join(setDir, "set.yaml"),
      "    weight: 1\n  - id: beta",
      "    weight: lots\n  - id: beta",
    );
    editFile(path.join(setDir, "m02-second.yaml"), "area: beta", "area: gamma");
    const loaded = await loadSetFolder(setDir, setDir);
    expect(loaded.diagnostics.map((d) => d.code).sort()).toEqual([
      "schema/type",
      "set/empty-area",
      "set/unknown-area",
    ]);
  });

  it("does not blame later measures' numbers on a file that does not parse", async () => {
    const { setDir } = copyMiniSet();
    writeFileSync(
      path.join(setDir, "m03-third.yaml"),
      readFileSync(path.join(setDir, "m02-second.yaml"), "utf8")
        .replace("id: M02\n", "id: M03\n")
        .replace("number: 2", "number: 3")
        .replace(/M02\./g, "M03."),
    );
    editFile(
      path.join(setDir, "m02-second.yaml"),
      "  en: Second measure\n  zh:",
      "  en: Second measure\n zh:",
    );
    const loaded = await loadSetFolder(setDir, setDir);
    expect(loaded.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual([
      "yaml/syntax",
    ]);
  });
});

describe("a repeated key does not hide the rest of the file", () => {
  it("reports the duplicate and the other problems of the same file", async () => {
    const { setDir } = copyMiniSet();
    const file = path.join(setDir, "m01-first.yaml");
    editFile(file, "weight: 1\nquestions:", "weight: 1\nweight: 2\nquestions:");
    editFile(file, "target: 10", "target: 0");
    editFile(file, "type: choice", "type: bogus");
    const loaded = await loadSetFolder(setDir, setDir);
    expect(loaded.diagnostics.map((d) => d.code).sort()).toEqual([
      "schema/enum",
      "set/number-target",
      "yaml/duplicate-key",
    ]);
  });
});
