// QA 7b #5: a browser that does not load or print the report is said in netdz's words, in the
// user's language, with another format to write; the browser's English only as a detail.
import { describe, expect, it } from "vitest";
import { printFailure } from "../../src/fs/pdf.js";

/** Errors as puppeteer throws them. */
const timeout = Object.assign(new Error("Navigation timeout of 60000 ms exceeded"), {
  name: "TimeoutError",
});
const protocol = new Error("Protocol error (Page.printToPDF): Printing failed\n    at stack");

describe("a PDF the browser did not make", () => {
  it("says the page was not loaded in time, in English and Chinese", () => {
    const en = printFailure("load", timeout, "en");
    expect(en).toMatch(/^--format pdf: the browser did not load the report within 60 s\. /);
    expect(en).toContain("--format html, docx or md");
    const zh = printFailure("load", timeout, "zh");
    expect(zh).toMatch(/^--format pdf：浏览器未能在 60 秒内打开报告。/);
    expect(zh).toContain("请改用 --format html、docx 或 md");
  });

  it("says the browser could not print, the browser's line only after it", () => {
    const en = printFailure("print", protocol, "en");
    expect(en.indexOf("the browser could not print the report to PDF")).toBe(
      "--format pdf: ".length,
    );
    expect(en).toMatch(
      /\(the browser said: Protocol error \(Page\.printToPDF\): Printing failed\)$/,
    );
    expect(en).not.toContain("at stack");
    const zh = printFailure("print", protocol, "zh");
    expect(zh).toMatch(/^--format pdf：浏览器无法将报告打印为 PDF。/);
    const printTimeout = printFailure("print", timeout, "zh");
    expect(printTimeout).toContain("浏览器未能在 120 秒内将报告打印为 PDF");
  });
});
