import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { main } from "../../src/main.js";
import { BIN, captureIo, FIXTURES, ROOT, tempDir } from "../helpers.js";

const SETS = path.join(FIXTURES, "report", "sets");
const ZONES = path.join(ROOT, "test", "fixtures", "province", "zones", "2026");

/** Two valid zones in `<dir>/zones`, and a third in `<dir>/zones/<sub>`. */
function zonesWithSubfolder(dir: string, sub: string[]): string {
  const zones = path.join(dir, "zones");
  mkdirSync(zones);
  const names = readdirSync(ZONES)
    .filter((f) => f.endsWith(".yaml") && f !== "longxi.yaml")
    .sort();
  for (const name of names.slice(0, 2)) cpSync(path.join(ZONES, name), path.join(zones, name));
  // Built below the folder and moved in, so that no single call sees a path that long.
  const parts = sub.slice();
  let built = path.join(dir, "build-0");
  mkdirSync(built);
  cpSync(path.join(ZONES, names[2] as string), path.join(built, names[2] as string));
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = path.join(dir, `build-${parts.length - i}`);
    mkdirSync(parent);
    renameSync(built, path.join(parent, parts[i] as string));
    built = parent;
  }
  renameSync(built, path.join(zones, parts[0] as string));
  return zones;
}

/** Folder names whose joined path is longer than the system takes (PATH_MAX, 4096 bytes). */
const TOO_DEEP = Array.from(
  { length: 18 },
  (_, i) => `${String(i).padStart(2, "0")}${"d".repeat(240)}`,
);

/** Removes a folder nested past PATH_MAX by moving its parts up first (rmSync cannot reach it). */
function removeDeep(zones: string): void {
  let top = path.join(zones, TOO_DEEP[0] as string);
  let n = 0;
  for (const name of TOO_DEEP.slice(1)) {
    const moved = path.join(zones, `up-${n++}`);
    try {
      renameSync(path.join(top, name), moved);
    } catch {
      break;
    }
    top = moved;
  }
  rmSync(zones, { recursive: true, force: true });
}

interface Rolled {
  totals: { used: number; leftOut: number };
  leftOut: { file: string; code: string; reason: string; line: number; column: number }[];
}

describe("a folder that cannot be listed is said, not passed over", () => {
  it("aggregate leaves it out with its reason and exits 1; validate reports it", async () => {
    const dir = tempDir();
    const zones = zonesWithSubfolder(dir, TOO_DEEP);
    try {
      await rolledUpAndValidated(dir);
    } finally {
      removeDeep(zones);
    }
  });

  it("in Chinese too", async () => {
    const dir = tempDir();
    const zones = zonesWithSubfolder(dir, TOO_DEEP);
    try {
      const io = captureIo(dir);
      const code = await main(["aggregate", "zones", "--measures", SETS, "--lang", "zh"], io);
      expect(code).toBe(1);
      expect(io.out()).toContain("无法读取文件夹");
      expect(io.out()).toContain("其中的文件未检查");
      expect(io.out()).toContain("纳入 2 个，未纳入文件 0 个、文件夹 1 个，被取代 0 个");
      expect(io.err()).toContain("netdz aggregate: 有 1 个文件夹未纳入汇总（汇总中列出）。");
      const check = captureIo(dir);
      expect(await main(["validate", "zones", "--measures", SETS, "--lang", "zh"], check)).toBe(1);
      expect(check.err()).toContain("1 个未能读取的文件夹");
    } finally {
      removeDeep(zones);
    }
  });
});

