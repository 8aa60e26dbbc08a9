/**
 * Prints an HTML report to an A4 PDF with a Chromium or Google Chrome that is already on the
 * machine, driven by puppeteer-core (which never downloads a browser). The browser is found
 * through CHROME_PATH or PUPPETEER_EXECUTABLE_PATH, else by name on the PATH, else at the usual
 * install places on macOS and Windows. Page numbers and the zone's name come from the HTML's own
 * print stylesheet (`@page` margin boxes), so a PDF printed by hand from a browser has them too.
 */
import { execFile } from "node:child_process";
import { constants as fsConstants } from "node:fs";
import { access, mkdtemp, open, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Lang } from "../core/model.js";
import { UsageError } from "../errors.js";
import { textBatches } from "./atomic-write.js";
import { documentMessages, type BrowserProblem } from "../i18n/document-messages.js";

/** Executable names looked up on the PATH, in this order. */
export const BROWSER_NAMES = [
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
] as const;

/** Where Chrome or Chromium is usually installed when it is not on the PATH. */
const INSTALL_PLACES: Readonly<Partial<Record<NodeJS.Platform, readonly string[]>>> = {
  darwin: [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
  ],
  win32: [
    "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
  ],
};

/** Command-line switches: headless, no first-run chores, no network of its own. */
export const BROWSER_ARGS = [
  "--headless",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-extensions",
];

async function isExecutable(file: string): Promise<boolean> {
  return access(file, fsConstants.X_OK).then(
    () => true,
    () => false,
  );
}

/** The environment variables that name a browser, in the order they are read. */
export const BROWSER_VARIABLES = ["CHROME_PATH", "PUPPETEER_EXECUTABLE_PATH"] as const;

/** A browser and where netdz found it: an environment variable, or a search of the machine. */
export interface FoundBrowser {
  file: string;
  /** The environment variable that named it; undefined when found on the PATH or at an install place. */
  variable?: (typeof BROWSER_VARIABLES)[number];
}

/**
 * The browser to print with, or undefined when there is none. A browser variable that is set
 * is taken as it is, even when it names nothing usable: the printer then says what is wrong with
 * it, rather than quietly printing with some other browser.
 */
export async function findBrowser(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): Promise<string | undefined> {
  return (await locateBrowser(env, platform))?.file;
}

/** Like findBrowser, with the variable that named the browser. */
export async function locateBrowser(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): Promise<FoundBrowser | undefined> {
  for (const variable of BROWSER_VARIABLES) {
    const file = env[variable]?.trim();
    if (file) return { file, variable };
  }
  const dirs = (env.PATH ?? env.Path ?? "").split(path.delimiter).filter((dir) => dir !== "");
  const suffixes = platform === "win32" ? [".exe", ""] : [""];
  for (const name of BROWSER_NAMES) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const file = path.join(dir, `${name}${suffix}`);
        if (await isExecutable(file)) return { file };
      }
    }
  }
  for (const file of INSTALL_PLACES[platform] ?? []) {
    if (await isExecutable(file)) return { file };
  }
  return undefined;
}

/** How long a browser may take to say its version, and to start, before netdz gives up on it. */
export const PROBE_TIMEOUT_MS = 5_000;
export const LAUNCH_TIMEOUT_MS = 10_000;

/**
 * What is wrong with a browser executable, or undefined when it looks like one: it exists, is
 * an executable file, and answers `--version` with a version number within PROBE_TIMEOUT_MS.
 * (Chrome on Windows prints no version, so there only the file is checked.)
 */
