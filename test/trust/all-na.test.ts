import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyMiniSet, FIXTURES } from "../helpers.js";
import { run } from "../fs/run.js";

const IDS = ["M01.Q1", "M01.Q2", "M01.Q3", "M02.Q1", "M02.Q2", "M02.Q3"];

function allNotApplicable(): string {
  const { root } = copyMiniSet();
  const cwd = path.dirname(root);
  const head = readFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), "utf8").split(
    "answers:",
  )[0];
  const lines = IDS.map((id) => `  ${id}: { status: not_applicable, note: none }`);
  writeFileSync(path.join(cwd, "na.yaml"), `${head}answers:\n${lines.join("\n")}\n`);
  return cwd;
}

describe("every applicable question declared not applicable", () => {
  it.each(["en", "zh"])("the report does not say 'no applicable questions' (%s)", async (lang) => {
    const cwd = allNotApplicable();
    const result = await run(["report", "na.yaml", "--measures", "sets", "--lang", lang], cwd);
    expect(result.code).toBe(0);
    expect(result.out).not.toMatch(/no applicable questions|No question applies|没有适用的问题/);
    expect(result.out).toMatch(
      lang === "en" ? /declared every question that applies/ : /全部被开发区自行声明为不适用/,
    );
  });

  it("--fail-under gives the more-than-half-not-applicable reason", async () => {
    const cwd = allNotApplicable();
    const result = await run(["report", "na.yaml", "--measures", "sets", "--fail-under", "1"], cwd);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/more than half/);
    expect(result.err).not.toMatch(/No question applies/);
  });
});
