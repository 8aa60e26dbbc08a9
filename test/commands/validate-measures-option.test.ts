import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/main.js";
import { BUNDLED_SET, captureIo, tempDir } from "../helpers.js";

describe("validate --measures that is no folder", () => {
  it.each([
    ["missing", "en", "netdz: --measures missing: no such file or folder\n"],
    ["a-file.txt", "en", "netdz: --measures a-file.txt: not a folder\n"],
    ["a-file.txt", "zh", "netdz: --measures a-file.txt：不是文件夹\n"],
  ])("--measures %s (%s) is a usage error, exit 2, nothing checked", async (dir, lang, message) => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, "a-file.txt"), "not a folder\n");
    const io = captureIo(cwd);
    const code = await main(["validate", BUNDLED_SET, "--measures", dir, "--lang", lang], io);
    expect(code).toBe(2);
    expect(io.err()).toBe(message);
    expect(io.out()).toBe("");
  });

  it("a folder is taken, and the set given is checked", async () => {
    const io = captureIo(tempDir());
    const code = await main(["validate", BUNDLED_SET, "--measures", path.dirname(BUNDLED_SET)], io);
    expect(code).toBe(0);
    expect(io.err()).toContain("valid (0 errors");
  });

  it("without paths, and no measures/ or netdz-answers.yaml here, the --measures folder is checked", async () => {
    const io = captureIo(tempDir());
    const code = await main(["validate", "--measures", path.dirname(BUNDLED_SET)], io);
    expect(code).toBe(0);
    expect(io.err()).toMatch(/measure sets? \(\d+ measure files\)/);
  });
});
