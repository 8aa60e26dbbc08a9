/** How validate words a date written as a number and a list item, in en and zh. */
import { describe, expect, it } from "vitest";
import { checkAnswersFile } from "../../src/fs/answers-loader.js";
import { messageIn } from "../../src/render/diagnostics.js";
import { copyMiniAnswers, editFile } from "../helpers.js";

async function problemsAfter(from: string, to: string) {
  const { file, measuresDir, cwd } = copyMiniAnswers();
  editFile(file, from, to);
  return (await checkAnswersFile(file, { cwd, measuresDir })).diagnostics;
}

describe("validate's words", () => {
  it("asks for a date like 2025-05-21 when due is written as a bare number", async () => {
    const [problem, ...rest] = await problemsAfter(
      "M01.Q3: { status: unknown }",
      "M01.Q3: { status: unknown, due: 20261231 }",
    );
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: "schema/type", line: 14 });
    expect(messageIn(problem!, "en")).toBe(
      "Due of answer M01.Q3 must be a text: write a date like 2025-05-21",
    );
    expect(messageIn(problem!, "zh")).toBe(
      "回答 M01.Q3 的完成时限（due）必须是文字：请写成形如 2025-05-21 的日期",
    );
  });

  it("counts a list item from 1", async () => {
    const [problem] = await problemsAfter(
      "evidence: [https://example.org/doc.pdf]",
      'evidence: [https://example.org/doc.pdf, ""]',
    );
    expect(messageIn(problem!, "en")).toBe("Evidence item 2 of answer M01.Q1 must not be empty");
    expect(messageIn(problem!, "zh")).toContain("evidence 第 2 项");
  });
});
