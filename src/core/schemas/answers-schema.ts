import {
  answerValue,
  DRAFT,
  EXTENSIONS,
  QUESTION_ID_PATTERN,
  SCHEMA_BASE,
  identifier,
  semver,
  statusEnum,
} from "./common.js";

const dateTime = {
  type: "string",
  pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$",
  description: "ISO 8601 date-time, e.g. 2026-11-26T10:00:00Z",
} as const;

const answer = {
  type: ["object", "null"],
  description: "One question's answer; an empty entry (null) counts as unanswered.",
  properties: {
    status: { enum: statusEnum },
    value: answerValue,
    evidence: {
      type: "array",
      items: { type: "string", minLength: 1 },
      description: "URLs or file paths that show the answer is true.",
    },
    note: { type: "string" },
    answeredAt: {
      ...dateTime,
      description:
        "When the answer was given: an ISO 8601 date-time, e.g. 2026-11-26T10:00:00Z. The pattern " +
        "checks the shape; netdz validate also rejects a date-time that does not exist " +
        "(answers/answered-at: a day such as 2026-02-30, hour 24 or more, minutes or seconds 60 or more).",
    },
    review: { type: "boolean", description: "Marked for review." },
    owner: {
      type: "string",
      minLength: 1,
      description: "Who is responsible for closing the gap (责任单位): a unit or a person.",
    },
    due: {
      type: "string",
      pattern: "^\\d{4}-\\d{2}-\\d{2}$",
      description: "When the gap is to be closed (完成时限), as a date YYYY-MM-DD, e.g. 2026-12-31",
    },
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
      description:
        "The zone profile: name, province, region and the set's other profile fields, each a text or true/false (checked against the set, which also warns of keys that are not its fields).",
      // Any value: only the set tells a profile field (a text or true/false) from an unknown key,
      // which is a warning whatever its value.
      additionalProperties: true,
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
      propertyNames: { anyOf: [{ pattern: QUESTION_ID_PATTERN }, { pattern: "^x-" }] },
      additionalProperties: answer,
      ...EXTENSIONS,
    },
    migrated: {
      type: "array",
      description: "Each migration of the file to a newer version of its set (netdz migrate).",
      items: {
        type: "object",
        required: ["from", "to", "date"],
        properties: { from: semver, to: semver, date: dateTime },
        additionalProperties: false,
        ...EXTENSIONS,
      },
    },
    retired: {
      type: "object",
      ...EXTENSIONS,
      description:
        "What a migration could not carry over: answers to questions that were retired, and profile values that no longer fit, keyed by question id or `zone.<field>`.",
      additionalProperties: {
        type: "object",
        required: ["version"],
        properties: {
          version: { ...semver, description: "The version the answer was given in." },
          reason: { type: "string" },
          answer: { type: "object", ...EXTENSIONS },
          value: { type: ["string", "boolean"] },
        },
        additionalProperties: false,
        ...EXTENSIONS,
      },
    },
  },
  additionalProperties: false,
  ...EXTENSIONS,
} as const;
