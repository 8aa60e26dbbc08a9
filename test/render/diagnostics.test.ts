import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/core/model.js";
import { DIAGNOSTIC_MESSAGES } from "../../src/i18n/diagnostic-messages.js";
import {
  formatDiagnostics,
  formatGithub,
  formatJson,
  formatText,
  messageIn,
} from "../../src/render/diagnostics.js";

const diagnostics: Diagnostic[] = [
  {
    file: "b.yaml",
    line: 2,
    column: 1,
    severity: "warning",
    code: "set/empty-area",
    message: "area x has no measures",
  },
  {
    file: "a.yaml",
    line: 10,
    column: 3,
    severity: "error",
    code: "set/weight",
    message: "weight must be > 0,\nnot 0",
  },
  {
    file: "a.yaml",
    line: 2,
    column: 9,
    severity: "error",
    code: "schema/type",
    message: "50% done: bad",
  },
];

describe("diagnostic formats", () => {
  it("prints text lines sorted by file, line and column, each on one line", () => {
    expect(formatText(diagnostics)).toBe(
      [
        "a.yaml:2:9  error  schema/type  50% done: bad",
        "a.yaml:10:3  error  set/weight  weight must be > 0, not 0",
        "b.yaml:2:1  warning  set/empty-area  area x has no measures",
        "",
      ].join("\n"),
    );
  });

  it("prints a JSON array in the same order", () => {
    const parsed = JSON.parse(formatJson(diagnostics)) as Diagnostic[];
    expect(parsed.map((d) => `${d.file}:${d.line}`)).toEqual(["a.yaml:2", "a.yaml:10", "b.yaml:2"]);
    expect(parsed[0]).toEqual(diagnostics[2]);
  });

  it("prints GitHub annotations with data and properties escaped", () => {
    const lines = formatGithub([
      ...diagnostics,
      { file: "c,d:e.yaml", line: 1, column: 1, severity: "error", code: "x", message: "m" },
    ]).split("\n");
    expect(lines[0]).toBe("::error file=a.yaml,line=2,col=9::schema/type 50%25 done: bad");
    expect(lines[1]).toBe(
      "::error file=a.yaml,line=10,col=3::set/weight weight must be > 0,%0Anot 0",
    );
    expect(lines[2]).toBe(
      "::warning file=b.yaml,line=2,col=1::set/empty-area area x has no measures",
    );
    expect(lines[3]).toBe("::error file=c%2Cd%3Ae.yaml,line=1,col=1::x m");
  });

  it("prints nothing when there is nothing to say", () => {
    expect(formatText([])).toBe("");
    expect(formatJson([])).toBe("[]\n");
  });
});

describe("diagnostic messages in the chosen language", () => {
  const translated: Diagnostic = {
    file: "m.yaml",
    line: 3,
    column: 5,
    severity: "error",
    code: "set/weight",
    message: "question weight must be greater than 0, not 0",
    text: { id: "set/weight", params: { what: "question", weight: 0 } },
  };

  it("prints the Chinese message with the same code in every format", () => {
    expect(formatText([translated], undefined, "zh")).toBe(
      "m.yaml:3:5  error  set/weight  问题权重必须大于 0，而不是 0\n",
    );
    expect(JSON.parse(formatJson([translated], "zh"))).toEqual([
      {
        file: "m.yaml",
        line: 3,
        column: 5,
        severity: "error",
        code: "set/weight",
        message: "问题权重必须大于 0，而不是 0",
      },
    ]);
    expect(formatGithub([translated], "zh")).toBe(
      "::error file=m.yaml,line=3,col=5::set/weight 问题权重必须大于 0，而不是 0\n",
    );
    expect(formatDiagnostics([translated], "text", undefined, "zh")).toContain("问题权重");
  });

  it("prints English by default, from the same table", () => {
    expect(formatText([translated])).toBe(
      "m.yaml:3:5  error  set/weight  question weight must be greater than 0, not 0\n",
    );
    expect(messageIn(translated, "en")).toBe(translated.message);
  });

  it("falls back to the English message of a diagnostic that has no message id", () => {
    expect(messageIn(diagnostics[0] as Diagnostic, "zh")).toBe("area x has no measures");
  });
});

describe("the message table", () => {
  it("has the same messages in both languages", () => {
    const ids = Object.keys(DIAGNOSTIC_MESSAGES.en).sort();
    expect(Object.keys(DIAGNOSTIC_MESSAGES.zh).sort()).toEqual(ids);
    expect(ids.length).toBeGreaterThan(60);
  });
});
