import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { report, scoreBelow, type ReportOptions } from "../../src/commands/report.js";
import { sourceDateEpoch } from "../../src/commands/source-date-epoch.js";
import { DataError, UsageError } from "../../src/errors.js";
import { BIN, captureIo, ROOT, tempDir } from "../helpers.js";
import { answersPath, DEMO_SETS } from "../render/report-fixtures.js";

function options(overrides: Partial<ReportOptions> = {}): ReportOptions {
  return {
    answers: answersPath("strong-eastern"),
    format: "md",
    lang: "en",
    top: 10,
    measures: DEMO_SETS,
    ...overrides,
  };
}

const golden = (name: string): string =>
  readFileSync(path.join(ROOT, "test", "golden", "report", name), "utf8");

describe("netdz report (command handler)", () => {
  it("prints the Markdown report to stdout, dated by the last answer", async () => {
    const io = captureIo(tempDir());
    expect(await report(options(), io)).toBe(0);
    expect(io.out()).toBe(golden("strong-eastern.en.md"));
    expect(io.out()).toContain("- **Date**: 2026-03-03\n");
  });

  it("writes JSON to --out through a temp file and leaves nothing else behind", async () => {
    const dir = tempDir();
    const io = captureIo(dir);
    const code = await report(options({ format: "json", lang: "zh", out: "report.json" }), io);
    expect(code).toBe(0);
    expect(io.out()).toBe("");
    expect(readdirSync(dir)).toEqual(["report.json"]);
    expect(readFileSync(path.join(dir, "report.json"), "utf8")).toBe(
      golden("strong-eastern.zh.json"),
    );
    expect(io.err()).toContain("report.json");
  });

  it("replaces an existing --out file", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "report.md"), "old");
    await report(options({ out: "report.md" }), captureIo(dir));
    expect(readFileSync(path.join(dir, "report.md"), "utf8")).toBe(golden("strong-eastern.en.md"));
  });

  it("dates the report from SOURCE_DATE_EPOCH when set", async () => {
    const io = captureIo(tempDir(), { SOURCE_DATE_EPOCH: "1767225600" });
    await report(options(), io);
    expect(io.out()).toContain("- **Date**: 2026-01-01\n");
  });

  it.each(["yesterday", "-5", "1.5"])("rejects SOURCE_DATE_EPOCH=%s", (value) => {
    expect(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: value })).toThrow(UsageError);
  });

  it("ignores an empty SOURCE_DATE_EPOCH", () => {
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: "" })).toBeUndefined();
    expect(sourceDateEpoch({})).toBeUndefined();
  });

  it("passes --fail-under when the overall score (90.92) reaches it", async () => {
    const io = captureIo(tempDir());
    expect(await report(options({ failUnder: 90.9 }), io)).toBe(0);
  });

  it("exits 1 below --fail-under, after writing the report", async () => {
    const dir = tempDir();
    const io = captureIo(dir);
    expect(await report(options({ failUnder: 91, out: "r.md" }), io)).toBe(1);
    expect(readFileSync(path.join(dir, "r.md"), "utf8")).toBe(golden("strong-eastern.en.md"));
    expect(io.err()).toContain("Overall score 90.9 is below the required 91.");
  });

  it("says so in Chinese with --lang zh", async () => {
    const io = captureIo(tempDir());
    expect(await report(options({ failUnder: 95, lang: "zh" }), io)).toBe(1);
    expect(io.err()).toContain("总分 90.9 低于要求的 95。");
  });

  it("refuses --fail-under when the zone declared more than half of what applies not applicable", async () => {
    // The "108 of 109 not applicable, one implemented" trick: 100 points, 100 % completeness.
    const dir = tempDir();
    const data = parse(readFileSync(answersPath("strong-eastern"), "utf8")) as {
      answers: Record<string, Record<string, unknown>>;
    };
    const ids = Object.keys(data.answers);
    for (const id of ids.slice(1)) data.answers[id] = { status: "not_applicable", note: "no" };
    data.answers[ids[0] as string] = { status: "implemented", evidence: ["https://a.example/x"] };
    writeFileSync(path.join(dir, "gamed.yaml"), stringify(data));
    const io = captureIo(dir);
    const code = await report(
      options({ answers: "gamed.yaml", failUnder: 50, format: "json" }),
      io,
    );
    expect(code).toBe(1);
    const json = JSON.parse(io.out()) as {
      overall: { score: number; declaredNotApplicableShare: number };
      counts: { declaredNotApplicable: number };
    };
    expect(json.overall.score).toBe(100);
    expect(json.counts.declaredNotApplicable).toBe(ids.length - 1);
    expect(io.err()).toContain(
      `the zone itself declared ${(json.overall.declaredNotApplicableShare * 100).toFixed(1)}% of the questions that apply to it not applicable, more than half`,
    );
    // Without --fail-under the report is written, with its warning in the header.
    const md = captureIo(dir);
    expect(await report(options({ answers: "gamed.yaml" }), md)).toBe(0);
    expect(md.out()).toMatch(/^> \*\*Warning: the zone itself declared \d+\.\d% of the questions/m);
  });

  it("counts the answers file's warnings on stderr and says how to see them", async () => {
    const io = captureIo(ROOT);
    await report(options({ answers: answersPath("western-hub") }), io);
    expect(io.err()).toMatch(
      /^netdz report: 2 warnings in \S*western-hub\.yaml; run `netdz validate \S*western-hub\.yaml --measures \S+`/,
    );
  });

  it.each([["en"], ["zh"]] as const)(
    "suggests a validate command that runs as pasted (%s): quoted, with --measures",
    async (lang) => {
      const dir = path.join(tempDir(), "zone files");
      mkdirSync(dir);
      const file = path.join(dir, "west 'hub'.yaml");
      copyFileSync(answersPath("western-hub"), file);
      const sets = path.join(tempDir(), "my sets");
      cpSync(DEMO_SETS, sets, { recursive: true });
      const io = captureIo(dir);
      await report(options({ answers: file, measures: sets, lang }), io);
      const command = /`(netdz validate [^`]+)`/.exec(io.err())?.[1];
      expect(command).toBeDefined();
      const run = spawnSync("sh", ["-c", `netdz() { "$NODE" "$BIN" "$@"; }; ${command}`], {
        cwd: dir,
        encoding: "utf8",
        env: { PATH: process.env.PATH, NODE: process.execPath, BIN },
      });
      expect(run.stderr).not.toMatch(/not available|no such file/);
      expect(run.stdout.match(/ {2}warning {2}/g) ?? []).toHaveLength(2);
    },
  );

  it("suggests commands that take a file named -x.yaml for a file, not an option", async () => {
    const dir = tempDir();
    copyFileSync(answersPath("western-hub"), path.join(dir, "-w.yaml"));
    const io = captureIo(dir);
    await report(options({ answers: "-w.yaml" }), io);
    const command = /`(netdz validate [^`]+)`/.exec(io.err())?.[1] ?? "";
    expect(command).toMatch(/^netdz validate \.\/-w\.yaml /);
    const run = spawnSync("sh", ["-c", `netdz() { "$NODE" "$BIN" "$@"; }; ${command}`], {
      cwd: dir,
      encoding: "utf8",
      env: { PATH: process.env.PATH, NODE: process.execPath, BIN },
    });
    expect(run.stderr).not.toMatch(/unknown option/);
    expect(run.stdout.match(/ {2}warning {2}/g) ?? []).toHaveLength(2);
  });

  it("throws DataError for an invalid answers file", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "bad.yaml"), "format: netdz-answers/1\nanswers: 3\n");
    await expect(report(options({ answers: "bad.yaml" }), captureIo(dir))).rejects.toThrow(
      DataError,
    );
  });

  it("throws UsageError when --out cannot be written", async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, "a-file"), "x");
    const io = captureIo(cwd);
    await expect(report(options({ out: "a-file/dir/r.md" }), io)).rejects.toThrow(
      "cannot write a-file/dir/r.md: a part of the path is not a folder",
    );
  });

  it("makes the folders missing above --out, as every command that writes a file does", async () => {
    const cwd = tempDir();
    await report(options({ out: "missing/dir/r.md" }), captureIo(cwd));
    expect(readFileSync(path.join(cwd, "missing", "dir", "r.md"), "utf8")).toMatch(/^# /);
  });

  it("rejects a negative --top", async () => {
    await expect(report(options({ top: -1 }), captureIo(tempDir()))).rejects.toThrow(UsageError);
  });
});

describe("scoreBelow", () => {
  it.each([
    [84.96, 85, "84.96"],
    [84.94, 85, "84.9"],
    [64.996, 65, "64.996"],
    [12.34, 50, "12.3"],
    // As many decimals as the threshold has, at least: not "4.2 is below 4.2017".
    [4.20168, 4.2017, "4.20168"],
    [4.2, 4.25, "4.20"],
    [30.123, 30.5, "30.1"],
  ])("shows %s under %s as %s", (score, threshold, shown) => {
    expect(scoreBelow(score, threshold)).toBe(shown);
  });
});
