import {
  chmodSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyMiniSet, FIXTURES } from "../helpers.js";
import { run } from "../fs/run.js";

function setup(): string {
  const { root } = copyMiniSet();
  const cwd = path.dirname(root);
  copyFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(cwd, "good.yaml"));
  return cwd;
}

/** Every kind of file that is not valid UTF-8, not only GBK- or UTF-16-looking ones. */
const notUtf8: [string, Buffer][] = [
  ["Latin-1 text", Buffer.from("zone: Caf\xe9 M\xfcnchen\nnote: d\xe9j\xe0 vu\n", "latin1")],
  [
    "UTF-8 with one stray 0xFF",
    Buffer.concat([Buffer.from("a: 开发区"), Buffer.from([0xff]), Buffer.from("\n")]),
  ],
  ["UTF-8 cut mid-character", Buffer.from("a: 开发区", "utf8").subarray(0, 8)],
];

const writers: [string, (file: string) => string[]][] = [
  [
    "init --force --answers",
    (file) => ["init", "--force", "--answers", file, "--measures", "sets"],
  ],
  ["report --out", (file) => ["report", "good.yaml", "--measures", "sets", "--out", file]],
];

describe("commands that write never destroy a file that is not UTF-8", () => {
  for (const [writer, args] of writers) {
    it.each(notUtf8)(`${writer} refuses to overwrite %s`, async (_name, bytes) => {
      const cwd = setup();
      writeFileSync(path.join(cwd, "t.yaml"), bytes);
      const result = await run(args("t.yaml"), cwd);
      expect(result.code).not.toBe(0);
      expect(result.err).toMatch(/t\.yaml/);
      expect(result.err).toMatch(/not UTF-8/);
      expect(readFileSync(path.join(cwd, "t.yaml")).equals(bytes)).toBe(true);
    });
  }
});

describe("a read-only file is never silently replaced", () => {
  for (const [writer, args] of writers) {
    it(`${writer} refuses a file of mode 444 and says it is read-only`, async () => {
      const cwd = setup();
      const file = path.join(cwd, "ro.yaml");
      writeFileSync(file, "# mine\n");
      chmodSync(file, 0o444);
      const result = await run(args("ro.yaml"), cwd);
      expect(result.code).not.toBe(0);
      expect(result.err).toMatch(/ro\.yaml.*read-only/);
      expect(readFileSync(file, "utf8")).toBe("# mine\n");
      expect(lstatSync(file).mode & 0o777).toBe(0o444);
      const zh = await run([...args("ro.yaml"), "--lang", "zh"], cwd);
      expect(zh.err).toMatch(/只读/);
    });
  }
});

describe("a dangling symbolic link is followed: its target is created, the link stays", () => {
  for (const [writer, args] of writers) {
    it(`${writer} through a dangling link`, async () => {
      const cwd = setup();
      mkdirSync(path.join(cwd, "real"));
      symlinkSync(path.join("real", "target.yaml"), path.join(cwd, "link.yaml"));
      const result = await run(args("link.yaml"), cwd);
      expect(result.code).toBe(0);
      expect(lstatSync(path.join(cwd, "link.yaml")).isSymbolicLink()).toBe(true);
      expect(readlinkSync(path.join(cwd, "link.yaml"))).toBe(path.join("real", "target.yaml"));
      expect(lstatSync(path.join(cwd, "real", "target.yaml")).isFile()).toBe(true);
      // What the writer writes, not just something: the answers template or the report.
      expect(readFileSync(path.join(cwd, "real", "target.yaml"), "utf8")).toMatch(
        writer.startsWith("init") ? /^format: netdz-answers\/1$/m : /^# /,
      );
    });
  }

  it("a chain of links ending nowhere creates the file at the chain's end", async () => {
    const cwd = setup();
    symlinkSync("b.md", path.join(cwd, "a.md"));
    symlinkSync("c.md", path.join(cwd, "b.md"));
    const result = await run(["report", "good.yaml", "--measures", "sets", "--out", "a.md"], cwd);
    expect(result.code).toBe(0);
    expect(lstatSync(path.join(cwd, "a.md")).isSymbolicLink()).toBe(true);
    expect(lstatSync(path.join(cwd, "b.md")).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(cwd, "c.md"), "utf8")).toMatch(/Test Zone/);
  });
});
