/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The HTML report in a real headless Chromium (Debian's `chromium` with `fonts-noto-cjk`; .ci/run
 * installs them, and the README says how to run these tests locally). Screenshots of each layout
 * and the printed PDFs are kept in test-artifacts/ (git-ignored) for people to look at.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import { UsageError } from "../../src/errors.js";
import { BROWSER_ARGS, findBrowser, printHtmlToPdf } from "../../src/fs/pdf.js";
import { renderHtml } from "../../src/render/report-html.js";
import { aggregate } from "../../src/commands/aggregate.js";
import { renderReport, renderServices } from "../../src/commands/report.js";
import { captureIo, ROOT } from "../helpers.js";
import { LANGS, loadReportInput } from "../render/document-fixtures.js";

export const ARTIFACTS = path.join(ROOT, "test-artifacts");

const input = await loadReportInput();
const executablePath = await findBrowser(process.env);
const work = mkdtempSync(path.join(tmpdir(), "netdz-browser-"));
type PageName = Lang | "aggregate" | "aggregate-en";
const pages: Record<PageName, string> = { en: "", zh: "", aggregate: "", "aggregate-en": "" };
let browser: Browser;

function html(lang: Lang): string {
  return renderHtml(input.assessment, input.set, input.answers, {
    lang,
    top: 10,
    date: input.date,
  });
}

beforeAll(async () => {
  if (executablePath === undefined) {
    throw new Error(
      "no Chromium found: install it (apt-get install chromium fonts-noto-cjk) or set CHROME_PATH",
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const lang of LANGS) {
    pages[lang] = path.join(work, `report.${lang}.html`);
    writeFileSync(pages[lang], html(lang));
  }
  for (const lang of LANGS) {
    const name = lang === "zh" ? "aggregate" : "aggregate-en";
    pages[name] = path.join(work, `aggregate.${lang}.html`);
    const io = captureIo(ROOT, { TZ: "UTC" });
    await aggregate(
      {
        paths: ["test/fixtures/province"],
        format: "html",
        lang,
        minCompleteness: 80,
        bottom: 5,
        measures: "test/fixtures/report/sets",
      },
      io,
    );
    writeFileSync(pages[name], io.out());
  }
  browser = await launch({
    executablePath,
    headless: true,
    userDataDir: path.join(work, "profile"),
    args: [...BROWSER_ARGS, "--no-sandbox"],
  });
});

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  /** Console errors, page errors and requests other than the page itself. */
  problems: string[];
}

