import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { newProblems } from "../../src/core/diagnostic-filter.js";
import { declaredFormat, fileKind } from "../../src/core/file-format.js";
import { formatSetRef } from "../../src/core/set-ref.js";
import { parseSetRef, workspace } from "../../src/fs/workspace.js";
import { copyMiniSet, editFile, FIXTURES } from "../helpers.js";
import { run } from "./run.js";

describe("workspace", () => {
  it("loads and checks a set once, and again only when one of its files changes", async () => {
    const { root, setDir } = copyMiniSet();
    const ws = workspace({ cwd: path.dirname(root), measuresDir: root });
    const first = await ws.loadSet(setDir);
    expect(first.set?.id).toBe("mini");
    expect(await workspace({ cwd: "/", measuresDir: root }).loadSet(setDir)).toBe(first);
    editFile(path.join(setDir, "m02-second.yaml"), /^format:.*$/m, "format: [");
    const changed = await ws.loadSet(setDir);
    expect(changed).not.toBe(first);
    expect(changed.set).toBeUndefined();
  });

  it("lists the sets and versions, and resolves id@version", async () => {
    const { root } = copyMiniSet();
    const ws = workspace({ cwd: path.dirname(root), measuresDir: root });
    expect((await ws.sets()).map((s) => `${s.id}@${s.version}`)).toEqual(["mini@1.0.0"]);
    expect(await ws.versions("mini")).toEqual(["1.0.0"]);
    expect((await ws.resolveSet("mini@1.0.0")).version).toBe("1.0.0");
    expect((await ws.resolveSet({ id: "mini" })).id).toBe("mini");
    await expect(ws.resolveSet("mini@9.9.9")).rejects.toThrow(
      "measure set mini@9.9.9 is not available (available: mini@1.0.0)",
    );
  });

  it("reads the problems of every file of a set, not only the first invalid one", async () => {
    const { root, setDir } = copyMiniSet();
    editFile(path.join(setDir, "m01-first.yaml"), /^format:.*$/m, "format: [");
    editFile(path.join(setDir, "m02-second.yaml"), /^format:.*$/m, "format: [");
    const loaded = await workspace({ cwd: path.dirname(root), measuresDir: root }).loadSet(setDir);
    const files = new Set(loaded.diagnostics.map((d) => path.basename(d.file)));
    expect([...files].sort()).toEqual(["m01-first.yaml", "m02-second.yaml"]);
  });

  it("loads an answers file with its set: {answers, set, diagnostics}", async () => {
    const { root } = copyMiniSet();
    const cwd = path.dirname(root);
    copyFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(cwd, "a.yaml"));
    const loaded = await workspace({ cwd, measuresDir: root }).loadAnswers("a.yaml");
    expect(loaded.set.id).toBe("mini");
    expect(loaded.answers.zone.name).toBe("Test Zone");
    expect(loaded.diagnostics).toEqual([]);
  });
});

describe("one parser of --set", () => {
  it.each([
    ["mini", { id: "mini" }],
    ["mini@1.0.0", { id: "mini", version: "1.0.0" }],
  ])("%s", (text, ref) => {
    expect(parseSetRef(text)).toEqual(ref);
    expect(formatSetRef(ref)).toBe(text);
  });
  it.each(["", "a@", "@1", "a@b@c", "a b"])("refuses %j", (text) => {
    expect(() => parseSetRef(text)).toThrow("expected ID or ID@VERSION");
  });
});

describe("one detector of format", () => {
  it.each([
    ["format: netdz-answers/1\n", undefined, "answers"],
    ['\uFEFF# c\nformat: "netdz-measure/1" # x\n', undefined, "measure"],
    ["a: [\nformat: netdz-measure-set/1\n", undefined, "measure-set"],
    ["", { format: "netdz-answers/1" }, "answers"],
    ["format: __proto__\n", undefined, undefined],
    ["  format: netdz-answers/1\n", undefined, undefined],
  ])("%j", (text, data, kind) => {
    expect(fileKind(declaredFormat(text, data))).toBe(kind);
  });
});

