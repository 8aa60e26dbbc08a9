/**
 * `main(argv, io)` run in this process for every command: arguments in, exit code and both
 * output streams out (the spawned tests in test/e2e run the built CLI the same way).
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli.js";
import { DEFAULT_TOP } from "../../src/commands/report-options.js";
import { DEFAULT_ANSWERS_FILE, LANGS } from "../../src/core/model.js";
import { SCHEMAS } from "../../src/core/schemas/index.js";
import { reportDate, scoreAssessment } from "../../src/core/score.js";
import { loadAnswersWithSet } from "../../src/fs/answers-loader.js";
import { main } from "../../src/main.js";
import {
  AGGREGATE_FORMAT_NAMES,
  AGGREGATE_FORMATS,
  DIFF_FORMAT_NAMES,
  REPORT_FORMAT_NAMES,
  REPORT_FORMATS,
} from "../../src/render/reporters.js";
import { captureIo, FIXTURES, ROOT, tempDir } from "../helpers.js";

const VERSION = (
  JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    version: string;
  }
).version;
const MINI_SETS = path.join(FIXTURES, "sets");
const MINI_ANSWERS = path.join(FIXTURES, "answers", "mini-valid.yaml");
const REPORT_SETS = path.join(FIXTURES, "report", "sets");
const EASTERN = path.join(FIXTURES, "report", "answers", "strong-eastern.yaml");
const PROVINCE = "test/fixtures/province";
const OLD_SUHE = "test/fixtures/province/zones/2025/suhe-2025.yaml";
const NEW_SUHE = "test/fixtures/province/zones/2026/suhe.yaml";
const golden = (name: string) => readFileSync(path.join(ROOT, "test", "golden", name), "utf8");

/** The `--format` choices a command's --help offers, as commander prints them. */
async function offeredFormats(command: string): Promise<string | undefined> {
  const help = await run([command, "--help"]);
  return /--format <format> .*?\(choices: ([^)]*?), default/.exec(
    help.stdout.replace(/\s+/g, " "),
  )?.[1];
}

/** The first bytes of each binary format's file (a zip for the Office formats). */
const MAGIC = { pdf: "%PDF-", docx: "PK\u0003\u0004", xlsx: "PK\u0003\u0004" } as Partial<
  Record<string, string>
>;

