import { describe, expect, it } from "vitest";
import { composeChanges } from "../../src/core/changes-rules.js";
import type { ChangeEntry } from "../../src/core/model.js";

const note = (en: string) => ({ en, zh: `${en}（中）` });
const ids = (...list: string[]) => new Set(list);

describe("composeChanges: several version steps as one", () => {
  it("composes renames in a row (a → b, then b → c gives a → c)", () => {
    const steps: ChangeEntry[][] = [
      [{ rename: { from: "M01.Q1", to: "M01.Q5" } }],
      [{ rename: { from: "M01.Q5", to: "M02.Q1" } }],
      [{ rename: { from: "M02.Q1", to: "M03.Q2" } }],
    ];
    expect(composeChanges(steps, ids("M01.Q1"))).toEqual([
      { rename: { from: "M01.Q1", to: "M03.Q2" } },
    ]);
  });

  it("leaves out a rename that comes back to where it started, and keeps swaps apart", () => {
    const steps: ChangeEntry[][] = [
      [{ rename: { from: "M01.Q1", to: "M01.Q2" } }, { rename: { from: "M01.Q2", to: "M01.Q1" } }],
      [{ rename: { from: "M01.Q1", to: "M01.Q3" } }],
    ];
    // Old Q1 is Q2 after the swap; old Q2 is Q1, then Q3.
    expect(composeChanges(steps, ids("M01.Q1", "M01.Q2"))).toEqual([
      { rename: { from: "M01.Q1", to: "M01.Q2" } },
      { rename: { from: "M01.Q2", to: "M01.Q3" } },
    ]);
    expect(
      composeChanges(
        [
          [{ rename: { from: "M01.Q1", to: "M01.Q9" } }],
          [{ rename: { from: "M01.Q9", to: "M01.Q1" } }],
        ],
        ids("M01.Q1"),
      ),
    ).toEqual([]);
  });

  it("names a reword or rescale of a renamed question by its last id, and joins rescale notes", () => {
    const steps: ChangeEntry[][] = [
      [
        { rename: { from: "M01.Q1", to: "M01.Q5" } },
        { rescale: { id: "M01.Q2", note: note("one") } },
      ],
      [
        { reword: "M01.Q5" },
        { rename: { from: "M01.Q5", to: "M02.Q1" } },
        { rescale: { id: "M01.Q2", note: note("two") } },
      ],
    ];
    expect(composeChanges(steps, ids("M01.Q1", "M01.Q2"))).toEqual([
      { rename: { from: "M01.Q1", to: "M02.Q1" } },
      { reword: "M02.Q1" },
      { rescale: { id: "M01.Q2", note: { en: "one; two", zh: "one（中）；two（中）" } } },
    ]);
  });

  it("retires a question renamed and then retired under its first id", () => {
    const steps: ChangeEntry[][] = [
      [{ rename: { from: "M01.Q1", to: "M01.Q5" } }, { reword: "M01.Q2" }],
      [
        { retire: { id: "M01.Q5", reason: note("gone") } },
        { retire: { id: "M01.Q2", reason: note("also") } },
      ],
    ];
    expect(composeChanges(steps, ids("M01.Q1", "M01.Q2"))).toEqual([
      { retire: { id: "M01.Q1", reason: note("gone") } },
      { retire: { id: "M01.Q2", reason: note("also") } },
    ]);
  });

  it("leaves out questions added in between, and an id that a rename freed and a new question took", () => {
    const steps: ChangeEntry[][] = [
      [{ rename: { from: "M01.Q1", to: "M01.Q5" } }],
      // M01.Q6 was new in the middle version; M01.Q1 is now another (new) question.
      [{ retire: { id: "M01.Q6", reason: note("x") } }, { reword: "M01.Q1" }],
    ];
    expect(composeChanges(steps, ids("M01.Q1"))).toEqual([
      { rename: { from: "M01.Q1", to: "M01.Q5" } },
    ]);
  });

  it("composes profile maps, and a value the first map drops stays dropped", () => {
    const steps: ChangeEntry[][] = [
      [{ profile: { field: "province", map: { Jiangsu: "js", 浙江: "zj", Anhui: "ah" } } }],
      [{ profile: { field: "province", map: { JS: "jiangsu", zj: "zhejiang" } } }],
      [{ profile: { field: "size", map: { small: "s" } } }],
    ];
    expect(composeChanges(steps, ids())).toEqual([
      { profile: { field: "province", map: { Jiangsu: "jiangsu", 浙江: "zhejiang" } } },
      { profile: { field: "size", map: { small: "s" } } },
    ]);
  });
});
