import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, FIXTURES, ROOT } from "../helpers.js";
import { SUZHOU } from "../render/document-fixtures.js";
import { PtySession } from "./pty.js";

const SETS = path.join(FIXTURES, "report", "sets");
const AGGREGATE = ["aggregate", "test/fixtures/province", "--measures", SETS, "--format", "xlsx"];

async function inTerminal(args: string[]): Promise<{ code: number; text: string }> {
  const session = new PtySession(args, { cwd: ROOT, env: { TZ: "UTC" } });
  const { exitCode } = await session.exited;
  return { code: exitCode, text: session.text() };
}

describe("binary formats and a terminal", () => {
  const cases: { name: string; args: string[]; en: RegExp; zh: RegExp }[] = [];
  for (const format of ["docx", "pdf"]) {
    for (const out of ["-", "/dev/stdout", "/dev/tty"]) {
      cases.push({
        name: `report --format ${format} --out ${out}`,
        args: ["report", SUZHOU, "--format", format, "--out", out],
        en: new RegExp(`--format ${format} writes a binary file`),
        zh: new RegExp(`--format ${format} 生成的是二进制文件`),
      });
    }
  }
  for (const out of ["-", "/dev/stdout", "/dev/tty"]) {
    cases.push({
      name: `aggregate --format xlsx --out ${out}`,
      args: [...AGGREGATE, "--out", out],
      en: /--format xlsx writes a binary file/,
      zh: /--format xlsx 输出二进制文件/,
    });
  }

  it("refuses with exit 2 and a message, in both languages, when the output is a terminal", async () => {
    for (const { name, args, en, zh } of cases) {
      for (const [lang, words] of [
        ["en", en],
        ["zh", zh],
      ] as const) {
        const { code, text } = await inTerminal([...args, "--lang", lang]);
        expect({ name, lang, code }).toEqual({ name, lang, code: 2 });
        expect(text).toMatch(words);
        // No binary reached the terminal: no zip or PDF signature.
        expect(text).not.toContain("PK\u0003\u0004");
        expect(text).not.toContain("%PDF-");
      }
    }
  }, 120_000);

  it("still writes to a pipe", () => {
    // The province fixture has one broken file, left out of the roll-up: exit 1, still written.
    for (const [args, status] of [
      [["report", SUZHOU, "--format", "docx", "--out", "-"], 0],
      [["report", SUZHOU, "--format", "docx", "--out", "/dev/stdout"], 0],
      [[...AGGREGATE, "--out", "-"], 1],
    ] as const) {
      const result = spawnSync(process.execPath, [BIN, ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, TZ: "UTC" },
        maxBuffer: 1 << 26,
        timeout: 60_000,
      });
      expect(result.status).toBe(status);
      expect(result.stdout.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    }
  }, 120_000);
});
