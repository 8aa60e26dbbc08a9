import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { rasteriseChart } from "../../src/fs/chart-images.js";
import { renderDocx, stackedRows } from "../../src/render/report-docx.js";
import { FIXTURES, tempDir } from "../helpers.js";
import { LANGS, loadReportInput } from "./document-fixtures.js";

const input = await loadReportInput(path.join(FIXTURES, "documents", "all-answered.yaml"));
const rendered = Object.fromEntries(
  await Promise.all(
    LANGS.map(async (lang) => [
      lang,
      await renderDocx(input.assessment, input.set, input.answers, {
        lang,
        top: 10,
        date: input.date,
        rasterise: rasteriseChart,
      }),
    ]),
  ),
) as Record<(typeof LANGS)[number], Uint8Array>;

async function part(bytes: Uint8Array, name: string): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(name);
  if (!file) throw new Error(`no ${name} in the document`);
  return file.async("string");
}

const texts = (xml: string): string =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");

/** The header cells of each data table with the width of their grid column (twips). */
function headerCells(xml: string): { text: string; width: number }[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].flatMap((m) => {
    const body = m[1] ?? "";
    const grid = [...body.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((g) => Number(g[1]));
    const first = /<w:tr>([\s\S]*?)<\/w:tr>/.exec(body)?.[1] ?? "";
    if (!/<w:tblHeader\/>/.test(first)) return [];
    const cells = [...first.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => texts(c[1] ?? ""));
    return cells.map((text, i) => ({ text, width: grid[i] ?? 0 }));
  });
}

describe("Word report layout", () => {
  it.each(LANGS)("(%s) gives every header word room on one line", async (lang) => {
    const xml = await part(rendered[lang], "word/document.xml");
    const cells = headerCells(xml);
    expect(cells.length).toBeGreaterThan(20);
    for (const { text, width } of cells) {
      // 9 pt type: at least 5.5 pt a Latin letter and 9 pt a Chinese one, plus the cell margins.
      const longest = Math.max(
        ...text
          .split(/\s+/)
          .map((word) =>
            [...word].reduce(
              (sum, c) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 180 : 110),
              0,
            ),
          ),
      );
      expect({ text, fits: width >= longest + 160 }).toEqual({ text, fits: true });
    }
  });

  it.each(LANGS)(
    "(%s) keeps headings and the paragraph before a table with what follows",
    async (lang) => {
      const styles = await part(rendered[lang], "word/styles.xml");
      for (const id of ["Heading1", "Heading2"]) {
        const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(
          styles,
        )?.[0];
        expect(style).toContain("<w:keepNext/>");
        expect(style).toContain("<w:keepLines/>");
      }
      const xml = await part(rendered[lang], "word/document.xml");
      const body = xml.slice(xml.indexOf("<w:body>"));
      // The element just before each data table: a heading, or a paragraph kept with the table.
      const before = [...body.matchAll(/<w:p>((?:(?!<w:p>)[\s\S])*?)<\/w:p><w:tbl>/g)].map(
        (m) => m[1] ?? "",
      );
      expect(before.length).toBeGreaterThan(5);
      for (const paragraph of before) {
        const kept =
          /<w:pStyle w:val="(Heading[12]|Title)"\/>/.test(paragraph) ||
          (paragraph.includes("<w:keepNext/>") && paragraph.includes("<w:keepLines/>"));
        expect({ paragraph: texts(paragraph), kept }).toEqual({
          paragraph: texts(paragraph),
          kept: true,
        });
      }
    },
  );

  const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
  it.skipIf(!soffice)(
    "opens in LibreOffice with no header word broken (when LibreOffice is installed)",
    () => {
      const dir = tempDir();
      const file = path.join(dir, "report.docx");
      writeFileSync(file, rendered.en);
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${dir}/profile`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          dir,
          file,
        ],
        { stdio: "ignore", timeout: 120_000 },
      );
      const text = execFileSync("pdftotext", [path.join(dir, "report.pdf"), "-"], {
        encoding: "utf8",
      });
      const words = new Set(text.split(/\s+/));
      for (const word of [
        "Rank",
        "Question",
        "Measure",
        "Current",
        "status",
        "Points",
        "lost",
        "Next",
        "step",
        "Owner",
        "State",
      ]) {
        expect({ word, whole: words.has(word) }).toEqual({ word, whole: true });
      }
      expect(readFileSync(path.join(dir, "report.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    },
    180_000,
  );
});

describe("stackedRows", () => {
  it("stacks rows equal but for the last cell into lines of one cell, keeping every line", () => {
    const rows = [
      [[{ text: "M01.Q1" }], [{ text: "done" }], [{ text: "a.pdf" }]],
      [[{ text: "M01.Q1" }], [{ text: "done" }], [{ text: "b.pdf" }]],
      [[{ text: "M01.Q2" }], [{ text: "done" }], [{ text: "c.pdf" }]],
      [[{ text: "M01.Q1" }], [{ text: "done" }], [{ text: "d.pdf" }]],
    ];
    const stacked = stackedRows(rows);
    expect(stacked.map((row) => row.map((c) => c.map((s) => s.text).join("|")))).toEqual([
      ["M01.Q1", "done", "a.pdf|\uE010|b.pdf"],
      ["M01.Q2", "done", "c.pdf"],
      ["M01.Q1", "done", "d.pdf"],
    ]);
    // The input is left as it was.
    expect(rows[0]?.[2]).toEqual([{ text: "a.pdf" }]);
  });
});
