import { copyFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyMiniSet, FIXTURES } from "../helpers.js";
import { run } from "../fs/run.js";

describe("report --top 0", () => {
  it("Markdown says how many gaps and that none are listed; JSON keeps every gap", async () => {
    const { root } = copyMiniSet();
    const cwd = path.dirname(root);
    copyFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(cwd, "good.yaml"));
    const json = await run(
      ["report", "good.yaml", "--measures", "sets", "--format", "json", "--top", "0"],
      cwd,
    );
    const gaps = (JSON.parse(json.out) as { gaps: unknown[] }).gaps.length;
    // mini-valid.yaml loses points on three questions.
    expect(gaps).toBe(3);
    const md = await run(["report", "good.yaml", "--measures", "sets", "--top", "0"], cwd);
    expect(md.out).toContain(
      `## Top gaps\n\n${gaps === 1 ? "1 gap" : `${gaps} gaps`}; none listed (--top 0).`,
    );
    expect(md.out).not.toMatch(/## Top gaps\n\nNone\./);
    const help = await run(["report", "--help"], cwd);
    expect(help.out).toMatch(/JSON always has them all/);
  });
});
