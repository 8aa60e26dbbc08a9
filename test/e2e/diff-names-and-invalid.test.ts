import { Ajv2020 } from "ajv/dist/2020.js";
import { symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffSchema } from "../../src/core/schemas/diff-schema.js";
import { AJV_OPTIONS } from "../../src/core/validators.js";
import { runCli, tempDir } from "../helpers.js";

/** An answers file of the bundled set with one answer; `zone` is its zone map's inside. */
function answers(dir: string, name: string, zone: string, status: string): string {
  writeFileSync(
    path.join(dir, name),
    [
      "format: netdz-answers/1",
      "measureSet: { id: workplan-2025, version: 1.0.0 }",
      `zone: { ${zone} }`,
      "answers:",
      `  M01.Q1: { status: ${status}, answeredAt: 2026-05-01T08:00:00Z }`,
      "",
    ].join("\n"),
  );
  return name;
}

const validate = new Ajv2020(AJV_OPTIONS).compile(diffSchema);

function json(args: string[], cwd: string): { sameZone: unknown } {
  const result = runCli([...args, "--format", "json"], { cwd });
  expect(result.status).toBe(0);
  const parsed = JSON.parse(result.stdout) as { sameZone: unknown };
  expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
  return parsed;
}

describe("netdz diff of zones without a name", () => {
  it.each([
    ["en", "— —", /two different zones/, /cannot be told: a zone name \(zone\.name\) is missing/],
    ["zh", "— —", /两个不同的开发区/, /缺少开发区名称（zone\.name），无法判断/],
  ])(
    "shows the name as — and never claims two different zones (%s)",
    (lang, name, different, unknown) => {
      const dir = tempDir();
      answers(dir, "nn.yaml", "province: Jiangsu", "implemented");
      answers(dir, "nn2.yaml", "province: Jiangsu", "planned");
      answers(dir, "named.yaml", "name: Suhe ETDZ, province: Jiangsu", "planned");

      // One file compared with itself is the same zone, named or not.
      const self = runCli(["diff", "nn.yaml", "nn.yaml", "--lang", lang], { cwd: dir });
      expect(self.status).toBe(0);
      expect(self.stdout).toContain(`nn.yaml ${name}`);
      expect(self.stdout).not.toMatch(different);
      expect(self.stdout).not.toMatch(unknown);

      for (const other of ["nn2.yaml", "named.yaml"]) {
        const two = runCli(["diff", "nn.yaml", other, "--lang", lang], { cwd: dir });
        expect(two.status).toBe(0);
        expect(two.stdout).not.toMatch(different);
        expect(two.stdout).toMatch(unknown);
      }
    },
  );

  it("the JSON says sameZone true for one file (also by another path), null when a name is missing", () => {
    const dir = tempDir();
    answers(dir, "nn.yaml", "province: Jiangsu", "implemented");
    answers(dir, "nn2.yaml", "province: Jiangsu", "planned");
    answers(dir, "a.yaml", "name: A, province: Jiangsu", "planned");
    answers(dir, "b.yaml", "name: B, province: Jiangsu", "planned");
    symlinkSync(path.join(dir, "nn.yaml"), path.join(dir, "link.yaml"));
    expect(json(["diff", "nn.yaml", "nn.yaml"], dir).sameZone).toBe(true);
    expect(json(["diff", "nn.yaml", "./link.yaml"], dir).sameZone).toBe(true);
    expect(json(["diff", "nn.yaml", "nn2.yaml"], dir).sameZone).toBeNull();
    expect(json(["diff", "a.yaml", "nn.yaml"], dir).sameZone).toBeNull();
    expect(json(["diff", "a.yaml", "b.yaml"], dir).sameZone).toBe(false);
    expect(json(["diff", "a.yaml", "a.yaml"], dir).sameZone).toBe(true);
  });
});

describe("netdz diff of two invalid files", () => {
  it.each([
    ["en", "netdz: bad1.yaml and bad2.yaml are invalid"],
    ["zh", "netdz: bad1.yaml 和 bad2.yaml 无效"],
  ])("prints both files' problems, then one line naming both (%s)", (lang, last) => {
    const dir = tempDir();
    answers(dir, "bad1.yaml", "name: A", "wrong");
    answers(dir, "bad2.yaml", "name: A", "bogus");
    const result = runCli(["diff", "bad1.yaml", "bad2.yaml", "--lang", lang], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    // Each file's problems as `netdz report FILE` prints them, in the order of the files.
    for (const file of ["bad1.yaml", "bad2.yaml"]) {
      const report = runCli(["report", file, "--lang", lang], { cwd: dir });
      expect(report.status).toBe(1);
      const problems = report.stderr.split("\n").filter((l) => l.startsWith(`${file}:`));
      expect(problems.length).toBeGreaterThan(0);
      for (const line of problems) expect(lines).toContain(line);
    }
    expect(lines.filter((l) => l.startsWith("netdz:"))).toEqual([last]);
    expect(lines.at(-1)).toBe(last);
  });

  it("names only the invalid one when the other is valid, whichever side it is on", () => {
    const dir = tempDir();
    answers(dir, "good.yaml", "name: A", "implemented");
    answers(dir, "bad.yaml", "name: A", "wrong");
    for (const args of [
      ["good.yaml", "./bad.yaml"],
      ["bad.yaml", "good.yaml"],
    ]) {
      const result = runCli(["diff", ...args, "--lang", "en"], { cwd: dir });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^bad\.yaml:5:\d+ {2}error {2}schema\/enum/m);
      expect(result.stderr).not.toMatch(/^good\.yaml/m);
      expect(result.stderr.trimEnd().split("\n").at(-1)).toBe("netdz: bad.yaml is invalid");
    }
  });

  it("one invalid file compared with itself is listed once", () => {
    const dir = tempDir();
    answers(dir, "bad.yaml", "name: A", "wrong");
    const result = runCli(["diff", "bad.yaml", "bad.yaml"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr.match(/^bad\.yaml:5:/gm)).toHaveLength(1);
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe("netdz: bad.yaml is invalid");
  });
});
