import type { Nodes, Root, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toString } from "mdast-util-to-string";
import { lint } from "markdownlint/promise";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import type { AnswersFile, Lang, MeasureSet } from "../../src/core/model.js";
import { scoreAssessment } from "../../src/core/score.js";
import { singleLine } from "../../src/render/markdown-escape.js";
import { renderMarkdown } from "../../src/render/report-markdown.js";
import { loadAnswers, loadDemoSet, ZONES } from "./report-fixtures.js";

const LANGS: readonly Lang[] = ["en", "zh"];

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ("children" in node) for (const child of node.children) walk(child as Nodes, visit);
}

function nodesOfType(root: Root, type: Nodes["type"]): Nodes[] {
  const found: Nodes[] = [];
  walk(root, (node) => {
    if (node.type === type) found.push(node);
  });
  return found;
}

/** Each table under the level-2 heading that precedes it, keyed by that heading's text. */
function tablesByHeading(root: Root): Map<string, Table> {
  const tables = new Map<string, Table>();
  let heading = "";
  for (const node of root.children) {
    if (node.type === "heading") heading = toString(node);
    if (node.type === "table") tables.set(heading, node);
  }
  return tables;
}

function cellTexts(table: Table): string[][] {
  return table.children.map((row) => row.children.map((cell) => toString(cell)));
}

async function lintErrors(markdown: string): Promise<string[]> {
  const results = await lint({
    strings: { report: markdown },
    config: { default: true, MD013: false },
  });
  return (results.report ?? []).map(
    (e) =>
      `${e.lineNumber}: ${e.ruleNames.join("/")} ${e.errorDetail ?? ""} ${e.errorContext ?? ""}`,
  );
}

const NASTY = [
  "pipe | in | text",
  "two\nlines\r\nand\ttab",
  "<script>alert('x')</script>",
  "`code` and ``double`` backticks",
  "*stars* _under_ **bold** ~~gone~~",
  "[link](javascript:alert(1)) ![img](x.png)",
  "back\\slash & ampersand &amp; entity",
  "# not a heading",
  "- not a list",
  "1. not a list either",
  "see https://evil.example/a_b and www.example.com or me@example.com",
  "$x$ math and #hashtag",
];

/** The demo set's answers with every user-entered field full of Markdown and HTML. */
function nastyAnswers(): AnswersFile {
  const note = (i: number): string => NASTY[i % NASTY.length] ?? "";
  return {
    format: "netdz-answers/1",
    measureSet: { id: "demo-2025", version: "1.0.0" },
    zone: {
      name: "Zone | <b>bold</b>\n`x` *y*",
      province: "Prov|ince <i>",
      region: "eastern",
      westernHubArea: false,
      customsArea: true,
    },
    assessor: { name: "<img src=x onerror=alert(1)>", role: "role | `r`\nnext" },
    answers: {
      "M01.Q1": {
        status: "implemented",
        note: note(0),
        evidence: [
          "https://ok.example/path_with_underscores?a=1&b=2",
          "file | with pipe\nand newline `code` <script>x</script>",
          "javascript:alert(1)",
          "https://bad.example/a|b",
        ],
        review: true,
      },
      "M01.Q2": { status: "unknown", note: note(1), review: true },
      "M01.Q3": { value: ["poc"], note: note(2) },
      "M02.Q1": { status: "not_applicable", note: note(3) },
      "M03.Q1": { value: "dedicated", note: note(4), review: true },
      "M03.Q2": { value: true, note: note(5) },
      "M03.Q3": { value: NASTY.join("\n") },
      "M04.Q1": { status: "in_progress", note: note(6), review: true },
      "M04.Q2": { status: "unknown", note: note(7) },
      "M05.Q1": { status: "implemented", note: note(8), review: true },
      "M05.Q2": { status: "not_applicable", note: note(9) },
      "M05.Q3": { status: "unknown", note: note(10) },
      "M06.Q1": { status: "planned", note: note(11), review: true },
    },
  };
}

interface Expected {
  heading: string;
  columns: number;
  rows: number;
}

/** Expected tables of a report: heading, column count, body row count. */
function expectedTables(
  set: MeasureSet,
  answers: AnswersFile,
  lang: Lang,
  top: number,
): Expected[] {
  const result = scoreAssessment(set, answers);
  const q = result.questions;
  const en = lang === "en";
  const evidenceRows = q.reduce((n, x) => n + (x.answer?.evidence?.length ?? 0), 0);
  return [
    { heading: en ? "Overall score" : "总体得分", columns: 5, rows: set.areas.length },
    { heading: en ? "Measures" : "各项举措", columns: 5, rows: set.measures.length },
    { heading: en ? "Top gaps" : "主要差距", columns: 7, rows: Math.min(top, result.gaps.length) },
    {
      heading: en ? "Answers and notes in the zone's words" : "开发区填写的文字答案和备注",
      columns: 4,
      // Answered questions with a free-text value or a note: shown nowhere else.
      rows: q.filter(
        (x) =>
          !["unknown", "not_applicable"].includes(x.state) &&
          ((x.type === "text" && x.state === "answered") || (x.answer?.note ?? "").trim() !== ""),
      ).length,
    },
    {
      heading: en ? "Claims without required evidence" : "缺少必要佐证的填报",
      columns: 4,
      rows: q.filter((x) => x.missingEvidence).length,
    },
    {
      heading: en ? "Don't know" : "不清楚",
      columns: 3,
      rows: q.filter((x) => x.applicable && x.state === "unknown").length,
    },
    {
      heading: en ? "Not applicable" : "不适用",
      columns: 3,
      rows: q.filter((x) => !x.applicable).length,
    },
    {
      heading: en ? "Unanswered" : "未作答",
      columns: 2,
      rows: q.filter((x) => x.applicable && x.state === "unanswered").length,
    },
    {
      heading: en ? "Marked for review" : "标记待复核",
      columns: 4,
      rows: q.filter((x) => x.review).length,
    },
    { heading: en ? "Evidence index" : "佐证材料索引", columns: 3, rows: evidenceRows },
  ].filter((e) => e.rows > 0);
}