async function open(lang: PageName, width: number): Promise<Opened> {
  const page = await browser.newPage();
  const problems: string[] = [];
  const url = pathToFileURL(pages[lang]).href;
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${String(error)}`));
  page.on("request", (request) => {
    if (request.url() !== url) problems.push(`request: ${request.url()}`);
  });
  await page.setViewport({ width, height: 900 });
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  return { page, problems };
}

describe("the HTML report in Chromium", () => {
  const layouts: [PageName, number[]][] = [
    ["en", [360, 390, 1280]],
    ["zh", [360, 390, 1280]],
    ["aggregate", [360, 800, 1280, 1920]],
    ["aggregate-en", [360, 800, 1280, 1920]],
  ];
  describe.each(layouts)("in %s", (lang, widths) => {
    it.each(widths)(
      "at %i px: no console error, nothing wider than the viewport, out of its box or on a sibling",
      async (width) => {
        const { page, problems } = await open(lang, width);
        try {
          const overflow = await page.evaluate(() => {
            const limit = document.documentElement.clientWidth + 0.5;
            return [...document.querySelectorAll("body *")]
              .filter((el) => {
                const box = el.getBoundingClientRect();
                return box.width > 0 && (box.right > limit || box.left < -0.5);
              })
              .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""}`)
              .slice(0, 10);
          });
          // Every HTML element inside its parent's box, unless the parent scrolls or clips it
          // (a scroll container per wide table is allowed), and no two block siblings overlap.
          const misplaced = await page.evaluate(() => {
            const name = (el: Element): string =>
              `${el.tagName.toLowerCase()}${el.id === "" ? "" : `#${el.id}`}.${el.getAttribute("class") ?? ""}`;
            const hidden = (el: Element): boolean => {
              for (let a: Element | null = el; a !== null; a = a.parentElement) {
                const style = getComputedStyle(a);
                if (style.clipPath !== "none" || style.position === "absolute") return true;
              }
              return false;
            };
            const found: string[] = [];
            const elements = [...document.querySelectorAll("main *")].filter(
              (el) => el instanceof HTMLElement && el.closest("svg") === null && !hidden(el),
            );
            for (const el of elements) {
              let parent = el.parentElement;
              while (parent !== null && getComputedStyle(parent).display === "contents") {
                parent = parent.parentElement;
              }
              if (parent === null) continue;
              const box = el.getBoundingClientRect();
              const outer = parent.getBoundingClientRect();
              if (box.width === 0 || getComputedStyle(parent).overflowX !== "visible") continue;
              if (box.right > outer.right + 0.5 || box.left < outer.left - 0.5) {
                found.push(`${name(el)} out of ${name(parent)}`);
              }
            }
            const blocks = (parent: Element): Element[] =>
              [...parent.children].filter((c) => {
                const display = getComputedStyle(c).display;
                return (
                  c.getBoundingClientRect().width > 0 &&
                  !display.startsWith("inline") &&
                  !display.startsWith("table-column")
                );
              });
            for (const parent of [document.body, ...elements]) {
              const children = blocks(parent);
              children.forEach((a, i) => {
                const ra = a.getBoundingClientRect();
                for (const b of children.slice(i + 1)) {
                  const rb = b.getBoundingClientRect();
                  const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
                  const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
                  if (w > 1.5 && h > 1.5) found.push(`${name(a)} overlaps ${name(b)}`);
                }
              });
            }
            return found.slice(0, 10);
          });
          const scroll = await page.evaluate(() => [
            document.documentElement.scrollWidth,
            document.documentElement.clientWidth,
          ]);
          await page.screenshot({
            path: path.join(ARTIFACTS, `report.${lang}.${width}px.png`) as `${string}.png`,
            fullPage: true,
          });
          expect(problems).toEqual([]);
          expect(overflow).toEqual([]);
          expect(misplaced).toEqual([]);
          expect(scroll[0]).toBeLessThanOrEqual(scroll[1] ?? 0);
        } finally {
          await page.close();
        }
      },
    );
  });

  it("shows every table with its rows, and charts whose bars and labels match the scores", async () => {
    const { page } = await open("en", 1280);
    try {
      const rows = await page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll("table")].map((t) => [
            t.id,
            t.tBodies[0]?.rows.length ?? 0,
          ]),
        ),
      );
      expect(rows).toMatchObject({
        "table-areas": input.set.areas.length,
        "table-measures": 16,
        "table-gaps": 10,
        "table-actions": 4,
      });
      const charts = await page.evaluate(() =>
        [...document.querySelectorAll("svg.chart")].map((svg) => ({
          id: svg.getAttribute("class"),
          bars: [...svg.querySelectorAll("g.bar")].map((g) => ({
            value: g.querySelector("text.bar-value")?.textContent,
            label: g.querySelector("text.bar-label")?.textContent,
            width: g.querySelector("rect.bar-fill")?.getBoundingClientRect().width ?? 0,
            title: g.querySelector("title")?.textContent,
          })),
        })),
      );
      // Every label drawn in full inside its chart (wrapped, not cut off with "…").
      const labelOverflow = await page.evaluate(() =>
        [...document.querySelectorAll<SVGTextElement>("svg.chart text.bar-label")]
          .filter((label) => {
            const box = label.getBBox();
            const width = label.ownerSVGElement?.viewBox.baseVal.width ?? 0;
            return (
              box.x < 0 || box.x + box.width > width + 0.5 || /…/.test(label.textContent ?? "")
            );
          })
          .map((label) => label.textContent),
      );
      expect(labelOverflow).toEqual([]);
      expect(charts.map((c) => c.id)).toEqual([
        "chart chart-areas",
        "chart chart-measures",
        "chart chart-gaps",
      ]);
      const [areas, measures, gaps] = charts;
      const score = (s: number | null) => (s === null ? "n/a" : s.toFixed(1));
      expect(areas?.bars.map((b) => b.value)).toEqual(
        input.assessment.areas.map((a) => score(a.score)),
      );
      expect(measures?.bars.map((b) => b.value)).toEqual(
        input.assessment.measures.map((m) => score(m.score)),
      );
      expect(measures?.bars.map((b) => b.label?.slice(0, 3))).toEqual(
        input.set.measures.map((m) => m.id),
      );
      expect(gaps?.bars.map((b) => b.value)).toEqual(
        input.assessment.gaps.slice(0, 10).map((g) => (g.gap ?? 0).toFixed(1)),
      );
      // Bar lengths are proportional to the scores drawn.
      const ratio = (measures?.bars[0]?.width ?? 0) / (input.assessment.measures[0]?.score ?? 1);
      measures?.bars.forEach((bar, i) => {
        expect(bar.width).toBeCloseTo((input.assessment.measures[i]?.score ?? 0) * ratio, 0);
        expect(bar.title).toContain(bar.value ?? "?");
      });
    } finally {
      await page.close();
    }
  });

  it("renders Chinese text in a CJK font, not as missing-glyph boxes", async () => {
    const { page } = await open("zh", 1280);
    try {
      const cdp = await page.createCDPSession();
      await cdp.send("DOM.enable");
      await cdp.send("CSS.enable");
      const { root } = await cdp.send("DOM.getDocument");
      const fontsOf = async (selector: string) => {
        const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
        const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
        return fonts;
      };
      for (const selector of ["h1", "#h-measures", "#table-measures tbody td:nth-child(2)"]) {
        const fonts = await fontsOf(selector);
        expect(fonts.length).toBeGreaterThan(0);
        expect(fonts.every((f) => /CJK|Han Sans|Hei|PingFang|YaHei/i.test(f.familyName))).toBe(
          true,
        );
      }
      // Real glyphs differ from one character to the next; missing-glyph boxes all look alike.
      const drawn = await page.evaluate(() => {
        const family = getComputedStyle(document.body).fontFamily;
        const draw = (char: string) => {
          const canvas = document.createElement("canvas");
          canvas.width = 48;
          canvas.height = 48;
          const context = canvas.getContext("2d");
          if (!context) return "";
          context.font = `32px ${family}`;
          context.fillText(char, 4, 38);
          const pixels = context.getImageData(0, 0, 48, 48).data;
          let ink = "";
          for (let i = 3; i < pixels.length; i += 4) ink += (pixels[i] ?? 0) > 127 ? "1" : "0";
          return ink;
        };
        return ["国", "家", "级", "区", "\u{10FFFD}", "\u{10FFFC}"].map(draw);
      });
      const [guo, jia, ji, qu, box1, box2] = drawn;
      expect(guo).toMatch(/1/);
      expect(new Set([guo, jia, ji, qu]).size).toBe(4);
      expect(box1).toBe(box2);
      expect([guo, jia, ji, qu]).not.toContain(box1);
    } finally {
      await page.close();
    }
  });

  it("prints to A4 pages with no table row split across two pages", async () => {
    const { page } = await open("zh", 1280);
    const pdfFile = path.join(ARTIFACTS, "report.zh.print.pdf");
    try {
      await page.emulateMediaType("print");
      const style = await page.evaluate(() => ({
        thead: getComputedStyle(document.querySelector("thead") as Element).display,
        tr: getComputedStyle(document.querySelector("tbody tr") as Element).breakInside,
        section: getComputedStyle(document.querySelector("#measures") as Element).breakBefore,
        background: getComputedStyle(document.body).backgroundColor,
      }));
      expect(style).toEqual({
        thead: "table-header-group",
        tr: "avoid",
        section: "page",
        background: "rgb(255, 255, 255)",
      });
      const cells = await page.evaluate(() =>
        [...document.querySelectorAll("tbody tr")].map((tr) =>
          [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").replace(/\s+/g, "")),
        ),
      );
      writeFileSync(
        pdfFile,
        await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true }),
      );
      const pageCount = pdfPages(pdfFile);
      expect(pdfPageSizes(pdfFile)).toEqual(Array(pageCount).fill("594.96 x 841.92 pts (A4)"));
      // Every line of text in the PDF that belongs to one table row and occurs once: all the
      // lines of a row must be on one page.
      const words = pdfWords(pdfFile);
      const frequency = new Map<string, number>();
      for (const w of words) frequency.set(w.text, (frequency.get(w.text) ?? 0) + 1);
      const rowTexts = cells.map((row) => row.join(""));
      const pagesOfRow = new Map<number, Set<number>>();
      for (const w of words) {
        if ([...w.text].length < 4 || frequency.get(w.text) !== 1) continue;
        const owners = rowTexts.flatMap((text, i) => (text.includes(w.text) ? [i] : []));
        if (owners.length !== 1) continue;
        const row = owners[0] ?? -1;
        pagesOfRow.set(row, (pagesOfRow.get(row) ?? new Set()).add(w.page));
      }
      const split = [...pagesOfRow]
        .filter(([, set]) => set.size > 1)
        .map(([row]) => cells[row]?.join(" | "));
      expect(split).toEqual([]);
      expect(pagesOfRow.size).toBeGreaterThan(40);
      const texts = pdfPageTexts(pdfFile, pageCount);
      // Page numbers and the zone's name in every footer.
      texts.forEach((text, i) => {
        expect(text).toContain(`第${i + 1}页，共${pageCount}页`);
        expect(text).toContain("苏州示范经济技术开发区");
      });
    } finally {
      await page.close();
    }
  });
});

