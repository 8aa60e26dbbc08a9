import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scoreAssessment, scoreParts } from "../../src/core/score.js";
import { loadAnswersWithSet } from "../../src/fs/answers-loader.js";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import { report } from "../../src/commands/report.js";
import { captureIo, editFile, positionIn, ROOT, tempDir } from "../helpers.js";

const EXAMPLES = path.join(ROOT, "examples");
const ANSWERS = path.join(EXAMPLES, "answers", "example-province-answers.yaml");

/** A copy of the example provincial set, in a folder of sets of its own. */
function copyExample(): { root: string; dir: string } {
  const root = path.join(tempDir(), "sets");
  cpSync(path.join(EXAMPLES, "example-province"), path.join(root, "example-province"), {
    recursive: true,
  });
  return { root, dir: path.join(root, "example-province", "1.0.0") };
}

describe("a set that extends the national one", () => {
  it("loads as one set: the national areas, profile and measures first, then the additions", async () => {
    const { dir } = copyExample();
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.diagnostics).toEqual([]);
    const set = loaded.set;
    expect(set?.base).toMatchObject({ id: "workplan-2025", version: "1.1.0" });
    expect(set?.areas.map((a) => a.id)).toEqual([
      "productive-forces",
      "opening-up",
      "management-reform",
      "factor-guarantees",
      "provincial-priorities",
    ]);
    expect(set?.measures.map((m) => m.id).slice(14)).toEqual(["M15", "M16", "EX-M01", "EX-M02"]);
    expect(set?.measures.map((m) => m.number).slice(16)).toEqual([17, 18]);
    expect(set?.profile.map((p) => p.id).slice(-2)).toEqual(["customsArea", "riverCorridor"]);
    expect(set?.bands?.map((b) => b.min)).toEqual([95, 85, 65, 40, 0]);
  });

  // prettier-ignore
  const cases = [
    { name: "a measure that takes a national id", file: "ex-m01-cluster-chains.yaml", from: "id: EX-M01\n", to: "id: M01\n", code: "set/extends-change", at: "M01\n" },
    { name: "a measure without a prefix of its own", file: "ex-m01-cluster-chains.yaml", from: "id: EX-M01\n", to: "id: M17\n", code: "set/extends-prefix", at: "M17\n" },
    { name: "an area that redefines a national one", file: "set.yaml", from: "  - id: provincial-priorities", to: "  - id: opening-up", code: "set/extends-change", at: "opening-up" },
    { name: "a profile field that redefines a national one", file: "set.yaml", from: "  - id: riverCorridor", to: "  - id: province", code: "set/extends-change", at: "province\n    type: yesno" },
    { name: "a band at a national band's minimum", file: "set.yaml", from: "  - min: 95", to: "  - min: 85", code: "set/extends-change", at: "85" },
    { name: "a base set that is not available", file: "set.yaml", from: "version: 1.1.0 }", to: "version: 9.0.0 }", code: "set/extends-base", at: "{ id: workplan-2025" },
  ];
  it.each(cases)("validate reports $name, located", async (c) => {
    const { dir } = copyExample();
    const file = path.join(dir, c.file);
    editFile(file, c.from, c.to);
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.set).toBeUndefined();
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({
        file: c.file,
        code: c.code,
        severity: "error",
        ...positionIn(file, c.at),
      }),
    );
  });

  it("finds the base in its own folder of sets before the bundled ones", async () => {
    const { root, dir } = copyExample();
    cpSync(
      path.join(ROOT, "measures", "workplan-2025", "1.1.0"),
      path.join(root, "workplan-2025", "1.1.0"),
      {
        recursive: true,
      },
    );
    cpSync(
      path.join(ROOT, "measures", "workplan-2025", "1.0.0"),
      path.join(root, "workplan-2025", "1.0.0"),
      {
        recursive: true,
      },
    );
    editFile(
      path.join(root, "workplan-2025", "1.1.0", "m01-original-innovation.yaml"),
      "weight: 3\n",
      "weight: 0\n",
    );
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({
        code: "set/extends-base",
        message: expect.stringContaining("workplan-2025@1.1.0, is invalid"),
      }),
    );
  });

  it("scores the national set and the additions apart and together", async () => {
    const { answers, set } = await loadAnswersWithSet(ANSWERS, {
      cwd: ROOT,
      measuresDir: EXAMPLES,
    });
    const parts = scoreParts(set, answers);
    const national = await loadSetFolder(
      path.join(ROOT, "measures", "workplan-2025", "1.1.0"),
      ROOT,
    );
    if (!national.set || !parts) throw new Error("fixture");
    // The national part is what the national set alone gives for the same answers.
    expect(parts.national.score).toBeCloseTo(
      scoreAssessment(national.set, answers).overall.score ?? NaN,
      10,
    );
    // Additions: EX-M01 (Q1 implemented ×2, Q2 3 of 5 ×1) in its own area (weight 10), EX-M02
    // (yes) in opening-up (weight 25); the added band "Exemplary" starts at 95.
    const exM01 = ((2 * 1 + 1 * 0.6) / 3) * 100;
    expect(parts.additions.score).toBeCloseTo((10 * exM01 + 25 * 100) / 35, 10);
    expect(parts.additions.band?.label.en).toBe("Exemplary");
    expect(scoreAssessment(set, answers).overall.score).not.toBeCloseTo(
      parts.national.score ?? NaN,
      3,
    );
  });

  it("report shows the parts in Markdown and JSON", async () => {
    const io = captureIo(ROOT);
    await report({ answers: ANSWERS, format: "md", lang: "en", top: 5, measures: EXAMPLES }, io);
    expect(io.out()).toMatch(
      /## National set and provincial additions\n\n\| Part \| Score \| Band \| Completeness \|\n\| --- \| ---: \| --- \| ---: \|\n\| National set \(workplan-2025 1\.1\.0\) \| \d+\.\d+ \| Initial \| \d+\.\d% \|\n\| Additions of example-province 1\.0\.0 \| 96\.2 \| Exemplary \| 100\.0% \|\n\| Together \(overall score\) \| \d+\.\d+ \| Initial \| \d+\.\d% \|\n/,
    );
    const json = captureIo(ROOT);
    await report(
      { answers: ANSWERS, format: "json", lang: "zh", top: 5, measures: EXAMPLES },
      json,
    );
    const parsed = JSON.parse(json.out()) as {
      parts: { base: unknown; additions: { band: string } };
    };
    expect(parsed.parts.base).toEqual({ id: "workplan-2025", version: "1.1.0" });
    expect(parsed.parts.additions.band).toBe("示范");
  });

  it("the example's answers file is valid against the extended set", async () => {
    const { diagnostics } = await loadAnswersWithSet(ANSWERS, { cwd: ROOT, measuresDir: EXAMPLES });
    expect(diagnostics).toEqual([]);
    expect(readFileSync(ANSWERS, "utf8")).toContain("fictional");
  });
});

describe("extends in a loop", () => {
  it("is refused, located, instead of loading forever", async () => {
    const { root, dir } = copyExample();
    const other = path.join(root, "other", "1.0.0");
    cpSync(dir, other, { recursive: true });
    editFile(path.join(other, "set.yaml"), "id: example-province", "id: other");
    editFile(
      path.join(other, "set.yaml"),
      "extends: { id: workplan-2025, version: 1.1.0 }",
      "extends: { id: example-province, version: 1.0.0 }",
    );
    editFile(
      path.join(dir, "set.yaml"),
      "extends: { id: workplan-2025, version: 1.1.0 }",
      "extends: { id: other, version: 1.0.0 }",
    );
    const loaded = await loadSetFolder(dir, dir);
    expect(loaded.set).toBeUndefined();
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({
        code: "set/extends-base",
        file: "set.yaml",
        ...positionIn(path.join(dir, "set.yaml"), "{ id: other"),
      }),
    );
  });
});
