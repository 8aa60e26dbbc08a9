import { describe, expect, it } from "vitest";
import { messageIn } from "../../src/render/diagnostics.js";
import {
  FULL_PARSE_LIMIT,
  locate,
  ALIAS_ALLOWANCE,
  MAX_DEPTH,
  parseYamlSource,
  pointerToPath,
} from "../../src/core/yaml-source.js";

const text = `title:
  en: Hello
  zh: 你好
questions:
  - id: Q1
    weight: 2
  - { id: Q2, weight: 0 }
"a/b": 1
`;

describe("parseYamlSource", () => {
  it("parses clean YAML with the 1.2 core schema (dates stay strings)", () => {
    const source = parseYamlSource("f.yaml", "issued: 2025-05-21\nversion: 1.0.0\nflag: yes\n");
    expect(source.diagnostics).toEqual([]);
    expect(source.data).toEqual({ issued: "2025-05-21", version: "1.0.0", flag: "yes" });
  });

  it("reports duplicate keys as errors at the repeated key", () => {
    const source = parseYamlSource("f.yaml", "a: 1\nb: 2\na: 3\n");
    // The rest of the file is still read (the later value wins), so other checks can run.
    expect(source.data).toEqual({ a: 3, b: 2 });
    expect(source.diagnostics).toEqual([
      expect.objectContaining({
        file: "f.yaml",
        line: 3,
        column: 1,
        code: "yaml/duplicate-key",
        severity: "error",
      }),
    ]);
  });

  it.each([
    ["number:\nnumber: 1\n", 2, 1, "number", "line 1, column 1"],
    ["answers:\n  M09.Q1:\n  M09.Q1: { status: unknown }\n", 3, 3, "M09.Q1", "line 2, column 3"],
    ["a:\n  b:\n  c: 1\n  b:\n", 4, 3, "b", "line 2, column 3"],
  ])(
    "locates a repeated key at the repeat, named, also when the first has no value: %j",
    (text, line, column, key, first) => {
      const source = parseYamlSource("f.yaml", text);
      expect(source.diagnostics).toHaveLength(1);
      expect(source.diagnostics[0]).toMatchObject({ line, column, code: "yaml/duplicate-key" });
      expect(source.diagnostics[0]?.message).toContain(`duplicate key "${key}"`);
      expect(source.diagnostics[0]?.message).toContain(`first at ${first}`);
    },
  );

  it.each([
    ['a: 1\nb: "Enhance original\nc: 2\nd: 3\n', 2, 4],
    ["zone: {name: 'Z, province: Jiangsu}\nanswers: {}\n", 1, 14],
    ['format: netdz-answers/1\nzone:\n  name: "Z\n', 3, 9],
  ])(
    "names a quote never closed where it opens, not where the file ends: %j",
    (text, line, column) => {
      const source = parseYamlSource("f.yaml", text);
      expect(source.diagnostics).toContainEqual(
        expect.objectContaining({
          line,
          column,
          message: expect.stringMatching(/^Missing closing/),
        }),
      );
    },
  );

  describe("a tab that indents a line is its one problem, where the tab is", () => {
    it.each([
      [
        "format: netdz-answers/1\nanswers:\n  M01.Q1: { status: unknown }\n\tM01.Q2: { status: unknown }\n  M01.Q3: {}\n",
        4,
        1,
      ],
      ["zone:\n  name: Z\n \tprovince: Jiangsu\n", 3, 2],
      // A measure file's line among block texts: yaml read false repeated keys after it.
      [
        "questions:\n  - id: M03.Q1\n    text:\n      en: >-\n        Long text\n\tweight: 2\n    evidence:\n      requiredFor: [implemented]\n",
        6,
        1,
      ],
    ])("%j", (text, line, column) => {
      const source = parseYamlSource("f.yaml", text);
      expect(source.data).toBeUndefined();
      expect(source.diagnostics).toEqual([
        expect.objectContaining({ line, column, code: "yaml/syntax", severity: "error" }),
      ]);
      expect(source.diagnostics[0]?.message).toBe("Tabs are not allowed as indentation");
      const zh = parseYamlSource("f.yaml", text, "zh").diagnostics[0];
      expect(zh && messageIn(zh, "zh")).toBe("YAML 语法错误：用了 Tab 缩进，请改用空格");
    });

    it.each([
      // A JSON file indented with tabs: a tab is a space there; the error is the missing comma.
      '{\n\t"format": "netdz-answers/1",\n\t"zone": {"name": "Z"}\n\t"answers": {}\n}\n',
      // A tab after the indentation of a block text is part of the text, and the error elsewhere.
      "note: |\n  a\n  \tb\nx: [\n",
    ])("but not where a tab is no indentation: %j", (text) => {
      const messages = parseYamlSource("f.yaml", text).diagnostics.map((d) => d.message);
      expect(messages.length).toBeGreaterThan(0);
      expect(messages).not.toContain("Tabs are not allowed as indentation");
    });

    it("a tab-indented block text alone is read", () => {
      expect(parseYamlSource("f.yaml", "note: |\n  a\n  \tb\n").data).toEqual({ note: "a\n\tb\n" });
    });
  });

  it("locates each of many repeated keys, in several mappings, at its repeat", () => {
    const lines = ["a:", "  x: 1", "  x: 2", "b: 1"];
    for (let i = 0; i < 2000; i++) lines.push("b: 2");
    lines.push("a: 3");
    const source = parseYamlSource("f.yaml", `${lines.join("\n")}\n`);
    const repeats = source.diagnostics.filter((d) => d.code === "yaml/duplicate-key");
    expect(repeats).toHaveLength(2002);
    expect(repeats[0]).toMatchObject({ line: 3, column: 3 });
    expect(repeats[0]?.message).toContain('"x"');
    expect(repeats[0]?.message).toContain("first at line 2, column 3");
    expect(repeats[1]).toMatchObject({ line: 5, column: 1 });
    expect(repeats[1]?.message).toContain("first at line 4, column 1");
    expect(repeats.at(-1)).toMatchObject({ line: 2005, column: 1 });
    expect(repeats.at(-1)?.message).toContain('duplicate key "a"');
    expect(repeats.at(-1)?.message).toContain("first at line 1, column 1");
  });

  it("gives an empty file the value null", () => {
    expect(parseYamlSource("f.yaml", "").data).toBeNull();
  });
});