/** Runs main in-process; the environment is empty unless given (no locale: English). */
async function run(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const io = captureIo(options.cwd ?? ROOT, { TZ: "UTC", ...options.env });
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

const COMMAND_NAMES = [
  "assess",
  "init",
  "report",
  "aggregate",
  "diff",
  "validate",
  "migrate",
  "list",
  "schema",
];

describe("main(argv, io) in-process", () => {
  it("--version prints the package version", async () => {
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });

  it("--help lists every command of the wiring, in order", async () => {
    const { code, stdout, stderr } = await run(["--help"]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(COMMANDS).toHaveLength(COMMAND_NAMES.length);
    const listed = [...stdout.matchAll(/^ {2}([a-z]+) (?:\[options\]|\[command\])/gm)].map(
      (m) => m[1],
    );
    expect(listed).toEqual([...COMMAND_NAMES, "help"]);
  });

  describe("help and option errors follow the language of the command line", () => {
    it("--lang zh anywhere in the arguments gives Chinese help", async () => {
      const { code, stdout } = await run(["report", "--help", "--lang", "zh"]);
      expect(code).toBe(0);
      expect(stdout.split("\n")[0]).toBe("用法：netdz report [选项] [答卷文件]");
      expect(stdout).toContain("\n选项：\n");
      expect(stdout).toContain("\n参数：\n");
      expect(stdout).toMatch(
        /--top <数量> +Markdown、HTML、PDF 和 Word\s+报告列出多少项差距（0\s+或更多；JSON\s+始终包含全部差距）（默认：10）/,
      );
      const en = (await run(["report", "--help", "--lang", "en"])).stdout;
      expect(en).toMatch(
        /--top <n> +how many gaps the Markdown, HTML, PDF and Word\s+reports\s+list/,
      );
    });

    it("Chinese help names the arguments in Chinese, lined up with the options", async () => {
      const usage = async (command: string) =>
        (await run([command, "--help", "--lang", "zh"])).stdout;
      expect((await usage("validate")).split("\n")[0]).toBe(
        "用法：netdz validate [选项] [路径...]",
      );
      expect((await usage("aggregate")).split("\n")[0]).toBe(
        "用法：netdz aggregate [选项] [路径...]",
      );
      const diff = await usage("diff");
      expect(diff.split("\n")[0]).toBe("用法：netdz diff [选项] <旧答卷> <新答卷>");
      expect((await usage("migrate")).split("\n")[0]).toBe("用法：netdz migrate [选项] <答卷文件>");
      expect((await usage("schema")).split("\n")[0]).toBe("用法：netdz schema [选项] <名称>");
      // A Chinese character is two columns wide: the descriptions start in one column.
      const width = (s: string) => s.length + (s.match(/[\u4e00-\u9fff]/g)?.length ?? 0);
      const start = (line: string | undefined) =>
        width(/^( {2}\S+(?: \S+)* +)/.exec(line ?? "")?.[1] ?? "");
      const lines = diff.split("\n");
      const old = lines.find((l) => l.startsWith("  旧答卷"));
      const format = lines.find((l) => l.startsWith("  -f, --format"));
      expect(start(old)).toBe(start(format));
      expect(start(old)).toBeGreaterThan(10);
      // English keeps the names as they are typed.
      const en = (await run(["diff", "--help", "--lang", "en"])).stdout;
      expect(en.split("\n")[0]).toBe("Usage: netdz diff [options] <old> <new>");
    });

    it("--lang may stand before the command's name, and after it", async () => {
      const before = await run(["--lang", "zh", "list", "--measures", MINI_SETS]);
      const after = await run(["list", "--measures", MINI_SETS, "--lang", "zh"]);
      expect(before).toEqual(after);
      expect(before.code).toBe(0);
      expect(before.stdout.split("\n")[2]).toBe("  2 个方面 · 2 项举措 · 6 个问题");
    });

    it("a Chinese locale gives Chinese help, --lang en wins over it", async () => {
      const zh = await run(["--help"], { env: { LANG: "zh_CN.UTF-8" } });
      expect(zh.stdout).toContain("\n命令：\n");
      const en = await run(["--help", "--lang=en"], { env: { LC_ALL: "zh_CN.UTF-8" } });
      expect(en.stdout).toContain("\nCommands:\n");
    });

    it("translates commander's unknown option, in both languages, with exit 2", async () => {
      const en = await run(["validate", "--bogus"]);
      expect(en).toEqual({
        code: 2,
        stdout: "",
        stderr: "error: unknown option '--bogus'\n(run with --help for usage)\n",
      });
      const zh = await run(["validate", "--bogus"], { env: { LANG: "zh_CN.UTF-8" } });
      expect(zh).toEqual({
        code: 2,
        stdout: "",
        stderr: "错误：未知的选项“--bogus”\n（运行时加 --help 查看用法）\n",
      });
    });

    it("translates an invalid choice and a missing argument", async () => {
      const choice = await run(["report", "--format", "xml", "--lang", "zh"]);
      expect(choice.code).toBe(2);
      expect(choice.stderr.split("\n")[0]).toBe(
        `错误：选项“-f, --format <格式>”的取值“xml”无效。可选：${REPORT_FORMAT_NAMES.join("、")}。`,
      );
      // A value checked by netdz itself: its reason follows the Chinese full stop with no space.
      const top = await run(["report", "--top", "-1", "--lang", "zh"]);
      expect(top.stderr.split("\n")[0]).toBe(
        "错误：选项“--top <数量>”的取值“-1”无效。应为 0 至 9007199254740991 之间的整数。",
      );
      const missing = await run(["schema", "--lang", "zh"]);
      expect(missing.code).toBe(2);
      expect(missing.stderr.split("\n")[0]).toBe("错误：缺少必需的参数“名称”");
      const missingEn = await run(["schema"]);
      expect(missingEn.stderr.split("\n")[0]).toBe("error: missing required argument 'name'");
    });

    it("an unknown command suggests the nearest one, in Chinese too", async () => {
      const zh = await run(["reprot", "--lang", "zh"]);
      expect(zh.code).toBe(2);
      expect(zh.stderr.split("\n").slice(0, 2)).toEqual([
        "错误：未知的命令“reprot”",
        "（是否想输入 report？）",
      ]);
    });
  });

  describe("report", () => {
    it("offers every registry format in --help and renders each one", async () => {
      expect(await offeredFormats("report")).toBe(
        REPORT_FORMAT_NAMES.map((f) => `"${f}"`).join(", "),
      );
      const { answers, set } = await loadAnswersWithSet(EASTERN, {
        cwd: ROOT,
        measuresDir: REPORT_SETS,
      });
      const model = {
        assessment: scoreAssessment(set, answers),
        set,
        answers,
        date: reportDate(answers, undefined, "UTC"),
      };
      // Text formats to standard output, byte for byte; binary ones to a file, only their kind
      // checked. A PDF needs a Chromium, so it is printed by the e2e project's tests instead.
      for (const format of REPORT_FORMAT_NAMES.filter((f) => f !== "pdf")) {
        const magic = MAGIC[format];
        if (magic !== undefined) {
          const out = path.join(tempDir(), `report.${format}`);
          const written = await run([
            "report",
            EASTERN,
            "--measures",
            REPORT_SETS,
            "-f",
            format,
            "--out",
            out,
          ]);
          expect(written.code, format).toBe(0);
          expect(readFileSync(out).subarray(0, magic.length).toString("latin1"), format).toBe(
            magic,
          );
          continue;
        }
        const result = await run(["report", EASTERN, "--measures", REPORT_SETS, "-f", format]);
        const expected = await REPORT_FORMATS[format].render(model, {
          lang: "en",
          top: DEFAULT_TOP,
        });
        expect(result.code, format).toBe(0);
        expect(result.stderr, format).toBe("");
        expect(result.stdout, format).toBe(String(expected));
        expect(String(expected), format).not.toBe("");
      }
    });

    it("accepts --top 0 (no gaps listed) on the command line as report() does", async () => {
      const result = await run(["report", EASTERN, "--measures", REPORT_SETS, "--top", "0"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/\n## Top gaps\n\n\d+ gaps?; none listed \(--top 0\)\.\n/);
    });

    it.each([["-1"], ["1.5"], ["1e2"], ["ten"], ["9007199254740992"], ["99999999999999999999"]])(
      "refuses --top %s with exit 2, naming the limits",
      async (top) => {
        const result = await run(["report", EASTERN, "--measures", REPORT_SETS, "--top", top]);
        expect(result).toEqual({
          code: 2,
          stdout: "",
          stderr:
            `error: option '--top <n>' argument '${top}' is invalid. expected a whole number from 0 to 9007199254740991.\n` +
            "(run with --help for usage)\n",
        });
      },
    );

    it.each([
      [["list", "--measures", ""], "--measures <dir>", "", "expected the path of a folder."],
      [
        ["report", EASTERN, "--measures", " "],
        "--measures <dir>",
        " ",
        "expected the path of a folder.",
      ],
      [
        ["migrate", EASTERN, "--to", ""],
        "--to <version>",
        "",
        "expected a version of the set, such as 1.1.0.",
      ],
    ])(
      "refuses %j with exit 2 rather than taking the option for not given",
      async (argv, flags, given, problem) => {
        const result = await run(argv);
        expect(result).toEqual({
          code: 2,
          stdout: "",
          stderr: `error: option '${flags}' argument '${given}' is invalid. ${problem}\n(run with --help for usage)\n`,
        });
      },
    );

    it("translates an error whose value holds a line break, whole", async () => {
      const result = await run(["migrate", EASTERN, "--to", "\n", "--lang", "zh"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        "错误：选项“--to <版本>”的取值“\n”无效。应为评估清单的版本号，例如 1.1.0。\n（运行时加 --help 查看用法）\n",
      );
    });

    it("refuses migrate --to with a blank value in Chinese too", async () => {
      const result = await run(["migrate", EASTERN, "--to", "  ", "--lang", "zh"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        "错误：选项“--to <版本>”的取值“  ”无效。应为评估清单的版本号，例如 1.1.0。\n（运行时加 --help 查看用法）\n",
      );
    });

    it("dates the report in the TZ time zone", async () => {
      const dir = tempDir();
      const file = path.join(dir, "late.yaml");
      const text = readFileSync(EASTERN, "utf8").replace(
        /answeredAt: [^,}\s]+/g,
        "answeredAt: 2026-11-30T20:00:00Z",
      );
      writeFileSync(file, text);
      const json = (env: NodeJS.ProcessEnv) =>
        run(["report", file, "--measures", REPORT_SETS, "-f", "json"], { env }).then(
          (r) => (JSON.parse(r.stdout) as { date: string }).date,
        );
      expect(await json({ TZ: "Asia/Shanghai" })).toBe("2026-12-01");
      expect(await json({ TZ: "UTC" })).toBe("2026-11-30");
    });
  });

  describe("aggregate", () => {
    it("prints the province's roll-up, the golden file, and exits 1 for the file left out", async () => {
      const result = await run(["aggregate", PROVINCE, "--measures", REPORT_SETS]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe(golden("aggregate/province.en.md"));
      expect(result.stderr).toContain(
        "test/fixtures/province/zones/2026/longxi.yaml:18:21  Status of answer M05.Q1 must be one of",
      );
    });

    it("offers every registry format in --help and writes each one, exit 0", async () => {
      expect(await offeredFormats("aggregate")).toBe(
        AGGREGATE_FORMAT_NAMES.map((f) => `"${f}"`).join(", "),
      );
      const zones = path.join(tempDir(), "zones");
      cpSync(path.join(ROOT, PROVINCE, "zones"), zones, { recursive: true });
      rmSync(path.join(zones, "2026", "longxi.yaml"));
      const starts = { md: "# ", json: "{", csv: "\uFEFF", html: "<!DOCTYPE html>" } as Partial<
        Record<string, string>
      >;
      for (const format of AGGREGATE_FORMAT_NAMES) {
        const out = path.join(tempDir(), `roll-up.${AGGREGATE_FORMATS[format].extension}`);
        const result = await run([
          "aggregate",
          zones,
          "--measures",
          REPORT_SETS,
          "-f",
          format,
          "--out",
          out,
        ]);
        expect(result.code, format).toBe(0);
        const head = AGGREGATE_FORMATS[format].binary ? MAGIC[format] : starts[format];
        expect(head, format).toBeDefined();
        const bytes = readFileSync(out);
        expect(bytes.subarray(0, Buffer.byteLength(head ?? "")).toString(), format).toBe(head);
      }
    });
  });

  describe("diff", () => {
    it("offers every registry format in --help; md is the golden file, json its schema's format", async () => {
      expect(await offeredFormats("diff")).toBe(DIFF_FORMAT_NAMES.map((f) => `"${f}"`).join(", "));
      const md = await run(["diff", OLD_SUHE, NEW_SUHE, "--measures", REPORT_SETS, "--lang", "zh"]);
      expect(md).toEqual({ code: 0, stdout: golden("diff/suhe.zh.md"), stderr: "" });
      const json = await run(["diff", OLD_SUHE, NEW_SUHE, "--measures", REPORT_SETS, "-f", "json"]);
      expect(json.code).toBe(0);
      expect((JSON.parse(json.stdout) as { format: string }).format).toMatch(/^netdz-diff\//);
    });
  });

  describe("the other commands", () => {
    it("validate: a valid answers file, exit 0 and the summary, in both languages", async () => {
      const args = ["validate", MINI_ANSWERS, "--measures", MINI_SETS];
      expect(await run(args)).toEqual({
        code: 0,
        stdout: "",
        stderr: "✔ 1 answers file: valid (0 errors, 0 warnings)\n",
      });
      expect(await run([...args, "--lang", "zh"])).toEqual({
        code: 0,
        stdout: "",
        stderr: "✔ 1 个答卷文件：有效（0 个错误，0 个警告）\n",
      });
    });

    it("validate: a missing path is exit 2 with its line and the summary in the language", async () => {
      expect(await run(["validate", "nope.yaml", "--lang", "zh"])).toEqual({
        code: 2,
        stdout: "",
        stderr: "netdz validate: 无法读取 nope.yaml：文件或文件夹不存在\n✖ 1 个路径无法读取\n",
      });
    });

    it("list: the mini set with its counts", async () => {
      const { code, stdout, stderr } = await run(["list", "--measures", MINI_SETS]);
      expect([code, stderr]).toEqual([0, ""]);
      expect(stdout.split("\n").slice(0, 3)).toEqual([
        "mini@1.0.0  Mini set",
        "  test/fixtures/sets/mini/1.0.0",
        "  2 areas · 2 measures · 6 questions",
      ]);
    });

    it("list --json: one summary per set", async () => {
      const { code, stdout } = await run(["list", "--measures", MINI_SETS, "--json"]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual([
        {
          id: "mini",
          version: "1.0.0",
          title: expect.objectContaining({ en: "Mini set" }) as unknown,
          path: "test/fixtures/sets/mini/1.0.0",
          valid: true,
          areas: 2,
          measures: 2,
          questions: 6,
        },
      ]);
    });

    it("schema: prints the named schema; an unknown name is exit 2 in the language", async () => {
      const ok = await run(["schema", "answers"]);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout)).toEqual(SCHEMAS.answers.schema);
      expect(await run(["schema", "nope", "--lang", "zh"])).toEqual({
        code: 2,
        stdout: "",
        stderr: `netdz: 未知的 schema“nope”（可选：${Object.keys(SCHEMAS).join("、")}）\n`,
      });
    });

    it("migrate: --dry-run prints the account and writes nothing; a missing file is exit 2", async () => {
      const dir = tempDir();
      const file = path.join(dir, "zone.yaml");
      const original = readFileSync(path.join(FIXTURES, "versions", "answers-1.0.0.yaml"), "utf8");
      writeFileSync(file, original);
      const sets = path.join(FIXTURES, "versions");
      const dry = await run(["migrate", "zone.yaml", "--measures", sets, "--dry-run"], {
        cwd: dir,
      });
      expect([dry.code, dry.stderr]).toEqual([0, ""]);
      expect(dry.stdout.split("\n")[0]).toBe("zone.yaml: 1.0.0 → 1.2.0");
      expect(dry.stdout).toMatch(
        /\n2 answers carried over as they were\.\nDry run: nothing was written\.\n$/,
      );
      expect(readFileSync(file, "utf8")).toBe(original);
      const missing = await run(["migrate", "nope.yaml", "--measures", sets], { cwd: dir });
      expect(missing.code).toBe(2);
    });

    it("init: writes the default answers file in the folder and says what next", async () => {
      const dir = tempDir();
      const { code, stdout, stderr } = await run(["init", "--measures", MINI_SETS], { cwd: dir });
      expect([code, stderr]).toEqual([0, ""]);
      const written = readFileSync(path.join(dir, DEFAULT_ANSWERS_FILE), "utf8");
      expect(written).toContain(
        "\nformat: netdz-answers/1\nmeasureSet: { id: mini, version: 1.0.0 }\n",
      );
      expect(stdout.split("\n")[0]).toContain(DEFAULT_ANSWERS_FILE);
      const again = await run(["init", "--measures", MINI_SETS], { cwd: dir });
      expect(again.code).toBe(2);
    });

    it("assess: without a terminal, exit 2 and how to fill the file in by hand", async () => {
      const { code, stdout, stderr } = await run(["assess", "--measures", MINI_SETS], {
        cwd: tempDir(),
      });
      expect([code, stdout]).toEqual([2, ""]);
      expect(stderr).toMatch(/^netdz: netdz assess asks its questions in an interactive terminal/);
      expect(stderr).toContain("netdz init --answers netdz-answers.yaml");
    });

    it.each([
      [["--measures", "no-such-dir"], "netdz: --measures no-such-dir: no such file or folder\n"],
      [["--measures", "a.txt", "--lang", "zh"], "netdz: --measures a.txt：不是文件夹\n"],
      [["--set", "a b"], "netdz: --set a b: expected ID or ID@VERSION, e.g. workplan-2025@1.0.0\n"],
      [["--set", "nosuch"], /^netdz: measure set "nosuch" not found/],
      [["--set", "workplan-2025@9.9.9"], /^netdz: .*9\.9\.9/],
    ])(
      "assess %j without a terminal: the option is refused first, as every command does",
      async (args, words) => {
        const cwd = tempDir();
        writeFileSync(path.join(cwd, "a.txt"), "x");
        const { code, stdout, stderr } = await run(["assess", ...args], { cwd });
        expect([code, stdout]).toEqual([2, ""]);
        if (typeof words === "string") expect(stderr).toBe(words);
        else expect(stderr).toMatch(words);
        expect(stderr).not.toContain("interactive terminal");
      },
    );

    it.each(LANGS)("every command has --help in %s", async (lang) => {
      for (const name of COMMAND_NAMES) {
        const { code, stdout, stderr } = await run([name, "--help", "--lang", lang]);
        expect([name, code, stderr]).toEqual([name, 0, ""]);
        expect(stdout.split("\n")[0]).toMatch(
          lang === "zh"
            ? new RegExp(`^用法：netdz ${name} `)
            : new RegExp(`^Usage: netdz ${name} `),
        );
        if (lang === "zh") expect(stdout, name).toContain("显示帮助");
        // commander's placeholders in the usage line are in the language too.
        if (lang === "zh")
          expect(stdout.split("\n")[0], name).not.toMatch(/\[options\]|\[command\]/);
      }
    });
  });

  describe("standard output that refuses what is written", () => {
    it.each([
      ["en", "netdz: cannot write to standard output: no space left on the disk\n"],
      ["zh", "netdz: 无法写入标准输出：磁盘空间不足\n"],
    ] as const)("report says so once, in %s, exit 2", async (lang, words) => {
      const io = captureIo(ROOT, { TZ: "UTC" });
      const full = new Writable({
        write: (_chunk, _encoding, done) =>
          done(Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" })),
      });
      full.on("error", () => {});
      const code = await main(["report", MINI_ANSWERS, "--measures", MINI_SETS, "--lang", lang], {
        ...io,
        stdout: full,
      });
      expect(code).toBe(2);
      expect(io.err()).toContain(words);
      expect(io.err().split(words)).toHaveLength(2);
    });
  });
});
