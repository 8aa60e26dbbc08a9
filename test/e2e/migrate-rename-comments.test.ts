// A renamed answer keeps its place in the file and the comments written on and above its lines;
// only its key is rewritten (it was deleted and written anew after the entry before it, so its
// comments were left above the next question).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, runCli, tempDir } from "../helpers.js";

const SETS = path.join(FIXTURES, "versions");

function migrated(text: string, to: string): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, "zone.yaml"), text);
  const result = runCli(["migrate", "zone.yaml", "--to", to, "--measures", SETS], { cwd: dir });
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(path.join(dir, "zone.yaml"), "utf8").replace(/\nmigrated:[\s\S]*$/, "\n");
}

const HEAD = `format: netdz-answers/1
measureSet: { id: mini, version: 1.0.0 }
zone: { name: Test Zone, province: Jiangsu, region: eastern, hub: true }
answers:
  M01.Q1: { status: implemented, evidence: [https://example.org/doc.pdf] }
`;

describe("netdz migrate: a renamed answer keeps its comments (spawned)", () => {
  it.each([
    ["1.1.0", "M02.Q4"],
    ["1.2.0", "M02.Q5"], // renamed in each of two steps
  ])("a flow entry, to %s (%s)", (to, id) => {
    const text = `${HEAD}  # the ring road survey, checked on site in May
  M01.Q3: { value: full } # confirmed by the director
  M02.Q1: { value: true }
`;
    expect(migrated(text, to)).toBe(
      text
        .replace("version: 1.0.0", `version: ${to}`)
        .replace("https://example.org/doc.pdf] }", "https://example.org/doc.pdf], review: true }")
        .replace("province: Jiangsu", "province: js")
        .replace("M01.Q3:", `${id}:`),
    );
  });

  it("a block entry, with a comment inside it and its key quoted", () => {
    const text = `${HEAD}  # asked of the director
  "M01.Q3":
    value: full # as of June
    note: from the 2025 survey
  M02.Q1: { value: true }
`;
    const out = migrated(text, "1.1.0");
    expect(out).toContain(`  # asked of the director
  M02.Q4:
    value: full # as of June
    note: from the 2025 survey
  M02.Q1: { value: true }
`);
    expect(out).not.toContain("M01.Q3");
  });

  it("an entry over several lines of a flow map of answers", () => {
    const text = `format: netdz-answers/1
measureSet: { id: mini, version: 1.0.0 }
zone: { name: Test Zone, province: Jiangsu, region: eastern, hub: true }
answers: {
  M02.Q1: { value: true },
  M01.Q3: {
    value: full, # inner
    note: "x  y"   # note end
  }, # q3 end
  M02.Q2: { status: in_progress } # last
}
`;
    expect(migrated(text, "1.1.0")).toBe(
      text
        .replace("version: 1.0.0", "version: 1.1.0")
        .replace("province: Jiangsu", "province: js")
        .replace("M01.Q3:", "M02.Q4:"),
    );
  });
});
