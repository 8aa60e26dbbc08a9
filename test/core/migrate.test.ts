import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { migrateDocument, type MigrationStep } from "../../src/core/migrate.js";
import type { MeasureSet } from "../../src/core/model.js";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import { migrateMessages } from "../../src/i18n/migrate-messages.js";
import { FIXTURES } from "../helpers.js";

const ROOT = path.join(FIXTURES, "versions", "mini");

async function load(version: string) {
  const loaded = await loadSetFolder(path.join(ROOT, version), ROOT);
  if (!loaded.set) throw new Error(`fixture ${version} is invalid`);
  return { set: loaded.set, changes: loaded.changes };
}

async function steps(...versions: string[]): Promise<MigrationStep[]> {
  const loaded = await Promise.all(versions.map(load));
  return loaded.slice(1).map((after, i) => ({
    from: (loaded[i] as { set: MeasureSet }).set,
    to: after.set,
    changes: after.changes,
  }));
}

const DATE = "2026-12-01T08:00:00Z";

interface Migrated {
  measureSet: unknown;
  zone: Record<string, unknown>;
  answers: Record<string, Record<string, unknown>>;
  retired?: Record<string, Record<string, unknown>>;
  migrated?: unknown;
}

function run(text: string, chain: MigrationStep[], lang: "en" | "zh" = "en") {
  const doc = parseDocument(text);
  const outcome = migrateDocument(doc, chain, { date: DATE, words: migrateMessages(lang).words });
  const out = doc.toString({ lineWidth: 100 });
  return { outcome, text: out, data: parse(out) as Migrated };
}

const HEAD = "format: netdz-answers/1\nmeasureSet: { id: mini, version: 1.0.0 }\n";

describe("migrateDocument, one kind of change at a time (1.0.0 → 1.1.0)", () => {
  it("rename: the answer moves to the new id as it is", async () => {
    const r = run(
      `${HEAD}zone: {}\nanswers:\n  M01.Q3: { value: full, note: ok }\n`,
      await steps("1.0.0", "1.1.0"),
    );
    expect(r.data.answers).toEqual({ "M02.Q4": { value: "full", note: "ok" } });
    expect(r.outcome.events).toEqual([
      { kind: "moved", id: "M01.Q3", to: "M02.Q4", version: "1.1.0" },
    ]);
  });

  it("reword: the answer stays and is marked for review", async () => {
    const r = run(
      `${HEAD}zone: {}\nanswers:\n  M01.Q1: { status: planned }\n`,
      await steps("1.0.0", "1.1.0"),
    );
    expect(r.data.answers["M01.Q1"]).toEqual({ status: "planned", review: true });
    expect(r.outcome.events).toEqual([{ kind: "review", id: "M01.Q1", version: "1.1.0" }]);
    expect(r.outcome.carried).toBe(0);
  });

  it("rescale: the old answer in words goes into the note (kept), the value is cleared", async () => {
    const r = run(
      `${HEAD}zone: {}\nanswers:\n  M01.Q2: { value: 7, note: from the ledger, evidence: [a.pdf] }\n`,
      await steps("1.0.0", "1.1.0"),
    );
    const answer = r.data.answers["M01.Q2"];
    expect(answer?.value).toBeUndefined();
    expect(answer?.review).toBe(true);
    expect(answer?.evidence).toEqual(["a.pdf"]);
    expect(answer?.note).toBe(
      "from the ledger\n[netdz migrate 1.0.0 → 1.1.0] earlier answer: 7 items. Cleared because: the target doubled to 20, and answers are whole numbers up to 100. Please answer again.",
    );
    expect(r.outcome.events).toEqual([
      expect.objectContaining({ kind: "cleared", id: "M01.Q2", old: "7 items" }),
    ]);
  });

  it("rescale in Chinese writes the note in Chinese", async () => {
    const r = run(
      `${HEAD}zone: {}\nanswers:\n  M01.Q2: { value: 7 }\n`,
      await steps("1.0.0", "1.1.0"),
      "zh",
    );
    expect(r.data.answers["M01.Q2"]?.note).toBe(
      "[netdz migrate 1.0.0 → 1.1.0] 原答案：7项。清空原因：目标值提高到 20，答案为不超过 100 的整数。请重新作答。",
    );
  });

  it("retire: the answer is kept under retired: with the version and reason", async () => {
    const r = run(
      `${HEAD}zone: {}\nanswers:\n  M02.Q3: { value: [bonds], evidence: [x.pdf] }\n`,
      await steps("1.0.0", "1.1.0"),
    );
    expect(r.data.answers).toEqual({});
    expect(r.data.retired).toEqual({
      "M02.Q3": {
        version: "1.0.0",
        reason: "financing channels are asked by another measure now",
        answer: { value: ["bonds"], evidence: ["x.pdf"] },
      },
    });
  });

  it("profile: known spellings map whatever their case and spaces; others are cleared and recorded", async () => {
    const chain = await steps("1.0.0", "1.1.0");
    const known = run(`${HEAD}zone: { province: " jiangSU " }\nanswers: {}\n`, chain);
    expect(known.data.zone.province).toBe("js");
    expect(known.outcome.events).toEqual([
      { kind: "profile-mapped", field: "province", from: " jiangSU ", to: "js", version: "1.1.0" },
    ]);
    const unknown = run(`${HEAD}zone: { name: Z, province: Atlantis }\nanswers: {}\n`, chain);
    expect(unknown.data.zone).toEqual({ name: "Z" });
    expect(unknown.data.retired?.["zone.province"]).toEqual(
      expect.objectContaining({ version: "1.0.0", value: "Atlantis" }),
    );
  });

  it("an answer that no longer fits (above the new maximum) is cleared like a rescale", async () => {
    const r = run(
      "format: netdz-answers/1\nmeasureSet: { id: mini, version: 1.1.0 }\nzone: {}\nanswers:\n  M01.Q2: { value: 80 }\n",
      await steps("1.1.0", "1.2.0"),
    );
    expect(r.data.answers["M01.Q2"]).toEqual({
      note: "[netdz migrate 1.1.0 → 1.2.0] earlier answer: 80 items. Cleared because: M01.Q2 takes a whole number from 0 to 50, not 80. Please answer again.",
      review: true,
    });
  });

  it("unnamed answers carry over, new questions start unanswered, migrated: records the step", async () => {
    const r = run(
      `${HEAD}zone: {}\nanswers:\n  M02.Q1: { value: true }\n  M02.Q2:\n`,
      await steps("1.0.0", "1.1.0"),
    );
    expect(r.data.answers).toEqual({ "M02.Q1": { value: true }, "M02.Q2": null });
    expect(r.data.answers["M01.Q4"]).toBeUndefined();
    expect(r.outcome.carried).toBe(1);
    expect(r.data.measureSet).toEqual({ id: "mini", version: "1.1.0" });
    expect(r.data.migrated).toEqual([{ from: "1.0.0", to: "1.1.0", date: DATE }]);
  });
});

