/**
 * A save that `assess` refuses because the file would pass the edit limit (MAX_EDIT_BYTES) does not
 * end the session: it says why, nothing is written, and the user goes back to where they were
 * (every answer saved before still there, and answering on works) or quits. Runs the built CLI
 * in a pseudo-terminal.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { MAX_EDIT_BYTES } from "../../src/fs/read-file.js";
import { tempDir } from "../helpers.js";
import { builtCliExists, KEYS, PtySession, writeTinySet } from "./pty.js";

const sessions: PtySession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});
beforeAll(() => {
  expect(builtCliExists()).toBe(true);
});

/** An answers file of the tiny set with two answers, one with a long note: `size` bytes. */
function nearLimit(size: number): string {
  const head =
    "format: netdz-answers/1\nmeasureSet: { id: tiny, version: 1.0.0 }\n" +
    "zone: { name: Z, region: eastern, hub: false }\nassessor: { name: A }\nanswers:\n" +
    "  M01.Q2: { value: 7 }\n";
  const line = (text: string) => `  M01.Q1: { status: in_progress, note: "${text}" }\n`;
  return head + line("n".repeat(size - Buffer.byteLength(head + line(""))));
}

/** A session on a file 200 bytes under the limit, at M01.Q3, its note prompt open. */
async function atNotePrompt(lang: "en" | "zh") {
  const dir = tempDir();
  writeTinySet(dir);
  const file = path.join(dir, "a.yaml");
  const text = nearLimit(MAX_EDIT_BYTES - 200);
  writeFileSync(file, text);
  const session = new PtySession(
    ["assess", "--answers", "a.yaml", "--measures", path.join(dir, "sets"), "--lang", lang],
    { cwd: dir },
  );
  sessions.push(session);
  await session.waitFor(/M01\.Q3[\s\S]*❯ /, 0, 60_000);
  const mark = await session.choose(lang === "en" ? "✎ Add a note" : "✎ 添加备注");
  await session.waitFor(lang === "en" ? "Note for M01.Q3" : "M01.Q3 的备注", mark);
  return { session, file, text };
}

const TOO_LONG = "x".repeat(400);

describe("assess after a save refused for the file's size", () => {
  it("says why and goes back to where the user was; answering on still saves", async () => {
    const { session, file, text } = await atNotePrompt("en");
    session.send(TOO_LONG);
    await session.waitFor("xxxxxxxxxx");
    let mark = session.send(KEYS.enter);
    const said = await session.waitFor("What now?", mark, 30_000);
    const words = said.slice(-700).replace(/\s+/g, " ");
    expect(words).toMatch(
      new RegExp(
        `Not saved: the file would be [\\d,]+ bytes, more than the 1,048,576 bytes \\(1 MB\\) netdz changes, so it was not written`,
      ),
    );
    expect(words).toContain("Nothing was written to a.yaml; every answer saved before is kept.");
    expect(readFileSync(file, "utf8")).toBe(text);
    // Still running: back at the same question, the answers as they are in the file.
    mark = await session.choose("Go back to where you were");
    await session.waitFor(/M01\.Q3[\s\S]*❯ /, mark, 30_000);
    mark = await session.choose("High");
    await session.waitFor(/Saved M01\.Q3: High/, mark, 30_000);
    session.send(KEYS.ctrlC);
    await session.exited;
    const saved = readFileSync(file, "utf8");
    expect(saved).toContain("M01.Q3:");
    expect(saved).not.toContain(TOO_LONG);
    // Every line there before is there still (the long note among them).
    for (const line of text.split("\n")) expect(saved.split("\n")).toContain(line);
  }, 120_000);

  it("offers to quit without saving the change (Chinese): exit 0, the file as it was", async () => {
    const { session, file, text } = await atNotePrompt("zh");
    session.send(TOO_LONG);
    await session.waitFor("xxxxxxxxxx");
    let mark = session.send(KEYS.enter);
    const said = await session.waitFor("接下来？", mark, 30_000);
    expect(said.slice(-400).replace(/\s+/g, "")).toMatch(
      /未保存：保存后文件将有[\d,]+字节，超过netdz可修改的上限1,048,576字节（1MB），因此未写入.*a\.yaml未作任何改动/,
    );
    mark = await session.choose("退出，不保存这次修改");
    const exit = await session.exited;
    expect(exit.exitCode).toBe(0);
    expect(session.text().slice(mark)).toMatch(/netdz assess/);
    expect(readFileSync(file, "utf8")).toBe(text);
  }, 120_000);
});
