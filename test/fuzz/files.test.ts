/**
 * Fuzz test: valid measure and answers files mutated at the byte level (truncation, random
 * bytes, GBK and UTF-16, byte-order marks, CRLF) and at the YAML level (aliases, duplicate keys,
 * deep nesting, wrong types, huge values, merge-conflict markers). For every case netdz exits
 * 0, 1 or 2, never says "internal error" nor prints a stack trace, names the file in a located
 * message when it fails, and stays within time and memory.
 *
 * A fixed number of cases runs in CI; more on demand: NETDZ_FUZZ_RUNS=5000 npx vitest run test/fuzz
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run } from "../fs/run.js";
import {
  allowedMs,
  ANSWERS,
  expectSound,
  MEASURE,
  mutate,
  mutations,
  RUNS,
  SEED,
  setup,
} from "./mutations.js";

describe("fuzz: no input breaks netdz", () => {
  it(`answers files (${RUNS} cases, in-process)`, { timeout: 600_000 }, async () => {
    const { cwd } = setup();
    await fc.assert(
      fc.asyncProperty(mutations, async (steps) => {
        const bytes = mutate(ANSWERS, steps);
        writeFileSync(path.join(cwd, "a.yaml"), bytes);
        let started = Date.now();
        const validate = await run(["validate", "a.yaml", "--measures", "sets"], cwd);
        expectSound(validate, "a.yaml");
        expect(Date.now() - started).toBeLessThan(allowedMs(bytes.length));
        started = Date.now();
        const report = await run(
          ["report", "a.yaml", "--measures", "sets", "--format", "json"],
          cwd,
        );
        expectSound(report, "a.yaml", "err");
        expect(Date.now() - started).toBeLessThan(allowedMs(bytes.length));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`measure files (${RUNS} cases, in-process)`, { timeout: 600_000 }, async () => {
    const { cwd, setDir } = setup();
    writeFileSync(path.join(cwd, "a.yaml"), ANSWERS);
    await fc.assert(
      fc.asyncProperty(mutations, async (steps) => {
        const bytes = mutate(MEASURE, steps);
        writeFileSync(path.join(setDir, "m01-first.yaml"), bytes);
        const started = Date.now();
        const validate = await run(["validate", "sets"], cwd);
        expectSound(validate, "m01-first.yaml");
        expect(Date.now() - started).toBeLessThan(allowedMs(bytes.length));
        const list = await run(["list", "--measures", "sets"], cwd);
        expect(list.code).toBe(0);
        expectSound(list, "m01-first.yaml", "none");
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
