import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers.js";
import { SUZHOU } from "../render/document-fixtures.js";

/** Things that are not a browser, made in a temp folder, each with why netdz must refuse it. */
function fakes(dir: string): Record<string, string> {
  const text = path.join(dir, "notes.txt");
  writeFileSync(text, "not a program\n");
  const textExecutable = path.join(dir, "notes-x.txt");
  writeFileSync(textExecutable, "not a program either\n");
  chmodSync(textExecutable, 0o755);
  const folder = path.join(dir, "chrome-folder");
  mkdirSync(folder);
  const sleeper = path.join(dir, "sleeper.sh");
  writeFileSync(sleeper, "#!/bin/sh\nsleep 60\n");
  chmodSync(sleeper, 0o755);
  const liar = path.join(dir, "liar.sh");
  // Says a version, then exits at once when started as a browser.
  writeFileSync(
    liar,
    '#!/bin/sh\nif [ "$1" = --version ]; then echo "Chromium 120.0"; fi\nexit 0\n',
  );
  chmodSync(liar, 0o755);
  return {
    true: "/bin/true",
    text,
    textExecutable,
    folder,
    missing: path.join(dir, "no-such-chrome"),
    sleeper,
    liar,
  };
}

describe("netdz report --format pdf with a browser variable that names no browser", () => {
  it("exits 2 within seconds with how to get a PDF, in both languages", () => {
    const dir = tempDir();
    for (const [name, file] of Object.entries(fakes(dir))) {
      for (const [lang, words] of [
        ["en", /--format html[\s\S]*install Chromium/],
        ["zh", /--format html[\s\S]*安装 Chromium/],
      ] as const) {
        for (const variable of ["CHROME_PATH", "PUPPETEER_EXECUTABLE_PATH"]) {
          const out = path.join(dir, `${name}.${lang}.pdf`);
          const started = Date.now();
          const result = runCli(
            ["report", SUZHOU, "--format", "pdf", "--out", out, "--lang", lang],
            { env: { [variable]: file } },
          );
          const seconds = (Date.now() - started) / 1000;
          const last = result.stderr.trim().split("\n").at(-1) ?? "";
          expect({ name, variable, status: result.status }).toEqual({
            name,
            variable,
            status: 2,
          });
          expect(last).toMatch(words);
          expect(last).toContain(file);
          expect(last).toContain(variable);
          expect(result.stderr).not.toMatch(/at .*\.js:\d+|Error:/);
          expect(seconds).toBeLessThan(12);
        }
      }
    }
  }, 240_000);
});
