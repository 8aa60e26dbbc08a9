/**
 * Control characters typed or pasted at `netdz assess`'s prompts never reach the answers file
 * (which netdz would then refuse): on a terminal whose line editor passes Backspace on as a
 * character (TERM=dumb), each one deletes the character before it, in a text prompt and in a
 * list's filter alike; in a paste, control characters are not text. What is confirmed is shown
 * as it is kept (trimmed where the value is). Needs `dist/` (`npm test` builds first).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BIN, tempDir } from "../helpers.js";
import { builtCliExists, KEYS, PtySession } from "./pty.js";

const sessions: PtySession[] = [];

beforeAll(() => {
  if (!builtCliExists()) throw new Error("dist/ is missing: run `npm run build` first");
});

afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

function start(dir: string, env: NodeJS.ProcessEnv = {}): PtySession {
  const session = new PtySession(["assess", "--answers", "zone.yaml", "--lang", "en"], {
    cwd: dir,
    env,
  });
  sessions.push(session);
  return session;
}

function zoneOf(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  return (parse(readFileSync(file, "utf8")) as { zone?: Record<string, unknown> }).zone ?? {};
}

/** Sends each key on its own, a moment apart (as a person types them). */
async function typedApart(session: PtySession, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    session.send(key);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Text as a terminal in bracketed-paste mode sends it when it is pasted. */
const pasted = (text: string) => `\u001b[200~${text}\u001b[201~`;

describe("netdz assess: control characters typed or pasted", () => {
  it("TERM=dumb: Backspace deletes in a text prompt and in a list's filter", async () => {
    const dir = tempDir();
    const file = path.join(dir, "zone.yaml");
    const session = start(dir, { TERM: "dumb" });
    await session.waitFor("? Name of the zone");
    // Each key as a terminal sends it, one at a time.
    let mark = session.send("abcX");
    await session.waitFor("abcX", mark);
    // The line shown is the line kept: the deletion is drawn.
    mark = session.mark();
    await typedApart(session, [KEYS.backspace]);
    await session.waitFor(/Name of the zone abc(?!X)/, mark);
    mark = session.send(KEYS.enter);
    await session.waitFor(/✔ Name of the zone abc\n/, mark);
    await session.waitFor(/\? Province, autonomous region or municipality/, mark);
    expect(zoneOf(file).name).toBe("abc");

    mark = session.send("xyz");
    await session.waitFor("xyz", mark);
    await typedApart(session, [KEYS.backspace, KEYS.backspace, KEYS.backspace]);
    mark = session.send("jiangs");
    await session.waitFor("❯ Jiangsu", mark);
    mark = session.send(KEYS.enter);
    await session.waitFor("? Does the zone lie", mark);
    expect(zoneOf(file).province).toBe("jiangsu");
    session.send(KEYS.ctrlC);
    expect((await session.exited).exitCode).toBe(130);
  });

  it("a paste's control characters are dropped, and the confirmed name is shown trimmed", async () => {
    const dir = tempDir();
    const file = path.join(dir, "zone.yaml");
    const session = start(dir);
    await session.waitFor("? Name of the zone");
    // A name is one line: the line breaks of a paste (CR LF, NEL, U+2028) are spaces in it.
    let mark = session.send(
      pasted("  ab\u0007c\u007fd\u0001e\u001b[A Park\r\nHill\u0085No\u2028 7  "),
    );
    await session.waitFor("Hill", mark);
    mark = session.send(KEYS.enter);
    await session.waitFor(/✔ Name of the zone abcde Park Hill No 7\n/, mark);
    await session.waitFor(/\? Province/, mark);
    expect(zoneOf(file).name).toBe("abcde Park Hill No 7");
    session.send(KEYS.ctrlC);
    expect((await session.exited).exitCode).toBe(130);
    // The file netdz wrote is one netdz reads: no control character in it.
    const text = readFileSync(file, "utf8");
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    const validate = spawnSync(process.execPath, [BIN, "validate", "zone.yaml"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(validate.stdout + validate.stderr).not.toContain("control-character");
  });
});