export async function browserProblem(
  file: string,
  platform: NodeJS.Platform = process.platform,
): Promise<BrowserProblem | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (info === undefined) return { kind: "missing" };
  if (info.isDirectory()) return { kind: "directory" };
  if (!info.isFile() || !(await isExecutable(file))) return { kind: "not-executable" };
  if (platform === "win32") return undefined;
  return new Promise((resolve) => {
    execFile(
      file,
      ["--version"],
      { timeout: PROBE_TIMEOUT_MS, killSignal: "SIGKILL", encoding: "utf8", maxBuffer: 1 << 16 },
      (error, stdout) => {
        if (error && (error as { killed?: boolean }).killed) {
          resolve({ kind: "timeout", seconds: PROBE_TIMEOUT_MS / 1000 });
        } else if (error && typeof error.code === "string") {
          resolve({ kind: "not-executable" });
        } else if (error || !/\d+\.\d+/.test(stdout)) {
          resolve({ kind: "no-version" });
        } else {
          resolve(undefined);
        }
      },
    );
  });
}

export interface PdfOptions {
  lang: Lang;
  env: NodeJS.ProcessEnv;
  /** A browser executable; found with findBrowser when not given. */
  executablePath?: string;
  /**
   * The instant the PDF is dated with (its creation and modification dates), instead of the
   * clock at printing: the same report then gives the same bytes with the same browser.
   */
  time?: Date;
}

/**
 * Prints the HTML to A4 PDF bytes; exits 2 (UsageError) when no browser can be found or run. The
 * page is written (in pieces, as it is made) to a file in the browser's own temporary profile
 * folder and opened from there, so a large report is never held whole nor sent over the
 * browser's protocol as one message.
 */
