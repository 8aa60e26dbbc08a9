import { cpSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNames, scanFolder } from "../../src/fs/measure-sets.js";
import {
  makeSetSnapshot,
  setKey,
  snapshotFolder,
  writeSnapshotFolder,
  type SetSnapshot,
  type SnapshotRecord,
} from "../../src/fs/set-snapshot.js";
import { workspace } from "../../src/fs/workspace.js";
import { editFile, positionIn, ROOT, tempDir } from "../helpers.js";

const BUNDLED = path.join(ROOT, "measures");

/** A record held in memory, read as a snapshot. */
function memorySnapshot(record: SnapshotRecord): SetSnapshot {
  return { build: record.build, entry: (key) => record.sets[key] };
}

/** A copy of the bundled measures folder in a temporary folder, and its set folders. */
function copyBundled(): { root: string; v100: string; v110: string } {
  const root = path.join(tempDir(), "measures");
  cpSync(BUNDLED, root, { recursive: true });
  return {
    root,
    v100: path.join(root, "workplan-2025", "1.0.0"),
    v110: path.join(root, "workplan-2025", "1.1.0"),
  };
}

/** The record of every set under a measures folder, checked in full with no snapshot. */
async function record(root: string, bundledDir?: string): Promise<SnapshotRecord> {
  const ws = workspace({ cwd: root, snapshot: false });
  const dirs = scanFolder(root).setFolders;
  return makeSetSnapshot(dirs, "test-build", (dir) => ws.loadSet(dir), bundledDir);
}

/** A snapshot that counts the entries it handed out. */
function counting(snapshot: SetSnapshot): SetSnapshot & { hits: number } {
  const counted = {
    build: snapshot.build,
    hits: 0,
    entry(key: string) {
      const found = snapshot.entry(key);
      if (found) counted.hits++;
      return found;
    },
  };
  return counted;
}

describe("set snapshot (content-addressed record of checked sets)", () => {
  it("records every bundled set, and a recorded load equals a full check exactly", async () => {
    const { root, v100, v110 } = copyBundled();
    // Made as the build makes it: the folder is the bundled one, so each set has two keys (its
    // own, and that of a copy elsewhere: the one the loads below compute).
    const made = await record(root, root);
    expect(Object.keys(made.sets)).toHaveLength(2 * scanFolder(root).setFolders.length);
    // Written to files and read back, as the bundle does.
    const folder = path.join(tempDir(), "sets");
    mkdirSync(folder);
    writeSnapshotFolder(folder, made);
    expect(readdirSync(folder)).toHaveLength(4);
    const snapshot = counting(snapshotFolder(folder, made.build));
    // Another working directory than the one the record was made in.
    const cwd = tempDir();
    for (const dir of [v100, v110]) {
      const full = await workspace({ cwd, snapshot: false }).loadSet(dir);
      const before = snapshot.hits;
      const recorded = await workspace({ cwd, snapshot }).loadSet(dir);
      expect(snapshot.hits, dir).toBe(before + 1);
      expect(full.diagnostics).toEqual([]);
      expect(recorded).toStrictEqual(full);
    }
  });

  it("an edited file is checked in full: its problem is reported where it is", async () => {
    const { root, v100, v110 } = copyBundled();
    const snapshot = counting(memorySnapshot(await record(root)));
    const file = path.join(v100, "m01-original-innovation.yaml");
    editFile(file, /^number: 1$/m, "number: one");
    const at = positionIn(file, "one");
    const loaded = await workspace({ cwd: root, snapshot }).loadSet(v100);
    expect(snapshot.hits).toBe(0);
    expect(loaded.set).toBeUndefined();
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({
        file: path.join("workplan-2025", "1.0.0", "m01-original-innovation.yaml"),
        line: at.line,
        column: at.column,
        severity: "error",
      }),
    );
    // 1.1.0 depends on 1.0.0 (its changes are checked against it): not taken from the record.
    const newer = await workspace({ cwd: root, snapshot }).loadSet(v110);
    expect(snapshot.hits).toBe(0);
    expect(newer).toStrictEqual(await workspace({ cwd: root, snapshot: false }).loadSet(v110));
  });

  it("the key changes with any file, name or folder in the tree, and not with the location", async () => {
    const { root, v100 } = copyBundled();
    const key = setKey(v100, "b1");
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(setKey(v100, "b2")).not.toBe(key);
    // The same bytes elsewhere: the same key.
    const other = path.join(tempDir(), "elsewhere");
    cpSync(root, other, { recursive: true });
    expect(setKey(path.join(other, "workplan-2025", "1.0.0"), "b1")).toBe(key);
    // A file beside the sets, even one the loader would not read as a set.
    writeFileSync(path.join(root, "notes.txt"), "x");
    const withNote = setKey(v100, "b1");
    expect(withNote).not.toBe(key);
    // An empty folder.
    mkdirSync(path.join(root, "workplan-2025", "2.0.0"));
    expect(setKey(v100, "b1")).not.toBe(withNote);
    // One byte of another version's file.
    const again = path.join(tempDir(), "again");
    cpSync(BUNDLED, again, { recursive: true });
    const before = setKey(path.join(again, "workplan-2025", "1.0.0"), "b1");
    editFile(path.join(again, "workplan-2025", "1.1.0", "set.yaml"), /\n$/, "\n\n");
    expect(setKey(path.join(again, "workplan-2025", "1.0.0"), "b1")).not.toBe(before);
    // A different bundled tree (a base could be found there).
    expect(setKey(path.join(other, "workplan-2025", "1.0.0"), "b1", root)).not.toBe(key);
  });

  it("a set with problems is not recorded; a clean one beside it is", async () => {
    const { root, v100, v110 } = copyBundled();
    const file = path.join(v110, "m01-original-innovation.yaml");
    editFile(file, /^number: 1$/m, "number: one");
    const at = positionIn(file, "one");
    const made = await record(root);
    const full = workspace({ cwd: root, snapshot: false });
    const problems = (await full.loadSet(v110)).diagnostics;
    expect(problems.map(({ code, file, line, column }) => ({ code, file, line, column }))).toEqual([
      {
        code: "schema/type",
        file: path.join("workplan-2025", "1.1.0", "m01-original-innovation.yaml"),
        ...at,
      },
    ]);
    expect((await full.loadSet(v100)).diagnostics).toEqual([]);
    expect(Object.values(made.sets).map((entry) => entry.set.version)).toEqual(["1.0.0"]);
  });
});

describe("compareNames", () => {
  it("orders as localeCompare does", () => {
    const plain = fc.stringMatching(/^[a-z0-9.-]{0,8}$/);
    const any = fc.string({ maxLength: 6 });
    for (const name of [plain, any]) {
      fc.assert(
        fc.property(
          name,
          name,
          (a, b) => Math.sign(compareNames(a, b)) === Math.sign(a.localeCompare(b)),
        ),
        { numRuns: 2000 },
      );
    }
  });
});
