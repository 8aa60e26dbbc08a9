/** Without --format, report, aggregate and diff write the format --out's extension names. */
import ExcelJS from "exceljs";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/main.js";
import {
  AGGREGATE_FORMATS,
  chooseFormat,
  DIFF_FORMATS,
  formatOfFile,
  REPORT_FORMATS,
} from "../../src/render/reporters.js";
import { captureIo, FIXTURES, ROOT, tempDir } from "../helpers.js";

const SETS = path.join(FIXTURES, "report", "sets");
const ANSWERS = path.join(FIXTURES, "report", "answers");
const ZONES = path.join(ROOT, "test", "fixtures", "province", "zones", "2026");

const COMMANDS = {
  report: [path.join(ANSWERS, "strong-eastern.yaml")],
  aggregate: [path.join(ZONES, "haiyan.yaml"), path.join(ZONES, "helan.yaml")],
  diff: [path.join(ANSWERS, "half-finished.yaml"), path.join(ANSWERS, "strong-eastern.yaml")],
} as const;

async function run(argv: string[]): Promise<{ code: number; err: string }> {
  const io = captureIo(ROOT, { TZ: "UTC" });
  const code = await main([...argv, "--measures", SETS], io);
  return { code, err: io.err() };
}

describe("the format named by --out's extension", () => {
  it("is found by each reporter's extension, whatever its case", () => {
    expect(formatOfFile(AGGREGATE_FORMATS, "out/Roll-Up.XLSX")).toBe("xlsx");
    expect(formatOfFile(AGGREGATE_FORMATS, "C:\\data\\roll.csv")).toBe("csv");
    expect(formatOfFile(REPORT_FORMATS, "r.docx")).toBe("docx");
    expect(formatOfFile(DIFF_FORMATS, "d.xlsx")).toBeUndefined();
    expect(formatOfFile(REPORT_FORMATS, ".json")).toBeUndefined();
    expect(formatOfFile(REPORT_FORMATS, "-")).toBeUndefined();
    expect(formatOfFile(REPORT_FORMATS, undefined)).toBeUndefined();
  });

  it("is used unless --format is given, and refused when --format names another", () => {
    expect(chooseFormat(REPORT_FORMATS, undefined, "r.html", "md")).toEqual({ format: "html" });
    expect(chooseFormat(REPORT_FORMATS, undefined, "r.txt", "md")).toEqual({ format: "md" });
    expect(chooseFormat(REPORT_FORMATS, "json", "r.json", "md")).toEqual({ format: "json" });
    expect(chooseFormat(REPORT_FORMATS, "json", "r.txt", "md")).toEqual({ format: "json" });
    expect(chooseFormat(REPORT_FORMATS, "md", "r.json", "md")).toEqual({
      format: "md",
      conflict: "json",
    });
  });

  it.each([
    ["report", "json"],
    ["report", "html"],
    ["aggregate", "json"],
    ["aggregate", "csv"],
    ["aggregate", "html"],
    ["diff", "json"],
  ] as const)("%s --out x.%s writes that format", async (command, format) => {
    const out = path.join(tempDir(), `x.${format.toUpperCase()}`);
    const { code, err } = await run([command, ...COMMANDS[command], "--out", out]);
    expect(err).not.toMatch(/internal error/);
    expect(code).toBeLessThanOrEqual(1);
    const text = readFileSync(out, "utf8");
    if (format === "json") expect(() => JSON.parse(text) as unknown).not.toThrow();
    if (format === "html") expect(text).toMatch(/^<!doctype html>/i);
    if (format === "csv") expect(text.startsWith("\uFEFF")).toBe(true);
  });

  it("aggregate --out x.xlsx writes a workbook", async () => {
    const out = path.join(tempDir(), "roll-up.xlsx");
    const { code } = await run(["aggregate", ...COMMANDS.aggregate, "--out", out]);
    expect(code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.length).toBeGreaterThan(1);
  });

  it.each([
    ["report", "md", "json"],
    ["aggregate", "csv", "xlsx"],
    ["diff", "json", "md"],
  ] as const)(
    "%s --format %s --out x.%s is refused in one line, en and zh",
    async (command, format, ext) => {
      const out = path.join(tempDir(), `x.${ext}`);
      const argv = [command, ...COMMANDS[command], "--format", format, "--out", out];
      for (const [lang, words] of [
        [
          "en",
          `--format ${format} does not match --out ${out}, whose extension names the ${ext} format`,
        ],
        ["zh", `--format ${format} 与 --out ${out} 不符：该文件的扩展名对应 ${ext} 格式`],
      ] as const) {
        const { code, err } = await run([...argv, "--lang", lang]);
        expect(code).toBe(2);
        expect(err).toContain(words);
        expect(err.trim().split("\n")).toHaveLength(1);
      }
    },
  );

  it("without --format, an extension of another command's format is foreign, not the default", () => {
    expect(chooseFormat(DIFF_FORMATS, undefined, "d.CSV", "md")).toEqual({
      format: "md",
      foreign: "csv",
    });
    expect(chooseFormat(REPORT_FORMATS, undefined, "r.xlsx", "md")).toEqual({
      format: "md",
      foreign: "xlsx",
    });
    expect(chooseFormat(AGGREGATE_FORMATS, undefined, "a.docx", "md")).toEqual({
      format: "md",
      foreign: "docx",
    });
    // An extension no netdz format has is the default's to write; --format decides alone.
    expect(chooseFormat(DIFF_FORMATS, undefined, "d.txt", "md")).toEqual({ format: "md" });
    expect(chooseFormat(DIFF_FORMATS, "md", "d.csv", "md")).toEqual({ format: "md" });
  });

  it.each([
    ["report", "xlsx", ".md, .json, .html, .pdf, .docx"],
    ["report", "csv", ".md, .json, .html, .pdf, .docx"],
    ["aggregate", "pdf", ".md, .json, .csv, .xlsx, .html"],
    ["aggregate", "docx", ".md, .json, .csv, .xlsx, .html"],
    ["diff", "csv", ".md, .json"],
    ["diff", "html", ".md, .json"],
  ] as const)(
    "%s --out x.%s (a format it does not write) is refused in one line, nothing written",
    async (command, ext, own) => {
      const dir = tempDir();
      const out = path.join(dir, `x.${ext}`);
      const argv = [command, ...COMMANDS[command], "--out", out];
      for (const [lang, words] of [
        ["en", `--out ${out}: this command does not write .${ext} files (it writes ${own})`],
        ["zh", `--out ${out}：此命令不输出 .${ext} 文件（可输出 ${own.replaceAll(", ", "、")}）`],
      ] as const) {
        const { code, err } = await run([...argv, "--lang", lang]);
        expect(code).toBe(2);
        expect(err).toContain(words);
        expect(err.trim().split("\n")).toHaveLength(1);
        expect(readdirSync(dir)).toEqual([]);
      }
      // --format says what to write under that name.
      const { code } = await run([...argv, "--format", "md"]);
      expect(code).toBeLessThanOrEqual(1);
      expect(readFileSync(out, "utf8")).toMatch(/^# /);
    },
  );

  it.each(["report", "aggregate", "diff"])("%s --help says so (en and zh)", async (command) => {
    for (const [lang, words] of [
      ["en", "the format --out's extension names, else md"],
      ["zh", "按 --out 文件的扩展名确定格式，否则为 md"],
    ] as const) {
      const io = captureIo(ROOT);
      await main([command, "--help", "--lang", lang], io);
      expect(io.out().replace(/\s+/g, " ")).toContain(words);
    }
  });
});
