import { cpSync, renameSync } from "node:fs";
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

interface Case {
  name: string;
  version: string;
  file: string;
  from: string | RegExp;
  to: string;
  code: string;
  severity?: "error" | "warning";
  /** Text whose first character the diagnostic points at, after the edit. */
  at: string;
  /** The file the diagnostic is in, when not `file`. */
  in?: string;
}

// prettier-ignore
const cases: Case[] = [
  { name: "a question of the previous version that is gone and not named", version: "1.1.0", file: "changes.yaml", from: / {2}- retire:\n {6}id: M02.Q3\n(.*\n){4}/, to: "", code: "changes/unaccounted", at: "changes:" },
  { name: "a rename from an id the previous version lacks", version: "1.1.0", file: "changes.yaml", from: "from: M01.Q3, to", to: "from: M01.Q9, to", code: "changes/unknown-id", at: "M01.Q9" },
  { name: "a rename from an id the new version still has", version: "1.1.0", file: "changes.yaml", from: "from: M01.Q3, to", to: "from: M02.Q1, to", code: "changes/rename-source", at: "M02.Q1, to" },
  { name: "a from: that names no version beside it", version: "1.1.0", file: "changes.yaml", from: "from: 1.0.0", to: "from: 0.9.0", code: "changes/from-version", severity: "warning", at: "0.9.0" },
  { name: "a from: that names the version itself", version: "1.1.0", file: "changes.yaml", from: "from: 1.0.0", to: "from: 1.1.0", code: "changes/from-version", at: "1.1.0\n" },
  { name: "a from: that skips a version between", version: "1.2.0", file: "changes.yaml", from: "from: 1.1.0", to: "from: 1.0.0", code: "changes/from-version", severity: "warning", at: "1.0.0\n" },
  { name: "a rename to an id the new version lacks", version: "1.1.0", file: "changes.yaml", from: "to: M02.Q4 }", to: "to: M02.Q8 }", code: "changes/unknown-id", at: "M02.Q8" },
  { name: "a reword of a question that is not in the new version", version: "1.2.0", file: "changes.yaml", from: "  - retire:\n      id: M01.Q4", to: "  - reword: M01.Q4\n  - retire:\n      id: M01.Q9", code: "changes/unknown-id", at: "M01.Q4\n" },
  { name: "a retired id used again in the same version", version: "1.1.0", file: "m02-second.yaml", from: "  - id: M02.Q4", to: "  - id: M02.Q3", code: "changes/retired-reused", at: "M02.Q3", in: "m02-second.yaml" },
  { name: "a retired id used again in a later version", version: "1.2.0", file: "m02-second.yaml", from: "  - id: M02.Q5", to: "  - id: M02.Q3", code: "changes/retired-reused", at: "M02.Q3", in: "m02-second.yaml" },
  { name: "a rescale of a question whose scale did not change", version: "1.1.0", file: "changes.yaml", from: "  - reword: M01.Q1\n", to: "  - reword: M01.Q1\n  - rescale: { id: M02.Q1, note: { en: none, zh: 无 } }\n", code: "changes/rescale-unchanged", at: "M02.Q1, note" },
  { name: "a profile map to a value that is not an option", version: "1.1.0", file: "changes.yaml", from: "Zhejiang: zj", to: "Zhejiang: zhejiang", code: "changes/profile-value", at: "zhejiang" },
  { name: "a profile entry for a field the new version lacks", version: "1.1.0", file: "changes.yaml", from: "field: province", to: "field: provinse", code: "changes/unknown-id", at: "provinse" },
  { name: "two old values that differ only in case", version: "1.1.0", file: "changes.yaml", from: "        Zhejiang: zj\n", to: "        Zhejiang: zj\n        ZHEJIANG: zj\n", code: "changes/duplicate", at: "ZHEJIANG" },
  { name: "one question named twice", version: "1.1.0", file: "changes.yaml", from: "  - reword: M01.Q1\n", to: "  - reword: M01.Q1\n  - reword: M01.Q1\n", code: "changes/duplicate", at: "M01.Q1\n  - rescale" },
  { name: "two renames onto one new id", version: "1.1.0", file: "changes.yaml", from: "  - retire:\n      id: M02.Q3\n      reason:\n        en: financing channels are asked by another measure now\n        zh: 融资渠道改由其他举措考查\n", to: "  - rename: { from: M02.Q3, to: M02.Q4 }\n", code: "changes/duplicate", at: "M02.Q4 }\n  - profile" },
  { name: "a rename of a question onto its own id", version: "1.1.0", file: "changes.yaml", from: "  - reword: M01.Q1\n", to: "  - reword: M01.Q1\n  - rename: { from: M02.Q1, to: M02.Q1 }\n", code: "changes/rename-self", at: "M02.Q1 }" },
  { name: "an entry with two kinds at once", version: "1.1.0", file: "changes.yaml", from: "  - reword: M01.Q1\n", to: "  - reword: M01.Q1\n    retire: { id: M01.Q1, reason: { en: x, zh: x } }\n", code: "changes/entry-kinds", at: "retire: { id: M01.Q1" },
];