describe("one filter of repeated problems", () => {
  const d = (line: number, code: string) => ({
    file: "f.yaml",
    line,
    column: 1,
    severity: "error" as const,
    code,
    message: code,
  });
  it("drops a later problem at a place already reported, and exact repeats", () => {
    expect(newProblems([d(1, "b"), d(2, "c"), d(2, "c"), d(2, "e")], [d(1, "a")])).toEqual([
      d(2, "c"),
      d(2, "e"),
    ]);
  });
  it("reads a position only where it decides something (it may cost a full parse)", () => {
    const read: string[] = [];
    const lazy = (file: string, line: number, code: string) => ({
      file,
      get line() {
        read.push(`${file}:${code}`);
        return line;
      },
      column: 1,
      severity: "warning" as const,
      code,
      message: code,
    });
    const later = [lazy("a.yaml", 3, "w"), lazy("b.yaml", 4, "x"), lazy("b.yaml", 4, "x")];
    const kept = newProblems(later, [lazy("c.yaml", 1, "e")]);
    expect(kept.map((k) => k.file)).toEqual(["a.yaml", "b.yaml"]);
    // a.yaml: its only problem, in a file with no earlier problem; c.yaml: nothing to compare with.
    expect(read.filter((r) => r.startsWith("a.yaml") || r.startsWith("c.yaml"))).toEqual([]);
    expect(newProblems([lazy("c.yaml", 1, "w")], [lazy("c.yaml", 1, "e")])).toEqual([]);
  });
});

describe("validate", () => {
  it("with no arguments checks netdz-answers.yaml when there is no measures/ folder", async () => {
    const { root } = copyMiniSet();
    const cwd = path.dirname(root);
    const text = readFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), "utf8");
    writeFileSync(path.join(cwd, "netdz-answers.yaml"), text.replace("M02.Q1", "M02.Q9"));
    rmSync(path.join(cwd, "measures"), { recursive: true, force: true });
    const result = await run(["validate", "--measures", "sets"], cwd);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      /^netdz-answers\.yaml:\d+:\d+ {2}error {2}answers\/unknown-question/m,
    );
  });

  it("prints at most 50 problems per file, then how many more", async () => {
    const { root } = copyMiniSet();
    const cwd = path.dirname(root);
    const text = readFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), "utf8");
    const extra = Array.from({ length: 60 }, (_, i) => `  X${i}.Q1: { status: implemented }`);
    writeFileSync(path.join(cwd, "a.yaml"), `${text}${extra.join("\n")}\n`);
    const json = await run(["validate", "a.yaml", "--measures", "sets", "--format", "json"], cwd);
    const all = (JSON.parse(json.out) as unknown[]).length;
    expect(all).toBeGreaterThanOrEqual(60); // JSON keeps every problem
    const result = await run(["validate", "a.yaml", "--measures", "sets"], cwd);
    const lines = result.out.trim().split("\n");
    expect(lines).toHaveLength(51);
    expect(lines.at(-1)).toBe(`a.yaml: … and ${all - 50} more problems`);
    const zh = await run(["validate", "a.yaml", "--measures", "sets"], cwd, {
      LANG: "zh_CN.UTF-8",
    });
    expect(zh.out.trim().split("\n").at(-1)).toBe(`a.yaml：……另有 ${all - 50} 个问题`);
    const github = await run(
      ["validate", "a.yaml", "--measures", "sets", "--format", "github"],
      cwd,
    );
    expect(github.out.trim().split("\n").at(-1)).toBe(
      `::notice file=a.yaml::a.yaml: … and ${all - 50} more problems`,
    );
  });

  it("escapes a file name with commas, colons and % in the github notice, as in every other line", async () => {
    const { root } = copyMiniSet();
    const cwd = path.dirname(root);
    const text = readFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), "utf8");
    const extra = Array.from({ length: 60 }, (_, i) => `  X${i}.Q1: { status: implemented }`);
    writeFileSync(path.join(cwd, "a,b:100%.yaml"), `${text}${extra.join("\n")}\n`);
    const github = await run(
      ["validate", "a,b:100%.yaml", "--measures", "sets", "--format", "github"],
      cwd,
    );
    const lines = github.out.trim().split("\n");
    expect(lines).toHaveLength(51);
    for (const line of lines) expect(line).toMatch(/^::\w+ file=a%2Cb%3A100%25\.yaml[,:]/);
    expect(lines.at(-1)).toMatch(
      /^::notice file=a%2Cb%3A100%25\.yaml::a,b:100%25\.yaml: … and \d+ more problems$/,
    );
  });
});
