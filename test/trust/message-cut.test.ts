import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { limitPerFile, MAX_MESSAGE_CHARS } from "../../src/core/diagnostic-filter.js";
import type { Diagnostic } from "../../src/core/model.js";
import { copyMiniSet } from "../helpers.js";
import { run } from "../fs/run.js";

const at = { file: "f.yaml", line: 1, column: 1, severity: "error" as const, code: "x/y" };

describe("long messages: quoted excerpts are cut, advice never", () => {
  it("cuts a huge quoted value and keeps the words after it", () => {
    const d: Diagnostic = {
      ...at,
      message: `Field "${"x".repeat(5000)}" does not have the expected form; write it as 2025-05-21`,
    };
    const [shown] = limitPerFile([d]).shown;
    expect(shown?.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(shown?.message).toMatch(
      /^Field "x+…" does not have the expected form; write it as 2025-05-21$/,
    );
  });

  it("never cuts a long message that quotes nothing long", () => {
    const message = `${"advice ".repeat(60)}Save as UTF-8`;
    expect(limitPerFile([{ ...at, message }]).shown[0]?.message).toBe(message);
  });

  it("a not-UTF-8 file with a long name in a set folder keeps its Save-as advice", async () => {
    const { setDir } = copyMiniSet();
    const file = path.join(
      setDir,
      "m09-a-measure-file-with-a-long-name-saved-by-notepad-from-the-planning-office.yaml",
    );
    writeFileSync(
      file,
      Buffer.from([...Buffer.from("format: netdz-measure/1\nid: M09\ntitle: "), 0xb2, 0xe2, 0x0a]),
    );
    for (const lang of ["en", "zh"]) {
      const result = await run(["validate", ".", "--lang", lang], setDir);
      const line = result.out.split("\n").find((l) => l.includes("file/not-utf8")) ?? "";
      expect(line.length).toBeGreaterThan(MAX_MESSAGE_CHARS);
      expect(line).toMatch(lang === "en" ? /"Save as" with the encoding UTF-8$/ : /编码选 UTF-8$/);
      expect(line).not.toMatch(/…/);
    }
  });
});
