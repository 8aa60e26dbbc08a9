import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { reportSchema } from "../../src/core/schemas/report-schema.js";
import { AJV_OPTIONS } from "../../src/core/validators.js";
import { buildJsonReport, renderJson } from "../../src/render/report-json.js";
import { renderMarkdown } from "../../src/render/report-markdown.js";
import { LANGS, loadReportInput } from "./document-fixtures.js";

const input = await loadReportInput();
const { assessment, set, answers, date } = input;

describe("the action plan in the Markdown and JSON reports", () => {
  it.each(LANGS)("Markdown and JSON in %s match the golden files", async (lang) => {
    await expect(
      renderMarkdown(assessment, set, answers, { lang, top: 10, date }),
    ).toMatchFileSnapshot(`../golden/report/suzhou-demo.${lang}.md`);
    await expect(renderJson(assessment, set, answers, { lang, date })).toMatchFileSnapshot(
      `../golden/report/suzhou-demo.${lang}.json`,
    );
  });

  it("orders the plan by due date and says which items are overdue, in words", () => {
    const md = renderMarkdown(assessment, set, answers, { lang: "en", top: 10, date });
    const section = md.slice(md.indexOf("## Action plan"), md.indexOf("## Claims without"));
    const rows = section.split("\n").filter((line) => /^\| \d{4}-|^\| No date/.test(line));
    expect(rows.map((row) => row.split(" | ")[0])).toEqual([
      "| 2026-09-30",
      "| 2027-01-15",
      "| 2027-03-31",
      "| No date",
    ]);
    expect(date).toBe("2026-11-24");
    expect(rows[0]).toMatch(/\| \*\*Overdue\*\* \|$/);
    expect(rows.slice(1).every((row) => row.endsWith("| Open |"))).toBe(true);
    expect(section).toContain(
      "4 gaps have an owner or a due date, the earliest due first; 1 is overdue.",
    );
    const zh = renderMarkdown(assessment, set, answers, { lang: "zh", top: 10, date });
    expect(zh).toContain("| **已逾期** |");
    // What the user typed as an owner stays text: no HTML, no extra table column.
    expect(section).toContain("科技创新局 &lt;script&gt;alert('owner')&lt;/script&gt;");
    expect(section).toContain('Planning office \\| "A" team');
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(6);
  });

  it("carries owner and due in the JSON questions and the actions list, valid against the schema", () => {
    const json = buildJsonReport(assessment, set, answers, { lang: "en", date });
    const validate = new Ajv2020(AJV_OPTIONS).compile(reportSchema);
    expect(validate(json)).toBe(true);
    expect(json.questions.find((q) => q.id === "M01.Q1")).toMatchObject({
      owner: "科技创新局 <script>alert('owner')</script>",
      due: "2026-09-30",
    });
    expect(json.actions.map((a) => [a.id, a.due ?? null, a.overdue])).toEqual([
      ["M01.Q1", "2026-09-30", true],
      ["M02.Q7", "2027-01-15", false],
      ["M01.Q3", "2027-03-31", false],
      ["M02.Q1", null, false],
    ]);
    expect(json.actions.every((a) => a.gap > 0)).toBe(true);
  });
});
