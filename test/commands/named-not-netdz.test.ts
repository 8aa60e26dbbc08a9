import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/main.js";
import { captureIo, FIXTURES, ROOT, tempDir } from "../helpers.js";

const SETS = path.join(FIXTURES, "report", "sets");
const ZONE = path.join(ROOT, "test", "fixtures", "province", "zones", "2026", "haiyan.yaml");

/** Prose YAML cannot read, quoting a netdz file in a fenced block further down. */
const NOTES = [
  "# How we fill in the self-assessment",
  "",
  "Run `netdz assess`: it asks, then writes this:",
  "",
  "```yaml",
  "format: netdz-changes/1",
  "```",
  "",
  "```yaml",
  "format: netdz-answers/1",
  "```",
  "",
].join("\n");

describe("a file named by mistake that is no netdz file, and does not parse as YAML", () => {
  it("aggregate leaves it out as no netdz file (not by its first YAML error)", async () => {
    const dir = tempDir();
    cpSync(ZONE, path.join(dir, "haiyan.yaml"));
    writeFileSync(path.join(dir, "NOTES.md"), NOTES);
    const io = captureIo(dir);
    const code = await main(
      ["aggregate", "haiyan.yaml", "NOTES.md", "--measures", SETS, "--format", "json"],
      io,
    );
    expect(code).toBe(1);
    const rolled = JSON.parse(io.out()) as { leftOut: { file: string; code: string }[] };
    expect(rolled.leftOut).toEqual([
      expect.objectContaining({ file: "NOTES.md", code: "file/unknown-format" }),
    ]);
    expect(io.err()).toContain("NOTES.md:");
    expect(io.err()).toContain('not a netdz file: it has no "format"');
  });

  it("validate says it is no netdz file (it took a quoted example for its format)", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "NOTES.md"), NOTES);
    const io = captureIo(dir);
    expect(await main(["validate", "NOTES.md"], io)).toBe(1);
    const first = io.out().split("\n")[0] ?? "";
    expect(first).toMatch(
      /^NOTES\.md:\d+:\d+ {2}error {2}file\/unknown-format {2}not a netdz file/,
    );
    expect(io.out()).not.toContain("set/no-header");
  });
});

describe("a changes file given outside a set folder", () => {
  it.each([
    ["en", "this changes file (format: netdz-changes/1) has no set.yaml beside it"],
    ["zh", "这个版本变更文件（format: netdz-changes/1）旁边没有 set.yaml"],
  ])("is named as a changes file, not a measure file (%s)", async (lang, expected) => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "changes.yaml"), "format: netdz-changes/1\nfrom: 1.0.0\n");
    const io = captureIo(dir);
    expect(await main(["validate", "changes.yaml", "--lang", lang], io)).toBe(1);
    expect(io.out()).toContain(`changes.yaml:1:9  error  set/no-header  ${expected}`);
    expect(io.out()).not.toContain("measure file");
    expect(io.out()).not.toContain("举措文件");
  });
});

describe("a changes file named where an answers file is expected", () => {
  it.each([
    ["format: netdz-changes/1\nfrom: 1.0.0\nchanges: []\n"],
    ["format: netdz-changes/1\nfoo: [\n"], // and broken
  ])("is left out by aggregate as not an answers file: %j", async (text) => {
    const dir = tempDir();
    cpSync(ZONE, path.join(dir, "haiyan.yaml"));
    writeFileSync(path.join(dir, "changes.yaml"), text);
    const io = captureIo(dir);
    const args = ["aggregate", "haiyan.yaml", "changes.yaml", "--measures", SETS];
    expect(await main([...args, "--format", "json"], io)).toBe(1);
    const rolled = JSON.parse(io.out()) as { leftOut: { file: string; code: string }[] };
    expect(rolled.leftOut).toEqual([
      expect.objectContaining({ file: "changes.yaml", code: "answers/not-answers-file" }),
    ]);
    expect(io.err()).toContain("changes (changes.yaml) file, not an answers file");
    const zh = captureIo(dir);
    await main([...args, "--lang", "zh"], zh);
    expect(zh.err()).toContain("这是版本变更（changes.yaml）文件，不是答卷文件");
  });
});

