/**
 * Every command's --help lists the exit codes that command really has, in both languages: an
 * option named in the exit-code section is one of the command's own options (validate and assess
 * have no --fail-under), and 130 only where an interrupted run has something to say (assess, migrate).
 */
import { describe, expect, it } from "vitest";
import { main } from "../../src/main.js";
import { captureIo, ROOT } from "../helpers.js";

async function help(argv: string[]): Promise<string> {
  const io = captureIo(ROOT, { TZ: "UTC" });
  await main([...argv, "--help"], io);
  return io.out();
}

const HEADING = { en: /^(Exit codes:|Options:)$/, zh: /^(退出码：|选项：)$/ } as const;

/** The lines of a section of the help, from its heading to the next blank line. */
function section(text: string, heading: string): string[] {
  const lines = text.split("\n");
  const start = lines.indexOf(heading);
  if (start === -1) return [];
  const end = lines.findIndex((line, i) => i > start && line.trim() === "");
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

describe("--help lists each command's own exit codes", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`for every command (${lang})`, async () => {
      const program = await help(["--lang", lang]);
      const names = section(program, lang === "en" ? "Commands:" : "命令：")
        .flatMap((line) => /^ {2}([a-z]+)\b/.exec(line)?.[1] ?? [])
        .filter((name) => name !== "help");
      expect(names.length).toBeGreaterThan(5);
      for (const name of names) {
        const text = await help([name, "--lang", lang]);
        const [exitHeading, optionsHeading] =
          lang === "en" ? ["Exit codes:", "Options:"] : ["退出码：", "选项："];
        expect(text.split("\n").filter((l) => HEADING[lang].test(l))).toHaveLength(2);
        const codes = section(text, exitHeading);
        expect(
          codes.map((l) => l.trim().split(/\s+/)[0]),
          name,
        ).toEqual(expect.arrayContaining(["0", "2"]));
        const own = new Set(
          section(text, optionsHeading)
            .join(" ")
            .match(/--[a-z-]+/g) ?? [],
        );
        for (const option of codes.join(" ").match(/--[a-z-]+/g) ?? []) {
          if (option === "--help") continue;
          expect(own, `${name} --help names ${option} in its exit codes`).toContain(option);
        }
        const has130 = codes.some((l) => l.trim().startsWith("130"));
        // assess and migrate hold the answers file's lock and release it when interrupted.
        expect(has130, `${name}: 130`).toBe(name === "assess" || name === "migrate");
      }
    });
  }
});

describe("schema --help says what --lang does there, and that it never warns", () => {
  it.each([
    ["en", "  0    success", "language of the messages (the schemas themselves are in", "warnings"],
    ["zh", "  0    成功", "提示信息的语言（模式本身为英文）", "警告"],
  ] as const)("(%s)", async (lang, ok, langText, warnings) => {
    const text = await help(["schema", "--lang", lang]);
    const codes = section(text, lang === "en" ? "Exit codes:" : "退出码：");
    expect(codes[0]).toBe(ok);
    expect(codes.join("\n")).not.toContain(warnings);
    expect(text).toContain(langText);
    // The description is not wrapped inside "JSON Schema".
    expect(text).not.toMatch(/JSON\n/);
  });
});
