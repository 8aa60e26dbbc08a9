// The Inquirer testing screen must be imported before the module that uses the prompts.
import { screen } from "@inquirer/testing/vitest";
import { spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { listOnScreen, pickOnScreen } from "./screen-list.js";
import { parse } from "yaml";
import { assess, reportPathFor, type AssessOptions } from "../../src/commands/assess.js";
import { init } from "../../src/commands/init.js";
import { CancelledError, DataError, UsageError } from "../../src/errors.js";
import type { Io } from "../../src/io.js";
import { shellPath, shellQuote } from "../../src/prompts/shell.js";
import { captureIo, tempDir } from "../helpers.js";
import { writeTinySet } from "../e2e/pty.js";

type TestIo = Io & { out(): string; err(): string };

/** An Io whose standard input claims to be a terminal. */
function terminalIo(cwd: string, env: NodeJS.ProcessEnv = {}): TestIo {
  const io = captureIo(cwd, env);
  return { ...io, stdin: Object.assign(new PassThrough(), { isTTY: true }) };
}

function setup(): { dir: string; sets: string; file: string; options: AssessOptions } {
  const dir = tempDir();
  const sets = writeTinySet(dir);
  const file = path.join(dir, "zone.yaml");
  return {
    dir,
    sets,
    file,
    options: { answers: "zone.yaml", measures: sets, lang: "en", review: false },
  };
}

function writeAnswers(file: string, lines: string[]): string {
  const text = [
    "format: netdz-answers/1",
    "measureSet: { id: tiny, version: 1.0.0 }",
    ...lines,
    "",
  ].join("\n");
  writeFileSync(file, text);
  return text;
}

function answersOf(file: string): Record<string, Record<string, unknown>> {
  const data = parse(readFileSync(file, "utf8")) as {
    answers: Record<string, Record<string, unknown>> | null;
  };
  return data.answers ?? {};
}

/** Items of the list on screen and the index of the one under the cursor. */
function list(): { items: string[]; active: number } {
  return listOnScreen(screen);
}

/** Chooses an item by the start of its name (the last prompt of a session: no waiting). */
function chooseLast(label: string): void {
  pickOnScreen(screen, label);
}

/** Chooses an item by the start of its name, then waits for the next prompt. */
async function choose(label: string): Promise<void> {
  chooseLast(label);
  await screen.next();
}

/** Types a line, presses Enter, and waits for the next prompt. */
async function typeLine(text: string): Promise<void> {
  if (text) screen.type(text);
  screen.keypress("enter");
  await screen.next();
}

/** Answers the tiny set's zone profile: name, Eastern, hub as given, no assessor. */
async function answerProfile(hub: "Yes" | "No"): Promise<void> {
  await screen.next();
  expect(screen.getScreen()).toContain("? Zone name");
  await typeLine("Test Zone");
  await choose("Eastern");
  await choose(hub);
  await typeLine("");
  await typeLine("");
}

describe("assess: refusals", () => {
  it("needs a terminal and points to init", async () => {
    const { dir, options } = setup();
    const io = captureIo(dir);
    const run = assess(options, io);
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow(/netdz init --answers zone\.yaml/);
    expect(existsSync(path.join(dir, "zone.yaml"))).toBe(false);
  });

  it("leaves an invalid file untouched and reports its problems", async () => {
    const { dir, file, options } = setup();
    const text = writeAnswers(file, ["zone: {}", "answers:", "  M01.Q1: { status: done }"]);
    const error = await assess(options, terminalIo(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toContain("zone.yaml has the problems above");
    const errors = (error as DataError).diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.line, d.column, d.code])).toEqual([[5, 21, "schema/enum"]]);
    expect(readFileSync(file, "utf8")).toBe(text);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it.each([
    ["a list", "- a\n"],
    [
      "a mapping without format",
      "measureSet: { id: tiny, version: 1.0.0 }\nzone: x\nanswers: {}\n",
    ],
  ])("leaves %s untouched as no netdz file, as validate says it", async (_name, text) => {
    const { dir, file, options } = setup();
    writeFileSync(file, text);
    const error = await assess(options, terminalIo(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    const errors = (error as DataError).diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.line, d.column, d.code])).toEqual([[1, 1, "file/unknown-format"]]);
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("fails clearly when the pinned version is not available", async () => {
    const { dir, file, options } = setup();
    writeFileSync(
      file,
      "format: netdz-answers/1\nmeasureSet: { id: tiny, version: 9.9.9 }\nzone: {}\nanswers: {}\n",
    );
    const error = await assess(options, terminalIo(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    const codes = (error as DataError).diagnostics.map((d) => d.code);
    expect(codes).toContain("answers/set-not-available");
  });

  it("refuses --set that differs from the file's pinned set", async () => {
    const { dir, file, options } = setup();
    writeAnswers(file, ["zone: {}", "answers: {}"]);
    await expect(assess({ ...options, set: "tiny@0.9.0" }, terminalIo(dir))).rejects.toThrow(
      "zone.yaml holds answers for tiny@1.0.0, not tiny@0.9.0; leave out --set",
    );
  });

  it("refuses --set naming a newer version and says how to migrate", async () => {
    const { dir, file, options } = setup();
    writeAnswers(file, ["zone: {}", "answers: {}"]);
    for (const [lang, words] of [
      ["en", "zone.yaml holds answers for tiny@1.0.0, not tiny@2.0.0; to carry them over"],
      ["zh", "如要将答案迁移到新版本，请先运行"],
    ] as const) {
      await expect(
        assess({ ...options, lang, set: "tiny@2.0.0" }, terminalIo(dir)),
      ).rejects.toThrow(words);
      await expect(
        assess({ ...options, lang, set: "tiny@2.0.0" }, terminalIo(dir)),
      ).rejects.toThrow("netdz migrate zone.yaml");
    }
  });

  it("refuses a file locked by a running process", async () => {
    const { dir, file, options } = setup();
    // A running netdz (argv names it), holding a lock in the pid-only form.
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)", "netdz"], {
      stdio: "ignore",
    });
    try {
      writeFileSync(`${file}.lock`, `${child.pid}\n`);
      await expect(assess(options, terminalIo(dir))).rejects.toThrow(
        `zone.yaml is being assessed in another session (process ${child.pid}); finish that one first`,
      );
    } finally {
      child.kill("SIGKILL");
    }
  });
});

describe("assess: the lock is the real file's (QA 3 #3, #9)", () => {
  /** A running netdz (argv names it) holding `lockFile` in the pid-only form; stopped after. */
  async function whileLocked(lockFile: string, body: (pid: number) => Promise<void>) {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)", "netdz"], {
      stdio: "ignore",
    });
    try {
      writeFileSync(lockFile, `${child.pid}\n`);
      await body(child.pid!);
    } finally {
      child.kill("SIGKILL");
    }
  }

  it("through a symbolic link, the refusal names the lock file that is there (en, zh)", async () => {
    const { dir, file, options } = setup();
    writeAnswers(file, ["zone: { name: Z, region: eastern, hub: false }", "answers: {}"]);
    symlinkSync("zone.yaml", path.join(dir, "link.yaml"));
    await whileLocked(`${file}.lock`, async (pid) => {
      for (const [lang, words] of [
        [
          "en",
          `link.yaml is being assessed in another session (process ${pid}); finish that one first. If no other netdz is running, delete zone.yaml.lock and try again`,
        ],
        [
          "zh",
          `link.yaml 正在另一个会话中填写（进程 ${pid}），请先结束该会话。如确认没有其他 netdz 在运行，可删除 zone.yaml.lock 后重试`,
        ],
      ] as const) {
        const run = assess({ ...options, answers: "link.yaml", lang }, terminalIo(dir));
        await expect(run).rejects.toThrow(words);
      }
    });
    expect(existsSync(path.join(dir, "link.yaml.lock"))).toBe(false);
  });

  it("a lock file of a linked file that is not a pid names the real lock file too", async () => {
    const { dir, file, options } = setup();
    writeAnswers(file, ["zone: { name: Z, region: eastern, hub: false }", "answers: {}"]);
    mkdirSync(path.join(dir, "sub"));
    symlinkSync("../zone.yaml", path.join(dir, "sub", "link.yaml"));
    writeFileSync(`${file}.lock`, "garbage\n");
    await expect(assess({ ...options, answers: "sub/link.yaml" }, terminalIo(dir))).rejects.toThrow(
      "the lock file zone.yaml.lock of sub/link.yaml is unreadable",
    );
  });

  it("refuses a file with several names (hard links), before anything is asked (en, zh)", async () => {
    const { dir, file, options } = setup();
    const text = writeAnswers(file, [
      "zone: { name: Z, region: eastern, hub: false }",
      "answers: {}",
    ]);
    mkdirSync(path.join(dir, "sub"));
    linkSync(file, path.join(dir, "sub", "hard.yaml"));
    for (const [answers, lang, words] of [
      ["sub/hard.yaml", "en", "sub/hard.yaml is one file with 2 names (hard links)"],
      [
        "zone.yaml",
        "en",
        "Make it a file of its own (`cp zone.yaml zone.yaml.new && mv zone.yaml.new zone.yaml`)",
      ],
      ["zone.yaml", "zh", "zone.yaml 是一个有 2 个名称（硬链接）的文件"],
    ] as const) {
      const error = await assess({ ...options, answers, lang }, terminalIo(dir)).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toContain(words);
    }
    expect(readFileSync(file, "utf8")).toBe(text);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(existsSync(path.join(dir, "sub", "hard.yaml.lock"))).toBe(false);
  });

  it("refuses a read-only answers file at start, before the first screen (QA 3 #5, en, zh)", async () => {
    const { dir, file, options } = setup();
    const text = writeAnswers(file, [
      "zone: { name: Z, region: eastern, hub: false }",
      "answers: {}",
    ]);
    chmodSync(file, 0o444);
    for (const [lang, words] of [
      [
        "en",
        "cannot write zone.yaml: it is read-only, and netdz does not replace a read-only file; make it writable (chmod u+w) or choose another file",
      ],
      ["zh", "无法写入 zone.yaml"],
    ] as const) {
      const io = terminalIo(dir);
      const error = await assess({ ...options, lang }, io).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toContain(words);
      // Nothing was asked: no screen, no "Continuing".
      expect(io.out()).toBe("");
    }
    expect(readFileSync(file, "utf8")).toBe(text);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("init --force through a symbolic link sees the session's lock on the real file", async () => {
    const { dir, file } = setup();
    writeAnswers(file, ["zone: { name: Z, region: eastern, hub: false }", "answers: {}"]);
    symlinkSync("zone.yaml", path.join(dir, "link.yaml"));
    await whileLocked(`${file}.lock`, async (pid) => {
      const io = captureIo(dir);
      await expect(init({ answers: "link.yaml", lang: "en", force: true }, io)).rejects.toThrow(
        `link.yaml is open in a \`netdz assess\` session (process ${pid})`,
      );
    });
  });
});

describe("assess: a session", () => {
  it("creates the file, asks the profile, saves each answer, and quits from the menu", async () => {
    const { dir, file, options, sets } = setup();
    const io = terminalIo(dir);
    const run = assess(options, io);
    await answerProfile("No");
    expect(io.out()).toContain("Starting a new self-assessment with tiny@1.0.0");
    expect(screen.getScreen()).toContain("? Your answer");
    expect(io.out()).toContain("Area 1/2 · Measure 1/2 · Question 1/6");
    expect(io.out()).toContain("1 question does not apply to this zone and will be skipped.");
    await choose("Planned");
    // A gap: the owner is asked once; this time the owner and date are given.
    expect(screen.getScreen()).toContain("? Owner of M01.Q1");
    await typeLine("Planning office");
    await typeLine("2027-06-30");
    expect(answersOf(file)).toMatchObject({
      "M01.Q1": { status: "planned", owner: "Planning office", due: "2027-06-30" },
    });
    await choose("☰ Menu");
    chooseLast("Save and quit");
    await expect(run).resolves.toBe(0);
    expect(io.out()).toContain("1 answer is saved in zone.yaml.");
    expect(io.out()).toContain(`To continue: netdz assess --answers zone.yaml --measures ${sets}`);
    expect(existsSync(`${file}.lock`)).toBe(false);
    const data = parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    expect(data.zone).toEqual({ name: "Test Zone", region: "eastern", hub: false });
    // A temporary folder is outside this checkout: no schema path, the header says how instead.
    expect(readFileSync(file, "utf8").split("\n").slice(0, 2)).toEqual([
      "# For checks and completion in your editor, save the schema beside this file:",
      "#   netdz schema answers > netdz-answers.schema.json",
    ]);
  });

  it("says how many answers are saved and how to resume when cancelled", async () => {
    const { dir, file, options } = setup();
    writeAnswers(file, [
      "zone: { name: Z, region: eastern, hub: false }",
      "answers:",
      "  M01.Q1: { status: planned }",
    ]);
    const io = terminalIo(dir, { LANG: "en_US.UTF-8" });
    const run = assess({ ...options, lang: "zh" }, io);
    await screen.next();
    screen.keypress({ name: "c", ctrl: true });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as Error).message).toContain("已有 1 道题的答案保存在 zone.yaml");
    expect((error as Error).message).toContain("--lang zh");
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("jumps to a measure, edits the zone profile, and shows the summary from the menu", async () => {
    const { dir, file, options } = setup();
    writeAnswers(file, ["zone: { name: Z, region: eastern, hub: false }", "answers: {}"]);
    const io = terminalIo(dir);
    const run = assess(options, io);
    await screen.next();
    await choose("☰ Menu");
    await choose("Jump to a measure");
    expect(list().items.map((item) => item.replace(/\s+/g, " "))).toEqual([
      "M01 Measure 1 title 0/3 answered",
      "M02 Measure 2 title 0/3 answered",
      "Back to the question",
    ]);
    await choose("M02");
    expect(io.out()).toMatch(/M02\.Q1 +Question M02\.Q1\?/);
    await choose("☰ Menu");
    await choose("Edit the zone profile");
    await typeLine("");
    await choose("Eastern");
    await choose("Yes");
    await typeLine("");
    await typeLine("");
    expect(io.out()).toContain("Every question applies to this zone.");
    expect(parse(readFileSync(file, "utf8"))).toMatchObject({ zone: { hub: true } });
    await choose("Yes");
    expect(io.out()).toMatch(/M02\.Q2 +Question M02\.Q2\?/);
    await choose("☰ Menu");
    await choose("Show the summary");
    expect(io.out()).toMatch(/Answered +1/);
    expect(io.out()).toMatch(/Score preview: [\d.]+ \/ 100/);
    await choose("Back to the question");
    await choose("☰ Menu");
    screen.keypress({ name: "c", ctrl: true });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(answersOf(file)).toMatchObject({ "M02.Q1": { value: true } });
  });

  it("lets Escape or Back leave the menu, the jump list, the summary and the zone profile", async () => {
    const { dir, file, options } = setup();
    writeAnswers(file, [
      "zone: { name: Z, region: eastern, hub: false }",
      "answers:",
      "  M01.Q1: { status: in_progress }",
    ]);
    const before = readFileSync(file, "utf8");
    // Keys reach the Asker through the testing screen's input, as they do from a terminal.
    const io = { ...terminalIo(dir), stdin: Object.assign(screen.input, { isTTY: true }) };
    const run = assess({ ...options, review: true }, io);
    await screen.next();
    const onQuestion = (): void => {
      expect(list().items[list().active]).toBe("In progress (current answer)");
    };
    onQuestion();
    // Escape on the question's list: nothing moves, nothing is saved.
    screen.keypress("escape");
    onQuestion();
    await choose("☰ Menu");
    screen.keypress("escape");
    await screen.next();
    onQuestion();
    await choose("☰ Menu");
    await choose("Jump to a measure");
    await choose("Back to the question");
    onQuestion();
    await choose("☰ Menu");
    await choose("Jump to a measure");
    screen.keypress("escape");
    await screen.next();
    // Escape in the jump list returns to the menu it came from; Escape there, to the question.
    expect(screen.getScreen()).toContain("? Menu");
    expect(list().items[list().active]).toBe("Jump to a measure");
    screen.keypress("escape");
    await screen.next();
    onQuestion();
    await choose("☰ Menu");
    await choose("Show the summary");
    screen.keypress("escape");
    await screen.next();
    onQuestion();
    await choose("☰ Menu");
    await choose("Edit the zone profile");
    screen.keypress("escape");
    await screen.next();
    onQuestion();
    expect(readFileSync(file, "utf8")).toBe(before);
    screen.keypress({ name: "c", ctrl: true });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("shows in its summary the same counts as the report of the same file", async () => {
    const { dir, sets, file, options } = setup();
    // Every edge case once: answered, don't know, declared not applicable, an empty entry,
    // a note alone, a review mark alone, a value of the wrong type, and one the profile excludes.
    writeAnswers(file, [
      "zone: { name: Z, region: eastern, hub: false }",
      "answers:",
      "  M01.Q1: { status: planned, review: true }",
      "  M01.Q2: { status: unknown }",
      "  M01.Q3: { status: not_applicable, note: none here }",
      "  M02.Q1: { value: true }",
      "  M02.Q2:",
      "  M02.Q3: { note: ask the bureau }",
    ]);
    const io = terminalIo(dir);
    const run = assess(options, io);
    await screen.next();
    await choose("☰ Menu");
    await choose("Show the summary");
    const { loadAnswersWithSet } = await import("../../src/fs/answers-loader.js");
    const { scoreAssessment } = await import("../../src/core/score.js");
    const loaded = await loadAnswersWithSet(file, { cwd: dir, measuresDir: sets });
    const counts = scoreAssessment(loaded.set, loaded.answers).counts;
    const shown = (label: string): number => {
      const match = new RegExp(`${label}[^\\n]*?(\\d+)\\n`).exec(io.out());
      return Number(match?.[1]);
    };
    expect(shown("Answered")).toBe(counts.answered);
    expect(shown("Don't know")).toBe(counts.unknown);
    expect(shown("Not applicable")).toBe(counts.notApplicable);
    expect(shown("Unanswered")).toBe(counts.unanswered);
    expect(shown("Marked for review")).toBe(counts.review);
    expect(shown("Questions in the set")).toBe(counts.total);
    expect(counts).toMatchObject({ answered: 2, unknown: 1, unanswered: 2, review: 1 });
    screen.keypress({ name: "c", ctrl: true });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });

  it("starts a new assessment in an existing file that holds nothing", async () => {
    for (const text of ["", "  \n\n", "# only a comment\n\n# and another\n", "# just a comment"]) {
      const { dir, file, options } = setup();
      writeFileSync(file, text);
      const io = terminalIo(dir);
      const run = assess(options, io);
      await screen.next();
      expect(screen.getScreen()).toContain("? Zone name");
      expect(io.out()).toContain("Starting a new self-assessment");
      screen.keypress({ name: "c", ctrl: true });
      await expect(run).rejects.toBeInstanceOf(CancelledError);
      expect(parse(readFileSync(file, "utf8"))).toMatchObject({
        format: "netdz-answers/1",
        measureSet: { id: "tiny", version: "1.0.0" },
      });
      // The user's own comments are kept.
      const written = readFileSync(file, "utf8");
      for (const line of text.split("\n").filter((l) => l.startsWith("#"))) {
        expect(written.split("\n")).toContain(line);
      }
    }
  });

  it("follows a zone profile changed in the file by hand while the session runs", async () => {
    const { dir, file, options } = setup();
    const text = writeAnswers(file, [
      "zone: { name: Z, region: eastern, hub: true }",
      "answers:",
      "  M01.Q1: { status: planned }",
      "  M01.Q2: { value: 4 }",
      "  M01.Q3: { value: high }",
    ]);
    const io = terminalIo(dir);
    const run = assess(options, io);
    await screen.next();
    expect(io.out()).toMatch(/M02\.Q1 +Question M02\.Q1\?/);
    // In an editor, the zone is now outside the hub area, so M02.Q2 no longer applies.
    writeFileSync(file, text.replace("hub: true", "hub: false"));
    await choose("Yes");
    expect(io.out()).toContain("The zone profile was changed in the file");
    expect(io.out()).not.toMatch(/M02\.Q2 +Question M02\.Q2\?/);
    await choose("☰ Menu");
    chooseLast("Save and quit");
    await expect(run).resolves.toBe(0);
    expect(parse(readFileSync(file, "utf8"))).toMatchObject({
      zone: { hub: false },
      answers: { "M02.Q1": { value: true } },
    });
  });

  it("walks everything again with --review, the current answers preselected", async () => {
    const { dir, file, options } = setup();
    writeAnswers(file, [
      "zone: { name: Z, region: eastern, hub: false }",
      "answers:",
      "  M01.Q1: { status: planned } # checked in May",
      "  M01.Q2: { value: 4 }",
    ]);
    const io = terminalIo(dir);
    const run = assess({ ...options, review: true }, io);
    await screen.next();
    expect(io.out()).toContain("Reviewing every answer in zone.yaml");
    const first = list();
    expect(first.items[first.active]).toBe("Planned (current answer)");
    await choose("Planned");
    expect(list().items[0]).toBe("Enter the number (items) — now 4 items");
    await choose("→ Skip");
    await choose("☰ Menu");
    chooseLast("Save and quit");
    await expect(run).resolves.toBe(0);
    expect(readFileSync(file, "utf8")).toContain("# checked in May");
    expect(answersOf(file)["M01.Q2"]).toEqual({ value: 4 });
  });

  it("at the end shows the summary and writes the report next to the answers", async () => {
    const { dir, file, options } = setup();
    writeAnswers(file, [
      "zone: { name: Z, region: eastern, hub: false }",
      "answers:",
      "  M01.Q1: { status: implemented, evidence: [a.pdf] }",
      "  M01.Q2: { value: 10 }",
      "  M01.Q3: { value: high }",
      "  M02.Q1: { value: true }",
      "  M02.Q3: { value: [x, y] }",
    ]);
    const io = terminalIo(dir);
    const run = assess(options, io);
    await screen.next();
    await choose("Enter the answer");
    await typeLine("Shared services");
    expect(io.out()).toMatch(/Answered +6/);
    expect(io.out()).toContain("Score preview: 100.0 / 100 — Leading");
    expect(screen.getScreen()).toContain("Write the report to zone-report.md?");
    screen.keypress("enter");
    await expect(run).resolves.toBe(0);
    expect(existsSync(path.join(dir, "zone-report.md"))).toBe(true);
    expect(io.out()).toContain("6 answers are saved in zone.yaml.");
  });

  it("says everything is answered when resuming a complete file", async () => {
    const { dir, file, options } = setup();
    writeAnswers(file, [
      "zone: { name: Z, region: eastern, hub: false }",
      "answers:",
      "  M01.Q1: { status: unknown }",
      "  M01.Q2: { status: unknown }",
      "  M01.Q3: { status: unknown }",
      "  M02.Q1: { status: unknown }",
      "  M02.Q3: { status: unknown }",
      "  M02.Q4: { status: not_applicable, note: none }",
    ]);
    const io = terminalIo(dir);
    const run = assess(options, io);
    await screen.next();
    expect(io.out()).toContain("All 6 questions that apply to this zone are done");
    expect(io.out()).toContain("--review");
    screen.type("n");
    screen.keypress("enter");
    await expect(run).resolves.toBe(0);
    expect(io.out()).toContain(
      "To write the report later: netdz report zone.yaml --out zone-report.md",
    );
  });
});

describe("assess: the end-of-session report never overwrites silently", () => {
  const complete = [
    "zone: { name: Z, region: eastern, hub: false }",
    "answers:",
    "  M01.Q1: { status: unknown }",
    "  M01.Q2: { status: unknown }",
    "  M01.Q3: { status: unknown }",
    "  M02.Q1: { status: unknown }",
    "  M02.Q3: { status: unknown }",
    "  M02.Q4: { status: not_applicable, note: none }",
  ];
  const OLD = "# an earlier report, kept\n";

  /** A complete file with a report beside it; the session waits at "Write the report to …?". */
  async function atOffer(lang: "en" | "zh" = "en"): Promise<{
    dir: string;
    old: string;
    io: TestIo;
    run: Promise<number>;
  }> {
    const { dir, file, options } = setup();
    writeAnswers(file, complete);
    const old = path.join(dir, "zone-report.md");
    writeFileSync(old, OLD);
    const io = terminalIo(dir);
    const run = assess({ ...options, lang }, io);
    await screen.next();
    return { dir, old, io, run };
  }

  /** Escape as the terminal sends it: a keypress on standard input, where the asker listens. */
  function escape(io: TestIo): void {
    io.stdin.emit("keypress", "\x1b", { name: "escape" });
  }

  async function enter(): Promise<void> {
    screen.keypress("enter");
    await screen.next();
  }

  it("asks before overwriting (default no), then writes a free name beside it", async () => {
    const { dir, old, run } = await atOffer();
    expect(screen.getScreen()).toContain("Write the report to zone-report.md?");
    await enter();
    expect(screen.getScreen()).toContain("zone-report.md already exists. Overwrite it?");
    await enter();
    expect(list().items).toEqual([
      "Write it to zone-report-2.md",
      "Type another file name",
      "Don't write the report now",
    ]);
    screen.keypress("enter");
    await expect(run).resolves.toBe(0);
    expect(readFileSync(old, "utf8")).toBe(OLD);
    expect(readFileSync(path.join(dir, "zone-report-2.md"), "utf8")).toContain("# ");
  });

  it("skips names already taken when it picks a free one", async () => {
    const { dir, old, run } = await atOffer();
    writeFileSync(path.join(dir, "zone-report-2.md"), OLD);
    await enter();
    await enter();
    expect(list().items[0]).toBe("Write it to zone-report-3.md");
    screen.keypress("enter");
    await expect(run).resolves.toBe(0);
    expect(readFileSync(old, "utf8")).toBe(OLD);
    expect(readFileSync(path.join(dir, "zone-report-2.md"), "utf8")).toBe(OLD);
    expect(existsSync(path.join(dir, "zone-report-3.md"))).toBe(true);
  });

  it("overwrites only when the user says so", async () => {
    const { old, run } = await atOffer();
    await enter();
    screen.type("y");
    screen.keypress("enter");
    await expect(run).resolves.toBe(0);
    expect(readFileSync(old, "utf8")).not.toBe(OLD);
    expect(readFileSync(old, "utf8")).toContain("Z");
  });

  it("writes to a path the user types, and asks again when that one exists too", async () => {
    const { dir, old, run } = await atOffer();
    writeFileSync(path.join(dir, "taken.md"), OLD);
    await enter();
    await enter();
    await choose("Type another file name");
    await typeLine("taken.md");
    expect(screen.getScreen()).toContain("taken.md already exists. Overwrite it?");
    await enter();
    await choose("Type another file name");
    screen.type("mine.md");
    screen.keypress("enter");
    await expect(run).resolves.toBe(0);
    expect(readFileSync(old, "utf8")).toBe(OLD);
    expect(readFileSync(path.join(dir, "taken.md"), "utf8")).toBe(OLD);
    expect(existsSync(path.join(dir, "mine.md"))).toBe(true);
  });

  it("returns to the offer on Escape, writing nothing", async () => {
    const { dir, old, io, run } = await atOffer();
    await enter();
    escape(io);
    await screen.next();
    expect(screen.getScreen()).toContain("Write the report to zone-report.md?");
    await enter();
    await enter();
    escape(io);
    await screen.next();
    expect(screen.getScreen()).toContain("Write the report to zone-report.md?");
    screen.type("n");
    screen.keypress("enter");
    await expect(run).resolves.toBe(0);
    expect(readFileSync(old, "utf8")).toBe(OLD);
    expect(existsSync(path.join(dir, "zone-report-2.md"))).toBe(false);
    expect(io.out()).toContain("To write the report later:");
  });

  it("a typed name: the answers file's own name is refused at once; a name goes beside the answers file (QA 3 #4)", async () => {
    const { dir, sets } = setup();
    mkdirSync(path.join(dir, "sub"));
    const file = path.join(dir, "sub", "zone.yaml");
    const text = writeAnswers(file, complete);
    writeFileSync(path.join(dir, "sub", "zone-report.md"), OLD);
    const io = terminalIo(dir);
    const run = assess({ answers: "sub/zone.yaml", measures: sets, lang: "en", review: false }, io);
    await screen.next();
    expect(screen.getScreen()).toContain("Write the report to sub/zone-report.md?");
    await enter();
    await enter();
    await choose("Type another file name");
    expect(screen.getScreen()).toContain(
      "Report file, next to sub/zone.yaml unless you give a full path (Esc: back)",
    );
    screen.type("zone.yaml");
    screen.keypress("enter");
    await screen.next();
    // Refused at once, in words about the typed name: no "Overwrite it?", no "--out".
    expect(screen.getScreen()).toContain(
      "zone.yaml is the answers file itself: type another name for the report.",
    );
    expect(screen.getScreen()).not.toContain("Overwrite");
    for (let i = 0; i < "zone.yaml".length; i++) screen.keypress("backspace");
    screen.type("mine.md");
    screen.keypress("enter");
    await expect(run).resolves.toBe(0);
    expect(readFileSync(file, "utf8")).toBe(text);
    expect(readFileSync(path.join(dir, "sub", "mine.md"), "utf8")).toContain("# ");
    expect(existsSync(path.join(dir, "mine.md"))).toBe(false);
    expect(io.err()).toContain("Report written to sub/mine.md");
    expect(io.out()).not.toContain("--out");
  });

  it("asks in Chinese with --lang zh", async () => {
    const { old, run } = await atOffer("zh");
    expect(screen.getScreen()).toContain("是否将报告写入 zone-report.md？");
    await enter();
    expect(screen.getScreen()).toContain("zone-report.md 已存在，是否覆盖？");
    await enter();
    expect(list().items).toEqual(["写入 zone-report-2.md", "输入其他文件名", "暂不生成报告"]);
    chooseLast("暂不生成报告");
    await expect(run).resolves.toBe(0);
    expect(readFileSync(old, "utf8")).toBe(OLD);
  });
});

describe("helpers", () => {
  it("quotes shell words only when needed", () => {
    expect(shellQuote("zones/suzhou.yaml")).toBe("zones/suzhou.yaml");
    expect(shellQuote("my zone.yaml")).toBe("'my zone.yaml'");
    expect(shellPath("-w.yaml")).toBe("./-w.yaml");
    expect(shellPath("-my zone.yaml")).toBe("'./-my zone.yaml'");
    expect(shellPath("a/-w.yaml")).toBe("a/-w.yaml");
    expect(shellQuote("it's.yaml")).toBe(`'it'\\''s.yaml'`);
  });

  it("puts the report next to the answers file", () => {
    expect(reportPathFor("/a/b/zone.yaml")).toBe(path.join("/a/b", "zone-report.md"));
    expect(reportPathFor("/a/answers")).toBe(path.join("/a", "answers-report.md"));
  });
});
