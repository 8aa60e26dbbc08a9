/** `netdz list` names an invalid set by what its set.yaml says, and says it is invalid. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/main.js";
import { captureIo, copyMiniSet, editFile } from "../helpers.js";

async function run(argv: string[], cwd: string) {
  const io = captureIo(cwd, { TZ: "UTC" });
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** The mini set with a measure file that fails validation; set.yaml is untouched. */
function invalidMeasure(): string {
  const { root, setDir } = copyMiniSet();
  editFile(path.join(setDir, "m02-second.yaml"), "area: beta", "area: gamma");
  return root;
}

describe("netdz list with an invalid set", () => {
  it("--json gives the title from set.yaml, valid false and no made-up counts", async () => {
    const root = invalidMeasure();
    const { code, stdout } = await run(["list", "--measures", ".", "--json"], root);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        id: "mini",
        version: "1.0.0",
        title: { en: "Mini set", zh: "小型测试集" },
        path: "mini/1.0.0",
        valid: false,
        areas: null,
        measures: null,
        questions: null,
      },
    ]);
  });

  it.each([
    ["en", "mini@1.0.0  Mini set", "  invalid: run `netdz validate mini/1.0.0`"],
    ["zh", "mini@1.0.0  小型测试集", "  无效：请运行 `netdz validate mini/1.0.0`"],
  ])("in %s shows the title and that the set is invalid", async (lang, head, invalid) => {
    const root = invalidMeasure();
    const { code, stdout } = await run(["list", "--measures", ".", "--lang", lang], root);
    expect(code).toBe(0);
    expect(stdout.split("\n").slice(0, 3)).toEqual([head, "  mini/1.0.0", invalid]);
  });

  it("lists a set folder whose set.yaml has no id as invalid instead of leaving it out", async () => {
    const { root } = copyMiniSet();
    mkdirSync(path.join(root, "broken", "2"), { recursive: true });
    writeFileSync(
      path.join(root, "broken", "2", "set.yaml"),
      "format: netdz-measure-set/1\ntitle:\n  en: Broken\n  zh: 坏的\n",
    );
    const json = await run(["list", "--measures", ".", "--json"], root);
    const sets = JSON.parse(json.stdout) as { path: string; valid: boolean; title: unknown }[];
    expect(sets.map((s) => [s.path, s.valid])).toEqual([
      ["mini/1.0.0", true],
      [path.join("broken", "2"), false],
    ]);
    expect(sets[1]?.title).toEqual({ en: "Broken", zh: "坏的" });
    const zh = await run(["list", "--measures", ".", "--lang", "zh"], root);
    // Headed by its folder (no id or version to show), never by "?@?".
    expect(zh.stdout).toContain("broken/2  坏的\n  无效：请运行 `netdz validate broken/2`");
    expect(zh.stdout).not.toContain("?@?");
  });

  it.each([
    [
      "UTF-16",
      Buffer.from("format: netdz-measure-set/1\nid: u\nversion: 1.0.0\n", "utf16le"),
      "file/not-utf8",
      "UTF-16 LE",
    ],
    ["broken YAML", Buffer.from("format: netdz-measure-set/1\nid: [u\n"), "", ""],
    [
      "GBK",
      Buffer.concat([
        Buffer.from("format: netdz-measure-set/1\nid: u\nversion: 1.0.0\ntitle: { zh: "),
        Buffer.from([0xd6, 0xd0, 0xce, 0xc4]),
        Buffer.from(" }\n"),
      ]),
      "file/not-utf8",
      "GB18030",
    ],
    [
      "merge-conflict markers",
      Buffer.from(
        "format: netdz-measure-set/1\n<<<<<<< HEAD\nid: u\n=======\nid: v\n>>>>>>> other\nversion: 1.0.0\n",
      ),
      "",
      "conflict",
    ],
  ])(
    "a set whose set.yaml cannot be read (%s) is listed as invalid with the reason",
    async (_n, bytes, _code, label) => {
      const { root } = copyMiniSet();
      mkdirSync(path.join(root, "u", "1.0.0"), { recursive: true });
      writeFileSync(path.join(root, "u", "1.0.0", "set.yaml"), bytes);
      const { code, stdout } = await run(["list", "--measures", "."], root);
      expect(code).toBe(0);
      const block = stdout.split("\n\n").find((b) => b.includes("u/1.0.0")) ?? "";
      const lines = block.split("\n");
      expect(lines[0]).toBe("u/1.0.0");
      expect(lines[1]).toMatch(/^ {2}u\/1\.0\.0\/set\.yaml:\d+:\d+ {2}\S/);
      expect(lines[1]).toContain(label);
      expect(lines[2]).toBe("  invalid: run `netdz validate u/1.0.0`");
      expect(stdout).not.toContain("?@?");
    },
  );
});
