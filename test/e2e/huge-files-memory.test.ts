// Issue 7: no input may make a command use more than 250 MB. Files just under the 10 MB limit
// are refused at the entry limit (MAX_ENTRIES) when they hold too many entries; the largest file
// of each shape that is still read is checked, with a problem on every line. Each is checked by
// the built CLI with its heap capped at 200 MB (a command that held every problem, or a copy per
// value, would die) and without the cap, and its peak resident memory, read from the process
// itself, stays under 250 MB.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countEntries } from "../../src/core/yaml-entries.js";
import { BIN, PEAK_RSS, tempDir } from "../helpers.js";

const LIMIT = 9.5 * 1024 * 1024;
const HEAD =
  "format: netdz-answers/1\n" +
  "measureSet: { id: workplan-2025, version: 1.0.0 }\n" +
  "zone: { name: Z, province: Jiangsu, region: eastern, westernHubArea: false, " +
  "ftzLinked: true, customsArea: true }\n" +
  "answers:\n";

/** Lines made by `line(i)` after `head` until the text is just under 10 MB, then `tail`. */
function fill(head: string, line: (i: number) => string, tail = ""): string {
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < LIMIT; i++) {
    const next = line(i);
    parts.push(next);
    size += Buffer.byteLength(next);
  }
  parts.push(tail);
  return parts.join("");
}

/**
 * The text cut just before the entry that passes the entry limit, at the last `separator` before
 * it (kept), then `tail`: the largest file of that shape netdz still reads.
 */
function underLimit(text: string, separator: string, tail = ""): string {
  const { passedAt } = countEntries(text);
  if (passedAt === undefined) throw new Error("the shape does not reach the entry limit");
  const cut = text.lastIndexOf(separator, passedAt - 1);
  return text.slice(0, cut + separator.length).replace(/[\s,]+$/, "") + tail;
}

const wrongStatus = () => fill(HEAD, (i) => `  M${i}.Q1: { status: bogus }\n`);
const unknownIds = () => fill(HEAD, (i) => `  M${i}.Q1: { status: unknown }\n`);
const noIds = () => fill(HEAD, (i) => `  X${i}: 1\n`);
const evidenceLines = () =>
  fill(`${HEAD}  M01.Q1: { status: implemented, evidence: [\n`, (i) => `    ${i},\n`, "  ] }\n");
const EVIDENCE_BLOCK = `${HEAD}  M01.Q1:\n    status: implemented\n    evidence:\n`;
const blockList = () => fill(EVIDENCE_BLOCK, (i) => `      - ${i}\n`);
const blockListOfMaps = () => fill(EVIDENCE_BLOCK, (i) => `      - x: ${i}\n`);
const flowMap = () => {
  const items = fill("", (i) => `a${i}: ${i}, `).slice(0, -2);
  return `${HEAD}  M01.Q1: {${items}}\n`;
};
const flowList = () =>
  `${HEAD}  M01.Q1: { status: implemented, evidence: [${"1,".repeat(LIMIT / 2)}1] }\n`;
const topKeys = () => fill("", (i) => `x${i}: 1\n`);

/** Each shape, a file of it just under 10 MB, and whether that is over the entry limit. */
const shapes: [string, () => string, "over" | "read"][] = [
  ["an answer with a wrong status on every line", wrongStatus, "over"],
  ["answers to questions the set does not have", unknownIds, "over"],
  ["760,000 keys that are no question ids", noIds, "over"],
  ["one evidence list of a million wrong items", evidenceLines, "over"],
  ["one evidence list of a million wrong items, one a line", blockList, "over"],
  ["one evidence list of 800,000 one-entry mappings, one a line", blockListOfMaps, "over"],
  ["a one-line flow mapping of 600,000 entries", flowMap, "over"],
  ["a one-line flow list of five million items", flowList, "over"],
  ["one top-level key per line, no format", topKeys, "over"],
  [
    "the most lines with a wrong status still read",
    () => underLimit(wrongStatus(), "\n", "\n"),
    "read",
  ],
  ["the most unknown questions still read", () => underLimit(unknownIds(), "\n", "\n"), "read"],
  [
    "the most keys that are no question ids still read",
    () => underLimit(noIds(), "\n", "\n"),
    "read",
  ],
  [
    "the longest evidence list still read",
    () => underLimit(evidenceLines(), "\n", " ] }\n"),
    "read",
  ],
  [
    "the longest block evidence list still read (an item a line: one entry each)",
    () => underLimit(blockList(), "\n", "\n"),
    "read",
  ],
  [
    "the longest block list of one-entry mappings still read (two entries each)",
    () => underLimit(blockListOfMaps(), "\n", "\n"),
    "read",
  ],
  [
    "the longest one-line flow mapping still read",
    () => underLimit(flowMap(), ", ", "}\n"),
    "read",
  ],
  ["the longest one-line flow list still read", () => underLimit(flowList(), ",", "] }\n"), "read"],
  ["the most top-level keys still read", () => underLimit(topKeys(), "\n", "\n"), "read"],
  [
    "lines nested 95 levels deep, as many as are read",
    () =>
      underLimit(
        fill(HEAD, (i) => `  M${i}.Q1: ${"[".repeat(95)}${i}${"]".repeat(95)}\n`),
        "\n",
        "\n",
      ),
    "read",
  ],
  [
    "long notes in Chinese, 9.5 MB of text",
    () =>
      fill(
        HEAD,
        (i) => `  M01.Q${i + 1}: { status: implemented, note: "${"长文本，".repeat(20_000)}" }\n`,
      ),
    "read",
  ],
];

