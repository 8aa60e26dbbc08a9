import { describe, expect, it } from "vitest";
import { documentMessages } from "../../src/i18n/document-messages.js";
import {
  cutText,
  limitForPrint,
  limitText,
  DOCUMENT_LIMITS,
  DOCUMENT_MAX_EVIDENCE,
  DOCUMENT_MAX_TEXT,
  type PrintLimits,
} from "../../src/render/print-limits.js";
import { htmlPieces, renderHtml } from "../../src/render/report-html.js";
import { buildReportDocument, type Rich, type Table } from "../../src/render/report-document.js";
import { scoreAssessment } from "../../src/core/score.js";
import { loadReportInput } from "./document-fixtures.js";

const input = await loadReportInput();
const { assessment, set, answers } = input;

describe("cutText", () => {
  it("keeps short texts whole and counts the characters cut, a surrogate pair being one", () => {
    expect(cutText("abc", 3)).toEqual({ kept: "abc", more: 0 });
    expect(cutText("abcdef", 4)).toEqual({ kept: "abcd", more: 2 });
    // 𠀀 (U+20000) is two UTF-16 code units: never split, counted once.
    expect(cutText("a𠀀b𠀀𠀀", 2)).toEqual({ kept: "a𠀀", more: 3 });
    expect(cutText("𠀀𠀀𠀀", 1)).toEqual({ kept: "𠀀", more: 2 });
    // Four code units but two characters: fits in 2.
    expect(cutText("𠀀𠀀", 2)).toEqual({ kept: "𠀀𠀀", more: 0 });
    const long = "长".repeat(DOCUMENT_MAX_TEXT + 12_345);
    const cut = cutText(long, DOCUMENT_MAX_TEXT);
    expect([...cut.kept]).toHaveLength(DOCUMENT_MAX_TEXT);
    expect(cut.more).toBe(12_345);
  });

  it("says the cut with the exact count, in both languages", () => {
    expect(limitText("x".repeat(12_350), 5, documentMessages("en"))).toBe(
      "xxxxx … (12,345 more characters: see the answers file or the Markdown, HTML or JSON report)",
    );
    expect(limitText("备注".repeat(3), 4, documentMessages("zh"))).toBe(
      "备注备注……（另有 2 个字符未显示：见答卷文件或 Markdown、HTML、JSON 报告）",
    );
    expect(limitText("short", 5, documentMessages("en"))).toBe("short");
  });
});

/** The evidence table of a document. */
function evidenceRows(doc: ReturnType<typeof buildReportDocument>): (readonly Rich[])[] {
  const block = doc.sections
    .find((s) => s.id === "evidence")
    ?.blocks.find((b): b is { kind: "table"; table: Table } => b.kind === "table");
  return [...(block?.table.rows ?? [])];
}

const text = (rich: Rich | undefined) => (rich ?? []).map((s) => s.text).join("");

describe("limitForPrint", () => {
  it("shows at most maxEvidence items a question and maxEvidenceTotal in all, counting the rest", () => {
    for (const lang of ["en", "zh"] as const) {
      const doc = buildReportDocument(assessment, set, answers, { lang, top: 10 });
      const full = evidenceRows(doc);
      const perQuestion = new Map<string, number>();
      for (const row of full)
        perQuestion.set(text(row[0]), (perQuestion.get(text(row[0])) ?? 0) + 1);
      const most = Math.max(...perQuestion.values());
      expect(most).toBeGreaterThan(1);
      const limits: PrintLimits = {
        maxEvidence: most - 1,
        maxEvidenceTotal: full.length,
        maxText: 1e9,
      };
      const rows = evidenceRows(limitForPrint(doc, limits));
      const d = documentMessages(lang).printCuts;
      const cutOnes = [...perQuestion].filter(([, n]) => n > limits.maxEvidence);
      expect(rows).toHaveLength(full.length); // one item less and one line more, per cut question
      for (const [question] of cutOnes) {
        const ofIt = rows.filter((row) => text(row[0]) === question);
        expect(ofIt).toHaveLength(limits.maxEvidence + 1);
        expect(text(ofIt.at(-1)?.at(-1))).toBe(d.moreEvidence(1, limits.maxEvidence));
      }
      // A total of 1: the first question shows one item, every other question only its count.
      const total = evidenceRows(limitForPrint(doc, { ...limits, maxEvidenceTotal: 1 }));
      const said = total.slice(1).map((row) => text(row.at(-1)));
      const counts = [...perQuestion.values()];
      expect(said).toEqual([
        ...(counts[0]! > 1 ? [d.moreEvidence(counts[0]! - 1, 1)] : []),
        ...counts.slice(1).map((n) => d.moreEvidence(n, 0)),
      ]);
    }
  });

  it("says the cut in each language", () => {
    expect(documentMessages("en").printCuts.moreEvidence(198_000, 1_000)).toBe(
      "… and 198,000 more evidence items: all are in the answers file and in the Markdown, HTML and JSON reports",
    );
    expect(documentMessages("zh").printCuts.moreEvidence(198_000, 1_000)).toBe(
      "……另有 198,000 项佐证材料未列出：全部佐证材料见答卷文件及 Markdown、HTML、JSON 报告",
    );
    expect(documentMessages("en").printCuts.method(DOCUMENT_LIMITS)).toContain(
      `at most ${DOCUMENT_MAX_EVIDENCE.toLocaleString("en-US")} evidence items per question`,
    );
  });

  it("cuts long texts of the answers (a note, the zone's name) and leaves the HTML report whole", () => {
    const note = "长备注".repeat(10_000); // 30,000 characters
    const zone = { ...answers.zone, name: "区".repeat(DOCUMENT_MAX_TEXT + 7) };
    const big = {
      ...answers,
      zone,
      answers: Object.fromEntries(
        Object.entries(answers.answers).map(([id, a]) => [id, { ...a, note }]),
      ),
    };
    const options = { lang: "zh" as const, top: 10 };
    const scored = scoreAssessment(set, big);
    const printed = [...htmlPieces(scored, set, big, { ...options, limits: DOCUMENT_LIMITS })].join(
      "",
    );
    const d = documentMessages("zh").printCuts;
    expect(printed).toContain(d.moreCharacters(30_000 - DOCUMENT_MAX_TEXT));
    expect(printed).toContain(d.moreCharacters(7));
    expect(printed).not.toContain(note);
    expect(printed).toContain(d.method(DOCUMENT_LIMITS));
    // Without limits: the HTML report, whole, as renderHtml makes it.
    const html = [...htmlPieces(scored, set, big, options)].join("");
    expect(html).toBe(renderHtml(scored, set, big, options));
    expect(html).toContain(note);
    expect(html).not.toContain(d.method(DOCUMENT_LIMITS));
  });
});
