import { cpSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "../../src/commands/validate.js";
import { captureIo, FIXTURES, tempDir } from "../helpers.js";

const EXAMPLES = path.join(FIXTURES, "..", "..", "examples");

describe("netdz validate of a folder with sets and answers", () => {
  it("checks the answers beside the sets against those sets", async () => {
    const dir = tempDir();
    cpSync(EXAMPLES, path.join(dir, "examples"), { recursive: true });
    const io = captureIo(dir);
    const code = await validate(
      { paths: ["examples"], format: "text", strict: false, lang: "en" },
      io,
    );
    expect(io.out()).toBe("");
    expect(io.err()).toContain("and 1 answers file: valid (0 errors");
    expect(code).toBe(0);
  });

  it("still reports answers whose set is neither given nor bundled", async () => {
    const dir = tempDir();
    cpSync(path.join(EXAMPLES, "answers"), path.join(dir, "answers"), { recursive: true });
    const io = captureIo(dir);
    const code = await validate(
      { paths: ["answers"], format: "text", strict: false, lang: "en" },
      io,
    );
    expect(io.out()).toContain("answers/set-not-available");
    expect(code).toBe(1);
  });
});
