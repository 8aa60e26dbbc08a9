// The message when the browser named for PDF cannot be used: it advises setting the variable that
// named it, and a Chinese message carries no English words of the browser library.
import { describe, expect, it } from "vitest";
import { documentMessages } from "../../src/i18n/document-messages.js";

const LAUNCH = {
  kind: "launch",
  reason: "Failed to launch the browser process:  Code: 0",
} as const;

describe("PDF: a browser that cannot be used", () => {
  it.each(["CHROME_PATH", "PUPPETEER_EXECUTABLE_PATH"])(
    "named by %s: the advice names that variable (en, zh)",
    (variable) => {
      const en = documentMessages("en").pdf.cannotStart("/x", variable, { kind: "directory" });
      expect(en).toContain(`(named by ${variable})`);
      expect(en).toContain(`and set ${variable} to it`);
      const zh = documentMessages("zh").pdf.cannotStart("/x", variable, { kind: "directory" });
      expect(zh).toContain(`并将 ${variable} 设为其路径`);
    },
  );

  it("found on the PATH: the advice names CHROME_PATH", () => {
    expect(
      documentMessages("en").pdf.cannotStart("/usr/bin/chromium", undefined, LAUNCH),
    ).toContain("and set CHROME_PATH to it");
  });

  it("the library's reason is kept in English, and left out of the Chinese sentence", () => {
    expect(documentMessages("en").pdf.cannotStart("/x", "CHROME_PATH", LAUNCH)).toContain(
      "did not start as a browser (Failed to launch the browser process:  Code: 0)",
    );
    const zh = documentMessages("zh").pdf.cannotStart("/x", "CHROME_PATH", LAUNCH);
    expect(zh).toContain("该路径无法作为浏览器启动。");
    expect(zh).not.toMatch(/Failed|launch|Code/);
  });
});
