// A comment that closes the `answers:` map (indented as its entries, after them) stays under
// `answers:` when a command adds a top-level entry after it, also when a blank line sets it off.
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { editedText } from "../../src/core/edited-text.js";
import { editedBy } from "../helpers.js";

function withMigrated(text: string): string {
  return editedBy(text, (doc) =>
    doc.set("migrated", doc.createNode([{ from: "1.0.0", to: "1.1.0" }], { flow: true })),
  );
}

describe("a closing comment under answers:", () => {
  it.each([
    ["right after the last answer", "  M01.Q1: { value: 1 }\n  # closing remark\n"],
    ["after a blank line", "  M01.Q1: { value: 1 }\n\n  # closing remark\n"],
    ["after two blank lines, in two parts", "  M01.Q1: { value: 1 }\n\n\n  # one\n\n  # two\n"],
  ])("%s stays above the new entry", (_, answers) => {
    const text = `format: netdz-answers/1\nanswers:\n${answers}`;
    expect(withMigrated(text)).toBe(`${text}migrated: [ { from: 1.0.0, to: 1.1.0 } ]\n`);
  });

  it("a blank line then an unindented comment: the new entry goes before the blank line", () => {
    const text = "answers:\n  M01.Q1: { value: 1 }\n\n# about the file\n";
    expect(withMigrated(text)).toBe(
      "answers:\n  M01.Q1: { value: 1 }\nmigrated: [ { from: 1.0.0, to: 1.1.0 } ]\n\n# about the file\n",
    );
  });
});

describe("a file ending in a closing comment without a final line end", () => {
  it("gets two new top-level entries on consecutive lines, no blank line between", () => {
    const text = "answers:\n  M01.Q1: { value: 1 }\n  # closing";
    const before = parseDocument(text, { uniqueKeys: true });
    const after = parseDocument(text, { uniqueKeys: true });
    after.set("retired", after.createNode({ "M02.Q3": { version: "1.0.0" } }, { flow: true }));
    after.set("migrated", after.createNode([{ from: "1.0.0" }], { flow: true }));
    expect(editedText(text, before, after)).toBe(
      `${text}\nretired: { M02.Q3: { version: 1.0.0 } }\nmigrated: [ { from: 1.0.0 } ]\n`,
    );
  });
});
