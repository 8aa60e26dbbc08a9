import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/main.js";
import { BIN, captureIo, editFile, FIXTURES, ROOT, runCli, tempDir } from "../helpers.js";

const PROVINCE = "test/fixtures/province";
const SETS = path.join(FIXTURES, "report", "sets");
const golden = (name: string) => readFileSync(path.join(ROOT, "test", "golden", name), "utf8");

/** A copy of the province's answers files in a temp folder, without the invalid one. */
function validProvince(): string {
  const dir = path.join(tempDir(), "zones");
  cpSync(path.join(ROOT, PROVINCE, "zones"), dir, { recursive: true });
  rmSync(path.join(dir, "2026", "longxi.yaml"));
  return dir;
}

/** The demo set at two versions, 1.0.0 and 1.1.0, and another set id, in a temp measures folder. */
function twoVersions(): string {
  const root = path.join(tempDir(), "sets");
  cpSync(SETS, root, { recursive: true });
  const next = path.join(root, "demo-2025", "1.1.0");
  cpSync(path.join(root, "demo-2025", "1.0.0"), next, { recursive: true });
  editFile(path.join(next, "set.yaml"), "version: 1.0.0", "version: 1.1.0");
  const other = path.join(root, "other-set", "1.0.0");
  cpSync(path.join(root, "demo-2025", "1.0.0"), other, { recursive: true });
  editFile(path.join(other, "set.yaml"), "id: demo-2025", "id: other-set");
  return root;
}

