/**
 * Fuzz test of the built CLI (dist/, so in the e2e project): mutated answers files validated by a
 * spawned netdz with a small heap stay within memory and exit 0, 1 or 2 with a located message.
 * The cases are those of test/fuzz/files.test.ts (test/fuzz/mutations.ts).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, it } from "vitest";
import { BIN } from "../helpers.js";
import {
  ANSWERS,
  expectSound,
  mutate,
  mutations,
  SEED,
  setup,
  SPAWNED_RUNS,
} from "../fuzz/mutations.js";

describe("fuzz: no input breaks the built netdz", () => {
  it(`spawned runs stay under 250 MB (${SPAWNED_RUNS} cases)`, { timeout: 600_000 }, async () => {
    const { cwd } = setup();
    await fc.assert(
      fc.property(mutations, (steps) => {
        writeFileSync(path.join(cwd, "a.yaml"), mutate(ANSWERS, steps));
        // A heap limit well under 250 MB: running out of it crashes the process (not 0, 1 or 2).
        const result = spawnSync(
          process.execPath,
          ["--max-old-space-size=160", BIN, "validate", "a.yaml", "--measures", "sets"],
          {
            cwd,
            encoding: "utf8",
            timeout: 20_000,
            maxBuffer: 64 * 1024 * 1024,
            env: { PATH: process.env.PATH, LANG: "C" },
          },
        );
        const code = result.status ?? -1;
        if (code === -1 && process.env.NETDZ_FUZZ_DUMP)
          writeFileSync(process.env.NETDZ_FUZZ_DUMP, readFileSync(path.join(cwd, "a.yaml")));
        if (code === -1)
          throw new Error(`killed by ${String(result.signal)}: ${result.stderr.slice(-500)}`);
        expectSound({ code, out: result.stdout, err: result.stderr }, "a.yaml");
      }),
      { numRuns: SPAWNED_RUNS, seed: SEED },
    );
  });
});
