import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth, wrap } from "../../src/prompts/layout.js";

const STARTS_BADLY = /^[，。、；：？！）》」』】〕”’]/u;

describe("wrap", () => {
  it("carries the character before closing punctuation down with it, never past the width", () => {
    const text = "区内龙头高新技术企业是否已与高校科研院所、共建研发平台。";
    // 20 columns: ten wide characters a line; 、 would be the 21st column of the second line.
    const lines = wrap(text, 20);
    for (const line of lines) {
      expect(displayWidth(line)).toBeLessThanOrEqual(20);
      expect(line).not.toMatch(STARTS_BADLY);
    }
    expect(lines.join("")).toBe(text);
    expect(lines).toEqual(["区内龙头高新技术企业", "是否已与高校科研院", "所、共建研发平台。"]);
  });

  it("keeps English words whole and punctuation on its word", () => {
    expect(wrap("The zone has a plan, and the plan is adopted.", 12)).toEqual([
      "The zone has",
      "a plan, and",
      "the plan is",
      "adopted.",
    ]);
  });

  it("never makes a line wider than the width, nor starts one with closing punctuation, nor loses a character", () => {
    const piece = fc.constantFrom(
      "区",
      "内",
      "企",
      "业",
      "，",
      "。",
      "、",
      "ab",
      "word",
      " ",
      "）",
      "》",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 80 }),
        fc.integer({ min: 10, max: 50 }),
        (parts, width) => {
          const text = parts.join("").replace(/\s+/g, " ").trim();
          const lines = wrap(text, width);
          for (const [i, line] of lines.entries()) {
            expect(displayWidth(line)).toBeLessThanOrEqual(width);
            // A line may start with closing punctuation only when the line before holds one
            // piece before its own punctuation (nothing could go down without cutting a word).
            const before = (lines[i - 1] ?? "").replace(/[，。、；：？！）》」』】〕”’\s]+$/u, "");
            const onePiece = /^(?:[^\s\p{Script=Han}]+|\p{Script=Han})$/u.test(before);
            if (i > 0 && !onePiece) expect(line).not.toMatch(STARTS_BADLY);
          }
          expect(lines.join("").replace(/ /g, "")).toBe(text.replace(/ /g, ""));
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it("never breaks inside a piece it is told to keep whole, unless the piece is wider than the line", () => {
    const options = [
      "zhejiang（浙江省）",
      "yunnan（云南省）",
      "qinghai（青海省）",
      "xpcc（新疆生产建设兵团）",
    ];
    const text = `${options.join(" | ")} — 所在省`;
    for (let width = 18; width <= 60; width++) {
      const lines = wrap(text, width, { unbroken: options });
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      const shown = lines.join("\n");
      for (const option of options) {
        if (displayWidth(option) <= width) expect(shown).toContain(option);
      }
      expect(lines.join("").replace(/ /g, "")).toBe(text.replace(/ /g, ""));
    }
    // Without the pieces, some width parts an option from its label.
    const parted = [18, 20, 24, 30, 36].some((width) =>
      options.some((option) => !wrap(text, width).join("\n").includes(option)),
    );
    expect(parted).toBe(true);
    // Wider than the line, a kept piece is cut rather than overflowing it.
    expect(
      wrap("新疆生产建设兵团新疆生产建设兵团", 10, {
        unbroken: ["新疆生产建设兵团新疆生产建设兵团"],
      }),
    ).toEqual(["新疆生产建", "设兵团新疆", "生产建设兵", "团"]);
  });
});
