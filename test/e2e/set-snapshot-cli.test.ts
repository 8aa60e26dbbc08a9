import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, editFile, positionIn, ROOT, runCli, tempDir } from "../helpers.js";

const TRACE = path.join(ROOT, "test", "e2e", "module-trace", "register.mjs");
const SNAPSHOT = path.join(ROOT, "dist", "bundle", "sets");

/** Runs the built netdz with the module trace; its output and the bundle files it loaded. */
function traced(args: string[], cwd: string) {
  const out = path.join(tempDir(), "trace.txt");
  const result = spawnSync(process.execPath, ["--import", TRACE, BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH, NETDZ_TRACE_OUT: out },
    encoding: "utf8",
    timeout: 30_000,
  });
  const loaded = [
    ...new Set(
      readFileSync(out, "utf8")
        .split("\n")
        .filter((url) => url.includes("/dist/bundle/")),
    ),
  ];
  // The chunk that holds the full set check, whatever rollup named it.
  const checker = loaded.filter((url) =>
    readFileSync(new URL(url), "utf8").includes("function loadSetFolder("),
  );
  return { ...result, checker };
}

/** The bundled measures folder copied into a temporary project folder. */
function copyMeasures(): string {
  const project = tempDir();
  cpSync(path.join(ROOT, "measures"), path.join(project, "measures"), { recursive: true });
  return project;
}

describe("the bundled sets' snapshot (spawned, built bundle)", () => {
  it("the build records each bundled set, as itself and as a copy elsewhere", () => {
    expect(existsSync(SNAPSHOT)).toBe(true);
    const files = readdirSync(SNAPSHOT).filter((name) => /^[0-9a-f]{64}\.json$/.test(name));
    expect(files).toHaveLength(4);
    const aliases = files.filter(
      (name) => "sameAs" in JSON.parse(readFileSync(path.join(SNAPSHOT, name), "utf8")),
    );
    expect(aliases).toHaveLength(2);
  });

  it("validate of the unchanged sets takes them from it, with the output of a full check", () => {
    const recorded = traced(["validate", "measures/"], ROOT);
    expect(recorded.checker).toEqual([]);
    // A file beside the sets changes the key: the same sets checked in full.
    const project = copyMeasures();
    writeFileSync(path.join(project, "measures", "notes.txt"), "not a set\n");
    const full = traced(["validate", "measures/"], project);
    expect(full.checker).toHaveLength(1);
    expect([recorded.status, recorded.stdout, recorded.stderr]).toEqual([
      full.status,
      full.stdout,
      full.stderr,
    ]);
    expect(recorded.status).toBe(0);
  });

  it("an unchanged copy elsewhere is the same content, so it is taken from the snapshot too", () => {
    const project = copyMeasures();
    const result = traced(["validate", "measures/"], project);
    expect(result.checker).toEqual([]);
    expect(result.status).toBe(0);
  });

  it("an edited file is checked in full and its problem is located", () => {
    const project = copyMeasures();
    const file = path.join(
      project,
      "measures",
      "workplan-2025",
      "1.0.0",
      "m02-manufacturing-foundation.yaml",
    );
    editFile(file, /^number: 2$/m, "number: two");
    const at = positionIn(file, "two");
    const result = traced(["validate", "measures/"], project);
    expect(result.checker).toHaveLength(1);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `measures/workplan-2025/1.0.0/m02-manufacturing-foundation.yaml:${at.line}:${at.column}  error  `,
    );
  });

  it("report of an answers file gives the same output from the snapshot as from a full check", () => {
    const project = copyMeasures();
    const answers = path.join(project, "answers.yaml");
    const init = runCli(["init", "-a", answers], { cwd: project });
    expect(init.status, init.stderr).toBe(0);
    const recorded = runCli(["report", answers], { cwd: project, env: { SOURCE_DATE_EPOCH: "0" } });
    writeFileSync(path.join(project, "measures", "notes.txt"), "not a set\n");
    const full = runCli(["report", answers, "--measures", "measures"], {
      cwd: project,
      env: { SOURCE_DATE_EPOCH: "0" },
    });
    expect(recorded.status).toBe(0);
    expect(recorded.stdout).toContain("(workplan-2025 1.1.0)");
    // The suggested validate command keeps the --measures it was given; nothing else differs.
    expect(full.stderr).toContain(" --measures measures` to see them.");
    expect([recorded.status, recorded.stdout, recorded.stderr]).toEqual([
      full.status,
      full.stdout,
      full.stderr.replace(" --measures measures`", "`"),
    ]);
  });
});
