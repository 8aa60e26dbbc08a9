/**
 * The fuzz cases shared by the in-process fuzz test (test/fuzz/files.test.ts) and the spawned one
 * (test/e2e/fuzz-spawned.test.ts): valid measure and answers files mutated at the byte level
 * (truncation, random bytes, GBK and UTF-16, byte-order marks, CRLF) and at the YAML level
 * (aliases, duplicate keys, deep nesting, wrong types, huge values, merge-conflict markers), and
 * what every run must show. A fixed number of cases runs in CI; more on demand:
 * NETDZ_FUZZ_RUNS=5000 npx vitest run test/fuzz test/e2e/fuzz-spawned.test.ts
 */
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { expect } from "vitest";
import { FIXTURES, tempDir } from "../helpers.js";
import { toGbk, toUtf16 } from "../fs/encode.js";

export const RUNS = Number(process.env.NETDZ_FUZZ_RUNS ?? "80");
export const SPAWNED_RUNS = Math.max(4, Math.round(RUNS / 20));
export const SEED =
  process.env.NETDZ_FUZZ_SEED === undefined ? undefined : Number(process.env.NETDZ_FUZZ_SEED);
/**
 * Time allowed for one command on an input of `bytes`: a few seconds per megabyte (with room for
 * a machine busy running the rest of the suite), and a floor for small files.
 */
export function allowedMs(bytes: number): number {
  // A fixed allowance for a busy 2-core CI machine, plus "a few seconds per megabyte".
  return 10_000 + 4000 * (bytes / (1024 * 1024));
}

export const ANSWERS = readFileSync(
  path.join(FIXTURES, "answers", "mini-valid.yaml"),
  "utf8",
).replace("name: Test Zone", "name: 测试开发区");
export const MEASURE = readFileSync(
  path.join(FIXTURES, "sets", "mini", "1.0.0", "m01-first.yaml"),
  "utf8",
);

export type Mutation = (bytes: Buffer) => Buffer;

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

export const mutations = fc.array(fc.oneof(byteMutation, yamlMutation), {
  minLength: 1,
  maxLength: 3,
});

export function mutate(text: string, steps: readonly Mutation[]): Buffer {
  return steps.reduce<Buffer>((bytes, step) => step(bytes), Buffer.from(text, "utf8"));
}

/** What every run must show, whatever the input. */
export function expectSound(
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

export function setup(): { cwd: string; setDir: string } {
  const cwd = tempDir();
  cpSync(path.join(FIXTURES, "sets"), path.join(cwd, "sets"), { recursive: true });
  return { cwd, setDir: path.join(cwd, "sets", "mini", "1.0.0") };
}
