import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument } from "yaml";
import { COMPOSE_DEPTH, composeYaml, MAX_DEPTH } from "../../src/core/yaml-compose.js";
import { ROOT } from "../helpers.js";

const flow = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}\n`;
const compact = (n: number) => `${"- ".repeat(n)}x\n`;
const keys = (n: number) =>
  `${Array.from({ length: n }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n")} 1\n`;
const mixed = (n: number) =>
  // A block list of maps, each level two deep, ending in flow lists.
  `${Array.from({ length: n }, (_, i) => `${" ".repeat(2 * i)}- k:`).join("\n")} ${flow(n)}`;

describe("what is composed", () => {
  it.each([
    ["flow lists", flow],
    ["compact block lists", compact],
    ["block maps", keys],
  ])("%s: COMPOSE_DEPTH levels are composed, one more is not", (_name, nest) => {
    const within = composeYaml(nest(COMPOSE_DEPTH));
    expect(within.doc).toBeDefined();
    expect(within.doc?.errors).toEqual([]);
    const beyond = composeYaml(nest(COMPOSE_DEPTH + 1));
    expect(beyond.doc).toBeUndefined();
    expect(beyond.tooDeep).toBeDefined();
  });

  it("gives what parseDocument gives for every file the project ships", () => {
    const files = readdirSync(path.join(ROOT, "measures"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => path.join(ROOT, "measures", f));
    files.push(path.join(ROOT, "test", "fixtures", "province", "zones", "2026", "haiyan.yaml"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const counted = new LineCounter();
      const ours = composeYaml(text, { uniqueKeys: true, lineCounter: counted });
      const theirs = parseDocument(text, { uniqueKeys: true });
      expect(ours.doc?.toJS()).toEqual(theirs.toJS());
      expect(ours.doc?.errors).toEqual(theirs.errors);
      expect(counted.lineStarts.length).toBe(text.split("\n").length);
    }
  });

  it.each([
    ["a syntax error", "a: [1, 2\nb: 3\n"],
    ["a repeated key", "a: 1\na: 2\n"],
    ["two documents", "a: 1\n---\nb: 2\n"],
    ["an empty text", ""],
  ])("reports %s as parseDocument does", (_name, text) => {
    const ours = composeYaml(text, { uniqueKeys: true });
    const theirs = parseDocument(text, { uniqueKeys: true });
    expect(ours.doc?.errors.map((e) => [e.code, e.pos])).toEqual(
      theirs.errors.map((e) => [e.code, e.pos]),
    );
    expect(ours.doc?.toJS()).toEqual(theirs.toJS());
  });
});

describe("a text nested too deep", () => {
  it.each([
    ["flow lists", flow, 100],
    ["compact block lists", compact, 200],
  ])("%s: the first map or list at level MAX_DEPTH + 1 is where it is too deep", (_n, nest, at) => {
    const composed = composeYaml(nest(5000));
    expect(composed.tooDeep?.offset).toBe(at);
    expect(MAX_DEPTH).toBe(100);
  });

  it.each([
    ["flow lists", flow],
    ["compact block lists", compact],
    ["block maps", keys],
    ["lists of maps ending in flow lists", mixed],
  ])("%s: the blanked text keeps every offset and line and composes", (_name, nest) => {
    const text = nest(600);
    const shallow = composeYaml(text).tooDeep?.shallow ?? "";
    expect(shallow).toHaveLength(text.length);
    for (const [i, c] of [...text].entries()) {
      if (c === "\n") expect(shallow[i]).toBe("\n");
    }
    // What is left is the text up to level COMPOSE_DEPTH, unchanged.
    expect(shallow.slice(0, COMPOSE_DEPTH)).toBe(text.slice(0, COMPOSE_DEPTH));
    expect(shallow).not.toBe(text);
    const again = composeYaml(shallow);
    expect(again.doc).toBeDefined();
  });

  it("is measured without recursion: 100,000 levels", () => {
    const composed = composeYaml(flow(100_000));
    expect(composed.tooDeep?.offset).toBe(MAX_DEPTH);
  });
});
