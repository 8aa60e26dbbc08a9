/**
 * `report --fail-under` with no overall score because the zone declared every scored question
 * not applicable (fewer than half of all its questions: its text questions are answered) says
 * so, not that no question applies.
 */
import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/main.js";
import { captureIo, copyMiniSet } from "../helpers.js";

const TEXT_IDS = ["M01.Q4", "M01.Q5", "M01.Q6", "M01.Q7", "M01.Q8"];

function setup(): { cwd: string } {
  const { root, setDir } = copyMiniSet();
  appendFileSync(
    path.join(setDir, "m01-first.yaml"),
    TEXT_IDS.map(
      (id) =>
        `  - id: ${id}\n    type: text\n    text: { en: Say more, zh: 请说明 }\n` +
        "    guidance: { en: Briefly., zh: 简要说明。 }\n    weight: 1\n",
    ).join(""),
  );
  const cwd = path.dirname(root);
  const declared = ["M01.Q1", "M01.Q2", "M01.Q3", "M02.Q1", "M02.Q3"];
  writeFileSync(
    path.join(cwd, "zone.yaml"),
    [
      "format: netdz-answers/1",
      "measureSet: { id: mini, version: 1.0.0 }",
      "zone: { name: Z, region: eastern, hub: false }",
      "answers:",
      ...declared.map((id) => `  ${id}: { status: not_applicable, note: not here }`),
      ...TEXT_IDS.map((id) => `  ${id}: { value: Some words }`),
      "",
    ].join("\n"),
  );
  return { cwd };
}

describe("report --fail-under without a score the zone's own N/A answers took away", () => {
  it.each([
    [
      "en",
      "netdz report: The zone itself declared every scored question that applies not applicable, so there is no overall score to compare with 60.\n",
    ],
    [
      "zh",
      "netdz report: 适用的计分题目全部被开发区自行声明为不适用，因此没有可与 60 比较的总分。\n",
    ],
  ])("%s", async (lang, said) => {
    const { cwd } = setup();
    const io = captureIo(cwd, { TZ: "UTC" });
    const argv = ["report", "zone.yaml", "--measures", "sets", "--fail-under", "60"];
    const code = await main([...argv, "--lang", lang, "--out", "r.md"], io);
    expect(code).toBe(1);
    expect(io.err().trimEnd().split("\n").at(-1)).toBe(said.trimEnd());
  });
});
