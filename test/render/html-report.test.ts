import { describe, expect, it } from "vitest";
import { renderHtml } from "../../src/render/report-html.js";
import { reportDate, scoreAssessment } from "../../src/core/score.js";
import path from "node:path";
import { ROOT } from "../helpers.js";
import { LANGS, loadReportInput, type ReportInput } from "./document-fixtures.js";
import { loadAnswers, loadDemoSet, ZONES } from "./report-fixtures.js";

const input = await loadReportInput();

function html(lang: "en" | "zh", from: ReportInput = input, top = 10): string {
  return renderHtml(from.assessment, from.set, from.answers, { lang, top, date: from.date });
}

/** The text content of the elements matched by a tag name (no nesting of the same tag). */
function elements(page: string, tag: string): string[] {
  return [...page.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, "g"))].map(
    (m) => m[1] ?? "",
  );
}

describe("HTML report: golden files", () => {
  it.each(LANGS)("the bundled-set demo zone in %s matches its golden file", async (lang) => {
    await expect(html(lang)).toMatchFileSnapshot(`../golden/html/suzhou-demo.${lang}.html`);
  });

  it.each(ZONES)("the demo set's %s zone in Chinese matches its golden file", async (zone) => {
    const set = loadDemoSet();
    const answers = loadAnswers(zone);
    const from = {
      set,
      answers,
      assessment: scoreAssessment(set, answers),
      date: reportDate(answers),
    };
    await expect(html("zh", from)).toMatchFileSnapshot(`../golden/html/${zone}.zh.html`);
  });
});