describe("locate", () => {
  const source = parseYamlSource("f.yaml", text);

  // prettier-ignore
  it.each([
    { path: ["title", "zh"], key: false, line: 3, column: 7 },
    { path: ["title", "zh"], key: true, line: 3, column: 3 },
    { path: ["questions", 0, "weight"], key: false, line: 6, column: 13 },
    { path: ["questions", 1, "weight"], key: false, line: 7, column: 23 },
    { path: ["questions", 1], key: false, line: 7, column: 5 },
    { path: ["questions", 5, "weight"], key: false, line: 5, column: 3 },
    { path: ["a/b"], key: true, line: 8, column: 1 },
    { path: [], key: false, line: 1, column: 1 },
  ])("finds $path (key: $key) at $line:$column", ({ path, key, line, column }) => {
    expect(locate(source, path, { key })).toEqual({ line, column });
  });

  it("walks up to the nearest existing node for a missing property", () => {
    expect(locate(source, ["title", "fr"])).toEqual({ line: 2, column: 3 });
  });
});

describe("pointerToPath", () => {
  it.each([
    ["", []],
    ["/questions/3/weight", ["questions", 3, "weight"]],
    ["/answers/M01.Q1", ["answers", "M01.Q1"]],
    ["/a~1b/c~0d", ["a/b", "c~d"]],
    ["/x/01", ["x", "01"]],
  ])("splits %j", (pointer, expected) => {
    expect(pointerToPath(pointer)).toEqual(expected);
  });
});

describe("plain scalars read as the YAML 1.2 core schema reads them", () => {
  // prettier-ignore
  it.each([
    ["0b11", "0b11"], ["0o17", 15], ["0x1F", 31], ["-0x1F", "-0x1F"], ["+12", 12], ["007", 7],
    ["-.5", -0.5], ["+.5", 0.5], ["1e3", 1000], ["1.", 1], [".inf", Infinity], ["-.Inf", -Infinity],
    ["1_000", "1_000"], ["0o8", "0o8"], ["yes", "yes"], ["True", true], ["~", null], ["2025-05-21", "2025-05-21"],
  ])("%s", (text, expected) => {
    const fast = parseYamlSource("f.yaml", `a: ${text}\n`);
    expect(fast.diagnostics).toEqual([]);
    expect((fast.data as { a: unknown }).a).toEqual(expected);
    expect((fast.doc.toJS() as { a: unknown }).a).toEqual(expected);
  });

  it("reads .nan as NaN", () => {
    expect(Number.isNaN((parseYamlSource("f.yaml", "a: .NaN\n").data as { a: number }).a)).toBe(
      true,
    );
  });
});

