import { describe, expect, it } from "vitest";
import { diffAssessments } from "../../src/core/diff.js";
import type { Answer } from "../../src/core/model.js";
import { renderDiffMarkdown } from "../../src/render/diff-markdown.js";
import { demoDiffSide, loadDemoSet } from "./report-fixtures.js";

const set = loadDemoSet();

const side = (file: string, answers: Record<string, Answer>) => demoDiffSide(set, file, answers);

/** The cells of the Markdown table row that starts with `id`. */
function cells(md: string, id: string): string[] {
  const line = md.split("\n").find((l) => l.startsWith(`| ${id} `));
  if (line === undefined) throw new Error(`no row ${id}`);
  return line.split(" | ").map((cell) => cell.replace(/^\| |\s*\|$/g, ""));
}

describe("netdz diff shows a value answer as it reads, not as 'Answered'", () => {
  const diff = diffAssessments(
    side("old.yaml", {
      "M03.Q2": { value: true },
      "M03.Q1": { value: "overseas" },
      "M01.Q3": { value: ["pilot"] },
      "M01.Q1": { status: "implemented" },
    }),
    side("new.yaml", {
      "M03.Q2": { value: false },
      "M03.Q1": { value: "adhoc" },
      "M01.Q3": { value: [] },
      "M01.Q1": { status: "planned" },
    }),
  );
  const option = (question: string, id: string, lang: "en" | "zh") =>
    set.measures
      .flatMap((m) => m.questions)
      .find((q) => q.id === question)
      ?.options?.find((o) => o.id === id)?.label[lang];

  it.each([
    ["en", "Yes", "No", "Implemented", "Planned", "None selected"],
    ["zh", "是", "否", "已落实", "已纳入计划", "未选择"],
  ] as const)(
    "in %s: yes/no, choices, lists and statuses",
    (lang, yes, no, done, planned, none) => {
      const md = renderDiffMarkdown(diff, set, { lang });
      expect(md).not.toMatch(/Answered \(|已作答（/);
      const [, , oldYesNo, newYesNo] = cells(md, "M03.Q2");
      expect(oldYesNo?.startsWith(yes)).toBe(true);
      expect(newYesNo?.startsWith(no)).toBe(true);
      const [, , oldChoice, newChoice] = cells(md, "M03.Q1");
      expect(oldChoice?.startsWith(option("M03.Q1", "overseas", lang) ?? "?")).toBe(true);
      expect(newChoice?.startsWith(option("M03.Q1", "adhoc", lang) ?? "?")).toBe(true);
      const [, , oldList, newList] = cells(md, "M01.Q3");
      expect(oldList?.startsWith(option("M01.Q3", "pilot", lang) ?? "?")).toBe(true);
      expect(newList?.startsWith(none)).toBe(true);
      const [, , oldStatus, newStatus] = cells(md, "M01.Q1");
      expect(oldStatus?.startsWith(done)).toBe(true);
      expect(newStatus?.startsWith(planned)).toBe(true);
    },
  );

  it("carries the values in the JSON, and none for a status", () => {
    const regressed = diff.questions.regressed;
    expect(regressed.find((q) => q.id === "M03.Q2")).toMatchObject({
      oldValue: true,
      newValue: false,
    });
    expect(regressed.find((q) => q.id === "M01.Q3")).toMatchObject({
      oldValue: ["pilot"],
      newValue: [],
    });
    const status = regressed.find((q) => q.id === "M01.Q1");
    expect(status).toBeDefined();
    expect(status).not.toHaveProperty("oldValue");
    expect(status).not.toHaveProperty("newValue");
  });
});
