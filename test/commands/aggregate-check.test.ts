import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AnswersChecker } from "../../src/commands/aggregate-check.js";
import type { Workspace } from "../../src/fs/workspace.js";
import { tempDir } from "../helpers.js";

describe("an answers file that checks without an error but gives nothing to score", () => {
  it.each([
    ["en", "not a usable answers file"],
    ["zh", "不是可用的答卷文件"],
  ] as const)("is left out with a reason in %s", async (lang, reason) => {
    const dir = tempDir();
    const file = path.join(dir, "odd.yaml");
    writeFileSync(file, "format: netdz-answers/1\n");
    // A workspace whose check finds no error and yet returns no answers and no set.
    const ws = {
      cwd: dir,
      checkAnswers: () => Promise.resolve({ diagnostics: [] }),
    } as unknown as Workspace;
    const checked = await new AnswersChecker(ws, new Set([file]), lang).check(file);
    expect(checked.answersFile).toBe(true);
    expect(checked.zone).toBeUndefined();
    expect(checked.problem).toEqual({
      file: "odd.yaml",
      line: 1,
      column: 1,
      reason: { kind: "invalid", code: "answers/invalid", message: reason },
    });
  });
});
