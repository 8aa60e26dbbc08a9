import { describe, expect, it } from "vitest";
import {
  FULL_PARSE_LIMIT,
  locate,
  parseYamlSource,
  positionOf,
} from "../../src/core/yaml-source.js";
import { diagnosticMessage } from "../../src/i18n/diagnostic-messages.js";
import type { Diagnostic } from "../../src/core/model.js";

/** Adds a comment line that takes the file past the limit: js-yaml alone reads it. */
const large = (text: string) => `${text}# ${"p".repeat(FULL_PARSE_LIMIT)}\n`;

/** The message in a language: a diagnostic's text if it has one, else its message. */
const say = (d: Diagnostic, lang: "en" | "zh") => {
  const text = (d as { text?: Parameters<typeof diagnosticMessage>[0] }).text;
  return text === undefined ? d.message : diagnosticMessage(text, lang);
};

const problems = (text: string, lang: "en" | "zh" = "en") =>
  parseYamlSource("f.yaml", text, lang).diagnostics.map(
    (d) => `${d.line}:${d.column} ${d.code} ${say(d, lang)}`,
  );

/** A small file's one YAML problem, checked to be a `yaml/syntax` error at `at` (line:column). */
const oneSyntaxProblemAt = (text: string, lang: "en" | "zh", at: string) => {
  const found = problems(text, lang);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatch(new RegExp(`^${at} yaml/syntax `));
  return found[0] as string;
};

/** The problems of the same text in a large file. */
const largeProblems = (text: string, lang: "en" | "zh" = "en") =>
  parseYamlSource("f.yaml", large(text), lang).diagnostics.map(
    (d) => `${d.line}:${d.column} ${d.code} ${say(d, lang)}`,
  );

