// The HTML, PDF and Word reports say what the Markdown report says, in the same words.
import JSZip from "jszip";
import mammoth from "mammoth";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import { rasteriseChart } from "../../src/fs/chart-images.js";
import { DOCUMENT_LIMITS } from "../../src/render/print-limits.js";
import { renderDocx } from "../../src/render/report-docx.js";
import { htmlPieces, renderHtml } from "../../src/render/report-html.js";
import { renderMarkdown } from "../../src/render/report-markdown.js";
import { reportMessages } from "../../src/i18n/report-messages.js";
import { scoreAssessment } from "../../src/core/score.js";
import { ROOT } from "../helpers.js";
import { LANGS, loadReportInput, type ReportInput } from "./document-fixtures.js";

const input = await loadReportInput();

interface Rendered {
  md: string;
  html: string;
  /** The HTML the PDF is printed from. */
  pdf: string;
  /** The Word document's text. */
  docx: string;
  /** The Word document's XML, with the charts' alternative text. */
  docxXml: string;
}

/** The report in every format, the binary ones as the text they hold. */
export async function renderAll(
  lang: Lang,
  top = 10,
  from: ReportInput = input,
  pictures = false,
): Promise<Rendered> {
  const { assessment, set, answers, date } = from;
  const options = { lang, top, date };
  // The charts' pictures (slow to draw) only when their alternative text is looked at.
  const docx = await renderDocx(assessment, set, answers, {
    ...options,
    ...(pictures ? { rasterise: rasteriseChart } : {}),
  });
  return {
    md: renderMarkdown(assessment, set, answers, options),
    html: renderHtml(assessment, set, answers, options),
    pdf: [...htmlPieces(assessment, set, answers, { ...options, limits: DOCUMENT_LIMITS })].join(
      "",
    ),
    docx: (await mammoth.extractRawText({ buffer: Buffer.from(docx) })).value,
    docxXml: (await (await JSZip.loadAsync(docx)).file("word/document.xml")?.async("string")) ?? "",
  };
}

/** The text between a heading and the next one, markup dropped. */
function sectionText(page: string, heading: string): string {
  const plain = page
    .replace(/<[^>]*>/g, "\n")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
  const start = plain.indexOf(heading);
  if (start < 0) throw new Error(`no section ${heading}`);
  return plain.slice(start + heading.length, start + heading.length + 400);
}

describe("--top 0", () => {
  it.each(LANGS)(
    "(%s) every format says how many gaps there are and that none are listed",
    async (lang) => {
      const m = reportMessages(lang);
      const total = input.assessment.gaps.length;
      expect(total).toBeGreaterThan(1);
      const sentence = m.gaps.notListed(total);
      const all = await renderAll(lang, 0);
      for (const [format, page] of Object.entries(all)) {
        const gaps = sectionText(page, m.gaps.heading).trim();
        expect(gaps.startsWith(sentence), `${format}: ${gaps.slice(0, 80)}`).toBe(true);
        expect(gaps.startsWith(m.none), format).toBe(false);
      }
    },
    120_000,
  );
});

describe("the bundled example of a set that extends the national one", () => {
  const example = loadReportInput(
    path.join(ROOT, "examples", "answers", "example-province-answers.yaml"),
    path.join(ROOT, "examples"),
  );

  it.each(LANGS)(
    "(%s) names an added area without a plan reference by its title alone",
    async (lang) => {
      const from = await example;
      const added = from.set.areas.filter((area) => area.ref === undefined);
      expect(added.length).toBeGreaterThan(0);
      const all = await renderAll(lang, 10, from, true);
      for (const [format, page] of Object.entries(all)) {
        expect(page, format).not.toMatch(/undefined/);
        for (const area of added) expect(page, format).toContain(area.title[lang]);
      }
      // The chart's bar, its <title> and the Word picture's alternative text.
      for (const area of added) {
        const title = area.title[lang];
        expect(all.html).toMatch(new RegExp(`aria-label="${title}[:：]`));
        expect(all.docxXml).toMatch(new RegExp(`descr="[^"]*${title}[:：]`));
      }
    },
    120_000,
  );
});

describe("a measure that is not applicable", () => {
  it.each(LANGS)(
    "(%s) is said in words in the chart's text and the Word picture's, with no score unit",
    async (lang) => {
      const { set } = input;
      const answers = structuredClone(input.answers);
      const measure = set.measures.find((m) => m.id === "M03");
      if (!measure) throw new Error("no M03");
      for (const q of measure.questions) {
        answers.answers[q.id] = { status: "not_applicable", note: "No port in the zone." };
      }
      const from = { ...input, answers, assessment: scoreAssessment(set, answers) };
      expect(from.assessment.measures.find((m) => m.id === "M03")?.score).toBeNull();
      const all = await renderAll(lang, 10, from, true);
      const title = measure.title[lang];
      const words = lang === "en" ? `M03 ${title}: not applicable` : `M03 ${title}：不适用`;
      expect(all.html).toContain(`aria-label="${words}"`);
      expect(all.html).toContain(`<title>${words}</title>`);
      expect(all.docxXml).toContain(words);
      for (const page of [all.html, all.docxXml]) {
        expect(page).not.toMatch(/n\/a out of 100|不适用 分/);
      }
    },
    120_000,
  );
});

describe("line breaks typed into a note", () => {
  it.each(LANGS)(
    "(%s) are kept, escaped, in the HTML, PDF and Word reports, and flattened in Markdown",
    async (lang) => {
      const answers = structuredClone(input.answers);
      const answered = input.assessment.questions.find(
        (q) => q.state === "answered" && q.type !== "text",
      );
      if (!answered) throw new Error("no answered question");
      const note = "第一行 <b>x</b>\r\nline2 # heading\n\n\n- list\n";
      answers.answers[answered.id] = { ...answers.answers[answered.id], note };
      const from = { ...input, answers, assessment: scoreAssessment(input.set, answers) };
      const all = await renderAll(lang, 10, from);
      const html = "第一行 &lt;b&gt;x&lt;/b&gt;<br>line2 # heading<br><br>- list";
      expect(all.html).toContain(html);
      expect(all.pdf).toContain(html);
      expect(all.docxXml).toContain(
        '第一行 &lt;b&gt;x&lt;/b&gt;</w:t><w:br/><w:t xml:space="preserve">line2 # heading' +
          '</w:t><w:br/><w:t xml:space="preserve"></w:t><w:br/><w:t xml:space="preserve">- list<',
      );
      expect(all.md).toContain("第一行 &lt;b&gt;x&lt;/b&gt; line2 \\# heading - list");
      expect(all.html).not.toContain("<b>x");
    },
    120_000,
  );
});

describe("every question that applies declared not applicable", () => {
  it.each(LANGS)(
    "(%s) every format gives the same completeness, not 'no applicable questions'",
    async (lang) => {
      const { set } = input;
      const answers = structuredClone(input.answers);
      for (const q of input.assessment.questions) {
        answers.answers[q.id] = { status: "not_applicable", note: "Not done in this zone." };
      }
      const from = { ...input, answers, assessment: scoreAssessment(set, answers) };
      expect(from.assessment.overall.completeness).toBeNull();
      expect(from.assessment.overall.declaredNotApplicableShare).toBe(1);
      const m = reportMessages(lang);
      const all = await renderAll(lang, 10, from);
      for (const [format, page] of Object.entries(all)) {
        const header = sectionText(page, m.header.completeness);
        expect(header, format).toContain(m.noCompletenessAllDeclared);
        expect(header, format).not.toContain(m.noCompleteness);
      }
    },
    120_000,
  );
});
