import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { expect, onTestFinished } from "vitest";
import { parseDocument } from "yaml";
import { editedText } from "../src/core/edited-text.js";
import type { Io } from "../src/io.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BIN = path.join(ROOT, "bin", "netdz.js");
export const FIXTURES = path.join(ROOT, "test", "fixtures");
/** A `--import` module that writes the peak resident set (KB) of the process to stderr as it exits. */
export const PEAK_RSS =
  'data:text/javascript,process.on("exit",()=>process.stderr.write(`\\nmaxrss-kb=${process.resourceUsage().maxRSS}\\n`))';
export const BUNDLED_SET = path.join(ROOT, "measures", "workplan-2025", "1.0.0");

/** A fresh temporary folder, removed when the test finishes. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "netdz-test-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Copies the mini fixture set to `<tmp>/sets/mini/1.0.0` and returns that set folder. */
export function copyMiniSet(): { root: string; setDir: string } {
  const root = path.join(tempDir(), "sets");
  cpSync(path.join(FIXTURES, "sets"), root, { recursive: true });
  return { root, setDir: path.join(root, "mini", "1.0.0") };
}

/** The mini set copied into a temporary folder, with its valid answers file beside it. */
export function copyMiniAnswers(): { file: string; measuresDir: string; cwd: string } {
  const { root } = copyMiniSet();
  const cwd = path.dirname(root);
  const file = path.join(cwd, "answers.yaml");
  copyFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), file);
  return { file, measuresDir: root, cwd };
}

/** Rewrites a file by replacing `from` with `to`; fails loudly if `from` is not there. */
export function editFile(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, "utf8");
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit did not apply to ${file}: ${String(from)}`);
  writeFileSync(file, next);
}

/** 1-based line and column of the first occurrence of `needle` in a file. */
export function positionIn(
  file: string,
  needle: string,
  nth = 1,
): { line: number; column: number } {
  const text = readFileSync(file, "utf8");
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`${needle} not found in ${file}`);
  }
  const before = text.slice(0, index).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** An Io whose output is captured as strings. */
export function captureIo(
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Io & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  return {
    cwd,
    env,
    stdout,
    stderr,
    stdin: new PassThrough(),
    out: () => out,
    err: () => err,
  };
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `bin/netdz.js` as a separate process. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: "UTC", ...options.env },
    input: options.input ?? "",
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The text of a YAML or JSON file after `change` is made to its document, as the commands that
 * edit answers files write it (editedText); the text written reads back as the changed document.
 */
export function editedBy(
  text: string,
  change: (doc: ReturnType<typeof parseDocument>) => void,
): string {
  const before = parseDocument(text, { uniqueKeys: true });
  const after = parseDocument(text, { uniqueKeys: true });
  change(after);
  const out = editedText(text, before, after);
  expect(parseDocument(out, { uniqueKeys: true }).toJS()).toEqual(after.toJS());
  return out;
}
