/**
 * A path given for a file netdz writes (`--out`, `--answers`) that names a folder by its form
 * (`keep.md/`, `out/.`) or is empty is refused with one line, exit 2, in both languages, by every
 * command that writes: nothing is written, and a file of that name is left as it was.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkFilePath } from "../../src/fs/output.js";
import { main } from "../../src/main.js";
import { captureIo, FIXTURES, ROOT, tempDir } from "../helpers.js";

const REPORT_SETS = path.join(FIXTURES, "report", "sets");
const EASTERN = path.join(FIXTURES, "report", "answers", "strong-eastern.yaml");
const VERSIONS = path.join(FIXTURES, "versions");

async function run(argv: string[], cwd: string) {
  const io = captureIo(cwd, { TZ: "UTC" });
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** Each command that writes, with the option that names what it writes. */
function commands(dir: string): { name: string; argv: (target: string) => string[] }[] {
  const old = path.join(dir, "old.yaml");
  writeFileSync(old, readFileSync(path.join(VERSIONS, "answers-1.0.0.yaml")));
  return [
    { name: "report", argv: (t) => ["report", EASTERN, "--measures", REPORT_SETS, "--out", t] },
    {
      name: "aggregate",
      argv: (t) => [
        "aggregate",
        path.join(ROOT, "test/fixtures/province"),
        "--measures",
        REPORT_SETS,
        "--out",
        t,
      ],
    },
    {
      name: "diff",
      argv: (t) => ["diff", EASTERN, EASTERN, "--measures", REPORT_SETS, "--out", t],
    },
    { name: "migrate", argv: (t) => ["migrate", old, "--measures", VERSIONS, "--out", t] },
    { name: "init", argv: (t) => ["init", "--measures", REPORT_SETS, "--answers", t, "--force"] },
    { name: "assess", argv: (t) => ["assess", "--measures", REPORT_SETS, "--answers", t] },
  ];
}

describe("a path that names a folder or is empty", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`is refused before anything is written, by every command (${lang})`, async () => {
      const dir = tempDir();
      cpSync(EASTERN, path.join(dir, "keep.md"));
      const kept = readFileSync(path.join(dir, "keep.md"));
      const before = readdirSync(dir).sort();
      for (const { name, argv } of commands(dir)) {
        const option = name === "init" || name === "assess" ? "--answers" : "--out";
        for (const target of ["keep.md/", "new.md/", "keep.md//", "sub/.", "..", ""]) {
          const result = await run([...argv(target), "--lang", lang], dir);
          const what = `${name} ${option} "${target}"`;
          expect(result.code, what).toBe(2);
          const lines = result.stderr.trim().split("\n");
          expect(lines, what).toHaveLength(1);
          expect(lines[0], what).toContain(option);
          if (target === "") {
            expect(lines[0], what).toMatch(lang === "en" ? /empty path/ : /路径为空/);
          } else {
            expect(lines[0], what).toContain(`${option} ${target} `);
            expect(lines[0], what).toMatch(lang === "en" ? /names a folder/ : /指的是文件夹/);
          }
          expect(readFileSync(path.join(dir, "keep.md")), what).toEqual(kept);
        }
      }
      expect(readdirSync(dir).sort()).toEqual([...before, "old.yaml"].sort());
      expect(existsSync(path.join(dir, "new.md"))).toBe(false);
    }, 60_000);
  }

  it("names the file probably meant, and lets files and standard output through", () => {
    expect(() => checkFilePath("out/keep.md/", "--out", "en")).toThrow(/such as out\/keep\.md$/);
    expect(() => checkFilePath("out/..", "--out", "en")).toThrow(/give the path of a file$/);
    expect(() => checkFilePath("  ", "--answers", "zh")).toThrow(/--answers 给出的路径为空/);
    for (const fine of ["-", "keep.md", "out/keep.md", "./keep.md", ".keep", "a/..b"])
      expect(() => checkFilePath(fine, "--out", "en")).not.toThrow();
  });
});
