// Lists of versions in the changes.yaml messages are joined as each language joins a list
// (`, ` in English, `、` in Chinese), not with an English comma built into the rule's data.
import { describe, expect, it } from "vitest";
import { diagnosticMessage } from "../../src/i18n/diagnostic-messages.js";

describe("versions listed in changes.yaml messages", () => {
  it.each([
    ["en", "older versions beside this one: 1.2.0, 1.1.0, 1.0.0"],
    ["zh", "同目录下较早的版本：1.2.0、1.1.0、1.0.0"],
  ] as const)("from-missing in %s", (lang, words) => {
    const text = diagnosticMessage(
      {
        id: "changes/from-missing",
        params: { from: "0.9.0", id: "workplan-2025", available: ["1.2.0", "1.1.0", "1.0.0"] },
      },
      lang,
    );
    expect(text).toContain(words);
  });

  it.each([
    ["en", "skips 1.1.0, 1.2.0, which sits"],
    ["zh", "之间的 1.1.0、1.2.0；"],
  ] as const)("from-skips in %s", (lang, words) => {
    const text = diagnosticMessage(
      {
        id: "changes/from-skips",
        params: { from: "1.0.0", to: "1.3.0", skipped: ["1.1.0", "1.2.0"] },
      },
      lang,
    );
    expect(text).toContain(words);
  });
});
