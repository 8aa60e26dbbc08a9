/**
 * QA 3 #1: saving an answer must not rewrite the entry's other values. A note (or owner) written
 * in any scalar style (plain, single- or double-quoted, literal or folded with every chomping
 * indicator, with or without an indentation indicator) keeps its exact text when only the status
 * changes; and a note the user changes reads back as exactly the string entered, every line
 * outside its entry byte for byte as it was. Saves go the session's way: the entry as read, made
 * into the new answer by composeAnswer / withNote, written by the store.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { composeAnswer, withNote } from "../../src/core/answer.js";
import type { Answer } from "../../src/core/model.js";
import { AnswersStore } from "../../src/fs/answers-store.js";
import { tempDir } from "../helpers.js";

const NOW = new Date("2026-12-01T00:00:00Z");

/** The lines above the answers of every file here. */
const HEADER = [
  "format: netdz-answers/1",
  "measureSet: { id: workplan-2025, version: 1.0.0 }",
  "zone: {}",
  "answers:",
];

/** A line of text of the kind people write (letters, spaces, some punctuation, Chinese). */
const lineText = fc.stringMatching(/^[a-z 说明#:'"\\-]{0,12}$/);

/** The YAML source of a scalar value indented under a key at column 4 (content at 6). */
const scalarSource: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[a-z][a-z 说明]{0,10}[a-z]$/),
  lineText.map((text) => `'${text.replace(/'/g, "''")}'`),
  fc.string({ maxLength: 12 }).map((text) => JSON.stringify(text)),
  fc
    .record({
      kind: fc.constantFrom("|", ">"),
      chomp: fc.constantFrom("", "-", "+"),
      indicator: fc.constantFrom("", "1", "2"),
      lines: fc.array(fc.oneof(lineText, fc.constant("")), { minLength: 1, maxLength: 5 }),
      blanks: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ kind, chomp, indicator, lines, blanks }) => {
      const head = `${kind}${indicator}${chomp}`;
      // Without an indicator the first line sets the indentation: it must not start with a blank.
      const body = lines.map((line, i) => {
        const text = indicator === "" && i === 0 ? `x${line}` : line;
        return text === "" ? "" : `      ${text}`;
      });
      return [head, ...body, ...Array<string>(blanks).fill("")].join("\n");
    }),
);

function fileText(note: string, owner: string): string {
  return [
    ...HEADER,
    "  M01.Q1:",
    "    status: planned",
    `    note: ${note}`,
    `    owner: ${owner}`,
    "    answeredAt: 2026-01-01T00:00:00Z",
    "  M01.Q2:",
    `    note: ${note}`,
    "    status: in_progress",
    "",
  ].join("\n");
}

/** The file's data, or undefined when the generated source is not valid YAML. */
function readData(text: string): { answers: Record<string, Answer> } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true });
  return doc.errors.length === 0 && doc.warnings.length === 0
    ? (doc.toJS() as { answers: Record<string, Answer> })
    : undefined;
}

async function save(
  original: string,
  id: string,
  change: (previous: Answer | undefined) => Answer | undefined,
): Promise<string> {
  const file = path.join(tempDir(), "a.yaml");
  writeFileSync(file, original);
  const store = await AnswersStore.open(file);
  await store.setAnswer(id, change(store.data.answers[id]));
  return readFileSync(file, "utf8");
}

/** The indexes of the lines that differ (both texts have as many lines). */
function changedLines(before: string, after: string): number[] {
  const a = before.split("\n");
  const b = after.split("\n");
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i]));
}

