/**
 * `netdz assess --answers X` in a terminal, where X is there but cannot be read (a FIFO, a folder,
 * a symbolic-link loop): "cannot read X" and the reason, as every other command words it, never
 * "cannot write" (issue 7: the same words everywhere). Needs `dist/` (`npm test` builds first).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { builtCliExists, PtySession } from "./pty.js";

const sessions: PtySession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});
beforeAll(() => {
  expect(builtCliExists()).toBe(true);
});

const cases: [string, (dir: string) => void, string, string][] = [
  [
    "a FIFO",
    (dir) => execFileSync("mkfifo", [path.join(dir, "x.yaml")]),
    "cannot read x.yaml: not a regular file (a pipe, socket or device)",
    "无法读取 x.yaml：不是普通文件（而是管道、套接字或设备）",
  ],
  [
    "a folder",
    (dir) => mkdirSync(path.join(dir, "x.yaml")),
    // Refused before anything is read, with the file inside it to give instead.
    "--answers x.yaml is a folder, not a file: give the path of a file in it, such as x.yaml/netdz-answers.yaml",
    "--answers x.yaml 是文件夹，不是文件",
  ],
  [
    "a symbolic-link loop",
    (dir) => symlinkSync("x.yaml", path.join(dir, "x.yaml")),
    "cannot read x.yaml: the symbolic links in its path form a loop",
    "无法读取 x.yaml：路径中的符号链接构成了循环",
  ],
];

describe("assess on an answers path that cannot be read", () => {
  it.each(cases)("%s: cannot read, in English and Chinese", async (_name, make, en, zh) => {
    const dir = tempDir();
    make(dir);
    for (const [lang, words] of [
      ["en", en],
      ["zh", zh],
    ] as const) {
      const session = new PtySession(["assess", "--answers", "x.yaml", "--lang", lang], {
        cwd: dir,
      });
      sessions.push(session);
      const exit = await session.exited;
      expect(exit.exitCode).toBe(2);
      expect(session.text()).toContain(`netdz: ${words}`);
    }
  });
});
