/**
 * Issue 7 QA #1: one `assess` save changes only what the user changed. For a variety of hand-
 * written answers files (flow and block styles, odd indentation, comments, CRLF, a byte-order
 * mark, quoted texts, lines longer than 80 and 1,000 characters, Chinese text, netdz init's own
 * template) every edit is checked the same way: the file with the edited entry's lines taken out
 * is byte for byte the file as it was with that entry's old lines (and its placeholder) taken out,
 * the file reads back as the data the edit asked for, and saving again without a change leaves it
 * byte-identical.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isMap, LineCounter, parseDocument, type Node, type Pair } from "yaml";
import { spliceDocument } from "../../src/core/yaml-splice.js";
import type { Answer } from "../../src/core/model.js";
import { AnswersStore } from "../../src/fs/answers-store.js";
import { MAX_EDIT_BYTES, readTextFile } from "../../src/fs/read-file.js";
import { WriteFileError } from "../../src/fs/atomic-write.js";
import { tempDir } from "../helpers.js";
import { run } from "./run.js";

const LONG = "长".repeat(30) + " a long note ".repeat(100); // > 1,000 characters
const MID = "x".repeat(90); // a line > 80 characters

const FILES: Record<string, string> = {
  "flow, unpadded": [
    "format: netdz-answers/1",
    "measureSet: {id: workplan-2025, version: 1.1.0}",
    "zone: {name: 苏州工业园区, province: jiangsu, westernHubArea: false, ftzLinked: true}",
    "answers:",
    "  M01.Q1: {status: implemented, evidence: [e.pdf], note: 'it''s done'}   # checked",
    "  M01.Q3: {status: planned}",
    `  M02.Q1: {value: 7, note: "${MID}"}`,
    "",
  ].join("\n"),
  "block, four spaces, comments, CRLF": [
    "# kept by hand",
    "format:   netdz-answers/1",
    "measureSet:",
    "    id: workplan-2025",
    "    version: 1.1.0",
    "zone:",
    '    name: "Z 区"   # the zone',
    "    province: jiangsu",
    "",
    "answers:",
    "    # first area",
    "    M01.Q1:",
    "        status: in_progress",
    "        # inner comment",
    `        note: ${LONG}`,
    "        evidence:",
    "            - a.pdf",
    "            - 'b c.pdf'",
    "",
    "    M01.Q3:",
    "        status: planned",
    "    # trailing comment",
    "",
  ].join("\r\n"),
  "byte-order mark, quoted, no final line end": [
    "\uFEFF# BOM",
    'format: "netdz-answers/1"',
    "measureSet: { id: 'workplan-2025', version: \"1.1.0\" }",
    "zone: { name: '开发区 \"一号\"' }",
    'answers: { M01.Q1: { status: planned, note: "第一行\\n第二行" }, M01.Q3: { status: unknown } }',
  ].join("\n"),
  "flow answers map": [
    "format: netdz-answers/1",
    "measureSet: { id: workplan-2025, version: 1.1.0 }",
    "zone: {}",
    "answers: {M01.Q1: {status: implemented}}",
    "",
  ].join("\n"),
};

/** The edits a session makes: change, add, remove an answer, long and multi-line notes. */
const EDITS: [string, string, Answer | undefined][] = [
  ["a changed status", "M01.Q1", { status: "not_started", answeredAt: "2026-12-01T00:00:00Z" }],
  ["a new answer", "M01.Q2", { status: "implemented", answeredAt: "2026-12-01T00:00:00Z" }],
  [
    "a new answer with evidence and a note over 1,000 characters",
    "M02.Q2",
    { status: "planned", evidence: ["计划.pdf", "x, y.pdf"], note: LONG, owner: "规划处" },
  ],
  ["a multi-line note", "M01.Q3", { status: "planned", note: "第一行\n第二行: 说明 # 不是注释" }],
  ["a removed answer", "M01.Q3", undefined],
];

