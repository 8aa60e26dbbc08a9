import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate, nullable, summariseZone } from "../../src/core/aggregate.js";
import { diffAssessments } from "../../src/core/diff.js";
import type { Answer, AnswersFile, Question, Zone } from "../../src/core/model.js";
import { scoreAssessment } from "../../src/core/score.js";
import { buildJsonReport } from "../../src/render/report-json.js";
import { loadDemoSet } from "../render/report-fixtures.js";

const set = loadDemoSet();
const QUESTIONS = set.measures.flatMap((m) => m.questions);

/** Any answer a valid file may give to a question (or none). */
function answerFor(question: Question): fc.Arbitrary<Answer | undefined> {
  const statuses = fc.constantFrom<Answer>(
    { status: "unknown" },
    { status: "not_applicable", note: "does not apply" },
  );
  const value = (): fc.Arbitrary<Answer> => {
    switch (question.type) {
      case "status":
        return fc
          .constantFrom("implemented", "in_progress", "planned", "not_started")
          .map((status) => ({ status }) as Answer);
      case "number":
        return fc.double({ min: 0, max: 200, noNaN: true }).map((v) => ({ value: v }));
      case "yesno":
        return fc.boolean().map((v) => ({ value: v }));
      case "choice":
        return fc
          .constantFrom(...(question.options ?? []).map((o) => o.id))
          .map((v) => ({ value: v }));
      case "multi":
        return fc.subarray((question.options ?? []).map((o) => o.id)).map((v) => ({ value: v }));
      default:
        return fc.string().map((v) => ({ value: v }));
    }
  };
  return fc.option(fc.oneof(value(), statuses), { nil: undefined, freq: 4 });
}

const zoneArb: fc.Arbitrary<Zone> = fc.record({
  name: fc.constantFrom("A ETDZ", "B ETDZ", "C ETDZ", "D ETDZ", "E ETDZ"),
  province: fc.constantFrom("Jiangsu", "Henan"),
  region: fc.constantFrom("eastern", "central", "western", "northeastern"),
  westernHubArea: fc.boolean(),
  customsArea: fc.boolean(),
});

const answersArb: fc.Arbitrary<AnswersFile> = fc
  .tuple(zoneArb, fc.tuple(...QUESTIONS.map(answerFor)), fc.integer({ min: 0, max: 1e6 }))
  .map(([zone, given, minute]) => ({
    format: "netdz-answers/1",
    measureSet: { id: set.id, version: set.version },
    zone,
    answers: Object.fromEntries(
      QUESTIONS.flatMap((q, i) => {
        const answer = given[i];
        if (answer === undefined) return [];
        const at = new Date(Date.UTC(2026, 0, 1) + (minute + i) * 60_000).toISOString();
        return [[q.id, { ...answer, answeredAt: at }]];
      }),
    ),
  }));

function report(answers: AnswersFile) {
  return buildJsonReport(scoreAssessment(set, answers), set, answers, { lang: "en" });
}

describe("properties of the roll-up and the comparison", () => {
  it("each zone's overall score in the roll-up is the one its own report gives", () => {
    fc.assert(
      fc.property(
        fc.array(answersArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 100 }),
        (files, min) => {
          const zones = files.map((answers, i) =>
            summariseZone({
              file: `z${i}.yaml`,
              answers,
              assessment: scoreAssessment(set, answers),
            }),
          );
          const agg = aggregate(set, zones, [], { minCompleteness: min, bottom: 5 });
          // Every file is either used or superseded, never both, never twice.
          expect(agg.zones.length + agg.superseded.length).toBe(files.length);
          for (const zone of agg.zones) {
            const own = report(files[Number(zone.file.slice(1, -5))]!);
            expect(zone.overall).toBe(own.overall.score);
            expect(zone.completeness).toBe(own.overall.completeness);
            expect(nullable(zone.measureScores)).toEqual(own.measures.map((m) => m.score));
            expect(nullable(zone.areaScores)).toEqual(own.areas.map((a) => a.score));
            expect(zone.counts).toEqual(own.counts);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("the changes in a comparison are the differences of the two reports", () => {
    fc.assert(
      fc.property(answersArb, answersArb, (before, after) => {
        const a = report(before);
        const b = report(after);
        const diff = diffAssessments(
          { file: "old.yaml", answers: before, assessment: scoreAssessment(set, before) },
          { file: "new.yaml", answers: after, assessment: scoreAssessment(set, after) },
        );
        const minus = (x: number | null, y: number | null) =>
          x === null || y === null ? null : x - y;
        expect(diff.overall.change).toBe(minus(b.overall.score, a.overall.score));
        expect(diff.completeness.change).toBe(
          minus(b.overall.completeness, a.overall.completeness),
        );
        diff.areas.forEach((area, i) => {
          expect(area.change).toBe(minus(b.areas[i]!.score, a.areas[i]!.score));
        });
        diff.measures.forEach((measure, i) => {
          expect([measure.old, measure.new]).toEqual([a.measures[i]!.score, b.measures[i]!.score]);
          expect(measure.change).toBe(minus(b.measures[i]!.score, a.measures[i]!.score));
        });
        for (const list of Object.values(diff.questions)) {
          for (const q of list) {
            const before = a.questions.find((x) => x.id === q.id)!;
            const now = b.questions.find((x) => x.id === q.id)!;
            expect([q.old, q.new, q.change]).toEqual([
              before.score,
              now.score,
              minus(now.score, before.score),
            ]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
