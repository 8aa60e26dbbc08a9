import {
  chmodSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, runCli, tempDir } from "../helpers.js";

const SETS = path.join(FIXTURES, "versions");

function answersIn(dir: string): string {
  const text = readFileSync(path.join(SETS, "answers-1.0.0.yaml"), "utf8");
  writeFileSync(path.join(dir, "zone.yaml"), text);
  return text;
}

describe("netdz migrate refuses in the language of the run (spawned)", () => {
  it.each([
    [
      "en",
      "netdz: --to 9.9.9: mini@9.9.9 is not available (available versions: 1.2.0, 1.1.0, 1.0.0)\n",
    ],
    ["zh", "netdz: --to 9.9.9：没有 mini@9.9.9 这一版本（可用版本：1.2.0、1.1.0、1.0.0）\n"],
  ])("an unknown --to version (%s), exit 2, nothing written", (lang, message) => {
    const dir = tempDir();
    const before = answersIn(dir);
    const result = runCli(
      ["migrate", "zone.yaml", "--to", "9.9.9", "--measures", SETS, "--lang", lang],
      { cwd: dir },
    );
    expect([result.status, result.stdout, result.stderr]).toEqual([2, "", message]);
    expect(readFileSync(path.join(dir, "zone.yaml"), "utf8")).toBe(before);
  });

  it("an answers file that does not exist, in Chinese", () => {
    const result = runCli(["migrate", "missing.yaml", "--lang", "zh"], { cwd: tempDir() });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/missing\.yaml[\s\S]*(不存在|无法读取)/);
    expect(result.stderr).not.toMatch(/no such file/i);
  });

  it("an --out file that exists: refused before any account is printed", () => {
    const dir = tempDir();
    const before = answersIn(dir);
    writeFileSync(path.join(dir, "taken.yaml"), "keep me\n");
    const result = runCli(
      ["migrate", "zone.yaml", "--out", "taken.yaml", "--measures", SETS, "--lang", "en"],
      { cwd: dir },
    );
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("taken.yaml already exists");
    expect(readFileSync(path.join(dir, "taken.yaml"), "utf8")).toBe("keep me\n");
    expect(readFileSync(path.join(dir, "zone.yaml"), "utf8")).toBe(before);
  });

  it.each([
    [
      "en",
      "1.0.0",
      2,
      "netdz: zone.yaml is on 1.1.0, which is newer than 1.0.0: migrate brings answers forward to a newer version of their set, never back\n",
    ],
    [
      "zh",
      "1.0.0",
      2,
      "netdz: zone.yaml 使用的是 1.1.0，比 1.0.0 更新：migrate 只把答卷迁移到评估清单的更新版本，不会退回旧版本\n",
    ],
    ["en", "1.1.0", 0, "netdz migrate: zone.yaml is already on 1.1.0; nothing to migrate\n"],
    ["zh", "1.1.0", 0, "netdz migrate: zone.yaml 已使用 1.1.0，无需迁移\n"],
  ])("(%s) --to %s from 1.1.0 exits %d, says why, writes nothing", (lang, to, status, message) => {
    const dir = tempDir();
    answersIn(dir);
    // Brought to 1.1.0 first, by migrate itself.
    const first = runCli(["migrate", "zone.yaml", "--to", "1.1.0", "--measures", SETS], {
      cwd: dir,
    });
    expect(first.status).toBe(0);
    const before = readFileSync(path.join(dir, "zone.yaml"), "utf8");
    expect(before).toMatch(/version: 1\.1\.0/);
    const result = runCli(
      ["migrate", "zone.yaml", "--to", to, "--measures", SETS, "--lang", lang],
      { cwd: dir },
    );
    expect([result.status, result.stdout, result.stderr]).toEqual([status, "", message]);
    expect(readFileSync(path.join(dir, "zone.yaml"), "utf8")).toBe(before);
  });
});