describe("HTML report: a valid, self-contained page", () => {
  it.each(LANGS)("in %s has one h1, a lang attribute and scoped table headers", (lang) => {
    const page = html(lang);
    expect(page.startsWith("<!DOCTYPE html>\n")).toBe(true);
    expect(page.match(/<h1\b/g)).toHaveLength(1);
    expect(page).toMatch(lang === "zh" ? /<html lang="zh-CN">/ : /<html lang="en">/);
    const headers = page.match(/<th\b[^>]*>/g) ?? [];
    expect(headers.length).toBeGreaterThan(20);
    for (const th of headers) expect(th).toMatch(/ scope="col"/);
    expect(page).toMatch(/<meta charset="utf-8">/);
    expect(page).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1">/);
  });

  it("loads nothing: no script, stylesheet link, image, frame, font or CSS url", () => {
    const page = html("zh");
    expect(page).not.toMatch(/<script\b/i);
    expect(page).not.toMatch(/<(link|img|iframe|object|embed|video|audio|source)\b/i);
    expect(page).not.toMatch(/@import|@font-face|url\(/i);
    expect(page).not.toMatch(/\ssrc=/i);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    // The only links are the evidence URLs the user gave.
    const hrefs = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    // (the one with "<" in it is shown as text, not as a link).
    expect(hrefs).toEqual(["https://zone.example.gov.cn/notice_2026.html"]);
    expect(page).toContain("https://zone.example.gov.cn/plan.pdf?a=1&amp;b=&lt;2&gt;");
  });

  it("has a CJK font stack for Windows, macOS and Linux, and an A4 print stylesheet", () => {
    const page = html("zh");
    for (const face of [
      '"PingFang SC"',
      '"Hiragino Sans GB"',
      '"Microsoft YaHei"',
      '"Noto Sans CJK SC"',
      '"Source Han Sans SC"',
      '"WenQuanYi Micro Hei"',
    ]) {
      expect(page).toContain(face);
    }
    expect(page).toMatch(/@page \{ size: A4;/);
    expect(page).toMatch(/@media print \{[\s\S]*thead \{ display: table-header-group; \}/);
    expect(page).toMatch(
      /@media print \{[\s\S]*tr, figure, svg, \.facts div \{ break-inside: avoid; \}/,
    );
    expect(page).toMatch(/\.report-section \{ break-before: page; \}/);
    expect(page).toContain(
      '@bottom-right { content: "第 " counter(page) " 页，共 " counter(pages) " 页";',
    );
    expect(page).toContain('@bottom-left { content: "苏州示范经济技术开发区";');
  });
});

describe("HTML report: the content and order of the Markdown report", () => {
  it.each(LANGS)("in %s has the sections in the Markdown report's order", (lang) => {
    const page = html(lang);
    const ids = [...page.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      "overall",
      "measures",
      "gaps",
      "actions",
      "answers",
      "missing-evidence",
      "unknown",
      "not-applicable",
      "unanswered",
      "review",
      "evidence",
      "method",
    ]);
  });

  it("lists every measure, area and the top gaps as table rows", () => {
    const page = html("en");
    const rows = (id: string) =>
      (elements(page, "tbody")[tableIndex(page, id)] ?? "").match(/<tr>/g)?.length ?? 0;
    expect(rows("areas")).toBe(input.set.areas.length);
    expect(rows("measures")).toBe(16);
    expect(rows("gaps")).toBe(10);
  });

  it("draws the charts with one bar per measure, area and listed gap, labelled with the scores", () => {
    const page = html("en");
    const chart = (id: string) =>
      page.match(new RegExp(`<svg[^>]*class="chart chart-${id}"[\\s\\S]*?</svg>`))?.[0] ?? "";
    const values = (svg: string) =>
      [...svg.matchAll(/<text class="bar-value"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(values(chart("measures"))).toEqual(
      input.assessment.measures.map((m) => (m.score === null ? "n/a" : m.score.toFixed(1))),
    );
    expect(values(chart("areas"))).toEqual(
      input.assessment.areas.map((a) => (a.score === null ? "n/a" : a.score.toFixed(1))),
    );
    expect(values(chart("gaps"))).toEqual(
      input.assessment.gaps.slice(0, 10).map((g) => (g.gap ?? 0).toFixed(1)),
    );
    for (const id of ["measures", "areas", "gaps"]) {
      expect(chart(id)).toMatch(/^<svg[^>]* role="group" aria-label="[^"]+"/);
      expect(chart(id)).toMatch(/<title>[^<]+<\/title>/);
    }
    expect(
      chart("measures").match(
        /<g class="bar" role="img" aria-label="M\d\d [^"]+: [\d.]+ out of 100">/g,
      ),
    ).toHaveLength(16);
  });

  it("respects --top for the gaps table and chart", () => {
    const page = html("en", input, 3);
    expect((page.match(/<g class="bar"/g) ?? []).length).toBe(4 + 16 + 3);
  });
});

describe("HTML report: typed text is escaped", () => {
  it.each(LANGS)("in %s, markup, pipes, quotes and newlines in answers stay text", (lang) => {
    const page = html(lang);
    // The answers carry <script>, <b>, <em>, <data>, quotes, pipes and a newline.
    expect(page).not.toMatch(/<script>|<b>|<em>|<data>/);
    expect(page).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect(page).toContain("李华 &lt;b&gt;");
    expect(page).toContain("规划处 | &quot;Planning&quot;");
    // A note's line break is kept, as <br>.
    expect(page).toContain("R&amp;D spend &lt; 2% | pilot line &quot;agreed&quot;<br>second line");
    expect(page).toContain("科技创新局 &lt;script&gt;alert(&#39;owner&#39;)&lt;/script&gt;");
    expect(page).toContain("docs/approval &quot;final&quot; | v2.pdf");
  });
});

function tableIndex(page: string, id: string): number {
  const ids = [...page.matchAll(/<table id="table-([^"]+)"/g)].map((m) => m[1]);
  const index = ids.indexOf(id);
  if (index < 0) throw new Error(`no table ${id}`);
  return index;
}

describe("HTML report: the zone's name in the print footer", () => {
  it("is a CSS string that cannot close the string, the rule or the style element", () => {
    const hostile = {
      ...input.answers,
      zone: { ...input.answers.zone, name: `A"B'\\C</style><script>x</script>\nD` },
    };
    const page = html("en", { ...input, answers: hostile });
    const style = page.slice(page.indexOf("<style>"), page.indexOf("</style>"));
    expect(style).toContain(
      '@bottom-left { content: "A\\22 B\\27 \\5c C\\3c /style\\3e \\3c script\\3e x\\3c /script\\3e  D";',
    );
    expect(page.match(/<\/style>/g)).toHaveLength(1);
    expect(page).not.toMatch(/<script>/);
  });
});

const EXAMPLES = path.join(ROOT, "examples");
const province = await loadReportInput(
  path.join(EXAMPLES, "answers", "example-province-answers.yaml"),
  EXAMPLES,
);

describe("HTML report: the same sections and rows as the Markdown report", () => {
  it.each([
    ["en", "the bundled-set demo zone", input],
    ["zh", "the bundled-set demo zone", input],
    ["en", "a provincial set that extends the national one", province],
    ["zh", "a provincial set that extends the national one", province],
  ] as const)(
    "in %s, for %s, every Markdown section is there with as many table rows",
    async (lang, _what, input) => {
      const { renderMarkdown } = await import("../../src/render/report-markdown.js");
      const md = renderMarkdown(input.assessment, input.set, input.answers, {
        lang,
        top: 10,
        date: input.date,
      });
      const mdSections = md
        .split(/^## /m)
        .slice(1)
        .map((part) => ({
          heading: part.split("\n")[0] ?? "",
          rows: Math.max(0, part.split("\n").filter((line) => line.startsWith("| ")).length - 1),
        }));
      const page = html(lang, input);
      const htmlSections = page
        .split(/<section /)
        .slice(1)
        .map((part) => ({
          heading: (/<h2 [^>]*>([^<]*)<\/h2>/.exec(part)?.[1] ?? "")
            .replace(/&#39;/g, "'")
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, "&"),
          rows: (part.match(/<tr>/g) ?? []).length,
        }));
      expect(htmlSections).toEqual(mdSections);
    },
  );
});