export async function printHtmlToPdf(
  html: string | Iterable<string>,
  options: PdfOptions,
): Promise<Uint8Array> {
  const m = documentMessages(options.lang).pdf;
  const found: FoundBrowser | undefined =
    options.executablePath === undefined
      ? await locateBrowser(options.env)
      : { file: options.executablePath };
  if (found === undefined) throw new UsageError(m.noBrowser);
  const cannotStart = (problem: BrowserProblem, cause?: unknown): UsageError =>
    new UsageError(m.cannotStart(found.file, found.variable, problem), { cause });
  const problem = await browserProblem(found.file);
  if (problem !== undefined) throw cannotStart(problem);
  const { launch } = await import("puppeteer-core");
  const profile = await mkdtemp(path.join(tmpdir(), "netdz-pdf-"));
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  let browser: Awaited<ReturnType<typeof launch>> | undefined;
  let stage: "load" | "print" = "load";
  try {
    try {
      browser = await launch({
        executablePath: found.file,
        headless: true,
        userDataDir: profile,
        args: [...BROWSER_ARGS, ...(asRoot ? ["--no-sandbox"] : [])],
        timeout: LAUNCH_TIMEOUT_MS,
      });
    } catch (error) {
      throw cannotStart({ kind: "launch", reason: firstLine(error) }, error);
    }
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    const file = path.join(profile, "report.html");
    await writeText(file, html);
    stage = "load";
    await page.goto(pathToFileURL(file).href, { waitUntil: "load", timeout: LOAD_TIMEOUT_MS });
    await page.emulateMediaType("print");
    stage = "print";
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      timeout: PRINT_TIMEOUT_MS,
    });
    // Already bytes: not copied (a PDF of thousands of links is tens of MB).
    return options.time === undefined ? pdf : withPdfDates(pdf, options.time);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(printFailure(stage, error, options.lang), { cause: error });
  } finally {
    await browser?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** How long the browser may take to open the page, and to print it. */
const LOAD_TIMEOUT_MS = 60_000;
const PRINT_TIMEOUT_MS = 120_000;

/**
 * What a browser's failure to load or print the page is said as: in netdz's words and the
 * user's language (out of time, or could not), the browser's own line only as a detail.
 */
export function printFailure(stage: "load" | "print", error: unknown, lang: Lang): string {
  const timedOut = (error as { name?: unknown } | undefined)?.name === "TimeoutError";
  const limit = stage === "load" ? LOAD_TIMEOUT_MS : PRINT_TIMEOUT_MS;
  return documentMessages(lang).pdf.failed({
    stage,
    ...(timedOut ? { seconds: limit / 1000 } : {}),
    detail: firstLine(error),
  });
}

/** Writes text, whole or in pieces, to a new file. */
async function writeText(file: string, html: string | Iterable<string>): Promise<void> {
  const handle = await open(file, "wx", 0o600);
  try {
    for (const bytes of textBatches(typeof html === "string" ? html : { pieces: html })) {
      for (let done = 0; done < bytes.length;) {
        done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
      }
    }
  } finally {
    await handle.close();
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n").find((line) => line.trim() !== "") ?? "";
}

/** A PDF date as the browser writes it, with a time zone (`+08'00'`) or `Z` (PDF 1.7, 7.9.4). */
const PDF_DATE = /^D:\d{14}(?:[+-]\d\d'\d\d'|Z)$/;

/** How far from the end of a PDF its trailer is looked for. */
const TRAILER_WINDOW = 4096;

/**
 * The PDF with the CreationDate and ModDate of its document information dictionary set to `time`
 * in UTC, changed in place. Chromium dates a PDF with the clock and has no option to do
 * otherwise; each date string is rewritten with one of exactly its length, so every byte offset
 * and the cross-reference table stay right. The dictionary is found through the trailer and the
 * cross-reference table; a PDF laid out otherwise (or a date in another form) is left as it is.
 */
export function withPdfDates(pdf: Uint8Array, time: Date): Uint8Array {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const tailStart = Math.max(0, bytes.length - TRAILER_WINDOW);
  const tail = bytes.toString("latin1", tailStart);
  const trailer = tail.lastIndexOf("trailer");
  const info = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(tail.slice(trailer));
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (trailer < 0 || !info || !startxref) return pdf;
  const offset = objectOffset(bytes, Number(startxref[1]), Number(info[1]));
  if (offset === undefined) return pdf;
  const end = bytes.indexOf("endobj", offset, "latin1");
  if (end < 0) return pdf;
  const object = bytes.toString("latin1", offset, end);
  if (!object.startsWith(`${info[1]} ${info[2]} obj`)) return pdf;
  // A key starts a line or follows "<<"; a "(" inside a literal string is escaped as "\(".
  for (const match of object.matchAll(/(?<=(?:^|[\n\r]|<<)\/(?:CreationDate|ModDate) \()[^)]*/g)) {
    const old = match[0];
    if (!PDF_DATE.test(old)) continue;
    const date = pdfDate(time, old.endsWith("Z"));
    if (date.length !== old.length) continue;
    bytes.write(date, offset + match.index, "latin1");
  }
  return pdf;
}

/** `time` as a PDF date in UTC: `D:20260101000000+00'00'`, or `D:20260101000000Z`. */
function pdfDate(time: Date, zulu: boolean): string {
  const digits = time.toISOString().slice(0, 19).replace(/\D/g, "");
  return `D:${digits}${zulu ? "Z" : "+00'00'"}`;
}

/** Where object `id` starts, read from the cross-reference table at `xref`, if it is there. */
function objectOffset(bytes: Buffer, xref: number, id: number): number | undefined {
  let at = xref;
  const head = /^xref\s+/.exec(bytes.toString("latin1", at, at + 16));
  if (!head) return undefined;
  at += head[0].length;
  for (;;) {
    const sub = /^(\d+) (\d+)\s+/.exec(bytes.toString("latin1", at, at + 40));
    if (!sub) return undefined;
    const first = Number(sub[1]);
    const count = Number(sub[2]);
    at += sub[0].length;
    if (id >= first && id < first + count) {
      const entry = /^(\d{10}) \d{5} n/.exec(
        bytes.toString("latin1", at + (id - first) * 20, at + (id - first) * 20 + 20),
      );
      return entry ? Number(entry[1]) : undefined;
    }
    at += count * 20;
  }
}
