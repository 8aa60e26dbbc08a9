// Standard output that refuses what is written (a full disk behind it, or a descriptor opened
// only for reading) is one line in words on standard error and exit 2, from every command and
// in both languages: never a stack trace. The full device is made in a temporary folder.
import { spawnSync } from "node:child_process";
import { closeSync, copyFileSync, openSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, FIXTURES, tempDir } from "../helpers.js";

const COMMANDS: readonly (readonly string[])[] = [
  ["--help"],
  ["list"],
  ["schema", "answers"],
  ["validate", "a.yaml"],
  ["report", "a.yaml"],
  ["report", "a.yaml", "--format", "json"],
  ["aggregate", "a.yaml"],
  ["diff", "a.yaml", "a.yaml"],
  ["init", "--answers", "-"],
];

const WORDS = {
  full: {
    en: "netdz: cannot write to standard output: no space left on the disk",
    zh: "netdz: 无法写入标准输出：磁盘空间不足",
  },
  readOnly: {
    en: "netdz: cannot write to standard output: it is not open for writing",
    zh: "netdz: 无法写入标准输出：它未以写入方式打开",
  },
} as const;

function folder(): string {
  const cwd = tempDir();
  copyFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(cwd, "a.yaml"));
  return cwd;
}

/** A character device like /dev/full (1,7) in `dir`; undefined when not permitted (not root). */
function fullDevice(dir: string): string | undefined {
  const file = path.join(dir, "full");
  const made = spawnSync("mknod", [file, "c", "1", "7"], { stdio: "ignore" });
  return made.status === 0 ? file : undefined;
}

function runWithStdout(args: readonly string[], cwd: string, stdout: number, lang: string) {
  const measures = args[0] === "--help" || args[0] === "schema" ? [] : ["--measures", FIXTURE_SETS];
  return spawnSync(process.execPath, [BIN, ...args, ...measures, "--lang", lang], {
    cwd,
    env: { PATH: process.env.PATH, TZ: "UTC" },
    stdio: ["ignore", stdout, "pipe"],
    encoding: "utf8",
  });
}

const FIXTURE_SETS = path.join(FIXTURES, "sets");

describe("standard output that refuses what is written", () => {
  it.for(COMMANDS.flatMap((args) => (["en", "zh"] as const).map((lang) => [lang, args] as const)))(
    "read-only descriptor, %s: netdz %j says so in one line, exit 2",
    ([lang, args]) => {
      const cwd = folder();
      const fd = openSync(path.join(cwd, "a.yaml"), "r");
      try {
        const result = runWithStdout(args, cwd, fd, lang);
        expect(result.stderr).toContain(WORDS.readOnly[lang]);
        expect(result.stderr).not.toMatch(/\bat |Error:|node:internal|EBADF/);
        expect(
          result.stderr
            .split("\n")
            .filter((l) => l.includes("standard output") || l.includes("标准输出")),
        ).toHaveLength(1);
        expect(result.status).toBe(2);
      } finally {
        closeSync(fd);
      }
    },
  );

  it.for(COMMANDS.map((args) => [args] as const))(
    "full disk: netdz %j says so in one line, exit 2",
    ([args], context) => {
      const cwd = folder();
      const device = fullDevice(cwd);
      if (device === undefined) {
        context.skip("mknod is not permitted here (needs root)");
        return;
      }
      const fd = openSync(device, "w");
      try {
        for (const lang of ["en", "zh"] as const) {
          const result = runWithStdout(args, cwd, fd, lang);
          expect(result.stderr).toContain(WORDS.full[lang]);
          expect(result.stderr).not.toMatch(/\bat |Error:|node:internal|ENOSPC/);
          expect(result.status).toBe(2);
        }
      } finally {
        closeSync(fd);
      }
    },
  );

  it("a reader that stops early is still no failure", () => {
    const cwd = folder();
    const result = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" "${BIN}" --help | head -c 10 > /dev/null; echo "$?"`],
      { cwd, encoding: "utf8" },
    );
    expect(result.stdout.trim()).toBe("0");
    expect(result.stderr).toBe("");
  });
});
