import { describe, expect, it } from "vitest";
import type { BarChart } from "../../src/render/report-document.js";
import { renderHtml } from "../../src/render/report-html.js";
import { DOCUMENT_MESSAGES } from "../../src/i18n/document-messages.js";
import {
  CHART_WIDTH,
  chartLayout,
  renderBarChart,
  textWidth,
  wrapText,
} from "../../src/render/svg-charts.js";
import { LANGS, loadReportInput } from "./document-fixtures.js";

const input = await loadReportInput();

/** The label of each bar as drawn: its lines joined, entities decoded. */
function drawnLabels(svg: string): string[] {
  const decode = (t: string) =>
    t
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  return [...svg.matchAll(/<text class="bar-label"[^>]*>(.*?)<\/text>/g)].map((m) =>
    decode((m[1] ?? "").replace(/<tspan[^>]*>/g, "").replace(/<\/tspan>/g, "")),
  );
}

describe("bar chart labels", () => {
  it.each(LANGS)("(%s) show every measure and area label in full, nothing cut with …", (lang) => {
    const html = renderHtml(input.assessment, input.set, input.answers, {
      lang,
      top: 10,
      date: input.date,
    });
    const charts = [...html.matchAll(/<svg [\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(charts).toHaveLength(3);
    const [areas = "", measures = ""] = charts;
    expect(drawnLabels(measures)).toEqual(
      input.set.measures.map((m) => `${m.id} ${m.title[lang].replace(/\s+/g, " ").trim()}`),
    );
    expect(drawnLabels(areas)).toEqual(
      input.set.areas.map((a) => `${a.ref} ${a.title[lang].replace(/\s+/g, " ").trim()}`),
    );
    for (const svg of charts) expect(svg).not.toContain("…");
  });

  it("wraps a long label over lines that fit the chart and give the label back", () => {
    const long =
      `M99 ${"Supercalifragilistic".repeat(5)} and 深化管理制度改革推动高质量发展`.repeat(2);
    for (const text of [long, "短", "", "a b", "经开区".repeat(40), "W".repeat(90)]) {
      const lines = wrapText(text, 30);
      expect(lines.join("")).toBe(text);
      for (const line of lines) expect(textWidth(line.trimEnd())).toBeLessThanOrEqual(30);
    }
    // Breaks at spaces when it can.
    expect(wrapText("alpha beta gamma", 6)).toEqual(["alpha beta ", "gamma"]);
  });

  it("makes room for the lines of wrapped labels, and keeps the full text in title and aria-label", () => {
    const label = `M01 ${"very long measure title ".repeat(8).trim()}`;
    const chart: BarChart = {
      id: "measures",
      title: "T",
      max: 100,
      unit: "u",
      bars: [
        { label, fullLabel: label, value: 50, display: "50.0" },
        { label: "M02 short", fullLabel: "M02 short", value: 10, display: "10.0" },
      ],
    };
    const svg = renderBarChart(chart, DOCUMENT_MESSAGES.en.charts);
    const { rows, height } = chartLayout(chart);
    expect(rows[0]?.lines.length).toBeGreaterThan(2);
    expect(rows[1]?.top).toBeGreaterThan((rows[0]?.top ?? 0) + (rows[0]?.lines.length ?? 0) * 12);
    expect(svg).toContain(`viewBox="0 0 ${CHART_WIDTH} ${height}"`);
    expect(drawnLabels(svg)[0]).toBe(label);
    expect(svg).toContain(`aria-label="${label}: 50.0 u"`);
    expect(svg).toContain(`<title>${label}: 50.0 u</title>`);
  });
});
