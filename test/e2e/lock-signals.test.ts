import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";

const LOCK_MODULE = pathToFileURL(
  path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    "..",
    "..",
    "dist",
    "fs",
    "answers-lock.js",
  ),
).href;

/** A process that takes the answers file's lock, says so, and waits to be ended. */
function holder(file: string) {
  const script = `
    const { acquireLock } = await import(${JSON.stringify(LOCK_MODULE)});
    const result = await acquireLock(${JSON.stringify(file)});
    process.stdout.write(result.ok ? "locked\\n" : "refused\\n");
    setInterval(() => undefined, 1000);
  `;
  return spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: "pipe" });
}

describe("the answers lock on a signal", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)("%s releases it and exits %i, leaving the file intact", async (signal, code) => {
    const dir = tempDir();
    const file = path.join(dir, "answers.yaml");
    writeFileSync(file, "format: netdz-answers/1\n");
    const child = holder(file);
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("locked")) resolve();
        else reject(new Error(chunk.toString()));
      });
      child.on("error", reject);
    });
    expect(existsSync(`${file}.lock`)).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(readFileSync(file, "utf8")).toBe("format: netdz-answers/1\n");
  });
});
