/**
 * Long lists in `netdz assess` can be narrowed by typing (issue 10: the 32 provinces of
 * workplan-2025@1.1.0): typed text filters the list by either language's label or the id, Enter
 * picks the highlighted match, a term that matches nothing picks nothing, and Escape never
 * changes an answer. Needs `dist/` (`npm test` builds first).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { tempDir } from "../helpers.js";
import { builtCliExists, KEYS, PtySession } from "./pty.js";

const sessions: PtySession[] = [];

function start(args: string[], cwd: string): PtySession {
  const session = new PtySession(args, { cwd });
  sessions.push(session);
  return session;
}

function zoneOf(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  return (parse(readFileSync(file, "utf8")) as { zone?: Record<string, unknown> }).zone ?? {};
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
    expect(session.lastList().items.slice(0, 3)).toEqual(["Beijing", "Tianjin", "Hebei"]);

    mark = session.send("jiangs");
    await session.waitFor(/municipality jiangs\n/, mark);
    await session.waitFor("❯ Jiangsu", mark);
    expect(session.lastList().items).toEqual(["Jiangsu"]);
    // Escape neither picks the highlighted province nor clears the term.
    await session.pressEscape();
    expect(zoneOf(file).province).toBeUndefined();
    expect(session.lastList().items).toEqual(["Jiangsu"]);

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
    expect(session.lastList().items).toEqual(["内蒙古自治区"]);
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
});
