import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrate } from "../../src/commands/migrate.js";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import { diagnosticMessage } from "../../src/i18n/diagnostic-messages.js";
import { captureIo, FIXTURES, positionIn, tempDir } from "../helpers.js";

// A fictional province set `prov` (1.0.0 extends mini@1.0.0, 1.1.0 extends mini@1.1.0) whose own
// changes.yaml names what it takes from its base: an extending set can neither remove nor change
// the national questions and profile fields, so each such entry is one problem at the entry.
function provWithChanges(entries: string): { sets: string; file: string } {
  const sets = path.join(tempDir(), "sets");
  cpSync(path.join(FIXTURES, "versions-extends"), sets, { recursive: true });
  const file = path.join(sets, "prov", "1.1.0", "changes.yaml");
  writeFileSync(file, `format: netdz-changes/1\nfrom: 1.0.0\nchanges:\n${entries}`);
  return { sets, file };
}

describe("an extending set's changes.yaml naming the base's questions or profile fields", () => {
  it("is an extends-change error at each entry, and nothing else", async () => {
    const { sets, file } = provWithChanges(
      [
        "  - reword: M01.Q4",
        "  - retire: { id: M01.Q1, reason: { en: gone, zh: 删除 } }",
        "  - profile: { field: province, map: { Jiangsu: zj } }",
        "  - rescale: { id: M02.Q4, note: { en: other options, zh: 选项不同 } }",
        "",
      ].join("\n"),
    );
    const loaded = await loadSetFolder(path.join(sets, "prov", "1.1.0"), sets);
    expect(loaded.set).toBeUndefined();
    const at = (needle: string) => ({ file: "changes.yaml", ...positionIn(file, needle) });
    expect(
      loaded.diagnostics.map((d) => ({
        file: path.basename(d.file),
        line: d.line,
        column: d.column,
        code: d.code,
      })),
    ).toEqual([
      { ...at("M01.Q4"), code: "set/extends-change" },
      { ...at("M01.Q1"), code: "set/extends-change" },
      { ...at("province"), code: "set/extends-change" },
      { ...at("M02.Q4"), code: "set/extends-change" },
    ]);
    expect(loaded.diagnostics[1]?.message).toBe(
      "M01.Q1 is a question of mini@1.1.0, which this set extends; a set that extends another can neither remove nor change its questions, so this changes.yaml cannot retire it (what changes in mini@1.1.0 is said by its own changes.yaml)",
    );
    const text = loaded.diagnostics[2]?.text;
    expect(text && diagnosticMessage(text, "zh")).toBe(
      "画像字段“province”属于本清单所扩展的 mini@1.1.0；其旧值由 mini@1.1.0 自己的 changes.yaml 中的对应表转换，扩展清单不能为其另设对应表",
    );
  });

  it("a rename onto a national id is the same problem, at that id; its own questions are fine", async () => {
    const { sets, file } = provWithChanges(
      "  - rename: { from: P-M01.Q0, to: M01.Q2 }\n  - reword: P-M01.Q1\n",
    );
    const loaded = await loadSetFolder(path.join(sets, "prov", "1.1.0"), sets);
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({ code: "set/extends-change", ...positionIn(file, "M01.Q2") }),
    ]);
  });

  it("migrate refuses the set, so no answer is moved to another province", async () => {
    const { sets } = provWithChanges("  - profile: { field: province, map: { Jiangsu: zj } }\n");
    const dir = path.dirname(sets);
    writeFileSync(
      path.join(dir, "a.yaml"),
      "format: netdz-answers/1\nmeasureSet: { id: prov, version: 1.0.0 }\nzone: { province: Jiangsu }\nanswers: {}\n",
    );
    const io = captureIo(dir);
    await expect(
      migrate({ answers: "a.yaml", lang: "en", measures: sets, dryRun: true }, io),
    ).rejects.toMatchObject({
      exitCode: 1,
      diagnostics: [expect.objectContaining({ code: "set/extends-change" })],
    });
    expect(io.out()).toBe("");
  });
});
