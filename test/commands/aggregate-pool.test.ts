import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { AnswersChecker } from "../../src/commands/aggregate-check.js";
import {
  checkFiles,
  forcedWorkers,
  startWorkers,
  workerCount,
  workerLimits,
  WORKERS_FROM,
} from "../../src/commands/aggregate-pool.js";
import { UsageError } from "../../src/errors.js";
import { workspace } from "../../src/fs/workspace.js";
import { FIXTURES, ROOT, tempDir } from "../helpers.js";

const ZONES = path.join(ROOT, "test", "fixtures", "province", "zones", "2026");
const SETS = path.join(FIXTURES, "report", "sets");

describe("how many workers aggregate uses", () => {
  it.each([
    ["0", 5000, 0],
    ["3", 5000, 3],
    // Never more workers than batches of files.
    ["3", 10, 1],
    ["3", 40, 2],
    [" 2 ", 100, 2],
  ])("NETDZ_WORKERS=%j with %i files: %i", (value, files, expected) => {
    expect(workerCount(files, { NETDZ_WORKERS: value })).toBe(expected);
  });

  it.each(["many", "-1", "1.5", "2x", "１"])("NETDZ_WORKERS=%j is refused in words", (value) => {
    expect(() => workerCount(100, { NETDZ_WORKERS: value })).toThrow(UsageError);
    expect(() => forcedWorkers({ NETDZ_WORKERS: value }, "en")).toThrow(
      `NETDZ_WORKERS must be a whole number of worker threads (0: none), not "${value}"`,
    );
    expect(() => forcedWorkers({ NETDZ_WORKERS: value }, "zh")).toThrow("NETDZ_WORKERS 应为");
  });

  it.each([
    // [files, cores, workers]
    [230, 2, 0],
    [WORKERS_FROM - 1, 8, 0],
    [WORKERS_FROM, 1, 0],
    [WORKERS_FROM, 2, 1],
    [WORKERS_FROM, 3, 2],
    [WORKERS_FROM, 16, 3],
  ])("by default, %i files on %i cores: %i workers", (files, cores, expected) => {
    // NETDZ_WORKERS unset, or blank: the default.
    for (const env of [{}, { NETDZ_WORKERS: "" }, { NETDZ_WORKERS: "  " }]) {
      expect(workerCount(files, env, cores)).toBe(expected);
    }
  });
});

describe("the heap of each worker", () => {
  it.each([
    // [workers, young generation of each in MB]
    [1, 32],
    [2, 16],
    [3, 10],
    [4, 8],
    [16, 8],
  ])("with %i workers: a young generation of %i MB each", (count, young) => {
    const limits = workerLimits(count);
    expect(limits.maxYoungGenerationSizeMb).toBe(young);
    // The old generation stays small whatever the count: what a worker keeps is collected sooner.
    expect(limits.maxOldGenerationSizeMb).toBe(64);
  });
});

describe("checking files with workers that fail", () => {
  it.each([
    ["exits at once", "process.exit(3);"],
    ["throws on the first batch", 'parentPort.on("message", () => { throw new Error("boom"); });'],
    ["replies to nothing and ends", 'parentPort.on("message", () => parentPort.close());'],
  ])(
    "a worker that %s hands its files back: the results are those of checking in-process",
    async (_, body) => {
      const dir = tempDir();
      const module = path.join(dir, "worker.mjs");
      writeFileSync(module, `import { parentPort } from "node:worker_threads";\n${body}\n`);
      const files = readdirSync(ZONES)
        .sort()
        .map((f) => path.join(ZONES, f));
      const checker = () =>
        new AnswersChecker(
          workspace({ cwd: ROOT, measuresDir: SETS, lang: "en", settled: true }),
          new Set(),
          "en",
        );
      const setup = { cwd: ROOT, measuresDir: SETS, lang: "en" as const, named: [] };
      const seen: number[] = [];
      const expected = await checkFiles(files, checker(), () => undefined, []);
      const pooled = await checkFiles(
        files,
        checker(),
        (done) => seen.push(done),
        startWorkers(2, setup, pathToFileURL(module)),
      );
      expect(pooled).toEqual(expected);
      expect(pooled.filter((r) => r.zone)).toHaveLength(files.length - 1);
      expect(seen.at(-1)).toBe(files.length);
    },
  );
});
