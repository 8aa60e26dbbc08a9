import { copyFileSync, cpSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyMiniSet, editFile, FIXTURES } from "../helpers.js";
import { run } from "../fs/run.js";

/**
 * A run of three or more English words: what an untranslated sentence leaves in Chinese output.
 * Paths, ids, option names and commands in backticks are taken out first.
 */
function englishRuns(text: string): string[] {
  const stripped = text
    .replace(/`[^`]*`/g, " ")
    .replace(/“[^”]*”|"[^"]*"/g, " ")
    .replace(/\S*[/.@\\-]\S*/g, " ")
    .replace(/\b(?:netdz|iconv|UTF|GB18030|GBK|WPS|DIR|ID)\b/g, " ");
  return stripped.match(/[A-Za-z]{2,}(?:[ \t,]+[A-Za-z]{2,}){2,}/g) ?? [];
}

describe("error paths with --lang zh say nothing in English", () => {
  const cases: string[][] = [
    ["init", "--set", "nope@9", "--answers", "a.yaml"],
    ["init", "--set", "workplan-2025@9.9.9", "--answers", "a.yaml"],
    ["init", "--set", "bad@@x", "--answers", "a.yaml"],
    ["report", "gbk.yaml", "--measures", "sets"],
    ["report", "good.yaml", "--measures", "nodir"],
    ["report", "good.yaml"],
    ["list", "--measures", "odd/ff"],
    ["list", "--measures", "nodir"],
    ["validate", "nodir"],
    ["report", "nofile.yaml", "--measures", "sets"],
    ["init", "--answers", "good.yaml", "--measures", "sets"],
    ["init", "--answers", "adir", "--force", "--measures", "sets"],
    ["diff", "good.yaml", "nofile.yaml", "--measures", "sets"],
    ["diff", "loop-a.yaml", "good.yaml", "--measures", "sets"],
    ["migrate", "nofile.yaml", "--measures", "sets"],
    ["migrate", "good.yaml", "--measures", "sets", "--to", "9.9.9"],
    ["migrate", "good.yaml", "--measures", "nodir"],
    ["migrate", "good.yaml", "--measures", "broken"],
    ["aggregate", "loop-a.yaml", "--measures", "sets"],
    ["aggregate", "nofile.yaml", "--measures", "sets"],
  ];
  it.each(cases.map((c) => [c.join(" "), c]))("%s", async (_name, args) => {
    const { root } = copyMiniSet();
    const cwd = path.dirname(root);
    copyFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(cwd, "good.yaml"));
    writeFileSync(
      path.join(cwd, "gbk.yaml"),
      Buffer.from([
        ...Buffer.from("format: netdz-answers/1\nzone: { name: "),
        0xb2,
        0xe2,
        0x7d,
        0x0a,
      ]),
    );
    mkdirSync(path.join(cwd, "adir"));
    symlinkSync("loop-b.yaml", path.join(cwd, "loop-a.yaml"));
    symlinkSync("loop-a.yaml", path.join(cwd, "loop-b.yaml"));
    cpSync(root, path.join(cwd, "broken"), { recursive: true });
    editFile(
      path.join(cwd, "broken", "mini", "1.0.0", "m01-first.yaml"),
      /^weight: .*$/m,
      "weight: x",
    );
    mkdirSync(path.join(cwd, "odd"));
    writeFileSync(path.join(cwd, "odd", "ff"), "");
    const result = await run([...(args as string[]), "--lang", "zh"], cwd);
    expect(result.code).not.toBe(0);
    const text = result.out + result.err;
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(englishRuns(text)).toEqual([]);
    expect(text).not.toMatch(/\b(?:is invalid|not found|not a folder|not a file|no such file)\b/);
  });

  it("the check itself finds an English sentence", () => {
    expect(englishRuns("netdz: measure set nope not found")).not.toEqual([]);
  });
});
