// Issue 7 (QA #5, docx): the Word report of an answers file with thousands of long evidence
// items stays under 250 MB and lists the first DOCUMENT_MAX_EVIDENCE of them (one row per
// question, an item per line), then how many more there are. A row per item cost the docx
// library tens of kilobytes each: 2 MB of evidence took almost 1 GB.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { documentMessages } from "../../src/i18n/document-messages.js";
import { DOCUMENT_MAX_EVIDENCE } from "../../src/render/print-limits.js";
import { BIN, PEAK_RSS, tempDir } from "../helpers.js";

const HEAD =
  "format: netdz-answers/1\n" +
  "measureSet: { id: workplan-2025, version: 1.1.0 }\n" +
  "zone: { name: Z, province: jiangsu, westernHubArea: false, ftzLinked: true, customsArea: true }\n" +
  "answers:\n";

describe("the Word report of a file with thousands of evidence items", () => {
  it("stays under 250 MB and lists the first items, saying how many more", () => {
    const cwd = tempDir();
    const count = 10_000;
    const items = Array.from(
      { length: count },
      (_, i) => `      - "docs/evidence-${String(i).padStart(6, "0")}-${"y".repeat(180)}.pdf"\n`,
    );
    const text = `${HEAD}  M01.Q1:\n    status: implemented\n    evidence:\n${items.join("")}`;
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    writeFileSync(path.join(cwd, "many.yaml"), text);
    const result = spawnSync(
      process.execPath,
      ["--import", PEAK_RSS, BIN, "report", "many.yaml", "--format", "docx", "--out", "r.docx"],
      { cwd, encoding: "utf8", env: { PATH: process.env.PATH, LANG: "C" }, timeout: 180_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const peakMb = Number(/maxrss-kb=(\d+)/.exec(result.stderr)?.[1]) / 1024;
    expect(peakMb).toBeGreaterThan(0);
    expect(peakMb).toBeLessThan(250);
    const xml = new TextDecoder().decode(
      unzipSync(readFileSync(path.join(cwd, "r.docx")))["word/document.xml"],
    );
    const shown = DOCUMENT_MAX_EVIDENCE;
    for (const i of [0, 1, shown / 2, shown - 1]) {
      expect(xml).toContain(`docs/evidence-${String(i).padStart(6, "0")}-`);
    }
    // The first items each on a line of its own in one cell, then the cut with its count.
    expect(xml.match(/docs\/evidence-\d{6}-/g)).toHaveLength(shown);
    expect(xml).toContain(documentMessages("en").printCuts.moreEvidence(count - shown, shown));
    expect(xml).not.toContain("\uE010");
  }, 240_000);
});
