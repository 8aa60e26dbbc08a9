import { describe, expect, it } from "vitest";
import {
  declaredFormat,
  formatHint,
  sourceFormat,
  unknownFormatProblem,
} from "../../src/core/file-format.js";
import { messageIn } from "../../src/render/diagnostics.js";
import { FULL_PARSE_LIMIT, parseYamlSource } from "../../src/core/yaml-source.js";

describe("declaredFormat of a text that does not parse", () => {
  it.each([
    ["format: netdz-answers/1\nx: [", "netdz-answers/1"],
    ['format: "netdz-answers/1"\nx: [', "netdz-answers/1"],
    ['"format": netdz-answers/1\nx: [', "netdz-answers/1"],
    ["'format': 'netdz-answers/1'  # c\nx: [", "netdz-answers/1"],
    ["format :  netdz-answers/1\nx: [", "netdz-answers/1"],
    ["\ufeffformat: netdz-measure/1\nx: [", "netdz-measure/1"],
    ["# head\nformat:\n  netdz-answers/1\nx: [", "netdz-answers/1"],
    ["format: # the kind of file\n\n  # below\n  netdz-answers/1\r\nx: [", "netdz-answers/1"],
    ["measureSet: { id: a }\nformat: netdz-answers/1\nx: [", "netdz-answers/1"],
    ["  format: netdz-answers/1\nx: [", undefined], // not at the top level
    ["# format: netdz-answers/1\nx: [", undefined], // a comment
    ["formats: netdz-answers/1\nx: [", undefined],
    ["format:\nnetdz-answers/1\nx: [", undefined], // not indented: no value of `format`
    // Not read from the line (a wrong value would be worse than none): see sourceFormat.
    ["format: !!str netdz-answers/1\nx: [", undefined],
    ["format: &f netdz-answers/1\nx: [", undefined],
    ["format: *f\nx: [", undefined],
    ["format: |-\n  netdz-answers/1\nx: [", undefined],
    ['format: "netdz-answers\\/1"\nx: [', undefined],
    ["format: [netdz-answers/1]\nx: [", undefined],
    ["format: netdz-answers/1, more\nx: [", undefined],
  ])("%j declares %s", (text, format) => {
    expect(declaredFormat(text)).toBe(format);
  });
});

describe("sourceFormat of a file that does not parse", () => {
  it.each([
    ["format: netdz-answers/1\nx: [", "netdz-answers/1"],
    ["format: !!str netdz-answers/1\nx: [", "netdz-answers/1"],
    ["format: &f netdz-answers/1\nx: [", "netdz-answers/1"],
    ["format: |-\n  netdz-answers/1\nx: [", "netdz-answers/1"],
    ['format: "netdz-answers\\/1"\nx: [', "netdz-answers/1"],
    ["? format\n: netdz-measure/1\nx: [", "netdz-measure/1"],
    ['{"format": "netdz-answers/1",\n "zone": {"name": "x",, }\n', "netdz-answers/1"],
    // A stray ] after a closed mapping: the file's mapping is the one not closed.
    [
      '{\n  "format": "netdz-answers/1",\n  "measureSet": { "id": "x", "version": "1.0.0" }],\n  "answers": {}\n}\n',
      "netdz-answers/1",
    ],
    // On the line of the first error: believed, so that a broken answers file is listed with its
    // error rather than passed over.
    ["x: [\nformat: !!str netdz-answers/1\n", "netdz-answers/1"],
    ["a: [1\nformat: netdz-answers/1\n", "netdz-answers/1"],
    ["x-f: &x netdz-answers/1\nformat: *x\nb: [", "netdz-answers/1"], // an alias
    ["format: *nowhere\nb: [", undefined],
    ["format: 12\nx: [", "12"], // as written: an unknown format
    ["format: !!int 12\nx: [", undefined], // recovered, not a text
    ["a:\n  format: !!str netdz-answers/1\nb: [", undefined], // not at the top level
    ["- format: !!str netdz-answers/1\n- [", undefined], // a list
  ])("%j declares %s", (text, format) => {
    const source = parseYamlSource("f.yaml", text);
    expect(source.data).toBeUndefined();
    expect(sourceFormat(source)).toBe(format);
  });

  // Above 256 KB no document is recovered from a file that does not parse: a JSON-style file is
  // told by its `format` key all the same (it was taken for no netdz file, and passed over in a
  // folder without a word).
  it.each([
    ['{\n  "format": "netdz-answers/1",\n  "answers": { "M09.Q1": {}\n}\n', "netdz-answers/1"],
    ["{format: netdz-answers/1, answers: { M09.Q1: {} }\n", "netdz-answers/1"],
    ['{\n  "format": "netdz-changes/1"\n  "from": "1.0.0"\n}\n', "netdz-changes/1"],
    ["{ 'format' : 'netdz-measure/1' , id: [\n", "netdz-measure/1"],
    // Not the mapping's own key: inside one of its values, or inside quoted text.
    ['{ "meta": { "format": "netdz-answers/1" }, "x": [1, 2 }\n', undefined],
    ['{ "note": "a, format: netdz-answers/1", "x": [1\n', undefined],
    ['{ \'n\': \'it\'\'s, "format": x\', "format": "netdz-answers/1", "a": [\n', "netdz-answers/1"],
    ["{ # format: netdz-answers/1\n  x: [1\n", undefined],
    // Below the first error: not believed.
    ['{\n  "a": [1,, \n  "b": 2\n  "c": 3\n  "format": "netdz-answers/1"\n}\n', undefined],
  ])("a large flow-mapping file %j declares %s", (text, format) => {
    const source = parseYamlSource("f.yaml", `${text}# ${"p".repeat(FULL_PARSE_LIMIT)}\n`);
    expect(source.large).toBe(true);
    expect(source.data).toBeUndefined();
    expect(sourceFormat(source)).toBe(format);
  });

  it("takes a parsed file's format from its data", () => {
    expect(sourceFormat(parseYamlSource("f.yaml", "format: !!str netdz-answers/1\n"))).toBe(
      "netdz-answers/1",
    );
    expect(sourceFormat(parseYamlSource("f.yaml", "format: !!int 1\n"))).toBeUndefined();
  });
});

