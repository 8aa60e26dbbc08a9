import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/core/model.js";
import { formatGithub, formatJson, formatText } from "../../src/render/diagnostics.js";

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
