import { execFileSync, spawn } from "node:child_process";
import { chmodSync, copyFileSync, lstatSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/fs/atomic-write.js";
import { copyMiniSet, FIXTURES, tempDir } from "../helpers.js";
import { run } from "./run.js";

function setup(): string {
  const { root } = copyMiniSet();
  const cwd = path.dirname(root);
  copyFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(cwd, "ok.yaml"));
  return cwd;
}

/** A character device like /dev/null (1,3) in a temp folder; undefined when not permitted. */
function nullDevice(dir: string): string | undefined {
  const file = path.join(dir, "null");
  try {
    execFileSync("mknod", [file, "c", "1", "3"], { stdio: "ignore" });
    return file;
  } catch {
    return undefined;
  }
}

describe("writeFileAtomic", () => {
  it("writes bytes as they are", async () => {
    const file = path.join(tempDir(), "out.bin");
    const bytes = new Uint8Array([0, 0xff, 0x80, 10, 0x50]);
    await writeFileAtomic(file, bytes);
    expect([...readFileSync(file)]).toEqual([...bytes]);
  });

  it("never shows the temporary file's name: the path given and the reason, in words", async () => {
    const dir = tempDir();
    const error = await writeFileAtomic(path.join(dir, "no", "such", "r.md"), "x", {
      shown: "no/such/r.md",
    }).catch((e: unknown) => e as Error);
    expect((error as Error).message).toBe("cannot write no/such/r.md: no such file or folder");
    const zh = await writeFileAtomic(path.join(dir, "no", "r.md"), "x", {
      shown: "no/r.md",
      lang: "zh",
    }).catch((e: unknown) => e as Error);
    expect((zh as Error).message).toBe("无法写入 no/r.md：文件或文件夹不存在");
  });

  it("a FIFO that nothing reads is an error at once, and stays a FIFO", async () => {
    const fifo = path.join(tempDir(), "pipe");
    execFileSync("mkfifo", [fifo]);
    const started = Date.now();
    const error = await writeFileAtomic(fifo, "report", { shown: "pipe" }).catch(
      (e: unknown) => e as Error,
    );
    expect((error as Error).message).toBe(
      "cannot write pipe: it is a named pipe (FIFO) and nothing is reading from it",
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("a FIFO with a reader gets the text in place and stays a FIFO", async () => {
    const fifo = path.join(tempDir(), "pipe");
    execFileSync("mkfifo", [fifo]);
    const reader = spawn("cat", [fifo]);
    const text = `${"through the pipe ".repeat(10_000)}\n`; // more than a pipe holds
    let received = "";
    reader.stdout.on("data", (chunk: Buffer) => (received += chunk.toString()));
    const closed = new Promise((resolve) => reader.on("close", resolve));
    // Wait until cat has the pipe open for reading.
    for (let i = 0; i < 100; i++) {
      const ok = await writeFileAtomic(fifo, text).then(
        () => true,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await closed;
    expect(received).toBe(text);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("a folder is refused in words", async () => {
    const dir = tempDir();
    const error = await writeFileAtomic(dir, "x", { shown: "dir" }).catch(
      (e: unknown) => e as Error,
    );
    expect((error as Error).message).toBe("cannot write dir: it is a folder, not a file");
  });

  it("keeps the mode of the file it replaces", async () => {
    const file = path.join(tempDir(), "r.md");
    writeFileSync(file, "old");
    chmodSync(file, 0o640);
    await writeFileAtomic(file, "new");
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readFileSync(file, "utf8")).toBe("new");
  });
});

describe("--out targets", () => {
  it("--out - and --out /dev/stdout print the report", async () => {
    const cwd = setup();
    const plain = await run(["report", "ok.yaml", "--measures", "sets"], cwd);
    expect(plain.code).toBe(0);
    for (const out of ["-", "/dev/stdout"]) {
      const result = await run(["report", "ok.yaml", "--measures", "sets", "--out", out], cwd);
      expect(result).toMatchObject({ code: 0, out: plain.out, err: "" });
    }
  });

  it.for([
    ["report --out", (device: string) => ["report", "ok.yaml", "--out", device]],
    ["init --force --answers", (device: string) => ["init", "--force", "--answers", device]],
  ] as const)(
    "%s on a character device writes in place and leaves the device as it was",
    async ([, args], context) => {
      const cwd = setup();
      const device = nullDevice(cwd);
      if (device === undefined) {
        context.skip("mknod is not permitted here (needs root)");
        return;
      }
      const before = statSync(device);
      const result = await run([...args(device), "--measures", "sets"], cwd);
      expect(result.code).toBe(0);
      const after = statSync(device);
      expect(after.isCharacterDevice()).toBe(true);
      expect(after.rdev).toBe(before.rdev);
      expect(after.ino).toBe(before.ino);
    },
  );

  it("--out to a FIFO with no reader fails at once and leaves the FIFO", async () => {
    const cwd = setup();
    execFileSync("mkfifo", [path.join(cwd, "pipe")]);
    const result = await run(["report", "ok.yaml", "--measures", "sets", "--out", "pipe"], cwd);
    expect(result).toMatchObject({
      code: 2,
      err: "netdz: cannot write pipe: it is a named pipe (FIFO) and nothing is reading from it\n",
    });
    expect(lstatSync(path.join(cwd, "pipe")).isFIFO()).toBe(true);
  });
});
