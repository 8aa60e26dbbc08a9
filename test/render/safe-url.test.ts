import { describe, expect, it } from "vitest";
import { isSafeUrl } from "../../src/render/markdown-escape.js";
import { evidenceSpan } from "../../src/render/report-document.js";

/** The whole-match pattern isSafeUrl stands for. */
const WHOLE = /^https?:\/\/[^\s<>|\\`"'\p{Cc}]+$/iu;

describe("isSafeUrl", () => {
  it("agrees with the whole-match pattern", () => {
    const cases = [
      "https://a",
      "HTTP://x.cn/证",
      "https://",
      "http:/a",
      "ftp://a",
      "https://a b",
      "https://a\tb",
      "https://a\u0007",
      "https://a\u2028b",
      'https://a"b',
      "https://a'b",
      "https://a`b",
      "https://a<b",
      "https://a|b",
      "https://a\\b",
      "https://𠀀",
      " https://a",
      "xhttps://a",
    ];
    for (const text of cases) expect(isSafeUrl(text), JSON.stringify(text)).toBe(WHOLE.test(text));
  });

  it("links a 10 MB URL as the pattern would", () => {
    const url = `https://x.cn/${"证a".repeat(2_600_000)}`;
    expect(evidenceSpan(url)).toEqual({ text: url, href: url });
    expect(evidenceSpan(`${url}<`).href).toBeUndefined();
  });
});
