import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { schemaModeline, stableSchemaFile, schemaReference } from "../../src/fs/schema-modeline.js";
import { tempDir } from "../helpers.js";

/** A fake installed package folder under `root`: package.json and schemas/. */
function packageAt(...segments: string[]): string {
  const dir = path.join(...segments);
  mkdirSync(path.join(dir, "schemas"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), "{}");
  return dir;
}

const MODELINE = /^# yaml-language-server: \$schema=/;

describe("the schema modeline of a written answers file", () => {
  it("points into the project's own node_modules, relative and with forward slashes", () => {
    const project = tempDir();
    const pkg = packageAt(project, "node_modules", "netdz");
    const file = path.join(project, "zones", "suzhou.yaml");
    expect(stableSchemaFile(file, pkg)).toBe(path.join(pkg, "schemas", "answers.schema.json"));
    expect(schemaModeline(file, "en", pkg)).toEqual([
      "# yaml-language-server: $schema=../node_modules/netdz/schemas/answers.schema.json",
    ]);
  });

  it("points into a git checkout for a file inside it", () => {
    const clone = packageAt(tempDir(), "netdz");
    mkdirSync(path.join(clone, ".git"));
    expect(schemaModeline(path.join(clone, "netdz-answers.yaml"), "en", clone)).toEqual([
      "# yaml-language-server: $schema=schemas/answers.schema.json",
    ]);
  });

  it.each([
    ["npx cache", ["root", ".npm", "_npx", "3f2a9c", "node_modules", "netdz"]],
    ["pnpm store", ["home", "u", ".pnpm-store", "v3", "node_modules", "netdz"]],
    ["yarn cache", ["home", "u", ".yarn", "berry", "node_modules", "netdz"]],
    ["XDG cache", ["home", "u", ".cache", "x", "node_modules", "netdz"]],
  ])("writes no path into the %s, even for a file beside it", (_name, segments) => {
    const base = tempDir();
    const pkg = packageAt(base, ...segments);
    const beside = path.join(path.dirname(path.dirname(pkg)), "a.yaml");
    expect(stableSchemaFile(beside, pkg)).toBeUndefined();
    const lines = schemaModeline(beside, "en", pkg);
    expect(lines.some((line) => MODELINE.test(line))).toBe(false);
    expect(lines.join("\n")).not.toContain("_npx");
    expect(lines).toEqual([
      "# For checks and completion in your editor, save the schema beside this file:",
      "#   netdz schema answers > netdz-answers.schema.json",
      "# and make this the first line of the file:",
      "#   # yaml-language-server: $schema=netdz-answers.schema.json",
    ]);
  });

  it("writes no path to a package outside the project (a global install) or a checkout elsewhere", () => {
    const global = packageAt(tempDir(), "usr", "lib", "node_modules", "netdz");
    expect(stableSchemaFile(path.join(tempDir(), "a.yaml"), global)).toBeUndefined();
    const clone = packageAt(tempDir(), "netdz");
    mkdirSync(path.join(clone, ".git"));
    expect(stableSchemaFile(path.join(tempDir(), "a.yaml"), clone)).toBeUndefined();
  });

  it("gives the hint in Chinese for a Chinese file, with the same command", () => {
    const pkg = packageAt(tempDir(), ".npm", "_npx", "1", "node_modules", "netdz");
    const lines = schemaModeline(path.join(tempDir(), "a.yaml"), "zh", pkg);
    expect(lines[0]).toBe("# 如需在编辑器中检查和补全，请把 schema 保存到本文件旁边：");
    expect(lines[1]).toBe("#   netdz schema answers > netdz-answers.schema.json");
  });

  it("never names the schemas' $id host", () => {
    const pkg = packageAt(tempDir(), ".npm", "_npx", "1", "node_modules", "netdz");
    const text = schemaModeline(path.join(tempDir(), "a.yaml"), "en", pkg).join("\n");
    expect(text).not.toMatch(/https?:/);
  });

  it("is relative across folders, with forward slashes", () => {
    const ref = schemaReference("/a/b.yaml", "/c/schemas/answers.schema.json");
    expect(ref).toBe("../c/schemas/answers.schema.json");
  });
});
