import { describe, expect, it } from "vitest";
import { figure, scoreInItsBand } from "../../src/core/score.js";
import { oneDecimal, overallInItsBand, percent } from "../../src/render/aggregate-markdown.js";
import { rowDigits, signed } from "../../src/render/diff-markdown.js";

// The README's one rounding rule: one decimal, an exact half rounded up once floating-point noise
// is dropped, and a score never shown on a band it has not reached. aggregate and diff write
// their figures by it as the report does.
describe("aggregate and diff round as the report does", () => {
  it.each([1.25, 3.75, 0.35, 5.625, 79.95, 84.96, 99.99, 0, 100])("%d", (value) => {
    expect(oneDecimal(value)).toBe(figure(value));
    expect(percent(value / 100)).toBe(`${figure(value)}%`);
    expect(overallInItsBand(value)).toBe(scoreInItsBand(value));
  });

  it("rounds an exact half up, where toFixed would not", () => {
    expect((1.25).toFixed(1)).toBe("1.3");
    expect((0.35).toFixed(1)).toBe("0.3");
    expect(oneDecimal(0.35)).toBe("0.4");
    expect(percent(0.0035)).toBe("0.4%");
    expect(signed(0.35)).toBe("+0.4");
    expect(signed(-0.35)).toBe("\u22120.4");
  });

  it("never shows a zone's overall score on a band it has not reached", () => {
    // 84.96 is Advancing (65–85): 84.9, not 85.0, which would read as Leading.
    expect(overallInItsBand(84.96)).toBe("84.9");
    expect(oneDecimal(84.96)).toBe("85.0");
    expect(overallInItsBand(null)).toBe("—");
  });

  it("a diff row gets more decimals only where old and new would look alike", () => {
    expect(rowDigits(0.25, 0.35, 0.1)).toBe(1);
    expect(rowDigits(79.91, 79.94, 0.03)).toBe(2);
  });
});
