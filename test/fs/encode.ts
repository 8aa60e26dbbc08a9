/** Encodings a Chinese Windows user's files come in, made from UTF-8 text for tests. */

/** GBK codes of the few Chinese characters the test files use. */
const GBK: Record<string, number[]> = {
  测: [0xb2, 0xe2],
  试: [0xca, 0xd4],
  开: [0xbf, 0xaa],
  发: [0xb7, 0xa2],
  区: [0xc7, 0xf8],
  第: [0xb5, 0xda],
  一: [0xd2, 0xbb],
  项: [0xcf, 0xee],
  举: [0xbe, 0xd9],
  措: [0xb4, 0xeb],
};

/** GBK where the table knows the character; any other non-ASCII character stays UTF-8. */
export function toGbk(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const code = GBK[ch];
    if (code) out.push(...code);
    else out.push(...Buffer.from(ch, "utf8"));
  }
  return Buffer.from(out);
}

/** UTF-16, little- or big-endian, with or without a byte-order mark. */
export function toUtf16(text: string, bigEndian: boolean, bom: boolean): Buffer {
  const le = Buffer.from(`${bom ? "\uFEFF" : ""}${text}`, "utf16le");
  if (!bigEndian) return le;
  for (let i = 0; i + 1 < le.length; i += 2) {
    const a = le[i] as number;
    le[i] = le[i + 1] as number;
    le[i + 1] = a;
  }
  return le;
}

/** UTF-32, little- or big-endian, with or without a byte-order mark. */
export function toUtf32(text: string, bigEndian: boolean, bom: boolean): Buffer {
  const points = [...`${bom ? "\uFEFF" : ""}${text}`].map((ch) => ch.codePointAt(0) ?? 0);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((p, i) => (bigEndian ? out.writeUInt32BE(p, i * 4) : out.writeUInt32LE(p, i * 4)));
  return out;
}
