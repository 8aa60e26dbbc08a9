// A file written as JSON stays JSON when a command edits it (assess, migrate): the splicer's YAML
// edits (plain scalars, unquoted keys) would leave a file that JSON readers reject. Its layout is
// kept: indent, one-line collections, spacing, line ends, final newline.
import { describe, expect, it } from "vitest";
import { isJsonObjectText } from "../../src/core/edited-text.js";
import { editedBy } from "../helpers.js";

const PRETTY = `{
  "format": "netdz-answers/1",
  "measureSet": { "id": "mini", "version": "1.0.0" },
  "zone": { "name": "Test Zone", "province": "Jiangsu" },
  "answers": {
    "M01.Q1": { "status": "implemented", "answeredAt": "2026-01-01T00:00:00Z" },
    "M01.Q3": { "value": 7 }
  }
}
`;

describe("editedText of a JSON answers file", () => {
  it("changes a value and keeps every other line as it was", () => {
    const out = editedBy(PRETTY, (doc) => doc.setIn(["answers", "M01.Q3", "value"], 8));
    expect(JSON.parse(out)).toMatchObject({ answers: { "M01.Q3": { value: 8 } } });
    expect(out).toBe(PRETTY.replace('"value": 7', '"value": 8'));
  });

  it("writes a new answer, a list and a text needing escapes as JSON, on one line like its neighbours", () => {
    const note = 'said "done"\ttoday: #1';
    const out = editedBy(PRETTY, (doc) =>
      doc.setIn(["answers", "M02.Q1"], { status: "planned", evidence: ["a b.pdf"], note }),
    );
    expect(JSON.parse(out).answers["M02.Q1"]).toEqual({
      status: "planned",
      evidence: ["a b.pdf"],
      note,
    });
    expect(out).toContain(
      `    "M02.Q1": { "status": "planned", "evidence": [ "a b.pdf" ], "note": ${JSON.stringify(note)} }\n`,
    );
    expect(out.split("\n")).toHaveLength(PRETTY.split("\n").length + 1);
  });

  it("keeps a four-space or tab indent, CRLF line ends and no final newline", () => {
    for (const indent of ["    ", "\t"]) {
      const text = `{\r\n${indent}"format": "netdz-answers/1",\r\n${indent}"answers": {\r\n${indent}${indent}"M01.Q1": {\r\n${indent}${indent}${indent}"value": 1\r\n${indent}${indent}}\r\n${indent}}\r\n}`;
      const out = editedBy(text, (doc) => doc.setIn(["answers", "M01.Q1", "value"], 2));
      expect(out).toBe(text.replace('"value": 1', '"value": 2'));
    }
  });

  it("keeps a one-line file on one line, unpadded as it was", () => {
    const text = '{"format":"netdz-answers/1","zone":{"name":"Z"},"answers":{}}\n';
    const out = editedBy(text, (doc) => {
      doc.setIn(["zone", "province"], "jiangsu");
      doc.set("migrated", [{ from: "1.0.0", to: "1.1.0" }]);
    });
    expect(out).toBe(
      '{"format":"netdz-answers/1","zone":{"name":"Z","province":"jiangsu"},"answers":{},"migrated":[{"from":"1.0.0","to":"1.1.0"}]}\n',
    );
  });

  it("keeps the text of what did not change byte for byte: unspaced objects, escapes, number spellings", () => {
    const text = `{
  "format": "netdz-answers/1",
  "zone": { "name": "\\u6d4b\\u8bd5\\u533a", "province": "Jiangsu" },
  "answers": {
    "M01.Q1": {"status":"implemented"},
    "M01.Q2": {"value":1.0},
    "M01.Q3": {"value":12345678901234567890},
    "M01.Q4": {"value":7}
  }
}
`;
    const out = editedBy(text, (doc) => doc.setIn(["answers", "M01.Q4", "value"], 8));
    expect(out).toBe(text.replace('"value":7', '"value":8'));
  });

  it("writes a changed or new one-line object spaced as it or its neighbours were, escaping as the file does", () => {
    const text = `{
  "format": "netdz-answers/1",
  "zone": { "name": "\\u6d4b\\u8bd5" },
  "answers": {
    "M01.Q1": {"status":"implemented"}
  }
}
`;
    const out = editedBy(text, (doc) => {
      doc.setIn(["answers", "M01.Q1", "note"], "已完成");
      doc.setIn(["answers", "M02.Q1"], { status: "planned" });
    });
    expect(JSON.parse(out).answers["M01.Q1"].note).toBe("已完成");
    expect(out).toContain(
      '    "M01.Q1": {"status":"implemented","note":"\\u5df2\\u5b8c\\u6210"},\n',
    );
    expect(out).toContain('    "M02.Q1": {"status":"planned"}\n');
    expect(out).toContain('"name": "\\u6d4b\\u8bd5"');
  });

  it("keeps the text of an answer moved to another key (renamed or retired): its digits and spelling", () => {
    const text =
      '{"format":"netdz-answers/1","answers":{"M01.Q3":{"value":"full","x-b":123456789012345678901234567890,"x-n":1.0}}}';
    const out = editedBy(text, (doc) => {
      const answer = doc.getIn(["answers", "M01.Q3"]);
      doc.deleteIn(["answers", "M01.Q3"]);
      doc.setIn(["answers", "M02.Q4"], answer);
      doc.set("retired", { "M01.Q3": { version: "1.0.0", answer: doc.toJS().answers["M02.Q4"] } });
    });
    expect(out).toBe(
      '{"format":"netdz-answers/1","answers":{"M02.Q4":{"value":"full","x-b":123456789012345678901234567890,"x-n":1.0}},"retired":{"M01.Q3":{"version":"1.0.0","answer":{"value":"full","x-b":123456789012345678901234567890,"x-n":1.0}}}}',
    );
  });

  it("spaces a one-line collection as it is spaced itself, not as one inside it", () => {
    const text =
      '{"format":"netdz-answers/1","measureSet":{"version":"1.0.0"},"answers":{"M02.Q1":{ "value" : true}}}\n';
    const out = editedBy(text, (doc) => doc.setIn(["measureSet", "version"], "1.1.0"));
    expect(out).toBe(text.replace("1.0.0", "1.1.0"));
  });

  it("removes an entry without leaving a trailing comma", () => {
    const out = editedBy(PRETTY, (doc) => doc.deleteIn(["answers", "M01.Q3"]));
    expect(() => JSON.parse(out) as unknown).not.toThrow();
    expect(out).not.toContain("M01.Q3");
  });
});

describe("isJsonObjectText", () => {
  it.each([
    ["{}", true],
    [' \n{ "a": [1, 2] }\n', true],
    ["[1]", false],
    ["null", false],
    ["{ a: 1 }", false], // YAML flow, not JSON
    ["format: netdz-answers/1\n", false],
    ['{ "a": 1 } # a comment', false],
  ])("%j → %s", (text, json) => {
    expect(isJsonObjectText(text)).toBe(json);
  });

  it("a YAML file is still spliced, not rewritten", () => {
    const text = "format: netdz-answers/1\nanswers:\n  M01.Q1: {value: 1}   # kept\n";
    expect(editedBy(text, (doc) => doc.setIn(["answers", "M01.Q1", "value"], 2))).toBe(
      text.replace("value: 1", "value: 2"),
    );
  });
});
