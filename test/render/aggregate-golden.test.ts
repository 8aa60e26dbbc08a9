import { Ajv2020 } from "ajv/dist/2020.js";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { lint } from "markdownlint/promise";
import { describe, expect, it } from "vitest";
import { aggregate } from "../../src/commands/aggregate.js";
import type { AggregateFormat } from "../../src/render/reporters.js";
import { diff } from "../../src/commands/diff.js";
import type { Lang } from "../../src/core/model.js";
import { aggregateSchema } from "../../src/core/schemas/aggregate-schema.js";
import { diffSchema } from "../../src/core/schemas/diff-schema.js";
import { AJV_OPTIONS } from "../../src/core/validators.js";
import { captureIo, ROOT, tempDir } from "../helpers.js";

export const PROVINCE = "test/fixtures/province";
export const DEMO_SETS = "test/fixtures/report/sets";
const LANGS: readonly Lang[] = ["en", "zh"];

async function rollUp(format: AggregateFormat, lang: Lang, out?: string) {
  const io = captureIo(ROOT, { TZ: "UTC" });
  const code = await aggregate(
    {
      paths: [PROVINCE],
      format,
      lang,
      minCompleteness: 80,
      bottom: 5,
      measures: DEMO_SETS,
      ...(out === undefined ? {} : { out }),
    },
    io,
  );
  return { code, out: io.out(), err: io.err() };
}

async function lintErrors(markdown: string): Promise<string[]> {
  const results = await lint({
    strings: { doc: markdown },
    config: { default: true, MD013: false },
  });
  return (results.doc ?? []).map(
    (e) => `${e.lineNumber}: ${e.ruleNames.join("/")} ${e.errorDetail ?? ""}`,
  );
}

describe("roll-up of a province (golden files)", () => {
  it.each(LANGS)("Markdown, JSON and CSV in %s match the golden files", async (lang) => {
    for (const format of ["md", "json", "csv"] as const) {
      const result = await rollUp(format, lang);
      // One invalid file is left out: the roll-up is written and the exit code is 1.
      expect(result.code).toBe(1);
      expect(result.err).toContain("test/fixtures/province/zones/2026/longxi.yaml:18:21");
      await expect(result.out).toMatchFileSnapshot(
        `../golden/aggregate/province.${lang}.${format}`,
      );
    }
  });

  it.each(LANGS)("the Markdown in %s is clean GFM", async (lang) => {
    expect(await lintErrors((await rollUp("md", lang)).out)).toEqual([]);
  });

  it("the JSON fits its schema, unrounded, with the superseded and invalid files listed", async () => {
    const json = JSON.parse((await rollUp("json", "en")).out) as {
      zones: { file: string; rank: number | null; overall: number }[];
      leftOut: { file: string; line: number; column: number; code: string }[];
      superseded: { file: string; by: string }[];
      totals: { used: number };
    };
    const validate = new Ajv2020(AJV_OPTIONS).compile(aggregateSchema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.totals.used).toBe(8);
    expect(json.leftOut).toEqual([
      expect.objectContaining({
        file: "test/fixtures/province/zones/2026/longxi.yaml",
        line: 18,
        column: 21,
        code: "schema/enum",
      }),
    ]);
    expect(json.superseded).toEqual([
      {
        file: "test/fixtures/province/zones/2025/suhe-2025.yaml",
        by: "test/fixtures/province/zones/2026/suhe.yaml",
      },
    ]);
    // The incomplete zone is listed but not ranked; two zones with the same answers share a rank.
    const yunhe = json.zones.find((z) => z.file.endsWith("yunhe.yaml"));
    expect(yunhe?.rank).toBeNull();
    const ranks = json.zones.map((z) => z.rank);
    expect(ranks).toEqual([1, 2, 3, 3, 5, 6, 7, null]);
  });

  it("writes the same bytes twice", async () => {
    expect((await rollUp("md", "zh")).out).toBe((await rollUp("md", "zh")).out);
  });
});

