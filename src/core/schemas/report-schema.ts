import { STATUSES } from "../model.js";

/** JSON Schema (draft 2020-12) of the JSON gap report, `netdz report --format json`. */

const nullableNumber = { type: ["number", "null"] } as const;
const id = { type: "string", minLength: 1 } as const;

const questionEntry = {
  type: "object",
  additionalProperties: false,
  required: ["id", "measure", "status", "score", "gap"],
  properties: {
    id,
    measure: id,
    status: {
      description:
        "A status, `answered` (a value given to a non-status question) or `unanswered`; " +
        "`not_applicable` also when the zone profile excludes the question.",
      enum: [
        ...STATUSES,
        "answered",
        "unanswered",
      ],
    },
    score: {
      description: "Question score s in 0…1, unrounded; null when not scored (text, not applicable).",
      type: ["number", "null"],
      minimum: 0,
      maximum: 1,
    },
    gap: {
      description: "Points of the overall score lost, (1 − s) × share × 100; null when not scored.",
      type: ["number", "null"],
      minimum: 0,
      maximum: 100,
    },
  },
} as const;

const count = { type: "integer", minimum: 0 } as const;

export const reportSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://netdz.dev/schemas/report.schema.json",
  title: "netdz gap report",
  description:
    "Scores of one answers file against its measure set. Measure, area and overall scores are " +
    "0…100 and unrounded; null where nothing is applicable.",
  type: "object",
  additionalProperties: false,
  required: [
    "format",
    "lang",
    "measureSet",
    "zone",
    "overall",
    "areas",
    "measures",
    "questions",
    "gaps",
    "counts",
  ],
  properties: {
    format: { const: "netdz-report/1" },
    lang: { description: "Language of the band label.", enum: ["en", "zh"] },
    date: {
      description: "SOURCE_DATE_EPOCH, else the answers' last update (UTC).",
      type: "string",
      pattern: "^\\d{4}-\\d{2}-\\d{2}$",
    },
    measureSet: {
      type: "object",
      additionalProperties: false,
      required: ["id", "version"],
      properties: { id, version: id },
    },
    zone: {
      description: "The zone profile from the answers file.",
      type: "object",
      additionalProperties: { type: ["string", "boolean"] },
    },
    overall: {
      type: "object",
      additionalProperties: false,
      required: ["score", "band", "completeness"],
      properties: {
        score: { ...nullableNumber, minimum: 0, maximum: 100 },
        band: { description: "Label of the band, in `lang`.", type: ["string", "null"] },
        completeness: {
          description: "Answered share of applicable questions, 0…1.",
          ...nullableNumber,
          minimum: 0,
          maximum: 1,
        },
      },
    },
    areas: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "weight", "score"],
        properties: {
          id,
          weight: { type: "number" },
          score: { ...nullableNumber, minimum: 0, maximum: 100 },
        },
      },
    },
    measures: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "area", "score", "applicable"],
        properties: {
          id,
          area: id,
          score: { ...nullableNumber, minimum: 0, maximum: 100 },
          applicable: { type: "boolean" },
        },
      },
    },
    questions: { type: "array", items: questionEntry },
    gaps: {
      description: "Questions that lose points, by points lost (descending), then id.",
      type: "array",
      items: questionEntry,
    },
    counts: {
      description:
        "total = applicable + notApplicable; applicable = answered + unknown + unanswered; " +
        "review counts every question marked for review.",
      type: "object",
      additionalProperties: false,
      required: ["total", "applicable", "answered", "unanswered", "unknown", "notApplicable", "review"],
      properties: {
        total: count,
        applicable: count,
        answered: count,
        unanswered: count,
        unknown: count,
        notApplicable: count,
        review: count,
      },
    },
  },
} as const;
