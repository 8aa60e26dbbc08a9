/** The report's own words: plain text in the messages, and Chinese punctuation in Chinese. */
import { describe, expect, it } from "vitest";
import { LANGS } from "../../src/core/model.js";
import { scoreAssessment } from "../../src/core/score.js";
import { REPORT_MESSAGES } from "../../src/i18n/report-messages.js";
import { renderMarkdown } from "../../src/render/report-markdown.js";
import { loadAnswers, loadDemoSet } from "./report-fixtures.js";

/** Every string a message table yields, calling functions with plain sample arguments. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "function") {
    const fn = value as (...args: unknown[]) => unknown;
    const sample = fn.length === 1 ? ["x"] : ["x", "y", "z", "w"];
    const facts = { percent: "1%", answered: 1, applicable: 2, unknown: 0, unanswered: 1 };
    try {
      return strings(fn(...sample));
    } catch {
      return strings(fn({ ...facts, notApplicable: 0, review: 0 }));
    }
  }
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

describe("report messages", () => {
  it.each(LANGS)("carry no Markdown in %s (the renderer adds emphasis and escaping)", (lang) => {
    // The `command` strings go to the terminal, not into a report.
    const report: Record<string, unknown> = { ...REPORT_MESSAGES[lang] };
    delete report.command;
    const texts = strings(report);
    expect(texts.length).toBeGreaterThan(60);
    expect(texts.filter((t) => /\*\*|__|`|\[[^\]]*\]\(|<[a-z]|\|/i.test(t))).toEqual([]);
  });
});

describe("the Chinese report header", () => {
  const set = loadDemoSet();

  it("joins name and role with a Chinese comma, in English with ', '", () => {
    const answers = { ...loadAnswers("half-finished"), assessor: { name: "李华", role: "规划处" } };
    const result = scoreAssessment(set, answers);
    const line = (lang: "en" | "zh") =>
      renderMarkdown(result, set, answers, { lang, top: 3, date: "2026-12-01" })
        .split("\n")
        .find((l) => l.startsWith(lang === "zh" ? "- **填报人**" : "- **Assessor**"));
    expect(line("zh")).toBe("- **填报人**：李华，规划处");
    expect(line("en")).toBe("- **Assessor**: 李华, 规划处");
  });

  it("turns quotes inside Chinese quotes into ‘ ’", () => {
    const western = loadAnswers("western-hub");
    const base = { ...set, profile: set.profile.map((f) => ({ ...f })) };
    // A profile field whose Chinese label itself holds quotes, as “东数西算” labels do.
    const field = base.profile.find((f) => f.id === "westernHubArea");
    if (!field) throw new Error("demo set has no westernHubArea field");
    field.label = { ...field.label, zh: "是否位于“东数西算”枢纽节点" };
    const east = { ...western, zone: { ...western.zone, westernHubArea: false } };
    const markdown = renderMarkdown(scoreAssessment(base, east), base, east, {
      lang: "zh",
      top: 3,
      date: "2026-12-01",
    });
    expect(markdown).toContain("仅当“是否位于‘东数西算’枢纽节点”为");
    expect(markdown).not.toContain("““");
  });
});
