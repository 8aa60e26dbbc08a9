/**
 * Issue 7 QA #1, migrate's writer: a migration rewrites only the entries it changes. Every other
 * line of the file (comments, flow style, spacing, line ends, byte-order mark) stays as written,
 * in the same order; nothing is folded.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, tempDir } from "../helpers.js";
import { run } from "../fs/run.js";

const SETS = path.join(FIXTURES, "versions");
const ORIGINAL = readFileSync(path.join(SETS, "answers-1.0.0.yaml"), "utf8");
/** The entries the migration of this file changes (as its account says). */
const CHANGED = /measureSet|province|M01\.Q1|M01\.Q2|M01\.Q3|M02\.Q3/;

const variants: [string, (text: string) => string][] = [
  ["as kept by hand", (text) => text],
  ["with CRLF line ends and a byte-order mark", (text) => `\uFEFF${text.replace(/\n/g, "\r\n")}`],
  [
    "with unpadded flow maps, odd spacing and a long line",
    (text) =>
      text
        .replace("M02.Q1: { value: true }", `M02.Q1:   {value: true, note: "${"长".repeat(1200)}"}`)
        .replace("M02.Q2: { status: in_progress }", "M02.Q2: {status: in_progress}   # as is"),
  ],
];

/** The fixture with its zone as one flow map, `{…}` padded or not, and a comment after it. */
const FLOW_ZONE = (pad: string) =>
  ORIGINAL.replace(
    /zone:\n(?: {2}.*\n)+/,
    `zone: {${pad}name: Test Zone, province: "  JIANGSU ", region: eastern, hub: true${pad}} # the zone\n`,
  );

describe("migrate changes only the entries it migrates", () => {
  it("keeps the comments of the entries it removes from a flow zone over several lines", async () => {
    const dir = tempDir();
    const original = ORIGINAL.replace(
      /zone:\n(?: {2}.*\n)+/,
      'zone: {\n  name: Test Zone, # the name\n  province: Atlantis, # "odd, # value"\n  region: eastern, hub: true }\n',
    );
    writeFileSync(path.join(dir, "zone.yaml"), original);
    const result = await run(["migrate", "zone.yaml", "--measures", SETS, "--lang", "en"], dir);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/zone\.province: "Atlantis" cleared/);
    const text = readFileSync(path.join(dir, "zone.yaml"), "utf8");
    expect(text).toContain(
      'zone: {\n  name: Test Zone, # the name\n  # "odd, # value"\n  region: eastern, hub: true }\n',
    );
  });

  it.each([" ", ""])("keeps a flow-style zone it edits in flow style (pad %j)", async (pad) => {
    const dir = tempDir();
    const original = FLOW_ZONE(pad);
    expect(original).toContain("zone: {");
    writeFileSync(path.join(dir, "zone.yaml"), original);
    const result = await run(["migrate", "zone.yaml", "--measures", SETS, "--lang", "en"], dir);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/zone\.province/);
    const text = readFileSync(path.join(dir, "zone.yaml"), "utf8");
    // The province mapped (quoted as it was), every other byte of the line as it was.
    expect(text).toContain(
      `zone: {${pad}name: Test Zone, province: "js", region: eastern, hub: true${pad}} # the zone\n`,
    );
    expect(text).not.toMatch(/^ {2}name:/m);
  });

  it.each(variants)("%s", async (_name, make) => {
    const dir = tempDir();
    const original = make(ORIGINAL);
    writeFileSync(path.join(dir, "zone.yaml"), original);
    const result = await run(["migrate", "zone.yaml", "--measures", SETS, "--lang", "en"], dir);
    expect(result.code, result.err).toBe(0);
    const text = readFileSync(path.join(dir, "zone.yaml"), "utf8");
    expect(text.startsWith("\uFEFF")).toBe(original.startsWith("\uFEFF"));
    const eol = original.includes("\r\n") ? "\r\n" : "\n";
    if (eol === "\r\n") expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
    const before = original.replace(/^\uFEFF/, "").split(eol);
    const after = text.replace(/^\uFEFF/, "").split(eol);
    // Every line of an entry the migration leaves alone is still there, as written, in order.
    let at = 0;
    for (const line of before) {
      if (CHANGED.test(line)) continue;
      const found = after.indexOf(line, at);
      expect(found, `line kept as written: ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
    // The long note is one line still (never folded).
    expect(after.filter((line) => line.length > 1000).length).toBe(
      before.filter((line) => line.length > 1000).length,
    );
  });
});
