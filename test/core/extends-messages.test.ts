import { cpSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { report } from "../../src/commands/report.js";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import { captureIo, editFile, FIXTURES, positionIn, ROOT, tempDir } from "../helpers.js";

const EXAMPLES = path.join(ROOT, "examples");

function copyExample(): { root: string; dir: string } {
  const root = path.join(tempDir(), "sets");
  cpSync(path.join(EXAMPLES, "example-province"), path.join(root, "example-province"), {
    recursive: true,
  });
  return { root, dir: path.join(root, "example-province", "1.0.0") };
}

describe("an extending set's messages", () => {
  it("names only the missing base, without the follow-on problems it causes", async () => {
    const { dir } = copyExample();
    editFile(path.join(dir, "set.yaml"), "version: 1.1.0 }", "version: 9.9.0 }");
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(["set/extends-base"]);
  });

  it("says a set that extends itself does so", async () => {
    const { dir } = copyExample();
    editFile(
      path.join(dir, "set.yaml"),
      "extends: { id: workplan-2025, version: 1.1.0 }",
      "extends: { id: example-province, version: 1.0.0 }",
    );
    const loaded = await loadSetFolder(dir, dir);
    const problem = loaded.diagnostics.find((d) => d.code === "set/extends-base");
    expect(problem?.message).toContain("extends itself");
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(["set/extends-base"]);
  });

  it("refuses added measures that mix prefixes, at the second one's id", async () => {
    const { dir } = copyExample();
    const file = path.join(dir, "ex-m02-river-port.yaml");
    editFile(file, /EX-M02/g, "JS-M02");
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({
        file: "ex-m02-river-port.yaml",
        severity: "error",
        code: "set/extends-prefix",
        ...positionIn(file, "JS-M02"),
      }),
    );
    expect(loaded.diagnostics.find((d) => d.code === "set/extends-prefix")?.message).toContain(
      "EX-",
    );
  });

  it("names the national and the provincial plan document in the report", async () => {
    const answers = path.join(EXAMPLES, "answers", "example-province-answers.yaml");
    const io = captureIo(ROOT);
    await report({ answers, measures: EXAMPLES, lang: "en", format: "md", top: 5 }, io);
    const line = io
      .out()
      .split("\n")
      .find((l) => l.includes("Plan document"));
    expect(line).toContain("商资函〔2025〕132号");
    expect(line).toContain("示例商发〔2025〕0号");
  });
});

describe("a reword of an id that is a question of neither version", () => {
  it("is told once", async () => {
    const root = path.join(tempDir(), "sets");
    cpSync(path.join(FIXTURES, "versions", "mini"), path.join(root, "mini"), { recursive: true });
    const dir = path.join(root, "mini", "1.1.0");
    editFile(
      path.join(dir, "changes.yaml"),
      "  - reword: M01.Q1\n",
      "  - reword: M01.Q1\n  - reword: M01.Q99\n",
    );
    const loaded = await loadSetFolder(dir, dir);
    const unknown = loaded.diagnostics.filter((d) => d.code === "changes/unknown-id");
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.message).toContain("mini@1.1.0");
  });
});
