import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, runCli, tempDir } from "../helpers.js";

/** Writes answers files of the bundled set into a fresh folder; returns the folder. */
function zones(files: Record<string, string>): string {
  const dir = path.join(tempDir(), "zones");
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** An answers file of the bundled set 1.0.0 with a zone name and province given as JSON strings. */
function answers100(name: string, province: string): string {
  return [
    "format: netdz-answers/1",
    "measureSet: { id: workplan-2025, version: 1.0.0 }",
    `zone: { name: ${JSON.stringify(name)}, province: ${JSON.stringify(province)}, region: eastern, westernHubArea: false, ftzLinked: false, customsArea: false }`,
    "answers:",
    "  M01.Q1: { status: implemented, answeredAt: 2026-05-01T08:00:00Z }",
    "",
  ].join("\n");
}

/**
 * Reads CSV strictly, as Python's csv module does: any line break outside quotes (LF, CR or
 * CRLF) ends a record, and every record must have the header's number of columns.
 */
function strictRows(csv: string): string[][] {
  return parseCsv(csv, {
    bom: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_quotes: false,
    relax_column_count: false,
  }) as string[][];
}

interface Labelled {
  id: string;
  label: { en: string; zh: string };
}
const BUNDLED_110 = parse(
  readFileSync(path.join(ROOT, "measures", "workplan-2025", "1.1.0", "set.yaml"), "utf8"),
) as { profile: (Labelled & { options?: Labelled[] })[] };
const REGION_FIELD = BUNDLED_110.profile.find((p) => p.id === "region")!;
function regionLabel(id: string, lang: "en" | "zh"): string | undefined {
  return REGION_FIELD.options?.find((o) => o.id === id)?.label[lang];
}

const HOSTILE = [
  "Line1\nLine2",
  "CR\r\nLF",
  "Lone\rCR",
  "Trailing\n",
  'Quote "q", comma',
  "Semi;colon\ttab",
  '=HYPERLINK("http://x")',
  "+1+2",
  "-3",
  "@SUM(A1)",
  "   =leading",
  "\tTabbed",
  "Sep\u2028par\u2029end",
  "Esc\u001b[31mred\u0000nul",
  "开发区，中文；区",
  "|pipe|<b>x</b>",
  "'already quoted'",
  '"',
];

describe("netdz aggregate --format csv with hostile zone names", () => {
  it("quotes every field with a line break, quote or comma, so each record has the header's columns", () => {
    const files: Record<string, string> = {};
    HOSTILE.forEach((name, i) => {
      // The province carries the hostile text too (a free-text field in 1.0.0).
      files[`h${i}.yaml`] = answers100(name, `${name} P${i}`);
    });
    const dir = zones(files);
    for (const lang of ["en", "zh"]) {
      const result = runCli(["aggregate", dir, "--format", "csv", "--lang", lang]);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      const rows = strictRows(result.stdout);
      expect(rows).toHaveLength(HOSTILE.length + 1);
      const width = rows[0]!.length;
      for (const row of rows) expect(row).toHaveLength(width);
      // Each name is one cell of its own row, the province beside it.
      for (const [i, row] of rows.slice(1).entries()) {
        expect(row[2], `row ${i + 1}`).toMatch(/ P\d+$/);
      }
      // No line break of the text splits a record: CR appears only before LF at a record end.
      expect(result.stdout).not.toMatch(/\r(?!\n)/);
    }
  });
});

describe("every format of netdz aggregate shows the same zone fields", () => {
  it("as the JSON gives them, also where the set derives the region from the province", async () => {
    const dir = zones({
      "w1.yaml": [
        "format: netdz-answers/1",
        "measureSet: { id: workplan-2025, version: 1.1.0 }",
        "zone: { name: 苏州工业园区, province: jiangsu, westernHubArea: false, ftzLinked: true, customsArea: true }",
        "answers:",
        "  M01.Q1: { status: implemented, answeredAt: 2026-05-01T08:00:00Z }",
        "",
      ].join("\n"),
      "w2.yaml": [
        "format: netdz-answers/1",
        "measureSet: { id: workplan-2025, version: 1.1.0 }",
        "zone: { name: 成都高新区, province: sichuan, westernHubArea: false, ftzLinked: false, customsArea: false }",
        "answers:",
        "  M01.Q1: { status: planned, answeredAt: 2026-05-02T08:00:00Z }",
        "",
      ].join("\n"),
    });
    for (const lang of ["en", "zh"] as const) {
      const run = (format: string, out?: string) => {
        const result = runCli([
          "aggregate",
          dir,
          "--format",
          format,
          "--lang",
          lang,
          ...(out ? ["--out", out] : []),
        ]);
        expect(result.status, result.stderr).toBe(0);
        return result.stdout;
      };
      const json = JSON.parse(run("json")) as {
        zones: { file: string; zone: Record<string, unknown>; region: string | null }[];
      };
      // The JSON's region is the zone's (derived) region, and its zone profile carries it.
      for (const z of json.zones) {
        expect(z.region).not.toBeNull();
        expect(z.zone.region).toBe(z.region);
      }
      const expected = new Map(
        json.zones.map((z) => [
          z.file,
          { name: String(z.zone.name), region: regionLabel(String(z.region), lang) },
        ]),
      );

      // CSV: the columns of the profile fields, by their header.
      const csv = strictRows(run("csv"));
      const header = csv[0]!;
      const regionColumn = header.indexOf(REGION_FIELD.label[lang]);
      expect(regionColumn).toBeGreaterThan(0);
      for (const row of csv.slice(1)) {
        expect(row[regionColumn]).toBe(expected.get(row[0]!)?.region);
        expect(row[1]).toBe(expected.get(row[0]!)?.name);
      }

      // Markdown and HTML: the league table row of each zone names its region.
      const md = run("md");
      const html = run("html");
      for (const e of expected.values()) {
        const row = md.split("\n").find((line) => line.startsWith("|") && line.includes(e.name));
        expect(row).toContain(`| ${e.region} |`);
        const htmlRow = html.split("<tr").find((r) => r.includes(e.name) && r.includes("<td"));
        expect(htmlRow).toContain(`>${e.region}<`);
      }

      // xlsx: the league sheet's region column.
      const out = path.join(dir, "..", `agg.${lang}.xlsx`);
      run("xlsx", out);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
      const sheet = workbook.worksheets[0]!;
      const titles = (sheet.getRow(1).values as unknown[]).map(String);
      const fileAt = titles.indexOf(lang === "en" ? "File" : "文件");
      const regionAt = titles.indexOf(lang === "en" ? "Region" : "区域");
      expect(fileAt).toBeGreaterThan(0);
      expect(regionAt).toBeGreaterThan(0);
      for (let r = 2; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        const file = String(row.getCell(fileAt).value);
        expect(String(row.getCell(regionAt).value)).toBe(expected.get(file)?.region);
      }
    }
  });
});