describe("netdz migrate refuses a target it must not write before printing anything (spawned)", () => {
  const files = (dir: string) => readdirSync(dir).sort();

  it.each([
    [
      "a link to it",
      (dir: string) => symlinkSync("zone.yaml", path.join(dir, "link.yaml")),
      "link.yaml",
    ],
    [
      "a hard link",
      (dir: string) => linkSync(path.join(dir, "zone.yaml"), path.join(dir, "hard.yaml")),
      "hard.yaml",
    ],
    ["another spelling", () => undefined, "./sub/../zone.yaml"],
  ])("--out naming the answers file itself through %s", (_, make, out) => {
    const dir = tempDir();
    const before = answersIn(dir);
    mkdirSync(path.join(dir, "sub"));
    make(dir);
    const listed = files(dir);
    for (const lang of ["en", "zh"]) {
      const result = runCli(
        ["migrate", "zone.yaml", "--out", out, "--force", "--measures", SETS, "--lang", lang],
        { cwd: dir },
      );
      expect([result.status, result.stdout], lang).toEqual([2, ""]);
      expect(result.stderr, lang).toMatch(
        lang === "en" ? /is the answers file itself; leave out --out/ : /就是该答卷文件本身/,
      );
    }
    expect(readFileSync(path.join(dir, "zone.yaml"), "utf8")).toBe(before);
    expect(files(dir)).toEqual(listed); // no lock, no backup left behind
  });

  it.each([["en"], ["zh"]])(
    "a read-only answers file, in place (%s): no account, no backup",
    (lang) => {
      const dir = tempDir();
      const before = answersIn(dir);
      chmodSync(path.join(dir, "zone.yaml"), 0o444);
      const result = runCli(["migrate", "zone.yaml", "--measures", SETS, "--lang", lang], {
        cwd: dir,
      });
      expect([result.status, result.stdout], result.stderr).toEqual([2, ""]);
      expect(result.stderr).toBe(
        lang === "en"
          ? "netdz: cannot write zone.yaml: it is read-only, and netdz does not replace a read-only file; make it writable (chmod u+w) or choose another file\n"
          : "netdz: 无法写入 zone.yaml：该文件为只读，netdz 不替换只读文件；请先使其可写（chmod u+w），或另选文件\n",
      );
      expect(files(dir)).toEqual(["zone.yaml"]);
      expect(readFileSync(path.join(dir, "zone.yaml"), "utf8")).toBe(before);
    },
  );

  it("a read-only --out file with --force, and --dry-run of a read-only file (allowed)", () => {
    const dir = tempDir();
    answersIn(dir);
    writeFileSync(path.join(dir, "out.yaml"), "keep me\n");
    chmodSync(path.join(dir, "out.yaml"), 0o444);
    const result = runCli(
      ["migrate", "zone.yaml", "--out", "out.yaml", "--force", "--measures", SETS],
      { cwd: dir },
    );
    expect([result.status, result.stdout]).toEqual([2, ""]);
    expect(result.stderr).toContain("cannot write out.yaml: it is read-only");
    expect(readFileSync(path.join(dir, "out.yaml"), "utf8")).toBe("keep me\n");
    chmodSync(path.join(dir, "zone.yaml"), 0o444);
    const dry = runCli(["migrate", "zone.yaml", "--dry-run", "--measures", SETS], { cwd: dir });
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("Dry run: nothing was written.");
  });

  it("a reason found only when writing is in the language of the run", () => {
    const dir = tempDir();
    answersIn(dir);
    // UTF-16 text: never overwritten (its characters would be lost); found by the writer.
    writeFileSync(path.join(dir, "u16.yaml"), Buffer.from([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]));
    const result = runCli(
      ["migrate", "zone.yaml", "--out", "u16.yaml", "--force", "--measures", SETS, "--lang", "zh"],
      { cwd: dir },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^netdz: 无法写入 u16\.yaml：/);
    expect(result.stderr).not.toMatch(/[a-z]{4,} [a-z]{4,}/); // no English sentence in it
  });
});

describe("netdz migrate reads SOURCE_DATE_EPOCH as every command does (spawned)", () => {
  const run = (value: string, lang = "en") => {
    const dir = tempDir();
    answersIn(dir);
    return runCli(["migrate", "zone.yaml", "--out", "-", "--measures", SETS, "--lang", lang], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: value },
    });
  };
  const dates = (stdout: string) => [...stdout.matchAll(/date: "([^"]+)"/g)].map((m) => m[1]);

  it.each([
    ["", undefined],
    ["  ", undefined],
    [" 5", "1970-01-01T00:00:05Z"],
    ["253402300799", "9999-12-31T23:59:59Z"],
  ])("%j dates each step %s (unset: now)", (value, date) => {
    const result = run(value);
    expect(result.status, result.stderr).toBe(0);
    const written = dates(result.stdout);
    expect(written).toHaveLength(2);
    if (date !== undefined) expect(written).toEqual([date, date]);
    else
      for (const d of written)
        expect(Math.abs(Date.parse(d as string) - Date.now())).toBeLessThan(600_000);
  });

  it.each([
    ["abc", /must be a whole number of seconds, not "abc"/],
    ["253402300800", /must be at most 253402300799 seconds \(a date in the year 9999\)/],
    ["99999999999999", /must be at most 253402300799 seconds/],
  ])("%s is a usage error, not an internal one", (value, message) => {
    const result = run(value);
    expect([result.status, result.stdout]).toEqual([2, ""]);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(run(value, "zh").stderr).toMatch(/SOURCE_DATE_EPOCH/);
  });
});