describe("netdz aggregate (spawned)", () => {
  it("writes the roll-up of the province, lists the invalid file and exits 1", () => {
    const result = runCli(["aggregate", PROVINCE, "--measures", SETS, "--lang", "en"], {
      env: { TZ: "UTC" },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(golden("aggregate/province.en.md"));
    expect(result.stderr).toContain(
      "test/fixtures/province/zones/2026/longxi.yaml:18:21  Status of answer M05.Q1 must be one of",
    );
    expect(result.stderr).toContain("1 file was left out");
  });

  it("exits 0 when every file is used (a superseded file is not left out)", () => {
    const dir = validProvince();
    const result = runCli(["aggregate", dir, "--measures", SETS, "--format", "json"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { totals: object; leftOut: unknown[] };
    expect(json.totals).toEqual({ used: 8, leftOut: 0, superseded: 1 });
  });

  it("reads the current folder when no path is given, and ignores YAML that is not answers", () => {
    const dir = validProvince();
    writeFileSync(path.join(dir, "other.yaml"), "format: something-else/1\nkey: value\n");
    const result = runCli(["aggregate", "--measures", SETS, "--format", "json"], { cwd: dir });
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { zones: { file: string }[] };
    expect(json.zones.map((z) => z.file)).toContain("2026/suhe.yaml");
  });

  it("writes to --out and says where", () => {
    const out = path.join(tempDir(), "roll-up.csv");
    const result = runCli([
      "aggregate",
      validProvince(),
      "--measures",
      SETS,
      "--format",
      "csv",
      "--out",
      out,
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(out);
    expect(readFileSync(out, "utf8").startsWith("\ufeff")).toBe(true);
  });

  it.each<[string, string[], RegExp]>([
    ["an unknown format", ["--format", "pdf"], /pdf/],
    ["--min-completeness above 100", ["--min-completeness", "101"], /0 to 100/],
    ["--min-completeness not a number", ["--min-completeness", "most"], /0 to 100/],
    ["--min-completeness with two signs", ["--min-completeness", "50%%"], /such as 80 or 80%/],
    ["--min-completeness above 100 %", ["--min-completeness", "100.5%"], /0 to 100/],
    ["--bottom below 0", ["--bottom", "-1"], /--bottom/],
    ["--bottom not whole", ["--bottom", "2.5"], /whole number/],
    [
      "--bottom past the largest whole number",
      ["--bottom", "99999999999999999999"],
      /from 0 to 9007199254740991/,
    ],
    ["a path that does not exist", ["no-such-folder"], /no-such-folder: no such file or folder/],
  ])("exits 2 on %s", (_name, args, message) => {
    const result = runCli(["aggregate", PROVINCE, "--measures", SETS, ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });

  it.each<[string, number]>([
    ["50%", 50],
    ["50 %", 50],
    ["50", 50],
    [".5", 0.5],
    ["0.5", 0.5],
    ["72.5%", 72.5],
  ])("--min-completeness %s is the percentage %d", (given, percent) => {
    const result = runCli([
      "aggregate",
      PROVINCE,
      "--measures",
      SETS,
      "--format",
      "json",
      "--min-completeness",
      given,
    ]);
    expect(result.stderr).not.toMatch(/--min-completeness/);
    const json = JSON.parse(result.stdout) as { minCompleteness: number };
    expect(json.minCompleteness).toBe(percent);
  });

  it("exits 2 when no answers file is found", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "notes.yaml"), "title: nothing here\n");
    const result = runCli(["aggregate", dir, "--measures", SETS]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no answers file \(format: netdz-answers\/1\) found/);
  });

  it("exits 2 when no file can be used, after listing each one's first problem", () => {
    const dir = tempDir();
    cpSync(
      path.join(ROOT, PROVINCE, "zones", "2026", "longxi.yaml"),
      path.join(dir, "longxi.yaml"),
    );
    writeFileSync(path.join(dir, "broken.yaml"), "format: netdz-answers/1\nzone: [unclosed\n");
    const result = runCli(["aggregate", dir, "--measures", SETS], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^broken\.yaml:\d+:\d+ {2}/m);
    expect(result.stderr).toMatch(/^longxi\.yaml:18:21 {2}/m);
    expect(result.stderr).toMatch(/no answers file could be used/);
    expect(result.stdout).toBe("");
  });

  it("uses the version most files use and leaves out other versions and sets with the reason", () => {
    const root = twoVersions();
    const dir = validProvince();
    editFile(path.join(dir, "2026", "helan.yaml"), "version: 1.0.0", "version: 1.1.0");
    editFile(path.join(dir, "2026", "jialing.yaml"), "id: demo-2025", "id: other-set");
    const result = runCli(["aggregate", ".", "--measures", root, "--format", "json"], { cwd: dir });
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as {
      measureSet: object;
      leftOut: { file: string; code: string; reason: string }[];
    };
    expect(json.measureSet).toEqual({ id: "demo-2025", version: "1.0.0" });
    expect(json.leftOut).toEqual([
      {
        file: "2026/helan.yaml",
        code: "aggregate/other-version",
        reason: "pinned to version 1.1.0; most valid files use 1.0.0, and versions are not mixed",
        line: null,
        column: null,
      },
      {
        file: "2026/jialing.yaml",
        code: "aggregate/other-set",
        reason: "pinned to set other-set@1.0.0; this roll-up is of demo-2025@1.0.0",
        line: null,
        column: null,
      },
    ]);
  });

  it("uses the version of the valid files when more files of another version are invalid", () => {
    const root = twoVersions();
    const dir = path.join(tempDir(), "mixed");
    mkdirSync(dir);
    for (const name of ["a", "b"]) {
      cpSync(
        path.join(ROOT, PROVINCE, "zones", "2026", "longxi.yaml"),
        path.join(dir, `${name}.yaml`),
      );
    }
    cpSync(path.join(ROOT, PROVINCE, "zones", "2026", "helan.yaml"), path.join(dir, "c.yaml"));
    editFile(path.join(dir, "c.yaml"), "version: 1.0.0", "version: 1.1.0");
    const result = runCli(["aggregate", ".", "--measures", root, "--lang", "en"], { cwd: dir });
    // The two invalid files of 1.0.0 do not outvote the one valid file of 1.1.0: each is listed
    // once with its first problem, and c.yaml is rolled up.
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^a\.yaml:18:21 {2}Status of answer M05\.Q1 must be one of/m);
    expect(result.stderr).toMatch(/^b\.yaml:18:21 {2}Status of answer M05\.Q1 must be one of/m);
    expect(result.stderr).not.toContain("c.yaml");
    expect(result.stderr).toContain("2 files were left out");
    expect(result.stdout).toContain("(demo-2025 1.1.0)");
  });

  it("names the migrate command for a file of an older version", () => {
    const root = twoVersions();
    const dir = validProvince();
    for (const name of [
      "suhe",
      "haiyan",
      "qingshan",
      "wanjiang",
      "xiangjiang",
      "yunhe",
      "jialing",
    ]) {
      editFile(path.join(dir, "2026", `${name}.yaml`), "version: 1.0.0", "version: 1.1.0");
    }
    editFile(path.join(dir, "2025", "suhe-2025.yaml"), "version: 1.0.0", "version: 1.1.0");
    const result = runCli(["aggregate", ".", "--measures", root, "--format", "json"], { cwd: dir });
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as { measureSet: object; leftOut: { reason: string }[] };
    expect(json.measureSet).toEqual({ id: "demo-2025", version: "1.1.0" });
    expect(json.leftOut.map((e) => e.reason)).toEqual([
      "pinned to version 1.0.0; most valid files use 1.1.0, and versions are not mixed; " +
        `bring it over with: netdz migrate 2026/helan.yaml --measures ${root} --to 1.1.0`,
    ]);
  });

  it("on a tie of versions takes the newest", () => {
    const root = twoVersions();
    const dir = path.join(tempDir(), "two");
    mkdirSync(dir);
    cpSync(path.join(ROOT, PROVINCE, "zones", "2026", "suhe.yaml"), path.join(dir, "a.yaml"));
    cpSync(path.join(ROOT, PROVINCE, "zones", "2026", "helan.yaml"), path.join(dir, "b.yaml"));
    editFile(path.join(dir, "b.yaml"), "version: 1.0.0", "version: 1.1.0");
    const result = runCli(["aggregate", dir, "--measures", root, "--format", "json"]);
    expect(result.status).toBe(1);
    expect((JSON.parse(result.stdout) as { measureSet: object }).measureSet).toEqual({
      id: "demo-2025",
      version: "1.1.0",
    });
  });

  it("dates the roll-up from SOURCE_DATE_EPOCH when set", () => {
    const result = runCli(["aggregate", validProvince(), "--measures", SETS, "--format", "json"], {
      env: { SOURCE_DATE_EPOCH: "1767225600" },
    });
    expect((JSON.parse(result.stdout) as { date: string }).date).toBe("2026-01-01");
  });

  it("dates the roll-up in the machine's time zone, as netdz report does", () => {
    const dir = validProvince();
    editFile(path.join(dir, "2026", "suhe.yaml"), "2026-06-02T08:45:00Z", "2026-06-02T20:00:00Z");
    const dateIn = (TZ: string) => {
      const result = runCli(["aggregate", dir, "--measures", SETS, "--format", "json"], {
        env: { TZ },
      });
      return (JSON.parse(result.stdout) as { date: string }).date;
    };
    expect(dateIn("UTC")).toBe("2026-06-02");
    expect(dateIn("Asia/Shanghai")).toBe("2026-06-03");
  });

  it("gives each zone the overall score that `netdz report --format json` gives its file", () => {
    const result = runCli(["aggregate", PROVINCE, "--measures", SETS, "--format", "json"]);
    const json = JSON.parse(result.stdout) as {
      zones: { file: string; overall: number; completeness: number }[];
    };
    expect(json.zones).toHaveLength(8);
    for (const zone of json.zones) {
      const own = runCli(["report", zone.file, "--measures", SETS, "--format", "json"]);
      const report = JSON.parse(own.stdout) as { overall: { score: number; completeness: number } };
      expect([zone.overall, zone.completeness]).toEqual([
        report.overall.score,
        report.overall.completeness,
      ]);
    }
  });
});

describe("netdz aggregate --format xlsx to a pipe", () => {
  it("writes the workbook's bytes to standard output when it is not a terminal", async () => {
    const result = spawnSync(
      process.execPath,
      [BIN, "aggregate", validProvince(), "--measures", SETS, "--format", "xlsx"],
      { cwd: ROOT, env: { PATH: process.env.PATH } },
    );
    expect(result.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(result.stdout as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets).toHaveLength(5);
  });
});

describe("netdz aggregate (in process)", () => {
  it("refuses to write xlsx to a terminal", async () => {
    const io = captureIo(ROOT);
    Object.assign(io.stdout, { isTTY: true });
    const code = await main(
      ["aggregate", PROVINCE, "--measures", SETS, "--format", "xlsx", "--lang", "en"],
      io,
    );
    expect(code).toBe(2);
    expect(io.err()).toMatch(/--format xlsx writes a binary file: give --out FILE/);
    expect(io.out()).toBe("");
  });

  it("draws a progress bar on a terminal when there are many files, and clears it", async () => {
    const dir = tempDir();
    const text = readFileSync(path.join(ROOT, PROVINCE, "zones", "2026", "haiyan.yaml"), "utf8");
    for (let i = 0; i < 320; i++) {
      writeFileSync(path.join(dir, `z${i}.yaml`), text.replace("Haiyan", `Haiyan ${i}`));
    }
    const io = captureIo(dir);
    Object.assign(io.stderr, { isTTY: true });
    const code = await main(
      ["aggregate", "--measures", SETS, "--format", "json", "--lang", "en"],
      io,
    );
    expect(code).toBe(0);
    expect(io.err()).toMatch(/\r\[#* *\] \d+\/320/);
    expect(io.err().endsWith("\r\u001b[K")).toBe(true);
    expect((JSON.parse(io.out()) as { zones: unknown[] }).zones).toHaveLength(320);
  });

  it("draws no progress bar when standard error is not a terminal", async () => {
    const io = captureIo(ROOT);
    await main(["aggregate", validProvince(), "--measures", SETS, "--format", "json"], io);
    expect(io.err()).toBe("");
  });
});

describe("netdz aggregate checks each file as netdz validate does", () => {
  const BASE = readFileSync(
    path.join(FIXTURES, "report", "answers", "strong-eastern.yaml"),
    "utf8",
  );
  const BROKEN: [string, string, string][] = [
    ["syntax", "region: eastern", "region: [eastern"],
    ["duplicate-key", "  province: Jiangsu\n", "  province: Jiangsu\n  province: Zhejiang\n"],
    [
      "schema",
      "status: implemented\n    evidence: [https://jinhu",
      "status: done\n    evidence: [https://jinhu",
    ],
    ["unknown-question", "  M01.Q2: { value: 3.6", "  M01.Q9: { value: 3.6"],
    ["value-type", "M03.Q1: { value: overseas", "M03.Q1: { value: 12"],
    [
      "no-note",
      "M04.Q2: { status: in_progress, note: Shared warehouse opens in Q3",
      "M04.Q2: { status: not_applicable",
    ],
    ["missing-version", "version: 1.0.0", "version: 9.9.9"],
    ["profile-value", "region: eastern", "region: everywhere"],
    // Found by the format a broken file declares, however it is spelled (quoted, on the next line).
    ["quoted-format-key", "format: netdz-answers/1\n", '"format": netdz-answers/1\nx: [a\n'],
    ["single-quoted-format", "format: netdz-answers/1\n", "'format': 'netdz-answers/1'\nx: [a\n"],
    ["format-next-line", "format: netdz-answers/1\n", "format:\n  netdz-answers/1\nx: [a\n"],
    // …or tagged, anchored, escaped, a block scalar, a complex key, in a JSON-style mapping.
    ["tagged-format", "format: netdz-answers/1\n", "format: !!str netdz-answers/1\nx: [a\n"],
    ["anchored-format", "format: netdz-answers/1\n", "format: &f netdz-answers/1\nx: [a\n"],
    ["escaped-format", "format: netdz-answers/1\n", 'format: "netdz-answers\\/1"\nx: [a\n'],
    ["block-format", "format: netdz-answers/1\n", "format: >-\n  netdz-answers/1\nx: [a\n"],
    ["complex-key-format", "format: netdz-answers/1\n", "? format\n: netdz-answers/1\nx: [a\n"],
    // Two problems at one place: the one validate prints first.
    ["two-at-one-place", "region: eastern", "region: { a: [b"],
  ];

  it("lists every invalid file with the first error netdz validate reports for it", () => {
    const dir = path.join(tempDir(), "zones");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "ok.yaml"), BASE);
    for (const [name, from, to] of BROKEN) {
      const text = BASE.replace(from, to);
      expect(text, name).not.toBe(BASE);
      writeFileSync(path.join(dir, `${name}.yaml`), text);
    }
    const rolled = runCli(["aggregate", ".", "--measures", SETS, "--format", "json"], { cwd: dir });
    expect(rolled.status).toBe(1);
    const leftOut = (
      JSON.parse(rolled.stdout) as {
        leftOut: { file: string; line: number; column: number; code: string; reason: string }[];
      }
    ).leftOut;
    const checked = runCli(["validate", ".", "--measures", SETS, "--format", "json"], { cwd: dir });
    const problems = JSON.parse(checked.stdout) as {
      file: string;
      line: number;
      column: number;
      code: string;
      severity: string;
      message: string;
    }[];
    // The first error validate prints (its JSON lists them in the order it prints them).
    const firstError = (file: string) =>
      problems.filter((p) => p.file === file && p.severity === "error")[0];
    expect(leftOut.map((e) => e.file).sort()).toEqual(
      BROKEN.map(([name]) => `${name}.yaml`).sort(),
    );
    for (const entry of leftOut) {
      const first = firstError(entry.file);
      expect(first, entry.file).toBeDefined();
      expect([entry.line, entry.column, entry.code]).toEqual([
        first?.line,
        first?.column,
        first?.code,
      ]);
      expect(entry.reason.startsWith(first?.message ?? "?"), entry.file).toBe(true);
    }
  });
});

describe("netdz aggregate lists unreadable YAML found in a folder", () => {
  const BASE = readFileSync(
    path.join(FIXTURES, "report", "answers", "strong-eastern.yaml"),
    "utf8",
  );

  it("lists non-UTF-8, UTF-16, oversized and non-regular files, ignores other netdz kinds", () => {
    const dir = path.join(tempDir(), "zones");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "ok.yaml"), BASE);
    // GBK: the ASCII format line is readable, the zone name is not UTF-8.
    writeFileSync(
      path.join(dir, "gbk.yaml"),
      Buffer.concat([Buffer.from(BASE.split("\n")[0] + "\n# "), Buffer.from([0xc4, 0xcf, 0x0a])]),
    );
    writeFileSync(path.join(dir, "utf16.yaml"), Buffer.from("\uFEFF" + BASE, "utf16le"));
    writeFileSync(path.join(dir, "big.yaml"), "x: " + "a".repeat(11 * 1024 * 1024) + "\n");
    // Another netdz kind that cannot be decoded is still not an answers file.
    writeFileSync(
      path.join(dir, "measure.yaml"),
      Buffer.concat([Buffer.from("format: netdz-measure/1\n# "), Buffer.from([0xff, 0x0a])]),
    );
    spawnSync("mkfifo", [path.join(dir, "pipe.yaml")]);
    const rolled = runCli(["aggregate", ".", "--measures", SETS, "--format", "json"], { cwd: dir });
    expect(rolled.status).toBe(1);
    const leftOut = (
      JSON.parse(rolled.stdout) as { leftOut: { file: string; code: string; line: number }[] }
    ).leftOut;
    expect(leftOut.map((e) => [e.file, e.code]).sort()).toEqual(
      [
        ["big.yaml", "file/too-large"],
        ["gbk.yaml", "file/not-utf8"],
        ["pipe.yaml", "file/unreadable"],
        ["utf16.yaml", "file/not-utf8"],
      ].sort(),
    );
    expect(rolled.stderr).toMatch(/pipe\.yaml:1:1 .*not a regular file/);
    expect(rolled.stderr).toMatch(/gbk\.yaml:2:\d+ /);
  });

  it("lists a file named on the command line that cannot be looked at, as one found in a folder", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "ok.yaml"), BASE);
    symlinkSync("loop.yaml", path.join(dir, "loop.yaml"));
    for (const [lang, reason] of [
      ["en", "the symbolic links in its path form a loop"],
      ["zh", "路径中的符号链接构成了循环"],
    ] as const) {
      const rolled = runCli(
        ["aggregate", "ok.yaml", "loop.yaml", "--measures", SETS, "--lang", lang],
        {
          cwd: dir,
        },
      );
      expect(rolled.status).toBe(1);
      expect(rolled.stderr).not.toMatch(/internal error/);
      expect(rolled.stderr).toContain(`loop.yaml:1:1  `);
      expect(rolled.stderr).toContain(reason);
    }
    // A path through a file is a path that does not exist: a usage error.
    const missing = runCli(["aggregate", "ok.yaml/x", "--measures", SETS], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("ok.yaml/x");
  });
});

describe("netdz aggregate with an invalid measure set", () => {
  const ANSWERS = path.join(FIXTURES, "report", "answers");

  it("prints the set's problems once, lists each answers file pinned to it, and uses a valid version", () => {
    const sets = twoVersions();
    editFile(
      path.join(sets, "demo-2025", "1.1.0", "set.yaml"),
      "format: netdz-measure-set/1",
      "format: netdz-measure-set/1\nbogusKey: 1",
    );
    const dir = path.join(tempDir(), "zones");
    mkdirSync(dir);
    // Two files pinned to the broken 1.1.0 (the majority), one to the valid 1.0.0.
    for (const name of ["strong-eastern", "western-hub"]) {
      const text = readFileSync(path.join(ANSWERS, `${name}.yaml`), "utf8");
      writeFileSync(
        path.join(dir, `${name}.yaml`),
        text.replace("version: 1.0.0", "version: 1.1.0"),
      );
    }
    cpSync(path.join(ANSWERS, "half-finished.yaml"), path.join(dir, "half-finished.yaml"));
    const rolled = runCli(["aggregate", ".", "--measures", sets, "--format", "json"], { cwd: dir });
    expect(rolled.status).toBe(1);
    const json = JSON.parse(rolled.stdout) as {
      measureSet: { version: string };
      totals: { used: number; leftOut: number };
      leftOut: { file: string; line: number; code: string; reason: string }[];
      setProblems: { file: string; code: string }[];
    };
    expect(json.measureSet.version).toBe("1.0.0");
    expect(json.setProblems.map((p) => p.file)).toEqual([
      path.join(sets, "demo-2025", "1.1.0", "set.yaml"),
    ]);
    expect(json.totals).toMatchObject({ used: 1, leftOut: 2 });
    expect(json.leftOut.map((e) => [e.file, e.code, e.line])).toEqual([
      ["strong-eastern.yaml", "answers/invalid-set", 2],
      ["western-hub.yaml", "answers/invalid-set", 2],
    ]);
    for (const e of json.leftOut) expect(e.reason).toContain("demo-2025@1.1.0");
    const setLines = rolled.stderr.split("\n").filter((l) => l.includes("set.yaml:"));
    // Once as a set problem; the answers files' lines name the set only inside their reason.
    expect(setLines.filter((l) => /^\S*set\.yaml:\d+:\d+ /.test(l))).toHaveLength(1);
    expect(rolled.stderr).toMatch(/^strong-eastern\.yaml:2:\d+ {2}.*demo-2025@1\.1\.0/m);
    expect(rolled.stderr).toMatch(/^western-hub\.yaml:2:\d+ {2}.*demo-2025@1\.1\.0/m);
    // The Markdown roll-up lists the set's problem in its own section, in either language.
    for (const [lang, heading] of [
      ["en", "## Problems of the measure sets"],
      ["zh", "## 评估清单的问题"],
    ] as const) {
      const md = runCli(["aggregate", ".", "--measures", sets, "--lang", lang], { cwd: dir });
      expect(md.status).toBe(1);
      const section = md.stdout.slice(md.stdout.indexOf(heading));
      expect(md.stdout).toContain(heading);
      expect(section).toMatch(/\| \S*1\.1\.0\/set\.yaml:\d+:\d+ \| .*bogusKey/);
    }
  });
});

describe("netdz aggregate: ranked zones that give no region", () => {
  const BASE = readFileSync(
    path.join(FIXTURES, "report", "answers", "strong-eastern.yaml"),
    "utf8",
  );

  it.each<[string, string[], RegExp | null]>([
    ["en", [], /^2 ranked zones give no region, so they are in no region's list here/m],
    ["zh", ["--lang", "zh"], /^有 2 个参与排名的开发区未注明区域，因此不在以上任何区域的名单中/m],
    ["--bottom 0", ["--bottom", "0"], null],
    [
      "html",
      ["--format", "html"],
      /2 ranked zones give no region, so they are in no region&#39;s list here|2 ranked zones give no region, so they are in no region's list here/,
    ],
  ])("are said to be in no region's list of the lowest-ranked zones (%s)", (_name, args, said) => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "a.yaml"), BASE);
    for (const name of ["North Bank", "South Bank"]) {
      const text = BASE.replace(/^ {2}region: eastern\n/m, "").replace(
        /^ {2}name: .*$/m,
        `  name: ${name}`,
      );
      expect(text).not.toMatch(/region: eastern/);
      writeFileSync(path.join(dir, `${name}.yaml`), text);
    }
    const result = runCli(["aggregate", ".", "--measures", SETS, ...args], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    if (said === null) expect(result.stdout).not.toMatch(/no region's list|未注明区域，因此/);
    else expect(result.stdout).toMatch(said);
  });
});

describe("netdz aggregate: a file superseded by one that is left out", () => {
  /** An answers file of the bundled set (the version's own province spelling). */
  const zoneFile = (name: string, version: string, at: string) =>
    [
      "format: netdz-answers/1",
      `measureSet: { id: workplan-2025, version: ${version} }`,
      "zone:",
      `  name: ${name}`,
      version === "1.0.0" ? "  province: Henan\n  region: central" : "  province: henan",
      "  westernHubArea: false",
      "  ftzLinked: true",
      "  customsArea: true",
      "answers:",
      `  M01.Q1: { status: planned, evidence: [x], answeredAt: ${at} }`,
      "",
    ].join("\n");

  it.each<[string, RegExp]>([
    [
      "en",
      /superseded by later\.yaml, answered later for the same zone; later\.yaml is itself left out \(see its line\), so this zone is in none of the figures/,
    ],
    [
      "zh",
      /已被 later\.yaml 取代（同一开发区更晚的填报）；而 later\.yaml 本身未纳入汇总（见其所在行），因此该开发区不在任何统计中/,
    ],
  ])("says its zone is in none of the figures (%s)", (lang, said) => {
    const dir = tempDir();
    // The zone's last answers are on 1.0.0, which the two other zones' 1.1.0 outvotes.
    writeFileSync(
      path.join(dir, "earlier.yaml"),
      zoneFile("Kappa Zone", "1.1.0", "2026-04-01T00:00:00Z"),
    );
    writeFileSync(
      path.join(dir, "later.yaml"),
      zoneFile("Kappa Zone", "1.0.0", "2026-05-01T00:00:00Z"),
    );
    writeFileSync(path.join(dir, "o1.yaml"), zoneFile("O1", "1.1.0", "2026-04-01T00:00:00Z"));
    writeFileSync(path.join(dir, "o2.yaml"), zoneFile("O2", "1.1.0", "2026-04-01T00:00:00Z"));
    const result = runCli(["aggregate", ".", "--lang", lang], { cwd: dir });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toMatch(said);
  });
});

describe("netdz aggregate: an invalid file of a zone used from another file", () => {
  const BASE = readFileSync(
    path.join(FIXTURES, "report", "answers", "strong-eastern.yaml"),
    "utf8",
  );

  it.each<[string, RegExp]>([
    ["en", /\(schema\/enum\); this zone's figures are those of older\.yaml$/m],
    ["zh", /（schema\/enum）；该开发区的统计数据取自 older\.yaml$/m],
  ])("names that file in its reason, and only for that zone (%s)", (lang, said) => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "older.yaml"), BASE);
    const broken = BASE.replace("status: implemented", "status: done");
    expect(broken).not.toBe(BASE);
    writeFileSync(path.join(dir, "newer.yaml"), broken);
    writeFileSync(
      path.join(dir, "other.yaml"),
      broken.replace(/^ {2}name: .*$/m, "  name: Another Zone"),
    );
    const result = runCli(
      ["aggregate", ".", "--measures", SETS, "--lang", lang, "--format", "json"],
      { cwd: dir },
    );
    expect(result.status, result.stderr).toBe(1);
    const leftOut = (JSON.parse(result.stdout) as { leftOut: { file: string; reason: string }[] })
      .leftOut;
    const reasonOf = (file: string) => leftOut.find((e) => e.file === file)?.reason ?? "";
    expect(reasonOf("newer.yaml")).toMatch(said);
    expect(reasonOf("other.yaml")).not.toMatch(/older\.yaml/);
    expect(reasonOf("other.yaml")).toMatch(/schema\/enum/);
  });
  it.each<[string, RegExp]>([
    [
      "en",
      /which is invalid \(first problem: \S+:\d+:\d+ [^)]+\) \(answers\/invalid-set\); this zone's figures are those of older\.yaml$/,
    ],
    [
      "zh",
      /该清单无效（第一个问题：\S+:\d+:\d+ [^）]+）（answers\/invalid-set）；该开发区的统计数据取自 older\.yaml$/,
    ],
  ])("pinned to an invalid set, names that file too (%s)", (lang, said) => {
    const dir = tempDir();
    const sets = twoVersions();
    editFile(
      path.join(sets, "demo-2025", "1.1.0", "m01-original-innovation.yaml"),
      "\nweight: 2\n",
      "\nweight: 0\n",
    );
    writeFileSync(path.join(dir, "older.yaml"), BASE);
    writeFileSync(
      path.join(dir, "newer.yaml"),
      BASE.replace("version: 1.0.0", "version: 1.1.0").replace(
        /answeredAt: 2026-/g,
        "answeredAt: 2027-",
      ),
    );
    const result = runCli(
      ["aggregate", ".", "--measures", sets, "--lang", lang, "--format", "json"],
      { cwd: dir },
    );
    expect(result.status, result.stderr).toBe(1);
    const data = JSON.parse(result.stdout) as {
      zones: { file: string }[];
      leftOut: { file: string; reason: string }[];
    };
    expect(data.zones.map((z) => z.file)).toEqual(["older.yaml"]);
    expect(data.leftOut.find((e) => e.file === "newer.yaml")?.reason).toMatch(said);
  });
});
