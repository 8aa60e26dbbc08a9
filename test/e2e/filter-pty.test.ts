/**
 * Long lists in `netdz assess` can be narrowed by typing (issue 10: the 32 provinces of
 * workplan-2025@1.1.0): typed text filters the list by either language's label or the id, Enter
 * picks the highlighted match, a term that matches nothing picks nothing, and Escape never
 * changes an answer. Needs `dist/` (`npm test` builds first).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { tempDir } from "../helpers.js";
import { builtCliExists, KEYS, PtySession } from "./pty.js";

const sessions: PtySession[] = [];

function start(args: string[], cwd: string): PtySession {
  const session = new PtySession(args, { cwd });
  sessions.push(session);
  return session;
}

/**
 * The items of the last list once its redraw has finished: keystrokes arrive one at a time and each
 * redraws the list, so a frame can be read half-written on a busy machine. Waits up to 5 s for the
 * expected items, then asserts on what is there.
 */
async function settledItems(
  session: PtySession,
  expected: string[],
  /** Only the first items are expected (the list goes on). */
  first = false,
): Promise<string[]> {
  const until = Date.now() + 5000;
  const shown = () => session.lastList().items.slice(0, first ? expected.length : undefined);
  let items = shown();
  while (JSON.stringify(items) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    items = shown();
  }
  return items;
}

function zoneOf(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  return (parse(readFileSync(file, "utf8")) as { zone?: Record<string, unknown> }).zone ?? {};
}

const text = (en: string, zh: string) => ({ en, zh });
const COLOURS = [
  "Red",
  "Orange",
  "Yellow",
  "Green",
  "Cyan",
  "Blue",
  "Indigo",
  "Violet",
  "Pink",
  "Brown",
  "Grey",
  "Black",
];

/** A one-question set whose question is a choice among 12 options; returns the sets folder. */
function writeLongChoiceSet(dir: string): string {
  const root = path.join(dir, "sets");
  const setDir = path.join(root, "long", "1.0.0");
  mkdirSync(setDir, { recursive: true });
  writeFileSync(
    path.join(setDir, "set.yaml"),
    stringify({
      format: "netdz-measure-set/1",
      id: "long",
      version: "1.0.0",
      title: text("Long lists", "长列表"),
      source: {
        document: "测试〔2025〕2号",
        issuer: text("Test issuer", "测试机关"),
        issued: "2025-05-21",
        authoritativeLanguage: "zh",
      },
      areas: [{ id: "alpha", ref: "二", title: text("Alpha", "甲"), weight: 1 }],
      profile: [{ id: "name", type: "text", label: text("Zone name", "开发区名称") }],
    }),
  );
  writeFileSync(
    path.join(setDir, "m01.yaml"),
    stringify({
      format: "netdz-measure/1",
      id: "M01",
      number: 1,
      area: "alpha",
      ref: "二（一）",
      title: text("Colours", "颜色"),
      summary: text("Summary.", "概述。"),
      provenance: { basis: "text", sources: ["Test"] },
      weight: 1,
      questions: [
        {
          id: "M01.Q1",
          type: "choice",
          text: text("Which colour?", "哪种颜色？"),
          guidance: text("Pick one.", "选一种。"),
          weight: 1,
          options: COLOURS.map((c, i) => ({
            id: c.toLowerCase(),
            label: text(c, `颜色${i + 1}`),
            score: i / (COLOURS.length - 1),
          })),
        },
      ],
    }),
  );
  return root;
}

beforeAll(() => {
  if (!builtCliExists()) throw new Error("dist/ is missing: run `npm run build` first");
});

afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