describe("netdz's PDF printer", () => {
  it("prints the report to A4 with the zone's name and the overall score", async () => {
    const pdf = await printHtmlToPdf(html("zh"), { lang: "zh", env: process.env });
    const file = path.join(ARTIFACTS, "report.zh.pdf");
    writeFileSync(file, pdf);
    const count = pdfPages(file);
    expect(count).toBeGreaterThanOrEqual(8);
    expect(pdfPageSizes(file)).toEqual(Array(count).fill("594.96 x 841.92 pts (A4)"));
    const text = pdfPageTexts(file, count).join("");
    expect(text).toContain("苏州示范经济技术开发区");
    const overall = (input.assessment.overall.score ?? 0).toFixed(1);
    expect(text).toContain(`总分：${overall}/100`);
  });

  it("dates the PDF with the report date, so two prints a second apart carry the same dates", async () => {
    const model = { ...input, date: "2026-01-01" };
    const services = renderServices("zh", { env: process.env });
    const print = async (): Promise<Uint8Array> =>
      (await renderReport(model, { lang: "zh", top: 10, format: "pdf", services })) as Uint8Array;
    const first = await print();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const second = await print();
    // Chromium may lay out a long page's tagged structure a little differently between two
    // prints in one browser; what netdz controls, the dates, must be the same in both.
    const dates = (pdf: Uint8Array) =>
      Buffer.from(pdf)
        .toString("latin1")
        .match(/\/(?:CreationDate|ModDate) \(D:[^)]*\)/g);
    expect(dates(first)).toEqual(dates(second));
    expect(dates(first)).toHaveLength(2);
    const file = path.join(work, "dated.pdf");
    writeFileSync(file, first);
    const info = execFileSync("pdfinfo", ["-isodates", file], { encoding: "utf8" });
    expect(info).toMatch(/^CreationDate:\s+2026-01-01T00:00:00(Z|\+00(:00)?)$/m);
    expect(info).toMatch(/^ModDate:\s+2026-01-01T00:00:00(Z|\+00(:00)?)$/m);
    // The offsets still hold: every page's text can be read.
    expect(pdfPageTexts(file, pdfPages(file)).join("")).toContain("苏州示范经济技术开发区");
  });

  it("says how to get a PDF without a browser, in both languages", async () => {
    const empty = path.join(work, "empty-bin");
    mkdirSync(empty, { recursive: true });
    for (const lang of LANGS) {
      const printing = printHtmlToPdf("<p>x</p>", { lang, env: { PATH: empty } });
      await expect(printing).rejects.toBeInstanceOf(UsageError);
      await expect(printing).rejects.toThrow(lang === "en" ? /--format html/ : /--format html/);
      await expect(printing).rejects.toThrow(lang === "en" ? /install Chromium/ : /安装 Chromium/);
    }
  });
});

