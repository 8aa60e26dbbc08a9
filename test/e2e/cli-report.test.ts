import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { editFile, FIXTURES, ROOT, runCli, tempDir } from "../helpers.js";

const SETS = path.join(FIXTURES, "report", "sets");
const answers = (name: string) => path.join(FIXTURES, "report", "answers", `${name}.yaml`);
const golden = (name: string) =>
  readFileSync(path.join(ROOT, "test", "golden", "report", name), "utf8");

describe("netdz report (spawned)", () => {
  it("prints the Markdown report, byte for byte the golden file", () => {
    const result = runCli([
      "report",
      answers("strong-eastern"),
      "--measures",
      SETS,
      "--lang",
      "en",
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(golden("strong-eastern.en.md"));
  });

  it("writes JSON to --out and says where", () => {
    const dir = tempDir();
    const out = path.join(dir, "report.json");
    const result = runCli([
      "report",
      answers("western-hub"),
      "--measures",
      SETS,
      "--format",
      "json",
      "--out",
      out,
      "--lang",
      "zh",
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toBe(golden("western-hub.zh.json"));
    const parsed = JSON.parse(readFileSync(out, "utf8")) as {
      format: string;
      overall: { score: number };
    };
    expect(parsed.format).toBe("netdz-report/1");
    expect(result.stderr).toContain(out);
  });

  it("takes the language from LANG when --lang is not given", () => {
    const result = runCli(["report", answers("half-finished"), "--measures", SETS], {
      env: { LANG: "zh_CN.UTF-8" },
    });
    expect(result.stdout).toBe(golden("half-finished.zh.md"));
  });

  it("dates the report from SOURCE_DATE_EPOCH when set", () => {
    const result = runCli(
      ["report", answers("strong-eastern"), "--measures", SETS, "--lang", "en"],
      {
        env: { SOURCE_DATE_EPOCH: "1767225600" },
      },
    );
    expect(result.stdout).toMatch(/\*\*Date\*\*: 2026-01-01/);
  });

  it("exits 1 under --fail-under and 0 at or above it", () => {
    const json = runCli([
      "report",
      answers("half-finished"),
      "--measures",
      SETS,
      "--format",
      "json",
    ]);
    const score = (JSON.parse(json.stdout) as { overall: { score: number } }).overall.score;
    const below = runCli([
      "report",
      answers("half-finished"),
      "--measures",
      SETS,
      "--fail-under",
      String(Math.ceil(score + 1)),
    ]);
    expect(below.status).toBe(1);
    expect(below.stderr).toMatch(/is below the required/);
    const above = runCli([
      "report",
      answers("half-finished"),
      "--measures",
      SETS,
      "--fail-under",
      String(Math.floor(score)),
    ]);
    expect(above.status).toBe(0);
  });

  it("limits the gap table with --top", () => {
    const result = runCli([
      "report",
      answers("half-finished"),
      "--measures",
      SETS,
      "--top",
      "2",
      "--lang",
      "en",
    ]);
    const section = result.stdout.split("## Top gaps")[1]?.split("\n## ")[0] ?? "";
    expect(section.split("\n").filter((line) => /^\| \d+ \|/.test(line))).toHaveLength(2);
  });

  it("exits 2 without a stack trace when the answers file is missing", () => {
    const result = runCli(["report", "nope.yaml"], { cwd: tempDir() });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("netdz: cannot read nope.yaml: no such file or folder\n");
  });

  it("refuses an invalid answers file with located errors and exit 1", () => {
    const dir = tempDir();
    const file = path.join(dir, "a.yaml");
    cpSync(answers("strong-eastern"), file);
    editFile(file, "M01.Q2: { value: 3.6,", "M01.Q2: { value: lots,");
    const result = runCli(["report", "a.yaml", "--measures", SETS], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^a\.yaml:15:20 {2}error {2}answers\/value-type/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("says clearly when the pinned measure-set version is not available", () => {
    const dir = tempDir();
    const file = path.join(dir, "a.yaml");
    writeFileSync(
      file,
      readFileSync(answers("strong-eastern"), "utf8").replace("version: 1.0.0", "version: 9.9.9"),
    );
    const result = runCli(["report", "a.yaml", "--measures", SETS], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /pinned to demo-2025@9\.9\.9, which is not available \(available versions: 1\.0\.0\)/,
    );
  });
});
