import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { migrate } from "../../src/commands/migrate.js";
import { checkAnswersFile } from "../../src/fs/answers-loader.js";
import { captureIo, FIXTURES, tempDir } from "../helpers.js";

// A migrated answer keeps what the migration does not change as it was written: its style (flow
// or block), the quoting of its other fields, and a comment at the end of its line.

const SETS = path.join(FIXTURES, "versions");
const CLEARED =
  "[netdz migrate 1.0.0 → 1.1.0] earlier answer: 7 items. Cleared because: the target doubled to 20, and answers are whole numbers up to 100. Please answer again.";

/** A hand-written 1.0.0 file around one form of the answer to M01.Q2 (rescaled in 1.1.0). */
function file(version: string, q2: string, q1 = "", q3 = "M01.Q3"): string {
  return [
    "# hand-written",
    "format: netdz-answers/1",
    `measureSet: {id: mini, version: "${version}"}   # pinned`,
    `zone: { name: "Test Zone", province: '${version === "1.0.0" ? "Jiangsu" : "js"}' }`,
    "answers:",
    `  M01.Q1: {status: "implemented", evidence: ['https://example.org/a.pdf']${q1}}   # seen on site`,
    q2,
    `  ${q3}: { value: 'full' }  # moved`,
    "",
  ].join("\n");
}

const MIGRATED = 'migrated:\n  - { from: 1.0.0, to: 1.1.0, date: "2025-12-01T08:00:00Z" }\n';

interface Case {
  name: string;
  before: string;
  after: string;
  answer: Record<string, unknown>;
}

// prettier-ignore
const cases: Case[] = [
  {
    name: "a flow map, quoted fields, a comment after it",
    before: `  M01.Q2: {value: 7, note: "from the ledger", evidence: ["https://example.org/b.pdf"], owner: 'Finance office'}   # over target?`,
    after: `  M01.Q2: {note: ${JSON.stringify(`from the ledger\n${CLEARED}`)}, evidence: ["https://example.org/b.pdf"], owner: 'Finance office', review: true}   # over target?`,
    answer: { note: `from the ledger\n${CLEARED}`, evidence: ["https://example.org/b.pdf"], owner: "Finance office", review: true },
  },
  {
    name: "a padded flow map, plain fields, no note",
    before: "  M01.Q2: { value: 7, owner: Finance }  # counted",
    after: `  M01.Q2: { owner: Finance, note: ${JSON.stringify(CLEARED)}, review: true }  # counted`,
    answer: { owner: "Finance", note: CLEARED, review: true },
  },
  {
    name: "a block map: comments on its key, list and value lines, a quoted field, a | note",
    before: `  M01.Q2:   # counted in May\n    evidence: [ "https://example.org/c.pdf" ]  # the ledger\n    value: 7   # from the ledger\n    owner: "Finance office"\n    note: |\n      line one\n      line two`,
    after: `  M01.Q2:   # counted in May\n    evidence: [ "https://example.org/c.pdf" ]  # the ledger\n    # from the ledger\n    owner: "Finance office"\n    note: |-\n      line one\n      line two\n      ${CLEARED}\n    review: true`,
    answer: { evidence: ["https://example.org/c.pdf"], owner: "Finance office", note: `line one\nline two\n${CLEARED}`, review: true },
  },
];

describe("migrate keeps the style of a changed answer", () => {
  it.each(cases)("$name", async (c) => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "a.yaml"), file("1.0.0", c.before));
    const io = captureIo(dir, { SOURCE_DATE_EPOCH: "1764576000" });
    const code = await migrate(
      { answers: "a.yaml", out: "b.yaml", to: "1.1.0", lang: "en", measures: SETS },
      io,
    );
    expect(code).toBe(0);
    const written = readFileSync(path.join(dir, "b.yaml"), "utf8");
    // The reworded M01.Q1 and the renamed M01.Q3 keep theirs too.
    expect(written).toBe(file("1.1.0", c.after, ", review: true", "M02.Q4") + MIGRATED);
    const checked = await checkAnswersFile(path.join(dir, "b.yaml"), {
      cwd: dir,
      measuresDir: SETS,
    });
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect((parse(written) as { answers: unknown }).answers).toEqual({
      "M01.Q1": { status: "implemented", evidence: ["https://example.org/a.pdf"], review: true },
      "M01.Q2": c.answer,
      "M02.Q4": { value: "full" },
    });
  });
});
