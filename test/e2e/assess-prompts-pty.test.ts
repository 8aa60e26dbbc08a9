/**
 * The prompts that follow a choice in `netdz assess` (owner, due date, the not-applicable
 * justification, a note, evidence), in a 60-column pseudo-terminal: Escape at each goes back to
 * the question's list with the answer as it was before, and every prompt's message is wrapped to
 * the terminal's width. Needs `dist/` (`npm test` builds first).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { assessMessages } from "../../src/i18n/assess-messages.js";
import { displayWidth } from "../../src/prompts/layout.js";
import { tempDir } from "../helpers.js";
import { answersOf, builtCliExists, KEYS, PtySession, writeTinySet } from "./pty.js";

const COLUMNS = 60;
const sessions: PtySession[] = [];

beforeAll(() => {
  if (!builtCliExists()) throw new Error("dist/ is missing: run `npm run build` first");
});

afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

/**
 * The prompt drawn last (from its "? " on) is wrapped as question texts are: each line within the
 * screen's width (one column less than the terminal's; Inquirer itself cuts lines at the
 * terminal's width, in the middle of a word), and no word of its message cut.
 */
function expectPromptWrapped(text: string, start: string, message: string): void {
  const at = text.lastIndexOf(`? ${start}`);
  expect(at, `prompt "${start}" drawn`).toBeGreaterThanOrEqual(0);
  const lines = text
    .slice(at)
    .split("\n")
    .filter((line) => line.trim() !== "");
  for (const line of lines) expect(displayWidth(line), line).toBeLessThan(COLUMNS);
  const words = lines.join(" ").split(/\s+/);
  for (const word of message.split(" ").filter((w) => /^[!-~]+$/.test(w)))
    expect(words, `"${word}" of "${message}"`).toContain(word);
}

describe("netdz assess prompts at 60 columns", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`Escape at the owner, due-date, justification and note prompts changes nothing (${lang})`, async () => {
      const dir = tempDir();
      const sets = writeTinySet(dir);
      const file = path.join(dir, "zone.yaml");
      const original = [
        "format: netdz-answers/1",
        "measureSet: { id: tiny, version: 1.0.0 }",
        "zone: { name: Hill Park, region: eastern, hub: false }",
        "answers:",
        "  M01.Q2: { value: 3, answeredAt: 2026-01-01T00:00:00Z }",
        "",
      ].join("\n");
      writeFileSync(file, original);
      const session = new PtySession(
        ["assess", "--answers", "zone.yaml", "--measures", sets, "--lang", lang],
        { cwd: dir, cols: COLUMNS },
      );
      sessions.push(session);
      const m = assessMessages(lang);
      const w =
        lang === "en"
          ? {
              notStarted: "Not started",
              na: "Not applicable",
              note: "✎ Add a note",
              owner: "Owner of M01.Q1",
              due: "Due date of M01.Q1",
              why: "Why does M01.Q1",
              noteFor: "Note for M01.Q1",
              list: /M01\.Q1[\s\S]*\? Your answer[\s\S]*⏎/,
              saved: "Saved M01.Q1",
            }
          : {
              notStarted: "未启动",
              na: "不适用",
              note: "✎ 添加备注",
              owner: "M01.Q1 的责任单位",
              due: "M01.Q1 的完成时限",
              why: "M01.Q1 为什么不适用",
              noteFor: "M01.Q1 的备注",
              list: /M01\.Q1[\s\S]*\? 请选择[\s\S]*⏎/,
              saved: "已保存 M01.Q1",
            };
      await session.waitFor(w.list);

      // Owner prompt after a new answer that leaves a gap: Escape returns to the list, unsaved.
      let mark = await session.choose(w.notStarted);
      let text = await session.waitFor(w.owner, mark);
      expectPromptWrapped(session.text(), w.owner, m.input.owner("M01.Q1", undefined));
      mark = await session.pressEscape();
      text = await session.waitFor(w.list, mark);
      expect(text).not.toContain(w.saved);
      expect(readFileSync(file, "utf8")).toBe(original);

      // Due-date prompt: Enter at the owner (none), then Escape: back to the list, unsaved.
      mark = await session.choose(w.notStarted);
      await session.waitFor(w.owner, mark);
      mark = session.send(KEYS.enter);
      await session.waitFor(w.due, mark);
      mark = await session.pressEscape();
      text = await session.waitFor(w.list, mark);
      expect(text).not.toContain(w.saved);
      expect(readFileSync(file, "utf8")).toBe(original);

      // An owner confirmed with Enter stays; the status chosen is not saved.
      mark = await session.choose(w.notStarted);
      await session.waitFor(w.owner, mark);
      mark = await session.typeLine("PO");
      await session.waitFor(w.due, mark);
      expectPromptWrapped(session.text(), w.due, m.input.due("M01.Q1", undefined));
      mark = await session.pressEscape();
      await session.waitFor(w.list, mark);
      expect(answersOf(file)["M01.Q1"]).toEqual({ owner: "PO" });

      // The not-applicable justification and the note: wrapped, and Escape saves nothing.
      mark = await session.choose(w.na);
      await session.waitFor(w.why, mark);
      expectPromptWrapped(session.text(), w.why, m.input.naNote("M01.Q1"));
      await session.waitFor(w.list, await session.pressEscape());
      mark = await session.choose(w.note);
      await session.waitFor(w.noteFor, mark);
      session.send("half a note");
      await session.waitFor(w.list, await session.pressEscape());
      expect(answersOf(file)["M01.Q1"]).toEqual({ owner: "PO" });

      session.send(KEYS.ctrlC);
      expect((await session.exited).exitCode).toBe(130);
      expect(answersOf(file)["M01.Q2"]).toMatchObject({ value: 3 });
    }, 60_000);
  }
});
