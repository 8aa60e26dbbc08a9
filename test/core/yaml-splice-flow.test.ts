// A YAML answers file written as one flow map over several lines (JSON-like text with comments,
// trailing commas or unquoted keys) is edited minimally like a block file: every line nothing
// changed stays as it was, and a new entry gets a line of its own, indented as the entry above.
import { describe, expect, it } from "vitest";

import { editedBy } from "../helpers.js";

const FLOW = `{
  format: netdz-answers/1,  # a comment
  measureSet: {id: mini, version: 1.0.0},
  answers: {
    M01.Q1: {status: implemented, note: a long note that a whole-file writer would fold over two lines because it runs past eighty},
    M01.Q2: {
      value: 3,
    },
  },
}
`;

describe("editing a YAML file that is one flow map over several lines", () => {
  it("changes a value in place and keeps every other byte", () => {
    const out = editedBy(FLOW, (doc) => doc.setIn(["measureSet", "version"], "1.1.0"));
    expect(out).toBe(FLOW.replace("version: 1.0.0", "version: 1.1.0"));
  });

  it("puts a new top-level entry on a line of its own, keeping the trailing comma style", () => {
    const out = editedBy(FLOW, (doc) => {
      doc.setIn(["measureSet", "version"], "1.1.0");
      doc.set("migrated", doc.createNode([{ from: "1.0.0", to: "1.1.0" }]));
    });
    expect(out).toBe(
      FLOW.replace("version: 1.0.0", "version: 1.1.0").replace(
        "  },\n}\n",
        "  },\n  migrated: [{from: 1.0.0, to: 1.1.0}],\n}\n",
      ),
    );
  });

  it("puts a new answer below the last one, indented as it, its comment left on its line", () => {
    const text = "{\n  answers: {\n    M01.Q1: {value: 1}  # checked\n  }\n}\n";
    const out = editedBy(text, (doc) => {
      doc.setIn(["answers", "M01.Q2"], doc.createNode({ value: 2 }, { flow: true }));
      doc.setIn(["answers", "M01.Q3"], doc.createNode({ value: 3 }, { flow: true }));
    });
    expect(out).toBe(
      "{\n  answers: {\n    M01.Q1: {value: 1},  # checked\n    M01.Q2: {value: 2},\n    M01.Q3: {value: 3}\n  }\n}\n",
    );
  });

  it("keeps a one-line flow map on one line", () => {
    const text = "answers: {M01.Q1: {value: 1}}\n";
    const out = editedBy(text, (doc) =>
      doc.setIn(["answers", "M01.Q2"], doc.createNode({ value: 2 }, { flow: true })),
    );
    expect(out).toBe("answers: {M01.Q1: {value: 1}, M01.Q2: {value: 2}}\n");
  });
});

describe("a changed text that was quoted", () => {
  it.each([
    ['measureSet: {id: mini, version: "1.0.0"}\n', 'measureSet: {id: mini, version: "1.2.0"}\n'],
    ["measureSet: {id: mini, version: '1.0.0'}\n", "measureSet: {id: mini, version: '1.2.0'}\n"],
    ["measureSet:\n  version: 1.0.0\n", "measureSet:\n  version: 1.2.0\n"],
  ])("%j stays quoted as it was", (text, expected) => {
    expect(editedBy(text, (doc) => doc.setIn(["measureSet", "version"], "1.2.0"))).toBe(expected);
  });

  it("a single-quoted text that now needs an escape is double-quoted", () => {
    const out = editedBy("zone: {name: 'Z'}\n", (doc) => doc.setIn(["zone", "name"], "a\tb"));
    expect(out).toBe('zone: {name: "a\\tb"}\n');
  });
});

describe("removing the last entry of a flow map written over several lines", () => {
  it.each([
    [
      "{\n  answers: {\n    M01.Q1: {value: 1},\n    M02.Q3: {value: 2}  # about channels\n  }\n}\n",
      "{\n  answers: {\n    M01.Q1: {value: 1}\n    # about channels\n  }\n}\n",
    ],
    [
      "{\n  answers: {\n    M01.Q1: {value: 1},\n    M02.Q3: {value: 2},  # about channels\n  },\n}\n",
      "{\n  answers: {\n    M01.Q1: {value: 1},\n    # about channels\n  },\n}\n",
    ],
  ])("keeps its end-of-line comment on a line of its own: %j", (text, expected) => {
    expect(editedBy(text, (doc) => doc.deleteIn(["answers", "M02.Q3"]))).toBe(expected);
  });
});

describe("adding after the last entry of a flow map that closes at the end of its line", () => {
  const CLOSED = "{\n  format: netdz-answers/1,\n  answers: {\n    M01.Q1: {value: 1}}}  # end\n";

  it("a new top-level entry gets a line of its own, and the map closes after it", () => {
    const out = editedBy(CLOSED, (doc) => doc.set("migrated", doc.createNode([{ to: "1.1.0" }])));
    expect(out).toBe(
      "{\n  format: netdz-answers/1,\n  answers: {\n    M01.Q1: {value: 1}},\n  migrated: [{to: 1.1.0}]}  # end\n",
    );
  });

  it("a new answer gets a line of its own under the one above", () => {
    const out = editedBy(CLOSED, (doc) => doc.setIn(["answers", "M01.Q2"], { value: 2 }));
    expect(out).toBe(
      "{\n  format: netdz-answers/1,\n  answers: {\n    M01.Q1: {value: 1},\n    M01.Q2: {value: 2}}}  # end\n",
    );
  });

  it("an entry that shares its line with another still gets the new one beside it", () => {
    const text = "{\n  a: 1, b: {x: 1}}\n";
    expect(editedBy(text, (doc) => doc.set("c", 3))).toBe("{\n  a: 1, b: {x: 1}, c: 3}\n");
  });
});
