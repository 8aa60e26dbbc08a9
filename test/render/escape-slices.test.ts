// Escaping a long text in slices gives the same characters as escaping it whole, for every
// escape a report uses (Markdown, HTML, JSON, a Word run), whatever the text and slice size.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeInSlices, escapedSlices, sliceEnds } from "../../src/render/escape-slices.js";
import { escapeHtml } from "../../src/render/html-escape.js";
import { escapeCell, escapeInline, singleLine } from "../../src/render/markdown-escape.js";
import { prettyJson } from "../../src/render/report-json.js";

/** Characters every escape treats specially, with plain ones, pairs and lone surrogates. */
const ALPHABET = [
  ..."|\"'\\<>&_*`[]#~$@\t\n\r :/wW.www1209-+=)(中文a b",
  "\u2028",
  "\u202A",
  "\u00A0",
  "\u3000",
  "\uFEFF",
  "\u0000",
  "😀",
  "\uD800",
  "\uDC00",
  "://",
  "www.",
  "WwW.",
  "12. ",
];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 200 }).map((a) => a.join(""));

describe("escaping in slices", () => {
  it("gives the text escaped whole, for each report's escape and any slice size", () => {
    const jsonBody = (s: string) => JSON.stringify(s).slice(1, -1);
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), (s, size) => {
        // Below 64 K characters each escape works on the text whole: the reference.
        for (const escape of [escapeInline, escapeHtml, jsonBody, escapeCell, singleLine]) {
          expect(escapeInSlices(s, escape, size)).toBe(escape(s));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("never ends a slice inside a surrogate pair, and covers the text", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), (s, size) => {
        let start = 0;
        for (const end of sliceEnds(s, size)) {
          expect(end).toBeGreaterThan(start);
          const code = s.charCodeAt(end - 1);
          if (end < s.length) expect(code >= 0xd800 && code <= 0xdbff).toBe(false);
          start = end;
        }
        expect(start).toBe(s.length);
      }),
    );
  });

  it("escapes a long text of characters to escape in slices of about 64 K characters", () => {
    const long = '|"\\<&_*\t中'.repeat(100_000);
    const slices = [...escapedSlices(long, escapeInline)];
    expect(slices.length).toBeGreaterThan(10);
    expect(Math.max(...slices.map((s) => s.length))).toBeLessThan(4 * 65_536);
    expect(slices.join("")).toBe(escapeInline(long));
    expect(escapeInline(long)).toBe('\\|"\\\\&lt;&amp;\\_\\* 中'.repeat(100_000));
  });

  it("writes a long JSON text as JSON.stringify does", () => {
    const long = '"\\\t<\uD83D\uDE00x'.repeat(50_000);
    expect([...prettyJson({ note: long }, "")].join("")).toBe(
      JSON.stringify({ note: long }, null, 2),
    );
  });
});
