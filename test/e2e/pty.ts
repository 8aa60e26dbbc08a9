/**
 * Helpers for end-to-end tests that drive the built `bin/netdz.js` in a real pseudo-terminal,
 * and a tiny measure set written to a temporary folder (so the tests do not depend on the
 * bundled content).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawn, type IPty } from "@lydell/node-pty";
import { parse, stringify } from "yaml";
import { BIN, ROOT } from "../helpers.js";

/** Key sequences a terminal sends. */
export const KEYS = {
  enter: "\r",
  up: "\x1b[A",
  down: "\x1b[B",
  space: " ",
  backspace: "\x7f",
  ctrlC: "\x03",
  ctrlD: "\x04",
  /** Alone, Escape is recognised only after the terminal's escape timeout: see pressEscape. */
  escape: "\x1b",
} as const;

// Colours (CSI … m), other CSI sequences (cursor moves, erasing), OSC, single-character escapes.
const ESC = "\u001b";
const BEL = "\u0007";
const COLOUR = new RegExp(`${ESC}\\[[0-?]*[ -/]*m`, "g");
const CSI = new RegExp(`${ESC}\\[[0-?]*[ -/]*[@-~]`, "g");
const OTHER = new RegExp(`${ESC}\\][^${BEL}${ESC}]*(?:${BEL}|${ESC}\\\\)|${ESC}[@-Z\\\\-_]`, "g");

/**
 * Text without escape sequences. Cursor moves and erasing become line breaks, so each redraw of
 * a prompt starts on a line of its own.
 */
export function stripAnsi(text: string): string {
  return text.replace(COLOUR, "").replace(CSI, "\n").replace(OTHER, "").replace(/\r/g, "");
}

/** A list prompt fully drawn: the cursor, then the key help line (`⏎ select`) at the end. */
const LIST_DRAWN = /❯[\s\S]*⏎ \S+\s*$/;

export interface PtyExit {
  exitCode: number;
  signal?: number;
}

/** The answers of an answers file, by question id (none: an empty record). */
export function answersOf(file: string): Record<string, Record<string, unknown>> {
  const data = parse(readFileSync(file, "utf8")) as {
    answers?: Record<string, Record<string, unknown>> | null;
  };
  return data.answers ?? {};
}

/** True when `dist/` has been built (the e2e tests run the built CLI). */
export function builtCliExists(): boolean {
  return existsSync(path.join(ROOT, "dist", "main.js"));
}

/** A netdz process in a pseudo-terminal (100×30 unless `cols` says), with its output collected. */
export class PtySession {
  private raw = "";
  private readonly waiters = new Set<() => void>();
  readonly exited: Promise<PtyExit>;
  private exitInfo: PtyExit | undefined;
  private readonly term: IPty;

