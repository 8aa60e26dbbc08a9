import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FULL_PARSE_LIMIT, parseYamlSource } from "../../src/core/yaml-source.js";
import { copyMiniSet, FIXTURES } from "../helpers.js";
import { run } from "../fs/run.js";

/** Big files without a single alias: every one is read, never refused as an alias bomb. */
const shapes: [string, () => string][] = [
  [
    "an answers file with 3000 evidence URLs per question",
    () => {
      const urls = Array.from({ length: 3000 }, (_, i) => `      - https://example.org/e/${i}.pdf`);
      return `answers:\n${["M01.Q1", "M01.Q2", "M02.Q1"].map((id) => `  ${id}:\n    status: implemented\n    evidence:\n${urls.join("\n")}`).join("\n")}\n`;
    },
  ],
  [
    "a flat map of x- keys",
    () => Array.from({ length: 40_000 }, (_, i) => `x-k${i}: v`).join("\n") + "\n",
  ],
  [
    "one long flow list of numbers",
    () => `a: [${Array.from({ length: 80_000 }, (_, i) => i).join(", ")}]\n`,
  ],
  [
    "many small maps in a list",
    () =>
      Array.from({ length: 12_000 }, (_, i) => `- { id: q${i}, weight: 1, ok: true }`).join("\n") +
      "\n",
  ],
  ["one huge string", () => `note: "${"长文本".repeat(100_000)}"\n`],
];

describe("large valid YAML is read, not taken for an alias bomb", () => {
  it.each(shapes)("%s", (_name, make) => {
    const text = make();
    expect(text.length).toBeGreaterThan(FULL_PARSE_LIMIT);
    const source = parseYamlSource("big.yaml", text);
    expect(source.diagnostics).toEqual([]);
    // The whole document, as an independent parser reads it.
    expect(source.data).toEqual(parse(text, { maxAliasCount: -1, uniqueKeys: false }));
  });

  it("a large file with a few real aliases is still read", () => {
    const text =
      "base: &b { a: 1, b: [1, 2, 3] }\n" +
      Array.from({ length: 30_000 }, (_, i) => `k${i}: *b`)
        .slice(0, 50)
        .join("\n") +
      "\n" +
      Array.from({ length: 40_000 }, (_, i) => `x-k${i}: v`).join("\n") +
      "\n";
    expect(text.length).toBeGreaterThan(FULL_PARSE_LIMIT);
    expect(parseYamlSource("big.yaml", text).diagnostics).toEqual([]);
  });

  it("a large file that is an alias bomb is still one too-many-aliases problem", () => {
    let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      bomb += `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
    }
    const text = bomb + Array.from({ length: 40_000 }, (_, i) => `x-k${i}: v`).join("\n") + "\n";
    expect(text.length).toBeGreaterThan(FULL_PARSE_LIMIT);
    const source = parseYamlSource("bomb.yaml", text);
    expect(source.diagnostics.map((d) => [d.line, d.code])).toEqual([[2, "yaml/too-many-aliases"]]);
  });

  it("a syntax error in a large file is a syntax problem, not an alias limit", () => {
    const text =
      Array.from({ length: 40_000 }, (_, i) => `x-k${i}: v`).join("\n") + "\nbad: [1, 2\n";
    const source = parseYamlSource("big.yaml", text);
    expect(source.diagnostics.map((d) => d.code)).toEqual(["yaml/syntax"]);
  });

  it("validate and report accept a large valid answers file", async () => {
    const { root } = copyMiniSet();
    const cwd = path.dirname(root);
    copyFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(cwd, "ok.yaml"));
    const urls = Array.from({ length: 9000 }, (_, i) => `https://example.org/evidence/${i}.pdf`);
    const text = readFileSync(path.join(cwd, "ok.yaml"), "utf8").replace(
      "evidence: [https://example.org/doc.pdf]",
      `evidence: [${urls.join(", ")}]`,
    );
    expect(text.length).toBeGreaterThan(FULL_PARSE_LIMIT);
    writeFileSync(path.join(cwd, "big.yaml"), text);
    const validate = await run(["validate", "big.yaml", "--measures", "sets"], cwd);
    expect(validate.out + validate.err).not.toMatch(/too-many-aliases/);
    expect(validate.code).toBe(0);
    const report = await run(["report", "big.yaml", "--measures", "sets"], cwd);
    expect(report.err).toBe("");
    expect(report.code).toBe(0);
  });
});
