import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, editFile, FIXTURES, ROOT, runCli, tempDir } from "../helpers.js";

const ZONES = path.join(ROOT, "test", "fixtures", "province", "zones", "2026");

/** The demo set at 1.0.0 and 1.1.0 in a measures folder whose name has a space. */
function demoSets(parent: string): string {
  const root = path.join(parent, "my sets");
  cpSync(path.join(FIXTURES, "report", "sets"), root, { recursive: true });
  const next = path.join(root, "demo-2025", "1.1.0");
  cpSync(path.join(root, "demo-2025", "1.0.0"), next, { recursive: true });
  editFile(path.join(next, "set.yaml"), "version: 1.0.0", "version: 1.1.0");
  return root;
}

/** The advised `netdz migrate …` commands printed on standard error. */
function advice(stderr: string): string[] {
  return [...stderr.matchAll(/bring it over with: (netdz migrate .*)$/gm)].map((m) => m[1]!);
}

/** Runs a printed command line in a shell, with `netdz` as the built CLI. */
function runPrinted(command: string, cwd: string) {
  expect(command.startsWith("netdz ")).toBe(true);
  const line = `"${process.execPath}" "${BIN}" ${command.slice("netdz ".length)}`;
  return spawnSync("/bin/sh", ["-c", line], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: "UTC" },
    encoding: "utf8",
  });
}

interface Totals {
  totals: { used: number; leftOut: number; superseded: number };
  leftOut: { file: string }[];
  superseded: { file: string; by: string }[];
}

describe("netdz aggregate advises a migrate command that runs as printed", () => {
  it("with --measures DIR and quoted paths, and after it the folder rolls up with exit 0", () => {
    const work = tempDir();
    demoSets(work);
    const zones = path.join(work, "our zones");
    mkdirSync(zones);
    for (const name of ["suhe", "haiyan"]) {
      cpSync(path.join(ZONES, `${name}.yaml`), path.join(zones, `${name}.yaml`));
      editFile(path.join(zones, `${name}.yaml`), "version: 1.0.0", "version: 1.1.0");
    }
    cpSync(path.join(ZONES, "helan.yaml"), path.join(zones, "helan zone.yaml"));
    const args = ["aggregate", "our zones", "--measures", "my sets", "--format", "json"];

    const before = runCli(args, { cwd: work });
    expect(before.status).toBe(1);
    const commands = advice(before.stderr);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toContain("--measures 'my sets'");
    expect(commands[0]).toContain("'our zones/helan zone.yaml'");
    const migrated = runPrinted(commands[0]!, work);
    expect(migrated.stderr).not.toMatch(/no set|not available/i);
    expect(migrated.status).toBe(0);
    expect(existsSync(path.join(zones, "helan zone.1.0.0.yaml"))).toBe(true);

    // The backup migrate keeps is the same zone, answered at the same time, of the older
    // version: superseded by the migrated file, not left out again.
    const after = runCli(args, { cwd: work });
    expect(after.stderr).toBe("");
    expect(after.status).toBe(0);
    const json = JSON.parse(after.stdout) as Totals;
    expect(json.totals).toEqual({ used: 3, leftOut: 0, superseded: 1 });
    expect(json.superseded).toEqual([
      { file: "our zones/helan zone.1.0.0.yaml", by: "our zones/helan zone.yaml" },
    ]);
  });

  it("for the bundled set, whose 1.1.0 asks the province from a list (the spelling changes)", () => {
    const work = tempDir();
    const zones = path.join(work, "zones");
    mkdirSync(zones);
    const file = (name: string, version: string, zone: string, at: string) =>
      writeFileSync(
        path.join(zones, `${name}.yaml`),
        [
          "format: netdz-answers/1",
          `measureSet: { id: workplan-2025, version: ${version} }`,
          `zone: { ${zone}, westernHubArea: false, ftzLinked: false, customsArea: false }`,
          "answers:",
          `  M01.Q1: { status: in_progress, answeredAt: ${at} }`,
          "",
        ].join("\n"),
      );
    file("old", "1.0.0", "name: 老园区, province: 河南省, region: central", "2026-03-01T08:00:00Z");
    file("w1", "1.1.0", "name: 苏州工业园区1, province: jiangsu", "2026-05-01T08:00:00Z");
    file("w2", "1.1.0", "name: 苏州工业园区2, province: jiangsu", "2026-05-02T08:00:00Z");
    const before = runCli(["aggregate", "zones"], { cwd: work });
    expect(before.status).toBe(1);
    const [command] = advice(before.stderr);
    expect(command).toBe("netdz migrate zones/old.yaml --to 1.1.0");
    expect(runPrinted(command!, work).status).toBe(0);

    const after = runCli(["aggregate", "zones", "--format", "json"], { cwd: work });
    expect(after.stderr).toBe("");
    expect(after.status).toBe(0);
    const json = JSON.parse(after.stdout) as Totals;
    expect(json.totals).toEqual({ used: 3, leftOut: 0, superseded: 1 });
    expect(json.superseded).toEqual([{ file: "zones/old.1.0.0.yaml", by: "zones/old.yaml" }]);
  });

  it("uses the zone's file answered last whatever its version; the older is superseded, not left out", () => {
    const work = tempDir();
    demoSets(work);
    const zones = path.join(work, "zones");
    mkdirSync(zones);
    // Most files are of 1.0.0; this year's Suhe is of 1.1.0 and answered later than last year's.
    for (const name of ["haiyan", "helan", "qingshan"]) {
      cpSync(path.join(ZONES, `${name}.yaml`), path.join(zones, `${name}.yaml`));
    }
    cpSync(path.join(ZONES, "suhe.yaml"), path.join(zones, "suhe.yaml"));
    editFile(path.join(zones, "suhe.yaml"), "version: 1.0.0", "version: 1.1.0");
    cpSync(path.join(ZONES, "..", "2025", "suhe-2025.yaml"), path.join(zones, "suhe-2025.yaml"));
    const result = runCli(["aggregate", "zones", "--measures", "my sets", "--format", "json"], {
      cwd: work,
    });
    const json = JSON.parse(result.stdout) as Totals;
    expect(json.superseded).toEqual([{ file: "zones/suhe-2025.yaml", by: "zones/suhe.yaml" }]);
    // The newer file is of a version the roll-up does not use: left out (no migrate goes back).
    expect(json.leftOut.map((e) => e.file)).toEqual(["zones/suhe.yaml"]);
    expect(result.status).toBe(1);
  });
});
