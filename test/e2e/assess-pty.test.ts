/**
 * Drives the built `netdz assess` in a real pseudo-terminal: answers questions, is interrupted
 * (SIGINT once, SIGKILL once), resumes, finishes, and the answers file holds exactly what was
 * confirmed. Needs `dist/` (`npm test` builds first).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli, tempDir } from "../helpers.js";
import { builtCliExists, KEYS, PtySession, writeTinySet } from "./pty.js";

const sessions: PtySession[] = [];
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function start(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): PtySession {
  const session = new PtySession(args, { cwd, env });
  sessions.push(session);
  return session;
}

interface AnswersData {
  format: string;
  measureSet: { id: string; version: string };
  zone: Record<string, unknown>;
  assessor?: Record<string, unknown>;
  answers: Record<string, Record<string, unknown>>;
}

function readAnswers(file: string): AnswersData {
  return parse(readFileSync(file, "utf8")) as AnswersData;
}

/** The answers without their timestamps (checked separately). */
function withoutTimes(data: AnswersData): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, answer] of Object.entries(data.answers ?? {})) {
    const { answeredAt, ...rest } = answer;
    if (answeredAt !== undefined) expect(answeredAt).toMatch(ISO_SECONDS);
    out[id] = rest;
  }
  return out;
}

beforeAll(() => {
  if (!builtCliExists()) throw new Error("dist/ is missing: run `npm run build` first");
});

afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

