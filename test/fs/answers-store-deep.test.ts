import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AnswersStore, ExternalEditError } from "../../src/fs/answers-store.js";
import { DataError } from "../../src/errors.js";
import { FIXTURES, tempDir } from "../helpers.js";

const deep = (n: number) => `notes: ${"[".repeat(n)}${"]".repeat(n)}\n`;

describe("an answers file nested too deep", () => {
  it("edited so during a session: the session stops with the reason and the file is left as it is", async () => {
    const file = path.join(tempDir(), "a.yaml");
    writeFileSync(file, readFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml")));
    const store = await AnswersStore.open(file);
    const edited = `${readFileSync(file, "utf8")}${deep(3000)}`;
    writeFileSync(file, edited);
    const error = await store
      .setAnswer("M01.Q3", { status: "planned" })
      .catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(ExternalEditError);
    expect((error as ExternalEditError).reason).toContain("nested more than 100 levels");
    expect(readFileSync(file, "utf8")).toBe(edited);
  });

  it("when opened: one located problem, in the language asked for", async () => {
    const file = path.join(tempDir(), "a.yaml");
    writeFileSync(file, `a: 1\n${deep(3000)}`);
    const error = await AnswersStore.open(file, "zh").catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).diagnostics).toMatchObject([
      { file, line: 2, column: 107, code: "yaml/too-deep" },
    ]);
    expect((error as DataError).message).toContain("嵌套超过 100 层");
  });
});
