/**
 * A paste into `netdz assess` in a pseudo-terminal (bracketed paste, as terminals send it once
 * netdz asks for it): a note of several lines is saved with its line breaks, and a pasted list
 * of links gives one evidence item per line; no line of a paste confirms a prompt or is typed
 * into the prompts after it. Needs `dist/` (`npm test` builds first).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { answersOf, builtCliExists, KEYS, PtySession, writeTinySet } from "./pty.js";

const sessions: PtySession[] = [];

beforeAll(() => {
  if (!builtCliExists()) throw new Error("dist/ is missing: run `npm run build` first");
});

afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

/** Text as a terminal in bracketed-paste mode sends it when it is pasted. */
const pasted = (text: string) => `\u001b[200~${text}\u001b[201~`;

describe("netdz assess: pasting text of several lines", () => {
  it("saves a pasted note with its line breaks and a pasted list of links as items", async () => {
    const dir = tempDir();
    const sets = writeTinySet(dir);
    const file = path.join(dir, "zone.yaml");
    writeFileSync(
      file,
      [
        "format: netdz-answers/1",
        "measureSet: { id: tiny, version: 1.0.0 }",
        "zone: { name: Hill Park, region: eastern, hub: false }",
        "answers: {}",
        "",
      ].join("\n"),
    );
    const session = new PtySession(
      ["assess", "--answers", "zone.yaml", "--measures", sets, "--lang", "en"],
      { cwd: dir },
    );
    sessions.push(session);
    const list = /M01\.Q1[\s\S]*\? Your answer[\s\S]*⏎/;
    await session.waitFor(list);

    // A note of two lines, pasted with Windows line ends: one prompt, one note.
    let mark = await session.choose("✎ Add a note");
    await session.waitFor("Note for M01.Q1", mark);
    mark = session.send(pasted("Line one\r\nLine two"));
    await session.waitFor("Line one ⏎ Line two", mark);
    mark = session.send(KEYS.enter);
    await session.waitFor(list, mark);
    expect(answersOf(file)["M01.Q1"]?.note).toBe("Line one\nLine two");

    // Two links pasted at once: two evidence items, and the prompt for a third.
    mark = await session.choose("Implemented");
    await session.waitFor("Evidence 1", mark);
    mark = session.send(pasted("https://a.example/1\nhttps://b.example/2\n"));
    await session.waitFor("https://b.example/2", mark);
    mark = session.send(KEYS.enter);
    await session.waitFor("Evidence 3", mark);
    mark = session.send(KEYS.enter);
    await session.waitFor("M01.Q2", mark);
    const answer = answersOf(file)["M01.Q1"];
    expect(answer?.status).toBe("implemented");
    expect(answer?.evidence).toEqual(["https://a.example/1", "https://b.example/2"]);
    expect(answer?.note).toBe("Line one\nLine two");

    session.send(KEYS.ctrlC);
    expect((await session.exited).exitCode).toBe(130);
  });
});
