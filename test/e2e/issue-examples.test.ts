import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers.js";

// The answers file shown in the assessment issue and the README, filled in: it must be valid
// against the bundled measure set, since people copy it to start. Three questions do not apply:
// M01.Q2 answered so, M03.Q8 and M14.Q7 only for zones in a western computing hub area.
const EXAMPLE = `# yaml-language-server: $schema=../schemas/answers.schema.json
format: netdz-answers/1
measureSet: { id: workplan-2025, version: 1.0.0 }
zone: { name: Example ETDZ, province: Jiangsu, region: eastern, westernHubArea: false, ftzLinked: true, customsArea: true }
assessor: { name: Li Hua, role: Planning office }
answers:
  M01.Q1: { status: implemented, evidence: [https://example.org/platform.pdf], note: "Approved 2024", answeredAt: 2026-11-26T10:00:00Z }
  M01.Q2: { status: not_applicable, note: "why it does not apply" }
  M07.Q3: { value: 2.4, answeredAt: 2026-11-26T10:05:00Z }
  M09.Q1: { status: unknown }
  M10.Q2: { status: in_progress, review: true }
`;

describe("the documented answers example", () => {
  it("validates against the bundled set and reports", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "answers.yaml"), EXAMPLE);
    const validated = runCli(["validate", "answers.yaml"], { cwd: dir });
    // Valid; the one warning is the value given without evidence (the example keeps it short).
    expect(validated.status).toBe(0);
    expect(validated.stdout.split("\n").map((line) => line.split("  ").slice(0, 3))).toEqual([
      ["answers.yaml:9:20", "warning", "answers/missing-evidence"],
      [""],
    ]);
    expect(validated.stderr).toBe("✔ 1 answers file: valid (0 errors, 1 warning)\n");
    const report = runCli(["report", "answers.yaml", "--format", "json"], { cwd: dir });
    expect(report.status).toBe(0);
    const parsed = JSON.parse(report.stdout) as {
      counts: { answered: number; unknown: number; notApplicable: number; review: number };
    };
    expect(parsed.counts).toMatchObject({ answered: 3, unknown: 1, notApplicable: 3, review: 1 });
  });
});
