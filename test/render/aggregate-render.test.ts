import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { aggregate, summariseZone } from "../../src/core/aggregate.js";
import type { AnswersFile } from "../../src/core/model.js";
import { scoreAssessment } from "../../src/core/score.js";
import { renderAggregateCsv } from "../../src/render/aggregate-csv.js";
import { buildAggregateJson, renderAggregateJson } from "../../src/render/aggregate-json.js";
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
