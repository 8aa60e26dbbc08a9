import { cpSync, linkSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/main.js";
import { captureIo, FIXTURES, ROOT, tempDir } from "../helpers.js";

const SETS = path.join(FIXTURES, "report", "sets");

interface Rolled {
  totals: { used: number; leftOut: number; superseded: number };
  zones: { file: string }[];
  leftOut: { file: string; reason: { kind: string; by?: string } }[];
}

/** The valid province files in `<tmp>/zones`; the temp folder is returned. */
function province(): string {
  const dir = tempDir();
  cpSync(path.join(ROOT, "test", "fixtures", "province", "zones"), path.join(dir, "zones"), {
    recursive: true,
  });
  rmSync(path.join(dir, "zones", "2026", "longxi.yaml"));
  return dir;
}

async function rollUp(cwd: string, paths: string[]): Promise<Rolled> {
  const io = captureIo(cwd);
  const code = await main(["aggregate", ...paths, "--measures", SETS, "--format", "json"], io);
  expect(io.err()).toBe("");
  expect(code).toBe(0);
  return JSON.parse(io.out()) as Rolled;
}

describe("netdz aggregate counts a file reached by several paths once", () => {
  it("a linked folder given beside the real one", async () => {
    const dir = province();
    symlinkSync("zones", path.join(dir, "zz-link"), "dir");
    const alone = await rollUp(dir, ["zones"]);
    for (const paths of [
      ["zones", "zz-link"],
      ["zz-link", "zones"],
    ]) {
      const both = await rollUp(dir, paths);
      expect(both.totals).toEqual({ used: 8, leftOut: 0, superseded: 1 });
      // The first in the order files are listed is kept: the real folder sorts first.
      expect(both.zones.map((z) => z.file)).toEqual(alone.zones.map((z) => z.file));
      expect(both.leftOut).toEqual(alone.leftOut);
    }
  });

  it("a symbolic link to a file inside a searched folder, and a hard link", async () => {
    const dir = province();
    const real = path.join(dir, "zones", "2026", "haiyan.yaml");
    symlinkSync("haiyan.yaml", path.join(dir, "zones", "2026", "haiyan-link.yaml"));
    linkSync(real, path.join(dir, "zones", "2026", "haiyan-hard.yaml"));
    const rolled = await rollUp(dir, ["zones"]);
    expect(rolled.totals).toEqual({ used: 8, leftOut: 0, superseded: 1 });
    const files = rolled.zones.map((z) => z.file);
    // haiyan-hard.yaml sorts before haiyan-link.yaml and haiyan.yaml: it is the one kept.
    expect(files).toContain("zones/2026/haiyan-hard.yaml");
    expect(files.filter((f) => f.includes("haiyan"))).toHaveLength(1);
    // Never superseded by itself.
    for (const entry of rolled.leftOut) expect(entry.reason.by).not.toMatch(/haiyan/);
  });

  it("a file named by a link and found in a folder is still checked as named", async () => {
    const dir = province();
    symlinkSync(path.join("zones", "2026", "helan.yaml"), path.join(dir, "a-helan.yaml"));
    const rolled = await rollUp(dir, ["zones", "a-helan.yaml"]);
    expect(rolled.totals).toEqual({ used: 8, leftOut: 0, superseded: 1 });
    expect(rolled.zones.map((z) => z.file)).toContain("a-helan.yaml");
  });
});
