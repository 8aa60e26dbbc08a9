import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { copyMiniSet } from "../helpers.js";
import { run } from "../fs/run.js";

describe("init --answers -", () => {
  it("prints the template to standard output and creates no file named -", async () => {
    const { root } = copyMiniSet();
    const cwd = path.dirname(root);
    const result = await run(["init", "--answers", "-", "--measures", "sets"], cwd);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(cwd, "-"))).toBe(false);
    expect(parse(result.out)).toMatchObject({
      format: "netdz-answers/1",
      measureSet: { id: "mini" },
    });
    expect(result.out).toMatch(/M01\.Q1/);
  });
});
