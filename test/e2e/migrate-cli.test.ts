import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT, runCli, tempDir } from "../helpers.js";

describe("netdz migrate and extended sets (spawned)", () => {
  it("migrates in place with exit 0, and --help names every option", () => {
    const dir = tempDir();
    const file = path.join(dir, "zone.yaml");
    writeFileSync(
      file,
      readFileSync(path.join(FIXTURES, "versions", "answers-1.0.0.yaml"), "utf8"),
    );
    const sets = path.join(FIXTURES, "versions");
    const result = runCli(["migrate", "zone.yaml", "--measures", sets, "--lang", "en"], {
      cwd: dir,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("zone.yaml: 1.0.0 → 1.2.0\n");
    expect(result.stdout).toContain("the file as it was before is kept as zone.1.0.0.yaml\n");
    const again = runCli(["migrate", "zone.yaml", "--measures", sets, "--lang", "zh"], {
      cwd: dir,
    });
    expect(again.status).toBe(0);
    expect(again.stderr).toBe("netdz migrate: zone.yaml 已是最新版本 1.2.0，无需迁移\n");
    const help = runCli(["migrate", "--help"]);
    for (const option of [
      "--to <version>",
      "--out <file>",
      "--dry-run",
      "--lang <lang>",
      "--measures <dir>",
    ]) {
      expect(help.stdout).toContain(option);
    }
  });

  it("exits 1 with located problems for a file invalid before migration", () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, "bad.yaml"),
      "format: netdz-answers/1\nmeasureSet: { id: mini, version: 1.0.0 }\nzone: {}\nanswers:\n  M01.Q2: { value: -4 }\n",
    );
    const result = runCli(["migrate", "bad.yaml", "--measures", path.join(FIXTURES, "versions")], {
      cwd: dir,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^bad\.yaml:5:20 {2}error {2}answers\/value-type {2}M01\.Q2 takes a number of 0 or more, not -4$/m,
    );
  });

  it("validates the set a changes.yaml given by name belongs to, against the version before", () => {
    const result = runCli(["validate", "measures/workplan-2025/1.1.0/changes.yaml"], { cwd: ROOT });
    expect(result.stderr).toMatch(
      /1 measure set \(16 measure files\): valid \(0 errors, 0 warnings\)/,
    );
    expect(result.status).toBe(0);
  });

  it("says a cross-version problem in Chinese with --lang zh", () => {
    const root = path.join(tempDir(), "sets");
    cpSync(path.join(FIXTURES, "versions", "mini"), path.join(root, "mini"), { recursive: true });
    const changes = path.join(root, "mini", "1.1.0", "changes.yaml");
    writeFileSync(
      changes,
      readFileSync(changes, "utf8").replace("from: M01.Q3, to", "from: M01.Q9, to"),
    );
    const result = runCli(["validate", root, "--lang", "zh"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /changes\.yaml:5:21 {2}error {2}changes\/unknown-id {2}M01\.Q9 不是 mini@1\.0\.0 的问题/,
    );
    expect(result.stdout).toMatch(/changes\/unaccounted {2}1\.0\.0 的 M01\.Q3 不在 1\.1\.0 中/);
  });

  it("validates the example provincial set and its answers", () => {
    const result = runCli(["validate", "--measures", "examples", "examples"], { cwd: ROOT });
    expect(result.stderr).toMatch(
      /1 measure set \(2 measure files\) and 1 answers file: valid \(0 errors, 0 warnings\)/,
    );
    expect(result.status).toBe(0);
  });
});
