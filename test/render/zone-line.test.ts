import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderHtml } from "../../src/render/report-html.js";
import { renderMarkdown } from "../../src/render/report-markdown.js";
import { tempDir } from "../helpers.js";
import { LANGS, loadReportInput } from "./document-fixtures.js";

describe("every report names the zone alike", () => {
  it.each(LANGS)(
    "(%s) a region derived from the province is shown by Markdown and HTML alike",
    async (lang) => {
      // workplan-2025 1.1.0 derives the region from the province.
      const file = path.join(tempDir(), "zone.yaml");
      writeFileSync(
        file,
        "format: netdz-answers/1\nmeasureSet: { id: workplan-2025, version: 1.1.0 }\n" +
          "zone: { name: Demo Zone, province: jiangsu }\nanswers: {}\n",
      );
      const { assessment, set, answers, date } = await loadReportInput(file);
      const options = { lang, top: 10, date };
      const [province, region] = lang === "en" ? ["Jiangsu", "Eastern"] : ["江苏", "东部"];
      const markdown = renderMarkdown(assessment, set, answers, options);
      const zoneLine = markdown.split("\n").find((l) => l.includes("Demo Zone")) ?? "";
      expect(zoneLine).toMatch(new RegExp(`${province}[^\\n]*${region}`));
      // The HTML header (and so the PDF's) says what the Markdown header says.
      expect(renderHtml(assessment, set, answers, options)).toMatch(
        new RegExp(`Demo Zone[^<]*${province}[^<]*${region}`),
      );
    },
  );
});
