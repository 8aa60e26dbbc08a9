import path from "node:path";
import { describe, expect, it } from "vitest";
import { backupPath } from "../../src/commands/migrate.js";

describe("the name of migrate's copy of the file as it was", () => {
  it.each([
    ["answers.yaml", "answers.1.0.0.yaml"],
    ["answers.yml", "answers.1.0.0.yml"],
    ["a.YAML", "a.1.0.0.YAML"],
    ["Zone.Yml", "Zone.1.0.0.Yml"],
    // A JSON file's copy stays .json: a folder roll-up takes .yaml files for answers.
    ["zone.json", "zone.1.0.0.json"],
    ["Zone.JSON", "Zone.1.0.0.JSON"],
    ["answers", "answers.1.0.0.yaml"],
    ["answers.txt", "answers.txt.1.0.0.yaml"],
    [path.join("2026", "zone.v2.yaml"), path.join("2026", "zone.v2.1.0.0.yaml")],
  ])("%s → %s", (file, backup) => {
    expect(backupPath(file, "1.0.0")).toBe(backup);
  });
});
