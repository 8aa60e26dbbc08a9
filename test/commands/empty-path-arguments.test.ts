import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/main.js";
import { captureIo, tempDir } from "../helpers.js";

describe("an empty path argument is refused before anything is read", () => {
  it.each([
    [["validate", ""]],
    [["validate", "zone.yaml", ""]],
    [["aggregate", ""]],
    [["aggregate", ".", "  "]],
    [["report", ""]],
    [["diff", "", "zone.yaml"]],
    [["diff", "zone.yaml", ""]],
    [["migrate", "", "--to", "1.1.0"]],
  ])("netdz %j: exit 2, one line, in the user's language", async (args) => {
    const dir = tempDir();
    // A file the folder search would find, named from the root if "" were taken as a folder.
    writeFileSync(path.join(dir, "zone.yaml"), "format: netdz-answers/1\n");
    for (const [lang, message] of [
      ["en", 'netdz: an empty path ("") was given: give the path of a file or folder\n'],
      ["zh", 'netdz: 给出的路径为空（""）：请给出文件或文件夹的路径\n'],
    ] as const) {
      const io = captureIo(dir);
      expect(await main([...args, "--lang", lang], io)).toBe(2);
      expect(io.err()).toBe(message);
      expect(io.out()).toBe("");
    }
  });
});
