/** `netdz list --json --questions` lists the questions, as the text form does. */
import { describe, expect, it } from "vitest";
import { main } from "../../src/main.js";
import { captureIo, copyMiniSet, editFile } from "../helpers.js";
import path from "node:path";

async function listJson(argv: string[], cwd: string): Promise<Record<string, unknown>[]> {
  const io = captureIo(cwd, { TZ: "UTC" });
  expect(await main(["list", "--measures", ".", "--json", ...argv], io)).toBe(0);
  return JSON.parse(io.out()) as Record<string, unknown>[];
}

describe("netdz list --json --questions", () => {
  it("gives every question of a valid set, and none without --questions", async () => {
    const { root } = copyMiniSet();
    const [set] = await listJson(["--questions"], root);
    const listed = set?.questionList as { id: string; measure: string; type: string }[];
    expect(listed.map((q) => q.id)).toEqual([
      "M01.Q1",
      "M01.Q2",
      "M01.Q3",
      "M02.Q1",
      "M02.Q2",
      "M02.Q3",
    ]);
    expect(listed.length).toBe(set?.questions);
    expect(listed[0]).toEqual({
      id: "M01.Q1",
      measure: "M01",
      type: "status",
      text: { en: "Is it done?", zh: "是否已完成？" },
    });
    const [plain] = await listJson([], root);
    expect(plain).not.toHaveProperty("questionList");
  });

  it("gives null for an invalid set", async () => {
    const { root, setDir } = copyMiniSet();
    editFile(path.join(setDir, "m02-second.yaml"), "area: beta", "area: gamma");
    const [set] = await listJson(["--questions"], root);
    expect(set?.questionList).toBeNull();
  });
});
