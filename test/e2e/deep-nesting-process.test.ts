import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

// yaml's composer used to run out of stack on a file nested some hundreds of levels deep, and a
// regular expression compiled at the edge of the stack then ended the whole process ("FATAL
// ERROR: RegExpCompiler Allocation failed") at some runs; in a fresh process, where none of
// them is compiled yet, at most. So each file is read here by a process of its own.
const SOURCE = pathToFileURL(path.join(ROOT, "dist", "core", "yaml-source.js")).href;

// [shape, the text as an expression of its depth N, the depths read]. Each stays below the size
// above which js-yaml alone reads a file (a block map one level a line grows as N squared).
const shapes: [string, string, number[]][] = [
  ["flow lists", `"[".repeat(N) + "]".repeat(N)`, [150, 700, 3000]],
  ["flow maps", `"{a: ".repeat(N) + "1" + "}".repeat(N)`, [150, 700, 3000]],
  ["compact block lists", `"- ".repeat(N) + "x\\n"`, [150, 700, 3000]],
  [
    "block maps, one level a line",
    `Array.from({ length: N }, (_, i) => " ".repeat(i) + "k:").join("\\n") + " 1\\n"`,
    [150, 500, 700],
  ],
  [
    "lists of maps",
    `Array.from({ length: N }, (_, i) => " ".repeat(2 * i) + "- k:").join("\\n") + " 1\\n"`,
    [150, 400, 480],
  ],
  [
    "a quoted text at the bottom",
    `"x: " + "[".repeat(N) + "'a]'" + "]".repeat(N) + "\\n"`,
    [150, 700, 3000],
  ],
];

function readInOwnProcess(expression: string, depth: number) {
  const script = `
    const { parseYamlSource } = await import(${JSON.stringify(SOURCE)});
    const N = ${depth};
    const source = parseYamlSource("deep.yaml", ${expression});
    console.log(JSON.stringify(source.diagnostics.map((d) => [d.line, d.column, d.code])));
  `;
  return spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("a file nested hundreds of levels deep is one problem, in a process of its own", () => {
  it.each(shapes)("%s", (_name, expression, depths) => {
    const located = depths.map((depth) => {
      const run = readInOwnProcess(expression, depth);
      expect(run.stderr).not.toMatch(/FATAL|Allocation failed/);
      expect(run.status).toBe(0);
      const problems = JSON.parse(run.stdout) as [number, number, string][];
      expect(problems).toHaveLength(1);
      expect(problems[0]?.[2]).toBe("yaml/too-deep");
      return problems[0];
    });
    // Located at the same place however deep the file goes on.
    expect(located[1]).toEqual(located[0]);
    expect(located[2]).toEqual(located[0]);
  });
});
