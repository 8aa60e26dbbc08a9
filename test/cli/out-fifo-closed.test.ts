// QA 7b #5: `report --out FIFO` whose reader closes the pipe before the report is written says
// so in words (never "the system refused (EPIPE)"), in both languages. The FIFO is made in a
// temporary folder; the test itself is the reader, and closes its end once the report starts.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, constants, openSync, readSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, tempDir } from "../helpers.js";

const FILE =
  "format: netdz-answers/1\n" +
  "measureSet: { id: workplan-2025, version: 1.1.0 }\n" +
  "zone: { name: A, province: jiangsu, westernHubArea: false, ftzLinked: true, customsArea: true }\n" +
  "answers:\n" +
  `  M01.Q1: { status: planned, note: "${"a long note ".repeat(40_000)}" }\n`;

const WORDS = {
  en: "cannot write out.md: the program reading from the pipe closed it before everything was written",
  zh: "读取该管道的程序在内容全部写完之前关闭了管道",
} as const;

async function reportToClosedPipe(
  lang: "en" | "zh",
): Promise<{ status: number | null; stderr: string }> {
  const cwd = tempDir();
  writeFileSync(path.join(cwd, "a.yaml"), FILE);
  const fifo = path.join(cwd, "out.md");
  expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
  // A reader that takes nothing: the writer fills the pipe, then the reader goes away.
  const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const child = spawn(
    process.execPath,
    [BIN, "report", "a.yaml", "--out", "out.md", "--lang", lang],
    {
      cwd,
      env: { PATH: process.env.PATH, TZ: "UTC" },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  // Close our end once the report has begun to arrive (the writer is then mid-report).
  const byte = Buffer.alloc(1);
  for (let tries = 0; tries < 400; tries++) {
    try {
      if (readSync(reader, byte, 0, 1, null) > 0) break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  closeSync(reader);
  return { status: await exited, stderr };
}

describe("--out a named pipe whose reader closes early", () => {
  it.each(["en", "zh"] as const)(
    "says the reader closed the pipe (%s)",
    async (lang) => {
      const result = await reportToClosedPipe(lang);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(WORDS[lang]);
      expect(result.stderr).not.toMatch(/EPIPE|refused|拒绝/);
    },
    30_000,
  );
});
