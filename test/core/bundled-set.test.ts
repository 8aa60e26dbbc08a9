import { describe, expect, it } from "vitest";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import { BUNDLED_SET, ROOT } from "../helpers.js";

const loaded = await loadSetFolder(BUNDLED_SET, ROOT);
const set = loaded.set;

describe("the bundled 2025 Work Plan set", () => {
  it("is valid with no warnings", () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.fileCount).toBe(16);
    expect([set?.id, set?.version]).toEqual(["workplan-2025", "1.0.0"]);
  });

  it("has the plan's 4 areas (sections 二–五) and 16 measures in order", () => {
    expect(set?.areas.map((a) => a.ref)).toEqual(["二", "三", "四", "五"]);
    expect(set?.measures.map((m) => m.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(set?.measures.map((m) => m.id)).toEqual(
      Array.from({ length: 16 }, (_, i) => `M${String(i + 1).padStart(2, "0")}`),
    );
    for (const area of set?.areas ?? []) {
      expect(set?.measures.filter((m) => m.area === area.id)).toHaveLength(4);
    }
  });

  it("cites the document and its issue date", () => {
    expect(set?.source).toMatchObject({
      document: "商资函〔2025〕132号",
      issued: "2025-05-21",
      authoritativeLanguage: "zh",
    });
  });

  it("asks at least 3 questions per measure", () => {
    for (const measure of set?.measures ?? [])
      expect(measure.questions.length).toBeGreaterThanOrEqual(3);
  });

  it("marks provenance honestly: measures 1–3 from the text, the rest not", () => {
    const basis = set?.measures.map((m) => m.provenance.basis) ?? [];
    expect(basis.slice(0, 3)).toEqual(["text", "text", "text"]);
    expect(basis.slice(3)).not.toContain("text");
    for (const measure of set?.measures ?? []) {
      if (measure.provenance.basis === "reconstructed")
        // A reconstructed measure says, in both languages, what it was inferred from.
        expect([measure.id, measure.provenance.note?.en]).toEqual([
          measure.id,
          expect.stringMatching(/\w+ \w+ \w+/),
        ]);
      expect(measure.provenance.note?.zh).toMatch(/\p{Script=Han}{4}/u);
    }
  });

  it("targets the Eastern Data, Western Computing question at western hub zones", () => {
    const questions = set?.measures.flatMap((m) => m.questions) ?? [];
    const hub = questions.filter((q) => q.appliesWhen?.westernHubArea?.includes(true));
    expect(hub.map((q) => q.id)).toEqual(["M03.Q8", "M14.Q7"]);
    expect(hub.some((q) => q.text.zh.includes("东数西算"))).toBe(true);
  });

  it("has a region profile field with the four regions", () => {
    const region = set?.profile.find((p) => p.id === "region");
    expect(region?.options?.map((o) => o.id)).toEqual([
      "eastern",
      "central",
      "western",
      "northeastern",
    ]);
  });
});
