/**
 * Prints an HTML report to an A4 PDF with a Chromium or Google Chrome that is already on the
 * machine, driven by puppeteer-core (which never downloads a browser). The browser is found
 * through CHROME_PATH or PUPPETEER_EXECUTABLE_PATH, else by name on the PATH, else at the usual
 * install places on macOS and Windows. Page numbers and the zone's name come from the HTML's own
 * print stylesheet (`@page` margin boxes), so a PDF printed by hand from a browser has them too.
 */
import { constants as fsConstants } from "node:fs";
import { access, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Lang } from "../core/model.js";
import { UsageError } from "../errors.js";
import { documentMessages } from "../i18n/document-messages.js";

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

/**
 * The browser to print with, or undefined when there is none. An environment variable that names
 * a file that does not exist is passed over, as if unset.
 */
export async function findBrowser(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): Promise<string | undefined> {
  for (const name of ["CHROME_PATH", "PUPPETEER_EXECUTABLE_PATH"] as const) {
    const file = env[name]?.trim();
    if (file && (await isExecutable(file))) return file;
  }
  const dirs = (env.PATH ?? env.Path ?? "").split(path.delimiter).filter((dir) => dir !== "");
  const suffixes = platform === "win32" ? [".exe", ""] : [""];
  for (const name of BROWSER_NAMES) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const file = path.join(dir, `${name}${suffix}`);
        if (await isExecutable(file)) return file;
      }
    }
  }
  for (const file of INSTALL_PLACES[platform] ?? []) {
    if (await isExecutable(file)) return file;
  }
  return undefined;
}

export interface PdfOptions {
  lang: Lang;
  env: NodeJS.ProcessEnv;
  /** A browser executable; found with findBrowser when not given. */
  executablePath?: string;
}

/** Prints the HTML to A4 PDF bytes; exits 2 (UsageError) when no browser can be found or run. */
export async function printHtmlToPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
  const m = documentMessages(options.lang).pdf;
  const executablePath = options.executablePath ?? (await findBrowser(options.env));
  if (executablePath === undefined) throw new UsageError(m.noBrowser);
  const { launch } = await import("puppeteer-core");
  const profile = await mkdtemp(path.join(tmpdir(), "netdz-pdf-"));
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  let browser: Awaited<ReturnType<typeof launch>> | undefined;
  try {
    browser = await launch({
      executablePath,
      headless: true,
      userDataDir: profile,
      args: [...BROWSER_ARGS, ...(asRoot ? ["--no-sandbox"] : [])],
      timeout: 60_000,
    });
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setContent(html, { waitUntil: "load", timeout: 60_000 });
    await page.emulateMediaType("print");
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      timeout: 120_000,
    });
    return new Uint8Array(pdf);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(m.failed(reason ?? ""), { cause: error });
  } finally {
    await browser?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}
