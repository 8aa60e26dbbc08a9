import { cpSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { workspace } from "../../src/fs/workspace.js";
import { copyMiniSet, editFile } from "../helpers.js";

describe("a settled workspace (one run over many files)", () => {
  it("finds and checks its sets once, and does not look at them again", async () => {
    const { root, setDir } = copyMiniSet();
    const ws = workspace({ cwd: path.dirname(root), measuresDir: root, settled: true });
    const first = await ws.loadSet(setDir);
    expect((await ws.sets()).map((s) => `${s.id}@${s.version}`)).toEqual(["mini@1.0.0"]);
    editFile(path.join(setDir, "m02-second.yaml"), /^format:.*$/m, "format: [");
    cpSync(setDir, path.join(root, "mini", "2.0.0"), { recursive: true });
    editFile(path.join(root, "mini", "2.0.0", "set.yaml"), "version: 1.0.0", "version: 2.0.0");
    expect(await ws.loadSet(setDir)).toBe(first);
    expect((await ws.sets()).map((s) => s.version)).toEqual(["1.0.0"]);
    // A workspace that is not settled sees the change.
    const fresh = workspace({ cwd: path.dirname(root), measuresDir: root });
    expect((await fresh.loadSet(setDir)).set).toBeUndefined();
    expect((await fresh.sets()).map((s) => s.version)).toEqual(["2.0.0", "1.0.0"]);
  });
});
