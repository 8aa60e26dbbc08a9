/** Every command's --help says what it uses when an argument is left out, in both languages. */
import { describe, expect, it } from "vitest";
import { DEFAULT_ANSWERS_FILE } from "../../src/core/model.js";
import { main } from "../../src/main.js";
import { captureIo, ROOT } from "../helpers.js";

async function help(argv: string[]): Promise<string> {
  const io = captureIo(ROOT, { TZ: "UTC" });
  await main([...argv, "--help"], io);
  return io.out();
}

/** The help text between a section heading and the next blank line, joined into one line. */
function section(text: string, heading: RegExp): string {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => heading.test(line));
  if (start === -1) return "";
  const end = lines.findIndex((line, i) => i > start && line.trim() === "");
  return lines
    .slice(start + 1, end === -1 ? undefined : end)
    .map((line) => line.trim())
    .join(" ");
}

describe("--help names the defaults", () => {
  it.each([
    ["en", /^Arguments:/],
    ["zh", /^参数：/],
  ])(
    "validate (%s): the paths argument names measures/ and the answers file",
    async (lang, heading) => {
      const args = section(await help(["validate", "--lang", lang]), heading);
      expect(args).toContain("measures/");
      expect(args).toContain(DEFAULT_ANSWERS_FILE);
    },
  );

  it.each(["en", "zh"])("report, assess and init (%s) name the answers file", async (lang) => {
    for (const command of ["report", "assess", "init"]) {
      const text = await help([command, "--lang", lang]);
      const options = section(text, /^(Arguments|参数|Options|选项)[:：]/) + text;
      expect(options, command).toContain(`"${DEFAULT_ANSWERS_FILE}"`);
    }
  });
});
