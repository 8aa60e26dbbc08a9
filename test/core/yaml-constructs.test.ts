import { afterEach, describe, expect, it, vi } from "vitest";
import { FULL_PARSE_LIMIT, parseYamlSource } from "../../src/core/yaml-source.js";

/** Pads a file past the limit of the position-keeping parser, so js-yaml alone reads it. */
const large = (text: string) => `${text}${"# padding line\n".repeat(FULL_PARSE_LIMIT / 14 + 10)}`;

const problems = (text: string, lang: "en" | "zh" = "en") =>
  parseYamlSource("f.yaml", text, lang).diagnostics.map(
    (d) => `${d.line}:${d.column} ${d.code} ${d.message}`,
  );

afterEach(() => {
  vi.restoreAllMocks();
});

describe("YAML constructs netdz does not read are one located problem each", () => {
  it.each([
    ["!!binary", "a: 1\nb: !!binary aGVsbG8=\n", "2:4"],
    ["!!set", "a: 1\nb: !!set { x, y }\n", "2:4"],
    ["!!omap", "a: 1\nb: !!omap [ x: 1 ]\n", "2:4"],
    ["!!timestamp", "a: 1\nb: !!timestamp 2025-01-01\n", "2:4"],
    ["!!pairs", "a: 1\nb: !!pairs [ x: 1 ]\n", "2:4"],
    ["!foo", "a: 1\nb: !foo bar\n", "2:4"],
    ["!<tag:example.com,2000:x>", "a: 1\nb:\n  - !<tag:example.com,2000:x> bar\n", "3:5"],
  ])("the tag %s: an unsupported tag, at the tag, and no value read", (tag, text, at) => {
    const source = parseYamlSource("f.yaml", text);
    expect(source.data).toBeUndefined();
    expect(source.diagnostics).toHaveLength(1);
    const [d] = source.diagnostics;
    expect(`${d?.line}:${d?.column} ${d?.code}`).toBe(`${at} yaml/unsupported-tag`);
    expect(d?.message).toContain(`YAML tag ${tag} is not supported`);
  });

  it("the core tags (!!str, !!int) are read as before", () => {
    const source = parseYamlSource("f.yaml", "a: !!str 12\nb: !!int 3\n");
    expect(source.diagnostics).toEqual([]);
    expect(source.data).toEqual({ a: "12", b: 3 });
  });

  it("an alias with no anchor says so, not 'too many aliases'", () => {
    expect(problems("a: 1\nb: *nope\n")).toEqual([
      "2:4 yaml/undefined-alias the YAML alias *nope is not defined: no anchor &nope stands before it; write the value out or add the anchor",
    ]);
    expect(problems("b: *x\nc: &x 1\n")[0]).toMatch(/^1:4 yaml\/undefined-alias .*\*x/);
    expect(problems("a: 1\nb: *nope\n", "zh")[0]).toContain("YAML 别名 *nope 未定义");
  });

  it("a list or mapping as a key is one error, and no library warning is emitted", () => {
    const warn = vi.spyOn(process, "emitWarning");
    for (const text of ["a: 1\n? [a, b]\n: x\n", "a: 1\n? { k: v }\n: x\n", "a: 1\n[a, b]: x\n"]) {
      const got = problems(text);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatch(/^2:\d+ yaml\/complex-key a key must be a single value/);
    }
    expect(problems("? [a]\n: x\n", "zh")[0]).toContain("键必须是单个值");
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ["a list as a key in a list", "list:\n  - [a, b]: x\n", "2:5 yaml/complex-key"],
    ["the same with CRLF line ends", "list:\r\n  - [a, b]: x\r\n", "2:5 yaml/complex-key"],
    ["an explicit key in a list", "list:\n  - ? [a]\n    : x\n", "2:7 yaml/complex-key"],
    ["a flow mapping as a key, indented", "m:\n  {k: v}: x\n", "2:3 yaml/complex-key"],
  ])("%s is found wherever the line starts it", (_name, text, expected) => {
    expect(problems(text).map((p) => p.split(" ").slice(0, 2).join(" "))).toEqual([expected]);
  });

  it("lists, mappings, & and << inside values are read as values, not taken for those constructs", () => {
    const source = parseYamlSource("f.yaml", 'a: x & y\nb: [1, 2]\nc: { d: "<< :", e: "?" }\n');
    expect(source.diagnostics).toEqual([]);
    expect(source.data).toEqual({ a: "x & y", b: [1, 2], c: { d: "<< :", e: "?" } });
  });

  it("a merge key is one error at the key", () => {
    const text = "base: &b { s: 1 }\nitem:\n  <<: *b\n  t: 2\n";
    expect(problems(text)).toEqual([
      "3:3 yaml/merge-key YAML merge keys (<<) are not supported; write the fields out in this mapping",
    ]);
    expect(problems(text, "zh")[0]).toContain("不支持 YAML 合并键");
  });

  it("large files read by js-yaml say the same for tags and undefined aliases", () => {
    const tag = parseYamlSource("f.yaml", large("a: 1\nb: !!binary aGVsbG8=\n"));
    expect(tag.diagnostics.map((d) => d.code)).toEqual(["yaml/unsupported-tag"]);
    expect(tag.diagnostics[0]?.message).toContain("!!binary");
    const alias = parseYamlSource("f.yaml", large("a: 1\nb: *nope\n"));
    expect(alias.diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(["2 yaml/undefined-alias"]);
  });

  it.each([
    ["an explicit key that is a list", "a: 1\n? [a, b]\n: x\n"],
    ["an explicit key that is a mapping", "a: 1\n? { k: v }\n: x\n"],
    ["an explicit key that is a block list", "a: 1\n? - p\n  - q\n: x\n"],
    ["a flow list as a key", "a: 1\n[a, b]: x\n"],
    ["a flow mapping as a key, in a list", "a:\n  - {k: v}: x\n"],
    ["a merge key", "base: &b { s: 1 }\nitem:\n  <<: *b\n  t: 2\n"],
    ["a merge key and a quoted one", "base: &b { s: 1 }\nitem:\n  <<: *b\nother:\n  '<<': 1\n"],
    ["two of them", "base: &b { s: 1 }\n? [a]\n: 1\nitem: { <<: *b }\n"],
  ])("large files say the same as small ones for %s, at the same place", (_, text) => {
    const small = problems(text);
    expect(small.length).toBeGreaterThan(0);
    expect(small.join()).toMatch(/yaml\/(complex|merge)-key/);
    const big = large(text);
    expect(big.length).toBeGreaterThan(FULL_PARSE_LIMIT);
    expect(problems(big)).toEqual(small);
    expect(problems(big, "zh")).toEqual(problems(text, "zh"));
    expect(parseYamlSource("f.yaml", big).data).toBeUndefined();
  });

  it("a large file with an explicit key that is a block mapping says so on its line", () => {
    expect(problems(large("a: 1\n? k: v\n: x\n"))).toEqual([
      expect.stringMatching(/^2:\d+ yaml\/complex-key /),
    ]);
  });

  it("large files with keys that only look like these are read", () => {
    for (const text of [
      "a: '? [a, b]: x'\nb: \"<<: *c\"\n",
      "a: |\n  [a, b]: x\n  <<: y\n? plain\n: 1\n",
      'a: [x, y]\nb: {k: v}\nc: x<<:y\nd: "x <<: y"\n',
    ]) {
      const source = parseYamlSource("f.yaml", large(text));
      expect(source.diagnostics, text).toEqual([]);
      expect(source.data, text).toEqual(parseYamlSource("f.yaml", text).data);
    }
  });
});
