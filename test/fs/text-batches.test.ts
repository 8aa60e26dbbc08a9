// Text written in pieces (a large report) is encoded about 1 MB at a time, never cut inside a
// character, and writeFileAtomic and writeOutput write the same bytes as for the whole text.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { textBatches, writeFileAtomic } from "../../src/fs/atomic-write.js";
import { writeStdout } from "../../src/fs/output.js";
import { tempDir } from "../helpers.js";

const MB = 1 << 20;
// A surrogate pair (an emoji) across the 1 MB boundary, Chinese, and a piece longer than a batch.
const pieces = ["x".repeat(MB - 1), "😀", "中文".repeat(MB), "", "end\n", "y".repeat(3 * MB + 7)];
const whole = pieces.join("");

describe("text in pieces", () => {
  it("is encoded in batches of about 1 MB that join to the whole text's UTF-8", () => {
    const batches = [...textBatches({ pieces })];
    expect(batches.length).toBeGreaterThan(5);
    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(3 * MB);
      // Each batch is whole characters: it decodes on its own without a replacement character.
      expect(Buffer.from(batch).toString("utf8")).not.toContain("\uFFFD");
    }
    expect(Buffer.concat(batches).equals(Buffer.from(whole, "utf8"))).toBe(true);
    expect(Buffer.concat([...textBatches(whole)]).equals(Buffer.from(whole, "utf8"))).toBe(true);
  });

  it("is written to a file and to standard output as the whole text is", async () => {
    const file = path.join(tempDir(), "out.md");
    await writeFileAtomic(file, { pieces: pieces.values() });
    expect(readFileSync(file).equals(Buffer.from(whole, "utf8"))).toBe(true);
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    await writeStdout({ pieces: pieces.values() }, { stdout });
    expect(Buffer.concat(chunks).equals(Buffer.from(whole, "utf8"))).toBe(true);
  });
});
