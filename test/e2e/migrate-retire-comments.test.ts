// A retired answer is moved under `retired:` in flow style, on one line; the comments written
// inside it (after its key, between its lines, at their ends) stay where the answer was, each on
// a line of its own (they were lost). The user's own `x-` keys under `answers:` are not question
// ids: migrate leaves them as they are (it retired them as questions not in the new version).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { FIXTURES, runCli, tempDir } from "../helpers.js";

const SETS = path.join(FIXTURES, "versions");

function migrated(text: string, lang = "en"): { text: string; stdout: string } {
  const dir = tempDir();
  writeFileSync(path.join(dir, "zone.yaml"), text);
  const result = runCli(
    ["migrate", "zone.yaml", "--to", "1.1.0", "--measures", SETS, "--lang", lang],
    { cwd: dir },
  );
  expect(result.status, result.stderr).toBe(0);
  return { text: readFileSync(path.join(dir, "zone.yaml"), "utf8"), stdout: result.stdout };
}

const HEAD = `format: netdz-answers/1
measureSet: { id: mini, version: 1.0.0 }
zone: { name: Test Zone, province: Jiangsu, region: eastern, hub: true }
answers:
  M02.Q1: { value: true }
`;

/** The comment lines of a text, without their indentation. */
const comments = (text: string) =>
  text
    .split("\n")
    .map((line) => /#.*$/.exec(line)?.[0])
    .filter((c): c is string => c !== undefined);

describe("netdz migrate: the comments inside a retired answer survive (spawned)", () => {
  it("a block answer with comments on and between its lines", () => {
    const text = `${HEAD}  M02.Q3:   # 行尾
    # 内部注释
    value: [bonds]   # 计划
    note: 块   # 备注注释
    evidence:
      - x.pdf   # 证据
  M02.Q2: { status: in_progress }
`;
    const out = migrated(text);
    expect(comments(out.text)).toEqual(["# 行尾", "# 内部注释", "# 计划", "# 备注注释", "# 证据"]);
    // Where the answer was, in the order written, each on its own line at the entry's indent.
    expect(out.text).toContain(
      "  M02.Q1: { value: true }\n  # 行尾\n  # 内部注释\n  # 计划\n  # 备注注释\n  # 证据\n  M02.Q2:",
    );
    const data = parse(out.text) as { retired: Record<string, { answer: unknown }> };
    expect(data.retired["M02.Q3"]?.answer).toEqual({
      value: ["bonds"],
      note: "块",
      evidence: ["x.pdf"],
    });
  });

  it("a flow answer written over several lines", () => {
    const text = `${HEAD}  M02.Q3: {
    value: [bonds],   # the 2025 bond issue
    note: listed
  } # checked
`;
    const out = migrated(text);
    expect(comments(out.text)).toEqual(["# the 2025 bond issue", "# checked"]);
    expect(out.text).toContain(
      "  M02.Q1: { value: true }\n  # the 2025 bond issue\n  # checked\nretired:\n  M02.Q3:\n",
    );
  });

  it.each([
    [
      "block",
      "  # before\n  M02.Q3: # k\n    value: [bonds] # v\n    # tail\n",
      ["# before", "# k", "# v", "# tail"],
    ],
    ["flow", "  M02.Q3: { value: [bonds] } # only\n", ["# only"]],
  ])("the only answer, in %s style: answers becomes {} and keeps them", (_, entry, said) => {
    const text = HEAD.replace("  M02.Q1: { value: true }\n", "") + entry;
    const out = migrated(text).text;
    expect(comments(out)).toEqual(said);
    expect(out).toContain(`answers: {}\n${said.map((c) => `  ${c}\n`).join("")}retired:\n`);
    expect((parse(out) as { answers: unknown }).answers).toEqual({});
  });

  it("comments after the answer, and the next answer's, are written once", () => {
    const text = `${HEAD}  M02.Q3:
    value: [bonds]

    # more

  # before q1
  M01.Q1: { status: implemented }
`;
    const out = migrated(text).text;
    expect(comments(out)).toEqual(["# more", "# before q1"]);
    expect(out).toContain("    # more\n\n  # before q1\n  M01.Q1:");
  });

  it("a comment that looks like YAML stays a comment", () => {
    const text = `${HEAD}  M02.Q3:
    value: [bonds] # note: "a, b" [c] {d}
`;
    expect(comments(migrated(text).text)).toEqual(['# note: "a, b" [c] {d}']);
  });
});

describe("netdz migrate leaves x- keys under answers as they are (spawned)", () => {
  it.each([["en"], ["zh"]])("in %s", (lang) => {
    const text = `${HEAD}  x-mine: 主观 # our own
  x-empty:
  x-map: { a: 1 }
  M01.Q1: { status: implemented }
`;
    const out = migrated(text, lang);
    expect(out.text).toContain(
      "  x-mine: 主观 # our own\n  x-empty:\n  x-map: { a: 1 }\n  M01.Q1: { status: implemented, review: true }\n",
    );
    expect(out.stdout).not.toContain("x-");
    expect(parse(out.text)).not.toHaveProperty("retired");
  });
});

describe("netdz migrate: a remark closing `answers:` stays there (spawned)", () => {
  it.each([
    ["the retired answer last", "  M02.Q3: { value: [bonds] }\n"],
    ["the retired answer first", ""],
  ])("%s", (_name, last) => {
    const first = last === "" ? "  M02.Q3: { value: [bonds] }\n" : "";
    const text = `${HEAD.replace("  M02.Q1: { value: true }\n", "")}${first}  M02.Q1: { value: true }\n${last}  # a remark on the answers as a whole\n    # and its second line\n# the end of the file\n`;
    const { text: out } = migrated(text);
    const lines = out.split("\n");
    const remark = lines.indexOf("  # a remark on the answers as a whole");
    expect(lines[remark - 1]).toBe("  M02.Q1: { value: true }");
    expect(lines[remark + 1]).toBe("    # and its second line");
    expect(lines[remark + 2]).toBe("retired:");
    expect(out.endsWith("\n# the end of the file\n")).toBe(true);
    expect(parse(out)).toMatchObject({ answers: { "M02.Q1": { value: true } } });
  });
});
