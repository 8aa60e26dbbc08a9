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

  it.each([
    [
      "en",
      "1.0.0",
      2,
      "netdz: zone.yaml is on 1.1.0, which is newer than 1.0.0: migrate brings answers forward to a newer version of their set, never back\n",
    ],
    [
      "zh",
      "1.0.0",
      2,
      "netdz: zone.yaml 使用的是 1.1.0，比 1.0.0 更新：migrate 只把答卷迁移到评估清单的更新版本，不会退回旧版本\n",
    ],
    ["en", "1.1.0", 0, "netdz migrate: zone.yaml is already on 1.1.0; nothing to migrate\n"],
    ["zh", "1.1.0", 0, "netdz migrate: zone.yaml 已使用 1.1.0，无需迁移\n"],
  ])("(%s) --to %s from 1.1.0 exits %d, says why, writes nothing", (lang, to, status, message) => {
    const dir = tempDir();
    answersIn(dir);
    // Brought to 1.1.0 first, by migrate itself.
    const first = runCli(["migrate", "zone.yaml", "--to", "1.1.0", "--measures", SETS], {
      cwd: dir,
    });
    expect(first.status).toBe(0);
    const before = readFileSync(path.join(dir, "zone.yaml"), "utf8");
    expect(before).toMatch(/version: 1\.1\.0/);
    const result = runCli(
      ["migrate", "zone.yaml", "--to", to, "--measures", SETS, "--lang", lang],
      { cwd: dir },
    );
    expect([result.status, result.stdout, result.stderr]).toEqual([status, "", message]);
    expect(readFileSync(path.join(dir, "zone.yaml"), "utf8")).toBe(before);
  });
});
