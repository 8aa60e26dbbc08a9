import { describe, expect, it } from "vitest";
import { declaredFormat } from "../../src/core/file-format.js";

describe("declaredFormat of a text that does not parse", () => {
  it.each([
    ["format: netdz-answers/1\nx: [", "netdz-answers/1"],
    ['format: "netdz-answers/1"\nx: [', "netdz-answers/1"],
    ['"format": netdz-answers/1\nx: [', "netdz-answers/1"],
    ["'format': 'netdz-answers/1'  # c\nx: [", "netdz-answers/1"],
    ["format :  netdz-answers/1\nx: [", "netdz-answers/1"],
    ["\ufeffformat: netdz-measure/1\nx: [", "netdz-measure/1"],
    ["# head\nformat:\n  netdz-answers/1\nx: [", "netdz-answers/1"],
    ["format: # the kind of file\n\n  # below\n  netdz-answers/1\r\nx: [", "netdz-answers/1"],
    ["measureSet: { id: a }\nformat: netdz-answers/1\nx: [", "netdz-answers/1"],
    ["  format: netdz-answers/1\nx: [", undefined], // not at the top level
    ["# format: netdz-answers/1\nx: [", undefined], // a comment
    ["formats: netdz-answers/1\nx: [", undefined],
    ["format:\nnetdz-answers/1\nx: [", undefined], // not indented: no value of `format`
  ])("%j declares %s", (text, format) => {
    expect(declaredFormat(text)).toBe(format);
  });
});