describe("netdz assess in a pseudo-terminal", () => {
  it("keeps every confirmed answer through SIGINT and SIGKILL, resumes, and finishes", async () => {
    const dir = tempDir();
    const sets = writeTinySet(dir);
    const file = path.join(dir, "zone.yaml");
    const lock = `${file}.lock`;
    const args = ["assess", "--answers", "zone.yaml", "--measures", sets];

    // Session 1: zone profile, two answers, then SIGINT on the third question.
    const first = start(args, dir);
    await first.waitFor("? Zone name");
    await first.typeLine("Test Zone");
    await first.waitFor("? Region");
    first.send(KEYS.enter); // Eastern
    await first.waitFor("? In a hub area?");
    let mark = await first.choose("No");
    await first.waitFor("? Your name", mark);
    mark = first.send(KEYS.enter);
    await first.waitFor("? Your role", mark);
    mark = first.send(KEYS.enter);
    await first.waitFor(/Area 1\/2 · Measure 1\/2 · Question 1\/6[\s\S]*M01\.Q1/, mark);
    expect(readAnswers(file).zone).toEqual({ name: "Test Zone", region: "eastern", hub: false });
    expect(existsSync(lock)).toBe(true);

    mark = await first.choose("In progress");
    // A gap: who closes it and by when is asked once; Enter at the owner still asks the due
    // date, and a due date without an owner is kept.
    await first.waitFor("? Owner of M01.Q1", mark);
    mark = first.send(KEYS.enter);
    await first.waitFor("? Due date of M01.Q1", mark);
    mark = await first.typeLine("2027-03-31");
    await first.waitFor(/Action saved for M01\.Q1: due 2027-03-31[\s\S]*M01\.Q2/, mark);
    mark = await first.choose("Enter the number");
    await first.waitFor("? Number (items):", mark);
    mark = await first.typeLine("7");
    await first.waitFor("? Owner of M01.Q2", mark);
    mark = await first.typeLine("Land office");
    await first.waitFor("? Due date of M01.Q2", mark);
    mark = await first.typeLine("2027-01-31");
    await first.waitFor(/Saved M01\.Q2: 7 items[\s\S]*M01\.Q3/, mark);
    await first.waitFor("❯ Low", mark);

    mark = first.mark();
    first.kill("SIGINT");
    expect((await first.exited).exitCode).toBe(130);
    const stopped = first.text().slice(mark);
    expect(stopped).toContain("2 answers are saved in zone.yaml");
    expect(stopped).toContain(`To continue: netdz assess --answers zone.yaml --measures ${sets}`);
    expect(existsSync(lock)).toBe(false);
    expect(withoutTimes(readAnswers(file))).toEqual({
      "M01.Q1": { status: "in_progress", due: "2027-03-31" },
      "M01.Q2": { value: 7, owner: "Land office", due: "2027-01-31" },
    });

    // Session 2: resumes at the first unanswered question; SIGKILL after two more answers.
    const second = start(args, dir);
    await second.waitFor(/Continuing zone\.yaml[\s\S]*2 of 6[\s\S]*M01\.Q3/);
    mark = await second.choose("High");
    await second.waitFor(/Saved M01\.Q3: High[\s\S]*M02\.Q1/, mark);
    mark = await second.choose("Yes");
    await second.waitFor(/Saved M02\.Q1: Yes/, mark);
    await second.waitFor(/M02\.Q2 does not apply to this zone[\s\S]*M02\.Q3/, mark);
    second.kill("SIGKILL");
    expect((await second.exited).signal).toBe(9);
    expect(readFileSync(lock, "utf8").split("\n")[0]).toBe(String(second.pid));
    expect(withoutTimes(readAnswers(file))).toEqual({
      "M01.Q1": { status: "in_progress", due: "2027-03-31" },
      "M01.Q2": { value: 7, owner: "Land office", due: "2027-01-31" },
      "M01.Q3": { value: "high" },
      "M02.Q1": { value: true },
    });

    // Session 3: takes over the dead session's lock, goes back, marks for review, finishes.
    const third = start(args, dir);
    await third.waitFor(/Continuing zone\.yaml[\s\S]*4 of 6[\s\S]*M02\.Q3/);
    mark = await third.choose("← Back");
    await third.waitFor(/M02\.Q1[\s\S]*Current answer: Yes[\s\S]*❯ Yes \(current answer\)/, mark);
    mark = await third.choose("⚑ Mark for review");
    await third.waitFor(/M02\.Q1 is marked for review[\s\S]*M02\.Q3/, mark);
    mark = await third.choose("Choose the ones that apply");
    await third.waitFor("❯◯ Ex", mark);
    mark = third.send(KEYS.space);
    await third.waitFor("◉ Ex", mark);
    mark = third.send(KEYS.enter);
    await third.waitFor("? Owner of M02.Q3", mark);
    mark = third.send(KEYS.enter);
    // Enter at both skips.
    await third.waitFor("? Due date of M02.Q3", mark);
    mark = third.send(KEYS.enter);
    await third.waitFor(/Saved M02\.Q3: Ex[\s\S]*M02\.Q4/, mark);
    mark = await third.choose("Enter the answer");
    await third.waitFor("? Answer:", mark);
    mark = await third.typeLine("Shared services centre");
    await third.waitFor(/Summary[\s\S]*Score preview: [\d.]+ \/ 100/, mark);
    const summary = third.text().slice(mark);
    expect(summary).toMatch(/Answered\s+6/);
    expect(summary).toMatch(/Not applicable \(1 by zone profile\)\s+1/);
    expect(summary).toMatch(/Marked for review\s+1/);
    await third.waitFor("1 question is still unanswered or marked for review", mark);
    mark = await third.typeLine("n");
    await third.waitFor("Write the report to zone-report.md?", mark);
    mark = await third.typeLine("n");
    await third.waitFor("6 answers are saved in zone.yaml", mark);
    expect((await third.exited).exitCode).toBe(0);

    expect(existsSync(lock)).toBe(false);
    expect(existsSync(path.join(dir, "zone-report.md"))).toBe(false);
    const final = readAnswers(file);
    expect(final.format).toBe("netdz-answers/1");
    expect(final.measureSet).toEqual({ id: "tiny", version: "1.0.0" });
    expect(final.zone).toEqual({ name: "Test Zone", region: "eastern", hub: false });
    expect(withoutTimes(final)).toEqual({
      "M01.Q1": { status: "in_progress", due: "2027-03-31" },
      "M01.Q2": { value: 7, owner: "Land office", due: "2027-01-31" },
      "M01.Q3": { value: "high" },
      "M02.Q1": { value: true, review: true },
      "M02.Q3": { value: ["x"] },
      "M02.Q4": { value: "Shared services centre" },
    });
    const text = readFileSync(file, "utf8");
    // In a temporary folder, outside this checkout: no schema path, the header says how instead.
    expect(text.split("\n").slice(0, 2)).toEqual([
      "# For checks and completion in your editor, save the schema beside this file:",
      "#   netdz schema answers > netdz-answers.schema.json",
    ]);
    const validated = runCli(["validate", file, "--measures", sets]);
    expect(validated.stdout + validated.stderr).toContain("valid (0 errors, 0 warnings)");
    expect(validated.status).toBe(0);
  }, 90_000);

  it("reviews every answer with the current one preselected, in Chinese, and stops on Ctrl-C", async () => {
    const dir = tempDir();
    const sets = writeTinySet(dir);
    const file = path.join(dir, "zone.yaml");
    writeFileSync(
      file,
      [
        "format: netdz-answers/1",
        "measureSet: { id: tiny, version: 1.0.0 }",
        "zone: { name: 西部园区, region: western, hub: true }",
        "answers:",
        "  M01.Q1: { status: planned, answeredAt: 2026-01-01T00:00:00Z } # keep this comment",
        "  M01.Q2: { value: 3 }",
        "",
      ].join("\n"),
    );
    const session = start(
      ["assess", "--answers", "zone.yaml", "--measures", sets, "--review"],
      dir,
      {
        LANG: "zh_CN.UTF-8",
      },
    );
    await session.waitFor(/逐题复核[\s\S]*方面 1\/2 · 举措 1\/2 · 题目 1\/7/);
    await session.waitFor("❯ 已纳入计划（当前答案）");
    let mark = await session.choose("已落实");
    await session.waitFor("? 佐证材料 1：", mark);
    mark = await session.typeLine("https://example.cn/decision.pdf");
    await session.waitFor("? 佐证材料 2：", mark);
    mark = session.send(KEYS.enter);
    await session.waitFor(/已保存 M01\.Q1：已落实，佐证材料 1 条[\s\S]*M01\.Q2/, mark);
    await session.waitFor("当前为 3项", mark);
    mark = session.send(KEYS.ctrlC);
    expect((await session.exited).exitCode).toBe(130);
    expect(session.text().slice(mark)).toContain("已中断。已有 2 道题的答案保存在 zone.yaml。");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("# keep this comment");
    expect(withoutTimes(readAnswers(file))).toEqual({
      "M01.Q1": { status: "implemented", evidence: ["https://example.cn/decision.pdf"] },
      "M01.Q2": { value: 3 },
    });
  }, 60_000);

  it("never changes an answer on Escape, and every list has a way out", async () => {
    const dir = tempDir();
    const sets = writeTinySet(dir);
    const file = path.join(dir, "zone.yaml");
    const original = [
      "format: netdz-answers/1",
      "measureSet: { id: tiny, version: 1.0.0 }",
      "zone: { name: Hill Park, region: eastern, hub: false }",
      "answers:",
      "  M01.Q1: { status: in_progress, answeredAt: 2026-01-01T00:00:00Z }",
      "",
    ].join("\n");
    writeFileSync(file, original);
    const session = start(
      ["assess", "--answers", "zone.yaml", "--measures", sets, "--review"],
      dir,
    );
    await session.waitFor("❯ In progress (current answer)");
    // Escape on the question's list: the cursor stays where it is, on the answer or elsewhere.
    await session.pressEscape();
    expect(session.activeChoice()).toBe("In progress (current answer)");
    let mark = session.send(KEYS.down);
    await session.waitFor("❯ Planned", mark);
    await session.pressEscape();
    expect(session.activeChoice()).toBe("Planned");
    mark = session.send(KEYS.up);
    await session.waitFor("❯ In progress (current answer)", mark);

    const backToQuestion = async (since: number): Promise<void> => {
      await session.waitFor(/M01\.Q1[\s\S]*❯ In progress \(current answer\)/, since);
    };
    // The menu, the jump list (by Escape or its Back entry), the summary and the zone profile.
    const openMenu = async (): Promise<void> => {
      const at = await session.choose("☰ Menu");
      await session.waitFor("? Menu", at);
    };
    const fromMenu = async (entry: string, prompt: string): Promise<void> => {
      await openMenu();
      const at = await session.choose(entry);
      await session.waitFor(prompt, at);
    };
    await openMenu();
    await backToQuestion(await session.pressEscape());
    await fromMenu("Jump to a measure", "? Jump to which measure?");
    await backToQuestion(await session.choose("Back to the question"));
    await fromMenu("Jump to a measure", "? Jump to which measure?");
    // Escape in the jump list returns to the menu; Escape there, to the question.
    await session.waitFor("? Menu", await session.pressEscape());
    await backToQuestion(await session.pressEscape());
    await fromMenu("Show the summary", "Summary");
    await backToQuestion(await session.pressEscape());
    await fromMenu("Edit the zone profile", "? Zone name");
    await backToQuestion(await session.pressEscape());
    // The note prompt, the justification of "not applicable" and the number prompt.
    mark = await session.choose("✎ Add a note");
    await session.waitFor("? Note for M01.Q1", mark);
    session.send("half a note");
    await backToQuestion(await session.pressEscape());
    mark = await session.choose("Not applicable");
    await session.waitFor("? Why does M01.Q1 not apply", mark);
    await backToQuestion(await session.pressEscape());
    expect(readFileSync(file, "utf8")).toBe(original);

    // Enter now confirms the answer as it was (before the fix, it saved "Implemented"): it is
    // kept, and nothing is written.
    mark = session.send(KEYS.enter);
    await session.waitFor(/M01\.Q1 kept as it was: In progress[\s\S]*M01\.Q2/, mark);
    expect(readFileSync(file, "utf8")).toBe(original);
    mark = await session.choose("Enter the number");
    await session.waitFor("? Number (items):", mark);
    session.send("7");
    await session.waitFor(/M01\.Q2[\s\S]*\? Your answer/, await session.pressEscape());
    session.send(KEYS.ctrlC);
    expect((await session.exited).exitCode).toBe(130);
    expect(withoutTimes(readAnswers(file))).toEqual({ "M01.Q1": { status: "in_progress" } });
    expect(readAnswers(file).answers["M01.Q1"]?.answeredAt).toBe("2026-01-01T00:00:00Z");
  }, 60_000);

  it("asks before overwriting an existing report; Escape goes back to the offer", async () => {
    const dir = tempDir();
    const sets = writeTinySet(dir);
    writeFileSync(
      path.join(dir, "zone.yaml"),
      [
        "format: netdz-answers/1",
        "measureSet: { id: tiny, version: 1.0.0 }",
        "zone: { name: Hill Park, region: eastern, hub: false }",
        "answers:",
        ...["M01.Q1", "M01.Q2", "M01.Q3", "M02.Q1", "M02.Q3"].map(
          (id) => `  ${id}: { status: unknown }`,
        ),
        "  M02.Q4: { status: not_applicable, note: none }",
        "",
      ].join("\n"),
    );
    const old = path.join(dir, "zone-report.md");
    writeFileSync(old, "# kept\n");
    const session = start(["assess", "--answers", "zone.yaml", "--measures", sets], dir);
    await session.waitFor("Write the report to zone-report.md?");
    let mark = await session.typeLine("");
    await session.waitFor("zone-report.md already exists. Overwrite it? (y/N)", mark);
    await session.waitFor("Write the report to zone-report.md?", await session.pressEscape());
    mark = await session.typeLine("");
    await session.waitFor("Overwrite it?", mark);
    mark = await session.typeLine("");
    await session.waitFor("❯ Write it to zone-report-2.md", mark);
    mark = session.send(KEYS.enter);
    await session.waitFor("saved in zone.yaml", mark);
    expect((await session.exited).exitCode).toBe(0);
    expect(readFileSync(old, "utf8")).toBe("# kept\n");
    expect(readFileSync(path.join(dir, "zone-report-2.md"), "utf8")).toContain("Hill Park");
  }, 60_000);

  it("says an unreadable lock file is unreadable and how to remove it", async () => {
    const dir = tempDir();
    const sets = writeTinySet(dir);
    writeFileSync(path.join(dir, "zone.yaml.lock"), "not a pid\n");
    const session = start(["assess", "--answers", "zone.yaml", "--measures", sets], dir);
    expect((await session.exited).exitCode).toBe(2);
    const text = session.text().replace(/\s+/g, " ");
    expect(text).toContain("the lock file zone.yaml.lock of zone.yaml is unreadable");
    expect(text).toContain("delete zone.yaml.lock and try again");
    expect(text).not.toContain("another session");
  }, 60_000);

  it("refuses a second session on a file that is being assessed", async () => {
    const dir = tempDir();
    const sets = writeTinySet(dir);
    const args = ["assess", "--answers", "zone.yaml", "--measures", sets];
    const first = start(args, dir);
    await first.waitFor("? Zone name");
    const second = start(args, dir);
    expect((await second.exited).exitCode).toBe(2);
    expect(second.text()).toMatch(
      new RegExp(`zone\\.yaml is being assessed in another session \\(process ${first.pid}\\)`),
    );
    first.send(KEYS.ctrlC);
    expect((await first.exited).exitCode).toBe(130);
  }, 60_000);

  it("exits 130 with everything saved when the terminal closes (SIGHUP)", async () => {
    const dir = tempDir();
    const sets = writeTinySet(dir);
    const file = path.join(dir, "zone.yaml");
    const session = start(["assess", "--answers", "zone.yaml", "--measures", sets], dir);
    await session.waitFor("? Zone name");
    const mark = await session.typeLine("Hill Park");
    await session.waitFor("? Region", mark);
    session.kill("SIGHUP");
    expect(await session.exited).toEqual({ exitCode: 130, signal: 0 });
    expect(readAnswers(file).zone).toEqual({ name: "Hill Park" });
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 60_000);
});

describe("netdz assess without a terminal", () => {
  it("exits 2 and points to netdz init", () => {
    const dir = tempDir();
    const result = runCli(["assess", "--answers", "zone.yaml"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("netdz init --answers zone.yaml");
    expect(existsSync(path.join(dir, "zone.yaml"))).toBe(false);
  });

  it("for a file that exists, says to edit it and validate, not to init over it", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "zone.yaml"), "format: netdz-answers/1\n");
    const result = runCli(["assess", "--answers", "zone.yaml"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      "edit zone.yaml by hand and check it with `netdz validate zone.yaml`",
    );
    expect(result.stderr).not.toContain("netdz init");
  });
});

describe("netdz init", () => {
  it("pins a new file to the newest version, 1.1.0, where the region is not asked", () => {
    const dir = tempDir();
    expect(runCli(["init", "--answers", "zone.yaml"], { cwd: dir }).status).toBe(0);
    const text = readFileSync(path.join(dir, "zone.yaml"), "utf8");
    expect((parse(text) as { measureSet: unknown }).measureSet).toEqual({
      id: "workplan-2025",
      version: "1.1.0",
    });
    expect(text).toMatch(
      /^ {2}# province: +# beijing \| tianjin \| hebei \| shanxi \| inner-mongolia/m,
    );
    expect(text).not.toMatch(/^ {2}# region:/m);
    // Number bounds are named: M11.Q4 is a share, M05.Q2 a count.
    expect(text).toContain("#   value: a number from 0 to 100 (%); target 80 or more\n");
    expect(text).toContain("#   value: a whole number ≥ 0 (projects); target 3 or more\n");
  });

  it("writes a file listing every question as a comment, valid as written", () => {
    const dir = tempDir();
    const result = runCli(["init", "--answers", "zone.yaml", "--set", "workplan-2025@1.0.0"], {
      cwd: dir,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Wrote zone.yaml");
    expect(result.stdout).toContain("netdz validate zone.yaml");
    const file = path.join(dir, "zone.yaml");
    const text = readFileSync(file, "utf8");
    // In a temporary folder, outside this checkout: no schema path, the header says how instead.
    expect(text.split("\n").slice(0, 2)).toEqual([
      "# For checks and completion in your editor, save the schema beside this file:",
      "#   netdz schema answers > netdz-answers.schema.json",
    ]);
    const data = parse(text) as Record<string, unknown>;
    expect(data).toEqual({
      format: "netdz-answers/1",
      measureSet: { id: "workplan-2025", version: "1.0.0" },
      zone: null,
      answers: null,
    });
    const ids = [...text.matchAll(/^ {2}# (M\d{2}\.Q\d+): \{ (status|value): \}$/gm)].map(
      (m) => m[1],
    );
    expect(ids.length).toBeGreaterThanOrEqual(16 * 3);
    expect(ids).toContain("M01.Q1");
    expect(new Set(ids).size).toBe(ids.length);
    expect(text).toMatch(
      /^ {2}# region: +# eastern \| central \| western \| northeastern — Region$/m,
    );
    const validated = runCli(["validate", "zone.yaml"], { cwd: dir });
    expect(validated.status).toBe(0);
    expect(validated.stdout + validated.stderr).toContain("0 errors");
  });

  it("can be filled in by hand by uncommenting lines", () => {
    const dir = tempDir();
    const sets = writeTinySet(dir);
    expect(
      runCli(["init", "--answers", "zone.yaml", "--measures", sets], { cwd: dir }).status,
    ).toBe(0);
    const file = path.join(dir, "zone.yaml");
    const text = readFileSync(file, "utf8")
      .replace(/^ {2}# name:.*$/m, "  name: Hand Park")
      .replace(/^ {2}# region:.*$/m, "  region: western")
      .replace(/^ {2}# hub:.*$/m, "  hub: true")
      .replace("  # M01.Q2: { value: }", "  M01.Q2: { value: 12 }")
      .replace("  # M02.Q2: { status: }", "  M02.Q2: { status: planned }");
    writeFileSync(file, text);
    const validated = runCli(["validate", "zone.yaml", "--measures", sets], { cwd: dir });
    expect(validated.stdout + validated.stderr).toContain("valid (0 errors, 0 warnings)");
    expect(validated.status).toBe(0);
  });

  it("writes the comments in Chinese with --lang zh", () => {
    const dir = tempDir();
    const sets = writeTinySet(dir);
    const result = runCli(["init", "--answers", "zone.yaml", "--measures", sets, "--lang", "zh"], {
      cwd: dir,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("已写入 zone.yaml");
    const text = readFileSync(path.join(dir, "zone.yaml"), "utf8");
    expect(text).toContain("#   M01.Q1 的问题？");
    expect(text).toContain("# hub:     # true（是）| false（否） — 是否位于枢纽区域？");
    expect(text).toContain("仅适用于：hub: true — 是否位于枢纽区域？");
  });

  it("refuses to overwrite a file unless --force is given", () => {
    const dir = tempDir();
    const file = path.join(dir, "zone.yaml");
    writeFileSync(file, "mine\n");
    const refused = runCli(["init", "--answers", "zone.yaml"], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("zone.yaml already exists; use --force to overwrite it");
    expect(readFileSync(file, "utf8")).toBe("mine\n");
    expect(runCli(["init", "--answers", "zone.yaml", "--force"], { cwd: dir }).status).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("format: netdz-answers/1");
  });

  it("does not overwrite a file that is being assessed", async () => {
    const dir = tempDir();
    const sets = writeTinySet(dir);
    const session = start(["assess", "--answers", "zone.yaml", "--measures", sets], dir);
    await session.waitFor("? Zone name");
    const refused = runCli(["init", "--answers", "zone.yaml", "--measures", sets, "--force"], {
      cwd: dir,
    });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`(process ${session.pid})`);
    session.send(KEYS.ctrlC);
    expect((await session.exited).exitCode).toBe(130);
  }, 60_000);
});
