import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { aggregate, regionLabel, summariseZone } from "../../src/core/aggregate.js";
import type { AnswersFile } from "../../src/core/model.js";
import { scoreAssessment } from "../../src/core/score.js";
import { renderAggregateCsv } from "../../src/render/aggregate-csv.js";
import { buildAggregateJson, renderAggregateJson } from "../../src/render/aggregate-json.js";
import { renderAggregateHtml } from "../../src/render/aggregate-html.js";
import { renderAggregateXlsx } from "../../src/render/aggregate-xlsx.js";
import { renderAggregateMarkdown } from "../../src/render/aggregate-markdown.js";
import { loadDemoSet } from "./report-fixtures.js";

const set = loadDemoSet();

function rollUpOf(names: string[]) {
  const zones = names.map((name, i) => {
    const answers: AnswersFile = {
      format: "netdz-answers/1",
      measureSet: { id: set.id, version: set.version },
      zone: {
        name,
        province: "Jiangsu",
        region: "eastern",
        westernHubArea: false,
        customsArea: true,
      },
      answers: { "M01.Q1": { status: i % 2 === 0 ? "implemented" : "planned" } },
    };
    return summariseZone({
      file: `z${i}.yaml`,
      answers,
      assessment: scoreAssessment(set, answers),
    });
  });
  return aggregate(set, zones, [], { minCompleteness: 0, bottom: 5 });
}

describe("text from the files in the roll-up", () => {
  const nasty = ['Pipe | zone "quoted", with commas', '=HYPERLINK("http://x")', "Line\nbreak <b>"];

  it("cannot break a Markdown table", () => {
    const md = renderAggregateMarkdown(rollUpOf(nasty), { lang: "en" });
    const league = md.split("\n").filter((line) => line.includes("Jiangsu"));
    expect(league).toHaveLength(3);
    for (const row of league) expect(row.split(/(?<!\\)\|/).length).toBe(11);
    expect(md).not.toContain("<b>");
    expect(md).toContain("Pipe \\| zone");
  });

  it("is quoted by RFC 4180 in CSV and cannot run as a formula", () => {
    const csv = renderAggregateCsv(rollUpOf(nasty), { lang: "en" });
    const rows = parseCsv(csv, { bom: true }) as string[][];
    const names = rows.slice(1).map((row) => row[1]);
    expect(names).toEqual(expect.arrayContaining([nasty[0], `'${nasty[1]}`, nasty[2]]));
    expect(csv).toContain('"Pipe | zone ""quoted"", with commas"');
  });

  it("drops control characters and line separators from CSV cells", () => {
    const csv = renderAggregateCsv(rollUpOf(["Nul\u0000zone", "Sep\u2028zone\u001b"]), {
      lang: "en",
    });
    for (const c of ["\u0000", "\u001b", "\u2028"]) expect(csv.includes(c)).toBe(false);
    const names = (parseCsv(csv, { bom: true }) as string[][]).slice(1).map((row) => row[1]);
    expect(names).toEqual(expect.arrayContaining(["Nulzone", "Sep zone"]));
  });
});

