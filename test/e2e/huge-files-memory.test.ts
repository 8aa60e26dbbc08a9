// Issue 7: no input may make a command use more than 250 MB. Files just under the 10 MB limit,
// shaped to give a problem on every line, are checked by the built CLI with its heap capped at
// 200 MB (a command that held every problem, or a copy per value, would die) and its peak
// resident memory, read from the process itself, under 250 MB.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, tempDir } from "../helpers.js";

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
    size += next.length;
  }
  parts.push(tail);
  return parts.join("");
}

const shapes: [string, () => string][] = [
  [
    "an answer with a wrong status on every line",
    () => fill(HEAD, (i) => `  M${i}.Q1: { status: bogus }\n`),
  ],
  [
    "answers to questions the set does not have",
    () => fill(HEAD, (i) => `  M${i}.Q1: { status: unknown }\n`),
  ],
  ["keys that are no question ids", () => fill(HEAD, (i) => `  X${i}: 1\n`)],
  [
    "one evidence list of a million wrong items",
    () =>
      fill(
        `${HEAD}  M01.Q1: { status: implemented, evidence: [\n`,
        (i) => `    ${i},\n`,
        "  ] }\n",
      ),
  ],
];

/** Writes the peak resident set (KB) of the process to stderr as it exits. */
const PEAK_RSS =
  'data:text/javascript,process.on("exit",()=>process.stderr.write(`\\nmaxrss-kb=${process.resourceUsage().maxRSS}\\n`))';

/** Runs the CLI with the heap capped at 200 MB, and its peak resident memory in MB. */
function runCapped(args: string[], cwd: string) {
  const result = spawnSync(
    process.execPath,
    ["--max-old-space-size=200", "--import", PEAK_RSS, BIN, ...args],
    { cwd, encoding: "utf8", env: { PATH: process.env.PATH, LANG: "C" }, timeout: 120_000 },
  );
  const peakMb = Number(/maxrss-kb=(\d+)/.exec(result.stderr)?.[1]) / 1024;
  return { ...result, peakMb };
}

describe("huge hostile answers files stay within memory", () => {
  it.each(shapes)(
    "%s: validate, report and aggregate each list one file's problems",
    (_, make) => {
      const cwd = tempDir();
      const file = path.join(cwd, "huge.yaml");
      const text = make();
      expect(text.length).toBeLessThan(10 * 1024 * 1024);
      writeFileSync(file, text);
      for (const command of ["validate", "report", "aggregate"]) {
        const result = runCapped([command, "huge.yaml"], cwd);
        const output = `${result.stdout}${result.stderr}`;
        // 1: the file is invalid; 2: aggregate had no usable file. Never killed, never a crash.
        expect(result.signal, command).toBeNull();
        expect([1, 2], `${command}: ${output.slice(-500)}`).toContain(result.status);
        expect(output).not.toMatch(/internal error|heap out of memory|\n\s+at /i);
        expect(output).toMatch(/huge\.yaml:\d+:\d+/);
        expect(result.peakMb, command).toBeGreaterThan(0);
        expect(result.peakMb, command).toBeLessThan(250);
      }
    },
    240_000,
  );

  it("keeps the problems it prints to the limit and says how many more there are", () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, "huge.yaml"), shapes[1]![1]());
    const result = runCapped(["validate", "huge.yaml"], cwd);
    expect(result.status).toBe(1);
    const located = result.stdout.split("\n").filter((l) => /^huge\.yaml:\d+:\d+/.test(l));
    expect(located.length).toBeLessThanOrEqual(51);
    expect(result.stdout).toMatch(/and at least \d+ more problems/);
  }, 120_000);
});