describe("netdz migrate --to ID@VERSION (spawned)", () => {
  it("takes the file's own set id with the version, as other commands name a set", () => {
    const dir = tempDir();
    answersIn(dir);
    const plain = runCli(
      ["migrate", "zone.yaml", "--to", "1.1.0", "--dry-run", "--measures", SETS],
      {
        cwd: dir,
      },
    );
    const named = runCli(
      ["migrate", "zone.yaml", "--to", "mini@1.1.0", "--dry-run", "--measures", SETS],
      { cwd: dir },
    );
    expect(named.status, named.stderr).toBe(0);
    expect(named.stdout).toBe(plain.stdout);
    expect(named.stdout).toContain("1.0.0 → 1.1.0");
    // Spaces and a line break around the value are no part of it.
    for (const to of [" 1.1.0", "1.1.0\n", " mini@1.1.0 "]) {
      const padded = runCli(["migrate", "zone.yaml", "--to", to, "--dry-run", "--measures", SETS], {
        cwd: dir,
      });
      expect(padded.status, padded.stderr).toBe(0);
      expect(padded.stdout).toBe(plain.stdout);
    }
    const missing = runCli(["migrate", "zone.yaml", "--to", "9.9.9\n", "--measures", SETS], {
      cwd: dir,
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it.each([
    ["other@1.1.0", "en", "the answers are on the set mini"],
    ["other@1.1.0", "en", "never to another set (give --to VERSION or --to mini@VERSION)"],
    [
      "@1.1.0",
      "en",
      "netdz: --to @1.1.0: no set id before the @ (give --to 1.1.0 or --to mini@1.1.0)\n",
    ],
    ["@1.2.0", "zh", "@ 前面没有评估清单 id（请写 --to 1.2.0 或 --to mini@1.2.0）"],
    ["other@1.1.0", "zh", "答卷使用的是评估清单 mini"],
    [
      "mini@",
      "en",
      "netdz: --to mini@: no version after the @ (give --to mini@VERSION; available versions: 1.2.0, 1.1.0, 1.0.0)\n",
    ],
    ["@", "en", "netdz: --to @: no version after the @ (give --to mini@VERSION; available"],
    ["mini@ ", "zh", "@ 后面没有版本号（请写 --to mini@版本号；可用版本：1.2.0、1.1.0、1.0.0）"],
    // The id where the version goes, and one @ too many.
    [
      "@mini",
      "en",
      "netdz: --to @mini: the set id goes before the @ and the version after it (give --to mini@VERSION; available versions: 1.2.0, 1.1.0, 1.0.0)\n",
    ],
    ["@mini", "zh", "评估清单 id 应写在 @ 前面，版本号写在 @ 后面（请写 --to mini@版本号"],
    [
      "mini@@1.1.0",
      "en",
      "netdz: --to mini@@1.1.0: write one @ between the set id and the version (--to mini@1.1.0)\n",
    ],
    ["@mini@1.2.0", "en", "write one @ between the set id and the version (--to mini@1.2.0)"],
    ["mini@1.1.0@", "zh", "评估清单 id 与版本号之间只写一个 @（--to mini@1.1.0）"],
  ])("refuses --to %s (%s), exit 2, nothing written", (to, lang, message) => {
    const dir = tempDir();
    const before = answersIn(dir);
    const result = runCli(
      ["migrate", "zone.yaml", "--to", to, "--measures", SETS, "--lang", lang],
      {
        cwd: dir,
      },
    );
    expect([result.status, result.stdout]).toEqual([2, ""]);
    expect(result.stderr).toContain(message);
    // What it suggests is never doubled (`mini@@`, `mini@mini`): only what was typed may be.
    const advice = result.stderr.replace(`--to ${to}`, "");
    expect(advice).not.toContain("@@");
    expect(advice).not.toContain("mini@mini");
    expect(readFileSync(path.join(dir, "zone.yaml"), "utf8")).toBe(before);
  });

  it("lists 130 (and the other signals) among the exit codes in --help", () => {
    expect(runCli(["migrate", "--help"]).stdout).toMatch(
      /\n {2}130 {2}interrupted \(Ctrl-C; 143 for SIGTERM, 129 for SIGHUP\)/,
    );
    expect(runCli(["migrate", "--help", "--lang", "zh"]).stdout).toMatch(/\n {2}130 {2}被中断/);
  });
});