describe("hostile and huge YAML: one located problem, never a crash", () => {
  const plain = (d: { file: string; line: number; column: number; code: string }) =>
    `${d.file}:${d.line}:${d.column} ${d.code}`;

  it("an alias bomb is one too-many-aliases problem at the first alias", () => {
    let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      bomb += `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
    }
    const source = parseYamlSource("bomb.yaml", bomb);
    expect(source.data).toBeUndefined();
    expect(source.diagnostics.map(plain)).toEqual(["bomb.yaml:2:8 yaml/too-many-aliases"]);
    expect(source.diagnostics[0]?.message).toContain(
      `more values than the file holds, plus ${ALIAS_ALLOWANCE.toLocaleString("en")}`,
    );
  });

  // The same text in a small file and, after a long comment, in a file js-yaml alone reads.
  const bothSizes = (text: string) => [
    parseYamlSource("f.yaml", text),
    parseYamlSource("f.yaml", `${text}# ${"p".repeat(FULL_PARSE_LIMIT)}\n`),
  ];
  const list = (n: number) => `[${Array.from({ length: n }, (_, i) => `e${i}`).join(", ")}]`;
  const uses = (n: number) => Array.from({ length: n }, (_, i) => `  u${i}: *e\n`).join("");

  it.each([
    // A long list repeated by many aliases: a few values in the file, millions in its data.
    ["a long list used 80 times", `a: &e ${list(20_000)}\nb:\n${uses(80)}`, "3:7"],
    ["a short list used 300 times", `a: &e ${list(10)}\nb:\n${uses(300)}`, "3:7"],
    [
      "lists of lists",
      `a: &e ${list(30)}\nb: &f [${"*e, ".repeat(40)}*e]\nc: [${"*f, ".repeat(40)}*f]\n`,
      "2:8",
    ],
  ])("%s: too many aliases in a file of any size", (_name, text, at) => {
    for (const source of bothSizes(text)) {
      expect(source.data).toBeUndefined();
      expect(source.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
        `${at} yaml/too-many-aliases`,
      ]);
    }
  });

  it.each([
    ["a value used 500 times", `a: &e implemented\nb:\n${uses(500)}`],
    ["a long list used once more", `a: &e ${list(20_000)}\nb: *e\n`],
    ["a list of 9 used 100 times", `a: &e ${list(9)}\nb:\n${uses(100)}`],
  ])("%s: read in a file of any size", (_name, text) => {
    const [small, large] = bothSizes(text);
    expect(small?.diagnostics).toEqual([]);
    expect(large?.diagnostics).toEqual([]);
    expect(large?.data).toEqual(small?.data);
  });

  it("aliases nested thousands of levels deep through each other are counted without running out of stack", () => {
    // Each anchor holds the one before, 20 lists deeper: 20,000 levels in the data.
    let text = `a0: &a0 ${"[".repeat(20)}x${"]".repeat(20)}\n`;
    for (let i = 1; i < 200; i++)
      text += `a${i}: &a${i} ${"[".repeat(20)}*a${i - 1}${"]".repeat(20)}\n`;
    const [small, large] = bothSizes(text);
    expect(small?.diagnostics.map((d) => d.code)).toEqual(["yaml/too-many-aliases"]);
    expect(large?.diagnostics.map((d) => d.code)).toEqual(["yaml/too-many-aliases"]);
  });

  it("a few aliases are read as usual", () => {
    const source = parseYamlSource("f.yaml", "a: &x { b: 1 }\nc: *x\n");
    expect(source.diagnostics).toEqual([]);
    expect(source.data).toEqual({ a: { b: 1 }, c: { b: 1 } });
  });

  it.each([
    ["flow lists", (n: number) => `x: ${"[".repeat(n)}${"]".repeat(n)}\n`],
    [
      "block maps",
      (n: number) => Array.from({ length: n }, (_, i) => `${" ".repeat(i)}k:`).join("\n") + " 1\n",
    ],
  ])("nesting deeper than the limit in %s is one too-deep problem", (_name, nest) => {
    for (const depth of [MAX_DEPTH + 5, 3000]) {
      const source = parseYamlSource("deep.yaml", nest(depth));
      expect(source.data).toBeUndefined();
      expect(source.diagnostics.map((d) => d.code)).toEqual(["yaml/too-deep"]);
      expect(source.diagnostics[0]?.file).toBe("deep.yaml");
    }
  });

  it("git merge-conflict markers are one problem at the first marker", () => {
    const source = parseYamlSource(
      "c.yaml",
      "a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> branch\n",
    );
    expect(source.data).toBeUndefined();
    expect(source.diagnostics.map(plain)).toEqual(["c.yaml:2:1 yaml/merge-conflict"]);
    expect(source.diagnostics[0]?.message).toContain("merge-conflict markers");
  });

  it("a large file is read without the position-keeping parser and still located", () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => `  K${i}: { v: ${i} }`).join("\n");
    const text = `top: 1\nanswers:\n${entries}\n`;
    expect(text.length).toBeGreaterThan(FULL_PARSE_LIMIT);
    const source = parseYamlSource("big.yaml", text);
    expect(source.diagnostics).toEqual([]);
    // A key inside a flow mapping is found on its line (the index holds the keys starting lines).
    expect(locate(source, ["answers", "K12345", "v"])).toEqual({ line: 12348, column: 13 });
    expect(locate(source, ["answers", "K12345"])).toEqual({ line: 12348, column: 3 });
    const broken = parseYamlSource("big.yaml", `${text}  K1: { v: 1 }\n`);
    expect(broken.diagnostics.map((d) => d.code)).toEqual(["yaml/duplicate-key"]);
    expect(broken.diagnostics[0]?.line).toBe(20_003);
  });
});
