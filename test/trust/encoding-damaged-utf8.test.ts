/**
 * UTF-8 that is damaged at a few places (cut off in the middle of a Chinese character, a byte
 * dropped or overwritten) is called damaged UTF-8, at the line and column of its first bad byte,
 * never GB18030/GBK: converting it from GBK would turn all of its good Chinese text into garbage.
 */
import { describe, expect, it } from "vitest";
import { guessEncoding, notUtf8Diagnostic } from "../../src/fs/decode.js";
import { readTextFile } from "../../src/fs/read-file.js";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { tempDir } from "../helpers.js";

const TEXT = Buffer.from(
  "format: netdz-answers/1\nzone:\n  name: 苏州工业园区\n  province: 江苏省\nanswers:\n" +
    "  M01.Q1: { status: implemented, note: 已建立工作专班并按月调度 }\n",
);

/** The text with `count` bytes cut off its end. */
const cut = (count: number) => TEXT.subarray(0, TEXT.length - count);
/** Byte offset of the first byte of `needle` in the text. */
const at = (needle: string) => TEXT.indexOf(Buffer.from(needle));

function replaced(changes: [offset: number, byte: number][]): Uint8Array {
  const bytes = Buffer.from(TEXT);
  for (const [offset, byte] of changes) bytes[offset] = byte;
  return bytes;
}

function dropped(offset: number): Uint8Array {
  return Buffer.concat([TEXT.subarray(0, offset), TEXT.subarray(offset + 1)]);
}

describe("damaged UTF-8 is not guessed as another encoding", () => {
  // " }\n" is 3 bytes: cutting 4 to 6 cuts into 度 (3 bytes), 7 cuts it whole then into 调.
  it.each([4, 5, 8])("cut %i bytes short, in the middle of a Chinese character", (count) => {
    expect(guessEncoding(cut(count))).toBe("UTF-8");
  });

  it.each<[string, Uint8Array]>([
    ["one byte of a character dropped", dropped(at("州") + 1)],
    ["one byte overwritten", replaced([[at("工") + 1, 0x41]])],
    [
      "two bad bytes far apart",
      replaced([
        [at("园"), 0xc0],
        [at("班") + 1, 0xff],
      ]),
    ],
    ["a stray 0xFF in the ASCII", replaced([[at("status"), 0xff]])],
  ])("%s", (_kind, bytes) => {
    expect(guessEncoding(bytes)).toBe("UTF-8");
  });

  it("names the line and column of the first bad byte and how to drop the bad bytes, en and zh", () => {
    const dir = tempDir();
    const file = path.join(dir, "cut.yaml");
    writeFileSync(file, cut(5));
    const read = readTextFile(file, "cut.yaml", "en");
    expect(read.ok).toBe(false);
    if (read.ok) return;
    // 度 is the 12th character of "已建立工作专班并按月调度" after "  M01.Q1: { status: implemented, note: ".
    const line = "  M01.Q1: { status: implemented, note: 已建立工作专班并按月调";
    expect([read.problem.line, read.problem.column]).toEqual([6, line.length + 1]);
    expect(read.problem.message).toMatch(/^the file is damaged UTF-8 text/);
    expect(read.problem.message).toContain("iconv -c -f UTF-8 -t UTF-8 cut.yaml > cut.yaml.utf8");
    expect(read.problem.message).not.toMatch(/GB18030|GBK/);
    const zh = notUtf8Diagnostic("cut.yaml", cut(5), TEXT.length - 6, "zh");
    expect(zh.message).toMatch(/^该文件是已损坏的 UTF-8 文本/);
    expect(zh.message).not.toMatch(/[a-z]{4,} [a-z]{4,}/); // no English words but the command
  });

  it("GBK text is still GB18030/GBK, even where a few of its characters also read as UTF-8", () => {
    // "name: 测试开发区" in GBK, then pairs of GBK bytes that are well-formed two-byte UTF-8 by
    // chance (C4 A3, CA BD, D2 B5) beside one that is not (CE F1).
    const bytes = new Uint8Array([
      ...Buffer.from("name: "),
      ...[0xb2, 0xe2, 0xca, 0xd4, 0xbf, 0xaa, 0xb7, 0xa2, 0xc7, 0xf8, 0x20],
      ...[0xc4, 0xa3, 0xca, 0xbd, 0x20, 0xd2, 0xb5, 0xce, 0xf1, 0x0a],
    ]);
    expect(guessEncoding(bytes)).toBe("GB18030");
  });
});
