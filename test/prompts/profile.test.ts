// The Inquirer testing screen must be imported before the module that uses the prompts.
import { screen } from "@inquirer/testing/vitest";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { MeasureSet, ProfileValue, Zone } from "../../src/core/model.js";
import { assessMessages } from "../../src/i18n/assess-messages.js";
import { Asker } from "../../src/prompts/ask.js";
import {
  askProfile,
  missingProfileFields,
  type ProfileContext,
} from "../../src/prompts/profile.js";

const set = {
  profile: [
    { id: "name", type: "text", label: { en: "Zone name", zh: "开发区名称" } },
    {
      id: "region",
      type: "choice",
      label: { en: "Region", zh: "所属区域" },
      help: { en: "As MOFCOM groups zones.", zh: "按商务部的划分。" },
      options: [
        { id: "eastern", label: { en: "Eastern", zh: "东部" } },
        { id: "western", label: { en: "Western", zh: "西部" } },
      ],
    },
    { id: "hub", type: "yesno", label: { en: "In a hub area?", zh: "是否位于枢纽区域？" } },
    { id: "park", type: "text", required: false, label: { en: "Park", zh: "园区" } },
  ],
} as unknown as MeasureSet;

function harness(initial: Zone = {}, lang: "en" | "zh" = "en") {
  const zone: Zone = { ...initial };
  const saved: [string, ProfileValue][] = [];
  const assessor: { name?: string; role?: string } = {};
  const printed: string[] = [];
  const m = assessMessages(lang);
  const columns = { width: 100 };
  const ctx: ProfileContext = {
    asker: new Asker({
      input: new PassThrough(),
      output: new PassThrough(),
      keys: m.keys,
      width: () => columns.width,
    }),
    m,
    lang,
    set,
    zone: () => zone,
    saveZone: async (field, value) => {
      zone[field] = value;
      saved.push([field, value]);
    },
    assessor: () => assessor,
    saveAssessor: async (field, value) => {
      if (value.trim() === "") delete assessor[field];
      else assessor[field] = value.trim();
    },
    print: (text) => printed.push(text),
  };
  return { ctx, zone, saved, assessor, printed, columns };
}

describe("missingProfileFields", () => {
  it("asks every missing field while a required one is missing", () => {
    expect(missingProfileFields(set, {}).map((f) => f.id)).toEqual([
      "name",
      "region",
      "hub",
      "park",
    ]);
    expect(missingProfileFields(set, { name: "Z", hub: false }).map((f) => f.id)).toEqual([
      "region",
      "park",
    ]);
    expect(missingProfileFields(set, { name: "", region: "eastern", hub: true })).toHaveLength(2);
  });

  it("asks nothing once every required field is there", () => {
    expect(missingProfileFields(set, { name: "Z", region: "eastern", hub: false })).toEqual([]);
  });
});

describe("askProfile", () => {
  it("asks text, choice and yes/no fields and saves each answer at once", async () => {
    const h = harness();
    const done = askProfile(h.ctx, set.profile, { withAssessor: true });
    expect(screen.getScreen()).toContain("? Zone name");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Please give an answer.");
    screen.type("Suzhou Industrial Park");
    screen.keypress("enter");
    await screen.next();
    expect(h.saved).toEqual([["name", "Suzhou Industrial Park"]]);
    expect(h.printed).toContain("  As MOFCOM groups zones.");
    expect(screen.getScreen()).toContain("❯ Eastern");
    screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("? In a hub area?");
    expect(screen.getScreen()).toContain("❯ No");
    screen.keypress("down");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("? Park (optional)");
    screen.keypress("enter");
    await screen.next();
    screen.type("Li Ming");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    await done;
    expect(h.zone).toEqual({ name: "Suzhou Industrial Park", region: "western", hub: true });
    expect(h.assessor).toEqual({ name: "Li Ming" });
  });

  it("wraps a long label to the terminal width at word boundaries", async () => {
    const h = harness();
    h.columns.width = 40;
    const long = {
      id: "hub",
      type: "yesno",
      label: { en: 'In the initial area of a hub ("Eastern Data, Western Computing")?', zh: "" },
    } as const;
    const done = askProfile(h.ctx, [long], { withAssessor: false });
    const lines = screen.getScreen().split("\n");
    expect(lines.slice(0, 2)).toEqual([
      '? In the initial area of a hub ("Eastern',
      'Data, Western Computing")?',
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    screen.keypress("enter");
    await done;
    expect(h.zone).toEqual({ hub: false });
  });

  it("preselects the current values when editing", async () => {
    const h = harness({ name: "Old", region: "western", hub: false }, "zh");
    const done = askProfile(h.ctx, set.profile.slice(0, 3), { withAssessor: false });
    expect(screen.getScreen()).toContain("开发区名称 Old");
    screen.type(" Park");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("❯ 西部");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("❯ 否");
    expect(screen.getScreen()).toContain("↑↓ 移动 • ⏎ 选择");
    screen.keypress("enter");
    await done;
    expect(h.zone).toEqual({ name: "Old Park", region: "western", hub: false });
  });
});
