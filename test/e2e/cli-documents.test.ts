import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { report } from "../../src/commands/report.js";
import { UsageError } from "../../src/errors.js";
import { captureIo, positionIn, ROOT, runCli, tempDir } from "../helpers.js";
import { loadReportInput, SUZHOU } from "../render/document-fixtures.js";

const BAD = path.join(ROOT, "test", "fixtures", "documents", "bad-actions.yaml");
const input = await loadReportInput();
const overall = (input.assessment.overall.score ?? 0).toFixed(1);

describe("netdz report --format html|pdf|docx", () => {
  it("writes the HTML page to standard output", () => {
    const result = runCli(["report", SUZHOU, "--format", "html", "--lang", "zh"]);
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(result.stdout).toContain(`总分：<strong>${overall}</strong> / 100`);
  });

  it("prints a PDF with the zone's name and the overall score, on A4 pages", () => {
    const out = path.join(tempDir(), "report.pdf");
    const result = runCli(["report", SUZHOU, "--format", "pdf", "--out", out, "--lang", "zh"], {
      env: { CHROME_PATH: process.env.CHROME_PATH },
    });
    expect(result.stderr).toContain(`报告已写入 ${out}`);
    expect(result.status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
    const info = execFileSync("pdfinfo", [out], { encoding: "utf8" });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(info).toMatch(/Page size:\s+594\.96 x 841\.92 pts \(A4\)/);
    // One page per section that has content, at least (the empty ones follow on).
    expect(pages).toBeGreaterThanOrEqual(8);
    const text = execFileSync("pdftotext", [out, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(text).toContain("苏州示范经济技术开发区");
    expect(text).toContain(`总分：${overall}/100`);
    expect(text).toContain(`第${pages}页，共${pages}页`);
  });

  it("exits 2 without a browser and says how to get a PDF, in both languages", () => {
    const empty = tempDir();
    for (const [lang, words] of [
      ["en", /--format html[\s\S]*install Chromium/],
      ["zh", /--format html[\s\S]*安装 Chromium/],
    ] as const) {
      const out = path.join(empty, `report.${lang}.pdf`);
      const result = runCli(["report", SUZHOU, "--format", "pdf", "--out", out, "--lang", lang], {
        env: { PATH: empty },
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(words);
      // The answers' warning count, then the one line of the error.
      expect(result.stderr.trim().split("\n").at(-1)).toMatch(words);
      expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });

  it("writes a Word document with its charts", async () => {
    const out = path.join(tempDir(), "report.docx");
    const result = runCli(["report", SUZHOU, "--format", "docx", "--out", out]);
    expect(result.status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).filter((f) => f.startsWith("word/media/"))).toHaveLength(3);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("Action plan");
  });

  it("refuses to write a binary format to a terminal", async () => {
    const io = captureIo(ROOT);
    Object.assign(io.stdout, { isTTY: true });
    const writing = report({ answers: SUZHOU, format: "docx", lang: "en", top: 10 }, io);
    await expect(writing).rejects.toBeInstanceOf(UsageError);
    await expect(writing).rejects.toThrow(
      /--format docx writes a binary file[\s\S]*--out suzhou-demo-report\.docx/,
    );
  });
});

describe("netdz validate --format sarif and --check-evidence", () => {
  it("prints a SARIF log of the problems and exits 1 on errors", () => {
    const result = runCli([
      "validate",
      "test/fixtures/documents/bad-actions.yaml",
      "--format",
      "sarif",
    ]);
    expect(result.status).toBe(1);
    const log = JSON.parse(result.stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; version: string } };
        results: { ruleId: string }[];
      }[];
    };
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0]?.tool.driver).toMatchObject({ name: "netdz", version: pkg.version });
    expect(log.runs[0]?.results.map((r) => r.ruleId)).toEqual([
      "answers/due-date",
      "schema/pattern",
      "schema/minLength",
      "schema/type",
    ]);
    expect(result.stderr).toBe("");
  });

  it("warns about evidence paths that do not exist only with --check-evidence", () => {
    const dir = tempDir();
    const file = path.join(dir, "answers.yaml");
    writeFileSync(file, readFileSync(BAD, "utf8").replace(/ {2}M01\.Q[12]: .*\n/g, ""));
    const without = runCli(["validate", file]);
    expect(without.stdout).not.toContain("answers/evidence-missing");
    const withCheck = runCli(["validate", file, "--check-evidence"]);
    const at = positionIn(file, "docs/missing-file.pdf");
    expect(withCheck.stdout).toContain(
      `${file}:${at.line}:${at.column}  warning  answers/evidence-missing  M01.Q4 evidence "docs/missing-file.pdf" does not exist`,
    );
    expect(withCheck.stdout).not.toContain("https://example.org/a b");
  });
});
