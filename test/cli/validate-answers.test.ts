import { copyFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkAnswersFile } from "../../src/fs/answers-loader.js";
import type { Diagnostic } from "../../src/core/model.js";
import { messageIn } from "../../src/render/diagnostics.js";
import { copyMiniAnswers, copyMiniSet, editFile, FIXTURES, positionIn } from "../helpers.js";

interface Case {
  name: string;
  from: string | RegExp;
  to: string;
  code: string;
  severity?: "error" | "warning";
  at: string;
  strict?: boolean;
  nth?: number;
}

// prettier-ignore
const cases: Case[] = [
  { name: "an unknown question id", from: "M02.Q1: { value: true }", to: "M02.Q9: { value: true }", code: "answers/unknown-question", at: "M02.Q9" },
  { name: "a malformed question id", from: "M01.Q3: { status: unknown }", to: "M01.Q1x: { status: unknown }", code: "schema/question-id", at: "M01.Q1x" },
  { name: "a value on a status question", from: "M01.Q3: { status: unknown }", to: "M01.Q1: { value: 1 }", code: "yaml/duplicate-key", at: "M01.Q1", nth: 2 },
  { name: "a number where yes/no is expected", from: "M02.Q1: { value: true }", to: "M02.Q1: { value: 3 }", code: "answers/value-type", at: "3 }" },
  { name: "a choice that is not an option", from: "M01.Q3: { status: unknown }", to: "M01.Q3: { value: partial }", code: "answers/value-type", at: "partial" },
  { name: "a multi value with an unknown option", from: "value: [bonds]", to: "value: [bonds, loans]", code: "answers/value-type", at: "[bonds, loans]" },
  { name: "a negative number", from: "M01.Q2: { value: 7,", to: "M01.Q2: { value: -7,", code: "answers/value-type", at: "-7" },
  { name: "a status other than unknown/not_applicable on a value question", from: "M02.Q1: { value: true }", to: "M02.Q1: { status: implemented }", code: "answers/status-type", at: "implemented }" },
  { name: "status and value together", from: "M02.Q1: { value: true }", to: "M02.Q1: { status: unknown, value: true }", code: "schema/status-and-value", at: "{ status: unknown, value" },
  { name: "not applicable without a note", from: "M01.Q3: { status: unknown }", to: "M01.Q3: { status: not_applicable }", code: "schema/required", at: "M01.Q3" },
  { name: "an unknown status", from: "M01.Q3: { status: unknown }", to: "M01.Q3: { status: done }", code: "schema/enum", at: "done" },
  { name: "missing evidence (warning)", from: "evidence: [https://example.org/doc.pdf], ", to: "", code: "answers/missing-evidence", severity: "warning", at: "implemented" },
  { name: "missing evidence with --strict (error)", from: "evidence: [https://example.org/doc.pdf], ", to: "", code: "answers/missing-evidence", severity: "error", at: "implemented", strict: true },
  { name: "a region that is not an option", from: "region: eastern", to: "region: southern", code: "answers/profile-value", at: "southern" },
  { name: "a pinned version that is not available", from: "version: 1.0.0", to: "version: 2.0.0", code: "answers/set-not-available", at: "2.0.0" },
  { name: "a bad answeredAt", from: "answeredAt: 2026-11-20T08:01:00Z", to: "answeredAt: yesterday", code: "schema/pattern", at: "yesterday" },
];