describe("a file over 256 KB gets netdz's messages for YAML errors, in both languages", () => {
  it.each([
    ["a flow mapping", "zone: { name: A, name: B }\nanswers: {}\n", "1:18", "1 行第 9 列"],
    [
      "a block mapping",
      "a: 1\nb:\n  c: 1\n  # x\n  d:\n    c: 5\n  c: 3\ne: 4\n",
      "7:3",
      "3 行第 3 列",
    ],
    ["a list item's mapping", "- a: 1\n- a: 2\n  b: 1\n  a: 3\n", "4:3", "2 行第 3 列"],
    ["quoted keys", 'a: 1\n"a": 2\n', "2:1", "1 行第 1 列"],
  ])(
    "a repeated key in %s says where its first use is, as a small file does",
    (_n, text, at, zhFirst) => {
      const big = largeProblems(text, "zh");
      expect(big).toHaveLength(1);
      expect(big[0]).toMatch(
        new RegExp(`^${at} yaml/duplicate-key 键“.+”重复.*第一次出现在第 ${zhFirst}`),
      );
      expect(big).toEqual(problems(text, "zh"));
      expect(largeProblems(text)[0]).toContain("(first at line");
    },
  );

  it.each([
    ["bad indentation", "a:\n  b: 1\n   c: 2\n", "缩进不正确", "indentation is wrong"],
    [
      "a tab as indentation",
      "zone:\n\tname: X\n",
      "Tab 缩进",
      "Tabs are not allowed as indentation",
    ],
    [
      "an unclosed double quote",
      'zone: { name: "abc }\nanswers: {}\n',
      "缺少字符",
      'Missing closing "quote',
    ],
    ["a bad escape", 'a: "\\q"\n', "转义写法不对", "escape"],
    ["a key over two lines", "a\nb: 1\n", "键不能跨行", "a key cannot run over lines"],
  ])(
    "%s: yaml/syntax with the summary a small file gets, never js-yaml's words",
    (_n, text, zh, en) => {
      const [zhText, ...moreZh] = largeProblems(text, "zh");
      expect(moreZh).toEqual([]);
      expect(zhText).toMatch(/^\d+:\d+ yaml\/syntax YAML 语法错误：/);
      expect(zhText).toContain(zh);
      expect(zhText?.split("yaml/syntax")[1]).not.toMatch(/[a-z]{4,}/); // no English words left in the Chinese message
      const [enText] = largeProblems(text, "en");
      expect(enText).toContain(en);
    },
  );

  it.each([
    ["in a file of tabs", "zone:\n\tname: X\n", "2:1"],
    [
      "after lines indented with spaces",
      "zone:\n  a: 1\nanswers:\n  M01.Q1:\n\tstatus: implemented\n",
      "5:1",
    ],
    ["after spaces on its line", "answers:\n  M01.Q1:\n   \tstatus: unknown\n", "3:4"],
    [
      "below a block text holding a tab",
      "answers:\n  M01.Q1:\n    note: |\n      one\n      \ttab in the text\n\tbad: 1\n",
      "6:1",
    ],
  ])("a tab as indentation %s: the same words and place at any size", (_n, text, at) => {
    for (const lang of ["en", "zh"] as const) {
      const small = oneSyntaxProblemAt(text, lang, at);
      expect(largeProblems(text, lang)).toEqual([small]);
    }
    expect(problems(text)[0]).toContain("Tabs are not allowed as indentation");
  });

  // Named where its [ or { opens, in the same words at any size (yaml reported each collection
  // around it too, where the reading stopped, and js-yaml where the file ends).
  it.each([
    ["flow mapping, the next key below it", "m: { id: x, version: 1\nanswers: {}\n", "1:4", "{"],
    ["flow list at the end of the file", "a: [1, 2\n", "1:4", "["],
    ["list inside a mapping", "a:\n  q: { s: x, note: [[x\n", "2:21", "["],
    ["mapping closed by ]", "a: [1, {b: 2]\n", "1:8", "{"],
    ["mapping with entries on lines below", "a:\n  b: { c: 1,\n    d: 2\n  e: 3\n", "2:6", "{"],
    ["mapping followed by a comment line", "a:\n  q: { s: x\n# c\n", "2:6", "{"],
    [
      "mapping, then more unclosed ones",
      "a:\n  q: { s: x\n  r: { e: [a\n  t: { s: x\n",
      "2:6",
      "{",
    ],
    ["mapping with a stray ] in it", "a:\n  q: { e: [a, b]] }\n  t: { s: x }\n", "2:6", "{"],
    [
      "JSON mapping with a stray ] after a closed one",
      '{\n  "a": { "b": 1 }],\n  "c": {}\n}\n',
      "1:1",
      "{",
    ],
  ])("an unclosed %s is one problem where it opens", (_n, text, at, open) => {
    for (const lang of ["en", "zh"] as const) {
      const small = oneSyntaxProblemAt(text, lang, at);
      expect(small).toContain(` ${open} `);
      expect(small).toContain(lang === "en" ? "is not closed with" : "没有用");
      // The same problem in a large file, but for where its reading stopped (the file ends later).
      const strip = (p: string | undefined) => p?.replace(/\d+(\D+)\d+\D*$/, "");
      expect(largeProblems(text, lang).map(strip)).toEqual([strip(small)]);
    }
  });

  it.each([
    ["in a flow list", 'a:\n  q: { e: ["a, b\n  t: { s: x }\n', "2:12", '"'],
    ["in a flow mapping, single", "a: { b: 'c\nd: 1\n", "1:9", "'"],
  ])("a quote never closed %s is one problem where it opens, at any size", (_n, text, at, q) => {
    for (const lang of ["en", "zh"] as const) {
      const small = oneSyntaxProblemAt(text, lang, at);
      if (lang === "en") expect(small).toContain(`Missing closing ${q}quote`);
      expect(largeProblems(text, lang)).toEqual([small]);
    }
  });

  it.each([
    ["a comma missing between entries", 'a: ["x" "y"]\n'],
    ["a comma missing in a JSON mapping", '{\n  "a": 1\n  "b": 2\n}\n'],
  ])("%s is not taken for an unclosed list or mapping", (_n, text) => {
    expect(problems(text).join("\n")).not.toContain("is not closed");
    expect(largeProblems(text).join("\n")).not.toContain("is not closed");
  });

  it("more than one document is said so, at the second document's ---", () => {
    const text = "a: 1\nb: 2\n---\nc: 1\n";
    expect(largeProblems(text)).toEqual(problems(text));
    expect(largeProblems(text)[0]).toMatch(/^3:1 yaml\/syntax the file holds more than one/);
  });

  it("value: 1,200 keeps its 'write 1200' hint, located at 200", () => {
    const text = "answers:\n  M01.Q1: { value: 1,200 }\n";
    const source = parseYamlSource("f.yaml", large(text));
    expect(source.diagnostics).toEqual([]);
    expect(locate(source, ["answers", "M01.Q1", "200"], { key: true })).toEqual({
      line: 2,
      column: 22,
    });
    // Line 1 starts at 0 in the large path's line counter (it was "line 0", and the hint was lost).
    expect(positionOf(source, 3)).toEqual({ line: 1, column: 4 });
  });
});

