import { describe, expect, it } from "vitest";
import { diffAssessments, regressedMeasures } from "../../src/core/diff.js";
import type { Answer } from "../../src/core/model.js";
import { renderDiffMarkdown, rowDigits } from "../../src/render/diff-markdown.js";
import { demoDiffSide, loadDemoSet } from "./report-fixtures.js";

const set = loadDemoSet();

const side = (file: string, answers: Record<string, Answer>) => demoDiffSide(set, file, answers);

/** The Markdown table row that starts with `id`. */
function row(md: string, heading: string, id: string): string[] {
  const section = md.slice(md.indexOf(heading));
  const line = section.split("\n").find((l) => l.startsWith(`| ${id} `));
  if (line === undefined) throw new Error(`no row ${id} under ${heading}`);
  return line.split(" | ").map((cell) => cell.replace(/^\| |\s*\|$/g, ""));
}

describe("netdz diff shows a small change that is one, with its sign", () => {
  // 89.9 → 89.8 of a target of 90: the measure goes down by far less than 0.05.
  const diff = diffAssessments(
    side("old.yaml", { "M05.Q2": { value: 89.9 } }),
    side("new.yaml", { "M05.Q2": { value: 89.8 } }),
  );

  it.each(["en", "zh"] as const)("in the measures and the regressed questions (%s)", (lang) => {
    expect(regressedMeasures(diff).map((x) => x.id)).toEqual(["M05"]);
    const md = renderDiffMarkdown(diff, set, { lang });
    const heading = lang === "en" ? "## Measures" : "## 各项举措";
    const [, oldScore, newScore, change] = row(md, heading, "M05");
    expect(change).toMatch(/^\u22120\.0*[1-9]/);
    expect(oldScore).not.toBe(newScore);
    const regressed = lang === "en" ? "### Regressed" : "### 得分下降";
    const [, , oldState, newState, qChange] = row(md, regressed, "M05.Q2");
    expect(oldState).not.toBe(newState);
    expect(qChange).toMatch(/^\u22120\.0*[1-9]/);
    // The overall score moved too: with its sign, old and new apart.
    expect(md).toMatch(/(\d+\.\d+) → (?!\1)\d+\.\d+ ?[(（]\u22120\.0*[1-9]\d*[)）]/);
  });

  it("gives a row the decimals that tell old and new apart", () => {
    expect(rowDigits(79.9, 79.8, -0.1)).toBe(1);
    expect(rowDigits(78.63, 78.59, -0.04)).toBe(2);
    expect(rowDigits(78.549, 78.551, 0.002)).toBe(3);
    expect(rowDigits(50, 50 + 1e-12, 1e-12)).toBe(1);
    expect(rowDigits(null, 3, null, 2)).toBe(2);
  });
});

describe("netdz diff shows a small gap that opened or closed, never as 0.00 points", () => {
  // 90 of a target of 90 is no gap; 89.9999 is one, of far less than 0.005 points.
  const full = side("old.yaml", { "M05.Q2": { value: 90 } });
  const almost = side("new.yaml", { "M05.Q2": { value: 89.9999 } });

  it.each([
    ["en", "## New gaps", diffAssessments(full, almost), "newGaps"],
    ["zh", "## 新出现的差距", diffAssessments(full, almost), "newGaps"],
    ["en", "## Gaps closed", diffAssessments(almost, full), "gapsClosed"],
  ] as const)("%s: %s", (lang, heading, diff, list) => {
    const points = diff[list].find((g) => g.id === "M05.Q2")?.points ?? 0;
    expect(points).toBeGreaterThan(0);
    expect(points).toBeLessThan(0.005);
    const md = renderDiffMarkdown(diff, set, { lang });
    expect(md).toContain(heading);
    const shown = row(md, heading, "M05.Q2").at(-1) as string;
    expect(Number(shown)).toBeGreaterThan(0);
    expect(Math.abs(Number(shown) - points)).toBeLessThanOrEqual(
      0.5 * 10 ** -(shown.split(".")[1]?.length ?? 0),
    );
  });
});

describe("netdz diff shows a change just above the float noise (10⁻⁹) as one", () => {
  const full = side("old.yaml", { "M05.Q2": { value: 90 } });
  const almost = side("new.yaml", { "M05.Q2": { value: 89.9999999 } });
  const diff = diffAssessments(full, almost);

  it("in the new gaps and the measure rows, and --fail-on-regression counts it", () => {
    const points = diff.newGaps.find((g) => g.id === "M05.Q2")?.points ?? 0;
    expect(points).toBeGreaterThan(1e-9);
    expect(points).toBeLessThan(5e-7);
    const md = renderDiffMarkdown(diff, set, { lang: "en" });
    expect(Number(row(md, "## New gaps", "M05.Q2").at(-1))).toBeGreaterThan(0);
    const [, oldScore, newScore, change] = row(md, "## Measures", "M05");
    expect(oldScore).not.toBe(newScore);
    expect(change).toMatch(/^\u22120\.0*[1-9]/);
    expect(regressedMeasures(diff).map((x) => x.id)).toEqual(["M05"]);
  });
});
