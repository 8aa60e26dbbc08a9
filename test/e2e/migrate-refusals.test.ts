import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, runCli, tempDir } from "../helpers.js";

const SETS = path.join(FIXTURES, "versions");

function answersIn(dir: string): string {
  const text = readFileSync(path.join(SETS, "answers-1.0.0.yaml"), "utf8");
  writeFileSync(path.join(dir, "zone.yaml"), text);
  return text;
}

describe("netdz migrate refuses in the language of the run (spawned)", () => {
  it.each([
    [
      "en",
      "netdz: --to 9.9.9: mini@9.9.9 is not available (available versions: 1.2.0, 1.1.0, 1.0.0)\n",
    ],
    ["zh", "netdz: --to 9.9.9：没有 mini@9.9.9 这一版本（可用版本：1.2.0、1.1.0、1.0.0）\n"],
  ])("an unknown --to version (%s), exit 2, nothing written", (lang, message) => {
    const dir = tempDir();
    const before = answersIn(dir);
    const result = runCli(
      ["migrate", "zone.yaml", "--to", "9.9.9", "--measures", SETS, "--lang", lang],
      { cwd: dir },
    );
    expect([result.status, result.stdout, result.stderr]).toEqual([2, "", message]);
    expect(readFileSync(path.join(dir, "zone.yaml"), "utf8")).toBe(before);
  });

  it("an answers file that does not exist, in Chinese", () => {
    const result = runCli(["migrate", "missing.yaml", "--lang", "zh"], { cwd: tempDir() });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/missing\.yaml[\s\S]*(不存在|无法读取)/);
    expect(result.stderr).not.toMatch(/no such file/i);
  });

  it("an --out file that exists: refused before any account is printed", () => {
    const dir = tempDir();
    const before = answersIn(dir);
    writeFileSync(path.join(dir, "taken.yaml"), "keep me\n");
    const result = runCli(
      ["migrate", "zone.yaml", "--out", "taken.yaml", "--measures", SETS, "--lang", "en"],
      { cwd: dir },
    );
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("taken.yaml already exists");
    expect(readFileSync(path.join(dir, "taken.yaml"), "utf8")).toBe("keep me\n");
    expect(readFileSync(path.join(dir, "zone.yaml"), "utf8")).toBe(before);
  });
});
