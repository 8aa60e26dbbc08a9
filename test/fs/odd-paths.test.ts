import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyMiniSet, FIXTURES } from "../helpers.js";
import { run } from "./run.js";

function setup(): string {
  const { root } = copyMiniSet();
  const cwd = path.dirname(root);
  copyFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(cwd, "ok.yaml"));
  return cwd;
}

describe("odd paths", () => {
  it("a symbolic-link loop is described the same way by every command", async () => {
    const cwd = setup();
    symlinkSync("loop-b.yaml", path.join(cwd, "loop-a.yaml"));
    symlinkSync("loop-a.yaml", path.join(cwd, "loop-b.yaml"));
    const words = "cannot read loop-a.yaml: the symbolic links in its path form a loop";
    const validate = await run(["validate", "loop-a.yaml", "--measures", "sets"], cwd);
    expect(validate).toMatchObject({
      code: 2,
      err: `netdz validate: ${words}\n✖ 1 path could not be read\n`,
    });
    const report = await run(["report", "loop-a.yaml", "--measures", "sets"], cwd);
    expect(report).toMatchObject({ code: 2, err: `netdz: ${words}\n` });
    const zh = await run(["report", "loop-a.yaml", "--measures", "sets", "--lang", "zh"], cwd);
    expect(zh.err).toBe("netdz: 无法读取 loop-a.yaml：路径中的符号链接构成了循环\n");
    const out = await run(["report", "ok.yaml", "--measures", "sets", "--out", "loop-a.yaml"], cwd);
    expect(out).toMatchObject({
      code: 2,
      err: "netdz: cannot write loop-a.yaml: the symbolic links in its path form a loop\n",
    });
  });

  it("a FIFO given by name is refused at once as not a regular file, never waited on", async () => {
    const cwd = setup();
    execFileSync("mkfifo", [path.join(cwd, "pipe.yaml")]);
    const started = Date.now();
    const validate = await run(["validate", "pipe.yaml", "--measures", "sets"], cwd);
    expect(validate).toMatchObject({
      code: 2,
      err:
        "netdz validate: cannot read pipe.yaml: not a regular file (a pipe, socket or device)\n" +
        "✖ 1 path could not be read\n",
    });
    const report = await run(["report", "pipe.yaml", "--measures", "sets"], cwd);
    expect(report).toMatchObject({
      code: 2,
      err: "netdz: cannot read pipe.yaml: not a regular file (a pipe, socket or device)\n",
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("a FIFO inside a set folder is one problem of that set; the other files are still checked", async () => {
    const { root, setDir } = copyMiniSet();
    execFileSync("mkfifo", [path.join(setDir, "m03-pipe.yaml")]);
    writeFileSync(path.join(setDir, "m04-bad.yaml"), "format: netdz-measure/1\nid: [\n");
    const result = await run(["validate", "."], path.dirname(root));
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      "sets/mini/1.0.0/m03-pipe.yaml:1:1  error  file/unreadable  cannot read sets/mini/1.0.0/m03-pipe.yaml: not a regular file",
    );
    expect(result.out).toMatch(
      /^sets\/mini\/1\.0\.0\/m04-bad\.yaml:\d+:\d+ {2}error {2}yaml\/syntax/m,
    );
  });

  it("a folder where a file is expected, and a file where a folder is expected, in words", async () => {
    const cwd = setup();
    mkdirSync(path.join(cwd, "folder.yaml"));
    const report = await run(["report", "folder.yaml", "--measures", "sets"], cwd);
    expect(report).toMatchObject({
      code: 2,
      err: "netdz: cannot read folder.yaml: it is a folder, not a file\n",
    });
    const measures = await run(["list", "--measures", "ok.yaml"], cwd);
    expect(measures).toMatchObject({ code: 2, err: "netdz: --measures ok.yaml: not a folder\n" });
    const under = await run(["report", "ok.yaml/x.yaml", "--measures", "sets"], cwd);
    expect(under).toMatchObject({
      code: 2,
      err: "netdz: cannot read ok.yaml/x.yaml: a part of the path is not a folder\n",
    });
  });

  it("a file over 10 MB is refused by its size, without being read", async () => {
    const cwd = setup();
    const file = path.join(cwd, "huge.yaml");
    writeFileSync(file, "format: netdz-answers/1\n");
    truncateSync(file, 30 * 1024 * 1024); // sparse: no 30 MB written
    const result = await run(["validate", "huge.yaml", "--measures", "sets"], cwd);
    expect(result).toMatchObject({
      code: 1,
      out: "huge.yaml:1:1  error  file/too-large  the file is 30 MB, more than the 10 MB netdz reads; it was not read\n",
    });
  });
});
