// QA 7b #4: a question the zone profile excludes may still be answered; its note is shown with
// the exclusion in every report format, as its evidence is (JSON already had it).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers.js";

const FILE =
  "format: netdz-answers/1\n" +
  "measureSet: { id: workplan-2025, version: 1.1.0 }\n" +
  "zone: { name: A, province: jiangsu, westernHubArea: false, ftzLinked: true, customsArea: true }\n" +
  "answers:\n" +
  "  M03.Q8: { status: implemented, note: NOTE_OF_M03Q8 & more, evidence: [EVIDENCE_M03Q8.pdf] }\n" +
  "  M14.Q7: { status: planned, note: 西部枢纽备注 }\n";

function text(file: string, format: string): string {
  if (format !== "docx") return readFileSync(file, "utf8");
  return new TextDecoder().decode(unzipSync(readFileSync(file))["word/document.xml"]);
}

describe("notes of questions the profile excludes", () => {
  it.each(["en", "zh"])("are in the md, html and docx reports (%s)", (lang) => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, "a.yaml"), FILE);
    for (const format of ["md", "html", "docx"]) {
      const out = path.join(cwd, `a.${format}`);
      const result = runCli(
        ["report", "a.yaml", "--format", format, "--out", out, "--lang", lang],
        {
          cwd,
        },
      );
      expect(result.status, result.stderr).toBe(0);
      const body = text(out, format);
      expect(body, format).toContain("EVIDENCE");
      const escaped = format === "md" ? "NOTE\\_OF\\_M03Q8 &amp; more" : "NOTE_OF_M03Q8 &amp; more";
      expect(body, format).toContain(escaped);
      expect(body, format).toContain("西部枢纽备注");
      // With the reason it is left out, in the report's language.
      const label = lang === "en" ? "Note: " : "备注：";
      expect(body, format).toContain(`${label}${escaped}`);
    }
  });
});