describe("CSV", () => {
  it.each(LANGS)("in %s: BOM, CRLF, one row per zone, read back by a CSV parser", async (lang) => {
    const text = (await rollUp("csv", lang)).out;
    expect(text.startsWith("\ufeff")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const json = JSON.parse((await rollUp("json", lang)).out) as {
      zones: {
        file: string;
        overall: number;
        completeness: number;
        measures: { score: number | null }[];
      }[];
    };
    const rows = parseCsv(text, { bom: true }) as string[][];
    expect(rows).toHaveLength(json.zones.length + 1);
    const header = rows[0] ?? [];
    expect(header.slice(-6)).toEqual(["M01", "M02", "M03", "M04", "M05", "M06"]);
    const overallColumn = header.indexOf(lang === "en" ? "Overall" : "总分");
    json.zones.forEach((zone, i) => {
      const row = rows[i + 1] ?? [];
      expect(row[0]).toBe(zone.file);
      expect(Number(row[overallColumn])).toBe(zone.overall);
      zone.measures.forEach((m, j) => {
        const cell = row[header.length - 6 + j];
        expect(cell === "" ? null : Number(cell)).toBe(m.score);
      });
    });
  });
});

describe("Excel", () => {
  it.each<[Lang, string[], string]>([
    ["en", ["League table", "Measure matrix", "Common gaps", "Regions", "Files left out"], "Rank"],
    ["zh", ["排名表", "举措得分矩阵", "共性差距", "分区域统计", "未纳入的文件"], "排名"],
  ])(
    "in %s: sheets, headers, frozen header rows, numbers as numbers",
    async (lang, sheets, rank) => {
      const dir = tempDir();
      const out = path.join(dir, "roll-up.xlsx");
      const result = await rollUp("xlsx", lang, out);
      expect(result.code).toBe(1);
      expect(result.out).toBe("");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(sheets);
      expect(workbook.created.toISOString()).toBe("2026-06-02T00:00:00.000Z");
      const league = workbook.worksheets[0]!;
      expect(league.getRow(1).getCell(1).value).toBe(rank);
      expect(league.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(league.rowCount).toBe(9);
      const json = JSON.parse((await rollUp("json", lang)).out) as {
        zones: { overall: number; completeness: number; rank: number | null }[];
        commonGaps: { meanGap: number }[];
      };
      json.zones.forEach((zone, i) => {
        const row = league.getRow(i + 2);
        expect(row.getCell(6).value).toBe(zone.overall);
        expect(row.getCell(8).value).toBe(zone.completeness);
        if (zone.rank !== null) expect(row.getCell(1).value).toBe(zone.rank);
      });
      const matrix = workbook.worksheets[1]!;
      expect(matrix.getRow(1).values).toEqual([
        undefined,
        lang === "en" ? "Zone" : "开发区",
        "M01",
        "M02",
        "M03",
        "M04",
        "M05",
        "M06",
      ]);
      expect(typeof matrix.getRow(2).getCell(2).value).toBe("number");
      const gaps = workbook.worksheets[2]!;
      expect(gaps.getRow(2).getCell(7).value).toBe(json.commonGaps[0]?.meanGap);
      const leftOut = workbook.worksheets[4]!;
      expect(leftOut.getRow(2).values).toEqual([
        undefined,
        "test/fixtures/province/zones/2025/suhe-2025.yaml",
        undefined,
        undefined,
        expect.stringContaining("suhe.yaml"),
      ]);
      expect(leftOut.getRow(3).getCell(2).value).toBe(18);
    },
  );

  it("gives the same cells twice", async () => {
    const dir = tempDir();
    const cells = async (file: string) => {
      await rollUp("xlsx", "en", file);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
      return workbook.worksheets.map((s) => s.getSheetValues());
    };
    expect(await cells(path.join(dir, "a.xlsx"))).toEqual(await cells(path.join(dir, "b.xlsx")));
  });
});

describe("diff of the same zone a year apart (golden files)", () => {
  const OLD = `${PROVINCE}/zones/2025/suhe-2025.yaml`;
  const NEW = `${PROVINCE}/zones/2026/suhe.yaml`;

  it.each(LANGS)("Markdown and JSON in %s match the golden files", async (lang) => {
    for (const format of ["md", "json"] as const) {
      const io = captureIo(ROOT, { TZ: "UTC" });
      const code = await diff(
        { old: OLD, new: NEW, format, lang, failOnRegression: false, measures: DEMO_SETS },
        io,
      );
      expect(code).toBe(0);
      await expect(io.out()).toMatchFileSnapshot(`../golden/diff/suhe.${lang}.${format}`);
      if (format === "md") expect(await lintErrors(io.out())).toEqual([]);
      if (format === "json") {
        const validate = new Ajv2020(AJV_OPTIONS).compile(diffSchema);
        expect(validate(JSON.parse(io.out())), JSON.stringify(validate.errors)).toBe(true);
      }
    }
  });
});
