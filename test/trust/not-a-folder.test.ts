import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireLock, lockHolder, lockPath } from "../../src/fs/answers-lock.js";
import { copyMiniSet, tempDir } from "../helpers.js";
import { run } from "../fs/run.js";

/** A temp folder with the mini set under sets/ and a regular file `ok.yaml`. */
function workspace(): string {
  const { root } = copyMiniSet();
  const cwd = path.dirname(root);
  writeFileSync(path.join(cwd, "ok.yaml"), "format: netdz-answers/1\n");
  return cwd;
}

describe("a path whose parent is a file: 'a part of the path is not a folder', never a lock problem", () => {
  it("the lock: taking it fails with ENOTDIR (not EEXIST); checking it finds no lock", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "ok.yaml"), "x\n");
    for (const file of ["ok.yaml/x.yaml", "ok.yaml/sub/x.yaml"]) {
      await expect(acquireLock(path.join(dir, file))).rejects.toMatchObject({ code: "ENOTDIR" });
      expect(await lockHolder(path.join(dir, file))).toBeUndefined();
    }
  });

  it("a lock that cannot be read at all is the system's error, not 'unreadable' (a lock without pid)", async () => {
    const dir = tempDir();
    const answers = path.join(dir, "a.yaml");
    symlinkSync(path.basename(lockPath(answers)), lockPath(answers));
    await expect(lockHolder(answers)).rejects.toMatchObject({ code: "ELOOP" });
    await expect(acquireLock(answers)).rejects.toMatchObject({ code: "ELOOP" });
  });

  it.each([["en"], ["zh"]])(
    "init --answers ok.yaml/x.yaml (%s) says the path is wrong",
    async (lang) => {
      const cwd = workspace();
      for (const target of ["ok.yaml/x.yaml", "ok.yaml/sub/x.yaml"]) {
        const result = await run(
          ["init", "--lang", lang, "--answers", target, "--measures", "sets"],
          cwd,
        );
        expect(result.code).toBe(2);
        expect(result.err).toContain(
          lang === "en" ? "a part of the path is not a folder" : "路径中的某一部分不是文件夹",
        );
        expect(result.err).not.toMatch(/lock|锁|EEXIST/);
      }
    },
  );

  it("init with a lock that is a link loop says why in words, not 'the lock is unreadable'", async () => {
    const cwd = workspace();
    symlinkSync("a.yaml.lock", path.join(cwd, "a.yaml.lock"));
    const result = await run(["init", "--answers", "a.yaml", "--measures", "sets"], cwd);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^netdz: cannot write a\.yaml: .*loop/);
    expect(result.err).not.toContain("unreadable");
  });

  it.each([[[]], [["--force"]]])(
    "init --answers on a folder (%s) says it is a folder, not 'use --force'",
    async (extra) => {
      const cwd = workspace();
      mkdirSync(path.join(cwd, "dd"));
      const result = await run(["init", "--answers", "dd", "--measures", "sets", ...extra], cwd);
      expect(result.code).toBe(2);
      expect(result.err).toContain("--answers dd is a folder, not a file");
      expect(result.err).toContain("such as dd/netdz-answers.yaml");
      expect(result.err).not.toContain("--force");
    },
  );
});

describe("one Chinese name for the answers file", () => {
  it("init --lang zh writes the header with the name validate uses (答卷文件)", async () => {
    const cwd = workspace();
    const result = await run(
      ["init", "--lang", "zh", "--answers", "a.yaml", "--measures", "sets"],
      cwd,
    );
    expect(result.code).toBe(0);
    const text = readFileSync(path.join(cwd, "a.yaml"), "utf8");
    expect(text).toContain("答卷文件");
    expect(text).not.toContain("答题文件");
  });
});
