import { describe, expect, it } from "vitest";
import { firstError, PROBLEM_LIMIT_CODE } from "../../src/core/diagnostic-filter.js";
import type { Diagnostic } from "../../src/core/model.js";

function d(line: number, column: number, code: string, severity: "error" | "warning" = "error") {
  return { file: "z.yaml", line, column, code, severity, message: code } satisfies Diagnostic;
}

describe("firstError: the problem a file left out is listed with", () => {
  it.each<[string, Diagnostic[], string | undefined]>([
    ["none", [], undefined],
    ["only warnings", [d(1, 1, "w", "warning")], undefined],
    ["the first by line", [d(9, 3, "b"), d(4, 7, "a"), d(12, 1, "c")], "a"],
    ["the first by column on one line", [d(4, 9, "b"), d(4, 2, "a")], "a"],
    ["a warning before it is skipped", [d(1, 1, "w", "warning"), d(3, 1, "a")], "a"],
    [
      "the limit notice at the top is never taken over a real problem",
      [d(9, 1, PROBLEM_LIMIT_CODE), d(1410, 5, "schema/enum"), d(1411, 5, "schema/enum")],
      "schema/enum",
    ],
    [
      "the limit notice given last is still not the first",
      [d(1410, 5, "schema/enum"), d(1, 1, PROBLEM_LIMIT_CODE)],
      "schema/enum",
    ],
    ["the limit notice alone is taken", [d(9, 1, PROBLEM_LIMIT_CODE)], PROBLEM_LIMIT_CODE],
  ])("%s", (_name, diagnostics, code) => {
    expect(firstError(diagnostics)?.code).toBe(code);
  });

  it("picks the earliest place among equal codes", () => {
    const first = firstError([d(1411, 5, "x"), d(9, 1, PROBLEM_LIMIT_CODE), d(1410, 5, "x")]);
    expect([first?.line, first?.column]).toEqual([1410, 5]);
  });

  it("at one place, takes the one validate prints first: by code, then message", () => {
    const at = (code: string, message: string) => ({ ...d(26, 1, code), message });
    expect(
      firstError([at("yaml/syntax", "Flow sequence … ]"), at("yaml/syntax", "Flow map … }")])
        ?.message,
    ).toBe("Flow map … }");
    expect(firstError([at("yaml/syntax", "a"), at("yaml/duplicate-key", "b")])?.code).toBe(
      "yaml/duplicate-key",
    );
  });
});
