/**
 * `netdz validate` ends with one ✖ summary line on standard error for every kind of file-level
 * failure, as it does for any other problem: too large, not UTF-8, no format, a measure file with
 * no set, a FIFO, a symbolic-link loop, a folder with nothing in it, a path that does not exist.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/main.js";
import { captureIo, FIXTURES, tempDir } from "../helpers.js";

async function validate(args: string[], cwd: string) {
  const io = captureIo(cwd, { TZ: "UTC" });
  const code = await main(["validate", ...args, "--measures", path.join(FIXTURES, "sets")], io);
  return { code, out: io.out(), err: io.err() };
}

function lastLine(text: string): string {
  return text.trimEnd().split("\n").at(-1) ?? "";
}

describe("validate's summary after a file-level failure", () => {
  it.each<[string, (dir: string) => void, string, string]>([
    [
      "too large",
      (dir) => {
        writeFileSync(path.join(dir, "x.yaml"), "format: netdz-answers/1\n");
        truncateSync(path.join(dir, "x.yaml"), 11 * 1024 * 1024);
      },
      "✖ 1 file not checked: 1 error, 0 warnings",
      "✖ 1 个未能检查的文件：1 个错误，0 个警告",
    ],
    [
      "not UTF-8",
      (dir) =>
        writeFileSync(
          path.join(dir, "x.yaml"),
          Buffer.from([
            ...Buffer.from("format: netdz-answers/1\nzone:\n  name: "),
            0xb2,
            0xe2,
            0x0a,
          ]),
        ),
      "✖ 1 file not checked: 1 error, 0 warnings",
      "✖ 1 个未能检查的文件：1 个错误，0 个警告",
    ],
    [
      "no format",
      (dir) => writeFileSync(path.join(dir, "x.yaml"), "hello: 1\n"),
      "✖ 1 file not checked: 1 error, 0 warnings",
      "✖ 1 个未能检查的文件：1 个错误，0 个警告",
    ],
    [
      "a measure file without its set",
      (dir) => writeFileSync(path.join(dir, "x.yaml"), "format: netdz-measure/1\nid: M01\n"),
      "✖ 1 file not checked: 1 error, 0 warnings",
      "✖ 1 个未能检查的文件：1 个错误，0 个警告",
    ],
    [
      "a FIFO",
      (dir) => execFileSync("mkfifo", [path.join(dir, "x.yaml")]),
      "✖ 1 path could not be read",
      "✖ 1 个路径无法读取",
    ],
    [
      "a symbolic-link loop",
      (dir) => {
        symlinkSync("y.yaml", path.join(dir, "x.yaml"));
        symlinkSync("x.yaml", path.join(dir, "y.yaml"));
      },
      "✖ 1 path could not be read",
      "✖ 1 个路径无法读取",
    ],
    [
      "an empty folder",
      (dir) => mkdirSync(path.join(dir, "x.yaml")),
      "✖ 1 path could not be read",
      "✖ 1 个路径无法读取",
    ],
    [
      "a path that does not exist",
      () => undefined,
      "✖ 1 path could not be read",
      "✖ 1 个路径无法读取",
    ],
  ])("%s", async (_kind, make, en, zh) => {
    const dir = tempDir();
    make(dir);
    const result = await validate(["x.yaml"], dir);
    expect(result.code).not.toBe(0);
    expect(lastLine(result.err)).toBe(en);
    const chinese = await validate(["x.yaml", "--lang", "zh"], dir);
    expect(lastLine(chinese.err)).toBe(zh);
  });

  it("a valid file beside a path that cannot be read is not called valid", async () => {
    const dir = tempDir();
    copyFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(dir, "ok.yaml"));
    const result = await validate(["ok.yaml", "nope.yaml"], dir);
    expect(result.code).toBe(2);
    expect(lastLine(result.err)).toBe(
      "✖ 1 answers file: 0 errors, 0 warnings; 1 path could not be read",
    );
  });
});

describe("validate of a folder with links and odd entries", () => {
  it("checks an answers file reached through a link and reports a FIFO or broken link named *.yaml", async () => {
    const dir = tempDir();
    const zones = path.join(dir, "zones");
    mkdirSync(zones);
    copyFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(dir, "real.yaml"));
    symlinkSync("../real.yaml", path.join(zones, "linked.yaml"));
    symlinkSync("gone.yaml", path.join(zones, "dangling.yaml"));
    execFileSync("mkfifo", [path.join(zones, "pipe.yaml")]);
    const result = await validate(["zones"], dir);
    expect(result.code).toBe(1);
    expect(result.out.trimEnd().split("\n")).toEqual([
      "zones/dangling.yaml:1:1  error  file/unreadable  cannot read zones/dangling.yaml: no such file or folder",
      "zones/pipe.yaml:1:1  error  file/unreadable  cannot read zones/pipe.yaml: not a regular file (a pipe, socket or device)",
    ]);
    expect(lastLine(result.err)).toBe(
      "✖ 1 answers file and 2 files not checked: 2 errors, 0 warnings",
    );
    const zh = await validate(["zones", "--lang", "zh"], dir);
    expect(lastLine(zh.err)).toBe("✖ 1 个答卷文件、2 个未能检查的文件：2 个错误，0 个警告");
  });
});