describe("sourceFormat of a file that does not parse believes only what comes before its first error", () => {
  const markdown = [
    "# Our zone",
    "",
    "Some prose: with a colon, and `code`: that YAML cannot read",
    "- a list: item",
    "```yaml",
    "format: netdz-answers/1",
    "measureSet: { id: workplan-2025, version: 1.0.0 }",
    "```",
    "",
  ].join("\n");

  it("a Markdown file quoting an answers file declares no format", () => {
    const source = parseYamlSource("notes.md", markdown);
    expect(source.data).toBeUndefined();
    expect(sourceFormat(source)).toBeUndefined();
  });

  it("an answers file broken below its format line keeps its format", () => {
    const broken =
      "format: netdz-answers/1\nmeasureSet: { id: a, version: 1.0.0 }\nanswers:\n  M01.Q1: [\n";
    const source = parseYamlSource("a.yaml", broken);
    expect(source.data).toBeUndefined();
    expect(sourceFormat(source)).toBe("netdz-answers/1");
  });

  it("a format line on the line of the first error still counts", () => {
    const source = parseYamlSource("a.yaml", '{"format": "netdz-answers/1", "zone": {,}\n');
    expect(source.data).toBeUndefined();
    expect(sourceFormat(source)).toBe("netdz-answers/1");
  });
});

describe("formatHint: what an unknown format is likely to be", () => {
  it.each([
    ["netdz-answers/2", { version: { reads: "netdz-answers/1", later: true } }],
    ["netdz-measure/3", { version: { reads: "netdz-measure/1", later: true } }],
    ["netdz-measure-set/2", { version: { reads: "netdz-measure-set/1", later: true } }],
    ["netdz-changes/0", { version: { reads: "netdz-changes/1", later: false } }],
    ["netdz-answer/1", { near: "netdz-answers/1" }],
    ["Netdz-Answers/1", { near: "netdz-answers/1" }],
    [" netdz-measures/1 ", { near: "netdz-measure/1" }],
    ["netdz-measure-sets/1", { near: "netdz-measure-set/1" }],
    ["something/1", {}],
    ["netdz-report/1", {}],
    ["x".repeat(500), {}],
  ])("%j", (format, hint) => {
    expect(formatHint(format)).toEqual(hint);
  });

  it("is said in the problem, in both languages", () => {
    const later = unknownFormatProblem(
      parseYamlSource("a.yaml", "format: netdz-answers/2\n"),
      "netdz-answers/2",
    );
    expect(messageIn(later, "en")).toBe(
      'format "netdz-answers/2" is a later version than this netdz reads (netdz-answers/1): update netdz to read this file',
    );
    expect(messageIn(later, "zh")).toContain("请升级 netdz");
    const near = unknownFormatProblem(
      parseYamlSource("a.yaml", "format: netdz-answer/1\n"),
      "netdz-answer/1",
    );
    expect(messageIn(near, "en")).toBe(
      'unknown format "netdz-answer/1": did you mean netdz-answers/1?',
    );
    expect(messageIn(near, "zh")).toBe("未知的 format“netdz-answer/1”：是否应为 netdz-answers/1？");
    expect([later.line, later.column]).toEqual([1, 9]);
  });
});
