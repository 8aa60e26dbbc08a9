import { describe, expect, it } from "vitest";
import { parseYamlSource } from "../../src/core/yaml-source.js";

const shapes: [string, (n: number) => string][] = [
  ["flow lists", (n) => `${"[".repeat(n)}${"]".repeat(n)}\n`],
  ["flow lists under a key", (n) => `x: ${"[".repeat(n)}${"]".repeat(n)}\n`],
  ["flow maps", (n) => `${"{a: ".repeat(n)}1${"}".repeat(n)}\n`],
  ["flow maps in a block map", (n) => `x:\n  y: ${"{a: ".repeat(n)}1${"}".repeat(n)}\n`],
  [
    "quoted text and comments before",
    (n) => `# [[[ not a list\nq: "{[{"\nx: ${"[".repeat(n)}'a]'${"]".repeat(n)}\n`,
  ],
];

describe("deep flow nesting is located at the 101st level, however deep", () => {
  it.each(shapes)("%s", (_name, nest) => {
    const where = (n: number) =>
      parseYamlSource("deep.yaml", nest(n)).diagnostics.map(
        (d) => `${d.line}:${d.column} ${d.code}`,
      );
    const expected = where(300);
    expect(expected).toHaveLength(1);
    expect(expected[0]).toMatch(/yaml\/too-deep$/);
    for (const depth of [700, 800, 1000, 5000]) {
      expect(where(depth)).toEqual(expected);
      // The same answer every run.
      expect(where(depth)).toEqual(expected);
    }
  });

  it("the 101st level of a top-level flow list is its 101st bracket", () => {
    const source = parseYamlSource("deep.yaml", `${"[".repeat(5000)}${"]".repeat(5000)}\n`);
    expect(source.diagnostics.map((d) => [d.line, d.column])).toEqual([[1, 101]]);
  });
});