/** Runs the CLI, with its heap capped at 200 MB or not, and its peak resident memory in MB. */
function run(args: string[], cwd: string, capped: boolean) {
  const result = spawnSync(
    process.execPath,
    [...(capped ? ["--max-old-space-size=200"] : []), "--import", PEAK_RSS, BIN, ...args],
    { cwd, encoding: "utf8", env: { PATH: process.env.PATH, LANG: "C" }, timeout: 120_000 },
  );
  const peakMb = Number(/maxrss-kb=(\d+)/.exec(result.stderr)?.[1]) / 1024;
  return { ...result, peakMb };
}

describe("huge hostile answers files stay within memory", () => {
  it.each(shapes)(
    "%s: validate, report and aggregate each list one file's problems",
    (_, make, kind) => {
      const cwd = tempDir();
      const file = path.join(cwd, "huge.yaml");
      const text = make();
      expect(Buffer.byteLength(text)).toBeLessThan(10 * 1024 * 1024);
      expect(countEntries(text).passedAt === undefined).toBe(kind === "read");
      writeFileSync(file, text);
      for (const command of ["validate", "report", "aggregate"]) {
        for (const capped of [true, false]) {
          const result = run([command, "huge.yaml"], cwd, capped);
          const output = `${result.stdout}${result.stderr}`;
          const what = `${command}${capped ? " (heap capped)" : ""}`;
          // 1: the file is invalid; 2: aggregate had no usable file. Never killed, never a crash.
          expect(result.signal, what).toBeNull();
          expect([1, 2], `${what}: ${output.slice(-500)}`).toContain(result.status);
          expect(output).not.toMatch(/internal error|heap out of memory|\n\s+at /i);
          expect(output).toMatch(/huge\.yaml:\d+:\d+/);
          if (kind === "over") expect(output, what).toMatch(/huge\.yaml:\d+:\d+.*too-many-nodes/);
          else expect(output, what).not.toMatch(/too-many-nodes/);
          expect(result.peakMb, what).toBeGreaterThan(0);
          expect(result.peakMb, what).toBeLessThan(250);
        }
      }
    },
    240_000,
  );

  it("keeps the problems it prints to the limit and says how many more there are", () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, "huge.yaml"), underLimit(unknownIds(), "\n", "\n"));
    const result = run(["validate", "huge.yaml"], cwd, true);
    expect(result.status).toBe(1);
    const located = result.stdout.split("\n").filter((l) => /^huge\.yaml:\d+:\d+/.test(l));
    expect(located.length).toBeLessThanOrEqual(51);
    expect(result.stdout).toMatch(/and at least \d+ more problems/);
  }, 120_000);

  it("refuses a file with too many entries in one located line, and checks the other files", () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, "huge.yaml"), noIds());
    writeFileSync(path.join(cwd, "small.yaml"), `${HEAD}  M01.Q1: { status: bogus }\n`);
    for (const [lang, words] of [
      ["en", "more than 200,000 YAML entries"],
      ["zh", "超过 200,000 个"],
    ] as const) {
      const result = run(["validate", ".", "--lang", lang], cwd, false);
      expect(result.status).toBe(1);
      // The head holds 12 entries (format, measureSet and its 2, zone and its 6, answers), so
      // the 200,001st is X199988, on line 4 + 199,989.
      expect(result.stdout.split("\n").filter((l) => /huge\.yaml/.test(l))).toEqual([
        expect.stringMatching(/^huge\.yaml:199993:3 +error +yaml\/too-many-nodes +\S/),
      ]);
      expect(result.stdout).toContain(words);
      expect(result.stdout).toMatch(/^small\.yaml:5:21 +error +schema\/enum /m);
    }
  }, 120_000);
});
