// Issue 7 (memory): the text formats of `netdz report` are written in pieces as they are made.
// The pieces joined are the report, byte for byte, and the Word report's long texts, written
// into document.xml after packing, give the same bytes as the docx library writes them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnswersFile } from "../../src/core/model.js";
import { scoreAssessment } from "../../src/core/score.js";
import { htmlPieces, renderHtml } from "../../src/render/report-html.js";
import { jsonPieces, prettyJson, renderJson } from "../../src/render/report-json.js";
import { markdownPieces, renderMarkdown } from "../../src/render/report-markdown.js";
import { LONG_TEXT, renderDocx } from "../../src/render/report-docx.js";
import { LANGS, loadReportInput } from "./document-fixtures.js";

const input = await loadReportInput();

describe("a report in pieces", () => {
  it.each(LANGS)("(%s) joins to the report of every text format", (lang) => {
    const { assessment, set, answers, date } = input;
    const options = { lang, top: 10, date };
    expect([...markdownPieces(assessment, set, answers, options)].join("")).toBe(
      renderMarkdown(assessment, set, answers, options),
    );
    expect([...htmlPieces(assessment, set, answers, options)].join("")).toBe(
      renderHtml(assessment, set, answers, options),
    );
    expect([...jsonPieces(assessment, set, answers, options)].join("")).toBe(
      renderJson(assessment, set, answers, options),
    );
  });

  it("writes any JSON value as JSON.stringify(value, null, 2) does", () => {
    const value = fc.oneof(
      fc.jsonValue(),
      // Members and elements with no JSON form: left out of objects, null in arrays.
      fc.dictionary(fc.string(), fc.option(fc.jsonValue(), { nil: undefined })),
      fc.array(fc.option(fc.jsonValue(), { nil: undefined })),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect([...prettyJson(v, "")].join("")).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 300 },
    );
    for (const v of [{}, [], { a: [] }, [{}], -0, Number.NaN, "\u2028\ud800", { "": null }]) {
      expect([...prettyJson(v, "")].join("")).toBe(JSON.stringify(v, null, 2));
    }
  });
});

describe("the Word report's long texts", () => {
  it("are the same bytes as the docx library writes", async () => {
    // A note and an evidence list far over LONG_TEXT, with every character XML escapes.
    const special = `a & b < c > d "e" 'f' 中文，备注 `;
    const note = special.repeat(Math.ceil((3 * LONG_TEXT) / special.length));
    const first = input.set.measures[0]?.questions[0]?.id ?? "";
    const answers: AnswersFile = {
      ...input.answers,
      zone: { ...input.answers.zone, name: `Zone & <Co> ${"名".repeat(LONG_TEXT)}` },
      answers: {
        ...input.answers.answers,
        [first]: {
          status: "implemented",
          note,
          evidence: Array.from({ length: 300 }, (_, i) => `docs/${i} & "x" <${i}>.pdf`),
        },
      },
    };
    const assessment = scoreAssessment(input.set, answers);
    for (const lang of LANGS) {
      const options = { lang, top: 10, date: input.date };
      const marked = await renderDocx(assessment, input.set, answers, options);
      const direct = await renderDocx(assessment, input.set, answers, {
        ...options,
        longText: Number.POSITIVE_INFINITY,
      });
      expect(Buffer.from(marked).equals(Buffer.from(direct)), lang).toBe(true);
    }
  });
});
