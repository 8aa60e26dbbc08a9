// QA 7b #7: a folder given where a file is written (`--out sub/`, `--out sub` for an existing
// folder, `--answers ./`) is refused with a file to give instead: inside the folder, named as
// the command would name it, never the folder itself. In both languages, for every command.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers.js";

const FILE =
  "format: netdz-answers/1\n" +
  "measureSet: { id: workplan-2025, version: 1.1.0 }\n" +
  "zone: { name: A, province: jiangsu, westernHubArea: false, ftzLinked: true, customsArea: true }\n" +
  "answers:\n" +
  "  M01.Q1: { status: implemented }\n";

function setUp(): string {
  const cwd = tempDir();
  writeFileSync(path.join(cwd, "x.yaml"), FILE);
  mkdirSync(path.join(cwd, "sub"));
  return cwd;
}

const SUCH_AS = { en: "such as ", zh: "例如 " } as const;

describe("a folder given for a file to write", () => {
  const cases: [string, string[], string][] = [
    ["report sub/", ["report", "x.yaml", "--out", "sub/"], "sub/x-report.md"],
    ["report sub", ["report", "x.yaml", "--out", "sub"], "sub/x-report.md"],
    ["report html .", ["report", "x.yaml", "--format", "html", "--out", "."], "./x-report.html"],
    ["aggregate sub/", ["aggregate", "x.yaml", "--out", "sub/"], "sub/aggregate.md"],
    ["aggregate sub", ["aggregate", "x.yaml", "--out", "sub"], "sub/aggregate.md"],
    ["diff sub/", ["diff", "x.yaml", "x.yaml", "--out", "sub/"], "sub/x-diff.md"],
    ["init sub/", ["init", "--answers", "sub/"], "sub/netdz-answers.yaml"],
    ["migrate sub/", ["migrate", "x.yaml", "--out", "sub/"], "sub/x.yaml"],
    ["migrate sub", ["migrate", "x.yaml", "--out", "sub"], "sub/x.yaml"],
  ];
  for (const lang of ["en", "zh"] as const) {
    it.each(cases)(`%s suggests a file inside it (${lang})`, (_name, args, file) => {
      const cwd = setUp();
      const result = runCli([...args, "--lang", lang], { cwd });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`${SUCH_AS[lang]}${file}`);
      // Following the advice writes the file.
      const followed = runCli([...args.slice(0, -1), file, "--lang", lang], { cwd });
      expect(followed.status, followed.stderr).toBe(0);
    });
  }

  // assess needs a terminal to run, so only its advice is checked here.
  it.each(["en", "zh"] as const)(
    "assess --answers sub/ suggests the answers file inside it (%s)",
    (lang) => {
      const cwd = setUp();
      const advice: [string, string][] = [
        ["sub/", "sub/"],
        ["sub/.", "sub/./"],
        ["./", "./"],
        ["sub", "sub/"],
      ];
      for (const [given, folder] of advice) {
        const result = runCli(["assess", "--answers", given, "--lang", lang], { cwd });
        expect(result.status).toBe(2);
        expect(result.stderr).toContain(`${SUCH_AS[lang]}${folder}netdz-answers.yaml`);
      }
    },
  );

  it("a path with a trailing separator that is no folder suggests the path without it", () => {
    const cwd = setUp();
    const result = runCli(["report", "x.yaml", "--out", "keep.md/"], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/such as keep\.md$/m);
  });
});
