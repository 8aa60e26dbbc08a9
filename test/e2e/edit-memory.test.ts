/**
 * Issue 7 QA #5 (assess, migrate): the commands that change an answers file hold it as a yaml
 * Document, whose memory grows far faster than the file; they take files up to the edit limit
 * (MAX_EDIT_BYTES, README "Limits") and stay under 250 MB there, and refuse a larger file at once,
 * in one located line, before reading it. Peak resident memory is read from the process itself
 * as it exits. Needs `dist/` (`npm test` builds first).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { MAX_EDIT_BYTES } from "../../src/fs/read-file.js";
import { BIN, FIXTURES, tempDir } from "../helpers.js";
import { builtCliExists, KEYS, PtySession, writeTinySet } from "./pty.js";

const sessions: PtySession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});
beforeAll(() => {
  expect(builtCliExists()).toBe(true);
});

/** Loaded with --import: writes the peak resident set (KB) to stderr as the process exits. */
const PEAK_RSS =
  'process.on("exit", () => process.stderr.write(`\\nmaxrss-kb=${process.resourceUsage().maxRSS}\\n`));\n';

function peakMb(output: string): number {
  return Number(/maxrss-kb=(\d+)/.exec(output)?.[1]) / 1024;
}

/** A note of Chinese and English words making the file `size` bytes long. */
function note(size: number): string {
  const word = "备注 note ";
  return word.repeat(Math.floor(size / Buffer.byteLength(word))).trim();
}

const SETS = path.join(FIXTURES, "versions");
const OLD = readFileSync(path.join(SETS, "answers-1.0.0.yaml"), "utf8");

/** The 1.0.0 answers file of the versions fixture with a long note, `size` bytes in all. */
function oldFile(size: number): string {
  const slot = "M02.Q2: { status: in_progress }";
  const room = size - Buffer.byteLength(OLD) - 40;
  return OLD.replace(slot, `M02.Q2: { status: in_progress, note: "${note(room)}" }`);
}

function migrate(text: string, lang: "en" | "zh") {
  const dir = tempDir();
  writeFileSync(path.join(dir, "zone.yaml"), text);
  writeFileSync(path.join(dir, "rss.mjs"), PEAK_RSS);
  const result = spawnSync(
    process.execPath,
    [
      "--import",
      path.join(dir, "rss.mjs"),
      BIN,
      "migrate",
      "zone.yaml",
      "--measures",
      SETS,
      "--lang",
      lang,
    ],
    { cwd: dir, encoding: "utf8", env: { PATH: process.env.PATH, LANG: "C" }, timeout: 120_000 },
  );
  return { ...result, peakMb: peakMb(result.stderr), dir };
}

describe("editing commands stay under 250 MB", () => {
  it("migrate of a file just under the edit limit: migrated, under 250 MB", () => {
    const text = oldFile(MAX_EDIT_BYTES - 1024);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_EDIT_BYTES);
    const result = migrate(text, "en");
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path.join(result.dir, "zone.yaml"), "utf8")).toContain("version: 1.2.0");
    expect(result.peakMb).toBeGreaterThan(0);
    expect(result.peakMb).toBeLessThan(250);
  }, 120_000);

  it.each([
    ["en", "zone.yaml:1:1: the file is 9.5 MB, more than the 1 MB that netdz migrate changes"],
    ["zh", "zone.yaml:1:1: 该文件有 9.5 MB，超过 netdz migrate 可修改的上限 1 MB"],
  ] as const)(
    "migrate of a 9.5 MB file (%s): refused at once in one located line",
    (lang, words) => {
      const result = migrate(oldFile(9.5 * 1024 * 1024 + 40_000), lang);
      expect(result.status).toBe(2);
      const lines = result.stderr.split("\n").filter((line) => line.startsWith("netdz: "));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(words);
      expect(result.stderr).toMatch(/validate|10 MB/);
      expect(readFileSync(path.join(result.dir, "zone.yaml"), "utf8")).toBe(
        oldFile(9.5 * 1024 * 1024 + 40_000),
      );
      expect(result.peakMb).toBeLessThan(250);
    },
    120_000,
  );

  /** An answers file of the tiny set with two answers, one with a note making it `size` bytes. */
  function tinyAnswers(size: number): string {
    const head =
      "format: netdz-answers/1\nmeasureSet: { id: tiny, version: 1.0.0 }\n" +
      "zone: { name: Z, region: eastern, hub: false }\nassessor: { name: A }\nanswers:\n" +
      "  M01.Q2: { value: 7 }\n";
    const line = (text: string) => `  M01.Q1: { status: in_progress, note: "${text}" }\n`;
    return head + line(note(size - Buffer.byteLength(head + line(""))));
  }

  function assess(dir: string, lang: "en" | "zh") {
    writeFileSync(path.join(dir, "rss.mjs"), PEAK_RSS);
    const session = new PtySession(
      ["assess", "--answers", "a.yaml", "--measures", path.join(dir, "sets"), "--lang", lang],
      { cwd: dir, env: { NODE_OPTIONS: `--import=${path.join(dir, "rss.mjs")}` } },
    );
    sessions.push(session);
    return session;
  }

  it("assess of a file just under the edit limit: loads, saves an answer, under 250 MB", async () => {
    const dir = tempDir();
    writeTinySet(dir);
    const text = tinyAnswers(MAX_EDIT_BYTES - 1024);
    writeFileSync(path.join(dir, "a.yaml"), text);
    const session = assess(dir, "en");
    await session.waitFor(/M01\.Q3[\s\S]*❯ Low/, 0, 60_000);
    let mark = session.send(KEYS.down);
    await session.waitFor("❯ High", mark);
    mark = session.send(KEYS.enter);
    await session.waitFor(/Saved M01\.Q3: High/, mark, 60_000);
    session.send(KEYS.ctrlC);
    await session.exited;
    const saved = readFileSync(path.join(dir, "a.yaml"), "utf8");
    // The save added the answer's line, and left the long note's line as it was.
    expect(saved.split("\n")).toHaveLength(text.split("\n").length + 1);
    expect(saved).toContain(text.split("\n")[6]);
    expect(peakMb(session.text())).toBeGreaterThan(0);
    expect(peakMb(session.text())).toBeLessThan(250);
  }, 120_000);

  it("assess of a 9.5 MB file: refused at once in one located line, under 250 MB", async () => {
    const dir = tempDir();
    writeTinySet(dir);
    const text = tinyAnswers(9.5 * 1024 * 1024);
    writeFileSync(path.join(dir, "a.yaml"), text);
    for (const [lang, words] of [
      ["en", "a.yaml:1:1: the file is 9.5 MB, more than the 1 MB that netdz assess changes"],
      ["zh", "a.yaml:1:1: 该文件有 9.5 MB，超过 netdz assess 可修改的上限 1 MB"],
    ] as const) {
      const session = assess(dir, lang);
      const exit = await session.exited;
      expect(exit.exitCode).toBe(2);
      expect(session.text().replace(/\r?\n/g, "")).toContain(words);
      expect(peakMb(session.text())).toBeLessThan(250);
    }
    expect(readFileSync(path.join(dir, "a.yaml"), "utf8")).toBe(text);
  }, 120_000);
});
