import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrate } from "../../src/commands/migrate.js";
import { captureIo, editFile, FIXTURES, tempDir } from "../helpers.js";

const SETS = path.join(FIXTURES, "versions");
const ENV = { SOURCE_DATE_EPOCH: "1764576000" };

function fixtureAnswers(dir: string, edit?: (text: string) => string): string {
  const file = path.join(dir, "answers.yaml");
  const text = readFileSync(path.join(SETS, "answers-1.0.0.yaml"), "utf8");
  writeFileSync(file, edit ? edit(text) : text);
  return file;
}

describe("netdz migrate: the account", () => {
  it("refuses an earlier backup that differs before printing any of the account", async () => {
    const dir = tempDir();
    fixtureAnswers(dir);
    writeFileSync(path.join(dir, "answers.1.0.0.yaml"), "an older copy\n");
    const io = captureIo(dir, ENV);
    await expect(
      migrate({ answers: "answers.yaml", lang: "en", measures: SETS }, io),
    ).rejects.toThrow("answers.1.0.0.yaml already exists");
    expect(io.out()).toBe("");
  });

  it("counts only answers as carried over, not entries left with a note or a review mark", async () => {
    const dir = tempDir();
    // M02.Q1 carries over as it is; M02.Q2 holds only a note and a review mark.
    fixtureAnswers(dir, (t) =>
      t.replace(
        "M02.Q2: { status: in_progress }",
        "M02.Q2: { note: ask the land office, review: true }",
      ),
    );
    const io = captureIo(dir, ENV);
    await migrate(
      { answers: "answers.yaml", lang: "en", measures: SETS, to: "1.1.0", dryRun: true },
      io,
    );
    expect(io.out()).toContain("\n1 answer carried over as it was.\n");
  });

  it("tells a moved answer that no longer fits in one line, not as moved and then cleared", async () => {
    const root = path.join(tempDir(), "sets");
    cpSync(path.join(SETS, "mini"), path.join(root, "mini"), { recursive: true });
    // M01.Q3 (a choice) moves to M02.Q4, which becomes a yes/no question in 1.1.0.
    const q4 = path.join(root, "mini", "1.1.0", "m02-second.yaml");
    editFile(q4, /(- id: M02\.Q4\n {4}type: )choice/, "$1yesno");
    editFile(q4, /(- id: M02\.Q4\n[\s\S]*?)\n {4}options:\n(?: {6}.*\n)+/, "$1\n");
    const dir = tempDir();
    fixtureAnswers(dir);
    for (const lang of ["en", "zh"] as const) {
      const io = captureIo(dir, ENV);
      await migrate(
        { answers: "answers.yaml", lang, measures: root, to: "1.1.0", dryRun: true },
        io,
      );
      const lines = io
        .out()
        .split("\n")
        .filter((l) => l.includes("M02.Q4"));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^ {2}M01\.Q3 → M02\.Q4[:：]/);
      expect(lines[0]).toMatch(lang === "en" ? /cleared and marked for review/ : /已清空/);
      expect(lines[0]).not.toMatch(/as it is|原样/);
    }
  });
});
