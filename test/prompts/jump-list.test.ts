import { describe, expect, it } from "vitest";
import type { MeasureOverview } from "../../src/core/flow.js";
import type { Measure } from "../../src/core/model.js";
import { assessMessages } from "../../src/i18n/assess-messages.js";
import { displayWidth } from "../../src/prompts/layout.js";
import { jumpChoices } from "../../src/prompts/screens.js";

function row(id: string, zh: string, en: string): MeasureOverview {
  const measure = { id, title: { en, zh } } as unknown as Measure;
  return {
    measure,
    measureNumber: 1,
    area: {} as MeasureOverview["area"],
    counts: {
      total: 1,
      applicable: 1,
      answered: 0,
      unanswered: 1,
      unknown: 0,
      notApplicable: 0,
      excludedByProfile: 0,
      declaredNotApplicable: 0,
      review: 0,
    },
  };
}

describe("the jump list", () => {
  it.each(["zh", "en"] as const)(
    "lines up the answered counts of national and added measures (%s)",
    (lang) => {
      const m = assessMessages(lang);
      const overview = [
        row("M01", "建设开放平台", "Open platforms"),
        row(
          "M16",
          "推进国家级经开区营商环境建设和改革创新试点",
          "A rather long measure title that will be cut short",
        ),
        row("EX-M01", "示例省产业链集群", "Cluster chains"),
        row("EX-M02", "沿江港口", "River ports"),
      ];
      const names = jumpChoices(overview, m, lang, 80).flatMap((c) =>
        "name" in c && typeof c.name === "string" && c.name.includes("/") ? [c.name] : [],
      );
      expect(names).toHaveLength(4);
      const marker = m.menu.measureProgress(0, 1, 0);
      const columns = names.map((n) => displayWidth(n.slice(0, n.indexOf(marker))));
      expect(new Set(columns).size).toBe(1);
    },
  );
});