describe("cross-version rules of changes.yaml", () => {
  it("accepts the fixture chain 1.0.0 → 1.1.0 → 1.2.0 and keeps the changes", async () => {
    const root = copyVersions();
    for (const version of ["1.0.0", "1.1.0", "1.2.0"]) {
      const loaded = await loadSetFolder(path.join(root, version), root);
      expect(loaded.diagnostics).toEqual([]);
      expect(loaded.set?.version).toBe(version);
    }
    const latest = await loadSetFolder(path.join(root, "1.2.0"), root);
    expect(latest.changes?.from).toBe("1.1.0");
  });

  it("accepts the bundled 1.1.0 against 1.0.0 with no warning", async () => {
    const dir = path.join(FIXTURES, "..", "..", "measures", "workplan-2025", "1.1.0");
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.changes?.from).toBe("1.0.0");
  });

  it.each(cases)("reports $name as $code", async (c) => {
    const root = copyVersions();
    const dir = path.join(root, c.version);
    const file = path.join(dir, c.file);
    editFile(file, c.from, c.to);
    const loaded = await loadSetFolder(dir, dir);
    const where = path.join(dir, c.in ?? c.file);
    const severity = c.severity ?? "error";
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({
        file: c.in ?? c.file,
        code: c.code,
        severity,
        ...positionIn(where, c.at),
      }),
    );
    if (severity === "error") expect(loaded.set).toBeUndefined();
  });

  it("warns when a version that retires or rescales moves only the patch number", async () => {
    const root = copyVersions();
    const dir = path.join(root, "1.1.1");
    renameSync(path.join(root, "1.2.0"), dir);
    editFile(path.join(dir, "set.yaml"), "version: 1.2.0", "version: 1.1.1");
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({
        file: "changes.yaml",
        severity: "warning",
        code: "changes/version-bump",
        ...positionIn(path.join(dir, "changes.yaml"), "1.1.0\n"),
      }),
    ]);
    expect(loaded.set?.version).toBe("1.1.1");
  });

  it("refuses a from: that is not older than the version", async () => {
    const root = copyVersions();
    const dir = path.join(root, "1.2.0");
    editFile(path.join(dir, "changes.yaml"), /^(\s*)- retire:\n.*\n.*\n.*\n.*\n/m, "");
    editFile(path.join(dir, "changes.yaml"), "from: 1.1.0", "from: 1.2.0");
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({ code: "changes/from-version", severity: "error" }),
    );
  });

  it("skips the cross-version rules when the previous version is not beside it", async () => {
    const root = copyVersions();
    const alone = path.join(tempDir(), "mini", "1.1.0");
    cpSync(path.join(root, "1.1.0"), alone, { recursive: true });
    const loaded = await loadSetFolder(alone, alone);
    expect(loaded.diagnostics).toEqual([]);
  });
});