describe("answers files checked against their measure set", () => {
  it("accepts the valid fixture", async () => {
    const { file, measuresDir, cwd } = copyMiniAnswers();
    const checked = await checkAnswersFile(file, { cwd, measuresDir });
    expect(checked.diagnostics).toEqual([]);
    expect(checked.set?.id).toBe("mini");
  });

  it.each(cases)("reports $name", async (c) => {
    const { file, measuresDir, cwd } = copyMiniAnswers();
    editFile(file, c.from, c.to);
    const checked = await checkAnswersFile(file, { cwd, measuresDir, strict: c.strict });
    expect(checked.diagnostics).toContainEqual(
      expect.objectContaining({
        file: "answers.yaml",
        code: c.code,
        severity: c.severity ?? "error",
        ...positionIn(file, c.at, c.nth),
      }),
    );
  });

  it("says which versions exist when the pinned one is missing", async () => {
    const { file, measuresDir, cwd } = copyMiniAnswers();
    editFile(file, "version: 1.0.0", "version: 2.0.0");
    const checked = await checkAnswersFile(file, { cwd, measuresDir });
    expect(checked.diagnostics[0]?.message).toMatch(/mini@2\.0\.0.*not available.*1\.0\.0/);
  });

  it("accepts a freshly started file with no answers yet", async () => {
    const { file, measuresDir, cwd } = copyMiniAnswers();
    writeFileSync(
      file,
      "format: netdz-answers/1\nmeasureSet: { id: mini, version: 1.0.0 }\nzone:\nanswers:\n",
    );
    const checked = await checkAnswersFile(file, { cwd, measuresDir });
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("value on a status question", () => {
  it("is an error located at the value", async () => {
    const { file, measuresDir, cwd } = copyMiniAnswers();
    editFile(
      file,
      "M01.Q1: { status: implemented, evidence: [https://example.org/doc.pdf],",
      "M01.Q1: { value: 1,",
    );
    const checked = await checkAnswersFile(file, { cwd, measuresDir });
    expect(checked.diagnostics).toContainEqual(
      expect.objectContaining({ code: "answers/value-type", ...positionIn(file, "1,") }),
    );
  });
});

describe("every problem of an answers file in one run", () => {
  it("reports schema errors and problems against the set together", async () => {
    const { file, measuresDir, cwd } = copyMiniAnswers();
    editFile(file, "M01.Q3: { status: unknown }", "M01.Q3: { status: done }");
    editFile(
      file,
      "M02.Q1: { value: true }",
      "M02.Q1: { value: 3 }\n  M09.Q1: { status: planned }",
    );
    const checked = await checkAnswersFile(file, { cwd, measuresDir });
    expect(checked.diagnostics.map((d) => d.code).sort()).toEqual([
      "answers/unknown-question",
      "answers/value-type",
      "schema/enum",
    ]);
  });

  it("says plainly when the file is a measure file, not answers", async () => {
    const { root } = copyMiniSet();
    const checked = await checkAnswersFile(path.join(root, "mini", "1.0.0", "set.yaml"), {
      cwd: root,
      measuresDir: root,
    });
    expect(checked.diagnostics).toEqual([
      expect.objectContaining({ code: "answers/not-answers-file", line: 2, column: 9 }),
    ]);
  });
});

describe("hand-written entries", () => {
  it("an entry left empty counts as unanswered, not as an error", async () => {
    const { file, measuresDir, cwd } = copyMiniAnswers();
    editFile(file, "M01.Q3: { status: unknown }", "M01.Q3:");
    const checked = await checkAnswersFile(file, { cwd, measuresDir });
    expect(checked.diagnostics).toEqual([]);
    expect(checked.answers?.answers["M01.Q3"]).toBeUndefined();
  });

  it("warns when the zone declared more than 20 % of what applies to it not applicable", async () => {
    const { file, measuresDir, cwd } = copyMiniAnswers();
    // The profile keeps 5 questions (M02.Q2 is for hub zones only): 1 of 5 is 20 %, no warning.
    editFile(file, "M01.Q3: { status: unknown }", "M01.Q3: { status: not_applicable, note: no }");
    expect((await checkAnswersFile(file, { cwd, measuresDir })).diagnostics).toEqual([]);
    editFile(file, "M02.Q1: { value: true }", "M02.Q1: { status: not_applicable, note: no }");
    const checked = await checkAnswersFile(file, { cwd, measuresDir });
    expect(checked.diagnostics).toEqual([
      {
        file: "answers.yaml",
        // At the `answers:` key, not at the first answer (a value answer, not one of those).
        ...positionIn(file, "answers:"),
        severity: "warning",
        code: "answers/many-not-applicable",
        message:
          "the zone declared 2 of the 5 questions that apply to it not applicable (40.0%, more " +
          "than 20%); the score leaves them out, so check each justification",
      },
    ]);
  });

  it("names a missing optional profile field when a question depends on it", async () => {
    const { file, measuresDir, cwd } = copyMiniAnswers();
    const setFile = path.join(measuresDir, "mini", "1.0.0", "set.yaml");
    editFile(
      setFile,
      "  - id: hub\n    type: yesno\n",
      "  - id: hub\n    type: yesno\n    required: false\n",
    );
    editFile(file, "  hub: false\n", "");
    const checked = await checkAnswersFile(file, { cwd, measuresDir });
    // M02.Q2 applies only to hub zones: without `hub` it applies (unanswered) until it is given.
    expect(checked.diagnostics).toEqual([
      {
        file: "answers.yaml",
        // At the zone map's first entry, as for any missing profile field.
        ...positionIn(file, "name: Test Zone"),
        severity: "warning",
        code: "answers/profile-missing",
        message: 'zone profile has no "hub" (In a hub area?)',
      },
    ]);
  });

  it("a multi answer that repeats an option says so", async () => {
    const { file, measuresDir, cwd } = copyMiniAnswers();
    editFile(file, "value: [bonds]", "value: [bonds, bonds]");
    const checked = await checkAnswersFile(file, { cwd, measuresDir });
    expect(checked.diagnostics).toEqual([
      expect.objectContaining({
        code: "answers/value-type",
        message: 'M02.Q3 lists "bonds" more than once',
      }),
    ]);
  });
});

/** The problems of the valid answers fixture after one edit, with English and Chinese text. */
async function answersAfter(from: string | RegExp, to: string) {
  const { file, measuresDir, cwd } = copyMiniAnswers();
  editFile(file, from, to);
  const checked = await checkAnswersFile(file, { cwd, measuresDir });
  return checked.diagnostics.map((d) => ({
    code: d.code,
    line: d.line,
    column: d.column,
    en: messageIn(d, "en"),
    zh: messageIn(d, "zh"),
  }));
}

const NUMBER_ANSWER = "M01.Q2: { value: 7, answeredAt: 2026-11-20T08:01:00Z }";

describe("answers messages that point the right way", () => {
  it.each([".nan", ".inf", "-.inf", "1e309"])("a number answer of %s must be finite", async (v) => {
    const lines = await answersAfter(NUMBER_ANSWER, `M01.Q2: { value: ${v} }`);
    expect(lines).toEqual([
      expect.objectContaining({
        code: "schema/type",
        en: "Value of answer M01.Q2 must be a finite number (not .nan, .inf or a number too large to store)",
        zh: "回答 M01.Q2 的 value 必须是有限数值（不能是 .nan、.inf 或大到无法保存的数）",
      }),
    ]);
  });

  it("value: 1,200 in a flow mapping says write 1200, not unknown property 200", async () => {
    const lines = await answersAfter(NUMBER_ANSWER, "M01.Q2: { value: 1,200 }");
    expect(lines).toEqual([
      {
        code: "schema/unknown-property",
        line: 13,
        column: 22,
        en: '"200" in answer M01.Q2 looks like the rest of a number: write 1200 (no thousands separator)',
        zh: "回答 M01.Q2 中的“200”像是数字的后半部分：请写成 1200（不要用千位分隔符）",
      },
    ]);
  });

  it.each([
    // [flow value, the hint of every key cut from it (none: an unknown field)]
    ["1,200.5", ["write 1200.5 (no thousands separator)"]],
    [
      "1,200,300",
      ["write 1200300 (no thousands separator)", "write 1200300 (no thousands separator)"],
    ],
    ["1,25", ["write 1.25 (a point for decimals)"]],
    ["1,2,3", [undefined, undefined]],
  ])(
    "{ value: %s } in a flow mapping: each key cut from it names the whole number",
    async (v, hints) => {
      const lines = await answersAfter(NUMBER_ANSWER, `M01.Q2: { value: ${v} }`);
      expect(lines.map((l) => l.code)).toEqual(hints.map(() => "schema/unknown-property"));
      lines.forEach((l, i) => {
        const hint = hints[i];
        if (hint === undefined) expect(l.en).toMatch(/^unknown field "\d+" in answer M01\.Q2/);
        else
          expect(l.en).toMatch(
            new RegExp(`looks like the rest of a number: ${hint.replace(/[().]/g, "\\$&")}$`),
          );
      });
    },
  );

  it.each([
    ["1,200", "write 1200 (no thousands separator)", "请写成 1200（不要用千位分隔符）"],
    ["1 200", "write 1200 (no thousands separator)", "请写成 1200（不要用千位分隔符）"],
    ["1,5", "write 1.5 (a point for decimals)", "请写成 1.5（小数用小数点）"],
  ])("value: %s on its own line says how to write it", async (v, en, zh) => {
    const lines = await answersAfter(NUMBER_ANSWER, `M01.Q2:\n    value: ${v}`);
    expect(lines).toEqual([
      {
        code: "answers/value-type",
        line: 14,
        column: 12,
        en: `M01.Q2 takes a number: ${en}`,
        zh: `M01.Q2 应填数值：${zh}`,
      },
    ]);
  });

  it.each(["__proto__", "constructor", "toString", "valueOf"])(
    "%s as an answer key gives exactly one clear message",
    async (key) => {
      const lines = await answersAfter(
        "M01.Q3: { status: unknown }",
        `${key}: { status: unknown }`,
      );
      expect(lines).toEqual([
        {
          code: "schema/question-id",
          line: 14,
          column: 3,
          en: `"${key}" is not a question id (it must look like M01.Q1)`,
          zh: `“${key}”不是问题编号（应形如 M01.Q1）`,
        },
      ]);
    },
  );

  it("a lower-case answer key says the id must look like M01.Q1", async () => {
    const lines = await answersAfter("M01.Q3: { status: unknown }", "m01.q3: { status: unknown }");
    expect(lines).toEqual([
      expect.objectContaining({
        code: "schema/question-id",
        en: '"m01.q3" is not a question id: ids look like M01.Q1, in capital letters (write M01.Q3)',
      }),
    ]);
  });

  it("every message of the answers check exists in Chinese", async () => {
    const lines = await answersAfter(
      "M02.Q1: { value: true }",
      "M02.Q1: { value: 3 }\n  M09.Q1: { status: planned }\n  M01.Q9x: { status: nope }",
    );
    expect(lines.map((l) => l.code).sort()).toEqual([
      "answers/unknown-question",
      "answers/value-type",
      "schema/enum",
      "schema/question-id",
    ]);
    for (const line of lines) expect(line.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("profile fields named like Object.prototype's keys", () => {
  it("a profile field `constructor` the zone does not give is missing, not a wrong value", async () => {
    const { root, setDir } = copyMiniSet();
    editFile(path.join(setDir, "set.yaml"), "  - id: hub\n", "  - id: constructor\n");
    editFile(path.join(setDir, "m02-second.yaml"), "hub: [true]", "constructor: [true]");
    const cwd = path.dirname(root);
    const file = path.join(cwd, "answers.yaml");
    copyFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), file);
    editFile(file, "  hub: false\n", "");
    const checked = await checkAnswersFile(file, { cwd, measuresDir: root });
    expect(checked.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ["answers/profile-missing", "warning", 'zone profile has no "constructor" (In a hub area?)'],
    ]);
  });
});

describe("not applicable without a note", () => {
  it("says what the note is for", async () => {
    const lines = await answersAfter(
      "M01.Q3: { status: unknown }",
      "M01.Q3: { status: not_applicable }",
    );
    expect(lines).toEqual([
      expect.objectContaining({
        code: "schema/required",
        en: 'M01.Q3 is marked not applicable: say why in "note"',
        zh: "M01.Q3 标为不适用：请在“note”中说明理由",
      }),
    ]);
  });
});

describe("a zone field of the wrong type", () => {
  it("is a type error only, not also missing", async () => {
    const lines = await answersAfter("region: eastern", "region: 5");
    expect(lines).toEqual([
      {
        code: "answers/profile-value",
        line: 6,
        column: 11,
        en: "zone.region must be one of: eastern, western",
        zh: "zone.region 必须是以下之一：eastern、western",
      },
    ]);
  });

  it.each([
    ["name", "{ a: 1 }", "zone.name must be a text", "zone.name 必须是文字"],
    ["hub", "[true]", "zone.hub must be true or false", "zone.hub 必须是 true 或 false"],
  ])(
    "a mapping or list under the known field %s is one type error",
    async (field, value, en, zh) => {
      const from = new RegExp(`^  ${field}: .*$`, "m");
      const lines = await answersAfter(from, `  ${field}: ${value}`);
      expect(lines).toEqual([expect.objectContaining({ code: "answers/profile-value", en, zh })]);
    },
  );
});

describe("an unknown zone field", () => {
  // A scalar unknown field gets only the warning; a mapping, a list or a number the same.
  it.each(["extra", "3", "{ a: 1 }", "[1, 2]", "{ a: { b: [1] } }", "\n    a: 1\n    b: [x]"])(
    "gets only the not-a-profile-field warning with the value %s",
    async (value) => {
      const lines = await answersAfter("  hub: false", `  hub: false\n  foo: ${value}`);
      expect(lines).toEqual([
        {
          code: "answers/profile-unknown",
          line: 8,
          column: 3,
          en: '"foo" is not a profile field of mini@1.0.0',
          zh: "“foo”不是 mini@1.0.0 的画像字段",
        },
      ]);
    },
  );

  it("does not reach the answers read (the file stays valid and its profile scalar)", async () => {
    const { file, measuresDir, cwd } = copyMiniAnswers();
    editFile(file, "  hub: false", "  hub: false\n  foo: { a: 1 }\n  bar: [1]\n  baz: 2");
    const checked = await checkAnswersFile(file, { cwd, measuresDir });
    expect(checked.diagnostics.every((d) => d.severity === "warning")).toBe(true);
    expect(checked.answers?.zone).toEqual({ name: "Test Zone", region: "eastern", hub: false });
  });
});

describe("owner and due of an answer", () => {
  // prettier-ignore
  const blankOwners = ['"   "', '"\\t"', "\"\u3000\"", '" \\n "'];
  it.each(blankOwners)(
    "rejects an owner of spaces only (%s), located, in both languages",
    async (owner) => {
      const { file, measuresDir, cwd } = copyMiniAnswers();
      editFile(file, "M02.Q1: { value: true }", `M02.Q1: { value: false, owner: ${owner} }`);
      for (const [lang, words] of [
        ["en", /M02\.Q1 has an owner of spaces only/],
        ["zh", /M02\.Q1 的责任单位（owner）只有空格/],
      ] as const) {
        const checked = await checkAnswersFile(file, { cwd, measuresDir });
        const found = checked.diagnostics.filter((d) => d.code === "answers/owner-blank");
        expect(found).toEqual([
          expect.objectContaining({ severity: "error", ...positionIn(file, owner) }),
        ]);
        expect(messageIn(found[0] as Diagnostic, lang)).toMatch(words);
      }
    },
  );

  it("accepts an owner with text around spaces", async () => {
    const { file, measuresDir, cwd } = copyMiniAnswers();
    editFile(file, "M02.Q1: { value: true }", 'M02.Q1: { value: false, owner: " 经发局 " }');
    const checked = await checkAnswersFile(file, { cwd, measuresDir });
    expect(checked.diagnostics).toEqual([]);
  });

  it.each(["2026-02-30", "2025-02-29", "2026-04-31", "2026-13-01", "2026-00-10"])(
    "says %s is not a calendar day (not a format message), in both languages",
    async (due) => {
      const { file, measuresDir, cwd } = copyMiniAnswers();
      editFile(file, "M02.Q1: { value: true }", `M02.Q1: { value: false, due: ${due} }`);
      for (const [lang, words] of [
        ["en", new RegExp(`M02\\.Q1 has due date ${due}, which is not a calendar day`)],
        ["zh", new RegExp(`M02\\.Q1 的完成时限 ${due} 不是日历上存在的日期`)],
      ] as const) {
        const checked = await checkAnswersFile(file, { cwd, measuresDir });
        expect(checked.diagnostics).toEqual([
          expect.objectContaining({
            code: "answers/due-date",
            severity: "error",
            ...positionIn(file, due),
          }),
        ]);
        expect(messageIn(checked.diagnostics[0] as Diagnostic, lang)).toMatch(words);
      }
    },
  );
});

describe("the schema's messages about owner and due in Chinese", () => {
  it("name the fields in Chinese words, not as bare keys", async () => {
    const { file, measuresDir, cwd } = copyMiniAnswers();
    editFile(
      file,
      "M02.Q1: { value: true }",
      'M02.Q1: { value: false, owner: "", due: 31/12/2026 }\n  M02.Q2: { value: 1, owner: 7 }',
    );
    const checked = await checkAnswersFile(file, { cwd, measuresDir });
    const zh = checked.diagnostics.map((d) => messageIn(d, "zh"));
    expect(zh).toEqual(
      expect.arrayContaining([
        expect.stringContaining("回答 M02.Q1 的完成时限（due）“31/12/2026”的格式不对"),
        expect.stringContaining("回答 M02.Q1 的责任单位（owner）不能为空"),
        expect.stringContaining("回答 M02.Q2 的责任单位（owner）必须是文字"),
      ]),
    );
    for (const message of zh) expect(message).not.toMatch(/的 (due|owner)\b/);
  });
});

describe("an invalid profile value", () => {
  it.each([["  hub: maybe\n"], ['  hub: "no"\n']])(
    "is an error, and is not used to tell what applies (%j)",
    async (to) => {
      const { file, measuresDir, cwd } = copyMiniAnswers();
      editFile(file, "  hub: false\n", to);
      // M02.Q2 is for hub zones only: an invalid hub neither keeps nor drops it.
      editFile(
        file,
        "  M02.Q1: { value: true }\n",
        "  M02.Q1: { value: true }\n  M02.Q2: { status: planned }\n",
      );
      const checked = await checkAnswersFile(file, { cwd, measuresDir });
      expect(checked.diagnostics.map((d) => d.code)).toEqual(["answers/profile-value"]);
    },
  );
});
