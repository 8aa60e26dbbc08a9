import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pathToFileURL } from "node:url";
import {
  checkEvidencePaths,
  evidencePath,
  isNetworkReference,
  isUrl,
} from "../../src/fs/evidence-check.js";
import { readYamlFile } from "../../src/fs/measure-sets.js";
import { tempDir } from "../helpers.js";

describe("--check-evidence", () => {
  it("warns at each evidence path that does not exist next to the answers file, and skips URLs", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "zone", "docs", "folder"), { recursive: true });
    writeFileSync(path.join(dir, "zone", "docs", "plan.pdf"), "x");
    const file = path.join(dir, "zone", "answers.yaml");
    writeFileSync(
      file,
      [
        "format: netdz-answers/1",
        "measureSet: { id: workplan-2025, version: 1.0.0 }",
        "zone: { name: Z }",
        "answers:",
        "  M01.Q1:",
        "    status: implemented",
        "    evidence:",
        "      - docs/plan.pdf",
        "      - docs/missing.pdf",
        "      - https://example.org/not-fetched.pdf",
        "      - docs/folder",
        `      - ${path.join(dir, "nowhere", "abs.pdf")}`,
        '  M01.Q2: { status: implemented, evidence: ["../zone/docs/plan.pdf", "报告 2026.docx"] }',
        "",
      ].join("\n"),
    );
    const source = await readYamlFile(file, dir);
    const found = (await checkEvidencePaths(source, file)).map((d) => ({
      line: d.line,
      column: d.column,
      severity: d.severity,
      code: d.code,
      message: d.message,
    }));
    expect(found).toEqual([
      {
        line: 9,
        column: 9,
        severity: "warning",
        code: "answers/evidence-missing",
        message: `M01.Q1 evidence "docs/missing.pdf" does not exist (a path is read from the answers file's folder)`,
      },
      expect.objectContaining({ line: 12, column: 9, code: "answers/evidence-missing" }),
      expect.objectContaining({
        line: 13,
        code: "answers/evidence-missing",
        message: expect.stringContaining('"报告 2026.docx"'),
      }),
    ]);
  });

  it("tells URLs from paths", () => {
    expect(isUrl("https://example.org/a")).toBe(true);
    expect(isUrl("ftp://host/file")).toBe(true);
    expect(isUrl("mailto:office@example.org")).toBe(true);
    expect(isUrl("docs/a.pdf")).toBe(false);
    expect(isUrl("C:\\docs\\a.pdf")).toBe(false);
    expect(isUrl("/srv/docs/a.pdf")).toBe(false);
    // One rule: any RFC 3986 scheme of two or more characters is a URL, never read.
    for (const url of [
      "javascript:alert(1)",
      "urn:isbn:123",
      "s3://bucket/a.pdf",
      "ftp://h/x",
      "data:,x",
      "tel:+861",
    ]) {
      expect(isUrl(url)).toBe(true);
    }
    expect(isUrl("c:/docs/a.pdf")).toBe(false);
    expect(isNetworkReference("//fileserver/share/a.pdf")).toBe(true);
    expect(isNetworkReference("\\\\fileserver\\share")).toBe(true);
    expect(isNetworkReference("/srv/a.pdf")).toBe(false);
  });
});

