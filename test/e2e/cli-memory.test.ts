// Huge answers files with a problem in every entry: a spawned `validate` stays under 250 MB of
// memory (its peak resident set, read from the process itself) and a few seconds per megabyte,
// stops collecting after MAX_PROBLEMS_COLLECTED problems and says the count is a lower bound.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_PROBLEMS_COLLECTED } from "../../src/core/diagnostic-filter.js";
import { BIN, PEAK_RSS, ROOT, tempDir } from "../helpers.js";

const LIMIT_KB = 250 * 1024;

function answersFile(entries: number, entry: (i: number) => string): string {
  const lines = [
    "format: netdz-answers/1",
    "measureSet: { id: workplan-2025, version: 1.0.0 }",
    "zone: { name: Z, province: Jiangsu, region: eastern, westernHubArea: false, ftzLinked: false, customsArea: false }",
    "answers:",
  ];
  for (let i = 0; i < entries; i++) lines.push(`  ${entry(i)}`);
  const file = path.join(tempDir(), "huge.yaml");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

function validate(file: string, lang = "en") {
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    ["--import", PEAK_RSS, BIN, "validate", file, "--lang", lang],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH },
      encoding: "utf8",
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const peak = Number(/maxrss-kb=(\d+)/.exec(result.stderr)?.[1]);
  return { ...result, seconds: (Date.now() - started) / 1000, peakKb: peak };
}

describe("validate on huge answers files (spawned, built bundle)", () => {
  const cases = [
    {
      name: "30k entries whose ids are not question ids (about 1 MB)",
      entries: 30_000,
      entry: (i: number) => `X${i}.Q${i}: { status: implemented }`,
    },
    {
      name: "30k well-formed ids the set does not have",
      entries: 30_000,
      entry: (i: number) =>
        `M${String((i % 99) + 1).padStart(2, "0")}.Q${i + 100}: { status: implemented }`,
    },
    {
      // Two entries each (the id and its status): 90k stay under the 200,000 entries netdz reads.
      name: "90k entries with a wrong status (about 3 MB)",
      entries: 90_000,
      entry: (i: number) => `M${String(i % 90).padStart(2, "0")}.Q${i}: { status: bogus }`,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: under 250 MB, a few seconds per MB, a lower-bound count`, () => {
      const file = answersFile(c.entries, c.entry);
      const result = validate(file);
      expect(result.status, result.stderr).toBe(1);
      expect(result.peakKb).toBeGreaterThan(0);
      expect(result.peakKb).toBeLessThan(LIMIT_KB);
      expect(result.seconds).toBeLessThan(30);
      const lines = result.stdout.trim().split("\n");
      expect(lines.filter((l) => l.startsWith(`${file}:`) && / error /.test(l))).toHaveLength(50);
      expect(result.stdout).toContain(
        `${file}: … and at least ${MAX_PROBLEMS_COLLECTED + 1 - 50} more problems`,
      );
      expect(result.stdout).toContain(
        `more than ${MAX_PROBLEMS_COLLECTED} problems: checking this file stopped there`,
      );
      expect(result.stderr).toContain(
        `✖ 1 answers file: ${MAX_PROBLEMS_COLLECTED + 1} errors, 0 warnings`,
      );
    });
  }

  it("says the count is a lower bound in Chinese too", () => {
    const file = answersFile(30_000, (i) => `X${i}.Q${i}: { status: implemented }`);
    const result = validate(file, "zh");
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain(
      `${file}：……另有至少 ${MAX_PROBLEMS_COLLECTED + 1 - 50} 个问题`,
    );
    expect(result.stdout).toContain(`问题超过 ${MAX_PROBLEMS_COLLECTED} 个：本文件的检查到此为止`);
  });

  it("report's error path says the lower bound too, in both languages", () => {
    const file = answersFile(30_000, (i) => `X${i}.Q${i}: { status: implemented }`);
    for (const [lang, words] of [
      ["en", `${file}: … and at least`],
      ["zh", `${file}：……另有至少`],
    ] as const) {
      const result = spawnSync(process.execPath, [BIN, "report", file, "--lang", lang], {
        cwd: ROOT,
        env: { PATH: process.env.PATH },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(words);
    }
  });

  it("a file just under the limit keeps its exact count", () => {
    const n = MAX_PROBLEMS_COLLECTED - 10;
    const file = answersFile(n, (i) => `X${i}.Q${i}: { status: implemented }`);
    const result = validate(file);
    expect(result.stdout).toContain(`${file}: … and ${n - 50} more problems`);
    expect(result.stdout).not.toContain("at least");
  });
});
