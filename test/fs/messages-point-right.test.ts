/**
 * Messages that point the right way (issue 7, QA #9): a file just over the size limit shows a
 * size visibly over it, and an evidence path that is a loop of links says so in the words the
 * file readers use, not "does not exist".
 */
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sizeInWords, sizeOverLimit } from "../../src/render/file-size.js";
import { main } from "../../src/main.js";
import { captureIo, FIXTURES, tempDir } from "../helpers.js";

const REPORT_SETS = path.join(FIXTURES, "report", "sets");
const MB = 1024 * 1024;

async function run(argv: string[], cwd: string) {
  const io = captureIo(cwd, { TZ: "UTC" });
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

describe("the size of a file over the limit", () => {
  it("is visibly more than the limit", () => {
    expect(sizeOverLimit(10 * MB + 1, 10 * MB, "en")).toEqual({
      size: "10,485,761 bytes",
      limit: "10,485,760 bytes (10 MB)",
    });
    expect(sizeOverLimit(10 * MB + 40_000, 10 * MB, "zh")).toEqual({
      size: "10,525,760 字节",
      limit: "10,485,760 字节（10 MB）",
    });
    expect(sizeOverLimit(11.1 * MB, 10 * MB, "en")).toEqual({ size: "11.1 MB", limit: "10 MB" });
    expect(sizeOverLimit(30 * MB, 10 * MB, "zh")).toEqual({ size: "30 MB", limit: "10 MB" });
  });

  it("is in MB rounded to the nearest tenth, never up", () => {
    expect(sizeInWords(11_534_793, "en")).toBe("11.0 MB");
    expect(sizeInWords(9_437_341, "zh")).toBe("9.0 MB");
    expect(sizeInWords(1.06 * MB, "en")).toBe("1.1 MB");
    expect(sizeInWords(MB, "en")).toBe("1 MB");
  });

  it.each(["en", "zh"] as const)(
    "is put in the same words by validate, report and migrate (%s)",
    async (lang) => {
      const dir = tempDir();
      const text = "format: netdz-answers/1\nmeasureSet: { id: demo-2025, version: 1.0.0 }\n";
      const huge = `${text}# ${"p".repeat(11_534_793 - text.length - 3)}\n`;
      expect(Buffer.byteLength(huge)).toBe(11_534_793);
      writeFileSync(path.join(dir, "huge.yaml"), huge);
      writeFileSync(path.join(dir, "nine.yaml"), huge.slice(0, 9_437_340) + "\n");
      const size = lang === "en" ? /the file is 11\.0 MB, / : /该文件有 11\.0 MB，/;
      const nine = lang === "en" ? /the file is 9\.0 MB, / : /该文件有 9\.0 MB，/;
      // Over the 10 MB netdz reads, and (9.0 MB) over the 1 MB that migrate changes.
      const cases = [
        [["validate"], "huge.yaml", size],
        [["report"], "huge.yaml", size],
        [["migrate", "--dry-run"], "huge.yaml", size],
        [["migrate", "--dry-run"], "nine.yaml", nine],
      ] as const;
      for (const [argv, file, words] of cases) {
        const said = await run([...argv, file, "--measures", REPORT_SETS, "--lang", lang], dir);
        expect(said.stdout + said.stderr, `${argv[0]} ${file}`).toMatch(words);
      }
      // Over what netdz reads at all, migrate says what validate says: never that validate and
      // report still read it.
      const migrated = await run(
        ["migrate", "huge.yaml", "--measures", REPORT_SETS, "--lang", lang],
        dir,
      );
      const validated = await run(["validate", "huge.yaml", "--lang", lang], dir);
      const tooLarge = (out: string) => /(the file is|该文件有) 11\.0 MB[^\n]*/.exec(out)?.[0];
      expect(tooLarge(migrated.stderr)).toBe(tooLarge(validated.stdout + validated.stderr));
      expect(migrated.stderr).not.toMatch(/still read|仍可读取|1 MB/);
    },
  );

  it("is given so by validate, in both languages", async () => {
    const dir = tempDir();
    const file = path.join(dir, "big.yaml");
    writeFileSync(file, Buffer.alloc(10 * MB + 1, 0x20));
    const en = await run(["validate", file], dir);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain(
      "the file is 10,485,761 bytes, more than the 10,485,760 bytes (10 MB) netdz reads",
    );
    const zh = await run(["validate", file, "--lang", "zh"], dir);
    expect(zh.stdout).toContain(
      "该文件有 10,485,761 字节，超过 netdz 读取的上限 10,485,760 字节（10 MB）",
    );
  });
});

describe("an evidence path that cannot be looked at", () => {
  it("says the links form a loop, and a missing one still does not exist", async () => {
    const dir = tempDir();
    symlinkSync("loop-b", path.join(dir, "loop-a"));
    symlinkSync("loop-a", path.join(dir, "loop-b"));
    const text = [
      "format: netdz-answers/1",
      "measureSet: { id: demo-2025, version: 1.0.0 }",
      "zone: { name: Z, province: Jiangsu, region: eastern, westernHubArea: false, customsArea: true }",
      "answers:",
      "  M01.Q1: { status: implemented, evidence: [loop-a, gone.pdf] }",
      "",
    ].join("\n");
    writeFileSync(path.join(dir, "a.yaml"), text);
    for (const lang of ["en", "zh"] as const) {
      const result = await run(
        ["validate", "a.yaml", "--measures", REPORT_SETS, "--check-evidence", "--lang", lang],
        dir,
      );
      const loop = result.stdout.split("\n").filter((l) => l.includes("loop-a"));
      expect(loop, result.stdout).toHaveLength(1);
      expect(loop[0]).toMatch(/^a\.yaml:5:\d+ /);
      expect(loop[0]).toContain(
        lang === "en"
          ? 'evidence "loop-a" cannot be read: the symbolic links in its path form a loop'
          : "的佐证材料“loop-a”无法读取：路径中的符号链接构成了循环",
      );
      const gone = result.stdout.split("\n").filter((l) => l.includes("gone.pdf"));
      expect(gone[0]).toContain(lang === "en" ? "does not exist" : "不存在");
    }
  });
});

describe("one message for one mistake", () => {
  it("a profile field left empty (~) is missing, not also of the wrong type", async () => {
    const dir = tempDir();
    const text = [
      "format: netdz-answers/1",
      "measureSet: { id: demo-2025, version: 1.0.0 }",
      "zone: { name: Z, province: Jiangsu, region: eastern, westernHubArea: ~, customsArea: null }",
      "answers: {}",
      "",
    ].join("\n");
    writeFileSync(path.join(dir, "a.yaml"), text);
    const result = await run(["validate", "a.yaml", "--measures", REPORT_SETS], dir);
    const problems = result.stdout.split("\n").filter((l) => /\s(error|warning)\s/.test(l));
    expect(problems.join("\n")).not.toContain("schema/");
    expect(problems.filter((l) => l.includes("westernHubArea"))).toHaveLength(1);
    expect(problems.filter((l) => l.includes("customsArea"))).toHaveLength(1);
    for (const line of problems) expect(line).toContain("answers/profile-missing");
    expect(result.code).toBe(0);
  });

  it("a question missing only its type is told only that", async () => {
    const dir = tempDir();
    cpSync(REPORT_SETS, path.join(dir, "sets"), { recursive: true });
    const setDir = path.join(dir, "sets", "demo-2025", "1.0.0");
    const file = readdirSync(setDir).find((name) => name.startsWith("m01"));
    if (file === undefined) throw new Error("no m01 file in the demo set");
    let tried = 0;
    for (const type of ["status", "number", "choice", "multi"]) {
      const full = path.join(setDir, file);
      const original = readFileSync(full, "utf8");
      // Every question of that type loses its type line.
      const edited = original.replace(new RegExp(`^(\\s+)type: ${type}\\n`, "gm"), "");
      if (edited === original) continue;
      tried += 1;
      writeFileSync(full, edited);
      const result = await run(["validate", setDir], dir);
      const problems = result.stdout.split("\n").filter((l) => /\serror\s/.test(l));
      expect(problems.length, type).toBeGreaterThan(0);
      for (const line of problems) {
        expect(line, type).toContain('missing the required field "type"');
        expect(line, type).not.toMatch(/"(unit|target|direction|options)"/);
      }
      writeFileSync(full, original);
    }
    expect(tried).toBeGreaterThanOrEqual(3);
  });
});

describe("a control character in a YAML file", () => {
  for (const [code, name] of [
    [0x00, "U+0000 (NUL)"],
    [0x1b, "U+001B (ESC)"],
    [0x01, "U+0001"],
  ] as const) {
    it(`is named at its own line and column: ${name}`, async () => {
      const dir = tempDir();
      const lines = [
        "format: netdz-answers/1",
        "measureSet: { id: demo-2025, version: 1.0.0 }",
        "zone: { name: Z, province: Jiangsu, region: eastern, westernHubArea: false, customsArea: true }",
        "answers:",
        `${String.fromCharCode(code)}  M01.Q1: { status: implemented }`,
        `  M01.Q2: { value: 1${String.fromCharCode(code)}2 }`,
        "",
      ];
      writeFileSync(path.join(dir, "a.yaml"), lines.join("\n"));
      const result = await run(["validate", "a.yaml", "--measures", REPORT_SETS], dir);
      expect(result.code).toBe(1);
      const problems = result.stdout.split("\n").filter((l) => /\serror\s/.test(l));
      expect(problems).toEqual([
        `a.yaml:5:1  error  yaml/control-character  the file contains the control character ${name} here, which YAML does not allow (often a byte of another file or program); delete it`,
      ]);
      const zh = await run(["validate", "a.yaml", "--measures", REPORT_SETS, "--lang", "zh"], dir);
      expect(zh.stdout).toContain(
        "a.yaml:5:1  error  yaml/control-character  该文件此处含有控制字符 U+00",
      );
    });
  }
});