describe("an answers file broken on the line of its format, found in a folder", () => {
  it("is listed with its error, not passed over", async () => {
    const dir = tempDir();
    cpSync(ZONE, path.join(dir, "haiyan.yaml"));
    writeFileSync(
      path.join(dir, "broken.yaml"),
      "measureSet: { id: workplan-2025, version: 1.0.0\nformat: netdz-answers/1\nanswers: {}\n",
    );
    const io = captureIo(dir);
    expect(await main(["aggregate", ".", "--measures", SETS, "--format", "json"], io)).toBe(1);
    const rolled = JSON.parse(io.out()) as { leftOut: { file: string; code: string }[] };
    expect(rolled.leftOut).toEqual([
      expect.objectContaining({ file: "broken.yaml", code: "yaml/syntax" }),
    ]);
  });

  it("is listed when it is a JSON file over 256 KB, by aggregate and by validate", async () => {
    const dir = tempDir();
    cpSync(ZONE, path.join(dir, "haiyan.yaml"));
    const json = '{\n  "format": "netdz-answers/1",\n  "answers": { "M09.Q1": {}\n}\n';
    writeFileSync(path.join(dir, "broken.json.yaml"), `${json}# ${"p".repeat(300_000)}\n`);
    const io = captureIo(dir);
    expect(await main(["aggregate", ".", "--measures", SETS, "--format", "json"], io)).toBe(1);
    const rolled = JSON.parse(io.out()) as { leftOut: { file: string; line: number }[] };
    expect(rolled.leftOut).toEqual([
      expect.objectContaining({ file: "broken.json.yaml", line: 1, code: "yaml/syntax" }),
    ]);
    const check = captureIo(dir);
    expect(await main(["validate", ".", "--measures", SETS], check)).toBe(1);
    expect(check.out() + check.err()).toMatch(/broken\.json\.yaml:1:1 +error +yaml\/syntax/);
  });
});

describe("an answers file of a format netdz does not read, given where answers are asked for", () => {
  /** The province's haiyan.yaml with another format line. */
  function withFormat(dir: string, format: string): string {
    const file = path.join(dir, "zone.yaml");
    const text = readFileSync(ZONE, "utf8").replace(/^format: .*$/m, `format: ${format}`);
    writeFileSync(file, text);
    return "zone.yaml";
  }

  it.each([
    [
      "report",
      "netdz-answers/2",
      "en",
      'zone.yaml:1:9  error  file/unknown-format  format "netdz-answers/2" is a later version than this netdz reads (netdz-answers/1): update netdz to read this file',
    ],
    [
      "report",
      "netdz-answer/1",
      "zh",
      "zone.yaml:1:9  error  file/unknown-format  未知的 format“netdz-answer/1”：是否应为 netdz-answers/1？",
    ],
    [
      "diff",
      "Netdz-Answers/1",
      "en",
      'zone.yaml:1:9  error  file/unknown-format  unknown format "Netdz-Answers/1": did you mean netdz-answers/1?',
    ],
  ])(
    "%s on a %s file (%s) is that one located problem, exit 1",
    async (command, format, lang, line) => {
      const dir = tempDir();
      const file = withFormat(dir, format);
      const args = command === "diff" ? [file, file] : [file];
      const io = captureIo(dir);
      const code = await main([command, ...args, "--measures", SETS, "--lang", lang], io);
      expect(code).toBe(1);
      const problems = io
        .err()
        .split("\n")
        .filter((l) => l.startsWith("zone.yaml:"));
      expect(problems[0]).toBe(line);
      expect(new Set(problems).size).toBe(1);
      expect(io.err()).not.toContain("schema/");
    },
  );
});

describe("a file named as answers that is no netdz file (no format at all)", () => {
  const FILES: [string, string][] = [
    ["empty.yaml", ""],
    ["list.yaml", "- a\n"],
    [
      "noformat.yaml",
      "measureSet: { id: workplan-2025, version: 1.0.0 }\nzone: haiyan\nanswers: {}\n",
    ],
    ["broken.yaml", "a: [1\nb: 2\n"],
  ];

  /** The problem lines a run printed about `file`, on either stream. */
  function problemLines(io: { out(): string; err(): string }, file: string): string[] {
    return `${io.out()}\n${io.err()}`.split("\n").filter((l) => l.startsWith(`${file}:`));
  }

  it.each(
    FILES.flatMap(([file, text]) =>
      ["report", "diff", "migrate"].flatMap((command) =>
        ["en", "zh"].map((lang) => [command, file, lang, text] as const),
      ),
    ),
  )(
    "%s on %s (%s) says what validate says: it is no netdz file",
    async (command, file, lang, text) => {
      const dir = tempDir();
      writeFileSync(path.join(dir, file), text);
      const checked = captureIo(dir);
      expect(await main(["validate", file, "--measures", SETS, "--lang", lang], checked)).toBe(1);
      const expected = problemLines(checked, file);
      expect(expected[0]).toMatch(
        new RegExp(`^${file.replace(".", "\\.")}:1:1  error  file/unknown-format  `),
      );
      const args =
        command === "diff" ? [file, file] : command === "migrate" ? [file, "--dry-run"] : [file];
      const io = captureIo(dir);
      expect(await main([command, ...args, "--measures", SETS, "--lang", lang], io)).toBe(1);
      const said = problemLines(io, file);
      expect(said).toEqual(expected);
      expect(io.err()).not.toContain("schema/");
    },
  );
});
