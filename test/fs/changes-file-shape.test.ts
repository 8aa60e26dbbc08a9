import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import { FIXTURES, tempDir } from "../helpers.js";

/** Version 1.2.0 of the three-version fixture set, copied to a temp folder. */
function copyLatest(): string {
  const root = path.join(tempDir(), "sets");
  cpSync(path.join(FIXTURES, "versions", "mini"), path.join(root, "mini"), { recursive: true });
  return path.join(root, "mini", "1.2.0");
}

describe("a changes.yaml that is not a map", () => {
  it.each([
    ["empty", ""],
    ["only a comment", "# nothing yet\n"],
    ["null", "null\n"],
    ["a list", "- rename: { from: M02.Q4, to: M02.Q5 }\n"],
    ["a scalar", "just words\n"],
  ])("%s: one located problem at 1:1, no crash", async (_name, text) => {
    const dir = copyLatest();
    writeFileSync(path.join(dir, "changes.yaml"), text);
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.set).toBeUndefined();
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({ file: "changes.yaml", line: 1, column: 1, severity: "error" }),
    ]);
  });
});
