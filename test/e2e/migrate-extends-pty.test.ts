/**
 * `netdz assess` on a set that extends another, in a real pseudo-terminal: the base set's answers
 * are there already, so the session asks the added profile field and the added question.
 * Needs `dist/` (`npm test` builds first).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { FIXTURES, tempDir } from "../helpers.js";
import { builtCliExists, KEYS, PtySession, writeTinySet } from "./pty.js";

const sessions: PtySession[] = [];

beforeAll(() => {
  if (!builtCliExists()) throw new Error("dist/ is missing: run `npm run build` first");
});

afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

const text = (en: string, zh: string) => ({ en, zh });

/** `tiny-ext@1.0.0`, extending `tiny@1.0.0`: one profile field and one measure of its own. */
function writeExtension(root: string): void {
  const dir = path.join(root, "tiny-ext", "1.0.0");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "set.yaml"),
    stringify({
      format: "netdz-measure-set/1",
      id: "tiny-ext",
      version: "1.0.0",
      extends: { id: "tiny", version: "1.0.0" },
      title: text("Tiny additions (fictional)", "小型补充清单（虚构）"),
      source: {
        document: "示例〔2025〕0号",
        issuer: text("Fictional issuer", "虚构机关"),
        issued: "2025-07-01",
        authoritativeLanguage: "zh",
      },
      profile: [
        { id: "corridor", type: "yesno", label: text("On the corridor?", "是否位于走廊？") },
      ],
    }),
  );
  writeFileSync(
    path.join(dir, "ex-m01.yaml"),
    stringify({
      format: "netdz-measure/1",
      id: "EX-M01",
      number: 1,
      area: "alpha",
      ref: "示例（一）",
      title: text("Added measure", "补充举措"),
      summary: text("Added.", "补充。"),
      provenance: { basis: "text", sources: ["Fictional plan"] },
      weight: 1,
      questions: [
        {
          id: "EX-M01.Q1",
          type: "status",
          text: text("Is the added work done?", "补充工作是否完成？"),
          guidance: text("Done means done.", "完成即完成。"),
          weight: 1,
        },
      ],
    }),
  );
}

describe("netdz assess on an extended set (pseudo-terminal)", () => {
  it("asks the added profile field and the added question, and saves both", async () => {
    const dir = tempDir();
    const sets = writeTinySet(dir);
    writeExtension(sets);
    const file = path.join(dir, "zone.yaml");
    writeFileSync(
      file,
      [
        "format: netdz-answers/1",
        "measureSet: { id: tiny-ext, version: 1.0.0 }",
        "zone: { name: Z, region: eastern, hub: false }",
        "answers:",
        "  M01.Q1: { status: implemented, evidence: [a.pdf] }",
        "  M01.Q2: { value: 7 }",
        "  M01.Q3: { value: high }",
        "  M02.Q1: { value: true }",
        "  M02.Q3: { value: [x] }",
        "  M02.Q4: { value: shared services }",
        "",
      ].join("\n"),
    );
    const session = new PtySession(
      ["assess", "--answers", "zone.yaml", "--measures", sets, "--lang", "en"],
      {
        cwd: dir,
        env: {},
      },
    );
    sessions.push(session);
    await session.waitFor("? On the corridor?");
    let mark = await session.choose("Yes");
    await session.waitFor("? Your name", mark);
    mark = session.send(KEYS.enter);
    await session.waitFor("? Your role", mark);
    mark = session.send(KEYS.enter);
    await session.waitFor(/EX-M01\.Q1[\s\S]*Is the added work done\?/, mark);
    mark = await session.choose("Implemented");
    await session.waitFor(/Saved EX-M01\.Q1: Implemented/, mark);
    await session.waitFor("Write the report to zone-report.md?", mark);
    mark = await session.typeLine("n");
    expect((await session.exited).exitCode).toBe(0);
    const data = parse(readFileSync(file, "utf8")) as {
      zone: Record<string, unknown>;
      answers: Record<string, { status?: string }>;
    };
    expect(data.zone).toEqual({ name: "Z", region: "eastern", hub: false, corridor: true });
    expect(data.answers["EX-M01.Q1"]?.status).toBe("implemented");
  }, 60_000);
});

