import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { migrateDocument, type MigrationStep } from "../../src/core/migrate.js";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import { migrateMessages } from "../../src/i18n/migrate-messages.js";
import { FIXTURES } from "../helpers.js";

// A rescale clears an answer's value and keeps it in words in the note; an entry that has no
// value and no status (an owner and due date only, or nothing) has nothing to clear, so it
// carries over as it is, as a reworded one does: no "earlier answer: (none)" note, no review mark.

const ROOT = path.join(FIXTURES, "versions", "mini");

async function step(): Promise<MigrationStep[]> {
  const [from, to] = await Promise.all(
    ["1.0.0", "1.1.0"].map(async (v) => loadSetFolder(path.join(ROOT, v), ROOT)),
  );
  if (!from?.set || !to?.set) throw new Error("fixture invalid");
  return [{ from: from.set, to: to.set, changes: to.changes }];
}

const HEAD = "format: netdz-answers/1\nmeasureSet: { id: mini, version: 1.0.0 }\nzone: {}\n";

describe("a rescale of an entry without an answer", () => {
  it.each([
    ["an empty entry", "{}", {}],
    [
      "an owner and a due date only",
      "{ owner: 经发局, due: 2026-12-31 }",
      { owner: "经发局", due: "2026-12-31" },
    ],
  ])("%s carries over untouched", async (_name, entry, expected) => {
    const doc = parseDocument(`${HEAD}answers:\n  M01.Q2: ${entry}\n`);
    const words = migrateMessages("en").words;
    const outcome = migrateDocument(doc, await step(), { date: "2026-12-01T08:00:00Z", words });
    const data = parse(doc.toString()) as { answers: Record<string, unknown> };
    expect(data.answers["M01.Q2"]).toEqual(expected);
    expect(outcome.events).toEqual([]);
    expect(doc.toString()).not.toContain("(none)");
  });

  it("a status alone is still an answer: cleared into the note and marked for review", async () => {
    const doc = parseDocument(`${HEAD}answers:\n  M01.Q2: { status: unknown }\n`);
    const words = migrateMessages("en").words;
    const outcome = migrateDocument(doc, await step(), { date: "2026-12-01T08:00:00Z", words });
    expect(outcome.events.map((e) => e.kind)).toEqual(["cleared"]);
  });
});
