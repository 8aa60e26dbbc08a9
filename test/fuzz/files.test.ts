/**
 * Fuzz test: valid measure and answers files mutated at the byte level (truncation, random
 * bytes, GBK and UTF-16, byte-order marks, CRLF) and at the YAML level (aliases, duplicate keys,
 * deep nesting, wrong types, huge values, merge-conflict markers). For every case netdz exits
 * 0, 1 or 2, never says "internal error" nor prints a stack trace, names the file in a located
 * message when it fails, and stays within time and memory.
 *
 * A fixed number of cases runs in CI; more on demand: NETDZ_FUZZ_RUNS=5000 npx vitest run test/fuzz
 */
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BIN, FIXTURES, tempDir } from "../helpers.js";
import { toGbk, toUtf16 } from "../fs/encode.js";
import { run } from "../fs/run.js";

const RUNS = Number(process.env.NETDZ_FUZZ_RUNS ?? "80");
const SPAWNED_RUNS = Math.max(4, Math.round(RUNS / 20));
const SEED =
  process.env.NETDZ_FUZZ_SEED === undefined ? undefined : Number(process.env.NETDZ_FUZZ_SEED);
/**
 * Time allowed for one command on an input of `bytes`: a few seconds per megabyte (with room for
 * a machine busy running the rest of the suite), and a floor for small files.
 */
function allowedMs(bytes: number): number {
  // A fixed allowance for a busy 2-core CI machine, plus "a few seconds per megabyte".
  return 10_000 + 4000 * (bytes / (1024 * 1024));
}

const ANSWERS = readFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), "utf8").replace(
  "name: Test Zone",
  "name: 测试开发区",
);
const MEASURE = readFileSync(
  path.join(FIXTURES, "sets", "mini", "1.0.0", "m01-first.yaml"),
  "utf8",
);

type Mutation = (bytes: Buffer) => Buffer;

/** Applies a change to the text's lines (as UTF-8), at a line chosen by `at`. */
function atLine(bytes: Buffer, at: number, change: (lines: string[], i: number) => void): Buffer {
  const lines = bytes.toString("utf8").split("\n");
  change(lines, at % Math.max(1, lines.length));
  return Buffer.from(lines.join("\n"), "utf8");
}

/** Replaces the value after the first `: ` of a line that has one. */
function replaceValue(bytes: Buffer, at: number, value: string): Buffer {
  return atLine(bytes, at, (lines, i) => {
    for (let k = 0; k < lines.length; k++) {
      const j = (i + k) % lines.length;
      const line = lines[j] as string;
      const colon = line.indexOf(": ");
      if (colon > 0 && !line.trimStart().startsWith("#")) {
        lines[j] = `${line.slice(0, colon + 2)}${value}`;
        return;
      }
    }
  });
}

const byteMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n) => (b: Buffer) => b.subarray(0, n % (b.length + 1))),
  fc
    .tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 }))
    .map(([n, junk]) => (b: Buffer) => {
      const at = n % (b.length + 1);
      return Buffer.concat([b.subarray(0, at), Buffer.from(junk), b.subarray(at)]);
    }),
  fc
    .tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 }))
    .map(([n, junk]) => (b: Buffer) => {
      const copy = Buffer.from(b);
      for (let i = 0; i < junk.length; i++) copy[(n + i * 7) % copy.length] = junk[i] as number;
      return copy;
    }),
  fc.constant((b: Buffer) => toGbk(b.toString("utf8"))),
  fc.tuple(fc.boolean(), fc.boolean()).map(
    ([be, bom]) =>
      (b: Buffer) =>
        toUtf16(b.toString("utf8"), be, bom),
  ),
  fc.constant((b: Buffer) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b])),
  fc.constant((b: Buffer) => Buffer.from(b.toString("utf8").replace(/\n/g, "\r\n"), "utf8")),
  fc.nat().map((n) => (b: Buffer) => {
    const copy = Buffer.from(b);
    if (copy.length > 0) copy[n % copy.length] = 0;
    return copy;
  }),
);

const yamlMutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Aliases: a few (fine) or a bomb.
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 })).map(([n, levels]) => (b: Buffer) => {
    let bomb = `bomb0: &b0 [x, x, x, x, x, x, x, x, x]\n`;
    for (let i = 1; i < levels; i++)
      bomb += `bomb${i}: &b${i} [${Array(9)
        .fill(`*b${i - 1}`)
        .join(", ")}]\n`;
    return atLine(b, n, (lines, i) => lines.splice(i, 0, ...bomb.trimEnd().split("\n")));
  }),
  fc.nat().map((n) => (b: Buffer) => replaceValue(b, n, "*nowhere")),
  // Duplicate keys: a line repeated.
  fc
    .nat()
    .map((n) => (b: Buffer) => atLine(b, n, (lines, i) => lines.splice(i, 0, lines[i] as string))),
  // Deep nesting.
  fc.tuple(fc.nat(), fc.integer({ min: 10, max: 20_000 }), fc.boolean()).map(
    ([n, depth, flow]) =>
      (b: Buffer) =>
        flow
          ? replaceValue(b, n, `${"[".repeat(depth)}${"]".repeat(depth)}`)
          : replaceValue(
              b,
              n,
              `${"{a: ".repeat(Math.min(depth, 3000))}1${"}".repeat(Math.min(depth, 3000))}`,
            ),
  ),
  // Wrong types.
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom(
        "[]",
        "{}",
        "123",
        "-1.5e309",
        ".nan",
        "true",
        "null",
        "~",
        '"text"',
        "[1, [2]]",
        "{ x: 1 }",
        "1,200",
        "__proto__",
        "!!binary aGk=",
      ),
    )
    .map(
      ([n, value]) =>
        (b: Buffer) =>
          replaceValue(b, n, value),
    ),
  // Huge values.
  fc
    .tuple(
      fc.nat(),
      fc.integer({ min: 1_000, max: 2_000_000 }),
      fc.constantFrom('"', "", "|\n    "),
    )
    .map(
      ([n, size, style]) =>
        (b: Buffer) =>
          replaceValue(
            b,
            n,
            style === '"' ? `"${"x".repeat(size)}"` : `${style}${"y".repeat(size)}`,
          ),
    ),
  // Many entries.
  fc
    .integer({ min: 100, max: 10_000 })
    .map(
      (count) => (b: Buffer) =>
        Buffer.concat([
          b,
          Buffer.from(
            Array.from({ length: count }, (_, i) => `  X${i}.Q1: { status: done }\n`).join(""),
          ),
        ]),
    ),
  // Merge-conflict markers.
  fc
    .nat()
    .map(
      (n) => (b: Buffer) =>
        atLine(b, n, (lines, i) => lines.splice(i, 0, "<<<<<<< HEAD", "=======", ">>>>>>> other")),
    ),
  // Bad indentation and tabs.
  fc
    .nat()
    .map((n) => (b: Buffer) => atLine(b, n, (lines, i) => (lines[i] = `\t ${lines[i] as string}`))),
);

const mutations = fc.array(fc.oneof(byteMutation, yamlMutation), { minLength: 1, maxLength: 3 });

function mutate(text: string, steps: readonly Mutation[]): Buffer {
  return steps.reduce<Buffer>((bytes, step) => step(bytes), Buffer.from(text, "utf8"));
}

/** What every run must show, whatever the input. */
function expectSound(
  result: { code: number; out: string; err: string },
  file: string,
  problems: "out" | "err" | "none" = "out",
): void {
  const all = `${result.out}${result.err}`;
  expect([0, 1, 2]).toContain(result.code);
  // At most 50 problems per file are printed, each message of readable length.
  if (problems !== "none") expect(result[problems].length).toBeLessThan(50 * 600);
  expect(all).not.toMatch(/internal error/i);
  expect(all).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);
  if (result.code === 1) {
    expect(all).toMatch(new RegExp(`(^|/)${file.replace(".", "\\.")}:\\d+:\\d+ `, "m"));
  } else if (result.code === 2) {
    expect(all).toMatch(new RegExp(`${file.replace(".", "\\.")}|--measures|measure set`));
  }
}

function setup(): { cwd: string; setDir: string } {
  const cwd = tempDir();
  cpSync(path.join(FIXTURES, "sets"), path.join(cwd, "sets"), { recursive: true });
  return { cwd, setDir: path.join(cwd, "sets", "mini", "1.0.0") };
}

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