function checkTables(markdown: string, expected: Expected[]): Root {
  const root = parse(markdown);
  const tables = tablesByHeading(root);
  expect([...tables.keys()]).toEqual(expected.map((e) => e.heading));
  for (const e of expected) {
    // Present: the headings were just compared.
    const rows = cellTexts(tables.get(e.heading) as Table);
    expect(rows.length, `${e.heading}: rows`).toBe(e.rows + 1);
    for (const row of rows) expect(row.length, `${e.heading}: ${row.join(" ¦ ")}`).toBe(e.columns);
  }
  return root;
}

describe("report Markdown parsed with a GFM parser", () => {
  const set = loadDemoSet();

  describe.each(LANGS)("with hostile answers (%s)", (lang) => {
    const answers = nastyAnswers();
    const result = scoreAssessment(set, answers);
    const markdown = renderMarkdown(result, set, answers, { lang, top: 5, date: "2026-01-02" });
    const root = parse(markdown);

    it("has every table with the rows and columns it should", () => {
      checkTables(markdown, expectedTables(set, answers, lang, 5));
    });

    it("lets no HTML, code, emphasis, strikethrough, image or stray link through", () => {
      for (const type of ["html", "inlineCode", "code", "emphasis", "delete", "image", "math"]) {
        expect(nodesOfType(root, type as Nodes["type"]), type).toEqual([]);
      }
      const links = nodesOfType(root, "link").map((node) => (node.type === "link" ? node.url : ""));
      expect(links).toContain("https://ok.example/path_with_underscores?a=1&b=2");
      // Only literal web and mail addresses may become links (mdast links them after unescaping);
      // never the `[text](url)` an answer contains, nor a javascript: URL.
      for (const url of links) expect(url).toMatch(/^(https?:\/\/|mailto:)/);
      expect(links.some((url) => url.includes("javascript"))).toBe(false);
      expect(nodesOfType(root, "heading").map((h) => toString(h))).not.toContain("not a heading");
      expect(nodesOfType(root, "list")).toHaveLength(1);
    });

    it("shows each note exactly as typed, on one line", () => {
      const cells = new Set(nodesOfType(root, "tableCell").map((cell) => toString(cell)));
      for (const id of ["M01.Q2", "M04.Q2", "M05.Q3"]) {
        expect(cells).toContain(singleLine(answers.answers[id]?.note ?? ""));
      }
      expect(cells).toContain(singleLine(answers.answers["M05.Q2"]?.note ?? ""));
      expect(cells).toContain(
        singleLine("file | with pipe\nand newline `code` <script>x</script>"),
      );
      expect(cells).toContain("javascript:alert(1)");
      expect(cells).toContain("https://bad.example/a|b");
    });

    it("shows the zone and assessor as typed in the header", () => {
      const items = nodesOfType(root, "listItem").map((item) => toString(item));
      expect(items.some((t) => t.includes(singleLine("Zone | <b>bold</b>\n`x` *y*")))).toBe(true);
      // Name and role are joined as the language joins them: ", " in English, "，" in Chinese.
      const joined = `<img src=x onerror=alert(1)>${lang === "zh" ? "，" : ", "}role | \`r\` next`;
      expect(items.filter((t) => t.includes(joined))).toHaveLength(1);
    });

    it("is clean under markdownlint's default rules (line length aside)", async () => {
      expect(await lintErrors(markdown)).toEqual([]);
    });
  });

  describe.each(LANGS)("for the demo zones (%s)", (lang) => {
    it.each(ZONES)("%s: tables and markdownlint", async (zone) => {
      const answers = loadAnswers(zone);
      const result = scoreAssessment(set, answers);
      const markdown = renderMarkdown(result, set, answers, { lang, top: 10, date: "2026-05-21" });
      checkTables(markdown, expectedTables(set, answers, lang, 10));
      expect(await lintErrors(markdown)).toEqual([]);
    });
  });

  it("keeps the not-applicable warning and the ‡ marks clean under markdownlint", async () => {
    const given = loadAnswers("strong-eastern");
    const answers: AnswersFile = { ...given, answers: { ...given.answers } };
    for (const measure of set.measures.filter((m) => m.area !== set.areas[0]?.id)) {
      for (const q of measure.questions)
        answers.answers[q.id] = { status: "not_applicable", note: "n" };
    }
    const result = scoreAssessment(set, answers);
    const markdown = renderMarkdown(result, set, answers, { lang: "en", top: 10 });
    expect(markdown).toContain("> **Warning:");
    expect(markdown).toContain("n/a ‡");
    checkTables(markdown, expectedTables(set, answers, "en", 10));
    expect(await lintErrors(markdown)).toEqual([]);
  });

  it("has a lint check that does catch problems", async () => {
    const errors = await lintErrors("# A\n\n# A\n<b>x</b> https://bare.example\n");
    expect(errors.join("\n")).toMatch(/MD025[\s\S]*MD033[\s\S]*MD034/);
  });

  it("lists only --top gaps", () => {
    const answers = loadAnswers("half-finished");
    const result = scoreAssessment(set, answers);
    const markdown = renderMarkdown(result, set, answers, { lang: "en", top: 3 });
    const gaps = tablesByHeading(parse(markdown)).get("Top gaps");
    expect(gaps?.children).toHaveLength(4);
    expect(result.gaps.length).toBeGreaterThan(3);
  });
});
