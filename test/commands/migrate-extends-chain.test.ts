import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { migrate } from "../../src/commands/migrate.js";
import { checkAnswersFile } from "../../src/fs/answers-loader.js";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import { captureIo, FIXTURES, tempDir } from "../helpers.js";

// A fictional base set `chain` (1.0.0 → 1.1.0 → 1.2.0, a rename in each step) and a province's
// set `chain-prov` whose 1.0.0 extends chain@1.0.0 and whose 1.1.0 extends chain@1.2.0, with a
// rename of its own.
const SETS = path.join(FIXTURES, "versions-extends-chain");
const ENV = { SOURCE_DATE_EPOCH: "1764576000" };

describe("an extending set that moves more than one base version at once", () => {
  it("validates clean: the base's renames compose, so every old question is accounted for", async () => {
    const loaded = await loadSetFolder(path.join(SETS, "chain-prov", "1.1.0"), SETS);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.changes?.changes).toEqual(
      expect.arrayContaining([
        { rename: { from: "P-M01.Q1", to: "P-M01.Q3" } },
        { rename: { from: "M01.Q1", to: "M02.Q1" } },
        { reword: "M02.Q1" },
      ]),
    );
  });

  it("migrates through both base steps and its own changes, losing nothing", async () => {
    const dir = tempDir();
    const sets = path.join(dir, "sets");
    cpSync(SETS, sets, { recursive: true });
    const file = path.join(dir, "answers.yaml");
    writeFileSync(file, readFileSync(path.join(SETS, "answers-1.0.0.yaml"), "utf8"));
    const io = captureIo(dir, ENV);
    expect(await migrate({ answers: "answers.yaml", lang: "en", measures: sets }, io)).toBe(0);
    const out = io.out();
    expect(out).toContain("  M01.Q1 → M02.Q1: moved as it is (1.1.0)\n");
    expect(out).toContain("  M02.Q1: reworded in 1.1.0; answer kept and marked for review\n");
    expect(out).toContain("  P-M01.Q1 → P-M01.Q3: moved as it is (1.1.0)\n");
    expect(out).toContain('  zone.province: "江苏" → jiangsu (1.1.0)\n');
    expect(out).not.toMatch(/M01\.Q1: retired|M01\.Q5/);
    const after = parse(readFileSync(file, "utf8")) as {
      measureSet: unknown;
      zone: Record<string, unknown>;
      answers: Record<string, Record<string, unknown>>;
      retired: Record<string, Record<string, unknown>>;
    };
    expect(after.measureSet).toEqual({ id: "chain-prov", version: "1.1.0" });
    expect(after.zone.province).toBe("jiangsu");
    expect(after.answers["M02.Q1"]).toEqual({ value: true, review: true });
    expect(after.answers["M01.Q1"]).toBeUndefined();
    expect(after.answers["P-M01.Q3"]).toEqual({ value: true });
    expect(after.answers["P-M01.Q2"]).toEqual({ value: false });
    expect(after.answers["M01.Q2"]).toEqual({ status: "implemented", review: true });
    expect(after.answers["M01.Q3"]?.note).toContain("7 items");
    expect(after.retired["M01.Q4"]?.answer).toEqual({ value: "full" });
    expect(readFileSync(file, "utf8")).toContain("# moves twice: M01.Q5, then M02.Q1");
    const checked = await checkAnswersFile(file, { cwd: dir, measuresDir: sets });
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("carries the base's changes for a version of the extending set that has no changes.yaml", async () => {
    const dir = tempDir();
    const sets = path.join(dir, "sets");
    cpSync(SETS, sets, { recursive: true });
    const own = path.join(sets, "chain-prov", "1.1.0");
    rmSync(path.join(own, "changes.yaml"));
    const measure = path.join(own, "p01.yaml");
    writeFileSync(measure, readFileSync(measure, "utf8").replaceAll("P-M01.Q3", "P-M01.Q1"));
    const file = path.join(dir, "answers.yaml");
    writeFileSync(file, readFileSync(path.join(SETS, "answers-1.0.0.yaml"), "utf8"));
    const io = captureIo(dir, ENV);
    expect(await migrate({ answers: "answers.yaml", lang: "en", measures: sets }, io)).toBe(0);
    expect(io.out()).toContain("  M01.Q1 → M02.Q1: moved as it is (1.1.0)\n");
    const after = parse(readFileSync(file, "utf8")) as {
      zone: Record<string, unknown>;
      answers: Record<string, unknown>;
    };
    expect(after.zone.province).toBe("jiangsu");
    expect(after.answers["M02.Q1"]).toEqual({ value: true, review: true });
    expect(after.answers["P-M01.Q1"]).toEqual({ value: true });
  });
});
