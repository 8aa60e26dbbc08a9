import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { editFile, FIXTURES, ROOT, runCli, tempDir } from "../helpers.js";

const SETS = path.join(FIXTURES, "report", "sets");
const OLD = "test/fixtures/province/zones/2025/suhe-2025.yaml";
const NEW = "test/fixtures/province/zones/2026/suhe.yaml";
const golden = (name: string) => readFileSync(path.join(ROOT, "test", "golden", name), "utf8");

describe("netdz diff (spawned)", () => {
  it("prints what moved, byte for byte the golden file", () => {
    const result = runCli(["diff", OLD, NEW, "--measures", SETS, "--lang", "zh"], {
      env: { TZ: "UTC" },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(golden("diff/suhe.zh.md"));
  });

  it("writes JSON to --out", () => {
    const out = path.join(tempDir(), "diff.json");
    const result = runCli(
      ["diff", OLD, NEW, "--measures", SETS, "--format", "json", "--out", out, "--lang", "en"],
      { env: { TZ: "UTC" } },
    );
    expect(result.status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(golden("diff/suhe.en.json"));
    expect(result.stderr).toContain(out);
  });

  it("--fail-on-regression exits 1 and names the measures that went down", () => {
    const result = runCli([
      "diff",
      NEW,
      OLD,
      "--measures",
      SETS,
      "--fail-on-regression",
      "--lang",
      "en",
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/These measures' scores went down: M01, M04, M05, M06\./);
    const forward = runCli(["diff", OLD, NEW, "--measures", SETS, "--fail-on-regression"]);
    expect(forward.status).toBe(0);
  });

  it("says so when the two files are different zones", () => {
    const result = runCli([
      "diff",
      NEW,
      "test/fixtures/province/zones/2026/haiyan.yaml",
      "--measures",
      SETS,
      "--lang",
      "en",
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("These are two different zones");
  });

  it("refuses two files of different versions, naming both", () => {
    const root = path.join(tempDir(), "sets");
    cpSync(SETS, root, { recursive: true });
    const next = path.join(root, "demo-2025", "1.1.0");
    cpSync(path.join(root, "demo-2025", "1.0.0"), next, { recursive: true });
    editFile(path.join(next, "set.yaml"), "version: 1.0.0", "version: 1.1.0");
    const copy = path.join(tempDir(), "new.yaml");
    cpSync(path.join(ROOT, NEW), copy);
    editFile(copy, "version: 1.0.0", "version: 1.1.0");
    const result = runCli(["diff", OLD, copy, "--measures", root, "--lang", "en"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `${OLD} is pinned to demo-2025@1.0.0 and ${copy} to demo-2025@1.1.0`,
    );
    expect(result.stdout).toBe("");
  });

  it("stops at an invalid file with its located problems", () => {
    const result = runCli([
      "diff",
      OLD,
      "test/fixtures/province/zones/2026/longxi.yaml",
      "--measures",
      SETS,
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "test/fixtures/province/zones/2026/longxi.yaml:18:21  error  schema/enum",
    );
    expect(result.stdout).toBe("");
  });

  it.each([
    [["diff", OLD]],
    [["diff", OLD, NEW, "--format", "csv"]],
    [["diff", OLD, "no-such.yaml"]],
  ])("exits 2 on a usage error: %j", (args) => {
    const result = runCli([...args, "--measures", SETS]);
    expect(result.status).toBe(2);
  });
});

describe("netdz diff states the completeness change in percentage points", () => {
  const A = path.join(FIXTURES, "report", "answers");
  it.each([
    ["en", /^- Completeness: [\d.]+% → [\d.]+% \(\u2212\d+\.\d pp\)$/m],
    ["zh", /^- 完成度：[\d.]+% → [\d.]+%（\u2212\d+\.\d 个百分点）$/m],
  ])("in %s", (lang, line) => {
    const result = runCli([
      "diff",
      path.join(A, "strong-eastern.yaml"),
      path.join(A, "half-finished.yaml"),
      "--measures",
      SETS,
      "--lang",
      lang as string,
    ]);
    expect(result.stdout).toMatch(line);
  });
});

describe("netdz diff dates each file by one rule", () => {
  it.each([
    ["with SOURCE_DATE_EPOCH", { SOURCE_DATE_EPOCH: "1767225600" }],
    ["without it", {}],
  ] as const)("%s: the header, the JSON and the action plan agree with netdz report", (_, env) => {
    const run = (args: string[]) =>
      runCli([...args, "--measures", SETS, "--format", "json"], { env });
    const json = JSON.parse(run(["diff", OLD, NEW]).stdout) as {
      old: { date?: string };
      new: { date?: string };
      actions: { date?: string };
    };
    const reported = (file: string) =>
      (JSON.parse(run(["report", file]).stdout) as { date?: string }).date;
    expect(json.new.date).toBeDefined();
    expect(json.new.date).toBe(reported(NEW));
    expect(json.actions.date).toBe(json.new.date);
    expect(json.old.date).toBe(reported(OLD));
    const md = runCli(["diff", OLD, NEW, "--measures", SETS], { env }).stdout;
    expect(md).toContain(`(${json.new.date})`);
  });
});
