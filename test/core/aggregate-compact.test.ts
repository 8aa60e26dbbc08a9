import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summariseAnswers, summariseZone } from "../../src/core/aggregate.js";
import type { Answer, AnswersFile, MeasureSet, Question } from "../../src/core/model.js";
import { scoreAssessment } from "../../src/core/score.js";
import { loadValidSet } from "../../src/fs/workspace.js";
import { ROOT } from "../helpers.js";
import { loadAnswers, loadDemoSet, ZONES } from "../render/report-fixtures.js";

/** Any entry a checked file may hold for a question, fitting its type or not (or none). */
function entryFor(question: Question): fc.Arbitrary<Answer | undefined> {
  const ids = (question.options ?? []).map((o) => o.id);
  const entry: fc.Arbitrary<Answer> = fc.oneof(
    fc
      .constantFrom(
        "implemented",
        "in_progress",
        "planned",
        "not_started",
        "unknown",
        "not_applicable",
      )
      .map((status) => ({ status }) as Answer),
    fc.double({ min: -10, max: 500, noNaN: true }).map((value) => ({ value })),
    fc.boolean().map((value) => ({ value })),
    fc.constantFrom("", " ", "text", ...ids).map((value) => ({ value })),
    fc.subarray([...ids, ids[0] ?? "x"]).map((value) => ({ value })),
    fc.constant({ review: true } as Answer),
  );
  return fc.option(entry, { nil: undefined, freq: 3 });
}

function answersArb(set: MeasureSet): fc.Arbitrary<AnswersFile> {
  const questions = set.measures.flatMap((m) => m.questions);
  const profile = fc.record(
    Object.fromEntries(
      set.profile.map((field) => [
        field.id,
        field.type === "yesno"
          ? fc.boolean()
          : field.type === "choice"
            ? fc.constantFrom(...(field.options ?? []).map((o) => o.id), "")
            : fc.constantFrom("Jiangsu", "Henan", "Sichuan", "Liaoning", "nowhere"),
      ]),
    ),
    { requiredKeys: [] },
  );
  return fc
    .tuple(profile, fc.tuple(...questions.map(entryFor)), fc.integer({ min: 0, max: 1e6 }))
    .map(([zone, given, minute]) => ({
      format: "netdz-answers/1",
      measureSet: { id: set.id, version: set.version },
      zone: zone as AnswersFile["zone"],
      answers: Object.fromEntries(
        questions.flatMap((q, i) => {
          const entry = given[i];
          if (entry === undefined) return [];
          const at = new Date(Date.UTC(2026, 0, 1) + (minute + i) * 60_000).toISOString();
          return [[q.id, { ...entry, answeredAt: at }]];
        }),
      ) as AnswersFile["answers"],
    }));
}

/** What the roll-up kept of a file before it scored compactly: the full assessment, reduced. */
function viaAssessment(set: MeasureSet, answers: AnswersFile) {
  return summariseZone({ file: "z.yaml", answers, assessment: scoreAssessment(set, answers) });
}

describe("summariseAnswers (the roll-up's compact scoring)", () => {
  const demo = loadDemoSet();

  it("gives the demo answers files exactly what their full assessment gives", () => {
    for (const zone of ZONES) {
      const answers = loadAnswers(zone);
      expect(summariseAnswers(demo, "z.yaml", answers)).toEqual(viaAssessment(demo, answers));
    }
  });

  it("orders gaps equal up to floating-point noise by id, as the report does", () => {
    // M06.Q1 planned loses 7.500000000000001 points, M04.Q1 unanswered 7.5: equal, so M04 first.
    const at = "2026-01-01T00:00:00.000Z";
    const answers = {
      format: "netdz-answers/1",
      measureSet: { id: "demo-2025", version: "1.0.0" },
      zone: {},
      answers: {
        "M01.Q1": { status: "implemented", answeredAt: at },
        "M06.Q1": { status: "planned", answeredAt: at },
      },
    } as AnswersFile;
    const compact = summariseAnswers(demo, "z.yaml", answers);
    expect(compact.topGaps.map((g) => g.question)).toEqual(["M03.Q1", "M05.Q1", "M04.Q1"]);
    expect(compact).toEqual(viaAssessment(demo, answers));
  });

  it("equals the full assessment, to the last bit, for any answers of the demo set", () => {
    fc.assert(
      fc.property(answersArb(demo), (answers) => {
        expect(summariseAnswers(demo, "z.yaml", answers)).toEqual(viaAssessment(demo, answers));
      }),
      { numRuns: 300 },
    );
  });

  it("equals the full assessment for any answers of the bundled set", async () => {
    const bundled = await loadValidSet(path.join(ROOT, "measures", "workplan-2025", "1.0.0"), ROOT);
    fc.assert(
      fc.property(answersArb(bundled), (answers) => {
        const compact = summariseAnswers(bundled, "z.yaml", answers);
        expect(compact).toEqual(viaAssessment(bundled, answers));
        expect(compact.topGaps.length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 150 },
    );
  });
});
