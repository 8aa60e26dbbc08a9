import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrate } from "../../src/commands/migrate.js";
import { captureIo, copyMiniSet, FIXTURES, tempDir } from "../helpers.js";
import { toUtf16, toUtf32 } from "../fs/encode.js";
import { run } from "../fs/run.js";

/** A temp folder with the mini set under sets/ and the valid answers text. */
function workspace(chinese = true): { cwd: string; text: string } {
  const { root } = copyMiniSet();
  const cwd = path.dirname(root);
  const text = readFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), "utf8").replace(
    "name: Test Zone",
    chinese ? "name: 测试开发区" : "name: Test Zone",
  );
  return { cwd, text };
}

describe("UTF-32 and UTF-16 without a byte-order mark are told by their zero bytes", () => {
  it.each([
    ["UTF-32 LE", false, false, "UTF-32LE", true],
    ["UTF-32 BE", true, false, "UTF-32BE", true],
    ["UTF-32 LE", false, true, "UTF-32LE", true],
    ["UTF-32 LE", false, false, "UTF-32LE", false],
    ["UTF-32 BE", true, false, "UTF-32BE", false],
  ])(
    "%s (big-endian %s, byte-order mark %s, iconv %s, Chinese %s): one error at 1:1",
    async (label, be, bom, iconv, chinese) => {
      const { cwd, text } = workspace(chinese);
      writeFileSync(path.join(cwd, "a.yaml"), toUtf32(text, be, bom));
      const result = await run(["validate", "a.yaml", "--measures", "sets"], cwd);
      expect(result.code).toBe(1);
      const lines = result.out.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^a\.yaml:1:1 {2}error {2}file\/not-utf8 {2}/);
      expect(lines[0]).toContain(`(it looks like ${label})`);
      expect(lines[0]).toContain(`iconv -f ${iconv} -t UTF-8`);
    },
  );

  it("a UTF-32 file in a folder is found by its format and reported, not called format-less", async () => {
    const { cwd, text } = workspace(false);
    writeFileSync(path.join(cwd, "a.yaml"), toUtf32(text, false, false));
    const result = await run(["validate", ".", "--measures", "sets"], cwd);
    expect(result.code).toBe(1);
    expect(result.out).toContain("file/not-utf8");
    expect(result.out).not.toContain("unknown-format");
    expect(result.out).toContain("UTF-32 LE");
  });
});

describe("a writer never overwrites a file that is not UTF-8, though it holds only ASCII", () => {
  const encodings: [string, (t: string) => Buffer][] = [
    ["UTF-16 LE", (t) => toUtf16(t, false, false)],
    ["UTF-16 BE", (t) => toUtf16(t, true, false)],
    ["UTF-32 LE", (t) => toUtf32(t, false, false)],
    ["UTF-32 BE", (t) => toUtf32(t, true, false)],
  ];
  it.each(encodings)("report --out over %s is refused", async (label, encode) => {
    const { cwd, text } = workspace(false);
    writeFileSync(path.join(cwd, "a.yaml"), text);
    const before = encode("# notes\nkeep: me\n");
    writeFileSync(path.join(cwd, "r.md"), before);
    const result = await run(["report", "a.yaml", "--measures", "sets", "--out", "r.md"], cwd);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`(it looks like ${label})`);
    expect(readFileSync(path.join(cwd, "r.md"))).toEqual(before);
  });

  it.each(encodings)("init --force --answers over %s is refused", async (label, encode) => {
    const { cwd } = workspace(false);
    const before = encode("format: netdz-answers/1\n");
    writeFileSync(path.join(cwd, "a.yaml"), before);
    const result = await run(["init", "--force", "--answers", "a.yaml", "--measures", "sets"], cwd);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`(it looks like ${label})`);
    expect(readFileSync(path.join(cwd, "a.yaml"))).toEqual(before);
  });

  it.each(encodings)("diff --out over %s is refused", async (label, encode) => {
    const { cwd, text } = workspace(false);
    writeFileSync(path.join(cwd, "a.yaml"), text);
    writeFileSync(path.join(cwd, "b.yaml"), text);
    const before = encode("keep: me\n");
    writeFileSync(path.join(cwd, "d.md"), before);
    const result = await run(
      ["diff", "a.yaml", "b.yaml", "--measures", "sets", "--out", "d.md"],
      cwd,
    );
    expect(result.code).toBe(2);
    expect(result.err).toContain(`(it looks like ${label})`);
    expect(readFileSync(path.join(cwd, "d.md"))).toEqual(before);
  });

  it.each(encodings)(
    "migrate --out --force over %s is refused, saying why",
    async (label, encode) => {
      const dir = tempDir();
      const sets = path.join(FIXTURES, "versions");
      writeFileSync(
        path.join(dir, "answers.yaml"),
        readFileSync(path.join(sets, "answers-1.0.0.yaml")),
      );
      const before = encode("keep: me\n");
      writeFileSync(path.join(dir, "out.yaml"), before);
      const io = captureIo(dir, { SOURCE_DATE_EPOCH: "1764576000" });
      await expect(
        migrate(
          { answers: "answers.yaml", out: "out.yaml", force: true, lang: "en", measures: sets },
          io,
        ),
      ).rejects.toThrow(`(it looks like ${label})`);
      expect(readFileSync(path.join(dir, "out.yaml"))).toEqual(before);
    },
  );
});

describe("migrate --out - and --out /dev/stdout print the migrated file", () => {
  it.each(["-", "/dev/stdout"])(
    "--out %s: the file on stdout, the account on stderr, no file made",
    async (out) => {
      const dir = tempDir();
      const sets = path.join(FIXTURES, "versions");
      writeFileSync(
        path.join(dir, "answers.yaml"),
        readFileSync(path.join(sets, "answers-1.0.0.yaml")),
      );
      const io = captureIo(dir, { SOURCE_DATE_EPOCH: "1764576000" });
      const code = await migrate({ answers: "answers.yaml", out, lang: "en", measures: sets }, io);
      expect(code).toBe(0);
      expect(io.out()).toMatch(/^(#.*\n)*format: netdz-answers\/1\n/);
      expect(io.out()).toContain("version: 1.2.0");
      expect(io.err()).toContain("answers.yaml: 1.0.0 → 1.2.0");
      expect(readFileSync(path.join(dir, "answers.yaml"), "utf8")).toContain("1.0.0");
      const { readdirSync } = await import("node:fs");
      expect(readdirSync(dir).sort()).toEqual(["answers.yaml"]);
    },
  );
});
