import { STATUSES } from "../model.js";

/** JSON Schema (draft 2020-12) of the JSON comparison, `netdz diff --format json`. */

const id = { type: "string", minLength: 1 } as const;
const num = { type: ["number", "null"] } as const;

const change = {
  required: ["old", "new", "change"],
  properties: {
    old: num,
    new: num,
    change: { description: "new − old; null unless both are numbers.", ...num },
  },
} as const;

const scoreRow = (extra: Record<string, unknown>, required: readonly string[]) =>
  ({
    type: "array",
    items: {
      type: "object",
      additionalProperties: false,
      required: [...required, ...change.required],
      properties: { ...extra, ...change.properties },
    },
  }) as const;

const state = { enum: [...STATUSES, "answered", "unanswered"] } as const;

const questionList = {
  type: "array",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["id", "measure", "oldState", "newState", ...change.required],
    properties: {
      id,
      measure: id,
      oldState: state,
      newState: state,
      ...change.properties,
    },
  },
} as const;

const gapList = {
  type: "array",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["id", "measure", "points"],
    properties: { id, measure: id, points: { type: "number", minimum: 0 } },
  },
} as const;

const evidenceList = {
  type: "array",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["question", "item"],
    properties: { question: id, item: { type: "string" } },
  },
} as const;

const side = {
  type: "object",
  additionalProperties: false,
  required: ["file", "zone"],
  properties: {
    file: { type: "string" },
    zone: { type: "object", additionalProperties: { type: ["string", "boolean"] } },
    date: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
  },
} as const;

export const diffSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://netdz.dev/schemas/diff.schema.json",
  title: "netdz comparison of two assessments",
  description:
    "Two answers files of the same measure set and version. Scores 0…100 (questions 0…1), " +
    "completeness 0…1, gaps in points of the overall score; unrounded.",
  type: "object",
  additionalProperties: false,
  required: [
    "format",
    "lang",
    "measureSet",
    "old",
    "new",
    "sameZone",
    "overall",
    "completeness",
    "areas",
    "measures",
    "questions",
    "gapsClosed",
    "newGaps",
    "evidenceAdded",
    "evidenceRemoved",
  ],
  properties: {
    format: { const: "netdz-diff/1" },
    lang: { enum: ["en", "zh"] },
    measureSet: {
      type: "object",
      additionalProperties: false,
      required: ["id", "version"],
      properties: { id, version: id },
    },
    old: side,
    new: side,
    sameZone: {
      description: "Same zone name and province (whitespace normalised).",
      type: "boolean",
    },
    overall: {
      type: "object",
      additionalProperties: false,
      required: [...change.required, "oldBand", "newBand", "bandChanged"],
      properties: {
        ...change.properties,
        oldBand: { type: ["string", "null"] },
        newBand: { type: ["string", "null"] },
        bandChanged: { type: "boolean" },
      },
    },
    completeness: {
      type: "object",
      additionalProperties: false,
      required: change.required,
      properties: change.properties,
    },
    areas: scoreRow({ id }, ["id"]),
    measures: scoreRow({ id, area: id }, ["id", "area"]),
    questions: {
      description:
        "Each question that moved, in the first category that fits: becameNotApplicable, " +
        "becameUnknown, newlyAnswered, improved, regressed.",
      type: "object",
      additionalProperties: false,
      required: ["becameNotApplicable", "becameUnknown", "newlyAnswered", "improved", "regressed"],
      properties: {
        becameNotApplicable: questionList,
        becameUnknown: questionList,
        newlyAnswered: questionList,
        improved: questionList,
        regressed: questionList,
      },
    },
    gapsClosed: { ...gapList, description: "Questions that lost points before and none now." },
    newGaps: { ...gapList, description: "Questions that lose points now and lost none before." },
    evidenceAdded: evidenceList,
    evidenceRemoved: evidenceList,
  },
} as const;
