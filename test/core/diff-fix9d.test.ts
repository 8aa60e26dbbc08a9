import { describe, expect, it } from "vitest";
import { diffAssessments, sameZone, type DiffSide } from "../../src/core/diff.js";
import type { Answer, AnswersFile, Zone } from "../../src/core/model.js";
import { scoreAssessment } from "../../src/core/score.js";
import { aggregate, summariseZone } from "../../src/core/aggregate.js";
import { renderAggregateMarkdown } from "../../src/render/aggregate-markdown.js";
import { renderAggregateHtml } from "../../src/render/aggregate-html.js";
import { buildDiffJson } from "../../src/render/diff-json.js";
import { renderDiffMarkdown, signed } from "../../src/render/diff-markdown.js";
import { loadDemoSet } from "../render/report-fixtures.js";

const set = loadDemoSet();
const ZONE: Zone = { name: "Suhe", province: "Jiangsu", region: "eastern", customsArea: true };

function side(file: string, answers: Record<string, Answer>, zone: Zone = ZONE): DiffSide {
  const data: AnswersFile = {
    format: "netdz-answers/1",
    measureSet: { id: set.id, version: set.version },
    zone,
    answers,
  };
  return { file, answers: data, assessment: scoreAssessment(set, data) };
}

describe("netdz diff: questions that became unanswered", () => {
  const diff = diffAssessments(
    side("old.yaml", { "M01.Q1": { status: "implemented" }, "M04.Q1": { status: "planned" } }),
    side("new.yaml", { "M04.Q1": { status: "planned" } }),
  );

  it("are their own category, not a regression", () => {
    expect(diff.questions.becameUnanswered.map((q) => [q.id, q.oldState, q.newState])).toEqual([
      ["M01.Q1", "implemented", "unanswered"],
    ]);
    expect(diff.questions.regressed.map((q) => q.id)).not.toContain("M01.Q1");
  });

  it.each([
    ["en", "### Became unanswered"],
    ["zh", "### 变为未作答"],
  ] as const)("are listed in the Markdown in %s and in the JSON", (lang, heading) => {
    const md = renderDiffMarkdown(diff, set, { lang });
    const section = md.slice(md.indexOf(heading)).split("\n### ")[0]!;
    expect(section).toContain("M01.Q1");
    const json = buildDiffJson(diff, set, { lang });
    expect(json.questions.becameUnanswered.map((q) => q.id)).toEqual(["M01.Q1"]);
  });
});

describe("signed figures", () => {
  it.each([
    [-40.6, 1, "\u221240.6"],
    [3.45, 1, "+3.5"],
    [-0.04, 1, "\u22120.04"],
    [1e-12, 1, "0.0"],
    [-1e-8, 1, "\u22120.00000001"],
    [1.5e-9, 2, "+0.000000002"],
    [0, 2, "0.00"],
    [-12.5, 2, "\u221212.50"],
    [null, 1, "—"],
  ] as const)("%s to %s decimals is %j", (value, digits, shown) => {
    expect(signed(value, digits)).toBe(shown);
  });

  it("every change in a diff is written with U+2212, none with an ASCII hyphen", () => {
    const diff = diffAssessments(
      side("old.yaml", {
        "M01.Q1": { status: "implemented" },
        "M02.Q1": { status: "implemented" },
      }),
      side("new.yaml", { "M01.Q1": { status: "planned" } }),
    );
    for (const lang of ["en", "zh"] as const) {
      const md = renderDiffMarkdown(diff, set, { lang });
      expect(md).toContain("\u2212");
      // No figure with an ASCII minus: neither in a table cell nor in parentheses.
      expect(md).not.toMatch(/(^|[\s|(（])-\d/m);
    }
  });
});

describe("the same zone in diff", () => {
  it("ignores case, width and whitespace of the name and the spelling of the province", () => {
    expect(
      sameZone(
        { name: "zone two", province: "Jiangsu" },
        { name: "Ｚｏｎｅ  Two", province: "jiangsu" },
      ),
    ).toBe(true);
    expect(
      sameZone({ name: "A", province: "Zhejiang Province" }, { name: "a", province: "Zhejiang" }),
    ).toBe(true);
    expect(sameZone({ name: "A", province: "Zhejiang" }, { name: "A", province: "Jiangsu" })).toBe(
      false,
    );
  });
});

describe("--bottom 0", () => {
  const zones = ["A", "B"].map((name, i) => {
    const answers: AnswersFile = {
      format: "netdz-answers/1",
      measureSet: { id: set.id, version: set.version },
      zone: { ...ZONE, name },
      answers: { "M01.Q1": { status: i === 0 ? "implemented" : "planned" } },
    };
    return summariseZone({
      file: `${name}.yaml`,
      answers,
      assessment: scoreAssessment(set, answers),
    });
  });

  it.each([
    ["en", "## Lowest-ranked zones of each region", "None requested (--bottom 0)."],
    ["zh", "## 各区域排名靠后的开发区", "未要求列出（--bottom 0）。"],
  ] as const)("says in %s that none were requested", (lang, heading, text) => {
    const agg = aggregate(set, zones, [], { minCompleteness: 0, bottom: 0 });
    const md = renderAggregateMarkdown(agg, { lang });
    expect(md.slice(md.indexOf(heading)).split("\n\n")[1]).toBe(text);
    expect(renderAggregateHtml(agg, { lang })).toContain(text);
    // With zones asked for, the section lists them.
    const some = renderAggregateMarkdown(
      aggregate(set, zones, [], { minCompleteness: 0, bottom: 1 }),
      { lang },
    );
    expect(some.slice(some.indexOf(heading))).not.toContain(text);
  });
});

describe("zh lists", () => {
  it("join a zone's largest gaps with ；", () => {
    const answers: AnswersFile = {
      format: "netdz-answers/1",
      measureSet: { id: set.id, version: set.version },
      zone: ZONE,
      answers: { "M01.Q1": { status: "planned" }, "M04.Q1": { status: "planned" } },
    };
    const zone = summariseZone({
      file: "a.yaml",
      answers,
      assessment: scoreAssessment(set, answers),
    });
    const agg = aggregate(set, [zone], [], { minCompleteness: 0, bottom: 5 });
    const zh = renderAggregateMarkdown(agg, { lang: "zh" });
    const en = renderAggregateMarkdown(agg, { lang: "en" });
    expect(zone.topGaps.length).toBeGreaterThan(1);
    expect(zh).toMatch(/\d\.\d\d；[A-Z]/);
    expect(zh).not.toMatch(/\d\.\d\d; [A-Z]/);
    expect(en).toMatch(/\d\.\d\d; [A-Z]/);
  });
});
