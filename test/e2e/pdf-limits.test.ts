// The PDF of a huge report shows at most DOCUMENT_MAX_EVIDENCE evidence items per question and says
// exactly how many more there are (the browser cannot print 199,000 rows in time); it finishes.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { documentMessages } from "../../src/i18n/document-messages.js";
import { DOCUMENT_MAX_EVIDENCE } from "../../src/render/print-limits.js";
import { runCli, tempDir } from "../helpers.js";

const ITEMS = 199_000;
const HEAD =
  "format: netdz-answers/1\n" +
  "measureSet: { id: workplan-2025, version: 1.1.0 }\n" +
  "zone: { name: Z, province: jiangsu, westernHubArea: false, ftzLinked: true, customsArea: true }\n" +
  "answers:\n";

describe("netdz report --format pdf of 199,000 evidence items on one question", () => {
  it("finishes, exits 0, and says how many items it leaves out, in both languages", () => {
    const dir = tempDir();
    const file = path.join(dir, "huge.yaml");
    const items = Array.from({ length: ITEMS }, (_, i) => `e/${String(i).padStart(6, "0")}.pdf`);
    writeFileSync(
      file,
      `${HEAD}  M01.Q1: { status: implemented, evidence: [${items.join(", ")}] }\n`,
    );
    for (const lang of ["en", "zh"] as const) {
      const out = path.join(dir, `huge.${lang}.pdf`);
      const result = runCli(["report", file, "--format", "pdf", "--out", out, "--lang", lang], {
        env: { CHROME_PATH: process.env.CHROME_PATH },
      });
      expect(result.stderr).not.toMatch(/failed|失败/);
      expect(result.status).toBe(0);
      const text = execFileSync("pdftotext", [out, "-"], {
        encoding: "utf8",
        maxBuffer: 1 << 26,
      }).replace(/\s+/g, "");
      const said = documentMessages(lang).printCuts.moreEvidence(
        ITEMS - DOCUMENT_MAX_EVIDENCE,
        DOCUMENT_MAX_EVIDENCE,
      );
      expect(text).toContain(said.replace(/\s+/g, ""));
      expect(text).toContain(`e/${String(DOCUMENT_MAX_EVIDENCE - 1).padStart(6, "0")}.pdf`);
      expect(text).not.toContain(`e/${String(DOCUMENT_MAX_EVIDENCE).padStart(6, "0")}.pdf`);
    }
  }, 60_000);
});
