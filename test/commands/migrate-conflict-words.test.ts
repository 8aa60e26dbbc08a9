import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { migrate } from "../../src/commands/migrate.js";
import type * as CoreMigrate from "../../src/core/migrate.js";
import { captureIo, FIXTURES, tempDir } from "../helpers.js";

// The guard of core/migrate.ts refusing a step (reached only past the changes rules, so the
// core's migration is made to refuse here): the command says so in words, exit 1, writes nothing.
vi.mock("../../src/core/migrate.js", async (importOriginal) => {
  const real = await importOriginal<typeof CoreMigrate>();
  return {
    ...real,
    migrateDocument: () => {
      throw new real.MigrationConflict("M02.Q4", ["M01.Q3", "M02.Q3"], {
        id: "mini",
        version: "1.1.0",
      });
    },
  };
});

describe("migrate refusing two answers onto one id", () => {
  it.each(["en", "zh"] as const)("says why in %s, exit 1, and writes nothing", async (lang) => {
    const dir = tempDir();
    const file = path.join(dir, "answers.yaml");
    const text = readFileSync(path.join(FIXTURES, "versions", "answers-1.0.0.yaml"), "utf8");
    writeFileSync(file, text);
    const io = captureIo(dir, { SOURCE_DATE_EPOCH: "1764576000" });
    const measures = path.join(FIXTURES, "versions");
    const error = await migrate({ answers: "answers.yaml", lang, measures }, io).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      name: "DataError",
      exitCode: 1,
      message:
        lang === "en"
          ? expect.stringMatching(
              /^cannot migrate answers\.yaml: in mini@1\.1\.0, the answers to M01\.Q3, M02\.Q3 would all become the answer to M02\.Q4/,
            )
          : expect.stringMatching(
              /^无法迁移 answers\.yaml：在 mini@1\.1\.0 中，M01\.Q3、M02\.Q3 的答案都会成为 M02\.Q4 的答案/,
            ),
    });
    expect(io.out()).toBe("");
    expect(readdirSync(dir)).toEqual(["answers.yaml"]);
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});