describe("an alias used as a key is refused", () => {
  const text = "answers:\n  &k M01.Q1: { status: implemented }\n  *k : { status: planned }\n";
  it("in a small file: one error at the alias, no data", () => {
    const source = parseYamlSource("f.yaml", text);
    expect(source.data).toBeUndefined();
    expect(problems(text)).toEqual([
      "3:3 yaml/alias-key an alias (*k) cannot be used as a key: write the key itself (an alias key repeats another key, and one of the two answers would be lost)",
    ]);
    expect(problems(text, "zh")[0]).toMatch(/^3:3 yaml\/alias-key 别名（\*k）不能用作键/);
  });
  it("in a large file: the same error at the same place", () => {
    expect(largeProblems(text)).toEqual(problems(text));
    expect(largeProblems("m: { &a x: 1, *a : 2 }\n")).toEqual(problems("m: { &a x: 1, *a : 2 }\n"));
  });
  it("an alias as a value is still read", () => {
    const ok = "a: &k 1\nb: *k\nc: [*k, *k]\nd: { x: *k }\n";
    expect(parseYamlSource("f.yaml", ok).data).toEqual({ a: 1, b: 1, c: [1, 1], d: { x: 1 } });
    expect(parseYamlSource("f.yaml", large(ok)).diagnostics).toEqual([]);
  });
});

describe("an escape that gives half a UTF-16 pair is one located error", () => {
  it.each([
    ["a high surrogate alone", 'zone: { name: "A\\ud800B" }\n', "1:17", "\\ud800"],
    ["a low surrogate alone", 'a: 1\nb: "x\\uDC00"\n', "2:6", "\\uDC00"],
    ["a \\U escape of a surrogate", 'a: "\\U0000D800"\n', "1:5", "\\U0000D800"],
    ["a high one after a pair", 'a: "\\ud83d\\ude00\\ud83d"\n', "1:17", "\\ud83d"],
    ["in a key", '"k\\ud800": 1\n', "1:3", "\\ud800"],
  ])("%s", (_n, text, at, escape) => {
    for (const padded of [text, large(text)]) {
      const source = parseYamlSource("f.yaml", padded, "zh");
      expect(source.data).toBeUndefined();
      const got = (padded === text ? problems : largeProblems)(text, "zh");
      expect(got).toEqual([expect.stringMatching(new RegExp(`^${at} yaml/invalid-escape 转义 `))]);
      expect(got[0]).toContain(escape);
    }
    expect(problems(text)[0]).toContain(`the escape ${escape} stands for half of a character`);
  });
  it("a whole pair, an escaped backslash and a single-quoted \\ud800 are text", () => {
    const ok = 'a: "\\ud83d\\ude00"\nb: "\\\\ud800"\nc: \'\\ud800\'\n';
    expect(parseYamlSource("f.yaml", ok).data).toEqual({ a: "😀", b: "\\ud800", c: "\\ud800" });
    expect(parseYamlSource("f.yaml", large(ok)).diagnostics).toEqual([]);
  });
});
