/**
 * A save that fails because the answers file cannot be written any more (replaced by a folder
 * during the session) does not end the session without a word: it says the answer was not saved
 * and why, and the user puts it right and answers again (every answer the session held is then
 * written) or quits with the command that continues. Runs the built CLI in a pseudo-terminal.
 */
import { mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { builtCliExists, KEYS, PtySession, writeTinySet } from "./pty.js";

const sessions: PtySession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});
beforeAll(() => {
  expect(builtCliExists()).toBe(true);
});

const TEXT =
  "format: netdz-answers/1\nmeasureSet: { id: tiny, version: 1.0.0 }\n" +
  "zone: { name: Z, region: eastern, hub: false }\nassessor: { name: A }\nanswers:\n" +
  "  M01.Q1: { status: in_progress, note: kept }\n" +
  "  M01.Q2: { value: 7 }\n";

/** A session at M01.Q3 whose answers file has just been replaced by a folder. */
async function atQuestionFileGone(lang: "en" | "zh") {
  const dir = tempDir();
  writeTinySet(dir);
  const file = path.join(dir, "a.yaml");
  writeFileSync(file, TEXT);
  const session = new PtySession(
    ["assess", "--answers", "a.yaml", "--measures", path.join(dir, "sets"), "--lang", lang],
    { cwd: dir },
  );
  sessions.push(session);
  await session.waitFor(/M01\.Q3[\s\S]*❯ /, 0, 60_000);
  rmSync(file);
  mkdirSync(file);
  return { session, file };
}

describe("assess when the answers file can no longer be written", () => {
  it("says the answer was not saved and why; once put right, answering again saves everything", async () => {
    const { session, file } = await atQuestionFileGone("en");
    let mark = await session.choose("High");
    const said = await session.waitFor("What now?", mark, 30_000);
    const words = said.slice(-700).replace(/\s+/g, " ");
    expect(words).toContain(
      "Not saved: cannot write a.yaml: it is a folder, not a file. Put that right, then go back and give the answer again; or quit and continue later with: netdz assess --answers a.yaml",
    );
    // Still running. The folder goes; back at the question, the answer is given again.
    rmdirSync(file);
    mark = await session.choose(
      "Go back to where you were (and answer again once the file can be written)",
    );
    await session.waitFor(/M01\.Q3[\s\S]*❯ /, mark, 30_000);
    mark = await session.choose("High");
    await session.waitFor(/Saved M01\.Q3: High/, mark, 30_000);
    session.send(KEYS.ctrlC);
    await session.exited;
    const saved = readFileSync(file, "utf8");
    expect(saved).toMatch(/M01\.Q3: .*high/);
    // What the session held before the failure is written with it.
    expect(saved).toContain("note: kept");
    expect(saved).toContain("M01.Q2: { value: 7 }");
  }, 120_000);

  it("offers to quit (Chinese), naming the command that continues: the folder left alone", async () => {
    const { session, file } = await atQuestionFileGone("zh");
    let mark = await session.choose("高");
    const said = await session.waitFor("接下来？", mark, 30_000);
    expect(said.slice(-400).replace(/\s+/g, "")).toContain(
      "未保存：无法写入a.yaml：这是文件夹，不是文件。请先解决这个问题，再返回重新作答；或者退出，以后用以下命令继续：netdzassess--answersa.yaml",
    );
    mark = await session.choose("退出，不保存这次修改");
    const exit = await session.exited;
    expect(exit.exitCode).toBe(0);
    expect(session.text().slice(mark)).toMatch(/netdz assess/);
    expect(() => readFileSync(file)).toThrow(/EISDIR/);
  }, 120_000);

  it("while the zone profile is asked, ends the session saying so and how to continue", async () => {
    const dir = tempDir();
    writeTinySet(dir);
    const file = path.join(dir, "a.yaml");
    // A new file: the session creates it, then asks the zone profile.
    const session = new PtySession(
      ["assess", "--answers", "a.yaml", "--measures", path.join(dir, "sets")],
      { cwd: dir },
    );
    sessions.push(session);
    await session.waitFor("Zone name", 0, 60_000);
    rmSync(file);
    mkdirSync(file);
    session.send(`Z${KEYS.enter}`);
    const exit = await session.exited;
    expect(exit.exitCode).toBe(2);
    const words = session.text().replace(/\s+/g, " ");
    expect(words).toContain(
      "Not saved: cannot write a.yaml: it is a folder, not a file. Put that right, then continue with: netdz assess --answers a.yaml",
    );
    expect(words).not.toContain("go back");
  }, 120_000);
});
