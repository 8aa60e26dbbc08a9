// A comment written as JSON-with-comments writes it (`//`, `/* */`) is one located problem for the
// file, not a missing "format" and an unknown field; `//` inside a text, or a `#` comment, is fine.
import { describe, expect, it } from "vitest";
import { parseYamlSource } from "../../src/core/yaml-source.js";

describe("a JavaScript-style comment in a YAML or JSON file", () => {
  it.each([
    ['{ // by our script\n  "format": "netdz-answers/1"\n}\n', 1, 3, "//"],
    ['{\n  "format": "netdz-answers/1", /* pinned */\n  "answers": {}\n}\n', 2, 32, "/*"],
    ['{\n  "format": "netdz-answers/1",\n  // the zone\n  "zone": {}\n}\n', 3, 3, "//"],
  ])("%j → one problem at %i:%i", (text, line, column, written) => {
    const source = parseYamlSource("f.json", text, "en");
    expect(source.data).toBeUndefined();
    expect(source.failed).toBe(true);
    expect(source.diagnostics).toHaveLength(1);
    expect(source.diagnostics[0]).toMatchObject({ line, column, code: "yaml/js-comment" });
    expect(source.diagnostics[0]?.message).toContain(`${written} starts a comment in JavaScript`);
    expect(parseYamlSource("f.json", text, "zh").diagnostics[0]?.message).toContain(
      "JavaScript 的注释写法",
    );
  });

  it.each([
    'format: netdz-answers/1\nanswers:\n  M01.Q1: { note: "see // and /* here", value: 1 }\n',
    "format: netdz-answers/1\nsource: https://example.org/a\nanswers: {} # // not a key\n",
    "format: netdz-answers/1\nnote: |\n  // a line of code\n",
  ])("%j is read as it is", (text) => {
    const source = parseYamlSource("f.yaml", text, "en");
    expect(source.diagnostics).toEqual([]);
    expect(source.data).toBeDefined();
  });
});
