import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { displayPath } from "../../src/fs/measure-sets.js";
import { tempDir } from "../helpers.js";
import { run } from "./run.js";

describe("displayPath", () => {
  it("is relative to the working folder, above it too, unless the absolute path is shorter", () => {
    const cwd = path.join(path.sep, "work", "zone", "2026");
    expect(displayPath(path.join(cwd, "a.yaml"), cwd)).toBe("a.yaml");
    expect(displayPath(path.join(cwd, "sub", "a.yaml"), cwd)).toBe(path.join("sub", "a.yaml"));
    expect(displayPath(path.join(path.dirname(cwd), "a.yaml"), cwd)).toBe(
      path.join("..", "a.yaml"),
    );
    expect(displayPath(path.join(path.sep, "etc", "a.yaml"), cwd)).toBe(
      path.join(path.sep, "etc", "a.yaml"),
    );
    // A name that starts with two dots is inside the folder.
    expect(displayPath(path.join(cwd, "..a.yaml"), cwd)).toBe("..a.yaml");
    expect(displayPath(cwd, cwd)).toBe(cwd);
  });
});

describe("commands show a file above the working folder as it was given", () => {
  const HEAD =
    "format: netdz-answers/1\n" +
    "measureSet: { id: workplan-2025, version: 1.0.0 }\n" +
    "zone: { name: Z, province: Jiangsu, region: eastern, westernHubArea: false, " +
    "ftzLinked: true, customsArea: true }\n" +
    "answers:\n";

  it.each(["validate", "report", "aggregate"])("%s ../x.yaml", async (command) => {
    const root = tempDir();
    const cwd = path.join(root, "sub");
    mkdirSync(cwd);
    writeFileSync(path.join(root, "x.yaml"), `${HEAD}  M01.Q1: { status: bogus }\n`);
    const result = await run([command, "../x.yaml"], cwd);
    const output = result.out + result.err;
    expect(output).toMatch(/^\.\.\/x\.yaml:5:21 /m);
    expect(output).not.toContain(root);
  });
});