/** The lines (start, end) the entry at `keys` takes in `text`, or undefined when absent. */
function entryLines(text: string, keys: string[]): [number, number] | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter: counter });
  let node: unknown = doc.contents;
  let pair: Pair | undefined;
  for (const key of keys) {
    if (!isMap(node)) return undefined;
    const found = node.items.find((p) => String((p.key as { value?: unknown }).value) === key);
    // An entry of a flow map that is not there: the lines of that map are the entry's place.
    if (!found) {
      if (!node.flow || !pair) return undefined;
      break;
    }
    pair = found;
    node = pair.value;
  }
  const key = pair!.key as Node;
  const value = pair!.value as Node;
  let end = value.range![1];
  while (/[\r\n]/.test(text.replace(/^\uFEFF/, "")[end - 1] ?? "")) end--;
  const start = counter.linePos(key.range![0]);
  let last = counter.linePos(end - 1).line - 1;
  // Comment lines written inside the entry (deeper than its key) belong to it.
  const lines = text.split("\n");
  while ((lines[last + 1]?.match(/^(\s*)#/)?.[1]?.length ?? -1) > start.col - 1) last++;
  return [start.line - 1, last];
}

/** The text with the lines of the entry at `keys` (and the placeholder line of it) taken out. */
function without(text: string, keys: string[]): string {
  const lines = text.split("\n");
  const span = entryLines(text, keys);
  const kept = lines.filter((line, i) => {
    if (span && i >= span[0] && i <= span[1]) return false;
    return !new RegExp(`^\\s*# ${keys.at(-1)!.replace(".", "\\.")}: \\{`).test(line);
  });
  return kept.join("\n");
}

async function edited(original: string, id: string, answer: Answer | undefined) {
  const file = path.join(tempDir(), "a.yaml");
  writeFileSync(file, original);
  const store = await AnswersStore.open(file);
  await store.setAnswer(id, answer);
  return { file, store, text: readFileSync(file, "utf8") };
}

describe("one save changes only the lines of the entry it changes", () => {
  for (const [name, original] of Object.entries(FILES)) {
    it.each(EDITS)(`${name}: %s`, async (_edit, id, answer) => {
      const { file, store, text } = await edited(original, id, answer);
      // Nothing else moved: the rest of the file is byte for byte as it was.
      expect(without(text, ["answers", id])).toBe(without(original, ["answers", id]));
      // The line ends and the byte-order mark are the file's own.
      expect(text.startsWith("\uFEFF")).toBe(original.startsWith("\uFEFF"));
      if (original.includes("\r\n")) expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
      else expect(text).not.toMatch(/\r/);
      // The file reads back as the edit asked, and the rest of the data is unchanged.
      const read = readTextFile(file, file);
      expect(read.ok).toBe(true);
      const before = parseDocument(original.replace(/^\uFEFF/, "")).toJS() as {
        answers: Record<string, Answer>;
      };
      const after = parseDocument(text.replace(/^\uFEFF/, "")).toJS() as typeof before;
      const expected = { ...before, answers: { ...before.answers } };
      if (answer === undefined) delete expected.answers[id];
      else expected.answers[id] = answer;
      expect(after).toEqual(expected);
      // Confirming the same answer again writes nothing; re-saving without change is identical.
      await store.setAnswer(id, answer);
      expect(readFileSync(file, "utf8")).toBe(text);
      const body = text.replace(/^\uFEFF/, "");
      expect(spliceDocument(body, parseDocument(body), parseDocument(body))).toBe(body);
    });
  }

  it("keeps untouched flow lists and maps exactly as written (no `[ e.pdf ]`, no 7-line zone)", async () => {
    const original = FILES["flow, unpadded"]!;
    const { text } = await edited(original, "M01.Q3", { status: "implemented" });
    expect(text).toContain(
      "  M01.Q1: {status: implemented, evidence: [e.pdf], note: 'it''s done'}   # checked\n",
    );
    expect(text).toContain(
      "zone: {name: 苏州工业园区, province: jiangsu, westernHubArea: false, ftzLinked: true}\n",
    );
    // The changed flow answer keeps its flow style and spacing.
    expect(text).toContain("  M01.Q3: {status: implemented}\n");
  });

  it("zone and assessor edits touch only their own lines", async () => {
    // (An empty `zone: {}` becomes a block map: its own line changes.)
    for (const original of Object.values(FILES).filter((text) => !text.includes("zone: {}"))) {
      const file = path.join(tempDir(), "a.yaml");
      writeFileSync(file, original);
      const store = await AnswersStore.open(file);
      await store.setZone("province", "zhejiang");
      const text = readFileSync(file, "utf8");
      expect(without(text, ["zone", "province"])).toBe(without(original, ["zone", "province"]));
      expect(parseDocument(text.replace(/^\uFEFF/, "")).toJS().zone.province).toBe("zhejiang");
    }
  });

  it("the first answer in a file netdz init wrote takes its placeholder's place, below its description", async () => {
    const dir = tempDir();
    expect((await run(["init", "--answers", "a.yaml"], dir)).code).toBe(0);
    const file = path.join(dir, "a.yaml");
    const original = readFileSync(file, "utf8");
    const store = await AnswersStore.open(file);
    await store.setAnswer("M01.Q2", { status: "planned", answeredAt: "2026-12-01T00:00:00Z" });
    await store.setZone("name", "Z");
    const text = readFileSync(file, "utf8");
    expect(without(without(text, ["answers", "M01.Q2"]), ["zone", "name"])).toBe(
      without(original, ["answers", "M01.Q2"]),
    );
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l.startsWith("  M01.Q2: "));
    // The description of M01.Q2 stays above its entry; the next question's placeholder follows.
    expect(lines[at - 1]).toMatch(/^ {2}#\s+\S/);
    expect(lines[at - 1]).not.toMatch(/^\s*# M\d+\.Q\d+: \{/);
    expect(lines.slice(at + 1).find((l) => /^\s*# M\d/.test(l))).toMatch(/^ {2}# M01\.Q3: \{/);
  });
});

describe("a save never makes a readable file unreadable", () => {
  it("a large note elsewhere is neither folded nor copied: the file grows by the new line only", async () => {
    const note = "备注".repeat(120_000) + " word".repeat(40_000); // ~0.9 MB of text on one line
    const original =
      "format: netdz-answers/1\nmeasureSet: { id: workplan-2025, version: 1.1.0 }\n" +
      `zone: { name: Z }\nanswers:\n  M01.Q1: { status: implemented, note: "${note}" }\n`;
    const { text } = await edited(original, "M01.Q2", { status: "planned" });
    expect(text.split("\n")).toHaveLength(original.split("\n").length + 1);
    expect(text.length - original.length).toBeLessThan(60);
  });

  it("a refused save just over the limit gives both sizes in bytes, and advice that fits a status chosen", async () => {
    const head =
      "format: netdz-answers/1\nmeasureSet: { id: workplan-2025, version: 1.1.0 }\nzone: {}\nanswers:\n";
    const line = (n: number) => `  M01.Q1: { status: implemented, note: "${"n".repeat(n)}" }\n`;
    const original = head + line(MAX_EDIT_BYTES - 20 - Buffer.byteLength(head + line(0)));
    expect(Buffer.byteLength(original)).toBe(MAX_EDIT_BYTES - 20);
    const file = path.join(tempDir(), "a.yaml");
    writeFileSync(file, original);
    const store = await AnswersStore.open(file, "en");
    const error = await store
      .setAnswer("M01.Q2", { status: "not_started" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteFileError);
    const reason = (error as WriteFileError).reason;
    const bytes = Number(/would be ([\d,]+) bytes/.exec(reason)?.[1]?.replace(/,/g, ""));
    expect(bytes).toBeGreaterThan(MAX_EDIT_BYTES);
    expect(bytes).toBeLessThan(MAX_EDIT_BYTES + 100);
    expect(reason).toContain(
      "more than the 1,048,576 bytes (1 MB) netdz changes, so it was not written",
    );
    expect(reason).not.toMatch(/1\.\d MB|just entered/);
    expect(readFileSync(file, "utf8")).toBe(original);
    // Well past the limit, the sizes stay in MB.
    const far = await store
      .setAnswer("M01.Q2", { status: "planned", note: "m".repeat(200_000) })
      .catch((e: unknown) => e);
    expect((far as WriteFileError).reason).toMatch(
      /^the file would be 1\.2 MB, more than the 1 MB netdz changes/,
    );
  });

  it("a save that would grow the file past the edit limit is refused before writing", async () => {
    const original =
      "format: netdz-answers/1\nmeasureSet: { id: workplan-2025, version: 1.1.0 }\n" +
      `zone: {}\nanswers:\n  M01.Q1: { status: implemented, note: "${"n".repeat(MAX_EDIT_BYTES - 200)}" }\n`;
    const file = path.join(tempDir(), "a.yaml");
    writeFileSync(file, original);
    const store = await AnswersStore.open(file, "zh");
    const error = await store
      .setAnswer("M01.Q2", { status: "planned", note: "m".repeat(1000) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteFileError);
    expect((error as WriteFileError).reason).toMatch(
      /^保存后文件将有 [\d,]+ 字节，超过 netdz 可修改的上限 1,048,576 字节（1 MB）/,
    );
    expect(readFileSync(file, "utf8")).toBe(original);
    // The session goes on from the file as it is: a smaller answer is saved.
    await store.setAnswer("M01.Q2", { status: "planned" });
    expect(readFileSync(file, "utf8")).toContain("M01.Q2: { status: planned }");
  });
});

describe("any sequence of saves (property)", () => {
  it("each save keeps every other entry's lines and reads back as the data set", async () => {
    const fc = await import("fast-check");
    const ids = ["M01.Q1", "M01.Q2", "M01.Q3", "M02.Q1", "M02.Q2"];
    const text = fc.oneof(
      fc.constantFrom("", "ok", "a: b", "# x", "[1]", "true", "12", "长文本", "x".repeat(1500)),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: "grapheme", maxLength: 20 }),
    );
    const answer = fc.option(
      fc.record(
        {
          status: fc.constantFrom("implemented", "planned", "in_progress", "unknown"),
          note: text,
          evidence: fc.array(text, { maxLength: 3 }),
        },
        { requiredKeys: ["status"] },
      ),
      { nil: undefined },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(FILES)),
        fc.array(fc.tuple(fc.constantFrom(...ids), answer), { minLength: 1, maxLength: 4 }),
        async (name, edits) => {
          const file = path.join(tempDir(), "a.yaml");
          writeFileSync(file, FILES[name]!);
          const store = await AnswersStore.open(file);
          for (const [id, value] of edits) {
            const before = readFileSync(file, "utf8");
            const clean = value && { ...value, evidence: value.evidence?.filter(Boolean) };
            if (clean && clean.evidence?.length === 0) delete clean.evidence;
            await store.setAnswer(id, clean as Answer | undefined);
            const after = readFileSync(file, "utf8");
            // A removed entry leaves the comment written on its line, on a line of its own.
            const comments = (t: string) =>
              clean === undefined ? t.replace(/^[ \t]*#.*(\r?\n|$)/gm, "") : t;
            expect(comments(without(after, ["answers", id]))).toBe(
              comments(without(before, ["answers", id])),
            );
            const data = parseDocument(after.replace(/^\uFEFF/, "")).toJS() as {
              answers: Record<string, Answer> | null;
            };
            expect(data.answers?.[id]).toEqual(clean);
          }
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  }, 60_000);
});