function pdfPages(file: string): number {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

function pdfPageSizes(file: string): string[] {
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "9999", file], { encoding: "utf8" });
  return [...info.matchAll(/^Page\s+\d+ size:\s+(.+)$/gm)].map((m) => m[1]?.trim() ?? "");
}

/** The words (runs of text without spaces) of a PDF with their 1-based page numbers. */
function pdfWords(file: string): { text: string; page: number }[] {
  const xml = execFileSync("pdftotext", ["-bbox", file, "-"], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return xml
    .split(/<page\b/)
    .slice(1)
    .flatMap((page, i) =>
      [...page.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => ({
        text: (m[1] ?? "").replace(/&(amp|lt|gt|quot|apos);/g, (_, n: string) => entities[n] ?? ""),
        page: i + 1,
      })),
    );
}

/** Each page's text with all white space removed. */
function pdfPageTexts(file: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), file, "-"], {
      encoding: "utf8",
    }).replace(/\s+/g, ""),
  );
}

describe("the printed report of a zone that answered every question", () => {
  const full = loadReportInput(
    path.join(ROOT, "test", "fixtures", "documents", "all-answered.yaml"),
  );
  const headers: Record<Lang, string> = {
    en: "RankQuestionMeasurePlanref",
    zh: "排序问题举措方案条目",
  };
  // A sensible length for 109 questions, 10 gaps and about 80 evidence items.
  const limits: Record<Lang, number> = { en: 24, zh: 20 };

  it.each(LANGS)(
    "(%s) fits the top gaps on a few A4 pages, header repeated, no row split, no cell overflowing",
    async (lang) => {
      const input = await full;
      const page = await browser.newPage();
      const file = path.join(ARTIFACTS, `report.all-answered.${lang}.pdf`);
      try {
        const source = renderHtml(input.assessment, input.set, input.answers, {
          lang,
          top: 10,
          date: input.date,
        });
        // The A4 text width at 96 dpi (210 mm less 2 × 14 mm margins).
        await page.setViewport({ width: 688, height: 1000 });
        await page.setContent(source, { waitUntil: "load" });
        await page.emulateMediaType("print");
        const overflowing = await page.evaluate(() =>
          [...document.querySelectorAll("th, td")]
            .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
            .map((cell) => `${cell.closest("table")?.id}: ${cell.textContent}`),
        );
        expect(overflowing).toEqual([]);
        const gapRows = await page.evaluate(() =>
          [...document.querySelectorAll("#table-gaps tbody tr")].map((tr) =>
            [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").replace(/\s+/g, "")),
          ),
        );
        writeFileSync(file, await printHtmlToPdf(source, { lang, env: process.env }));
        const count = pdfPages(file);
        expect(count).toBeLessThanOrEqual(limits[lang]);
        // Letters and digits only: pdftotext joins a word hyphenated at a line end.
        const bare = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, "");
        const texts = pdfPageTexts(file, count).map(bare);
        // The pages the top-gaps table is on: each has the header, and all rows are there.
        const nextSteps = gapRows.map((row) => bare(row.at(-1) ?? "").slice(0, 40));
        const gapPages = texts.flatMap((text, i) =>
          nextSteps.some((step) => text.includes(step)) ? [i] : [],
        );
        expect(gapRows).toHaveLength(10);
        expect(gapPages.length).toBeGreaterThan(0);
        expect(gapPages.length).toBeLessThanOrEqual(4);
        for (const i of gapPages) expect(texts[i]).toContain(headers[lang]);
        // No row split: the start and the end of each row's next step are on one page.
        for (const row of gapRows) {
          const step = bare(row.at(-1) ?? "");
          const start = texts.findIndex((text) => text.includes(step.slice(0, 30)));
          const end = texts.findIndex((text) => text.includes(step.slice(-30)));
          expect({ step: step.slice(0, 30), start }).toEqual({
            step: step.slice(0, 30),
            start: end,
          });
        }
      } finally {
        await page.close();
      }
    },
    120_000,
  );
});
