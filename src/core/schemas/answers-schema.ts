import { DRAFT, EXTENSIONS, SCHEMA_BASE, identifier, semver, statusEnum } from "./common.js";

const answer = {
  type: ["object", "null"],
  description: "One question's answer; an empty entry (null) counts as unanswered.",
  properties: {
    status: { enum: statusEnum },
    value: {
      anyOf: [
        { type: "number" },
        { type: "boolean" },
        { type: "string" },
        { type: "array", items: { type: "string" } },
      ],
    },
    evidence: {
      type: "array",
      items: { type: "string", minLength: 1 },
      description: "URLs or file paths that show the answer is true.",
    },
    note: { type: "string" },
    answeredAt: {
      type: "string",
      pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$",
      description: "ISO 8601 date-time, e.g. 2026-11-26T10:00:00Z",
    },
    review: { type: "boolean", description: "Marked for review." },
  },
  dependentSchemas: { status: { not: { required: ["value"] } } },
  if: { properties: { status: { const: "not_applicable" } }, required: ["status"] },
  then: { required: ["note"], properties: { note: { type: "string", minLength: 1 } } },
  additionalProperties: false,
  ...EXTENSIONS,
} as const;

/** JSON Schema of an answers file (`netdz-answers.yaml`). */
export const answersSchema = {
  $schema: DRAFT,
  $id: `${SCHEMA_BASE}answers.schema.json`,
  title: "netdz answers",
  description:
    "A zone's answers to a measure set. A question with no entry is unanswered. Status questions take `status`; other types take `value`, or `status: unknown` / `status: not_applicable`.",
  type: "object",
  required: ["format", "measureSet", "zone", "answers"],
  properties: {
    format: { const: "netdz-answers/1" },
    measureSet: {
      type: "object",
      required: ["id", "version"],
      properties: { id: identifier, version: semver },
      additionalProperties: false,
      ...EXTENSIONS,
    },
    zone: {
      type: ["object", "null"],
      description: "The zone profile: name, province, region and the set's other profile fields.",
      additionalProperties: { type: ["string", "boolean"] },
      ...EXTENSIONS,
    },
    assessor: {
      type: ["object", "null"],
      properties: { name: { type: "string" }, role: { type: "string" } },
      additionalProperties: false,
      ...EXTENSIONS,
    },
    answers: {
      type: ["object", "null"],
      description: "Question id → its answer; `x-…` keys are extensions, not answers.",
      propertyNames: { anyOf: [{ pattern: "^M\\d{2,}\\.Q\\d+$" }, { pattern: "^x-" }] },
      additionalProperties: answer,
      ...EXTENSIONS,
    },
  },
  additionalProperties: false,
  ...EXTENSIONS,
} as const;
