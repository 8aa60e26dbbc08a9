import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import { editFile, FIXTURES, positionIn, tempDir } from "../helpers.js";

/** Copies the three-version fixture set (1.0.0, 1.1.0, 1.2.0) to a temp folder. */
function copyVersions(): string {
  const root = path.join(tempDir(), "sets");
  cpSync(path.join(FIXTURES, "versions", "mini"), path.join(root, "mini"), { recursive: true });
  return path.join(root, "mini");
}

/** A new version folder copied from `from`, with its version set and no changes.yaml. */
function newVersion(root: string, from: string, version: string): string {
  const dir = path.join(root, version);
  cpSync(path.join(root, from), dir, { recursive: true });
  rmSync(path.join(dir, "changes.yaml"), { force: true });
  editFile(path.join(dir, "set.yaml"), `version: ${from}`, `version: ${version}`);
  return dir;
}

/** M02.Q3 (retired in 1.1.0) brought back in the measure file of `dir`. */
function reuseRetired(dir: string): void {
  editFile(path.join(dir, "m02-second.yaml"), "  - id: M02.Q5", "  - id: M02.Q3");
}

describe("a retired id across the whole chain of versions", () => {
  it("is an error in a later version that has no changes.yaml", async () => {
    const root = copyVersions();
    const dir = newVersion(root, "1.2.0", "1.3.0");
    reuseRetired(dir);
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({
        file: "m02-second.yaml",
        severity: "error",
        code: "changes/retired-reused",
        ...positionIn(path.join(dir, "m02-second.yaml"), "M02.Q3"),
      }),
    );
    expect(loaded.set).toBeUndefined();
  });

  it("is an error when a version between has no changes.yaml", async () => {
    const root = copyVersions();
    // 1.2.0 without changes.yaml (it drops M01.Q4), then 1.3.0 with one, from 1.2.0.
    rmSync(path.join(root, "1.2.0", "changes.yaml"));
    const dir = newVersion(root, "1.2.0", "1.3.0");
    cpSync(
      path.join(FIXTURES, "versions", "mini", "1.2.0", "changes.yaml"),
      path.join(dir, "changes.yaml"),
    );
    editFile(
      path.join(dir, "changes.yaml"),
      /from: 1\.1\.0\nchanges:\n[\s\S]*/,
      "from: 1.2.0\nchanges:\n  - reword: M01.Q1\n",
    );
    reuseRetired(dir);
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.diagnostics.map((d) => d.code)).toContain("changes/retired-reused");
    expect(loaded.set).toBeUndefined();
  });

  it("warns, at set.yaml's version, when a version without changes.yaml drops questions", async () => {
    const root = copyVersions();
    const dir = newVersion(root, "1.2.0", "1.3.0");
    editFile(path.join(dir, "m02-second.yaml"), / {2}- id: M02\.Q5\n[\s\S]*/, "");
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({
        file: "set.yaml",
        severity: "warning",
        code: "changes/no-changes-file",
        ...positionIn(path.join(dir, "set.yaml"), "1.3.0"),
      }),
    ]);
    expect(loaded.diagnostics[0]?.message).toContain("M02.Q5");
    expect(loaded.set?.version).toBe("1.3.0");
  });

  it("stays quiet for a version without changes.yaml that keeps every question", async () => {
    const root = copyVersions();
    const dir = newVersion(root, "1.2.0", "1.2.1");
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.diagnostics).toEqual([]);
  });
});

describe("a reword of a question whose scale changed", () => {
  it("warns as an unannounced rescale", async () => {
    const root = copyVersions();
    const dir = path.join(root, "1.1.0");
    // M01.Q1 is reworded in 1.1.0; make it a yes/no question there.
    editFile(path.join(dir, "m01-first.yaml"), /(- id: M01\.Q1\n {4}type: )status/, "$1yesno");
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({
        file: "m01-first.yaml",
        severity: "warning",
        code: "changes/unannounced-rescale",
        ...positionIn(path.join(dir, "m01-first.yaml"), "M01.Q1"),
      }),
    );
    const warning = loaded.diagnostics.find((d) => d.code === "changes/unannounced-rescale");
    expect(warning?.message).toContain("reword");
  });

  it("warns when the reworded question was renamed too", async () => {
    const root = copyVersions();
    const dir = path.join(root, "1.1.0");
    editFile(
      path.join(dir, "changes.yaml"),
      "  - reword: M01.Q1\n",
      "  - reword: M01.Q1\n  - reword: M02.Q4\n",
    );
    editFile(path.join(dir, "m02-second.yaml"), /(- id: M02\.Q4\n {4}type: )choice/, "$1yesno");
    editFile(
      path.join(dir, "m02-second.yaml"),
      /(- id: M02\.Q4\n[\s\S]*?)\n {4}options:\n(?: {6}.*\n)+/,
      "$1\n",
    );
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: "warning",
        code: "changes/unannounced-rescale",
        ...positionIn(path.join(dir, "m02-second.yaml"), "M02.Q4"),
      }),
    );
  });
});