describe("type-to-filter on long lists in netdz assess", () => {
  it("filters the provinces as typed, picks nothing on no match, and ignores Escape", async () => {
    const dir = tempDir();
    const file = path.join(dir, "zone.yaml");
    const session = start(["assess", "--answers", "zone.yaml", "--lang", "en"], dir);
    await session.waitFor("? Name of the zone");
    let mark = await session.typeLine("Hill Park");
    await session.waitFor(
      /\? Province, autonomous region or municipality[\s\S]*type to filter/,
      mark,
    );
    await session.waitFor("❯ Beijing", mark);
    const firstThree = ["Beijing", "Tianjin", "Hebei"];
    expect(await settledItems(session, firstThree, true)).toEqual(firstThree);

    mark = session.send("jiangs");
    await session.waitFor(/municipality jiangs\n/, mark);
    await session.waitFor("❯ Jiangsu", mark);
    expect(await settledItems(session, ["Jiangsu"])).toEqual(["Jiangsu"]);
    // Escape neither picks the highlighted province nor clears the term.
    await session.pressEscape();
    expect(zoneOf(file).province).toBeUndefined();
    expect(await settledItems(session, ["Jiangsu"])).toEqual(["Jiangsu"]);

    // A term that matches nothing says so; Enter then picks nothing.
    mark = session.send("zzz");
    await session.waitFor("nothing matches", mark);
    mark = session.send(KEYS.enter);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(session.text().slice(mark)).not.toContain("? Does the zone lie");
    expect(zoneOf(file).province).toBeUndefined();

    // The Chinese label matches too; Enter picks the highlighted match.
    mark = session.send(KEYS.backspace.repeat(9));
    await session.waitFor("❯ Beijing", mark);
    mark = session.send("江苏");
    await session.waitFor("❯ Jiangsu", mark);
    mark = session.send(KEYS.enter);
    await session.waitFor("? Does the zone lie", mark);
    expect(zoneOf(file)).toMatchObject({ name: "Hill Park", province: "jiangsu" });
    session.send(KEYS.ctrlC);
    expect((await session.exited).exitCode).toBe(130);
  }, 60_000);

  it("in Chinese, matches the pinyin id and English label and says the hint in Chinese", async () => {
    const dir = tempDir();
    const file = path.join(dir, "zone.yaml");
    const session = start(["assess", "--answers", "zone.yaml", "--lang", "zh"], dir);
    await session.waitFor("? 开发区名称");
    let mark = await session.typeLine("山区园");
    await session.waitFor(/\? 所在省（自治区、直辖市）[\s\S]*输入文字可筛选/, mark);
    mark = session.send("inner");
    await session.waitFor("❯ 内蒙古自治区", mark);
    expect(await settledItems(session, ["内蒙古自治区"])).toEqual(["内蒙古自治区"]);
    mark = session.send("x");
    await session.waitFor("没有匹配项", mark);
    mark = session.send(KEYS.backspace);
    await session.waitFor("❯ 内蒙古自治区", mark);
    mark = session.send(KEYS.enter);
    await session.waitFor("? 开发区是否位于", mark);
    expect(zoneOf(file)).toMatchObject({ province: "inner-mongolia" });
    session.send(KEYS.ctrlC);
    expect((await session.exited).exitCode).toBe(130);
  }, 60_000);

  it("filters a choice question's options on the question screen, keeping the current answer and the actions", async () => {
    const dir = tempDir();
    const sets = writeLongChoiceSet(dir);
    const file = path.join(dir, "zone.yaml");
    const original = [
      "format: netdz-answers/1",
      "measureSet: { id: long, version: 1.0.0 }",
      "zone: { name: Hill Park }",
      "answers:",
      "  M01.Q1: { value: indigo, answeredAt: 2026-01-01T00:00:00Z }",
      "",
    ].join("\n");
    writeFileSync(file, original);
    const session = start(
      ["assess", "--answers", "zone.yaml", "--measures", sets, "--review", "--lang", "en"],
      dir,
    );
    await session.waitFor(/Which colour\?[\s\S]*❯ Indigo \(current answer\)[\s\S]*type to filter/);
    let mark = session.send("bl");
    await session.waitFor("❯ Blue", mark);
    expect(await settledItems(session, ["Blue", "Black", "Not applicable"])).toEqual([
      "Blue",
      "Black",
      "Not applicable",
    ]);
    await session.pressEscape();
    expect(await settledItems(session, ["Blue", "Black", "Not applicable"])).toEqual([
      "Blue",
      "Black",
      "Not applicable",
    ]);
    expect(readFileSync(file, "utf8")).toBe(original);
    // The actions can be found by typing too.
    mark = session.send(KEYS.backspace.repeat(2) + "menu");
    await session.waitFor("❯ ☰ Menu", mark);
    mark = session.send(KEYS.backspace.repeat(4) + "black");
    await session.waitFor("❯ Black", mark);
    mark = session.send(KEYS.enter);
    await session.waitFor("Saved M01.Q1", mark);
    expect(
      (parse(readFileSync(file, "utf8")) as { answers: Record<string, { value?: string }> })
        .answers["M01.Q1"]?.value,
    ).toBe("black");
    session.send(KEYS.ctrlC);
    await session.exited;
  }, 60_000);
});