describe("CSV cells that a spreadsheet could misread", () => {
  it("escape a formula sign behind leading spaces and keep line breaks within a cell as LF", () => {
    const csv = renderAggregateCsv(rollUpOf([" =cmd|' /C calc'!A0", "\u3000+1", "a\r\nb\rc"]), {
      lang: "en",
    });
    const names = (parseCsv(csv, { bom: true }) as string[][]).slice(1).map((row) => row[1]);
    expect(names).toEqual(expect.arrayContaining(["' =cmd|' /C calc'!A0", "'\u3000+1", "a\nb\nc"]));
    // Records end with CRLF; no lone CR anywhere.
    expect(csv).not.toMatch(/\r(?!\n)/);
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});

describe("zones that give no region", () => {
  it.each([
    ["en", "No region given"],
    ["zh", "未注明区域"],
  ] as const)("are grouped under a named heading in %s, not a bare dash", (lang, label) => {
    const zones = ["A", "B"].map((name, i) => {
      const answers: AnswersFile = {
        format: "netdz-answers/1",
        measureSet: { id: set.id, version: set.version },
        // No region, and a province from which none follows.
        zone: { name, province: "Atlantis" },
        answers: { "M01.Q1": { status: "implemented" } },
      };
      return summariseZone({
        file: `z${i}.yaml`,
        answers,
        assessment: scoreAssessment(set, answers),
      });
    });
    const agg = aggregate(set, zones, [], { minCompleteness: 0, bottom: 5 });
    expect(agg.regions.map((r) => r.region)).toEqual([null]);
    expect(regionLabel(set, null)[lang]).toBe(label);
    const md = renderAggregateMarkdown(agg, { lang });
    expect(md).toMatch(new RegExp(`^### ${label}`, "m"));
    expect(md).not.toMatch(/^### —/m);
  });
});

describe("xlsx text", () => {
  it("drops what XML cannot hold, so the workbook opens", async () => {
    const bytes = await renderAggregateXlsx(
      rollUpOf(["Ctl\u0001\u001b[31mred\u007f", "lone \ud800 half\uffff", "a\r\nb"]),
      { lang: "en" },
    );
    for (const [name, data] of Object.entries(unzipSync(bytes))) {
      if (!name.endsWith(".xml")) continue;
      const xml = new TextDecoder("utf-8", { fatal: true }).decode(data);
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
      expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const names = workbook.worksheets[0]!.getColumn(3).values.slice(2);
    expect(names).toEqual(expect.arrayContaining(["Ctl[31mred", "lone  half", "a\nb"]));
  });
});

describe("JSON text", () => {
  it.each([[["A"]], [["A", "B", "C"]]])(
    "built zone by zone is the JSON of the whole (%j)",
    (names) => {
      const agg = rollUpOf(names);
      expect(renderAggregateJson(agg, { lang: "zh" })).toBe(
        `${JSON.stringify(buildAggregateJson(agg, { lang: "zh" }), null, 2)}\n`,
      );
    },
  );
});

describe("the problems of the measure sets", () => {
  const withProblems = () => {
    const agg = rollUpOf(["A"]);
    agg.setProblems = [
      {
        file: "sets/demo-2025/1.1.0/set.yaml",
        line: 3,
        column: 1,
        reason: { kind: "invalid", code: "schema/additional", message: "unknown key <b>|x</b>" },
      },
      {
        file: "sets/demo-2025/1.1.0/measures/M01.yaml",
        line: 7,
        column: 5,
        reason: { kind: "invalid", code: "schema/type", message: "must be a string" },
      },
    ];
    return agg;
  };

  it.each([
    ["en", "## Problems of the measure sets", "| Where | Problem |"],
    ["zh", "## 评估清单的问题", "| 位置 | 问题 |"],
  ] as const)("have their own Markdown section in %s, before the files left out", (lang, h, th) => {
    const md = renderAggregateMarkdown(withProblems(), { lang });
    expect(md).toContain(h);
    expect(md).toContain(th);
    expect(md.indexOf(h)).toBeLessThan(
      md.indexOf(lang === "en" ? "## Files left out" : "## 未纳入"),
    );
    expect(md).toContain("| sets/demo-2025/1.1.0/set.yaml:3:1 |");
    expect(md).toContain("sets/demo-2025/1.1.0/measures/M01.yaml:7:5");
    expect(md).toMatch(/unknown key .*\\\|x.*[(（]schema\/additional[)）]/);
    expect(md).not.toContain("<b>");
    // Without problems the section says so.
    const clean = renderAggregateMarkdown(rollUpOf(["A"]), { lang });
    expect(clean.slice(clean.indexOf(h)).split("\n\n")[1]).toBe(lang === "en" ? "None." : "无。");
  });

  it.each(["en", "zh"] as const)("are a table of the HTML page in %s", (lang) => {
    const html = renderAggregateHtml(withProblems(), { lang });
    expect(html).toContain(lang === "en" ? "Problems of the measure sets" : "评估清单的问题");
    expect(html).toContain("sets/demo-2025/1.1.0/set.yaml:3:1");
    expect(html).toContain("unknown key &lt;b&gt;|x&lt;/b&gt;");
    expect(html).not.toContain("<b>|x");
  });
});
