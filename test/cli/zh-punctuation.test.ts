/**
 * Chinese output uses Chinese punctuation: a user's value is quoted “…” with quotes inside it as
 * ‘…’ (never ASCII quotes, never “…“…””), lists are joined with 、, a measure set has one name
 * (评估清单), and --help localises its usage terms with a full-width colon (用法：).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/main.js";
import { captureIo, FIXTURES, ROOT, tempDir } from "../helpers.js";

const REPORT_SETS = path.join(FIXTURES, "report", "sets");
const EASTERN = path.join(FIXTURES, "report", "answers", "strong-eastern.yaml");
const VERSIONS = path.join(FIXTURES, "versions");

async function run(argv: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}) {
  const io = captureIo(cwd, { TZ: "UTC", ...env });
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** The text of each problem line after its code (`file:1:2  error  code  text`). */
function problemTexts(output: string): string[] {
  return output
    .split("\n")
    .map((line) => /\s(?:error|warning)\s+\S+\s+(.*)$/.exec(line)?.[1])
    .filter((text): text is string => text !== undefined);
}

describe("Chinese punctuation in Chinese output", () => {
  it("quotes a user's value “…”, quotes inside it ‘…’, never ASCII quotes", async () => {
    const dir = tempDir();
    const file = path.join(dir, "a.yaml");
    const text = readFileSync(EASTERN, "utf8")
      .replace("region: eastern", 'region: "东部“沿海”"')
      .replace("M01.Q2: { value: 3.6,", 'M01.Q2: { value: "“五”",')
      .replace("M01.Q3: { value: [poc, pilot, ip],", "M01.Q3: { value: '三“项”',");
    writeFileSync(file, text);
    const result = await run(["validate", file, "--measures", REPORT_SETS, "--lang", "zh"]);
    expect(result.code).toBe(1);
    const texts = problemTexts(result.stdout);
    expect(texts.join("\n")).toContain("“东部‘沿海’”");
    expect(texts.join("\n")).toContain("“‘五’”");
    expect(texts.join("\n")).toContain("“三‘项’”");
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const line of texts) {
      expect(line, line).not.toMatch(/"[^"]*[“”][^"]*"/);
      expect(line, line).not.toMatch(/“[^”]*“/);
    }
  });

  it("joins lists with 、 and calls a measure set 评估清单", async () => {
    const missing = await run(["init", "--answers", "-", "--set", "nope", "--lang", "zh"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/没有找到评估清单“nope”（可用：[^）]*、[^）]*）/);
    expect(missing.stderr).not.toMatch(/[^\s], [^\s]/);

    const dir = tempDir();
    const old = path.join(dir, "old.yaml");
    writeFileSync(old, readFileSync(path.join(VERSIONS, "answers-1.0.0.yaml")));
    const to = await run(["migrate", old, "--to", "9.9.9", "--measures", VERSIONS, "--lang", "zh"]);
    expect(to.code).toBe(2);
    expect(to.stderr).toMatch(/可用版本：\d+\.\d+\.\d+、\d+\.\d+\.\d+/);

    // One Chinese name for a measure set in every message.
    for (const name of readdirSync(path.join(ROOT, "src", "i18n")))
      expect(readFileSync(path.join(ROOT, "src", "i18n", name), "utf8"), name).not.toContain(
        "举措集",
      );
  });

  it("calls an answers file 答卷文件 in every message, help text and the README", async () => {
    // The name the Chinese interface uses; any other name for the same file must not come back.
    const others = [
      "回答文件",
      "答题文件",
      "答案文件",
      "应答文件",
      "作答文件",
      "答复文件",
      "问卷文件",
    ];
    const sources = readdirSync(path.join(ROOT, "src", "i18n")).map((name) =>
      path.join(ROOT, "src", "i18n", name),
    );
    let uses = 0;
    for (const file of [...sources, path.join(ROOT, "README.md")]) {
      const text = readFileSync(file, "utf8");
      for (const other of others) expect(text, `${file}: ${other}`).not.toContain(other);
      uses += text.split("答卷文件").length - 1;
    }
    expect(uses).toBeGreaterThan(10);
    // A measure file given where an answers file is expected says so with that name.
    const measure = path.join(REPORT_SETS, "demo-2025", "1.0.0", "m01-original-innovation.yaml");
    const result = await run(["report", measure, "--measures", REPORT_SETS, "--lang", "zh"]);
    expect(result.code).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain("不是答卷文件");
  });

  it("localises the usage terms of every --help, after 用法：", async () => {
    const program = await run(["--help"], ROOT, { LANG: "zh_CN.UTF-8" });
    const commands = program.stdout
      .split("\n")
      .flatMap((line) => /^ {2}([a-z]+) /.exec(line)?.[1] ?? []);
    expect(commands.length).toBeGreaterThan(5);
    for (const argv of [[], ...commands.map((c) => [c])]) {
      const help =
        argv.length === 0 ? program : await run([...argv, "--help"], ROOT, { LANG: "zh_CN.UTF-8" });
      const what = `netdz ${argv.join(" ")} --help`;
      expect(help.stdout.split("\n")[0], what).toMatch(/^用法：netdz/);
      expect(help.stdout, what).not.toContain("[options]");
      expect(help.stdout, what).not.toContain("[command]");
      expect(help.stdout, what).not.toContain("用法:");
      // The formats listed in a description are a Chinese list.
      expect(help.stdout, what).not.toMatch(/（[a-z]+, [a-z]+/);
      // Every option's value placeholder in Chinese (`--out <文件>`), never `<file>`.
      const terms = help.stdout
        .split("\n")
        .flatMap((line) => /^ {2}((?:-\w, )?--[a-z-]+(?: <[^>]+>)?)/.exec(line)?.[1] ?? []);
      expect(terms.length, what).toBeGreaterThan(1);
      for (const term of terms) expect(term, what).not.toMatch(/<[\x20-\x7e]*[a-z][\x20-\x7e]*>$/);
      const english = await run([...argv, "--help"], ROOT, { LANG: "C" });
      const englishTerms = english.stdout
        .split("\n")
        .flatMap((line) => /^ {2}(-[^ ]+(?: [^ ]+)?)/.exec(line)?.[1] ?? []);
      expect(englishTerms.length, what).toBe(terms.length);
    }
  });

  it("shows option placeholders in Chinese but parses the options as in English", async () => {
    const zh = await run(["report", "--help", "--lang", "zh"]);
    for (const term of [
      "-f, --format <格式>",
      "-o, --out <文件>",
      "--fail-under <分数>",
      "--top <数量>",
      "--measures <文件夹>",
      "--lang <语言>",
    ])
      expect(zh.stdout).toContain(term);
    const en = await run(["report", "--help", "--lang", "en"]);
    for (const term of [
      "-f, --format <format>",
      "-o, --out <file>",
      "--fail-under <score>",
      "--top <n>",
      "--measures <dir>",
      "--lang <lang>",
    ])
      expect(en.stdout).toContain(term);
    expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]/);
    const migrate = await run(["migrate", "--help", "--lang", "zh"]);
    expect(migrate.stdout).toContain("--to <版本>");
    const assess = await run(["assess", "--help", "--lang", "zh"]);
    expect(assess.stdout).toContain("-a, --answers <文件>");
    expect(assess.stdout).toContain("--set <清单ID[@版本]>");
    // The same options, read the same way in both languages.
    const dir = tempDir();
    for (const lang of ["en", "zh"]) {
      const out = path.join(dir, `r-${lang}.json`);
      const result = await run([
        "report",
        EASTERN,
        "--measures",
        REPORT_SETS,
        "-f",
        "json",
        "--out",
        out,
        "--top",
        "3",
        "--lang",
        lang,
      ]);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(readFileSync(out, "utf8")).format).toBe("netdz-report/1");
    }
    // An option named in an error as the help names it.
    const bad = await run(["report", EASTERN, "--format", "x", "--lang", "zh"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("选项“-f, --format <格式>”的取值“x”无效");
  });
});