async function rolledUpAndValidated(dir: string): Promise<void> {
  {
    const io = captureIo(dir);
    const code = await main(["aggregate", "zones", "--measures", SETS, "--format", "json"], io);
    expect(code).toBe(1);
    const rolled = JSON.parse(io.out()) as Rolled;
    expect(rolled.totals.used).toBe(2);
    expect(rolled.leftOut).toHaveLength(1);
    const [out] = rolled.leftOut;
    expect(out?.code).toBe("file/unreadable");
    expect(out?.file.startsWith(path.join("zones", TOO_DEEP[0] as string))).toBe(true);
    expect(out?.reason).toMatch(/^cannot read the folder .*: the path is too long/);
    expect(out?.reason).toContain("the files in it are not checked");
    // A folder is not a file: it is counted as what it is.
    expect(io.err()).toContain("netdz aggregate: 1 folder was left out of the roll-up");
    const md = captureIo(dir);
    expect(await main(["aggregate", "zones", "--measures", SETS], md)).toBe(1);
    expect(md.out()).toContain("2 used, 1 folder left out, 0 superseded");

    const check = captureIo(dir);
    const checked = await main(["validate", "zones", "--measures", SETS], check);
    expect(checked).toBe(1);
    expect(check.out()).toMatch(/:1:1 {2}error {2}file\/unreadable {2}cannot read the folder /);
    // Reached by two paths given, it is one folder not checked, and one problem.
    const twice = captureIo(dir);
    expect(await main(["validate", "zones", "zones/", "--measures", SETS], twice)).toBe(1);
    expect(twice.out().match(/cannot read the folder/g)).toHaveLength(1);
    expect(twice.err()).toContain("1 folder not checked: 1 error");
  }
}

/**
 * Runs netdz where a folder cannot be read for want of permission: as this user when it is not
 * root (root reads any folder), else as `nobody`, when that user can run netdz from here.
 */
function runWithoutPermission(args: string[], cwd: string): ReturnType<typeof spawnSync> | "skip" {
  const root = process.getuid?.() === 0;
  const options = {
    cwd,
    encoding: "utf8" as const,
    env: { PATH: process.env.PATH, TZ: "UTC" },
    timeout: 30_000,
    ...(root ? { uid: 65534, gid: 65534 } : {}),
  };
  if (root) {
    const probe = spawnSync(process.execPath, [BIN, "--version"], options);
    if (probe.status !== 0) return "skip";
  }
  return spawnSync(process.execPath, [BIN, ...args], options);
}

/** zonesWithSubfolder, readable by any user (as `nobody` runs netdz below). */
function readableZones(dir: string, sub: string): string {
  chmodSync(dir, 0o755);
  const zones = zonesWithSubfolder(dir, [sub]);
  chmodSync(zones, 0o755);
  for (const name of readdirSync(zones)) chmodSync(path.join(zones, name), 0o755);
  return zones;
}

describe("a folder without read permission", () => {
  it("is left out by aggregate (exit 1) and named when it is the folder given (exit 2)", (ctx) => {
    const dir = tempDir();
    const zones = readableZones(dir, "locked");
    chmodSync(path.join(zones, "locked"), 0o000);
    onTestFinished(() => chmodSync(path.join(zones, "locked"), 0o755));
    const below = runWithoutPermission(["aggregate", "zones", "--measures", SETS], dir);
    if (below === "skip") return ctx.skip();
    expect(below.status).toBe(1);
    expect(String(below.stdout)).toContain(
      "cannot read the folder zones/locked: permission denied",
    );
    const given = runWithoutPermission(["aggregate", "zones/locked", "--measures", SETS], dir);
    if (given === "skip") return ctx.skip();
    expect(given.status).toBe(2);
    expect(String(given.stderr)).toContain(
      "cannot read the folder zones/locked: permission denied",
    );
    expect(String(given.stderr)).toContain("no answers file could be used");
  });
});

describe("a --measures folder without read permission", () => {
  it("is a usage error naming it, exit 2", (ctx) => {
    const dir = tempDir();
    readableZones(dir, "sub");
    mkdirSync(path.join(dir, "sets"), { mode: 0o700 });
    chmodSync(path.join(dir, "sets"), 0o000);
    onTestFinished(() => chmodSync(path.join(dir, "sets"), 0o755));
    const result = runWithoutPermission(["validate", "zones", "--measures", "sets"], dir);
    if (result === "skip") return ctx.skip();
    expect(result.status).toBe(2);
    expect(String(result.stderr)).toBe("netdz: --measures sets: permission denied\n");
  });
});
