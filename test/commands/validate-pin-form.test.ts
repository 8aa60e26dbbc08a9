import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/main.js";
import { captureIo, tempDir } from "../helpers.js";

describe("an answers file pinned in a form the schema refuses", () => {
  it.each([
    ['{id: workplan-2025, version: "1.0"}', "measureSet.version"],
    ["{id: workplan-2025, version: v1.0.0}", "measureSet.version"],
    ["{id: Workplan, version: 1.0.0}", "measureSet.id"],
  ])("%s is that one problem, not also a set 'not available'", async (pin, field) => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, "zone.yaml"),
      `format: netdz-answers/1\nmeasureSet: ${pin}\nzone: {name: Z}\nanswers: {}\n`,
    );
    const io = captureIo(dir);
    expect(await main(["validate", "zone.yaml", "--format", "json"], io)).toBe(1);
    const problems = JSON.parse(io.out()) as { code: string; message: string }[];
    expect(problems.map((p) => p.code)).toEqual(["schema/pattern"]);
    expect(problems[0]?.message).toContain(field);
  });
});
