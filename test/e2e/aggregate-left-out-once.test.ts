import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers.js";

interface Json {
  measureSet: { id: string; version: string };
  totals: { used: number; leftOut: number; superseded: number };
  zones: { file: string }[];
  leftOut: { file: string; code: string; line: number | null }[];
}

/** An answers file of the bundled set; `status` is the one answer (an invalid one makes it invalid). */
function answers(dir: string, name: string, version: string, zone: string, status: string) {
  writeFileSync(
    path.join(dir, `${name}.yaml`),
    [
      "format: netdz-answers/1",
      `measureSet: { id: workplan-2025, version: ${version} }`,
      `zone: { name: ${zone}, westernHubArea: false, ftzLinked: false, customsArea: false }`,
      "answers:",
      `  M01.Q1: { status: ${status}, answeredAt: 2026-05-01T08:00:00Z }`,
      "",
    ].join("\n"),
  );
}

/** The files named on standard error at the start of a line (`file:line:col  …` or `file  …`). */
function listed(stderr: string): string[] {
  return [...stderr.matchAll(/^(zones\/[^: ]+\.yaml)[: ]/gm)].map((m) => m[1]!);
}

function folder(files: [string, string, string][]): string {
  const work = tempDir();
  const zones = path.join(work, "zones");
  mkdirSync(zones);
  for (const [name, version, status] of files)
    answers(zones, name, version, `Zone ${name}`, status);
  return work;
}

describe("netdz aggregate lists each left-out file once, and only valid files choose the version", () => {
  it("an invalid file of the losing version is listed once, with its own problem", async () => {
    const work = folder([
      ["a", "1.0.0", "implemented"],
      ["b", "1.0.0", "planned"],
      ["bad", "1.1.0", "wrong"],
    ]);
    const md = runCli(["aggregate", "zones", "--lang", "en"], { cwd: work });
    expect(md.status).toBe(1);
    expect(listed(md.stderr)).toEqual(["zones/bad.yaml"]);
    expect(md.stderr).toMatch(/^zones\/bad\.yaml:5:\d+ .*schema\/enum/m);
    expect(md.stderr).not.toMatch(/pinned to version/);
    expect(md.stderr).toContain("1 file was left out");
    expect(md.stdout.match(/zones\/bad\.yaml/g)).toHaveLength(1);

    const json = JSON.parse(
      runCli(["aggregate", "zones", "--format", "json"], { cwd: work }).stdout,
    ) as Json;
    expect(json.totals).toEqual({ used: 2, leftOut: 1, superseded: 0 });
    expect(json.leftOut.map((e) => [e.file, e.code])).toEqual([["zones/bad.yaml", "schema/enum"]]);

    const out = path.join(work, "roll-up.xlsx");
    expect(
      runCli(["aggregate", "zones", "--format", "xlsx", "--out", out], { cwd: work }).status,
    ).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets.at(-1)!;
    const files: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) files.push(String(row.getCell(1).value));
    });
    expect(files).toEqual(["zones/bad.yaml"]);
  });

  it("invalid files never outvote a valid one: the valid file's version is used", () => {
    const work = folder([
      ["good", "1.0.0", "implemented"],
      ["bad1", "1.1.0", "wrong"],
      ["bad2", "1.1.0", "wrong"],
    ]);
    const result = runCli(["aggregate", "zones", "--format", "json"], { cwd: work });
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as Json;
    expect(json.measureSet.version).toBe("1.0.0");
    expect(json.zones.map((z) => z.file)).toEqual(["zones/good.yaml"]);
    expect(json.leftOut.map((e) => [e.file, e.code])).toEqual([
      ["zones/bad1.yaml", "schema/enum"],
      ["zones/bad2.yaml", "schema/enum"],
    ]);
    expect(listed(result.stderr)).toEqual(["zones/bad1.yaml", "zones/bad2.yaml"]);
    expect(result.stderr).toContain("2 files were left out");
  });

  it("the version most valid files use wins, and a valid file of an older one is advised to migrate", () => {
    const work = folder([
      ["old", "1.0.0", "implemented"],
      ["bad1", "1.0.0", "wrong"],
      ["bad2", "1.0.0", "wrong"],
      ["new1", "1.1.0", "implemented"],
      ["new2", "1.1.0", "planned"],
    ]);
    const result = runCli(["aggregate", "zones", "--format", "json"], { cwd: work });
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as Json;
    expect(json.measureSet.version).toBe("1.1.0");
    expect(json.leftOut.map((e) => [e.file, e.code])).toEqual([
      ["zones/bad1.yaml", "schema/enum"],
      ["zones/bad2.yaml", "schema/enum"],
      ["zones/old.yaml", "aggregate/other-version"],
    ]);
    expect(result.stderr).toContain("bring it over with: netdz migrate zones/old.yaml --to 1.1.0");
    expect(listed(result.stderr)).toEqual(["zones/bad1.yaml", "zones/bad2.yaml", "zones/old.yaml"]);
  });

  it.each([
    ["en", "no answers file could be used"],
    ["zh", "没有可用的答卷文件"],
  ])(
    "with no valid file nothing is rolled up (exit 2), each file listed once (%s)",
    (lang, said) => {
      const work = folder([
        ["bad1", "1.0.0", "wrong"],
        ["bad2", "1.1.0", "wrong"],
        ["bad3", "1.1.0", "wrong"],
      ]);
      const result = runCli(["aggregate", "zones", "--lang", lang], { cwd: work });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(said);
      expect(listed(result.stderr)).toEqual([
        "zones/bad1.yaml",
        "zones/bad2.yaml",
        "zones/bad3.yaml",
      ]);
    },
  );
});

