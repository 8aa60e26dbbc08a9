import { describe, expect, it } from "vitest";
import { guessEncoding, notUtf8Diagnostic } from "../../src/fs/decode.js";

const ascii = (s: string) => [...Buffer.from(s, "latin1")];

describe("naming the encoding of a file that is not UTF-8", () => {
  it("Shift-JIS Japanese is not called GB18030/GBK: unknown encoding, generic advice", () => {
    // "zone: こんにちは 日本" in Shift-JIS.
    const sjis = new Uint8Array([
      ...ascii("zone: "),
      ...[0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd, 0x20, 0x93, 0xfa, 0x96, 0x7b],
      0x0a,
    ]);
    expect(guessEncoding(sjis)).toBeUndefined();
    const d = notUtf8Diagnostic("j.yaml", sjis, 6);
    expect(d.message).not.toMatch(/GB18030|GBK/);
    expect(d.message).toMatch(/not UTF-8 text \(unknown encoding\)/);
    expect(d.message).toMatch(/Save as/);
    expect(notUtf8Diagnostic("j.yaml", sjis, 6, "zh").message).toMatch(/编码未知/);
  });

  it("Chinese GBK text is still GB18030/GBK", () => {
    // "name: 测试开发区" in GBK.
    const gbk = new Uint8Array([
      ...ascii("name: "),
      0xb2,
      0xe2,
      0xca,
      0xd4,
      0xbf,
      0xaa,
      0xb7,
      0xa2,
      0xc7,
      0xf8,
      0x0a,
    ]);
    expect(guessEncoding(gbk)).toBe("GB18030");
    expect(notUtf8Diagnostic("g.yaml", gbk, 6).message).toMatch(/GB18030\/GBK/);
  });

  it.each([
    ["UTF-32 LE", [0xff, 0xfe, 0, 0, 0x61, 0, 0, 0, 0x3a, 0, 0, 0], "UTF-32LE"],
    ["UTF-32 BE", [0, 0, 0xfe, 0xff, 0, 0, 0, 0x61, 0, 0, 0, 0x3a], "UTF-32BE"],
    ["UTF-16 LE", [0xff, 0xfe, 0x61, 0, 0x3a, 0], "UTF-16LE"],
  ])("%s by its byte-order mark", (label, bytes, iconv) => {
    const data = new Uint8Array(bytes);
    expect(guessEncoding(data)).toBe(iconv);
    const d = notUtf8Diagnostic("u.yaml", data, 0);
    expect(d.message).toContain(`(it looks like ${label})`);
    expect(d.message).toContain(`iconv -f ${iconv} -t UTF-8`);
  });
});
