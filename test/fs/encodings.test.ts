import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyMiniSet, FIXTURES } from "../helpers.js";
import { AnswersStore, ExternalEditError } from "../../src/fs/answers-store.js";
import { toGbk, toUtf16 } from "./encode.js";
import { run } from "./run.js";

/** A temp folder with the mini set under sets/ and the valid answers text (with Chinese). */
function workspaceWithText(): { cwd: string; text: string } {
  const { root } = copyMiniSet();
  const cwd = path.dirname(root);
  const text = readFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), "utf8").replace(
    "name: Test Zone",
    "name: 测试开发区",
  );
  return { cwd, text };
}

const LINE_OF_CHINESE = 5;
const COLUMN_OF_CHINESE = 9;

describe("files that are not UTF-8", () => {
  it("a GBK answers file is one located error naming GB18030/GBK and how to convert it", async () => {
    const { cwd, text } = workspaceWithText();
    writeFileSync(path.join(cwd, "a.yaml"), gbk(text));
    const result = await run(["validate", "a.yaml", "--measures", "sets"], cwd);
    expect(result.code).toBe(1);
    const lines = result.out.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^a\\.yaml:${LINE_OF_CHINESE}:${COLUMN_OF_CHINESE}  error  file/not-utf8  `),
    );
    expect(lines[0]).toContain("GB18030/GBK");
    expect(lines[0]).toContain("iconv -f GB18030 -t UTF-8 a.yaml > a.yaml.utf8");
    expect(lines[0]).toContain('"Save as"');
  });

  it("says it in Chinese under a Chinese locale", async () => {
    const { cwd, text } = workspaceWithText();
    writeFileSync(path.join(cwd, "a.yaml"), gbk(text));
    const result = await run(["validate", "a.yaml", "--measures", "sets"], cwd, {
      LANG: "zh_CN.UTF-8",
    });
    expect(result.out).toContain("该文件不是 UTF-8 文本（看起来是 GB18030/GBK）");
    expect(result.out).toContain("另存为");
  });

  it.each([
    [
      "UTF-16 LE with a byte-order mark",
      (t: string) => utf16(t, "le", true),
      "UTF-16 LE",
      "UTF-16LE",
    ],
    ["UTF-16 BE without one", (t: string) => utf16(t, "be", false), "UTF-16 BE", "UTF-16BE"],
    [
      "UTF-16 LE holding only ASCII",
      (t: string) => utf16(t.replace("测试开发区", "Zone"), "le", false),
      "UTF-16 LE",
      "UTF-16LE",
    ],
  ])("%s is named, located at 1:1, never 'has no format'", async (_name, encode, label, iconv) => {
    const { cwd, text } = workspaceWithText();
    writeFileSync(path.join(cwd, "a.yaml"), encode(text));
    const result = await run(["validate", "a.yaml", "--measures", "sets"], cwd);
    expect(result.code).toBe(1);
    expect(result.out).not.toContain("format");
    const lines = result.out.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^a\.yaml:1:1 {2}error {2}file\/not-utf8 {2}/);
    expect(lines[0]).toContain(`(it looks like ${label})`);
    expect(lines[0]).toContain(`iconv -f ${iconv} -t UTF-8`);
  });

  it("a UTF-16 file in a folder is still found and reported, not skipped", async () => {
    const { cwd, text } = workspaceWithText();
    writeFileSync(path.join(cwd, "a.yaml"), utf16(text, "le", true));
    const result = await run(["validate", ".", "--measures", "sets"], cwd);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^a\.yaml:1:1 {2}error {2}file\/not-utf8 /m);
  });

  it("a UTF-8 byte-order mark is fine", async () => {
    const { cwd, text } = workspaceWithText();
    writeFileSync(path.join(cwd, "a.yaml"), `\uFEFF${text}`);
    const result = await run(["validate", "a.yaml", "--measures", "sets"], cwd);
    expect(result).toMatchObject({ code: 0, out: "" });
  });

  it("report and init --force leave a GBK file as it was", async () => {
    const { cwd, text } = workspaceWithText();
    const file = path.join(cwd, "a.yaml");
    const bytes = gbk(text);
    writeFileSync(file, bytes);
    const report = await run(["report", "a.yaml", "--measures", "sets"], cwd);
    expect(report.code).toBe(1);
    expect(report.err).toContain("file/not-utf8");
    const init = await run(["init", "--force", "--answers", "a.yaml", "--measures", "sets"], cwd);
    expect(init.code).toBe(2);
    expect(init.err).toContain(
      "cannot write a.yaml: it is not UTF-8 text (it looks like GB18030/GBK)",
    );
    copyFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(cwd, "ok.yaml"));
    const out = await run(["report", "ok.yaml", "--measures", "sets", "--out", "a.yaml"], cwd);
    expect(out.code).toBe(2);
    expect(out.err).toContain("cannot write a.yaml: it is not UTF-8 text");
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe("an answers file saved as GBK during a session", () => {
  it("is not read as garbage nor written back: the session stops and the file stays as it was", async () => {
    const { cwd, text } = workspaceWithText();
    const file = path.join(cwd, "a.yaml");
    writeFileSync(file, text);
    const store = await AnswersStore.open(file);
    const bytes = gbk(text.replace("M01.Q3: { status: unknown }", "M01.Q3: { status: unknown } "));
    writeFileSync(file, bytes);
    const error = await store
      .setAnswer("M01.Q3", { status: "planned" })
      .catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(ExternalEditError);
    expect((error as ExternalEditError).reason).toContain(
      "not UTF-8 text (it looks like GB18030/GBK)",
    );
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

/** GBK bytes of a text whose only non-ASCII characters are 测试开发区 (checked by decoding). */
function gbk(text: string): Buffer {
  const out = toGbk(text);
  if (new TextDecoder("gb18030", { fatal: true }).decode(out) !== text) throw new Error("not GBK");
  return out;
}

function utf16(text: string, order: "le" | "be", bom: boolean): Buffer {
  return toUtf16(text, order === "be", bom);
}
