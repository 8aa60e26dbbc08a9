import {
  DRAFT,
  EXTENSIONS,
  MEASURE_ID_PATTERN,
  QUESTION_ID_PATTERN,
  SCHEMA_BASE,
  statusEnum,
  text,
} from "./common.js";

const option = {
  type: "object",
  required: ["id", "label", "score"],
  properties: {
    id: { type: "string", pattern: "^[a-z0-9][a-z0-9_-]*$" },
    label: text,
    score: { type: "number" },
  },
  additionalProperties: false,
  ...EXTENSIONS,
} as const;

const question = {
  type: "object",
  required: ["id", "type", "text", "guidance", "weight"],
  properties: {
    id: { type: "string", pattern: QUESTION_ID_PATTERN, description: "e.g. M01.Q1, JS-M01.Q1" },
    type: { enum: ["status", "yesno", "number", "choice", "multi", "text"] },
    text: text,
    guidance: {
      ...text,
      description: "What 'done' looks like, and the next step when it is not.",
    },
    weight: { type: "number" },
    evidence: {
      type: "object",
      required: ["requiredFor", "hint"],
      properties: {
        requiredFor: { type: "array", items: { enum: statusEnum }, uniqueItems: true },
        hint: text,
      },
      additionalProperties: false,
      ...EXTENSIONS,
    },
    appliesWhen: {
      type: "object",
      description: "Zone-profile field → the values for which this question applies. All must match.",
      additionalProperties: {
        type: "array",
        minItems: 1,
        items: { type: ["string", "boolean"] },
      },
      ...EXTENSIONS,
    },
    unit: text,
    target: { type: "number" },
    direction: { enum: ["higher", "lower"] },
    min: { type: "number", description: "Smallest number answer accepted." },
    max: { type: "number", description: "Largest number answer accepted." },
    integer: { type: "boolean", description: "Only whole numbers are accepted." },
    options: { type: "array", minItems: 1, items: option },
  },
  // Type-specific fields are required for their type and refused for the other known types; a
  // question whose type is itself wrong or missing gets that one error, not a cascade (each `if`
  // requires the type: without it, `properties` alone would hold and every `then` apply).
  allOf: [
    {
      if: { required: ["type"], properties: { type: { const: "number" } } },
      then: { required: ["unit", "target", "direction"] },
    },
    {
      if: { required: ["type"], properties: { type: { enum: ["status", "yesno", "choice", "multi", "text"] } } },
      then: {
        properties: {
          unit: false,
          target: false,
          direction: false,
          min: false,
          max: false,
          integer: false,
        },
      },
    },
    {
      if: { required: ["type"], properties: { type: { enum: ["choice", "multi"] } } },
      then: { required: ["options"] },
    },
    {
      if: { required: ["type"], properties: { type: { enum: ["status", "yesno", "number", "text"] } } },
      then: { properties: { options: false } },
    },
  ],
  additionalProperties: false,
  ...EXTENSIONS,
} as const;

/** JSON Schema of one measure file (`measures/<set>/<version>/*.yaml` other than set.yaml). */
export const measureSchema = {
  $schema: DRAFT,
  $id: `${SCHEMA_BASE}measure.schema.json`,
  title: "netdz measure",
  description: "One measure of the plan, with the checklist questions a zone answers about it.",
  type: "object",
  required: [
    "format",
    "id",
    "number",
    "area",
    "ref",
    "title",
    "summary",
    "provenance",
    "weight",
    "questions",
  ],
  properties: {
    format: { const: "netdz-measure/1" },
    id: {
      type: "string",
      pattern: MEASURE_ID_PATTERN,
      description: "M01…M16; a set that extends another uses a prefix of its own, e.g. JS-M01",
    },
    number: { type: "integer", minimum: 1 },
    area: { type: "string", minLength: 1 },
    ref: { type: "string", minLength: 1, description: "The plan's section, e.g. 二（一）" },
    title: text,
    summary: text,
    provenance: {
      type: "object",
      required: ["basis", "sources"],
      properties: {
        basis: { enum: ["text", "briefing", "reconstructed"] },
        sources: { type: "array", items: { type: "string", minLength: 1 } },
        note: text,
      },
      additionalProperties: false,
      ...EXTENSIONS,
    },
    weight: { type: "number" },
    questions: { type: "array", minItems: 1, items: question },
  },
  additionalProperties: false,
  ...EXTENSIONS,
} as const;
