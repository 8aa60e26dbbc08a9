import fc from "fast-check";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { countEntries, MAX_ENTRIES } from "../../src/core/yaml-entries.js";
import { FULL_PARSE_LIMIT, parseYamlSource } from "../../src/core/yaml-source.js";

/** Mapping entries and list items of a parsed value, as a parser builds them. */
function entriesOf(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.reduce((sum: number, child) => sum + 1 + entriesOf(child), 0);
}

/** Block mapping of `k` one-line keys. */
const blockKeys = (k: number) => Array.from({ length: k }, (_, i) => `k${i}: v`).join("\n") + "\n";
/** One flow list of `k` numbers under a key (k + 1 entries). */
const flowList = (k: number) => `a: [${Array.from({ length: k }, (_, i) => i).join(", ")}]\n`;
/** One flow mapping of `k` entries under a key (its values each count, as do its keys). */
const flowMap = (k: number) =>
  `a: {${Array.from({ length: k }, (_, i) => `x${i}: ${i}`).join(", ")}}\n`;

describe("countEntries", () => {
  it("counts one entry per line of a block mapping, and stops just over the limit", () => {
    expect(countEntries(blockKeys(50), 50)).toEqual({ count: 50 });
    const over = countEntries(blockKeys(51), 50);
    expect(over.count).toBe(51);
    // At the 51st key: the start of its line.
    expect(over.passedAt).toBe(blockKeys(50).length);
  });

  it("counts block list items, nested lists on one line and compact mappings", () => {
    expect(countEntries("- a\n- b\n- c\n").count).toBeGreaterThanOrEqual(3);
    expect(countEntries("- - - x\n").count).toBeGreaterThanOrEqual(3);
    expect(countEntries("- a: 1\n  b: 2\n").count).toBeGreaterThanOrEqual(3);
  });

  it("counts a block list item once, and a mapping entry or an item that starts on its line once more", () => {
    for (const [text, entries] of [
      ["- x\n", 1],
      ["- 'a: b'\n", 1],
      ["- x # c: d\n", 1],
      ["- {}\n", 1],
      ["- [a, b]\n", 3],
      ["- {a: 1, b: 2}\n", 3],
      ["- k: v\n", 2],
      ['- "k": v\n', 2],
      ["- k: v\n  l: w\n", 3],
      ["-\n  k: v\n", 2],
      ["- - x\n", 2],
      ["- - k: v\n", 3],
    ] as const) {
      expect(countEntries(text).count, text).toBe(entries);
      expect(entries, text).toBe(entriesOf(load(text)));
    }
    // 200,000 one-line items are at the limit, not twice over it.
    const items = (k: number) => "- item\n".repeat(k);
    expect(countEntries(items(MAX_ENTRIES))).toEqual({ count: MAX_ENTRIES });
    expect(countEntries(items(MAX_ENTRIES + 1)).passedAt).toBe(items(MAX_ENTRIES).length);
    const under = `list:\n${"  - key: value\n".repeat(MAX_ENTRIES / 2 - 1)}`;
    expect(countEntries(under)).toEqual({ count: MAX_ENTRIES - 1 });
  });

  it("counts each item of a flow list on one line", () => {
    // The key `a` and its 49 items: 50; one more item passes 50.
    expect(countEntries(flowList(49), 50)).toEqual({ count: 50 });
    const over = countEntries(flowList(50), 50);
    expect(over.passedAt).toBe(flowList(50).lastIndexOf("49"));
  });

  it("counts each entry of a flow mapping on one line", () => {
    const text = flowMap(30);
    expect(countEntries(text).count).toBeGreaterThanOrEqual(31);
    expect(countEntries(text, 30).passedAt).toBeDefined();
  });

  it("counts a flow list over many lines once per item (not once per line and once per comma)", () => {
    const items = Array.from({ length: 100 }, (_, i) => `  ${i},`).join("\n");
    const { count } = countEntries(`a: [\n${items}\n]\n`);
    expect(count).toBeGreaterThanOrEqual(101);
    expect(count).toBeLessThanOrEqual(103);
  });

  it("does not count blank lines and comment lines", () => {
    expect(countEntries("\n\n# a comment\n   \n  # another\na: 1\n").count).toBe(1);
  });

  it("counts commas and colons in quoted scalars and comments as half an entry, never more", () => {
    const commas = ", a: b".repeat(1000); // 1000 commas and 1000 `: `
    for (const text of [
      `note: "${commas}"\n`,
      `note: '${commas}'\n`,
      `note: x # ${commas}\n`,
      `a: ["${commas}", '${commas}']\n`,
    ]) {
      const { count } = countEntries(text);
      expect(count, text.slice(0, 30)).toBeGreaterThanOrEqual(entriesOf(load(text)));
      expect(count, text.slice(0, 30)).toBeLessThanOrEqual(2 * 1000 + 5);
    }
    // A note with as many commas as the limit is far from it.
    expect(countEntries(`note: "${",".repeat(MAX_ENTRIES)}"\n`).passedAt).toBeUndefined();
  });

  it("reads quotes as YAML does: an apostrophe inside a plain scalar opens nothing", () => {
    // Were the apostrophe taken for a quote, the flow list after it would hide in it.
    const text = `note: it's here\nlist: [${"1, ".repeat(99)}1]\n`;
    expect(countEntries(text).count).toBeGreaterThanOrEqual(101);
    // Escaped and doubled quotes do not end a quoted scalar.
    expect(countEntries(`a: "x\\", [1, 2]"\nb: 'it''s, [1, 2]'\n`).count).toBeLessThan(6);
  });

  it("what it takes for a quoted scalar or a comment still counts at least half", () => {
    // An unclosed quote: js-yaml refuses the file, but the entries after it still count half.
    const hidden = `a: '\n${blockKeys(1000)}b: [${"1,".repeat(1000)}1]\n`;
    expect(countEntries(hidden).count).toBeGreaterThanOrEqual(1000);
  });

  it("counts the lines of every kind of line break (CR, CRLF, LF)", () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = Array.from({ length: 20 }, (_, i) => `k${i}: v`).join(eol) + eol;
      expect(countEntries(text, 19).passedAt, JSON.stringify(eol)).toBeDefined();
      expect(countEntries(text, 20).passedAt, JSON.stringify(eol)).toBeUndefined();
    }
  });

  it("counts a flow collection after a document marker, an anchor or a tag", () => {
    for (const head of ["--- ", "a: &x ", "a: !!seq ", "- &x !!seq "]) {
      // 100 items, each a quoted scalar whose comma counts half: read as a flow list, 151 or 152.
      const text = `${head}[${'"x, y", '.repeat(99)}"x, y"]\n`;
      const { count } = countEntries(text);
      expect(count, head).toBeGreaterThanOrEqual(151);
      expect(count, head).toBeLessThanOrEqual(152);
    }
  });

  it("never counts fewer entries than js-yaml builds (generated YAML)", () => {
    const scalar = fc.oneof(
      fc.constantFrom("x", "1", "a b", "it's", "a#b", "http://h/p", "-1", "?x", "~"),
      fc.constantFrom('"a, b: c"', "'x, [y]'", '"#, {"', "'it''s, ok'", '"q\\", x"'),
    );
    const flow: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        scalar,
        fc.array(tie("node"), { maxLength: 4 }).map((items) => `[${items.join(", ")}]`),
        fc
          .array(fc.tuple(fc.constantFrom("k", "'q, k'", '"a: b"'), tie("node")), {
            maxLength: 4,
          })
          .map((pairs) => {
            const unique = pairs.map(([k, v], i) => `${k.replace(/k/, `k${i}`)}: ${v}`);
            return `{${unique.join(", ")}}`;
          }),
      ),
    })).node;
    const block = (indent: string): fc.Arbitrary<string> =>
      fc
        .array(
          fc.tuple(
            fc.constantFrom("key", "'q, key'", '"a, b"', "- "),
            fc.oneof(flow, fc.constant("|\n" + indent + "  a, b: [c\n" + indent + "  # d, e")),
            fc.constantFrom("", " # x, y: [z", "  # , , ,"),
          ),
          { minLength: 1, maxLength: 6 },
        )
        .map((rows) => {
          const seq = rows[0]?.[0] === "- ";
          return rows
            .map(([key, value, comment], i) => {
              const head = seq ? "- " : `${key.replace(/key|a, b/, (k) => `${k}${i}`)}: `;
              const tail = value.startsWith("|") ? "" : comment;
              return `${indent}${head}${value}${tail}`;
            })
            .join("\n");
        });
    let parsed = 0;
    fc.assert(
      fc.property(block(""), fc.constantFrom("\n", "\r\n"), (text, eol) => {
        const yaml = text.replace(/\n/g, eol) + eol;
        let data: unknown;
        try {
          data = load(yaml);
        } catch {
          return; // not YAML: nothing is built
        }
        parsed++;
        expect(countEntries(yaml).count).toBeGreaterThanOrEqual(entriesOf(data));
      }),
      { numRuns: 400, seed: 7 },
    );
    expect(parsed).toBeGreaterThan(200); // most of them are YAML
  });

  it("is fast on 10 MB", () => {
    const text = "k: [" + "1,".repeat(5 * 1024 * 1024) + "1]\n";
    const spaced = text.replace(/,/g, " ");
    const start = performance.now();
    expect(countEntries(text).passedAt).toBeDefined();
    expect(countEntries(spaced).count).toBe(2); // read to its end: one key, one list item
    expect(performance.now() - start).toBeLessThan(5000);
  });
});

