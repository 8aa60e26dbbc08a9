import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AnswersStore } from "../../src/fs/answers-store.js";
import { tempDir } from "../helpers.js";

describe("a new answers file started by assess", () => {
  it.each([
    ["en", "# For checks and completion in your editor, save the schema beside this file:"],
    ["zh", "# 如需在编辑器中检查和补全，请把 schema 保存到本文件旁边："],
  ] as const)("has its header comment in the session's language (%s)", async (lang, first) => {
    const file = path.join(tempDir(), "zone.yaml");
    await AnswersStore.create(file, { measureSet: { id: "mini", version: "1.0.0" }, lang });
    const text = readFileSync(file, "utf8");
    expect(text.split("\n")[0]).toBe(first);
    expect(text).toMatch(/^format: netdz-answers\/1$/m);
  });
});
