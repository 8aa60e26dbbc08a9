import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { report } from "../../src/commands/report.js";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import { captureIo, FIXTURES, ROOT, tempDir } from "../helpers.js";

// A chain of two: a fictional city set extends the fictional example province set, which
// extends workplan-2025@1.1.0. The national set is the root of the chain: the report's national
// part is the national set alone, and the plan line names every document of the chain.

/** The city set beside a copy of the example province set, in a folder of sets. */
function chain(): { root: string; dir: string } {
  const dir = tempDir();
  const root = path.join(dir, "sets");
  cpSync(path.join(FIXTURES, "extends-city", "city"), path.join(root, "city"), {
    recursive: true,
  });
  cpSync(path.join(ROOT, "examples", "example-province"), path.join(root, "example-province"), {
    recursive: true,
  });
  cpSync(path.join(FIXTURES, "extends-city", "answers.yaml"), path.join(dir, "answers.yaml"));
  return { root, dir };
}

describe("a set that extends a set that extends the national one", () => {
  it("has the national set as its base, and takes the province's measures as its own base's", async () => {
    const { root } = chain();
    const loaded = await loadSetFolder(path.join(root, "city", "1.0.0"), root);
    expect(loaded.diagnostics).toEqual([]);
    const base = loaded.set?.base;
    expect(base).toMatchObject({ id: "workplan-2025", version: "1.1.0" });
    expect(base?.measures).toHaveLength(16);
    expect(base?.measures).not.toContain("EX-M01");
    expect(base?.source?.document).toBe("商资函〔2025〕132号");
    expect(base?.between?.map((s) => s.document)).toEqual(["示例商发〔2025〕0号（虚构）"]);
    expect(base?.inherited.measures.slice(-2)).toEqual(["EX-M01", "EX-M02"]);
  });

  it("reports the national part alone and names the national document first", async () => {
    const { root, dir } = chain();
    const io = captureIo(dir);
    const md = {
      answers: "answers.yaml",
      measures: root,
      lang: "en",
      format: "md",
      top: 10,
    } as const;
    expect(await report(md, io)).toBe(0);
    const out = io.out();
    expect(out).toContain("| National set (workplan-2025 1.1.0) |");
    expect(out).toMatch(
      /\*\*Plan document\*\*: 商资函〔2025〕132号, [^;]*; 示例商发〔2025〕0号（虚构）, [^;]*; 示例市发〔2025〕9号（虚构）, Example City implementation plan \(fictional\)/,
    );
    const json = captureIo(dir);
    expect(await report({ ...md, format: "json" }, json)).toBe(0);
    const parts = (JSON.parse(json.out()) as { parts: Record<string, unknown> }).parts;
    expect(parts.base).toEqual({ id: "workplan-2025", version: "1.1.0" });
    // The national part scores only the national answer (M01.Q1): well under the additions'.
    const score = (part: unknown) => (part as { score: number }).score;
    expect(score(parts.national)).toBeLessThan(5);
    expect(score(parts.additions)).toBeGreaterThan(20);
    expect(readFileSync(path.join(dir, "answers.yaml"), "utf8")).toContain("CT-M01.Q2");
  });
});