describe("migrateDocument through two versions (1.0.0 → 1.1.0 → 1.2.0)", () => {
  it("follows a renamed answer through both renames and records both steps", async () => {
    const r = run(
      `${HEAD}zone: {}\nanswers:\n  M01.Q3: { value: none }\n`,
      await steps("1.0.0", "1.1.0", "1.2.0"),
    );
    expect(r.data.answers).toEqual({ "M02.Q5": { value: "none" } });
    expect(r.outcome.events.map((e) => e.kind)).toEqual(["moved", "moved"]);
    expect(r.data.migrated).toEqual([
      { from: "1.0.0", to: "1.1.0", date: DATE },
      { from: "1.1.0", to: "1.2.0", date: DATE },
    ]);
    expect(r.outcome).toMatchObject({ from: "1.0.0", to: "1.2.0", carried: 0 });
  });

  it("keeps every comment of a hand-edited file", async () => {
    const text = [
      "# Answers of the test zone, kept by hand.",
      HEAD.trimEnd(),
      "zone:",
      "  name: Test Zone # the official name",
      "  province: 江苏 # typed by the planning office",
      "answers:",
      "  # checked on site in May",
      "  M01.Q1: { status: implemented } # see the minutes",
      "  M01.Q3: { value: full } # moved later",
      "  # the last one",
      "  M02.Q1: { value: false }",
      "",
    ].join("\n");
    const r = run(text, await steps("1.0.0", "1.1.0", "1.2.0"));
    for (const comment of [
      "# Answers of the test zone, kept by hand.",
      "# the official name",
      "# typed by the planning office",
      "# checked on site in May",
      "# see the minutes",
      "# moved later",
      "# the last one",
    ]) {
      expect(r.text).toContain(comment);
    }
    expect(r.text).toMatch(/^ {2}province: js # typed by the planning office$/m);
    expect(r.text).toMatch(/^ {2}M02\.Q5: \{ value: full \} # moved later$/m);
  });
});
