import { describe, expect, it } from "vitest";
import {
  FULL_PARSE_LIMIT,
  locate,
  MAX_DEPTH,
  parseYamlSource,
} from "../../src/core/yaml-source.js";

// A comment line long enough that the file is read as a large one (js-yaml alone).
const PAD = `# ${"x".repeat(FULL_PARSE_LIMIT)}\n`;

const shapes: [string, (n: number) => string][] = [
  ["flow lists under a key", (n) => `a: ${"[".repeat(n - 1)}${"]".repeat(n - 1)}\n`],
  ["compact block lists", (n) => `${"- ".repeat(n)}x\n`],
  [
    "block maps, one level a line",
    (n) => `${Array.from({ length: n }, (_, i) => `${" ".repeat(i)}k:`).join("\n")} 1\n`,
  ],
];

/** Maps nested `n` levels, a level a line, the first indented by `indent`, ending in a value. */
const blockMaps = (n: number, indent: number) =>
  `${Array.from({ length: n }, (_, i) => `${" ".repeat(indent + 2 * i)}k${i}:`).join("\n")} 1\n`;

const problems = (text: string) =>
  parseYamlSource("big.yaml", text).diagnostics.map((d) => [d.line, d.column, d.code]);

describe("nesting in a file too large for yaml to read", () => {
  it.each(shapes)("%s: MAX_DEPTH levels are read, as in a small file", (_name, nest) => {
    expect(problems(nest(MAX_DEPTH))).toEqual([]);
    expect(problems(PAD + nest(MAX_DEPTH))).toEqual([]);
  });

  it.each(shapes)("%s: one level more is one problem, at one place however deep", (_n, nest) => {
    const first = problems(PAD + nest(MAX_DEPTH + 1));
    expect(first).toHaveLength(1);
    expect(first[0]?.[2]).toBe("yaml/too-deep");
    // Beyond the file's start (line 1 is the long comment) and within a line of where a small
    // file's problem is.
    const small = problems(nest(MAX_DEPTH + 1))[0] as [number, number, string];
    expect(Math.abs((first[0]?.[0] as number) - 1 - small[0])).toBeLessThanOrEqual(1);
    for (const depth of [MAX_DEPTH + 19, MAX_DEPTH + 21, 400]) {
      expect(problems(PAD + nest(depth))).toEqual(first);
    }
  });

  // The same text, then a comment that takes it past the size at which js-yaml alone reads it.
  it.each<[string, (n: number) => string]>([
    ["block maps under a root key", (n) => `root:\n${blockMaps(n - 1, 2)}`],
    ["block maps at the root", (n) => blockMaps(n, 0)],
    ["a flow list as the whole file", (n) => `${"[".repeat(n)}x${"]".repeat(n)}\n`],
    ["a flow map as the whole file", (n) => `${"{a: ".repeat(n)}x${"}".repeat(n)}\n`],
    [
      "flow maps in a flow map's value",
      (n) => `a: { b: 1, c: ${"{d: ".repeat(n - 2)}x${"}".repeat(n - 2)} }\n`,
    ],
    [
      "a flow list on the line below its key",
      (n) => `a:\n  ${"[".repeat(n - 1)}x${"]".repeat(n - 1)}\n`,
    ],
    ["block lists of flow lists", (n) => `a:\n  - - ${"[".repeat(n - 3)}1${"]".repeat(n - 3)}\n`],
    ["anchored block maps", (n) => `root: &r\n${blockMaps(n - 1, 2)}`],
    [
      "commented block maps",
      (n) => `root:\n${blockMaps(n - 1, 2).replace(/:\n/g, ": # c\n  # line\n")}`,
    ],
    ["empty lists at the level", (n) => `${"[".repeat(n - 1)}[]${"]".repeat(n - 1)}\n`],
    ["CRLF block maps", (n) => `root:\r\n${blockMaps(n - 1, 2).replace(/\n/g, "\r\n")}`],
    ["block maps after a byte-order mark", (n) => `\uFEFFroot:\n${blockMaps(n - 1, 2)}`],
  ])("%s: located where a small file's problem is", (_name, nest) => {
    for (const depth of [MAX_DEPTH + 1, MAX_DEPTH + 21, 300]) {
      const small = problems(nest(depth));
      expect(small, `${depth}`).toHaveLength(1);
      expect(small[0]?.[2]).toBe("yaml/too-deep");
      expect(problems(nest(depth) + PAD), `${depth}`).toEqual(small);
    }
  });

  // Faults before nesting too deep: the same problems whether the nesting is a little too deep
  // (yaml composes it), far too deep (it does not), or the file is large (js-yaml reads it).
  // (js-yaml stops at a repeated key: the large file's one problem.)
  it.each<[string, string, string[], string[]]>([
    ["a second document", "a: 1\n---\n", ["2:1 yaml/syntax"], ["yaml/syntax"]],
    ["an unclosed quote", 'a: "open\n', ["1:4 yaml/syntax"], ["yaml/syntax"]],
    [
      "a repeated key",
      "a: 1\na: 2\n",
      ["2:1 yaml/duplicate-key", "too-deep"],
      ["yaml/duplicate-key"],
    ],
  ])("%s before the nesting is reported as in a file nested less deep", (_n, head, want, big) => {
    for (const depth of [MAX_DEPTH + 10, MAX_DEPTH + 30, 500]) {
      const text = `${head}deep:\n${blockMaps(depth - 1, 2)}`;
      const small = problems(text).map(([line, column, code]) =>
        code === "yaml/too-deep" ? "too-deep" : `${line}:${column} ${code}`,
      );
      expect(small, `${depth}`).toEqual(want);
      const large = problems(text + PAD).map((p) => p[2]);
      expect(large, `${depth}`).toEqual(big);
    }
  });

  it("a key is looked for after its parent key, when a key's name comes again below it", () => {
    const source = parseYamlSource("big.yaml", `${PAD}a:\n  a:\n    a: 1\n`);
    expect(source.large).toBe(true);
    expect(locate(source, ["a", "a", "a"])).toEqual({ line: 4, column: 5 });
  });
});
