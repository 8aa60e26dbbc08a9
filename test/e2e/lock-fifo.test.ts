/**
 * Issue 7 QA #2: a named pipe (or any file that is not a regular file) at the lock path
 * `<answers>.lock` must never make `assess`, `migrate` or `init --force` wait on it: one line
 * saying the lock is not a regular file and how to remove it, in English and Chinese, exit 2.
 * Each run has a deadline, so a command that blocks fails the test instead of hanging it.
 * The pipes are made in a temp folder. Needs `dist/` (`npm test` builds first).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, lstatSync, mkdirSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BIN, FIXTURES, ROOT, tempDir } from "../helpers.js";
import { builtCliExists, PtySession } from "./pty.js";

const sessions: PtySession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});
beforeAll(() => {
  expect(builtCliExists()).toBe(true);
});

const WORDS = {
  en: /the lock file a\.yaml\.lock of a\.yaml is not a regular file.*`rm a\.yaml\.lock`/,
  zh: /a\.yaml 的锁文件 a\.yaml\.lock 不是普通文件.*`rm a\.yaml\.lock`/,
} as const;

const kinds: [string, (file: string) => void][] = [
  ["a named pipe", (file) => execFileSync("mkfifo", [file])],
  ["a folder", (file) => mkdirSync(file)],
];

function withLock(make: (file: string) => void, answers: string): string {
  const dir = tempDir();
  copyFileSync(answers, path.join(dir, "a.yaml"));
  make(path.join(dir, "a.yaml.lock"));
  return dir;
}

/** Runs the built CLI with a deadline: a command that waits on the pipe is killed, not awaited. */
function runBounded(args: string[], cwd: string) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH, LANG: "C" },
    timeout: 10_000,
    killSignal: "SIGKILL",
  });
}

describe("a lock path that is not a regular file is refused at once", () => {
  it.each(kinds)(
    "%s: migrate in place and init --force say so and exit 2",
    (_name, make) => {
      const measures = path.join(ROOT, "measures");
      for (const lang of ["en", "zh"] as const) {
        const dir = withLock(make, path.join(FIXTURES, "answers", "mini-valid.yaml"));
        const lock = path.join(dir, "a.yaml.lock");
        for (const args of [
          ["migrate", "a.yaml", "--lang", lang, "--measures", measures],
          ["init", "--force", "--answers", "a.yaml", "--lang", lang],
        ]) {
          const result = runBounded(args, dir);
          expect(result.signal, `${args[0]} was killed: it waited on the lock`).toBeNull();
          expect(result.status, result.stderr).toBe(2);
          const lines = result.stderr.trim().split("\n");
          expect(lines).toHaveLength(1);
          expect(lines[0]).toMatch(WORDS[lang]);
          expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
          // The odd file is left where it is, for the user to remove.
          expect(lstatSync(lock).isFile()).toBe(false);
        }
      }
    },
    60_000,
  );

  it.each(kinds)(
    "%s: assess in a terminal says so and exits 2",
    async (_name, make) => {
      for (const lang of ["en", "zh"] as const) {
        const dir = withLock(make, path.join(FIXTURES, "answers", "mini-valid.yaml"));
        const session = new PtySession(["assess", "--answers", "a.yaml", "--lang", lang], {
          cwd: dir,
        });
        sessions.push(session);
        const exit = await Promise.race([
          session.exited,
          new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), 10_000)),
        ]);
        expect(exit, "assess waited on the lock").not.toBe("hung");
        expect((exit as { exitCode: number }).exitCode).toBe(2);
        expect(session.text().replace(/\r?\n/g, " ")).toMatch(WORDS[lang]);
      }
    },
    60_000,
  );

  it("a named pipe where migrate keeps its backup is refused at once, not waited on", () => {
    const dir = tempDir();
    copyFileSync(path.join(FIXTURES, "versions", "answers-1.0.0.yaml"), path.join(dir, "z.yaml"));
    execFileSync("mkfifo", [path.join(dir, "z.1.0.0.yaml")]);
    const result = runBounded(
      ["migrate", "z.yaml", "--measures", path.join(FIXTURES, "versions")],
      dir,
    );
    expect(result.signal, "migrate waited on the pipe").toBeNull();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("cannot read z.1.0.0.yaml: not a regular file");
  }, 30_000);
});
