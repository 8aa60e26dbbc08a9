/**
 * Set folders holding files that are not regular files: a FIFO, a dangling link, a folder or a
 * link loop under the name of set.yaml, changes.yaml or a measure file. No command may block on
 * one (each run has a timeout, so a hang fails the test), and each is one `file/unreadable`
 * problem of its set, never read as a missing file.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, tempDir } from "../helpers.js";

/** Each run must end well within this; a blocking open never does. */
const TIMEOUT_MS = 20_000;

function netdz(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    timeout: TIMEOUT_MS,
    env: { ...process.env, LANG: "C", LC_ALL: "", TZ: "UTC", NO_COLOR: "1" },
  });
  // null: killed by the timeout (it blocked).
  expect(result.signal, `netdz ${args.join(" ")} blocked`).toBeNull();
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Odd = "fifo" | "dangling link" | "folder" | "link loop";
const ODD: readonly Odd[] = ["fifo", "dangling link", "folder", "link loop"];

/** Puts something that is not a regular file at `file`. */
function makeOdd(file: string, kind: Odd): void {
  rmSync(file, { force: true, recursive: true });
  if (kind === "fifo") {
    const made = spawnSync("mkfifo", [file]);
    expect(made.status).toBe(0);
  } else if (kind === "dangling link") symlinkSync("nowhere.yaml", file);
  else if (kind === "folder") mkdirSync(file);
  else {
    const other = `${file}.loop`;
    symlinkSync(path.basename(other), file);
    symlinkSync(path.basename(file), other);
  }
}

/** A copy of the bundled measures folder, and a 1.0.0 answers file whose province 1.1.0 maps. */
function workspaceCopy(): { dir: string; measures: string; old: string } {
  const dir = tempDir();
  const measures = path.join(dir, "measures");
  cpSync(path.join(ROOT, "measures"), measures, { recursive: true });
  const old = path.join(dir, "old.yaml");
  writeFileSync(
    old,
    [
      "format: netdz-answers/1",
      "measureSet: { id: workplan-2025, version: 1.0.0 }",
      "zone: { name: Test zone, province: 江苏 }",
      "answers: {}",
      "",
    ].join("\n"),
  );
  return { dir, measures, old };
}

const V100 = path.join("measures", "workplan-2025", "1.0.0");
const V110 = path.join("measures", "workplan-2025", "1.1.0");

describe.each(ODD)("set.yaml of a sibling version that is a %s", (kind) => {
  it("never blocks validate, list, init or report, and is one file/unreadable problem", () => {
    const { dir } = workspaceCopy();
    makeOdd(path.join(dir, V100, "set.yaml"), kind);
    const validate = netdz(["validate", "measures", "--format", "json"], dir);
    expect(validate.code).toBe(1);
    const problems = JSON.parse(validate.stdout) as { file: string; code: string }[];
    expect(problems.filter((p) => (p as { severity?: string }).severity !== "warning")).toEqual([
      expect.objectContaining({ file: path.join(V100, "set.yaml"), code: "file/unreadable" }),
    ]);

    const list = netdz(["list", "--measures", "measures"], dir);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain("workplan-2025@1.1.0");
    // Listed as invalid with the located reason, headed by its folder.
    expect(list.stdout).toContain(`${V100}\n  ${path.join(V100, "set.yaml")}:1:1  cannot read`);
    expect(list.stdout).not.toContain("?@?");

    const init = netdz(["init", "--answers", "-", "--measures", "measures"], dir);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain("version: 1.1.0");

    const answers = path.join(dir, "new.yaml");
    writeFileSync(answers, init.stdout);
    const report = netdz(["report", "new.yaml", "--measures", "measures", "--out", "-"], dir);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain("workplan-2025");
  });
});

describe.each(ODD)("a measure file of a sibling version that is a %s", (kind) => {
  it("never blocks validate or list", () => {
    const { dir } = workspaceCopy();
    makeOdd(path.join(dir, V100, "m99-odd.yaml"), kind);
    const validate = netdz(["validate", "measures", "--format", "json"], dir);
    expect(validate.code).toBe(1);
    const problems = JSON.parse(validate.stdout) as { file: string; code: string }[];
    expect(problems.map((p) => [p.file, p.code])).toContainEqual([
      path.join(V100, "m99-odd.yaml"),
      "file/unreadable",
    ]);
    expect(netdz(["list", "--measures", "measures"], dir).code).toBe(0);
  });
});

describe.each(ODD)("changes.yaml that is a %s", (kind) => {
  it("is one file/unreadable error of its set in validate, list and migrate", () => {
    const { dir } = workspaceCopy();
    makeOdd(path.join(dir, V110, "changes.yaml"), kind);
    const validate = netdz(["validate", V110, "--format", "json"], dir);
    expect(validate.code).toBe(1);
    const problems = JSON.parse(validate.stdout) as { file: string; code: string }[];
    expect(problems.map((p) => [p.file, p.code])).toEqual([
      [path.join(V110, "changes.yaml"), "file/unreadable"],
    ]);
    const text = netdz(["validate", V110], dir);
    expect(text.stdout).toMatch(/changes\.yaml:1:1 {2}error {2}file\/unreadable {2}cannot read/);

    const list = netdz(["list", "--measures", "measures", "--json"], dir);
    const sets = JSON.parse(list.stdout) as { version: string; valid: boolean }[];
    expect(sets.map((s) => [s.version, s.valid])).toEqual([
      ["1.1.0", false],
      ["1.0.0", true],
    ]);

    // Never read as "no changes.yaml": the province it maps is not cleared, nothing is written.
    const migrate = netdz(["migrate", "old.yaml", "--measures", "measures", "--dry-run"], dir);
    expect(migrate.code).not.toBe(0);
    expect(migrate.stdout + migrate.stderr).not.toContain("cleared");
    expect(migrate.stdout + migrate.stderr).toContain("file/unreadable");
  });
});

describe("changes.yaml read in both languages", () => {
  it("says why it cannot be read in Chinese with --lang zh", () => {
    const { dir } = workspaceCopy();
    makeOdd(path.join(dir, V110, "changes.yaml"), "fifo");
    const zh = netdz(["validate", V110, "--lang", "zh"], dir);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toMatch(
      /changes\.yaml:1:1 {2}error {2}file\/unreadable {2}\S*[\u4e00-\u9fff]/,
    );
  });
});