describe("--check-evidence and file: URLs", () => {
  it("checks a file: URL as a local path (relative ones from the answers file's folder)", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "zone", "docs"), { recursive: true });
    writeFileSync(path.join(dir, "zone", "docs", "plan 2026.pdf"), "x");
    const file = path.join(dir, "zone", "answers.yaml");
    const here = pathToFileURL(path.join(dir, "zone", "docs", "plan 2026.pdf")).href;
    const gone = pathToFileURL(path.join(dir, "zone", "docs", "gone.pdf")).href;
    writeFileSync(
      file,
      [
        "format: netdz-answers/1",
        "measureSet: { id: workplan-2025, version: 1.0.0 }",
        "zone: { name: Z }",
        "answers:",
        "  M01.Q1:",
        "    status: implemented",
        "    evidence:",
        `      - ${here}`,
        `      - ${gone}`,
        "      - file:docs/plan%202026.pdf",
        "      - file:docs/missing.pdf",
        `      - ${gone.replace("file:///", "FILE://localhost/")}`,
        "      - file://fileserver/share/plan.pdf",
        "      - https://example.org/never-fetched.pdf",
        "",
      ].join("\n"),
    );
    const source = await readYamlFile(file, dir);
    const found = (await checkEvidencePaths(source, file)).map((d) => [d.line, d.code]);
    expect(found).toEqual([
      [9, "answers/evidence-missing"],
      [11, "answers/evidence-missing"],
      [12, "answers/evidence-missing"],
    ]);
    expect(evidencePath("file:///srv/a%20b.pdf", "/base")).toBe("/srv/a b.pdf");
    expect(evidencePath("file:docs/a.pdf", "/base")).toBe("/base/docs/a.pdf");
    expect(evidencePath("file://elsewhere/a.pdf", "/base")).toBeUndefined();
    expect(evidencePath("https://example.org/a.pdf", "/base")).toBeUndefined();
  });
  it("never reads a URL of any scheme nor a network reference, and drops #fragment/?query", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "docs"), { recursive: true });
    writeFileSync(path.join(dir, "docs", "plan.pdf"), "x");
    writeFileSync(path.join(dir, "docs", "odd#1.pdf"), "x");
    const file = path.join(dir, "answers.yaml");
    const items = [
      "javascript:alert(1)",
      "mailto:a@example.org",
      "urn:x:y",
      "s3://bucket/a.pdf",
      "ftp://host/a.pdf",
      "//fileserver/share/a.pdf",
      "docs/plan.pdf#page=3",
      "docs/plan.pdf?v=2",
      "docs/odd#1.pdf",
      "file:docs/plan.pdf#page=2",
      "docs/missing.pdf#page=3",
    ];
    writeFileSync(
      file,
      [
        "format: netdz-answers/1",
        "measureSet: { id: workplan-2025, version: 1.0.0 }",
        "zone: { name: Z }",
        "answers:",
        "  M01.Q1:",
        "    status: implemented",
        "    evidence:",
        ...items.map((item) => `      - ${JSON.stringify(item)}`),
        "",
      ].join("\n"),
    );
    const source = await readYamlFile(file, dir);
    const found = await checkEvidencePaths(source, file);
    expect(found.map((d) => [d.line, d.code])).toEqual([[18, "answers/evidence-missing"]]);
    expect(found[0]?.message).toContain('"docs/missing.pdf#page=3"');
  });
});

describe("--check-evidence says a path is read from the answers file's folder only of a relative one", () => {
  it.each<[string, boolean]>([
    ["docs/missing.pdf", true],
    ["file:docs/missing.pdf", true],
    ["file:///nowhere/missing.pdf", false],
    ["file:/nowhere/missing.pdf", false],
    ["/nowhere/missing.pdf", false],
  ])("%s", async (item, relative) => {
    const dir = tempDir();
    const file = path.join(dir, "answers.yaml");
    writeFileSync(
      file,
      [
        "format: netdz-answers/1",
        "measureSet: { id: workplan-2025, version: 1.0.0 }",
        "zone: { name: Z }",
        `answers:\n  M01.Q1: { status: implemented, evidence: [${JSON.stringify(item)}] }`,
        "",
      ].join("\n"),
    );
    const [found, ...more] = await checkEvidencePaths(await readYamlFile(file, dir), file);
    expect(more).toEqual([]);
    expect(found?.code).toBe("answers/evidence-missing");
    expect(found?.message).toBe(
      `M01.Q1 evidence "${item}" does not exist` +
        (relative ? " (a path is read from the answers file's folder)" : ""),
    );
  });
});
