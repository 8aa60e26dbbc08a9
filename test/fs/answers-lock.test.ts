import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  acquireLock,
  lockHolder,
  lockPath,
  processAlive,
  processStart,
} from "../../src/fs/answers-lock.js";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "netdz-lock-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", "0"], { stdio: "ignore" });
  const pid = child.pid as number;
  await new Promise((resolve) => child.on("exit", resolve));
  return pid;
}

describe("lock", () => {
  it("is created with this pid, refuses a second holder, and is released", async () => {
    const file = path.join(dir, "a.yaml");
    const first = await acquireLock(file);
    expect(first.ok).toBe(true);
    expect(await readFile(lockPath(file), "utf8")).toMatch(new RegExp(`^${process.pid}\n`));
    expect(await lockHolder(file)).toBe(process.pid);
    const second = await acquireLock(file);
    expect(second).toEqual({ ok: false, pid: process.pid });
    if (first.ok) first.lock.release();
    expect(await readdir(dir)).toEqual([]);
    expect(await lockHolder(file)).toBeUndefined();
    if (first.ok) first.lock.release(); // idempotent
  });

  it("takes over a lock whose process is gone, and removes its temp files", async () => {
    const file = path.join(dir, "a.yaml");
    const pid = await deadPid();
    expect(processAlive(pid)).toBe(false);
    await writeFile(lockPath(file), `${pid}\n`);
    await writeFile(path.join(dir, `.a.yaml.${pid}.abcd1234.tmp`), "partial");
    const result = await acquireLock(file);
    expect(result.ok).toBe(true);
    expect(await readFile(lockPath(file), "utf8")).toMatch(new RegExp(`^${process.pid}\n`));
    expect(await readdir(dir)).toEqual(["a.yaml.lock"]);
    if (result.ok) result.lock.release();
  });

  it("refuses a pid-only lock held by a live netdz, takes over one held by anything else", async () => {
    const file = path.join(dir, "a.yaml");
    // argv[1] names netdz, as `node bin/netdz.js` does.
    const netdz = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)", "netdz"], {
      stdio: "ignore",
    });
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"], {
      stdio: "ignore",
    });
    try {
      await writeFile(lockPath(file), `${netdz.pid}\n`);
      expect(await acquireLock(file)).toEqual({ ok: false, pid: netdz.pid });
      await writeFile(lockPath(file), `${other.pid}\n`);
      const taken = await acquireLock(file);
      expect(taken.ok).toBe(true);
      if (taken.ok) taken.lock.release();
    } finally {
      netdz.kill("SIGKILL");
      other.kill("SIGKILL");
    }
  });

  it.each([
    ["nothing (an empty file)", ""],
    ["only white space", " \n"],
    ["text that is not a pid", "garbage\n"],
    ["binary bytes", "\u0000\u0001\u00ff"],
    ["a negative pid", "-4\n"],
  ])(
    "says a lock holding %s is unreadable, however old, and never takes it over",
    async (_, text) => {
      const file = path.join(dir, "a.yaml");
      await writeFile(lockPath(file), text);
      expect(await acquireLock(file)).toEqual({ ok: false, pid: undefined, unreadable: true });
      const { utimes } = await import("node:fs/promises");
      const old = new Date(Date.now() - 3_600_000);
      await utimes(lockPath(file), old, old);
      expect(await acquireLock(file)).toEqual({ ok: false, pid: undefined, unreadable: true });
      expect(await readFile(lockPath(file), "utf8")).toBe(text);
    },
  );

  it("says a lock that is a folder is unreadable and not a regular file", async () => {
    const file = path.join(dir, "a.yaml");
    const { mkdir } = await import("node:fs/promises");
    await mkdir(lockPath(file));
    expect(await acquireLock(file)).toEqual({
      ok: false,
      pid: undefined,
      unreadable: true,
      notRegular: true,
    });
  });

  it("does not remove a lock that another process took over", async () => {
    const file = path.join(dir, "a.yaml");
    const result = await acquireLock(file);
    await writeFile(lockPath(file), "999999\n");
    if (result.ok) result.lock.release();
    expect(await readFile(lockPath(file), "utf8")).toBe("999999\n");
  });
});

describe("a lock left by a process whose pid was reused", () => {
  it("is taken over: the live process with that pid started at another time", async () => {
    const file = path.join(dir, "a.yaml");
    // This test process is alive, but the lock says its holder started at a different time.
    await writeFile(lockPath(file), `${process.pid}\nstart 1\n`);
    const result = await acquireLock(file);
    expect(result.ok).toBe(true);
    if (result.ok) result.lock.release();
  });

  it("is respected when the holder's start time matches", async () => {
    const file = path.join(dir, "a.yaml");
    await writeFile(lockPath(file), `${process.pid}\nstart ${processStart(process.pid) ?? "?"}\n`);
    expect(await acquireLock(file)).toEqual({ ok: false, pid: process.pid });
  });
});
