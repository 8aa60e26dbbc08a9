import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import type { Diagnostic } from "../../src/core/model.js";
import { messageIn } from "../../src/render/diagnostics.js";
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
  { name: "issued on a day that does not exist", file: "set.yaml", from: "issued: 2025-05-21", to: "issued: 2025-13-45", code: "set/issued-date", at: "2025-13-45" },
  { name: "issued on 29 February of a common year", file: "set.yaml", from: "issued: 2025-05-21", to: "issued: 2025-02-29", code: "set/issued-date", at: "2025-02-29" },
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

/** Loads the mini set after one edit and returns its diagnostics with the English and Chinese text. */
async function afterEdit(file: string, from: string | RegExp, to: string) {
  const { setDir } = copyMiniSet();
  editFile(path.join(setDir, file), from, to);
  const loaded = await loadSetFolder(setDir, setDir);
  return {
    setDir,
    loaded,
    lines: loaded.diagnostics.map((d) => ({
      code: d.code,
      line: d.line,
      column: d.column,
      en: messageIn(d, "en"),
      zh: messageIn(d, "zh"),
    })),
  };
}

describe("messages that point the right way", () => {
  it.each([".nan", ".inf", "-.inf", "1e309", ".NaN"])(
    "a target of %s must be a finite number",
    async (value) => {
      const { lines } = await afterEdit("m01-first.yaml", "target: 10", `target: ${value}`);
      expect(lines).toEqual([
        {
          code: "schema/type",
          line: 45,
          column: 13,
          en: "Target of question M01.Q2 must be a finite number (not .nan, .inf or a number too large to store)",
          zh: "问题 M01.Q2 的 target 必须是有限数值（不能是 .nan、.inf 或大到无法保存的数）",
        },
      ]);
    },
  );

  it.each([
    ["1,200", "write 1200 (no thousands separator)", "请写成 1200（不要用千位分隔符）"],
    ["1 200", "write 1200 (no thousands separator)", "请写成 1200（不要用千位分隔符）"],
    ["12,345,678", "write 12345678 (no thousands separator)", "请写成 12345678"],
    ["1,5", "write 1.5 (a point for decimals)", "请写成 1.5（小数用小数点）"],
    ["1_200", "write 1200 (no thousands separator)", "请写成 1200（不要用千位分隔符）"],
    ["1，200", "write 1200 (no thousands separator)", "请写成 1200（不要用千位分隔符）"],
    ["1\u00a0200", "write 1200 (no thousands separator)", "请写成 1200（不要用千位分隔符）"],
  ])("a target written %s says how to write it", async (value, en, zh) => {
    const { lines } = await afterEdit("m01-first.yaml", "target: 10", `target: ${value}`);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.code).toBe("schema/type");
    expect(lines[0]?.en).toContain(en);
    expect(lines[0]?.zh).toContain(zh);
  });

  it("a number split by a comma in a flow mapping says the number, not an unknown property 200", async () => {
    const { lines } = await afterEdit(
      "m01-first.yaml",
      "    target: 10\n    direction: higher",
      "    target: 10\n    direction: higher\n    evidence: { requiredFor: [implemented], hint: { en: a, zh: 甲 }, x: 1,200 }",
    );
    expect(lines.map((l) => l.en)).toContainEqual(
      expect.stringContaining(
        "looks like the rest of a number: write 1200 (no thousands separator)",
      ),
    );
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])(
    "a question id %s gives exactly one clear message",
    async (id) => {
      const { lines } = await afterEdit("m01-first.yaml", "- id: M01.Q3", `- id: ${id}`);
      expect(lines).toEqual([
        expect.objectContaining({
          code: "schema/pattern",
          line: 47,
          en: `Id of question #3 "${id}" does not have the expected form (a question id like M01.Q1)`,
          zh: `第 3 个问题的 id“${id}”的格式不对（应为形如 M01.Q1 的问题编号）`,
        }),
      ]);
      expect(lines[0]?.en).not.toContain("[object Object]");
    },
  );

  it("a lower-case question id says it must look like M01.Q1, in capitals", async () => {
    const { lines } = await afterEdit("m01-first.yaml", "- id: M01.Q3", "- id: m01.q3");
    expect(lines).toEqual([
      expect.objectContaining({
        code: "schema/pattern",
        en: 'Id of question #3 "m01.q3" must be a question id like M01.Q1 in capital letters: write M01.Q3',
        zh: "第 3 个问题的 id“m01.q3”应为形如 M01.Q1 的问题编号，用大写字母：请写成 M01.Q3",
      }),
    ]);
  });

  it("a repeated question id says where its first use is", async () => {
    const { lines } = await afterEdit("m02-second.yaml", "- id: M02.Q2", "- id: M01.Q1");
    const repeat = lines.find((l) => l.code === "set/duplicate-id");
    expect(repeat).toEqual({
      code: "set/duplicate-id",
      line: 31,
      column: 9,
      en: 'question id "M01.Q1" is used twice (first at m01-first.yaml:19)',
      zh: "问题编号“M01.Q1”用了两次（第一次在 m01-first.yaml:19）",
    });
  });

  it("a repeated area id, option id and measure number say where the first is", async () => {
    const area = await afterEdit("set.yaml", "  - id: beta", "  - id: alpha");
    expect(area.lines.find((l) => l.code === "set/duplicate-id")?.en).toMatch(
      /^area id "alpha" is used twice \(first at set\.yaml:\d+\)$/,
    );
    const option = await afterEdit("m01-first.yaml", "- id: full", "- id: none");
    expect(option.lines.find((l) => l.code === "set/duplicate-option")?.en).toMatch(
      /^option id "none" is used twice in M01\.Q3 \(first at m01-first\.yaml:\d+\)$/,
    );
    const number = await afterEdit("m02-second.yaml", "number: 2", "number: 1");
    expect(number.lines.find((l) => l.code === "set/numbering")?.en).toBe(
      "measure number 1 is used twice (first in m01-first.yaml:4)",
    );
  });

  it("a repeated key is located at the repeat and names the line of the first", async () => {
    const bands = (min: number) => `bands:\n  - min: ${min}\n    label: { en: A, zh: 甲 }\n`;
    const { setDir } = copyMiniSet();
    const file = path.join(setDir, "set.yaml");
    writeFileSync(file, `${readFileSync(file, "utf8")}${bands(0)}${bands(200)}`);
    const loaded = await loadSetFolder(setDir, setDir);
    const second = positionIn(file, "bands:", 2);
    const first = positionIn(file, "bands:", 1);
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({
        code: "yaml/duplicate-key",
        ...second,
        message: `duplicate key "bands": a key may appear only once in a mapping (first at line ${first.line}, column 1; remove one of them)`,
      }),
      // The later list is the one read, so its problems are located in it, not in the first.
      expect.objectContaining({ code: "schema/maximum", ...positionIn(file, "200") }),
      expect.objectContaining({ code: "set/band-floor" }),
    ]);
  });

  it("a stray YAML file in a set folder is one problem and not a measure", async () => {
    const { setDir } = copyMiniSet();
    writeFileSync(path.join(setDir, "notes.yaml"), "name: notes\nfoo: bar\n");
    writeFileSync(path.join(setDir, "answers.yaml"), "format: netdz-answers/1\n");
    const loaded = await loadSetFolder(setDir, setDir);
    expect(loaded.fileCount).toBe(2);
    expect(loaded.diagnostics.map((d) => [d.file, d.line, d.code, messageIn(d, "en")])).toEqual([
      [
        "answers.yaml",
        1,
        "set/not-a-measure",
        'this file is not a measure file (its format is "netdz-answers/1"): move it out of the set folder, or give it format: netdz-measure/1',
      ],
      [
        "notes.yaml",
        1,
        "set/not-a-measure",
        "this file is not a measure file (it has no format): move it out of the set folder, or give it format: netdz-measure/1",
      ],
    ]);
  });

  it.each([
    ["netdz-measure/2", "format: netdz-measure/2\nid: M09\nnumber: 9\n"],
    ["netdz-measure", "format: netdz-measure\nid: M09\n"],
    ["netdz-measure/1.0", "format: 'netdz-measure/1.0'\nquestions: []\n"],
    ["netdz-measure-set/1", "format: netdz-measure-set/1\nid: other\n"],
    ["netdz-measure/2", "format: netdz-measure/2\nid: [unclosed\n"],
  ])(
    "a file declaring format %s in a set folder is one problem, not a measure",
    async (format, text) => {
      const { setDir } = copyMiniSet();
      writeFileSync(path.join(setDir, "m09-stray.yaml"), text);
      const before = await loadSetFolder(copyMiniSet().setDir, setDir);
      const loaded = await loadSetFolder(setDir, setDir);
      expect(loaded.fileCount).toBe(before.fileCount);
      expect(loaded.diagnostics.map((d) => [d.file, d.code, messageIn(d, "en")])).toEqual([
        [
          "m09-stray.yaml",
          "set/not-a-measure",
          `this file is not a measure file (its format is "${format}"): move it out of the set folder, or give it format: netdz-measure/1`,
        ],
      ]);
      expect(messageIn(loaded.diagnostics[0] as Diagnostic, "zh")).toContain(
        `format 为“${format}”`,
      );
    },
  );

  it("names a question by its id, not by its index", async () => {
    const { lines } = await afterEdit("m01-first.yaml", "weight: 2", "weight: lots");
    expect(lines).toEqual([
      expect.objectContaining({
        code: "schema/type",
        en: "Weight of question M01.Q1 must be a number",
        zh: "问题 M01.Q1 的 weight 必须是数值",
      }),
    ]);
    const option = await afterEdit("m01-first.yaml", /score: 1\n/, "score: high\n");
    expect(option.lines[0]?.en).toBe("Score of option full in question M01.Q3 must be a number");
    expect(option.lines[0]?.zh).toBe("问题 M01.Q3 的选项 full 的 score 必须是数值");
  });
});

