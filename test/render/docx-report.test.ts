import JSZip from "jszip";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { rasteriseChart } from "../../src/fs/chart-images.js";
import { renderDocx } from "../../src/render/report-docx.js";
import { LANGS, loadReportInput } from "./document-fixtures.js";

const input = await loadReportInput();

async function docx(lang: "en" | "zh", top = 10): Promise<Uint8Array> {
  return renderDocx(input.assessment, input.set, input.answers, {
    lang,
    top,
    date: input.date,
    rasterise: rasteriseChart,
  });
}

const rendered = { en: await docx("en"), zh: await docx("zh") };

async function part(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(name);
  if (!file) throw new Error(`no ${name} in the document`);
  return file.async("string");
}

/** Each table of document.xml as rows of cell counts, and whether its first row repeats. */
function tables(xml: string): { rows: number[]; header: boolean; text: string }[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => {
    const rows = [...(m[1] ?? "").matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)];
    return {
      rows: rows.map((row) => (row[1]?.match(/<w:tc>/g) ?? []).length),
      header: /<w:tblHeader\/>/.test(rows[0]?.[1] ?? ""),
      text: decode(
        [...(m[1] ?? "").matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
      ),
    };
  });
}

function decode(xml: string): string {
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return xml.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name] ?? "");
}

describe("Word report read back", () => {
  it.each(LANGS)(
    "in %s has the title and the section headings in order, as Heading 1",
    async (lang) => {
      const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(rendered[lang]) });
      const headings = [...value.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1]);
      const en = [
        "Overall score",
        "Measures",
        "Top gaps",
        "Action plan",
        "Answers and notes in the zone's words",
        "Claims without required evidence",
        "Don't know",
        "Not applicable",
        "Unanswered",
        "Marked for review",
        "Evidence index",
        "Method",
      ];
      const zh = [
        "总体得分",
        "各项举措",
        "主要差距",
        "整改任务清单",
        "开发区填写的文字答案和备注",
        "缺少必要佐证的填报",
        "不清楚",
        "不适用",
        "未作答",
        "标记待复核",
        "佐证材料索引",
        "计分方法",
      ];
      expect(headings).toEqual(lang === "en" ? en : zh);
      const h2 = [...value.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
      expect(h2).toHaveLength(3);
      const xml = await part(rendered[lang], "word/document.xml");
      expect(xml).toMatch(/<w:pStyle w:val="Title"\/>/);
      expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(12);
    },
  );

  it("has the facts, areas, measures and gaps as tables with repeated header rows", async () => {
    const xml = await part(rendered.en, "word/document.xml");
    const found = tables(xml);
    const [facts, areas, measures, gaps, actions] = found;
    expect(facts?.rows).toEqual(Array(7).fill(2));
    expect(facts?.header).toBe(false);
    expect(areas?.rows).toEqual(Array(1 + input.set.areas.length).fill(5));
    expect(measures?.rows).toEqual(Array(1 + 16).fill(5));
    expect(gaps?.rows).toEqual(Array(1 + 10).fill(7));
    expect(actions?.rows).toEqual(Array(1 + 4).fill(6));
    for (const table of found.slice(1)) expect(table.header).toBe(true);
    // A fixed grid as wide as the text, so Word, WPS and LibreOffice lay the columns out alike.
    const grids = [...xml.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) =>
      [...(m[1] ?? "").matchAll(/w:w="(\d+)"/g)].reduce((sum, w) => sum + Number(w[1]), 0),
    );
    expect(new Set(grids)).toEqual(new Set([11906 - 2 * 1134]));
    expect(xml.match(/<w:tblLayout w:type="fixed"\/>/g)).toHaveLength(found.length);
    for (const measure of input.set.measures) expect(measures?.text).toContain(measure.title.en);
  });

  it("keeps Chinese text and hostile typed text intact", async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(rendered.zh) });
    expect(value).toContain("国家级经开区自评估报告");
    expect(value).toContain("苏州示范经济技术开发区");
    expect(value).toContain("科技创新局 <script>alert('owner')</script>");
    // The note's line break is a break in the Word report (raw text reads it as nothing).
    expect(value).toContain('R&D spend < 2% | pilot line "agreed"second line');
    expect(value).toContain("已逾期");
    const xml = await part(rendered.zh, "word/document.xml");
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("&lt;script&gt;");
  });

  it("embeds the three charts as PNG pictures with alternative text", async () => {
    const zip = await JSZip.loadAsync(rendered.zh);
    const media = Object.keys(zip.files).filter((name) => name.startsWith("word/media/"));
    expect(media).toHaveLength(3);
    for (const name of media) {
      expect(name).toMatch(/\.png$/);
      const bytes = await zip.file(name)?.async("uint8array");
      expect([...(bytes ?? []).slice(0, 8)]).toEqual([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
      ]);
    }
    const xml = await part(rendered.zh, "word/document.xml");
    expect(xml.match(/<wp:docPr [^>]*descr="[^"]+"/g)).toHaveLength(3);
    expect(xml).toMatch(/descr="M01 [^"]*：[\d.]+ 分（满分 100）/);
  });

  it("is A4 with page numbers and the zone's name in the footer", async () => {
    const xml = await part(rendered.zh, "word/document.xml");
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const footer = await part(rendered.zh, "word/footer1.xml");
    expect(footer).toContain("苏州示范经济技术开发区");
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });

  it("sets Chinese in SimSun, headings in SimHei and Latin text in Calibri", async () => {
    const styles = await part(rendered.zh, "word/styles.xml");
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="SimSun"[\s\S]*<\/w:docDefaults>/);
    expect(styles).toMatch(/w:ascii="Calibri"/);
    const heading1 = styles.match(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/)?.[0];
    expect(heading1).toMatch(/w:eastAsia="SimHei"/);
  });

  it("is deterministic and dated with the report's date", async () => {
    const again = await docx("zh");
    expect(Buffer.from(again).equals(Buffer.from(rendered.zh))).toBe(true);
    const core = await part(rendered.zh, "docProps/core.xml");
    expect(core).toContain(
      `<dcterms:created xsi:type="dcterms:W3CDTF">${input.date}T00:00:00Z</dcterms:created>`,
    );
    expect(core).toContain(
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${input.date}T00:00:00Z</dcterms:modified>`,
    );
  });
});
