import { cpSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import { diagnosticMessage } from "../../src/i18n/diagnostic-messages.js";
import { editFile, FIXTURES, positionIn, tempDir } from "../helpers.js";

// The cross-version checks of a version run against the version before whenever that version is
// there and readable, even when it has problems of its own; when it cannot be read, one located
// line says the checks did not run. A version that is not there is no problem (the issue checks
// against it only when it is present).

/** The three-version fixture set (1.0.0, 1.1.0, 1.2.0) in a temp folder. */
function copyVersions(): string {
  const root = path.join(tempDir(), "sets", "mini");
  cpSync(path.join(FIXTURES, "versions", "mini"), root, { recursive: true });
  return root;
}

/** 1.2.0 with its retire entry gone, so that M01.Q4 of 1.1.0 is unaccounted for. */
function dropRetire(root: string): void {
  editFile(path.join(root, "1.2.0", "changes.yaml"), /^ {2}- retire:\n(.*\n){4}/m, "");
}

const brief = (d: {
  file: string;
  line: number;
  column: number;
  code: string;
  severity: string;
}) => ({
  file: d.file,
  line: d.line,
  column: d.column,
  code: d.code,
  severity: d.severity,
});

describe("checks against a previous version that has problems", () => {
  it("still run when the previous version's files are well formed (a bad weight)", async () => {
    const root = copyVersions();
    dropRetire(root);
    editFile(path.join(root, "1.1.0", "m01-first.yaml"), /^weight: 1$/m, "weight: -1");
    for (const cwd of [root, path.join(root, "1.2.0")]) {
      const loaded = await loadSetFolder(path.join(root, "1.2.0"), cwd);
      expect(loaded.set).toBeUndefined();
      expect(loaded.diagnostics.map((d) => d.code)).toEqual(["changes/unaccounted"]);
    }
  });

  it("say once, at from:, that they could not run when the previous version cannot be read", async () => {
    const root = copyVersions();
    editFile(path.join(root, "1.1.0", "m01-first.yaml"), "questions:", "questions: [");
    const dir = path.join(root, "1.2.0");
    const loaded = await loadSetFolder(dir, root);
    expect(loaded.set).toBeUndefined();
    expect(loaded.diagnostics.map(brief)).toEqual([
      {
        file: "1.2.0/changes.yaml",
        ...positionIn(path.join(dir, "changes.yaml"), "1.1.0"),
        code: "changes/previous-invalid",
        severity: "error",
      },
    ]);
    const text = loaded.diagnostics[0]?.text;
    expect(text && diagnosticMessage(text, "en")).toBe(
      "this version could not be checked against 1.1.0: that version is invalid; fix it first (run `netdz validate 1.1.0`)",
    );
    expect(text && diagnosticMessage(text, "zh")).toBe(
      "本版本未能与 1.1.0 比对检查：该版本无效；请先修正它（运行 `netdz validate 1.1.0`）",
    );
  });

  it("quote the folder in the command they suggest when it needs quoting", async () => {
    const sets = path.dirname(copyVersions());
    const spaced = path.join(path.dirname(sets), "my sets");
    renameSync(sets, spaced);
    const root = path.join(spaced, "mini");
    editFile(path.join(root, "1.1.0", "m01-first.yaml"), "questions:", "questions: [");
    const loaded = await loadSetFolder(path.join(root, "1.2.0"), path.dirname(spaced));
    const text = loaded.diagnostics[0]?.text;
    expect(text && diagnosticMessage(text, "en")).toContain(
      "(run `netdz validate 'my sets/mini/1.1.0'`)",
    );
  });

  it("warn at version: when a version without changes.yaml follows an unreadable one", async () => {
    const root = copyVersions();
    editFile(path.join(root, "1.1.0", "m01-first.yaml"), "questions:", "questions: [");
    rmSync(path.join(root, "1.2.0", "changes.yaml"));
    const dir = path.join(root, "1.2.0");
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.diagnostics.map(brief)).toEqual([
      {
        file: "set.yaml",
        ...positionIn(path.join(dir, "set.yaml"), "1.2.0"),
        code: "changes/previous-invalid",
        severity: "warning",
      },
    ]);
    expect(loaded.set?.version).toBe("1.2.0");
  });
});

describe("a from: naming a version that is not there", () => {
  it("is no problem when no older version is beside it, whatever newer ones are", async () => {
    const root = copyVersions();
    rmSync(path.join(root, "1.0.0"), { recursive: true });
    const loaded = await loadSetFolder(path.join(root, "1.1.0"), root);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.set?.version).toBe("1.1.0");
    // …and the next version is still checked against it.
    dropRetire(root);
    const next = await loadSetFolder(path.join(root, "1.2.0"), root);
    expect(next.diagnostics.map((d) => d.code)).toEqual(["changes/unaccounted"]);
  });

  it("is a warning, naming the older versions, when an older one is beside it", async () => {
    const root = copyVersions();
    const file = path.join(root, "1.2.0", "changes.yaml");
    editFile(file, "from: 1.1.0", "from: 1.0.9");
    const loaded = await loadSetFolder(path.join(root, "1.2.0"), root);
    expect(loaded.diagnostics.map(brief)).toEqual([
      {
        file: "1.2.0/changes.yaml",
        ...positionIn(file, "1.0.9"),
        code: "changes/from-version",
        severity: "warning",
      },
    ]);
    expect(loaded.diagnostics[0]?.message).toBe(
      "from: 1.0.9 is not a version of mini here, so this version was not checked against it (older versions beside this one: 1.0.0, 1.1.0); name the version this one comes from",
    );
    expect(loaded.set?.version).toBe("1.2.0");
  });
});
