import { describe, expect, it } from "vitest";
import { CONTROL_CHARACTER } from "../../src/core/yaml-source.js";
import { typedText } from "../../src/prompts/typed-text.js";

describe("typedText: a typed line as it is meant", () => {
  it.each([
    ["Hill Park", "Hill Park"],
    ["  spaces kept\tand a tab  ", "  spaces kept\tand a tab  "],
    ["line one\nline two\r\n", "line one\nline two\r\n"],
    ["abcX\u007f", "abc"],
    ["abcX\b", "abc"],
    ["xyz\u007f\u007f\u007fjiangs", "jiangs"],
    ["\u007f\u007fab", "ab"],
    ["苏州🏭\u007f园区", "苏州园区"],
    ["ab\u0007c\u0001d\u001be\u0000", "abcde"],
    ["C1 \u0086dropped \u009f\u0080", "C1 dropped "],
    ["NEL\u0085LS\u2028PS\u2029end", "NEL\nLS\nPS\nend"],
  ])("%j → %j", (raw, meant) => {
    expect(typedText(raw)).toBe(meant);
  });

  it("never leaves a character an answers file may not hold", () => {
    let all = "";
    for (let code = 0; code < 0x100; code++) all += String.fromCharCode(code);
    expect(CONTROL_CHARACTER.test(typedText(all))).toBe(false);
    expect(CONTROL_CHARACTER.test(typedText(`a${all}b${all}`))).toBe(false);
  });
});