describe("ajv's own wording never reaches the user", () => {
  // prettier-ignore
  const cases: { name: string; file: string; from: string | RegExp; to: string; code: string; en: string; zh: string }[] = [
    { name: "an empty list", file: "m01-first.yaml", from: /questions:\n[\s\S]*$/, to: "questions: []\n", code: "schema/minItems", en: "questions must not be an empty list: give at least one item", zh: "questions 不能是空列表：至少写一项" },
    { name: "a missing field", file: "m02-second.yaml", from: "    guidance:\n      en: A written plan.\n      zh: 书面方案。\n", to: "", code: "schema/required", en: 'Question M02.Q1 is missing the required field "guidance"', zh: "问题 M02.Q1 缺少必填字段“guidance”" },
    { name: "a pattern", file: "set.yaml", from: "issued: 2025-05-21", to: "issued: 21.05.2025", code: "schema/pattern", en: 'source.issued "21.05.2025" does not have the expected form (a date like 2025-05-21)', zh: "source.issued“21.05.2025”的格式不对（应为形如 2025-05-21 的日期）" },
    { name: "a maximum", file: "set.yaml", from: "profile:", to: "bands:\n  - min: 120\n    label: { en: Top, zh: 顶 }\n  - min: 0\n    label: { en: Low, zh: 低 }\nprofile:", code: "schema/maximum", en: "Min of band #1 must be at most 100", zh: "第 1 个等级的 min 必须不大于 100" },
    { name: "a minimum", file: "m02-second.yaml", from: /^number: 2$/m, to: "number: 0", code: "schema/minimum", en: "number must be at least 1", zh: "number 必须不小于 1" },
    { name: "an enum", file: "m02-second.yaml", from: "basis: reconstructed", to: "basis: guess", code: "schema/enum", en: "provenance.basis must be one of: text, briefing, reconstructed", zh: "provenance.basis 必须是以下之一：text、briefing、reconstructed" },
    { name: "a const", file: "set.yaml", from: "format: netdz-measure-set/1", to: "format: netdz-measure-set/2", code: "schema/const", en: 'format must be "netdz-measure-set/1"', zh: "format 必须是“netdz-measure-set/1”" },
    { name: "an unknown field", file: "m02-second.yaml", from: "    weight: 1\n    appliesWhen:", to: "    weight: 1\n    wieght: 1\n    appliesWhen:", code: "schema/unknown-property", en: 'unknown field "wieght" in question M02.Q2 (check the spelling; your own extra fields must start with x-)', zh: "问题 M02.Q2 中有未知字段“wieght”（请检查拼写；自定义的附加字段须以 x- 开头）" },
    { name: "a repeated list item", file: "m01-first.yaml", from: "requiredFor: [implemented]", to: "requiredFor: [implemented, implemented]", code: "schema/uniqueItems", en: "evidence.requiredFor of question M01.Q1 lists the same item more than once", zh: "问题 M01.Q1 的 evidence.requiredFor 中有重复的项" },
    { name: "options on a non-choice profile field", file: "set.yaml", from: "  - id: name\n    type: text\n", to: "  - id: name\n    type: text\n    options: [{ id: a, label: { en: A, zh: 甲 } }]\n", code: "schema/not-allowed", en: "Options of profile field name: not allowed for this type of question or field", zh: "画像字段 name 的 options 不适用于这种题型或字段类型" },
  ];

  it.each(cases)("$name", async (c) => {
    const { lines } = await afterEdit(c.file, c.from, c.to);
    expect(lines).toContainEqual(expect.objectContaining({ code: c.code, en: c.en, zh: c.zh }));
    for (const line of lines) {
      expect(line.en).not.toMatch(/must NOT|must have required|must match|must be <=|must be >=/);
      expect(line.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("one line for one problem", () => {
  it("a measure file with nothing but its format lists the missing fields in one line", async () => {
    const { setDir } = copyMiniSet();
    writeFileSync(path.join(setDir, "m02-second.yaml"), "format: netdz-measure/1\n");
    const loaded = await loadSetFolder(setDir, setDir);
    const missing = loaded.diagnostics.filter((d) => d.file === "m02-second.yaml");
    expect(missing.map((d) => [d.code, messageIn(d, "en"), messageIn(d, "zh")])).toEqual([
      [
        "schema/required",
        'The file is missing the required fields "area", "id", "number", "provenance", "questions", "ref", "summary", "title" and "weight"',
        "文件缺少必填字段“area”、“id”、“number”、“provenance”、“questions”、“ref”、“summary”、“title”、“weight”",
      ],
    ]);
  });

  it("a weight of .inf in another field is also named a finite number", async () => {
    const { lines } = await afterEdit("m02-second.yaml", /^weight: 1$/m, "weight: .inf");
    expect(lines).toEqual([
      expect.objectContaining({
        code: "schema/type",
        en: "weight must be a finite number (not .nan, .inf or a number too large to store)",
      }),
    ]);
  });
});

describe("a diagnostic's shape", () => {
  it("keeps its six public fields; the message id travels beside them for translation", async () => {
    const { loaded } = await afterEdit("m01-first.yaml", "weight: 2", "weight: 0");
    const [d] = loaded.diagnostics;
    expect(d).toEqual({
      file: "m01-first.yaml",
      line: 27,
      column: 13,
      severity: "error",
      code: "set/weight",
      message: "question weight must be greater than 0, not 0",
    });
    expect(Object.keys(JSON.parse(JSON.stringify(d)) as object).sort()).toEqual(
      ["code", "column", "file", "line", "message", "severity"].sort(),
    );
    expect(messageIn(d as Diagnostic, "zh")).toBe("问题权重必须大于 0，而不是 0");
  });
});

describe("a repeated key in a flow mapping", () => {
  it("is located at the repeat and names the column of the first", async () => {
    const { lines } = await afterEdit(
      "m01-first.yaml",
      "label: { en: None, zh: 无 }",
      "label: { en: None, en: Nothing, zh: 无 }",
    );
    expect(lines).toEqual([
      {
        code: "yaml/duplicate-key",
        line: 58,
        column: 28,
        en: 'duplicate key "en": a key may appear only once in a mapping (first at line 58, column 18; remove one of them)',
        zh: "键“en”重复：同一映射中每个键只能出现一次（第一次出现在第 58 行第 18 列；请删去其中一个）",
      },
    ]);
  });
});

describe("source.issued", () => {
  it("says in en and zh that the day does not exist", async () => {
    const { setDir } = copyMiniSet();
    editFile(path.join(setDir, "set.yaml"), "issued: 2025-05-21", "issued: 2025-13-45");
    const loaded = await loadSetFolder(setDir, setDir);
    const problem = loaded.diagnostics.find((d) => d.code === "set/issued-date") as Diagnostic;
    expect(messageIn(problem, "en")).toBe(
      "source.issued is 2025-13-45, which is not a calendar day (write a date like 2025-05-21)",
    );
    expect(messageIn(problem, "zh")).toBe(
      "source.issued 为 2025-13-45，不是日历上存在的日期（请写成 2025-05-21 这样的日期）",
    );
  });
});
