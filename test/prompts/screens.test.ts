import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildFlow, positionOf, progress } from "../../src/core/flow.js";
import { loadValidSet } from "../../src/fs/measure-sets.js";
import { assessMessages } from "../../src/i18n/assess-messages.js";
import { displayWidth } from "../../src/prompts/layout.js";
import { questionScreenLines } from "../../src/prompts/screens.js";
import { FIXTURES } from "../helpers.js";

const set = await loadValidSet(path.join(FIXTURES, "sets", "mini", "1.0.0"), FIXTURES);
const zone = { name: "Z", region: "eastern", hub: false };

describe("the question screen", () => {
  it.each(["en", "zh"] as const)(
    "keeps every line within the width (%s), long answers included",
    (lang) => {
      const flow = buildFlow(set, zone);
      const answers = { "M02.Q3": { value: ["bonds", "listing"], review: true } };
      const index = flow.steps.findIndex((s) => s.question.id === "M02.Q3");
      const step = flow.steps[index];
      if (!step) throw new Error("M02.Q3 missing from the flow");
      const width = 40; // the narrowest layout assess uses
      const lines = questionScreenLines(
        {
          set,
          step,
          position: positionOf(flow, index),
          progress: progress(flow, answers),
          answer: answers["M02.Q3"],
          notices: [],
          showGuidance: true,
          width,
        },
        assessMessages(lang),
        lang,
      );
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(lines.join("\n")).toMatch(lang === "en" ? /Bonds/ : /债券/);
    },
  );
});
