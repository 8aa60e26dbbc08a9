import { cpSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import { diagnosticMessage } from "../../src/i18n/diagnostic-messages.js";
import { editFile, positionIn, ROOT, tempDir } from "../helpers.js";

// An `extends:` that is not in its form is one problem, with the form to write; the areas and
// bands the set would take from its base are not reported as follow-on problems.

function exampleWith(extendsValue: string): { dir: string; file: string } {
  const dir = path.join(tempDir(), "sets", "example-province", "1.0.0");
  cpSync(path.join(ROOT, "examples", "example-province", "1.0.0"), dir, { recursive: true });
  const file = path.join(dir, "set.yaml");
  editFile(file, "extends: { id: workplan-2025, version: 1.1.0 }", `extends: ${extendsValue}`);
  return { dir, file };
}

describe("a malformed extends:", () => {
  it.each([
    ["id@version", "workplan-2025@1.1.0", "{ id: workplan-2025, version: 1.1.0 }"],
    ["a list", "[]", "{ id: workplan-2025, version: 1.1.0 }"],
    ["another set's id@version", "other-set@2.0.0", "{ id: other-set, version: 2.0.0 }"],
  ])("written as %s is one problem with the form to write", async (_name, value, suggestion) => {
    const { dir, file } = exampleWith(value);
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({
        code: "schema/type",
        ...positionIn(file, value),
        message: `extends: names the set this one adds to by its id and version, as a mapping: extends: ${suggestion}`,
      }),
    ]);
    const text = loaded.diagnostics[0]?.text;
    expect(text && diagnosticMessage(text, "zh")).toBe(
      `extends: 应以映射写明所扩展清单的编号和版本：extends: ${suggestion}`,
    );
  });

  it("with a version that is not a version is the schema's one problem, not also a missing base", async () => {
    const { dir } = exampleWith("{ id: workplan-2025, version: latest }");
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(["schema/pattern"]);
  });
});