describe("netdz assess on a file pinned to an older version (pseudo-terminal)", () => {
  const fixture = () => {
    const dir = tempDir();
    const file = path.join(dir, "zone.yaml");
    writeFileSync(
      file,
      readFileSync(path.join(FIXTURES, "versions", "answers-1.0.0.yaml"), "utf8"),
    );
    return { dir, file, sets: path.join(FIXTURES, "versions") };
  };

  it("offers to migrate first; accepted, it asks the questions marked for review first", async () => {
    const { dir, file, sets } = fixture();
    // M01.Q1 unanswered: a walk in file order would start there.
    writeFileSync(file, readFileSync(file, "utf8").replace(/^ {2}M01\.Q1: .*\n/m, ""));
    const session = new PtySession(
      ["assess", "--answers", "zone.yaml", "--measures", sets, "--lang", "en"],
      {
        cwd: dir,
        env: {},
      },
    );
    sessions.push(session);
    await session.waitFor("This file uses mini@1.0.0, and 1.2.0 is available. Migrate it first");
    let mark = await session.typeLine("y");
    await session.waitFor("the file as it was before is kept as zone.1.0.0.yaml", mark);
    // M01.Q2 (rescaled) is marked for review: it comes before the unanswered M01.Q1.
    await session.waitFor(/M01\.Q2[\s\S]*How many\?/, mark);
    expect(session.text().slice(mark)).not.toContain("Is the work done and in use?");
    mark = await session.choose("Enter the number");
    await session.waitFor("? Number (items):", mark);
    mark = await session.typeLine("30");
    await session.waitFor(
      /Saved M01\.Q2: 30 items[\s\S]*M01\.Q1[\s\S]*Is the work done and in use\?/,
      mark,
    );
    session.kill("SIGINT");
    expect((await session.exited).exitCode).toBe(130);
    const data = parse(readFileSync(file, "utf8")) as { measureSet: unknown; migrated: unknown[] };
    expect(data.measureSet).toEqual({ id: "mini", version: "1.2.0" });
    expect(data.migrated).toHaveLength(2);
    expect(existsSync(path.join(dir, "zone.1.0.0.yaml"))).toBe(true);
  }, 60_000);

  it("by default (Enter) goes on with the version the file is pinned to", async () => {
    const { dir, file, sets } = fixture();
    const before = readFileSync(file, "utf8");
    const session = new PtySession(
      ["assess", "--answers", "zone.yaml", "--measures", sets, "--lang", "zh"],
      {
        cwd: dir,
        env: {},
      },
    );
    sessions.push(session);
    await session.waitFor("此文件使用 mini@1.0.0，已有新版本 1.2.0。是否先迁移");
    let mark = session.send(KEYS.enter);
    await session.waitFor("继续填写 zone.yaml（mini@1.0.0）", mark);
    await session.waitFor("是否将报告写入 zone-report.md？", mark);
    mark = await session.typeLine("n");
    expect((await session.exited).exitCode).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(existsSync(path.join(dir, "zone.1.0.0.yaml"))).toBe(false);
  }, 60_000);

  it("stopped at the offer (Ctrl-C), says how many answers the file holds, as a session counts them", async () => {
    const { dir, file, sets } = fixture();
    const before = readFileSync(file, "utf8");
    const args = ["assess", "--answers", "zone.yaml", "--measures", sets, "--lang", "en"];
    // The count a session gives when it goes on with the file as it is.
    const going = new PtySession(args, { cwd: dir, env: {} });
    sessions.push(going);
    await going.waitFor("Migrate it first");
    let mark = going.send(KEYS.enter);
    await going.waitFor(/Continuing zone\.yaml \([^)]*\): \d+ of/, mark);
    const counted = /Continuing zone\.yaml \([^)]*\): (\d+) of/.exec(going.text().slice(mark))?.[1];
    going.kill("SIGINT");
    await going.exited;
    expect(Number(counted)).toBeGreaterThan(0);

    const stopped = new PtySession(args, { cwd: dir, env: {} });
    sessions.push(stopped);
    await stopped.waitFor("Migrate it first");
    mark = stopped.send(KEYS.ctrlC);
    expect((await stopped.exited).exitCode).toBe(130);
    expect(stopped.text().slice(mark)).toContain(
      `Stopped. ${counted} answers are saved in zone.yaml.`,
    );
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(existsSync(path.join(dir, "zone.1.0.0.yaml"))).toBe(false);
  }, 60_000);
});
