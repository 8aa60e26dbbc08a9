import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { editFile, FIXTURES, ROOT, runCli, tempDir } from "../helpers.js";

const PROVINCE = path.join(ROOT, "test", "fixtures", "province", "zones");
const SETS = path.join(FIXTURES, "report", "sets");

/**
 * A folder of many files of every kind aggregate meets: valid zones (each zone several times,
 * so most are superseded), invalid files, a file that is not UTF-8, a broken link, YAML that is
 * no answers file, files pinned to an invalid version of the set and to another set.
 */
function mixedFolder(): { dir: string; sets: string } {
  const root = tempDir();
  const sets = path.join(root, "sets");
  cpSync(SETS, sets, { recursive: true });
  const broken = path.join(sets, "demo-2025", "1.1.0");
  cpSync(path.join(sets, "demo-2025", "1.0.0"), broken, { recursive: true });
  editFile(path.join(broken, "set.yaml"), "version: 1.0.0", "version: 1.1.0");
  editFile(
    path.join(broken, "set.yaml"),
    "format: netdz-measure-set/1",
    "format: netdz-measure-set/1\nbogusKey: 1",
  );
  const other = path.join(sets, "other-set", "1.0.0");
  cpSync(path.join(sets, "demo-2025", "1.0.0"), other, { recursive: true });
  editFile(path.join(other, "set.yaml"), "id: demo-2025", "id: other-set");
  const dir = path.join(root, "zones");
  for (const copy of ["a", "b", "c", "d", "e", "f", "g", "h"]) {
    cpSync(PROVINCE, path.join(dir, copy), { recursive: true });
  }
  const haiyan = readFileSync(path.join(PROVINCE, "2026", "haiyan.yaml"), "utf8");
  mkdirSync(path.join(dir, "odd"));
  writeFileSync(
    path.join(dir, "odd", "newer.yaml"),
    haiyan.replace("version: 1.0.0", "version: 1.1.0"),
  );
  writeFileSync(
    path.join(dir, "d", "other.yaml"),
    haiyan.replace("id: demo-2025", "id: other-set"),
  );
  writeFileSync(
    path.join(dir, "e", "latin1.yaml"),
    Buffer.from("format: netdz-answers/1\nzone: { name: \xe9 }\n", "latin1"),
  );
  symlinkSync(path.join(dir, "nowhere.yaml"), path.join(dir, "f", "dangling.yaml"));
  return { dir, sets };
}

describe("netdz aggregate in worker threads (spawned, built bundle)", () => {
  it("gives the same bytes, messages and exit code with workers as in-process, in every format", () => {
    // The worker module must be built, or the worker path would silently check in-process.
    expect(existsSync(path.join(ROOT, "dist", "bundle", "aggregate-worker.js"))).toBe(true);
    const { dir, sets } = mixedFolder();
    for (const format of ["md", "json", "csv"]) {
      const run = (workers: string) =>
        runCli(["aggregate", ".", "--measures", sets, "--format", format, "--lang", "zh"], {
          cwd: dir,
          env: { NETDZ_WORKERS: workers },
        });
      const inProcess = run("0");
      expect(inProcess.status).toBe(1);
      expect(inProcess.stderr).toContain("dangling.yaml");
      expect(inProcess.stderr).toContain("latin1.yaml");
      expect(inProcess.stderr).toContain("set.yaml:");
      for (const workers of ["1", "3"]) {
        const pooled = run(workers);
        expect(pooled.stdout).toBe(inProcess.stdout);
        expect(pooled.stderr).toBe(inProcess.stderr);
        expect(pooled.status).toBe(inProcess.status);
      }
      if (format === "json") {
        const json = JSON.parse(inProcess.stdout) as {
          totals: { used: number; leftOut: number; superseded: number };
          setProblems: unknown[];
        };
        // 8 copies of 10 zones (one invalid, one superseded within each copy).
        expect(json.totals.used).toBe(8);
        expect(json.totals.superseded).toBe(72 - 8);
        expect(json.setProblems).toHaveLength(1);
      }
    }
  });
});
