import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { renderDocx } from "../../src/render/report-docx.js";
import { renderHtml } from "../../src/render/report-html.js";
import { renderMarkdown } from "../../src/render/report-markdown.js";
import { tempDir } from "../helpers.js";
import { LANGS, loadReportInput, SUZHOU } from "./document-fixtures.js";

const RLO = "\u202E";
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;

/** The demo zone with unclosed right-to-left overrides and isolates in what the user typed. */
async function hostileInput() {
  const file = path.join(tempDir(), "answers.yaml");
  const text = readFileSync(SUZHOU, "utf8")
    .replace("name: 苏州示范经济技术开发区", `name: "苏州${RLO}示范区 مرحبا \u2067iso"`)
    .replace("owner: 经济发展局", `owner: "${RLO}经济发展局 שלום"`);
  writeFileSync(file, text);
  return loadReportInput(file);
}

describe("bidirectional controls in typed text", () => {
  it.each(LANGS)(
    "(%s) are dropped from Markdown, HTML and Word, right-to-left letters kept",
    async (lang) => {
      const input = await hostileInput();
      expect(JSON.stringify(input.answers)).toContain(RLO);
      const options = { lang, top: 10, date: input.date };
      const markdown = renderMarkdown(input.assessment, input.set, input.answers, options);
      const html = renderHtml(input.assessment, input.set, input.answers, options);
      const docx = await renderDocx(input.assessment, input.set, input.answers, options);
      const xml =
        (await new JSZip()
          .loadAsync(docx)
          .then((z) => z.file("word/document.xml")?.async("string"))) ?? "";
      for (const [name, out] of [
        ["markdown", markdown],
        ["html", html],
        ["docx", xml],
      ] as const) {
        expect({ name, bidi: BIDI.test(out) }).toEqual({ name, bidi: false });
        expect(out).toContain("مرحبا");
        expect(out).toContain("שלום");
      }
    },
  );
});

describe("a very long zone name", () => {
  it("is cut with … in the page footers only, so it cannot run into the page numbers", async () => {
    const long = `区${"Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(4)}`;
    const file = path.join(tempDir(), "answers.yaml");
    writeFileSync(
      file,
      readFileSync(SUZHOU, "utf8").replace("name: 苏州示范经济技术开发区", `name: ${long}`),
    );
    const input = await loadReportInput(file);
    const options = { lang: "en" as const, top: 10, date: input.date };
    const html = renderHtml(input.assessment, input.set, input.answers, options);
    const footer = /@bottom-left \{ content: "([^"]*)"/.exec(html)?.[1] ?? "";
    expect(footer.endsWith("…")).toBe(true);
    expect(long.startsWith(footer.slice(0, -1))).toBe(true);
    expect(footer.length).toBeLessThan(80);
    expect(html).toContain(`<dd>${long}`);
    const docx = await renderDocx(input.assessment, input.set, input.answers, options);
    const zip = await new JSZip().loadAsync(docx);
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/footer\d*\.xml$/.test(name))
        .map((name) => zip.file(name)?.async("string") ?? ""),
    );
    expect(footers.join("")).toContain(`${footer}    `);
    expect(footers.join("")).not.toContain(long);
  });
});