describe("netdz aggregate says why a file of the same zone was superseded", () => {
  it.each([
    ["en", "has the newer set version"],
    ["zh", "评估清单版本更新"],
  ])("on a tie of answeredAt broken by the set version (%s)", (lang, why) => {
    const work = tempDir();
    const zones = path.join(work, "zones");
    mkdirSync(zones);
    // The same zone, answered at the same time: z.yaml is of the older version, a.yaml of the newer.
    answers(zones, "z", "1.0.0", "Suhe ETDZ, province: Jiangsu", "implemented");
    answers(zones, "a", "1.1.0", "Suhe ETDZ, province: jiangsu", "implemented");
    const result = runCli(["aggregate", "zones", "--lang", lang], { cwd: work });
    expect(result.status).toBe(0);
    const row = result.stdout.split("\n").find((l) => l.startsWith("| zones/z.yaml"));
    expect(row).toContain("zones/a.yaml");
    expect(row).toContain(why);
    expect(row).not.toMatch(/answered later|更晚的填报/);
  });
});

describe("netdz aggregate locates a file with too many problems at its first problem", () => {
  it.each(["en", "zh"])("never at the notice that checking stopped (%s)", (lang) => {
    const work = tempDir();
    const zones = path.join(work, "zones");
    mkdirSync(zones);
    answers(zones, "good", "1.0.0", "Good ETDZ", "implemented");
    // A valid head, then 700 unknown question ids from line 1,410 on: far more than the limit.
    const head = Array.from({ length: 1400 }, (_, i) => `# filler comment ${i}`);
    const lines = [
      "format: netdz-answers/1",
      "measureSet: { id: workplan-2025, version: 1.0.0 }",
      "zone: { name: Many ETDZ }",
      ...head,
      "answers:",
      ...Array.from({ length: 700 }, (_, i) => `  X${i}.Q1: { status: implemented }`),
      "",
    ];
    writeFileSync(path.join(zones, "z.yaml"), lines.join("\n"));
    const firstLine = lines.indexOf("  X0.Q1: { status: implemented }") + 1;
    const result = runCli(["aggregate", "zones", "--lang", lang, "--format", "json"], {
      cwd: work,
    });
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as Json;
    expect(json.leftOut).toEqual([
      expect.objectContaining({
        file: "zones/z.yaml",
        code: "schema/question-id",
        line: firstLine,
      }),
    ]);
    expect(result.stderr).toMatch(new RegExp(`^zones/z\\.yaml:${firstLine}:3 `, "m"));
    expect(result.stderr).not.toContain("file/problem-limit");
  });
});