describe("a save keeps the exact text of every value it does not change", () => {
  it("a status change leaves the note and owner, in any style, as they were", async () => {
    await fc.assert(
      fc.asyncProperty(scalarSource, scalarSource, async (note, owner) => {
        const original = fileText(note, owner);
        const before = readData(original);
        fc.pre(before !== undefined);
        for (const id of ["M01.Q1", "M01.Q2"]) {
          const text = await save(original, id, (previous) =>
            composeAnswer(previous, { status: "implemented" }, NOW),
          );
          const after = readData(text)!;
          const expected = structuredClone(before!);
          expected.answers[id] = {
            ...expected.answers[id],
            status: "implemented",
            answeredAt: "2026-12-01T00:00:00Z",
          };
          expect(after).toEqual(expected);
          // Only the status line and the answer time changed (M01.Q2 gains an answeredAt line).
          const lines = original.split("\n");
          const status = lines.findIndex(
            (line, i) => i > lines.indexOf(`  ${id}:`) && /status:/.test(line),
          );
          if (id === "M01.Q1") {
            const at = lines.indexOf("    answeredAt: 2026-01-01T00:00:00Z");
            for (const i of changedLines(original, text)) expect([status, at]).toContain(i);
          } else {
            const added = text.split("\n");
            added.splice(added.indexOf("    answeredAt: 2026-12-01T00:00:00Z"), 1);
            for (const i of changedLines(original, added.join("\n"))) expect(i).toBe(status);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("a changed note reads back as exactly the string entered; the rest stays byte for byte", async () => {
    await fc.assert(
      fc.asyncProperty(
        scalarSource,
        fc.string({ unit: "grapheme", maxLength: 20 }),
        fc.array(fc.constantFrom("\n", " ", "\t", "  ", "\n\n", "#", ": ", "'", '"'), {
          maxLength: 4,
        }),
        async (note, typed, extra) => {
          const original = fileText(note, "me");
          fc.pre(readData(original) !== undefined);
          const entered = [typed, ...extra].join("");
          fc.pre(entered.trim() !== "");
          const text = await save(original, "M01.Q1", (previous) => withNote(previous, entered));
          const after = readData(text)!;
          expect(after.answers["M01.Q1"]?.note).toBe(entered);
          // The lines before the entry and from the next entry on are as they were.
          const head = original.slice(0, original.indexOf("  M01.Q1:"));
          const tail = original.slice(original.indexOf("  M01.Q2:"));
          expect(text.startsWith(head)).toBe(true);
          expect(text.endsWith(tail)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("the reported notes keep their text: folded, quoted with trailing blanks, keep-chomped, clipped", async () => {
    const original = [
      ...HEADER,
      "  M01.Q1:",
      "    status: planned",
      "    note: >",
      "      folded one",
      "      folded two",
      "",
      "      para two",
      "  M01.Q2:",
      "    status: planned",
      '    note: "trailing space   "',
      "  M01.Q3:",
      "    review: true",
      "    note: |+",
      "      keep",
      "",
      "  M01.Q4:",
      "    status: in_progress",
      "    note: |",
      "      line",
      "",
    ].join("\n");
    let text = original;
    for (const id of ["M01.Q1", "M01.Q2", "M01.Q3", "M01.Q4"]) {
      text = await save(text, id, (previous) =>
        composeAnswer(previous, { status: "not_started" }, NOW),
      );
    }
    const notes = Object.values(readData(text)!.answers).map((answer) => answer.note);
    expect(notes).toEqual([
      "folded one folded two\npara two\n",
      "trailing space   ",
      "keep\n\n",
      "line\n",
    ]);
    for (const line of [
      "    note: >",
      '    note: "trailing space   "',
      "    note: |+",
      "    note: |",
    ])
      expect(text.split("\n")).toContain(line);
  });
});

describe("texts that YAML 1.1 readers take for another type are quoted (QA 3 #8)", () => {
  it("notes, owners and text values like no, on, 2026-01-01, 1:20 or 1_000; dates meant as dates stay plain", async () => {
    const original = [...HEADER, "  M01.Q1:", "    status: planned", ""].join("\n");
    for (const text of [
      "no",
      "Yes",
      "on",
      "OFF",
      "y",
      "2026-01-01",
      "2026-1-1 10:00:00",
      "1:20",
      "1_000",
      "0777",
      "=",
      "<<",
    ]) {
      for (const [id, answer] of [
        ["M01.Q1", { status: "planned", note: text, owner: text, due: "2027-06-30" }],
        ["M01.Q2", { value: text, answeredAt: "2026-12-01T00:00:00Z" }],
      ] as const) {
        const saved = await save(original, id, () => answer as Answer);
        expect(readData(saved)!.answers[id]).toEqual(answer);
        expect(saved).toContain(JSON.stringify(text));
        expect(saved).not.toMatch(
          new RegExp(`: ${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[,\\s}]`),
        );
      }
    }
    const saved = await save(original, "M01.Q1", () => ({
      status: "planned",
      due: "2026-01-01",
      answeredAt: "2026-12-01T00:00:00Z",
    }));
    expect(saved).toContain("due: 2026-01-01");
    expect(saved).toContain("answeredAt: 2026-12-01T00:00:00Z");
  });

  it("a version like 1.2.0 is a text in YAML 1.1 too: it stays plain", async () => {
    const original =
      "format: netdz-answers/1\nmeasureSet: { id: workplan-2025, version: 1.0.0 }\nanswers:\n  M01.Q1:\n    status: planned\n";
    const saved = await save(original, "M01.Q1", () => ({ status: "planned", note: "1.2.0" }));
    expect(saved).toContain("note: 1.2.0\n");
  });
});