describe("parseYamlSource refuses a large file with too many entries", () => {
  /** A large file of `k` keys with padding, so it takes the large-file path. */
  const large = (k: number) =>
    Array.from({ length: k }, (_, i) => `k${i}: ${"v".repeat(8)}`).join("\n") + "\n";

  it("reads a file at the limit and refuses one just over it, at the entry that passes it", () => {
    const at = large(MAX_ENTRIES);
    expect(at.length).toBeGreaterThan(FULL_PARSE_LIMIT);
    const read = parseYamlSource("big.yaml", at);
    expect(read.diagnostics).toEqual([]);
    expect(Object.keys(read.data as object)).toHaveLength(MAX_ENTRIES);

    const over = parseYamlSource("big.yaml", `${at}extra: 1\n`, "en");
    expect(over.data).toBeUndefined();
    expect(over.diagnostics).toEqual([
      {
        file: "big.yaml",
        line: MAX_ENTRIES + 1,
        column: 1,
        severity: "error",
        code: "yaml/too-many-nodes",
        message: expect.stringContaining("200,000 YAML entries"),
      },
    ]);
    const zh = parseYamlSource("big.yaml", `${at}extra: 1\n`, "zh").diagnostics[0];
    expect(zh?.code).toBe("yaml/too-many-nodes");
    expect(zh?.message).toMatch(/200,000 个/);
  });

  it("reads a large file of 100,000 one-line list items", () => {
    const text = `list:\n${"  - https://example.org/evidence.pdf\n".repeat(100_000)}`;
    expect(text.length).toBeGreaterThan(FULL_PARSE_LIMIT);
    const read = parseYamlSource("list.yaml", text);
    expect(read.diagnostics).toEqual([]);
    expect((read.data as { list: string[] }).list).toHaveLength(100_000);
  });

  it("locates the limit inside a one-line flow collection", () => {
    const text = `a: [${"1, ".repeat(MAX_ENTRIES + 10)}1]\n`;
    const [problem] = parseYamlSource("flow.yaml", text).diagnostics;
    expect(problem?.code).toBe("yaml/too-many-nodes");
    expect(problem?.line).toBe(1);
    // The key `a` is the first entry, so item number MAX_ENTRIES (0-based MAX_ENTRIES - 1) passes.
    expect(problem?.column).toBe(3 * MAX_ENTRIES + 2);
  });

  it("does not count a small file (it cannot hold as many entries)", () => {
    const small = `a: [${"1,".repeat(100_000)}1]\n`;
    expect(small.length).toBeLessThanOrEqual(FULL_PARSE_LIMIT);
    expect(parseYamlSource("small.yaml", small).diagnostics).toEqual([]);
  });
});
