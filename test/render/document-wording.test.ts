// The HTML, PDF and Word reports say what the Markdown report says, in the same words.
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import { DOCUMENT_LIMITS } from "../../src/render/print-limits.js";
import { renderDocx } from "../../src/render/report-docx.js";
import { htmlPieces, renderHtml } from "../../src/render/report-html.js";
import { renderMarkdown } from "../../src/render/report-markdown.js";
import { reportMessages } from "../../src/i18n/report-messages.js";
import { LANGS, loadReportInput, type ReportInput } from "./document-fixtures.js";

const input = await loadReportInput();

interface Rendered {
  md: string;
  html: string;
  /** The HTML the PDF is printed from. */
  pdf: string;
  /** The Word document's text. */
  docx: string;
}

/** The report in every format, the binary ones as the text they hold. */
export async function renderAll(
  lang: Lang,
  top = 10,
  from: ReportInput = input,
): Promise<Rendered> {
  const { assessment, set, answers, date } = from;
  const options = { lang, top, date };
  const docx = await renderDocx(assessment, set, answers, options);
  return {
    md: renderMarkdown(assessment, set, answers, options),
    html: renderHtml(assessment, set, answers, options),
    pdf: [...htmlPieces(assessment, set, answers, { ...options, limits: DOCUMENT_LIMITS })].join(
      "",
    ),
    docx: (await mammoth.extractRawText({ buffer: Buffer.from(docx) })).value,
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
  );
});