  constructor(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; cols?: number }) {
    this.term = spawn(process.execPath, [BIN, ...args], {
      // node-pty sets TERM to the terminal's name: a TERM the test gives is that name.
      name: options.env?.TERM ?? "xterm-256color",
      cols: options.cols ?? 100,
      rows: 30,
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        TERM: "xterm-256color",
        LANG: "en_US.UTF-8",
        ...options.env,
      },
    });
    this.term.onData((data) => {
      this.raw += data;
      for (const wake of this.waiters) wake();
    });
    this.exited = new Promise((resolve) => {
      this.term.onExit((info) => {
        this.exitInfo = info;
        for (const wake of this.waiters) wake();
        resolve(info);
      });
    });
  }

  /** The process id of netdz. */
  get pid(): number {
    return this.term.pid;
  }

  /** Everything printed so far, without escape sequences. */
  text(): string {
    return stripAnsi(this.raw);
  }

  /** A position in the output; pass it to `waitFor` to look only at what comes after. */
  mark(): number {
    return this.text().length;
  }

  /** Waits until the output after `since` matches; fails with the screen's tail on timeout. */
  async waitFor(pattern: RegExp | string, since = 0, timeoutMs = 15_000): Promise<string> {
    const found = (): string | undefined => {
      const text = this.text().slice(since);
      const ok = typeof pattern === "string" ? text.includes(pattern) : pattern.test(text);
      return ok ? text : undefined;
    };
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const text = found();
        if (text !== undefined) {
          done();
          resolve(text);
        } else if (this.exitInfo) {
          done();
          reject(this.failure(`exited (${JSON.stringify(this.exitInfo)}) before`, pattern, since));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(this.failure(`timed out after ${timeoutMs} ms waiting for`, pattern, since));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  private failure(what: string, pattern: RegExp | string, since: number): Error {
    const after = this.text().slice(since);
    const tail =
      after.trim() === "" ? `(nothing new; before it:)\n${this.text().slice(-1500)}` : after;
    return new Error(`${what} ${String(pattern)}; output since the mark:\n${tail.slice(-2500)}`);
  }

  /** Sends keys and returns the output mark from before they were sent. */
  send(keys: string): number {
    const mark = this.mark();
    this.term.write(keys);
    return mark;
  }

  /** The choices of the last list drawn, and which one the cursor (`❯`) is on. */
  lastList(): { items: string[]; active: number } {
    const text = this.text();
    const frame = text.slice(text.lastIndexOf("\n? ") + 1).split("\n");
    const items: string[] = [];
    let active = -1;
    for (const line of frame.slice(1)) {
      if (line.trim() === "") break;
      if (line.trim().startsWith("─")) continue;
      if (line.startsWith("❯")) active = items.length;
      items.push(line.slice(1).replace(/^[◯◉]/, "").trim());
    }
    return { items, active };
  }

  /** The choice under the cursor in the last list drawn. */
  activeChoice(): string | undefined {
    const { items, active } = this.lastList();
    return items[active];
  }

  /** Moves the cursor to the choice starting with `label`, waiting for each redraw. */
  async moveTo(label: string, maxSteps = 30): Promise<void> {
    await this.waitFor(LIST_DRAWN, Math.max(0, this.text().lastIndexOf("\n? ")));
    for (let i = 0; i < maxSteps; i++) {
      const { items, active } = this.lastList();
      if (items[active]?.startsWith(label)) return;
      const target = items.findIndex((item) => item.startsWith(label));
      const mark = this.send(target !== -1 && target < active ? KEYS.up : KEYS.down);
      await this.waitFor(LIST_DRAWN, mark);
    }
    throw new Error(`no choice "${label}" in the list; cursor is on "${this.activeChoice()}"`);
  }

  /** Moves to a choice and presses Enter; returns the mark from before Enter. */
  async choose(label: string): Promise<number> {
    await this.moveTo(label);
    return this.send(KEYS.enter);
  }

  /** Types text, waits until it is echoed, then presses Enter; returns the mark before Enter. */
  async typeLine(text: string): Promise<number> {
    if (text !== "") {
      const mark = this.send(text);
      await this.waitFor(text, mark);
    }
    return this.send(KEYS.enter);
  }

  /**
   * Presses Escape and waits past readline's escape-code timeout (500 ms), so the key is read as
   * Escape and not as the start of the next key's sequence. Returns the mark from before it.
   */
  async pressEscape(): Promise<number> {
    const mark = this.send(KEYS.escape);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    return mark;
  }

  /** Sends a signal to netdz. */
  kill(signal: NodeJS.Signals): void {
    process.kill(this.term.pid, signal);
  }

  /** Ends the process if a failed test left it running. */
  dispose(): void {
    if (this.exitInfo) return;
    try {
      this.term.kill("SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

const text = (en: string, zh: string) => ({ en, zh });

/**
 * Writes the measure set `tiny@1.0.0` (2 areas, 2 measures, 7 questions of every type, one that
 * applies only to hub zones) under `<dir>/sets/tiny/1.0.0` and returns `<dir>/sets`.
 */
export function writeTinySet(dir: string): string {
  const root = path.join(dir, "sets");
  const setDir = path.join(root, "tiny", "1.0.0");
  mkdirSync(setDir, { recursive: true });
  const write = (name: string, data: unknown) =>
    writeFileSync(path.join(setDir, name), stringify(data));
  write("set.yaml", {
    format: "netdz-measure-set/1",
    id: "tiny",
    version: "1.0.0",
    title: text("Tiny set", "小型清单"),
    source: {
      document: "测试〔2025〕1号",
      issuer: text("Test issuer", "测试机关"),
      issued: "2025-05-21",
      authoritativeLanguage: "zh",
    },
    areas: [
      { id: "alpha", ref: "二", title: text("Alpha area", "甲方面"), weight: 1 },
      { id: "beta", ref: "三", title: text("Beta area", "乙方面"), weight: 1 },
    ],
    profile: [
      { id: "name", type: "text", label: text("Zone name", "开发区名称") },
      {
        id: "region",
        type: "choice",
        label: text("Region", "所属区域"),
        options: [
          { id: "eastern", label: text("Eastern", "东部") },
          { id: "western", label: text("Western", "西部") },
        ],
      },
      { id: "hub", type: "yesno", label: text("In a hub area?", "是否位于枢纽区域？") },
    ],
  });
  const measure = (id: string, number: number, area: string, questions: unknown[]) => ({
    format: "netdz-measure/1",
    id,
    number,
    area,
    ref: `${area === "alpha" ? "二" : "三"}（${number}）`,
    title: text(`Measure ${number} title`, `第${number}项举措`),
    summary: text("Summary.", "概述。"),
    provenance: { basis: "text", sources: ["Test"] },
    weight: 1,
    questions,
  });
  const q = (id: string, type: string, extra: Record<string, unknown> = {}) => ({
    id,
    type,
    text: text(`Question ${id}?`, `${id} 的问题？`),
    guidance: text(`Guidance for ${id}.`, `${id} 的填报指引。`),
    weight: 1,
    ...extra,
  });
  write(
    "m01.yaml",
    measure("M01", 1, "alpha", [
      q("M01.Q1", "status", {
        evidence: { requiredFor: ["implemented"], hint: text("A decision", "一份文件") },
      }),
      q("M01.Q2", "number", {
        unit: text("items", "项"),
        target: 10,
        direction: "higher",
      }),
      q("M01.Q3", "choice", {
        options: [
          { id: "low", label: text("Low", "低"), score: 0 },
          { id: "high", label: text("High", "高"), score: 1 },
        ],
      }),
    ]),
  );
  write(
    "m02.yaml",
    measure("M02", 2, "beta", [
      q("M02.Q1", "yesno"),
      q("M02.Q2", "status", { appliesWhen: { hub: [true] } }),
      q("M02.Q3", "multi", {
        options: [
          { id: "x", label: text("Ex", "甲项"), score: 0.5 },
          { id: "y", label: text("Why", "乙项"), score: 0.5 },
        ],
      }),
      q("M02.Q4", "text"),
    ]),
  );
  return root;
}
